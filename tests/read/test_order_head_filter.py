"""The splitter asks a lone document's order-number pattern only of the first lines that hold 'nr' (`orders._may_head`),
told by the lines' `_folded` text: the order found is the one that asking every line finds."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ajdiff.read.formats.plain import read_text
from ajdiff.read.orders import _ORDER_HEAD, _file_order, _folded, _may_head

_PIECES = st.sampled_from(
    [
        *("15.11.2024", "1.2. 2024", "٣.٤.2024", " ", "\t", "\u2000", "nr", "NR", "Nr", "nR", "n", "r", "."),
        *("164", "Nr. 1-2/3", "käskkiri", "KÄSKKIRI", "İ", "ı", "\u212a", "õ", "š", "a", "\x00", "| x |", "lisa 2"),
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=45))
@example(["KÄSKKIRI", "15.11.2024 nr 164", "Kinnitan ametijuhendi (lisa 1)"])
@example(["x"] * 40 + ["15.11.2024 nr 164"])  # the 41st line: not among the first 40, either way
@example(["15.11.2024 NR 7", "Nr 8"])
def test_the_order_line_is_found_among_the_lines_holding_nr(lines: list[str]) -> None:
    folded = _folded(lines)
    if folded is not None:
        head = lines[:40]
        kept = _may_head(head, folded)
        assert [line for line in head if _ORDER_HEAD.match(line)] == [line for line in kept if _ORDER_HEAD.match(line)]
        assert all("nr" in line.lower() for line in kept)
    assert _file_order(lines, [], folded) == _file_order(lines, [])


def test_a_plain_texts_lowered_lines_find_its_order_line() -> None:
    """The plain reader's own lowered text (`SourceText.lowered`) serves as the lines' `_folded`."""
    source = read_text("KÄSKKIRI\n\n15.11.2024 Nr 164\nAMETIJUHEND\n".encode(), "a.txt")
    assert source.lowered is not None
    assert _may_head(list(source.lines), source.lowered) == ["15.11.2024 Nr 164"]
    order = _file_order(list(source.lines), [], source.lowered)
    assert order is not None and order.number == "164" and order.date == "2024-11-15"
