"""A one-line question in a modal box: the comment, the search text or the export path."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line; Enter returns it, Esc returns None."""

    BINDINGS: ClassVar[list[Binding]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "", *, prompt_id: str = "prompt") -> None:
        super().__init__(id=prompt_id)
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        """Title, input line, hint."""
        with Vertical(id="prompt-box"):
            yield Static(self.title_text, id="prompt-title", markup=False)
            yield Input(value=self.value, id="prompt-input")
            yield Static(self.hint, id="prompt-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Return the line typed."""
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)
