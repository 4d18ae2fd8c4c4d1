"""The paragraphs of each side, as the redline tracks them, and which job description each belongs to.

A Word file's paragraphs are its own `w:p` elements (in table cells too), read with the reader's own
walk; a text, PDF or HTML file's paragraphs are its lines — for a PDF's visual lines, the runs of
lines between blank lines, joined. Each paragraph keeps where it stood, so the job descriptions the
reader found (by the origins of their tree's nodes) can claim their stretch of the file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ajdiff.model import JobDescription
from ajdiff.read.formats import SourceText
from ajdiff.read.formats.docx import Paragraph, body_paragraphs, numbered
from ajdiff.records import dataclass
from ajdiff.text import normalize_line
from ajdiff.tree import Node, NodeKind, Origin, walk


@dataclass(frozen=True)
class Unit:
    """One paragraph of one side."""

    text: str
    """Its text as compared (a Word list number included)."""
    origins: tuple[Origin, ...]
    """Where its lines stood (one for a Word paragraph)."""
    element: Any = None
    """The `w:p` in the redline's package, for NEW's paragraphs; None for OLD's."""
    label: str = ""
    """A Word paragraph's automatic list number, which is in none of its runs."""
    container: int = 0
    """Which container (the body, a table cell) holds it: a paragraph break comes or goes only inside one."""


def word_units(document: Any, parts: Callable[[str], Any], walked: Sequence[Paragraph] | None = None) -> list[Unit]:
    """The paragraphs of a Word main document part, with their elements; `parts` gives its numbering and
    styles part when a paragraph is numbered; `walked`: its paragraphs as the reader walked them already."""
    if walked is None:
        numbering, styles = (parts("numbering"), parts("styles")) if numbered(document) else (None, None)
        walked = body_paragraphs(document, numbering, styles)
    containers: dict[object, int] = {}
    units = []
    for p in walked:
        number = containers.setdefault(p.element.getparent(), len(containers))
        units.append(Unit(p.text, (p.origin,), p.element, p.label, number))
    return units


def text_units(source: SourceText) -> list[Unit]:
    """The paragraphs of a text source: its lines, or for wrapped (PDF) lines, the runs between blank lines."""
    units: list[Unit] = []
    block: list[tuple[str, Origin]] = []

    def flush() -> None:
        if block:
            units.append(Unit(normalize_line(" ".join(t for t, _ in block)), tuple(o for _, o in block)))
            block.clear()

    for k, line in enumerate(source.lines):
        text = normalize_line(line)
        if not text:
            flush()
            continue
        block.append((text, source.origin(k)))
        if not source.wrapped:
            flush()
    flush()
    return units


@dataclass(frozen=True)
class Segments:
    """A side's paragraphs cut by job description: what stands before the first, and each one's stretch."""

    head: tuple[int, ...]
    """The order's own text (or a register header) before the first job description."""
    docs: tuple[tuple[int, ...], ...]
    """Parallel to the documents given: the paragraphs of each, to the start of the next."""


def segments(units: Sequence[Unit], docs: Sequence[JobDescription]) -> Segments:
    """Which paragraphs belong to which job description: from where each document's tree starts."""
    index: dict[Origin, int] = {}
    for k, unit in enumerate(units):
        for origin in unit.origins:
            index.setdefault(origin, k)
    starts: list[int] = []
    for doc in docs:
        found = [index[n.where] for n in walk(doc.sections) if n.where is not None and n.where in index]
        start = min(found) if found else -1
        # Its approval block ('KINNITATUD … Lisa 3', 'AMETIJUHEND') stands before its first node.
        header = {
            normalize_line(line) for n in walk(doc.sections) if n.key == "approval" for line in n.verbatim.split("\n")
        }
        while start > 0 and units[start - 1].text in header:
            start -= 1
        starts.append(start)
    if len(docs) == 1 and starts[0] >= 0:
        # One job description: everything before its first node is its title block (or a header).
        starts[0] = 0
    order = sorted((s, k) for k, s in enumerate(starts) if s >= 0)
    stretches: dict[int, tuple[int, ...]] = {}
    for n, (start, k) in enumerate(order):
        end = order[n + 1][0] if n + 1 < len(order) else len(units)
        stretches[k] = tuple(range(start, end))
    head_end = order[0][0] if order else len(units)
    return Segments(tuple(range(head_end)), tuple(stretches.get(k, ()) for k in range(len(docs))))


def kind_of(units: Sequence[Unit], docs: Sequence[JobDescription]) -> list[NodeKind | None]:
    """Each paragraph's kind in its tree (a section heading, a title …), for a clean template's styles."""
    by_origin: dict[Origin, NodeKind] = {}
    for doc in docs:
        for node in walk(doc.sections):
            if node.where is not None and node.verbatim:
                by_origin.setdefault(node.where, node.kind)
    return [next((by_origin[o] for o in u.origins if o in by_origin), None) for u in units]


def duty_nodes(doc: JobDescription) -> list[Node] | None:
    """The tree's node of each of the document's duties, in `doc.duties`' order (the walk of
    `read.fields`: a duties section's own items, then its sub-sections'); None when they do not agree."""
    found: list[Node] = []

    def section(node: Node) -> None:
        if node.key == "duties":
            own = [n for child in node.children if child.kind is not NodeKind.SECTION for n in child.walk()]
            found.extend(n for n in own if n.kind is NodeKind.ITEM and n.key == "duties")
        for child in node.children:
            if child.kind is NodeKind.SECTION:
                section(child)

    for node in doc.sections:
        if node.kind is not NodeKind.TITLE:
            section(node)
    if [(n.number or "", n.text) for n in found] != [(d.number, d.task) for d in doc.duties]:
        return None
    return found


def field_nodes(doc: JobDescription) -> dict[str, Node]:
    """The tree's node of each typed field of the general part and the requirements that the document
    holds once (a key written twice is no one unit), by key, in the tree's order."""
    found: dict[str, list[Node]] = {}
    for node in walk(doc.sections):
        key = node.key or ""
        if node.kind is NodeKind.FIELD and key.startswith(("general.", "requirements.")):
            found.setdefault(key, []).append(node)
    return {key: nodes[0] for key, nodes in found.items() if len(nodes) == 1}


def owners(
    units: Sequence[Unit], stretch: Sequence[int], doc: JobDescription, tops: Sequence[Node]
) -> dict[int, int] | None:
    """Which of `tops` (nodes of `doc`'s tree: its duties) holds each paragraph of the document's stretch
    that one holds: a paragraph belongs to the node that starts last at or before it, and so to the top
    node above that one, if any; a Word table row belongs whole to the top node that starts in it. None
    when the origins cannot tell (a PDF's pages, two duties starting in one paragraph or cell)."""
    index: dict[Origin, int] = {}
    for k in stretch:
        for origin in units[k].origins:
            if origin.page is not None:
                return None
            index.setdefault(origin, k)
    top_of = {id(node): n for n, top in enumerate(tops) for node in top.walk()}
    starts: list[tuple[int, int, int | None]] = []  # (paragraph, order in the tree, top node)
    first: dict[int, int] = {}  # top node → the paragraph it starts in
    for order, node in enumerate(walk(doc.sections)):
        if node.where is None or node.where not in index:
            continue
        k, held_by = index[node.where], top_of.get(id(node))
        starts.append((k, order, held_by))
        if held_by is not None and node is tops[held_by]:
            first[held_by] = k
    if len(first) != len(tops) or len(set(first.values())) != len(tops):
        return None  # a duty not found, or two starting in one paragraph (one cell)
    starts.sort()
    held: dict[int, int] = {}
    position = 0
    current: int | None = None
    for k in sorted(stretch):
        while position < len(starts) and starts[position][0] <= k:
            current = starts[position][2]
            position += 1
        if current is not None:
            held[k] = current
    rows: dict[tuple[int, int], int] = {}
    for n, duty in enumerate(tops):
        where = duty.where
        if where is not None and where.table is not None and where.row is not None:
            row = (where.table, where.row)
            if rows.setdefault(row, n) != n:
                return None  # two duties in one row
    for k in stretch:
        for origin in units[k].origins:
            if origin.table is not None and origin.row is not None and (origin.table, origin.row) in rows:
                held[k] = rows[(origin.table, origin.row)]
    return held
