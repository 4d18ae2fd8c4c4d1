"""`ajdiff diff --format markdown`: a report to paste into an e-mail, a wiki or a ticket."""

from __future__ import annotations

import re

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, Span, SpanOp
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


def _punct(char: str) -> bool:
    """True for what CommonMark counts as punctuation around a delimiter run (a backslash escape included)."""
    return bool(char) and not char.isalnum() and not char.isspace()


def _flanks(before: str, core: str, after: str) -> bool:
    """Whether '**core**' (or '~~core~~') between those characters opens and closes, by CommonMark's rules: a
    mark that starts or ends with a punctuation mark stuck to a word ('Kõrgharidus**, eelistatud**') does not."""
    opens = not _punct(core[0]) or not before or before.isspace() or _punct(before)
    closes = not _punct(core[-1]) or not after or after.isspace() or _punct(after)
    return opens and closes


def _wordy(text: str) -> bool:
    """True when a text has a letter or a digit: a word, not a lone punctuation mark."""
    return any(c.isalnum() for c in text)


def _apart(spans: tuple[Span, ...], k: int) -> bool:
    """True when span k is an inserted word right after a deleted word with nothing between: a space goes
    between them. A punctuation mark replaced by another stays stuck to its word ('a~~,~~**;** b')."""
    if not 0 < k < len(spans) or spans[k].op is not SpanOp.INSERT or spans[k - 1].op is not SpanOp.DELETE:
        return False
    a, b = spans[k - 1].text, spans[k].text
    return not (a[-1:].isspace() or b[:1].isspace()) and _wordy(a) and _wordy(b)


def _inline(change: Change) -> str:
    """The word diff: deleted words struck, inserted ones bold, the spaces around them where the text has them."""
    texts = [_escape(s.text) for s in change.spans]
    out: list[str] = []
    for k, (span, text) in enumerate(zip(change.spans, texts)):
        core = text.strip()
        if span.op is SpanOp.EQUAL or not core:
            out.append(text)
            continue
        start = text.index(core)
        lead, trail = text[:start], text[start + len(core) :]
        previous = "".join(out)[-1:]
        if _apart(change.spans, k) and not lead:
            lead = " "  # a struck word and its replacement stand apart: '~~2~~ **3**', not '~~2~~**3**'
        before = (lead or previous)[-1:]
        after = trail[:1] or (" " if _apart(change.spans, k + 1) else texts[k + 1][:1] if k + 1 < len(texts) else "")
        if _flanks(before, core, after):
            mark = f"~~{core}~~" if span.op is SpanOp.DELETE else f"**{core}**"
        else:  # where '~~' or '**' would stay literal, the HTML they stand for marks it
            tag = "s" if span.op is SpanOp.DELETE else "strong"
            mark = f"<{tag}>{core}</{tag}>"
        out.append(lead + mark + trail)
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
