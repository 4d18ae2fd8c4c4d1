"""The tree of sections on the left, each with a badge: its number of changes, coloured by impact."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ajdiff.changes import Change
from ajdiff.labels import section_name
from ajdiff.tui.session import section_impact


@dataclass(frozen=True)
class SectionInfo:
    """What a tree node stands for: a section, its visible changes count and the badge colour."""

    section: str
    count: int
    impact: str


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

    def fill(self, title: str, sections: list[tuple[str, list[Change]]], lang: str) -> None:
        """Replace the nodes with the sections of a pair."""
        self.lang = lang
        self.clear()
        self.root.set_label(title)
        for section, changes in sections:
            info = SectionInfo(section, len(changes), section_impact(changes))
            self.root.add_leaf(section_name(section, lang), data=info)
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
        badge_style = Style(color=colour, bold=True) if colour else Style(dim=True)
        # The badge goes first: a narrow sidebar cuts the end of long section names, never the count.
        return Text.assemble((f"{info.count:>2} ", style + badge_style), label)
