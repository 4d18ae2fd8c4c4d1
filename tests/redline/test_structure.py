"""Structural checks of produced files: ids, delText placement, cells, moves, comments, attributes."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

import pytest
from lxml import etree

from ajdiff.changes import ComparisonSet
from ajdiff.redline.build import RedlineOptions, build_redline
from ajdiff.redline.layout import LayoutOptions
from ajdiff.redline.oxml import REVISION_TAGS, qn
from tests.redline.support import DATE, REAL_PAIRS, moved_pair, real_pair
from tests.redline.views import document_xml

_ID_TAGS = (*REVISION_TAGS, qn("w:moveFromRangeStart"), qn("w:moveToRangeStart"))


def _redline(name: str, **layout: object) -> bytes:
    options = RedlineOptions(author="Tester", date=DATE, layout=LayoutOptions(**layout))  # type: ignore[arg-type]
    return build_redline(ComparisonSet(pairs=(real_pair(name),)), options)


@pytest.fixture(scope="module", params=[(n, m) for n in REAL_PAIRS for m in (True, False)], ids=str)
def root(request: pytest.FixtureRequest) -> etree._Element:
    name, moves = request.param
    return document_xml(_redline(name, show_editorial=True, moves=moves))


def test_revision_ids_are_unique(root: etree._Element) -> None:
    ids = Counter(el.get(qn("w:id")) for el in root.iter(*_ID_TAGS))
    assert ids, "a real pair has changes"
    assert [i for i, n in ids.items() if n > 1] == []
    assert None not in ids


def test_del_text_only_inside_del(root: etree._Element) -> None:
    for el in root.iter(qn("w:delText")):
        assert el.getparent().getparent().tag == qn("w:del")
    for wrapper in root.iter(qn("w:del")):
        if wrapper.getparent().tag == qn("w:rPr") or wrapper.getparent().tag == qn("w:trPr"):
            continue
        assert list(wrapper.iter(qn("w:t"))) == []


def test_every_cell_ends_with_a_paragraph(root: etree._Element) -> None:
    cells = list(root.iter(qn("w:tc")))
    assert cells
    for tc in cells:
        assert tc[-1].tag == qn("w:p")


def test_revisions_carry_author_date_and_preserved_space(root: etree._Element) -> None:
    for el in root.iter(*REVISION_TAGS):
        assert el.get(qn("w:author")) == "Tester"
        assert el.get(qn("w:date")) == "2025-01-31T12:00:00Z"
    for t in root.iter(qn("w:t"), qn("w:delText")):
        assert t.get(qn("xml:space")) == "preserve"


def test_marks_and_rows_are_tracked_where_units_are_added_or_removed() -> None:
    root = document_xml(_redline("002-000L7", show_editorial=True))
    assert root.findall(f".//{qn('w:trPr')}/{qn('w:ins')}"), "an added duty is an inserted row"
    assert root.findall(f".//{qn('w:trPr')}/{qn('w:del')}"), "a removed duty is a deleted row"
    assert root.findall(f".//{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}"), "an added result has an inserted mark"
    assert root.findall(f".//{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}"), "a removed result has a deleted mark"


def test_moved_duties_are_moves_with_named_ranges_or_plain_with_no_moves() -> None:
    pair = moved_pair()
    assert any(c.kind.value == "moved" for c in pair.changes)

    def root(moves: bool) -> etree._Element:
        options = RedlineOptions(date=DATE, layout=LayoutOptions(show_editorial=True, moves=moves))
        return document_xml(build_redline(ComparisonSet(pairs=(pair,)), options))

    moved = root(True)
    starts = {el.get(qn("w:name")) for el in moved.iter(qn("w:moveFromRangeStart"))}
    assert starts and starts == {el.get(qn("w:name")) for el in moved.iter(qn("w:moveToRangeStart"))}
    for kind in ("moveFrom", "moveTo"):
        start_ids = {el.get(qn("w:id")) for el in moved.iter(qn(f"w:{kind}RangeStart"))}
        assert start_ids == {el.get(qn("w:id")) for el in moved.iter(qn(f"w:{kind}RangeEnd"))}
    assert list(moved.iter(qn("w:moveFrom"))) and list(moved.iter(qn("w:moveTo")))
    plain = root(False)
    assert list(plain.iter(qn("w:moveFrom"), qn("w:moveTo"), qn("w:moveFromRangeStart"))) == []


def test_summary_page_is_not_tracked_and_comes_first() -> None:
    body = document_xml(_redline("001-000L2")).find(qn("w:body"))
    assert body is not None
    page_break = f".//{qn('w:br')}[@{qn('w:type')}='page']"
    first_break = next(i for i, el in enumerate(body) if el.find(page_break) is not None)
    summary = body[:first_break]
    assert "Muudatuste kokkuvõte" in "".join(summary[0].itertext())
    assert all(not list(el.iter(*REVISION_TAGS)) for el in summary)


def test_file_is_a_valid_package_with_settings_and_styles() -> None:
    data = _redline("003L10-003L11")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        assert {"word/document.xml", "word/styles.xml", "[Content_Types].xml"} <= names
        etree.fromstring(zf.read("word/document.xml"))
