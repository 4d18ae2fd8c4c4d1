"""Render the pair and the order pair as text, JSON, HTML, CSV and the Word redline."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.api import compare_files
from ajdiff.changes import ComparisonSet
from tests.benchmarks.conftest import median_ms, record


@pytest.fixture(scope="module")
def results(seeds: dict[str, Path]) -> dict[str, ComparisonSet]:
    """001 → 000 Lisa 2, order 000 → order 003, and the two orders paired by hand as the README pairs them."""
    return {
        "pair": compare_files(seeds["001"], seeds["000"], new_annex="2"),
        "orders": compare_files(seeds["000"], seeds["003"]),
        "orders paired": compare_files(seeds["000"], seeds["003"], pair=["1=1", "2=4"]),
    }


@pytest.mark.parametrize("which", ["pair", "orders"])
def test_render_text(benchmark, results: dict[str, ComparisonSet], which: str) -> None:
    from ajdiff.render.diff_text import diff_text

    out = benchmark(diff_text, results[which], show_all=False, color=False, lang="et")
    assert out
    record(f"render text, {which}", median_ms(benchmark), "ms")


@pytest.mark.parametrize("which", ["pair", "orders"])
def test_render_json(benchmark, results: dict[str, ComparisonSet], which: str) -> None:
    from ajdiff.render.json import diff_json

    out = benchmark(diff_json, results[which])
    assert out.startswith("{")
    record(f"render JSON, {which}", median_ms(benchmark), "ms")


@pytest.mark.parametrize("which", ["pair", "orders", "orders paired"])
def test_render_html(benchmark, results: dict[str, ComparisonSet], which: str) -> None:
    from ajdiff.render.html import diff_html

    result = results[which]
    out = benchmark(diff_html, result, lang="et")
    changes = sum(len(p.changes) for p in result.pairs) + len(result.order_changes)
    assert out.startswith("<!DOCTYPE html>") and out.count('<li class="change ') == changes
    if which == "orders paired":  # the figure: the report a reader of the README makes
        assert record("HTML report, the two orders", median_ms(benchmark)), "HTML of the two orders over 100 ms"
    else:
        record(f"HTML report, {which}", median_ms(benchmark), "ms")


@pytest.mark.parametrize("which", ["pair", "orders"])
def test_render_csv(benchmark, results: dict[str, ComparisonSet], which: str) -> None:
    from ajdiff.render.csv import diff_csv

    out = benchmark(diff_csv, results[which])
    assert out.startswith("\ufeff")
    record(f"CSV report, {which}", median_ms(benchmark), "ms")


@pytest.mark.parametrize("which", ["pair", "orders"])
def test_render_redline(benchmark, results: dict[str, ComparisonSet], which: str) -> None:
    from ajdiff.redline.document import build_redline

    data = benchmark.pedantic(build_redline, args=(results[which],), rounds=10 if which == "pair" else 3)
    assert data[:2] == b"PK"
    if which == "pair":
        assert record("redline .docx, one pair", median_ms(benchmark)), "redline of one pair over 200 ms"
    else:
        record("redline .docx, order pair", median_ms(benchmark), "ms")
