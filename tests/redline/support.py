"""Shared fixtures of the redline tests: the real version pairs, a pinned date, the sides' paragraphs."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from ajdiff.api import compare_files, load
from ajdiff.changes import Comparison, ComparisonSet
from ajdiff.compare.document import compare
from ajdiff.read.formats import read_source
from ajdiff.read.parse import parse_source
from ajdiff.redline.document import RedlineOptions, build_redline
from ajdiff.redline.units import segments, text_units

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEED = {
    "000": FIXTURES / "000_2e8e5e7caea51be0.txt",
    "001": FIXTURES / "001_f0f3c421c69f98c0.txt",
    "002": FIXTURES / "002_916340fc2ccdf799.txt",
    "003": FIXTURES / "003_e40249d3a3f17dad.txt",
}
REGISTER_ROW = re.compile(r"^\|.*\|$")
"""A row of the register's metadata tables in a text export ('| Viit | 164 |'): not in the redline's body."""
DATE = datetime(2025, 1, 31, 12, 0, tzinfo=timezone.utc)

# (old seed, old annex, new seed, new annex): the real pairs of GUIDE.md §1.
REAL_PAIRS: dict[str, tuple[str, str | None, str, str]] = {
    "001-000L2": ("001", None, "000", "2"),
    "002-000L7": ("002", None, "000", "7"),
    "000L6-000L7": ("000", "6", "000", "7"),
    "003L10-003L11": ("003", "10", "003", "11"),
}
ORDER_PAIRS = ("1=1", "2=4", "3=5", "6=7")
"""Posts of two departments: ajdiff pairs none of 000 → 003 on its own; a reviewer pairs four by hand."""


@cache
def real_result(name: str) -> ComparisonSet:
    """The comparison of one real pair, as `ajdiff redline` makes it."""
    old_seed, old_annex, new_seed, new_annex = REAL_PAIRS[name]
    return compare_files(SEED[old_seed], SEED[new_seed], old_annex=old_annex, new_annex=new_annex)


def real_pair(name: str) -> Comparison:
    """The one pair of a real pair's comparison."""
    return real_result(name).pairs[0]


def orders_result() -> ComparisonSet:
    """The two seed orders, four posts paired by hand."""
    return compare_files(SEED["000"], SEED["003"], pair=ORDER_PAIRS)


def redline(result: ComparisonSet, **options: object) -> bytes:
    """The redline of a comparison with the pinned date."""
    return build_redline(result, RedlineOptions(date=DATE, **options))  # type: ignore[arg-type]  # test kwargs


@cache
def paragraphs(seed: str, annex: str | None = None) -> tuple[str, ...]:
    """A seed's paragraphs as the redline reads a text file; for one annex, that annex's stretch."""
    source = read_source(SEED[seed])
    units = [u for u in text_units(source) if not REGISTER_ROW.match(u.text)]
    if annex is None:
        return tuple(u.text for u in units)
    docs = parse_source(source)
    k = next(i for i, d in enumerate(docs) if d.annex == annex)
    return tuple(units[i].text for i in segments(units, docs).docs[k])


@cache
def document_of(seed: str, annex: str | None):  # type: ignore[no-untyped-def]  # JobDescription
    """One parsed document of a seed (parsed once)."""
    return load(SEED[seed], annex)[0]


@cache
def moved_pair() -> Comparison:
    """000 Lisa 2 with its last duty moved to the front: no real pair moves a duty."""
    old = document_of("000", "2")
    duties = (old.duties[-1], *old.duties[:-1])
    new = replace(old, duties=tuple(replace(d, number=f"2.{k + 1}") for k, d in enumerate(duties)))
    return compare(old, new)


def norm(lines: list[str] | tuple[str, ...]) -> list[str]:
    """Non-empty lines with their spaces normalised (a view joins runs; a reader trims them)."""
    return [" ".join(line.split()) for line in lines if line.strip()]


def table_file(path: Path, rows: list[tuple[str, str]]) -> None:
    """A small Word job description whose general part is a label | value table of these rows."""
    import docx

    document = docx.Document()
    document.add_paragraph("AMETIJUHEND")
    document.add_paragraph("1. Üldosa")
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_paragraph("2. Peamised teenistusülesanded")
    document.add_paragraph("2.1. Dokumentide menetlemine ja arhiveerimine.")
    document.save(str(path))
