"""The PDF reader: paragraphs from positions, running headers and page numbers, refusals."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from ajdiff.errors import InputError
from ajdiff.read.formats import read_bytes
from ajdiff.read.formats.pdf import read_pdf
from tests.read import layouts

Line = tuple[float, float, str]  # x, y, text


def _pdf(pages: list[list[Line]], size: float = 11) -> bytes:
    """A PDF whose pages show the given lines at the given positions, in Helvetica."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    for lines in pages:
        page = writer.add_blank_page(595, 842)
        ops = []
        for x, y, text in lines:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({escaped}) Tj ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("cp1252"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _page(body: list[Line], number: int, total: int) -> list[Line]:
    return [(72, 800, "Sotsiaalkindlustusamet"), *body, (280, 40, f"Lk {number} / {total}")]


# Paragraphs 18pt apart, wrapped lines 13pt apart; a label | value row with its value wrapped.
PAGE_1: list[Line] = [
    (72, 760, "AMETIJUHEND"),
    (72, 742, "Struktuuriüksus"),
    (250, 742, "Ohvriabi osakond, kriisitoe"),
    (250, 729, "talitus"),
    (72, 711, "Teenistuskoht"),
    (250, 711, "Nõustaja"),
    (72, 693, "2.1. Ohvrite nõustamine ja juurdepääsu-"),
    (72, 680, "piiranguga teabe hoidmine."),
    (250, 693, "Teenus on kvaliteetne."),
    (250, 675, "Teenust on osutatud vastavalt"),
    (250, 662, "graafikule."),
]
PAGE_2: list[Line] = [
    (72, 760, "2.2. Koostöö partneritega."),
    (250, 760, "Võrgustik on olemas."),
    (72, 742, "Ametijuhend vaadatakse üle kord aastas."),
]


def test_paragraphs_rebuilt_and_running_lines_dropped() -> None:
    source = read_pdf(_pdf([_page(PAGE_1, 1, 2), _page(PAGE_2, 2, 2)]), "a.pdf")
    assert source.wrapped is False
    assert list(source.lines) == [
        "AMETIJUHEND",
        "Struktuuriüksus Ohvriabi osakond, kriisitoe talitus",
        "Teenistuskoht Nõustaja",
        "2.1. Ohvrite nõustamine ja juurdepääsupiiranguga teabe hoidmine.",
        "Teenus on kvaliteetne.",
        "Teenust on osutatud vastavalt graafikule.",
        "2.2. Koostöö partneritega.",
        "Võrgustik on olemas.",
        "Ametijuhend vaadatakse üle kord aastas.",
    ]


def test_without_paragraph_gaps_lines_stay_wrapped() -> None:
    lines = [(72, 760 - 13 * i, f"Rida {i} tekstiga") for i in range(10)]
    source = read_pdf(_pdf([lines]), "b.pdf")
    assert source.wrapped is True
    assert list(source.lines) == [f"Rida {i} tekstiga" for i in range(10)]


@pytest.mark.parametrize("number", ["3", "- 3 -", "Lk 2 / 5", "2 (5)", "lk. 4", "Page 2 of 3"])
def test_bare_page_numbers_dropped(number: str) -> None:
    body = [(72, 760, "Esimene lõik on siin."), (72, 742, "Teine lõik on siin."), (72, 724, "Kolmas lõik.")]
    source = read_pdf(_pdf([[*body, (280, 40, number)]]), "c.pdf")
    assert number not in source.lines
    assert "Kolmas lõik." in source.lines


def test_dispatch_by_magic() -> None:
    data = _pdf([PAGE_2])
    assert read_bytes(data, "-", "").lines == read_pdf(data, "-").lines


def test_encrypted_with_empty_password_is_read() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(_pdf([PAGE_2])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "Ametijuhend vaadatakse üle kord aastas." in read_pdf(buffer.getvalue(), "e.pdf").lines


def test_encrypted_with_password_refused() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(_pdf([PAGE_2])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputError, match="encrypted PDF"):
        read_pdf(buffer.getvalue(), "e.pdf")


def test_no_text_layer_refused() -> None:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputError, match="no text layer") as exc:
        read_pdf(buffer.getvalue(), "scan.pdf")
    assert exc.value.hint is not None and "ocrmypdf" in exc.value.hint


@pytest.mark.parametrize("data", [b"%PDF-1.7\n garbage", b"not a pdf at all", b""])
def test_broken_pdf_refused(data: bytes) -> None:
    with pytest.raises(InputError):
        read_pdf(data, "broken.pdf")


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.75, 0.99])
def test_truncated_pdf_refused(keep: float) -> None:
    """A cut-off download is refused, not read in part: a page missing would read as duties removed."""
    data = _pdf([PAGE_1, PAGE_2])
    with pytest.raises(InputError) as err:
        read_pdf(data[: int(len(data) * keep)], "cut.pdf")
    assert err.value.problem.startswith("not a readable PDF: ") and "Stream has ended unexpectedly" in err.value.problem
    assert err.value.hint == "save it again as PDF"


# ---------------------------------------------------------------- a real office PDF


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def _libreoffice_pdf(tmp_path: Path, words: dict[str, bytes]) -> dict[str, bytes]:
    """The PDFs LibreOffice saves of the given Word files (one process for all of them)."""
    exe = _soffice()
    for stem, data in words.items():
        (tmp_path / f"{stem}.docx").write_bytes(data)
    layouts.convert(exe, [tmp_path / f"{stem}.docx" for stem in words], "pdf", tmp_path)
    return {stem: (tmp_path / f"{stem}.pdf").read_bytes() for stem in words}


def _space_cells(table: docx.table.Table) -> None:
    """6 pt after every paragraph of the table's cells, as a Word table's cells usually have."""
    for cell in table._cells:
        for p in cell.paragraphs:
            p.paragraph_format.space_after = Pt(6)


def test_libreoffice_pdf_reads_like_the_docx(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("AMETIJUHEND")
    table = d.add_table(rows=3, cols=2)
    rows = [
        ("Struktuuriüksus", ["Sotsiaalhoolekande toimepidevuse osakond, toimepidevuse ja rände talitus, Tallinn"]),
        ("2.1. Riigi, partnerasutuste ja teenuseosutajate kriisiplaanides ameti huvide kaitsmine.", ["A.", "B."]),
        ("Haridus", ["Kõrgharidus"]),
    ]
    for row, (left, right) in zip(table.rows, rows):
        row.cells[0].text = left
        row.cells[1].text = right[0]
        for extra in right[1:]:
            row.cells[1].add_paragraph(extra)
    _space_cells(table)
    d.add_paragraph("Ametijuhend vaadatakse üle kord aastas.")
    source = read_pdf(_libreoffice_pdf(tmp_path, {"a": _docx_bytes(d)})["a"], "a.pdf")
    assert [line for line in source.lines if line] == [
        "AMETIJUHEND",
        "Struktuuriüksus Sotsiaalhoolekande toimepidevuse osakond, toimepidevuse ja rände talitus, Tallinn",
        "2.1. Riigi, partnerasutuste ja teenuseosutajate kriisiplaanides ameti huvide kaitsmine.",
        "A.",
        "B.",
        "Haridus Kõrgharidus",
        "Ametijuhend vaadatakse üle kord aastas.",
    ]


def _docx_bytes(d: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


# A duty table's row split by a page break, drawn as LibreOffice draws a table: cell by cell, each
# cell's rest on the new page from the top down. Found on PPA 2021's 'piirkonnapolitseinik' saved as
# Word tables and then as PDF (tests/read/test_invariance.py): the task cell's paragraphs on the new
# page were read after the result cell's first paragraph, as they come in the page, not in the row.
SPLIT_PAGE_1: list[Line] = [
    (72, 760, "Ülesanded"),
    (250, 760, "Tulemused"),
    (72, 742, "3.1 Teeb talle määratud"),
    (250, 742, "Korraldab politsei ja partnerite"),
]
SPLIT_PAGE_2: list[Line] = [
    (72, 760, "teeninduspiirkonnas koostööd"),
    (72, 747, "kogukonnaga,"),
    (72, 729, "juriidiliste isikute ja"),
    (72, 716, "politseiüksustega."),
    (250, 760, "vahelist"),
    (250, 747, "koostööd sh võrgustikutööd."),
    (250, 729, "Tunneb oma teeninduspiirkonda."),
    (72, 698, "3.2 Ennetab süütegusid."),
    (250, 698, "Süüteod on ennetatud."),
]


def test_a_row_split_by_a_page_keeps_each_cell_in_its_column() -> None:
    pages = [_page(SPLIT_PAGE_1, 1, 2), _page(SPLIT_PAGE_2, 2, 2)]
    assert list(read_pdf(_pdf(pages), "ppa.pdf").lines) == [
        "Ülesanded Tulemused",  # a header row is the parser's to tell: a label | value row in the reader
        "3.1 Teeb talle määratud teeninduspiirkonnas koostööd kogukonnaga,",
        "juriidiliste isikute ja politseiüksustega.",
        "Korraldab politsei ja partnerite vahelist koostööd sh võrgustikutööd.",
        "Tunneb oma teeninduspiirkonda.",
        "3.2 Ennetab süütegusid.",
        "Süüteod on ennetatud.",
    ]


def test_a_split_task_whose_result_ended_keeps_the_next_row_after_it() -> None:
    # Only the task cell goes on over the page: the lines below it in its column are the next row's,
    # known from the next row's result starting level with them.
    page_1 = [*SPLIT_PAGE_1[:3], (250, 742, "Koostöö toimib.")]
    page_2: list[Line] = [
        (72, 760, "teeninduspiirkonnas koostööd."),
        (72, 742, "Hoiab kontakte kogukonnaga."),
        (72, 711, "3.2 Ennetab süütegusid."),
        (72, 693, "Teeb järelevalvet."),
        (250, 711, "Süüteod on ennetatud."),
    ]
    assert list(read_pdf(_pdf([_page(page_1, 1, 2), _page(page_2, 2, 2)]), "ppa.pdf").lines) == [
        "Ülesanded Tulemused",  # a header row is the parser's to tell: a label | value row in the reader
        "3.1 Teeb talle määratud teeninduspiirkonnas koostööd.",
        "Hoiab kontakte kogukonnaga.",
        "Koostöö toimib.",
        "3.2 Ennetab süütegusid.",
        "Teeb järelevalvet.",
        "Süüteod on ennetatud.",
    ]


_LONG_TASK = "3.1 Teeb koostööd " + " ".join(f"kogukonna liikmete rühmaga {k} ja" for k in range(45)) + " partneritega."
_LONG_RESULT = (
    "Korraldab " + " ".join(f"politsei ja partnerite vahelist koostööd {k} ning" for k in range(40)) + " muud."
)


@pytest.mark.parametrize("result", [[_LONG_RESULT, "Tunneb oma piirkonda."], ["Koostöö toimib."]])
def test_libreoffice_row_split_by_a_page_reads_in_column_order(tmp_path: Path, result: list[str]) -> None:
    """A Word table's first row broken by the page in its task's first paragraph (PPA 2021's shape), with
    its result cell broken too or ended on the first page; LibreOffice draws the cells one by one."""
    d = docx.Document()
    fillers = [f"Sissejuhatuse lõik number {k}." for k in range(18)]
    for text in fillers:
        d.add_paragraph(text)
    rows = [
        (["Ülesanded"], ["Tulemused"]),
        ([_LONG_TASK, "Hoiab kontakte kogukonnaga."], result),
        (["3.2 Ennetab süütegusid."], ["Süüteod on ennetatud."]),
    ]
    table = d.add_table(rows=len(rows), cols=2)
    for row, cells in zip(table.rows, rows):
        for cell, texts in zip(row.cells, cells):
            cell.text = texts[0]
            for extra in texts[1:]:
                cell.add_paragraph(extra)
    _space_cells(table)
    source = read_pdf(_libreoffice_pdf(tmp_path, {"a": _docx_bytes(d)})["a"], "a.pdf")
    task_pages = {o.page for line, o in zip(source.lines, source.origins) if line.startswith("Hoiab")}
    assert task_pages == {2}, "the task cell's second paragraph is on the second page"
    assert [line for line in source.lines if line] == [
        *fillers,
        "Ülesanded Tulemused",
        _LONG_TASK,
        "Hoiab kontakte kogukonnaga.",
        *result,
        "3.2 Ennetab süütegusid.",
        "Süüteod on ennetatud.",
    ]


def test_a_paragraph_under_a_split_row_stays_after_the_row() -> None:
    # The task cell goes on over the page and the table ends there: the paragraph well below it (as
    # seed 000's PDF of Word tables has one, 'analüüsimine ja …' under its duty 2.6) is no cell's.
    page_1 = [*SPLIT_PAGE_1[:3], (250, 742, "Koostöö toimib.")]
    page_2: list[Line] = [
        (72, 760, "teeninduspiirkonnas koostööd."),
        (72, 722, "Teenistuja täidab ka muid"),
        (72, 709, "ülesandeid."),
        (72, 691, "Ametijuhend vaadatakse üle kord aastas."),
        (72, 673, "Muudatused kooskõlastatakse."),
        (72, 637, "3.2 Ennetab süütegusid ja"),
        (72, 624, "õnnetusi."),
        (250, 637, "Süüteod on ennetatud."),
    ]
    assert list(read_pdf(_pdf([_page(page_1, 1, 2), _page(page_2, 2, 2)]), "ppa.pdf").lines) == [
        "Ülesanded Tulemused",
        "3.1 Teeb talle määratud teeninduspiirkonnas koostööd.",
        "Koostöö toimib.",
        "Teenistuja täidab ka muid ülesandeid.",
        "Ametijuhend vaadatakse üle kord aastas.",
        "Muudatused kooskõlastatakse.",
        "3.2 Ennetab süütegusid ja õnnetusi.",
        "Süüteod on ennetatud.",
    ]


# ---------------------------------------------------------------- glyph widths: wrapped or ended by choice


def test_glyph_widths_tell_a_wrapped_line_from_one_ended_by_choice(tmp_path: Path) -> None:
    """Two lines of 39 characters, one of 'MMMM' words that LibreOffice wrapped (the next word did not fit)
    and one of 'iiii' words the writer ended (a third of the column's width). Without paragraph spacing only
    the width tells them apart: counted in characters, both are short against the column's longest line,
    and the wrapped paragraph was cut in two."""
    wide, narrow = " ".join(["MMMM"] * 8), " ".join(["iiii"] * 8)
    assert len(wide) == len(narrow) == 39
    paragraphs = [
        "Ametijuhend on kinnitatud käskkirjaga ja see kehtib alates allkirjastamisest.",
        f"{wide} mmmmmmmmmmmmmm jätkub samas lõigus.",  # the long lowercase word never fits after the M's
        "Teine lõik algab suure tähega.",
        narrow,
        "jätkub eraldi lõiguna, sest rida lõppes kirjutaja tahtel.",
        "Kolmas lõik lõpeb siin.",
    ]
    d = docx.Document()
    d.styles["Normal"].font.name = "DejaVu Sans"  # the font CI installs: the same wraps everywhere
    d.styles["Normal"].font.size = Pt(11)
    for text in paragraphs:
        paragraph = d.add_paragraph(text)
        paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    data = _libreoffice_pdf(tmp_path, {"widths": _docx_bytes(d)})["widths"]
    source = read_pdf(data, "widths.pdf")
    assert source.wrapped  # no paragraph spacing: the reader joins only what it can tell was wrapped
    assert list(source.lines) == paragraphs


# Lines of two bodies' real documents, each line a Word paragraph with no spacing (the invariance test's
# "pdf-lines-tight"), where only glyph widths decide: the next line's lowercase first word would have
# fitted after a one-line paragraph (it ended there), or did not fit (LibreOffice wrapped a long one).
# Counted in characters, each of them was read the other way (found by switching the glyph rule off
# over every fixture's PDF layouts).
GLYPH_DECIDED = {
    "ravimiamet_2026_4_spetsialist": [
        "Taotluste kvaliteediosa hindamine on läbiviidud vastavalt",  # was joined with the next line
        "kehtivatele õigusaktidele, teaduslikele juhistele ja",
        "Müügiloa taotluse muudatused on tähtaegselt kinnitatud ja",
    ],
    "sotsiaalkindlustusamet_2024_164_toimepidevuse_talituse_juhataja": [
        # was cut after "toimepidevuse": "ja" looked short enough to have fitted
        "Struktuuriüksus Sotsiaalhoolekande toimepidevuse osakond, toimepidevuse ja rände talitus",
    ],
    "transpordiamet_2024_223_utm_vaneminspektor": [
        "Koolitusorganisatsioonide sertifitseerimine ja järelevalve,",  # was joined with the next two
        "kaugpiloodi pädevuste väljastamine. Mehitamata",
    ],
}


def test_glyph_widths_decide_lines_of_real_documents(tmp_path: Path) -> None:
    words = {
        name: layouts.docx_lines(layouts.DOCUMENTS[name].read_text(encoding="utf-8"), spacing=False)
        for name in GLYPH_DECIDED
    }
    for name, data in _libreoffice_pdf(tmp_path, words).items():
        text = layouts.DOCUMENTS[name].read_text(encoding="utf-8").splitlines()
        lines = read_pdf(data, f"{name}.pdf").lines
        for line in GLYPH_DECIDED[name]:
            assert line in text, (name, line)  # a line of the document as written
            assert line in lines, (name, line)


def test_a_cells_lines_are_measured_against_the_next_column_not_the_page() -> None:
    """Without paragraph spacing, a cell's second paragraph 'Teeb koostööd kogukonna' / 'liikmetega.' is
    wrapped: the results column at x 250 bounds it. Shares no baseline with a result, its lines start where
    the body text does, whose lines reach across the page; against those, 'liikmetega.' would have fitted
    and the paragraph was cut (seed 000's generated PDF: '… korraldamine üle-' / 'Eestiliselt.')."""
    lines: list[Line] = [
        (72, 760, "AMETIJUHEND"),
        (72, 747, "Ametijuhend kehtib alates allkirjastamisest ja see vaadatakse üle igal aastal."),
        (72, 734, "Ülesanded"),
        (250, 734, "Tulemused"),
        (72, 721, "2.1. Koostöö."),
        (250, 721, "Koostöö toimib."),
        (72, 708, "Teeb koostööd kogukonna"),
        (72, 695, "liikmetega."),
        (72, 682, "2.2. Nõustamine."),
        (250, 682, "Nõustatud."),
        (72, 669, "Muudatused kooskõlastatakse teenistujaga ja need jõustuvad allkirjastamisel."),
    ]
    source = read_pdf(_pdf([lines]), "cells.pdf")
    assert source.wrapped
    assert "Teeb koostööd kogukonna liikmetega." in source.lines


def test_a_justified_lines_word_spacing_counts_in_its_width() -> None:
    """A justified line is drawn as one TJ array whose numbers widen the word gaps (LibreOffice and Word do
    so): its glyphs alone end far short of the column's edge. Measured without the numbers, 'ja' would have
    fitted after 'Teenistuja korraldab osakonna tööd', and a wrapped paragraph was cut after its first line."""
    body = "Ametijuhend kehtib alates allkirjastamisest ja see vaadatakse üle igal aastal."
    words = ["Teenistuja", "korraldab", "osakonna", "tööd"]
    justified = " -6150 ".join(f"({w})" for w in words)  # gaps of 6.15 em: the line reaches the edge
    ops = [
        f"BT /F1 11 Tf 1 0 0 1 72 760 Tm ({body}) Tj ET",
        f"BT /F1 11 Tf 1 0 0 1 72 747 Tm [{justified}] TJ ET",
        "BT /F1 11 Tf 1 0 0 1 72 734 Tm (ja vastutab ülesannete eest.) Tj ET",
        "BT /F1 11 Tf 1 0 0 1 72 721 Tm (Teine lõik algab siin.) Tj ET",
    ]
    data = _pdf([[(72, 700, "Kolmas lõik.")]])
    writer = PdfWriter(clone_from=io.BytesIO(data))
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("cp1252"))
    writer.pages[0][NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    source = read_pdf(buffer.getvalue(), "justified.pdf")
    assert source.wrapped
    assert list(source.lines) == [
        body,
        "Teenistuja korraldab osakonna tööd ja vastutab ülesannete eest.",
        "Teine lõik algab siin.",
    ]


# ---------------------------------------------------------------- a page break inside a document's line


def test_a_number_split_by_the_page_break_is_no_page_number() -> None:
    """Surju's register text cuts '4.2' as '4' / '.2 vastutab …'; where a page ends after the '4', the
    lone number at the page's foot is the item's, not the page's: the next page goes on with '.2'. A real
    page number there ('Lk 2'-less '2', the next page opening with text) is still dropped."""
    body: list[Line] = [(72, 760, "4. VASTUTUS"), (72, 742, "4.1 vastutab dokumentide eest"), (72, 724, "4")]
    rest: list[Line] = [(72, 760, ".2 vastutab sisekorra eest"), (72, 742, "4.3 vastutab blankettide eest")]
    lines = read_pdf(_pdf([body, rest]), "surju.pdf").lines
    assert list(lines) == ["4. VASTUTUS", "4.1 vastutab dokumentide eest", "4", ".2 vastutab sisekorra eest",
                           "4.3 vastutab blankettide eest"]  # fmt: skip
    # Near the page's foot, the item going on on the same page (Surju on 2 cm Letter).
    near = [*body[:2], (72, 724, "4"), (72, 706, ".2 vastutab sisekorra"), (72, 693, "eest vallas")]
    lines = read_pdf(_pdf([near, rest[1:]]), "surju.pdf").lines
    assert list(lines)[2:4] == ["4", ".2 vastutab sisekorra eest vallas"]
    numbered = [(72, 760, "Esimene lõik on siin."), (72, 742, "Teine lõik on siin."), (280, 40, "1")]
    lines = read_pdf(_pdf([numbered, [(72, 760, "Kolmas lõik on siin.")]]), "numbered.pdf").lines
    assert list(lines) == ["Esimene lõik on siin.", "Teine lõik on siin.", "Kolmas lõik on siin."]


@pytest.mark.parametrize("name", ["surju_vald_pearaamatupidaja", "kuusalu_keskkool_opetaja"])
def test_libreoffice_number_split_by_a_page_break_reads_as_the_text(tmp_path: Path, name: str) -> None:
    """The same in LibreOffice's PDF of the document's Word file, one paragraph a line, the page breaking
    after the '4' (Surju's own text) or after a '3' cut so from Kuusalu Keskkool's '3.2' (another body's): it reads
    as the text. The page number had been dropped and '.2 …' left as a paragraph of its own."""
    from ajdiff.compare.document import compare
    from ajdiff.read.parse import parse_source

    text = layouts.DOCUMENTS[name].read_text(encoding="utf-8")
    if name.startswith("kuusalu"):
        assert text.count("\n3.2 ") == 1
        text = text.replace("\n3.2 ", "\n3\n\n.2 ")
    d = docx.Document()
    for line in text.splitlines():
        if line.strip():
            paragraph = d.add_paragraph(line.strip())
            paragraph.paragraph_format.page_break_before = line.startswith(".2 ")
    data = _libreoffice_pdf(tmp_path, {"a": _docx_bytes(d)})["a"]
    source = read_pdf(data, f"{name}.pdf")
    k = next(i for i, line in enumerate(source.lines) if line.startswith(".2 "))
    number = "4" if name.startswith("surju") else "3"
    assert source.lines[k - 1] == number
    assert source.origins[k].page == source.origins[k - 1].page + 1  # the page broke between them
    original = parse_source(read_bytes(text.encode(), f"{name}.txt", ".txt"))
    other = parse_source(read_bytes(data, f"{name}.pdf", ".pdf"))
    assert [list(compare(a, b).substantive) for a, b in zip(original, other)] == [[]] * len(original)


def test_a_short_first_cell_cut_by_the_page_is_no_label() -> None:
    """'3. Auditi käigu korrektne' | 'Kõik auditi jooksul tehtavad' at a page's foot, 'dokumenteerimine.' |
    'tähelepanekud on' at the next page's top (Sotsiaalministeerium's duty table on an A4 page): short and
    unfinished, the task's first line looked like a label and was kept with the result's, and the rest of
    each cell went elsewhere. A label whose value goes on over the page ('Struktuuriüksus' | 'Ohvriabi
    osakond, kriisitoe' / 'talitus') stays one line with its value."""
    page_1: list[Line] = [
        (72, 760, "Ülesanded"),
        (250, 760, "Tulemused"),
        (72, 742, "2. Auditite juhtimine."),
        (250, 742, "Audit on läbi viidud."),
        (72, 724, "3. Auditi käigu korrektne"),
        (250, 724, "Kõik auditi jooksul tehtavad"),
    ]
    page_2: list[Line] = [
        (72, 760, "dokumenteerimine."),
        (250, 760, "tähelepanekud on"),
        (250, 747, "dokumentaalselt tõestatavad."),
        (72, 729, "4. Auditi lõpparuande koostamine."),
        (250, 729, "Aruanne on loetav."),
    ]
    lines = read_pdf(_pdf([_page(page_1, 1, 2), _page(page_2, 2, 2)]), "sotsiaalministeerium.pdf").lines
    assert list(lines) == [
        "Ülesanded Tulemused",
        "2. Auditite juhtimine.",
        "Audit on läbi viidud.",
        "3. Auditi käigu korrektne dokumenteerimine.",
        "Kõik auditi jooksul tehtavad tähelepanekud on dokumentaalselt tõestatavad.",
        "4. Auditi lõpparuande koostamine.",
        "Aruanne on loetav.",
    ]
    label_1: list[Line] = [*PAGE_1[:3]]
    label_2: list[Line] = [(250, 760, "talitus"), (72, 742, "Teenistuskoht"), (250, 742, "Nõustaja")]
    lines = read_pdf(_pdf([_page(label_1, 1, 2), _page(label_2, 2, 2)]), "label.pdf").lines
    assert list(lines) == [
        "AMETIJUHEND",
        "Struktuuriüksus Ohvriabi osakond, kriisitoe talitus",
        "Teenistuskoht Nõustaja",
    ]


def test_a_short_last_line_ends_a_longer_paragraph_without_spacing() -> None:
    """Stacked values without paragraph spacing: the first value's line is full, so the next line 'direktor'
    reads as its wrap, and 'direktorit …' would have fitted after that short line: the value ended there
    (Transpordiamet 2024_069 and 2024_223 on an A5 page). Only a one-line paragraph had been ended so; a
    line ending in a connector or a comma still goes on ('… varustatud õige ja' / 'ajakohase …')."""
    lines: list[Line] = [
        (72, 760, "1.4. Vahetu juht"),
        (72, 747, "osakonna juhataja"),
        (72, 734, "1.5. Asendaja"),
        (72, 721, "1.6. Asendab"),
        (72, 708, "osakonna teenistujad või lennundusteenistuse"),
        (72, 695, "direktor"),
        (72, 682, "direktorit või osakonna teenistujaid"),
        (72, 669, "2. Teenistuskoha eesmärk on järelevalve"),
        (72, 656, "korraldamine ning õige ja"),
        (72, 643, "ajakohase teabe andmine."),
    ]
    source = read_pdf(_pdf([lines]), "transpordiamet.pdf")
    assert source.wrapped
    assert list(source.lines)[4:] == [
        "osakonna teenistujad või lennundusteenistuse direktor",
        "direktorit või osakonna teenistujaid",
        "2. Teenistuskoha eesmärk on järelevalve korraldamine ning õige ja ajakohase teabe andmine.",
    ]


def _duty_rows(row: float, cell: float = 13) -> list[Line]:
    """SÜG's duty of two sentences in a duty table without paragraph spacing, its cell cut at the first
    sentence's end: rows `row` points apart, a cell's lines `cell` apart (cell by cell, as LibreOffice draws)."""
    y = 760.0
    lines: list[Line] = [(72, y, "Ülesanded"), (360, y, "Tulemused")]
    y -= row
    lines += [(72, y, "2.1. Laenutab raamatuid ja muid infokandjaid"), (72, y - cell, "lugejatele.")]
    lines += [(360, y, "Lugejad on teenindatud.")]
    y -= cell + row
    lines += [
        (72, y, "2.2. Loob raamatukogus sõbraliku ja vaba õhkkonna."),
        (72, y - cell, "Kujundab raamatukogu koostöös raamatukogu"),
        (72, y - 2 * cell, "juhataja, õpetajate ja õpilastega kooli info- ja"),
        (72, y - 3 * cell, "kultuurikeskuseks."),
        (360, y, "Õhkkond on hea."),
    ]
    y -= 3 * cell + row
    lines += [(72, y, "2.3. Teeb koostööd aineõpetajatega."), (360, y, "Koostöö toimib.")]
    return [*lines, (72, y - row, "Ametijuhend vaadatakse üle kord aastas ja see kehtib alates allkirjastamisest.")]


def test_a_cell_cut_at_a_sentences_end_goes_on_where_rows_show_their_padding() -> None:
    """A duty of two sentences ('Uste, ukselinkide puhastamine.' / 'Ukseklaaside korrashoid.', Viljandi
    Kesklinna Kool's tight duty table; here SÜG's 'Loob … õhkkonna.' / 'Kujundab …'), its cell cut where the
    next word did not fit: at the cell's own pitch (13 pt) it goes on, where the next row would stand its
    padding lower (13.6 pt, as LibreOffice's 12.8 and 13.3). Where rows show no padding, nothing tells the
    cut from a new row's line: the capital starts a line of its own (left to the parser)."""
    duty = "2.2. Loob raamatukogus sõbraliku ja vaba õhkkonna."
    rest = (
        "Kujundab raamatukogu koostöös raamatukogu juhataja, õpetajate ja õpilastega kooli info- ja kultuurikeskuseks."
    )
    padded = list(read_pdf(_pdf([_duty_rows(13.6)]), "syg.pdf").lines)
    assert f"{duty} {rest}" in padded
    assert "2.3. Teeb koostööd aineõpetajatega." in padded  # the next row is still a row
    assert "2.1. Laenutab raamatuid ja muid infokandjaid lugejatele." in padded
    flush = list(read_pdf(_pdf([_duty_rows(13)]), "syg.pdf").lines)
    assert [duty, rest] == flush[flush.index(duty) : flush.index(duty) + 2]


def test_a_cell_cut_by_the_page_goes_on_with_a_capital() -> None:
    """'… õpetajate ja õpilastega' fills the task cell's last line on a page; the next page's first line in
    that column, 'Saaremaa Ühisgümnaasiumi info- ja', goes on the sentence with a name (SÜG's duty table on
    an A4 page). Only a lowercase line had gone on, so the rest was a paragraph and a duty of its own."""
    page_1: list[Line] = [
        (72, 760, "Ülesanded"),
        (250, 760, "Tulemused"),
        (72, 742, "Teeb koostööd aineõpetajatega."),
        (250, 742, "Koostöö toimib."),
        (72, 724, "Kujundab raamatukogu koos juhataja,"),
        (72, 711, "õpetajate ja õpilastega"),
        (250, 724, "Raamatukogu on"),
    ]
    page_2: list[Line] = [
        (72, 760, "Saaremaa Ühisgümnaasiumi info- ja"),
        (72, 747, "kultuurikeskuseks."),
        (250, 760, "kujundatud."),
        (72, 729, "Ainekava toetamine."),
        (250, 729, "Toetatud."),
    ]
    lines = read_pdf(_pdf([_page(page_1, 1, 2), _page(page_2, 2, 2)]), "syg.pdf").lines
    assert list(lines)[3:6] == [
        "Kujundab raamatukogu koos juhataja, õpetajate ja õpilastega Saaremaa Ühisgümnaasiumi info- ja "
        "kultuurikeskuseks.",
        "Raamatukogu on kujundatud.",
        "Ainekava toetamine.",
    ]
    # A field's label opens the next page after a full line: the next field, not a name going on
    # (Sotsiaalkindlustusamet 2024_164 on an A5 page: 'Teenistuskoht Talituse juhataja').
    fields_1: list[Line] = [
        (72, 760, "Struktuuriüksus Sotsiaalhoolekande toimepidevuse"),
        (72, 747, "osakond, toimepidevuse ja rände talituse talitus"),
    ]
    fields_2: list[Line] = [(72, 760, "Teenistuskoht Talituse juhataja"), (72, 742, "Vahetu juht Osakonna juhataja")]
    lines = read_pdf(_pdf([_page(fields_1, 1, 2), _page(fields_2, 2, 2)]), "ska.pdf").lines
    assert "Teenistuskoht Talituse juhataja" in lines


# The page set-ups where the documents' PDFs showed each rule above (tools/page_sweep.py): a line of the
# document as written (over lines of its text, which a page wraps otherwise), that the reader gives whole (the whole cell where a table row was split by the page).
PAGED_LINES = {
    (
        "transpordiamet_2024_069_lennukolblikkuse_juhataja",
        "narrow",
        "lines-tight",
    ): "direktorit või osakonna teenistujaid",
    ("transpordiamet_2024_223_utm_vaneminspektor", "narrow", "lines-tight"): "mehitamata lennunduse osakonna "
    "teenistujaid vastavalt neile antud õigustele",
    ("syg_raamatukoguhoidja", "a4", "tables"): "Loob raamatukogus sõbraliku ja vaba õhkkonna. Kujundab raamatukogu "
    "koostöös raamatukogu juhataja, õpetajate ja õpilastega Saaremaa Ühisgümnaasiumi info- ja kultuurikeskuseks.",
    ("sotsiaalministeerium_2010_juhtivaudiitor", "a4", "tables"): "3. Auditi käigu korrektne dokumenteerimine.",
    # Each rule's second body, on the page set-up that cuts it where the rule fires (each line is lost with its
    # rule switched off): the page's last line ended by choice, PPA's header 'Tegevused ülesannete' / 'täitmiseks';
    # the padded cell, SÜG's 'Loob … õhkkonna.' / 'Kujundab …' in a task cell as wide as half the text; the short
    # first cell, Pärnu's task cut after '1. Koduhooldusteenuste osutamine' beside its first result.
    ("ppa_2025_grupijuht", "a4large", "lines"): "Tegevused ülesannete",
    ("syg_raamatukoguhoidja", "letterfit", "tables-tight"): "Loob raamatukogus sõbraliku ja vaba õhkkonna. Kujundab "
    "raamatukogu koostöös raamatukogu juhataja, õpetajate ja õpilastega Saaremaa Ühisgümnaasiumi info- ja "
    "kultuurikeskuseks.",
    ("parnu_sotsiaalkeskus_hooldustootaja", "a4lead", "tables"): "1. Koduhooldusteenuste osutamine vastavalt Eakate "
    "Avahoolduskeskuse ja tema poolt teenindatavate kõrvalabi vajavate isikute (edaspidi: Kliendi) vahel sõlmitud "
    "teenuste osutamise lepingutele ja teenuste nimekirjadele (iga inimese puhul teostatavad tegevused on "
    "määratletud individuaalselt, sõlmitud lepingu lisas nr 1) sh:",
}


def test_libreoffice_pdfs_of_other_pages_give_the_documents_lines(tmp_path: Path) -> None:
    """The real documents on the pages where the rules above were found, converted by LibreOffice."""
    words = {}
    for k, (name, page, kind) in enumerate(PAGED_LINES):
        text = layouts.DOCUMENTS[name].read_text(encoding="utf-8")
        spacing = not kind.endswith("-tight")
        word = layouts.docx_lines(text, spacing) if kind.startswith("lines") else layouts.docx_tables(text, spacing)
        words[f"doc{k}"] = layouts.on_page(word, page)
    pdfs = _libreoffice_pdf(tmp_path, words)
    for k, ((name, _page, _kind), line) in enumerate(PAGED_LINES.items()):
        assert line in " ".join(layouts.DOCUMENTS[name].read_text(encoding="utf-8").split())  # over its lines
        assert line in read_pdf(pdfs[f"doc{k}"], f"{name}.pdf").lines, name


def test_libreoffice_stacked_values_a_short_last_line_ends(tmp_path: Path) -> None:
    """Another body's stacked labels laid out as Transpordiamet's (labels, then each value, the first over
    two lines): Sotsiaalministeerium's substitutes, in Word one paragraph a line without spacing, saved by
    LibreOffice on the template's page. 'või juhtivaudiitor' ends the first value; the second value,
    'siseauditi juhi …', had been read as its wrap (it would have fitted after that short line)."""
    from ajdiff.compare.document import compare
    from ajdiff.read.parse import parse_source

    name = "sotsiaalministeerium_2010_juhtivaudiitor"
    text = layouts.DOCUMENTS[name].read_text(encoding="utf-8")
    written = "1.5 Asendaja: siseauditi juhi määratud isik\n\n1.6 Keda asendab: siseauditi juhi määratud isikut\n"
    value = "siseauditi juhi määratud isik, vajadusel siseauditi osakonna juhataja"
    assert text.count(written) == 1
    inline = text.replace(
        written, f"1.5 Asendaja: {value} või juhtivaudiitor\n\n1.6 Keda asendab: siseauditi juhi määratud isikut\n"
    )
    stacked = text.replace(
        written, f"1.5 Asendaja\n1.6 Keda asendab\n{value}\nvõi juhtivaudiitor\nsiseauditi juhi määratud isikut\n"
    )
    data = _libreoffice_pdf(tmp_path, {"a": layouts.docx_lines(stacked, spacing=False)})["a"]
    assert "siseauditi juhi määratud isikut" in read_pdf(data, f"{name}.pdf").lines
    original = parse_source(read_bytes(inline.encode(), f"{name}.txt", ".txt"))
    other = parse_source(read_bytes(data, f"{name}.pdf", ".pdf"))
    assert [list(compare(a, b).substantive) for a, b in zip(original, other)] == [[]] * len(original)
