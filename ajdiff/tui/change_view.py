"""The right pane: the changes of the selected section, or a created / abolished post, as cards."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ajdiff.model import JobDescription
from ajdiff.review import ReviewEntry
from ajdiff.tui.change_card import GUTTER, ChangeCard
from ajdiff.tui.session import Position
from ajdiff.words import word


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
        *,
        expanded: frozenset[Position] = frozenset(),
        docs: list[JobDescription | None] | None = None,
        note: str | None = None,
    ) -> None:
        """Replace the content with the changes of one section (or one post); note: a line under the title."""
        await self.remove_children()
        widgets: list[Widget] = [Static(Content.styled(title, "bold $text-accent"), classes="pane-title")]
        if note:
            widgets.append(Static(Content.styled(note, "bold $text-warning"), classes="pane-note"))
        docs = docs or [None] * len(positions)
        if positions and side_by_side and not any(docs):
            widgets.append(ColumnTitles(word("ui.old", lang), word("ui.new", lang), classes="column-titles"))
        widgets += [
            ChangeCard(pos, entry, side_by_side, lang, expanded=pos in expanded, doc=doc)
            for pos, entry, doc in zip(positions, entries, docs)
        ]
        if not positions:
            widgets.append(Static(word("ui.no_changes", lang), classes="empty"))
        await self.mount_all(widgets)
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
        """Highlight the current change and bring it to the middle of the pane (its top, when it is tall)."""
        for shown in self.query("ChangeCard.-current").results(ChangeCard):  # only the old one: a restyle costs
            if shown.position != position:
                shown.set_current(False)
        card = self.card(position) if position is not None else None
        if card is not None:
            card.set_current(True)
            self._scroll_when_placed(card, 5)

    def _scroll_when_placed(self, card: ChangeCard, tries: int) -> None:
        """Scroll to a card once the layout has placed it: a freshly mounted card has no region yet."""

        def scroll() -> None:
            if not card.is_attached or not card.has_class("-current"):
                return
            unplaced = card.virtual_region.y == 0 and card is not self.cards()[0]
            # Cards wider than the pane: a scrollbar just came or went and the cards are not yet laid out again at
            # the new width (their heights may change). Scrolled now, the card went to the top or the middle by
            # when a refresh came.
            relaying = self.virtual_size.width > self.scrollable_content_region.width
            if (unplaced or relaying) and tries > 0:
                self._scroll_when_placed(card, tries - 1)
                return
            region = card.virtual_region_with_margin
            if region.height >= self.scrollable_content_region.height // 2:
                # Tall: its first line near the top, so the heading and the start of the text are in view.
                self.scroll_to(y=max(0, region.y - 1), animate=False, immediate=True)
            else:
                self.scroll_to_center(card, animate=False, immediate=True)

        self.call_after_refresh(scroll)
