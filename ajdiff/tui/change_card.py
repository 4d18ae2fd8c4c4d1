"""One change on the right: its title, old | new (or inline) with word highlights, and the review note."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from ajdiff.review import ReviewEntry
from ajdiff.tui import render
from ajdiff.tui.session import Position


class ChangeCard(Vertical):
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

    def compose(self) -> ComposeResult:
        """Title, body, comment."""
        change = self.position.change
        yield Static(render.heading(change, self.entry, self.lang), classes="card-head")
        if self.side_by_side:
            with Horizontal(classes="card-sides"):
                yield Static(render.old_side(change), classes="card-old")
                yield Static(render.new_side(change), classes="card-new")
        else:
            yield Static(render.inline(change), classes="card-inline")
        comment = Static(render.comment_line(self.entry, self.lang), classes="card-comment")
        comment.display = bool(self.entry and self.entry.comment)
        yield comment

    def set_entry(self, entry: ReviewEntry | None) -> None:
        """Show a new mark or comment."""
        self.entry = entry
        self.query_one(".card-head", Static).update(render.heading(self.position.change, entry, self.lang))
        comment = self.query_one(".card-comment", Static)
        comment.update(render.comment_line(entry, self.lang))
        comment.display = bool(entry and entry.comment)

    def on_click(self, event: events.Click) -> None:
        """Make this the current change."""
        event.stop()
        self.post_message(self.Clicked(self.position))
