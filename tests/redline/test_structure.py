"""Structural checks of produced redlines: ids, delText placement, cells, moves, authors, the summary
page, and Microsoft's Open XML SDK validator on the real pairs, the orders and a Word base."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from ajdiff.api import compare_files
from ajdiff.redline.oxml import REVISION_TAGS, qn
from tests.redline import validator
from tests.redline.support import FIXTURES, ORDER_PAIRS, REAL_PAIRS, SEED, orders_result, real_result, redline
from tests.redline.views import document_xml
from tests.redline.word_pairs import BASE, edited, write

_ID_TAGS = (*REVISION_TAGS, qn("w:moveFromRangeStart"), qn("w:moveToRangeStart"))


@pytest.fixture(scope="module", params=[(n, m) for n in REAL_PAIRS for m in (True, False)], ids=str)
def root(request: pytest.FixtureRequest) -> etree._Element:
    name, moves = request.param
    return document_xml(redline(real_result(name), author="Tester", moves=moves))


def test_revision_ids_are_unique(root: etree._Element) -> None:
    ids = Counter(el.get(qn("w:id")) for el in root.iter(*_ID_TAGS))
    assert ids, "a real pair has changes"
    assert [i for i, n in ids.items() if n > 1] == []
    assert None not in ids


def test_del_text_only_inside_del(root: etree._Element) -> None:
    for el in root.iter(qn("w:delText")):
        assert el.getparent().getparent().tag == qn("w:del")
    for wrapper in root.iter(qn("w:del")):
        if wrapper.getparent().tag in (qn("w:rPr"), qn("w:trPr")):
            continue
        assert list(wrapper.iter(qn("w:t"))) == []


def test_every_cell_ends_with_a_paragraph(root: etree._Element) -> None:
    cells = list(root.iter(qn("w:tc")))
    assert cells, "the summary has a table"
    for tc in cells:
        assert tc[-1].tag == qn("w:p")


def test_revisions_carry_author_date_and_preserved_space(root: etree._Element) -> None:
    authors = set()
    for el in root.iter(*REVISION_TAGS):
        authors.add(el.get(qn("w:author")))
        assert el.get(qn("w:date")) == "2025-01-31T12:00:00Z"
    assert authors <= {"Tester", "Tester (toimetuslik)"} and "Tester" in authors
    for t in root.iter(qn("w:t"), qn("w:delText")):
        assert t.get(qn("xml:space")) == "preserve"


def test_editorial_differences_are_tracked_under_their_own_author() -> None:
    """001 → 000 Lisa 2: '2.1.' → '2.1'-style differences are tracked, by 'ajdiff (toimetuslik)'."""
    root = document_xml(redline(real_result("001-000L2")))
    authors = Counter(el.get(qn("w:author")) for el in root.iter(qn("w:ins"), qn("w:del")))
    assert authors["ajdiff (toimetuslik)"] > 0 and authors["ajdiff"] > 0
    same = document_xml(redline(real_result("001-000L2"), editorial_apart=False))
    assert {el.get(qn("w:author")) for el in same.iter(qn("w:ins"), qn("w:del"))} == {"ajdiff"}


def test_inserted_and_deleted_paragraphs_have_tracked_marks() -> None:
    root = document_xml(redline(real_result("002-000L7")))
    assert root.findall(f".//{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}"), "an added duty has an inserted mark"
    assert root.findall(f".//{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}"), "a removed duty has a deleted mark"


def _moved(tmp_path: Path) -> tuple[Path, Path]:
    """000 Lisa 2 as a file, and the same with its duty 2.3 moved to the end."""
    lines = [line for line in SEED["000"].read_text(encoding="utf-8").splitlines()]
    start = next(k for k, line in enumerate(lines) if line.startswith("2.3."))
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n".join(lines), encoding="utf-8")
    moved = lines[:start] + lines[start + 1 :]
    end = next(k for k, line in enumerate(moved) if k > start and line.startswith("3."))
    moved.insert(end, lines[start])
    new.write_text("\n".join(moved), encoding="utf-8")
    return old, new


def test_a_moved_paragraph_is_a_move_with_named_ranges_or_plain_with_no_moves(tmp_path: Path) -> None:
    old, new = _moved(tmp_path)
    result = compare_files(old, new)
    moved = document_xml(redline(result))
    starts = {el.get(qn("w:name")) for el in moved.iter(qn("w:moveFromRangeStart"))}
    assert starts and starts == {el.get(qn("w:name")) for el in moved.iter(qn("w:moveToRangeStart"))}
    for kind in ("moveFrom", "moveTo"):
        start_ids = {el.get(qn("w:id")) for el in moved.iter(qn(f"w:{kind}RangeStart"))}
        assert start_ids == {el.get(qn("w:id")) for el in moved.iter(qn(f"w:{kind}RangeEnd"))}
    assert list(moved.iter(qn("w:moveFrom"))) and list(moved.iter(qn("w:moveTo")))
    plain = document_xml(redline(result, moves=False))
    assert list(plain.iter(qn("w:moveFrom"), qn("w:moveTo"), qn("w:moveFromRangeStart"))) == []


def test_summary_page_is_a_content_control_first_and_never_tracked() -> None:
    body = document_xml(redline(real_result("001-000L2"))).find(qn("w:body"))
    assert body is not None
    first = body[0]
    assert first.tag == qn("w:sdt")
    tag = first.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
    assert tag is not None and tag.get(qn("w:val")) == "ajdiff-summary"
    assert "Muudatuste kokkuvõte" in "".join(first.itertext())
    assert not list(first.iter(*REVISION_TAGS))
    # Its last paragraph ends its own section (removing the control removes the section): no page break.
    last = first.find(qn("w:sdtContent"))[-1]  # type: ignore[index]  # the control has content
    assert last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    assert last.find(f".//{qn('w:br')}[@{qn('w:type')}='page']") is None


def test_the_package_says_estonian_and_claims_no_page_count() -> None:
    data = redline(real_result("003L10-003L11"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = etree.fromstring(zf.read("word/styles.xml"))
        app = zf.read("docProps/app.xml").decode()
        core = zf.read("docProps/core.xml").decode()
    lang = styles.find(f".//{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang is not None and lang.get(qn("w:val")) == "et-EE"
    assert "<Pages>" not in app and "Microsoft" not in app and "ajdiff" in app
    assert "Nõustaja" in core


def test_the_summary_says_its_words_are_estonian_and_news_text_says_what_new_says() -> None:
    """ajdiff's own words (the summary page) are Estonian on their runs; NEW's text keeps NEW's language and
    NEW's styles part comes back byte for byte, its en-US default included (Accept All gives NEW)."""
    old, new = FIXTURES / "002_916340fc2ccdf799.docx", FIXTURES / "004_5d5ea316ff165238.docx"
    data = redline(compare_files(old, new))
    with zipfile.ZipFile(io.BytesIO(data)) as zf, zipfile.ZipFile(new) as base:
        assert zf.read("word/styles.xml") == base.read("word/styles.xml")
        assert b'<w:lang w:val="en-US"' in base.read("word/styles.xml")
        base_langs = len(etree.fromstring(base.read("word/document.xml")).findall(f".//{qn('w:lang')}"))
        root = etree.fromstring(zf.read("word/document.xml"))
    summary = root.find(f".//{qn('w:sdt')}")
    assert summary is not None
    runs = list(summary.iter(qn("w:r")))
    assert len(runs) > 20
    assert {r.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) for r in runs} == {"et-EE"}  # type: ignore[union-attr]
    assert len(root.findall(f".//{qn('w:lang')}")) - len(runs) == base_langs


@pytest.fixture(scope="module")
def sdk_errors() -> dict[str, list[str]]:
    validator.require()
    docx = FIXTURES / f"{SEED['000'].stem}.docx"
    documents = {name: redline(real_result(name)) for name in REAL_PAIRS}
    documents["orders"] = redline(orders_result())
    documents["word-base"] = redline(compare_files(FIXTURES / f"{SEED['001'].stem}.docx", docx, new_annex="2"))
    # OLD's tables and rows copied into NEW's package as deletions (posts abolished), rows moved.
    word_003 = FIXTURES / f"{SEED['003'].stem}.docx"
    documents["word-orders"] = redline(compare_files(docx, word_003, pair=("1=1", "2=4")))
    documents["word-orders-paired"] = redline(compare_files(docx, word_003, pair=ORDER_PAIRS))
    with tempfile.TemporaryDirectory() as folder:
        new_post = edited(edited(edited(BASE, ("move", 2, 5)), ("insert", 3, 1)), ("delete", 8, 0))
        old_file, new_file = write(BASE, Path(folder) / "old.docx"), write(new_post, Path(folder) / "new.docx")
        documents["template-rows"] = redline(compare_files(old_file, new_file))
    return dict(zip(documents, validator.validate_many(list(documents.values()))))


@pytest.mark.parametrize(
    "name", [*REAL_PAIRS, "orders", "word-base", "word-orders", "word-orders-paired", "template-rows"]
)
def test_the_open_xml_sdk_finds_no_error(sdk_errors: dict[str, list[str]], name: str) -> None:
    assert sdk_errors[name] == []
