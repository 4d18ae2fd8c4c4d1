"""A real client: LibreOffice opens each redline, lists its tracked changes, accepts or rejects all, and
the text it is left with is NEW's or OLD's paragraphs as ajdiff's own reader reads them.

One soffice process serves every file (see lo_driver.py, run with the system python3 that has
`uno`). In CI (`CI` set) a missing LibreOffice is a failure, never a skip.
"""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ajdiff.api import compare_files
from ajdiff.read.formats import read_source
from ajdiff.read.parse import parse_source
from ajdiff.redline.oxml import qn
from ajdiff.redline.package import Package
from ajdiff.redline.units import segments, word_units
from tests.redline.office import DRIVER, SYSTEM_PYTHON, require_libreoffice
from tests.redline.support import (
    FIXTURES,
    ORDER_PAIRS,
    REAL_PAIRS,
    SEED,
    norm,
    orders_result,
    paragraphs,
    real_result,
    redline,
    table_file,
)
from tests.redline.test_formats import _numbered_document
from tests.redline.views import Side, document_xml, paragraph_lines, view
from tests.redline.word_pairs import BASE, edited, write


def _lines(texts: list[str]) -> list[str]:
    """LibreOffice's exported lines: no list bullets, no empty lines, spaces normalised; a Word
    non-breaking hyphen is exported as U+2011 where ajdiff's reader reads '-'."""
    return norm([line.strip().removeprefix("• ").replace("\u2011", "-") for line in texts])


def _lo_docx(source: Path, folder: Path) -> Path:
    """A .docx written by LibreOffice itself (its own styles, page and fonts), from a seed's Word file."""
    odt_dir, docx_dir = folder / "odt", folder / "docx"
    for target, src, out in (("odt", source, odt_dir), ("docx:MS Word 2007 XML", None, docx_dir)):
        given = src if src is not None else odt_dir / f"{source.stem}.odt"
        subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{folder}/profile",
             "--convert-to", target, "--outdir", str(out), str(given)],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
    return docx_dir / f"{source.stem}.docx"


def _word_annex(path: Path, annex: str | None) -> list[str]:
    """One annex of a Word file, paragraph by paragraph, as ajdiff's reader reads it (list numbers are
    drawn by Word, in no run: left out)."""
    package = Package.from_docx(path.read_bytes())
    units = word_units(package.document, package.part)
    docs = parse_source(read_source(path))
    k = next(i for i, d in enumerate(docs) if d.annex == annex)
    texts = [units[i].text.removeprefix(units[i].label).strip() for i in segments(units, docs).docs[k]]
    return [t for t in texts if t]


def _annex_tables(path: Path, annex: str | None) -> tuple[int, int]:
    """Which of a Word file's tables (in document order) one annex holds: (first, end)."""
    package = Package.from_docx(path.read_bytes())
    units = word_units(package.document, package.part)
    docs = parse_source(read_source(path))
    body = package.document.find(qn("w:body"))
    tables = [c for c in body if c.tag == qn("w:tbl")]
    if annex is None:  # the whole file
        return 0, len(tables)
    k = next(i for i, d in enumerate(docs) if d.annex == annex)
    held = {id(t) for i in segments(units, docs).docs[k] for t in units[i].element.iterancestors(qn("w:tbl"))}
    found = [n for n, t in enumerate(tables) if id(t) in held]
    return found[0], found[-1] + 1


WORD_SEEDS = {seed: FIXTURES / f"{SEED[seed].stem}.docx" for seed in ("000", "001", "002", "003")}
WORD_PAIRS: dict[str, tuple[str, str | None, str, str | None, tuple[str, ...]]] = {
    "word-001-000L2": ("001", None, "000", "2", ()),
    "word-002-000L7": ("002", None, "000", "7", ()),
    "word-000L6-000L7": ("000", "6", "000", "7", ()),
    "word-003L10-003L11": ("003", "10", "003", "11", ()),
    "word-orders": ("000", None, "003", None, ORDER_PAIRS),
    "word-orders-abolished": ("000", None, "003", None, ("1=1", "2=4")),
}
"""The seeds' own Word files (tables for the general part, the duties, the requirements): the four real
pairs (002 an older layout: its aim and duties are paragraphs where 000 has tables), and the two orders
with four posts paired by hand, or two (the rest abolished and created)."""

BUILT: dict[str, tuple[tuple[str, int, int], ...]] = {
    "built-moved-down": (("move", 2, 5),),
    "built-moved-up": (("move", 9, 0),),
    "built-moved-reworded": (("move", 2, 5), ("reword", 5, 3)),
    "built-mixed": (("insert", 3, 1), ("delete", 7, 0), ("split", 1, 0), ("value", 7, 7), ("reword", 4, 2)),
}
"""Edits of 000 Lisa 2 in the template: a duty row moved down, one moved up, one moved and reworded (a
moved row: OLD's row moved away, NEW's moved here), rows inserted and deleted, a result split, a value
replaced, a task reworded."""


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, dict, list[str], list[str]]]:
    """Every file LibreOffice checks: its bytes, LibreOffice's report, NEW's and OLD's paragraphs."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("lo")
    files: dict[str, tuple[bytes, list[str], list[str]]] = {}
    for name, (old_seed, old_annex, new_seed, new_annex) in REAL_PAIRS.items():
        expected = (list(paragraphs(new_seed, new_annex)), list(paragraphs(old_seed, old_annex)))
        files[name] = (redline(real_result(name)), *expected)
    files["orders"] = (redline(orders_result()), list(paragraphs("003")), list(paragraphs("000")))
    # A Word file made by LibreOffice, with LibreOffice's styles, as NEW: the redline is that file.
    styled = _lo_docx(FIXTURES / f"{SEED['000'].stem}.docx", folder)
    result = compare_files(SEED["001"], styled, new_annex="2")
    files["libreoffice-base"] = (redline(result), _word_annex(styled, "2"), list(paragraphs("001")))
    # A table row inserted in a Word file: a tracked row.
    rows = [("Teenistuskoht", "Ekspert"), ("Struktuuriüksus", "Arendusosakond"), ("Vahetu juht", "Juhataja")]
    table_file(folder / "rows-old.docx", rows)
    table_file(folder / "rows-new.docx", [*rows[:2], ("Alluvad", "Spetsialist"), rows[2]])
    rows_result = compare_files(folder / "rows-old.docx", folder / "rows-new.docx")
    files["rows"] = (
        redline(rows_result),
        _word_annex(folder / "rows-new.docx", None),
        _word_annex(folder / "rows-old.docx", None),
    )
    # and one deleted: a tracked deleted row.
    table_file(folder / "rows-fewer.docx", [rows[0], rows[2]])
    fewer = compare_files(folder / "rows-old.docx", folder / "rows-fewer.docx")
    files["rows-gone"] = (
        redline(fewer),
        _word_annex(folder / "rows-fewer.docx", None),
        _word_annex(folder / "rows-old.docx", None),
    )
    # Label | value rows whose values are replaced whole, and a paragraph after the table that NEW lacks.
    values = [("Teenistuskoht", "Ekspert"), ("Ametikoha grupp", "Ametnik"), ("Vahetu juht", "Juhataja")]
    table_file(folder / "values-old.docx", values)
    table_file(folder / "values-new.docx", [values[0], ("Ametikoha grupp", "Töötaja"), ("Vahetu juht", "Direktor")])
    files["values"] = (
        redline(compare_files(folder / "values-old.docx", folder / "values-new.docx")),
        _word_annex(folder / "values-new.docx", None),
        _word_annex(folder / "values-old.docx", None),
    )
    for key, (old_seed, old_annex, new_seed, new_annex, pairs) in WORD_PAIRS.items():
        old_path, new_path = WORD_SEEDS[old_seed], WORD_SEEDS[new_seed]
        result = compare_files(old_path, new_path, old_annex=old_annex, new_annex=new_annex, pair=pairs)
        files[key] = (redline(result), [], [])
    for seed, path in WORD_SEEDS.items():
        files[f"as-is-{seed}"] = (path.read_bytes(), [], [])
    # The template's Word files (python-docx, Arial 11, 3 cm margins), edited as a drafter edits them.
    for key, edits in BUILT.items():
        new_post = BASE
        for edit in edits:
            new_post = edited(new_post, edit)
        old_file, new_file = write(BASE, folder / f"{key}-old.docx"), write(new_post, folder / f"{key}-new.docx")
        files[key] = (redline(compare_files(old_file, new_file)), [], [])
        files[f"as-is-{key}-old"] = (old_file.read_bytes(), [], [])
        files[f"as-is-{key}-new"] = (new_file.read_bytes(), [], [])
    # OLD's rights numbered by Word's list ('4.1.' …), one of them gone in NEW (tests/redline/test_formats.py).
    rights = ["Saada tööks vajalikku teavet.", "Teha ettepanekuid töö korraldamiseks.", "Osaleda koolitustel."]
    numbered_old = _numbered_document(folder / "numbered-old.docx", rights, True)
    numbered_new = _numbered_document(folder / "numbered-new.docx", [rights[0], rights[2]], True)
    files["numbered"] = (redline(compare_files(numbered_old, numbered_new)), [], [])
    files["as-is-numbered-old"] = (numbered_old.read_bytes(), [], [])
    files["as-is-numbered-new"] = (numbered_new.read_bytes(), [], [])
    paths = {}
    for key, (data, _, _) in files.items():
        path = folder / f"{key}.docx"
        path.write_bytes(data)
        paths[str(path)] = key
    (folder / "styled.docx").write_bytes(styled.read_bytes())
    proc = subprocess.run([SYSTEM_PYTHON, str(DRIVER), *paths], capture_output=True, text=True, timeout=300, cwd=folder)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    out = {paths[p]: (files[paths[p]][0], r, files[paths[p]][1], files[paths[p]][2]) for p, r in report.items()}
    out["styled-source"] = (styled.read_bytes(), {}, [], [])
    return out


@pytest.mark.parametrize("key", [*REAL_PAIRS, "orders", "libreoffice-base", "rows", "rows-gone", "values"])
def test_libreoffice_accepts_to_new_and_rejects_to_old(office: dict, key: str) -> None:
    _, report, new, old = office[key]
    assert sum(report["redlines"].values()) > 0
    # LibreOffice's export starts with the summary page (a content control, not tracked): skip to the document.
    accepted, rejected = _lines(report["accept"]["text"]), _lines(report["reject"]["text"])
    assert accepted[-len(norm(new)) :] == norm(new)
    assert rejected[-len(norm(old)) :] == norm(old)
    assert report["accept"]["remaining"] == 0 and report["reject"]["remaining"] == 0


def test_libreoffice_agrees_with_the_pure_views_on_the_document(office: dict) -> None:
    data, report, _, _ = office["001-000L2"]
    document = norm(paragraph_lines(view(data, Side.REJECT)))
    assert _lines(report["reject"]["text"])[-len(document) :] == document


def test_a_word_base_keeps_its_own_styles_page_and_fonts(office: dict) -> None:
    """NEW made by LibreOffice: its style definitions, page size and margins, fonts are the redline's."""
    data, _, new, _ = office["libreoffice-base"]
    source = office["styled-source"][0]
    with zipfile.ZipFile(io.BytesIO(data)) as out, zipfile.ZipFile(io.BytesIO(source)) as src:
        src_styles = etree.fromstring(src.read("word/styles.xml"))
        out_styles = etree.fromstring(out.read("word/styles.xml"))
        src_ids = {s.get(qn("w:styleId")) for s in src_styles.iter(qn("w:style"))}
        out_ids = {s.get(qn("w:styleId")) for s in out_styles.iter(qn("w:style"))}
        assert src_ids <= out_ids  # every style of NEW is still there (the summary may add its own)
        for name in ("word/fontTable.xml",):
            if name in src.namelist():
                assert out.read(name) == src.read(name)
        src_sect = etree.fromstring(src.read("word/document.xml")).find(f".//{qn('w:body')}/{qn('w:sectPr')}")
        out_sect = etree.fromstring(out.read("word/document.xml")).find(f".//{qn('w:body')}/{qn('w:sectPr')}")
        assert src_sect is not None and out_sect is not None
        for part in ("pgSz", "pgMar"):
            a, b = src_sect.find(qn(f"w:{part}")), out_sect.find(qn(f"w:{part}"))
            assert a is not None and b is not None and dict(a.attrib) == dict(b.attrib)
    assert new, "the LibreOffice file has paragraphs"


def _words(lines: list[str]) -> list[str]:
    return " ".join(_lines(lines)).split()


@pytest.mark.parametrize("key", WORD_PAIRS)
def test_a_word_redline_accepts_and_rejects_to_the_documents_tables(office: dict, key: str) -> None:
    """Accept All gives NEW's tables and Reject All OLD's, each with its shape (rows x cells x paragraphs
    per cell): an abolished post's tables come back as tables, a replaced value stays in its value cell,
    a duty row deleted or inserted is a row. The words too."""
    old_seed, old_annex, new_seed, new_annex, _ = WORD_PAIRS[key]
    data, report, _, _ = office[key]
    summary = [el for el in document_xml(data).iter(qn("w:sdt")) if el.find(f".//{qn('w:tag')}") is not None]
    summary_tables = sum(len(list(el.iter(qn("w:tbl")))) for el in summary)
    views = {}
    for seed, annex, action in ((old_seed, old_annex, "reject"), (new_seed, new_annex, "accept")):
        source = office[f"as-is-{seed}"][1]["accept"]  # a file with no tracked changes, as it is
        first, end = _annex_tables(WORD_SEEDS[seed], annex)
        expected, got = source["tables"][first:end], report[action]["tables"]
        assert expected and got[-len(expected) :] == expected, action
        assert len(got) == summary_tables + len(expected), "the summary page's tables, then the document's"
        # The whole file as LibreOffice reads it, or one annex as ajdiff's reader does.
        lines = source["text"] if annex is None else _word_annex(WORD_SEEDS[seed], annex)
        views[action] = (lines, report[action]["text"])
    for action, (source, seen) in views.items():
        wanted, got = _words(source), _words(seen)
        assert got[-len(wanted) :] == wanted, action  # no glued words ('osaletud.Esindatud'), none lost


def test_a_replaced_value_stays_in_its_value_cell(office: dict) -> None:
    """'Ametikoha grupp | Ametnik → Töötaja': OLD's value comes back in the value cell, not the label's."""
    _, report, _, _ = office["values"]
    assert report["reject"]["tables"][-1] == [[1, 1]] * 3
    assert report["accept"]["tables"][-1] == [[1, 1]] * 3
    rejected = _lines(report["reject"]["text"])
    label = len(rejected) - 1 - rejected[::-1].index("Ametikoha grupp")  # the table's, not the summary's
    assert rejected[label + 1] == "Ametnik"


@pytest.mark.parametrize("key", BUILT)
def test_a_template_redline_accepts_and_rejects_to_the_documents_tables(office: dict, key: str) -> None:
    """The template's tables after a duty row moved, inserted or deleted, a result split, a value
    replaced: LibreOffice's Accept All gives NEW's tables and words, Reject All OLD's."""
    data, report, _, _ = office[key]
    summary = [el for el in document_xml(data).iter(qn("w:sdt")) if el.find(f".//{qn('w:tag')}") is not None]
    summary_tables = sum(len(list(el.iter(qn("w:tbl")))) for el in summary)
    for side, action in (("old", "reject"), ("new", "accept")):
        source = office[f"as-is-{key}-{side}"][1]["accept"]
        got = report[action]["tables"]
        assert got[summary_tables:] == source["tables"], action
        wanted, seen = _words(source["text"]), _words(report[action]["text"])
        assert seen[-len(wanted) :] == wanted, action


def test_olds_numbered_paragraph_comes_back_numbered_on_reject_all(office: dict) -> None:
    """OLD's right '4.2.' (Word's automatic numbering) that NEW lacks: LibreOffice's Reject All draws OLD's
    list again — 4.1, 4.2, 4.3 — and Accept All NEW's — 4.1, 4.2 — with no number typed in twice."""
    _, report, _, _ = office["numbered"]
    for side, action in (("old", "reject"), ("new", "accept")):
        wanted = _lines(office[f"as-is-numbered-{side}"][1]["accept"]["text"])
        got = _lines(report[action]["text"])
        assert got[-len(wanted) :] == wanted, action
    assert any(line.startswith("4.2. Teha ettepanekuid") for line in _lines(report["reject"]["text"]))
