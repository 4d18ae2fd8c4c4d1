"""What the reports for people (HTML, CSV, Markdown) say alike: the two inputs, the totals, a post's whole text."""

from __future__ import annotations

from collections.abc import Iterator

from ajdiff.changes import ChangeKind, Comparison, ComparisonSet
from ajdiff.model import JobDescription, OrderRef
from ajdiff.records import dataclass
from ajdiff.tree import Node, NodeKind
from ajdiff.words import annex_name, counted, word


@dataclass(frozen=True)
class Side:
    """One input of a comparison as a report names it: the file or folder, its order, its annexes."""

    name: str
    order: OrderRef | None
    annexes: tuple[str, ...]
    files: int
    """How many files its documents came from (more than one for a folder)."""


def _side_docs(result: ComparisonSet, old: bool) -> tuple[JobDescription, ...]:
    every = result.old_all if old else result.new_all
    if every:
        return every
    paired = tuple(p.old if old else p.new for p in result.pairs)
    return paired + (result.unpaired_old if old else result.unpaired_new)


def _annex_order(annex: str) -> tuple[int, str]:
    return (int(annex), "") if annex.isdigit() else (1 << 30, annex)


def sides(result: ComparisonSet) -> tuple[Side, Side]:
    """OLD and NEW as given on the command line (or, for a result built by hand, as its documents say)."""
    out = []
    for old in (True, False):
        docs = _side_docs(result, old)
        path = result.old_path if old else result.new_path
        name = path or (docs[0].source if docs else "?")
        # A folder's files may come from several orders: an order is named only when it is the one of all.
        orders = {(d.order.number, d.order.date) for d in docs if d.order}
        order = next((d.order for d in docs if d.order), None) if len(orders) == 1 else None
        annexes = tuple(sorted({d.annex for d in docs if d.annex}, key=_annex_order))
        out.append(Side(name, order, annexes, len({d.source for d in docs})))
    return out[0], out[1]


def side_line(side: Side, lang: str) -> str:
    """'order nr 1-1/25, 2025-01-06 · annexes 1, 2, 4' / '12 files': what the input holds, after its name."""
    parts = []
    if side.order:
        parts.append(word("report.order", lang, number=side.order.number, date=side.order.date or "?"))
    if side.files > 1:  # a folder: its annexes' numbers say nothing without their files
        return " · ".join([*parts, counted(side.files, "file", lang)])
    if len(side.annexes) > 1:
        parts.append(f"{word('report.annexes', lang)} {', '.join(side.annexes)}")
    elif side.annexes:
        parts.append(annex_name(side.annexes[0], lang))
    return " · ".join(parts)


@dataclass(frozen=True)
class Totals:
    """The counts of a whole comparison, as `--stat` sums them."""

    pairs: int
    substantive: int
    high: int
    editorial: int
    created: int
    abolished: int
    uncertain: int


def totals(result: ComparisonSet) -> Totals:
    """The counts of a comparison: pairs, changes by weight, posts created and abolished."""
    return Totals(
        pairs=len(result.pairs),
        substantive=sum(len(p.substantive) for p in result.pairs),
        high=sum(len(p.high_impact) for p in result.pairs),
        editorial=sum(len(p.editorial) for p in result.pairs),
        created=len(result.unpaired_new),
        abolished=len(result.unpaired_old),
        uncertain=len(result.uncertain),
    )


def bar_counts(pair: Comparison) -> tuple[int, int, int]:
    """A pair's substantive changes as `--stat` draws them: (added, removed, other)."""
    added = sum(1 for c in pair.substantive if c.kind is ChangeKind.ADDED)
    removed = sum(1 for c in pair.substantive if c.kind is ChangeKind.REMOVED)
    return added, removed, len(pair.substantive) - added - removed


@dataclass(frozen=True)
class Line:
    """One line of a post's whole text: how deep it sits in the tree, what it is, and its words."""

    depth: int
    kind: NodeKind
    text: str


def _node_text(node: Node) -> str:
    if node.kind is NodeKind.TITLE:
        return ""  # its text is its paragraphs' text, and they follow
    number = f"{node.number}. " if node.number else ""
    if node.kind is NodeKind.SECTION:
        return f"{number}{node.label or ''}".strip()
    if node.kind is NodeKind.FIELD:
        return f"{node.label}: {node.text}" if node.label and node.text else (node.label or node.text)
    return f"{number}{node.text}".strip()


def outline(doc: JobDescription) -> Iterator[Line]:
    """A post's whole text as written, line by line from its document tree (a created or abolished post)."""

    def walk(node: Node, depth: int) -> Iterator[Line]:
        text = _node_text(node)
        if text:
            yield Line(depth, node.kind, text)
        for child in node.children:
            if node.kind is NodeKind.FIELD and child.verbatim == "" and child.label:
                continue  # a sentence field's value: the field's own line says it
            yield from walk(child, depth + (1 if text else 0))

    for node in doc.sections:
        yield from walk(node, 0)


def whole_text(doc: JobDescription) -> str:
    """A post's whole text as one string, a line per unit of its tree (for a spreadsheet cell)."""
    return "\n".join("  " * line.depth + line.text for line in outline(doc))


def doubt_line(pair: Comparison, lang: str) -> str | None:
    """An uncertain pair's warning with the evidence it rests on, one line; None for a sure pair."""
    proof = pair.pairing
    if not (proof and proof.uncertain):
        return None
    facts = [
        word(
            "diff.uncertain_how",
            lang,
            score=proof.score,
            matched=proof.duties_matched,
            duties=max(proof.duties_old, proof.duties_new),
            content=proof.content,
        )
    ]
    facts += [word("diff.other_unit", lang)] * (not proof.same_unit)
    facts += [word("diff.other_position", lang)] * (not proof.same_position)
    return f"{' · '.join(facts)} — {word('diff.uncertain_fix', lang)}"
