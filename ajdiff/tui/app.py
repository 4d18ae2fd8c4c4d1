"""`ReviewApp`: walk through the changes of a comparison, mark and comment them, export the redline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer

from ajdiff.changes import ComparisonSet
from ajdiff.errors import AjdiffError
from ajdiff.labels import section_name
from ajdiff.review import Mark
from ajdiff.tui.annex_switcher import AnnexSwitcher
from ajdiff.tui.change_card import ChangeCard
from ajdiff.tui.change_view import ChangeView
from ajdiff.tui.export import default_export_path, write_redline
from ajdiff.tui.help_screen import HelpScreen
from ajdiff.tui.prompt_screen import PromptScreen
from ajdiff.tui.section_tree import SectionTree
from ajdiff.tui.session import Position, ReviewSession
from ajdiff.tui.summary_bar import SummaryBar
from ajdiff.tui.texts import text

# Action → key of its description in texts.py, so the footer speaks the interface language.
_DESCRIPTIONS = {
    "next_change": "next",
    "previous_change": "previous",
    "toggle_editorial": "editorial",
    "toggle_view": "view",
    "search": "search",
    "approve": "approve",
    "question": "question",
    "comment": "comment",
    "export": "export",
    "help": "help",
    "quit": "quit",
}
WIDE = 100
"""From this width on the changes start side by side (old | new); narrower terminals start inline."""


class ReviewApp(App[None]):
    """The review UI over a computed `ComparisonSet`; marks go to the review file after every action."""

    CSS_PATH = "app.tcss"
    TITLE = "ajdiff"
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("n", "next_change", "next"),
        Binding("p", "previous_change", "previous"),
        Binding("e", "toggle_editorial", "editorial"),
        Binding("v", "toggle_view", "side/inline"),
        Binding("slash", "search", "search", key_display="/"),
        Binding("a", "approve", "approve"),
        Binding("r", "question", "question"),
        Binding("c", "comment", "comment"),
        Binding("x", "export", "export"),
        Binding("question_mark", "help", "help", key_display="?"),
        Binding("q", "quit", "quit"),
    ]

    def __init__(
        self,
        result: ComparisonSet,
        review_path: str | Path,
        lang: str = "et",
        *,
        inputs: tuple[str, ...] = (),
        export_path: str | Path | None = None,
    ) -> None:
        super().__init__()
        # Loads the review file now: a corrupt one raises ReviewError before any screen appears.
        self.session = ReviewSession(result, review_path, inputs=inputs)
        self.lang = lang
        self.export_path = Path(export_path) if export_path else default_export_path(result)
        self._exported: Path | None = None
        self.current: Position | None = None
        self.section: str | None = None
        self.side_by_side: bool | None = None  # decided on mount from the terminal width
        self.sub_title = text("title", lang)
        for key, bindings in self._bindings.key_to_bindings.items():
            self._bindings.key_to_bindings[key] = [
                replace(b, description=text(_DESCRIPTIONS[b.action], lang)) if b.action in _DESCRIPTIONS else b
                for b in bindings
            ]

    # --- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Summary on top, switcher and sections on the left, the changes on the right, keys below."""
        yield SummaryBar(id="summary")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                switcher = AnnexSwitcher(id="annexes")
                result = self.session.result
                switcher.display = len(result.pairs) > 1 or bool(result.unpaired_new or result.unpaired_old)
                switcher.border_title = text("pairs", self.lang)
                yield switcher
                yield SectionTree(id="sections")
            yield ChangeView(id="changes")
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        """Show the first pair and put the cursor on its first change."""
        self.side_by_side = self.size.width >= WIDE
        self.query_one(AnnexSwitcher).fill(self.session.result, self.lang)
        first = self.session.step(None, 1)
        if first is not None:
            await self.go_to(first)
        else:
            await self.show_pair(0)
        self.query_one(SectionTree).focus()
        for note in self.session.result.notes:  # e.g. which annex the pairing picked on its own
            self.notify(note, timeout=10)

    # --- showing ---------------------------------------------------------------------

    def _refresh_summary(self) -> None:
        pair = self.session.pair
        reviewed = self.session.reviewed_count(pair) if pair else 0
        self.query_one(SummaryBar).show(pair, reviewed, self.session.show_editorial, self.lang)

    async def show_pair(self, index: int, section: str | None = None) -> None:
        """Show one pair, on a given section or its first section with changes."""
        session = self.session
        if not session.result.pairs:
            self._refresh_summary()
            return
        session.pair_index = index
        pair = session.result.pairs[index]
        sections = session.sections(pair)
        self.query_one(SectionTree).fill(pair.new.label, sections, self.lang)
        self.query_one(AnnexSwitcher).highlight_pair(index)
        self._refresh_summary()
        if section is None:
            section = next((s for s, changes in sections if changes), sections[0][0] if sections else "general")
        await self.show_section(section)

    async def show_section(self, section: str) -> None:
        """Show the visible changes of one section of the current pair."""
        pair = self.session.pair
        if pair is None:
            return
        self.section = section
        positions = [Position(self.session.pair_index, c) for c in self.session.visible(pair) if c.section == section]
        entries = [self.session.entry(p) for p in positions]
        view = self.query_one(ChangeView)
        await view.show(section_name(section, self.lang), positions, entries, bool(self.side_by_side), self.lang)
        self.query_one(SectionTree).highlight(section)
        view.set_current(self.current)

    async def go_to(self, position: Position) -> None:
        """Make a change current, switching pair and section as needed."""
        self.current = position
        if position.pair != self.session.pair_index or self.section is None:
            await self.show_pair(position.pair, position.change.section)
        elif position.change.section != self.section:
            await self.show_section(position.change.section)
        else:
            self.query_one(ChangeView).set_current(position)

    async def _redraw(self) -> None:
        """Rebuild the pair on screen after a view setting changed, keeping the current change if visible."""
        if self.current is not None and self.current not in self.session.order():
            self.current = None
        section = self.current.change.section if self.current else self.section
        await self.show_pair(self.session.pair_index, section)

    # --- messages from the widgets ---------------------------------------------------

    async def on_section_tree_section_chosen(self, message: SectionTree.SectionChosen) -> None:
        """A section was picked: show it, its first change current."""
        pair = self.session.pair
        if pair is None:
            return
        first = next((c for c in self.session.visible(pair) if c.section == message.section), None)
        self.current = Position(self.session.pair_index, first) if first else None
        await self.show_section(message.section)

    async def on_change_card_clicked(self, message: ChangeCard.Clicked) -> None:
        """A change was clicked: it becomes the current change."""
        await self.go_to(message.position)

    async def on_annex_switcher_chosen(self, message: AnnexSwitcher.Chosen) -> None:
        """A pair or an unpaired post was picked in the switcher."""
        result = self.session.result
        if message.side == "pair":
            self.current = None
            first = next((p for p in self.session.order() if p.pair == message.index), None)
            if first is not None:
                await self.go_to(first)
            else:
                await self.show_pair(message.index)
            return
        docs = result.unpaired_new if message.side == "new" else result.unpaired_old
        self.current = None
        self.section = None
        await self.query_one(ChangeView).show_post(docs[message.index], message.side == "new", self.lang)

    # --- actions (the keys) ----------------------------------------------------------

    async def _step(self, delta: int) -> None:
        target = self.session.step(self.current, delta)
        if target is None:
            self.notify(text("last_change" if delta > 0 else "first_change", self.lang), timeout=2)
            return
        await self.go_to(target)

    async def action_next_change(self) -> None:
        """Go to the next change (across sections and pairs)."""
        await self._step(1)

    async def action_previous_change(self) -> None:
        """Go to the previous change."""
        await self._step(-1)

    async def action_toggle_editorial(self) -> None:
        """Show or hide the editorial changes."""
        self.session.show_editorial = not self.session.show_editorial
        await self._redraw()
        self.notify(text("editorial_on" if self.session.show_editorial else "editorial_off", self.lang), timeout=2)

    async def action_toggle_view(self) -> None:
        """Switch between side by side (old | new) and inline."""
        self.side_by_side = not self.side_by_side
        if self.section is not None:
            await self.show_section(self.section)

    def action_search(self) -> None:
        """Ask for a text and go to the next change that contains it."""

        async def found(query: str | None) -> None:
            if not query:
                return
            target = self.session.search(query, self.current)
            if target is None:
                self.notify(f"{text('not_found', self.lang)}: {query}", severity="warning", timeout=3)
            else:
                await self.go_to(target)

        self.push_screen(PromptScreen(text("search_prompt", self.lang), "", text("ok_cancel", self.lang)), found)

    def _mark(self, mark: Mark) -> None:
        if self.current is None:
            self.notify(text("no_current", self.lang), severity="warning", timeout=2)
            return
        try:
            self.session.toggle_mark(self.current, mark)
        except AjdiffError as exc:
            self.notify(exc.line(), title=text("save_failed", self.lang), severity="error")
            return
        self._show_entry()

    def _show_entry(self) -> None:
        if self.current is None:
            return
        card = self.query_one(ChangeView).card(self.current)
        if card is not None:
            card.set_entry(self.session.entry(self.current))
        self._refresh_summary()

    def action_approve(self) -> None:
        """Approve the current change (again: take the mark back)."""
        self._mark(Mark.APPROVED)

    def action_question(self) -> None:
        """Mark the current change as questioned (again: take the mark back)."""
        self._mark(Mark.QUESTIONED)

    def action_comment(self) -> None:
        """Write or edit the comment on the current change."""
        position = self.current
        if position is None:
            self.notify(text("no_current", self.lang), severity="warning", timeout=2)
            return
        entry = self.session.entry(position)

        def done(comment: str | None) -> None:
            if comment is None:
                return
            try:
                self.session.set_comment(position, comment)
            except AjdiffError as exc:
                self.notify(exc.line(), title=text("save_failed", self.lang), severity="error")
                return
            self._show_entry()

        prompt = PromptScreen(
            text("comment_prompt", self.lang),
            (entry.comment or "") if entry else "",
            text("ok_cancel", self.lang),
        )
        self.push_screen(prompt, done)

    def action_export(self) -> None:
        """Ask for a path and write the redline there, the comments as Word comments."""

        def done(path: str | None) -> None:
            if not path:
                return
            try:
                written = write_redline(
                    self.session.result,
                    self.session.review,
                    path,
                    lang=self.lang,
                    show_editorial=self.session.show_editorial,
                    inputs=list(self.session.inputs),
                    # Writing again to the file this session exported is expected; any other file is kept.
                    force=self._exported is not None and Path(path) == self._exported,
                )
            except AjdiffError as exc:
                self.notify(exc.line(), title=text("export_failed", self.lang), severity="error", timeout=8)
                return
            self.export_path = self._exported = written
            self.notify(f"{text('exported', self.lang)}: {written}", timeout=5)

        prompt = PromptScreen(text("export_prompt", self.lang), str(self.export_path), text("ok_cancel", self.lang))
        self.push_screen(prompt, done)

    def action_help(self) -> None:
        """Show every key."""
        rows = [
            (b.key_display or b.key, text("help_" + _DESCRIPTIONS[b.action], self.lang))
            for b in self.BINDINGS
            if isinstance(b, Binding)
        ]
        footer = "\n".join(
            [
                text("help_mouse", self.lang),
                text("help_palette", self.lang),
                f"{text('review_file', self.lang)}: {self.session.review_path}",
            ]
        )
        self.push_screen(HelpScreen(rows, text("help_title", self.lang), footer))
