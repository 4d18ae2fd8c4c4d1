"""The `?` screen: every key of the review UI, how to move between panes, and what colours and marks mean."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """A list of the app's keys and a legend; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def __init__(
        self, rows: list[tuple[str, str]], title: str, footer: str, legend: list[Content] | None = None
    ) -> None:
        super().__init__()
        self.rows = rows
        self.title_text = title
        self.footer_text = footer
        self.legend = legend or []

    def compose(self) -> ComposeResult:
        """The key table, then the legend."""
        width = max((len(key) for key, _ in self.rows), default=1)
        body = Content("\n").join(
            Content.assemble((key.ljust(width), "bold $text-accent"), "  ", description)
            for key, description in self.rows
        )
        with VerticalScroll(id="help-box"):
            yield Static(Content.styled(self.title_text, "bold"), id="help-title")
            yield Static(body, id="help-keys")
            if self.legend:
                yield Static(Content("\n").join(self.legend), id="help-legend")
            yield Static(Content.styled(self.footer_text, "$text-muted"), id="help-footer")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(None)
