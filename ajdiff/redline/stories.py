"""Page headers and footers compared and tracked, as Word's Compare does: inside NEW's own header and footer
parts, paired with OLD's by section, kind and page type.

A header's words are compared without the results of its fields (a page number is not a change); its
paragraphs go through the same script and tracking as the body's, tables included (a logo | body's
name | "Lisa 3" header table): a row is a unit, OLD's words go back to the cell their cell became, a
row of one side alone is inserted or deleted as a row; a part laid out anew (a line become a table) is
OLD's deleted and NEW's inserted whole. OLD's header that NEW lacks comes back deleted in a part of the
redline's own. A header whose words stand in a text box is only named on the summary page, not tracked.
"""

from __future__ import annotations

from lxml import etree

from ajdiff.changes import Change, ChangeKind
from ajdiff.compare.script import Edit, EditKind, paragraph_script
from ajdiff.compare.worddiff import word_spans
from ajdiff.read.formats.ooxml import qn
from ajdiff.records import dataclass
from ajdiff.redline import track
from ajdiff.redline.oxml import Revisions, first_below, first_section
from ajdiff.redline.package import Package
from ajdiff.text import fold_key


@dataclass(frozen=True)
class Story:
    """One header or footer part as a section refers to it."""

    section: int
    kind: str
    """'header' or 'footer'."""
    page: str
    """Its `w:type`: 'default', 'first' or 'even'."""
    root: etree._Element


def _text(p: etree._Element) -> str:
    """A paragraph's words without its fields' results (PAGE, NUMPAGES show a number, not a text)."""
    out: list[str] = []
    in_result = 0
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:fldChar")):
        if el.tag == qn("w:fldChar"):
            kind = el.get(qn("w:fldCharType"))
            if kind == "separate":
                in_result += 1
            elif kind == "end" and in_result:
                in_result -= 1
            continue
        if in_result or any(a.tag == qn("w:fldSimple") for a in el.iterancestors()):
            continue
        out.append("\t" if el.tag == qn("w:tab") else el.text or "")
    return " ".join("".join(out).split())


def story_lines(root: etree._Element) -> list[str]:
    """The non-empty paragraphs of a header or footer, as compared."""
    return [text for text in (_text(p) for p in root.iter(qn("w:p"))) if text]


def stories(package: Package) -> list[Story]:
    """The headers and footers each section of the body refers to, in the body's order."""
    found = []
    for k, sect in enumerate(package.body.iter(qn("w:sectPr"))):
        for ref in sect:
            if ref.tag not in (qn("w:headerReference"), qn("w:footerReference")):
                continue
            root = package.story(ref.get(f"{{{_R_NS}}}id") or "")
            if root is not None:
                kind = "header" if ref.tag == qn("w:headerReference") else "footer"
                found.append(Story(k, kind, ref.get(qn("w:type")) or "default", root))
    return found


_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _counterpart(story: Story, old: list[Story]) -> Story | None:
    """OLD's story of the same kind and page type in the same section, else in its last section that has one."""
    same = [s for s in old if (s.kind, s.page) == (story.kind, story.page)]
    exact = [s for s in same if s.section == story.section]
    chosen = exact or same[-1:]
    return chosen[0] if chosen else None


def track_stories(new: Package, old: Package, authors: track.Authors) -> list[Change]:
    """Compare each of NEW's headers and footers with OLD's and track the differences in NEW's part; the
    differences as changes for the summary page ('header' / 'footer', OLD's words → NEW's)."""
    changes = []
    done: set[int] = set()
    old_stories = stories(old)
    for story in stories(new):
        if id(story.root) in done:
            continue  # one part referred to by several sections is tracked once
        done.add(id(story.root))
        counterpart = _counterpart(story, old_stories)
        old_lines = story_lines(counterpart.root) if counterpart is not None else []
        new_lines = story_lines(story.root)
        if [fold_key(t) for t in old_lines] == [fold_key(t) for t in new_lines] and old_lines == new_lines:
            continue
        old_text, new_text = " / ".join(old_lines), " / ".join(new_lines)
        editorial = fold_key(old_text) == fold_key(new_text)
        kind = ChangeKind.ADDED if not old_lines else ChangeKind.REMOVED if not new_lines else ChangeKind.MODIFIED
        changes.append(
            Change(
                story.kind,
                kind,
                old_text or None,
                new_text or None,
                editorial=editorial,
                spans=word_spans(old_text, new_text) if old_lines and new_lines else (),
            )
        )
        if _track(story.root, counterpart.root if counterpart is not None else None, authors, new, old):
            new.changed(story.root)
    return changes + _gone(new, old, old_stories, authors)


def _gone(new: Package, old: Package, old_stories: list[Story], authors: track.Authors) -> list[Change]:
    """OLD's headers and footers of a kind NEW has none of (a new template without a header): named as
    removed; a default one comes back in a part of NEW's own, its paragraphs and images deleted, so Reject
    All shows it and Accept All an empty header. A first-page or even-page one is only named: NEW's sections would
    need a set-up of their own to show it."""
    have = {(s.kind, s.page) for s in stories(new)}
    first = first_section(new.body)
    changes = []
    done: set[int] = set()
    for story in old_stories:
        lines = story_lines(story.root)
        if (story.kind, story.page) in have or id(story.root) in done or not lines:
            continue
        done.add(id(story.root))
        changes.append(Change(story.kind, ChangeKind.REMOVED, " / ".join(lines), None))
        if story.page != "default" or first is None:
            continue
        rid = new.add_empty_story(story.kind)
        root = new.story(rid)
        assert root is not None  # just added
        ref = etree.Element(qn(f"w:{story.kind}Reference"))
        ref.set(qn("w:type"), "default")
        ref.set(f"{{{_R_NS}}}id", rid)
        first.insert(0, ref)  # CT_SectPr: the references come first; NEW's later sections inherit it
        have.add((story.kind, story.page))
        _track(root, story.root, authors, new, old)
    return changes


def uncompared_stories(new: Package) -> list[Change]:
    """NEW's headers and footers with words, when OLD has none to compare them with (a text or PDF OLD:
    its page headers, if it had any, are not told apart from its text): for the summary page to name as
    not compared, never tracked as inserted — OLD may well have had the same header."""
    changes = []
    done: set[int] = set()
    for story in stories(new):
        lines = story_lines(story.root)
        if id(story.root) in done or not lines:
            continue
        done.add(id(story.root))
        changes.append(Change(story.kind, ChangeKind.ADDED, None, " / ".join(lines)))
    return changes


def _tables(root: etree._Element) -> int:
    """How many tables hold a part's words (its layout, as far as the script can keep it)."""
    return sum(1 for t in root.iter(qn("w:tbl")) if any(_text(p) for p in t.iter(qn("w:p"))))


def _paragraphs(root: etree._Element | None) -> list[etree._Element]:
    """The paragraphs of a part that have words, as compared."""
    return [p for p in root.iter(qn("w:p")) if _text(p)] if root is not None else []


def _pictures(block: etree._Element) -> bool:
    """True when a block holds an image (a logo)."""
    return first_below(block, qn("w:drawing")) is not None or first_below(block, qn("w:pict")) is not None


def _track(
    root: etree._Element, old_root: etree._Element | None, authors: track.Authors, new: Package, old: Package
) -> bool:
    """Write the script from OLD's part to NEW's into NEW's part: its paragraphs and its tables' rows and
    cells as the body's are written; False when a side's words stand in a text box (the part is left as
    it is)."""
    paragraphs, old_paragraphs = _paragraphs(root), _paragraphs(old_root)
    if any(a.tag == qn("w:txbxContent") for p in (*paragraphs, *old_paragraphs) for a in p.iterancestors()):
        return False  # in a text box: named on the summary page only
    texts = [_text(p) for p in paragraphs]
    old_lines = [_text(p) for p in old_paragraphs]
    containers: dict[object, int] = {}
    groups = [containers.setdefault(p.getparent(), len(containers)) for p in paragraphs]
    if old_root is not None and (not paragraphs or _tables(old_root) != _tables(root)):
        # Laid out anew (a line became a logo | name | annex table, or a table lines), or gone: OLD's part
        # deleted whole, its tables as tables and its images copied, and NEW's inserted whole, so each
        # view has its own file's shape.
        from ajdiff.redline.document import deleted_block, tables_apart

        start = 0
        for block in old_root:
            if block.tag in (qn("w:p"), qn("w:tbl")) and (_paragraphs(block) or _pictures(block)):
                copied = deleted_block(block, old, new, authors.substantive, parts=(old_root, root))
                root.insert(start, copied)
                tables_apart(copied, authors.substantive)
                start = root.index(copied) + 1
        old_lines, old_paragraphs = [], []
        steps: tuple[Edit, ...] = tuple(Edit(EditKind.INSERT, None, j) for j in range(len(texts)))
        for p in root.iter(qn("w:p")):
            if not _text(p) and _pictures(p) and any(a.tag == qn("w:tbl") for a in p.iterancestors()):
                # A logo beside the words: inserted with them, or LibreOffice keeps the row on Reject All.
                track.insert(p, authors.substantive)
    else:
        steps = paragraph_script(old_lines, texts, moves=False, new_groups=groups)
    inserted: list[tuple[etree._Element, Revisions]] = []
    track.apply(
        steps,
        old_lines,
        paragraphs,
        texts,
        [""] * len(paragraphs),
        authors,
        anchor=None,
        body=root,
        inserted=inserted,
        old_paragraphs=old_paragraphs,
    )
    track.mark_inserted_breaks(inserted)
    track.settle_last_marks(root, authors)
    track.keep_insertions_apart(root)
    track.mark_inserted_rows(root, authors)
    return True
