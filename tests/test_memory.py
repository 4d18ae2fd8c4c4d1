"""What an agency's 10,000 trees do not hold twice: a text file's line origins, a line's text and verbatim."""

from __future__ import annotations

import pickle

from ajdiff.read.parse import read_documents
from ajdiff.tree import Node, NodeKind, Origin, line_origin, walk
from tests.conftest import SEEDS


def test_a_text_files_nodes_share_one_origin_per_line_also_after_pickling() -> None:
    docs = read_documents(SEEDS["000"])  # seven annexes of one text file
    wheres = [n.where for d in docs for n in walk(d.sections) if n.where is not None]
    assert len(wheres) > 100 and all(w is line_origin(w.line or 0) for w in wheres)
    back = pickle.loads(pickle.dumps(docs))  # as documents come back from the reader processes
    again = [n.where for d in back for n in walk(d.sections) if n.where is not None]
    assert again == wheres and all(a is b for a, b in zip(again, wheres))
    assert back == docs


def test_an_origin_with_more_than_a_line_comes_back_equal_and_its_own() -> None:
    cell = Origin(table=2, row=3, cell=1)
    both = Origin(line=4, page=2)
    for origin in (cell, both):
        copy = pickle.loads(pickle.dumps(origin))
        assert copy == origin and copy is not origin
    assert pickle.loads(pickle.dumps(Origin(line=7))) is line_origin(7)


def test_a_node_read_as_written_holds_one_string_for_text_and_verbatim() -> None:
    nodes = [n for d in read_documents(SEEDS["000"]) for n in walk(d.sections) if n.children == ()]
    alike = [n for n in nodes if n.text == n.verbatim]
    assert len(alike) > 100 and all(n.text is n.verbatim for n in alike)


def test_a_tree_packed_to_be_sent_back_leaves_nothing_for_the_collector() -> None:
    # A batch runs with the collector paused (api.gc_paused): a reference cycle made per document sent back
    # would hold that document's packed tree until the end (a reader process grew by 200 MB over an agency).
    import gc

    from ajdiff.tree import pack, unpack

    docs = read_documents(SEEDS["000"])
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        packed = [pack(d.sections) for d in docs]
        assert [unpack(p) for p in packed] == [d.sections for d in docs]
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def test_a_word_or_pdf_tree_packed_and_unpacked_keeps_every_origin() -> None:
    # `pack` spells out `Origin.plain` for a text file's line: a paragraph's, a cell's or a page's origin (a line on
    # a page) must still travel whole, and a text file's line come back as the one shared origin of that line.
    from ajdiff.tree import pack, unpack

    for suffix in (".docx", ".pdf"):
        docs = read_documents(SEEDS["000"].with_suffix(suffix))
        wheres = [n.where for d in docs for n in walk(d.sections) if n.where is not None]
        assert any(w.line is None for w in wheres) or any(w.page is not None for w in wheres), suffix
        back = [unpack(pack(d.sections)) for d in docs]
        assert back == [d.sections for d in docs], suffix
        again = [n.where for tree in back for n in walk(tree) if n.where is not None]
        assert again == wheres
    # Each field beside a line keeps the origin whole; a line alone comes back as its shared origin.
    places = [Origin(line=4, **{name: 2}) for name in ("paragraph", "table", "row", "cell", "page")]
    forest = tuple(Node(NodeKind.PARAGRAPH, "Tekst", "Tekst", where=w) for w in (line_origin(3), *places))
    back = unpack(pack(forest))
    assert [n.where for n in back] == [line_origin(3), *places] and back[0].where is line_origin(3)
