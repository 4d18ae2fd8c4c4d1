"""What a 16-colour or 256-colour terminal shows of the app's colours: Rich's own downgrade, as a line filter."""

from __future__ import annotations

from rich.color import Color, ColorSystem
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.color import Color as TColor
from textual.filter import LineFilter


def downgraded(colour: Color, system: ColorSystem, theme: TerminalTheme) -> Color:
    """The colour a terminal of that colour system paints for it (16 colours: through the ANSI palette)."""
    low = colour.downgrade(system)
    return Color.from_triplet(low.get_truecolor(theme))


class Downgrade(LineFilter):
    """Paint every segment as a terminal of fewer colours would."""

    def __init__(self, system: ColorSystem, theme: TerminalTheme) -> None:
        super().__init__()
        self.system, self.theme = system, theme

    def apply(self, segments: list[Segment], background: TColor) -> list[Segment]:
        """Each colour replaced by its downgraded one."""
        out = []
        for text, style, control in segments:
            if style is not None and (style.color or style.bgcolor):
                fg = downgraded(style.color, self.system, self.theme) if style.color else None
                bg = downgraded(style.bgcolor, self.system, self.theme) if style.bgcolor else None
                style = style + Style(color=fg, bgcolor=bg)
            out.append(Segment(text, style, control))
        return out
