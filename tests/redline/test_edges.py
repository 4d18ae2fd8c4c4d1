"""Edge blocks that only one side has: a section break after the last line, a logo table above the title, a
signature table after the last line. Each is tracked (an inserted or deleted paragraph; a table inserted or
deleted row by row), so LibreOffice's Accept All gives NEW's page set-ups, tables and images and Reject All
OLD's (tests/redline/lo_driver.py, one run for every pair); the Open XML SDK finds no error in them.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ajdiff.api import compare_files
from ajdiff.redline.document import RedlineOptions, build_redline
from ajdiff.redline.oxml import qn
from tests.redline import validator
from tests.redline.office import reports, require_libreoffice
from tests.redline.support import DATE, SEED, norm
from tests.redline.test_redline import _text_paragraphs
from tests.redline.views import Side, document_xml, paragraph_lines, view
from tests.redline.wordpairs import png

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
LINES = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
NEW_LINES = [*LINES[:10], "Uus lõik, mida vanas ei olnud.", *LINES[11:]]


def _word(
    path: Path, lines: list[str], *, landscape_after: bool = False, tables: bool = False, cover: bool = False
) -> None:
    """A job description, one paragraph a line; `landscape_after`: a section break after the last line and a
    landscape page after it (python-docx's own section break, an empty paragraph ending the portrait
    section); `tables`: a logo in a two-cell table above the title, a signature and a stamp in a two-cell
    table after the last line (images only: no compared words); `cover`: a landscape first page holding a
    logo, then a section break to the portrait pages of the text."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    if cover:
        first = document.sections[0]
        first.orientation = WD_ORIENT.LANDSCAPE
        first.page_width, first.page_height = first.page_height, first.page_width
        document.add_paragraph().add_run().add_picture(io.BytesIO(png(40, 20, (0, 90, 160))), width=Cm(3))
        text = document.add_section()
        text.orientation = WD_ORIENT.PORTRAIT
        text.page_width, text.page_height = text.page_height, text.page_width
    if tables:
        logo = document.add_table(rows=1, cols=2)
        logo.cell(0, 0).paragraphs[0].add_run().add_picture(io.BytesIO(png(40, 20, (0, 90, 160))), width=Cm(3))
    for line in lines:
        document.add_paragraph(line)
    if tables:
        signed = document.add_table(rows=1, cols=2)
        for k, colour in enumerate(((20, 20, 20), (160, 0, 0))):
            signed.cell(0, k).paragraphs[0].add_run().add_picture(io.BytesIO(png(60, 20, colour)), width=Cm(4))
    if landscape_after:
        section = document.add_section()
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    document.save(str(path))


def _pairs(folder: Path) -> dict[str, tuple[Path, Path]]:
    _word(folder / "old.docx", LINES)
    _word(folder / "new.docx", NEW_LINES)
    _word(folder / "old-section.docx", LINES, landscape_after=True)
    _word(folder / "new-section.docx", NEW_LINES, landscape_after=True)
    _word(folder / "old-tables.docx", LINES, tables=True)
    _word(folder / "new-tables.docx", NEW_LINES, tables=True)
    _word(folder / "old-cover.docx", LINES, cover=True)
    _word(folder / "new-cover.docx", NEW_LINES, cover=True)
    return {
        "cover-new": (folder / "old.docx", folder / "new-cover.docx"),
        "cover-gone": (folder / "old-cover.docx", folder / "new.docx"),
        "section-new": (folder / "old.docx", folder / "new-section.docx"),
        "section-gone": (folder / "old-section.docx", folder / "new.docx"),
        "section-both": (folder / "old-section.docx", folder / "new-section.docx"),
        "tables-new": (folder / "old.docx", folder / "new-tables.docx"),
        "tables-gone": (folder / "old-tables.docx", folder / "new.docx"),
        "tables-both": (folder / "old-tables.docx", folder / "new-tables.docx"),
    }


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, dict]]:
    """Each pair's redline and LibreOffice's report of it."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("edges")
    files = {}
    for key, (old, new) in _pairs(folder).items():
        path = folder / f"{key}.redline.docx"
        path.write_bytes(build_redline(compare_files(old, new), RedlineOptions(date=DATE)))
        files[str(path)] = key
    return reports(files, folder)


def _words(report: dict, side: str) -> list[str]:
    return [line for line in norm([line.strip() for line in report[side]["text"]]) if line]


def _tables(report: dict, side: str) -> list:
    """The document's own tables in a view: the summary page's (three columns, first) left out."""
    summary, *own = report[side]["tables"]
    assert {len(row) for row in summary} == {3}
    return own


def _both_views_are_the_files(data: bytes, report: dict) -> None:
    """The words of each view are NEW's and OLD's (after the summary page), in LibreOffice and from the XML."""
    assert _words(report, "accept")[-len(NEW_LINES) :] == norm(NEW_LINES)
    assert _words(report, "reject")[-len(LINES) :] == norm(LINES)
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(NEW_LINES)
    assert norm(paragraph_lines(view(data, Side.REJECT))) == norm(LINES)
    for side in ("accept", "reject"):
        assert report[side]["remaining"] == 0


def test_a_section_break_new_to_the_file_is_an_inserted_paragraph(office: dict) -> None:
    """NEW alone ends its portrait section after the last line (a landscape page follows): Accept All keeps
    the break, Reject All removes it. The summary's own page comes first in both."""
    data, report = office["section-new"]
    _both_views_are_the_files(data, report)
    assert report["accept"]["sections"] == ["portrait", "portrait", "landscape"]
    assert report["reject"]["sections"] == ["portrait", "portrait"]
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    (kept,) = [s.getparent().getparent() for s in body.iter(qn("w:sectPr")) if s.getparent().tag == qn("w:pPr")][1:]
    before = kept.getprevious()  # the mark before the break brings it, as LibreOffice writes an inserted break
    assert before is not None and before.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}") is not None


def test_a_section_break_gone_from_new_comes_back_deleted(office: dict) -> None:
    """OLD's break after the last line comes back as a deleted paragraph holding it: Accept All has NEW's one
    section, Reject All OLD's two. The page after it keeps NEW's set-up (portrait), as the Limits say:
    the body's last section properties are NEW's, and LibreOffice reads no `w:sectPrChange`."""
    data, report = office["section-gone"]
    _both_views_are_the_files(data, report)
    assert report["accept"]["sections"] == ["portrait", "portrait"]
    assert report["reject"]["sections"] == ["portrait", "portrait", "portrait"]
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    sections = list(body.iter(qn("w:sectPr")))
    assert len(sections) == 3  # the summary's, OLD's break, NEW's closing one
    # The body's last paragraph mark cannot go: the deletion is the mark before, NEW's last line's.
    before = sections[1].getparent().getparent().getprevious()
    assert before is not None and before.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None
    # OLD's references pointed into OLD's package: the break takes NEW's own header and footer.
    refs = [r.get(f"{{{R_NS}}}id") for r in sections[1] if r.tag == qn("w:headerReference")]
    assert refs == [r.get(f"{{{R_NS}}}id") for r in sections[2] if r.tag == qn("w:headerReference")]


def test_the_same_section_break_on_both_sides_is_no_change(office: dict) -> None:
    data, report = office["section-both"]
    _both_views_are_the_files(data, report)
    for side in ("accept", "reject"):
        assert report[side]["sections"] == ["portrait", "portrait", "landscape"]
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    for s in body.iter(qn("w:sectPr")):
        p = s.getparent().getparent() if s.getparent().tag == qn("w:pPr") else None
        assert p is None or p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}") is None


def test_a_cover_page_new_to_the_file_is_inserted_with_its_section_break(office: dict) -> None:
    """NEW alone opens with a landscape page holding a logo: Accept All has NEW's two page set-ups (the summary
    takes the first one's), Reject All neither the logo nor the break. (LibreOffice gives OLD's words the
    cover's landscape set-up on Reject All: it keeps a joined paragraph's first attributes; the README's
    limits say so.)"""
    data, report = office["cover-new"]
    _both_views_are_the_files(data, report)
    assert report["accept"]["sections"] == ["landscape", "landscape", "portrait"]
    assert (report["accept"]["images"], report["reject"]["images"]) == (1, 0)
    assert len(report["reject"]["sections"]) == 2  # the summary's and one: the break is gone


def test_a_cover_page_gone_from_new_comes_back_without_its_break(office: dict) -> None:
    """OLD's cover page: its logo comes back deleted, its section break does not, so Accept All — what is
    signed — has exactly NEW's page set-up."""
    data, report = office["cover-gone"]
    _both_views_are_the_files(data, report)
    assert report["accept"]["sections"] == ["portrait", "portrait"]
    assert (report["accept"]["images"], report["reject"]["images"]) == (0, 1)


def test_edge_tables_new_to_the_file_are_inserted_rows(office: dict) -> None:
    """A logo table above the title and a signature table after the last line, NEW's alone: Accept All has
    both tables and their three images, Reject All neither."""
    data, report = office["tables-new"]
    _both_views_are_the_files(data, report)
    assert (_tables(report, "accept"), report["accept"]["images"]) == ([[[1, 1]], [[1, 1]]], 3)
    assert (_tables(report, "reject"), report["reject"]["images"]) == ([], 0)
    rows = list(document_xml(data).iter(qn("w:tr")))[-2:]  # the summary's table rows come first
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:ins')}") is not None for r in rows)


def test_edge_tables_gone_from_new_come_back_as_deleted_rows(office: dict) -> None:
    """OLD's logo and signature tables come back where they stood, as deleted rows with OLD's images copied
    into the package: Accept All has no table, Reject All has both with their images."""
    data, report = office["tables-gone"]
    _both_views_are_the_files(data, report)
    assert (_tables(report, "accept"), report["accept"]["images"]) == ([], 0)
    assert (_tables(report, "reject"), report["reject"]["images"]) == ([[[1, 1]], [[1, 1]]], 3)


def test_the_same_edge_tables_on_both_sides_are_no_change(office: dict) -> None:
    data, report = office["tables-both"]
    _both_views_are_the_files(data, report)
    for side in ("accept", "reject"):
        assert (_tables(report, side), report[side]["images"]) == ([[[1, 1]], [[1, 1]]], 3)
    assert not any(r.find(f"{qn('w:trPr')}/{qn('w:ins')}") is not None for r in document_xml(data).iter(qn("w:tr")))


def test_the_open_xml_sdk_finds_no_error_in_edge_redlines(office: dict) -> None:
    validator.require()
    keys = sorted(office)
    assert dict(zip(keys, validator.validate_many([office[k][0] for k in keys]))) == {k: [] for k in keys}
