"""One change on the right: its title, old | new (or inline) with word highlights, and the review note."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from ajdiff.changes import Change
from ajdiff.review import ReviewEntry
from ajdiff.tui import render
from ajdiff.tui.session import Position

GUTTER = " │ "
MIN_SIDE = 12
"""Narrowest column worth showing side by side; below that the card falls back to inline."""


@lru_cache(maxsize=512)
def card_lines(change: Change, entry: ReviewEntry | None, side_by_side: bool, lang: str, width: int) -> list[Content]:
    """The card's lines at a width: one widget draws them all, which keeps a long section quick to mount."""
    width = max(width, 1)
    lines = render.heading(change, entry, lang).wrap(width)
    column = (width - len(GUTTER)) // 2
    if side_by_side and column >= MIN_SIDE:
        left, right = render.old_side(change).wrap(column), render.new_side(change).wrap(column)
        blank = Content("")
        for k in range(max(len(left), len(right))):
            old = left[k] if k < len(left) else blank
            new = right[k] if k < len(right) else blank
            lines.append(Content.assemble(old.pad_right(column - old.cell_length), (GUTTER, "$text-muted"), new))
    else:
        lines += render.inline(change).wrap(width)
    if entry and entry.comment:
        lines += render.comment_line(entry, lang).wrap(width)
    return lines


class ChangeCard(Widget):
    """A change as the reviewer reads it; click to make it the current change."""

    @dataclass
    class Clicked(Message):
        """The reviewer clicked a change."""

        position: Position

    def __init__(self, position: Position, entry: ReviewEntry | None, side_by_side: bool, lang: str) -> None:
        super().__init__(classes="change-card")
        self.position = position
        self.entry = entry
        self.side_by_side = side_by_side
        self.lang = lang

    def _lines(self, width: int) -> list[Content]:
        return card_lines(self.position.change, self.entry, self.side_by_side, self.lang, width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the wrapped lines at this width."""
        return len(self._lines(width))

    def render(self) -> Content:
        """The wrapped lines, joined."""
        return Content("\n").join(self._lines(self.content_region.width))

    def set_entry(self, entry: ReviewEntry | None) -> None:
        """Show a new mark or comment (a comment may change the height)."""
        self.entry = entry
        self.refresh(layout=True)

    def on_click(self, event: events.Click) -> None:
        """Make this the current change."""
        event.stop()
        self.post_message(self.Clicked(self.position))
