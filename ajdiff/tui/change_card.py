"""One change on the right: its title, old | new (or inline) with word highlights, and the review note."""

from __future__ import annotations

from functools import lru_cache

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from ajdiff.changes import Change
from ajdiff.model import JobDescription
from ajdiff.records import dataclass
from ajdiff.review import ReviewEntry
from ajdiff.tui import change_content
from ajdiff.tui.session import Position

GUTTER = " │ "
MIN_SIDE = 12
"""Narrowest column worth showing side by side; below that the card falls back to inline."""


@lru_cache(maxsize=512)
def card_lines(
    change: Change,
    entry: ReviewEntry | None,
    side_by_side: bool,
    lang: str,
    width: int,
    current: bool = False,
    expanded: bool = False,
    doc: JobDescription | None = None,
) -> list[Content]:
    """The card's lines at a width: one widget draws them all, which keeps a long section quick to mount."""
    width = max(width, 1)
    lines = change_content.heading(change, entry, lang, current).wrap(width)
    if doc is not None:  # a created or abolished post: its whole text
        for line in change_content.post_lines(doc, lang):
            lines += line.wrap(width) if line.plain else [line]
    else:
        column = (width - len(GUTTER)) // 2
        for block in change_content.blocks(change, side_by_side and column >= MIN_SIDE, lang, expanded):
            if isinstance(block, Content):
                lines += block.wrap(width)
                continue
            # Both sides of one sentence wrapped to the column and padded to the taller: the next sentence
            # starts on the same row on both sides, so old and new never drift apart.
            left, right = block[0].wrap(column), block[1].wrap(column)
            blank = Content("")
            for k in range(max(len(left), len(right))):
                old = left[k] if k < len(left) else blank
                new = right[k] if k < len(right) else blank
                lines.append(
                    Content.assemble(old.pad_right(column - old.cell_length), (GUTTER, change_content.MUTED), new)
                )
    if entry and entry.comment:
        lines += change_content.comment_lines(entry, lang).wrap(width)
    return lines


class ChangeCard(Widget):
    """A change as the reviewer reads it; click to make it the current change."""

    @dataclass
    class Clicked(Message):
        """The reviewer clicked a change."""

        position: Position

    def __init__(
        self,
        position: Position,
        entry: ReviewEntry | None,
        side_by_side: bool,
        lang: str,
        *,
        expanded: bool = False,
        doc: JobDescription | None = None,
    ) -> None:
        super().__init__(classes="change-card")
        self.position = position
        self.entry = entry
        self.side_by_side = side_by_side
        self.lang = lang
        self.expanded = expanded
        self.doc = doc

    @property
    def is_current(self) -> bool:
        """True when this is the current change."""
        return self.has_class("-current")

    def _lines(self, width: int) -> list[Content]:
        change = self.position.change
        return card_lines(
            change, self.entry, self.side_by_side, self.lang, width, self.is_current, self.expanded, self.doc
        )

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

    def set_expanded(self, expanded: bool) -> None:
        """Show (True) or fold (False) the unchanged sentences."""
        self.expanded = expanded
        self.refresh(layout=True)

    def set_current(self, current: bool) -> None:
        """Carry the highlight and the ▶ glyph, or drop them."""
        self.set_class(current, "-current")
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """Make this the current change."""
        event.stop()
        self.post_message(self.Clicked(self.position))
