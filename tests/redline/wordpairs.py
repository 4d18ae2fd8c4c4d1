"""Word files as an organisation writes them, built with python-docx: for the package-level redline tests.

A page header with the body's name, a footer "Lk PAGE / NUMPAGES" with real fields, a logo image above
the title, a signature image after the last line, Arial 11 and 3 cm margins.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ajdiff.read.formats.ooxml import qn


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain PNG of one colour (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


@dataclass(frozen=True)
class Dress:
    """What surrounds a job description's lines in its Word file."""

    header: str = "Rahandusministeerium"
    footer: bool = True
    """A footer 'Lk PAGE / NUMPAGES' of fields."""
    logo: bool = True
    signature: bool = True


def _field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]  # python-docx paragraph
    """A simple field (PAGE, NUMPAGES) with its last shown value, as Word writes it."""
    fld = etree.SubElement(paragraph._p, qn("w:fldSimple"))
    fld.set(qn("w:instr"), f" {instruction} ")
    r = etree.SubElement(fld, qn("w:r"))
    etree.SubElement(r, qn("w:t")).text = "1"


def job_docx(path: Path, lines: list[str], dress: Dress = Dress()) -> None:
    """Write `lines` as a Word job description in `dress`: the first line the title, one paragraph a line."""
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(3)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    if dress.header:
        section.header.paragraphs[0].text = dress.header
    if dress.footer:
        p = section.footer.paragraphs[0]
        p.add_run("Lk ")
        _field(p, "PAGE")
        p.add_run(" / ")
        _field(p, "NUMPAGES")
    if dress.logo:
        document.add_paragraph().add_run().add_picture(io.BytesIO(png(40, 20, (0, 90, 160))), width=Cm(3))
    for line in lines:
        document.add_paragraph(line)
    if dress.signature:
        document.add_paragraph().add_run().add_picture(io.BytesIO(png(60, 20, (20, 20, 20))), width=Cm(4))
    document.save(str(path))


COLLEAGUE = "Kolleeg"
"""The author of the pending tracked changes `with_pending` writes."""


def with_pending(path: Path) -> None:
    """Give a Word file a colleague's pending tracked changes, numbered from 1 as Word numbers them: a word
    inserted and a word deleted in the first text paragraph, the second paragraph's mark deleted (it runs
    on into the third), a formatting change, and an inserted word in the page header."""

    def revision(tag: str, rid: int) -> etree._Element:
        el = etree.Element(qn(f"w:{tag}"))
        el.set(qn("w:id"), str(rid))
        el.set(qn("w:author"), COLLEAGUE)
        el.set(qn("w:date"), "2025-01-30T09:00:00Z")
        return el

    def text_run(text: str, *, deleted: bool = False) -> etree._Element:
        r = etree.Element(qn("w:r"))
        t = etree.SubElement(r, qn("w:delText" if deleted else "w:t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return r

    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    texts = [p for p in root.iter(qn("w:p")) if "".join(p.itertext()).strip()]
    first, second = texts[0], texts[1]
    ins = revision("ins", 1)
    ins.append(text_run(" (kolleegi lisatud)"))
    first.append(ins)
    gone = revision("del", 2)
    gone.append(text_run("Kolleegi kustutatud ", deleted=True))
    first.find(qn("w:r")).addprevious(gone)  # type: ignore[union-attr]  # the paragraph has runs
    ppr = second.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        second.insert(0, ppr)
    etree.SubElement(ppr, qn("w:rPr")).append(revision("del", 3))
    rpr = first.find(f"{qn('w:r')}/{qn('w:rPr')}")
    run = first.find(qn("w:r"))
    if rpr is None and run is not None:
        rpr = etree.Element(qn("w:rPr"))
        run.insert(0, rpr)
    if rpr is not None:
        etree.SubElement(rpr, qn("w:b"))
        change = revision("rPrChange", 4)
        change.append(etree.Element(qn("w:rPr")))  # the former formatting: not bold
        rpr.append(change)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    header = next(n for n in parts if n.startswith("word/header"))
    hroot = etree.fromstring(parts[header])
    hp = hroot.find(qn("w:p"))
    assert hp is not None
    hins = revision("ins", 5)
    hins.append(text_run(" (kavand)"))
    hp.append(hins)
    parts[header] = etree.tostring(hroot, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
