"""The redline: NEW's own document with every difference to OLD tracked in it, after a summary page.

When NEW is a Word file, the redline is that package — its styles, headers, margins, numbering and
tables — with tracked changes in its own paragraphs. Otherwise a clean template holds NEW's
paragraphs, in NEW's order and words. Either way each job description of NEW is compared with the
one of OLD it was paired with, along the comparison's own alignment: each duty's paragraphs, found by
its tree node's origins, are paired, moved, inserted or deleted as its step says (a typed field's, by
its key), and paragraphs are paired by their words only inside a unit and among those no unit holds
(`compare.script.aligned_script`);
created posts are inserted whole, abolished ones deleted whole where they stood; the orders' own text is
compared too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ajdiff.changes import Change, Comparison, ComparisonSet, InputBytes, StepKind
from ajdiff.compare.script import Claim, ClaimKind, Edit, aligned_script
from ajdiff.errors import InputError
from ajdiff.i18n import _
from ajdiff.model import JobDescription
from ajdiff.read.formats import DEFAULT_MAX_BYTES, SourceText, read_bytes, read_input, sniff_kind
from ajdiff.read.formats.ooxml import qn
from ajdiff.read.orders import register_rows
from ajdiff.read.parse import parse_source
from ajdiff.records import dataclass
from ajdiff.redline import track
from ajdiff.redline.numbering import adopt_numbering
from ajdiff.redline.oxml import (
    Revisions,
    Track,
    clone,
    datetime,
    element,
    first_child,
    mark_paragraph,
    mark_row,
    paragraph,
    timezone,
)
from ajdiff.redline.package import Package
from ajdiff.redline.units import Unit, duty_nodes, field_nodes, kind_of, owners, segments, text_units, word_units
from ajdiff.text import normalize_line
from ajdiff.tree import Node, NodeKind, Origin, walk
from ajdiff.words import doc_label, word

if TYPE_CHECKING:
    from ajdiff.review import Review


@dataclass(frozen=True)
class RedlineOptions:
    """How the redline is written."""

    author: str = "ajdiff"
    date: datetime | None = None
    """The tracked changes' date; None is now."""
    editorial_apart: bool = True
    """Editorial changes under their own author (to hide with Word's reviewer filter)."""
    moves: bool = True
    """Paragraphs moved word for word as moves (`w:moveFrom`/`w:moveTo`), not a deletion and an insertion."""
    lang: str = "et"
    review: Review | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    warn: Callable[[str, str], None] | None = None
    """Told each warning (the file, the problem in English); None: Python's `warnings` (RedlineWarning)."""


@dataclass
class _Side:
    """One input file: its paragraphs and the job descriptions the reader found in it."""

    units: list[Unit]
    docs: list[JobDescription]
    source: str | None = None
    """The file's name as the comparison's documents carry it, when documents of other files are compared too."""
    head: tuple[int, ...] = ()
    stretches: dict[int, tuple[int, ...]] = field(default_factory=dict)
    """id(doc) → its paragraphs."""

    def cut(self) -> None:
        cut = segments(self.units, self.docs)
        self.head = cut.head
        self.stretches = {id(d): s for d, s in zip(self.docs, cut.docs)}


def _read(
    path: str, options: RedlineOptions, *, text: bool, base: bool, given: InputBytes | None = None
) -> tuple[Package | None, SourceText | None]:
    """A file's package when it is a Word document, and its text as the reader reads it when it is not
    (or when `text`: its job descriptions are to be read again). NEW's package (`base`) holds no pending
    tracked change: they are accepted, as the comparison read them, and a warning says so."""
    # The bytes the comparison read, when it kept them: a pipe is read once, and a file may change meanwhile.
    data, name, suffix = (
        (given.data, given.name, given.suffix) if given else read_input(path, max_bytes=options.max_bytes)
    )
    package = None
    if sniff_kind(data[:8], "") == "zip":
        try:
            package = Package.from_docx(data, name=name, max_bytes=options.max_bytes, to_write=base)
        except InputError as refused:
            from ajdiff.read.formats.container import is_signature_container

            package = None  # a signature container: its text is enough
            if base and not is_signature_container(data, name):
                # A Word document the reader could read but whose package cannot be the base.
                _warn(
                    options,
                    name,
                    _(
                        "its Word package cannot be the redline's base ({0}); the redline is in ajdiff's own template"
                    ).format(refused.problem),
                )
    if package is not None and base:
        pending = package.accept_pending()
        if pending:
            _warn(
                options, name, _("holds {0} pending tracked changes: compared and written as accepted").format(pending)
            )
    source = read_bytes(data, name, suffix, max_bytes=options.max_bytes) if text or package is None else None
    return package, source


def _warn(options: RedlineOptions, source: str, message: str) -> None:
    """A warning of the redline (in English, as the core raises them): to the caller's hook, else Python's."""
    if options.warn is not None:
        options.warn(source, message)
    else:
        import warnings

        warnings.warn(f"{source}: {message}", RedlineWarning, stacklevel=3)


class RedlineWarning(UserWarning):
    """Something the redline did that its reader should know: NEW's own changes accepted, its package unused."""


def _match(side: _Side, wanted: JobDescription) -> JobDescription | None:
    """The document of a side (one file) that the comparison's document is: by its annex, and when the
    comparison spans folders, by its file too."""
    if any(d is wanted for d in side.docs):  # documents given in memory: the very ones compared
        return wanted
    if side.source is not None and wanted.source != side.source:
        return None
    return next((d for d in side.docs if d.annex == wanted.annex), None)


@dataclass
class _Plan:
    """What to write: per stretch of NEW (and OLD), the script, in NEW's order."""

    parts: list[tuple[list[int], list[int], tuple[Edit, ...]]] = field(default_factory=list)
    """(OLD's paragraphs, NEW's paragraphs, the script between them), in NEW's order."""


_CLAIM_OF_STEP = {
    StepKind.PAIR: ClaimKind.PAIR,
    StepKind.MERGE: ClaimKind.PAIR,
    StepKind.SPLIT: ClaimKind.PAIR,
    StepKind.MOVE: ClaimKind.MOVE,
    StepKind.INSERT: ClaimKind.INSERT,
    StepKind.DELETE: ClaimKind.DELETE,
}


def _paragraphs_of(
    side: _Side, positions: Sequence[int], doc: JobDescription, nodes: Sequence[Node]
) -> dict[int, list[int]] | None:
    """Each node's paragraphs (by its index in `nodes`), as places in `positions`; None where the origins
    cannot tell which node holds a paragraph."""
    held = owners(side.units, positions, doc, nodes)
    if held is None:
        return None
    local = {k: n for n, k in enumerate(positions)}
    found: dict[int, list[int]] = {}
    for k, node in held.items():
        found.setdefault(node, []).append(local[k])
    return found


def _claims(
    pair: Comparison,
    old: _Side,
    old_doc: JobDescription,
    a: Sequence[int],
    new: _Side,
    new_doc: JobDescription,
    b: Sequence[int],
) -> list[Claim]:
    """The paragraphs (positions in `a` and `b`) of the units each step of the pair's alignment names:
    its duties, found by their tree nodes' origins, and its fields, by their keys. None when the
    documents read here are not the ones compared, or their origins cannot tell."""
    if old_doc.duties != pair.old.duties or new_doc.duties != pair.new.duties:
        return []
    nodes_old, nodes_new = duty_nodes(old_doc), duty_nodes(new_doc)
    if nodes_old is None or nodes_new is None:
        return []
    of_old = _paragraphs_of(old, a, old_doc, nodes_old)
    of_new = _paragraphs_of(new, b, new_doc, nodes_new)
    if of_old is None or of_new is None:
        return []
    claims = []
    for section in pair.alignment:
        for step in section.steps:
            olds = tuple(sorted(i for d in step.old_at for i in of_old.get(d, ())))
            news = tuple(sorted(j for d in step.new_at for j in of_new.get(d, ())))
            if olds or news:
                claims.append(Claim(_CLAIM_OF_STEP[step.kind], olds, news))
    return claims + _field_claims(old, old_doc, a, new, new_doc, b, claims)


def _field_claims(
    old: _Side,
    old_doc: JobDescription,
    a: Sequence[int],
    new: _Side,
    new_doc: JobDescription,
    b: Sequence[int],
    taken: Sequence[Claim],
) -> list[Claim]:
    """The paragraphs of the typed fields (general part, requirements), paired by their key as the
    comparison pairs them: a field on both sides is one unit, on one side inserted or deleted. None
    where the origins cannot tell, and none that a duty's paragraphs hold."""
    fields_old, fields_new = field_nodes(old_doc), field_nodes(new_doc)
    at_old = _paragraphs_of(old, a, old_doc, list(fields_old.values()))
    at_new = _paragraphs_of(new, b, new_doc, list(fields_new.values()))
    if at_old is None or at_new is None:
        return []
    keys_old, keys_new = list(fields_old), list(fields_new)
    of_old = {keys_old[n]: found for n, found in at_old.items()}
    of_new = {keys_new[n]: found for n, found in at_new.items()}
    used_old = {i for c in taken for i in c.old}
    used_new = {j for c in taken for j in c.new}
    claims = []
    for key in dict.fromkeys([*keys_old, *keys_new]):
        olds, news = tuple(of_old.get(key, ())), tuple(of_new.get(key, ()))
        if used_old.intersection(olds) or used_new.intersection(news):
            continue
        kind = ClaimKind.PAIR if olds and news else ClaimKind.DELETE if olds else ClaimKind.INSERT
        if olds or news:
            claims.append(Claim(kind, olds, news))
    return claims


def _plan(result: ComparisonSet, old: _Side, new: _Side, moves: bool) -> _Plan:
    plan = _Plan()

    def add(a: Sequence[int], b: Sequence[int], claims: Sequence[Claim] = ()) -> None:
        texts_a = [old.units[i].text for i in a]
        texts_b = [new.units[j].text for j in b]
        groups = [new.units[j].container for j in b]
        script = aligned_script(texts_a, texts_b, claims, moves=moves, new_groups=groups)
        plan.parts.append((list(a), list(b), script))

    pairs = {}
    compared: dict[int, Comparison] = {}
    for pair in result.pairs:
        a, b = _match(old, pair.old), _match(new, pair.new)
        if a is not None and b is not None:
            pairs[id(b)] = a
            compared[id(b)] = pair
    abolished = [d for d in (_match(old, x) for x in result.unpaired_old) if d is not None]
    created = {id(d) for d in (_match(new, x) for x in result.unpaired_new) if d is not None}
    compared_new = set(pairs) | created
    # Abolished posts go after the NEW post paired with the OLD post before them (or after the head).
    old_order = [d for d in old.docs]
    after: dict[int | None, list[JobDescription]] = {}
    for doc in abolished:
        k = old_order.index(doc)
        anchor: int | None = None
        for prev in reversed(old_order[:k]):
            found = next((bid for bid, a in pairs.items() if a is prev), None)
            if found is not None:
                anchor = found
                break
        after.setdefault(anchor, []).append(doc)
    whole = len(compared_new) == len(new.docs) and len(pairs) + len(abolished) == len(old.docs)
    if whole:
        add(old.head, new.head)  # the orders' own text
    for doc in after.get(None, []):
        add(old.stretches[id(doc)], ())
    for doc in new.docs:
        if id(doc) in pairs:
            olds, news = old.stretches[id(pairs[id(doc)])], new.stretches[id(doc)]
            add(olds, news, _claims(compared[id(doc)], old, pairs[id(doc)], olds, new, doc, news))
        elif id(doc) in created:
            add((), new.stretches[id(doc)])
        for gone in after.get(id(doc), []):
            add(old.stretches[id(gone)], ())
    return plan


def _renumber_moves(plans: Sequence[_Plan]) -> None:
    """Move numbers start at 1 in each script; in one document each move's name must be unique."""
    offset = 0
    for plan in plans:
        for k, (a, b, steps) in enumerate(plan.parts):
            top = max((e.move or 0 for e in steps), default=0)
            if offset and top:
                plan.parts[k] = (a, b, tuple(replace(e, move=e.move + offset) if e.move else e for e in steps))
            offset += top


_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_CLEAN_STYLES = {NodeKind.TITLE: "Title", NodeKind.SECTION: "heading 1"}


def _fill_clean(package: Package, new: _Side, plan: _Plan) -> None:
    """NEW's compared paragraphs into a clean template, in its order and words (for a NEW that is not Word)."""
    kinds = kind_of(new.units, new.docs)
    for _old, b, _kind in plan.parts:
        for j in b:
            unit = new.units[j]
            kind = kinds[j]
            style = _CLEAN_STYLES.get(kind) if kind is not None else None
            p = paragraph(unit.text, package.style_id(style) if style else None)
            package.append(p)
            new.units[j] = replace(unit, element=p)


def _side(
    path: str | None,
    options: RedlineOptions,
    *,
    folders: bool,
    docs: Sequence[JobDescription] = (),
    base: bool = False,
    given: InputBytes | None = None,
) -> tuple[Package | None, _Side]:
    """One input: its package (Word) or None, and its paragraphs with the job descriptions in them (as the
    comparison read them, or read again)."""
    if path is None:
        return None, _Side([], [], "")
    package, source = _read(path, options, text=not docs, base=base, given=given)
    if package is not None:
        units = word_units(package.document, package.part, package.walked)
    else:
        assert source is not None  # read whenever there is no package
        # The register's metadata tables are not the documents' text: the reader sets them aside, so does the body.
        register = register_rows(source)
        units = [u for u in text_units(source) if not all(o in register for o in u.origins)]
    if not docs:
        assert source is not None  # read when no documents were given
        docs = parse_source(source)
    return package, _Side(units, list(docs), path if folders else None)


def _from_documents(docs: Sequence[JobDescription]) -> _Side:
    """A side made of documents in memory: each one's lines as written (its nodes' verbatim text)."""
    units: list[Unit] = []
    stretches: dict[int, tuple[int, ...]] = {}
    for doc in docs:
        start = len(units)
        for node in walk(doc.sections):
            # A node is one paragraph (its wrapped lines joined); the approval block is lines of its own.
            lines = node.verbatim.split("\n") if node.key == "approval" else [" ".join(node.verbatim.split("\n"))]
            for line in lines:
                text = normalize_line(line)
                if text:
                    units.append(Unit(text, (Origin(line=len(units) + 1),)))
        stretches[id(doc)] = tuple(range(start, len(units)))
    unique = [d for k, d in enumerate(docs) if all(d is not e for e in docs[:k])]  # one post in two pairs
    return _Side(units, unique, None, (), stretches)


def _one_file_each(result: ComparisonSet) -> bool:
    """True when the comparison was of two files (not two folders, not documents put together by hand)."""
    return bool(result.old_path and result.new_path and not Path(result.old_path).is_dir())


def _file_pairs(result: ComparisonSet) -> list[tuple[str | None, str | None]]:
    """The files to read: OLD and NEW as given; for two folders, each pair's files, then each created
    and each abolished post's file."""
    if _one_file_each(result):
        return [(result.old_path, result.new_path)]
    groups: list[tuple[str | None, str | None]] = [(p.old.source, p.new.source) for p in result.pairs]
    groups += [(None, d.source) for d in result.unpaired_new]
    groups += [(d.source, None) for d in result.unpaired_old]
    return list(dict.fromkeys(groups))


def build_redline(result: ComparisonSet, options: RedlineOptions = RedlineOptions()) -> bytes:
    """The redline as .docx bytes: NEW with OLD's differences tracked, the summary page first."""
    from ajdiff.redline.summary import add_summary

    date = options.date or datetime.now(timezone.utc).replace(microsecond=0)
    groups: list[tuple[Package | None, _Side, _Side, _Plan]] = []
    old_packages: list[Package | None] = []
    edges: list[etree._Element] = []
    folders = not _one_file_each(result)
    if result.old_path is None and result.new_path is None:
        # Documents compared in memory (`compare_documents`): their own text, in a clean template.
        old_docs = [*(p.old for p in result.pairs), *result.unpaired_old]
        new_docs = [*(p.new for p in result.pairs), *result.unpaired_new]
        old, new = _from_documents(old_docs), _from_documents(new_docs)
        groups.append((None, old, new, _plan(result, old, new, options.moves)))
        old_packages.append(None)
    for old_path, new_path in _file_pairs(result) if result.old_path or result.new_path else ():
        old_package, old = _side(
            old_path,
            options,
            folders=folders,
            docs=() if folders else result.old_all,
            given=None if folders else result.old_input,
        )
        old_packages.append(old_package)
        base, new = _side(
            new_path,
            options,
            folders=folders,
            docs=() if folders else result.new_all,
            base=True,
            given=None if folders else result.new_input,
        )
        old.cut()
        new.cut()
        groups.append((base, old, new, _plan(result, old, new, options.moves)))
    _renumber_moves([plan for *_, plan in groups])
    if len(groups) == 1 and groups[0][0] is not None:
        package = groups[0][0]
        edges = _remove_unused(groups[0][2], groups[0][3], package.body, package)
    else:
        package = Package.blank()
        for _base, _old, new, plan in groups:
            _fill_clean(package, new, plan)
    for old_package in old_packages:
        if old_package is not None:
            # OLD's deleted paragraphs keep their list numbering: NEW's package gets the lists they draw from.
            adopt_numbering(old_package, package)
    # Editorial changes by an author of their own ('ajdiff (toimetuslik)'): Word's reviewer filter hides them.
    editorial_author = word("redline.editorial_author", options.lang, author=options.author)
    if not options.editorial_apart:
        editorial_author = options.author
    substantive = Revisions(options.author, date)
    authors = track.Authors(substantive, Revisions(editorial_author, date, substantive._ids))
    anchor: etree._Element | None = None
    inserted: list[tuple[etree._Element, Revisions]] = []
    for _base, old, new, plan in groups:
        for a, b, steps in plan.parts:
            old_texts = [old.units[i].text for i in a]
            old_elements = [old.units[i].element for i in a]
            new_elements = [new.units[j].element for j in b]
            new_texts = [new.units[j].text for j in b]
            labels = [new.units[j].label for j in b]
            if anchor is None and new_elements:
                anchor = new_elements[0].getprevious() if new_elements[0].getparent() is package.body else None
            anchor = track.apply(
                steps,
                old_texts,
                new_elements,
                new_texts,
                labels,
                authors,
                anchor=anchor,
                body=package.body,
                inserted=inserted,
                old_paragraphs=old_elements,
                old_labels=[old.units[i].label for i in a],
            )
    if len(groups) == 1 and groups[0][0] is not None:  # NEW's own package: its edges and OLD's
        _, old, _, plan = groups[0]
        inserted += _track_edges(edges, package, old, old_packages[0], plan, substantive)
    track.mark_inserted_breaks(inserted)
    track.settle_last_marks(package.body, authors)
    track.keep_insertions_apart(package.body)
    track.mark_inserted_rows(package.body, authors)
    stories: list[Change] = []
    uncompared: list[Change] = []
    if len(groups) == 1 and groups[0][0] is not None and old_packages[0] is not None:
        # Both are Word files: their headers and footers are compared too.
        from ajdiff.redline.stories import track_stories

        stories = track_stories(package, old_packages[0], authors)
    elif len(groups) == 1 and groups[0][0] is not None:
        # A text or PDF OLD has no header to compare NEW's with: named on the summary page as not compared.
        from ajdiff.redline.stories import uncompared_stories

        uncompared = uncompared_stories(package)
    add_summary(package, result, options, authors.editorial.author, date, stories=stories, uncompared=uncompared)
    new_docs = [d for *_, new, _ in groups for d in new.docs]
    title = "; ".join(doc_label(d, options.lang) for d in new_docs[:3]) or "ajdiff"
    return package.to_bytes(title=title, author=options.author, date=date)


def _top_block(el: etree._Element, body: etree._Element) -> etree._Element:
    """The child of the body that holds an element (itself, or the table it stands in)."""
    parent = el.getparent()
    while parent is not None and parent is not body:
        el, parent = parent, parent.getparent()
    return el


def _digest(data: bytes) -> str:
    import hashlib  # here: OpenSSL's start costs every redline ~3 ms, and only an image's bytes need it

    return hashlib.sha256(data).hexdigest()


def _edge_content(block: etree._Element, package: Package | None) -> tuple[str, ...]:
    """What a block without compared text carries that a reader sees or the layout needs: its images (by
    their bytes, so a logo is the same logo in both files), a section break, a text box's words."""
    found = []
    for el in block.iter():
        if el.tag in (_BLIP, _VML_IMAGE):
            rid = el.get(f"{{{_R_NS}}}embed") or el.get(f"{{{_R_NS}}}id") or el.get(f"{{{_R_NS}}}link") or ""
            data = package.related_bytes(rid) if package is not None else None
            found.append("image:" + (_digest(data) if data is not None else rid))
        elif el.tag == qn("w:sectPr"):
            found.append("section")
        elif el.tag == qn("w:txbxContent"):
            found.append("box:" + " ".join("".join(t.text or "" for t in el.iter(qn("w:t"))).split()))
    return tuple(found)


def _outside(
    units: Sequence[Unit], used: set[int], body: etree._Element
) -> tuple[list[etree._Element], set[int], dict[int, bool]]:
    """A body's blocks (its closing section properties aside); the positions of those before the first and
    after the last compared paragraph; and of these, the edges (position → before?): the blocks between the
    compared stretch and the nearest text of another document (a logo, a signature, not another annex's)."""
    blocks = [c for c in body if c.tag != qn("w:sectPr")]
    position = {id(block): k for k, block in enumerate(blocks)}
    places = [
        (j in used, position[id(_top_block(u.element, body))]) for j, u in enumerate(units) if u.element is not None
    ]
    kept = {k for is_used, k in places if is_used}
    if not kept:
        return blocks, set(), {}
    first, last = min(kept), max(kept)
    others = {k for is_used, k in places if not is_used}
    low = max((k for k in others if k < first), default=-1)
    high = min((k for k in others if k > last), default=len(blocks))
    outside = {k for k in range(len(blocks)) if k < first or k > last}
    edges = {k: k < first for k in outside if low < k < high}
    return blocks, outside, edges


def _remove_unused(new: _Side, plan: _Plan, body: etree._Element, package: Package) -> list[etree._Element]:
    """What no script covers (annexes not selected for comparison, the order's text then) leaves the
    redline: blocks holding only such paragraphs, and empty ones outside the compared stretch. A block
    outside it that carries an image, a section break or a text box stays (a logo, a signature): those
    kept are returned, to be tracked if OLD lacks them."""
    used = {j for _, b, _ in plan.parts for j in b}
    if not any(new.units[j].element is not None for j in used):
        return []
    blocks, outside, edges = _outside(new.units, used, body)
    position = {id(block): k for k, block in enumerate(blocks)}
    dropped = {
        position[id(_top_block(u.element, body))]
        for j, u in enumerate(new.units)
        if j not in used and u.element is not None
    }
    kept_edges = []
    for k, block in enumerate(blocks):
        if k in dropped or k in outside:
            if k in edges and k not in dropped and _edge_content(block, package):
                kept_edges.append(block)
            else:
                body.remove(block)
    return kept_edges


def _track_edges(
    kept: Sequence[etree._Element],
    new_package: Package,
    old: _Side,
    old_package: Package | None,
    plan: _Plan,
    rev: Revisions,
) -> list[tuple[etree._Element, Revisions]]:
    """NEW's edge blocks (paragraphs of images, text boxes or a section break; tables of images) that OLD's
    edges lack, tracked as inserted, and OLD's that NEW lacks, back in place as deleted (their images copied
    into NEW's package); the inserted paragraphs, whose break is still to be marked."""

    def content(block: etree._Element, package: Package) -> tuple[str, ...]:
        return _edge_content(block, package) if block.tag in (qn("w:p"), qn("w:tbl")) else ()

    old_edges: list[tuple[bool, etree._Element, tuple[str, ...]]] = []
    if old_package is not None:
        used = {i for a, _, _ in plan.parts for i in a}
        blocks, _, edges = _outside(old.units, used, old_package.body)
        old_edges = [(head, blocks[k], content(blocks[k], old_package)) for k, head in sorted(edges.items())]
        old_edges = [edge for edge in old_edges if edge[2]]
    inserted = []
    for block in kept:
        found = content(block, new_package)
        if not found:
            continue
        match = next((edge for edge in old_edges if edge[2] == found), None)
        if match is not None:
            old_edges.remove(match)
            continue
        for p in block.iter(qn("w:p")):
            for child in list(p):
                if child.tag in (qn("w:r"), qn("w:hyperlink"), qn("w:smartTag")):
                    wrapper = element("w:ins", **rev.attrs())
                    child.addprevious(wrapper)
                    wrapper.append(child)
        if block.tag == qn("w:tbl"):
            # A table of NEW's alone is inserted row by row: Reject All removes the rows, so the table.
            for p in block.iter(qn("w:p")):
                mark_paragraph(p, Track.INS, rev)
            for tr in block.iter(qn("w:tr")):
                mark_row(tr, Track.INS, rev)
            continue
        # A section break's paragraph too: its break is the mark before it (`mark_inserted_breaks`), which
        # LibreOffice reads as the break's insertion; its own mark, the last of the body, cannot come or go.
        inserted.append((block, rev))
    if not old_edges:
        return inserted
    assert old_package is not None  # OLD has edges only when it is a Word file
    for _, block, _ in reversed([edge for edge in old_edges if edge[0]]):
        # A section break before OLD's first line (a cover page) does not come back: LibreOffice would keep
        # its page set-up for NEW's first page on Accept All, which is what gets signed.
        copied = deleted_block(block, old_package, new_package, rev, section=None)
        new_package.body.insert(0, copied)
        tables_apart(copied, rev)
    last = first_child(new_package.body, qn("w:sectPr"))
    for head, block, _ in old_edges:
        if not head:
            copied = deleted_block(block, old_package, new_package, rev, section=last)
            new_package.append(copied)
            tables_apart(copied, rev)
    return inserted


def tables_apart(copied: etree._Element, rev: Revisions) -> None:
    """Two tables with nothing between are one table to LibreOffice and Word: a table of OLD's put back
    beside one of NEW's gets an empty deleted paragraph between them."""
    if copied.tag != qn("w:tbl"):
        return
    for neighbour, put in ((copied.getprevious(), copied.addprevious), (copied.getnext(), copied.addnext)):
        if neighbour is not None and neighbour.tag == qn("w:tbl"):
            gap = element("w:p")
            mark_paragraph(gap, Track.DEL, rev)
            put(gap)


_STORY_REFS = (qn("w:headerReference"), qn("w:footerReference"))


def deleted_block(
    block: etree._Element,
    old_package: Package | None,
    new_package: Package,
    rev: Revisions,
    *,
    section: etree._Element | None = None,
    parts: tuple[etree._Element, etree._Element] | None = None,
) -> etree._Element:
    """OLD's paragraph or table as a deleted block of the redline, its images copied into NEW's package: an
    edge block of the body, or (`parts`: OLD's part and NEW's) a block of a header or footer.

    A section break of OLD's stays in the deleted paragraph when `section` is given (Reject All restores
    it); its header and footer references point into OLD's package, so it takes those of `section`, NEW's
    section it lands in."""
    old_part, new_part = parts if parts is not None else (None, None)
    p = clone(block)
    for el in p.iter():
        for attr in (f"{{{_R_NS}}}embed", f"{{{_R_NS}}}id", f"{{{_R_NS}}}link"):
            rid = el.get(attr)
            if rid is None or old_package is None or el.tag in _STORY_REFS:
                continue
            part = old_package.related_part(rid, old_part)
            if part is None:
                el.attrib.pop(attr)
                continue
            name, data, rel_type = part
            content_type = old_package.content_type_of(name)
            el.set(attr, new_package.add_media(data, name, rel_type, content_type, new_part))
    taken = [int(d.get("id") or 0) for d in new_package.body.iter(_DOC_PR) if (d.get("id") or "").isdigit()]
    for k, drawing in enumerate(p.iter(_DOC_PR), max(taken, default=0) + 1):
        drawing.set("id", str(k))  # a drawing's id is unique in the document
    for ppr in p.iter(qn("w:pPr")):
        for child in list(ppr):
            if child.tag == qn("w:pPrChange") or (child.tag == qn("w:sectPr") and section is None):
                ppr.remove(child)
            elif child.tag == qn("w:sectPr") and section is not None:
                _reference_stories(child, section)
    for paragraph_ in p.iter(qn("w:p")):
        # A simple field's runs (a footer's PAGE) are deleted inside it: w:del holds runs, not fields.
        for holder in [paragraph_, *paragraph_.iter(qn("w:fldSimple"))]:
            for child in list(holder):
                if child.tag in (qn("w:r"), qn("w:hyperlink"), qn("w:smartTag")):
                    wrapper = element("w:del", **rev.attrs())
                    child.addprevious(wrapper)
                    wrapper.append(child)
                    for t in wrapper.iter(qn("w:t"), qn("w:instrText")):
                        t.tag = qn("w:delText") if t.tag == qn("w:t") else qn("w:delInstrText")
        mark_paragraph(paragraph_, Track.DEL, rev)
    for tr in p.iter(qn("w:tr")):
        mark_row(tr, Track.DEL, rev)
    return p


def _reference_stories(sect: etree._Element, section: etree._Element) -> None:
    """An OLD section's properties made NEW's package's: its headers and footers those of `section` (NEW's),
    its own tracked change of them dropped."""
    for child in list(sect):
        if child.tag in (*_STORY_REFS, qn("w:sectPrChange")):
            sect.remove(child)
    refs = [clone(c) for c in section if c.tag in _STORY_REFS]
    for ref in reversed(refs):
        sect.insert(0, ref)  # CT_SectPr: the references come first
