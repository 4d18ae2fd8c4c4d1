"""The annex switcher of two orders: the pairs compared, and the posts created or abolished."""

from __future__ import annotations

import contextlib

from textual import _widget_navigation
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ajdiff.changes import Comparison
from ajdiff.records import dataclass
from ajdiff.tui.session import ORDER, ReviewSession, section_impact
from ajdiff.words import doc_label, section_name, word


class AnnexSwitcher(OptionList):
    """The orders' own changes (when the orders have any), one line per compared pair (by annex number), then
    the posts only in the new (created) or old (abolished) order; a pair whose old post has another name
    shows that name on a second line."""

    @dataclass
    class Chosen(Message):
        """The reviewer picked a pair ('pair'), a created post ('new'), an abolished one ('old') or the orders'
        own changes ('order')."""

        side: str
        index: int

    def fill(self, session: ReviewSession, lang: str) -> None:
        """List the pairs and the unpaired posts of a session's result."""
        result = session.result
        self.clear_options()
        options: list[Option | None] = []
        if result.order_changes:
            # The orders' own changes first: when they take effect and what they repeal is read before the posts.
            substantive = [c for c in result.order_changes if not c.editorial]
            impact = section_impact(substantive)
            style = {"high": "bold $text-error", "normal": "bold $text-warning"}.get(impact, "$text-muted")
            prompt = Content.assemble((f"{len(substantive):>2} ", style), section_name("order", lang))
            options.append(Option(prompt, id=f"{ORDER}-0"))
        for i in session.pair_order:
            pair = result.pairs[i]
            impact = section_impact(list(pair.substantive))
            style = {"high": "bold $text-error", "normal": "bold $text-warning"}.get(impact, "$text-muted")
            # The count first, as in the section tree: long post names are cut, the badge stays in place.
            prompt = Content.assemble((f"{len(pair.substantive):>2} ", style), doc_label(pair.new, lang), _doubt(pair))
            if pair.old.label != pair.new.label:
                old = f"   ← {doc_label(pair.old, lang)}"  # the old post it was paired with, under another name
                prompt = Content.assemble(prompt, "\n", (old, "$text-muted"))
            options.append(Option(prompt, id=f"pair-{i}"))
        if result.unpaired_new:
            options.append(Option(Content.styled(word("ui.created_heading", lang), "bold $text-muted"), disabled=True))
        for j, doc in enumerate(result.unpaired_new):
            options.append(Option(Content.assemble(("+ ", "bold $text-success"), doc_label(doc, lang)), id=f"new-{j}"))
        if result.unpaired_old:
            options.append(
                Option(Content.styled(word("ui.abolished_heading", lang), "bold $text-muted"), disabled=True)
            )
        for j, doc in enumerate(result.unpaired_old):
            options.append(Option(Content.assemble(("- ", "bold $text-error"), doc_label(doc, lang)), id=f"old-{j}"))
        self.add_options(options)

    def highlight_item(self, side: str, index: int) -> None:
        """Move the highlight to a pair or post without announcing it."""
        with contextlib.suppress(LookupError):
            self.highlighted = self.get_option_index(f"{side}-{index}")

    def highlight_pair(self, index: int) -> None:
        """Move the highlight to a pair without announcing it."""
        self.highlight_item("pair", index)

    def action_cursor_down(self) -> None:
        """The next option; at the last one, stay (no silent jump back to the top)."""
        target = _widget_navigation.find_next_enabled_no_wrap(self.options, self.highlighted, 1)
        if target is not None:
            self.highlighted = target

    def action_cursor_up(self) -> None:
        """The previous option; at the first one, stay."""
        target = _widget_navigation.find_next_enabled_no_wrap(self.options, self.highlighted, -1)
        if target is not None:
            self.highlighted = target

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Announce the pair or post picked."""
        event.stop()
        side, _, index = (event.option.id or "").partition("-")
        if index.isdigit():
            self.post_message(self.Chosen(side, int(index)))


def _doubt(pair: Comparison) -> tuple[str, str]:
    """A small marker on an uncertain pair: '?' and the duties matched, e.g. ' ? 3/9'."""
    proof = pair.pairing
    if not proof or not proof.uncertain:
        return ("", "")
    return (f" ? {proof.duties_matched}/{max(proof.duties_old, proof.duties_new)}", "bold $text-warning")
