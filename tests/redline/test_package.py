"""The package layer: NEW's own .docx or ajdiff's template, checked by Microsoft's validator and LibreOffice.

Structure is compared exactly; validity is the Open XML SDK's word (tests/redline/validator.py): a
package that the SDK does not open, or opens with schema or semantic errors, fails. The SDK does not
check that style references resolve, so `_undefined_styles` does.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from ajdiff.errors import InputError
from ajdiff.redline import oxml
from ajdiff.redline.oxml import Revisions, Track, qn
from ajdiff.redline.package import Package
from tests.hostile.real_world import make_zip as _zip
from tests.hostile.real_world import zip_members as _members
from tests.redline import validator
from tests.redline.office import DRIVER, SYSTEM_PYTHON, require_libreoffice
from tests.redline.support import DATE, FIXTURES

SEEDS = sorted(FIXTURES.glob("*.docx")) + sorted((FIXTURES / "external").glob("*.docx"))
W = oxml.W_NS
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


# ---------------------------------------------------------------- helpers


def _rewrite(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The same zip with members replaced, or dropped (None)."""
    members = _members(data)
    for name, value in changes.items():
        assert name in members
        if value is None:
            del members[name]
        else:
            members[name] = value
    return _zip(members)


def _xml(data: bytes, member: str) -> etree._Element:
    return etree.fromstring(_members(data)[member])


def _seed(name: str = "000") -> bytes:
    return next(p for p in SEEDS if p.name.startswith(name)).read_bytes()


def _write(pkg: Package, date: datetime = DATE) -> bytes:
    return pkg.to_bytes(title="Muudatuste kokkuvõte", author="ajdiff", date=date)


def _paragraph(pkg: Package, style: str | None, *children: etree._Element) -> etree._Element:
    p = oxml.element("w:p")
    if style:
        ppr = etree.SubElement(p, qn("w:pPr"))
        ppr.append(oxml.element("w:pStyle", val=pkg.style_id(style)))
    p.extend(children)
    return p


def _cell(p: etree._Element) -> etree._Element:
    tc = oxml.element("w:tc")
    etree.SubElement(etree.SubElement(tc, qn("w:tcPr")), qn("w:tcW")).attrib.update(
        {qn("w:w"): "4819", qn("w:type"): "dxa"}
    )
    tc.append(p)
    return tc


def _tracked_sample(pkg: Package) -> None:
    """What a redline holds: a heading, word changes, a moved bullet, an inserted and a deleted row, a comment.

    LibreOffice sees 5 deletions: the word, the moved-away text and, apart from it, its paragraph
    mark, and the deleted row's two cells one each; and 5 insertions, the same on the other side.
    """
    rev = Revisions("ajdiff", DATE)
    pkg.append(_paragraph(pkg, "Title", oxml.run("AMETIJUHEND")))
    pkg.append(_paragraph(pkg, "heading 1", oxml.run("1. Üldosa")))
    pkg.append(
        _paragraph(
            pkg,
            None,
            oxml.run("Teenistuja "),
            oxml.tracked(Track.DEL, "nõustab", rev),
            oxml.tracked(Track.INS, "juhendab", rev),
            oxml.run(" kolleege."),
        )
    )
    start, end = oxml.move_range(Track.MOVE_FROM, "ajdiff-move-1", rev)
    moved_away = _paragraph(pkg, "List Bullet", start, oxml.tracked(Track.MOVE_FROM, "Koostab aruandeid.", rev), end)
    oxml.mark_paragraph(moved_away, Track.DEL, rev)
    pkg.append(moved_away)
    pkg.append(_paragraph(pkg, "List Bullet", oxml.run("Peab arvestust.")))
    start, end = oxml.move_range(Track.MOVE_TO, "ajdiff-move-1", rev)
    moved_here = _paragraph(pkg, "List Bullet", start, oxml.tracked(Track.MOVE_TO, "Koostab aruandeid.", rev), end)
    oxml.mark_paragraph(moved_here, Track.INS, rev)
    pkg.append(moved_here)
    comment = pkg.add_comment("Ülevaataja Õunapuu", "ÜÕ", DATE, "Kas see on õige?\nVaata üle.")
    start, end, ref = oxml.comment_range(comment, ref_style=pkg.style_id("annotation reference"))
    pkg.append(_paragraph(pkg, None, start, oxml.run("Vastutab dokumentide eest."), end, ref))
    table = oxml.element("w:tbl")
    tblpr = etree.SubElement(table, qn("w:tblPr"))
    tblpr.append(oxml.element("w:tblStyle", val=pkg.style_id("Table Grid")))
    tblpr.append(oxml.element("w:tblW", w="9638", type="dxa"))
    grid = etree.SubElement(table, qn("w:tblGrid"))
    for _ in range(2):
        grid.append(oxml.element("w:gridCol", w="4819"))
    for texts, kind in (
        (("Ülesanne", "Tulemus"), None),
        (("Uus ülesanne", "Uus tulemus"), Track.INS),
        (("Vana", "Vana tulemus"), Track.DEL),
    ):
        tr = etree.SubElement(table, qn("w:tr"))
        for text in texts:
            if kind is None:
                tr.append(_cell(_paragraph(pkg, None, oxml.run(text))))
                continue
            p = _paragraph(pkg, None, oxml.tracked(kind, text, rev))
            oxml.mark_paragraph(p, kind, rev)
            tr.append(_cell(p))
        if kind is None:
            oxml.mark_header_row(tr)
        else:
            oxml.mark_row(tr, kind, rev)
    pkg.append(table)
    pkg.append(_paragraph(pkg, None))  # a table may not end the body


def _undefined_styles(data: bytes) -> list[str]:
    """Style ids referenced (document, comments, basedOn/next/link) that styles.xml does not define."""
    members = _members(data)
    styles = etree.fromstring(members["word/styles.xml"])
    defined = {s.get(qn("w:styleId")) for s in styles.iterchildren(qn("w:style"))}
    refs: list[str] = []
    for member in ("word/document.xml", "word/comments.xml"):
        if member in members:
            root = etree.fromstring(members[member])
            refs += [el.get(qn("w:val"), "") for el in root.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))]
    refs += [el.get(qn("w:val"), "") for el in styles.iter(qn("w:basedOn"), qn("w:next"), qn("w:link"))]
    return sorted({r for r in refs if r not in defined})


def _style_names(data: bytes) -> dict[str, str]:
    styles = _xml(data, "word/styles.xml")
    return {
        s.find(qn("w:name")).get(qn("w:val")): s.get(qn("w:styleId"))  # type: ignore[union-attr]
        for s in styles.iterchildren(qn("w:style"))
    }


# ---------------------------------------------------------------- the template


def test_blank_is_a4_with_two_centimetre_margins_in_estonian() -> None:
    data = _write(Package.blank())
    document = _xml(data, "word/document.xml")
    size = document.find(f"{{{W}}}body/{{{W}}}sectPr/{{{W}}}pgSz")
    margins = document.find(f"{{{W}}}body/{{{W}}}sectPr/{{{W}}}pgMar")
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")  # type: ignore[union-attr]
    assert {margins.get(qn(f"w:{side}")) for side in ("top", "right", "bottom", "left")} == {"1134"}  # type: ignore[union-attr]
    defaults = _xml(data, "word/styles.xml").find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "et-EE"  # type: ignore[union-attr]
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Calibri"  # type: ignore[union-attr]


def test_blank_defines_the_redline_and_comment_styles_as_word_names_them() -> None:
    names = _style_names(_write(Package.blank()))
    assert names == {
        "Normal": "Normal",
        "Default Paragraph Font": "DefaultParagraphFont",
        "Normal Table": "TableNormal",
        "No List": "NoList",
        "Title": "Title",
        "Subtitle": "Subtitle",
        "heading 1": "Heading1",
        "heading 2": "Heading2",
        "List Paragraph": "ListParagraph",
        "List Bullet": "ListBullet",
        "Table Grid": "TableGrid",
        "annotation text": "CommentText",
        "Comment Text Char": "CommentTextChar",
        "annotation reference": "CommentReference",
        "annotation subject": "CommentSubject",
        "Comment Subject Char": "CommentSubjectChar",
        "Balloon Text": "BalloonText",
        "Balloon Text Char": "BalloonTextChar",
    }


def test_list_bullet_is_numbered_with_a_bullet() -> None:
    data = _write(Package.blank())
    style = next(s for s in _xml(data, "word/styles.xml").iter(qn("w:style")) if s.get(qn("w:styleId")) == "ListBullet")
    num_id = style.find(f"{{{W}}}pPr/{{{W}}}numPr/{{{W}}}numId").get(qn("w:val"))  # type: ignore[union-attr]
    numbering = _xml(data, "word/numbering.xml")
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))  # type: ignore[union-attr]
    abstract = next(a for a in numbering.iter(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    assert abstract.find(f"{{{W}}}lvl/{{{W}}}numFmt").get(qn("w:val")) == "bullet"  # type: ignore[union-attr]


def test_style_lookup_ignores_case_and_takes_ui_names_and_ids() -> None:
    pkg = Package.blank()
    assert pkg.style_id("Heading 1") == pkg.style_id("heading 1") == pkg.style_id("HEADING 1") == "Heading1"
    assert (
        pkg.style_id("Comment Text") == pkg.style_id("annotation text") == pkg.style_id("CommentText") == "CommentText"
    )
    assert pkg.style_id("table grid") == "TableGrid"
    with pytest.raises(ValueError, match="Fancy Style"):
        pkg.style_id("Fancy Style")


# ---------------------------------------------------------------- NEW's own document


def test_untouched_parts_are_written_back_byte_for_byte() -> None:
    original = _members(_seed())
    written = _members(_write(Package.from_docx(_seed())))
    assert list(written) == list(original)  # same parts, same order: nothing added, nothing lost
    differing = {m for m in original if original[m] != written[m]}
    # Track Changes on, the properties set: nothing else differs (the styles keep NEW's default language too).
    assert differing == {"word/settings.xml", "docProps/core.xml", "docProps/app.xml"}


def test_the_main_part_is_found_through_the_package_relationship() -> None:
    members = _members(_seed())
    members["word/hoofd.xml"] = members.pop("word/document.xml")
    members["word/_rels/hoofd.xml.rels"] = members.pop("word/_rels/document.xml.rels")
    members["_rels/.rels"] = members["_rels/.rels"].replace(b'Target="word/document.xml"', b'Target="/word/hoofd.xml"')
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/hoofd.xml")
    pkg = Package.from_docx(_zip(members))
    assert pkg.main_part == "word/hoofd.xml"
    assert pkg.body.find(f".//{{{W}}}t") is not None
    pkg.add_comment("A", "", DATE, "x")
    data = _write(pkg)
    rels = _xml(data, "word/_rels/hoofd.xml.rels")
    comments = [r for r in rels if r.get("Type", "").endswith("/comments")]
    assert [r.get("Target") for r in comments] == ["comments.xml"]
    assert "word/comments.xml" in _members(data)


def test_missing_styles_part_is_created_with_relationship_and_content_type() -> None:
    seed = _seed()
    rels = _members(seed)["word/_rels/document.xml.rels"]
    root = etree.fromstring(rels)
    for rel in [r for r in root if r.get("Type", "").endswith("/styles")]:
        root.remove(rel)
    data = _rewrite(seed, {"word/styles.xml": None, "word/_rels/document.xml.rels": etree.tostring(root)})
    pkg = Package.from_docx(data)
    assert pkg.style_id("heading 1") == "Heading1"
    out = _write(pkg)
    assert _style_names(out)["heading 1"] == "Heading1"
    types = _xml(out, "[Content_Types].xml")
    assert any(o.get("PartName") == "/word/styles.xml" and o.get("ContentType") == f"{_WML}.styles+xml" for o in types)
    # heading 1 is based on Normal, so Normal came too; the seed's own references (TableGrid …) stay unresolved.
    assert set(_style_names(out)) == {"heading 1", "Normal"}


def test_existing_styles_are_used_under_their_own_ids() -> None:
    seed = _seed()
    styles = _members(seed)["word/styles.xml"].replace(b'w:styleId="Heading1"', b'w:styleId="Pealkiri1"')
    styles = styles.replace(b'w:val="Heading1"', b'w:val="Pealkiri1"')
    base = _rewrite(seed, {"word/styles.xml": styles})
    count = len(_style_names(base))
    pkg = Package.from_docx(base)
    assert pkg.style_id("Heading 1") == "Pealkiri1"
    assert pkg.style_id("Table Grid") == "TableGrid"  # the seed has it
    assert pkg.style_id("annotation text") == "CommentText"  # the seed lacks it: added
    data = _write(pkg)
    names = _style_names(data)
    assert names["heading 1"] == "Pealkiri1" and names["annotation text"] == "CommentText"
    assert names["Comment Text Char"] == "CommentTextChar"  # its linked style came along
    assert len(names) == count + 2
    assert _undefined_styles(data) == []


def test_a_new_style_id_never_takes_an_id_another_style_has() -> None:
    seed = _seed()
    styles = _members(seed)["word/styles.xml"].replace(
        b'<w:name w:val="heading 1"/>', b'<w:name w:val="Pealkiri eriline"/>'
    )
    pkg = Package.from_docx(_rewrite(seed, {"word/styles.xml": styles}))
    assert pkg.style_id("heading 1") == "Heading11"
    names = _style_names(_write(pkg))
    assert names["heading 1"] == "Heading11" and names["Pealkiri eriline"] == "Heading1"


def test_comment_ids_continue_after_the_documents_own() -> None:
    pkg = Package.blank()
    assert [pkg.add_comment("A", "A", DATE, "üks"), pkg.add_comment("B", "", DATE, "kaks")] == [0, 1]
    data = _write(pkg)
    again = Package.from_docx(data)
    assert again.add_comment("C", "C", DATE, "kolm") == 2
    comments = _xml(_write(again), "word/comments.xml")
    assert [c.get(qn("w:author")) for c in comments] == ["A", "B", "C"]
    assert comments[1].get(qn("w:initials")) is None
    assert {p.find(f"{{{W}}}pPr/{{{W}}}pStyle").get(qn("w:val")) for p in comments.iter(qn("w:p"))} == {"CommentText"}  # type: ignore[union-attr]


def test_comment_lines_are_paragraphs_led_by_the_annotation_mark() -> None:
    pkg = Package.blank()
    pkg.add_comment("Ülevaataja", "Ü", DATE, "Esimene rida\nTeine rida")
    comment = _xml(_write(pkg), "word/comments.xml")[0]
    assert comment.get(qn("w:date")) == "2025-01-31T12:00:00Z"
    paragraphs = comment.findall(qn("w:p"))
    assert ["".join(p.itertext()) for p in paragraphs] == ["Esimene rida", "Teine rida"]
    assert paragraphs[0].find(f"{{{W}}}r/{{{W}}}annotationRef") is not None


# ---------------------------------------------------------------- writing


def test_track_changes_and_properties_are_set_and_counts_dropped() -> None:
    data = _write(Package.from_docx(_seed()))
    assert _xml(data, "word/settings.xml").find(qn("w:trackRevisions")) is not None
    core = _xml(data, "docProps/core.xml")
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "cp": core.nsmap["cp"], "dcterms": "http://purl.org/dc/terms/"}
    assert core.findtext("dc:title", namespaces=ns) == "Muudatuste kokkuvõte"
    assert core.findtext("dc:creator", namespaces=ns) == core.findtext("cp:lastModifiedBy", namespaces=ns) == "ajdiff"
    assert (
        core.findtext("dcterms:created", namespaces=ns)
        == core.findtext("dcterms:modified", namespaces=ns)
        == "2025-01-31T12:00:00Z"
    )
    app = _xml(data, "docProps/app.xml")
    local = {etree.QName(c).localname: c.text for c in app}
    assert local["Application"] == "ajdiff"
    assert not {"Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs"} & set(local)
    assert local["Template"] == "Normal.dotm"  # the rest of NEW's properties stay


def test_track_changes_switched_off_in_new_is_switched_on() -> None:
    seed = _seed()
    settings = _members(seed)["word/settings.xml"]
    off = settings.replace(b"<w:defaultTabStop", b'<w:trackRevisions w:val="false"/><w:defaultTabStop', 1)
    assert off != settings
    written = _xml(_write(Package.from_docx(_rewrite(seed, {"word/settings.xml": off}))), "word/settings.xml")
    marks = written.findall(qn("w:trackRevisions"))
    assert len(marks) == 1 and marks[0].get(qn("w:val")) is None


def test_properties_parts_are_created_when_missing() -> None:
    seed = _seed()
    rels = etree.fromstring(_members(seed)["_rels/.rels"])
    for rel in [r for r in rels if "properties" in r.get("Type", "")]:
        rels.remove(rel)
    pkg = Package.from_docx(
        _rewrite(seed, {"docProps/core.xml": None, "docProps/app.xml": None, "_rels/.rels": etree.tostring(rels)})
    )
    data = _write(pkg)
    package_rels = {r.get("Target"): r.get("Type") for r in _xml(data, "_rels/.rels")}
    assert package_rels["docProps/core.xml"].endswith("/metadata/core-properties")
    assert package_rels["docProps/app.xml"].endswith("/extended-properties")
    assert (
        _xml(data, "docProps/app.xml").findtext(f"{{{_xml(data, 'docProps/app.xml').nsmap[None]}}}Application")
        == "ajdiff"
    )


@pytest.mark.parametrize("default", [b'w:val="en-US"', b'w:val="de-DE"', b""])
def test_news_styles_part_comes_back_byte_for_byte_whatever_language_it_says(default: bytes) -> None:
    """NEW's default language is what NEW says of its own text: the redline leaves its styles part as it came
    (Accept All gives NEW), and the words ajdiff writes say their language on their own runs."""
    seed = _seed()
    styles = _members(seed)["word/styles.xml"]
    lang = b'<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    assert lang in styles
    styles = styles.replace(lang, b"" if not default else lang.replace(b'w:val="en-US"', default))
    data = _write(Package.from_docx(_rewrite(seed, {"word/styles.xml": styles})))
    assert _members(data)["word/styles.xml"] == styles


def test_run_language_is_set_in_schema_order_and_a_runs_own_is_kept() -> None:
    p = oxml.element("w:p")
    bare = oxml.run("üks")
    struck = oxml.element("w:rPr")
    etree.SubElement(struck, qn("w:strike"))
    etree.SubElement(struck, qn("w:eastAsianLayout"))
    later = oxml.run("kaks", rpr=struck)
    english = oxml.element("w:rPr")
    etree.SubElement(english, qn("w:lang")).set(qn("w:val"), "en-GB")
    own = oxml.run("three", rpr=english)
    p.extend([bare, later, own])
    oxml.set_run_language(p, "et-EE")
    assert [[etree.QName(c).localname for c in r[0]] for r in p] == [
        ["lang"],
        ["strike", "lang", "eastAsianLayout"],
        ["lang"],
    ]
    assert [r[0].find(qn("w:lang")).get(qn("w:val")) for r in p] == ["et-EE", "et-EE", "en-GB"]  # type: ignore[union-attr]
    assert [etree.QName(r[1]).localname for r in p] == ["t", "t", "t"]  # rPr first in CT_R, the text after it


def test_a_comment_says_its_language_when_asked() -> None:
    pkg = Package.blank()
    pkg.add_comment("Ülevaataja", "Ü", DATE, "Miks muudeti?", lang="et-EE")
    comment = _xml(_write(pkg), "word/comments.xml")[0]
    langs = [r.find(f"{{{W}}}rPr/{{{W}}}lang") for r in comment.iter(qn("w:r"))]
    assert len(langs) == 2 and all(x is not None and x.get(qn("w:val")) == "et-EE" for x in langs)


def test_output_is_the_same_bytes_for_the_same_inputs() -> None:
    def build(base: bytes | None) -> bytes:
        pkg = Package.from_docx(base) if base else Package.blank()
        _tracked_sample(pkg)
        return _write(pkg)

    for base in (None, _seed()):
        first, second = build(base), build(base)
        assert first == second
        with zipfile.ZipFile(io.BytesIO(first)) as zf:
            assert {info.date_time for info in zf.infolist()} == {(2025, 1, 31, 12, 0, 0)}
            assert zf.namelist()[0] == "[Content_Types].xml"
    later = Package.blank()
    _tracked_sample(later)
    assert _write(later, datetime(2025, 2, 1, tzinfo=timezone.utc)) != build(None)


def test_a_template_is_written_as_a_document() -> None:
    seed = _seed()
    types = _members(seed)["[Content_Types].xml"].replace(b"document.main+xml", b"template.main+xml")
    data = _write(Package.from_docx(_rewrite(seed, {"[Content_Types].xml": types})))
    override = next(o for o in _xml(data, "[Content_Types].xml") if o.get("PartName") == "/word/document.xml")
    assert override.get("ContentType") == f"{_WML}.document.main+xml"


# ---------------------------------------------------------------- refusals


def _refusal(data: bytes, **kwargs: int) -> str:
    with pytest.raises(InputError) as exc:
        Package.from_docx(data, name="uus.docx", **kwargs)
    assert exc.value.source == "uus.docx"
    return exc.value.problem


def test_not_a_zip_or_a_damaged_one_is_refused() -> None:
    assert "not a zip archive" in _refusal(b"%PDF-1.7 not a docx")
    assert "damaged or truncated" in _refusal(_seed()[:2000])


def test_a_zip_that_is_no_word_document_is_refused() -> None:
    seed = _seed()
    assert "no [Content_Types].xml" in _refusal(_rewrite(seed, {"[Content_Types].xml": None}))
    assert "no _rels/.rels" in _refusal(_rewrite(seed, {"_rels/.rels": None}))
    no_main = _members(seed)["_rels/.rels"].replace(b"/officeDocument", b"/somethingElse")
    assert "no main document part" in _refusal(_rewrite(seed, {"_rels/.rels": no_main}))
    assert "main part word/document.xml is missing" in _refusal(_rewrite(seed, {"word/document.xml": None}))
    not_body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    assert "has no w:body" in _refusal(_rewrite(seed, {"word/document.xml": not_body}))
    sheet = _members(seed)["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml"
    )
    assert "is application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" in _refusal(
        _rewrite(seed, {"[Content_Types].xml": sheet})
    )


def test_hostile_or_broken_xml_is_refused_before_anything_is_written() -> None:
    seed = _seed()
    bomb = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="x">&a;</w:document>'
    assert "declares a DOCTYPE" in _refusal(_rewrite(seed, {"word/document.xml": bomb}))
    assert "damaged XML in word/styles.xml" in _refusal(_rewrite(seed, {"word/styles.xml": b"<w:styles"}))
    assert "damaged XML in docProps/app.xml" in _refusal(_rewrite(seed, {"docProps/app.xml": b"<Properties"}))
    assert "would inflate" in _refusal(seed, max_bytes=10_000)


def test_macro_and_strict_documents_are_refused() -> None:
    seed = _seed()
    macro = _members(seed)["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    assert "macro-enabled" in _refusal(_rewrite(seed, {"[Content_Types].xml": macro}))
    strict = _members(seed)["word/document.xml"].replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    assert "Strict Open XML" in _refusal(_rewrite(seed, {"word/document.xml": strict}))


def test_the_package_layer_never_imports_python_docx() -> None:
    code = "import sys; import ajdiff.redline.package; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- Microsoft's validator


def _invalid_documents() -> dict[str, bytes]:
    """Broken on purpose, each in one way the SDK must report (the id of its finding is the key)."""
    seed = _seed()
    document = _members(seed)["word/document.xml"]
    bogus = document.replace(b"<w:body>", b"<w:body><w:bogus/>", 1)
    no_author = document.replace(b"<w:body>", b'<w:body><w:p><w:ins w:id="1"><w:r><w:t>x</w:t></w:r></w:ins></w:p>', 1)
    pkg = Package.blank()
    start, end, ref = oxml.comment_range(7)
    pkg.append(_paragraph(pkg, None, start, oxml.run("x"), end, ref))  # a comment that comments.xml lacks
    return {
        "Sch_InvalidElementContentExpectingComplex": _rewrite(seed, {"word/document.xml": bogus}),
        "Sch_MissRequiredAttribute": _rewrite(seed, {"word/document.xml": no_author}),
        "Sem_MissingReferenceElement": _write(pkg),
    }


def _blank_sample() -> bytes:
    pkg = Package.blank()
    _tracked_sample(pkg)
    return _write(pkg)


def _seed_sample(path: Path) -> bytes:
    pkg = Package.from_docx(path.read_bytes(), name=path.name)
    _tracked_sample(pkg)
    return _write(pkg)


@pytest.fixture(scope="module")
def sdk() -> dict[str, list[str]]:
    """The SDK's errors for every document the tests below judge, from one .NET start-up."""
    validator.require()
    documents = {f"invalid:{key}": data for key, data in _invalid_documents().items()}
    documents["blank"] = _write(Package.blank())
    documents["blank+tracked"] = _blank_sample()
    for path in SEEDS:
        documents[f"original:{path.name}"] = path.read_bytes()
        documents[f"plain:{path.name}"] = _write(Package.from_docx(path.read_bytes()))
        documents[f"tracked:{path.name}"] = _seed_sample(path)
    return dict(zip(documents, validator.validate_many(list(documents.values()))))


@pytest.mark.parametrize(
    "finding", ["Sch_InvalidElementContentExpectingComplex", "Sch_MissRequiredAttribute", "Sem_MissingReferenceElement"]
)
def test_the_validator_reports_a_broken_package(sdk: dict[str, list[str]], finding: str) -> None:
    errors = sdk[f"invalid:{finding}"]
    assert errors and all(f"[{finding}]" in e for e in errors), errors


def test_the_template_with_every_kind_of_change_is_valid(sdk: dict[str, list[str]]) -> None:
    assert sdk["blank"] == []
    assert sdk["blank+tracked"] == []
    assert _undefined_styles(_blank_sample()) == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_new_documents_gain_no_errors(sdk: dict[str, list[str]], seed: Path) -> None:
    before = sdk[f"original:{seed.name}"]
    for variant in ("plain", "tracked"):
        added = [e for e in sdk[f"{variant}:{seed.name}"] if e not in before]
        assert added == [], f"{variant}: the package added errors; the original already had {before}"
    assert _undefined_styles(_seed_sample(seed)) == []


# ---------------------------------------------------------------- LibreOffice


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """LibreOffice's view of the template with changes, and of seed 000 with the same changes."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("lo-package")
    files = {"blank": _blank_sample(), "seed": _seed_sample(SEEDS[0])}
    paths = {}
    for key, data in files.items():
        path = folder / f"{key}.docx"
        path.write_bytes(data)
        paths[str(path)] = key
    proc = subprocess.run(
        [SYSTEM_PYTHON, str(DRIVER), "--inspect", *paths], capture_output=True, text=True, timeout=180, cwd=folder
    )
    assert proc.returncode == 0, proc.stderr
    return {paths[p]: entry for p, entry in json.loads(proc.stdout).items()}


@pytest.mark.parametrize("key", ["blank", "seed"])
def test_libreoffice_sees_every_tracked_change_and_the_comment(office: dict[str, dict], key: str) -> None:
    assert office[key]["redlines"] == {"Delete": 5, "Insert": 5}  # see _tracked_sample
    assert office[key]["comments"] == 1


def test_libreoffice_finds_the_comment_styles(office: dict[str, dict]) -> None:
    for key in ("blank", "seed"):
        styles = office[key]["styles"]
        assert {"annotation text", "annotation subject", "Balloon Text", "List Bullet", "Title"} <= set(
            styles["paragraph"]
        )
        assert {"annotation reference", "Comment Text Char"} <= set(styles["character"])
