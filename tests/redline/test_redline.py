"""The redline is NEW's own document with OLD's differences tracked: Accept All gives NEW's paragraphs,
Reject All OLD's, exactly — checked from the XML alone (`views`), for the real pairs of GUIDE.md,
whole orders, Word files as the base, and random edits."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from ajdiff.api import compare_files
from ajdiff.read.formats import read_source
from ajdiff.read.formats.docx import body_paragraphs
from ajdiff.redline.document import RedlineOptions, build_redline
from ajdiff.redline.oxml import qn
from ajdiff.redline.units import text_units
from tests.redline.support import table_file
from tests.redline.views import Side, paragraph_lines, view

FIXTURES = Path(__file__).parents[2] / "fixtures"
SEED = {k: next(FIXTURES.glob(f"{k}_*.txt")) for k in ("000", "001", "002", "003", "004")}
DATE = "2025-01-31T12:00:00+00:00"


def _options(**kw: object) -> RedlineOptions:
    from datetime import datetime

    return RedlineOptions(date=datetime.fromisoformat(DATE), **kw)  # type: ignore[arg-type]  # test kwargs


def _redline(old: Path | str, new: Path | str, **selectors: object) -> bytes:
    result = compare_files(old, new, **selectors)  # type: ignore[arg-type]  # annex selectors and pairs
    return build_redline(result, _options())


def _text_paragraphs(path: Path | str, annex: str | None = None) -> list[str]:
    """A text file's paragraphs as the redline's units; for one annex, that annex's stretch only."""
    from ajdiff.read.parse import parse_source
    from ajdiff.redline.units import segments
    from tests.redline.support import REGISTER_ROW

    source = read_source(path)
    units = [u for u in text_units(source) if not REGISTER_ROW.match(u.text)]
    if annex is None:
        return [u.text for u in units]
    docs = parse_source(source)
    cut = segments(units, docs)
    k = next(i for i, d in enumerate(docs) if d.annex == annex)
    return [units[i].text for i in cut.docs[k]]


def _word_paragraphs(data: bytes) -> list[str]:
    """A Word file's paragraphs as Word shows their runs (list numbers are drawn, not written)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = []
    for p in body_paragraphs(root):
        text = p.text[len(p.label) :].strip() if p.label else p.text
        out.append(text)
    return [t for t in out if t]


def _norm(lines: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in lines if line.strip()]


@pytest.mark.parametrize(
    ("old", "new", "selectors", "old_annex", "new_annex"),
    [
        ("001", "000", {"new_annex": "2"}, None, "2"),
        ("002", "000", {"new_annex": "7"}, None, "7"),
        ("000", "000", {"old_annex": "6", "new_annex": "7"}, "6", "7"),
        ("003", "003", {"old_annex": "10", "new_annex": "11"}, "10", "11"),
    ],
    ids=["001-000-lisa2", "002-000-lisa7", "000-lisa6-lisa7", "003-lisa10-lisa11"],
)
def test_real_pairs_accept_all_is_new_and_reject_all_is_old(
    old: str, new: str, selectors: dict[str, str], old_annex: str | None, new_annex: str | None
) -> None:
    data = _redline(SEED[old], SEED[new], **selectors)
    assert _norm(paragraph_lines(view(data, Side.ACCEPT))) == _norm(_text_paragraphs(SEED[new], new_annex))
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(_text_paragraphs(SEED[old], old_annex))


def test_the_real_pair_tracks_the_changed_words_not_whole_paragraphs() -> None:
    """001 → 000 Lisa 2: 'tasemel C1' → 'vähemalt tasemel C1' is shown, and only a few paragraphs change."""
    data = _redline(SEED["001"], SEED["000"], new_annex="2")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    inserted = ["".join(t.text or "" for t in ins.iter(qn("w:t"))) for ins in root.iter(qn("w:ins"))]
    deleted = ["".join(t.text or "" for t in d.iter(qn("w:delText"))) for d in root.iter(qn("w:del"))]
    assert any("vähemalt" in text for text in inserted)
    assert any("teostamine" in text for text in inserted) and any("täitmine" in text for text in deleted)
    assert any("soovituslikult" in text for text in inserted) and any("soovitavalt" in text for text in deleted)
    # The body holds only the documents' words: no sentence ajdiff composed.
    body = root.find(qn("w:body"))
    assert body is not None
    text = " ".join(t.text or "" for sdt in [body] for t in sdt.iter(qn("w:t")) if not _in_summary(t))
    assert "Vähemalt ühe võõrkeele oskus vähemalt tasemel B1" not in text


def _in_summary(el: etree._Element) -> bool:
    return any(a.tag == qn("w:sdt") for a in el.iterancestors())


def test_whole_orders_with_created_and_abolished_posts() -> None:
    """Two whole orders: every annex compared with its pair, the rest inserted or deleted whole."""
    data = _redline(SEED["000"], SEED["003"], pair=("1=1", "2=4", "3=5", "6=7"))
    assert _norm(paragraph_lines(view(data, Side.ACCEPT))) == _norm(_text_paragraphs(SEED["003"]))
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(_text_paragraphs(SEED["000"]))


def test_a_word_document_is_the_base_and_keeps_its_package() -> None:
    old = FIXTURES / f"{SEED['001'].stem}.docx"
    new = FIXTURES / f"{SEED['000'].stem}.docx"
    data = _redline(old, new, new_annex="2")
    new_bytes = new.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as out, zipfile.ZipFile(io.BytesIO(new_bytes)) as src:
        assert out.read("word/styles.xml") == src.read("word/styles.xml") or b"w:style" in out.read("word/styles.xml")
        src_sect = etree.fromstring(src.read("word/document.xml")).find(f"{qn('w:body')}/{qn('w:sectPr')}")
        out_sect = etree.fromstring(out.read("word/document.xml")).find(f"{qn('w:body')}/{qn('w:sectPr')}")
        assert out_sect is not None and src_sect is not None
        # The same section, but numbered from 1 after the summary page (a section of its own).
        numbering = out_sect.find(qn("w:pgNumType"))
        assert numbering is not None and numbering.attrib.pop(qn("w:start")) == "1"
        if src_sect.find(qn("w:pgNumType")) is None and not numbering.attrib:
            out_sect.remove(numbering)
        assert [(e.tag, dict(e.attrib)) for e in out_sect.iter()] == [(e.tag, dict(e.attrib)) for e in src_sect.iter()]
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(_word_paragraphs(old.read_bytes()))


def _edit(lines: list[str], ops: list[tuple[int, int, str]]) -> list[str]:
    out = list(lines)
    for op, where, word in ops:
        if not out:
            break
        k = where % len(out)
        if op == 0:
            del out[k]
        elif op == 1:
            out.insert(k, f"Uus lõik {word} lisatud siia.")
        elif op == 2:
            words = out[k].split()
            words.insert(where % (len(words) + 1), word)
            out[k] = " ".join(words)
        else:
            out.insert(where % len(out), out.pop(k))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ops=st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 400), st.sampled_from(["kontrollib", "Ameti", "2.9.", "B2"])),
        min_size=1,
        max_size=8,
    )
)
def test_random_edits_accept_and_reject_exactly(tmp_path_factory: pytest.TempPathFactory, ops: list) -> None:
    folder = tmp_path_factory.mktemp("edits")
    lines = SEED["001"].read_text(encoding="utf-8").splitlines()
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text("\n".join(lines), encoding="utf-8")
    new.write_text("\n".join(_edit(lines, ops)), encoding="utf-8")
    data = _redline(old, new)
    assert _norm(paragraph_lines(view(data, Side.ACCEPT))) == _norm(_text_paragraphs(new))
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(_text_paragraphs(old))


def _styled_word_file(path: Path, lines: list[str]) -> None:
    """A Word file in an organisation's own dress: a header, wide margins, its own font, a centred title."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.left_margin, section.right_margin, section.top_margin = Cm(3.5), Cm(1.5), Cm(2.2)
    section.header.paragraphs[0].text = "Sotsiaalkindlustusamet — asutusesiseseks kasutamiseks"
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Georgia", Pt(12)
    title = document.add_paragraph(lines[0])
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in lines[1:]:
        document.add_paragraph(line)
    document.save(str(path))


def test_a_styled_word_file_keeps_its_header_margins_font_and_title(tmp_path: Path) -> None:
    lines = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
    new_lines = [*lines[:10], "Uus lõik, mida vanas ei olnud.", *lines[11:]]
    old, new = tmp_path / "old.txt", tmp_path / "new.docx"
    old.write_text("\n".join(lines), encoding="utf-8")
    _styled_word_file(new, new_lines)
    data = _redline(old, new)
    with zipfile.ZipFile(io.BytesIO(data)) as out, zipfile.ZipFile(new) as src:
        headers = [n for n in src.namelist() if n.startswith("word/header")]
        assert headers and all(out.read(n) == src.read(n) for n in headers)
        assert b"Georgia" in out.read("word/styles.xml")
        src_doc = etree.fromstring(src.read("word/document.xml"))
        out_doc = etree.fromstring(out.read("word/document.xml"))
    margins = [d.find(f".//{qn('w:sectPr')}/{qn('w:pgMar')}") for d in (src_doc, out_doc)]
    assert margins[0] is not None and margins[1] is not None and dict(margins[0].attrib) == dict(margins[1].attrib)
    centred = [p for p in out_doc.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:jc')}") is not None]
    assert centred and lines[0] in "".join(centred[0].itertext())
    assert _norm(paragraph_lines(view(data, Side.ACCEPT))) == _norm(new_lines)
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(lines)


def test_two_folders_give_one_redline_of_every_pair(tmp_path: Path) -> None:
    """Folders: each pair's NEW paragraphs in a clean template, in the order of the pairs, all tracked."""
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir()
    new_dir.mkdir()
    expected_new: list[str] = []
    expected_old: list[str] = []
    for name, annex in (("a", "2"), ("b", "7")):
        lines = [line for line in _text_paragraphs(SEED["000"], annex) if line.strip()]
        changed = [*lines[:5], *(line.replace("ameti", "Ameti") for line in lines[5:])]
        (old_dir / f"{name}.txt").write_text("\n".join(lines), encoding="utf-8")
        (new_dir / f"{name}.txt").write_text("\n".join(changed), encoding="utf-8")
        expected_old += lines
        expected_new += changed
    result = compare_files(old_dir, new_dir)
    assert len(result.pairs) == 2
    data = build_redline(result, _options())
    assert _norm(paragraph_lines(view(data, Side.ACCEPT))) == _norm(expected_new)
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(expected_old)


def test_a_new_table_row_is_an_inserted_row(tmp_path: Path) -> None:
    rows = [("Teenistuskoht", "Ekspert"), ("Struktuuriüksus", "Arendusosakond"), ("Vahetu juht", "Juhataja")]
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    table_file(old, rows)
    table_file(new, [*rows[:2], ("Alluvad", "Spetsialist"), rows[2]])
    data = _redline(old, new)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    inserted = [tr for tr in root.iter(qn("w:tr")) if tr.find(f"{qn('w:trPr')}/{qn('w:ins')}") is not None]
    assert len(inserted) == 1 and "Alluvad" in "".join(inserted[0].itertext())
    assert _norm(paragraph_lines(view(data, Side.ACCEPT))) == _norm(_word_paragraphs(new.read_bytes()))
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(_word_paragraphs(old.read_bytes()))


def test_a_split_paragraph_is_tracked_as_new_breaks_not_new_text(tmp_path: Path) -> None:
    """001's one 'Teadmised …' paragraph is four in 000: the redline inserts breaks, it deletes no word."""
    lines = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
    k = next(n for n, line in enumerate(lines) if len(line.split()) > 12)
    words = lines[k].split()
    third = len(words) // 3
    pieces = [" ".join(words[:third]), " ".join(words[third : 2 * third]), " ".join(words[2 * third :])]
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("\n".join(lines), encoding="utf-8")
    new.write_text("\n".join([*lines[:k], *pieces, *lines[k + 1 :]]), encoding="utf-8")
    data = _redline(old, new)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    body = root.find(qn("w:body"))
    assert body is not None
    deleted = [t.text or "" for t in body.iter(qn("w:delText"))]
    assert deleted and all(not text.strip() for text in deleted)  # only the spaces where the breaks now stand
    marks = body.findall(f".//{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}")
    assert len(marks) == 2
    assert _norm(paragraph_lines(view(data, Side.ACCEPT))) == _norm(_text_paragraphs(new))
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(_text_paragraphs(old))


def test_a_table_row_gone_from_the_new_file_is_a_deleted_row(tmp_path: Path) -> None:
    rows = [("Teenistuskoht", "Ekspert"), ("Alluvad", "Spetsialist"), ("Vahetu juht", "Juhataja")]
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    table_file(old, rows)
    table_file(new, [rows[0], rows[2]])
    data = _redline(old, new)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    deleted = [tr for tr in root.iter(qn("w:tr")) if tr.find(f"{qn('w:trPr')}/{qn('w:del')}") is not None]
    assert len(deleted) == 1 and "Alluvad" in "".join(t.text or "" for t in deleted[0].iter(qn("w:delText")))
    assert _norm(paragraph_lines(view(data, Side.ACCEPT))) == _norm(_word_paragraphs(new.read_bytes()))
    assert _norm(paragraph_lines(view(data, Side.REJECT))) == _norm(_word_paragraphs(old.read_bytes()))
