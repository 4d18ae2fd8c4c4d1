"""The review UI's two themes: every colour a named, solid colour that keeps its meaning when a terminal has
only 256 or 16 colours (the nearest ANSI colour is still red, green, yellow, dim grey) or none (NO_COLOR:
greys ordered by brightness, with strike-through, underline and the ▶ glyph carrying the rest)."""

from __future__ import annotations

from textual.theme import Theme

DARK, LIGHT = "ajdiff-dark", "ajdiff-light"

# Chosen so that each maps to a distinct ANSI colour of the same meaning (checked in tests/tui/test_theme.py):
# deleted → (bright) red, inserted → (bright) green, count → (bright) yellow on the dark background and
# magenta on the light one (a 16-colour terminal paints its yellow, xterm's #cdcd00, on white at a contrast of
# 1.7: unreadable; its magenta reads at 4.7), muted → a grey between the background and the body text, the
# cursor row → a grey the text stays readable on.
_DARK_COLOURS = {
    "foreground": "#e0e0e0",
    "background": "#121212",
    "muted": "#8c8c8c",
    "deleted": "#ff6b6b",
    "inserted": "#5fd75f",
    "warning": "#ffd75f",
    "accent": "#5fafff",
    "cursor": "#3a3a3a",
}
_LIGHT_COLOURS = {
    "foreground": "#1a1a1a",
    "background": "#f5f5f5",
    "muted": "#6c6c6c",
    "deleted": "#c4001a",
    "inserted": "#007a1f",
    "warning": "#8b008b",
    "accent": "#0050b0",
    "cursor": "#b4c8e6",
}


def _theme(name: str, c: dict[str, str], dark: bool) -> Theme:
    return Theme(
        name=name,
        primary=c["accent"],
        secondary=c["accent"],
        accent=c["accent"],
        warning=c["warning"],
        error=c["deleted"],
        success=c["inserted"],
        foreground=c["foreground"],
        background=c["background"],
        surface=c["background"],
        panel=c["cursor"],
        dark=dark,
        variables={
            # Textual derives these by blending with the background, which lands on the wrong ANSI colour.
            "text": c["foreground"],
            "text-muted": c["muted"],
            "text-error": c["deleted"],
            "text-success": c["inserted"],
            "text-warning": c["warning"],
            "text-accent": c["accent"],
            "block-cursor-background": c["cursor"],
            "block-cursor-foreground": c["foreground"],
            "block-cursor-blurred-background": c["cursor"],
            "block-cursor-blurred-foreground": c["foreground"],
            "footer-key-foreground": c["accent"],
            "footer-description-foreground": c["foreground"],
            "footer-background": c["background"],
            "ajdiff-cursor": c["cursor"],
            "ajdiff-muted": c["muted"],
        },
    )


THEMES = (_theme(DARK, _DARK_COLOURS, True), _theme(LIGHT, _LIGHT_COLOURS, False))
