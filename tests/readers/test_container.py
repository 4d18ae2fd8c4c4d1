"""Signature containers: detection, the documents inside, hostile zips."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from ajdiff.errors import InputError
from ajdiff.read.formats import read_bytes
from ajdiff.read.formats.container import is_signature_container, read_container

MAX = 10 * 2**20
MANIFEST = b"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.etsi.asic-e+zip"/>
</manifest:manifest>"""
SIGNATURE = b"""<?xml version="1.0" encoding="UTF-8"?>
<asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
 xmlns:xades="http://uri.etsi.org/01903/v1.3.2#"><ds:Signature><ds:Object><xades:QualifyingProperties>
<xades:SignedProperties><xades:SignedSignatureProperties><xades:SigningTime>2024-11-15T10:00:00Z</xades:SigningTime>
</xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object></ds:Signature>
</asic:XAdESSignatures>"""


def _docx(*paragraphs: str) -> bytes:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def _asice(members: dict[str, bytes], mimetype: bytes = b"application/vnd.etsi.asic-e+zip") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        if mimetype:
            zf.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", MANIFEST)
        zf.writestr("META-INF/signatures0.xml", SIGNATURE)
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_reads_the_signed_docx() -> None:
    data = _asice({"ametijuhend.docx": _docx("AMETIJUHEND", "1. Üldosa")})
    assert is_signature_container(data, "a.asice")
    source = read_container(data, "a.asice", max_bytes=MAX)
    assert [line for line in source.lines if line] == ["AMETIJUHEND", "1. Üldosa"]
    assert ("Allkirjastatud", "2024-11-15T10:00:00Z") in source.metadata


def test_several_documents_are_concatenated_in_order() -> None:
    data = _asice({"a.txt": b"Esimene", "b.html": b"<html><body><p>Teine</p></body></html>"})
    source = read_container(data, "c.asice", max_bytes=MAX)
    assert [line for line in source.lines if line] == ["Esimene", "Teine"]


def test_dispatch_by_suffix_and_by_magic() -> None:
    data = _asice({"a.docx": _docx("Tekst")})
    assert read_bytes(data, "c.bdoc", ".bdoc").lines == read_bytes(data, "-", "").lines


def test_docx_is_not_a_container() -> None:
    assert not is_signature_container(_docx("x"), "a.docx")
    assert not is_signature_container(b"not a zip", "x")


def test_detected_by_signature_file_without_mimetype() -> None:
    assert is_signature_container(_asice({"a.txt": b"x"}, mimetype=b""), "x.zip")


def test_inner_errors_name_the_member() -> None:
    data = _asice({"broken.docx": b"PK\x03\x04 broken"})
    with pytest.raises(InputError) as exc:
        read_container(data, "c.asice", max_bytes=MAX)
    assert exc.value.source == "c.asice:broken.docx"


def test_no_document_inside() -> None:
    data = _asice({"photo.jpg": b"\xff\xd8\xff"})
    with pytest.raises(InputError, match="no document inside the container"):
        read_container(data, "c.asice", max_bytes=MAX)


def test_nested_container_skipped() -> None:
    inner = _asice({"a.txt": b"x"})
    with pytest.raises(InputError, match="no document inside"):
        read_container(_asice({"inner.asice": inner}), "c.asice", max_bytes=MAX)


def test_bomb_refused_before_inflating() -> None:
    data = _asice({"a.txt": b"a" * (3 * 2**20)})
    with pytest.raises(InputError, match="would inflate") as exc:
        read_container(data, "c.asice", max_bytes=2**20)
    assert exc.value.hint == "raise --max-size"


def test_not_a_zip_and_truncated() -> None:
    with pytest.raises(InputError, match="not a signature container"):
        read_container(b"hello", "c.asice", max_bytes=MAX)
    data = _asice({"a.docx": _docx("x")})
    with pytest.raises(InputError, match="damaged or truncated"):
        read_container(data[:-40], "c.asice", max_bytes=MAX)


def test_signature_with_doctype_is_only_a_warning() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("mimetype", b"application/vnd.etsi.asic-e+zip")
        zf.writestr("META-INF/signatures0.xml", b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>')
        zf.writestr("a.txt", b"Tekst")
    source = read_container(buffer.getvalue(), "c.asice", max_bytes=MAX)
    assert source.lines == ("Tekst",)
    assert any("DOCTYPE" in w for w in source.warnings)


def test_origins_are_those_of_the_signed_documents() -> None:
    """A container's lines point into its members: a Word member's paragraphs, a text member's lines."""
    from ajdiff.tree import Origin
    from tests.hostile.real_world import document_xml, make_zip, minimal_docx

    data = make_zip(
        {
            "mimetype": b"application/vnd.etsi.asic-e+zip",
            "a.docx": minimal_docx(document_xml(["KINNITATUD", "AMETIJUHEND"])),
            "b.txt": "Teenistuskoht\n\nNõunik\n".encode(),
            "META-INF/signatures0.xml": b'<?xml version="1.0"?><S xmlns="urn:s"/>',
        }
    )
    source = read_bytes(data, "x.asice", ".asice")
    assert list(zip(source.lines, source.origins)) == [
        ("KINNITATUD", Origin(paragraph=1)),
        ("AMETIJUHEND", Origin(paragraph=2)),
        ("", Origin()),
        ("Teenistuskoht", Origin(line=1)),
        ("", Origin(line=2)),
        ("Nõunik", Origin(line=3)),
        ("", Origin(line=4)),
    ]


def _repeat_directory_entry(data: bytes, times: int) -> bytes:
    """The zip with its last central-directory entry listed `times` times (the end record adjusted)."""
    import struct

    end = data.rindex(b"PK\x05\x06")
    count, size, start = struct.unpack("<10xHII2x", data[end : end + 22])
    directory = data[start : start + size]
    last = directory.rindex(b"PK\x01\x02")
    entries = directory + directory[last:] * (times - 1)
    total = count + times - 1
    record = data[end : end + 8] + struct.pack("<HHII", total, total, len(entries), start) + data[end + 20 : end + 22]
    return data[:start] + entries + record


def test_a_container_named_as_a_document_is_not_followed() -> None:
    """Issue 24 (2): an ASiC-E whose only document `d.docx` is the next ASiC-E level, 400 deep, ended in
    `internal error: RecursionError`; a container inside is skipped by its content, whatever its name."""
    data = _asice({"d.txt": b"Teenistuskoht"})
    for _ in range(400):
        data = _asice({"d.docx": data})
    with pytest.raises(InputError) as err:
        read_bytes(data, "deep.asice", ".asice")
    assert err.value.problem == "no document inside the container"
    one = read_bytes(_asice({"d.docx": _asice({"x.txt": b"Sees"}), "e.txt": b"Teenistuskoht"}), "a.asice", ".asice")
    assert one.lines == ("Teenistuskoht",) and one.warnings == ("d.docx: nested container skipped",)


def test_a_directory_listing_one_entry_many_times_is_refused() -> None:
    """Issue 24 (2): a central directory that lists the same stored entry 100 times multiplied its text
    (10,000 copies two levels deep, 533 MB from 19 KB); a name listed twice is refused."""
    inner = _repeat_directory_entry(_asice({"a.txt": b"Teenistuskoht Nounik"}), 100)
    assert zipfile.ZipFile(io.BytesIO(inner)).namelist().count("a.txt") == 100
    with pytest.raises(InputError) as err:
        read_bytes(inner, "dup.asice", ".asice")
    assert err.value.problem == "signature container lists a.txt more than once"


def test_two_names_for_the_same_bytes_are_refused() -> None:
    """Entries with different names at one offset (an overlapping-entry zip bomb) are refused too."""
    data = _repeat_directory_entry(_asice({"a.txt": b"Teenistuskoht"}), 2)
    end = data.rindex(b"PK\x05\x06")
    renamed = data[:end].rsplit(b"a.txt", 1)
    data = b"b.txt".join(renamed) + data[end:]
    with pytest.raises(InputError) as err:
        read_bytes(data, "overlap.asice", ".asice")
    assert err.value.problem == "signature container has two members at the same bytes (b.txt)"
