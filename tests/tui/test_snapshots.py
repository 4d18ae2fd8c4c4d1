"""Snapshots of the main screens on real pairs, at 80x24 and 160x48 (update: pytest --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.changes import ComparisonSet
from ajdiff.tui.app import ReviewApp

SIZES = {"80x24": (80, 24), "160x48": (160, 48)}


@pytest.mark.parametrize("size", SIZES)
def test_demo_first_screen(snap_compare, demo: ComparisonSet, review_path: Path, size: str) -> None:
    assert snap_compare(ReviewApp(demo, review_path), terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_orders_first_screen(snap_compare, orders: ComparisonSet, review_path: Path, size: str) -> None:
    assert snap_compare(ReviewApp(orders, review_path), terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_demo_duty_marked_and_view_toggled(snap_compare, demo: ComparisonSet, review_path: Path, size: str) -> None:
    # Five changes on: duty 2.12 with its word-level highlights, approved, in the other view mode.
    keys = ["n"] * 5 + ["a", "v"]
    assert snap_compare(ReviewApp(demo, review_path), press=keys, terminal_size=SIZES[size])


def test_orders_english_light_theme(snap_compare, orders: ComparisonSet, review_path: Path) -> None:
    async def light(pilot) -> None:
        pilot.app.theme = "textual-light"

    app = ReviewApp(orders, review_path, "en")
    assert snap_compare(app, press=["n", "r"], terminal_size=(160, 48), run_before=light)


def test_help_screen(snap_compare, demo: ComparisonSet, review_path: Path) -> None:
    assert snap_compare(ReviewApp(demo, review_path, "en"), press=["question_mark"], terminal_size=(80, 24))
