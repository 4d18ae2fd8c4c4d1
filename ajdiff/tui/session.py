"""The review session behind the UI: what is shown, which change is current, and the marks.

Pure Python (no Textual) so the navigation and the review state can be tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ajdiff.changes import Change, Comparison, ComparisonSet, Impact
from ajdiff.labels import SECTION_ORDER
from ajdiff.model import JobDescription
from ajdiff.review import Mark, Review, ReviewEntry, load_review, save_review
from ajdiff.text import fold


@dataclass(frozen=True)
class Position:
    """One change of one pair: where `n`, `p`, search and the marks act."""

    pair: int
    change: Change


def section_order(section: str) -> int:
    """Sort key of a top-level section: the documents' own order, unknown ones last."""
    return SECTION_ORDER.index(section) if section in SECTION_ORDER else len(SECTION_ORDER)


def _has_content(doc: JobDescription, section: str) -> bool:
    value = {
        "general": True,
        "duties": doc.duties,
        "requirements": True,
        "rights": doc.rights,
        "responsibilities": doc.responsibilities,
        "competencies": doc.competencies,
        "review": doc.review,
        "other": doc.other,
    }.get(section, False)
    return bool(value)


def section_impact(changes: list[Change]) -> str:
    """'high', 'normal', 'editorial' or 'none': what colours a section's badge."""
    if any(not c.editorial and c.impact is Impact.HIGH for c in changes):
        return "high"
    if any(not c.editorial for c in changes):
        return "normal"
    return "editorial" if changes else "none"


class ReviewSession:
    """The comparison, the reviewer's marks and the view settings, with the rules that change them."""

    def __init__(self, result: ComparisonSet, review_path: str | Path, *, inputs: tuple[str, ...] = ()) -> None:
        self.result = result
        self.review_path = Path(review_path)
        self.inputs = inputs
        self.review: Review = load_review(self.review_path, keep_backup=True)  # the UI saves over it
        self.show_editorial = False
        self.pair_index = 0

    # --- what is visible -------------------------------------------------------------

    @property
    def pair(self) -> Comparison | None:
        """The pair shown, if the result has any."""
        return self.result.pairs[self.pair_index] if self.result.pairs else None

    def visible(self, pair: Comparison) -> list[Change]:
        """The changes of a pair the reviewer sees now, in section order."""
        shown = [c for c in pair.changes if self.show_editorial or not c.editorial]
        return sorted(shown, key=lambda c: section_order(c.section))  # stable: keeps the comparer's order

    def sections(self, pair: Comparison) -> list[tuple[str, list[Change]]]:
        """The sections of a pair worth listing, each with its visible changes."""
        visible = self.visible(pair)
        present = {c.section for c in pair.changes}
        present |= {s for s in SECTION_ORDER if _has_content(pair.old, s) or _has_content(pair.new, s)}
        return [(s, [c for c in visible if c.section == s]) for s in sorted(present, key=section_order)]

    def order(self) -> list[Position]:
        """Every visible change of every pair, in the order `n` walks them."""
        return [Position(i, c) for i, pair in enumerate(self.result.pairs) for c in self.visible(pair)]

    # --- moving ----------------------------------------------------------------------

    def step(self, current: Position | None, delta: int) -> Position | None:
        """The change `delta` steps away from current (None at either end or with nothing to show)."""
        order = self.order()
        if not order:
            return None
        if current is None or current not in order:
            # Start from the first change of the pair on screen (or its last, going back).
            here = [p for p in order if p.pair == self.pair_index] or order
            return here[0] if delta > 0 else here[-1]
        k = order.index(current) + delta
        return order[k] if 0 <= k < len(order) else None

    def search(self, query: str, current: Position | None) -> Position | None:
        """The next change after current whose label or text contains query (folded), wrapping around."""
        needle = fold(query)
        if not needle:
            return None
        order = self.order()
        start = order.index(current) + 1 if current in order else 0
        for pos in order[start:] + order[:start]:
            c = pos.change
            hay = fold(" ".join(filter(None, (c.label, c.path, c.old, c.new, self._comment(pos)))))
            if needle in hay:
                return pos
        return None

    # --- review marks ----------------------------------------------------------------

    def entry(self, pos: Position) -> ReviewEntry | None:
        """The reviewer's entry on a change, if any."""
        return self.review.entry(self.result.pairs[pos.pair], pos.change)

    def _comment(self, pos: Position) -> str | None:
        entry = self.entry(pos)
        return entry.comment if entry else None

    def toggle_mark(self, pos: Position, mark: Mark) -> Mark | None:
        """Set the mark, or clear it when the change already has it; saves the file. Returns the new mark."""
        entry = self.entry(pos)
        new = None if entry and entry.mark is mark else mark
        self._update(pos, mark=new)
        return new

    def set_comment(self, pos: Position, comment: str) -> None:
        """Set (or, when blank, remove) the comment on a change; saves the file."""
        self._update(pos, comment=comment.strip() or None)

    def _update(self, pos: Position, **fields: object) -> None:
        review = self.review.updated(self.result.pairs[pos.pair], pos.change, **fields)
        save_review(self.review_path, review, inputs=list(self.inputs))  # atomic; raises OutputError
        self.review = review  # only once it is on disk

    def reviewed_count(self, pair: Comparison) -> int:
        """How many of the pair's changes carry a mark."""
        return sum(1 for c in pair.changes if (e := self.review.entry(pair, c)) and e.mark)
