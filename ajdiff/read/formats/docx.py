"""Word documents (.docx): body text in document order, tracked changes accepted, tables flattened."""

from __future__ import annotations

import itertools
import posixpath
import re
import zipfile
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import field
from typing import TYPE_CHECKING

from lxml import etree

from ajdiff.errors import InputError
from ajdiff.i18n import _
from ajdiff.read.formats import MAX_LINES, SourceText
from ajdiff.read.formats.ooxml import STRICT_W_NS, qn
from ajdiff.read.formats.safe_zip import open_zip, parse_xml_safely, read_member, refuse_dtd
from ajdiff.read.formats.tables import flatten_row_cells
from ajdiff.records import dataclass
from ajdiff.text import normalize_line
from ajdiff.tree import Origin

if TYPE_CHECKING:
    from lxml.etree import _Element

# Content that is not text of the accepted document: deletions, moved-away text, field codes, properties.
_SKIP_TAGS = frozenset(
    qn(f"w:{t}")
    for t in ("del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr", "tblPr", "trPr", "tcPr")
)
_BREAK_TAGS = frozenset({qn("w:br"), qn("w:cr")})
_TAB_TAGS = frozenset({qn("w:tab"), qn("w:ptab")})
_CONTAINER_TAGS = frozenset(
    {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo"), qn("w:smartTag")}
)

# ---------------------------------------------------------------- list numbering


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


_MAX_LEVELS = 10  # Word has nine list levels (0-8); one to spare
_MAX_NUMBER_CHARS = 12  # "xxxviii" or "zzz": a longer letter or Roman numeral is shown in digits
_MAX_LEVEL_TEXT = 64  # a level's label pattern ("%1.%2.") longer than this is not a list label


def _number(text: str | None, default: int, low: int, high: int) -> int:
    """An attribute's decimal number clamped to [low, high]; `default` when it is not a number.

    Only ASCII digits count ('²' passes `isdigit()` but not `int()`); a number of more than nine
    digits is clamped without being converted (a start of 5,000 digits is past `int`'s own limit).
    """
    value = (text or "").strip()
    if not re.fullmatch(r"-?[0-9]+", value):
        return default
    if len(value.lstrip("-").lstrip("0")) > 9:
        return low if value.startswith("-") else high
    return min(max(int(value), low), high)


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _format_number(n: int, fmt: str) -> str:
    """n as the list format shows it; in digits where letters or numerals would be absurdly long."""
    text = str(n)
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26 * _MAX_NUMBER_CHARS:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        text = letter.upper() if fmt == "upperLetter" else letter
    elif fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        roman = _roman(n)
        text = roman.upper() if fmt == "upperRoman" else roman
    elif fmt == "decimalZero":
        text = f"{n:02d}"
    return text if len(text) <= _MAX_NUMBER_CHARS else str(n)


@dataclass
class _Level:
    """One level of a Word list: its start, number format and level text."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""


@dataclass
class _Numbering:
    """Automatic list numbers ('2.1.') that Word draws but does not store in the text."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, list[int]] = field(default_factory=dict)  # abstractNumId -> counters per level

    @classmethod
    def load(cls, numbering: _Element | None, styles: _Element | None) -> _Numbering:
        """Read numbering.xml and the styles' numbering (both optional)."""
        self = cls()
        if numbering is not None:
            abstract: dict[str, dict[int, _Level]] = {}
            for an in numbering.iterchildren(qn("w:abstractNum")):
                abstract[an.get(qn("w:abstractNumId"), "")] = {
                    _number(lvl.get(qn("w:ilvl"), "0"), -1, -1, _MAX_LEVELS): _Level(
                        start=_start(_child(lvl, qn("w:start"))),
                        fmt=_val(_child(lvl, qn("w:numFmt")), "decimal"),
                        text=_val(_child(lvl, qn("w:lvlText")), ""),
                    )
                    for lvl in an.iterchildren(qn("w:lvl"))
                }
            for num in numbering.iterchildren(qn("w:num")):
                num_id = num.get(qn("w:numId"), "")
                abstract_id = _val(_child(num, qn("w:abstractNumId")), "")
                levels = dict(abstract.get(abstract_id, {}))
                for override in num.iterchildren(qn("w:lvlOverride")):
                    ilvl = _number(override.get(qn("w:ilvl"), "0"), -1, -1, _MAX_LEVELS)
                    start = _child(override, qn("w:startOverride"))
                    if start is not None and ilvl in levels:
                        levels[ilvl] = _Level(_start(start), levels[ilvl].fmt, levels[ilvl].text)
                self.levels[num_id] = levels
                self.abstract_of[num_id] = abstract_id
        if styles is not None:
            for style in styles.iterchildren(qn("w:style")):
                ppr = _child(style, qn("w:pPr"))  # not the path "w:pPr/w:numPr", compiled again on each call
                num_pr = _child(ppr, qn("w:numPr")) if ppr is not None else None
                if num_pr is not None:
                    num_id = _val(_child(num_pr, qn("w:numId")), "")
                    ilvl = _number(_val(_child(num_pr, qn("w:ilvl")), "0"), -1, -1, _MAX_LEVELS)
                    self.style_num[style.get(qn("w:styleId"), "")] = (num_id, ilvl)
        return self

    def label(self, p: _Element) -> str:
        """The number Word shows in front of paragraph p ('2.1.', '•' for a bullet), or ''."""
        if not self.levels:  # a document without lists (or its lists unread) draws no number
            return ""
        ppr = _child(p, qn("w:pPr"))
        if ppr is None:
            return ""
        num_pr = _child(ppr, qn("w:numPr"))
        ref: tuple[str, int] | None = None
        if num_pr is not None:
            num_id = _val(_child(num_pr, qn("w:numId")), "")
            ilvl_el = _child(num_pr, qn("w:ilvl"))
            style = self.style_num.get(_val(_child(ppr, qn("w:pStyle")), ""))
            ilvl = (
                _number(_val(ilvl_el, "0"), -1, -1, _MAX_LEVELS) if ilvl_el is not None else (style[1] if style else 0)
            )
            ref = (num_id, ilvl)
        else:
            ref = self.style_num.get(_val(_child(ppr, qn("w:pStyle")), ""))
        if ref is None or ref[0] in ("", "0") or ref[0] not in self.levels:
            return ""
        num_id, ilvl = ref
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.abstract_of[num_id], [-1] * _MAX_LEVELS)
        if not 0 <= ilvl < len(counters):
            return ""
        if counters[ilvl] < 0:  # not started (a start of 0 is a real one)
            counters[ilvl] = levels[ilvl].start - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = -1
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "•"  # the glyph itself is a font symbol; a plain bullet tells the parser "list item"
        if level.fmt == "none" or not level.text or len(level.text) > _MAX_LEVEL_TEXT:
            return ""

        def repl(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            n = counters[k] if counters[k] >= 0 else lv.start
            return _format_number(n, "decimal" if level.fmt == "decimal" else lv.fmt)

        return re.sub(r"%([0-9])", repl, level.text)


_MAX_START = 1 << 20
"""Largest list start honoured (Word's own dialog stops at 32,767): a bound on the counters' digits."""


def _start(el: _Element | None) -> int:
    """A level's start value (1 when absent or unreadable), clamped to [0, _MAX_START]."""
    return _number(_val(el, "1"), 1, 0, _MAX_START)


def _val(el: _Element | None, default: str) -> str:
    if el is None:
        return default
    return el.get(qn("w:val"), default)


def _child(parent: _Element, tag: str) -> _Element | None:
    """The first child with `tag`, or None: `parent.find(tag)` without lxml's path machinery, which `find` runs
    for a bare tag too (ElementPath's selectors; half of walking a Word body went to them)."""
    for child in parent.iterchildren(tag):
        return child
    return None


# ---------------------------------------------------------------- body walk


class _Walker:
    """Turns WordprocessingML blocks into lines, each with where it stands in the body."""

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.paragraphs = 0  # body paragraphs outside tables seen so far
        self.tables = 0  # top-level tables seen so far
        self.cell: Origin | None = None  # the top-level table cell being walked, if any

    def _origin(self) -> Origin:
        return self.cell if self.cell is not None else Origin(paragraph=self.paragraphs)

    def blocks(self, parent: _Element) -> list[tuple[str, Origin]]:
        """Lines of the paragraphs and tables under parent (body, cell, content control), in order."""
        lines: list[tuple[str, Origin]] = []
        carry = ""  # text of a paragraph whose mark was deleted: it runs on into the next one
        for child in parent.iterchildren():
            tag = child.tag
            if tag == qn("w:p"):
                if self.cell is None:
                    self.paragraphs += 1
                where = self._origin()
                para, boxes = self.paragraph(child)
                if carry:
                    para[0] = carry + para[0]
                    carry = ""
                if _mark_deleted(child):
                    carry = "\n".join(para)
                    lines.extend((box, where) for box in boxes)
                    continue
                lines.extend((line, where) for line in para)
                lines.extend((box, where) for box in boxes)
            elif tag == qn("w:tbl"):
                lines.extend(self.table(child))
            elif tag in _CONTAINER_TAGS:
                lines.extend(self.blocks(child))
            elif tag == qn("mc:AlternateContent"):
                choice = _child(child, qn("mc:Choice"))
                if choice is not None:
                    lines.extend(self.blocks(choice))
        if carry:
            lines.extend((line, self._origin()) for line in carry.split("\n"))
        return lines

    def paragraph(self, p: _Element) -> tuple[list[str], list[str]]:
        """A paragraph's lines (split at manual breaks) and the lines of text boxes anchored in it."""
        parts: list[str] = [self.numbering.label(p)]
        self.on_paragraph(p, parts[0])
        if parts[0]:
            parts.append(" ")
        boxes: list[str] = []
        self._inline(p, parts, boxes)
        return "".join(parts).split("\n"), boxes

    def on_paragraph(self, p: _Element, label: str) -> None:
        """Called for each paragraph in reading order, with its list label: a hook for `body_paragraphs`."""

    def _inline(self, el: _Element, out: list[str], boxes: list[str]) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_TAGS:
                continue
            if tag == qn("w:t"):
                out.append(child.text or "")
            elif tag in _TAB_TAGS:
                out.append(" ")
            elif tag in _BREAK_TAGS:
                out.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                out.append("-")
            elif tag == qn("w:sym"):
                char = child.get(qn("w:char"), "")
                if re.fullmatch(r"[0-9A-Fa-f]{2,4}", char):
                    out.append(chr(int(char, 16)))
            elif tag == qn("w:txbxContent"):
                boxes.extend(self._box(child))
            elif tag == qn("mc:AlternateContent"):
                # Choice and Fallback hold the same text twice (modern and legacy drawing).
                choice = _child(child, qn("mc:Choice"))
                if choice is not None:
                    self._inline(choice, out, boxes)
            elif tag == qn("w:p"):  # a paragraph inside a run-level container
                para, inner = self.paragraph(child)
                boxes.extend(para)
                boxes.extend(inner)
            else:
                self._inline(child, out, boxes)

    def _box(self, box: _Element) -> list[str]:
        """A text box's lines; they belong to the paragraph (or cell) the box is anchored in."""
        saved, self.cell = self.cell, self._origin()
        try:
            return [line for line, _ in self.blocks(box)]
        finally:
            self.cell = saved

    def table(self, tbl: _Element) -> list[tuple[str, Origin]]:
        """A table's lines, row by row; merged cells contribute their text once."""
        top = self.cell is None
        if top:
            self.tables += 1
        lines: list[tuple[str, Origin]] = []
        for row_no, tr in enumerate(_children(tbl, qn("w:tr")), 1):
            trpr = _child(tr, qn("w:trPr"))
            if trpr is not None and _child(trpr, qn("w:del")) is not None:
                continue  # a deleted row
            cells: list[list[str]] = []
            wheres: list[Origin] = []
            for cell_no, tc in enumerate(_children(tr, qn("w:tc")), 1):
                tcpr = _child(tc, qn("w:tcPr"))
                if tcpr is not None:
                    vmerge = _child(tcpr, qn("w:vMerge"))
                    hmerge = _child(tcpr, qn("w:hMerge"))
                    if vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue":
                        continue  # the text sits in the cell above
                    if hmerge is not None and hmerge.get(qn("w:val"), "continue") == "continue":
                        continue
                    if _child(tcpr, qn("w:cellDel")) is not None:
                        continue
                where = Origin(table=self.tables, row=row_no, cell=cell_no) if top else self._origin()
                saved, self.cell = self.cell, where
                try:
                    cells.append([normalize_line(line) for line, _ in self.blocks(tc)])
                finally:
                    self.cell = saved
                wheres.append(where)
            lines.extend((line, wheres[k]) for line, k in flatten_row_cells(cells))
        return lines


def _children(parent: _Element, tag: str) -> Iterator[_Element]:
    """Children with tag, looking through content controls and custom XML wrappers."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINER_TAGS:
            yield from _children(child, tag)


_PPR, _RPR, _DEL, _MOVE_FROM = qn("w:pPr"), qn("w:rPr"), qn("w:del"), qn("w:moveFrom")


def _mark_deleted(p: _Element) -> bool:
    # Two child lookups, not the path "w:pPr/w:rPr": lxml compiles a path with namespaces on every call.
    ppr = _child(p, _PPR)
    mark = _child(ppr, _RPR) if ppr is not None else None
    return mark is not None and next(mark.iterchildren(_DEL, _MOVE_FROM), None) is not None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a Word body in reading order, as the reader reads it: for the redline to track."""

    element: _Element
    """The w:p element itself (in the tree the caller passed)."""
    label: str
    """Its automatic list number ('2.1.'), which is not in its runs; '' when none."""
    text: str
    """Its text as a line of the reader (label, runs, spaces normalised)."""
    origin: Origin


class _Collector(_Walker):
    """The reader's walk, keeping every paragraph element it reads with its label and text."""

    def __init__(self, numbering: _Numbering) -> None:
        super().__init__(numbering)
        self.found: list[Paragraph] = []
        self._label = ""

    def on_paragraph(self, p: _Element, label: str) -> None:
        self._label = label

    def paragraph(self, p: _Element) -> tuple[list[str], list[str]]:
        lines, boxes = super().paragraph(p)
        label = self._label
        text = normalize_line(" ".join(lines))
        if text:
            self.found.append(Paragraph(p, label, text, self._origin()))
        return lines, boxes


_NUM_PR, _P_STYLE = qn("w:numPr"), qn("w:pStyle")


def numbered(document: _Element) -> bool:
    """True when a paragraph of the document has list numbering, its own or through its style."""
    # lxml's tag filter walks the tree in C; the path ".//w:numPr" went through ElementPath, element by element
    # in Python, twice over a document without either (a fifth of reading a Word file).
    return next(document.iter(_NUM_PR, _P_STYLE), None) is not None


def body_paragraphs(
    document: _Element, numbering: _Element | None = None, styles: _Element | None = None
) -> list[Paragraph]:
    """Every paragraph of a main document part with text, in reading order, with the text the reader
    gives it (the same walk as `read_docx`, so list numbers and skipped merged cells agree)."""
    body = _child(document, qn("w:body"))
    if body is None:
        return []
    walker = _Collector(_Numbering.load(numbering, styles))
    walker.blocks(body)
    return walker.found


# ---------------------------------------------------------------- kept for the redline


@dataclass(frozen=True)
class Parsed:
    """What `read_docx` parsed of one package and how it walked it, for the redline to write into."""

    data: bytes
    """The package's bytes: the very object read (a copy with the same bytes is another file read)."""
    main: str
    """The zip member of the main document part."""
    trees: dict[str, _Element]
    """Zip member → its parsed root: the main part, and its numbering and styles when they were parsed."""
    paragraphs: tuple[Paragraph, ...]
    """The main part's paragraphs with text, as `body_paragraphs` gives them, elements of `trees`."""
    members: dict[str, bytes]
    """Zip member → its bytes, of the members the reader inflated (their CRC checked): not inflated again."""


class _Keeper:
    """The packages `read_docx` keeps while `keeping_parsed` is open (None when it is not)."""

    kept: deque[Parsed] | None = None


_KEEPER = _Keeper()


@contextmanager
def keeping_parsed() -> Iterator[None]:
    """While open, `read_docx` keeps the two packages it read last, parsed and walked, for `take_parsed`:
    `ajdiff redline` writes into the very trees its comparison read, parsing and walking each part once."""
    saved, _KEEPER.kept = _KEEPER.kept, deque(maxlen=2)  # a pair's two files; a folder's others are let go
    try:
        yield
    finally:
        _KEEPER.kept = saved


def take_parsed(data: bytes) -> Parsed | None:
    """What `read_docx` kept of these bytes (the same object), given once: the taker may change the trees."""
    kept = _KEEPER.kept
    found = next((k for k in kept if k.data is data), None) if kept else None
    if found is not None and kept is not None:
        kept.remove(found)
    return found


# ---------------------------------------------------------------- entry point

_OFFICE_DOCUMENT = "/officeDocument"  # relationship types end so in transitional and strict OOXML


def _resolve(source_dir: str, target: str) -> str:
    """The zip member a relationship target names: absolute from the package root, else relative."""
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(source_dir, target)
    return posixpath.normpath(path).lstrip("/")


def _relationships(
    zf: zipfile.ZipFile, names: dict[str, str], part: str, name: str, inflated: dict[str, bytes]
) -> dict[str, str]:
    """Relationship type -> member for one part ('' = the package); absent .rels means none. The bytes of the
    members read go into `inflated`."""
    folder, base = posixpath.split(part)
    rels = names.get(posixpath.join(folder, "_rels", f"{base}.rels").lower())
    if rels is None:
        return {}
    data = inflated[rels] = read_member(zf, rels, name)
    root = parse_xml_safely(data, name, rels)
    found: dict[str, str] = {}
    for rel in root.iterchildren(qn("pr:Relationship")):
        target, kind = rel.get("Target") or "", rel.get("Type") or ""
        if target and rel.get("TargetMode") != "External":
            member = _resolve(folder, target)
            found.setdefault(kind.rsplit("/", 1)[-1], names.get(member.lower(), member))
    return found


# A paragraph element of any prefix ("<w:p>", "<w:p/>", "<ns0:p w:rsidR=…>"), not "<w:pPr>".
_PARAGRAPH_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")


def _count_paragraphs(data: bytes, name: str, member: str) -> None:
    """Refuse a part with more paragraphs than ajdiff reads lines, counted in its bytes before it is parsed.

    Each paragraph is at least one line; 7.5 million empty `<w:p/>` (45 MB, 70 KB zipped) took
    2.4 GB as a tree before the line bound said no.
    """
    if data.count(b"<") <= MAX_LINES:  # every paragraph starts with one: counting them could not find too many
        return
    paragraphs = sum(1 for _ in itertools.islice(_PARAGRAPH_TAG.finditer(data), MAX_LINES + 1))
    if paragraphs > MAX_LINES:
        problem = _("{0} has more than {1} paragraphs (limit {2})").format(member, MAX_LINES, MAX_LINES)
        raise InputError(name, problem, _("not a job description"))


def _part(
    zf: zipfile.ZipFile, names: dict[str, str], member: str | None, name: str, inflated: dict[str, bytes]
) -> _Element | None:
    """An optional XML part, parsed safely; None when the package does not have it. Its bytes go into `inflated`."""
    if not member or member.lower() not in names:
        return None
    member = names[member.lower()]
    data = inflated[member] = read_member(zf, member, name)
    _count_paragraphs(data, name, member)
    root = parse_xml_safely(data, name, member)
    if etree.QName(root).namespace == STRICT_W_NS:
        raise InputError(
            name, _("{0} is Strict Open XML").format(member), _("save it again as a Word Document (.docx)")
        )
    return root


def read_docx(data: bytes, name: str, *, max_bytes: int) -> SourceText:
    """Read a .docx: paragraphs and (nested) tables in order, as if all tracked changes were accepted.

    The package is read with lxml alone, following its relationships: only the main part is
    required (numbering, styles, settings and comments are optional, and many tools omit them),
    and every part used, whatever its name, goes through the DOCTYPE/entity guard. Part names
    are matched without regard to case, as the packaging standard says.
    """
    zf = open_zip(data, name, max_bytes, what="Word document")
    names = {info.filename.lower(): info.filename for info in zf.infolist() if not info.is_dir()}
    inflated: dict[str, bytes] = {}
    main = _relationships(zf, names, "", name, inflated).get("officeDocument")
    if main is None or main.lower() not in names:
        main = names.get("word/document.xml")
    if main is None:
        hint = _("is it a signature container? name it .asice") if "mimetype" in names else _("save it as .docx")
        raise InputError(name, _("not a Word document (no word/document.xml in the zip)"), hint)
    document = _part(zf, names, main, name, inflated)
    body = _child(document, qn("w:body")) if document is not None else None
    if document is None or body is None:
        raise InputError(
            name, _("not a readable Word document: {0} has no w:body").format(main), _("save it again as .docx")
        )
    related = _relationships(zf, names, main, name, inflated)
    trees = {main: document}
    if numbered(document):
        lists = _part(zf, names, related.get("numbering"), name, inflated)
        styles = _part(zf, names, related.get("styles"), name, inflated)
        for kind, root in (("numbering", lists), ("styles", styles)):
            if root is not None:
                trees[names[related[kind].lower()]] = root
        numbering = _Numbering.load(lists, styles)
    else:  # no list numbers to draw: the styles (often 300 KB of them) need not be parsed, only guarded
        for kind in ("numbering", "styles"):
            member = related.get(kind)
            if member and member.lower() in names:
                member = names[member.lower()]
                inflated[member] = read_member(zf, member, name)
                refuse_dtd(inflated[member], name, member)
        numbering = _Numbering.load(None, None)
    kept = _KEEPER.kept
    walker = _Collector(numbering) if kept is not None else _Walker(numbering)
    pairs = walker.blocks(body)
    if isinstance(walker, _Collector) and kept is not None:
        kept.append(Parsed(data, main, trees, tuple(walker.found), inflated))
    return SourceText(
        name=name,
        lines=tuple(normalize_line(line) for line, _ in pairs),
        wrapped=False,
        origins=tuple(origin for _, origin in pairs),
    )
