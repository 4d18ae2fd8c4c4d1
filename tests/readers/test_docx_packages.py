"""Word packages as real tools write them: without numbering, styles or settings; and the origin of each line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.errors import InputError
from ajdiff.read.formats import read_bytes
from ajdiff.read.parse import parse_source
from ajdiff.text import normalize_line
from ajdiff.tree import Origin
from tests.conftest import FIXTURES
from tests.hostile.real_world import (
    document_xml,
    libreoffice_docx,
    minimal_docx,
    seed_paragraphs,
    without_numbering,
    zip_members,
)

DOCX_001 = FIXTURES / "001_f0f3c421c69f98c0.docx"
DOCX_000 = FIXTURES / "000_2e8e5e7caea51be0.docx"


def _facts(data: bytes, suffix: str) -> list[tuple[str | None, str | None, list[str]]]:
    """What a reviewer reads: each annex, its post, its duty numbers."""
    docs = parse_source(read_bytes(data, f"x{suffix}", suffix))
    return [(d.annex, d.general.position, [duty.number for duty in d.duties]) for d in docs]


def test_package_without_numbering_part_is_read() -> None:
    """Issue 16 (1): fixture 001 without word/numbering.xml reads as the fixture itself."""
    original = DOCX_001.read_bytes()
    stripped = without_numbering(original)
    assert "word/numbering.xml" not in zip_members(stripped)
    assert read_bytes(stripped, "x.docx", ".docx").lines == read_bytes(original, "y.docx", ".docx").lines
    assert _facts(stripped, ".docx") == _facts(original, ".docx")


def test_minimal_google_docs_style_package_is_read() -> None:
    """Only [Content_Types].xml, _rels/.rels and the main part: no styles, settings, numbering, fonts."""
    paragraphs = seed_paragraphs()
    data = minimal_docx(document_xml(paragraphs))
    assert sorted(zip_members(data)) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
    source = read_bytes(data, "google.docx", ".docx")
    # Each paragraph as the reader normalises any line (spaces folded, a Symbol-font bullet drawn as ▪).
    assert list(source.lines) == [normalize_line(" ".join(p.split())) for p in paragraphs]
    txt = FIXTURES / "001_f0f3c421c69f98c0.txt"
    assert _facts(data, ".docx") == _facts(txt.read_bytes(), ".txt")


def test_main_part_found_through_relationships() -> None:
    """The main part is wherever _rels/.rels points, not necessarily word/document.xml."""
    data = minimal_docx(document_xml(["Teenistuskoht Nõunik"]), main="word/document2.xml")
    assert read_bytes(data, "x.docx", ".docx").lines == ("Teenistuskoht Nõunik",)


@pytest.fixture(scope="module")
def libreoffice_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Packages written by LibreOffice itself: seed 001's text and seed 000's .docx saved again."""
    dest = tmp_path_factory.mktemp("lo")
    out = dest / "out"
    for source in (FIXTURES / "001_f0f3c421c69f98c0.txt", DOCX_000):
        copy = dest / f"lo_{source.name}"
        copy.write_bytes(source.read_bytes())
        if libreoffice_docx(copy, out) is None:
            pytest.fail("LibreOffice (soffice) is needed to write the real packages of this test")
    return out


def test_libreoffice_package_of_a_text_is_read(libreoffice_dir: Path) -> None:
    """LibreOffice writes no numbering part for plain paragraphs: python-docx refused such files."""
    data = (libreoffice_dir / "lo_001_f0f3c421c69f98c0.docx").read_bytes()
    assert "word/numbering.xml" not in zip_members(data)
    txt = FIXTURES / "001_f0f3c421c69f98c0.txt"
    assert _facts(data, ".docx") == _facts(txt.read_bytes(), ".txt")


def test_libreoffice_resave_of_a_word_file_is_read(libreoffice_dir: Path) -> None:
    """Seed 000 saved again by LibreOffice (its own tables, styles and numbering) gives the same annexes."""
    data = (libreoffice_dir / "lo_000_2e8e5e7caea51be0.docx").read_bytes()
    assert _facts(data, ".docx") == _facts(DOCX_000.read_bytes(), ".docx")


def test_doctype_in_a_part_not_named_xml_is_refused() -> None:
    """Issue 16 (11): a main part named word/main.dat with a DOCTYPE is found through the relationships
    and refused by the guard like any *.xml part."""
    prolog = '<!DOCTYPE w:document [<!ENTITY e "Teenistuskoht Häkker">]>'
    data = minimal_docx(document_xml(["&e;"], prolog=prolog).replace(b"&amp;e;", b"&e;"), main="word/main.dat")
    with pytest.raises(InputError) as err:
        read_bytes(data, "x.docx", ".docx")
    assert err.value.problem == "word/main.dat declares a DOCTYPE (XML entities are refused)"


def test_doctype_in_a_related_part_is_refused() -> None:
    """The numbering part reached through word/_rels/document.xml.rels goes through the same guard."""
    members = zip_members(DOCX_001.read_bytes())
    members["word/numbering.xml"] = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + members["word/numbering.xml"].split(b"?>", 1)[1]
    )
    from tests.hostile.real_world import make_zip

    with pytest.raises(InputError, match=r"word/numbering\.xml declares a DOCTYPE"):
        read_bytes(make_zip(members), "x.docx", ".docx")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("marker", ["<!DOCTYPE", "<!ENTITY"])
def test_a_dtd_is_refused_in_each_encoding_an_xml_part_may_have(encoding: str, marker: str) -> None:
    """The guard looks for a DTD's start as each codec spells it (its markers are spelt without the codecs)."""
    from ajdiff.read.formats.safe_zip import refuse_dtd

    data = f'<?xml version="1.0"?>{marker} x [ ]><w:document/>'.encode(encoding)
    with pytest.raises(InputError, match="declares a DOCTYPE"):
        refuse_dtd(data, "x.docx", "word/document.xml")
    refuse_dtd(data.replace(marker.encode(encoding), b""), "x.docx", "word/document.xml")


def test_origins_of_paragraphs_and_table_cells() -> None:
    """Each line says which body paragraph, or which table, row and cell, it came from."""
    xml = document_xml(
        ["KINNITATUD", "", "AMETIJUHEND"], table=[["Teenistuskoht", "Nõunik"], ["2.1. Ülesanne.", "Tulemus."]]
    )
    source = read_bytes(minimal_docx(xml), "x.docx", ".docx")
    assert list(zip(source.lines, source.origins)) == [
        ("KINNITATUD", Origin(paragraph=1)),
        ("", Origin(paragraph=2)),
        ("AMETIJUHEND", Origin(paragraph=3)),
        ("Teenistuskoht Nõunik", Origin(table=1, row=1, cell=1)),
        ("2.1. Ülesanne.", Origin(table=1, row=2, cell=1)),
        ("Tulemus.", Origin(table=1, row=2, cell=2)),
        ("", Origin(paragraph=4)),
    ]


def test_origins_of_a_real_document_point_at_its_cells() -> None:
    """Seed 001: the post's line comes from the first table; every line has an origin."""
    source = read_bytes(DOCX_001.read_bytes(), "x.docx", ".docx")
    assert len(source.origins) == len(source.lines)
    (k,) = [k for k, line in enumerate(source.lines) if line.startswith("Teenistuskoht ")]
    assert source.origin(k).table == 1 and source.origin(k).row is not None


def test_part_names_match_without_regard_to_case() -> None:
    """OPC part names are case-insensitive: a relationship to /word/document.xml finds Word/Document.xml."""
    members = zip_members(minimal_docx(document_xml(["Teenistuskoht Nõunik"])))
    members["Word/Document.xml"] = members.pop("word/document.xml")
    from tests.hostile.real_world import make_zip

    assert read_bytes(make_zip(members), "x.docx", ".docx").lines == ("Teenistuskoht Nõunik",)


def test_strict_open_xml_is_refused_with_a_hint() -> None:
    """Strict OOXML uses other namespaces; reading it as empty would be silent data loss."""
    strict = document_xml(["Teenistuskoht Nõunik"]).replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    with pytest.raises(InputError) as err:
        read_bytes(minimal_docx(strict), "x.docx", ".docx")
    assert err.value.line() == (
        "ajdiff: x.docx: word/document.xml is Strict Open XML (save it again as a Word Document (.docx))"
    )
