"""`ajdiff diff` as a terminal report: a summary first, then the changes section by section."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import PurePath

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, SpanOp
from ajdiff.model import JobDescription
from ajdiff.render.shared import bar_counts, doubt_line
from ajdiff.words import (
    annex_name,
    change_title,
    counted,
    doc_label,
    kind_name,
    section_name,
    sentence,
    word,
)

_RESET, _BOLD = "\x1b[0m", "\x1b[1m"
_RED, _GREEN, _YELLOW, _CYAN = "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m"
_STRIKE, _UNDER = "\x1b[9m", "\x1b[4m"

_MARK = {
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "-",
    ChangeKind.RAISED: "↑",
    ChangeKind.LOWERED: "↓",
    ChangeKind.MOVED: "↕",
    ChangeKind.RENUMBERED: "#",
    ChangeKind.MERGED: "⊃",
    ChangeKind.SPLIT: "⊂",
}


_ITEM_KINDS = frozenset({ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.MODIFIED})


class _Style:
    """ANSI styling that turns itself off for plain output."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *codes: str) -> str:
        return f"{''.join(codes)}{text}{_RESET}" if self.color and text else text

    def deleted(self, text: str) -> str:
        return _outside_space(text, lambda t: self(t, _RED, _STRIKE) if self.color else f"[-{t}-]")

    def inserted(self, text: str) -> str:
        return _outside_space(text, lambda t: self(t, _GREEN, _UNDER) if self.color else f"{{+{t}+}}")


def _outside_space(text: str, mark: Callable[[str], str]) -> str:
    """Mark a span but keep its surrounding spaces unmarked: 'a [-b-] c', not 'a [-b -]c'."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core)
    return text[:start] + mark(core) + text[start + len(core) :]


def _inline(change: Change, style: _Style) -> str:
    out = []
    for span in change.spans:
        if span.op is SpanOp.EQUAL:
            out.append(span.text)
        elif span.op is SpanOp.DELETE:
            out.append(style.deleted(span.text))
        else:
            out.append(style.inserted(span.text))
    return "".join(out)


_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
# 'Lisa 2 · ' / 'Annex 2 · ' before a post's name, in either language of the catalogue.
_ANNEX_LABEL = re.compile(
    rf"\b({'|'.join(re.escape(annex_name('', lang).strip()) for lang in ('et', 'en'))}) (\S+) · (?=\S)"
)
_KEEP = "\x00"  # a space the wrapper must not break at, put back after wrapping


def _wrap(text: str, indent: str, width: int) -> str:
    """Fill `text` to `width` columns; a coloured text is wrapped exactly as its plain form (escape codes take
    no column), and 'Lisa 2 ·' stays with the name it labels."""
    if "\n" in text:  # keep line breaks: each line wrapped, its colours carried on to the next
        rows, active = [], ""
        for line in text.splitlines():
            rows.append(_wrap(active + line if active else line, indent, width))
            active = _after(active, line)
        return "\n".join(rows)
    glued = _ANNEX_LABEL.sub(lambda m: m.group().replace(" ", _KEEP), text)
    plain = _ESCAPE.sub("", glued)
    lines = textwrap.wrap(plain, width, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False)
    filled = "\n".join(lines) if "\x1b" not in glued else _recolour(glued, lines, indent)
    return filled.replace(_KEEP, " ")


def _recolour(text: str, lines: list[str], indent: str) -> str:
    """The wrapped plain `lines` with the escape codes of `text` put back on their characters; each line
    closes its colours and the next opens them again, so no colour runs into an indent or a pager's line."""
    pieces = re.split(f"({_ESCAPE.pattern})", text)
    chars: list[tuple[str, str]] = []  # (escape codes before the character, the character)
    pending = ""
    for piece in pieces:
        if _ESCAPE.fullmatch(piece):
            pending += piece
            continue
        for ch in piece:
            chars.append((pending, ch))
            pending = ""
    out, active, i = [], "", 0
    for n, line in enumerate(lines):
        lead = indent if n == 0 else indent + "  "
        row = [lead, active]
        for ch in line[len(lead) :]:
            while i < len(chars) and chars[i][1] != ch and chars[i][1].isspace():  # whitespace the wrapper dropped
                active = _after(active, chars[i][0])
                i += 1
            codes = chars[i][0] if i < len(chars) else ""
            active = _after(active, codes)
            row.append(codes + ch)
            i += 1
        out.append("".join(row) + (_RESET if active else ""))
    return "\n".join(out)


def _after(active: str, codes: str) -> str:
    """The colour in force after `codes`: a reset clears it, anything else adds to it."""
    for code in _ESCAPE.findall(codes):
        active = "" if code == _RESET else active + code
    return active


def change_lines(
    change: Change, style: _Style, lang: str, width: int, *, same_unit: bool = False, group: bool = False
) -> list[str]:
    """One change as a few indented lines; same_unit leaves out the heading already printed, group
    heads several item changes of one list."""
    mark = "~" if group else _MARK.get(change.kind, "~")
    color = {"+": _GREEN, "-": _RED}.get(mark, _YELLOW)
    tag = f" ({word('diff.editorial_tag', lang)})" if change.editorial else ""
    head = f"  {style(mark, color, _BOLD)} {style(change_title(change, lang), _BOLD)}{tag}"
    if change.section == "duties" and not change.path.endswith(".results"):
        head += f" — {kind_name(change.kind, lang)}"
        if change.old_number and change.new_number and change.old_number != change.new_number:
            head += f" ({change.old_number} → {change.new_number})"
    elif change.path.startswith("requirements.languages."):
        # The sentence names the language: the head says only the field ('Keeleoskus: Inglise keele nõue …').
        title = word("field.requirements.languages", lang)
        return [_wrap(f"{style(mark, color, _BOLD)} {style(title, _BOLD)}{tag}: {sentence(change, lang)}", "  ", width)]
    elif change.kind in (ChangeKind.RAISED, ChangeKind.LOWERED):
        return [_wrap(f"{head[2:]}: {sentence(change, lang)}", "  ", width)]
    lines = [] if same_unit else [_wrap(head[2:], "  ", width)]
    if change.kind is ChangeKind.ADDED:
        lines.append(_wrap(style("+ " + (change.new or ""), _GREEN), "    ", width))
    elif change.kind is ChangeKind.REMOVED:
        lines.append(_wrap(style("- " + (change.old or ""), _RED), "    ", width))
    elif change.spans and change.kind in (ChangeKind.MODIFIED, ChangeKind.MOVED, ChangeKind.RENUMBERED):
        if any(s.op is not SpanOp.EQUAL for s in change.spans):
            lines.append(_wrap("~ " + _inline(change, style), "    ", width))
    else:
        if change.old:
            lines.append(_wrap(style(change.old, _RED), "    - ", width))
        if change.new:
            lines.append(_wrap(style(change.new, _GREEN), "    + ", width))
    return lines


def _title(doc: JobDescription, lang: str) -> str:
    where = f" ({doc.source})" if doc.source else ""
    return f"{doc_label(doc, lang)}{where}"


def comparison_text(pair: Comparison, *, show_all: bool, color: bool, lang: str = "et", width: int = 100) -> str:
    """The report for one compared pair."""
    style = _Style(color)
    summary = (
        f"{word('diff.similarity', lang)} {pair.similarity:.0%} · "
        f"{counted(len(pair.substantive), 'substantive_change', lang)} "
        f"({word('diff.of_them', lang, counted(len(pair.high_impact), 'high', lang))}) · "
        f"{counted(len(pair.editorial), 'editorial', lang)}"
        + ("" if show_all or not pair.editorial else f" ({word('diff.hidden', lang)})")
    )
    out = [
        _wrap(style(f"{_title(pair.old, lang)}  →  {_title(pair.new, lang)}", _BOLD), "", width),
        _wrap(summary, "", width),
    ]
    line = doubt_line(pair, lang)
    if line is not None:  # the reviewer must not take this for two versions of one post unasked
        doubt = _wrap(f"? {word('diff.uncertain', lang)}: {line}", "", width)
        out.append(style(doubt, _YELLOW, _BOLD))
    if not pair.substantive and not show_all:
        out.append(word("diff.nothing", lang))
        return "\n".join(out) + "\n"
    if pair.high_impact:
        out += ["", style(word("diff.important", lang) + ":", _BOLD)]
        out += [_wrap("• " + sentence(c, lang), "  ", width) for c in pair.high_impact]
    for section, changes in pair.walk(editorial=show_all):
        if changes:
            out += ["", style(section_name(section, lang), _CYAN, _BOLD)]
            for k, c in enumerate(changes):
                # List items (substitutes, rights …) share one heading.
                same = k > 0 and changes[k - 1].path == c.path and c.kind in _ITEM_KINDS
                group = not same and k + 1 < len(changes) and changes[k + 1].path == c.path
                out += change_lines(c, style, lang, width, same_unit=same, group=group)
    return "\n".join(out) + "\n"


def diff_text(
    result: ComparisonSet, *, show_all: bool = False, color: bool = False, lang: str = "et", width: int = 100
) -> str:
    """The whole report: every pair, then posts created and abolished.

    The result's notes are not part of it: the command line says them on stderr.
    """
    style = _Style(color)
    blocks = []
    if len(result.pairs) > 1 or result.unpaired_old or result.unpaired_new:
        doubtful = len(result.uncertain)
        blocks.append(
            f"{word('diff.pairs', lang)}: {len(result.pairs)}"
            + (f" ({word('diff.uncertain_count', lang)} {doubtful})" if doubtful else "")
        )
    shown = [c for c in result.order_changes if show_all or not c.editorial]
    if shown:
        order_lines = [style(section_name("order", lang), _BOLD)]
        for k, c in enumerate(shown):
            # The approved annexes are one list under one heading, as a pair's list items are.
            same = k > 0 and shown[k - 1].path == c.path and c.kind in _ITEM_KINDS
            group = not same and k + 1 < len(shown) and shown[k + 1].path == c.path
            order_lines += change_lines(c, style, lang, width, same_unit=same, group=group)
        blocks.append("\n".join(order_lines))
    blocks += [comparison_text(p, show_all=show_all, color=color, lang=lang, width=width) for p in result.pairs]
    if result.unpaired_new:
        blocks.append(
            style(word("diff.created", lang) + ":", _BOLD)
            + "".join("\n" + _wrap(f"+ {_title(d, lang)}", "  ", width) for d in result.unpaired_new)
        )
    if result.unpaired_old:
        blocks.append(
            style(word("diff.abolished", lang) + ":", _BOLD)
            + "".join("\n" + _wrap(f"- {_title(d, lang)}", "  ", width) for d in result.unpaired_old)
        )
    return "\n".join(b.rstrip("\n") + "\n" for b in blocks)


def _stat_old(pair: Comparison, lang: str) -> str:
    """The old side of a --stat line: just 'Lisa K' when the post keeps its name, as git names a file once."""
    old, new = pair.old, pair.new
    if old.annex and old.general.position and old.general.position == new.general.position:
        return annex_name(old.annex, lang)
    return doc_label(old, lang)


def _stat_name(pair: Comparison, lang: str, files: bool) -> str:
    """A --stat line's pair; with `files` (folders: annex numbers repeat from file to file) each side's file too."""
    if not files:
        return f"{_stat_old(pair, lang)} → {doc_label(pair.new, lang)}"
    old_file, new_file = (PurePath(d.source or "?").name for d in (pair.old, pair.new))
    old = f"{old_file}: {_stat_old(pair, lang)}"
    new = doc_label(pair.new, lang) if old_file == new_file else f"{new_file}: {doc_label(pair.new, lang)}"
    return f"{old} → {new}"


def diff_stat(result: ComparisonSet, *, lang: str = "et", width: int = 100, color: bool = False) -> str:
    """One line per pair with a substantive change, like `git diff --stat`: the pair, its count, a bar; then the total.

    The bar has one '+' per addition, '-' per removal and '~' per other substantive change, scaled to the width
    (green, red and yellow with `color`, as git colours it). Pairs with nothing substantive are counted in the
    total but get no line, as git lists no unchanged file.
    """
    style = _Style(color)
    changed = [p for p in result.pairs if p.substantive]
    files = len({d.source for p in result.pairs for d in (p.old, p.new)}) > 2  # a folder: name the files
    names = [_stat_name(p, lang, files) for p in changed]
    counts = [len(p.substantive) for p in changed]
    digits = len(str(max(counts, default=0)))
    bar_room = 10 if width >= 40 else 5  # the least room a bar keeps; names get the rest
    name_width = min(max((len(n) for n in names), default=0), max(10, width - digits - 5 - bar_room))
    bar_room = max(bar_room, width - name_width - digits - 5)
    scale = min(1.0, bar_room / max(max(counts, default=0), 1))
    lines = []
    for name, pair, count in zip(names, changed, counts):
        if len(name) > name_width:
            name = name[: name_width - 1] + "…"
        added, removed, other = bar_counts(pair)
        bar = (
            style("+" * round(added * scale), _GREEN)
            + style("-" * round(removed * scale), _RED)
            + style("~" * round(other * scale), _YELLOW)
        )
        lines.append(f" {name:<{name_width}} | {count:>{digits}} {bar}".rstrip())
    counts = [len(p.substantive) for p in result.pairs]
    high = sum(len(p.high_impact) for p in result.pairs)
    editorial = sum(len(p.editorial) for p in result.pairs)
    summary = (
        f" {counted(len(result.pairs), 'pair', lang)}, {sum(counts)} {word('stat.substantive', lang)}"
        f" ({word('stat.high', lang)} {high}), {editorial} {word('stat.editorial', lang)}"
    )
    if result.unpaired_new:
        summary += f", {len(result.unpaired_new)} {word('stat.created', lang)}"
    if result.unpaired_old:
        summary += f", {len(result.unpaired_old)} {word('stat.abolished', lang)}"
    return "\n".join([*lines, summary]) + "\n"
