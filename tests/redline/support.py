"""Shared fixtures of the redline tests: the real version pairs, a pinned date, views."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from ajdiff.api import load
from ajdiff.changes import Comparison
from ajdiff.compare.document import compare
from ajdiff.model import JobDescription
from ajdiff.redline.build import render_document, write_blocks
from ajdiff.redline.layout import LayoutOptions, annex_blocks
from tests.redline.views import Item, Side, view

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEED = {
    "000": FIXTURES / "000_2e8e5e7caea51be0.txt",
    "001": FIXTURES / "001_f0f3c421c69f98c0.txt",
    "002": FIXTURES / "002_916340fc2ccdf799.txt",
    "003": FIXTURES / "003_e40249d3a3f17dad.txt",
}
DATE = datetime(2025, 1, 31, 12, 0, tzinfo=timezone.utc)

# (old seed, old annex, new seed, new annex): the real pairs of GUIDE.md §1.
REAL_PAIRS: dict[str, tuple[str, str | None, str, str]] = {
    "001-000L2": ("001", None, "000", "2"),
    "002-000L7": ("002", None, "000", "7"),
    "000L6-000L7": ("000", "6", "000", "7"),
    "003L10-003L11": ("003", "10", "003", "11"),
}


@cache
def document(seed: str, annex: str | None) -> JobDescription:
    """One parsed document of a seed (parsed once)."""
    return load(SEED[seed], annex)[0]


@cache
def real_pair(name: str) -> Comparison:
    """The comparison of one real pair."""
    old_seed, old_annex, new_seed, new_annex = REAL_PAIRS[name]
    return compare(document(old_seed, old_annex), document(new_seed, new_annex))


def annex_redline(pair: Comparison, options: LayoutOptions) -> bytes:
    """The tracked annex of a pair alone (no summary page)."""
    return write_blocks(annex_blocks(pair, options), date=DATE)


@cache
def rendered(doc: JobDescription) -> list[Item]:
    """The text of one document rendered with no changes."""
    return view(render_document(doc, date=DATE), Side.ACCEPT)


@cache
def moved_pair() -> Comparison:
    """000 Lisa 2 with its last duty moved to the front: no real pair moves a duty."""
    old = document("000", "2")
    duties = (old.duties[-1], *old.duties[:-1])
    new = replace(old, duties=tuple(replace(d, number=f"2.{k + 1}") for k, d in enumerate(duties)))
    return compare(old, new)
