"""The redline's block model: the layout of the originals, with each unit's presence per side.

Pure (no docx, no lxml). A pair of documents becomes paragraphs and tables whose units carry
their old and new text; one document rendered alone is the same layout of the pair (doc, doc).
Every list is merged as an interleaving of its old and new orders, so accepting every change
gives exactly the new rendering and rejecting every change exactly the old one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum

from ajdiff.changes import Change, Comparison
from ajdiff.compare.align import Match, item_similarity, longest_increasing, match_sequences
from ajdiff.compare.document import ITEM_THRESHOLD, align_duties, sentences
from ajdiff.model import Duty, JobDescription
from ajdiff.review import Mark, Review
from ajdiff.text import fold_key


class Presence(str, Enum):
    """On which side a paragraph or row exists."""

    BOTH = "both"
    NEW = "new"
    OLD = "old"
    MOVED_FROM = "moved_from"
    MOVED_TO = "moved_to"

    @property
    def in_old(self) -> bool:
        """True when the unit is part of the old version."""
        return self in (Presence.BOTH, Presence.OLD, Presence.MOVED_FROM)

    @property
    def in_new(self) -> bool:
        """True when the unit is part of the new version."""
        return self in (Presence.BOTH, Presence.NEW, Presence.MOVED_TO)


class Style(str, Enum):
    """How a paragraph looks; `build` maps each to a Word style."""

    TITLE_BLOCK = "title_block"
    TITLE = "title"
    POST = "post"
    HEADING = "heading"
    SUBHEADING = "subheading"
    BODY = "body"
    BULLET = "bullet"
    CELL = "cell"
    CELL_LABEL = "cell_label"
    PAGE_BREAK = "page_break"


@dataclass(frozen=True)
class Segment:
    """An inline piece of a paragraph with its old and new text (None where absent)."""

    old: str | None
    new: str | None
    comment: str | None = None
    """A reviewer's note to anchor on this piece, as a Word comment."""


@dataclass(frozen=True)
class Para:
    """A paragraph: its presence, its pieces and its look."""

    presence: Presence
    segments: tuple[Segment, ...] = ()
    style: Style = Style.BODY


@dataclass(frozen=True)
class Row:
    """A table row: its presence and its cells, each a sequence of paragraphs."""

    presence: Presence
    cells: tuple[tuple[Para, ...], ...]
    header: bool = False
    move: str | None = None
    """The move's name, shared by the moved-from and the moved-to row."""


@dataclass(frozen=True)
class Table:
    """A table and its column widths in centimetres."""

    rows: tuple[Row, ...]
    widths: tuple[float, ...]


Block = Para | Table


@dataclass(frozen=True)
class LayoutOptions:
    """Choices that change the redline but never the accepted text."""

    show_editorial: bool = False
    """Track editorial differences (renumbering, punctuation, case) instead of writing the new text."""
    moves: bool = True
    """Moved duties as moves; otherwise as a deletion and an insertion."""
    lang: str = "et"


# Labels as the originals print them: the document's own text, always Estonian.
GENERAL_LABELS: dict[str, str] = {
    "position": "Teenistuskoht",
    "unit": "Struktuuriüksus",
    "supervisor": "Vahetu juht",
    "subordinates": "Alluvad",
    "substitutes_for": "Teenistuja asendab",
    "substituted_by": "Teenistuja asendaja",
    "goal": "Teenistuskoha eesmärk",
    "group": "Ametikoha grupp",
    "special_conditions": "Eritingimused",
}
REQUIREMENT_LABELS: dict[str, str] = {
    "education": "Haridus",
    "experience": "Erialane töökogemus",
    "languages": "Keeleoskus",
    "knowledge": "Teadmised ja oskused",
    "qualities": "Isikuomadused",
}
HEADINGS = (
    "1. Üldosa",
    "2. Peamised teenistusülesanded",
    "3. Teenistuskoha täitjale esitatavad nõuded",
    "4. Õigused ja vastutus",
)
DUTY_HEADER = ("Peamised teenistusülesanded", "Oodatavad tulemused")
_LANGUAGE_GENITIVE = {
    "et": "eesti",
    "en": "inglise",
    "ru": "vene",
    "de": "saksa",
    "fi": "soome",
    "fr": "prantsuse",
    "sv": "rootsi",
    "lv": "läti",
    "lt": "leedu",
    "es": "hispaania",
    "it": "itaalia",
    "uk": "ukraina",
    "pl": "poola",
}


# ---------------------------------------------------------------------------- merging two orders


@dataclass(frozen=True)
class Step:
    """One unit of a merged sequence: its index on each side and its presence."""

    old: int | None
    new: int | None
    presence: Presence
    link: int | None = None
    """For moves: the same number on the moved-from and the moved-to step."""


def merge(
    matches: Sequence[Match],
    n_old: int,
    n_new: int,
    *,
    moves: bool = False,
    anchor: bool = False,
    prefer: tuple[int, int] = (0, 0),
) -> list[Step]:
    """Interleave old and new units: matched pairs in both orders stay paired, the rest are
    removed and added (or moved). With `anchor`, at least one pair exists when both sides do,
    because a paragraph container whose units all differ cannot be tracked exactly: then
    the `prefer`red pair (old index, new index) is shown as one reworded unit."""
    pairs = sorted((m for m in matches if m.old is not None and m.new is not None), key=lambda m: m.old or 0)
    keep = longest_increasing([m.new for m in pairs])
    anchors = [(pairs[k].old, pairs[k].new) for k in sorted(keep)]
    old_side: dict[int, tuple[Presence, int | None]] = {i: (Presence.OLD, None) for i in range(n_old)}
    new_side: dict[int, tuple[Presence, int | None]] = {j: (Presence.NEW, None) for j in range(n_new)}
    for link, k in enumerate(k for k in range(len(pairs)) if k not in keep):
        m = pairs[k]
        if moves:
            old_side[m.old] = (Presence.MOVED_FROM, link)  # type: ignore[index]
            new_side[m.new] = (Presence.MOVED_TO, link)  # type: ignore[index]
    if anchor and not anchors and n_old and n_new:
        anchors = [prefer]
        old_side[prefer[0]] = new_side[prefer[1]] = (Presence.BOTH, None)
    steps: list[Step] = []
    oi = ni = 0
    for a_old, a_new in [*anchors, (n_old, n_new)]:
        while oi < a_old:  # type: ignore[operator]
            steps.append(Step(oi, None, *old_side[oi]))
            oi += 1
        while ni < a_new:  # type: ignore[operator]
            steps.append(Step(None, ni, *new_side[ni]))
            ni += 1
        if a_old < n_old:  # type: ignore[operator]
            steps.append(Step(a_old, a_new, Presence.BOTH))
            oi, ni = oi + 1, ni + 1
    return steps


def merge_items(old: Sequence[str], new: Sequence[str], *, anchor: bool) -> list[Step]:
    """Merge two lists of items the way the comparer matches them."""
    matches = match_sequences(tuple(old), tuple(new), item_similarity, ITEM_THRESHOLD)
    prefer = (0, 0)
    if anchor and old and new:
        # The most alike pair reads best as one reworded unit, when a cell needs one.
        scores = ((item_similarity(a, b), -i - j, i, j) for i, a in enumerate(old) for j, b in enumerate(new))
        prefer = max(scores)[2:]
    return merge(matches, len(old), len(new), anchor=anchor, prefer=prefer)


def merge_keys(old: Sequence[str], new: Sequence[str]) -> list[Step]:
    """Merge two lists of keys (language codes, slugs): equal keys pair up."""
    where = {k: j for j, k in enumerate(new)}
    matches = [Match(i, where[k]) for i, k in enumerate(old) if k in where]
    return merge(matches, len(old), len(new))


def merge_mapping(
    old: Sequence[tuple[str, str]], new: Sequence[tuple[str, str]]
) -> Iterator[tuple[str, str | None, str | None, Presence]]:
    """Merge two (slug, text) mappings in document order: (slug, old text, new text, presence)."""
    a_map, b_map = dict(old), dict(new)
    ko, kn = list(a_map), list(b_map)
    for step in merge_keys(ko, kn):
        slug = ko[step.old] if step.old is not None else kn[step.new]  # type: ignore[index]
        a = a_map[slug] if step.old is not None else None
        b = b_map[slug] if step.new is not None else None
        yield slug, a, b, step.presence


def paragraph_marks(presences: Sequence[Presence]) -> list[Presence]:
    """Which paragraph marks of a container to track, so both views rebuild its paragraphs.

    A container (a table cell, or body paragraphs between tables) ends in a mark that cannot
    be tracked. Before the first paragraph present on both sides, each paragraph tracks its own
    mark; from there on, each tracks the mark before it. (LibreOffice joins an insertion that
    ends a paragraph with a following paragraph whose own mark is inserted, and rejects both
    marks; tracking the mark before keeps the two in one range.) BOTH means untracked.
    """
    marks = [Presence.BOTH] * len(presences)
    both = [i for i, p in enumerate(presences) if p is Presence.BOTH]
    first = both[0] if both else 0
    if not both and any(p.in_old for p in presences) and any(p.in_new for p in presences):
        raise ValueError("a container with units on both sides needs one paragraph present on both")
    for i, presence in enumerate(presences):
        if presence is Presence.BOTH:
            continue
        if i < first:
            marks[i] = presence
        elif i > 0:
            marks[i - 1] = presence
    return marks


# ---------------------------------------------------------------------------- the builder


@dataclass
class _Context:
    """What building one pair's layout needs besides the two documents."""

    pair: Comparison
    options: LayoutOptions
    review: Review | None
    move_prefix: str
    used: set[str] = field(default_factory=set)

    def segment(self, old: str | None, new: str | None, path: str | None = None) -> Segment:
        """A piece of text; an editorial-only difference is written as the new text when hidden."""
        if (
            not self.options.show_editorial
            and old is not None
            and new is not None
            and old != new
            and fold_key(old) == fold_key(new)
        ):
            return Segment(new, new)
        change = self.find(path, old, new) if path and old != new else None
        return Segment(old, new, self.comment(change))

    def find(self, path: str, old: str | None, new: str | None) -> Change | None:
        """The core's change record for a unit: same path and texts, else same path and one text."""
        candidates = [c for c in self.pair.changes if c.path == path and c.key not in self.used]
        for c in candidates:
            if c.old == old and c.new == new:
                return c
        for c in candidates:
            if (old is not None and c.old == old) or (new is not None and c.new == new):
                return c
        return None

    def comment(self, change: Change | None) -> str | None:
        """The review note of a change as comment text, once per change."""
        if change is None or self.review is None:
            return None
        entry = self.review.entry(self.pair, change)
        if entry is None or (entry.mark is None and not entry.comment):
            return None
        self.used.add(change.key)
        return review_note(entry.mark, entry.comment, self.options.lang)


def review_note(mark: Mark | None, comment: str | None, lang: str) -> str:
    """'[Kinnitatud] text' / '[Questioned] text': the mark first, then the reviewer's words."""
    parts = []
    if mark is not None:
        parts.append(f"[{mark_name(mark, lang)}]")
    if comment:
        parts.append(comment.strip())
    return " ".join(parts)


def mark_name(mark: Mark, lang: str) -> str:
    """The name of a review mark."""
    names = {Mark.APPROVED: ("Kinnitatud", "Approved"), Mark.QUESTIONED: ("Küsimus", "Questioned")}
    et, en = names[mark]
    return en if lang == "en" else et


def _presence(old: object, new: object) -> Presence | None:
    if old and new:
        return Presence.BOTH
    if new:
        return Presence.NEW
    if old:
        return Presence.OLD
    return None


def _fixed(text: str, presence: Presence | None, style: Style) -> Para | None:
    """A paragraph of fixed text (a heading, a label) present where its content is."""
    if presence is None:
        return None
    return Para(presence, (Segment(text, text),), style)


def _scalar(ctx: _Context, old: str | None, new: str | None, style: Style, path: str) -> Para | None:
    presence = _presence(old, new)
    if presence is None:
        return None
    return Para(presence, (ctx.segment(old or None, new or None, path),), style)


def _items(
    ctx: _Context, old: Sequence[str], new: Sequence[str], style: Style, path: str, *, anchor: bool
) -> list[Para]:
    paras = []
    for step in merge_items(old, new, anchor=anchor):
        a = old[step.old] if step.old is not None else None
        b = new[step.new] if step.new is not None else None
        paras.append(Para(step.presence, (ctx.segment(a, b, path),), style))
    return paras


def _label_row(label: str, presence: Presence, values: list[Para]) -> Row:
    return Row(presence, ((Para(presence, (Segment(label, label),), Style.CELL_LABEL),), tuple(values)))


def _date_et(iso: str | None) -> str | None:
    if not iso or len(iso) != 10:
        return iso
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def _order_line(doc: JobDescription) -> str | None:
    if doc.order is None:
        return None
    date = _date_et(doc.order.date)
    return f"{date} käskkirjaga nr {doc.order.number}" if date else f"käskkirjaga nr {doc.order.number}"


def _title_block(ctx: _Context) -> Iterator[Para | None]:
    old, new = ctx.pair.old, ctx.pair.new
    approved = _presence(old.order or old.annex, new.order or new.annex)
    yield _fixed("KINNITATUD", approved, Style.TITLE_BLOCK)
    yield _scalar(ctx, _order_line(old), _order_line(new), Style.TITLE_BLOCK, "order")
    yield _scalar(
        ctx,
        f"Lisa {old.annex}" if old.annex else None,
        f"Lisa {new.annex}" if new.annex else None,
        Style.TITLE_BLOCK,
        "annex",
    )
    yield Para(Presence.BOTH, (Segment("AMETIJUHEND", "AMETIJUHEND"),), Style.TITLE)
    yield _scalar(ctx, old.general.position, new.general.position, Style.POST, "general.position")


def _general_rows(ctx: _Context) -> Iterator[Row]:
    go, gn = ctx.pair.old.general, ctx.pair.new.general
    for key, label in GENERAL_LABELS.items():
        a, b = getattr(go, key), getattr(gn, key)
        presence = _presence(a, b)
        if presence is None:
            continue
        path = f"general.{key}"
        if isinstance(a, tuple):
            values = _items(ctx, a, b, Style.CELL, path, anchor=True)
        else:
            values = [_scalar(ctx, a, b, Style.CELL, path)]  # type: ignore[list-item]
        yield _label_row(label, presence, values)


def _duty_cells(ctx: _Context, a: Duty | None, b: Duty | None, presence: Presence) -> tuple[tuple[Para, ...], ...]:
    """The two cells of a duty row: number and task; the results, one sentence a paragraph."""
    if a is not None and b is not None and presence is Presence.BOTH:
        hide_number = not ctx.options.show_editorial
        number = Segment(b.number, b.number) if hide_number else Segment(a.number, b.number)
        task = ctx.segment(a.task, b.task, f"duties.{b.number}")
        if task.comment is None:
            # A renumbering or a move leaves the task equal: the change still has a note to show.
            change = ctx.find(f"duties.{b.number}", a.task, b.task)
            task = Segment(task.old, task.new, ctx.comment(change))
        head = Para(presence, (number, Segment(" ", " "), task), Style.CELL)
        results = _items(
            ctx, sentences(a.results), sentences(b.results), Style.CELL, f"duties.{b.number}.results", anchor=True
        )
        return (head,), tuple(results) or (Para(presence),)
    duty = b if presence.in_new else a
    assert duty is not None
    old_task = duty.task if presence.in_old else None
    new_task = duty.task if presence.in_new else None
    path = f"duties.{duty.number}"
    change = None
    if presence is Presence.MOVED_TO and a is not None:
        change = ctx.find(path, a.task, duty.task)
    elif presence in (Presence.NEW, Presence.OLD):
        change = ctx.find(path, old_task, new_task)
    number = Segment(duty.number, duty.number)
    head = Para(presence, (number, Segment(" ", " "), Segment(duty.task, duty.task, ctx.comment(change))), Style.CELL)
    results = tuple(Para(presence, (Segment(s, s),), Style.CELL) for s in sentences(duty.results))
    return (head,), results or (Para(presence),)


def _duty_rows(ctx: _Context) -> Iterator[Row]:
    old, new = ctx.pair.old.duties, ctx.pair.new.duties
    yield Row(
        Presence.BOTH,
        tuple((Para(Presence.BOTH, (Segment(t, t),), Style.CELL_LABEL),) for t in DUTY_HEADER),
        header=True,
    )
    steps = merge(align_duties(old, new), len(old), len(new), moves=ctx.options.moves)
    partner: dict[int, Duty] = {}  # move link → the old duty, for the moved-to row's change
    for step in steps:
        if step.presence is Presence.MOVED_FROM and step.link is not None and step.old is not None:
            partner[step.link] = old[step.old]
    for step in steps:
        a = old[step.old] if step.old is not None else None
        b = new[step.new] if step.new is not None else None
        if step.presence is Presence.MOVED_TO and step.link is not None:
            a = partner.get(step.link)
        move = f"{ctx.move_prefix}{step.link}" if step.link is not None else None
        yield Row(step.presence, _duty_cells(ctx, a, b, step.presence), move=move)


def language_text(code: str, level: str) -> str:
    """A language requirement as a sentence: 'Eesti keele oskus vähemalt tasemel C1'."""
    if code == "foreign":
        return f"Vähemalt ühe võõrkeele oskus vähemalt tasemel {level}"
    names = [_LANGUAGE_GENITIVE.get(c, c) for c in code.split("|")]
    return f"{' või '.join(names).capitalize()} keele oskus vähemalt tasemel {level}"


def _requirement_rows(ctx: _Context) -> Iterator[Row]:
    ro, rn = ctx.pair.old.requirements, ctx.pair.new.requirements

    def text_row(key: str, label: str, a: str | None, b: str | None) -> Row | None:
        presence = _presence(a, b)
        if presence is None:
            return None
        return _label_row(label, presence, [_scalar(ctx, a, b, Style.CELL, f"requirements.{key}")])  # type: ignore[list-item]

    rows: list[Row | None] = [
        text_row("education", REQUIREMENT_LABELS["education"], ro.education, rn.education),
        text_row("experience", REQUIREMENT_LABELS["experience"], ro.experience, rn.experience),
    ]
    lo, ln = ro.languages, rn.languages
    presence = _presence(lo, ln)
    if presence is not None:
        values = []
        for step in merge_keys([c for c, _ in lo], [c for c, _ in ln]):
            a = language_text(*lo[step.old]) if step.old is not None else None
            b = language_text(*ln[step.new]) if step.new is not None else None
            code = (lo[step.old] if step.old is not None else ln[step.new])[0]  # type: ignore[index]
            level_old = lo[step.old][1] if step.old is not None else None
            level_new = ln[step.new][1] if step.new is not None else None
            change = ctx.find(f"requirements.languages.{code}", level_old, level_new) if a != b else None
            values.append(Para(step.presence, (Segment(a, b, ctx.comment(change)),), Style.CELL))
        if lo and ln and all(v.presence is not Presence.BOTH for v in values):
            # Languages pair by code; with no code in common, pair by text so the cell stays exact.
            texts_old, texts_new = [language_text(*x) for x in lo], [language_text(*x) for x in ln]
            values = _items(ctx, texts_old, texts_new, Style.CELL, "requirements.languages", anchor=True)
        rows.append(_label_row(REQUIREMENT_LABELS["languages"], presence, values))
    rows.append(text_row("knowledge", REQUIREMENT_LABELS["knowledge"], ro.knowledge, rn.knowledge))
    rows.append(text_row("qualities", REQUIREMENT_LABELS["qualities"], ro.qualities, rn.qualities))
    for slug, a, b, _ in merge_mapping(ro.extra, rn.extra):
        rows.append(text_row(slug, slug_title(slug), a, b))
    yield from (r for r in rows if r is not None)


def slug_title(slug: str) -> str:
    """A heading from a slug: 'arvutikasutamise_oskus' → 'Arvutikasutamise oskus'."""
    return slug.replace("_", " ").capitalize()


def _rights_rows(ctx: _Context) -> Iterator[Row]:
    for key, label in (("rights", "Õigused"), ("responsibilities", "Vastutus")):
        a, b = getattr(ctx.pair.old, key), getattr(ctx.pair.new, key)
        presence = _presence(a, b)
        if presence is not None:
            yield _label_row(label, presence, _items(ctx, a, b, Style.CELL, key, anchor=True))


def _table(rows: Iterator[Row], widths: tuple[float, ...]) -> Table | None:
    rows_t = tuple(rows)
    return Table(rows_t, widths) if rows_t else None


def annex_blocks(
    pair: Comparison, options: LayoutOptions = LayoutOptions(), review: Review | None = None, move_prefix: str = "move"
) -> list[Block]:
    """The layout of one annex with every difference between the pair's two versions."""
    ctx = _Context(pair, options, review, move_prefix)
    old, new = pair.old, pair.new
    blocks: list[Block | None] = [*_title_block(ctx)]
    blocks.append(Para(Presence.BOTH, (Segment(HEADINGS[0], HEADINGS[0]),), Style.HEADING))
    blocks.append(_table(_general_rows(ctx), (5.0, 11.5)))
    blocks.append(Para(Presence.BOTH, (Segment(HEADINGS[1], HEADINGS[1]),), Style.HEADING))
    blocks.append(_table(_duty_rows(ctx), (8.5, 8.0)))
    blocks.append(Para(Presence.BOTH, (Segment(HEADINGS[2], HEADINGS[2]),), Style.HEADING))
    blocks.append(_table(_requirement_rows(ctx), (5.0, 11.5)))
    has_rights = _presence(old.rights or old.responsibilities, new.rights or new.responsibilities)
    blocks.append(_fixed(HEADINGS[3], has_rights, Style.HEADING))
    blocks.append(_table(_rights_rows(ctx), (5.0, 11.5)))
    blocks.append(_fixed("Kompetentsid", _presence(old.competencies, new.competencies), Style.HEADING))
    blocks += _items(ctx, old.competencies, new.competencies, Style.BULLET, "competencies", anchor=False)
    for slug, a, b, presence in merge_mapping(old.other, new.other):
        blocks.append(_fixed(slug_title(slug), presence, Style.HEADING))
        blocks.append(_scalar(ctx, a, b, Style.BODY, f"other.{slug}"))
    blocks.append(_scalar(ctx, old.review, new.review, Style.BODY, "review"))
    # A closing paragraph on both sides anchors the tracked paragraph marks before it.
    blocks.append(Para(Presence.BOTH))
    return [b for b in blocks if b is not None]


def document_blocks(doc: JobDescription) -> list[Block]:
    """The layout of one document with no changes: what Accept or Reject All must give."""
    return annex_blocks(Comparison(doc, doc, 1.0, ()))


def page_break() -> Para:
    """A paragraph that starts a new page."""
    return Para(Presence.BOTH, (), Style.PAGE_BREAK)


def walk_containers(blocks: Sequence[Block]) -> Iterator[list[Para]]:
    """Every paragraph container: body paragraphs between tables, and each table cell."""
    run: list[Para] = []
    for block in blocks:
        if isinstance(block, Para):
            run.append(block)
            continue
        if run:
            yield run
            run = []
        for row in block.rows:
            for cell in row.cells:
                yield list(cell)
    if run:
        yield run
