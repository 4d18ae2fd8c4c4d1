"""Modal questions: one line (search with its history, the export path), a comment, a yes / no."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line; Enter returns it, Esc returns None; ↑/↓ walk the history given."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(
        self,
        title: str,
        value: str = "",
        hint: str = "",
        *,
        history: list[str] | None = None,
        prompt_id: str = "prompt",
    ) -> None:
        super().__init__(id=prompt_id)
        self.title_text = title
        self.value = value
        self.hint = hint
        self.history = list(history or [])
        # Index into the history of the line shown (len = a new line); the prompt may open on the latest.
        self._back = len(self.history) - 1 if self.history and value == self.history[-1] else len(self.history)

    def compose(self) -> ComposeResult:
        """Title, input line, hint."""
        with Vertical(id="prompt-box"):
            yield Static(self.title_text, id="prompt-title", markup=False)
            yield Input(value=self.value, id="prompt-input", select_on_focus=True)
            yield Static(self.hint, id="prompt-hint", markup=False)

    def on_key(self, event: events.Key) -> None:
        """↑ and ↓: the earlier and later lines of the history."""
        if event.key not in ("up", "down") or not self.history:
            return
        event.stop()
        step = -1 if event.key == "up" else 1
        self._back = max(0, min(len(self.history), self._back + step))
        line = self.history[self._back] if self._back < len(self.history) else ""
        field = self.query_one(Input)
        field.value = line
        field.cursor_position = len(line)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Return the line typed."""
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)


class CommentScreen(ModalScreen[str | None]):
    """Write a comment of several lines, with the change it is about shown above; Ctrl+S saves, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", show=False, priority=True),
        Binding("escape", "cancel", "Cancel", show=False, priority=True),
    ]

    def __init__(self, title: str, change: list[Content], value: str, hint: str) -> None:
        super().__init__(id="comment")
        self.title_text = title
        self.change_lines = change
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        """Title, the change (scrolls when long), the editor, the keys."""
        with Vertical(id="comment-box"):
            yield Static(self.title_text, id="prompt-title", markup=False)
            with VerticalScroll(id="comment-change"):
                yield Static(Content("\n").join(self.change_lines))
            yield TextArea(self.value, id="comment-input", soft_wrap=True, show_line_numbers=False)
            yield Static(self.hint, id="prompt-hint", markup=False)

    def on_mount(self) -> None:
        """The cursor at the end of the text, ready to type."""
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    def action_save(self) -> None:
        """Return the text."""
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        """Return nothing."""
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes / no question: j or y says yes; n, e or Esc say no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,y", "answer(True)", "Yes", show=False),
        Binding("e,n,escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, hint: str) -> None:
        super().__init__(id="confirm")
        self.question = question
        self.hint = hint

    def compose(self) -> ComposeResult:
        """The question and its keys."""
        with Vertical(id="prompt-box"):
            yield Static(self.question, id="prompt-title", markup=False)
            yield Static(self.hint, id="prompt-hint", markup=False)

    def action_answer(self, yes: bool) -> None:
        """Return the answer."""
        self.dismiss(yes)
