"""`ajdiff diff --format markdown`: a report to paste into an e-mail, a wiki or a ticket."""

from __future__ import annotations

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, SpanOp
from ajdiff.words import change_title, counted, doc_label, kind_name, section_name, sentence, word


def _escape(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", "<br>")


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
    label = change_title(change, lang)
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
        f"## {doc_label(pair.old, lang)} → {doc_label(pair.new, lang)}",
        "",
        f"{word('diff.similarity', lang)} {pair.similarity:.0%} · "
        f"{counted(len(pair.substantive), 'substantive', lang)} · "
        f"{counted(len(pair.high_impact), 'high', lang)} · {counted(len(pair.editorial), 'editorial', lang)}",
        "",
    ]
    if pair.high_impact:
        out += [f"### {word('diff.important', lang)}", ""] + [f"- {sentence(c, lang)}" for c in pair.high_impact] + [""]
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
    out = ["# ajdiff", ""]  # the notes go to stderr, not into a report that is pasted elsewhere
    shown = [c for c in result.order_changes if show_all or not c.editorial]
    if shown:
        head = [f"## {section_name('order', lang)}", "", _table_head(lang), "|---|---|---|"]
        out += head + [_row(c, lang) for c in shown] + [""]
    out += [comparison_markdown(p, show_all=show_all, lang=lang) for p in result.pairs]
    if result.unpaired_new:
        out += [f"## {word('md.created', lang)}", ""]
        out += [f"- {doc_label(d, lang)} ({d.source})" for d in result.unpaired_new] + [""]
    if result.unpaired_old:
        out += [f"## {word('md.abolished', lang)}", ""]
        out += [f"- {doc_label(d, lang)} ({d.source})" for d in result.unpaired_old] + [""]
    return "\n".join(out).rstrip() + "\n"
