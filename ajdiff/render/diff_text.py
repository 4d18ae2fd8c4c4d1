"""`ajdiff diff` as a terminal report: a summary first, then the changes section by section."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, SpanOp
from ajdiff.labels import SECTION_ORDER, kind_name, path_label, section_name, sentence
from ajdiff.model import JobDescription
from ajdiff.render.counts import counted

_RESET, _BOLD, _DIM = "\x1b[0m", "\x1b[1m", "\x1b[2m"
_RED, _GREEN, _YELLOW, _CYAN = "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m"
_STRIKE, _UNDER = "\x1b[9m", "\x1b[4m"

_T = {
    "et": {
        "similarity": "Sarnasus",
        "high": "neist {}",
        "hidden": "peidetud, --all näitab",
        "nothing": "Sisulisi muudatusi ei ole.",
        "important": "Olulised muudatused",
        "created": "Uued ametikohad (ainult uues)",
        "abolished": "Kaotatud ametikohad (ainult vanas)",
        "pairs": "Võrreldud paare",
        "editorial_tag": "toimetuslik",
    },
    "en": {
        "similarity": "Similarity",
        "high": "{}",
        "hidden": "hidden, --all shows them",
        "nothing": "No substantive changes.",
        "important": "High-impact changes",
        "created": "Posts created (new only)",
        "abolished": "Posts abolished (old only)",
        "pairs": "Pairs compared",
        "editorial_tag": "editorial",
    },
}
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


def _wrap(text: str, indent: str, width: int) -> str:
    if "\x1b" in text or "\n" in text:  # don't count escape codes as width; keep line breaks
        return "\n".join(indent + line for line in text.splitlines())
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False)


def change_lines(
    change: Change, style: _Style, lang: str, width: int, *, same_unit: bool = False, group: bool = False
) -> list[str]:
    """One change as a few indented lines; same_unit leaves out the heading already printed, group
    heads several item changes of one list."""
    mark = "~" if group else _MARK.get(change.kind, "~")
    color = {"+": _GREEN, "-": _RED}.get(mark, _YELLOW)
    tag = f" ({_T[lang]['editorial_tag']})" if change.editorial else ""
    head = f"  {style(mark, color, _BOLD)} {style(path_label(change.path, lang), _BOLD)}{tag}"
    if change.section == "duties" and not change.path.endswith(".results"):
        head += f" — {kind_name(change.kind, lang)}"
        if change.old_number and change.new_number and change.old_number != change.new_number:
            head += f" ({change.old_number} → {change.new_number})"
    elif change.kind in (ChangeKind.RAISED, ChangeKind.LOWERED) or change.path.startswith("requirements.languages"):
        return [f"{head}: {sentence(change, lang)}"]
    lines = [] if same_unit else [head]
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


def _title(doc: JobDescription) -> str:
    where = f" ({doc.source})" if doc.source else ""
    return f"{doc.label}{where}"


def comparison_text(pair: Comparison, *, show_all: bool, color: bool, lang: str = "et", width: int = 100) -> str:
    """The report for one compared pair."""
    t = _T[lang]
    style = _Style(color)
    shown = [c for c in pair.changes if show_all or not c.editorial]
    out = [
        style(f"{_title(pair.old)}  →  {_title(pair.new)}", _BOLD),
        f"{t['similarity']} {pair.similarity:.0%} · {counted(len(pair.substantive), 'substantive_change', lang)} "
        f"({t['high'].format(counted(len(pair.high_impact), 'high', lang))}) · "
        f"{counted(len(pair.editorial), 'editorial', lang)}"
        + ("" if show_all or not pair.editorial else f" ({t['hidden']})"),
    ]
    if not pair.substantive and not show_all:
        out.append(t["nothing"])
        return "\n".join(out) + "\n"
    if pair.high_impact:
        out += ["", style(t["important"] + ":", _BOLD)]
        out += [_wrap("• " + sentence(c, lang), "  ", width) for c in pair.high_impact]
    for section in SECTION_ORDER:
        changes = [c for c in shown if c.section == section]
        if changes:
            out += ["", style(section_name(section, lang), _CYAN, _BOLD)]
            for k, c in enumerate(changes):
                # List items (substitutes, rights …) share one heading.
                same = k > 0 and changes[k - 1].path == c.path and c.kind in _ITEM_KINDS
                group = not same and k + 1 < len(changes) and changes[k + 1].path == c.path
                out += change_lines(c, style, lang, width, same_unit=same, group=group)
    return "\n".join(out) + "\n"


def diff_text(result: ComparisonSet, *, show_all: bool = False, color: bool = False, lang: str = "et") -> str:
    """The whole report: every pair, then posts created and abolished."""
    t = _T[lang]
    style = _Style(color)
    blocks = [style(f"ajdiff: {note}", _DIM) for note in result.notes]
    if len(result.pairs) > 1 or result.unpaired_old or result.unpaired_new:
        blocks.append(f"{t['pairs']}: {len(result.pairs)}")
    blocks += [comparison_text(p, show_all=show_all, color=color, lang=lang) for p in result.pairs]
    if result.unpaired_new:
        blocks.append(style(t["created"] + ":", _BOLD) + "".join(f"\n  + {_title(d)}" for d in result.unpaired_new))
    if result.unpaired_old:
        blocks.append(style(t["abolished"] + ":", _BOLD) + "".join(f"\n  - {_title(d)}" for d in result.unpaired_old))
    return "\n".join(b.rstrip("\n") + "\n" for b in blocks)
