"""`ajdiff diff --format markdown`: a report to paste into an e-mail, a wiki or a ticket."""

from __future__ import annotations

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, SpanOp
from ajdiff.render.counts import counted
from ajdiff.render.labels import SECTION_ORDER, change_title, kind_name, section_name, sentence

_T = {
    "et": (
        "Sarnasus",
        "sisulisi",
        "olulisi",
        "toimetuslikke",
        "Olulised muudatused",
        "Uued ametikohad",
        "Kaotatud ametikohad",
        "Sisulisi muudatusi ei ole.",
        "Muudatus",
        "Vana",
        "Uus",
    ),
    "en": (
        "Similarity",
        "substantive",
        "high impact",
        "editorial",
        "High-impact changes",
        "Posts created",
        "Posts abolished",
        "No substantive changes.",
        "Change",
        "Old",
        "New",
    ),
}


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
    t = _T[lang]
    out = [
        f"## {pair.old.label} → {pair.new.label}",
        "",
        f"{t[0]} {pair.similarity:.0%} · {counted(len(pair.substantive), 'substantive', lang)} · "
        f"{counted(len(pair.high_impact), 'high', lang)} · {counted(len(pair.editorial), 'editorial', lang)}",
        "",
    ]
    if pair.high_impact:
        out += [f"### {t[4]}", ""] + [f"- {sentence(c, lang)}" for c in pair.high_impact] + [""]
    shown = [c for c in pair.changes if show_all or not c.editorial]
    if not shown:
        return "\n".join([*out, t[7], ""])
    for section in SECTION_ORDER:
        changes = [c for c in shown if c.section == section]
        if changes:
            out += [f"### {section_name(section, lang)}", "", f"| | {t[8]} | {t[9]} → {t[10]} |", "|---|---|---|"]
            out += [_row(c, lang) for c in changes] + [""]
    return "\n".join(out)


def diff_markdown(result: ComparisonSet, *, show_all: bool = False, lang: str = "et") -> str:
    """The whole Markdown report."""
    t = _T[lang]
    out = ["# ajdiff", ""]  # the notes go to stderr, not into a report that is pasted elsewhere
    shown = [c for c in result.order_changes if show_all or not c.editorial]
    if shown:
        head = [f"## {section_name('order', lang)}", "", f"| | {t[8]} | {t[9]} → {t[10]} |", "|---|---|---|"]
        out += head + [_row(c, lang) for c in shown] + [""]
    out += [comparison_markdown(p, show_all=show_all, lang=lang) for p in result.pairs]
    if result.unpaired_new:
        out += [f"## {t[5]}", ""] + [f"- {d.label} ({d.source})" for d in result.unpaired_new] + [""]
    if result.unpaired_old:
        out += [f"## {t[6]}", ""] + [f"- {d.label} ({d.source})" for d in result.unpaired_old] + [""]
    return "\n".join(out).rstrip() + "\n"
