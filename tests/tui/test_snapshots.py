"""Snapshots of the main screens on real pairs, at 80x24 and 160x48, dark and light, truecolor and 16 colours
(update: pytest tests/tui/test_snapshots.py --snapshot-update, then look at the SVGs before committing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

from ajdiff.changes import ComparisonSet
from ajdiff.tui.app import ReviewApp
from ajdiff.tui.theme import DARK, LIGHT
from tests.tui.colours import Downgrade

SIZES = {"80x24": (80, 24), "160x48": (160, 48)}
THEMES = {"dark": DARK, "light": LIGHT}
COLOURS = ("truecolor", "16")


def setup(theme: str, colours: str):
    """A run_before that picks the theme and, for '16', paints as a 16-colour xterm would."""

    async def run_before(pilot) -> None:
        pilot.app.theme = theme
        if colours == "16":
            pilot.app._filters.append(Downgrade(ColorSystem.STANDARD, DEFAULT_TERMINAL_THEME))
        pilot.app.refresh(repaint=True, layout=True)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_demo_first_screen(snap_compare, demo: ComparisonSet, review_path: Path, size: str) -> None:
    assert snap_compare(ReviewApp(demo, review_path), terminal_size=SIZES[size])


@pytest.mark.parametrize("colours", COLOURS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_orders_first_screen(
    snap_compare, orders: ComparisonSet, review_path: Path, size: str, theme: str, colours: str
) -> None:
    app = ReviewApp(orders, review_path)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=setup(THEMES[theme], colours))


@pytest.mark.parametrize("colours", COLOURS)
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_demo_duty_marked_and_view_toggled(
    snap_compare, demo: ComparisonSet, review_path: Path, size: str, theme: str, colours: str
) -> None:
    # Five changes on: duty 2.12 with its word-level highlights, approved (the cursor moves on), back, other view.
    keys = ["n"] * 5 + ["a", "p", "v"]
    app = ReviewApp(demo, review_path)
    assert snap_compare(app, press=keys, terminal_size=SIZES[size], run_before=setup(THEMES[theme], colours))


def test_orders_english_light_theme(snap_compare, orders: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(orders, review_path, "en")
    assert snap_compare(app, press=["n", "r"], terminal_size=(160, 48), run_before=setup(LIGHT, "truecolor"))


@pytest.mark.parametrize("size", SIZES)
def test_created_post(snap_compare, orders: ComparisonSet, review_path: Path, size: str) -> None:
    async def to_first_post(pilot) -> None:
        app = pilot.app
        await app.go_to(app.session.post_positions()[0])
        await pilot.pause()

    assert snap_compare(ReviewApp(orders, review_path), terminal_size=SIZES[size], run_before=to_first_post)


@pytest.mark.parametrize("size", SIZES)
def test_comment_editor(snap_compare, demo: ComparisonSet, review_path: Path, size: str) -> None:
    keys = ["n"] * 5 + ["c", *"Miks", "enter", *"muudeti?"]
    assert snap_compare(ReviewApp(demo, review_path), press=keys, terminal_size=SIZES[size])


def test_help_screen(snap_compare, demo: ComparisonSet, review_path: Path) -> None:
    assert snap_compare(ReviewApp(demo, review_path, "en"), press=["question_mark"], terminal_size=(80, 24))
