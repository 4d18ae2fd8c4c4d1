"""`tree.make_node` (`records.maker`): a node made without its record's `__init__` is the node `Node(…)` makes, as frozen."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ajdiff.tree import Node, NodeKind, Origin, line_origin, make_node

_TEXT = st.text(max_size=8)
_MAYBE = st.none() | _TEXT
_WHERE = (
    st.none()
    | st.integers(1, 50).map(line_origin)
    | st.builds(Origin, page=st.integers(1, 9))
    | st.builds(Origin, line=st.integers(1, 50))  # equal to a shared line, not it: never moved
)
_LEAF = st.builds(Node, st.sampled_from(NodeKind), _TEXT, _TEXT, _MAYBE, _MAYBE, _MAYBE, st.just(()), _WHERE)


def test_nodes_are_made_by_a_function_of_their_own_not_by_the_class() -> None:
    assert make_node is not Node and make_node.__qualname__ == "Node.make"


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(NodeKind),
    _TEXT,
    _TEXT,
    _MAYBE,
    _MAYBE,
    _MAYBE,
    st.lists(_LEAF, max_size=3).map(tuple),
    _WHERE,
)
def test_a_node_made_so_is_the_node_made_by_its_class(
    kind: NodeKind,
    text: str,
    verbatim: str,
    number: str | None,
    label: str | None,
    key: str | None,
    children: tuple[Node, ...],
    where: Origin | None,
) -> None:
    made = make_node(kind, text, verbatim, number, label, key, children, where)
    node = Node(kind, text, verbatim, number, label, key, children, where)
    assert type(made) is Node
    assert made == node and hash(made) == hash(node) and repr(made) == repr(node)
    assert [getattr(made, f.name) for f in dataclasses.fields(Node)] == [
        getattr(node, f.name) for f in dataclasses.fields(Node)
    ]
    assert pickle.loads(pickle.dumps(made)) == node
    assert dataclasses.replace(made, text="x") == dataclasses.replace(node, text="x")


def test_a_node_made_so_is_frozen() -> None:
    made = make_node(NodeKind.ITEM, "a", "a")
    assert made == Node(NodeKind.ITEM, "a", "a") and made.children == () and made.where is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.text  # type: ignore[misc]
    with pytest.raises(AttributeError):
        made.other = 1  # type: ignore[attr-defined]


def _moved_by_definition(node: Node, by: int) -> Node:
    """`Node.moved` as its docstring defines it, a call for each node: the oracle of the one below."""
    where = node.where
    if where is not None and where.line is not None and where is line_origin(where.line):
        where = line_origin(where.line + by)
    children = tuple(_moved_by_definition(child, by) for child in node.children)
    return dataclasses.replace(node, children=children, where=where)


_TREE = st.recursive(
    _LEAF,
    lambda kids: st.builds(dataclasses.replace, _LEAF, children=st.lists(kids, max_size=3).map(tuple)),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(_TREE, st.integers(-20, 20))
def test_a_node_moved_is_the_node_moved_a_node_at_a_time(node: Node, by: int) -> None:
    # Its childless children (a duty's results) are moved in its own loop, the others by their own `moved`; an origin
    # that is not a text file's shared line (a page's, or an equal Origin of a line made apart) stays as it is.
    moved = node.moved(by)
    expected = _moved_by_definition(node, by)
    assert moved == expected
    assert all(a.where is b.where for a, b in zip(moved.walk(), expected.walk(), strict=True))
