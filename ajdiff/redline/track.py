"""Tracked changes in the new document's own paragraphs: the edit script written into WordprocessingML.

Each step of the script (`compare.script.aligned_script`: the comparison's alignment, paragraph by
paragraph) touches one paragraph of NEW (or adds one holding OLD's text):
kept paragraphs are not touched at all; a reworded one gets its changed words as `w:del`/`w:ins`
in its own formatting; an inserted one has its runs wrapped in `w:ins`; OLD's deleted or moved-away
paragraphs are added where they stood, as `w:del`/`w:moveFrom` with a deleted paragraph mark. So
Accept All leaves NEW's text and Reject All gives OLD's, paragraph by paragraph.

Between two Word files the tables keep their shape both ways: a row is a unit (`rows_as_units`), a
row or table of OLD that NEW lacks comes back whole as a deleted row or table, and OLD's deleted
paragraphs go back into the cell their cell became (`_Cells`), never into a table they were not in. A
moved row (a duty's) is OLD's row deleted with its words moved away and NEW's inserted with its words
moved here, one named move.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from lxml import etree

from ajdiff.changes import Span, SpanOp
from ajdiff.compare.script import Edit, EditKind
from ajdiff.compare.worddiff import word_spans
from ajdiff.read.formats.ooxml import qn
from ajdiff.records import dataclass
from ajdiff.redline.oxml import (
    Revisions,
    Track,
    clone,
    datetime,
    element,
    first_at,
    first_below,
    first_child,
    mark_paragraph,
    mark_row,
    move_range,
    put_first,
    run,
    timedelta,
    tracked,
)
from ajdiff.text import fold_key

# Run content that is not plain text: a paragraph holding it keeps its runs untouched when reworded.
_RICH = frozenset(
    qn(f"w:{t}")
    for t in ("drawing", "pict", "object", "fldChar", "instrText", "fldSimple", "hyperlink", "footnoteReference")
)
_RUN_CONTAINERS = frozenset(qn(f"w:{t}") for t in ("hyperlink", "smartTag", "customXml", "sdtContent", "sdt"))


@dataclass(frozen=True)
class Authors:
    """Who the tracked changes are by: substantive ones and editorial ones apart, for Word's reviewer filter."""

    substantive: Revisions
    editorial: Revisions

    def of(self, step: Edit) -> Revisions:
        """The author (and id counter) of one step's revisions: editorial when the script says so, or when
        the paragraph's words are the same but for its number or bullet ('2.10.' → '2.9.')."""
        return self.editorial if step.editorial or _renumbered(step.spans) else self.substantive


# A paragraph's own number or bullet, as a text export writes it: '2.10.', '3)', 'a)', '•', '–'.
_LEAD = re.compile(r"^\s*(?:[•\-–—*·▪◦]|\d+(?:\.\d+)*[.)]?|[a-zA-Z][.)])(?=\s)")


def _renumbered(spans: Sequence[Span]) -> bool:
    """True when two sides of a paragraph differ only in their leading number or bullet (and editorially)."""
    if not spans or all(s.op is SpanOp.EQUAL for s in spans):
        return False
    old = "".join(s.text for s in spans if s.op is not SpanOp.INSERT)
    new = "".join(s.text for s in spans if s.op is not SpanOp.DELETE)
    return fold_key(_LEAD.sub("", old)) == fold_key(_LEAD.sub("", new))


def _text_runs(p: etree._Element) -> list[etree._Element]:
    """The paragraph's runs in reading order, including those inside hyperlinks and content controls."""
    runs: list[etree._Element] = []
    for child in p:
        if child.tag == qn("w:r"):
            runs.append(child)
        elif child.tag in _RUN_CONTAINERS or child.tag in (qn("w:ins"), qn("w:moveTo")):
            runs += _text_runs(child)
    return runs


def _rpr(p: etree._Element) -> etree._Element | None:
    """The formatting of the paragraph's first text run, for the words ajdiff writes into it."""
    for r in _text_runs(p):
        if first_child(r, qn("w:t")) is not None:
            rpr = first_child(r, qn("w:rPr"))
            return clone(rpr) if rpr is not None else None
    return None


def _wrap(kind: Track, runs: Sequence[etree._Element], rev: Revisions) -> etree._Element:
    wrapper = element(f"w:{kind.value}", **rev.attrs())
    for r in runs:
        wrapper.append(r)
    return wrapper


def _is_rich(p: etree._Element) -> bool:
    return any(el.tag in _RICH for el in p.iter())


def _content(p: etree._Element) -> list[etree._Element]:
    """The paragraph's children after its properties."""
    return [c for c in p if c.tag != qn("w:pPr")]


def _strip_label(spans: Sequence[Span], label: str) -> tuple[Span, ...]:
    """Spans without the automatic list number at their start (Word draws it; it is in no run)."""
    if not label:
        return tuple(spans)
    out = list(spans)
    rest = label + " "
    while out and rest:
        first = out[0]
        if first.op is SpanOp.DELETE:
            break
        if first.text.startswith(rest):
            out[0] = Span(first.op, first.text[len(rest) :])
            rest = ""
        elif rest.startswith(first.text):
            rest = rest[len(first.text) :]
            out.pop(0)
        else:
            break
    return tuple(s for s in out if s.text)


def reword(
    p: etree._Element,
    spans: Sequence[Span],
    label: str,
    rev: Revisions,
    *,
    lead: tuple[int, Revisions | None] = (0, None),
    old: etree._Element | None = None,
) -> None:
    """Write a reworded paragraph's changed words as tracked deletions and insertions, in its own format:
    kept and inserted words in the format of NEW's runs they come from, deleted ones in that of OLD's
    (`old`, OLD's own paragraph, when OLD is a Word file), else of the paragraph's first run. The first
    `lead[0]` spans (a renumbering: the number swapped) are by `lead[1]`, the rest by `rev`."""
    full = spans
    spans = _strip_label(spans, label)
    if _is_rich(p):
        # Fields, pictures, links: keep them as they are; the old words go before them, deleted.
        old_words = "".join(s.text for s in spans if s.op is not SpanOp.INSERT)
        content = _content(p)
        for child in content:
            p.remove(child)
        p.append(tracked(Track.DEL, old_words, rev, rpr=_rpr_of(content)))
        p.append(_wrap(Track.INS, [c for c in content if c.tag == qn("w:r")], rev))
        for child in content:
            if child.tag != qn("w:r"):
                p.append(child)
        return
    rpr = _rpr(p)
    old_text = "".join(s.text for s in full if s.op is not SpanOp.INSERT)
    new_text = "".join(s.text for s in full if s.op is not SpanOp.DELETE)
    new_formats = _char_formats(p, new_text, label)
    old_formats = _char_formats(old, old_text, "") if old is not None else None
    # Where the spans start after the list number taken off (it is drawn, in no run).
    at_old = len(old_text) - sum(len(s.text) for s in spans if s.op is not SpanOp.INSERT)
    at_new = len(new_text) - sum(len(s.text) for s in spans if s.op is not SpanOp.DELETE)
    for child in _content(p):
        if child.tag in (qn("w:r"), qn("w:ins"), qn("w:moveTo")) or child.tag in _RUN_CONTAINERS:
            p.remove(child)
    skipped = len(full) - len(spans)
    for n, span in enumerate(spans):
        by = lead[1] if lead[1] is not None and n + skipped < lead[0] else rev
        formats, at = (old_formats, at_old) if span.op is SpanOp.DELETE else (new_formats, at_new)
        for text, own in _by_format(span.text, formats, at, rpr):
            if span.op is SpanOp.EQUAL:
                p.append(run(text, rpr=own))
            else:
                p.append(tracked(Track.DEL if span.op is SpanOp.DELETE else Track.INS, text, by, rpr=own))
        if span.op is not SpanOp.INSERT:
            at_old += len(span.text)
        if span.op is not SpanOp.DELETE:
            at_new += len(span.text)


_W_T, _W_RPR, _W_NO_BREAK_HYPHEN = qn("w:t"), qn("w:rPr"), qn("w:noBreakHyphen")
_W_BREAKS = frozenset({qn("w:tab"), qn("w:br"), qn("w:cr")})


def _char_formats(p: etree._Element, text: str, label: str) -> list[etree._Element | None] | None:
    """The run properties of each character of a paragraph's compared text (none for its list number and
    the spaces the reader adds), or None when its runs cannot be lined up with the text."""
    pieces: list[tuple[str, etree._Element]] = []  # each run's text (a tab or break as a space), with its properties
    for r in _text_runs(p):
        # A run without properties has empty ones: None is kept for the characters no run holds.
        rpr = next(r.iterchildren(_W_RPR), None)
        if rpr is None:
            rpr = etree.Element(_W_RPR)
        for el in r:
            tag = el.tag
            if tag == _W_T:
                if el.text:
                    pieces.append((el.text, rpr))
            elif tag in _W_BREAKS:
                pieces.append((" ", rpr))
            elif tag == _W_NO_BREAK_HYPHEN:
                pieces.append(("-", rpr))
    start = len(label) if label and text.startswith(label) else 0
    out: list[etree._Element | None] = [None] * start
    if "".join(piece for piece, _ in pieces) == text[start:]:
        # The reader's text is the runs' (no space folded, no soft hyphen dropped): character for character, as
        # the walk below lines them up, a run at a time (most paragraphs; the walk was a fifth of a redline).
        for piece, rpr in pieces:
            out += [rpr] * len(piece)
        return out
    raw = [(c, rpr) for piece, rpr in pieces for c in piece]
    k = 0
    for char in text[start:]:
        while k < len(raw) and raw[k][0] != char and (raw[k][0].isspace() or raw[k][0] in "\u00ad\u200b"):
            k += 1  # spaces the reader folded, soft hyphens it dropped
        if k < len(raw) and (raw[k][0] == char or (char == " " and raw[k][0].isspace())):
            out.append(raw[k][1])
            k += 1
        elif char == " ":
            out.append(None)  # the space after a list number
        else:
            return None
    return out


def _by_format(
    text: str, formats: Sequence[etree._Element | None] | None, at: int, fallback: etree._Element | None
) -> list[tuple[str, etree._Element | None]]:
    """A span's text cut where its characters' run properties change: (text, a copy of the properties)."""
    if formats is None or at + len(text) > len(formats):
        return [(text, fallback)]
    pieces: list[tuple[str, etree._Element | None]] = []
    k, n = 0, len(text)
    while k < n:
        own = formats[at + k]
        j = k + 1
        # The characters with the same properties, and the spaces the reader added (None: in the run before them).
        while j < n and ((following := formats[at + j]) is None or following is own):
            j += 1
        pieces.append((text[k:j], own if own is not None else fallback))
        k = j
    return pieces


def _rpr_of(content: Sequence[etree._Element]) -> etree._Element | None:
    for child in content:
        rpr = first_child(child, qn("w:rPr")) if child.tag == qn("w:r") else None
        if rpr is not None:
            return clone(rpr)
    return None


def insert(p: etree._Element, rev: Revisions, kind: Track = Track.INS) -> None:
    """Mark a whole paragraph of NEW's runs as inserted (or moved here); its paragraph break is marked
    by `mark_inserted_breaks` once every paragraph is in place."""
    for r in _text_runs(p):
        parent = r.getparent()
        if parent is not None and parent.tag in (qn("w:ins"), qn("w:moveTo")):
            continue  # already tracked in the source document
        wrapper = element(f"w:{kind.value}", **rev.attrs())
        r.addprevious(wrapper)
        wrapper.append(r)


def mark_inserted_breaks(inserted: Sequence[tuple[etree._Element, Revisions]]) -> None:
    """The paragraph break that came with an inserted paragraph: the mark of the paragraph before it.

    Word reads the paragraph's own mark as well, but LibreOffice joins an insertion that ends the paragraph
    before with the inserted paragraph and, rejecting both, the two paragraphs' text; the mark before is
    what LibreOffice itself writes. Only when that mark is taken (a deleted paragraph, a table, the start
    of a cell) does the paragraph's own mark carry the insertion."""
    for p, rev in inserted:
        before = p.getprevious()
        while before is not None and before.tag not in (qn("w:p"), qn("w:tbl"), qn("w:sdt")):
            before = before.getprevious()
        if before is not None and before.tag == qn("w:p") and _mark_revision(before) is None:
            mark_paragraph(before, Track.INS, rev)
        elif _mark_revision(p) is None:
            mark_paragraph(p, Track.INS, rev)


def _paragraph_like(like: etree._Element | None, *, numbered: bool = False) -> etree._Element:
    """A new paragraph with a neighbour's properties: its style and spacing, not its section or tracked
    property changes, nor its numbering unless `numbered` (OLD's own paragraph, its list adopted by NEW's
    package: `numbering.adopt_numbering`)."""
    p = element("w:p")
    ppr = first_child(like, qn("w:pPr")) if like is not None else None
    if ppr is not None:
        kept = clone(ppr)
        dropped = (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange"), *(() if numbered else (qn("w:numPr"),)))
        for child in list(kept):
            if child.tag in dropped:
                kept.remove(child)
        p.append(kept)
    return p


def old_paragraph(
    text: str,
    like: etree._Element | None,
    rev: Revisions,
    kind: Track = Track.DEL,
    *,
    own: etree._Element | None = None,
) -> etree._Element:
    """A paragraph holding OLD's text as deleted (or moved away), formatted as it was in OLD (`own`, OLD's
    own paragraph, when OLD is a Word file) or else like its neighbour in NEW.

    A deleted Word paragraph of OLD is its own runs, so its non-breaking hyphens, tabs and formatting
    come back on Reject All, and its list numbering (`w:numPr`, pointing at a list NEW's package has
    been given), so a numbered paragraph comes back numbered, not with its number typed in."""
    if own is not None and kind is Track.DEL:
        p = _paragraph_like(own, numbered=True)
        for child in own:
            if child.tag != qn("w:pPr"):
                p.append(clone(child))
        _as_deleted(p, rev)
        return p
    source = own if own is not None else like
    p = _paragraph_like(source)
    rpr = _rpr(source) if source is not None else None
    p.append(tracked(kind, text, rev, rpr=rpr))
    mark_paragraph(p, Track.DEL, rev)
    return p


def cut_spans(spans: Sequence[Span], pieces: Sequence[str], side: SpanOp) -> list[list[Span]]:
    """A word diff over paragraphs joined by one space, cut back into one diff per paragraph.

    `side` is the side the paragraphs are on (INSERT: NEW's, cut by a SPLIT; DELETE: OLD's, by a MERGE).
    The joining space is where that side has a paragraph break: the other side's space there becomes a
    tracked space at the start of the paragraph after, so joining the paragraphs gives its text exactly.
    Not at the end of the paragraph before: its mark is the one that comes or goes, and LibreOffice drops
    a tracked space before a tracked paragraph end (glued words, 'osaletud.Esindatud')."""
    other = SpanOp.DELETE if side is SpanOp.INSERT else SpanOp.INSERT
    ends, start = [], 0
    for text in pieces:
        ends.append(start + len(text))
        start += len(text) + 1
    out: list[list[Span]] = [[] for _ in pieces]
    piece, pos = 0, 0

    def add(op: SpanOp, text: str) -> None:
        if out[piece] and out[piece][-1].op is op:
            out[piece][-1] = Span(op, out[piece][-1].text + text)
        else:
            out[piece].append(Span(op, text))

    for span in spans:
        if span.op is other:
            add(span.op, span.text)  # the other side's words: where they stand
            continue
        for char in span.text:
            if piece < len(pieces) - 1 and pos == ends[piece]:
                piece += 1
                if span.op is SpanOp.EQUAL:
                    add(other, char)  # a space on the other side, a break on this one
            else:
                add(span.op, char)
            pos += 1
    return out


def _split(
    paragraphs: Sequence[etree._Element], step: Edit, texts: Sequence[str], labels: Sequence[str], rev: Revisions
) -> None:
    """One old paragraph cut into several of NEW: each gets its words, the breaks are inserted marks."""
    for p, spans, label in zip(paragraphs, cut_spans(step.spans, texts, SpanOp.INSERT), labels):
        reword(p, spans, label, rev)
    for p in paragraphs[:-1]:
        mark_paragraph(p, Track.INS, rev)


def _merge(p: etree._Element, step: Edit, old_texts: Sequence[str], label: str, rev: Revisions) -> None:
    """Several old paragraphs run into one of NEW: it is cut where they ended, the cuts deleted marks."""
    pieces = cut_spans(step.spans, old_texts, SpanOp.DELETE)
    rpr = _rpr(p)
    for spans in pieces[:-1]:
        q = _paragraph_like(p)
        if rpr is not None:
            r = etree.SubElement(q, qn("w:r"))  # the paragraph's format, for the words written into it
            r.append(clone(rpr))
            etree.SubElement(r, qn("w:t"))
        p.addprevious(q)
        reword(q, spans, "", rev)
        mark_paragraph(q, Track.DEL, rev)
    reword(p, pieces[-1], label, rev)


def _index(value: int | None) -> int:
    assert value is not None  # a step of that kind has the index
    return value


def _is_deleted_paragraph(el: etree._Element) -> bool:
    return el.tag == qn("w:p") and first_at(el, qn("w:pPr"), qn("w:rPr"), qn("w:del")) is not None


def _numbered(p: etree._Element | None) -> bool:
    return p is not None and first_at(p, qn("w:pPr"), qn("w:numPr")) is not None


def _row_of(el: etree._Element) -> etree._Element | None:
    return next((a for a in el.iterancestors(qn("w:tr"))), None)


def _cell_of(el: etree._Element | None) -> etree._Element | None:
    """The table cell that holds an element (the nearest), or None in the body."""
    return None if el is None else next((a for a in el.iterancestors(qn("w:tc"))), None)


def _table_of(el: etree._Element | None) -> etree._Element | None:
    """The outermost table that holds an element, or None."""
    return None if el is None else next((a for a in reversed(list(el.iterancestors(qn("w:tbl"))))), None)


def _text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


# What an OLD block copied into NEW's part cannot keep: its relationships (pictures, links, notes,
# comments) point into OLD's package, and bookmark and content-control ids could clash with NEW's.
_FOREIGN = frozenset(
    qn(f"w:{t}")
    for t in (
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "commentReference",
        "footnoteReference",
        "endnoteReference",
        "drawing",
        "pict",
        "object",
        "permStart",
        "permEnd",
    )
)


def _as_deleted(block: etree._Element, rev: Revisions, kind: Track = Track.DEL) -> None:
    """A copy of OLD's block (a row, a table) made a tracked deletion (or, `kind` MOVE_FROM, the place a
    row moved away from): its own tracked changes as its text is read (insertions accepted, deletions
    gone), what points into OLD's package dropped, every run deleted (moved away: its text stays in
    `w:t`), every paragraph mark and row deleted."""
    for wrapper in list(block.iter(qn("w:ins"), qn("w:moveTo"), qn("w:del"), qn("w:moveFrom"))):
        parent = wrapper.getparent()
        if parent is None or parent.tag in (qn("w:rPr"), qn("w:trPr")):
            continue
        if wrapper.tag in (qn("w:ins"), qn("w:moveTo")):
            for child in list(wrapper):
                wrapper.addprevious(child)
        parent.remove(wrapper)
    for el in list(block.iter(*_FOREIGN, qn("w:hyperlink"), qn("w:sdtPr"))):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == qn("w:hyperlink"):
            for child in list(el):
                el.addprevious(child)
        elif el.tag == qn("w:sdtPr"):
            for sid in el.findall(qn("w:id")):
                el.remove(sid)
            continue
        parent.remove(el)
    for r in list(block.iter(qn("w:r"))):
        for t in r.iter(qn("w:t"), qn("w:instrText")) if kind is Track.DEL else ():
            t.tag = qn("w:delText") if t.tag == qn("w:t") else qn("w:delInstrText")
        wrapper = _wrap(kind, [], rev)
        r.addprevious(wrapper)
        wrapper.append(r)
    for p in block.iter(qn("w:p")):
        if first_at(p, qn("w:pPr"), qn("w:rPr"), qn("w:del")) is None:
            mark_paragraph(p, Track.DEL, rev)
    for tr in block.iter(qn("w:tr")):
        trpr = first_child(tr, qn("w:trPr"))
        if trpr is None or first_child(trpr, qn("w:del")) is None:
            mark_row(tr, Track.DEL, rev)


def _deleted_run(
    steps: Sequence[Edit], k: int, old_paragraphs: Sequence[etree._Element | None], block: etree._Element
) -> int:
    """How many steps from k on delete (or move away, as one move), in order, every paragraph with text
    of OLD's block; 0 when not all."""
    wanted = [p for p in block.iter(qn("w:p")) if _text_of(p).strip()]
    taken = 0
    same = (steps[k].kind, steps[k].move)
    while k + taken < len(steps) and (steps[k + taken].kind, steps[k + taken].move) == same and taken < len(wanted):
        index = steps[k + taken].old
        if index is None or old_paragraphs[index] is not wanted[taken]:
            break
        taken += 1
    return taken if taken and taken == len(wanted) else 0


def _deleted_copy(
    steps: Sequence[Edit],
    k: int,
    old_paragraphs: Sequence[etree._Element | None],
    block: etree._Element,
    rev: Revisions,
) -> tuple[int, etree._Element] | None:
    """When steps k… delete every paragraph of OLD's block: (steps taken, a copy of it tracked as deleted)."""
    taken = _deleted_run(steps, k, old_paragraphs, block)
    if not taken:
        return None
    copied = clone(block)
    step = steps[k]
    if step.kind is EditKind.MOVE_FROM:
        # A row moved: its text moved away, one named range over the row, as a moved paragraph has.
        _as_deleted(copied, rev, Track.MOVE_FROM)
        paragraphs = list(copied.iter(qn("w:p")))
        start, end = move_range(Track.MOVE_FROM, f"move{step.move}", rev)
        put_first(paragraphs[0], start)
        paragraphs[-1].append(end)
    else:
        _as_deleted(copied, rev)
    return taken, copied


def _deleted_table(
    steps: Sequence[Edit],
    k: int,
    old_paragraphs: Sequence[etree._Element | None],
    anchor: etree._Element | None,
    body: etree._Element,
    rev: Revisions,
) -> tuple[int, etree._Element] | None:
    """When steps k… delete every paragraph of one OLD table (an abolished post's, a rewritten general
    part's): that table with its shape, copied and tracked as deleted, after the block that holds the
    anchor; (steps taken, the table as the next anchor)."""
    index = steps[k].old
    table = _table_of(old_paragraphs[index]) if index is not None else None
    if table is None:
        return None
    deleted = _deleted_copy(steps, k, old_paragraphs, table, rev)
    if deleted is None:
        return None
    taken, copied = deleted
    if anchor is None:
        body.insert(0, copied)
    else:
        outer = anchor if anchor.tag == qn("w:tbl") else (_table_of(anchor) or anchor)
        outer.addnext(copied)
    last: etree._Element = copied
    # Two tables with nothing between are one table to LibreOffice (and Word): OLD's empty paragraph after
    # the table comes back with it, and one keeps it apart from a table of NEW before it.
    after = table.getnext()
    if after is not None and after.tag == qn("w:p") and not _text_of(after).strip():
        last = clone(after)
        _as_deleted(last, rev)
        copied.addnext(last)
    before = copied.getprevious()
    if before is not None and before.tag == qn("w:tbl"):
        gap = _paragraph_like(None)
        mark_paragraph(gap, Track.DEL, rev)
        copied.addprevious(gap)
    return taken, last


def _deleted_row(
    steps: Sequence[Edit],
    k: int,
    old_paragraphs: Sequence[etree._Element | None],
    anchor: etree._Element | None,
    rows: dict[etree._Element, etree._Element],
    rev: Revisions,
) -> tuple[int, etree._Element] | None:
    """When steps k… delete every paragraph of one row of an OLD table: that row, copied and tracked as
    deleted, in the NEW table its table became — after the anchor's row when the anchor stands in one,
    else next to the NEW row its nearest neighbouring OLD row became (`rows`); (steps taken, new anchor)."""
    index = steps[k].old
    first = old_paragraphs[index] if index is not None else None
    old_row = _row_of(first) if first is not None else None
    if old_row is None:
        return None
    new_row = _row_of(anchor) if anchor is not None else None
    before: etree._Element | None = None
    if new_row is None:
        after = next((rows[r] for r in old_row.itersiblings(qn("w:tr"), preceding=True) if r in rows), None)
        before = next((rows[r] for r in old_row.itersiblings(qn("w:tr")) if r in rows), None)
        new_row = after
        if new_row is None and before is None:
            return None
    deleted = _deleted_copy(steps, k, old_paragraphs, old_row, rev)
    if deleted is None:
        return None
    taken, row = deleted
    if new_row is not None:
        new_row.addnext(row)
    elif before is not None:
        before.addprevious(row)
    return taken, list(row.iter(qn("w:p")))[-1]


@dataclass(frozen=True)
class _Cells:
    """Which cell of NEW each cell of OLD became, from the paragraphs kept or reworded in it; an OLD cell
    none of whose paragraphs stayed is the cell at its column of the row its row became."""

    cells: dict[etree._Element, etree._Element]
    rows: dict[etree._Element, etree._Element]

    @classmethod
    def of(
        cls,
        steps: Sequence[Edit],
        old_paragraphs: Sequence[etree._Element | None],
        new_paragraphs: Sequence[etree._Element],
    ) -> _Cells:
        """The cells of one script's paired paragraphs."""
        cells: dict[etree._Element, etree._Element] = {}
        rows: dict[etree._Element, etree._Element] = {}
        for step in steps:
            if step.kind not in (EditKind.SAME, EditKind.PAIR) or step.old is None or step.new is None:
                continue
            if not old_paragraphs or old_paragraphs[step.old] is None:
                continue
            old_cell, new_cell = _cell_of(old_paragraphs[step.old]), _cell_of(new_paragraphs[step.new])
            if old_cell is None or new_cell is None:
                continue
            cells.setdefault(old_cell, new_cell)
            old_row, new_row = old_cell.getparent(), new_cell.getparent()
            if old_row is not None and new_row is not None:
                rows.setdefault(old_row, new_row)
        return cls(cells, rows)

    def target(self, old_cell: etree._Element) -> etree._Element | None:
        """The NEW cell an OLD cell's deleted paragraphs go back to, if any."""
        found = self.cells.get(old_cell)
        if found is not None:
            return found
        old_row = old_cell.getparent()
        new_row = self.rows.get(old_row) if old_row is not None else None
        if old_row is None or new_row is None:
            return None
        column = [c for c in old_row if c.tag == qn("w:tc")].index(old_cell)
        new_cells = [c for c in new_row if c.tag == qn("w:tc")]
        return new_cells[column] if column < len(new_cells) else None

    def replacing(
        self,
        steps: Sequence[Edit],
        k: int,
        old_paragraphs: Sequence[etree._Element | None],
        anchor: etree._Element | None,
        pending: dict[etree._Element, int],
        done: set[int],
    ) -> tuple[int, list[tuple[int, etree._Element]]]:
        """When steps k… delete paragraphs of one OLD cell and the NEW cell it became has inserted
        paragraphs (`pending`: their steps, not yet written) right where they would go back: how many
        steps delete, and those steps and paragraphs, which take the last of OLD's words one each."""
        first = steps[k].old
        old_cell = _cell_of(old_paragraphs[first]) if old_paragraphs and first is not None else None
        target = self.target(old_cell) if old_cell is not None else None
        if target is None:
            return 0, []
        gone = 0
        while k + gone < len(steps) and steps[k + gone].kind is EditKind.DELETE:
            index = steps[k + gone].old
            own = old_paragraphs[index] if index is not None else None
            if own is None or _cell_of(own) is not old_cell or _numbered(own):
                break  # a list number is drawn, not written: it would not come back with the words
            gone += 1
        if anchor is not None and _cell_of(anchor) is target:
            following = [p for p in anchor.itersiblings() if p.tag == qn("w:p")]
            # NEW's paragraphs inserted whole just before (their steps came first) can take OLD's words too.
            written = [anchor, *anchor.itersiblings(preceding=True)]
            run = []
            for p in written:
                if p not in pending or pending[p] >= k or pending[p] in done:
                    break
                run.append(p)
            following = [*reversed(run), *following]
        else:
            following = [p for p in target if p.tag == qn("w:p")]
        takers: list[tuple[int, etree._Element]] = []
        for new in following[:gone]:
            if new not in pending or pending[new] in done or _is_rich(new) or _numbered(new):
                break
            takers.append((pending[new], new))
        return gone, takers

    def place(
        self,
        p: etree._Element,
        own: etree._Element | None,
        anchor: etree._Element | None,
        upcoming: etree._Element | None,
        body: etree._Element,
    ) -> None:
        """Put OLD's paragraph back in its own container: after the anchor when that is where it stood;
        in the cell its cell became (a replaced value stays in the value cell, never the label's); out of
        a table when it stood outside one."""
        old_cell = _cell_of(own)
        if own is not None and old_cell is not None:
            target = self.target(old_cell)
            if target is not None and _cell_of(anchor) is not target:
                if upcoming is not None and _cell_of(upcoming) is target:
                    upcoming.addprevious(p)
                else:
                    target.append(p)
                return
        elif own is not None and anchor is not None:
            table = _table_of(anchor)
            if table is not None:
                # It stood outside any table (after this one, or where NEW has a table and OLD had
                # paragraphs): it goes after the table, never into a cell, after OLD's paragraphs put there.
                last = table
                while (after := last.getnext()) is not None and _is_deleted_paragraph(after):
                    last = after
                last.addnext(p)
                return
        if anchor is not None:
            anchor.addnext(p)
        else:
            body.insert(0, p)


def _whole_rows(
    ends: Sequence[Edit],
    old_row: etree._Element,
    new_row: etree._Element,
    old_paragraphs: Sequence[etree._Element | None],
    new_paragraphs: Sequence[etree._Element],
) -> bool:
    """True when a move's ends are every paragraph with text of one OLD row and of one NEW row, in order
    (a duty row moved, reworded or not), so the row itself moves."""
    froms = [old_paragraphs[e.old] for e in ends if e.kind is EditKind.MOVE_FROM and e.old is not None]
    tos = [new_paragraphs[e.new] for e in ends if e.kind is EditKind.MOVE_TO and e.new is not None]
    return froms == [p for p in old_row.iter(qn("w:p")) if _text_of(p).strip()] and tos == [
        p for p in new_row.iter(qn("w:p")) if _text_of(p).strip()
    ]


def rows_as_units(
    steps: Sequence[Edit],
    old_paragraphs: Sequence[etree._Element | None],
    new_paragraphs: Sequence[etree._Element],
) -> list[Edit]:
    """The script with each table row a unit: a row of OLD is the same row as at most one row of NEW.

    The paragraph script pairs paragraphs by their words, so a duty's task can pair with one row and its
    results with another; Reject All would then give neither row back. The rows are matched by the words
    they share (the most first); a pair across rows that are not matched becomes a deletion and an
    insertion, and the deletions of an OLD row that NEW lacks are put together, so it comes back as a row.
    """
    if not old_paragraphs:
        return list(steps)

    def row(el: etree._Element | None) -> etree._Element | None:
        return _row_of(el) if el is not None else None

    weight: dict[tuple[etree._Element, etree._Element], int] = {}
    for step in steps:
        if step.kind in (EditKind.SAME, EditKind.PAIR) and step.old is not None and step.new is not None:
            a, b = row(old_paragraphs[step.old]), row(new_paragraphs[step.new])
            if a is not None and b is not None:
                size = len(_text_of(new_paragraphs[step.new])) + 1
                weight[(a, b)] = weight.get((a, b), 0) + size
    if not weight:
        return list(steps)
    matched: dict[etree._Element, etree._Element] = {}
    taken: set[etree._Element] = set()
    for (a, b), _ in sorted(weight.items(), key=lambda item: -item[1]):
        if a not in matched and b not in taken:
            matched[a] = b
            taken.add(b)
    # A paragraph moved out of one row into another that is not that row: the rows are deleted and
    # inserted as rows (Reject All restores OLD's rows), not words moved between cells.
    ends: dict[int, list[Edit]] = {}
    for step in steps:
        if step.kind in (EditKind.MOVE_FROM, EditKind.MOVE_TO) and step.move is not None:
            ends.setdefault(step.move, []).append(step)
    across: set[int] = set()
    for number, pair in ends.items():
        source = next((e.old for e in pair if e.kind is EditKind.MOVE_FROM), None)
        dest = next((e.new for e in pair if e.kind is EditKind.MOVE_TO), None)
        a = row(old_paragraphs[source]) if source is not None else None
        b = row(new_paragraphs[dest]) if dest is not None else None
        if (a is not None or b is not None) and (a is None or matched.get(a) is not b):
            if a is not None and b is not None and _whole_rows(pair, a, b, old_paragraphs, new_paragraphs):
                continue  # a row moved: written as a moved row
            across.add(number)
    out: list[Edit] = []
    for step in steps:
        if step.kind in (EditKind.SAME, EditKind.PAIR) and step.old is not None and step.new is not None:
            a, b = row(old_paragraphs[step.old]), row(new_paragraphs[step.new])
            if (a is not None or b is not None) and (a is None or matched.get(a) is not b):
                out.append(Edit(EditKind.DELETE, step.old, None))
                out.append(Edit(EditKind.INSERT, None, step.new))
                continue
        if step.move in across:
            kind = EditKind.DELETE if step.kind is EditKind.MOVE_FROM else EditKind.INSERT
            out.append(Edit(kind, step.old, step.new))
            continue
        out.append(step)
    # An OLD row no NEW row is: its deletions together, in OLD's order, where the first of them stood.
    gone: dict[etree._Element, list[int]] = {}
    for n, step in enumerate(out):
        a = row(old_paragraphs[step.old]) if step.old is not None else None
        if a is not None and a not in matched:
            gone.setdefault(a, []).append(n)
    moved: set[int] = set()
    at: dict[int, list[int]] = {}
    for where in gone.values():
        if len(where) > 1 and all(out[n].kind is EditKind.DELETE for n in where):
            at[where[0]] = sorted(where, key=lambda n: _index(out[n].old))
            moved.update(where)
    if not at:
        return out
    result: list[Edit] = []
    for n, step in enumerate(out):
        if n in at:
            result += [out[m] for m in at[n]]
        elif n not in moved:
            result.append(step)
    return result


def _label_of(labels: Sequence[str], index: int) -> str:
    return labels[index] if index < len(labels) else ""


def _unlabelled(text: str, label: str) -> str:
    """A paragraph's compared text without the list number Word draws for it."""
    return text[len(label) :].lstrip() if label and text.startswith(label) else text


def _number_apart(
    step: Edit, old: str, new: str, authors: Authors
) -> tuple[Sequence[Span], tuple[int, Revisions | None]]:
    """A reworded paragraph whose own typed number changed too ('2.10. Koostab …' → '2.9. Koostab ja
    esitab …'): the number swapped first, by the editorial author, then the words' diff, by the main one;
    (its spans, (how many lead, by whom)). Any other paragraph: its spans as they are."""
    if authors.of(step) is authors.editorial:
        return step.spans, (0, None)
    m_old, m_new = _LEAD.match(old), _LEAD.match(new)
    if m_old is None or m_new is None or m_old.group() == m_new.group():
        return step.spans, (0, None)
    lead = (Span(SpanOp.DELETE, m_old.group()), Span(SpanOp.INSERT, m_new.group()))
    return (*lead, *word_spans(old[m_old.end() :], new[m_new.end() :])), (2, authors.editorial)


class _MoveRanges:
    """The named range of each end of a move: one over all its paragraphs (a duty's task and results moved
    together), opened in the first and closed in the last, as Word writes a move of several paragraphs."""

    def __init__(self) -> None:
        self.open: dict[tuple[EditKind, int | None], etree._Element] = {}

    def mark(self, p: etree._Element, steps: Sequence[Edit], k: int, rev: Revisions) -> None:
        """Open the range of step k's move in its paragraph p when it is the first of the run of steps of that
        move's end, close it when the last."""
        step = steps[k]
        key = (step.kind, step.move)
        end = self.open.pop(key, None)
        if end is None:
            kind = Track.MOVE_FROM if step.kind is EditKind.MOVE_FROM else Track.MOVE_TO
            start, end = move_range(kind, f"move{step.move}", rev)
            put_first(p, start)
        following = steps[k + 1] if k + 1 < len(steps) else None
        if following is not None and (following.kind, following.move) == key:
            self.open[key] = end
        else:
            p.append(end)


def apply(
    steps: Sequence[Edit],
    old_texts: Sequence[str],
    new_paragraphs: Sequence[etree._Element],
    new_texts: Sequence[str],
    labels: Sequence[str],
    authors: Authors,
    *,
    anchor: etree._Element | None,
    body: etree._Element,
    inserted: list[tuple[etree._Element, Revisions]],
    old_paragraphs: Sequence[etree._Element | None] = (),
    old_labels: Sequence[str] = (),
) -> etree._Element | None:
    """Write the script into NEW's paragraphs; OLD's paragraphs go right after the paragraph before them
    (`anchor` for the first: the last one written before this script; None is the body's start).
    A whole row of an OLD table (`old_paragraphs`: OLD's own elements, when it is a Word file; `old_labels`
    their list numbers, drawn by Word) deleted after a row of a NEW table comes back as a tracked deleted
    row. Returns the last paragraph written."""
    steps = rows_as_units(steps, old_paragraphs, new_paragraphs)
    cells = _Cells.of(steps, old_paragraphs, new_paragraphs)
    ranges = _MoveRanges()
    pending = {new_paragraphs[e.new]: n for n, e in enumerate(steps) if e.kind is EditKind.INSERT and e.new is not None}
    done: set[int] = set()
    k = 0
    while k < len(steps):
        step = steps[k]
        k += 1
        rev = authors.of(step)
        kind = step.kind
        if kind in (EditKind.DELETE, EditKind.MOVE_FROM) and old_paragraphs:
            block = _deleted_table(steps, k - 1, old_paragraphs, anchor, body, rev) if kind is EditKind.DELETE else None
            if block is None:
                block = _deleted_row(steps, k - 1, old_paragraphs, anchor, cells.rows, rev)
            if block is not None:
                taken, anchor = block
                k += taken - 1
                continue
        own = old_paragraphs[step.old] if old_paragraphs and step.old is not None else None
        if k - 1 in done:
            continue
        if kind is EditKind.DELETE:
            count, takers = cells.replacing(steps, k - 1, old_paragraphs, anchor, pending, done)
            if takers:
                # Values replaced whole in a cell: OLD's words and NEW's in one paragraph each, as Word
                # writes them; OLD's paragraphs beyond NEW's go before them, deleted with their marks.
                # The cell has OLD's paragraphs on Reject All, NEW's on Accept All.
                extra = count - len(takers)
                for n in range(count):
                    gone = steps[k - 1 + n]
                    own = old_paragraphs[_index(gone.old)]
                    rpr = _rpr(own) if own is not None else None
                    text = old_texts[_index(gone.old)]
                    if n < extra:
                        takers[0][1].addprevious(old_paragraph(text, None, authors.of(gone), own=own))
                        continue
                    at, taker = takers[n - extra]
                    put_first(taker, tracked(Track.DEL, text, authors.of(gone), rpr=rpr))
                    if at < k:  # inserted already: its paragraph break is no longer new
                        inserted[:] = [(p, r) for p, r in inserted if p is not taker]
                    else:
                        insert(taker, authors.of(steps[at]))
                    done.add(at)
                anchor = takers[-1][1]
                k += count - 1
                continue
        if kind in (EditKind.DELETE, EditKind.MOVE_FROM):
            assert step.old is not None
            track = Track.DEL if kind is EditKind.DELETE else Track.MOVE_FROM
            like = anchor if anchor is not None else (new_paragraphs[0] if new_paragraphs else None)
            p = old_paragraph(old_texts[step.old], like, rev, track, own=own)
            if track is Track.MOVE_FROM:
                ranges.mark(p, steps, k - 1, rev)
            upcoming = next((new_paragraphs[e.new] for e in islice(steps, k, None) if e.new is not None), None)
            cells.place(p, own, anchor, upcoming, body)
            anchor = p
            continue
        assert step.new is not None
        if kind is EditKind.SPLIT:
            chosen = new_paragraphs[step.new : step.new + step.width]
            texts = new_texts[step.new : step.new + step.width]
            _split(chosen, step, texts, labels[step.new : step.new + step.width], rev)
            anchor = chosen[-1]
            continue
        p = new_paragraphs[step.new]
        if kind is EditKind.MERGE:
            assert step.old is not None
            _merge(p, step, old_texts[step.old : step.old + step.width], labels[step.new], rev)
            anchor = p
            continue
        if kind is EditKind.PAIR:
            assert step.old is not None
            old_label, new_label = _label_of(old_labels, step.old), labels[step.new]
            if old_label or new_label:
                # Word draws the list numbers, in no run: only the words differ, or nothing does.
                old_words = _unlabelled(old_texts[step.old], old_label or new_label)
                new_words = _unlabelled(new_texts[step.new], new_label or old_label)
                if old_words != new_words:
                    reword(p, word_spans(old_words, new_words), "", rev, old=own)
            else:
                spans, lead = _number_apart(step, old_texts[step.old], new_texts[step.new], authors)
                reword(p, spans, "", rev, lead=lead, old=own)
        elif kind is EditKind.INSERT:
            insert(p, rev)
            inserted.append((p, rev))
        elif kind is EditKind.MOVE_TO:
            insert(p, rev, Track.MOVE_TO)
            inserted.append((p, rev))
            ranges.mark(p, steps, k - 1, rev)
        anchor = p
    return anchor


def _mark_revision(p: etree._Element) -> etree._Element | None:
    rpr = first_at(p, qn("w:pPr"), qn("w:rPr"))
    if rpr is None:
        return None
    return next((c for c in rpr if c.tag in (qn("w:ins"), qn("w:del"))), None)


def settle_last_marks(root: etree._Element, authors: Authors) -> None:
    """A paragraph mark before a table or at the end of a cell or body cannot come or go (Word joins a
    paragraph only with the paragraph after it): its revision moves to the paragraph before, so
    accepting or rejecting still joins the same text."""
    for container in [root, *root.iter(qn("w:tc"), qn("w:sdtContent"))]:
        blocks = [c for c in container if c.tag in (qn("w:p"), qn("w:tbl"), qn("w:sdt"))]
        for k, block in enumerate(blocks):
            following = blocks[k + 1] if k + 1 < len(blocks) else None
            if block.tag != qn("w:p") or (following is not None and following.tag == qn("w:p")):
                continue
            revision = _mark_revision(block)
            if revision is None:
                continue
            parent = revision.getparent()
            assert parent is not None
            parent.remove(revision)
            # Past paragraphs whose marks come or go the same way (OLD's deleted results at the end of a
            # cell): the first untracked mark before them joins the run, or an empty paragraph would stay.
            n = k - 1
            while n > 0 and blocks[n].tag == qn("w:p"):
                mark = _mark_revision(blocks[n])
                if mark is None or mark.tag != revision.tag:
                    break
                n -= 1
            before = blocks[n] if n >= 0 else None
            if before is not None and before.tag == qn("w:p") and _mark_revision(before) is None:
                kind = Track.INS if revision.tag == qn("w:ins") else Track.DEL
                author = revision.get(qn("w:author"))
                rev = authors.editorial if author == authors.editorial.author else authors.substantive
                mark_paragraph(before, kind, rev)


_SKIPPED = frozenset(
    qn(f"w:{t}")
    for t in (
        "pPr",
        "bookmarkStart",
        "bookmarkEnd",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "proofErr",
    )
)
_INSERTED = (qn("w:ins"), qn("w:moveTo"))
APART = timedelta(seconds=61)
"""LibreOffice joins one author's insertions less than a minute apart, even across an untracked paragraph end."""


def _content_children(p: etree._Element) -> list[etree._Element]:
    return [c for c in p if isinstance(c.tag, str) and c.tag not in _SKIPPED]


def keep_insertions_apart(root: etree._Element) -> None:
    """Where a paragraph ends with an insertion and the next begins with one, keep them two revisions.

    LibreOffice combines them into one, paragraph end included, and rejecting it joins the two paragraphs
    (Word does not). A replacement at the end is written inserted-then-deleted, or at the start
    deleted-then-inserted; failing both, the second insertion is dated a minute later."""
    for container in [root, *root.iter(qn("w:tc"), qn("w:sdtContent"))]:
        blocks = [c for c in container if c.tag in (qn("w:p"), qn("w:tbl"), qn("w:sdt"))]
        for x, y in zip(blocks, blocks[1:]):
            if x.tag != qn("w:p") or y.tag != qn("w:p"):
                continue
            mark = _mark_revision(x)
            if mark is not None and mark.tag == qn("w:ins"):
                continue  # the paragraph end is inserted itself: rejecting it is meant to join
            tail, head = _content_children(x), _content_children(y)
            if not tail or not head or tail[-1].tag not in _INSERTED or head[0].tag not in _INSERTED:
                continue
            if tail[-1].get(qn("w:author")) != head[0].get(qn("w:author")):
                continue
            if len(tail) > 1 and tail[-2].tag == qn("w:del"):
                tail[-1].addnext(tail[-2])
            elif len(head) > 1 and head[1].tag == qn("w:del"):
                head[0].addprevious(head[1])
            else:
                for el in head[0].iter(*_INSERTED):
                    stamp = datetime.strptime(el.get(qn("w:date"), ""), "%Y-%m-%dT%H:%M:%SZ")
                    el.set(qn("w:date"), (stamp + APART).strftime("%Y-%m-%dT%H:%M:%SZ"))


def _all_inserted(p: etree._Element) -> bool:
    """True when every run of text in a paragraph is inserted (or moved here)."""
    runs = [r for r in p.iter(qn("w:r")) if first_child(r, qn("w:t")) is not None]
    return all(any(a.tag in _INSERTED for a in r.iterancestors()) for r in runs)


def mark_inserted_rows(root: etree._Element, authors: Authors) -> None:
    """A table row of NEW whose every paragraph is inserted is an inserted row (`w:trPr/w:ins`): Reject
    All removes the row itself, not only its words."""
    for tr in root.iter(qn("w:tr")):
        paragraphs = [p for p in tr.iter(qn("w:p")) if first_below(p, qn("w:t")) is not None]
        if not paragraphs or not all(_all_inserted(p) for p in paragraphs):
            continue
        if first_below(tr, qn("w:delText")) is not None or first_below(tr, qn("w:moveFrom")) is not None:
            continue  # OLD's words stand in it too: the row stays, only its new words come and go
        trpr = first_child(tr, qn("w:trPr"))
        if trpr is not None and first_child(trpr, qn("w:ins")) is not None:
            continue
        first = next(tr.iter(*_INSERTED))
        author = first.get(qn("w:author"))
        rev = authors.editorial if author == authors.editorial.author else authors.substantive
        mark_row(tr, Track.INS, rev)
