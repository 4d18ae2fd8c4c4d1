"""The paragraph script the redline walks: every paragraph of each side once, splits and merges as
changed breaks, moves word for word, word diffs that rebuild both sides."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ajdiff.changes import SpanOp
from ajdiff.compare.script import EditKind, paragraph_script

WORDS = ["ameti", "kriisiplaan", "ülesanded", "täidetud", "juhend", "on", "ja", "koostöö", "tähtaegselt", "Riigi"]


def _covered(script, old: list[str], new: list[str]) -> tuple[list[int], list[int]]:
    olds, news = [], []
    for e in script:
        if e.kind in (EditKind.SAME, EditKind.PAIR):
            olds.append(e.old)
            news.append(e.new)
        elif e.kind is EditKind.SPLIT:
            olds.append(e.old)
            news += range(e.new, e.new + e.width)
        elif e.kind is EditKind.MERGE:
            olds += range(e.old, e.old + e.width)
            news.append(e.new)
        elif e.kind in (EditKind.DELETE, EditKind.MOVE_FROM):
            olds.append(e.old)
        else:
            news.append(e.new)
    return sorted(olds), sorted(news)


def _side(spans, op: SpanOp) -> str:
    return "".join(s.text for s in spans if s.op is not op)


paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(old=st.lists(paragraph, max_size=12), new=st.lists(paragraph, max_size=12))
def test_every_paragraph_of_each_side_is_in_the_script_once(old: list[str], new: list[str]) -> None:
    script = paragraph_script(old, new)
    olds, news = _covered(script, old, new)
    assert olds == list(range(len(old)))
    assert news == list(range(len(new)))
    for e in script:
        if e.kind is EditKind.PAIR:
            assert _side(e.spans, SpanOp.INSERT) == old[e.old] and _side(e.spans, SpanOp.DELETE) == new[e.new]
        if e.kind is EditKind.SPLIT:
            assert _side(e.spans, SpanOp.INSERT) == old[e.old]
            assert _side(e.spans, SpanOp.DELETE) == " ".join(new[e.new : e.new + e.width])
        if e.kind is EditKind.MERGE:
            assert _side(e.spans, SpanOp.INSERT) == " ".join(old[e.old : e.old + e.width])


def test_a_paragraph_cut_in_three_is_one_split() -> None:
    old = ["Pealkiri", "Teadmised seadustest. Töö planeerimise oskus. Vilunud kasutaja.", "Lõpp"]
    new = ["Pealkiri", "Teadmised seadustest", "Töö planeerimise oskus.", "Vilunud kasutaja.", "Lõpp"]
    script = paragraph_script(old, new)
    splits = [e for e in script if e.kind is EditKind.SPLIT]
    assert len(splits) == 1 and splits[0].new == 1 and splits[0].width == 3
    assert splits[0].editorial  # only a full stop differs
    assert [e.kind for e in script].count(EditKind.INSERT) == 0


def test_two_paragraphs_run_together_are_one_merge() -> None:
    old = ["Vastutus tööülesannete täitmise eest ning muu", "juurdepääsupiiranguga teabe hoidmise eest."]
    new = ["Vastutus tööülesannete täitmise eest ning muu juurdepääsupiiranguga teabe hoidmise eest."]
    (edit,) = paragraph_script(old, new)
    assert edit.kind is EditKind.MERGE and edit.old == 0 and edit.width == 2 and edit.editorial


def test_a_split_stays_within_one_container() -> None:
    """A label cell and a value cell: a break between them cannot come or go, so no split."""
    old = ["Teenistuja asendaja talituse juhataja"]
    new = ["Teenistuja asendaja", "talituse juhataja"]
    assert any(e.kind is EditKind.SPLIT for e in paragraph_script(old, new))
    assert not any(e.kind is EditKind.SPLIT for e in paragraph_script(old, new, new_groups=[1, 2]))


def test_a_paragraph_moved_word_for_word_is_a_move() -> None:
    old = ["Üks kaks kolm neli", "Viis kuus seitse", "Kaheksa üheksa kümme üksteist"]
    new = ["Viis kuus seitse", "Kaheksa üheksa kümme üksteist", "Üks kaks kolm neli"]
    kinds = [e.kind for e in paragraph_script(old, new)]
    assert EditKind.MOVE_FROM in kinds and EditKind.MOVE_TO in kinds
    assert EditKind.DELETE not in kinds and EditKind.INSERT not in kinds
    assert not any(
        k in (EditKind.MOVE_FROM, EditKind.MOVE_TO) for k in [e.kind for e in paragraph_script(old, new, moves=False)]
    )
