"""PDF: the text layer, page by page, without running headers, footers and page numbers.

pypdf gives visual lines. With the positions its visitor reports, lines are joined back into
paragraphs: a line continues the paragraph above when it sits one line-height lower and starts
where the last piece of the line above (its text, or its value cell) starts. When the document shows no paragraph
spacing at all, paragraphs cannot be told apart and the visual lines are given as they are (`wrapped=True`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import os
import re
import signal
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import field
from types import FrameType
from typing import Any

from ajdiff.errors import InputError
from ajdiff.i18n import _
from ajdiff.read.formats import MAX_LINE_CHARS, SourceText
from ajdiff.read.lexicon import text_looks_like_ocr
from ajdiff.read.vocabulary import is_table_header, match_label
from ajdiff.records import dataclass
from ajdiff.text import (
    ParagraphTooLong,
    ends_sentence,
    join_wrapped,
    normalize_line,
    starts_lower,
    strip_bullet,
    wants_more,
)
from ajdiff.tree import Origin

# "3", "- 3 -", "Lk 2 / 5", "lk. 2", "2 (5)", "2/5", "Page 2 of 5", "Leht 2".
_PAGE_NUMBER = re.compile(
    r"^(?:(?:lk|lehek(?:ülg|ulg)|leht|page|p)\.?\s*)?[-–]?\s*\d{1,4}\s*[-–]?"
    r"(?:\s*(?:/|\(|of|-|kokku)\s*\d{1,4}\s*\)?)?$",
    re.IGNORECASE,
)
_SPLIT_NUMBER = re.compile(r"^\d{1,2}$")  # a lone "4": a page's number, or an item's number cut before ".2"
MAX_PDF_PAGES = 1000
"""Most pages read from one PDF (an order with eleven annexes has about sixty): a bound on work."""
_MIN_CHARS_PER_PAGE = 20
_EDGE_LINES = 3  # header/footer candidates: this many lines at the top and at the bottom of a page
_X_TOLERANCE = 3.0  # points; cells and paragraphs that start within this are aligned
_LINE_FACTOR = 1.32  # without a measured line pitch, a larger step (in font sizes) is a paragraph gap
_NUMBERED = re.compile(r"^\d+(?:\.\d+)+\.?\s")  # "2.1. " starts a duty
_LABEL_MAX_CHARS = 60
_ITEM_START = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.\s|^\d{1,2}(?:\.\d{1,2})+\s")  # "3.2 ", "1. ", not "2025 "
_ROW_PADDING = 0.3  # points: a table row's borders and padding add at least this to the line pitch
_CELL_GAP = 3.0  # font sizes: a step no paragraph gap inside a table cell reaches
_FIT = 0.9  # characters are a rough measure of width: leave a margin before saying "it would fit"
_GLYPH_SLACK = 1.0  # points: what kerning pairs and rounding may move a line's measured end
_MAX_BOUND_COLUMNS = 24  # a page with more columns of text is no table of cells: its lines are not bounded


@dataclass
class _Glyphs:
    """One font's advance widths by character, in thousandths of the font size (the font's /Widths or /W)."""

    widths: dict[str, float]
    missing: float
    """The width of a character the font does not list (its /MissingWidth or /DW, or pypdf's estimate)."""

    def width(self, text: str) -> float:
        """The advance of `text` in thousandths of the font size."""
        get, missing = self.widths.get, self.missing
        return sum([get(char, missing) for char in text])


@dataclass
class _Ink:
    """Where a piece of text ends on the page and how to measure more of its font: the glyph rule's facts."""

    end: float
    glyphs: _Glyphs
    scale: float
    """Points per thousandth of the font size: the size times the text and page matrices' horizontal scale."""


@dataclass
class _Line:
    """One visual line (or one table cell's part of it): its text and where its pieces start."""

    pieces: list[tuple[float | None, str]] = field(default_factory=list)
    y: float | None = None
    size: float = 0.0
    page: int = 0
    """1-based page the line is on."""
    in_row: bool = False
    """Another cell's text shares its baseline: a line of a table with two or more columns."""
    inks: list[_Ink | None] = field(default_factory=list)
    """Per piece: where its text ends, measured in its font's glyph widths (None: not measured)."""
    bound: int = -1
    """The column of the next table cell to the right, where a column at the line's height starts (-1: none)."""

    @property
    def text(self) -> str:
        """The whole line, normalised."""
        return normalize_line("".join(text for _, text in self.pieces))

    @property
    def xs(self) -> list[float]:
        """Where the pieces start."""
        return [x for x, _ in self.pieces if x is not None]

    @property
    def x(self) -> float | None:
        """Where the line starts."""
        xs = self.xs
        return xs[0] if xs else None

    @property
    def spaced_end(self) -> bool:
        """The line ended in a space: it broke at a space, so a final '-' is no hyphenation."""
        raw = "".join(text for _, text in self.pieces)
        return raw[-1:].isspace()

    @property
    def end(self) -> _Ink | None:
        """Where the line's last positioned piece ends, when its font's widths measured it."""
        for (x, _text), ink in zip(reversed(self.pieces), reversed(self.inks)):
            if x is not None:
                return ink
        return None

    @property
    def start(self) -> _Ink | None:
        """The first positioned piece's measure: the font the line's first word is set in."""
        for (x, _text), ink in zip(self.pieces, self.inks):
            if x is not None:
                return ink
        return None

    def add(self, x: float | None, text: str, ink: _Ink | None = None) -> None:
        """Add a piece of text (and its measure)."""
        self.pieces.append((x, text))
        self.inks.append(ink)

    @property
    def tail(self) -> str:
        """The text from the last positioned piece on: a value cell's line without its label."""
        for i in range(len(self.pieces) - 1, -1, -1):
            if self.pieces[i][0] is not None:
                return normalize_line("".join(text for _, text in self.pieces[i:]))
        return self.text


def _page_lines(
    page: Any, number: int = 0, check: Callable[[], None] = lambda: None, fonts: dict[object, Any] | None = None
) -> list[_Line]:
    """The visual lines of page `number`, in pypdf's order, with positions from its visitor.

    `fonts` keeps each font's glyph widths for the document's next pages (see `_font_glyphs`).
    """
    lines: list[_Line] = [_Line(page=number)]
    fonts = {} if fonts is None else fonts
    moved = [0.0]  # the TJ arrays' numbers since the last piece: kerning, and a justified line's word spacing

    def operator(op: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        if op == b"TJ" and operands and isinstance(operands[0], list):
            moved[0] += sum(float(v) for v in operands[0] if isinstance(v, (int, float)))

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        check()
        shift, moved[0] = moved[0], 0.0
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
        placed = False
        for i, piece in enumerate(text.split("\n")):
            if i:
                lines.append(_Line(page=number))
            line = lines[-1]
            if piece.strip() and not placed:
                placed = True  # the position belongs to the first visible piece of the fragment
                if line.y is None:
                    line.y = y
                    line.size = size * scale
                # A number in a TJ array moves the next glyph back by thousandths of the font size.
                back = shift if "\n" not in text else 0.0
                line.add(x, piece, _ink(fonts, font, piece, x, size * abs(tm[0] * cm[0]) / 1000, back))
            elif piece:
                line.add(None, piece)

    page.extract_text(visitor_text=visit, visitor_operand_before=operator)
    return [line for line in lines if line.text]


def _ink(fonts: dict[object, Any], font: object, text: str, x: float, scale: float, back: float = 0.0) -> _Ink | None:
    """Where `text` set at x in `font` ends (its glyphs moved `back` thousandths of the size in all), or None
    when the font lists no widths."""
    if font is None or not scale:
        return None
    ref: Any = getattr(font, "indirect_reference", None)
    key: object = (ref.idnum, ref.generation) if ref is not None else id(font)
    if key not in fonts:
        # The font object is kept with its widths: an id() stays its own while the object lives.
        fonts[key] = (font, _font_glyphs(font))
    glyphs = fonts[key][1]
    if glyphs is None:
        return None
    if back:
        # pypdf writes a space where a TJ number opens a word gap, after the font's own space too: the
        # number is the gap, so a run of spaces counts one glyph (a justified line, LibreOffice's).
        text = re.sub("  +", " ", text)
    return _Ink(x + (glyphs.width(text.rstrip()) - back) * scale, glyphs, scale)


def _font_glyphs(font: Any) -> _Glyphs | None:
    """A font's advance widths by the characters the text shows, read once per document by pypdf's own
    font reader (its /Widths from /FirstChar, or a CID font's /W, and /MissingWidth or /DW; the standard
    14 fonts' metrics). None when the font lists no widths, or this pypdf has no such reader: then
    characters are counted instead."""
    try:
        from pypdf.generic._font import Font
    except ImportError:  # an older pypdf (below 7): its font reader keyed widths otherwise
        return None
    try:
        parsed = Font.from_font_resource(font)
    except Exception:  # a damaged font dictionary: counted in characters, as without widths
        return None
    codes = {code: float(width) for code, width in parsed.character_widths.items() if code != "default"}
    if not codes:
        return None
    encoding, unicode = parsed.encoding, parsed.character_map
    widths: dict[str, float] = {}
    for code, width in codes.items():
        # A character code as pypdf shows it: through the font's encoding, then its /ToUnicode map.
        raw = encoding.get(ord(code), code) if isinstance(encoding, dict) and len(code) == 1 else code
        shown = unicode.get(raw, raw)
        if isinstance(shown, str) and shown:
            for char in shown:  # a ligature's width shared by its letters
                widths.setdefault(char, width / len(shown))
    return _Glyphs(widths, float(parsed.character_widths.get("default", 0.0)))


def _is_label(text: str) -> bool:
    """A label cell such as 'Struktuuriüksus': short, capitalised, unnumbered, not a sentence end."""
    return (
        len(text) <= _LABEL_MAX_CHARS
        and not starts_lower(text)
        and not _NUMBERED.match(text + " ")
        and not ends_sentence(text)
    )


def _split_cells(lines: list[_Line], starts: set[int], cut: _Line | None = None) -> list[_Line]:
    """Split a line where two table cells share a baseline, unless the first cell is a label.

    A piece starting where other lines of the document start is a table cell; "2.1. Task." followed
    by "Result." on one baseline becomes two lines, as a text export has them, and so do the ends of
    two cells continued on a new page. A label and its value stay together: the parser wants that,
    except on the line `cut`: a row whose first cell the page break cut (see `_cut_by_the_page`).
    """
    out: list[_Line] = []
    for line in lines:
        cells: list[_Line] = [_Line([], line.y, line.size, line.page)]
        for k, ((x, text), ink) in enumerate(zip(line.pieces, line.inks)):
            if k and x is not None and _column(x) in starts and cells[-1].text:
                cells.append(_Line([], line.y, line.size, line.page))
            cells[-1].add(x, text, ink)
        if len(cells) >= 2 and (line is cut or not _is_label(cells[0].text)):
            out.append(cells[0])
            rest = _Line([], line.y, line.size, line.page)
            for cell in cells[1:]:
                for (x, text), ink in zip(cell.pieces, cell.inks):
                    rest.add(x, text, ink)
            out.append(rest)
        else:
            out.append(line)
    return out


def _cut_by_the_page(lines: list[_Line], after: list[_Line]) -> _Line | None:
    """The page's last line of a table row whose first cell the page break cut, or None.

    Short and unfinished, a duty's first line looks like a label ("3. Auditi käigu korrektne" | "Kõik
    auditi jooksul tehtavad", Sotsiaalministeerium's duty table on an A4 page; Pärnu's "1. Koduhooldusteenuste
    osutamine" | "• tellimuste …" at 10 pt); the next page going on in that cell's column in lowercase
    ("dokumenteerimine.", "vastavalt Eakate …") shows it is a cell cut by the page, whose rest belongs to it,
    not to the value glued after it.
    """
    top = after[0] if after else None
    if top is None or top.x is None or not _goes_on(top.text):
        return None
    col = _column(top.x)
    at = [line for line in lines if line.xs and line.y is not None and _column(line.xs[0]) == col]
    last = min(at, key=lambda line: line.y or 0.0, default=None)  # the cell's lowest line on the page
    return last if last is not None and len(last.xs) >= 2 else None


def _edge_key(line: _Line) -> tuple[str, int]:
    """A running header/footer candidate: its text with digits masked, and its height on the page."""
    return re.sub(r"\d+", "#", line.text.lower()), round(line.y or 0)


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove page numbers and lines repeated at the same place on most pages."""
    counts: Counter[tuple[str, int]] = Counter()
    for lines in pages:
        edges = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        counts.update({_edge_key(line) for line in edges if line.y is not None})
    threshold = max(2, int(0.6 * len(pages) + 0.5))
    running = {key for key, n in counts.items() if n >= threshold}

    def dropped(line: _Line) -> bool:
        return bool(_PAGE_NUMBER.match(line.text)) or (line.y is not None and _edge_key(line) in running)

    result = []
    for k, lines in enumerate(pages):
        edge_ids = {id(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]}
        # The line after each: the next on the page, or the next page's first that is not dropped.
        after = (
            next((line for line in pages[k + 1][:_EDGE_LINES] if not dropped(line)), None)
            if k + 1 < len(pages)
            else None
        )
        following = [*lines[1:], after]
        # A lone "4" whose number the next line goes on (".2 vastutab …") is a number split over lines, as the
        # register's text splits Surju's "4" / ".2", at a page's foot or near it: the item's, not the page's.
        kept = [
            line
            for line, below in zip(lines, following)
            if id(line) not in edge_ids
            or not dropped(line)
            or (_SPLIT_NUMBER.match(line.text) and below is not None and re.match(r"\.\d", below.text))
        ]
        result.append(kept)
    return result


def _drop_repeated_header_rows(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Remove a table's header row repeated at the top of a later page.

    Word and LibreOffice repeat a table's header row ("Ülesanded | Tulemused") on every page the table
    runs over; the document has it once. Left in, it would sit between the two halves of a row split
    by the page break, and each cell's continuation would be read as a paragraph of its own. Only a
    duty table's header is dropped: a label | value row can open a page of each annex ("Vahetu juht |
    Talituse juhataja") and is content every time.
    """
    seen: set[tuple[str, tuple[int, ...]]] = set()
    result = []
    for lines in pages:
        kept = []
        for k, line in enumerate(lines):
            key = (line.text, tuple(_column(x) for x in line.xs))
            repeated = k < _EDGE_LINES and len(key[1]) >= 2 and key in seen
            # "2. Peamised teenistusülesanded | Oodatavad tulemused" is a numbered heading of each annex.
            if repeated and not line.text[:1].isdigit() and is_table_header(line.text):
                continue
            if len(key[1]) >= 2:
                seen.add(key)  # a row of two or more cells on one baseline
            kept.append(line)
        result.append(kept)
    return result


def _leading(pages: list[list[_Line]]) -> float | None:
    """The document's line pitch within a paragraph: a low percentile of the steps between aligned lines."""
    steps = sorted(
        prev.y - line.y
        for lines in pages
        for prev, line in zip(lines, lines[1:])
        if prev.y is not None and line.y is not None and prev.x is not None and line.x is not None
        and abs(prev.xs[-1] - line.x) <= _X_TOLERANCE and 0.8 * line.size < prev.y - line.y < 3 * line.size
    )  # fmt: skip
    return steps[len(steps) // 10] if steps else None


def _continues(
    prev: _Line, line: _Line, widths: _Columns | None, leading: float | None, pitch: float | None = None
) -> tuple[bool, bool]:
    """Whether line continues prev's paragraph; and whether a paragraph gap was what said no."""
    if prev.y is None or line.y is None or line.x is None:
        return starts_lower(line.text) and not ends_sentence(prev.text), False
    step = prev.y - line.y
    size = max(prev.size, line.size, 1.0)
    if step <= 0.3 * size:
        return False, False  # went up or stayed: another column or table cell
    # Align with where prev's last piece starts: the value cell of "label | value", or the text itself.
    if abs(line.x - prev.xs[-1]) > _X_TOLERANCE:
        return False, False
    if step > (leading + max(2.0, 0.25 * size) if leading else _LINE_FACTOR * size):
        return False, True
    # A table without paragraph spacing: only the cells' padding shows where a row ends.
    new_row = _ITEM_START.match(line.text) or (ends_sentence(prev.text) and not starts_lower(line.text))
    # The page's own pitch: a list set at 1.15 lines on one page must not read as rows on another.
    if pitch and step > pitch + _ROW_PADDING and new_row:
        return False, False
    if widths is None:
        return True, False
    # Without a gap: when the next line's first word would have fitted here, the paragraph ended.
    if not starts_lower(line.text) and _would_fit(prev, line, widths):
        return False, False
    return True, False


def _padded_columns(lines: list[_Line], pitch: float | None, leading: float | None) -> frozenset[int]:
    """The columns of a page's table cells whose rows show their padding: a step between two of its lines
    a padding above the page's pitch and short of a paragraph gap (where rows show none, no step says
    which line starts a row)."""
    if not pitch:
        return frozenset()
    found = set()
    last: dict[int, _Line] = {}  # column -> its last line: a page draws a row cell by cell
    for line in lines:
        if line.y is None or line.x is None or line.bound < 0:
            continue
        col = _column(line.x)
        prev = last.get(col)
        last[col] = line
        if prev is None or prev.y is None:
            continue
        step, size = prev.y - line.y, max(prev.size, line.size, 1.0)
        if pitch + _ROW_PADDING < step <= (leading + max(2.0, 0.25 * size) if leading else _LINE_FACTOR * size):
            found.add(col)
    return frozenset(found)


def _fills(prev: _Line, line: _Line, widths: _Columns) -> bool:
    """Whether prev reached its column's edge: the line's first word, measured in glyph widths, would not
    have fitted after it (False where the fonts list no widths: characters are too rough to say so)."""
    end, start, edge = prev.end, line.start, widths.edges.get((_width_key(prev), prev.bound)) if prev.xs else None
    if end is None or start is None or edge is None:
        return False
    return not _would_fit(prev, line, widths)


def _opens_with_a_name(text: str) -> bool:
    """'Saaremaa Ühisgümnaasiumi …': two capitalised words, not in capitals, open the line: a name, which goes
    on a sentence, where a capital and a lowercase word open a sentence or a label ('Teenistuja asendaja')."""
    words = text.split(" ", 2)
    return len(words) >= 2 and all(word[:1].isupper() and word[1:2].islower() for word in words[:2])


def _is_cell_start(text: str) -> bool:
    """A line that opens something of its own: a table header ('Ülesanded Tulemused'), a bulleted item, or a
    field's label ('Teenistuskoht Talituse juhataja', Sotsiaalkindlustusamet 2024_164 on an A5 page)."""
    return is_table_header(text) or bool(strip_bullet(text)[1]) or match_label(text) is not None


def _would_fit(prev: _Line, line: _Line, widths: _Columns) -> bool:
    """Whether the line's first word would have fitted on prev: then prev ended by choice, not by width
    (a label "1.7. Asendab" above its value "teenistuse direktorit …").

    Measured in the fonts' glyph widths where the fonts list them: prev's end, a space and the word
    against the right edge of prev's column as the page's lines reach it ("iiii" and "MMMM" differ
    fourfold). Counted in characters against the column's longest line otherwise, with a margin.
    """
    if not prev.xs:
        return False
    key = _width_key(prev)
    end, start, edge = prev.end, line.start, widths.edges.get((key, prev.bound))
    word = line.text.split(" ", 1)[0]
    if end is not None and start is not None and edge is not None:
        space = end.glyphs.width(" ") * end.scale
        return end.end + space + start.glyphs.width(word) * start.scale <= edge - _GLYPH_SLACK
    return len(prev.tail) + 1 + len(word) < _FIT * widths.chars.get(key, 0)


def _column(x: float) -> int:
    return round(x / _X_TOLERANCE)


def _width_key(line: _Line) -> int:
    # A table's column and the body text may start at one x; their widths differ (odd keys: table).
    return 2 * _column(line.xs[-1]) + line.in_row


@dataclass
class _Columns:
    """A page's columns by `_width_key`: how far their lines reach, in characters and in points."""

    chars: dict[int, int] = field(default_factory=dict)
    """The longest line's length in characters."""
    edges: dict[tuple[int, int], float] = field(default_factory=dict)
    """By `_width_key` and the next cell's column (`_Line.bound`): the rightmost end of a line measured in its
    font's glyph widths, the column's right edge as the page shows it."""
    open_columns: frozenset[int] = frozenset()
    """The columns that bound the page's last lines: a table that may go on on the next page."""


def _widths(lines: list[_Line], above: frozenset[int] = frozenset()) -> _Columns:
    """How far the lines that start at each x on a page reach, in a table or not: a column's full width.

    `above`: the columns that bounded the last lines of the page before (see `_bound_cells`)."""
    xs_at: dict[int, set[int]] = {}
    for line in lines:
        if line.y is not None:
            xs_at.setdefault(round(line.y), set()).update(_column(x) for x in line.xs)
    for line in lines:
        line.in_row = line.y is not None and len(xs_at.get(round(line.y), ())) >= 2
    widths = _Columns(open_columns=_bound_cells(lines, above))
    chars, edges = widths.chars, widths.edges
    for line in lines:
        if line.xs:
            key = _width_key(line)
            chars[key] = max(chars.get(key, 0), len(line.tail))
            end = line.end
            if end is not None:
                edge = (key, line.bound)
                edges[edge] = max(edges.get(edge, end.end), end.end)
    return widths


def _page_columns(pages: list[list[_Line]]) -> list[_Columns]:
    """Each page's columns (`_widths`), a table going on from one page to the next, text outside tables reaching
    its widest page's edge: computed once a document."""
    columns: list[_Columns] = []
    for lines in pages:
        columns.append(_widths(lines, columns[-1].open_columns if columns else frozenset()))
    # Text outside tables has one width on every page: a page of a few lines shows less of it than the
    # document does (a title cut by a page begun low, '… kinnitamine“' / 'lisa 2', PPA: its longest line
    # would be its own edge, and no next word would fit after it).
    body: dict[tuple[int, int], float] = {}
    for page in columns:
        for (key, bound), edge in page.edges.items():
            if key % 2 == 0 and bound < 0:  # an even `_width_key`: no table row; no cell to its right
                body[key, bound] = max(body.get((key, bound), edge), edge)
    for page in columns:
        page.edges.update((edge, body[edge]) for edge in page.edges if edge in body)
    return columns


def _bound_cells(lines: list[_Line], above: frozenset[int] = frozenset()) -> frozenset[int]:
    """Set each line's `bound`: the column where the next table cell to its right starts.

    A table cell's lines are bounded by the next cell's column, though few of them share a baseline with
    its text ("… korraldamine üle-" / "Eestiliselt." under a one-line result; a results cell drawn lower;
    a column left empty under its header): by position alone they are body text at the same x, whose
    lines run on past that column. A column with text on the page bounds the lines to its left from its
    own lines up and down to the nearest line that runs across it: the text above or under the table.
    A column that bounds the page's last line (`above`, from the page before: a table going on) bounds
    the next page's lines from its top. Returns the columns that bound this page's last line.
    """
    extent: dict[int, tuple[float, float]] = {}  # column -> its lowest and highest baseline on the page
    for line in lines:
        if line.y is not None:
            for col in {_column(x) for x in line.xs}:
                low, high = extent.get(col, (line.y, line.y))
                extent[col] = (min(low, line.y), max(high, line.y))
    if len(extent) > _MAX_BOUND_COLUMNS:
        return frozenset()  # each column is checked against each line: bound the work on a page of scattered text
    for col in above:
        extent[col] = (extent.get(col, (float("inf"), 0.0))[0], float("inf"))
    placed = []  # (line, its baseline, the column of its last piece, the column it reaches)
    for line in lines:
        xs = line.xs
        if line.y is not None and xs:
            last, reach = _column(xs[-1]), line.end
            # A cell's text stops short of the next cell by the cells' padding: a line that ends within a
            # tolerance of a column reaches it (a paragraph's "2. Otsene ülem:   raamatukogu juhataja" above).
            stop = _column(reach.end + _X_TOLERANCE) if reach is not None else last
            placed.append((line, line.y, _column(xs[0]), last, stop))
    bands: list[tuple[int, float, float]] = []  # (column, lowest, highest baseline it bounds)
    for col, (low, high) in extent.items():
        bottom, top = float("-inf"), float("inf")
        for _line, y, start, _last, stop in placed:
            if start < col - 1 and stop > col:  # a line across the column: above or under its table
                if y < low:
                    bottom = max(bottom, y)
                elif y > high:
                    top = min(top, y)
        bands.append((col, bottom, top))
    for line, y, _start, last, stop in placed:
        beyond = max(last + 1, stop)
        line.bound = min((col for col, bottom, top in bands if col > beyond and bottom < y < top), default=-1)
    return frozenset(col for col, bottom, _top in bands if bottom == float("-inf"))


def _join(left: str, right: str, spaced: bool) -> str:
    """Join a wrapped line; a hyphen before a capital is a real one ('Lõuna-' + 'Eesti')."""
    if spaced and left.endswith("-"):
        return f"{left} {right}"  # "Lääne- Eesti" had its space in the document
    if left.endswith("-") and left[-2:-1].isalpha() and right[:1].isupper():
        return left + right
    return join_wrapped(left, right)


def _goes_on(text: str) -> bool:
    """A line that can only continue a sentence: lowercase, or OCR's '1abi' for 'läbi'."""
    return starts_lower(text) or bool(re.match(r"\d+[a-zõäöüšž]", text))


def _paragraphs(
    pages: list[list[_Line]],
    *,
    fit: bool,
    lower_only: bool = False,
    scan: bool = False,
    columns: list[_Columns] | None = None,
) -> tuple[list[tuple[str, int]], int]:
    """Join visual lines into paragraphs; also count the breaks that only a gap revealed.

    A table row split over a page break goes on in the same column on the next page: the first
    line of each column there continues that column's last paragraph when it starts in lowercase
    after an unfinished sentence, or sits at the text indent of a bulleted item; the cell's later
    paragraphs on the new page follow that paragraph, before the next cell's (column order, not
    page order: see `_TopRow`). With `fit`, a line also ends its paragraph when the next line's
    first word would have fitted on it (for documents without paragraph spacing); with
    `lower_only`, only a line that can only go on an unfinished sentence is joined.
    With `scan` (an OCR'd text: each line is a line of the scan), a line the next line's first word would
    have fitted on ended there, however many lines its paragraph has: only the page's own wraps are joined.
    `columns`: the pages' `_page_columns`, when the caller has them already.
    """
    paragraphs: list[str] = []
    first_page: list[int] = []  # per paragraph: the page it starts on
    gap_breaks = 0
    leading = _leading(pages)
    prev: _Line | None = None
    prev_idx = -1
    column_para: dict[int, int] = {}  # column -> index of the last paragraph written in it
    column_line: dict[int, _Line] = {}  # column -> the last line written in it
    widths = _Columns()
    spaced: list[bool] = []  # per paragraph: its last line ended in a space
    hanging: list[bool] = []  # per paragraph: a list item with a hanging indent
    order: list[tuple[int, int]] = []  # per paragraph: its place in the text (see _TopRow.place)
    inserted = 0  # paragraphs placed after their cell's: the minor part of their place, increasing
    for page_no, lines in enumerate(pages):
        last_widths, widths = widths, columns[page_no] if columns else _widths(lines, widths.open_columns)
        pitch = _leading([lines])
        padded = _padded_columns(lines, pitch, leading) if lower_only else frozenset()
        carried = column_para if page_no else {}
        carried_lines, column_line = column_line, {}
        column_para = {}
        top = _TopRow(lines[0].y if page_no and lines else None, carried)
        for line in lines:
            col = _column(line.x) if line.x is not None else None
            run = top.see(line, col)
            target = -1
            if page_no and col is not None and col in carried and col not in column_para:
                idx = carried[col]
                bulleted = strip_bullet(line.text)[1]
                last = carried_lines.get(col)
                # A one-line paragraph the next word would have fitted after, with no connector or comma
                # last, ended by choice: a list's line ("… osakonna teenistuja" / "teenistuse direktorit
                # …", Transpordiamet; a header cut over lines, "Tegevused ülesannete" / "täitmiseks", PPA),
                # not a cell split by the page ("… koostajate ning" / "vastavushindamisasutuste …").
                ended = (
                    last is not None
                    and paragraphs[idx] == last.text
                    and not wants_more(last.text)
                    and _would_fit(last, line, last_widths)
                )
                # A name after a full line the page cut goes on too: the cell's sentence continues with it
                # ('… õpetajate ja õpilastega' / 'Saaremaa Ühisgümnaasiumi …', SÜG on an A4 page; one body's:
                # elsewhere a name cut off goes on a numbered item or a field, which the parser joins anyway).
                # A paragraph of one line gives no column edge but its own end: a wrap is shown by its lines.
                full = (
                    last is not None
                    and paragraphs[idx] != last.text
                    and not _ITEM_START.match(line.text)
                    and _opens_with_a_name(line.text)
                    and not _is_cell_start(line.text)
                    and _fills(last, line, last_widths)
                )
                if ((_goes_on(line.text) or full) and not ends_sentence(paragraphs[idx]) and not ended) or (
                    hanging[idx] and not bulleted
                ):
                    target = idx
                    top.split |= run is not None
            elif prev is not None and (page_no == 0 or column_para):
                joined, by_gap = _continues(prev, line, widths if fit else None, leading, pitch)
                if lower_only and joined:
                    # A paragraph's one short line ended by choice: a label "1.7. Asendab" above its value.
                    # (Deeper in a cell, a page break can leave a short line: "õige ja" / "ajakohase …".)
                    # A longer paragraph's short last line ended it too, unless a connector or comma left
                    # it open: stacked values ('… lennundusteenistuse' / 'direktor' / 'direktorit …',
                    # Transpordiamet 2024_069 on an A5 page, where the first line is full).
                    # Only a last line a quarter short of the column: after a full one, a next word measured to
                    # fit can be a wrap misjudged ('… rakendatakse' / 'tagasiulatuvalt', seed 003 on a wide page).
                    short = 4 * len(prev.tail) <= 3 * widths.chars.get(_width_key(prev), 0) if prev.xs else False
                    alone = paragraphs[prev_idx] == prev.text or (short and not wants_more(prev.text))
                    ended = (scan or alone) and _would_fit(prev, line, widths)
                    # In a table whose rows show their padding, a line at the cell's own pitch under a full
                    # line is that cell's, a capital after a finished sentence too: a duty of two sentences
                    # cut at the first's end ('Uste, ukselinkide puhastamine.' / 'Ukseklaaside korrashoid.',
                    # Viljandi Kesklinna Kool; 'Loob … vaba õhkkonna.' / 'Kujundab …', SÜG's in a wider
                    # cell), where the next row would have stood a padding lower.
                    in_cell = (
                        col in padded
                        and prev.y is not None
                        and line.y is not None
                        and pitch is not None
                        and prev.y - line.y <= pitch + _ROW_PADDING
                        and prev.bound >= 0
                        and line.bound >= 0
                        and not _ITEM_START.match(line.text)
                        and not _is_cell_start(line.text)
                        and _fills(prev, line, widths)
                    )
                    joined = ((_goes_on(line.text) and not ends_sentence(prev.text)) or in_cell) and not ended
                gap_breaks += by_gap
                target = prev_idx if joined else -1
            if target >= 0:
                if len(paragraphs[target]) + len(line.text) >= MAX_LINE_CHARS:
                    # Each join copies the paragraph so far: past a line's bound, stop before it costs more.
                    raise ParagraphTooLong(len(paragraphs[target]) + 1 + len(line.text))
                paragraphs[target] = _join(paragraphs[target], line.text, spaced[target])
            else:
                paragraphs.append(line.text)
                first_page.append(line.page)
                spaced.append(False)
                # A bullet and its text at two x's: lines at the text's x belong to this item.
                hanging.append(len(line.xs) >= 2 and strip_bullet(line.text)[1])
                target = len(paragraphs) - 1
                order.append((target, 0))
                if run is not None:
                    top.begun(run, target, line)
            spaced[target] = line.spaced_end
            prev, prev_idx = line, target
            if line.xs:
                column_para[_column(line.xs[-1])] = target
                column_line[_column(line.xs[-1])] = line
                if col is not None:
                    column_para.setdefault(col, target)
                    column_line.setdefault(col, line)
        for col, idx in top.place():
            inserted += 1
            order[idx] = (order[carried[col]][0], inserted)
    ranked = sorted(range(len(paragraphs)), key=order.__getitem__)
    return [(paragraphs[i], first_page[i]) for i in ranked], gap_breaks


class _TopRow:
    """The first row of a page, when it goes on a table row the page break split: each cell's run of lines.

    LibreOffice draws a table cell by cell, so a row split by a page has, on the new page, the rest
    of the first cell, then the rest of the second, each from the top of the page down. Paragraphs
    are numbered as they are met; a cell's paragraphs begun on the new page would then come after
    the next cell's paragraph of the old page (a task's second half after its result). They belong
    after their own cell's paragraph: `place` says which, once the page is read.
    """

    def __init__(self, y: float | None, carried: dict[int, int]) -> None:
        self.y = y  # the page's first line: every cell of its first row starts there
        self.carried = carried  # column -> the last paragraph of the page before in that column
        self.runs: dict[int, list[tuple[int, float]]] = {}  # column -> (paragraph begun, its y) in the run
        self.col: int | None = None  # the column of the run being read; None when the top row is over
        self.cols: set[int] = set()  # where the run's lines have text: its cell (a bullet, its text's indent)
        self.last_y = y
        self.bottom: float | None = None  # where a cell of the next row starts, when one was seen
        self.split = False
        """A run's first line went on its column's paragraph: the row is one split by the page."""

    def see(self, line: _Line, col: int | None) -> int | None:
        """The column of the top row's run the line is in, or None (also for every line after the top row)."""
        if self.y is None or line.y is None or line.x is None or col is None:
            self.y = None
            return None
        near = 0.3 * max(line.size, 1.0)
        if abs(line.y - self.y) <= near and col in self.carried and col not in self.runs:
            self.col, self.cols = col, set()  # the next cell of the row, from the top again
            self.runs[col] = []
        elif (
            self.col is None
            or self.last_y is None
            or line.y >= self.last_y - near
            or col not in self.cols
            # No cell has a gap of three lines: the table ended above ('… Info' / a paragraph under it).
            or self.last_y - line.y > _CELL_GAP * max(line.size, 1.0)
        ):
            if self.col is not None and self.last_y is not None and line.y >= self.last_y - near:
                self.bottom = line.y + near  # not lower, not at the top: the next row's next cell starts here
            self.y = None  # out of the cell or not below it: the top row is over
            return None
        self.cols.update(_column(x) for x in line.xs)
        self.last_y = line.y
        return self.col

    def begun(self, col: int, idx: int, line: _Line) -> None:
        """A paragraph begun in the run of column `col`."""
        self.runs[col].append((idx, line.y or 0.0))

    def place(self) -> Iterator[tuple[int, int]]:
        """(column, paragraph) for each paragraph to put after its column's paragraph of the page before, in order.

        Only when the row was split (a run went on its cell's paragraph); a run's lines as low as the
        next row's start are that row's (a cell whose neighbour ended on the page before).
        """
        if not self.split:
            return
        for col, begun in self.runs.items():
            for idx, y in begun:
                if self.bottom is None or y > self.bottom:
                    yield col, idx


MAX_PAGE_CONTENT_BYTES = 1 << 20
"""Most drawing instructions read for one page (a dense page of text has under 100 KB): bounds memory and time."""
MAX_PDF_CONTENT_BYTES = 16 << 20
"""Most drawing instructions read for a whole PDF, a stream counted on every page that draws it (seed 003,
58 pages, has 0.5 MiB): bounds the time of a document of many heavy pages."""
MAX_PAGE_SECONDS = 3.0
"""Longest text extraction of one page (a real page takes 20-50 ms): a bound on time for what slips past the size."""
MAX_PDF_SECONDS = 60.0
"""Longest text extraction of a whole PDF (seed 003, 58 pages, takes about 1.5 s): a bound on time per input."""
_MAX_FORM_DEPTH = 8
# pypdf's own limits, lowered to what a job description needs (where this pypdf has them).
_PYPDF_LIMITS = {
    "zlib_maximum_output_length": 16 << 20,
    "lzw_maximum_output_length": 16 << 20,
    "run_length_maximum_output_length": 16 << 20,
    "stream_decoding_work_maximum_length": 64 << 20,
    "xform_maximum_invocations_per_extraction": 200,
}


class _PageTimeout(BaseException):
    """Raised inside pypdf when a page's time is up; BaseException, so pypdf's `except Exception` lets it pass."""


_ALARM_REPEAT = 0.05
"""Seconds between the alarms after a page's deadline (see `_deadline`)."""

_NOT_STOPPED = frozenset({"__del__", "<module>"})
"""Code the alarm never stops even in the page's own files: a finaliser (Python would ignore the exception there
and print it) and a module's first run (a half-imported module)."""


@functools.cache
def _page_code() -> tuple[str, ...]:
    """The files whose code the alarm may stop: pypdf's package and this module (the text visitor)."""
    import pypdf

    return (os.path.dirname(pypdf.__file__) + os.sep, __file__)


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[Callable[[], None]]:
    """Bound the time of the block: an interval timer where signals work, else checks between text pieces.

    Yields a check for the caller to run often (the text visitor); the timer also stops pypdf
    while it parses operators, where no visitor runs.
    """
    end = time.monotonic() + seconds

    def check() -> None:
        if time.monotonic() > end:
            raise _PageTimeout

    use_signal = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        # A program that embeds ajdiff may run its own interval timer: there is one, and setting
        # ours would cancel it. The visitor's checks bound the time then.
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not use_signal:
        yield check
        return
    active = True

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        # Only in the page's own code. A signal's handler runs in whatever Python code runs when it comes: a gc
        # callback, a __del__, the import of a module the page needs, the hook that reports an ignored exception.
        # Raised there, the timeout is printed and lost, or leaves a module half imported; the next alarm
        # (`_ALARM_REPEAT` later) tries again.
        if not active or frame is None:
            return
        code = frame.f_code
        if not code.co_filename.startswith(_page_code()) or code.co_name in _NOT_STOPPED:
            return
        # Not while a timeout is on its way out (a `finally`, an `except` or a context manager's exit that it
        # runs, this block's own among them): raised again there, it would end that exit before the exit lifts
        # the timer, which would then go on raising in whatever ran next (a loaded machine, or freeing a big
        # page's objects, can hold the way out past the next alarm).
        if not isinstance(sys.exc_info()[1], _PageTimeout):
            raise _PageTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    # Repeating after the deadline: an alarm that came outside the page's code, or whose exception Python
    # ignored (raised in a callback or finaliser of pypdf's own), must not let the page run on unbounded.
    signal.setitimer(signal.ITIMER_REAL, seconds, _ALARM_REPEAT)
    try:
        yield check
    finally:
        active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _decoded_size(stream: Any, budget: int) -> int:
    """The decoded size of one content stream, counted without holding more than `budget` + 1 bytes of it.

    A lone FlateDecode (nearly every real stream) is inflated here with zlib's output bound; other
    filters go through pypdf's decoder without its cache (each bounded by pypdf's own output limit).
    """
    import zlib

    from pypdf.filters import decode_stream_data
    from pypdf.generic import ArrayObject, StreamObject

    if not isinstance(stream, StreamObject):
        return 0
    filters = stream.get("/Filter")
    filters = filters.get_object() if filters is not None else None
    chain = list(filters) if isinstance(filters, ArrayObject) else [filters] if filters is not None else []
    raw = stream._data
    if not chain or getattr(stream, "decoded_self", None) is not None:
        cached = getattr(stream, "decoded_self", None)
        return len(cached._data if cached is not None else raw)
    if chain == ["/FlateDecode"] and stream.get("/DecodeParms") is None:
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(raw, budget + 1)
            return len(out) if not inflater.unconsumed_tail else budget + 1
        except zlib.error:
            pass  # damaged: pypdf's decoder knows how to recover what it can
    return len(decode_stream_data(stream))


def _content_bytes(page: Any, budget: int, sizes: dict[object, int]) -> int:
    """Decoded bytes of a page's content streams and of the form XObjects it draws (to a depth).

    Counting stops past `budget`; nothing decoded is kept (pypdf would cache every stream it
    decodes). `sizes` remembers each stream's size for the next page that draws it.
    """
    from pypdf.generic import ArrayObject, IndirectObject

    total = 0

    def add(ref: Any) -> None:
        nonlocal total
        if ref is None or total > budget:
            return
        key: object = (ref.idnum, ref.generation) if isinstance(ref, IndirectObject) else id(ref)
        if key not in sizes:
            sizes[key] = _decoded_size(ref.get_object(), budget - total)
        total += sizes[key]

    contents = page.get("/Contents")
    resolved = contents.get_object() if contents is not None else None
    for ref in resolved if isinstance(resolved, ArrayObject) else [contents]:
        add(ref)
    seen: set[int] = set()

    def forms(resources: Any, depth: int) -> None:
        resources = resources.get_object() if resources is not None else None
        xobjects: Any = resources.get("/XObject") if hasattr(resources, "get") else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        if depth > _MAX_FORM_DEPTH or not hasattr(xobjects, "values"):
            return
        for ref in xobjects.values():
            form = ref.get_object()
            if total > budget or id(form) in seen or not hasattr(form, "get") or form.get("/Subtype") != "/Form":
                continue
            seen.add(id(form))
            add(ref)
            forms(form.get("/Resources"), depth + 1)

    forms(page.get("/Resources"), 0)
    return total


def _read_page(
    page: Any, number: int, name: str, drawn: list[int], sizes: dict[object, int], fonts: dict[object, Any]
) -> list[_Line]:
    """One page's lines, within the page's and the document's bounds of drawing instructions, and of time.

    `drawn` holds the bytes the pages before drew (a stream shared by pages counts on each); `fonts` the
    glyph widths of the fonts they used.
    """
    left = MAX_PDF_CONTENT_BYTES - drawn[0]
    size = _content_bytes(page, min(MAX_PAGE_CONTENT_BYTES, left), sizes)
    if size > MAX_PAGE_CONTENT_BYTES:
        limit = MAX_PAGE_CONTENT_BYTES // 2**20
        if size == MAX_PAGE_CONTENT_BYTES + 1:  # counting stopped at the limit
            problem = _("page {0} has more than {1} KiB of drawing instructions (limit {2} MiB)")
        else:
            problem = _("page {0} has {1} KiB of drawing instructions (limit {2} MiB)")
        problem = problem.format(number, size // 1024, limit)
        raise InputError(name, problem, _("not a page of text; print the document to a new PDF"))
    drawn[0] += size
    if drawn[0] > MAX_PDF_CONTENT_BYTES:
        limit = MAX_PDF_CONTENT_BYTES // 2**20
        problem = _("PDF has more than {0} MiB of drawing instructions (page {1})").format(limit, number)
        raise InputError(name, problem, _("not a document of text; print it to a new PDF or split it"))
    try:
        with _deadline(MAX_PAGE_SECONDS) as check:
            return _page_lines(page, number, check, fonts)
    except _PageTimeout:
        problem = _("page {0} takes more than {1} s to read").format(number, format(MAX_PAGE_SECONDS, "g"))
        raise InputError(name, problem, _("not a page of text; print the document to a new PDF")) from None


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's own output (log records and Python warnings) and apply its lower limits.

    pypdf reports damage it repairs through `logging` (errors too) and `warnings`; without a
    handler, logging prints them on stderr before ajdiff's one line. The caller needs a result
    or an InputError, nothing else.
    """
    import pypdf

    log = logging.getLogger("pypdf")
    level, propagate = log.level, log.propagate
    log.setLevel(logging.CRITICAL + 1)
    log.propagate = False
    apply = getattr(pypdf, "apply_configuration", None)
    fields = set(getattr(getattr(pypdf, "Configuration", None), "__dataclass_fields__", {}))
    limits = {key: value for key, value in _PYPDF_LIMITS.items() if key in fields}
    try:
        with warnings.catch_warnings(), apply(**limits) if apply else contextlib.nullcontext():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)
        log.propagate = propagate


def read_pdf(data: bytes, name: str) -> SourceText:
    """Read a PDF's text layer; refuse encrypted PDFs we cannot open and PDFs without text."""
    with _quiet_pypdf():
        pages = _read_pages(data, name)
    chars = sum(len(line.text.replace(" ", "")) for lines in pages for line in lines)
    if chars < _MIN_CHARS_PER_PAGE * max(1, len(pages)) / 4 or chars < _MIN_CHARS_PER_PAGE:
        raise InputError(name, _("PDF has no text layer"), _("OCR it first, e.g. with ocrmypdf"))
    pages = _drop_repeated_header_rows(_drop_running_lines(pages))
    starts = {_column(line.x) for lines in pages for line in lines if line.x is not None}
    cuts = [_cut_by_the_page(lines, after) for lines, after in zip(pages, [*pages[1:], []])]
    pages = [_split_cells(lines, starts, cut) for lines, cut in zip(pages, cuts)]
    visual = [line for lines in pages for line in lines]
    # Paragraph spacing throughout (one gap in every few lines): gaps alone tell paragraphs apart.
    try:
        columns = _page_columns(pages)  # the same for each reading below
        paragraphs, gap_breaks = _paragraphs(pages, fit=False, columns=columns)
        if gap_breaks < len(visual) / 8:
            paragraphs, gap_breaks = _paragraphs(pages, fit=True, columns=columns)
        spaced = gap_breaks >= max(2, len(visual) // 50)
        if not spaced:
            # No paragraph spacing anywhere: joining would glue paragraphs. Only a lowercase line is
            # joined to the line above in its column (or, over a page break, to its column's last line):
            # the two halves of a table cell split by a page stay one. The rest is left to the parser.
            # An OCR'd text's lines are the scan's: a short one ended its line of the scan ('… koostamine ja'
            # / 'ning I6pparuannete …' are two columns' lines), however its paragraph goes on.
            scan = text_looks_like_ocr(" ".join(line.text for line in visual))
            lines, _folded = _paragraphs(pages, fit=True, lower_only=True, scan=scan, columns=columns)
    except ParagraphTooLong as exc:
        problem = _("a paragraph joined from wrapped lines has {0} characters (limit {1})").format(
            exc.args[0], MAX_LINE_CHARS
        )
        raise InputError(name, problem, _("not a job description")) from None
    if not spaced:
        return SourceText(
            name=name,
            lines=tuple(text for text, _ in lines),
            wrapped=True,
            origins=tuple(Origin(page=page) for _, page in lines),
        )
    return SourceText(
        name=name,
        lines=tuple(text for text, _ in paragraphs),
        wrapped=False,
        origins=tuple(Origin(page=page) for _, page in paragraphs),
    )


def _read_pages(data: bytes, name: str) -> list[list[_Line]]:
    """The visual lines of every page, or an InputError."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (PyPdfError, NotImplementedError, ValueError, TypeError, KeyError) as exc:
                raise InputError(
                    name, _("encrypted PDF"), _("cannot decrypt it here ({0}); save an unprotected copy").format(exc)
                ) from None
            if not opened:
                raise InputError(name, _("encrypted PDF"), _("it needs a password; save an unprotected copy"))
        if len(reader.pages) > MAX_PDF_PAGES:
            # Text extraction costs tens of milliseconds a page: bound the work before starting it.
            raise InputError(
                name, _("PDF has {0} pages (limit {1})").format(len(reader.pages), MAX_PDF_PAGES), _("split the PDF")
            )
        end = time.monotonic() + MAX_PDF_SECONDS
        pages = []
        drawn = [0]
        sizes: dict[object, int] = {}
        fonts: dict[object, Any] = {}  # each font's widths, read once for the whole document
        for number, page in enumerate(reader.pages, 1):
            if time.monotonic() > end:
                problem = _("PDF takes more than {0} s to read (stopped at page {1} of {2})").format(
                    format(MAX_PDF_SECONDS, "g"), number, len(reader.pages)
                )
                raise InputError(name, problem, _("split the PDF"))
            pages.append(_read_page(page, number, name, drawn, sizes, fonts))
        return pages
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types (PdfReadError, KeyError, struct errors) on bad files
        problem = _("not a readable PDF: {0}").format(f"{type(exc).__name__}: {exc}")
        raise InputError(name, problem, _("save it again as PDF")) from None
