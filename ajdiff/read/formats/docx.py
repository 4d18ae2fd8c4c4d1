"""Word documents (.docx): body text in document order, tracked changes accepted, tables flattened."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ajdiff.errors import InputError
from ajdiff.read.formats import SourceText
from ajdiff.read.formats.safe_zip import open_zip, parse_xml_safely, read_member
from ajdiff.read.formats.tables import flatten_row_cells
from ajdiff.text import normalize_line
from ajdiff.tree import Origin

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Content that is not text of the accepted document: deletions, moved-away text, field codes, properties.
_SKIP_TAGS = frozenset(
    _w(t) for t in ("del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr", "tblPr", "trPr", "tcPr")
)
_BREAK_TAGS = frozenset({_w("br"), _w("cr")})
_TAB_TAGS = frozenset({_w("tab"), _w("ptab")})
_CONTAINER_TAGS = frozenset({_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins"), _w("moveTo"), _w("smartTag")})

# ---------------------------------------------------------------- list numbering


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class _Level:
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
    def load(cls, numbering: Any | None, styles: Any | None) -> _Numbering:
        """Read numbering.xml and the styles' numbering (both optional)."""
        self = cls()
        if numbering is not None:
            abstract: dict[str, dict[int, _Level]] = {}
            for an in numbering.iterchildren(_w("abstractNum")):
                abstract[an.get(_w("abstractNumId"), "")] = {
                    int(lvl.get(_w("ilvl"), "0")): _Level(
                        start=int(_val(lvl.find(_w("start")), "1") or 1),
                        fmt=_val(lvl.find(_w("numFmt")), "decimal"),
                        text=_val(lvl.find(_w("lvlText")), ""),
                    )
                    for lvl in an.iterchildren(_w("lvl"))
                    if (lvl.get(_w("ilvl")) or "0").isdigit()
                }
            for num in numbering.iterchildren(_w("num")):
                num_id = num.get(_w("numId"), "")
                abstract_id = _val(num.find(_w("abstractNumId")), "")
                levels = dict(abstract.get(abstract_id, {}))
                for override in num.iterchildren(_w("lvlOverride")):
                    ilvl = int(override.get(_w("ilvl"), "0"))
                    start = override.find(_w("startOverride"))
                    if start is not None and ilvl in levels:
                        levels[ilvl] = _Level(int(_val(start, "1") or 1), levels[ilvl].fmt, levels[ilvl].text)
                self.levels[num_id] = levels
                self.abstract_of[num_id] = abstract_id
        if styles is not None:
            for style in styles.iterchildren(_w("style")):
                num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
                if num_pr is not None:
                    num_id = _val(num_pr.find(_w("numId")), "")
                    ilvl = int(_val(num_pr.find(_w("ilvl")), "0") or 0)
                    self.style_num[style.get(_w("styleId"), "")] = (num_id, ilvl)
        return self

    def label(self, p: Any) -> str:
        """The number Word shows in front of paragraph p ('2.1.', '•' for a bullet), or ''."""
        ppr = p.find(_w("pPr"))
        if ppr is None:
            return ""
        num_pr = ppr.find(_w("numPr"))
        ref: tuple[str, int] | None = None
        if num_pr is not None:
            num_id = _val(num_pr.find(_w("numId")), "")
            ilvl_el = num_pr.find(_w("ilvl"))
            style = self.style_num.get(_val(ppr.find(_w("pStyle")), ""))
            ilvl = int(_val(ilvl_el, "0") or 0) if ilvl_el is not None else (style[1] if style else 0)
            ref = (num_id, ilvl)
        else:
            ref = self.style_num.get(_val(ppr.find(_w("pStyle")), ""))
        if ref is None or ref[0] in ("", "0") or ref[0] not in self.levels:
            return ""
        num_id, ilvl = ref
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(self.abstract_of[num_id], [0] * 10)
        if ilvl >= len(counters):
            return ""
        if counters[ilvl] == 0:
            counters[ilvl] = levels[ilvl].start - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "•"  # the glyph itself is a font symbol; a plain bullet tells the parser "list item"
        if level.fmt == "none" or not level.text:
            return ""

        def repl(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            n = counters[k] if counters[k] else lv.start
            return _format_number(n, "decimal" if level.fmt == "decimal" else lv.fmt)

        return re.sub(r"%(\d)", repl, level.text)


def _val(el: Any | None, default: str) -> str:
    if el is None:
        return default
    return el.get(_w("val"), default)


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

    def blocks(self, parent: Any) -> list[tuple[str, Origin]]:
        """Lines of the paragraphs and tables under parent (body, cell, content control), in order."""
        lines: list[tuple[str, Origin]] = []
        carry = ""  # text of a paragraph whose mark was deleted: it runs on into the next one
        for child in parent.iterchildren():
            tag = child.tag
            if tag == _w("p"):
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
            elif tag == _w("tbl"):
                lines.extend(self.table(child))
            elif tag in _CONTAINER_TAGS:
                lines.extend(self.blocks(child))
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    lines.extend(self.blocks(choice))
        if carry:
            lines.extend((line, self._origin()) for line in carry.split("\n"))
        return lines

    def paragraph(self, p: Any) -> tuple[list[str], list[str]]:
        """A paragraph's lines (split at manual breaks) and the lines of text boxes anchored in it."""
        parts: list[str] = [self.numbering.label(p)]
        self.on_paragraph(p, parts[0])
        if parts[0]:
            parts.append(" ")
        boxes: list[str] = []
        self._inline(p, parts, boxes)
        return "".join(parts).split("\n"), boxes

    def on_paragraph(self, p: Any, label: str) -> None:
        """Called for each paragraph in reading order, with its list label: a hook for `body_paragraphs`."""

    def _inline(self, el: Any, out: list[str], boxes: list[str]) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_TAGS:
                continue
            if tag == _w("t"):
                out.append(child.text or "")
            elif tag in _TAB_TAGS:
                out.append(" ")
            elif tag in _BREAK_TAGS:
                out.append("\n")
            elif tag == _w("noBreakHyphen"):
                out.append("-")
            elif tag == _w("sym"):
                char = child.get(_w("char"), "")
                if re.fullmatch(r"[0-9A-Fa-f]{2,4}", char):
                    out.append(chr(int(char, 16)))
            elif tag == _w("txbxContent"):
                boxes.extend(self._box(child))
            elif tag == f"{{{MC}}}AlternateContent":
                # Choice and Fallback hold the same text twice (modern and legacy drawing).
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self._inline(choice, out, boxes)
            elif tag == _w("p"):  # a paragraph inside a run-level container
                para, inner = self.paragraph(child)
                boxes.extend(para)
                boxes.extend(inner)
            else:
                self._inline(child, out, boxes)

    def _box(self, box: Any) -> list[str]:
        """A text box's lines; they belong to the paragraph (or cell) the box is anchored in."""
        saved, self.cell = self.cell, self._origin()
        try:
            return [line for line, _ in self.blocks(box)]
        finally:
            self.cell = saved

    def table(self, tbl: Any) -> list[tuple[str, Origin]]:
        """A table's lines, row by row; merged cells contribute their text once."""
        top = self.cell is None
        if top:
            self.tables += 1
        lines: list[tuple[str, Origin]] = []
        for row_no, tr in enumerate(_children(tbl, _w("tr")), 1):
            trpr = tr.find(_w("trPr"))
            if trpr is not None and trpr.find(_w("del")) is not None:
                continue  # a deleted row
            cells: list[list[str]] = []
            wheres: list[Origin] = []
            for cell_no, tc in enumerate(_children(tr, _w("tc")), 1):
                tcpr = tc.find(_w("tcPr"))
                if tcpr is not None:
                    vmerge = tcpr.find(_w("vMerge"))
                    hmerge = tcpr.find(_w("hMerge"))
                    if vmerge is not None and vmerge.get(_w("val"), "continue") == "continue":
                        continue  # the text sits in the cell above
                    if hmerge is not None and hmerge.get(_w("val"), "continue") == "continue":
                        continue
                    if tcpr.find(_w("cellDel")) is not None:
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


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """Children with tag, looking through content controls and custom XML wrappers."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINER_TAGS:
            yield from _children(child, tag)


def _mark_deleted(p: Any) -> bool:
    mark = p.find(f"{_w('pPr')}/{_w('rPr')}")
    return mark is not None and (mark.find(_w("del")) is not None or mark.find(_w("moveFrom")) is not None)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a Word body in reading order, as the reader reads it: for the redline to track."""

    element: Any
    """The w:p element itself (in the tree the caller passed)."""
    label: str
    """Its automatic list number ('2.1.'), which is not in its runs; '' when none."""
    text: str
    """Its text as a line of the reader (label, runs, spaces normalised)."""
    origin: Origin
    in_table: bool


class _Collector(_Walker):
    """The reader's walk, keeping every paragraph element it reads."""

    def __init__(self, numbering: _Numbering) -> None:
        super().__init__(numbering)
        self.found: list[tuple[Any, str, Origin, bool]] = []

    def on_paragraph(self, p: Any, label: str) -> None:
        self.found.append((p, label, self._origin(), self.cell is not None))


def body_paragraphs(document: Any, numbering: Any | None = None, styles: Any | None = None) -> list[Paragraph]:
    """Every paragraph of a main document part with text, in reading order, with the text the reader
    gives it (the same walk as `read_docx`, so list numbers and skipped merged cells agree)."""
    body = document.find(_w("body"))
    if body is None:
        return []
    walker = _Collector(_Numbering.load(numbering, styles))
    walker.blocks(body)
    out = []
    for p, label, origin, in_table in walker.found:
        lines, _ = _Walker(_Numbering.load(None, None)).paragraph(p)
        runs = normalize_line(" ".join(lines))
        text = normalize_line(f"{label} {runs}") if label else runs
        if text:
            out.append(Paragraph(p, label, text, origin, in_table))
    return out


# ---------------------------------------------------------------- entry point

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"  # relationship types end so in transitional and strict OOXML
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _resolve(source_dir: str, target: str) -> str:
    """The zip member a relationship target names: absolute from the package root, else relative."""
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(source_dir, target)
    return posixpath.normpath(path).lstrip("/")


def _relationships(zf: zipfile.ZipFile, names: dict[str, str], part: str, name: str) -> dict[str, str]:
    """Relationship type -> member for one part ('' = the package); absent .rels means none."""
    folder, base = posixpath.split(part)
    rels = names.get(posixpath.join(folder, "_rels", f"{base}.rels").lower())
    if rels is None:
        return {}
    root = parse_xml_safely(read_member(zf, rels, name), name, rels)
    found: dict[str, str] = {}
    for rel in root.iterchildren(f"{{{_REL_NS}}}Relationship"):
        target, kind = rel.get("Target") or "", rel.get("Type") or ""
        if target and rel.get("TargetMode") != "External":
            member = _resolve(folder, target)
            found.setdefault(kind.rsplit("/", 1)[-1], names.get(member.lower(), member))
    return found


def _part(zf: zipfile.ZipFile, names: dict[str, str], member: str | None, name: str) -> Any | None:
    """An optional XML part, parsed safely; None when the package does not have it."""
    if not member or member.lower() not in names:
        return None
    member = names[member.lower()]
    root = parse_xml_safely(read_member(zf, member, name), name, member)
    if root.tag.startswith(f"{{{_STRICT_W}}}"):
        raise InputError(name, f"{member} is Strict Open XML", "save it again as a Word Document (.docx)")
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
    main = _relationships(zf, names, "", name).get("officeDocument")
    if main is None or main.lower() not in names:
        main = names.get("word/document.xml")
    if main is None:
        hint = "is it a signature container? name it .asice" if "mimetype" in names else "save it as .docx"
        raise InputError(name, "not a Word document (no word/document.xml in the zip)", hint)
    document = _part(zf, names, main, name)
    body = document.find(_w("body")) if document is not None else None
    if body is None:
        raise InputError(name, f"not a readable Word document: {main} has no w:body", "save it again as .docx")
    related = _relationships(zf, names, main, name)
    numbering = _Numbering.load(
        _part(zf, names, related.get("numbering"), name), _part(zf, names, related.get("styles"), name)
    )
    walker = _Walker(numbering)
    pairs = walker.blocks(body)
    return SourceText(
        name=name,
        lines=tuple(normalize_line(line) for line, _ in pairs),
        wrapped=False,
        origins=tuple(origin for _, origin in pairs),
    )
