"""The bar on top: which pair is shown and its changes counted by impact."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ajdiff.changes import Comparison
from ajdiff.tui.texts import text


class SummaryBar(Static):
    """Counts by impact of the pair on screen, and how many of its changes carry a mark."""

    def show(self, pair: Comparison | None, reviewed: int, show_editorial: bool, lang: str) -> None:
        """Redraw for a pair (None: nothing was compared)."""
        if pair is None:
            self.update(Content(text("no_changes_at_all", lang)))
            return
        hidden = "" if show_editorial or not pair.editorial else f" ({text('hidden', lang)})"
        self.update(
            Content.assemble(
                (f"{pair.old.label}  →  {pair.new.label}", "bold"),
                "\n",
                (f"{len(pair.high_impact)} {text('high', lang)}", "bold $text-error"),
                " · ",
                (f"{len(pair.substantive)} {text('substantive', lang)}", "bold $text-warning"),
                " · ",
                (f"{len(pair.editorial)} {text('editorial_count', lang)}{hidden}", "$text-muted"),
                " · ",
                (f"{reviewed}/{len(pair.changes)} {text('reviewed', lang)}", "$text-success"),
                " · ",
                (f"{text('similarity', lang)} {pair.similarity:.0%}", "$text-muted"),
            )
        )
