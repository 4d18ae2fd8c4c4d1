"""Sections read once: an OLD and a NEW version are nearly all the same sections, and a section's lines
alike (text, numbers, blank lines, places relative to its first line) read alike, so the second document
of a pair takes the first one's reading of them, moved to where its own lines stand.

The memo is keyed by everything the reading of a section depends on — its heading and every line as the
structure reader saw it, its sub-sections, the document-wide settings (wrapped, columns, page width) and
the language its warnings are said in — never by a part of it; and it holds the last few sections only.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from ajdiff.i18n import current
from ajdiff.tree import Node, Origin, line_origin

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)
if TYPE_CHECKING:
    from ajdiff.read.lines import Line
    from ajdiff.read.structure import _Draft

Place = tuple[int | None, int | None, int | None, int | None, int | None, int | None]

MEMO_SIZE = 64
"""Sections kept: a batch reads a file and its namesake one after the other (a few dozen sections apart)."""

_place: Callable[[Origin], Place] = attrgetter("line", "paragraph", "table", "row", "cell", "page")
_memo: dict[object, tuple[Node, Place, tuple[str, ...]]] = {}


def read_once(draft: _Draft, settings: tuple[object, ...], warnings: list[str], read: Callable[[], Node]) -> Node:
    """`read()` of a section, or the node a section alike was read into, its places moved to this one's; the
    warnings reading it said are said again."""
    origins: list[Origin] = []
    shape = _shape(draft, origins)
    places = list(map(_place, origins))
    base = _base(places)
    if base[1:] == (None, None, None, None, None):  # a text file's lines: only line numbers
        first = base[0] or 0
        relative: object = tuple(p[0] - first for p in places)  # type: ignore[operator]  # none is None here
    else:
        relative = tuple(tuple(None if v is None else v - (b or 0) for v, b in zip(p, base)) for p in places)
    key = (shape, relative, settings, current())
    hit = _memo.get(key)
    if hit is not None:
        node, was, said = hit
        warnings.extend(said)
        if was == base:
            return node
        delta = tuple(0 if b is None else b - (w or 0) for b, w in zip(base, was))
        return _moved(node, delta, {})
    before = len(warnings)
    node = read()
    if len(_memo) >= MEMO_SIZE:
        del _memo[next(iter(_memo))]  # the oldest: a pair's sections are read close together
    _memo[key] = (node, base, tuple(warnings[before:]))
    return node


def forget() -> None:
    """Empty the memo (a timed round that must cost what a fresh process pays)."""
    _memo.clear()


def _shape(draft: _Draft, origins: list[Origin]) -> tuple[object, ...]:
    """Everything of a section's draft that its reading depends on but where it stands; its lines' origins,
    in order, are appended to `origins`."""
    heading = _line(draft.heading, origins) if draft.heading is not None else None
    lines = tuple(_line(line, origins) for line in draft.lines)
    children = tuple(_shape(child, origins) for child in draft.children)
    return (draft.key, draft.title, draft.number, draft.numbered, heading, lines, children)


def _line(line: Line, origins: list[Origin]) -> tuple[object, ...]:
    origins.append(line.origin)
    return (line.text, line.verbatim, line.blank_before, line.bullet, line.num)


def _base(places: list[Place]) -> Place:
    """Per field of an origin, its first value among the places (None where no place has one)."""
    base: list[int | None] = [None] * 6
    missing = 6
    for place in places:
        for k, value in enumerate(place):
            if base[k] is None and value is not None:
                base[k] = value
                missing -= 1
        if not missing:
            break
    return tuple(base)  # type: ignore[return-value]  # six fields, as Place says


def _moved(node: Node, delta: tuple[int, ...], done: dict[int, Origin]) -> Node:
    """The node and its descendants with every origin moved by `delta` (field by field)."""
    where = node.where
    if where is not None:
        moved = done.get(id(where))
        if moved is None:
            place = _place(where)
            new = tuple(None if v is None else v + d for v, d in zip(place, delta))
            moved = line_origin(new[0]) if new[0] is not None and new[1:] == (None,) * 5 else Origin(*new)
            done[id(where)] = moved
        where = moved
    children = tuple(_moved(child, delta, done) for child in node.children) if node.children else ()
    return Node(node.kind, node.text, node.verbatim, node.number, node.label, node.key, children, where)
