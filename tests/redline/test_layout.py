"""The pure block model: merging two orders and which paragraph marks to track."""

from __future__ import annotations

import itertools

import pytest

from ajdiff.compare.align import Match
from ajdiff.redline.layout import Presence, Step, language_text, merge, merge_keys, paragraph_marks

B, N, OLD = Presence.BOTH, Presence.NEW, Presence.OLD


def test_merge_keeps_both_orders_and_puts_removals_before_additions() -> None:
    # old a b c, new a x c: b removed, x added, between the anchors a and c.
    steps = merge([Match(0, 0), Match(1, None), Match(None, 1), Match(2, 2)], 3, 3)
    assert steps == [Step(0, 0, B), Step(1, None, OLD), Step(None, 1, N), Step(2, 2, B)]


def test_merge_turns_crossing_pairs_into_moves_or_removal_and_addition() -> None:
    matches = [Match(0, 1), Match(1, 0)]
    moved = merge(matches, 2, 2, moves=True)
    assert [s.presence for s in moved].count(Presence.MOVED_FROM) == 1
    assert {s.link for s in moved if s.link is not None} == {0}
    plain = merge(matches, 2, 2, moves=False)
    assert {s.presence for s in plain} == {B, OLD, N}


def test_merge_with_anchor_pairs_when_nothing_matches() -> None:
    assert merge([Match(0, None), Match(None, 0)], 1, 1, anchor=True) == [Step(0, 0, B)]
    assert merge([Match(0, None), Match(None, 0)], 1, 1) == [Step(0, None, OLD), Step(None, 0, N)]


def test_merge_keys_pairs_equal_keys() -> None:
    steps = merge_keys(["en", "et"], ["et", "ru"])
    assert [(s.old, s.new, s.presence) for s in steps] == [(0, None, OLD), (1, 0, B), (None, 1, N)]


def _simulate(presences: tuple[Presence, ...], marks: list[Presence], side: str) -> list[str]:
    """Accept (side 'new') or reject ('old') a container of one-letter paragraphs, Word's way."""
    keep = (lambda p: p.in_new) if side == "new" else (lambda p: p.in_old)
    out, pending = [], ""
    for k, (presence, mark) in enumerate(zip(presences, marks)):
        text = pending + (str(k) if keep(presence) else "")
        if mark is not B and not keep(mark):
            pending = text
        else:
            out.append(text)
            pending = ""
    assert pending == ""
    return out


@pytest.mark.parametrize("length", range(1, 7))
def test_paragraph_marks_rebuild_both_sides_for_every_sequence(length: int) -> None:
    for presences in itertools.product((B, N, OLD), repeat=length):
        if B not in presences and N in presences and OLD in presences:
            with pytest.raises(ValueError):
                paragraph_marks(presences)
            continue
        marks = paragraph_marks(presences)
        assert marks[-1] is B, "the last mark of a container is never tracked"
        for side, keep in (("new", lambda p: p.in_new), ("old", lambda p: p.in_old)):
            expected = [str(k) for k, p in enumerate(presences) if keep(p)] or [""]
            assert _simulate(presences, marks, side) == expected, (presences, marks, side)


def test_language_sentences() -> None:
    assert language_text("et", "C1") == "Eesti keele oskus vähemalt tasemel C1"
    assert language_text("de|ru", "B1") == "Saksa või vene keele oskus vähemalt tasemel B1"
    assert language_text("foreign", "B2").startswith("Vähemalt ühe võõrkeele")


def test_merge_with_anchor_prefers_the_given_pair() -> None:
    steps = merge([Match(0, None), Match(1, None), Match(None, 0)], 2, 1, anchor=True, prefer=(1, 0))
    assert steps == [Step(0, None, OLD), Step(1, 0, B)]
