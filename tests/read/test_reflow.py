"""Boundaries that survive reflow: every seed annex, wrapped at any width from 40 to 100 with blank
lines thrown in at random (as a PDF's text layer gives it), compared with itself, has no
substantive change. A wrapped line never starts a duty, a result or an item of its own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ajdiff.compare.document import compare
from ajdiff.read.formats import read_bytes
from ajdiff.read.parse import parse_source
from tests.conftest import SEEDS, seed_docs
from tests.read.layouts import rewrap

# Seed 004 is OCR of a scanned two-column table read across: each of its lines already mixes words
# of the task and the result columns at a place the scan decided. Wrapping those lines again would
# move the column boundary into other lines: a document no scanner produces and no person could
# read. Its own lines are kept and only the blank-line noise of a PDF's text layer is added
# (width 0); its column reading is tested in tests/read/test_columns.py.
WRAPPABLE = sorted(s for s in SEEDS if s != "004")


def _substantive_against_self(seed: str, width: int, blank_rate: float, rng_seed: int) -> list[str]:
    original = seed_docs(seed)
    text = SEEDS[seed].read_text(encoding="utf-8")
    wrapped = parse_source(read_bytes(rewrap(text, width, blank_rate, rng_seed).encode(), "wrapped.txt", ".txt"))
    assert [d.annex for d in wrapped] == [d.annex for d in original]
    return [
        f"Lisa {a.annex}: {c.path} {c.kind.value}: {c.old!r} -> {c.new!r}"
        for a, b in zip(original, wrapped)
        for c in compare(a, b).substantive
    ]


@settings(max_examples=15, deadline=None)
@given(
    seed=st.sampled_from(WRAPPABLE),
    width=st.integers(40, 100),
    blank_rate=st.sampled_from([0.0, 0.1, 0.3, 1.0]),
    rng_seed=st.integers(0, 2**16),
)
def test_every_seed_wrapped_at_any_width_reads_as_itself(
    seed: str, width: int, blank_rate: float, rng_seed: int
) -> None:
    assert _substantive_against_self(seed, width, blank_rate, rng_seed) == []


@settings(max_examples=6, deadline=None)
@given(blank_rate=st.sampled_from([0.1, 0.3, 0.6, 1.0]), rng_seed=st.integers(0, 2**16))
def test_the_ocr_seed_with_blank_line_noise_reads_as_itself(blank_rate: float, rng_seed: int) -> None:
    assert _substantive_against_self("004", 0, blank_rate, rng_seed) == []


def test_a_pdf_wrapped_copy_without_full_stops_reads_as_itself() -> None:
    """The issue's case: lines cut at 60-75 characters, every line followed by a blank line."""
    for seed in WRAPPABLE:
        for width in (60, 67, 75):
            assert _substantive_against_self(seed, width, 1.0, width) == [], (seed, width)


def test_rewrap_really_wraps() -> None:
    """The property is not vacuous: the wrapped text has many more lines than the original."""
    text = SEEDS["003"].read_text(encoding="utf-8")
    assert len(rewrap(text, 40, 0.0, 1).splitlines()) > 3 * len(text.splitlines())
