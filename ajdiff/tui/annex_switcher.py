"""The annex switcher of two orders: the pairs compared, and the posts created or abolished."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ajdiff.changes import Comparison, ComparisonSet
from ajdiff.tui.session import section_impact
from ajdiff.tui.texts import text


class AnnexSwitcher(OptionList):
    """One line per compared pair, then the posts only in the new (created) or old (abolished) order."""

    @dataclass
    class Chosen(Message):
        """The reviewer picked a pair ('pair'), a created post ('new') or an abolished one ('old')."""

        side: str
        index: int

    def fill(self, result: ComparisonSet, lang: str) -> None:
        """List the pairs and the unpaired posts of a result."""
        self.clear_options()
        options: list[Option | None] = []
        for i, pair in enumerate(result.pairs):
            impact = section_impact(list(pair.substantive))
            style = {"high": "bold $text-error", "normal": "bold $text-warning"}.get(impact, "$text-muted")
            # The count first, as in the section tree: long post names wrap, the badge stays in place.
            prompt = Content.assemble((f"{len(pair.substantive):>2} ", style), pair.new.label, _doubt(pair))
            options.append(Option(prompt, id=f"pair-{i}"))
        if result.unpaired_new:
            options.append(Option(Content.styled(text("created_heading", lang), "bold $text-muted"), disabled=True))
        for j, doc in enumerate(result.unpaired_new):
            options.append(Option(Content.assemble(("+ ", "bold $text-success"), doc.label), id=f"new-{j}"))
        if result.unpaired_old:
            options.append(Option(Content.styled(text("abolished_heading", lang), "bold $text-muted"), disabled=True))
        for j, doc in enumerate(result.unpaired_old):
            options.append(Option(Content.assemble(("- ", "bold $text-error"), doc.label), id=f"old-{j}"))
        self.add_options(options)

    def highlight_pair(self, index: int) -> None:
        """Move the highlight to a pair without announcing it."""
        with contextlib.suppress(LookupError):
            self.highlighted = self.get_option_index(f"pair-{index}")

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
