"""The tree of sections on the left, each with a badge: its number of changes, coloured by impact, and how
many of them carry a mark (✓ when all do)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ajdiff.changes import Change
from ajdiff.records import dataclass
from ajdiff.tui.session import section_impact
from ajdiff.words import section_name


def shorten(text: str, width: int) -> str:
    """Text cut to `width` cells with an ellipsis, at the end of a word when one ends in the second half
    ('Ametijuhendi ülevaatamine' → 'Ametijuhendi…'; a single long word is cut inside it: 'Teenistusülesand…')."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:·-(") + "…"


@dataclass(frozen=True)
class SectionInfo:
    """What a tree node stands for: a section, its visible changes, how many are marked, the badge colour."""

    section: str
    count: int
    impact: str
    reviewed: int = 0

    @property
    def badge(self) -> str:
        """' 5 ' with nothing marked, '2/5' part way, ' 5✓' with all marked."""
        if self.count and self.reviewed >= self.count:
            return f"{self.count:>2}✓"
        if self.reviewed:
            return f"{self.reviewed}/{self.count}"
        return f"{self.count:>2} "


class SectionTree(Tree[SectionInfo]):
    """The sections of the pair on screen; selecting one shows it on the right."""

    @dataclass
    class SectionChosen(Message):
        """The reviewer picked a section (Enter or a click)."""

        section: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.lang = "et"

    def fill(
        self,
        title: str,
        sections: list[tuple[str, list[Change]]],
        lang: str,
        reviewed: dict[str, int] | None = None,
        names: dict[str, str] | None = None,
    ) -> None:
        """Replace the nodes with the sections of a pair (reviewed: marked changes by section)."""
        self.lang = lang
        self.clear()
        self.root.set_label(title)
        for section, changes in sections:
            info = SectionInfo(section, len(changes), section_impact(changes), (reviewed or {}).get(section, 0))
            self.root.add_leaf((names or {}).get(section) or section_name(section, lang), data=info)
        self.root.expand()

    def highlight(self, section: str) -> None:
        """Put the cursor on a section without announcing it (the app already shows it)."""
        for node in self.root.children:
            if node.data and node.data.section == section:
                self.move_cursor(node)
                return

    def on_tree_node_selected(self, event: Tree.NodeSelected[SectionInfo]) -> None:
        """Announce the section under the cursor."""
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data.section))

    def render_label(self, node: TreeNode[SectionInfo], base_style: Style, style: Style) -> Text:
        """The section's name and its badge, in the current theme's colours."""
        label = super().render_label(node, base_style, style)
        info = node.data
        if info is None:
            return label
        theme = self.app.current_theme
        colour = {"high": theme.error, "normal": theme.warning, "editorial": None, "none": None}[info.impact]
        muted = theme.variables.get("text-muted")
        badge_style = Style(color=colour, bold=True) if colour else Style(color=muted)
        if node.line == self.cursor_line:
            # Red or yellow on the highlight is hard to read in many palettes: the row's own colour, bold.
            badge_style = Style(bold=True)
        # The badge goes first: a narrow sidebar shortens long section names, never the count.
        badge = f"{info.badge} "
        room = self.scrollable_content_region.width - len(badge)
        if room > 0 and label.cell_len > room:
            label = label[: len(shorten(label.plain, room)) - 1]  # the label's own styles kept on what stays
            label.append("…")
        return Text.assemble((badge, style + badge_style), label)
