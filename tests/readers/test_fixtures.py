"""The generated fixtures (fixtures/generate.py) read to the same model as the seed text they came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.read.parse import read_documents
from ajdiff.render.json import document_to_dict

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEEDS = sorted(FIXTURES.glob("[0-9][0-9][0-9]_*.txt"))
CASES = [(seed, suffix) for seed in SEEDS for suffix in (".docx", ".pdf", ".html", ".asice")]


def _model(path: Path) -> list[dict[str, object]]:
    """The typed ajdiff/1 documents without source and warnings (the OCR-repair note depends on the
    input). The tree and the order's own body are left out: the generated files lay the model out
    again (a generated first page, tables for the general part), so their lines are not the seed's."""
    docs = [document_to_dict(doc) for doc in read_documents(path)]
    for doc in docs:
        doc.pop("source")
        doc.pop("warnings")
        doc.pop("sections")
        if doc["order"]:
            doc["order"] = {"number": doc["order"]["number"], "date": doc["order"]["date"]}
    return docs


@pytest.mark.parametrize(("seed", "suffix"), CASES, ids=[f"{s.stem[:3]}{x}" for s, x in CASES])
def test_generated_format_reads_like_the_text(seed: Path, suffix: str) -> None:
    generated = seed.with_suffix(suffix)
    if not generated.exists():
        pytest.fail(f"{generated.name} missing: run python fixtures/generate.py")
    assert _model(generated) == _model(seed)
