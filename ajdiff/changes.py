"""Typed change records: what the comparer yields and every renderer consumes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from enum import Enum
from sys import intern

from ajdiff.model import JobDescription
from ajdiff.records import dataclass, maker, reduce_shared, shared_values


class ChangeKind(str, Enum):
    """What happened to one unit of the document."""

    ADDED = "added"
    REMOVED = "removed"
    MODIFIED = "modified"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    MERGED = "merged"
    SPLIT = "split"
    RAISED = "raised"
    LOWERED = "lowered"


class Impact(str, Enum):
    """How much a change matters to an approver."""

    HIGH = "high"
    NORMAL = "normal"


class SpanOp(str, Enum):
    """One step of an inline word diff."""

    EQUAL = "="
    DELETE = "-"
    INSERT = "+"


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text that is kept, deleted or inserted."""

    op: SpanOp
    text: str

    __reduce__ = reduce_shared  # unpickled from comparer processes: strings shared


@dataclass(frozen=True, slots=True)
class Change:
    """One semantic difference between two versions of a job description."""

    path: str
    """Canonical key: 'general.group', 'duties.2.7', 'requirements.languages.en' …"""
    kind: ChangeKind
    old: str | None
    """The old text (or level, or year count); None when added."""
    new: str | None
    """The new text; None when removed."""
    editorial: bool = False
    """True when both sides are equal after folding case, punctuation, bullets, diacritics."""
    impact: Impact = Impact.NORMAL
    heading: str = ""
    """The document's own heading of the unit, as the document writes it, where ajdiff has no name for
    it (a generic section, a section's text); empty otherwise. Renderers name the rest from `path`."""
    old_number: str | None = None
    """The duty's number in the old version (duties only)."""
    new_number: str | None = None
    """The duty's number in the new version (duties only)."""
    spans: tuple[Span, ...] = ()
    """Inline word diff from old to new, when both sides exist."""
    own_label: str = ""
    """The field's label as the documents write it ('Ametikoht', 'Töötaja asendab'; the new one's, else
    the old one's): Estonian reports name the field so, other languages by the catalogue."""

    def __reduce__(self) -> tuple[object, ...]:
        # Sent back by comparer processes as plain values, rebuilt by `_unpickled_change` (strings shared): its enums
        # by their values, its spans as (op, text) pairs. A reduce call for each span and each enum member, and a
        # rebuild of each (an enum's by its class's call), were four fifths of sending a batch's outcomes.
        spans = [(s.op._value_, s.text) for s in self.spans]
        return (
            _unpickled_change,
            (
                self.path,
                self.kind._value_,
                self.old,
                self.new,
                self.editorial,
                self.impact._value_,
                self.heading,
                self.old_number,
                self.new_number,
                spans,
                self.own_label,
            ),
        )

    @property
    def key(self) -> str:
        """A stable identity of this change within its pair, for review marks and comments."""
        import hashlib  # here, not at the top: OpenSSL's start-up costs a short command 15 ms

        digest = hashlib.sha1(f"{self.old}\x00{self.new}".encode()).hexdigest()[:10]
        return f"{self.path}|{self.kind.value}|{digest}"

    @property
    def section(self) -> str:
        """The top-level section of the path: 'general', 'duties', 'requirements' …"""
        return self.path.split(".", 1)[0]


make_span = maker(Span)
"""`Span(…)`, made at a third of the cost (`ajdiff.records.maker`): the word diffs make a few dozen a pair."""
make_change = maker(Change)
"""`Change(…)`, made at a third of the cost (`ajdiff.records.maker`): each of its eleven fields set past the frozen
guard took a fifth of a change's `_change` where its words were not diffed."""

_KINDS = {kind._value_: kind for kind in ChangeKind}
_IMPACTS = {impact._value_: impact for impact in Impact}
_SPAN_OPS = {op._value_: op for op in SpanOp}


def _unpickled_change(
    path: str,
    kind: str,
    old: str | None,
    new: str | None,
    editorial: bool,
    impact: str,
    heading: str,
    old_number: str | None,
    new_number: str | None,
    spans: list[tuple[str, str]],
    own_label: str,
) -> Change:
    """A change sent by another process (`Change.__reduce__`), its strings shared (`records.shared`)."""
    path, old, new, heading, old_number, new_number, own_label = shared_values(  # type: ignore[assignment]
        (path, old, new, heading, old_number, new_number, own_label)
    )
    return make_change(
        path,
        _KINDS[kind],
        old,
        new,
        editorial,
        _IMPACTS[impact],
        heading,
        old_number,
        new_number,
        tuple([make_span(_SPAN_OPS[op], intern(text)) for op, text in spans]),
        own_label,
    )


class StepKind(str, Enum):
    """How units of OLD became units of NEW in one step of the alignment."""

    PAIR = "pair"
    """One unit of OLD is one of NEW (changed or not)."""
    INSERT = "insert"
    DELETE = "delete"
    MOVE = "move"
    """The same unit, out of the order of the others."""
    MERGE = "merge"
    """Several units of OLD became one of NEW."""
    SPLIT = "split"
    """One unit of OLD became several of NEW."""


_STEP_OF_KIND = {
    ChangeKind.ADDED: StepKind.INSERT,
    ChangeKind.REMOVED: StepKind.DELETE,
    ChangeKind.MOVED: StepKind.MOVE,
    ChangeKind.MERGED: StepKind.MERGE,
    ChangeKind.SPLIT: StepKind.SPLIT,
}


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a section's alignment: which units of OLD pair with which of NEW, and what changed."""

    kind: StepKind
    old: tuple[str, ...]
    """The units of OLD: a duty's number, a field's key, or the item's text."""
    new: tuple[str, ...]
    changes: tuple[Change, ...] = ()
    """The changes of this step, in document order; none when the unit is unchanged."""
    old_at: tuple[int, ...] = ()
    """For duties: where the units of `old` stand in OLD's `duties` (0-based), as numbers may repeat or be
    missing; empty for other units. The redline finds the duties' paragraphs by them."""
    new_at: tuple[int, ...] = ()

    @classmethod
    def of(cls, change: Change) -> Step:
        """The step of a change that stands alone (a field, a list item, a language)."""
        kind = _STEP_OF_KIND.get(change.kind, StepKind.PAIR)
        unit = change.path
        old = () if kind is StepKind.INSERT else (change.old_number or unit,)
        new = () if kind is StepKind.DELETE else (change.new_number or unit,)
        return cls(kind, old, new, (change,))


make_step = maker(Step)
"""`Step(…)`, made at a third of the cost (`ajdiff.records.maker`): a pair's comparison makes one a duty."""


@dataclass(frozen=True, slots=True)
class SectionAlignment:
    """The ordered steps of one section ('general', 'duties', 'requirements', 'other.<slug>' …)."""

    section: str
    steps: tuple[Step, ...]

    @property
    def changes(self) -> tuple[Change, ...]:
        """The section's changes, in the order of its steps."""
        return tuple(c for step in self.steps for c in step.changes)


def group_by_section(steps: Sequence[Step]) -> tuple[SectionAlignment, ...]:
    """Steps in document order, grouped by the section of their changes (or units), first seen first."""
    sections: dict[str, list[Step]] = {}
    for step in steps:
        path = step.changes[0].path if step.changes else "duties"
        parts = path.split(".")
        # A section ajdiff has no name for is a section of its own: 'other.<slug>'.
        name = ".".join(parts[:2]) if parts[0] == "other" else parts[0]
        sections.setdefault(name, []).append(step)
    return tuple(SectionAlignment(name, tuple(s)) for name, s in sections.items())


@dataclass(frozen=True)
class DocRef:
    """A short reference to one compared document."""

    source: str
    annex: str | None
    position: str | None
    unit: str | None

    @classmethod
    def of(cls, doc: JobDescription) -> DocRef:
        """The reference of a parsed document."""
        return cls(doc.source, doc.annex, doc.general.position, doc.general.unit)


class PairBasis(str, Enum):
    """Why two documents of a many-to-many comparison were taken for versions of one post."""

    NAME = "name"
    """Position and unit alike, and only once on each side."""
    CONTENT = "content"
    """Their duties (or, without duties, their texts) match."""
    MANUAL = "manual"
    """The user paired them (--pair)."""
    BEST = "best"
    """One document against several: the most alike of them."""


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """What a pairing rests on: its score and what matched, for a reviewer to judge the pair."""

    basis: PairBasis
    score: float
    """The pairing score (0..1): position 0.3, unit 0.2, content 0.5."""
    uncertain: bool = False
    """True when neither the names nor most of the content say it is one post."""
    content: float = 0.0
    """Share of the duties matched, weighed by their similarity (0..1); the texts' when neither has duties."""
    duties_matched: int = 0
    """Duties matched by content (not merely by their place)."""
    duties_old: int = 0
    duties_new: int = 0
    same_position: bool = False
    same_unit: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two versions of one post and the changes between them."""

    old: JobDescription
    new: JobDescription
    similarity: float
    changes: tuple[Change, ...]
    pairing: PairEvidence | None = None
    """How the pair was chosen; None when the user gave exactly these two documents."""
    alignment: tuple[SectionAlignment, ...] = ()
    """Per section, the ordered steps that turn OLD into NEW, each with its changes (`compare()` fills it)."""

    @property
    def sections(self) -> tuple[SectionAlignment, ...]:
        """The alignment to walk: `alignment`, or for a comparison built by hand one step per change."""
        return self.alignment or group_by_section([Step.of(c) for c in self.changes])

    def walk(self, *, editorial: bool = True) -> list[tuple[str, list[Change]]]:
        """The changes by top-level section ('general', 'duties', 'other' …), walking the alignment in its
        order; the sections ajdiff has no name for share one 'other' group; editorial ones only if asked."""
        groups: dict[str, list[Change]] = {}
        for aligned in self.sections:
            shown = [c for c in aligned.changes if editorial or not c.editorial]
            if shown:
                groups.setdefault(aligned.section.split(".", 1)[0], []).extend(shown)
        return list(groups.items())

    @property
    def key(self) -> str:
        """A stable identity of the pair: its sources and annexes."""
        return f"{self.old.source}#{self.old.annex or ''}>{self.new.source}#{self.new.annex or ''}"

    @property
    def substantive(self) -> tuple[Change, ...]:
        """The changes that are not editorial."""
        return tuple(c for c in self.changes if not c.editorial)

    @property
    def editorial(self) -> tuple[Change, ...]:
        """The changes that are editorial only."""
        return tuple(c for c in self.changes if c.editorial)

    @property
    def high_impact(self) -> tuple[Change, ...]:
        """The substantive changes an approver must see first."""
        return tuple(c for c in self.changes if not c.editorial and c.impact is Impact.HIGH)


@dataclass(frozen=True)
class InputBytes:
    """One input file as the comparison read it: its bytes, its printable name, the suffix it was read by."""

    data: bytes = field(repr=False)
    name: str
    suffix: str


@dataclass(frozen=True)
class ComparisonSet:
    """The result of comparing two files, orders or folders: paired posts and the rest."""

    pairs: tuple[Comparison, ...]
    unpaired_old: tuple[JobDescription, ...] = ()
    """Posts only in the old side: abolished."""
    unpaired_new: tuple[JobDescription, ...] = ()
    """Posts only in the new side: created."""
    notes: tuple[str, ...] = ()
    """What the pairing decided on its own, e.g. which annex it picked."""
    order_changes: tuple[Change, ...] = ()
    """What changed in the two orders' own bodies (title, approved annexes, repeals, entry into force)."""
    old_path: str | None = None
    """The OLD file or folder as given (the redline reads a folder's files again); None when built by hand."""
    new_path: str | None = None
    old_all: tuple[JobDescription, ...] = ()
    """Every job description read from OLD when it is one file, chosen for comparison or not (the redline
    cuts the file by them); empty for folders."""
    new_all: tuple[JobDescription, ...] = ()
    old_input: InputBytes | None = None
    """OLD's bytes as read, when it is one file: the redline is built from them, never from a second read
    (standard input and a pipe can be read once; a file may change meanwhile)."""
    new_input: InputBytes | None = None

    @property
    def uncertain(self) -> tuple[Comparison, ...]:
        """The pairs a reviewer should confirm: the content does not clearly make them one post."""
        return tuple(p for p in self.pairs if p.pairing and p.pairing.uncertain)

    @property
    def has_substantive(self) -> bool:
        """True when anything a reviewer must read changed."""
        return (
            bool(self.unpaired_old or self.unpaired_new)
            or any(p.substantive for p in self.pairs)
            or any(not c.editorial for c in self.order_changes)
        )
