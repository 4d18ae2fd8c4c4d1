"""`ajdiff diff --format markdown`: a report to paste into an e-mail, a wiki or a ticket."""

from __future__ import annotations

import re

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, SpanOp
from ajdiff.model import JobDescription
from ajdiff.render.shared import side_line, sides
from ajdiff.words import change_title, counted, doc_label, kind_name, section_name, sentence, word

# The characters that mean something inline to Markdown (GitHub's tables too: '|'), '&' that starts an
# entity, '<' that starts HTML, and '#' (a heading's closing sequence: '## Post #' would lose its '#'): a
# backslash makes each one itself (CommonMark escapes any ASCII punctuation).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
# What starts a block at the start of a heading's or list item's text: '#', a list marker, '1.' or '1)'.
_BLOCK_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)]))")


def _escape(text: str | None) -> str:
    """A document's words as Markdown text: nothing in them becomes markup, a table cell stays one cell."""
    escaped = _INLINE.sub(r"\\\1", text or "")
    escaped = _BLOCK_START.sub(_unblock, escaped)
    return escaped.replace("\r", "").replace("\n", "<br>")


def _unblock(match: re.Match[str]) -> str:
    """'# x' → '\\# x', '- x' → '\\- x', '1. x' → '1\\. x': the text stays text, not a heading or a list."""
    space, mark = match.groups()
    return space + (mark + "\\" if mark[0].isdigit() else "\\" + mark)


def _label(doc: JobDescription, lang: str) -> str:
    return _escape(doc_label(doc, lang))


def _inline(change: Change) -> str:
    out = []
    for span in change.spans:
        text = _escape(span.text)
        if span.op is SpanOp.EQUAL:
            out.append(text)
        elif text.strip():
            out.append(f"~~{text.strip()}~~ " if span.op is SpanOp.DELETE else f"**{text.strip()}** ")
    return "".join(out).strip()


def _table_head(lang: str) -> str:
    return f"| | {word('md.change', lang)} | {word('md.old', lang)} → {word('md.new', lang)} |"


def _row(change: Change, lang: str) -> str:
    label = _escape(change_title(change, lang))
    if change.old_number and change.new_number and change.old_number != change.new_number:
        label += f" ({change.old_number} → {change.new_number})"
    what = kind_name(change.kind, lang)
    if change.spans and change.kind is ChangeKind.MODIFIED:
        return f"| {label} | {what} | {_inline(change)} |"
    old, new = _escape(change.old), _escape(change.new)
    body = f"~~{old}~~ → **{new}**" if old and new else (f"**{new}**" if new else f"~~{old}~~")
    return f"| {label} | {what} | {body} |"


def comparison_markdown(pair: Comparison, *, show_all: bool = False, lang: str = "et") -> str:
    """One pair as a Markdown section."""
    out = [
        f"## {_label(pair.old, lang)} → {_label(pair.new, lang)}",
        "",
        f"{word('diff.similarity', lang)} {pair.similarity:.0%} · "
        f"{counted(len(pair.substantive), 'substantive', lang)} · "
        f"{counted(len(pair.high_impact), 'high', lang)} · {counted(len(pair.editorial), 'editorial', lang)}",
        "",
    ]
    if pair.high_impact:
        out += (
            [f"### {word('diff.important', lang)}", ""]
            + [f"- {_escape(sentence(c, lang))}" for c in pair.high_impact]
            + [""]
        )
    shown = [c for c in pair.changes if show_all or not c.editorial]
    if not shown:
        return "\n".join([*out, word("diff.nothing", lang), ""])
    for section, changes in pair.walk(editorial=show_all):
        if changes:
            out += [f"### {section_name(section, lang)}", "", _table_head(lang), "|---|---|---|"]
            out += [_row(c, lang) for c in changes] + [""]
    return "\n".join(out)


def diff_markdown(result: ComparisonSet, *, show_all: bool = False, lang: str = "et") -> str:
    """The whole Markdown report."""
    old, new = sides(result)
    out = [f"# ajdiff: {_escape(old.name)} → {_escape(new.name)}", ""]
    facts = [(word("report.old", lang), side_line(old, lang)), (word("report.new", lang), side_line(new, lang))]
    out += [f"{name}: {_escape(what)}  " for name, what in facts if what] + [""] * any(w for _, w in facts)
    # The notes go to stderr, not into a report that is pasted elsewhere.
    shown = [c for c in result.order_changes if show_all or not c.editorial]
    if shown:
        head = [f"## {section_name('order', lang)}", "", _table_head(lang), "|---|---|---|"]
        out += head + [_row(c, lang) for c in shown] + [""]
    out += [comparison_markdown(p, show_all=show_all, lang=lang) for p in result.pairs]
    if result.unpaired_new:
        out += [f"## {word('md.created', lang)}", ""]
        out += [f"- {_label(d, lang)} ({_escape(d.source)})" for d in result.unpaired_new] + [""]
    if result.unpaired_old:
        out += [f"## {word('md.abolished', lang)}", ""]
        out += [f"- {_label(d, lang)} ({_escape(d.source)})" for d in result.unpaired_old] + [""]
    return "\n".join(out).rstrip() + "\n"
