"""The paragraph script the redline walks: every paragraph of each side once, splits and merges as
changed breaks, moves word for word, word diffs that rebuild both sides."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ajdiff.changes import SpanOp
from ajdiff.compare.script import Claim, ClaimKind, EditKind, aligned_script, paragraph_script

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


@st.composite
def _claimed(draw):  # type: ignore[no-untyped-def]
    """OLD's and NEW's paragraphs in blocks (a unit's task and results, or a paragraph no unit holds), and
    the claims of the units: on both sides (paired, maybe out of order), or on one (inserted, deleted)."""
    units = draw(st.integers(0, 6))
    old_units = list(range(units))
    new_units = [u for u in old_units if draw(st.booleans()) or u % 3]  # some deleted
    new_units = draw(st.permutations(new_units)) if draw(st.booleans()) else new_units  # moved
    new_units += list(range(units, units + draw(st.integers(0, 2))))  # inserted
    new_units = [*new_units[::2], *new_units[1::2]] if draw(st.booleans()) else new_units

    def side(order: list[int]) -> tuple[list[str], dict[int, list[int]]]:
        texts: list[str] = []
        held: dict[int, list[int]] = {}
        for unit in order:
            for _ in range(draw(st.integers(0, 2))):
                texts.append(draw(paragraph))  # free paragraphs between the units
            for _ in range(draw(st.integers(1, 3))):
                held.setdefault(unit, []).append(len(texts))
                texts.append(draw(paragraph))
        return texts, held

    old, held_old = side(old_units)
    new, held_new = side(new_units)
    claims = []
    for unit in dict.fromkeys([*old_units, *new_units]):
        a, b = tuple(held_old.get(unit, ())), tuple(held_new.get(unit, ()))
        kind = ClaimKind.PAIR if a and b else ClaimKind.DELETE if a else ClaimKind.INSERT
        claims.append(Claim(kind, a, b))
    return old, new, claims


@settings(max_examples=200, deadline=None)
@given(_claimed())
def test_the_aligned_script_keeps_every_units_paragraphs_to_its_own_step(case) -> None:  # type: ignore[no-untyped-def]
    """Each paragraph once, NEW's in NEW's order; a paired unit's paragraphs pair only with its own, or all
    move as one move (out of order); an inserted or deleted unit's paragraphs are inserted or deleted;
    the paragraphs no unit holds pair only with one another."""
    old, new, claims = case
    script = aligned_script(old, new, claims)
    olds, news = _covered(script, old, new)
    assert olds == list(range(len(old)))
    assert news == list(range(len(new)))
    assert [e.new for e in script if e.new is not None] == sorted(e.new for e in script if e.new is not None)
    owner_old = {i: n for n, c in enumerate(claims) for i in c.old}
    owner_new = {j: n for n, c in enumerate(claims) for j in c.new}
    moves: dict[int, set[int | None]] = {}
    for e in script:
        if e.kind in (EditKind.SAME, EditKind.PAIR, EditKind.SPLIT, EditKind.MERGE):
            assert owner_old.get(e.old) == owner_new.get(e.new)
        elif e.kind is EditKind.MOVE_FROM:
            moves.setdefault(e.move, set()).add(owner_old.get(e.old))
        elif e.kind is EditKind.MOVE_TO:
            moves.setdefault(e.move, set()).add(owner_new.get(e.new))
        elif e.kind is EditKind.DELETE and e.old in owner_old:
            assert claims[owner_old[e.old]].kind is not ClaimKind.INSERT
        elif e.kind is EditKind.INSERT and e.new in owner_new:
            assert claims[owner_new[e.new]].kind is not ClaimKind.DELETE
    assert all(len(owners) == 1 for owners in moves.values())
    for claim in claims:
        if claim.kind is ClaimKind.DELETE:
            assert {e.kind for e in script if e.old in claim.old and e.new is None} == {EditKind.DELETE}
        if claim.kind is ClaimKind.INSERT:
            assert {e.kind for e in script if e.new in claim.new and e.old is None} == {EditKind.INSERT}
