"""Build the hostile-input corpus: files that a careless reader would crash, hang or leak on.

Nothing here is committed as a binary: every file is made from the seed fixtures and the
standard library (plus pypdf and python-docx, which ajdiff already needs), so the corpus is
reviewable and reproducible. Run `python tests/hostile/make_corpus.py DEST` to look at it.
"""

from __future__ import annotations

import codecs
import io
import random
import struct
import sys
import zipfile
import zlib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEED_000 = FIXTURES / "000_2e8e5e7caea51be0"  # an order with 7 annexes
SEED_001 = FIXTURES / "001_f0f3c421c69f98c0"  # one annex, civil-service layout

BIG_TEXT_BYTES = 20 * 1024 * 1024
BOMB_INFLATED_BYTES = 64 * 1024 * 1024  # past the default --max-size of 50 MB


def _png() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _seed_text(seed: Path) -> str:
    return seed.with_suffix(".txt").read_text(encoding="utf-8")


def _without_section(text: str, start: str, stop: str) -> str:
    """The text with the lines from the one starting with `start` up to the one starting with `stop` removed."""
    lines = text.splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith(start))
    j = next(k for k, line in enumerate(lines) if k > i and line.startswith(stop))
    return "\n".join(lines[:i] + lines[j:]) + "\n"


def _replace_member(docx: bytes, member: str, data: bytes) -> bytes:
    """A copy of a zip with one member's content replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == member else src.read(info))
    return out.getvalue()


def _bomb_docx(docx: bytes) -> bytes:
    """A .docx whose document.xml inflates to 64 MB from about 64 KB (a zip bomb)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
        with dst.open("word/document.xml", "w") as fh:
            block = b" " * (1024 * 1024)
            for _ in range(BOMB_INFLATED_BYTES // len(block)):
                fh.write(block)
    return out.getvalue()


def _lying_bomb_docx(docx: bytes) -> bytes:
    """A zip bomb whose headers claim document.xml is 13 bytes: only a bounded read catches it."""
    honest = bytearray(_replace_member(docx, "word/document.xml", b"<w:document/>" + b" " * BOMB_INFLATED_BYTES))
    with zipfile.ZipFile(io.BytesIO(bytes(honest))) as zf:
        info = zf.getinfo("word/document.xml")
    struct.pack_into("<I", honest, info.header_offset + 22, 13)  # local header: uncompressed size
    name = info.filename.encode()
    pos = honest.find(b"PK\x01\x02")
    while pos >= 0:  # central directory entries
        name_len = struct.unpack_from("<H", honest, pos + 28)[0]
        if bytes(honest[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", honest, pos + 24, 13)
        pos = honest.find(b"PK\x01\x02", pos + 4)
    return bytes(honest)


_DEEP_DOCUMENT = (
    b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body>" + b"<w:tbl><w:tr><w:tc>" * 300 + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * 300 + b"</w:body></w:document>"
)
"""Tables nested 300 deep (900 XML levels): past libxml2's depth limit, and a recursion trap for a walker."""

_XXE_DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>Teenistuskoht &xxe;</w:t></w:r></w:p></w:body></w:document>"""

_LAUGHS_DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE lolz [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def _pdf(text: str | None, *, password: str | None = None) -> bytes:
    """A one-page PDF: with a text layer when text is given, else a blank (scanned-like) page."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    if text is not None:
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 800 Td"]
        for line in text.splitlines():
            safe = line.encode("latin-1", "replace").decode("latin-1").replace("\\", "").replace("(", "[")
            ops.append(f"({safe.replace(')', ']')}) Tj T*")
        ops.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if password is not None:
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _asice(members: dict[str, bytes]) -> bytes:
    """A signature container (ASiC-E) with the given members besides mimetype and a signature."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.etsi.asic-e+zip")
        zf.writestr("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:x"/>')
        zf.writestr("META-INF/signatures0.xml", b'<?xml version="1.0"?><Signatures xmlns="urn:y"/>')
        for name, body in members.items():
            zf.writestr(name, body)
    return out.getvalue()


_SCRIPTED_HTML = """<!DOCTYPE html>
<html><head><title>Ametijuhend</title>
<script>document.write('<p>Teenistuskoht Häkker</p>'); fetch('https://example.invalid/steal')</script>
<style>p { color: red }</style></head>
<body onload="alert(1)">
<script type="text/javascript">alert('Teenistuskoht Pahalane')</script>
<noscript><p>Teenistuskoht Skriptita</p></noscript>
<iframe src="https://example.invalid/"></iframe>
{body}
<img src="x" onerror="alert(2)">
</body></html>
"""


def _big_prose(seed: str, rng: random.Random) -> bytes:
    """A 20 MB job description: a real annex with a 20 MB section of long (1,200-word) paragraphs.

    Each paragraph is a sentence of its own (capitalised): lowercase ones would continue each other
    into one paragraph past the 20,000-character bound, which is refused (tests/read/test_joining_bounds.py).
    """
    words = [
        "teenistuja",
        "tagab",
        "ameti",
        "ülesannete",
        "täitmise",
        "vastavalt",
        "õigusaktidele",
        "ning",
        "koostab",
        "dokumente",
    ]
    paragraphs, size = [], len(seed.encode())
    while size < BIG_TEXT_BYTES:
        sentence = " ".join(rng.choice(words) for _ in range(1200))
        paragraphs.append(sentence[0].upper() + sentence[1:] + ".")
        size += len(paragraphs[-1].encode()) + 1
    head, sep, tail = seed.partition("4. Õigused")
    assert sep, "seed 001 has a section 4"
    return (head + "5. LISAINFO\n" + "\n".join(paragraphs) + "\n" + sep + tail).encode()


def _real_world():  # imported late: real_world imports this module for SEED_001
    from tests.hostile import real_world

    return real_world


def minimal_docx(document: bytes, *, main: str = "word/document.xml") -> bytes:
    """A package of only the parts Word needs (see tests/hostile/real_world.py)."""
    return _real_world().minimal_docx(document, main=main)


def document_xml(paragraphs: list[str]) -> bytes:
    """A main part of one paragraph per line."""
    return _real_world().document_xml(paragraphs)


def build(dest: Path, *, big: bool = True, slow: bool = False) -> dict[str, Path]:
    """Write every corpus file into dest; return them by case name.

    big: the 20 MB texts that are cheap to refuse or parse; slow: also 20 MB of real orders
    (about 3,000 annexes, half a minute for `ajdiff show`).
    """
    dest.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)  # a fixed seed: the same corpus on every run
    text_001 = _seed_text(SEED_001)
    text_000 = _seed_text(SEED_000)
    docx_001 = SEED_001.with_suffix(".docx").read_bytes()
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\r\n \xc2\xa0 \n\n",
        "image.png": _png(),
        "image_named.txt": _png(),
        "image_named.docx": _png(),
        "random.txt": rng.randbytes(4096),
        "random_noext": rng.randbytes(4096),
        "random.pdf": rng.randbytes(4096),
        "random.html": rng.randbytes(4096),
        "readme.md": (
            b"# ajdiff\n\nCompare two versions of a job description.\n\n## Install\n\n"
            b"    pip install ajdiff\n\n## Usage\n\n    ajdiff old.docx new.docx\n\nMIT licence.\n"
        ),
        "no_duties.txt": _without_section(text_001, "2. Peamised", "3. Teenistuskoha").encode(),
        "no_requirements.txt": _without_section(text_001, "3. Teenistuskoha", "4. ").encode(),
        "truncated_annex.txt": text_000[: int(len(text_000) * 0.55)].encode(),
        "utf16.txt": codecs.BOM_UTF16_LE + text_001.encode("utf-16-le"),
        "utf16be.txt": codecs.BOM_UTF16_BE + text_001.encode("utf-16-be"),
        # The seed's Symbol-font bullet (U+F0A7) exists in neither code page; a dash is what Windows would save.
        "cp1257.txt": text_001.replace("\uf0a7", "-").encode("cp1257"),
        "latin1.txt": text_001.replace("\uf0a7", "-").encode("latin-1"),
        "bom.txt": codecs.BOM_UTF8 + text_001.encode(),
        "mixed_eol.txt": "".join(
            line + ("\r\n", "\n", "\r")[k % 3] for k, line in enumerate(text_001.splitlines())
        ).encode(),
        "not_zip.docx": b"This is plain text, saved with a .docx name.\n",
        "truncated.docx": docx_001[: len(docx_001) // 2],
        "no_document_xml.docx": docx_001.replace(b"word/document.xml", b"word/documenX.xml"),
        "bomb.docx": _bomb_docx(docx_001),
        "lying_bomb.docx": _lying_bomb_docx(docx_001),
        "deep.docx": _replace_member(docx_001, "word/document.xml", _DEEP_DOCUMENT),
        "xxe.docx": _replace_member(docx_001, "word/document.xml", _XXE_DOCUMENT),
        "laughs.docx": _replace_member(docx_001, "word/document.xml", _LAUGHS_DOCUMENT),
        "encrypted.pdf": _pdf(text_001, password="salajane"),
        "notext.pdf": _pdf(None),
        "empty.asice": _asice({}),
        "only_image.asice": _asice({"scan.png": _png()}),
        "scripted.html": _SCRIPTED_HTML.replace(
            "{body}", "".join(f"<p>{line}</p>\n" for line in text_001.splitlines() if line.strip())
        ).encode(),
        "scripts_only.html": _SCRIPTED_HTML.replace("{body}", "").encode(),
        # Issue 16: what real tools and real mistakes make.
        "minimal.docx": minimal_docx(document_xml(text_001.splitlines())),
        "main_dat_doctype.docx": minimal_docx(_XXE_DOCUMENT, main="word/main.dat"),
        "bidi.txt": text_001.replace("\n2.", "\n\u202e2.").replace("Teenistuskoht ", "Teenistuskoht \u200f").encode(),
        "escapes.txt": b"\x1b]0;ajdiff\x07\x1b[2J" + text_001.replace("\n2.", "\n\x1b[1A\x1b[2K2.").encode(),
    }
    if big:
        files["big_prose.txt"] = _big_prose(text_001, rng)
        files["one_line.txt"] = b"Teenistuskoht " + b"x" * (BIG_TEXT_BYTES - 14)
        files["many_lines.txt"] = b"a\n" * (BIG_TEXT_BYTES // 2)
    if slow:
        unit = text_000.encode()
        files["big_orders.txt"] = (unit * (BIG_TEXT_BYTES // len(unit) + 1))[:BIG_TEXT_BYTES]
    paths = {}
    for name, data in files.items():
        path = dest / name
        path.write_bytes(data)
        paths[name] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for name, path in build(target, slow=True).items():
        print(f"{path.stat().st_size:>10}  {name}")
