"""compare/align.py: the assignment solver against brute force, and the properties of the matchers."""

from __future__ import annotations

import random
from itertools import combinations, permutations

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from ajdiff.compare.align import dice, hungarian, item_similarity, longest_increasing, match_sequences, overlap
from ajdiff.model import JobDescription
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


def test_texts_spaced_apart_are_one_key_and_pair_in_order() -> None:
    """Words run together differently ('e-posti aadress' ~ 'e-postiaadress': the same fold_key, other folds) are
    exact matches, the first of NEW's for the first of OLD's, whichever of them is word for word the same."""
    old = ["Haldab e-postiaadressi", "Haldab e-posti aadressi", "Koostab eelarve"]
    new = ["haldab e-posti aadressi.", "Haldab e-postiaadressi", "koostab eel-arve"]
    matches = match_sequences(old, new)
    assert sorted((m.old, m.new, m.score) for m in matches) == [(0, 0, 1.0), (1, 1, 1.0), (2, 2, 1.0)]


spaced = st.lists(st.sampled_from(["ab", "a", "b", "c", "ä", "-", ".", "A"]), max_size=5).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(spaced, max_size=8))
def test_fold_keys_are_equal_exactly_where_fold_key_is(texts: list[str]) -> None:
    """`FoldKeys` and `same_fold_key` tell texts apart as `fold_key` does, for texts whose words run together in
    every way (the same letters spaced otherwise: folds of one length without spaces, other spacing)."""
    from ajdiff.compare.align import FoldKeys
    from ajdiff.text import same_fold_key

    folds = FoldKeys()
    keys = [folds.key(t) for t in texts]
    for (a, key_a), (b, key_b) in combinations(zip(texts, keys), 2):
        assert (key_a == key_b) == (fold_key(a) == fold_key(b)) == same_fold_key(a, b), (a, b)


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
    # Each shared word counts once by a set intersection (`_common`), and a word both texts repeat by its counts.
    from collections import Counter

    from ajdiff.text import fold_words

    ba, bb = Counter(fold_words(a)), Counter(fold_words(b))
    common, na, nb = sum((ba & bb).values()), sum(ba.values()), sum(bb.values())
    assert dice(a, b) == (2 * common / (na + nb) if na + nb else 1.0)
    assert overlap(a, b) == (common / min(na, nb) if min(na, nb) else 0.0)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5))
def test_the_bag_of_texts_is_their_words_counted_whole(parts: list[str]) -> None:
    """`_bag_of` adds the texts' bags up (the words counted already one by one, the others taken whole) and finds the
    repeated words among those one bag repeats or two hold: the very bag of all their words, in its order, with the
    words it holds more than once."""
    from collections import Counter

    from ajdiff.compare.document import _bag_of
    from ajdiff.text import fold_words

    _bag_of.cache_clear()
    words, size, repeated = _bag_of(tuple(parts))
    whole = Counter(word for part in parts for word in fold_words(part))
    assert list(words.items()) == list(whole.items())
    assert size == sum(whole.values())
    assert repeated == {word: n for word, n in whole.items() if n > 1}


def _whole_bag_dice(old: JobDescription, new: JobDescription) -> float:
    """The Dice coefficient of the two documents' folded word bags, every part's words counted."""
    from collections import Counter

    from ajdiff.compare.document import duty_text
    from ajdiff.text import fold_words

    def bag(doc: JobDescription) -> Counter[str]:
        g = doc.general
        parts = (g.position or "", g.unit or "", g.goal or "", *map(duty_text, doc.duties))
        return Counter(word for part in parts for word in fold_words(part))

    ba, bb = bag(old), bag(new)
    total = sum(ba.values()) + sum(bb.values())
    return 1.0 if total == 0 else 2 * sum((ba & bb).values()) / total


def _real_documents() -> list[JobDescription]:
    from pathlib import Path

    from ajdiff.read.parse import read_documents

    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    paths = [*sorted(fixtures.glob("00[0-3]_*.txt")), *sorted((fixtures / "external").glob("*.txt"))]
    return [doc for path in paths for doc in read_documents(path)]


def test_the_documents_likeness_is_the_dice_of_their_whole_word_bags() -> None:
    """`document_similarity` counts the words of the texts both documents hold (duties kept word for word) without
    bagging them: the same Dice as of the whole bags, to the last bit, on real documents paired every way, a
    document with itself, and with one duty dropped, one reworded and one held twice."""
    from dataclasses import replace

    from ajdiff.compare.document import document_similarity

    docs = _real_documents()
    assert len(docs) >= 60
    pairs = [(a, b) for a, b in zip(docs, docs[1:])] + [(d, d) for d in docs[:5]]
    for doc in (d for d in docs if len(d.duties) >= 3):
        first, second, *rest = doc.duties
        pairs.append((doc, replace(doc, duties=(second, *rest))))
        pairs.append((doc, replace(doc, duties=(replace(first, task=first.task + " ja aruande"), second, *rest))))
        pairs.append((replace(doc, duties=(first, first, second)), doc))
    shared = 0
    for old, new in pairs:
        assert document_similarity(old, new) == _whole_bag_dice(old, new)
        shared += bool(set(old.duties) & set(new.duties))
    assert shared > 40  # the shortcut was taken


def test_a_tuples_duty_texts_are_its_own_while_other_tuples_come_and_go() -> None:
    """`duty_texts` keeps a few tuples' texts by identity: asked again it gives the same strings (no join, no new
    hash), and a tuple asked after others pushed it out, or an equal tuple of its own, gets its own duties' texts."""
    from ajdiff.compare.document import duty_text, duty_texts
    from ajdiff.model import Duty

    tuples = [tuple(Duty(f"2.{k}", f"Ülesanne {n}-{k}", (f"Tulemus {n}",)) for k in range(n % 3 + 1)) for n in range(7)]
    for _round in range(2):
        for duties in tuples:
            texts = duty_texts(duties)
            assert texts == tuple(map(duty_text, duties))
            assert duty_texts(duties) is texts
    equal = tuple(Duty(d.number, d.task, d.results) for d in tuples[0])
    assert equal is not tuples[0] and duty_texts(equal) == tuple(map(duty_text, tuples[0]))


_RESULT_PIECES = st.sampled_from(
    ["Aruanne", "on", "esitatud", ".", "!", "?", " ", "  ", "\n", "\u00a0", "Õigus", "ok."]
)


@settings(max_examples=1000)
@given(st.lists(st.lists(_RESULT_PIECES, max_size=10).map("".join), max_size=4).map(tuple))
def test_results_are_cut_into_sentences_where_the_pattern_cuts_them(results: tuple[str, ...]) -> None:
    """`sentences` splits only a result with a stop before its last character: the pattern's sentences, stripped,
    empty ones dropped, whether it was asked or not."""
    from ajdiff.compare.document import _SENTENCE_END, sentences

    expected = tuple(s.strip() for result in results for s in _SENTENCE_END.split(result) if s.strip())
    assert sentences.__wrapped__(results) == expected


def _duty_units(doc: JobDescription) -> list[tuple[str, str]]:
    from ajdiff.compare.document import duty_texts

    return list(zip((d.task for d in doc.duties), duty_texts(doc.duties)))


def _real_duty_lists() -> list[tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    """Duty lists of real documents to match: every seed order's posts against another order's, and each external
    text document against the next (two posts of different bodies: nearly all their duties left to score)."""
    from pathlib import Path

    from ajdiff.read.parse import read_documents
    from tests.conftest import seed_docs

    seeds = [seed_docs(s) for s in ("000", "001", "002", "003", "004")]
    pairs = [(a, b) for olds, news in zip(seeds, seeds[1:]) for a in olds for b in news]
    external = sorted((Path(__file__).parents[2] / "fixtures" / "external").glob("*.txt"))
    docs = [d for path in external for d in read_documents(path)]
    pairs += zip(docs, docs[1:])
    return [(_duty_units(a), _duty_units(b)) for a, b in pairs if a.duties and b.duties]


def _unit_dice(a: tuple[str, str], b: tuple[str, str]) -> float:
    return max(dice(a[0], b[0]), dice(a[1], b[1]))


def test_the_candidates_by_shared_words_are_the_inverted_indexs_on_real_duties(monkeypatch) -> None:
    """Up to COMMON_WORD texts left on NEW's side no word can be too common, and candidates are found by testing
    each text for a shared word: the same matches, scores and order as the inverted index finds."""
    from ajdiff.compare import align

    lists = _real_duty_lists()
    assert max(len(new) for _, new in lists) <= align.COMMON_WORD  # the direct test holds for all of them

    def matched() -> list[list[tuple[int | None, int | None, float]]]:
        return [
            [(m.old, m.new, m.score) for m in match_sequences(old, new, _unit_dice, 0.45, text=lambda u: u[1])]
            for old, new in lists
        ]

    direct = matched()
    monkeypatch.setattr(align, "_INDEXED", 0)  # the inverted index for every list
    indexed = matched()
    assert direct == indexed
    fuzzy = [m for ms in direct for m in ms if m[0] is not None and m[1] is not None and m[2] < 1.0]
    assert len(fuzzy) > 50  # the lists have reworded duties to find, not only exact ones


def test_a_word_in_more_than_common_word_texts_makes_no_candidates() -> None:
    """Of many texts left to match, a word they all hold pairs none of them; a rarer shared word still does."""
    from ajdiff.compare.align import COMMON_WORD

    new = [f"koostab aruande number{k} tabel{k}" for k in range(COMMON_WORD + 10)]
    old = ["koostab aruande kuus", "koostab aruande number7 eelarve"]
    matches = match_sequences(old, new, threshold=0.2)
    assert sorted((m.old, m.new) for m in matches if m.old is not None and m.new is not None) == [(1, 7)]


@settings(max_examples=2000, deadline=None)
@given(
    st.text(st.one_of(st.sampled_from(list("aAõÕäÖüŠž -–_.,;:()/'\t\n09")), st.characters(codec="utf-8")), max_size=12),
    st.text(st.one_of(st.sampled_from(list("aAõÕäÖüŠž -–_.,;:()/'\t\n09")), st.characters(codec="utf-8")), max_size=12),
)
@example("personali-", " ja haldus")
@example("Lõuna-", "\nEesti")
def test_the_key_of_a_join_is_the_join_of_the_keys(a: str, b: str) -> None:
    """`fold_key` maps a text character by character (what hyphens `fold` joins, the key drops anyway): the key of
    items joined is their keys joined, which the comparison of item lists reads instead of folding their join."""
    assert fold_key(a + b) == fold_key(a) + fold_key(b)


def test_item_lists_are_compared_on_their_items_folds_alone(monkeypatch) -> None:
    """Whether two lists hold the same words cut elsewhere is told from the items' keys, which matching them asks
    for anyway: no join of a list is folded (a string made, folded and remembered for one question)."""
    from ajdiff import text
    from ajdiff.compare.document import _items
    from tests.conftest import seed_doc

    old = seed_doc("001").rights
    new = (old[0] + " ja kodus", *old[2:], "osaleda koolitustel")
    folded: list[str] = []
    fold = text.fold
    monkeypatch.setattr(text, "fold", lambda t: folded.append(t) or fold(t))
    changes = list(_items("rights", old, new))
    assert {c.kind.value for c in changes} == {"modified", "removed", "added"}
    assert folded and set(folded) <= {*old, *new}


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(["Jurist", "jurist,", "Õigus", "oigus", "ja", "osakond", "-", "2.1", "Kriisi-"]), max_size=6
    ),
    st.lists(st.sampled_from(["Jurist", "õigus", "JA", "osakond.", "kriisi", "teenistus"]), max_size=6),
)
def test_an_items_similarity_is_its_definition_on_the_folded_words(a: list[str], b: list[str]) -> None:
    """Dice of the folded words, or 0.9 of their overlap where both start with the same word (read from the
    bags, which keep their words' first order)."""
    from ajdiff.text import fold_words

    ta, tb = " ".join(a), " ".join(b)
    wa, wb = fold_words(ta), fold_words(tb)
    expected = dice(ta, tb)
    if wa and wb and wa[0] == wb[0]:
        expected = max(expected, 0.9 * overlap(ta, tb))
    assert item_similarity(ta, tb) == expected


_TASK_PIECES = st.sampled_from(
    ["Korraldab", "ja", "ning", "personali-", "haldus", "-", "töö", "Töö", ".", ",", " ", ""]
)


@settings(max_examples=500)
@given(st.lists(_TASK_PIECES, max_size=8).map(" ".join), st.lists(_TASK_PIECES, max_size=8).map(" ".join))
def test_no_task_joined_to_a_kept_task_is_more_alike_than_the_task_itself(task: str, extra: str) -> None:
    """`_merges` tries no pair whose tasks are the same: its Dice is 1.0, which no task joined to either side can
    pass (hyphenated, empty or punctuation-only tasks too), so no merge or split could be found there."""
    assert dice(task, task) == 1.0
    assert dice(f"{task} {extra}", task) <= 1.0
    assert dice(task, f"{task} {extra}") <= 1.0


def test_a_merge_is_found_beside_kept_duties_and_a_kept_duty_takes_no_lone_duty() -> None:
    """A kept duty (the same task on both sides) is never merged with a lone duty whose words it holds; a changed
    duty beside it still is."""
    from ajdiff.compare.document import _merges, align_duties
    from ajdiff.model import Duty

    kept = Duty("2.1", "Korraldab osakonna eelarve koostamist ja eelarve täitmise aruandlust")
    old = (
        kept,
        Duty("2.2", "Nõustab juhtkonda personalitöö küsimustes"),
        Duty("2.3", "Koostab personalitöö aruandeid"),
        Duty("2.4", "Korraldab eelarve aruandlust"),  # all its words in the kept duty's task
    )
    new = (kept, Duty("2.2", "Nõustab juhtkonda personalitöö küsimustes ning koostab personalitöö aruandeid"))
    rest, merged, split = _merges(old, new, align_duties(old, new))
    assert merged == {1: [1, 2]} and split == {}
    assert [m.old for m in rest if m.new is None] == [3]  # removed, not merged
