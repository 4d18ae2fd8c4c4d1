"""`ajdiff diff --format html`: one self-contained page for a browser, an e-mail attachment or paper.

Everything is inside the file: the stylesheet is inline and allowed by its hash, and the page has no
script at all (its Content-Security-Policy forbids every one), no font, image or link outside itself.
Every word of the documents is escaped, so a heading `<script>` is text. Deleted words are struck and
inserted words underlined (`<del>`/`<ins>`), not told apart by colour alone; editorial changes fold
behind a `<details>`, which opens without JavaScript and prints open.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, Span, SpanOp
from ajdiff.model import JobDescription
from ajdiff.render.shared import Side, bar_counts, doubt_line, outline, side_line, sides, totals
from ajdiff.tree import NodeKind
from ajdiff.words import change_title, counted, doc_label, kind_name, section_name, sentence, word

# Colours meet WCAG AA (4.5:1) on their backgrounds; the marks (strike, underline) carry the meaning.
CSS = """\
:root{color-scheme:light}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;\
background:#ffffff;max-width:62rem;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:2.5rem 0 .5rem;padding-top:.5rem;border-top:2px solid #33415c}
h3{font-size:1.1rem;margin:1.5rem 0 .3rem}
h4{font-size:1rem;margin:1rem 0 .2rem}
a{color:#0b4f9c}
a:focus-visible,summary:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{position:static}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.counts,.legend,.source{color:#3d3d3d}
table{border-collapse:collapse;margin:.5rem 0;width:100%}
th,td{border:1px solid #b0b7c3;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f6}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
ul.changes{list-style:none;padding:0;margin:0}
li.change{border-left:4px solid #8a94a6;padding:.2rem .8rem;margin:.6rem 0}
li.change.high{border-left-color:#b00020}
.what{margin:0;font-weight:600}
.what .kind{font-weight:400}
.tag{font-weight:600;font-size:.85em;border:1px solid currentColor;border-radius:3px;padding:0 .3em;margin-left:.4em}
.tag.high{color:#9b001a}
.words{margin:.2rem 0;white-space:pre-line}
del+ins,ins+del{margin-left:.2em}
del{text-decoration:line-through;text-decoration-thickness:2px;color:#8b0000;background:#fde8e8}
ins{text-decoration:underline;text-decoration-thickness:2px;color:#0b5a0b;background:#e4f4e4}
.uncertain{border:2px solid #8a5a00;background:#fff7e0;color:#4a3000;padding:.4rem .8rem;margin:.5rem 0}
details{margin:1rem 0;border:1px solid #b0b7c3;padding:.3rem .8rem}
summary{cursor:pointer;font-weight:600}
.whole p{margin:.15rem 0}
.whole .section{font-weight:600;margin-top:.6rem}
.d1{margin-left:1.2rem}
.d2{margin-left:2.4rem}
.d3{margin-left:3.6rem}
.d4{margin-left:4.8rem}
.post{border-left:4px solid #8a94a6;padding-left:.8rem}
footer{margin-top:3rem;color:#3d3d3d;font-size:.9rem}
@page{size:A4;margin:16mm 14mm}
@media print{
body{max-width:none;padding:0;font-size:11pt}
.skip,.top{display:none}
a{color:inherit;text-decoration:none}
.pair+.pair,.post+.post,.posts{break-before:page}
h2,h3,h4,.what{break-after:avoid}
li.change{break-inside:avoid}
details{border:0;padding:0}
details::details-content{content-visibility:visible;display:block}
summary{list-style:none}
}
"""
"""The page's one stylesheet: screen, then print (A4, a page per post, toggles printed open)."""


def _spoken() -> str:
    """Words a screen reader says at the start and end of deleted and inserted text, which many do not
    announce for <del> and <ins> themselves; drawn nowhere (A. Roselli's visually hidden pseudo-elements)."""
    hidden = "clip-path:inset(100%);clip:rect(1px,1px,1px,1px);height:1px;width:1px;overflow:hidden;"
    out = [f"del::before,del::after,ins::before,ins::after{{{hidden}position:absolute;white-space:nowrap}}"]
    for lang in ("et", "en"):
        for tag in ("del", "ins"):
            for end, edge in (("before", "start"), ("after", "end")):
                out.append(f'html:lang({lang}) {tag}::{end}{{content:" [{word(f"report.{tag}_{edge}", lang)}] "}}')
    return "\n".join(out) + "\n"


CSS += _spoken()

_CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode()).digest()).decode()
CSP = f"default-src 'none'; style-src 'sha256-{_CSS_HASH}'; script-src 'none'; base-uri 'none'; form-action 'none'"
"""Nothing loads, runs or is sent: only the page's own stylesheet (by its hash) applies."""


_ARROW = '<span class="to"> → </span>'
"""Between an old and a new value: a span, so that a reader of the page can tell it from the words."""


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def _other_side(spans: tuple[Span, ...], k: int, step: int) -> str:
    """The text next to span k (before it: step -1, after it: +1) as the other side reads it: the nearest
    span that side has (an unchanged one or one of the other kind); empty at the text's start or end."""
    op = spans[k].op
    j = k + step
    while 0 <= j < len(spans) and spans[j].op is op:
        j += step
    return spans[j].text if 0 <= j < len(spans) else ""


def _marked(spans: tuple[Span, ...], k: int) -> str:
    """Span k of the word diff. A space at the edge of a deleted or inserted run is left unmarked only where
    the other side has a space there anyway (or the text ends): moved out of '<ins> ja …</ins>' after a
    deleted '…planeerimine' it would stand in the old text as 'planeerimine .'."""
    op, text = spans[k].op, spans[k].text
    if op is SpanOp.EQUAL or not text.strip():
        return _e(text)
    core = text.strip()
    start = text.index(core)
    lead, trail = text[:start], text[start + len(core) :]
    before, after = _other_side(spans, k, -1), _other_side(spans, k, 1)
    spaced = not before or before[-1:].isspace() or not after or after[:1].isspace()
    if lead and not spaced:
        core, lead = lead + core, ""
    if trail and not spaced:
        core, trail = core + trail, ""
    tag = "del" if op is SpanOp.DELETE else "ins"
    return f"{_e(lead)}<{tag}>{_e(core)}</{tag}>{_e(trail)}"


def _words(change: Change) -> str:
    """What changed in the words: the word diff, or the whole text struck or underlined."""
    if change.kind is ChangeKind.ADDED:
        return f'<p class="words"><ins>{_e(change.new)}</ins></p>'
    if change.kind is ChangeKind.REMOVED:
        return f'<p class="words"><del>{_e(change.old)}</del></p>'
    if change.spans and change.kind is not ChangeKind.RAISED and change.kind is not ChangeKind.LOWERED:
        if any(s.op is not SpanOp.EQUAL for s in change.spans):
            return f'<p class="words">{"".join(_marked(change.spans, k) for k in range(len(change.spans)))}</p>'
        return f'<p class="words">{_e(change.new)}</p>'  # moved or renumbered word for word
    old = f"<del>{_e(change.old)}</del>" if change.old else ""
    new = f"<ins>{_e(change.new)}</ins>" if change.new else ""
    return f'<p class="words">{old}{_ARROW if old and new else ""}{new}</p>'


def _change(change: Change, lang: str) -> str:
    title = _e(change_title(change, lang))
    what = kind_name(change.kind, lang)
    if change.old_number and change.new_number and change.old_number != change.new_number:
        what += f" ({change.old_number} → {change.new_number})"
    tags = ""
    if not change.editorial and change.impact.value == "high":
        tags += f'<span class="tag high">{_e(word("csv.high", lang))}</span>'
    if change.editorial:
        tags += f'<span class="tag">{_e(word("diff.editorial_tag", lang))}</span>'
    high = " high" if tags.startswith('<span class="tag high"') else ""
    head = f'<p class="what"><span class="label">{title}</span> <span class="kind">— {_e(what)}</span>{tags}</p>'
    return f'<li class="change {change.kind.value}{high}">{head}{_words(change)}</li>'


def _sections(groups: list[tuple[str, list[Change]]], lang: str, level: int) -> list[str]:
    out = []
    for section, changes in groups:
        if changes:
            out.append(f"<section><h{level}>{_e(section_name(section, lang))}</h{level}>")
            out.append('<ul class="changes">' + "".join(_change(c, lang) for c in changes) + "</ul></section>")
    return out


def _editorial(groups: list[tuple[str, list[Change]]], count: int, lang: str, show_all: bool) -> list[str]:
    """The editorial changes behind a toggle (open with --all, and always open on paper)."""
    groups = [(s, [c for c in changes if c.editorial]) for s, changes in groups]
    if not count:
        return []
    opened = " open" if show_all else ""
    summary = f"{word('report.editorial', lang)} ({count})"
    return [f"<details{opened}><summary>{_e(summary)}</summary>", *_sections(groups, lang, 4), "</details>"]


def _doubt(pair: Comparison, lang: str) -> str:
    """An uncertain pair's warning with the evidence it rests on."""
    line = doubt_line(pair, lang)
    if line is None:
        return ""
    return (
        f'<div class="uncertain" role="note"><p><strong>? {_e(word("diff.uncertain", lang))}</strong>: '
        f"{_e(line)}</p></div>"
    )


def _fact(label: str, old: str | None, new: str | None) -> str:
    if (old or "") == (new or ""):
        return f"<dt>{_e(label)}</dt><dd>{_e(new or '—')}</dd>"
    return f"<dt>{_e(label)}</dt><dd><del>{_e(old or '—')}</del>{_ARROW}<ins>{_e(new or '—')}</ins></dd>"


def _pair(pair: Comparison, number: int, lang: str, show_all: bool, toc: bool) -> str:
    """One pair: what it is, the high-impact changes first, then section by section, editorial folded."""
    anchor = f"pair-{number}"
    title = f"{doc_label(pair.old, lang)} → {doc_label(pair.new, lang)}"
    old, new = pair.old.general, pair.new.general
    files = f"{pair.old.source} → {pair.new.source}" if pair.old.source != pair.new.source else pair.new.source
    out = [
        f'<section class="pair" id="{anchor}" aria-labelledby="{anchor}-h">',
        f'<h2 id="{anchor}-h">{_e(title)}</h2>',
        '<dl class="facts">',
        _fact(word("report.post", lang), old.position, new.position),
        _fact(word("report.unit", lang), old.unit, new.unit),
        f"<dt>{_e(word('diff.similarity', lang))}</dt><dd>{pair.similarity:.0%}</dd>",
        f'<dt>{_e(word("report.sources", lang))}</dt><dd class="source">{_e(files)}</dd>',
        "</dl>",
        f'<p class="counts">{_e(counted(len(pair.substantive), "substantive_change", lang))} · '
        f"{_e(counted(len(pair.high_impact), 'high', lang))} · "
        f"{_e(counted(len(pair.editorial), 'editorial', lang))}</p>",
        _doubt(pair, lang),
    ]
    if pair.high_impact:
        items = "".join(f"<li>{_e(sentence(c, lang))}</li>" for c in pair.high_impact)
        out.append(f"<section><h3>{_e(word('diff.important', lang))}</h3><ul>{items}</ul></section>")
    if not pair.substantive:
        out.append(f"<p>{_e(word('diff.nothing', lang))}</p>")
    out += _sections(pair.walk(editorial=False), lang, 3)
    out += _editorial(pair.walk(editorial=True), len(pair.editorial), lang, show_all)
    if toc:
        out.append(f'<p class="top"><a href="#contents">{_e(word("report.to_top", lang))}</a></p>')
    out.append("</section>")
    return "\n".join(o for o in out if o)


def _whole(doc: JobDescription) -> str:
    """A created or abolished post's whole text, its structure kept as headings and indents."""
    out = []
    for line in outline(doc):
        cls = "section" if line.kind is NodeKind.SECTION else "line"
        # A class, not a style attribute: the page's policy allows its one stylesheet and nothing inline.
        out.append(f'<p class="{cls} d{min(line.depth, 4)}">{_e(line.text)}</p>')
    return '<div class="whole">' + "".join(out) + "</div>"


def _posts(docs: tuple[JobDescription, ...], kind: str, lang: str) -> str:
    """The posts created (or abolished), each with its whole text."""
    heading = word(f"md.{kind}", lang)
    whole = word(f"report.whole_{kind}", lang)
    out = [f'<section class="posts" id="{kind}" aria-labelledby="{kind}-h"><h2 id="{kind}-h">{_e(heading)}</h2>']
    for k, doc in enumerate(docs, 1):
        out += [
            f'<article class="post" id="{kind}-{k}" aria-labelledby="{kind}-{k}-h">',
            f'<h3 id="{kind}-{k}-h">{_e(doc_label(doc, lang))}</h3>',
            f'<p class="source">{_e(doc.source)} · {_e(whole)}</p>',
            _whole(doc),
            "</article>",
        ]
    out.append("</section>")
    return "\n".join(out)


def _contents(result: ComparisonSet, lang: str) -> str:
    """One line per pair, as `--stat` has them, each linked to its pair; then the posts created and abolished."""
    rows = []
    for k, pair in enumerate(result.pairs, 1):
        added, removed, other = bar_counts(pair)
        doubt = (
            f' <span class="tag">? {_e(word("diff.uncertain", lang))}</span>'
            if pair.pairing and pair.pairing.uncertain
            else ""
        )
        name = f"{doc_label(pair.old, lang)} → {doc_label(pair.new, lang)}"
        rows.append(
            f'<tr><td class="n">{k}</td><td><a href="#pair-{k}">{_e(name)}</a>{doubt}</td>'
            f'<td class="n">{len(pair.substantive)}</td><td class="n">{len(pair.high_impact)}</td>'
            f'<td class="n">+{added} −{removed} ~{other}</td><td class="n">{len(pair.editorial)}</td></tr>'
        )
    head = (
        f'<tr><th scope="col">#</th><th scope="col">{_e(word("report.pair", lang))}</th>'
        f'<th scope="col">{_e(word("stat.substantive", lang))}</th><th scope="col">{_e(word("stat.high", lang))}</th>'
        f'<th scope="col">+ − ~</th><th scope="col">{_e(word("stat.editorial", lang))}</th></tr>'
    )
    out = [
        '<nav aria-labelledby="contents-h" id="contents">',
        f'<h2 id="contents-h">{_e(word("report.contents", lang))}</h2>',
    ]
    if rows:
        out.append(f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>")
    links = []
    if result.order_changes:
        links.append(f'<li><a href="#order">{_e(section_name("order", lang))}</a></li>')
    for kind, docs in (("created", result.unpaired_new), ("abolished", result.unpaired_old)):
        if docs:
            posts = ", ".join(f'<a href="#{kind}-{k}">{_e(doc_label(d, lang))}</a>' for k, d in enumerate(docs, 1))
            links.append(f'<li><a href="#{kind}">{_e(word(f"md.{kind}", lang))}</a> ({len(docs)}): {posts}</li>')
    if links:
        out.append(f"<ul>{''.join(links)}</ul>")
    out.append("</nav>")
    return "\n".join(out)


def _input(label: str, side: Side, lang: str) -> str:
    what = side_line(side, lang)
    return f"<dt>{_e(label)}</dt><dd><code>{_e(side.name)}</code>{f' · {_e(what)}' if what else ''}</dd>"


def _totals(result: ComparisonSet, lang: str) -> str:
    t = totals(result)
    parts = [
        counted(t.pairs, "pair", lang),
        f"{t.substantive} {word('stat.substantive', lang)} ({word('stat.high', lang)} {t.high})",
        f"{t.editorial} {word('stat.editorial', lang)}",
    ]
    if t.created:
        parts.append(f"{t.created} {word('stat.created', lang)}")
    if t.abolished:
        parts.append(f"{t.abolished} {word('stat.abolished', lang)}")
    if t.uncertain:
        parts.append(f"{word('diff.uncertain_count', lang)} {t.uncertain}")
    return ", ".join(parts)


def diff_html(result: ComparisonSet, *, show_all: bool = False, lang: str = "et") -> str:
    """The whole comparison as one self-contained HTML page in `lang`."""
    old, new = sides(result)
    many = len(result.pairs) > 1 or bool(result.unpaired_old or result.unpaired_new or result.order_changes)
    title = f"{word('report.title', lang)}: {old.name} → {new.name}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="ajdiff">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f'<a class="skip" href="#main">{_e(word("report.skip", lang))}</a>',
        "<header>",
        f"<h1>{_e(word('report.title', lang))}</h1>",
        '<dl class="facts">',
        _input(word("report.old", lang), old, lang),
        _input(word("report.new", lang), new, lang),
        f"<dt>{_e(word('report.totals', lang))}</dt><dd>{_e(_totals(result, lang))}</dd>",
        "</dl>",
        f'<p class="legend">{_e(word("report.legend", lang))} '
        f"<del>{_e(word('md.old', lang))}</del> <ins>{_e(word('md.new', lang))}</ins></p>",
        "</header>",
        '<main id="main">',
    ]
    if many:
        out.append(_contents(result, lang))
    if result.order_changes:
        heading = _e(section_name("order", lang))
        out.append(f'<section id="order" aria-labelledby="order-h"><h2 id="order-h">{heading}</h2>')
        out += [*_order_body(result, lang, show_all), "</section>"]
    out += [_pair(p, k, lang, show_all, many) for k, p in enumerate(result.pairs, 1)]
    if result.unpaired_new:
        out.append(_posts(result.unpaired_new, "created", lang))
    if result.unpaired_old:
        out.append(_posts(result.unpaired_old, "abolished", lang))
    out += ["</main>", f"<footer><p>{_e(word('report.generated', lang))}</p></footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _order_body(result: ComparisonSet, lang: str, show_all: bool) -> list[str]:
    """The orders' own changes: approved annexes, repeals, entry into force (editorial ones folded)."""
    substantive = [c for c in result.order_changes if not c.editorial]
    out = []
    if substantive:
        out.append('<ul class="changes">' + "".join(_change(c, lang) for c in substantive) + "</ul>")
    editorial = [c for c in result.order_changes if c.editorial]
    if editorial:
        opened = " open" if show_all else ""
        summary = f"{word('report.editorial', lang)} ({len(editorial)})"
        items = "".join(_change(c, lang) for c in editorial)
        out.append(f'<details{opened}><summary>{_e(summary)}</summary><ul class="changes">{items}</ul></details>')
    return out
