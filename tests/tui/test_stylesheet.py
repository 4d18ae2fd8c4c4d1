"""The UI's stylesheet parses each CSS source once per process and theme, with Textual's own rules as result."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

from ajdiff.changes import ComparisonSet
from ajdiff.tui.app import ReviewApp
from ajdiff.tui.stylesheet import SharedStylesheet

APP_CSS = (Path(__file__).resolve().parents[2] / "ajdiff" / "tui" / "app.tcss").read_text(encoding="utf-8")


def _parsed(cls: type[Stylesheet], variables: dict[str, str]) -> list[str]:
    sheet = cls(variables=variables)
    sheet.add_source(APP_CSS, read_from=("app.tcss", ""))
    sheet.parse()
    return [rule.css for rule in sheet.rules]


def test_the_rules_are_textuals_and_kept_per_theme(demo: ComparisonSet, tmp_path: Path) -> None:
    """The same rules as Textual's own stylesheet makes, under each theme's variables; a second stylesheet with
    the same variables gets the very rules the first parsed, one with other variables parses its own."""
    app = ReviewApp(demo, tmp_path / "review.json")
    dark = app.get_css_variables()
    app.theme = "ajdiff-light"
    light = app.get_css_variables()
    assert dark != light
    for variables in (dark, light):
        assert _parsed(SharedStylesheet, variables) == _parsed(Stylesheet, variables)
    first, again = SharedStylesheet(variables=dark), SharedStylesheet(variables=dark)
    other = SharedStylesheet(variables=light)
    for sheet in (first, again, other):
        sheet.add_source(APP_CSS, read_from=("app.tcss", ""))
        sheet.parse()
    assert all(a is b for a, b in zip(first.rules, again.rules, strict=True))
    assert not any(a is b for a, b in zip(first.rules, other.rules, strict=True))
    assert [r.css for r in first.rules] != [r.css for r in other.rules]  # the theme's colours are in the rules


def test_a_stylesheet_given_other_variables_parses_with_them(demo: ComparisonSet, tmp_path: Path) -> None:
    """The variables' part of the key is kept per variables dict: a stylesheet given another theme's variables
    (Textual's `set_variables`) parses with those, and with the first theme's again when given them back."""
    app = ReviewApp(demo, tmp_path / "review.json")
    dark = app.get_css_variables()
    app.theme = "ajdiff-light"
    light = app.get_css_variables()
    sheet = SharedStylesheet(variables=dark)
    sheet.add_source(APP_CSS, read_from=("app.tcss", ""))
    shown = []
    for variables in (dark, light, dark):
        sheet.set_variables(variables)
        sheet.parse()
        shown.append([rule.css for rule in sheet.rules])
    assert shown[0] == _parsed(Stylesheet, dark) and shown[1] == _parsed(Stylesheet, light) and shown[2] == shown[0]
    assert shown[0] != shown[1]


async def test_a_second_app_parses_no_css_and_the_theme_still_changes(
    demo: ComparisonSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each source is parsed by the first app that needs it; the next app of the process parses none, and `t`
    (the other theme) still restyles the screen."""
    parsed: list[object] = []
    parse = Stylesheet._parse_rules

    def counted(self: Stylesheet, css: str, *args: object, **kwargs: object) -> object:
        parsed.append(css)
        return parse(self, css, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "_parse_rules", counted)
    monkeypatch.setattr(SharedStylesheet, "_parsed", {})  # a process that has parsed nothing yet
    per_app: list[int] = []
    for _ in range(2):
        app = ReviewApp(demo, tmp_path / "review.json")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            per_app.append(len(parsed))
            colour = app.screen.styles.background
            await pilot.press("t")
            await pilot.pause()
            assert app.theme == "ajdiff-light" and app.screen.styles.background != colour
        parsed.clear()
    assert per_app[0] >= 10 and per_app[1] == 0  # the app's CSS and each widget class's DEFAULT_CSS
