"""compare/align.py: the assignment solver against brute force, and the properties of the matchers."""

from __future__ import annotations

import random
from itertools import combinations, permutations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ajdiff.compare.align import dice, hungarian, item_similarity, longest_increasing, match_sequences, overlap
from ajdiff.text import fold_key

# ------------------------------------------------------------------ the Hungarian solver


@st.composite
def cost_matrices(draw: st.DrawFn) -> list[list[float]]:
    """A rows <= cols matrix of small sizes (every assignment can be enumerated)."""
    rows = draw(st.integers(1, 5))
    cols = draw(st.integers(rows, 6))
    cell = st.one_of(st.integers(-20, 20).map(float), st.floats(-5, 5, allow_nan=False, allow_infinity=False))
    return [[draw(cell) for _ in range(cols)] for _ in range(rows)]


def _brute_force(cost: list[list[float]]) -> float:
    """The least total cost over every injective assignment of rows to columns."""
    rows, cols = len(cost), len(cost[0])
    return min(sum(cost[r][c] for r, c in enumerate(choice)) for choice in permutations(range(cols), rows))


@settings(max_examples=300, deadline=None)
@given(cost_matrices())
def test_hungarian_finds_the_least_total_cost(cost: list[list[float]]) -> None:
    assignment = hungarian(cost)
    assert len(assignment) == len(cost)
    assert all(0 <= c < len(cost[0]) for c in assignment)
    assert len(set(assignment)) == len(assignment), "a column assigned twice"
    total = sum(cost[r][c] for r, c in enumerate(assignment))
    assert total == pytest.approx(_brute_force(cost), abs=1e-9)


def test_hungarian_of_no_rows_is_empty() -> None:
    assert hungarian([]) == []


def test_hungarian_takes_the_cheap_diagonal_not_the_first_column() -> None:
    """A greedy row-by-row choice would take column 0 for row 0 and pay 100 for row 1."""
    assert hungarian([[1.0, 2.0], [1.0, 100.0]]) == [1, 0]


# ------------------------------------------------------------------ similarity

WORDS = ["hindab", "koostab", "eelarve", "riski", "aruande", "osakonna", "juhib", "tööd", "projekte", "lepingu"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


@given(texts, texts)
def test_dice_is_symmetric_bounded_and_one_on_itself(a: str, b: str) -> None:
    assert dice(a, b) == dice(b, a)
    assert 0.0 <= dice(a, b) <= 1.0
    assert dice(a, a) == 1.0


@given(texts, texts)
def test_a_text_contained_in_another_overlaps_fully(a: str, b: str) -> None:
    assert overlap(a, f"{a} {b}") == 1.0
    assert overlap(a, b) >= dice(a, b)


def test_dice_counts_repeated_words_as_a_multiset() -> None:
    # {a, a, b} and {a, b}: two words in common of five.
    assert dice("riski riski eelarve", "riski eelarve") == pytest.approx(4 / 5)


def test_an_item_with_a_qualifier_added_is_still_the_same_item() -> None:
    """Same first word, the shorter item contained: 0.9, where Dice alone would say 0.5."""
    assert dice("Jurist", "Jurist kriisivalmiduse valdkonnas") == pytest.approx(0.5)
    assert item_similarity("Jurist", "Jurist kriisivalmiduse valdkonnas") == pytest.approx(0.9)
    assert item_similarity("Kriisivalmiduse jurist", "Jurist") == pytest.approx(
        dice("Kriisivalmiduse jurist", "Jurist")
    )


# ------------------------------------------------------------------ match_sequences


def _best_total(old: list[str], new: list[str], threshold: float) -> float:
    """The best total similarity of any one-to-one matching that uses only pairs at the threshold or above."""
    best = 0.0
    for k in range(min(len(old), len(new)) + 1):
        for rows in combinations(range(len(old)), k):
            for cols in permutations(range(len(new)), k):
                scores = [dice(old[i], new[j]) for i, j in zip(rows, cols)]
                if all(s >= threshold for s in scores):
                    best = max(best, sum(scores))
    return best


distinct_texts = st.lists(texts, min_size=0, max_size=4, unique_by=fold_key)


@settings(max_examples=200, deadline=None)
@given(distinct_texts, distinct_texts, st.sampled_from([0.3, 0.5, 0.7]))
def test_every_index_once_and_the_best_total_similarity(old: list[str], new: list[str], threshold: float) -> None:
    assume(not {fold_key(t) for t in old} & {fold_key(t) for t in new})  # no exact anchors: all fuzzy
    matches = match_sequences(old, new, threshold=threshold)
    assert sorted(m.old for m in matches if m.old is not None) == list(range(len(old)))
    assert sorted(m.new for m in matches if m.new is not None) == list(range(len(new)))
    pairs = [(m.old, m.new, m.score) for m in matches if m.old is not None and m.new is not None]
    assert all(score == dice(old[i], new[j]) >= threshold for i, j, score in pairs)
    assert all(m.score == 0.0 for m in matches if m.old is None or m.new is None)
    assert sum(score for _, _, score in pairs) == pytest.approx(_best_total(old, new, threshold))


@given(st.lists(texts, max_size=8, unique_by=fold_key), st.randoms(use_true_random=False))
def test_a_shuffled_list_matches_each_item_to_itself(items: list[str], rnd: random.Random) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    matches = match_sequences(items, shuffled)
    assert {(m.old, m.new, m.score) for m in matches} == {(i, shuffled.index(t), 1.0) for i, t in enumerate(items)}


def test_exact_matches_anchor_first_and_in_order() -> None:
    """Equal after folding ('Riski' ~ 'riski.') is exact; a repeated text pairs with its repeats in order."""
    old = ["Hindab riski", "Hindab riski", "Koostab eelarve"]
    new = ["koostab EELARVE.", "hindab riski", "hindab riski"]
    matches = match_sequences(old, new)
    assert sorted((m.old, m.new, m.score) for m in matches) == [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]


def test_below_the_threshold_nothing_is_paired() -> None:
    matches = match_sequences(["Hindab riski"], ["Koostab eelarve"], threshold=0.1)
    assert sorted(((m.old, m.new) for m in matches), key=str) == [(0, None), (None, 0)]


def test_a_custom_similarity_and_text_are_used() -> None:
    """Items that are not strings: their text anchors, the similarity given scores the rest."""
    old = [("a", "Hindab riski"), ("b", "Juhib projekte")]
    new = [("x", "Juhib osakonna projekte"), ("y", "hindab riski")]
    matches = match_sequences(old, new, lambda p, q: dice(p[1], q[1]), 0.5, text=lambda p: p[1])
    assert {(m.old, m.new) for m in matches} == {(0, 1), (1, 0)}
    assert sorted(m.score for m in matches) == [pytest.approx(0.8), 1.0]  # 2 × 2 words shared of 5


# ------------------------------------------------------------------ longest increasing subsequence


def _longest_length(values: list[int]) -> int:
    for k in range(len(values), 0, -1):
        if any(all(a < b for a, b in zip(c, c[1:])) for c in combinations(values, k)):
            return k
    return 0


@settings(max_examples=200)
@given(st.lists(st.integers(0, 9), max_size=9))
def test_longest_increasing_is_increasing_and_longest(values: list[int]) -> None:
    keep = sorted(longest_increasing(values))
    chosen = [values[p] for p in keep]
    assert all(a < b for a, b in zip(chosen, chosen[1:]))
    assert len(keep) == _longest_length(values)


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["Koostab", "aruande", "ja", "ja", "eelarve", "Aruande"]), max_size=8).map(" ".join),
    st.lists(st.sampled_from(["koostab", "aruande", "ja", "eelarve", "õigus"]), max_size=8).map(" ".join),
)
def test_dice_and_overlap_are_the_multiset_formulas_whether_a_word_repeats_or_not(a: str, b: str) -> None:
    # A bag with each word once is intersected as a set (`_common_of`); any word repeated, by counts.
    from collections import Counter

    from ajdiff.text import fold_words

    ba, bb = Counter(fold_words(a)), Counter(fold_words(b))
    common, na, nb = sum((ba & bb).values()), sum(ba.values()), sum(bb.values())
    assert dice(a, b) == (2 * common / (na + nb) if na + nb else 1.0)
    assert overlap(a, b) == (common / min(na, nb) if min(na, nb) else 0.0)
