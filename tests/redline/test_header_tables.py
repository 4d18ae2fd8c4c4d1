"""A page header laid out as a table (logo | the body's name | "Lisa 3"), as many templates have it: a change
in it is tracked inside NEW's header part like the body's tables — a cell's words changed in their cell, a
row of one side alone inserted or deleted as a row — so LibreOffice's Accept All gives NEW's header and
Reject All OLD's (tests/redline/lo_driver.py). A text OLD has no header to compare: NEW's stays untracked
and the summary page names it as not compared.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ajdiff.api import compare_files
from ajdiff.redline.document import RedlineOptions, build_redline
from ajdiff.redline.oxml import qn
from tests.redline import validator
from tests.redline.office import reports, require_libreoffice
from tests.redline.support import DATE, SEED, norm
from tests.redline.test_redline import _text_paragraphs
from tests.redline.views import document_xml
from tests.redline.wordpairs import png

LINES = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
OLD_HEADER = [["Sotsiaalkindlustusamet", "Lisa 2"]]


def _word(path: Path, rows: list[list[str]] | str | None) -> None:
    """The job description with a header table: per row, a logo cell (the first row's) and these cells;
    or a header of one line (a str); or no header at all (None)."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    if isinstance(rows, str):
        document.sections[0].header.paragraphs[0].text = rows
    elif rows is not None:
        table = document.sections[0].header.add_table(rows=len(rows), cols=len(rows[0]) + 1, width=Cm(16))
        table.cell(0, 0).paragraphs[0].add_run().add_picture(io.BytesIO(png(40, 20, (0, 90, 160))), width=Cm(3))
        for r, row in enumerate(rows):
            for c, text in enumerate(row, 1):
                table.cell(r, c).paragraphs[0].text = text
    for line in LINES:
        document.add_paragraph(line)
    document.save(str(path))


PAIRS: dict[str, list[list[str]] | str | None] = {
    "cell": [["Sotsiaalkindlustusamet", "Lisa 3"]],
    "row-new": [["Sotsiaalkindlustusamet", "Lisa 2"], ["Kehtib alates 01.02.2025", ""]],
    "name": [["Sotsiaalministeeriumi haldusala", "Lisa 2"]],
    "line": "Sotsiaalkindlustusamet Lisa 2",
    "none": None,
}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, dict]]:
    """Each pair's redline, LibreOffice's report of it, and of OLD's and NEW's own files."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("header-tables")
    _word(folder / "old.docx", OLD_HEADER)
    (folder / "old.txt").write_text("\n".join(LINES), encoding="utf-8")
    files = {str(folder / "old.docx"): "old"}
    pairs = {key: (folder / "old.docx", folder / f"{key}.docx") for key in PAIRS}
    pairs["row-gone"] = (folder / "row-new.docx", folder / "old.docx")
    pairs["to-table"] = (folder / "line.docx", folder / "old.docx")
    pairs["to-line"] = (folder / "old.docx", folder / "line.docx")
    pairs["header-gone"] = (folder / "old.docx", folder / "none.docx")
    for key in ("line", "none"):
        del pairs[key]
    pairs["text-old"] = (folder / "old.txt", folder / "cell.docx")
    for key, rows in PAIRS.items():
        _word(folder / f"{key}.docx", rows)
        files[str(folder / f"{key}.docx")] = f"file:{key}"
    for key, (old, new) in pairs.items():
        path = folder / f"{key}.redline.docx"
        path.write_bytes(build_redline(compare_files(old, new), RedlineOptions(date=DATE)))
        files[str(path)] = key
    return reports(files, folder)


def _header(report: dict) -> list[str]:
    """A file's header text as LibreOffice reads it (one view: its own file has no tracked change)."""
    return report["accept"]["headers"]


@pytest.mark.parametrize(("key", "old", "new"), [
    ("cell", "old", "file:cell"),
    ("name", "old", "file:name"),
    ("row-new", "old", "file:row-new"),
    ("row-gone", "file:row-new", "old"),
    ("to-table", "file:line", "old"),
    ("to-line", "old", "file:line"),
    ("header-gone", "old", "file:none"),
])  # fmt: skip
def test_a_header_table_change_is_tracked_and_each_view_has_its_files_header(
    office: dict, key: str, old: str, new: str
) -> None:
    """Accept All leaves NEW's header words, Reject All OLD's, in their cells; the body is untouched. A line
    that became a table (or a table a line) is OLD's layout deleted whole and NEW's inserted whole; OLD's
    header that NEW lacks comes back deleted in a header part of the redline's own."""
    data, report = office[key]
    assert _header(office[new][1]) != _header(office[old][1])  # the pair differs in its header
    assert report["accept"]["headers"] == _header(office[new][1])
    assert report["reject"]["headers"] == _header(office[old][1])
    # The logo: NEW's in Accept All, OLD's (copied into the redline's header part) in Reject All.
    assert (report["accept"]["images"], report["reject"]["images"]) == (
        office[new][1]["accept"]["images"],
        office[old][1]["accept"]["images"],
    )
    for side in ("accept", "reject"):
        assert report[side]["remaining"] == 0
        assert norm(report[side]["text"])[-len(LINES) :] == norm(LINES)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = [etree.fromstring(zf.read(n)) for n in zf.namelist() if n.startswith("word/header")]
    (header,) = [root for root in parts if "".join(root.itertext()).strip()]  # the summary's are empty
    assert len(header.findall(qn("w:tbl"))) == 1  # OLD's words went back into NEW's table, not beside it
    rows = header.findall(f"{qn('w:tbl')}/{qn('w:tr')}")
    marks = [r.find(f"{qn('w:trPr')}/{qn('w:ins')}") is not None for r in rows]
    gone = [r.find(f"{qn('w:trPr')}/{qn('w:del')}") is not None for r in rows]
    assert (marks, gone) == {
        "row-new": ([False, True], [False, False]),
        "row-gone": ([False, False], [False, True]),
        "to-table": ([True], [False]),
        "to-line": ([False], [True]),
        "header-gone": ([False], [True]),
    }.get(key, ([False], [False]))


def test_the_summary_names_the_changed_header(office: dict) -> None:
    data, _ = office["cell"]
    summary = "".join(document_xml(data).find(qn("w:body"))[0].itertext())  # type: ignore[index]
    assert "PäismuudetiSotsiaalkindlustusamet / Lisa 2 3" in summary


def test_a_text_old_leaves_news_header_untracked_and_named_as_not_compared(office: dict) -> None:
    """OLD as text has no header to compare: NEW's header stays as it is in both views, and the summary
    page says it was not compared (never that it was inserted)."""
    data, report = office["text-old"]
    assert report["accept"]["headers"] == report["reject"]["headers"] == _header(office["file:cell"][1])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/header"):
                assert etree.fromstring(zf.read(name)).find(f".//{qn('w:ins')}") is None
    summary = "".join(document_xml(data).find(qn("w:body"))[0].itertext())  # type: ignore[index]
    assert "Päisei võrreldud: vanal failil pole Wordi päiseid ega jaluseidSotsiaalkindlustusamet / Lisa 3" in summary


def test_the_open_xml_sdk_finds_no_error_in_header_table_redlines(office: dict) -> None:
    validator.require()
    keys = sorted(k for k in office if not k.startswith("file:") and k != "old")
    assert len(keys) == 8
    assert dict(zip(keys, validator.validate_many([office[k][0] for k in keys]))) == {k: [] for k in keys}
