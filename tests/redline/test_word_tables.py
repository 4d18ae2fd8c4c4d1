"""Word job descriptions of the template (tests/redline/word_pairs.py), edited as a drafter edits them —
a duty row inserted, deleted, moved or reworded, a result split in two, a value replaced — and
redlined: Accept All gives NEW's tables and Reject All OLD's, row by row, cell by cell, paragraph by
paragraph, word for word (pure-Python views of the XML; LibreOffice judges the same pairs in
test_libreoffice.py)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajdiff.api import compare_files
from ajdiff.redline.oxml import qn
from tests.redline.support import redline
from tests.redline.views import Side, TableRow, document_xml, view
from tests.redline.word_pairs import BASE, Post, edited, moved, post_of, write


def _items(data: bytes, side: Side) -> list[object]:
    """The body's tables row by row and its non-empty paragraphs, spaces normalised."""
    out: list[object] = []
    for item in view(data, side):
        if isinstance(item, TableRow):
            out.append(tuple(tuple(" ".join(p.split()) for p in cell) for cell in item.cells))
        elif item.strip():
            out.append(" ".join(item.split()))
    return out


def _redline_views(old: Post, new: Post) -> tuple[list[object], list[object], list[object], list[object]]:
    with tempfile.TemporaryDirectory() as folder:
        a, b = write(old, Path(folder) / "old.docx"), write(new, Path(folder) / "new.docx")
        data = redline(compare_files(a, b))
        return (
            _items(data, Side.ACCEPT),
            _items(data, Side.REJECT),
            _items(b.read_bytes(), Side.ACCEPT),
            _items(a.read_bytes(), Side.ACCEPT),
        )


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["move", "delete", "insert", "reword", "split", "value"]),
        st.integers(0, 20),
        st.integers(0, 20),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_edited_rows_and_cells_accept_to_new_and_reject_to_old(edits: list[tuple[str, int, int]]) -> None:
    new = BASE
    for edit in edits:
        new = edited(new, edit)
    accepted, rejected, new_items, old_items = _redline_views(BASE, new)
    assert accepted == new_items
    assert rejected == old_items


def test_a_moved_duty_row_comes_back_as_a_row() -> None:
    """2.3 moved below 2.6 (the issue's case): Reject All gives OLD's 12 duty rows, each whole."""
    accepted, rejected, new_items, old_items = _redline_views(BASE, moved(BASE, 2, 5))
    assert rejected == old_items
    assert accepted == new_items


def test_a_deleted_word_paragraph_keeps_its_own_hyphens_tabs_and_properties(tmp_path: Path) -> None:
    """OLD's paragraph NEW lacks is OLD's own runs and paragraph properties, deleted: its non-breaking
    hyphen ('5‑aastane'), its tab and its centring come back on Reject All, not plain text."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    def document(with_extra: bool) -> Path:
        d = docx.Document()
        d.add_paragraph("AMETIJUHEND")
        d.add_paragraph("1. Üldosa")
        d.add_paragraph("Teenistuskoht: Ekspert")
        if with_extra:
            p = d.add_paragraph("Vähemalt 5")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run()
            run._r.append(OxmlElement("w:noBreakHyphen"))
            p.add_run("aastane töökogemus")
            p.add_run().add_tab()
            p.add_run("avalikus teenistuses.")
        d.add_paragraph("2. Peamised teenistusülesanded")
        d.add_paragraph("2.1. Dokumentide menetlemine ja arhiveerimine.")
        path = tmp_path / f"{'old' if with_extra else 'new'}.docx"
        d.save(str(path))
        return path

    old, new = document(True), document(False)
    root = document_xml(redline(compare_files(old, new)))
    deleted = [p for p in root.iter(qn("w:p")) if "".join(p.itertext()).startswith("Vähemalt 5")]
    assert len(deleted) == 1
    p = deleted[0]
    assert [el.getparent().getparent().tag for el in p.iter(qn("w:noBreakHyphen"), qn("w:tab"))] == [qn("w:del")] * 2
    assert p.find(f"{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == "center"
    assert p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None


EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"


def _external_posts() -> list[Path]:
    """The external corpus's posts with duties enough to move, insert and delete rows."""
    from ajdiff.api import load

    return [f for f in sorted(EXTERNAL.glob("*.txt")) if len(load(f)[0].duties) >= 3]


@pytest.mark.parametrize("path", _external_posts(), ids=lambda p: p.stem)
def test_other_bodies_posts_in_the_template_redline_to_their_tables(path: Path, tmp_path: Path) -> None:
    """Posts of other bodies (fixtures/external) in the template, a duty row moved, one inserted, one
    deleted, a result split, a value replaced and a task reworded: both views are the two files."""
    from ajdiff.api import load

    old = post_of(load(path)[0])
    rnd = random.Random(path.name)  # the same edits on every run
    new = old
    for kind in ("move", "insert", "delete", "split", "value", "reword"):
        new = edited(new, (kind, rnd.randrange(20), rnd.randrange(20)))
    a, b = write(old, tmp_path / "old.docx"), write(new, tmp_path / "new.docx")
    data = redline(compare_files(a, b))
    assert _items(data, Side.ACCEPT) == _items(b.read_bytes(), Side.ACCEPT)
    assert _items(data, Side.REJECT) == _items(a.read_bytes(), Side.ACCEPT)
