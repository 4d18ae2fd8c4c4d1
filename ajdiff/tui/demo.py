"""`ajdiff demo`: a real pair of annexes shipped inside the package, ready to review."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

from ajdiff.changes import ComparisonSet
from ajdiff.model import JobDescription

DEMO_OLD = "001_f0f3c421c69f98c0.txt"
"""Ekspert (kriisivalmidus) as a single annex, PDF text."""
DEMO_NEW = "000_2e8e5e7caea51be0.txt"
"""Order nr 164 (15.11.2024), whose Lisa 2 is the same post two years on."""
DEMO_NEW_ANNEX = "2"
"""The annex of the order that is the demo post: chosen here, so the demo needs no best-match guess."""
DEMO_REVIEW = "ajdiff-demo-review.json"
"""The name of the demo's review file, kept in the user's data folder (see demo_review_path)."""


def demo_review_path() -> Path:
    """Where the demo keeps its review: the user's data folder (~/.local/share/ajdiff on Linux), never the cwd.

    The package folder may be read-only, and a demo should not leave files wherever it was started.
    """
    from platformdirs import user_data_path

    return user_data_path("ajdiff", appauthor=False, ensure_exists=True) / DEMO_REVIEW


def demo_file(name: str) -> Path:
    """The path of a bundled demo file."""
    return Path(str(resources.files("ajdiff") / "demo" / name))


def demo_result() -> ComparisonSet:
    """Compare the bundled pair; sources are named 'demo/…' so review keys do not depend on the install path."""
    from ajdiff.api import compare_documents, select_annex
    from ajdiff.read.parse import read_documents

    def read(name: str) -> list[JobDescription]:
        return [replace(d, source=f"demo/{name}") for d in read_documents(demo_file(name))]

    result = compare_documents(read(DEMO_OLD), select_annex(read(DEMO_NEW), DEMO_NEW_ANNEX, DEMO_NEW))
    # The files themselves, for the redline to read their paragraphs again.
    return replace(result, old_path=str(demo_file(DEMO_OLD)), new_path=str(demo_file(DEMO_NEW)))
