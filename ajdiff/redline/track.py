"""Tracked changes in the new document's own paragraphs: the edit script written into WordprocessingML.

Each step of `compare.script` touches one paragraph of NEW (or adds one holding OLD's text):
kept paragraphs are not touched at all; a reworded one gets its changed words as `w:del`/`w:ins`
in its own formatting; an inserted one has its runs wrapped in `w:ins`; OLD's deleted or moved-away
paragraphs are added where they stood, as `w:del`/`w:moveFrom` with a deleted paragraph mark. So
Accept All leaves NEW's text and Reject All gives OLD's, paragraph by paragraph.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from lxml import etree

from ajdiff.changes import Span, SpanOp
from ajdiff.compare.script import Edit, EditKind
from ajdiff.read.formats.ooxml import qn
from ajdiff.redline.oxml import (
    Revisions,
    Track,
    element,
    mark_paragraph,
    mark_row,
    move_range,
    put_first,
    run,
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
        if r.find(qn("w:t")) is not None:
            rpr = r.find(qn("w:rPr"))
            return copy.deepcopy(rpr) if rpr is not None else None
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


def reword(p: etree._Element, spans: Sequence[Span], label: str, rev: Revisions) -> None:
    """Write a reworded paragraph's changed words as tracked deletions and insertions, in its own format."""
    spans = _strip_label(spans, label)
    if _is_rich(p):
        # Fields, pictures, links: keep them as they are; the old words go before them, deleted.
        old = "".join(s.text for s in spans if s.op is not SpanOp.INSERT)
        content = _content(p)
        for child in content:
            p.remove(child)
        p.append(tracked(Track.DEL, old, rev, rpr=_rpr_of(content)))
        p.append(_wrap(Track.INS, [c for c in content if c.tag == qn("w:r")], rev))
        for child in content:
            if child.tag != qn("w:r"):
                p.append(child)
        return
    rpr = _rpr(p)
    for child in _content(p):
        if child.tag in (qn("w:r"), qn("w:ins"), qn("w:moveTo")) or child.tag in _RUN_CONTAINERS:
            p.remove(child)
    for span in spans:
        if span.op is SpanOp.EQUAL:
            p.append(run(span.text, rpr=rpr))
        elif span.op is SpanOp.DELETE:
            p.append(tracked(Track.DEL, span.text, rev, rpr=rpr))
        else:
            p.append(tracked(Track.INS, span.text, rev, rpr=rpr))


def _rpr_of(content: Sequence[etree._Element]) -> etree._Element | None:
    for child in content:
        if child.tag == qn("w:r") and child.find(qn("w:rPr")) is not None:
            return copy.deepcopy(child.find(qn("w:rPr")))
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


def _paragraph_like(like: etree._Element | None) -> etree._Element:
    """A new paragraph with a neighbour's properties: its style and spacing, not its numbering, section
    or tracked property changes."""
    p = element("w:p")
    ppr = like.find(qn("w:pPr")) if like is not None else None
    if ppr is not None:
        kept = copy.deepcopy(ppr)
        for child in list(kept):
            if child.tag in (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange"), qn("w:numPr")):
                kept.remove(child)
        p.append(kept)
    return p


def old_paragraph(text: str, like: etree._Element | None, rev: Revisions, kind: Track = Track.DEL) -> etree._Element:
    """A paragraph holding OLD's text as deleted (or moved away), formatted like its neighbour in NEW."""
    p = _paragraph_like(like)
    rpr = _rpr(like) if like is not None else None
    p.append(tracked(kind, text, rev, rpr=rpr))
    mark_paragraph(p, Track.DEL, rev)
    return p


def cut_spans(spans: Sequence[Span], pieces: Sequence[str], side: SpanOp) -> list[list[Span]]:
    """A word diff over paragraphs joined by one space, cut back into one diff per paragraph.

    `side` is the side the paragraphs are on (INSERT: NEW's, cut by a SPLIT; DELETE: OLD's, by a MERGE).
    The joining space is where that side has a paragraph break: the other side's space there becomes a
    tracked space at the end of the paragraph before, so joining the paragraphs gives its text exactly."""
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
                if span.op is SpanOp.EQUAL:
                    add(other, char)  # a space on the other side, a break on this one
                piece += 1
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
            r.append(copy.deepcopy(rpr))
            etree.SubElement(r, qn("w:t"))
        p.addprevious(q)
        reword(q, spans, "", rev)
        mark_paragraph(q, Track.DEL, rev)
    reword(p, pieces[-1], label, rev)


def _row_of(el: etree._Element) -> etree._Element | None:
    return next((a for a in el.iterancestors(qn("w:tr"))), None)


def _deleted_row(
    steps: Sequence[Edit],
    k: int,
    old_paragraphs: Sequence[etree._Element | None],
    anchor: etree._Element,
    rev: Revisions,
) -> tuple[int, etree._Element] | None:
    """When steps k… delete every paragraph of one row of an OLD table and the anchor stands in a row of a
    NEW table: that row, copied and tracked as deleted, after the anchor's row; (steps taken, new anchor)."""
    index = steps[k].old
    first = old_paragraphs[index] if index is not None else None
    old_row = _row_of(first) if first is not None else None
    new_row = _row_of(anchor)
    if old_row is None or new_row is None:
        return None
    wanted = [p for p in old_row.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()]
    taken = 0
    while k + taken < len(steps) and steps[k + taken].kind is EditKind.DELETE and taken < len(wanted):
        index = steps[k + taken].old
        if index is None or old_paragraphs[index] is not wanted[taken]:
            break
        taken += 1
    if taken == 0 or taken != len(wanted):
        return None
    row = copy.deepcopy(old_row)
    # OLD's own tracked changes, as its text is read: insertions accepted, deletions gone.
    for wrapper in list(row.iter(qn("w:ins"), qn("w:moveTo"), qn("w:del"), qn("w:moveFrom"))):
        parent = wrapper.getparent()
        if parent is None or parent.tag in (qn("w:rPr"), qn("w:trPr")):
            continue
        if wrapper.tag in (qn("w:ins"), qn("w:moveTo")):
            for child in list(wrapper):
                wrapper.addprevious(child)
        parent.remove(wrapper)
    for r in list(row.iter(qn("w:r"))):
        for t in r.iter(qn("w:t")):
            t.tag = qn("w:delText")
        wrapper = _wrap(Track.DEL, [], rev)
        r.addprevious(wrapper)
        wrapper.append(r)
    for p in row.iter(qn("w:p")):
        if p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is None:
            mark_paragraph(p, Track.DEL, rev)
    mark_row(row, Track.DEL, rev)
    new_row.addnext(row)
    return taken, list(row.iter(qn("w:p")))[-1]


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
) -> etree._Element | None:
    """Write the script into NEW's paragraphs; OLD's paragraphs go right after the paragraph before them
    (`anchor` for the first: the last one written before this script; None is the body's start).
    A whole row of an OLD table (`old_paragraphs`: OLD's own elements, when it is a Word file) deleted
    after a row of a NEW table comes back as a tracked deleted row. Returns the last paragraph written."""
    k = 0
    while k < len(steps):
        step = steps[k]
        k += 1
        rev = authors.of(step)
        kind = step.kind
        if kind is EditKind.DELETE and anchor is not None and old_paragraphs:
            row = _deleted_row(steps, k - 1, old_paragraphs, anchor, rev)
            if row is not None:
                taken, anchor = row
                k += taken - 1
                continue
        if kind in (EditKind.DELETE, EditKind.MOVE_FROM):
            assert step.old is not None
            track = Track.DEL if kind is EditKind.DELETE else Track.MOVE_FROM
            like = anchor if anchor is not None else (new_paragraphs[0] if new_paragraphs else None)
            p = old_paragraph(old_texts[step.old], like, rev, track)
            if track is Track.MOVE_FROM:
                start, end = move_range(Track.MOVE_FROM, f"move{step.move}", rev)
                put_first(p, start)
                p.append(end)
            if anchor is not None:
                anchor.addnext(p)
            else:
                body.insert(0, p)
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
            reword(p, step.spans, labels[step.new], rev)
        elif kind is EditKind.INSERT:
            insert(p, rev)
            inserted.append((p, rev))
        elif kind is EditKind.MOVE_TO:
            insert(p, rev, Track.MOVE_TO)
            inserted.append((p, rev))
            start, end = move_range(Track.MOVE_TO, f"move{step.move}", rev)
            put_first(p, start)
            p.append(end)
        anchor = p
    return anchor


def _mark_revision(p: etree._Element) -> etree._Element | None:
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
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
            before = blocks[k - 1] if k > 0 else None
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
    runs = [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    return all(any(a.tag in _INSERTED for a in r.iterancestors()) for r in runs)


def mark_inserted_rows(root: etree._Element, authors: Authors) -> None:
    """A table row of NEW whose every paragraph is inserted is an inserted row (`w:trPr/w:ins`): Reject
    All removes the row itself, not only its words."""
    for tr in root.iter(qn("w:tr")):
        paragraphs = [p for p in tr.iter(qn("w:p")) if p.find(f".//{qn('w:t')}") is not None]
        if not paragraphs or not all(_all_inserted(p) for p in paragraphs):
            continue
        if tr.find(f".//{qn('w:delText')}") is not None or tr.find(f".//{qn('w:moveFrom')}") is not None:
            continue  # OLD's words stand in it too: the row stays, only its new words come and go
        trpr = tr.find(qn("w:trPr"))
        if trpr is not None and trpr.find(qn("w:ins")) is not None:
            continue
        first = next(tr.iter(*_INSERTED))
        author = first.get(qn("w:author"))
        rev = authors.editorial if author == authors.editorial.author else authors.substantive
        mark_row(tr, Track.INS, rev)
