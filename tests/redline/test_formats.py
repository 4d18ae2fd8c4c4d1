"""OLD's own formatting comes back on Reject All: the deleted words of a reworded paragraph are in OLD's
runs' formatting (a bold word deleted is bold), the kept and inserted words in NEW's; OLD's numbered
paragraphs (Word's automatic numbering, `w:numPr`) come back numbered, not with the number typed in."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ajdiff.api import compare_files
from ajdiff.redline.oxml import qn
from tests.redline.support import redline
from tests.redline.views import Side, document_xml, paragraph_text


def _runs(p) -> list[tuple[str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """(revision or '', text, bold, italic) of each run of a paragraph with text."""
    out = []
    for r in p.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t"), qn("w:delText")))
        if not text:
            continue
        parent = r.getparent()
        kind = parent.tag.split("}")[1] if parent.tag in (qn("w:ins"), qn("w:del")) else ""
        rpr = r.find(qn("w:rPr"))
        bold = rpr is not None and rpr.find(qn("w:b")) is not None
        italic = rpr is not None and rpr.find(qn("w:i")) is not None
        out.append((kind, text, bold, italic))
    return out


def test_deleted_words_keep_olds_bold_and_kept_words_news_italic(tmp_path: Path) -> None:
    """OLD: 'Koostab **kvartaalse** aruande ja esitab selle juhile.'; NEW: 'Koostab aruande ja esitab
    *selle* juhile igal nädalal.' The deleted 'kvartaalse' is bold as in OLD, the kept 'selle' italic as in
    NEW, the rest plain — not every run in the first run's format."""
    import docx

    def document(parts: list[tuple[str, str]], name: str) -> Path:
        d = docx.Document()
        d.add_paragraph("AMETIJUHEND")
        d.add_paragraph("2. Peamised teenistusülesanded")
        p = d.add_paragraph()
        for text, style in parts:
            r = p.add_run(text)
            r.bold, r.italic = style == "b" or None, style == "i" or None
        d.add_paragraph("3. Teenistuskoha täitjale esitatavad nõuded")
        path = tmp_path / name
        d.save(str(path))
        return path

    old = document([("2.1. Koostab ", ""), ("kvartaalse", "b"), (" aruande ja esitab selle juhile.", "")], "old.docx")
    new = document([("2.1. Koostab aruande ja esitab ", ""), ("selle", "i"), (" juhile igal nädalal.", "")], "new.docx")
    root = document_xml(redline(compare_files(old, new)))
    (p,) = [p for p in root.iter(qn("w:p")) if paragraph_text(p, Side.REJECT).startswith("2.1. Koostab")]
    assert paragraph_text(p, Side.REJECT) == "2.1. Koostab kvartaalse aruande ja esitab selle juhile."
    assert paragraph_text(p, Side.ACCEPT) == "2.1. Koostab aruande ja esitab selle juhile igal nädalal."
    runs = _runs(p)
    deleted = [r for r in runs if r[0] == "del"]
    assert [text.strip() for _, text, bold, _ in deleted if bold] == ["kvartaalse"]
    assert [(text, italic) for kind, text, _, italic in runs if "selle" in text] == [("selle", True)]
    assert not any(bold for kind, text, bold, _ in runs if kind != "del")
    assert not any(italic for _, text, _, italic in runs if "selle" not in text)


_DECIMAL_LIST = (
    '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="{a}">'
    '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="4.%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr>'
    "</w:lvl></w:abstractNum>"
)


def _numbered_document(path: Path, items: list[str], numbered: bool) -> Path:
    """Rights as Word's automatic list '4.1.', '4.2.' … (`w:numPr` of a decimal list), or typed in."""
    import docx
    from lxml import etree as lxml_etree

    d = docx.Document()
    d.add_paragraph("AMETIJUHEND")
    d.add_paragraph("4. Õigused")
    num_id = "0"
    if numbered:
        numbering = d.part.numbering_part.element
        numbering.insert(0, lxml_etree.fromstring(_DECIMAL_LIST.format(a=90)))
        num_id = "91"
        num = lxml_etree.SubElement(numbering, qn("w:num"))
        num.set(qn("w:numId"), num_id)
        lxml_etree.SubElement(num, qn("w:abstractNumId")).set(qn("w:val"), "90")
    for k, item in enumerate(items, 1):
        p = d.add_paragraph(item if numbered else f"4.{k}. {item}")
        if numbered:
            ppr = p._p.get_or_add_pPr()
            numpr = lxml_etree.SubElement(ppr, qn("w:numPr"))
            lxml_etree.SubElement(numpr, qn("w:ilvl")).set(qn("w:val"), "0")
            lxml_etree.SubElement(numpr, qn("w:numId")).set(qn("w:val"), num_id)
    d.add_paragraph("5. Vastutus")
    d.save(str(path))
    return path


@pytest.mark.parametrize("new_numbered", [True, False], ids=["same-list", "list-only-in-old"])
def test_olds_deleted_numbered_paragraph_comes_back_numbered(new_numbered: bool, tmp_path: Path) -> None:
    """OLD's right '4.2. Teha ettepanekuid …' (Word's automatic numbering) that NEW lacks comes back as a
    deleted paragraph numbered by a decimal '4.%1.' list of the redline's own package — NEW's list when
    NEW numbers its rights with it, else OLD's list copied in — with no number typed into its words."""
    items = ["Saada tööks vajalikku teavet.", "Teha ettepanekuid töö korraldamiseks.", "Osaleda koolitustel."]
    old = _numbered_document(tmp_path / "old.docx", items, True)
    new = _numbered_document(tmp_path / "new.docx", [items[0], items[2]], new_numbered)
    data = redline(compare_files(old, new))
    root = document_xml(data)
    body = [p for p in root.iter(qn("w:p")) if not any(a.tag == qn("w:sdt") for a in p.iterancestors())]
    (p,) = [p for p in body if "Teha ettepanekuid" in paragraph_text(p, Side.REJECT)]
    assert paragraph_text(p, Side.REJECT) == "Teha ettepanekuid töö korraldamiseks."
    assert paragraph_text(p, Side.ACCEPT) == ""
    num_id = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        numbering = etree.fromstring(zf.read("word/numbering.xml"))
    (num,) = [n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id]
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    (abstract,) = [a for a in numbering.iter(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id]
    level = abstract.find(qn("w:lvl"))
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "decimal"
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == "4.%1."
    if not new_numbered:
        # OLD's list copied in: the restored item starts it at its own number, 2 (4.2), not at 1.
        starts = [o.get(qn("w:val")) for o in num.iter(qn("w:startOverride"))]
        assert starts == ["2"]
    if new_numbered:
        # One list with NEW's kept rights: Reject All counts 4.1, 4.2, 4.3 again.
        kept = [q for q in body if paragraph_text(q, Side.ACCEPT) == items[0]]
        assert kept[0].find(f".//{qn('w:numId')}").get(qn("w:val")) == num_id
