"""Write the block model as a .docx with python-docx; tracked changes via `oxml`."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from ajdiff.changes import ComparisonSet
from ajdiff.compare.worddiff import word_spans
from ajdiff.model import JobDescription
from ajdiff.redline import oxml
from ajdiff.redline.layout import (
    Block,
    LayoutOptions,
    Para,
    Presence,
    Row,
    Segment,
    Style,
    Table,
    annex_blocks,
    document_blocks,
    page_break,
    paragraph_marks,
)
from ajdiff.redline.oxml import Revisions, Track, enable_track_revisions
from ajdiff.redline.summary import summary_blocks
from ajdiff.review import Review

_WORD_STYLES: dict[Style, str] = {
    Style.TITLE_BLOCK: "Normal",
    Style.TITLE: "Title",
    Style.POST: "Subtitle",
    Style.HEADING: "Heading 1",
    Style.SUBHEADING: "Heading 2",
    Style.BODY: "Normal",
    Style.BULLET: "List Bullet",
    Style.CELL: "Normal",
    Style.CELL_LABEL: "Normal",
    Style.PAGE_BREAK: "Normal",
}
_CONTENT_TRACK = {
    Presence.NEW: Track.INS,
    Presence.OLD: Track.DEL,
    Presence.MOVED_FROM: Track.MOVE_FROM,
    Presence.MOVED_TO: Track.MOVE_TO,
}
# Paragraph marks and rows are plain insertions and deletions, also inside a move.
_MARK_TRACK = {
    Presence.NEW: Track.INS,
    Presence.OLD: Track.DEL,
    Presence.MOVED_FROM: Track.DEL,
    Presence.MOVED_TO: Track.INS,
}


@dataclass(frozen=True)
class RedlineOptions:
    """Everything that shapes a redline file besides the comparison."""

    author: str = "ajdiff"
    date: datetime | None = None
    layout: LayoutOptions = field(default_factory=LayoutOptions)
    review: Review | None = None


class _Writer:
    """Appends blocks to a python-docx Document, tracking what differs."""

    def __init__(self, document: Document, rev: Revisions, comment_author: str) -> None:
        self.document = document
        self.rev = rev
        self.comment_author = comment_author
        self._style_ids: dict[str, str | None] = {}

    def _style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """A style's id (None for the default style), looked up once: python-docx scans every style per lookup."""
        if name not in self._style_ids:
            self._style_ids[name] = self.document.part.get_style_id(self.document.styles[name], kind)
        return self._style_ids[name]

    def blocks(self, blocks: Sequence[Block]) -> None:
        """Write blocks in order, computing the tracked marks of each paragraph container."""
        run: list[Para] = []
        for block in [*blocks, None]:
            if isinstance(block, Para):
                run.append(block)
                continue
            for para, mark in zip(run, paragraph_marks([p.presence for p in run])):
                self.paragraph(self.document.add_paragraph()._p, para, mark)
            run = []
            if isinstance(block, Table):
                self.table(block)

    def table(self, table: Table) -> None:
        """A table with one tracked row per inserted, deleted or moved unit."""
        t = self.document.add_table(rows=0, cols=len(table.widths))
        t._tbl.tblStyle_val = self._style_id("Table Grid", WD_STYLE_TYPE.TABLE)
        t.autofit = False
        for column, width in zip(t.columns, table.widths):
            column.width = Cm(width)  # the grid, which LibreOffice reads; cells carry their own width too
        for row in table.rows:
            cells = t.add_row().cells
            tr = cells[0]._tc.getparent()
            if row.header:
                oxml.mark_header_row(tr)
            for cell, paras, width in zip(cells, row.cells, table.widths):
                cell.width = Cm(width)
                p_elements = [cell.paragraphs[0]._p]
                for _ in paras[1:]:
                    p_elements.append(cell.add_paragraph()._p)
                for p, para, mark in zip(p_elements, paras, paragraph_marks([x.presence for x in paras])):
                    self.paragraph(p, para, mark)
            if row.presence is not Presence.BOTH:
                oxml.mark_row(tr, _MARK_TRACK[row.presence], self.rev)
            if row.move and row.presence in (Presence.MOVED_FROM, Presence.MOVED_TO):
                self._move_range(tr, row)

    def _move_range(self, tr: etree._Element, row: Row) -> None:
        # The range spans the row: from its first paragraph's start to its last paragraph's end.
        start, end = oxml.move_range(_CONTENT_TRACK[row.presence], row.move or "move", self.rev)
        paragraphs = list(tr.iter(oxml.qn("w:p")))
        first, last = paragraphs[0], paragraphs[-1]
        ppr = first.find(oxml.qn("w:pPr"))
        if ppr is None:
            first.insert(0, start)
        else:
            ppr.addnext(start)
        last.append(end)

    def paragraph(self, p: etree._Element, para: Para, mark: Presence) -> None:
        """Fill one `w:p`: style, runs (tracked per segment), and a tracked mark if needed."""
        p_proxy = Paragraph(p, self.document._body)
        p.style = self._style_id(_WORD_STYLES[para.style], WD_STYLE_TYPE.PARAGRAPH)
        if para.style is Style.TITLE_BLOCK:
            p_proxy.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if para.style in (Style.HEADING, Style.SUBHEADING):
            oxml.set_keep_with_next(p)
        if para.style is Style.PAGE_BREAK:
            p.append(oxml.page_break_run())
        bold = para.style is Style.CELL_LABEL
        for segment in para.segments:
            elements = self._segment(segment, para.presence, bold)
            if segment.comment:
                elements = self._comment(elements, segment.comment)
            for el in elements:
                p.append(el)
        if mark is not Presence.BOTH:
            oxml.mark_paragraph(p, _MARK_TRACK[mark], self.rev)

    def _segment(self, segment: Segment, presence: Presence, bold: bool) -> list[etree._Element]:
        if presence is not Presence.BOTH:
            text = segment.new if presence.in_new else segment.old
            return [oxml.tracked(_CONTENT_TRACK[presence], text, self.rev, bold=bold)] if text else []
        old, new = segment.old, segment.new
        if old == new:
            return [oxml.run(new, bold=bold)] if new else []
        if not old:
            return [oxml.tracked(Track.INS, new or "", self.rev, bold=bold)] if new else []
        if not new:
            return [oxml.tracked(Track.DEL, old, self.rev, bold=bold)]
        out = []
        for span in word_spans(old, new):
            if not span.text:
                continue
            if span.op.value == "=":
                out.append(oxml.run(span.text, bold=bold))
            else:
                kind = Track.DEL if span.op.value == "-" else Track.INS
                out.append(oxml.tracked(kind, span.text, self.rev, bold=bold))
        return out

    def _comment(self, elements: list[etree._Element], text: str) -> list[etree._Element]:
        comment = self.document.comments.add_comment(text=text, author=self.comment_author, initials="")
        comment._comment_elm.date = self.rev.date
        start, end, ref = oxml.comment_range(comment.comment_id)
        return [start, *elements, end, ref]


def _new_document(title: str, author: str) -> Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.0)
    document.styles["Normal"].font.size = Pt(11)
    props = document.core_properties
    props.title = title
    props.author = author
    props.comments = "ajdiff redline"
    return document


def _save(document: Document, date: datetime) -> bytes:
    document.core_properties.created = date
    document.core_properties.modified = date
    document.core_properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _now() -> datetime:
    from datetime import timezone

    return datetime.now(timezone.utc).replace(microsecond=0)


def write_blocks(blocks: Sequence[Block], *, author: str = "ajdiff", date: datetime | None = None) -> bytes:
    """A .docx of blocks alone (no summary), for rendering one document and for tests."""
    date = date or _now()
    document = _new_document("ajdiff", author)
    _Writer(document, Revisions(author, date), author).blocks(blocks)
    return _save(document, date)


def render_document(doc: JobDescription, *, date: datetime | None = None) -> bytes:
    """One document with no changes, in the redline's layout: what Accept/Reject All must give."""
    return write_blocks(document_blocks(doc), date=date)


def redline_blocks(changes: ComparisonSet, options: RedlineOptions = RedlineOptions()) -> list[Block]:
    """The summary page, then every paired annex on its own page."""
    lay = options.layout
    blocks = summary_blocks(changes, lang=lay.lang, review=options.review, show_editorial=lay.show_editorial)
    for k, pair in enumerate(changes.pairs):
        blocks.append(page_break())
        blocks += annex_blocks(pair, lay, options.review, move_prefix=f"ajdiff-move-{k + 1}-")
    return blocks


def build_redline(changes: ComparisonSet, options: RedlineOptions = RedlineOptions()) -> bytes:
    """The redline .docx of a comparison: summary page first, then the tracked annexes."""
    date = options.date or _now()
    title = "Muudatuste kokkuvõte" if options.layout.lang != "en" else "Summary of changes"
    if len(changes.pairs) == 1:
        title = f"{title}: {changes.pairs[0].new.label}"
    document = _new_document(title, options.author)
    comment_author = (options.review.author if options.review else None) or options.author
    _Writer(document, Revisions(options.author, date), comment_author).blocks(redline_blocks(changes, options))
    enable_track_revisions(document.settings.element)
    return _save(document, date)
