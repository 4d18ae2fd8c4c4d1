"""Builders of the real-world cases of issue 16: packages, streams and names that real tools make.

Everything is made by code from the seed fixtures and the standard library, never committed as
a binary, so each case can be read and reproduced.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from tests.hostile.make_corpus import SEED_001

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def zip_members(data: bytes) -> dict[str, bytes]:
    """The members of a zip, by name, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def make_zip(members: dict[str, bytes]) -> bytes:
    """A deflated zip of the given members."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return out.getvalue()


def without_numbering(docx: bytes) -> bytes:
    """A package with word/numbering.xml, its relationship and its content type removed (issue 16, 1)."""
    members = zip_members(docx)
    del members["word/numbering.xml"]
    rels = members["word/_rels/document.xml.rels"].decode()
    members["word/_rels/document.xml.rels"] = re.sub(r'<Relationship [^>]*Target="numbering\.xml"/>', "", rels).encode()
    types = members["[Content_Types].xml"].decode()
    members["[Content_Types].xml"] = re.sub(r'<Override PartName="/word/numbering\.xml"[^>]*/>', "", types).encode()
    return make_zip(members)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def document_xml(paragraphs: list[str], *, table: list[list[str]] | None = None, prolog: str = "") -> bytes:
    """A WordprocessingML main part: paragraphs, then an optional table of one-paragraph cells."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{_escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    if table:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{_escape(c)}</w:t></w:r></w:p></w:tc>" for c in row) + "</w:tr>"
            for row in table
        )
        body += f"<w:tbl>{rows}</w:tbl><w:p/>"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{_REL}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    ).encode()


def minimal_docx(document: bytes, *, main: str = "word/document.xml") -> bytes:
    """A package like Google Docs' plainest export: content types, one relationship, the main part only."""
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main}" ContentType="{_MAIN_TYPE}"/></Types>'
    )
    rels = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="/{main}"/></Relationships>'
    )
    return make_zip({"[Content_Types].xml": types.encode(), "_rels/.rels": rels.encode(), main: document})


def seed_paragraphs() -> list[str]:
    """The non-blank lines of seed 001 (one annex), as paragraphs."""
    text = SEED_001.with_suffix(".txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def libreoffice_docx(source: Path, dest: Path) -> Path | None:
    """source converted to .docx by LibreOffice (`soffice --headless --convert-to docx`), or None without it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    dest.mkdir(parents=True, exist_ok=True)
    profile = dest / "lo-profile"  # a private profile: no clash with another soffice running on the machine
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "docx",
         "--outdir", str(dest), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    out = dest / (source.stem + ".docx")
    return out if out.is_file() else None


def pdf_page(operators: str, *, font: dict[str, str] | None = None) -> bytes:
    """A one-page PDF whose content stream is `operators`, with Helvetica as /F1 (font entries overridable)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    entries = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica", **(font or {})}
    font_dict = DictionaryObject({NameObject(k): NameObject(v) for k, v in entries.items()})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font_dict)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(operators.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def text_operators(lines: list[str]) -> str:
    """PDF text operators that show each line below the previous one."""
    ops = ["BT /F1 11 Tf 14 TL 50 800 Td"]
    for line in lines:
        safe = line.encode("latin-1", "replace").decode("latin-1")
        ops.append("(" + safe.replace("\\", "").replace("(", "[").replace(")", "]") + ") Tj T*")
    return "\n".join([*ops, "ET"])
