"""Sections read once (`ajdiff.read.reuse`): a document whose sections were read before, in another document
at other places, reads as it reads afresh — the same tree, its own places, the same warnings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ajdiff.read import reuse, structure
from ajdiff.read.formats import SourceText, read_source
from ajdiff.read.parse import parse_source
from ajdiff.tree import Origin, line_origin, walk
from tests.conftest import FIXTURES, SEEDS

_SHIFT = 7


def _moved(source: SourceText) -> SourceText:
    """The same text standing further down its file: every place moved, as lines inserted above would."""
    origins = source.origins or tuple(line_origin(k + 1) for k in range(len(source.lines)))

    def move(o: Origin) -> Origin:
        return Origin(
            *(None if v is None else v + _SHIFT for v in (o.line, o.paragraph, o.table, o.row, o.cell, o.page))
        )

    return replace(source, origins=tuple(map(move, origins)))


@pytest.mark.parametrize(
    "path",
    [
        SEEDS["001"],  # an annex in a text file: line numbers
        SEEDS["000"],  # an order of annexes
        FIXTURES / "001_f0f3c421c69f98c0.docx",  # paragraphs and table cells
        FIXTURES / "external" / "sillamae_gumnaasium_opetaja_b.txt",  # a section that warns
    ],
    ids=lambda p: p.name,
)
def test_a_section_read_before_elsewhere_reads_as_it_reads_afresh(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = read_source(path)
    moved = _moved(source)
    reads: list[object] = []
    real = structure._read_section

    def counting(*args: object, **kwargs: object) -> object:
        reads.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(structure, "_read_section", counting)
    reuse.forget()
    first = parse_source(source)
    reads.clear()
    again = parse_source(moved)  # every section met before, at other places
    reused_reads = len(reads)
    reuse.forget()
    reads.clear()
    fresh = parse_source(moved)
    assert reads and reused_reads < len(reads)  # the memo answered: the comparison below is no read against itself
    assert again == fresh
    # Each node stands where its own lines do, not where the first document's stood.
    places = [n.where for d in again for n in walk(d.sections) if n.where is not None]
    assert places and places != [n.where for d in first for n in walk(d.sections) if n.where is not None]
    assert [d.warnings for d in again] == [d.warnings for d in first]


def test_the_memo_keeps_only_the_last_sections() -> None:
    reuse.forget()
    parse_source(read_source(SEEDS["000"]))  # an order: many annexes' sections
    assert 0 < len(reuse._memo) <= reuse.MEMO_SIZE
