"""The typed job-description model: what the parser builds and the comparer reads."""

from __future__ import annotations

import sys
from dataclasses import field, fields
from operator import attrgetter

from ajdiff.records import dataclass, maker, reduce_shared, shared_values
from ajdiff.tree import Node, pack, unpack

CEFR_LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")

GENERAL_KEYS: tuple[str, ...] = (
    "position",
    "unit",
    "supervisor",
    "subordinates",
    "substitutes_for",
    "substituted_by",
    "goal",
    "group",
    "special_conditions",
)
"""Keys of the general part, in the order the documents print them."""
REQUIREMENT_TEXT_KEYS: tuple[str, ...] = ("education", "experience", "knowledge", "qualities")
"""The requirements held as text, in the order the documents print them."""


@dataclass(frozen=True, slots=True)
class OrderRef:
    """The director's order (käskkiri) that approved a document."""

    number: str
    date: str | None  # ISO 8601, e.g. "2024-11-15"
    title: str | None = None
    """The order's title ('Ametijuhendite kinnitamine')."""
    annexes: tuple[tuple[str, str], ...] = ()
    """(annex, post) for each annex the order approves, as its list names them."""
    repeals: tuple[str, ...] = ()
    """The order's sentences that repeal older orders or annexes."""
    effective: str | None = None
    """The sentence that says when the order takes effect."""
    approved_by: str | None = None
    """Whose order approved the annex, as its approval block says ('Sotsiaalkindlustusameti peadirektori')."""


@dataclass(frozen=True, slots=True)
class General:
    """Section 1, the general part: who the post is, where it sits and who substitutes whom."""

    position: str | None = None
    unit: str | None = None
    supervisor: str | None = None
    subordinates: tuple[str, ...] = ()
    substitutes_for: tuple[str, ...] = ()
    substituted_by: tuple[str, ...] = ()
    goal: str | None = None
    group: str | None = None
    special_conditions: str | None = None

    __reduce__ = reduce_shared  # unpickled from reader processes: strings shared


@dataclass(frozen=True, slots=True)
class Duty:
    """One numbered duty: the task sentence and its expected results."""

    number: str
    task: str
    results: tuple[str, ...] = ()

    __reduce__ = reduce_shared  # unpickled from reader processes: strings shared


@dataclass(frozen=True, slots=True)
class Requirements:
    """Section 3 (or 6/7 in older layouts): what the holder must know and have."""

    education: str | None = None
    experience: str | None = None
    experience_years: int | None = None
    languages: tuple[tuple[str, str], ...] = ()  # (code, CEFR level), sorted by code
    knowledge: str | None = None
    qualities: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # requirements.<slug> of older layouts

    __reduce__ = reduce_shared  # unpickled from reader processes: strings shared

    @property
    def language_map(self) -> dict[str, str]:
        """The languages as a dict, code -> level."""
        return dict(self.languages)


class _Sections:
    """`JobDescription.sections`: a field as any other, but of a document unpickled (sent back by a reader process)
    the tree stays packed (`tree.pack`) until something reads it.

    A non-data descriptor, as `functools.cached_property`: a document made here holds its tree in its own
    `__dict__`, which Python reads before this; only one rebuilt by `_unpickled` has none there, and the first
    read unpacks it into its place. A batch's reports never read the trees of the pairs its readers compared
    (rebuilding a pair's two was most of the 0.4 ms this process spent taking each such pair from a worker);
    pairing, the redline and the UI read them as ever. A reader that sends no tree (`compare_files(trees=False)`)
    leaves in its place what reads it again, called instead."""

    def __get__(self, doc: JobDescription | None, owner: type | None = None) -> tuple[Node, ...]:
        if doc is None:
            return ()  # the field's default (dataclasses asks the class)
        held = doc.__dict__
        packed = held.get(_PACKED)
        if packed is None:  # another thread unpacked it meanwhile: its nodes, one tree for everyone
            return held["sections"]  # type: ignore[no-any-return]
        # A tree its reader did not send is read again from its file (`api.reread_tree`) by the first that asks.
        nodes: tuple[Node, ...] = held.setdefault("sections", unpack(packed) if type(packed) is tuple else packed())
        held.pop(_PACKED, None)
        return nodes


_PACKED = "_sections_packed"
"""Where an unpickled document holds its tree packed (see `_Sections`)."""


@dataclass(frozen=True)
class JobDescription:
    """One job description (ametijuhend), usually one annex of an order."""

    source: str
    annex: str | None = None
    order: OrderRef | None = None
    general: General = field(default_factory=General)
    duties: tuple[Duty, ...] = ()
    requirements: Requirements = field(default_factory=Requirements)
    rights: tuple[str, ...] = ()
    responsibilities: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    review: str | None = None
    other: tuple[tuple[str, str], ...] = ()  # other.<slug>, in document order
    warnings: tuple[str, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()  # register header, signatures: never compared
    sections: tuple[Node, ...] = _Sections()  # type: ignore[assignment]  # a tuple, () by default (see _Sections)
    """The document tree as written (title block, sections), with the typed keys found on its nodes."""
    labels: tuple[tuple[str, str], ...] = ()
    """The document's own label of each typed field it labels (path, label): an employee's 'Ametikoht'
    where the catalogue says 'Teenistuskoht'. Reports name a field so; JSON keys never change."""

    def __reduce__(self) -> tuple[object, ...]:
        # The tree packed (as it came, if it came so and nobody read it), the records as plain tuples (`_plain`).
        held = self.__dict__
        packed = held.get(_PACKED)
        if packed is None:  # not `or`: a document without a tree came packed as (), and holds no "sections"
            packed = pack(held["sections"])
        return (_unpickled, (_plain(held), packed))

    def own_label(self, path: str) -> str | None:
        """The label this document gives the field at `path`, or None when it has none of its own."""
        return next((label for p, label in self.labels if p == path), None)

    @property
    def label(self) -> str:
        """A short human name: 'Lisa 2 · Ekspert (kriisivalmidus)'."""
        parts = []
        if self.annex:
            parts.append(f"Lisa {self.annex}")
        parts.append(self.general.position or "(nimetu ametikoht)")
        return " · ".join(parts)


_FIELD_NAMES = tuple(f.name for f in fields(JobDescription))
_PLAIN_FIELDS = _FIELD_NAMES[_FIELD_NAMES.index("requirements") + 1 :]
"""The fields after the records `_plain` spells out (source, annex, order, general, duties, requirements)."""
_ORDER_VALUES, _GENERAL_VALUES, _DUTY_VALUES, _REQUIREMENT_VALUES = (
    attrgetter(*(f.name for f in fields(cls))) for cls in (OrderRef, General, Duty, Requirements)
)


def _plain(held: dict[str, object]) -> tuple[object, ...]:
    """A document's values (its `__dict__`) as a reader process sends them: its records as tuples of their fields'
    values, which pickle writes and reads in its C code (a `__reduce__` call for each of a pair's twenty records,
    and a call to rebuild each, were a third of its cost to send), and () for its tree (sent packed)."""
    order = held["order"]
    return (
        held["source"],
        held["annex"],
        None if order is None else _ORDER_VALUES(order),
        _GENERAL_VALUES(held["general"]),
        tuple(map(_DUTY_VALUES, held["duties"])),  # type: ignore[call-overload]  # a tuple of Duty
        _REQUIREMENT_VALUES(held["requirements"]),
        *[() if n == "sections" else held[n] for n in _PLAIN_FIELDS],
    )


def _unpickled(values: tuple[object, ...], packed: tuple[object, ...]) -> JobDescription:
    """A document sent by another process (`_plain`): its values' strings shared (`records.shared`), its tree left
    packed (`sections` is () among `values`).

    Made as pickle makes an object, its values put in its `__dict__` without its `__init__` (a frozen record's sets
    each field by a call of `object.__setattr__`), and its records made by their makers (`records.maker`): some
    seventy such calls a document were a third of taking a pair back from a reader."""
    source, annex, order, general, duties, requirements, *rest = values
    doc = _new(JobDescription)
    held = doc.__dict__
    held.update(
        zip(
            _FIELD_NAMES,
            (
                _intern(source),  # type: ignore[call-overload]
                annex and _intern(annex),  # type: ignore[call-overload]
                None if order is None else _make_order(*shared_values(order)),  # type: ignore[arg-type]
                make_general(*shared_values(general)),  # type: ignore[arg-type]
                # A duty's number and task are strings, its results a tuple of them: shared in C, no test of each.
                tuple([make_duty(_intern(n), _intern(t), tuple(map(_intern, r))) for n, t, r in duties]),  # type: ignore[attr-defined]
                make_requirements(*shared_values(requirements)),  # type: ignore[arg-type]
                *shared_values(rest),
            ),
        )
    )
    del held["sections"]
    held[_PACKED] = packed
    return doc


_new = object.__new__
_intern = sys.intern
_make_order = maker(OrderRef)
make_general = maker(General)
"""`General(position, …)`, made at half its cost (`records.maker`): one for every document read."""
make_duty = maker(Duty)
"""`Duty(number, task, results)`, made at half its cost (`records.maker`): one for every duty of every document read."""
make_requirements = maker(Requirements)
"""`Requirements(education, …)`, made at half its cost (`records.maker`): one for every document read."""
