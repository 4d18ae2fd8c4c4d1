"""The document tree: a job description as written — title block, sections, fields, items — with
each node's verbatim text, its normalised text, where it stands in the source, and the typed key
(a GUIDE.md field key) that reading found for it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from enum import Enum

from ajdiff.records import dataclass, maker


@dataclass(frozen=True, slots=True)  # one per line of every document: kept small
class Origin:
    """Where one line of a `SourceText` stands in its file, for pointing a reader back at it."""

    line: int | None = None
    """1-based line of a text file."""
    paragraph: int | None = None
    """1-based body paragraph (docx, html) outside tables."""
    table: int | None = None
    """1-based table, with `row` and `cell` (1-based) inside it."""
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    """1-based page of a PDF."""

    def __reduce__(self) -> tuple[Callable[..., Origin], tuple[int | None, ...]]:
        # A plain tuple: cheap to pickle back from reader processes, one per line of every document;
        # a text file's line number comes back as the one shared Origin of that line (`line_origin`).
        plain = self.plain()
        return (line_origin, (plain,)) if type(plain) is int else (Origin, plain)  # type: ignore[return-value]

    def plain(self) -> int | tuple[int | None, ...]:
        """This origin as plain values: a text file's line as its number alone, any other as all its fields."""
        if self.line is not None and (self.paragraph, self.table, self.row, self.cell, self.page) == _NO_PLACE:
            return self.line
        return (self.line, self.paragraph, self.table, self.row, self.cell, self.page)

    @staticmethod
    def of_plain(plain: int | tuple[int | None, ...]) -> Origin:
        """The origin `plain` gave these values, a text file's line the one shared Origin of that line."""
        return line_origin(plain) if type(plain) is int else Origin(*plain)  # type: ignore[misc]


_NO_PLACE = (None, None, None, None, None)


def line_origin(line: int) -> Origin:
    """The Origin of line `line` of a text file, one object for every document that has that line: an
    agency's trees point at a few thousand line numbers from a million nodes."""
    origin = SHARED_ORIGINS.get(line)
    if origin is None:
        origin = SHARED_ORIGINS[line] = Origin(line=line)
    return origin


SHARED_ORIGINS: dict[int, Origin] = {}
"""`line_origin(k)` by k, of each line asked so far (a text's lines: at most the readers' `MAX_LINES`). Whether an
origin is its line's shared one is `SHARED_ORIGINS.get(line) is origin`: a look-up in a plain dict, where a call of
a cached function cost some 600 instructions (a remembered duty's every line is asked, and its every node moved)."""


_LINE_ORIGINS: list[Origin] = []
"""`line_origin(1)`, `line_origin(2)` … as far as a text read so far has had lines (at most the readers'
`MAX_LINES`): the same objects as `SHARED_ORIGINS`'."""


def line_origins(start: int, stop: int) -> list[Origin]:
    """`line_origin(k)` of each k from `start` up to `stop`."""
    # A slice of those made so far: a call a line through the cache's wrapper (a tuple of arguments each) cost some
    # 350 instructions, a fifteenth of splitting a text file (and again when its lines are prepared).
    if len(_LINE_ORIGINS) < stop - 1:
        _LINE_ORIGINS.extend(map(line_origin, range(len(_LINE_ORIGINS) + 1, stop)))
    return _LINE_ORIGINS[start - 1 : stop - 1]


class NodeKind(str, Enum):
    """What a node of the tree is."""

    TITLE = "title"
    """The title or approval block before the first section."""
    SECTION = "section"
    """A heading and everything under it."""
    FIELD = "field"
    """A label and its value ('Vahetu juht Talituse juhataja')."""
    ITEM = "item"
    """A numbered item (3.1., 3.1.1, 1), a)) or an unnumbered duty."""
    RESULT = "result"
    """An expected result of a duty."""
    BULLET = "bullet"
    """A bulleted line of a list."""
    PARAGRAPH = "paragraph"
    """Any other text."""


@dataclass(frozen=True, slots=True)  # slots: an agency's 10,000 trees hold millions of nodes
class Node:
    """One node of the document tree."""

    kind: NodeKind
    text: str
    """Normalised: wrapped lines joined, hyphenation undone, bullets and the number removed."""
    verbatim: str
    """As written: the source lines of this node (without its children), number and punctuation kept."""
    number: str | None = None
    """The item's or heading's number, normalised ('3.1'), or None."""
    label: str | None = None
    """A section's heading or a field's label, as written."""
    key: str | None = None
    """The typed field this node is: 'general.unit', 'duties', 'other.valveaja_rakendamine' …"""
    children: tuple[Node, ...] = ()
    where: Origin | None = None
    """Where the node starts in its source file."""

    def __reduce__(self) -> tuple[Callable[..., Node], tuple[object, ...]]:
        # Rebuilt from a plain tuple: pickling a folder's trees back from reader processes stays cheap.
        return (
            _node,
            (self.kind, self.text, self.verbatim, self.number, self.label, self.key, self.children, self.where),
        )

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        return _walk([self])

    def moved(self, by: int) -> Node:
        """This node and the nodes under it moved `by` lines down a text file (up when negative): a part of a
        document read once and remembered, found again where a version has it lower or higher."""
        where = self.where
        shared = SHARED_ORIGINS.get
        if where is not None and (line := where.line) is not None and where is shared(line):
            where = line_origin(line + by)
        children = self.children
        if children:
            # A child without children of its own (a duty's result, nearly every node moved) moved here, not by a
            # call: the call and its list were a fifth of moving a remembered duty (4.7 M instructions a 100 pairs).
            moved = []
            for child in children:
                if child.children:
                    moved.append(child.moved(by))
                    continue
                at = child.where
                if at is not None and (line := at.line) is not None and at is shared(line):
                    at = shared(line + by) or line_origin(line + by)
                moved.append(
                    make_node(child.kind, child.text, child.verbatim, child.number, child.label, child.key, (), at)
                )
            children = tuple(moved)
        return make_node(self.kind, self.text, self.verbatim, self.number, self.label, self.key, children, where)


make_node = maker(Node)
"""`Node(kind, text, …)`, made at half its cost (`records.maker`): the readers make one per line of every document."""


def _node(
    kind: NodeKind,
    text: str,
    verbatim: str,
    number: str | None,
    label: str | None,
    key: str | None,
    children: tuple[Node, ...],
    where: Origin | None,
) -> Node:
    """A node unpickled, its strings shared with every other document's (`records.shared`)."""
    # `shared` spelt out: a pair's trees bring some two hundred nodes back from a reader process, each with five
    # strings (an empty one or None as it is), and the parent process unpickles them all, one by one.
    return make_node(
        kind,
        _intern(text),
        _intern(verbatim),
        number and _intern(number),
        label and _intern(label),
        key and _intern(key),
        children,
        where,
    )


_intern = sys.intern

_FIELDS_PER_NODE = 8
"""A packed node's values: kind, text, verbatim, number, label, key, number of children, where."""


def pack(nodes: tuple[Node, ...]) -> tuple[object, ...]:
    """A forest as one flat tuple of plain values, its nodes in document order (`unpack` rebuilds it).

    A document's tree is some hundred nodes; pickled as objects each is a `__reduce__` call, a tuple and an
    entry in the pickler's memo, and unpickling makes every node at once; flat, the pickle is one tuple of
    strings and numbers (and the kinds, each pickled once), written and read by pickle's C code, and a document
    that crosses from a reader process keeps its tree so until something reads it (`JobDescription.sections`): a
    batch's report never does."""
    flat: list[object] = []
    add = flat.extend
    # A stack, not a function that calls itself for the children: a call for each node was half of packing a tree.
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        children = node.children
        if children:
            stack.extend(reversed(children))
        where = node.where
        # `Origin.plain` spelt out for a text file's line, nearly every node's (a call each, another sixth).
        if where is None:
            plain: int | tuple[int | None, ...] | None = None
        elif (
            where.line is not None
            and where.paragraph is None
            and where.table is None
            and where.row is None
            and where.cell is None
            and where.page is None
        ):
            plain = where.line
        else:
            plain = where.plain()
        add((node.kind, node.text, node.verbatim, node.number, node.label, node.key, len(children), plain))
    return tuple(flat)


def unpack(packed: tuple[object, ...]) -> tuple[Node, ...]:
    """The forest `pack` made, each string shared with every other document's (as `_node`)."""
    # Read from the end, a node comes after all the nodes below it: its children are made, the last of them
    # nearest the end of `made`.
    made: list[Node] = []
    values = reversed(packed)
    same = [values] * _FIELDS_PER_NODE
    for where, count, key, label, number, verbatim, text, kind in zip(*same):
        if count:
            children = tuple(made[: -count - 1 : -1])
            del made[-count:]
        else:
            children = ()
        origin = None if where is None else Origin.of_plain(where)
        made.append(_node(kind, text, verbatim, number, label, key, children, origin))
    made.reverse()
    return tuple(made)


def walk(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """Every node of a forest, in document order."""
    return _walk(list(reversed(nodes)))


def _walk(stack: list[Node]) -> Iterator[Node]:
    """The nodes of `stack` (last first) and their descendants, in document order.

    A stack rather than nested generators: each node deep in a tree passed through one generator per level
    above it, and the readers and the comparison walk every document's tree several times."""
    while stack:
        node = stack.pop()
        yield node
        if node.children:
            stack.extend(reversed(node.children))
