"""A change as Textual `Content`: word highlights, sentence-aligned old | new rows, folded unchanged text.

Styled with the theme's variables only (see theme.py), so the same lines read in dark, light, 16 colours
and NO_COLOR: deletions are also struck through, insertions underlined, the current change has a ▶.
"""

from __future__ import annotations

import re

from textual.content import Content

from ajdiff.changes import Change, ChangeKind, Span, SpanOp
from ajdiff.model import JobDescription
from ajdiff.records import dataclass
from ajdiff.review import Mark, ReviewEntry
from ajdiff.words import annex_name, change_title, counted, field_name, kind_name, section_name, word

DELETED = "$text-error strike"
INSERTED = "$text-success underline"
MUTED = "$text-muted"
CURRENT_GLYPH = "▶ "
"""Marks the current change where colour cannot (monochrome terminals, NO_COLOR)."""
FOLD_MIN = 2
"""A run of unchanged sentences is folded when it has at least this many (or one long one)."""
FOLD_LONG = 160

# A sentence ends at . ; : ! ? followed by space, or at a line break: the unit old and new are aligned by.
_BREAK = re.compile(r"(?<=[.;:!?])[ \t]+(?=\S)|\n")


@dataclass(frozen=True)
class Segment:
    """One sentence (or line) of a change's word diff: the unit the two sides are aligned and folded by."""

    spans: tuple[Span, ...]

    @property
    def changed(self) -> bool:
        """True when the sentence has a deleted or inserted word."""
        return any(s.op is not SpanOp.EQUAL for s in self.spans)


def segments(spans: tuple[Span, ...]) -> list[Segment]:
    """The spans cut at sentence ends and line breaks of the unchanged text."""
    out: list[list[Span]] = [[]]
    for s in spans:
        if s.op is not SpanOp.EQUAL:
            out[-1].append(s)
            continue
        start = 0
        for m in _BREAK.finditer(s.text):
            out[-1].append(Span(SpanOp.EQUAL, s.text[start : m.start()]))
            out.append([])
            start = m.end()
        out[-1].append(Span(SpanOp.EQUAL, s.text[start:]))
    return [Segment(tuple(x for x in seg if x.text)) for seg in out if any(x.text.strip() for x in seg)]


def _side_of(spans: tuple[Span, ...], keep: SpanOp, drop: SpanOp, style: str) -> Content:
    return Content.assemble(*((s.text, style if s.op is keep else "") for s in spans if s.op is not drop)).rstrip()


def _inline_of(spans: tuple[Span, ...]) -> Content:
    parts: list[str | tuple[str, str]] = []
    previous = None
    for s in spans:
        # "[-kriisitoe-]{+Sotsiaal+}" would read as one word: keep a space between a deleted word and an
        # inserted one; a punctuation mark replaced stays stuck to its word ("a[-,-]{+;+} b").
        if previous is SpanOp.DELETE and s.op is SpanOp.INSERT and parts:
            last = parts[-1][0] if isinstance(parts[-1], tuple) else parts[-1]
            wordy = any(c.isalnum() for c in last) and any(c.isalnum() for c in s.text)
            if wordy and not (last[-1:].isspace() or s.text[:1].isspace()):
                parts.append(" ")
        parts.append((s.text, DELETED if s.op is SpanOp.DELETE else INSERTED if s.op is SpanOp.INSERT else ""))
        previous = s.op
    return Content.assemble(*parts).rstrip()


Block = tuple[Content, Content] | Content
"""A row group of a card: (old, new) sides of one sentence, or one line across (inline, fold marker)."""


def _folded(segs: list[Segment], expanded: bool) -> list[Segment | int]:
    """The segments to show, a run of unchanged ones far from any change replaced by its length."""
    if expanded or len(segs) <= FOLD_MIN:
        return list(segs)
    near = [any(s.changed for s in segs[max(0, i - 1) : i + 2]) for i in range(len(segs))]
    out: list[Segment | int] = []
    i = 0
    while i < len(segs):
        if near[i]:
            out.append(segs[i])
            i += 1
            continue
        j = i
        while j < len(segs) and not near[j]:
            j += 1
        run = segs[i:j]
        if len(run) >= FOLD_MIN or sum(len(x.text) for s in run for x in s.spans) >= FOLD_LONG:
            out.append(len(run))
        else:
            out += run
        i = j
    return out


def is_foldable(change: Change) -> bool:
    """True when the card hides unchanged sentences unless expanded (`z`)."""
    return bool(change.spans) and any(isinstance(x, int) for x in _folded(segments(change.spans), False))


def fold_marker(count: int, lang: str) -> Content:
    """'⋯ 5 muutmata lauset · z näitab'."""
    return Content.styled(f"⋯ {counted(count, 'unchanged_sentence', lang)} · {word('ui.fold_hint', lang)}", MUTED)


def _numbered(text_: str, numbers: str | None, style: str) -> Content:
    """A merged or split duty's parts, one a line, each with its own number ('3.9 …', '3.10 …')."""
    parts = text_.split("\n")
    nums = [n.strip() for n in (numbers or "").split(",")]
    if len(nums) != len(parts):
        return Content.styled(text_, style)
    return Content("\n").join(Content.assemble((f"{n} ", "bold"), (p, style)) for n, p in zip(nums, parts))


def blocks(change: Change, side_by_side: bool, lang: str, expanded: bool) -> list[Block]:
    """The body of a change as row groups: sides aligned sentence by sentence, unchanged runs folded."""
    if change.kind in (ChangeKind.MERGED, ChangeKind.SPLIT) and change.old and change.new:
        old = _numbered(change.old, change.old_number, DELETED)
        new = _numbered(change.new, change.new_number, INSERTED)
        return [(old, new)] if side_by_side else [old, Content.assemble(("→ ", MUTED), new)]
    if not change.spans:
        if side_by_side:
            return [(old_side(change), new_side(change))]
        return [inline(change)]
    out: list[Block] = []
    for item in _folded(segments(change.spans), expanded):
        if isinstance(item, int):
            out.append(fold_marker(item, lang))
        elif side_by_side:
            out.append(
                (
                    _side_of(item.spans, SpanOp.DELETE, SpanOp.INSERT, DELETED),
                    _side_of(item.spans, SpanOp.INSERT, SpanOp.DELETE, INSERTED),
                )
            )
        else:
            out.append(_inline_of(item.spans))
    return out


def _side(change: Change, text_: str | None, keep: SpanOp, drop: SpanOp, style: str) -> Content:
    """One side of a change: the words only it has styled, the words of the other side left out."""
    if change.spans:
        return _side_of(change.spans, keep, drop, style)
    if text_ is None:
        return Content.styled("—", MUTED)
    return Content.styled(text_, style if change.new != change.old else "")


def old_side(change: Change) -> Content:
    """The old text, its deleted words struck through in red."""
    return _side(change, change.old, SpanOp.DELETE, SpanOp.INSERT, DELETED)


def new_side(change: Change) -> Content:
    """The new text, its inserted words underlined in green."""
    return _side(change, change.new, SpanOp.INSERT, SpanOp.DELETE, INSERTED)


def inline(change: Change) -> Content:
    """Old and new in one text: deletions struck through, insertions underlined."""
    if change.spans:
        return _inline_of(change.spans)
    if change.old is None:
        return Content.assemble(("+ ", "bold $text-success"), (change.new or "", INSERTED))
    if change.new is None:
        return Content.assemble(("- ", "bold $text-error"), (change.old, DELETED))
    return Content.assemble((change.old, DELETED), " → ", (change.new, INSERTED))


def mark_badge(entry: ReviewEntry | None, lang: str) -> Content:
    """'✓ kinnitatud' or '? küsimus', or nothing."""
    if entry and entry.mark is Mark.APPROVED:
        return Content.styled(f"✓ {word('ui.approved', lang)}", "bold $text-success")
    if entry and entry.mark is Mark.QUESTIONED:
        return Content.styled(f"? {word('ui.questioned', lang)}", "bold $text-warning")
    return Content("")


def heading(change: Change, entry: ReviewEntry | None, lang: str, current: bool = False) -> Content:
    """The card's title line: ▶ when current, what unit, what kind, editorial or high impact, and the mark."""
    glyph = (CURRENT_GLYPH, "bold $text-accent") if current else "  "
    if change.path == "post":
        what = word("ui.created_post" if change.kind is ChangeKind.ADDED else "ui.abolished_post", lang)
        style = "bold $text-success" if change.kind is ChangeKind.ADDED else "bold $text-error"
        parts: list[str | tuple[str, str] | Content] = [glyph, (what, style), "  ", (change.heading, "bold")]
    else:
        parts = [glyph, (change_title(change, lang), "bold"), "  ", (kind_name(change.kind, lang), "italic")]
        if change.old_number and change.new_number and change.old_number != change.new_number:
            parts.append(f" ({change.old_number} → {change.new_number})")
    if change.editorial:
        parts += ["  ", (f"[{word('ui.editorial_tag', lang)}]", MUTED)]
    elif change.impact.value == "high":
        parts += ["  ", (f"[{word('ui.high_tag', lang)}]", "bold $text-error")]
    badge = mark_badge(entry, lang)
    if badge.plain:
        parts += ["  ", badge]
    return Content.assemble(*parts)


def comment_lines(entry: ReviewEntry | None, lang: str) -> Content:
    """The reviewer's comment (all its lines), or nothing."""
    if not entry or not entry.comment:
        return Content("")
    return Content.assemble((f"{word('ui.comment_label', lang)}: ", "bold $text-accent"), entry.comment)


def post_lines(doc: JobDescription, lang: str) -> list[Content]:
    """The full text of a created or abolished post, section by section, as the reviewer reads it."""
    out: list[Content] = [
        Content.styled(doc.source + (f" · {annex_name(doc.annex, lang)}" if doc.annex else ""), MUTED)
    ]

    def field(path: str, value: object) -> None:
        if value in (None, "", ()):
            return
        shown = "; ".join(value) if isinstance(value, tuple) else str(value)
        out.append(Content.assemble((f"{field_name(path, doc.own_label(path), lang)}: ", "bold"), shown))

    def title(section: str) -> None:
        out.append(Content(""))
        out.append(Content.styled(section_name(section, lang), "bold $text-accent"))

    g = doc.general
    title("general")
    for key in ("position", "unit", "supervisor", "subordinates", "substitutes_for", "substituted_by", "goal"):
        field(f"general.{key}", getattr(g, key))
    field("general.group", g.group)
    field("general.special_conditions", g.special_conditions)
    if doc.duties:
        title("duties")
        for duty in doc.duties:
            out.append(Content.assemble((f"{duty.number} ", "bold"), duty.task))
            out += [Content.assemble(("    → ", MUTED), r) for r in duty.results]
    r = doc.requirements
    title("requirements")
    for key in ("education", "experience", "knowledge", "qualities"):
        field(f"requirements.{key}", getattr(r, key))
    for code, level in r.languages:
        field(f"requirements.languages.{code}", level)
    for slug, value in r.extra:
        field(f"requirements.{slug}", value)
    for section in ("rights", "responsibilities", "competencies"):
        items = getattr(doc, section)
        if items:
            title(section)
            out += [Content(f"• {item}") for item in items]
    if doc.review:
        title("review")
        out.append(Content(doc.review))
    for slug, value in doc.other:
        out.append(Content(""))
        field(f"other.{slug}", value)
    return out
