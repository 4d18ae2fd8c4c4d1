"""The right pane: the changes of the selected section, or a created / abolished post."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ajdiff.model import JobDescription
from ajdiff.review import ReviewEntry
from ajdiff.tui.change_card import GUTTER, ChangeCard
from ajdiff.tui.session import Position
from ajdiff.tui.texts import text


class ColumnTitles(Widget):
    """'Old │ New' over the side-by-side columns, aligned with the cards below."""

    def __init__(self, old: str, new: str, *, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.old, self.new = old, new

    def render(self) -> Content:
        """Two titles at the cards' column positions (a card: 1-cell left border, 1 cell of padding each side)."""
        column = (self.content_region.width - 3 - len(GUTTER)) // 2
        return Content.assemble("  ", self.old.ljust(column), GUTTER, self.new)


class ChangeView(VerticalScroll):
    """A scrolling list of change cards; one of them is the current change."""

    async def show(
        self,
        title: str,
        positions: list[Position],
        entries: list[ReviewEntry | None],
        side_by_side: bool,
        lang: str,
    ) -> None:
        """Replace the content with the changes of one section."""
        await self.remove_children()
        widgets: list[Widget] = [Static(Content.styled(title, "bold $text-accent"), classes="pane-title")]
        if positions and side_by_side:
            widgets.append(ColumnTitles(text("old", lang), text("new", lang), classes="column-titles"))
        widgets += [ChangeCard(pos, entry, side_by_side, lang) for pos, entry in zip(positions, entries)]
        if not positions:
            widgets.append(Static(text("no_changes", lang), classes="empty"))
        await self.mount_all(widgets)
        self.scroll_home(animate=False)

    async def show_post(self, doc: JobDescription, created: bool, lang: str) -> None:
        """Describe a post that exists on one side only."""
        await self.remove_children()
        what = text("created_post" if created else "abolished_post", lang)
        lines = [
            Content.styled(doc.label, "bold $text-accent"),
            Content.styled(what, "bold $text-success" if created else "bold $text-error"),
            Content(f"{doc.source}"),
        ]
        if doc.general.unit:
            lines.append(Content(doc.general.unit))
        lines.append(Content(""))
        for duty in doc.duties:
            lines.append(Content.assemble((f"{duty.number} ", "bold"), duty.task))
        await self.mount_all([Static(line) for line in lines])
        self.scroll_home(animate=False)

    def cards(self) -> list[ChangeCard]:
        """The change cards on screen."""
        return list(self.query(ChangeCard))

    def card(self, position: Position) -> ChangeCard | None:
        """The card of a change, when it is on screen."""
        for card in self.query(ChangeCard):
            if card.position == position:
                return card
        return None

    def set_current(self, position: Position | None) -> None:
        """Highlight the current change and scroll it into view."""
        for card in self.query("ChangeCard.-current"):  # only the old one: a restyle costs
            if card.position != position:
                card.remove_class("-current")
        card = self.card(position) if position is not None else None
        if card is not None:
            card.add_class("-current")
            # After the next refresh: a freshly mounted card has no region yet.
            self.call_after_refresh(self.scroll_to_widget, card, animate=False)
