"""Shared fixtures of the UI tests: the bundled demo pair and the order pair 003 → 000, computed once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ajdiff.api import compare_documents
from ajdiff.changes import ComparisonSet
from ajdiff.read.parse import read_documents
from ajdiff.tui.demo import demo_result

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def _read(name: str) -> list:
    # Sources named as in the repository, so keys and screens don't depend on where it is checked out.
    return [replace(d, source=f"fixtures/{name}") for d in read_documents(FIXTURES / name)]


@pytest.fixture(scope="session")
def demo() -> ComparisonSet:
    """001 → 000 Lisa 2, as `ajdiff demo` shows it."""
    return demo_result()


@pytest.fixture(scope="session")
def orders() -> ComparisonSet:
    """Order nr 1 (2026) against order nr 164 (2024): four pairs, posts created and abolished.

    The posts are of two departments and share few duties, so ajdiff pairs none on its own; the four
    pairs are fixed by hand (--pair), as a reviewer would.
    """
    return compare_documents(
        _read("003_e40249d3a3f17dad.txt"),
        _read("000_2e8e5e7caea51be0.txt"),
        pair=("1=1", "4=2", "5=3", "7=6"),
    )


@pytest.fixture
def review_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A review file in a fresh folder, which is also the working folder (for relative paths on screen)."""
    monkeypatch.chdir(tmp_path)
    return Path("review.json")
