"""The WordprocessingML layer, compared exactly."""

from __future__ import annotations

from datetime import datetime, timezone

from lxml import etree

from ajdiff.redline import oxml
from ajdiff.redline.oxml import Revisions, Track, qn

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WHO = 'w:author="A" w:date="2025-01-31T12:00:00Z"'


def _rev() -> Revisions:
    return Revisions("A", datetime(2025, 1, 31, 12, 0, tzinfo=timezone.utc))


def _xml(el: etree._Element) -> str:
    return etree.tostring(el, encoding=str)


def test_qn() -> None:
    assert qn("w:ins") == "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ins"
    assert qn("xml:space") == "{http://www.w3.org/XML/1998/namespace}space"


def test_tracked_deletion_uses_del_text_and_insertion_t() -> None:
    rev = _rev()
    assert _xml(oxml.tracked(Track.DEL, " vana ", rev)) == (
        f'<w:del {W} w:id="1" {WHO}><w:r><w:delText xml:space="preserve"> vana </w:delText></w:r></w:del>'
    )
    assert _xml(oxml.tracked(Track.INS, "uus", rev)) == (
        f'<w:ins {W} w:id="2" {WHO}><w:r><w:t xml:space="preserve">uus</w:t></w:r></w:ins>'
    )
    assert "<w:t " in _xml(oxml.tracked(Track.MOVE_FROM, "x", rev))


def test_mark_paragraph_and_row() -> None:
    rev = _rev()
    p = etree.fromstring(f'<w:p {W}><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:p>')
    oxml.mark_paragraph(p, Track.INS, rev)
    assert _xml(p) == (
        f'<w:p {W}><w:pPr><w:pStyle w:val="Normal"/><w:rPr><w:ins w:id="1" {WHO}/></w:rPr></w:pPr></w:p>'
    )
    tr = etree.fromstring(f"<w:tr {W}><w:tc><w:p/></w:tc></w:tr>")
    oxml.mark_row(tr, Track.DEL, rev)
    assert _xml(tr) == f'<w:tr {W}><w:trPr><w:del w:id="2" {WHO}/></w:trPr><w:tc><w:p/></w:tc></w:tr>'


def test_move_range_pairs_start_and_end() -> None:
    start, end = oxml.move_range(Track.MOVE_TO, "m1", _rev())
    assert _xml(start) == f'<w:moveToRangeStart {W} w:id="1" {WHO} w:name="m1"/>'
    assert _xml(end) == f'<w:moveToRangeEnd {W} w:id="1"/>'


def test_illegal_characters_are_dropped() -> None:
    r = oxml.run("a\x01b\nc")
    assert r.find(qn("w:t")).text == "ab c"


def test_track_revisions_switched_on_in_schema_order() -> None:
    from ajdiff.redline.oxml import enable_track_revisions, qn

    settings = etree.fromstring(
        '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/></w:settings>'
    )
    enable_track_revisions(settings)
    enable_track_revisions(settings)  # idempotent
    assert [etree.QName(c).localname for c in settings] == ["zoom", "trackRevisions", "defaultTabStop"]
    assert len(settings.findall(qn("w:trackRevisions"))) == 1


def test_child_look_ups_find_what_elementpath_finds() -> None:
    """first_child, first_at and first_below (lxml's iteration) against `find` (ElementPath) on every element of
    the seeds' main parts, and on a part where a path's first step is there twice."""
    import zipfile

    from ajdiff.redline.oxml import first_at, first_below, first_child
    from tests.redline.support import FIXTURES

    paths = (("w:pPr",), ("w:rPr",), ("w:pPr", "w:rPr"), ("w:pPr", "w:rPr", "w:del"), ("w:tc", "w:p"))
    twice = etree.fromstring(
        f'<w:p xmlns:w="{oxml.W_NS}"><w:pPr/><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
    )
    roots = [etree.fromstring(zipfile.ZipFile(p).read("word/document.xml")) for p in sorted(FIXTURES.glob("*.docx"))]
    checked = 0
    for root in [*roots, twice]:
        for el in root.iter():
            for path in paths:
                tags = [qn(t) for t in path]
                assert first_at(el, *tags) is el.find("/".join(tags))
                checked += 1
            assert first_child(el, qn("w:rPr")) is el.find(qn("w:rPr"))
            assert first_below(el, qn("w:t")) is el.find(f".//{qn('w:t')}")
    assert first_at(twice, qn("w:pPr"), qn("w:rPr"), qn("w:del")) is not None  # found under the second w:pPr
    assert checked > 10_000


def test_a_clone_is_what_deepcopy_makes() -> None:
    import copy

    root = etree.fromstring(f'<w:p xmlns:w="{oxml.W_NS}"><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r>tail</w:p>')
    run = root[0]
    run.tail = "after"
    made, expected = oxml.clone(run), copy.deepcopy(run)
    assert etree.tostring(made) == etree.tostring(expected) == etree.tostring(run)
    assert made is not run and made[0] is not run[0] and made.getparent() is None
