"""Shared fixtures: the real seed documents, parsed once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from ajdiff.model import JobDescription
from ajdiff.read.parse import read_documents

# CI runs the same examples every time with no clock limit per example (a loaded 2-core machine
# makes hypothesis' 200 ms deadline flaky); each test's own max_examples is its fixed budget.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {
    "000": FIXTURES / "000_2e8e5e7caea51be0.txt",
    "001": FIXTURES / "001_f0f3c421c69f98c0.txt",
    "002": FIXTURES / "002_916340fc2ccdf799.txt",
    "003": FIXTURES / "003_e40249d3a3f17dad.txt",
    "004": FIXTURES / "004_5d5ea316ff165238.txt",
}

_cache: dict[str, list[JobDescription]] = {}


def completion_env(line: str, answer: Path) -> dict[str, str]:
    """The environment in which argcomplete asks the program to complete `line` (the cursor at its end) and
    writes the candidates to `answer`, one a line."""
    return {
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_IFS": "\n",
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
    }


def seed_docs(seed: str) -> list[JobDescription]:
    """All documents of a seed (parsed once)."""
    if seed not in _cache:
        _cache[seed] = read_documents(SEEDS[seed])
    return _cache[seed]


def seed_doc(seed: str, annex: str | None = None) -> JobDescription:
    """One document of a seed: the given annex, or the only one."""
    docs = seed_docs(seed)
    if annex is None:
        assert len(docs) == 1
        return docs[0]
    (doc,) = [d for d in docs if d.annex == annex]
    return doc


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The fixtures folder."""
    return FIXTURES


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Benchmarks are collected only when asked for (`--benchmark-only` or naming tests/benchmarks)."""
    if collection_path.name != "benchmarks" or collection_path.parent != Path(__file__).parent:
        return None
    asked = config.getoption("benchmark_only", False) or any("benchmarks" in str(a) for a in config.args)
    return None if asked else True
