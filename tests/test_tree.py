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
_WHERE = st.none() | st.integers(1, 50).map(line_origin) | st.builds(Origin, page=st.integers(1, 9))
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
