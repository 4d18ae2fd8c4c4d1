"""The summary page before the document, never tracked: per pair, each substantive change's changed words.

It sits in a content control tagged `ajdiff-summary`, so an approver removes it in one step and
Accept All / Reject All act on the document alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lxml import etree

from ajdiff.changes import Change, Comparison, ComparisonSet, Impact, SpanOp
from ajdiff.model import JobDescription
from ajdiff.read.formats.ooxml import qn
from ajdiff.redline.oxml import (
    REVISION_TAGS,
    comment_range,
    datetime,
    element,
    first_at,
    first_child,
    first_section,
    mark_header_row,
    paragraph,
    put_first,
    restart_page_numbers,
    run,
    set_run_language,
    summary_section,
)
from ajdiff.redline.package import Package
from ajdiff.tree import NodeKind, walk
from ajdiff.words import change_title, doc_label, kind_name, language_name, word

if TYPE_CHECKING:
    from ajdiff.redline.document import RedlineOptions

SUMMARY_TAG = "ajdiff-summary"
"""The tag of the content control that holds the summary page."""
CONTEXT_WORDS = 4
"""Unchanged words shown on each side of the changed ones."""
_WIDTHS = (2600, 2200, 4838)  # twentieths of a point: 15.4 cm of an A4 page with 2.5 cm margins
TEXT_LANGUAGE = "et-EE"
"""The language the summary's runs and the reviewer's comments say they are in: mostly the documents' words."""


def tr(key: str, lang: str) -> str:
    """One string of the summary page in the report language (the catalogue's `redline.*` words)."""
    return word(f"redline.{key}", lang)


def _squeeze(text: str) -> str:
    """A span's text with its runs of white space as one space (its edges kept: they part the words)."""
    return re.sub(r"\s+", " ", text)


def _wordy(text: str) -> bool:
    """True when a text has a letter or a digit: a word, not a lone punctuation mark."""
    return any(c.isalnum() for c in text)


def _tail(text: str, n: int) -> str:
    """The last n words of a text as it spaces them (its trailing space kept), '… ' before when cut."""
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    return text.lstrip() if len(starts) <= n else "… " + text[starts[-n] :]


def _head(text: str, n: int) -> str:
    """The first n words of a text as it spaces them (its leading space kept), ' …' after when cut."""
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return text.rstrip() if len(ends) <= n else text[: ends[n - 1]] + " …"


def word_runs(change: Change, *, apart: bool = True) -> list[tuple[str, SpanOp]]:
    """The changed words of a change in their order, deleted and inserted, with a few unchanged words
    around them: (text, how it changed). Without a word diff: OLD's value, an arrow, NEW's value.
    The unchanged words keep the text's own spacing: a comma stuck to a word stays stuck ('Kõrgharidus,')."""
    spans = list(change.spans)
    changed = [k for k, s in enumerate(spans) if s.op is not SpanOp.EQUAL]
    if not changed:
        old, new = _whole(change.old), _whole(change.new)
        if old == new:  # moved word for word: its first words, as they stand
            words = old.split()
            return [
                (" ".join(words[: 3 * CONTEXT_WORDS]) + (" …" if len(words) > 3 * CONTEXT_WORDS else ""), SpanOp.EQUAL)
            ]
        out: list[tuple[str, SpanOp]] = []
        if change.old is not None and old != "—":
            out.append((old, SpanOp.DELETE))
        if out and change.new is not None and new != "—":
            out.append((" → ", SpanOp.EQUAL))
        if change.new is not None and new != "—":
            out.append((new, SpanOp.INSERT))
        return out
    first, last = changed[0], changed[-1]
    before = _squeeze("".join(s.text for s in spans[:first]))
    after = _squeeze("".join(s.text for s in spans[last + 1 :]))
    out = []
    if before.strip():
        out.append((_tail(before, CONTEXT_WORDS), SpanOp.EQUAL))
    out += [(_squeeze(s.text), s.op) for s in spans[first : last + 1]]
    if after.strip():
        out.append((_head(after, CONTEXT_WORDS), SpanOp.EQUAL))
    # One space between words, across the runs too.
    for k in range(1, len(out)):
        if out[k - 1][0].endswith(" ") and out[k][0].startswith(" "):
            out[k] = (out[k][0].lstrip(" "), out[k][1])
    # A word struck and its replacement in bold stand apart, as two words ('~~2~~ **3**', not '23'); a
    # punctuation mark replaced stays stuck to its word ('a~~,~~**;** b').
    for k in range(len(out) - 1, 0, -1):
        (a, op_a), (b, op_b) = out[k - 1], out[k]
        stuck = op_a is SpanOp.DELETE and op_b is SpanOp.INSERT and not (a[-1:].isspace() or b[:1].isspace())
        if apart and stuck and _wordy(a) and _wordy(b):
            out.insert(k, (" ", SpanOp.EQUAL))
    if out:
        out[0] = (out[0][0].lstrip(), out[0][1])
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return [(text, op) for text, op in out if text]


def changed_words(change: Change) -> tuple[str, str]:
    """The old and new side of a change as plain text, each the changed words with a few around them."""
    runs = word_runs(change, apart=False)
    old = "".join(t for t, op in runs if op is not SpanOp.INSERT).replace(" → ", "").strip()
    new = "".join(t for t, op in runs if op is not SpanOp.DELETE).replace(" → ", "").strip()
    return old or "—", new or "—"


def _words_paragraph(change: Change) -> etree._Element:
    """The changed words as the approver reads a redline: deleted words struck, inserted ones bold."""
    p = element("w:p")
    for text, op in word_runs(change):
        if op is SpanOp.DELETE:
            rpr = element("w:rPr")
            etree.SubElement(rpr, qn("w:strike"))
            p.append(run(text, rpr=rpr))
        else:
            p.append(run(text, bold=op is SpanOp.INSERT))
    return p


def _whole(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if text else "—"


def _paragraph(text: str, package: Package, style: str | None = None, *, bold: bool = False) -> etree._Element:
    return paragraph(text, package.style_id(style) if style else None, bold=bold)


def _cell(texts: Sequence[str | etree._Element], width: int, package: Package, *, bold: bool = False) -> etree._Element:
    tc = element("w:tc")
    tcpr = etree.SubElement(tc, qn("w:tcPr"))
    etree.SubElement(tcpr, qn("w:tcW"), {qn("w:w"): str(width), qn("w:type"): "dxa"})
    for text in texts or [""]:
        tc.append(text if isinstance(text, etree._Element) else _paragraph(text, package, bold=bold))
    return tc


def _table(rows: Sequence[Sequence[Sequence[str | etree._Element]]], package: Package) -> etree._Element:
    tbl = element("w:tbl")
    tblpr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(tblpr, qn("w:tblStyle")).set(qn("w:val"), package.style_id("Table Grid"))
    etree.SubElement(tblpr, qn("w:tblW"), {qn("w:w"): str(sum(_WIDTHS)), qn("w:type"): "dxa"})
    etree.SubElement(tblpr, qn("w:tblLayout")).set(qn("w:type"), "fixed")
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for w in _WIDTHS:
        etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(w))
    for k, row in enumerate(rows):
        tr = etree.SubElement(tbl, qn("w:tr"))
        if k == 0:
            mark_header_row(tr)
        for cell, width in zip(row, _WIDTHS):
            tr.append(_cell(cell, width, package, bold=k == 0))
    return tbl


def _annex_number(doc: JobDescription) -> tuple[int, str]:
    m = re.match(r"\d+", doc.annex or "")
    return (int(m.group()) if m else 10**9, doc.annex or "")


def _post_line(doc: JobDescription, lang: str) -> str:
    name = doc.source.rsplit("/", 1)[-1]
    label = doc_label(doc, lang)
    return f"{label} ({name})" if not doc.annex else label


def review_note(pair: Comparison | None, change: Change, options: RedlineOptions) -> str:
    """What the reviewer said of a change (of a pair, or of the orders' own bodies when `pair` is None):
    '[Küsimus] Miks muudeti?', '[Kinnitatud]', or ''."""
    review = options.review
    entry = (review.entry(pair, change) if pair is not None else review.order_entry(change)) if review else None
    if entry is None:
        return ""
    from ajdiff.review import Mark  # only with a review: the module is not on the redline's start-up path

    parts = []
    if entry.mark is Mark.APPROVED:
        parts.append(f"[{tr('approved', options.lang)}]")
    elif entry.mark is Mark.QUESTIONED:
        parts.append(f"[{tr('questioned', options.lang)}]")
    if entry.comment and entry.comment.strip():
        parts.append(entry.comment.strip())
    return " ".join(parts)


def _field_labels(doc: JobDescription) -> dict[str, str]:
    """The labels of a document's fields as it writes them, by key ('general.substituted_by': 'Asendaja')."""
    return {n.key: n.label for n in walk(doc.sections) if n.kind is NodeKind.FIELD and n.key and n.label}


def change_name(change: Change, labels: dict[str, str], lang: str) -> str:
    """What a change is about: in Estonian the field's label as the documents write it (`labels`, the new
    document's over the old's), else ajdiff's name of the field; a duty is 'Ülesanne 2.12' / 'Duty 2.12'."""
    if change.path.startswith("requirements.languages."):
        # Which language: 'Keeleoskus (inglise)', not 'Keeleoskus' for every language of the post.
        code = change.path.rsplit(".", 1)[1]
        name = word("field.foreign_language", lang) if code == "foreign" else language_name(code, lang)
        label = labels.get("requirements.languages") if lang == "et" else None
        field = " ".join(label.rstrip(":").split()) if label else word("field.requirements.languages", lang)
        return f"{field} ({name})"
    if lang == "et" and not change.path.startswith("duties."):
        parts = change.path.split(".")
        for k in range(len(parts), 1, -1):
            label = labels.get(".".join(parts[:k]))
            if label:
                return " ".join(label.rstrip(":").split())
    return change_title(change, lang)


def _change_row(
    pair: Comparison | None, change: Change, labels: dict[str, str], options: RedlineOptions
) -> list[list[str | etree._Element]]:
    lang = options.lang
    what = kind_name(change.kind, lang)
    if change.old_number and change.new_number and change.old_number != change.new_number:
        what += f" {change.old_number} → {change.new_number}"  # a move or a renumbering: from where to where
    what += f" ({tr('high', lang)})" if change.impact is Impact.HIGH else ""
    note = review_note(pair, change, options)
    return [[change_name(change, labels, lang)], [what, *([note] if note else [])], [_words_paragraph(change)]]


def _comment(row: etree._Element, note: str, package: Package, options: RedlineOptions, date: datetime) -> None:
    """The reviewer's words as a Word comment on the change's row of the summary."""
    author = (options.review.author if options.review else None) or options.author
    initials = "".join(w[0] for w in author.split()[:3]).upper() or "A"
    comment_id = package.add_comment(author, initials, date, note, lang=TEXT_LANGUAGE)
    start, end, ref = comment_range(comment_id, ref_style=package.style_id("annotation reference"))
    first = first_at(row, qn("w:tc"), qn("w:p"))
    assert first is not None  # every cell has a paragraph
    put_first(first, start)
    first.append(end)
    first.append(ref)


def revisions_by_author(root: etree._Element) -> dict[str, int]:
    """How many tracked changes (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`: words, marks, rows) each author
    has under an element — what Word's reviewer filter shows or hides by author."""
    counts: dict[str, int] = {}
    for el in root.iter(*REVISION_TAGS):
        author = el.get(qn("w:author")) or ""
        counts[author] = counts.get(author, 0) + 1
    return counts


def summary_elements(
    package: Package, result: ComparisonSet, options: RedlineOptions, editorial: str, date: datetime
) -> list[etree._Element]:
    """The summary's paragraphs and tables, in order."""
    lang = options.lang
    intro = tr("intro", lang).format(editorial=editorial)
    out = [_paragraph(tr("title", lang), package, "Title"), _paragraph(intro, package)]
    by_author = revisions_by_author(package.body)
    if by_author and editorial != options.author:
        counts = tr("revisions", lang).format(
            substantive=by_author.get(options.author, 0),
            author=options.author,
            editorial=by_author.get(editorial, 0),
            editorial_author=editorial,
        )
        out.append(_paragraph(counts, package))
    header = _header_row(lang)
    if result.order_changes:
        # The order's own changes (its entry into force, what it repeals, the annexes it approves).
        out.append(_paragraph(word("field.order", lang), package, "heading 2"))
        table = _table([header, *(_change_row(None, c, {}, options) for c in result.order_changes)], package)
        for row, change in zip(table.findall(qn("w:tr"))[1:], result.order_changes):
            note = review_note(None, change, options)
            if note:
                _comment(row, note, package, options, date)
        out.append(table)
    for pair in sorted(result.pairs, key=lambda p: _annex_number(p.new)):
        out.append(_paragraph(f"{doc_label(pair.old, lang)} → {doc_label(pair.new, lang)}", package, "heading 2"))
        counts = tr("counts", lang).format(
            substantive=len(pair.substantive), high=len(pair.high_impact), editorial=len(pair.editorial)
        )
        out.append(_paragraph(counts, package))
        if not pair.substantive:
            out.append(_paragraph(tr("none", lang), package))
            continue
        labels = {**_field_labels(pair.old), **_field_labels(pair.new)}
        rows = [header, *(_change_row(pair, c, labels, options) for c in pair.substantive)]
        table = _table(rows, package)
        for row, change in zip(table.findall(qn("w:tr"))[1:], pair.substantive):
            note = review_note(pair, change, options)
            if note:
                _comment(row, note, package, options, date)
        out.append(table)
    for key, docs in (("created", result.unpaired_new), ("abolished", result.unpaired_old)):
        if docs:
            out.append(_paragraph(tr(key, lang), package, "heading 2"))
            out += [_paragraph(_post_line(d, lang), package) for d in sorted(docs, key=_annex_number)]
    return out


def _header_row(lang: str) -> list[list[str | etree._Element]]:
    return [[tr("section", lang)], [tr("what", lang)], [tr("words", lang)]]


def _story_row(change: Change, lang: str) -> list[list[str | etree._Element]]:
    """A changed page header or footer: 'Päis' | 'muudeti' | its words struck and bold."""
    return [[tr(change.path, lang)], [kind_name(change.kind, lang)], [_words_paragraph(change)]]


def add_summary(
    package: Package,
    result: ComparisonSet,
    options: RedlineOptions,
    editorial: str,
    date: datetime,
    *,
    stories: Sequence[Change] = (),
    uncompared: Sequence[Change] = (),
) -> None:
    """Put the summary page at the start of the body, in a content control, as a section of its own.

    Its section has an empty header and footer of its own (NEW's header — a logo, a draft mark — is not
    on it) and is page 0, and NEW's first section numbers its pages from 1 again, so the signed
    document's page references hold. NEW's NUMPAGES counts the summary page until it is removed."""
    sdt = element("w:sdt")
    sdtpr = etree.SubElement(sdt, qn("w:sdtPr"))
    etree.SubElement(sdtpr, qn("w:alias")).set(qn("w:val"), tr("title", options.lang))
    etree.SubElement(sdtpr, qn("w:tag")).set(qn("w:val"), SUMMARY_TAG)
    content = etree.SubElement(sdt, qn("w:sdtContent"))
    elements = summary_elements(package, result, options, editorial, date)
    if stories or uncompared:
        # The page headers and footers that changed, after the posts; NEW's that had nothing to be compared with.
        rows = [_story_row(c, options.lang) for c in stories]
        rows += [[[tr(c.path, options.lang)], [tr("not_compared", options.lang)], [c.new or ""]] for c in uncompared]
        elements.append(_paragraph(tr("stories", options.lang), package, "heading 2"))
        elements.append(_table([_header_row(options.lang), *rows], package))
    first = first_section(package.body)
    section = summary_section(first, package.add_empty_story("header"), package.add_empty_story("footer"))
    # The summary is page 0, so NEW's page 1 follows an even page: LibreOffice adds no blank page to put
    # page 1 on a right-hand side, which NUMPAGES would count ('Lk 1 / 7' for five pages, now 'Lk 1 / 6').
    restart_page_numbers(section)
    number = first_child(section, qn("w:pgNumType"))
    assert number is not None  # just written
    number.set(qn("w:start"), "0")
    if first is not None:
        restart_page_numbers(first)
    # The section break ends the last paragraph of the control: removing the control removes the section.
    last = _paragraph("", package)
    ppr = first_child(last, qn("w:pPr"))
    if ppr is None:
        ppr = etree.SubElement(last, qn("w:pPr"))
        last.insert(0, ppr)
    ppr.append(section)
    for el in [*elements, last]:
        content.append(el)
    set_run_language(content, TEXT_LANGUAGE)
    package.body.insert(0, sdt)
