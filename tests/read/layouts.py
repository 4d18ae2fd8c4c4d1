"""The same document in the layouts people give it: Word one paragraph a line, Word with tables (the
general part as label | value rows, the duties as task | results rows under a header row), the PDFs and
HTML pages LibreOffice saves of those, and the text re-wrapped as a page wraps it.

The table layout is built from the text's own reading: each source line is placed by the tree node it
starts or continues (a field's line goes into a label | value row, a duty's into its row's task cell,
its results into the results cell); every other line stays a paragraph. So the Word table holds exactly
the text's lines, only laid out as a person lays out a job description in Word."""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.shared import Cm, Inches, Length, Pt

from ajdiff.read.formats import read_bytes
from ajdiff.read.parse import parse_source
from ajdiff.tree import Node, NodeKind

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# Every document of the fixtures: the five seeds and the other bodies' documents.
DOCUMENTS = (
    {p.stem: p for p in sorted(FIXTURES.glob("00[0-9]_*.txt"))}
    | {p.stem: p for p in sorted((FIXTURES / "external").glob("*.txt"))}
    # Real OCR of other bodies' documents (Tesseract; fixtures/external/ocr/SOURCES.md): 'NAME.ocr', 'NAME.ocr-eng'.
    # Not SÜG's or PPA's: Tesseract's Estonian model kept their diacritics, so nothing tells their lines for a
    # scan's, and a Word paragraph or an HTML line per OCR'd line cuts SÜG's run-in duties apart (8 of 13
    # layouts); PPA's label column read apart from its values is lost already (test_ocr_fixtures.LOST).
    | {
        p.stem: p
        for p in sorted((FIXTURES / "external" / "ocr").glob("*.txt"))
        if not p.name.startswith(("syg_", "ppa_"))
    }
)
# Seed 004 is OCR of a two-column table read across (see tests/read/test_reflow.py): its own lines are
# kept when it is "re-wrapped"; only blank-line noise is added.
UNWRAPPABLE = frozenset(name for name in DOCUMENTS if name.startswith("004_"))
HEADER = ("Ülesanded", "Tulemused")


@dataclass
class _Row:
    """One row of a two-column table being built."""

    left: list[str]
    right: list[str]


@dataclass
class _Table:
    """A table being built: duty tables get a header row."""

    duties: bool
    rows: list[_Row]


Block = str | _Table


def _roles(text: str) -> dict[int, tuple[str, Node]]:
    """0-based source line -> (role, node): 'field' or 'label' (the label line of a field whose value is
    below it), 'task', 'result'. Lines a node does not own are absent (they stay paragraphs)."""
    lines = text.splitlines()
    roles: dict[int, tuple[str, Node]] = {}
    source = read_bytes(text.encode(), "doc.txt", ".txt")
    for doc in parse_source(source):
        for section in doc.sections:
            duty: Node | None = None
            for node in section.walk():
                if node.where is None or node.where.line is None:
                    continue
                if node.kind is NodeKind.FIELD and node.label and node.verbatim.startswith(node.label):
                    role = "field"
                elif node.kind is NodeKind.ITEM and node.key == "duties":
                    role, duty = "task", node
                elif node.kind is NodeKind.RESULT and duty is not None:
                    role = "result"
                else:
                    continue
                own = [v for v in node.verbatim.splitlines() if v.strip()]
                k = node.where.line - 1
                for _ in own:
                    while k < len(lines) and not lines[k].strip():
                        k += 1
                    if k < len(lines):
                        roles[k] = (role, node)
                    k += 1
    return roles


def blocks(text: str) -> list[Block]:
    """The document as paragraphs and two-column tables (see the module's docstring)."""
    lines = text.splitlines()
    roles = _roles(text)
    out: list[Block] = []
    owner: Node | None = None
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        role, node = roles.get(k, ("", None))
        table = out[-1] if out and isinstance(out[-1], _Table) else None
        if role == "field" and node is not None:
            if table is None or table.duties:
                table = _Table(False, [])
                out.append(table)
            if node is not owner:
                label = node.label or ""
                value = line.strip()[len(label) :].lstrip(" :\t").strip() if line.strip().startswith(label) else ""
                if not label or not line.strip().startswith(label):
                    table.rows.append(_Row([], [line.strip()]))
                else:
                    table.rows.append(_Row([label], [value] if value else []))
            else:
                table.rows[-1].right.append(line.strip())
        elif role in ("task", "result") and node is not None:
            if table is None or not table.duties:
                table = _Table(True, [])
                out.append(table)
            if role == "task":
                if node is not owner:
                    table.rows.append(_Row([], []))
                table.rows[-1].left.append(line.strip())
            else:
                if not table.rows:  # a duty's result after a paragraph between it and its task
                    table.rows.append(_Row([], []))
                table.rows[-1].right.append(line.strip())
        else:
            out.append(line.strip())
        owner = node if role else None
    return out


def _docx_bytes(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _spaced(paragraph: docx.text.paragraph.Paragraph, spacing: bool) -> None:
    # With spacing after each paragraph a PDF's text layer shows paragraph ends by the gap; without it
    # (python-docx's template) only line lengths and a table's cell padding show them.
    paragraph.paragraph_format.space_after = Pt(6 if spacing else 0)


def docx_lines(text: str, spacing: bool = True) -> bytes:
    """Word, one paragraph a line (blank lines dropped, as Word users leave no empty paragraphs)."""
    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            _spaced(document.add_paragraph(line.strip()), spacing)
    return _docx_bytes(document)


def docx_tables(text: str, spacing: bool = True) -> bytes:
    """Word with the general part as label | value rows and the duties as task | results rows."""
    document = docx.Document()
    for block in blocks(text):
        if isinstance(block, str):
            _spaced(document.add_paragraph(block), spacing)
            continue
        rows = ([_Row([HEADER[0]], [HEADER[1]])] if block.duties else []) + block.rows
        table = document.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for row, cells in zip(table.rows, rows):
            for cell, paragraphs in zip(row.cells, (cells.left, cells.right)):
                cell.text = paragraphs[0] if paragraphs else ""
                for extra in paragraphs[1:]:
                    cell.add_paragraph(extra)
                for paragraph in cell.paragraphs:
                    _spaced(paragraph, spacing)
        if block.duties:
            from docx.oxml.ns import qn
            from docx.oxml.shared import OxmlElement

            # The header row repeats on every page, as duty tables over several pages have it.
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            tr_pr.append(header)
        document.add_paragraph()
    return _docx_bytes(document)


PAGES: dict[str, tuple[Length, Length, Length, int]] = {
    "a4": (Cm(21), Cm(29.7), Cm(2.5), 11),
    "wide": (Cm(21), Cm(29.7), Cm(3), 12),
    "letter2": (Inches(8.5), Inches(11), Cm(2), 11),
    "a4small": (Cm(21), Cm(29.7), Cm(2), 10),
    "narrow": (Cm(14.8), Cm(21), Cm(2), 11),
    # Set up for a rule's second body, each where the page breaks or a cell wraps as the rule needs (test_invariance
    # RULES): found by laying the document out on a page 150 cm high and reading where each line stands.
    "a4large": (Cm(21), Cm(29.7), Cm(2.5), 12),
    "letterfit": (Inches(8.5), Inches(11), Cm(1.5), 10),
    "a4lead": (Cm(21), Cm(29.7), Cm(2), 10),
}
"""Pages other than the template's (Letter, 2.54 cm margins, 11 pt), as a register's Word files have them:
name -> width, height, margins, font size. 'a4' is Word's A4 page; 'wide' is A4 with 3 cm margins and
12 pt; 'letter2' is Letter with 2 cm margins; 'a4small' is A4 with 2 cm margins and 10 pt; 'narrow' is an
A5 page with 2 cm margins (a column of 10.8 cm); 'a4large' is A4 with 2.5 cm margins and 12 pt; 'letterfit'
is Letter with 1.5 cm margins and 10 pt, its tables as wide as the text (`FITTED`); 'a4lead' is 'a4small'
with the document's part below other text (`LEAD`). Lines wrap and pages break elsewhere (a table row split
at another place)."""

FITTED = frozenset({"letterfit"})
"""Pages whose tables span the text's width, two equal columns, as Word's "AutoFit to window" lays them out.
Elsewhere a table keeps the template's columns (3 inches each), whatever the page: its cells wrap the same on
every page but by the font size."""

LEAD: dict[str, Length] = {"a4lead": Pt(672)}
"""Pages where the document starts this far down the first page, as a part of a longer document does below
the text before it (Pärnu's duties are one row of the duty table): the space before its first paragraph."""


def on_page(data: bytes, page: str) -> bytes:
    """The Word file `data` laid out on page `page` of `PAGES`."""
    width, height, margin, size = PAGES[page]
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = margin
    document.styles["Normal"].font.size = Pt(size)
    if page in FITTED:
        column = Length((width - 2 * margin) // 2)
        for table in document.tables:
            for col in table.columns:
                col.width = column  # the table's grid
                for cell in col.cells:
                    cell.width = column  # and each cell's own width, which Word and LibreOffice lay out by
    if page in LEAD and document.paragraphs:
        document.paragraphs[0].paragraph_format.space_before = LEAD[page]
    return _docx_bytes(document)


def rewrap(text: str, width: int, blank_rate: float, seed: int) -> str:
    """Every line wrapped at `width` (between words, as a page does; 0 keeps the lines), with random
    blank lines."""
    rng = random.Random(seed)
    out: list[str] = []
    for line in text.splitlines():
        if line.startswith("|"):  # the register's metadata table is no page text
            out.append(line)
            continue
        pieces = [line] if not width else textwrap.wrap(line, width, break_on_hyphens=False, break_long_words=False)
        for piece in pieces or [""]:
            out.append(piece)
            if rng.random() < blank_rate:
                out.append("")
    return "\n".join(out) + "\n"


def soffice() -> str | None:
    """LibreOffice's command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(exe: str, files: list[Path], to: str, outdir: Path) -> None:
    """Save many Word files at once as `to` ('pdf' or 'html') with one LibreOffice process (its own
    profile, so it runs beside any other LibreOffice)."""
    profile = tempfile.mkdtemp(prefix="ajdiff_lo_")
    try:
        subprocess.run(
            [exe, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
             "--convert-to", to, "--outdir", str(outdir), *map(str, files)],
            check=True, capture_output=True, timeout=1200, env={**os.environ, "HOME": profile},
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
