"""Golden files: every seed, in every format, parses to fixtures/<seed>.show.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
sys.path.insert(0, str(FIXTURES.parent / "tools"))
from update_goldens import golden  # noqa: E402

SEEDS = sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt"))
FORMATS = (".txt", ".docx", ".pdf", ".html", ".asice")
CASES = [(seed, fmt) for seed in SEEDS for fmt in FORMATS]


def _typed_fields(data: dict) -> dict:
    """The typed model only. The .docx/.pdf/.html/.asice fixtures were laid out again from the model by
    fixtures/generate.py, so their tree (verbatim lines, positions) and the order's own body (a
    generated first page) are not the seed's; their typed fields must be. The OCR-repair warning
    depends on the input text: the generated formats carry repaired text."""
    docs = []
    for d in data["documents"]:
        d = {k: v for k, v in d.items() if k not in ("warnings", "sections")}
        if d["order"]:
            d["order"] = {"number": d["order"]["number"], "date": d["order"]["date"]}
        docs.append(d)
    return {**data, "documents": docs}


@pytest.mark.parametrize(("seed", "fmt"), CASES, ids=[f"{s.name[:3]}{f}" for s, f in CASES])
def test_every_format_matches_the_golden_file(seed: Path, fmt: str) -> None:
    expected = json.loads(seed.with_suffix(".show.json").read_text(encoding="utf-8"))
    actual = golden(seed.with_suffix(fmt))
    if fmt == ".txt":
        assert actual == expected
    else:
        assert _typed_fields(actual) == _typed_fields(expected)


def test_golden_counts_match_the_issue() -> None:
    counts = {}
    for seed in SEEDS:
        docs = json.loads(seed.with_suffix(".show.json").read_text(encoding="utf-8"))["documents"]
        counts[seed.name[:3]] = [(d["annex"], len(d["duties"])) for d in docs]
    assert [a for a, _ in counts["003"]] == ["10", "11", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    assert len(counts["000"]) == 7 and dict(counts["000"])["2"] == 12
    assert dict(counts["003"])["2"] == 16
    assert counts["002"] == [(None, 10)] and counts["004"] == [(None, 16)] and counts["001"] == [(None, 12)]
