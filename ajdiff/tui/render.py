"""Word-level highlights of one change as Textual `Content`, styled with theme variables (dark and light)."""

from __future__ import annotations

from textual.content import Content

from ajdiff.changes import Change, ChangeKind, SpanOp
from ajdiff.labels import kind_name, path_label
from ajdiff.review import Mark, ReviewEntry
from ajdiff.tui.texts import text

DELETED = "$text-error strike"
INSERTED = "$text-success underline"
IMPACT_STYLE = {"high": "bold $text-error", "normal": "bold $text-warning", "editorial": "$text-muted", "none": "dim"}


def _side(change: Change, text: str | None, keep: SpanOp, drop: SpanOp, style: str) -> Content:
    """One side of a change: the words only it has styled, the words of the other side left out."""
    if change.spans:
        return Content.assemble(*((s.text, style if s.op is keep else "") for s in change.spans if s.op is not drop))
    if text is None:
        return Content.styled("—", "$text-muted")
    return Content.styled(text, style if change.new != change.old else "")


def old_side(change: Change) -> Content:
    """The old text, its deleted words struck through in red."""
    return _side(change, change.old, SpanOp.DELETE, SpanOp.INSERT, DELETED)


def new_side(change: Change) -> Content:
    """The new text, its inserted words underlined in green."""
    return _side(change, change.new, SpanOp.INSERT, SpanOp.DELETE, INSERTED)


def inline(change: Change) -> Content:
    """Old and new in one text: deletions struck through, insertions underlined."""
    if change.spans:
        parts: list[str | tuple[str, str]] = []
        previous = None
        for s in change.spans:
            # "[-kriisitoe-]{+Sotsiaal+}" would read as one word: keep a space between a deletion and an insertion.
            if (
                previous is SpanOp.DELETE
                and s.op is SpanOp.INSERT
                and not (parts[-1][0][-1:].isspace() or s.text[:1].isspace())
            ):
                parts.append(" ")
            parts.append((s.text, DELETED if s.op is SpanOp.DELETE else INSERTED if s.op is SpanOp.INSERT else ""))
            previous = s.op
        return Content.assemble(*parts)
    if change.old is None:
        return Content.assemble(("+ ", "bold $text-success"), (change.new or "", INSERTED))
    if change.new is None:
        return Content.assemble(("- ", "bold $text-error"), (change.old, DELETED))
    return Content.assemble((change.old, DELETED), " → ", (change.new, INSERTED))


def heading(change: Change, entry: ReviewEntry | None, lang: str) -> Content:
    """The card's title line: what unit, what kind, editorial or high impact, and the reviewer's mark."""
    title = path_label(change.path, lang)
    parts: list[str | tuple[str, str] | Content] = [(title, "bold"), "  ", (kind_name(change.kind, lang), "italic")]
    if change.old_number and change.new_number and change.old_number != change.new_number:
        parts.append(f" ({change.old_number} → {change.new_number})")
    if change.editorial:
        parts += ["  ", (f"[{text('editorial_tag', lang)}]", "$text-muted")]
    elif change.impact.value == "high":
        parts += ["  ", (f"[{text('high_tag', lang)}]", "bold $text-error")]
    if entry and entry.mark is Mark.APPROVED:
        parts += ["  ", (f"✓ {text('approved', lang)}", "bold $text-success")]
    elif entry and entry.mark is Mark.QUESTIONED:
        parts += ["  ", (f"? {text('questioned', lang)}", "bold $text-warning")]
    return Content.assemble(*parts)


def comment_line(entry: ReviewEntry | None, lang: str) -> Content:
    """The reviewer's comment, or nothing."""
    if not entry or not entry.comment:
        return Content("")
    return Content.assemble((f"{text('comment_label', lang)}: ", "bold $text-accent"), entry.comment)


def is_item(change: Change) -> bool:
    """True for a one-sided change (added or removed), shown in one column only."""
    return change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED) or change.old is None or change.new is None
