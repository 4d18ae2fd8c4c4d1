"""The whole Word package in the redline: a job description in its organisation's dress (a page header, a
footer of PAGE / NUMPAGES fields, a logo above the title, a signature image after the last line).

LibreOffice opens each redline (tests/redline/lo_driver.py), accepts all and rejects all, and reports the
words, the images and the header and footer texts each view is left with; it also prints the redline to
PDF, whose pages show where the summary's section ends and how NEW's pages are numbered.
"""

from __future__ import annotations

import io
import re
import subprocess
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ajdiff.api import compare_files
from ajdiff.cli import main
from ajdiff.read.formats import read_source
from ajdiff.redline.document import RedlineOptions, build_redline
from ajdiff.redline.oxml import qn
from tests.redline import validator
from tests.redline.office import reports, require_libreoffice
from tests.redline.support import DATE, SEED, norm
from tests.redline.test_redline import _text_paragraphs
from tests.redline.views import Side, document_xml, paragraph_lines, view
from tests.redline.wordpairs import COLLEAGUE, Dress, job_docx, with_pending

LINES = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
NEW_LINES = [*LINES[:10], "Uus lõik, mida vanas ei olnud.", *LINES[11:]]
BARE = Dress(logo=False, signature=False)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _redline(old: Path, new: Path) -> bytes:
    return build_redline(compare_files(old, new), RedlineOptions(date=DATE, warn=lambda source, message: None))


def _pairs(folder: Path) -> dict[str, tuple[Path, Path]]:
    """Word pairs in dress: the same logo and signature on both sides; OLD without them; OLD as text."""
    job_docx(folder / "old.docx", LINES)
    job_docx(folder / "new.docx", NEW_LINES)
    job_docx(folder / "old-bare.docx", LINES, BARE)
    job_docx(folder / "new-bare.docx", NEW_LINES, BARE)
    (folder / "old.txt").write_text("\n".join(LINES), encoding="utf-8")
    job_docx(folder / "new-draft.docx", NEW_LINES, Dress(header="Rahandusministeerium — KAVAND"))
    job_docx(folder / "new-pending.docx", NEW_LINES)
    with_pending(folder / "new-pending.docx")
    return {
        "same-dress": (folder / "old.docx", folder / "new.docx"),
        "pending": (folder / "old.docx", folder / "new-pending.docx"),
        "header": (folder / "old.docx", folder / "new-draft.docx"),
        "images-new": (folder / "old-bare.docx", folder / "new.docx"),
        "images-gone": (folder / "old.docx", folder / "new-bare.docx"),
        "text-old": (folder / "old.txt", folder / "new.docx"),
    }


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, dict]]:
    """Each pair's redline and LibreOffice's report of it."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("dressed")
    files = {}
    for key, (old, new) in _pairs(folder).items():
        path = folder / f"{key}.redline.docx"
        path.write_bytes(_redline(old, new))
        files[str(path)] = key
    return reports(files, folder)


def _drawings(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return len(etree.fromstring(zf.read("word/document.xml")).findall(f".//{qn('w:drawing')}"))


def _export(report: dict, side: str) -> list[str]:
    return norm([line.strip() for line in report[side]["text"]])


@pytest.mark.parametrize("key", ["same-dress", "images-new", "text-old"])
def test_logo_and_signature_stay_and_each_view_is_its_file(office: dict, key: str) -> None:
    """The logo and the signature are in the redline; Accept All keeps both, Reject All keeps them only
    when OLD has them; the words are NEW's and OLD's either way; the header and footer stay NEW's."""
    data, report = office[key]
    assert _drawings(data) == 2
    assert report["accept"]["images"] == 2
    assert report["reject"]["images"] == (2 if key == "same-dress" else 0)
    assert _export(report, "accept")[-len(NEW_LINES) :] == norm(NEW_LINES)
    assert _export(report, "reject")[-len(LINES) :] == norm(LINES)
    for side in ("accept", "reject"):
        assert report[side]["remaining"] == 0
        assert report[side]["headers"] == ["Rahandusministeerium"]
        assert [re.sub(r"\d+", "N", t) for t in report[side]["footers"]] == ["Lk N / N"]
    # The pure views agree: the images' paragraphs hold no words.
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(NEW_LINES)
    assert norm(paragraph_lines(view(data, Side.REJECT))) == norm(LINES)


def test_images_new_to_the_file_are_tracked_insertions(office: dict) -> None:
    data, _ = office["images-new"]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    drawings = root.findall(f".//{qn('w:drawing')}")
    assert all(any(a.tag == qn("w:ins") for a in d.iterancestors()) for d in drawings)
    same = _drawings(office["same-dress"][0])
    assert same == 2
    with zipfile.ZipFile(io.BytesIO(office["same-dress"][0])) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    assert not any(a.tag == qn("w:ins") for d in root.iter(qn("w:drawing")) for a in d.iterancestors())


def test_the_summary_is_a_section_of_its_own_and_new_counts_its_pages_from_1(office: dict, tmp_path: Path) -> None:
    """Printed by LibreOffice: the summary page carries neither NEW's header nor its footer, and NEW's first
    page is page 1 again. NUMPAGES counts NEW's pages and the summary page, no blank page besides (the
    summary is page 0, so page 1 needs no empty page before it to stand on a right-hand side)."""
    import pypdf

    data, _ = office["same-dress"]
    path = tmp_path / "redline.docx"
    path.write_bytes(data)
    job_docx(tmp_path / "new.docx", NEW_LINES)
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path), str(tmp_path / "new.docx")],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    pages = [page.extract_text() for page in pypdf.PdfReader(str(tmp_path / "redline.pdf")).pages]
    own = len(pypdf.PdfReader(str(tmp_path / "new.pdf")).pages)
    summary_pages = [k for k, text in enumerate(pages) if "Muudatuste kokkuvõte" in text]
    assert summary_pages == [0]
    assert "Rahandusministeerium" not in pages[0] and "Lk " not in pages[0]
    assert pages[1].startswith("Rahandusministeerium")
    assert len(pages) == own + 1
    for k in range(1, own + 1):
        assert re.search(rf"Lk {k} / {own + 1}\s*$", pages[k])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
        sections = list(root.iter(qn("w:sectPr")))
        assert len(sections) == 2
        own, first = sections
        assert any(a.tag == qn("w:sdtContent") for a in own.iterancestors())  # removed with the summary
        for ref in own.iter(qn("w:headerReference"), qn("w:footerReference")):
            rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
            target = next(r.get("Target") for r in rels if r.get("Id") == rid)
            assert "".join(etree.fromstring(zf.read(f"word/{target}")).itertext()).strip() == ""
        number = first.find(qn("w:pgNumType"))
        assert number is not None and number.get(qn("w:start")) == "1"


def test_the_open_xml_sdk_finds_no_error_in_dressed_redlines(office: dict) -> None:
    validator.require()
    keys = sorted(office)
    assert dict(zip(keys, validator.validate_many([office[k][0] for k in keys]))) == {k: [] for k in keys}


def _accepted_new(path: Path) -> list[str]:
    """NEW's paragraphs as the reader reads them: its pending changes accepted."""
    return norm(read_source(path).lines)


def test_new_with_pending_changes_is_compared_and_written_as_accepted(office: dict, tmp_path: Path) -> None:
    """A colleague's pending changes in NEW are accepted first (as Word's Compare does): every revision in
    the redline is ajdiff's, Accept All gives NEW as compared, Reject All gives OLD, not NEW's old state."""
    data, report = office["pending"]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        authors = {
            el.get(qn("w:author"))
            for name in zf.namelist()
            if name.startswith("word/") and name.endswith(".xml")
            for el in etree.fromstring(zf.read(name)).iter()
            if el.get(qn("w:author")) is not None
        }
    assert COLLEAGUE not in authors and "ajdiff" in authors
    job_docx(tmp_path / "new.docx", NEW_LINES)
    with_pending(tmp_path / "new.docx")
    accepted = _accepted_new(tmp_path / "new.docx")
    assert "Kolleegi kustutatud" not in " ".join(accepted) and "(kolleegi lisatud)" in " ".join(accepted)
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == accepted
    assert norm(paragraph_lines(view(data, Side.REJECT))) == norm(LINES)
    assert _export(report, "accept")[-len(accepted) :] == accepted
    assert _export(report, "reject")[-len(LINES) :] == norm(LINES)
    # The colleague's header word, accepted, is a difference from OLD's header like any other.
    assert report["accept"]["headers"] == ["Rahandusministeerium (kavand)"]
    assert report["reject"]["headers"] == ["Rahandusministeerium"]


def test_pending_changes_and_an_unusable_package_are_warnings(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """One line each on stderr, `ajdiff: FILE: warning: …`, and the redline is written (exit 0)."""
    (tmp_path / "old.txt").write_text("\n".join(LINES), encoding="utf-8")
    job_docx(tmp_path / "new.docx", NEW_LINES)
    with_pending(tmp_path / "new.docx")
    args = ["redline", str(tmp_path / "old.txt"), str(tmp_path / "new.docx"), "--date", "2025-01-31T12:00:00Z"]
    assert main([*args, "-o", str(tmp_path / "a.docx")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"ajdiff: {tmp_path / 'new.docx'}: warning: holds 5 pending tracked changes: compared and written as accepted"
    ]
    assert main([*args, "-o", str(tmp_path / "b.docx"), "--lang", "et", "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    # A settings part that declares a DOCTYPE: the reader reads the text, the package cannot be the base.
    job_docx(tmp_path / "hostile.docx", NEW_LINES)
    with zipfile.ZipFile(tmp_path / "hostile.docx") as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e "e">]>', 1)
    with zipfile.ZipFile(tmp_path / "hostile.docx", "w") as zf:
        for name, member in parts.items():
            zf.writestr(name, member)
    hostile = [*args[:2], str(tmp_path / "hostile.docx"), *args[3:]]
    assert main([*hostile, "-o", str(tmp_path / "c.docx"), "--lang", "et"]) == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(
        f"ajdiff: {tmp_path / 'hostile.docx'}: hoiatus: selle Wordi paketist ei saa redlaini alust ("
    )
    assert line.endswith(
        "word/settings.xml kuulutab DOCTYPE-i (XML-olemid on keelatud)); redlain on ajdiffi enda mallis"
    )
    data = (tmp_path / "c.docx").read_bytes()
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(NEW_LINES)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        build_redline(compare_files(tmp_path / "old.txt", tmp_path / "new.docx"), RedlineOptions(date=DATE))
    assert [type(w.message).__name__ for w in caught] == ["RedlineWarning"]


def test_a_changed_page_header_is_tracked_in_the_header_and_named_on_the_summary(office: dict) -> None:
    """As Word's Compare: the header's changed words tracked in NEW's header part; Accept All gives NEW's
    header, Reject All OLD's; the footer's page fields are no change; the summary page names it."""
    data, report = office["header"]
    assert report["accept"]["headers"] == ["Rahandusministeerium — KAVAND"]
    assert report["reject"]["headers"] == ["Rahandusministeerium"]
    assert _export(report, "accept")[-len(NEW_LINES) :] == norm(NEW_LINES)
    assert _export(report, "reject")[-len(LINES) :] == norm(LINES)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        headers = {n: etree.fromstring(zf.read(n)) for n in zf.namelist() if re.match(r"word/(header|footer)", n)}
    tracked = {n for n, root in headers.items() if root.find(f".//{qn('w:ins')}") is not None}
    assert len(tracked) == 1 and "header" in next(iter(tracked))
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")).find(qn("w:body"))
    assert body is not None
    summary = "".join(body[0].itertext())
    assert "Päised ja jalused" in summary and "PäismuudetiRahandusministeerium — KAVAND" in summary
    assert "Jalus" not in summary
    # Not when they are the same: the same dress leaves NEW's header and footer parts as they came.
    same, _ = office["same-dress"]
    with zipfile.ZipFile(io.BytesIO(same)) as zf:
        for name in ("word/header1.xml", "word/footer1.xml"):
            assert etree.fromstring(zf.read(name)).find(f".//{qn('w:ins')}") is None
        assert "Päised ja jalused" not in "".join(etree.fromstring(zf.read("word/document.xml")).itertext())


def test_images_gone_from_new_come_back_deleted(office: dict) -> None:
    """OLD's logo and signature, which NEW lacks, are deleted paragraphs holding OLD's own images (copied into
    the redline's package): Accept All has no image, Reject All has both."""
    data, report = office["images-gone"]
    assert (report["accept"]["images"], report["reject"]["images"]) == (0, 2)
    assert _export(report, "accept")[-len(NEW_LINES) :] == norm(NEW_LINES)
    assert _export(report, "reject")[-len(LINES) :] == norm(LINES)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
        drawings = root.findall(f".//{qn('w:drawing')}")
        assert len(drawings) == 2
        assert all(any(a.tag == qn("w:del") for a in d.iterancestors()) for d in drawings)
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
        assert len(media) == 2
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(NEW_LINES)
    assert norm(paragraph_lines(view(data, Side.REJECT))) == norm(LINES)


def test_only_the_compared_annexs_own_edges_stay(tmp_path: Path) -> None:
    """An order of two annexes, each signed with an image: comparing the first annex keeps its signature,
    not the second annex's (that one stands after another document's text)."""
    import docx
    from docx.shared import Cm

    from tests.redline.wordpairs import png

    first = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
    second = [line for line in _text_paragraphs(SEED["000"], "6") if line.strip()]
    document = docx.Document()
    for lines, colour in ((first, (10, 10, 10)), (second, (200, 10, 10))):
        for line in lines:
            document.add_paragraph(line)
        document.add_paragraph().add_run().add_picture(io.BytesIO(png(30, 10, colour)), width=Cm(4))
    document.save(str(tmp_path / "order.docx"))
    (tmp_path / "old.txt").write_text("\n".join(first), encoding="utf-8")
    result = compare_files(tmp_path / "old.txt", tmp_path / "order.docx", new_annex="2")
    data = build_redline(result, RedlineOptions(date=DATE))
    assert _drawings(data) == 1
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(first)


def test_page_numbers_restart_at_1_unless_the_document_starts_them_elsewhere() -> None:
    from ajdiff.redline.oxml import restart_page_numbers

    plain = etree.fromstring(f'<w:sectPr xmlns:w="{W}"><w:pgSz w:w="11906"/><w:cols/></w:sectPr>')
    restart_page_numbers(plain)
    assert [etree.QName(c).localname for c in plain] == ["pgSz", "pgNumType", "cols"]  # the schema's order
    assert plain[1].get(qn("w:start")) == "1"
    own = etree.fromstring(f'<w:sectPr xmlns:w="{W}"><w:pgNumType w:fmt="lowerRoman" w:start="5"/></w:sectPr>')
    restart_page_numbers(own)
    assert (own[0].get(qn("w:start")), own[0].get(qn("w:fmt"))) == ("5", "lowerRoman")


def test_an_edge_paragraph_that_ends_a_section_stays(tmp_path: Path) -> None:
    """An empty paragraph after the last line that carries a section break (a landscape page follows, say)
    is kept: dropping it would merge the sections and lose their pages' set-up."""
    import docx
    from docx.enum.section import WD_ORIENT

    document = docx.Document()
    for line in NEW_LINES:
        document.add_paragraph(line)
    document.add_paragraph()
    section = document.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.save(str(tmp_path / "new.docx"))
    (tmp_path / "old.txt").write_text("\n".join(LINES), encoding="utf-8")
    data = _redline(tmp_path / "old.txt", tmp_path / "new.docx")
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    sections = [s for s in body.iter(qn("w:sectPr"))]
    # The summary's, the portrait section's (in the kept paragraph) and the landscape body's.
    assert len(sections) == 3
    assert sections[1].getparent().tag == qn("w:pPr") and sections[2].getparent() is body
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(NEW_LINES)
    assert norm(paragraph_lines(view(data, Side.REJECT))) == norm(LINES)
