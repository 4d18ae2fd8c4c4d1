"""One alignment: the redline's body tells the duties' story the comparison tells — each duty paired,
moved, inserted or deleted in the body as in `Comparison.alignment` (read back from the body's revisions
alone, tests/redline/duty_revisions.py); a duty moved and reworded is one move in both, never a
deletion and an insertion; a field changed is one changed paragraph. Both views stay the two documents."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajdiff.api import compare_files
from ajdiff.changes import ChangeKind, ComparisonSet
from ajdiff.redline.oxml import qn
from tests.redline import validator
from tests.redline.duty_revisions import stories
from tests.redline.support import REAL_PAIRS, SEED, document_of, orders_result, real_result, redline
from tests.redline.test_word_tables import _items
from tests.redline.views import Side, document_xml, paragraph_lines, paragraph_text, view
from tests.redline.word_pairs import BASE, Post, edited, moved, post_of, write


def _body(data: bytes):  # type: ignore[no-untyped-def]
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    return body


def _text_lines(post: Post) -> list[str]:
    """The template's post as a text export writes it: a line a field, a duty's task and each result."""
    lines = ["AMETIJUHEND", post.title, "1. Üldosa"]
    lines += [f"{label} {value}" for label, value in post.general]
    lines.append("2. Peamised teenistusülesanded")
    for n, (task, results) in enumerate(post.duties, 1):
        lines += [f"2.{n}. {task}", *(r for r in results if r)]
    lines.append("3. Teenistuskoha täitjale esitatavad nõuded")
    lines += [f"{label} {value}" for label, value in post.requirements]
    return [*lines, post.review]


def _compared(old: Post, new: Post, folder: Path, layout: str) -> tuple[ComparisonSet, Path, Path]:
    if layout == "word":
        a, b = write(old, folder / "old.docx"), write(new, folder / "new.docx")
    else:
        a, b = folder / "old.txt", folder / "new.txt"
        a.write_text("\n".join(_text_lines(old)), encoding="utf-8")
        b.write_text("\n".join(_text_lines(new)), encoding="utf-8")
    return compare_files(a, b), a, b


def _views_are_the_documents(data: bytes, a: Path, b: Path, layout: str) -> None:
    if layout == "word":
        assert _items(data, Side.ACCEPT) == _items(b.read_bytes(), Side.ACCEPT)
        assert _items(data, Side.REJECT) == _items(a.read_bytes(), Side.ACCEPT)
    else:
        assert paragraph_lines(view(data, Side.ACCEPT)) == b.read_text(encoding="utf-8").split("\n")
        assert paragraph_lines(view(data, Side.REJECT)) == a.read_text(encoding="utf-8").split("\n")


def _moved_and_reworded(post: Post, source: int, target: int, word: int) -> Post:
    """Duty `source` moved to place `target` and a word of its task replaced."""
    return edited(moved(post, source, target), ("reword", target, word))


@pytest.mark.parametrize("layout", ["text", "word"])
def test_a_moved_and_reworded_duty_is_one_move_on_the_summary_and_in_the_body(layout: str, tmp_path: Path) -> None:
    """2.3 moved below 2.6 and reworded: the comparison says one move (2.3 → 2.6), and so does the body —
    the duty's task and results moved away from 2.3 and moved to 2.6 (in a Word table, the row), the
    duties between them paired and renumbered, not deleted and inserted."""
    result, a, b = _compared(BASE, _moved_and_reworded(BASE, 2, 5, 3), tmp_path, layout)
    pair = result.pairs[0]
    assert [(c.kind, c.old_number, c.new_number) for c in pair.changes if c.kind is ChangeKind.MOVED] == [
        (ChangeKind.MOVED, "2.3", "2.6")
    ]
    data = redline(result)
    wanted, told = stories(pair, _body(data))
    assert ("move", "2.3", "2.6") in told
    assert {("pair", "2.4", "2.3"), ("pair", "2.5", "2.4"), ("pair", "2.6", "2.5")} <= told
    assert told == wanted
    _views_are_the_documents(data, a, b, layout)


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("name", list(REAL_PAIRS))
def test_the_real_pairs_bodies_tell_their_alignments_story(name: str, suffix: str) -> None:
    """The four real pairs, as text exports and as the seeds' Word files: every duty's story in the body is
    the alignment's (003 Lisa 10 → 11's duty 2.4, rewritten in place, is one reworded duty, not a
    deletion and an insertion)."""
    if suffix == ".txt":
        result = real_result(name)
    else:
        old_seed, old_annex, new_seed, new_annex = REAL_PAIRS[name]
        old, new = SEED[old_seed].with_suffix(suffix), SEED[new_seed].with_suffix(suffix)
        result = compare_files(old, new, old_annex=old_annex, new_annex=new_annex)
    wanted, told = stories(result.pairs[0], _body(redline(result)))
    assert wanted
    assert told == wanted


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["move", "delete", "insert", "reword", "split", "value", "move+reword"]),
        st.integers(0, 20),
        st.integers(0, 20),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS, st.sampled_from(["text", "word"]))
def test_edited_duties_are_in_the_body_as_in_the_alignment(edits: list[tuple[str, int, int]], layout: str) -> None:
    """Duties moved (and reworded), inserted, deleted, reworded, results split, a value replaced, in a text
    export and in Word tables: the body's story of every duty is the alignment's, and both views are
    the two documents."""
    new = BASE
    for kind, i, j in edits:
        if kind == "move+reword":
            n = len(new.duties)
            new = _moved_and_reworded(new, i % n, j % n, i + j)
        else:
            new = edited(new, (kind, i, j))
    with tempfile.TemporaryDirectory() as folder:
        result, a, b = _compared(BASE, new, Path(folder), layout)
        data = redline(result)
        wanted, told = stories(result.pairs[0], _body(data))
        assert told == wanted
        _views_are_the_documents(data, a, b, layout)


def test_a_field_whose_value_is_replaced_whole_is_one_changed_paragraph(tmp_path: Path) -> None:
    """The post's aim replaced by another body's (a text export): the comparison says general.goal was
    modified, and the body has one paragraph 'Teenistuskoha eesmärk …' with OLD's value deleted and NEW's
    inserted in it — the field's paragraphs pair with each other, however unlike their words."""
    other = post_of(document_of("003", "10"))
    goal = dict(other.general)["Teenistuskoha eesmärk"]
    new = replace(BASE, general=tuple((k, goal if k == "Teenistuskoha eesmärk" else v) for k, v in BASE.general))
    result, a, b = _compared(BASE, new, tmp_path, "text")
    assert [(c.path, c.kind) for c in result.pairs[0].changes] == [("general.goal", ChangeKind.MODIFIED)]
    data = redline(result)
    body = [p for p in _body(data).iter(qn("w:p")) if not any(x.tag == qn("w:sdt") for x in p.iterancestors())]
    named = [
        (paragraph_text(p, Side.REJECT)[:21], paragraph_text(p, Side.ACCEPT)[:21])
        for p in body
        if "Teenistuskoha eesmärk" in paragraph_text(p, Side.REJECT) + paragraph_text(p, Side.ACCEPT)
    ]
    assert named == [("Teenistuskoha eesmärk", "Teenistuskoha eesmärk")]
    _views_are_the_documents(data, a, b, "text")


def test_the_open_xml_sdk_finds_no_error_in_moved_duties(tmp_path: Path) -> None:
    """A duty moved and reworded, one moved up with a duty inserted, in a text export (a move range over
    the duty's paragraphs) and in Word tables (a moved row): the Open XML SDK reports nothing."""
    validator.require()
    redlines = []
    for layout in ("text", "word"):
        for new in (_moved_and_reworded(BASE, 2, 5, 3), edited(edited(BASE, ("move", 9, 0)), ("insert", 3, 1))):
            result, _, _ = _compared(BASE, new, tmp_path, layout)
            redlines.append(redline(result))
    assert validator.validate_many(redlines) == [[]] * len(redlines)


def test_posts_paired_in_two_orders_keep_the_alignment_the_body_walks() -> None:
    """Two orders, four posts paired by hand: each pair keeps the comparer's alignment (not only its
    changes), so the body of an order's redline walks each post's duty steps as a single post's does."""
    result = orders_result()
    assert len(result.pairs) == 4
    for pair in result.pairs:
        duties = [step for section in pair.alignment for step in section.steps if step.old_at or step.new_at]
        assert len(duties) >= max(len(pair.old.duties), len(pair.new.duties))
        assert sorted(c.key for s in pair.alignment for c in s.changes) == sorted(c.key for c in pair.changes)
