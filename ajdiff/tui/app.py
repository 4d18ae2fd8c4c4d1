"""`ReviewApp`: walk through the changes of a comparison, mark and comment them, export the redline."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from ajdiff.changes import ComparisonSet
from ajdiff.errors import AjdiffError
from ajdiff.i18n import _
from ajdiff.review import Mark
from ajdiff.tui import change_content
from ajdiff.tui.annex_switcher import AnnexSwitcher
from ajdiff.tui.change_card import ChangeCard, card_lines
from ajdiff.tui.change_view import ChangeView
from ajdiff.tui.export import default_export_path, write_redline
from ajdiff.tui.help_screen import HelpScreen
from ajdiff.tui.prompt_screen import CommentScreen, ConfirmScreen, PromptScreen
from ajdiff.tui.section_tree import SectionTree
from ajdiff.tui.session import CREATED, ORDER, PAIR, POST_SECTION, Position, ReviewSession
from ajdiff.tui.stylesheet import SharedStylesheet
from ajdiff.tui.summary_bar import SummaryBar
from ajdiff.tui.theme import DARK, LIGHT, THEMES
from ajdiff.words import counted, doc_label, section_name, word

# Action → key of its description in ajdiff.words ('ui.' + it), so the footer speaks the interface language.
_DESCRIPTIONS = {
    "next_change": "next",
    "previous_change": "previous",
    "next_unreviewed": "next_unreviewed",
    "approve": "approve",
    "question": "question",
    "comment": "comment",
    "search": "search",
    "search_again": "search_again",
    "toggle_fold": "fold",
    "toggle_editorial": "editorial",
    "toggle_view": "view",
    "toggle_warnings": "warnings",
    "focus_pairs": "focus_pairs",
    "toggle_theme": "theme",
    "export": "export",
    "help": "help",
    "quit": "quit",
}


def error_text(exc: AjdiffError) -> str:
    """A file error for the UI: 'FILE: what is wrong (what to do)', said in the language chosen at start."""
    # The command line's hints that name its options mean nothing in the UI: said otherwise, or left out.
    ui_hints: dict[str, str | None] = {_("choose another -o path"): _("choose another name")}
    ui_hints[_("use --force to overwrite it")] = None
    hint = ui_hints.get(exc.hint, exc.hint) if exc.hint else None
    line = f"{exc.source}: {exc.problem}"
    return line + (f" ({hint})" if hint else "")


WIDE = 100
"""From this width on the changes start side by side (old | new); narrower terminals start inline."""


class WarningsPanel(Static):
    """What the readers and the pairing said about the documents: one line, `w` opens all of it. Warnings (a
    text read with repairs) and notes (what the pairing chose) are counted apart: a note is no warning."""

    def show_warnings(self, warnings: list[str], notes: list[str], lang: str, open_: bool) -> None:
        """The counts and the first line, or (open) every warning and note on its own line."""
        lines = warnings + notes
        self.display = bool(lines)
        if not lines:
            return
        self.set_class(open_, "-open")
        counts: list[str | tuple[str, str]] = []
        if warnings:
            counts.append((f"⚠ {counted(len(warnings), 'warning', lang)}", "bold"))
        if notes:
            counts += [" · "] if counts else []
            counts.append((f"ℹ {counted(len(notes), 'note', lang)}", "bold $text-muted" if warnings else "bold"))
        head = Content.assemble(*counts, ("  ", ""), (word("ui.warnings_hint", lang), ""))
        self.set_class(not warnings, "-notes")
        if open_:
            body = [Content(f"⚠ {line}") for line in warnings] + [Content(f"ℹ {line}") for line in notes]
            self.update(Content("\n").join([head, *body]))
        else:
            self.update(Content.assemble(head, " · ", lines[0]))


class KeysFooter(Footer):
    """Textual's footer, made again only when the keys it shows change. Textual's makes its keys again on every
    signal that the bindings may have changed (focus moved, a screen came up): before the first screen alone
    three or four times, nine keys each made, styled and drawn, though the keys stayed the same."""

    _shown: tuple[tuple[str, str, str, bool, str], ...] | None = None

    def _keys(self) -> tuple[tuple[str, str, str, bool, str], ...]:
        """What the footer shows for its screen's bindings: each shown key, its text and whether it works."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        """Textual's keys, remembering which they were."""
        if self._bindings_ready:
            self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and self.compact:
                # A key takes its compact class when it mounts, styled again for it; given now, it is styled once,
                # when it mounts (`add_class` would style it at once, unmounted, and again on mounting).
                widget.add_class("-compact", update=False)
            yield widget

    async def recompose(self) -> None:
        """Textual's, unless the keys are those shown (the footer shows nothing else that changes)."""
        if self._shown is not None and self.is_attached and self._keys() == self._shown:
            return
        await super().recompose()


class ReviewScreen(Screen[None]):
    """The app's screen, its focus starting on the sections: Textual's default (the first focusable widget) is the
    pair switcher, which on_mount's focus then took away, restyling and drawing both again before the first screen."""

    AUTO_FOCUS = "#sections"

    _resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """On its first resume, the screen keeps the styles its widgets were given as they mounted (run before
        Textual's own handler, this class being first in the order of handlers)."""
        # Textual restyles every node when a screen resumes, for what changed while another screen covered it. On
        # the first resume nothing did: each node was styled as it mounted, and a class or focus change since
        # restyled its own nodes. Some 29 M instructions (~60 nodes), 4.6 % of the first screen.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False


class ReviewApp(App[None]):
    """The review UI over a computed `ComparisonSet`; marks go to the review file after every action."""

    CSS_PATH = "app.tcss"
    TITLE = "ajdiff"
    # The palette's commands are Textual's, in English; the one worth having (the theme) is the `t` key.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = [
        Binding("n", "next_change", "next"),
        Binding("p", "previous_change", "previous"),
        Binding("N", "next_unreviewed", "unreviewed", key_display="N"),
        Binding("a", "approve", "approve"),
        Binding("r", "question", "question"),
        Binding("c", "comment", "comment"),
        Binding("slash", "search", "search", key_display="/"),
        Binding("g", "search_again", "again", show=False),
        Binding("z", "toggle_fold", "fold", show=False),
        Binding("e", "toggle_editorial", "editorial", show=False),
        Binding("v", "toggle_view", "side/inline", show=False),
        Binding("w", "toggle_warnings", "warnings", show=False),
        Binding("l", "focus_pairs", "pairs", show=False),
        Binding("t", "toggle_theme", "theme", show=False),
        Binding("x", "export", "export", show=False),
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
        author: str | None = None,
    ) -> None:
        super().__init__()
        self.stylesheet = SharedStylesheet(variables=self.get_css_variables())  # each source parsed once
        # Loads the review file now: a corrupt one raises ReviewError before any screen appears.
        self.session = ReviewSession(result, review_path, inputs=inputs, lang=lang)
        if author:  # the reviewer's name: stored with the next mark, and the author of the exported comments
            self.session.review = replace(self.session.review, author=author)
        self.lang = lang
        self.export_path = Path(export_path) if export_path else default_export_path(result)
        self._exported: Path | None = None
        self._exported_stamp: tuple[int, int] | None = None
        self.current: Position | None = None
        self.section: str | None = None
        self.side_by_side: bool | None = None  # decided on mount from the terminal width, again on a resize
        self._wide: bool | None = None
        """Whether the terminal was WIDE at the last decision: `v` holds until the width crosses WIDE."""
        self.expanded: set[Position] = set()
        """The changes whose unchanged sentences the reviewer unfolded with `z`."""
        self.warnings_open = False
        self._collector_paused = False
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DARK
        self.sub_title = word("ui.title", lang)
        for key, bindings in self._bindings.key_to_bindings.items():
            self._bindings.key_to_bindings[key] = [
                replace(b, description=word("ui." + _DESCRIPTIONS[b.action], lang)) if b.action in _DESCRIPTIONS else b
                for b in bindings
            ]

    # --- layout ----------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        """The main screen, as Textual's default but for where the focus starts."""
        return ReviewScreen(id="_default")

    def compose(self) -> ComposeResult:
        """Summary on top, switcher and sections on the left, the changes on the right, warnings and keys below."""
        yield SummaryBar(id="summary")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                switcher = AnnexSwitcher(id="annexes")
                result = self.session.result
                switcher.display = len(result.pairs) > 1 or bool(
                    result.unpaired_new or result.unpaired_old or result.order_changes
                )
                switcher.border_title = word("ui.pairs", self.lang)
                yield switcher
                yield SectionTree(id="sections")
            yield ChangeView(id="changes")
        yield WarningsPanel(id="warnings")
        yield KeysFooter(compact=True, show_command_palette=False)

    def on_load(self) -> None:
        """Pause the cyclic collector until the first screen is drawn: building it makes tens of thousands of
        objects, few of them garbage, and the collector scanned them (and every module, class and function
        loaded) again and again, an eighth of the first screen's time. A session that lasts collects again."""
        if gc.isenabled():
            gc.disable()
            self._collector_paused = True

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    def on_unmount(self) -> None:
        """Give the collector back, should the app end before its first screen."""
        self._resume_collector()

    async def on_mount(self) -> None:
        """Show the orders' own changes (two orders) or the first pair, the cursor on the first change; the
        warnings in their panel."""
        self.side_by_side = self._wide = self.size.width >= WIDE
        self.query_one(AnnexSwitcher).fill(self.session, self.lang)
        self._show_warnings()
        # Two orders: their own changes first (when they take effect, what they repeal), as a lawyer reads them.
        orders = self.session.order_positions()
        first = orders[0] if orders else self.session.step(None, 1)
        if first is not None:
            await self.go_to(first)
        else:
            await self.show_pair(0)
        self.query_one(SectionTree).focus()
        self.call_after_refresh(self._resume_collector)

    async def on_resize(self, event: events.Resize) -> None:
        """Decide side by side again when the terminal's width crosses WIDE: shrunk to 70 columns, old and new
        stack (side by side they would be some 20 columns each); widened again, they stand side by side."""
        wide = event.size.width >= WIDE
        if self._wide is None or wide == self._wide:
            return
        self._wide = self.side_by_side = wide
        await self._show_view()

    async def _show_view(self) -> None:
        """Redraw the changes on screen after the view (side by side or inline) changed."""
        if self.session.side == ORDER:
            await self.show_order()
        elif self.section is not None and self.session.side == PAIR:
            await self.show_section(self.section)

    def _show_warnings(self) -> None:
        panel = self.query_one(WarningsPanel)
        panel.show_warnings(self.session.warnings(), self.session.notes(), self.lang, self.warnings_open)

    # --- showing ---------------------------------------------------------------------

    def _refresh_summary(self) -> None:
        session = self.session
        total = session.total_reviewed()
        bar = self.query_one(SummaryBar)
        if session.side == ORDER:
            positions = session.order_positions()
            reviewed = (sum(1 for p in positions if session.is_reviewed(p)), len(positions))
            many = len(session.order()) > len(positions)
            changes = session.result.order_changes
            bar.show_order(
                self._order_title(), changes, reviewed, session.show_editorial, self.lang, total=total if many else None
            )
            return
        if session.side != PAIR:
            doc = session.posts(session.side)[session.pair_index]
            bar.show(None, (0, 0), session.show_editorial, self.lang, total=total, post=(doc, session.side == CREATED))
            return
        pair = session.pair
        reviewed = session.reviewed_count(pair) if pair else (0, 0)
        many = len(session.order()) > (reviewed[1] if pair else 0)
        bar.show(pair, reviewed, session.show_editorial, self.lang, total=total if many else None)

    def _order_title(self) -> str:
        """'Käskkiri nr 164, 2024-11-15 → käskkiri nr 1, 2026-01-07': the two orders whose bodies are compared."""
        names = [
            word("report.order", self.lang, number=o.number, date=o.date or "?") if o else "?"
            for o in self.session.order_refs()
        ]
        title = "  →  ".join(names)
        return title[:1].upper() + title[1:]

    def _reviewed_by_section(self) -> dict[str, int]:
        session = self.session
        if session.side == ORDER:
            return {ORDER: sum(1 for p in session.order_positions() if session.is_reviewed(p))}
        pair = session.pair
        if pair is None:
            return {}
        counts: dict[str, int] = {}
        for c in session.visible(pair):
            if session.is_reviewed(Position(session.pair_index, c)):
                counts[c.section] = counts.get(c.section, 0) + 1
        return counts

    async def show_pair(self, index: int, section: str | None = None) -> None:
        """Show one pair, on a given section or its first section with changes."""
        session = self.session
        session.side = PAIR
        if not session.result.pairs:
            self._refresh_summary()
            await self.query_one(ChangeView).show(
                "", [], [], False, self.lang, note=word("ui.no_changes_at_all", self.lang)
            )
            return
        session.pair_index = index
        pair = session.result.pairs[index]
        sections = session.sections(pair)
        self.query_one(SectionTree).fill(
            doc_label(pair.new, self.lang), sections, self.lang, self._reviewed_by_section()
        )
        self.query_one(AnnexSwitcher).highlight_pair(index)
        self._refresh_summary()
        if section is None:
            section = next((s for s, changes in sections if changes), sections[0][0] if sections else "general")
        await self.show_section(section)

    async def show_order(self) -> None:
        """Show the orders' own changes: one section, each change a reviewable item."""
        session = self.session
        session.side, session.pair_index = ORDER, 0
        positions = session.order_positions()
        self.query_one(SectionTree).fill(
            self._order_title(), [(ORDER, [p.change for p in positions])], self.lang, self._reviewed_by_section()
        )
        self.query_one(AnnexSwitcher).highlight_item(ORDER, 0)
        self.section = ORDER
        self._refresh_summary()
        view = self.query_one(ChangeView)
        note = None if positions else word("ui.order_no_changes", self.lang)
        await view.show(
            section_name(ORDER, self.lang),
            positions,
            [session.entry(p) for p in positions],
            bool(self.side_by_side),
            self.lang,
            expanded=frozenset(self.expanded),
            note=note,
        )
        self.query_one(SectionTree).highlight(ORDER)
        view.set_current(self.current)

    async def show_post(self, position: Position) -> None:
        """Show a created or abolished post: one reviewable item with its whole text."""
        session = self.session
        session.side, session.pair_index = position.side, position.pair
        doc = session.post_doc(position)
        assert doc is not None
        # The section list is narrow: the post's short name ('Uus ametikoht'); the heading says the rest.
        what = word("ui.created_short" if position.side == CREATED else "ui.abolished_short", self.lang)
        self.query_one(SectionTree).fill(
            doc_label(doc, self.lang),
            [(POST_SECTION, [position.change])],
            self.lang,
            {POST_SECTION: int(session.is_reviewed(position))},
            {POST_SECTION: what},
        )
        self.query_one(AnnexSwitcher).highlight_item(position.side, position.pair)
        self.section = POST_SECTION
        self._refresh_summary()
        view = self.query_one(ChangeView)
        await view.show(doc_label(doc, self.lang), [position], [session.entry(position)], False, self.lang, docs=[doc])
        view.set_current(self.current)

    async def show_section(self, section: str) -> None:
        """Show the visible changes of one section of the current pair."""
        session = self.session
        pair = session.pair
        if pair is None:
            return
        self.section = section
        positions = [Position(session.pair_index, c) for c in session.visible(pair) if c.section == section]
        entries = [session.entry(p) for p in positions]
        note = None if session.visible(pair) else word("ui.pair_no_changes", self.lang)
        view = self.query_one(ChangeView)
        await view.show(
            section_name(section, self.lang),
            positions,
            entries,
            bool(self.side_by_side),
            self.lang,
            expanded=frozenset(self.expanded),
            note=note,
        )
        self.query_one(SectionTree).highlight(section)
        view.set_current(self.current)

    async def go_to(self, position: Position) -> None:
        """Make a change current, switching pair and section as needed, and bring it into view."""
        self.current = position
        session = self.session
        if position.is_order:
            if session.side != ORDER:
                await self.show_order()
            else:
                self.query_one(ChangeView).set_current(position)
            return
        if position.is_post:
            if (session.side, session.pair_index) != (position.side, position.pair):
                await self.show_post(position)
            else:
                self.query_one(ChangeView).set_current(position)
            return
        if session.side != PAIR or position.pair != session.pair_index or self.section is None:
            await self.show_pair(position.pair, position.change.section)
        elif position.change.section != self.section:
            await self.show_section(position.change.section)
        else:
            self.query_one(ChangeView).set_current(position)

    async def _redraw(self) -> None:
        """Rebuild the screen after a view setting changed, keeping the current change if visible."""
        if self.current is not None and self.current not in self.session.order():
            self.current = None
        if self.current is not None and self.current.is_post:
            self.session.side = PAIR  # forces show_post to redraw
            await self.show_post(self.current)
            return
        if self.session.side == ORDER:
            await self.show_order()
            return
        if self.session.side != PAIR:
            return
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
        """A pair, an unpaired post or the orders' own changes were picked in the switcher."""
        if message.side == ORDER:
            positions = self.session.order_positions()
            self.current = positions[0] if positions else None
            await self.show_order()
            return
        if message.side == PAIR:
            self.current = None
            self.session.side = PAIR
            self.session.pair_index = message.index
            first = next((p for p in self.session.order() if p.pair == message.index and not p.is_post), None)
            if first is not None:
                await self.go_to(first)
            else:
                await self.show_pair(message.index)
            return
        target = next(p for p in self.session.post_positions() if (p.side, p.pair) == (message.side, message.index))
        await self.go_to(target)

    # --- actions (the keys) ----------------------------------------------------------

    async def _step(self, delta: int) -> bool:
        target = self.session.step(self.current, delta)
        if target is None:
            self.notify(word("ui.last_change" if delta > 0 else "ui.first_change", self.lang), timeout=2)
            return False
        await self.go_to(target)
        return True

    async def action_next_change(self) -> None:
        """Go to the next change (across sections, pairs and the created and abolished posts)."""
        await self._step(1)

    async def action_previous_change(self) -> None:
        """Go to the previous change."""
        await self._step(-1)

    async def action_next_unreviewed(self) -> None:
        """Go to the next change or post that carries no mark."""
        target = self.session.next_unreviewed(self.current)
        if target is None:
            self.notify(word("ui.all_reviewed", self.lang), timeout=3)
            return
        await self.go_to(target)

    async def action_toggle_editorial(self) -> None:
        """Show or hide the editorial changes."""
        self.session.show_editorial = not self.session.show_editorial
        await self._redraw()
        self.notify(
            word("ui.editorial_on" if self.session.show_editorial else "ui.editorial_off", self.lang), timeout=2
        )

    async def action_toggle_view(self) -> None:
        """Switch between side by side (old | new) and inline."""
        self.side_by_side = not self.side_by_side
        await self._show_view()

    def action_toggle_fold(self) -> None:
        """Show or fold the unchanged sentences of the current change."""
        position = self.current
        card = self.query_one(ChangeView).card(position) if position is not None else None
        if position is None or card is None or not change_content.is_foldable(position.change):
            self.notify(word("ui.no_fold", self.lang), timeout=2)
            return
        self.expanded ^= {position}
        card.set_expanded(position in self.expanded)

    def action_toggle_warnings(self) -> None:
        """Open or close the warnings panel; with nothing in it, say so."""
        if not (self.session.warnings() or self.session.notes()):
            self.notify(word("ui.no_warnings", self.lang), timeout=3)
            return
        self.warnings_open = not self.warnings_open
        self._show_warnings()

    def action_focus_pairs(self) -> None:
        """Put the focus on the pair switcher (Tab goes on to the sections, then the changes)."""
        switcher = self.query_one(AnnexSwitcher)
        if not switcher.display:
            self.notify(word("ui.no_switcher", self.lang), timeout=3)
            return
        switcher.focus()

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme."""
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit: say (in the interface's language) which key does."""
        self.notify(word("ui.quit_hint", self.lang), title=word("ui.quit_title", self.lang))

    async def _search(self, query: str) -> None:
        self.session.remember_search(query)
        target = self.session.search(query, self.current)
        if target is None:
            self.notify(f"{word('ui.not_found', self.lang)}: {query}", severity="warning", timeout=3)
            return
        if change_content.is_foldable(target.change):
            self.expanded.add(target)  # the words found may sit in a folded sentence: show the change whole
            card = self.query_one(ChangeView).card(target)
            if card is not None:
                card.set_expanded(True)
        await self.go_to(target)

    def action_search(self) -> None:
        """Ask for a text (the last one offered, ↑/↓ for earlier ones) and go to the next change containing it."""

        async def found(query: str | None) -> None:
            if query:
                await self._search(query)

        searches = self.session.searches
        prompt = PromptScreen(
            word("ui.search_prompt", self.lang),
            searches[-1] if searches else "",
            word("ui.search_keys", self.lang),
            history=searches,
        )
        self.push_screen(prompt, found)

    async def action_search_again(self) -> None:
        """Go to the next match of the last search."""
        if not self.session.searches:
            self.notify(word("ui.no_search", self.lang), timeout=2)
            return
        await self._search(self.session.searches[-1])

    async def _mark(self, mark: Mark) -> None:
        """Toggle a mark; a mark set moves on to the next change (lazygit style), a mark taken back stays."""
        if self.current is None:
            self.notify(word("ui.no_current", self.lang), severity="warning", timeout=2)
            return
        try:
            new = self.session.toggle_mark(self.current, mark)
        except AjdiffError as exc:
            message = error_text(exc)
            self.notify(message, title=word("ui.save_failed", self.lang), severity="error")
            return
        self._show_entry()
        if new is not None:
            target = self.session.step(self.current, 1)
            if target is not None:
                await self.go_to(target)

    def _show_entry(self) -> None:
        if self.current is None:
            return
        card = self.query_one(ChangeView).card(self.current)
        if card is not None:
            card.set_entry(self.session.entry(self.current))
        self._refresh_summary()
        tree = self.query_one(SectionTree)
        for node in tree.root.children:
            if node.data is not None:
                if self.session.side in (PAIR, ORDER):
                    reviewed = self._reviewed_by_section().get(node.data.section, 0)
                else:
                    reviewed = int(self.session.is_reviewed(self.current))
                node.data = replace(node.data, reviewed=reviewed)
                node.refresh()

    async def action_approve(self) -> None:
        """Approve the current change and move on (again, on an approved one: take the mark back)."""
        await self._mark(Mark.APPROVED)

    async def action_question(self) -> None:
        """Question the current change and move on (again, on a questioned one: take the mark back)."""
        await self._mark(Mark.QUESTIONED)

    def action_comment(self) -> None:
        """Write or edit the comment on the current change, the change shown above the editor."""
        position = self.current
        if position is None:
            self.notify(word("ui.no_current", self.lang), severity="warning", timeout=2)
            return
        entry = self.session.entry(position)

        def done(comment: str | None) -> None:
            if comment is None:
                return
            try:
                self.session.set_comment(position, comment)
            except AjdiffError as exc:
                message = error_text(exc)
                self.notify(message, title=word("ui.save_failed", self.lang), severity="error")
                return
            self._show_entry()

        width = min(110, int(self.size.width * 0.9)) - 6
        lines = card_lines(position.change, None, False, self.lang, max(width, 20), doc=self.session.post_doc(position))
        prompt = CommentScreen(
            word("ui.comment_for", self.lang),
            lines,
            (entry.comment or "") if entry else "",
            word("ui.comment_keys", self.lang),
        )
        self.push_screen(prompt, done)

    def _write_export(self, path: Path, force: bool) -> None:
        try:
            written = write_redline(
                self.session.result,
                self.session.review,
                path,
                lang=self.lang,
                show_editorial=self.session.show_editorial,
                inputs=list(self.session.inputs),
                force=force,
            )
        except AjdiffError as exc:
            message = error_text(exc)
            self.notify(message, title=word("ui.export_failed", self.lang), severity="error", timeout=8)
            return
        self.export_path = self._exported = written
        self._exported_stamp = _stamp(written)
        self.notify(f"{word('ui.exported', self.lang)}: {written}", timeout=5)

    def _ours(self, path: Path) -> bool:
        """Whether `path` is the redline this session wrote, unchanged since (not edited in Word meanwhile)."""
        return path == self._exported and _stamp(path) == self._exported_stamp

    def action_export(self) -> None:
        """Ask for a path and write the redline there (asking before replacing a file), the comments as Word
        comments."""

        def done(answer: str | None) -> None:
            if not answer:
                return
            path = Path(answer).expanduser()
            if not path.parent.is_dir():
                what = word("ui.no_folder", self.lang).format(path.parent)
                self.notify(what, title=word("ui.export_failed", self.lang), severity="error", timeout=8)
                return
            if path.exists() and not path.is_dir() and not self._ours(path):

                def confirmed(yes: bool | None) -> None:
                    if yes:
                        self._write_export(path, True)

                question = word("ui.overwrite", self.lang).format(path)
                self.push_screen(ConfirmScreen(question, word("ui.yes_no", self.lang)), confirmed)
                return
            # Writing again to the file this session exported (and nobody changed since) is expected, without asking.
            self._write_export(path, self._ours(path))

        prompt = PromptScreen(
            word("ui.export_prompt", self.lang), str(self.export_path), word("ui.ok_cancel", self.lang)
        )
        self.push_screen(prompt, done)

    def action_help(self) -> None:
        """Show every key, how to move between the panes, and a legend of the colours and marks."""
        rows = [
            (b.key_display or b.key, word("ui.help_" + _DESCRIPTIONS[b.action], self.lang))
            for b in self.BINDINGS
            if isinstance(b, Binding)
        ]
        t = self.lang
        legend = [
            Content.styled(word("ui.help_legend", t), "bold"),
            Content.assemble((word("ui.legend_word", t), change_content.DELETED), "  ", word("ui.legend_deleted", t)),
            Content.assemble((word("ui.legend_word", t), change_content.INSERTED), "  ", word("ui.legend_inserted", t)),
            Content.assemble((change_content.CURRENT_GLYPH, "bold $text-accent"), "  ", word("ui.legend_current", t)),
            Content.assemble((" 3 ", "bold $text-error"), "  ", word("ui.legend_high", t)),
            Content.assemble((" 3 ", "bold $text-warning"), "  ", word("ui.legend_normal", t)),
            Content(word("ui.legend_marks", t)),
            Content.styled(word("ui.legend_fold", t), change_content.MUTED),
        ]
        footer = "\n".join(
            [
                word("ui.help_nav", t),
                word("ui.help_mouse", t),
                f"{word('ui.review_file', t)}: {self.session.review_path}",
                word("ui.help_close", t),
            ]
        )
        self.push_screen(HelpScreen(rows, word("ui.help_title", t), footer, legend))


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's modification time and size: what tells a file edited since it was written."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
