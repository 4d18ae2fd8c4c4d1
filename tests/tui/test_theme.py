"""The themes hold their meaning in truecolor, 256 and 16 colours and under NO_COLOR (issue 14, items 3, 4, 7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color, ColorSystem
from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme

from ajdiff.changes import ComparisonSet
from ajdiff.tui.app import ReviewApp
from ajdiff.tui.change_card import ChangeCard
from ajdiff.tui.theme import DARK, LIGHT
from tests.tui.colours import downgraded

SYSTEMS = {"truecolor": ColorSystem.TRUECOLOR, "256": ColorSystem.EIGHT_BIT, "16": ColorSystem.STANDARD}


def luminance(c: Color, theme: TerminalTheme) -> float:
    """WCAG relative luminance."""
    r, g, b = c.get_truecolor(theme)

    def ch(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def contrast(a: Color, b: Color, theme: TerminalTheme) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((luminance(a, theme), luminance(b, theme)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def grey(c: Color, theme: TerminalTheme) -> float:
    """What NO_COLOR (Textual's monochrome filter) makes of a colour: its luminance."""
    return luminance(c, theme)


async def _variables(app: ReviewApp, pilot, theme: str) -> tuple[dict[str, str], TerminalTheme]:
    app.theme = theme
    await pilot.pause()
    # The 16 colours of a plain xterm / VGA palette: what TERM=xterm shows.
    return app.theme_variables, DEFAULT_TERMINAL_THEME


@pytest.mark.parametrize("theme", [DARK, LIGHT])
@pytest.mark.parametrize("system", SYSTEMS)
async def test_muted_and_diff_colours_keep_their_meaning(
    demo: ComparisonSet, review_path: Path, theme: str, system: str
) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=(80, 24)) as pilot:
        v, ansi = await _variables(app, pilot, theme)

        def paint(name: str) -> Color:
            return downgraded(Color.parse(v[name]), SYSTEMS[system], ansi)

        body, back, muted = paint("foreground"), paint("background"), paint("text-muted")
        deleted, inserted, warning = paint("text-error"), paint("text-success"), paint("text-warning")
        # Muted text sits between the background and the body text: dimmer than the body, still readable.
        assert contrast(muted, back, ansi) < contrast(body, back, ansi)
        assert contrast(muted, back, ansi) >= 3
        # Deleted and inserted words stay red and green, and differ from each other and from grey text.
        r, g, b = deleted.get_truecolor(ansi)
        assert r > g and r > b
        r, g, b = inserted.get_truecolor(ansi)
        assert g > r and g > b
        assert len({deleted.get_truecolor(ansi), inserted.get_truecolor(ansi), body.get_truecolor(ansi)}) == 3
        r, g, b = warning.get_truecolor(ansi)
        if theme == DARK:
            assert r > b and g > b  # yellow-ish
        else:
            assert r > g and b > g  # magenta-ish: a terminal's yellow on white cannot be read (below)
        # Item 7: the highlighted row (whose badge takes the row's text colour) stays readable.
        cursor = paint("ajdiff-cursor")
        assert contrast(body, cursor, ansi) >= 3  # bold text
        # NO_COLOR keeps the order of brightness: muted between background and body.
        assert sorted([grey(back, ansi), grey(muted, ansi), grey(body, ansi)], reverse=theme == LIGHT) == [
            grey(back, ansi),
            grey(muted, ansi),
            grey(body, ansi),
        ]


async def test_no_color_still_shows_deleted_inserted_and_current(
    demo: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=(160, 48)) as pilot:
        assert app.no_color
        await pilot.press("n")
        card = next(c for c in app.query(ChangeCard) if c.has_class("-current"))
        lines = [c.render_line(y) for c in app.query(ChangeCard) for y in range(c.size.height)]
        assert "▶" in "".join(s.text for s in card.render_line(0))  # the current change, without colour
        styles = [seg.style for strip in lines for seg in strip if seg.style and seg.text.strip()]
        assert any(s.strike for s in styles) and any(s.underline for s in styles)
        others = [c for c in app.query(ChangeCard) if not c.has_class("-current")]
        assert others and all("▶" not in "".join(s.text for s in c.render_line(0)) for c in others)


@pytest.mark.parametrize("theme", [DARK, LIGHT])
async def test_badge_on_the_highlighted_row_takes_the_row_colour(
    orders: ComparisonSet, review_path: Path, theme: str
) -> None:
    from ajdiff.tui.section_tree import SectionTree

    app = ReviewApp(orders, review_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.pause()
        tree = app.query_one(SectionTree)
        row = tree.cursor_line
        assert tree.root.children[row].data.count > 0  # a section with changes, so a coloured badge
        strip = tree.render_line(row - tree.scroll_offset.y)
        segments = [s for s in strip if s.text.strip()]
        badge, name = segments[0], segments[-1]
        assert badge.text.strip().isdigit()
        assert badge.style.color == name.style.color  # not red / orange on the highlight
        other = next(n for n in tree.root.children if n.line != row and n.data.count and n.data.impact == "high")
        strip = tree.render_line(other.line - tree.scroll_offset.y)
        # Off the highlight, a high-impact badge keeps the theme's red.
        assert next(s for s in strip if s.text.strip()).style.color == Color.parse(app.current_theme.error)


# xterm's own 16 colours (its yellow is #cdcd00): what TERM=xterm-16color paints, white behind the light theme.
XTERM = TerminalTheme(
    (255, 255, 255),
    (0, 0, 0),
    [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)],
    [(127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255,) * 3],
)


async def test_light_theme_in_16_colours_draws_no_yellow_on_white(demo: ComparisonSet, review_path: Path) -> None:
    """Issue 25 item 9: the light theme's counts and warnings were drawn in the terminal's yellow on white."""
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=(80, 24)) as pilot:
        v, _ = await _variables(app, pilot, LIGHT)
        back = Color.parse(v["background"]).downgrade(ColorSystem.STANDARD)
        for name in ("foreground", "text-muted", "text-error", "text-success", "text-warning", "text-accent"):
            low = Color.parse(v[name]).downgrade(ColorSystem.STANDARD)
            assert low.number not in (3, 11), f"{name} is the terminal's yellow"
        # The colour the counts and the warnings panel take instead reads on white in either palette.
        low = Color.parse(v["text-warning"]).downgrade(ColorSystem.STANDARD)
        for palette in (DEFAULT_TERMINAL_THEME, XTERM):
            text, paper = (
                Color.from_triplet(low.get_truecolor(palette)),
                Color.from_triplet(back.get_truecolor(palette)),
            )
            assert contrast(text, paper, palette) >= 4.5, palette is XTERM
