"""Word files as an organisation writes them, built with python-docx: for the package-level redline tests.

A page header with the body's name, a footer "Lk PAGE / NUMPAGES" with real fields, a logo image above
the title, a signature image after the last line, Arial 11 and 3 cm margins.
"""

from __future__ import annotations

import io
import struct
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
