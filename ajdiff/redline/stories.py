"""Page headers and footers compared and tracked, as Word's Compare does: inside NEW's own header and footer
parts, paired with OLD's by section, kind and page type.

A header's words are compared without the results of its fields (a page number is not a change); its
paragraphs go through the same script and tracking as the body's. A header whose changed paragraphs
stand in a table (a logo | name layout) is only named on the summary page, not tracked: the body's
table alignment is not for a part this small.
"""

from __future__ import annotations

from lxml import etree

from ajdiff.changes import Change, ChangeKind
from ajdiff.compare.script import paragraph_script
from ajdiff.compare.worddiff import word_spans
from ajdiff.read.formats.ooxml import qn
from ajdiff.records import dataclass
from ajdiff.redline import track
from ajdiff.redline.oxml import Revisions
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
        if _track(story.root, old_lines, authors):
            new.changed(story.root)
    return changes


def _track(root: etree._Element, old_lines: list[str], authors: track.Authors) -> bool:
    """Write the script from OLD's lines to the part's paragraphs into the part, when they stand in it
    directly; False when they do not (the part is left as it is)."""
    paragraphs = [p for p in root.iter(qn("w:p")) if _text(p)]
    if any(p.getparent() is not root for p in paragraphs):
        return False  # in a table or a text box: named on the summary page only
    texts = [_text(p) for p in paragraphs]
    steps = paragraph_script(old_lines, texts, moves=False)
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
    )
    track.mark_inserted_breaks(inserted)
    track.settle_last_marks(root, authors)
    track.keep_insertions_apart(root)
    return True
