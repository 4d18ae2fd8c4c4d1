"""Every JSON output validates against the contract written in docs/ajdiff-1.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from ajdiff.api import compare_files
from ajdiff.read.parse import read_documents
from ajdiff.render.json import diff_json, show_json
from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "ajdiff-1.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
EXTERNAL = sorted((ROOT / "fixtures" / "external").glob("*.txt"))
SEED_FILES = sorted((ROOT / "fixtures").glob("[0-9][0-9][0-9]_*.*"))
SEED_FILES = [p for p in SEED_FILES if p.suffix in (".txt", ".docx", ".pdf", ".html", ".asice")]


def _errors(data: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def test_the_schema_itself_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_schema_rejects_a_broken_document() -> None:
    """The schema has teeth: a renamed key and a wrong kind are errors."""
    data = json.loads(show_json(read_documents(SEEDS["001"])))
    data["documents"][0]["general"].pop("position")
    data["documents"][0]["sections"][0]["kind"] = "chapter"
    errors = " ".join(_errors(data))
    assert "position" in errors and "chapter" in errors


@pytest.mark.parametrize("path", SEED_FILES + EXTERNAL, ids=lambda p: p.name)
def test_show_json_validates(path: Path) -> None:
    assert _errors(json.loads(show_json(read_documents(path)))) == []


@pytest.mark.parametrize(
    ("old", "new", "options"),
    [
        (SEEDS["001"], SEEDS["000"], {"new_annex": "2"}),
        (SEEDS["000"], SEEDS["003"], {"pair": ("1=1", "2=4", "3=5", "6=7")}),  # two departments: by hand
        (SEEDS["002"], SEEDS["000"], {"new_annex": "7"}),
        (EXTERNAL[0], EXTERNAL[1], {}),
    ],
    ids=["annex-pair", "two-orders", "layouts", "external"],
)
def test_diff_json_validates(old: Path, new: Path, options: dict) -> None:
    data = json.loads(diff_json(compare_files(old, new, **options)))
    assert _errors(data) == []
    assert data["pairs"] and all(p["changes"] for p in data["pairs"])


def test_every_jsonl_line_validates() -> None:
    """`diff --format jsonl`: each line is an ajdiff/1 object, a pair as the pair schema says."""
    import subprocess
    import sys

    hand = ["--pair", "1=1", "--pair", "2=4"]
    result = subprocess.run(
        [sys.executable, "-m", "ajdiff", "diff", str(SEEDS["000"]), str(SEEDS["003"]), "--format", "jsonl", *hand],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["type"] for line in lines].count("pair") == 2 and len(lines) == 2 + 5 + 9
    pair_schema = {"$ref": "#/$defs/pair", "$defs": SCHEMA["$defs"]}
    line_schema = {"$ref": "#/$defs/jsonl_line", "$defs": SCHEMA["$defs"]}
    for line in lines:
        assert list(jsonschema.Draft202012Validator(line_schema).iter_errors(line)) == []
        if line["type"] == "pair":
            body = {k: v for k, v in line.items() if k not in ("format", "type")}
            assert list(jsonschema.Draft202012Validator(pair_schema).iter_errors(body)) == []
