"""The .docx reader: document order, flattened tables, merged cells, tracked changes, hostile zips."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from ajdiff.errors import InputError
from ajdiff.read.formats import read_bytes
from ajdiff.read.formats.docx import read_docx
from ajdiff.read.formats.tables import flatten_row_cells

MAX = 10 * 2**20


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _sample() -> bytes:
    """A small annex: title block, label | value table, duties table with merged cells and tracked changes."""
    d = docx.Document()
    d.add_paragraph("KINNITATUD Sotsiaalkindlustusameti peadirektori")
    d.add_paragraph("AMETIJUHEND")
    d.add_paragraph("1. Üldosa")
    general = d.add_table(rows=3, cols=2)
    general.cell(0, 0).text = "Struktuuriüksus"
    general.cell(0, 1).text = "Ohvriabi osakond, kriisitoe talitus"
    general.cell(1, 0).text = "Teenistuja asendab"
    general.cell(1, 1).text = "Nõustaja"
    general.cell(2, 0).text = "Teenistuskoha eesmärk"
    general.cell(2, 1).text = "Esimene lõik."
    general.cell(2, 1).add_paragraph("Teine lõik.")
    duties = d.add_table(rows=4, cols=2)
    duties.cell(0, 0).text = "Peamised teenistusülesanded"
    duties.cell(0, 1).text = "Oodatavad tulemused"
    duties.cell(1, 0).text = "2.1. Nõustamine."
    duties.cell(1, 1).text = "Teenus on kvaliteetne."
    duties.cell(1, 1).add_paragraph("Teenust on osutatud.")
    # A vertically merged task cell spanning two result rows: its text must appear once.
    merged = duties.cell(2, 0).merge(duties.cell(3, 0))
    merged.text = "2.2. Koostöö."
    duties.cell(2, 1).text = "Võrgustik on olemas."
    duties.cell(3, 1).text = "Infovahetus toimub."
    # A horizontally merged row (gridSpan).
    row = duties.add_row()
    row.cells[0].merge(row.cells[1]).text = "Lisainfo kogu rea ulatuses."
    d.add_paragraph("3. Teenistuskoha täitjale esitatavad nõuded")
    requirements = d.add_table(rows=1, cols=2)
    requirements.cell(0, 0).text = "Haridus"
    cell = requirements.cell(0, 1)
    cell.text = ""
    # Tracked changes: "soovitavalt" deleted, "soovituslikult" inserted, a moved-away run dropped.
    p = cell.paragraphs[0]._p
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">Kõrgharidus, </w:t></w:r>'))
    p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:delText>soovitavalt</w:delText></w:r></w:del>"
        )
    )
    p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:t>soovituslikult</w:t></w:r></w:ins>"
        )
    )
    p.append(
        parse_xml(
            f'<w:moveFrom {nsdecls("w")} w:id="3" w:author="A" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:t> vana koht</w:t></w:r></w:moveFrom>"
        )
    )
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> sotsiaaltöö alal</w:t></w:r>'))
    # A nested table inside a cell.
    nested_host = d.add_table(rows=1, cols=1)
    nested_host.cell(0, 0).text = "Välimine"
    inner = nested_host.cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Keeleoskus"
    inner.cell(0, 1).text = "Eesti keele oskus tasemel C1."
    d.add_paragraph("Ametijuhend vaadatakse üle kord aastas.")
    return _save(d)


def test_reads_paragraphs_and_tables_in_order() -> None:
    source = read_docx(_sample(), "a.docx", max_bytes=MAX)
    assert source.wrapped is False
    assert [line for line in source.lines if line] == [
        "KINNITATUD Sotsiaalkindlustusameti peadirektori",
        "AMETIJUHEND",
        "1. Üldosa",
        "Struktuuriüksus Ohvriabi osakond, kriisitoe talitus",
        "Teenistuja asendab Nõustaja",
        "Teenistuskoha eesmärk Esimene lõik.",
        "Teine lõik.",
        "Peamised teenistusülesanded Oodatavad tulemused",
        "2.1. Nõustamine.",
        "Teenus on kvaliteetne.",
        "Teenust on osutatud.",
        "2.2. Koostöö.",
        "Võrgustik on olemas.",
        "Infovahetus toimub.",
        "Lisainfo kogu rea ulatuses.",
        "3. Teenistuskoha täitjale esitatavad nõuded",
        "Haridus Kõrgharidus, soovituslikult sotsiaaltöö alal",
        "Välimine",
        "Keeleoskus Eesti keele oskus tasemel C1.",
        "Ametijuhend vaadatakse üle kord aastas.",
    ]


def test_dispatch_by_suffix_and_by_magic() -> None:
    data = _sample()
    assert read_bytes(data, "a.docx", ".docx").lines == read_bytes(data, "-", "").lines


def test_automatic_numbering_is_written_out() -> None:
    d = docx.Document()
    for text in ("Esimene ülesanne.", "Teine ülesanne."):
        d.add_paragraph(text, style="List Number")
    lines = [line for line in read_docx(_save(d), "n.docx", max_bytes=MAX).lines if line]
    assert lines == ["1. Esimene ülesanne.", "2. Teine ülesanne."]


def test_bullets_are_written_as_a_plain_bullet() -> None:
    d = docx.Document()
    d.add_paragraph("teha kaugtööd;", style="List Bullet")
    assert [line for line in read_docx(_save(d), "b.docx", max_bytes=MAX).lines if line] == ["• teha kaugtööd;"]


def test_deleted_paragraph_mark_joins_paragraphs() -> None:
    d = docx.Document()
    first = d.add_paragraph("Algus ")
    d.add_paragraph("ja lõpp.")
    ppr = first._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:del w:id="9" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:rPr>'))
    assert [line for line in read_docx(_save(d), "m.docx", max_bytes=MAX).lines if line] == ["Algus ja lõpp."]


@pytest.mark.parametrize(
    ("cells", "lines"),
    [
        (
            [["Haridus"], ["Kõrgharidus", "Soovitavalt sotsiaaltöö."]],
            ["Haridus Kõrgharidus", "Soovitavalt sotsiaaltöö."],
        ),
        ([["2.1. Ülesanne."], ["Tulemus üks.", "Tulemus kaks."]], ["2.1. Ülesanne.", "Tulemus üks.", "Tulemus kaks."]),
        ([["2.1."], ["Ülesanne."], ["Tulemus."]], ["2.1. Ülesanne.", "Tulemus."]),
        ([["Nimi"], ["K.p."], ["Viit"]], ["Nimi K.p. Viit"]),
        (
            [["2. Peamised teenistusülesanded"], ["Oodatavad tulemused"]],
            ["2. Peamised teenistusülesanded Oodatavad tulemused"],
        ),
        ([["1.1 Ametinimetus"], ["Peaspetsialist"]], ["1.1 Ametinimetus", "Peaspetsialist"]),
        ([["Alluvad"], []], ["Alluvad"]),
        ([[], []], []),
    ],
)
def test_flatten_row(cells: list[list[str]], lines: list[str]) -> None:
    assert [line for line, _ in flatten_row_cells(cells)] == lines


# ---------------------------------------------------------------- hostile and broken input


def test_not_a_zip() -> None:
    with pytest.raises(InputError, match="not a Word document"):
        read_docx(b"plain text, not a zip", "x.docx", max_bytes=MAX)


def test_truncated_zip() -> None:
    data = _sample()
    with pytest.raises(InputError, match="damaged or truncated"):
        read_docx(data[: len(data) // 2], "x.docx", max_bytes=MAX)


def test_zip_without_document_xml() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"no word/document\.xml"):
        read_docx(buffer.getvalue(), "x.docx", max_bytes=MAX)


def test_zip_bomb_refused_before_inflating() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a/>")
        zf.writestr("word/media/bomb.bin", b"\0" * (3 * 2**20))
    with pytest.raises(InputError, match="would inflate") as exc:
        read_docx(buffer.getvalue(), "bomb.docx", max_bytes=2**20)
    assert exc.value.hint == "raise --max-size"


def test_total_inflated_size_is_limited() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<a/>")
        for i in range(4):
            zf.writestr(f"word/media/{i}.bin", b"\0" * (400 * 1024))
    with pytest.raises(InputError, match="would inflate"):
        read_docx(buffer.getvalue(), "bomb.docx", max_bytes=2**20)


def _with_document_xml(xml: bytes) -> bytes:
    """The sample docx with its document.xml replaced."""
    source = zipfile.ZipFile(io.BytesIO(_sample()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for info in source.infolist():
            zf.writestr(info, xml if info.filename == "word/document.xml" else source.read(info))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "doctype",
    [
        (b'<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>'),
        (b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY e "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'),
    ],
    ids=["xxe", "billion-laughs"],
)
def test_doctype_and_entities_refused(doctype: bytes) -> None:
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + doctype
        + b'<w:document xmlns:w="'
        + qn("w:body").split("}")[0][1:].encode()
        + b'"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>'
    )
    with pytest.raises(InputError, match="DOCTYPE"):
        read_docx(_with_document_xml(xml), "evil.docx", max_bytes=MAX)


def test_broken_xml() -> None:
    with pytest.raises(InputError, match=r"damaged XML in word/document\.xml"):
        read_docx(_with_document_xml(b"<w:document><w:body>"), "broken.docx", max_bytes=MAX)


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_the_walks_child_lookups_are_finds_answers(seed: str) -> None:
    """The walk looks a child up by its tag without lxml's path machinery (`_child`, `numbered`): every element
    of a real document gets `find`'s answer for each tag the walk asks, list numbers or none."""
    from pathlib import Path

    from lxml import etree

    from ajdiff.read.formats.docx import _child, numbered

    path = next((Path(__file__).resolve().parents[2] / "fixtures").glob(f"{seed}_*.docx"))
    with zipfile.ZipFile(path) as zf:
        document = etree.fromstring(zf.read("word/document.xml"))
    tags = [qn(t) for t in ("w:pPr", "w:numPr", "w:numId", "w:ilvl", "w:pStyle", "w:rPr", "w:trPr", "w:del")]
    tags += [qn(t) for t in ("w:tcPr", "w:vMerge", "w:hMerge", "w:cellDel", "w:body", "w:t", "w:r")]
    elements = list(document.iter())
    assert len(elements) > 500
    found = 0
    for el in elements:
        for tag in tags:
            assert _child(el, tag) is el.find(tag)
            found += el.find(tag) is not None
    assert found > 500
    path_answer = document.find(f".//{qn('w:numPr')}") is not None or document.find(f".//{qn('w:pStyle')}") is not None
    assert numbered(document) is path_answer
    for p in document.iter(qn("w:p")):  # one paragraph at a time, each with or without numbering
        assert numbered(p) is (p.find(f".//{qn('w:numPr')}") is not None or p.find(f".//{qn('w:pStyle')}") is not None)
