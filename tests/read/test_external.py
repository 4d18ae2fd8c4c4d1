"""Real job descriptions of other public bodies (fixtures/external/, copied as published; facts read by
hand into facts.json): every one is read, none refused, every fact found."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ajdiff.api import load
from ajdiff.render.json import document_to_dict

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"
FACTS = {k: v for k, v in json.loads((EXTERNAL / "facts.json").read_text(encoding="utf-8")).items() if k != "_"}


def _fold(text: object) -> str:
    """Case, diacritics and spaces folded, as facts.json says its strings are matched."""
    text = "".join(c for c in unicodedata.normalize("NFKD", str(text or "")) if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def test_the_corpus_is_whole() -> None:
    """Every document has facts and every fact a document; more than the four organisations given."""
    assert sorted(FACTS) == sorted(p.stem for p in EXTERNAL.glob("*.txt"))
    assert len(FACTS) >= 30


@pytest.mark.parametrize("name", sorted(FACTS))
def test_every_fact_is_read(name: str) -> None:
    missed, general, numbers = missed_facts(EXTERNAL / f"{name}.txt", FACTS[name])
    assert missed == [], (name, general, numbers)


def missed_facts(path: Path, want: dict[str, object]) -> tuple[list[str], dict[str, object], list[str]]:
    """The facts of `want` (facts.json's form) that the document at `path` does not give, with its
    general part and duty numbers to say why."""
    docs = [document_to_dict(d) for d in load(path)]
    doc = max(docs, key=lambda d: len(d["duties"]) + bool(d["general"]["position"]))
    general = doc["general"]
    missed = []
    for key, value in want.items():
        if key == "position_max":
            continue
        if key == "annex":
            ok = value in [d["annex"] for d in docs]
        elif key.startswith("requirements.") and not isinstance(value, str):  # languages, experience_years
            ok = doc["requirements"].get(key.split(".", 1)[1]) == value
        elif key.startswith("requirements."):
            ok = _fold(value) in _fold(doc["requirements"].get(key.split(".", 1)[1]))
        elif key in ("position_is", "supervisor_is"):
            ok = _fold(value) == _fold(general[key.removesuffix("_is")])  # the nominative, whole
        elif key == "position":
            ok = _fold(value) in _fold(general["position"]) and len(general["position"]) <= want["position_max"]
        elif key == "duties_min":
            ok = len(doc["duties"]) >= value
        elif key == "duties_max":
            ok = len(doc["duties"]) <= value  # a closing line ('Kinnitan allkirjaga, …') is no duty
        elif key.startswith("results_"):  # a duty's results, all of them (none run into its task)
            number = key.removeprefix("results_")
            ok = [[_fold(r) for r in d["results"]] for d in doc["duties"] if d["number"] == number] == [
                [_fold(r) for r in value]
            ]
        elif key.endswith("_are"):  # a list's items, all of them (no next row's label among them)
            name = key.removesuffix("_are")
            ok = [_fold(x) for x in general.get(name, doc.get(name))] == [_fold(x) for x in value]
        elif key in ("substituted_by", "substitutes_for"):
            ok = any(_fold(value) in _fold(x) for x in general[key])
        else:
            ok = _fold(value) in _fold(general[key])
        if not ok:
            missed.append(f"{key}: want {value!r}")
    return missed, general, [d["number"] for d in doc["duties"]]


def test_none_is_refused_through_the_command_line() -> None:
    """`ajdiff show` reads each with exit 0 and one JSON document or more."""
    for path in sorted(EXTERNAL.glob("*.txt")):
        result = subprocess.run(
            [sys.executable, "-m", "ajdiff", "show", str(path), "--format", "json"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, (path.name, result.stderr)
        assert json.loads(result.stdout)["documents"], path.name
