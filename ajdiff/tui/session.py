"""The review session behind the UI: what is shown, which change is current, and the marks.

Pure Python (no Textual) so the navigation and the review state can be tested on their own.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, Impact
from ajdiff.model import JobDescription, OrderRef
from ajdiff.records import dataclass
from ajdiff.review import ORDER_KEY, Mark, Review, ReviewEntry, load_review, pair_keys, post_key, save_review
from ajdiff.text import fold
from ajdiff.words import (
    SECTION_ORDER,
    Lang,
    annex_name,
    change_title,
    doc_label,
    kind_name,
    path_label,
    section_name,
    word,
)

PAIR, CREATED, ABOLISHED, ORDER = "pair", "new", "old", "order"
"""What a position points into: a compared pair, a post only in the new order, one only in the old, or the
orders' own bodies (their entry into force, repeals, the annexes they approve)."""
POST_SECTION = "post"
"""The section of the one item a created or abolished post is."""


@dataclass(frozen=True)
class Position:
    """One reviewable item: a change of a pair, a whole created or abolished post, or a change of the orders."""

    pair: int
    """Index into the pairs, or into the created / abolished posts when `side` says so (0 for the orders)."""
    change: Change
    side: str = PAIR

    @property
    def is_post(self) -> bool:
        """True for a created or abolished post."""
        return self.side in (CREATED, ABOLISHED)

    @property
    def is_order(self) -> bool:
        """True for a change of the orders' own bodies."""
        return self.side == ORDER


def post_change(doc: JobDescription, created: bool, lang: str = "et") -> Change:
    """A created or abolished post as one reviewable change: high impact, its name in `lang` as the heading.

    The text is the model's own label, the same in every language, so that the change's key (and the
    marks stored under it) does not depend on the interface language.
    """
    kind = ChangeKind.ADDED if created else ChangeKind.REMOVED
    text = doc.label
    return Change(
        POST_SECTION,
        kind,
        None if created else text,
        text if created else None,
        impact=Impact.HIGH,
        heading=doc_label(doc, lang),
    )


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


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


@lru_cache(maxsize=64)
def document_words(doc: JobDescription) -> str:
    """Every text of a document, folded, for search."""
    return fold(" ".join(_strings(asdict(doc))))


_ANNEX_NUMBER = re.compile(r"\d+")


def annex_sort_key(doc: JobDescription) -> tuple[int, str]:
    """Lisa 2 before Lisa 10 (a number, not text); a document with no annex first."""
    m = _ANNEX_NUMBER.search(doc.annex or "")
    return (int(m.group()) if m else -1, doc.label)


class ReviewSession:
    """The comparison, the reviewer's marks and the view settings, with the rules that change them."""

    def __init__(
        self, result: ComparisonSet, review_path: str | Path, *, inputs: tuple[str, ...] = (), lang: str = "et"
    ) -> None:
        self.result = result
        self.review_path = Path(review_path)
        self.inputs = inputs
        self.lang = lang
        self.review: Review = load_review(self.review_path, keep_backup=True)  # the UI saves over it
        self.show_editorial = False
        self.pair_index = 0
        self.side = PAIR
        """What is on screen: a pair (`pair_index` into the pairs) or a post (into created / abolished)."""
        self.pair_order = sorted(range(len(result.pairs)), key=lambda i: annex_sort_key(result.pairs[i].new))
        """The pairs in the order of their new annex numbers: how the switcher lists them and `n` walks them."""
        self.searches: list[str] = []
        """The texts searched for, the latest last."""

    # --- what is visible -------------------------------------------------------------

    @property
    def pair(self) -> Comparison | None:
        """The pair shown, if the result has any and a pair is on screen."""
        return self.result.pairs[self.pair_index] if self.result.pairs and self.side == PAIR else None

    def posts(self, side: str) -> tuple[JobDescription, ...]:
        """The created ('new') or abolished ('old') posts."""
        return self.result.unpaired_new if side == CREATED else self.result.unpaired_old

    def post_doc(self, pos: Position) -> JobDescription | None:
        """The document of a created or abolished post's position."""
        return self.posts(pos.side)[pos.pair] if pos.is_post else None

    def visible(self, pair: Comparison) -> list[Change]:
        """The changes of a pair the reviewer sees now, in section order."""
        walked = pair.walk(editorial=self.show_editorial)
        return [c for _, changes in sorted(walked, key=lambda g: section_order(g[0])) for c in changes]

    def sections(self, pair: Comparison) -> list[tuple[str, list[Change]]]:
        """The sections of a pair worth listing, each with its visible changes."""
        visible = self.visible(pair)
        present = {section for section, _ in pair.walk()}
        present |= {s for s in SECTION_ORDER if _has_content(pair.old, s) or _has_content(pair.new, s)}
        return [(s, [c for c in visible if c.section == s]) for s in sorted(present, key=section_order)]

    def order_changes(self) -> list[Change]:
        """The changes of the orders' own bodies the reviewer sees now (editorial ones only when shown)."""
        return [c for c in self.result.order_changes if self.show_editorial or not c.editorial]

    def order_positions(self) -> list[Position]:
        """The orders' own changes, each a reviewable item."""
        return [Position(0, c, ORDER) for c in self.order_changes()]

    def order_refs(self) -> tuple[OrderRef | None, OrderRef | None]:
        """The old and the new order, as the documents' approval blocks name them."""
        olds = [*self.result.old_all, *(p.old for p in self.result.pairs), *self.result.unpaired_old]
        news = [*self.result.new_all, *(p.new for p in self.result.pairs), *self.result.unpaired_new]
        return (olds[0].order if olds else None, news[0].order if news else None)

    def post_positions(self) -> list[Position]:
        """The created posts, then the abolished ones, each one reviewable item."""
        return [
            Position(j, post_change(doc, side == CREATED, self.lang), side)
            for side in (CREATED, ABOLISHED)
            for j, doc in enumerate(self.posts(side))
        ]

    def order(self) -> list[Position]:
        """The orders' own changes (a lawyer checks them first), every visible change of every pair, then
        every created and abolished post: the walk of `n`."""
        changes = [Position(i, c) for i in self.pair_order for c in self.visible(self.result.pairs[i])]
        return self.order_positions() + changes + self.post_positions()

    # --- moving ----------------------------------------------------------------------

    def step(self, current: Position | None, delta: int) -> Position | None:
        """The change `delta` steps away from current (None at either end or with nothing to show)."""
        order = self.order()
        if not order:
            return None
        if current is None or current not in order:
            # Start from the first change of the pair on screen (or its last, going back).
            here = [p for p in order if p.pair == self.pair_index and p.side == self.side] or order
            return here[0] if delta > 0 else here[-1]
        k = order.index(current) + delta
        return order[k] if 0 <= k < len(order) else None

    def next_unreviewed(self, current: Position | None) -> Position | None:
        """The next item after current that carries no mark, wrapping around; None when all are marked."""
        order = self.order()
        start = order.index(current) + 1 if current in order else 0
        for pos in order[start:] + order[:start]:
            entry = self.entry(pos)
            if not (entry and entry.mark):
                return pos
        return None

    def _haystack(self, pos: Position) -> str:
        c = pos.change
        words = [c.heading, c.path, c.old, c.new, self._comment(pos)]
        for lang in Lang:  # kinds and tags in either language: 'lisandus', 'removed', 'oluline' …
            words += [kind_name(c.kind, lang), path_label(c.path, lang, letters=False), section_name(c.section, lang)]
            if c.editorial:
                words.append(word("ui.editorial_tag", lang))
            elif c.impact is Impact.HIGH:
                words.append(word("ui.high_tag", lang))
        hay = fold(" ".join(filter(None, words)))
        doc = self.post_doc(pos)
        if doc is not None:
            what = "ui.created_post" if pos.side == CREATED else "ui.abolished_post"
            hay += " " + fold(" ".join(word(what, lang) for lang in Lang))
            hay += " " + document_words(doc)
        return hay

    def search(self, query: str, current: Position | None) -> Position | None:
        """The next change after current whose label, kind or text contains query (folded), wrapping around."""
        needle = fold(query)
        if not needle:
            return None
        order = self.order()
        start = order.index(current) + 1 if current in order else 0
        for pos in order[start:] + order[:start]:
            if needle in self._haystack(pos):
                return pos
        return None

    def remember_search(self, query: str) -> None:
        """Keep a search text for the history (the latest last, no repeats)."""
        if query.strip():
            self.searches = [q for q in self.searches if q != query] + [query]

    # --- review marks ----------------------------------------------------------------

    def _keys(self, pos: Position) -> tuple[str, ...]:
        if pos.is_order:
            return (ORDER_KEY,)
        doc = self.post_doc(pos)
        if doc is not None:
            return (post_key(doc, pos.side == CREATED),)
        return pair_keys(self.result.pairs[pos.pair])

    def entry(self, pos: Position) -> ReviewEntry | None:
        """The reviewer's entry on a change, if any."""
        change = pos.change.key
        # Only a change some entry is about needs its pair's keys (a post's key is a digest of its whole text).
        if not any(e.change == change for e in self.review.entries):
            return None
        return self.review.entry_at(self._keys(pos), change)

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
        review = self.review.updated_at(self._keys(pos), pos.change.key, change_title(pos.change, self.lang), **fields)
        save_review(self.review_path, review, inputs=list(self.inputs))  # atomic; raises OutputError
        self.review = review  # only once it is on disk

    def is_reviewed(self, pos: Position) -> bool:
        """True when the item carries a mark."""
        entry = self.entry(pos)
        return bool(entry and entry.mark)

    def reviewed_count(self, pair: Comparison) -> tuple[int, int]:
        """How many of the pair's visible changes carry a mark, and how many are visible."""
        index = self.result.pairs.index(pair)
        visible = self.visible(pair)
        return sum(1 for c in visible if self.is_reviewed(Position(index, c))), len(visible)

    def total_reviewed(self) -> tuple[int, int]:
        """Marked items of the whole comparison (pairs and posts), and how many there are."""
        order = self.order()
        return sum(1 for p in order if self.is_reviewed(p)), len(order)

    def notes(self) -> list[str]:
        """What the pairing decided on its own ('compared with Lisa 2 …, the best match of 7'): notes, not
        warnings; each once."""
        return list(dict.fromkeys(self.result.notes))  # said in the chosen language where they were made

    def warnings(self) -> list[str]:
        """Every document's warnings (what a reader could not read as written), each once, with the document
        it is about."""
        lines: list[str] = []
        docs = [d for pair in self.result.pairs for d in (pair.old, pair.new)]
        docs += [*self.result.unpaired_old, *self.result.unpaired_new]
        for doc in docs:
            where = f"{doc.source}" + (f" ({annex_name(doc.annex, self.lang)})" if doc.annex else "")
            lines += [f"{w} ({where})" for w in doc.warnings]  # the message first: the panel's one line cuts the end
        return list(dict.fromkeys(lines))
