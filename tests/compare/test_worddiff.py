"""compare/worddiff.py: the spans rebuild both texts exactly, and they change whole words or punctuation
marks, never letters."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ajdiff.changes import Span, SpanOp
from ajdiff.compare.worddiff import word_spans


def rebuild(spans: tuple[Span, ...], side: str) -> str:
    """The old ('old') or new ('new') text the spans were made from."""
    skip = SpanOp.INSERT if side == "old" else SpanOp.DELETE
    return "".join(s.text for s in spans if s.op is not skip)


def boundaries(text: str) -> set[int]:
    """Where a word, a punctuation mark or a run of spaces starts or ends in text (a word keeps the marks
    inside it: 'Lõuna-Eesti', '2.12'; a mark at its edge is a token of its own: 'Kõrgharidus' + ',')."""
    return {0, len(text)} | {m.end() for m in re.finditer(r"\s+|\w+(?:[-.,/'’]\w+)*|[^\w\s]", text)}


WORDS = ["Koostab", "koostab", "aruande", "aruanded", "ja", "eelarve", "§", "3.1.", "õigus", "ülesanne", "(PSK)"]
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet="abcõ ,.\n", max_size=6)),
    max_size=12,
).map(" ".join)


@settings(max_examples=300)
@given(texts, texts)
def test_spans_rebuild_old_and_new_exactly(old: str, new: str) -> None:
    spans = word_spans(old, new)
    assert rebuild(spans, "old") == old
    assert rebuild(spans, "new") == new
    assert all(s.text for s in spans), "an empty span"
    assert all(a.op is not b.op for a, b in zip(spans, spans[1:])), "two neighbours of one kind are one span"


@settings(max_examples=300)
@given(texts, texts)
def test_spans_cut_only_between_words(old: str, new: str) -> None:
    """Every span starts and ends where a word, a punctuation mark or the space between words does, on its
    side: never inside a word."""
    spans = word_spans(old, new)
    for side, text, skip in (("old", old, SpanOp.INSERT), ("new", new, SpanOp.DELETE)):
        cuts, at = boundaries(text), 0
        for span in spans:
            if span.op is skip:
                continue
            assert at in cuts and at + len(span.text) in cuts, (side, span, text)
            at += len(span.text)


def test_a_removed_word_is_one_span() -> None:
    assert word_spans("Koostab osakonna aruande", "Koostab aruande") == (
        Span(SpanOp.EQUAL, "Koostab "),
        Span(SpanOp.DELETE, "osakonna "),
        Span(SpanOp.EQUAL, "aruande"),
    )


def test_a_changed_ending_replaces_the_word_not_its_letters() -> None:
    """'aruande' → 'aruanded' is the word out and the word in, not one 'd' added."""
    assert word_spans("Koostab aruande", "Koostab aruanded") == (
        Span(SpanOp.EQUAL, "Koostab "),
        Span(SpanOp.DELETE, "aruande"),
        Span(SpanOp.INSERT, "aruanded"),
    )


def test_equal_texts_are_one_equal_span_and_nothing_is_nothing() -> None:
    assert word_spans("Hindab riski", "Hindab riski") == (Span(SpanOp.EQUAL, "Hindab riski"),)
    assert word_spans("", "") == ()
    assert word_spans("", "Uus") == (Span(SpanOp.INSERT, "Uus"),)


def test_punctuation_stuck_to_a_word_changes_apart_from_it() -> None:
    """Issue 25 item 14: a comma and words added after a word are that, not the word replaced."""
    assert word_spans("Kõrgharidus", "Kõrgharidus, eelistatud sotsiaaltöö alal") == (
        Span(SpanOp.EQUAL, "Kõrgharidus"),
        Span(SpanOp.INSERT, ", eelistatud sotsiaaltöö alal"),
    )
    # A dropped full stop is the full stop, a year changed before its full stop is the year.
    assert word_spans("kinnitatud ametijuhendid.", "kinnitatud ametijuhendid") == (
        Span(SpanOp.EQUAL, "kinnitatud ametijuhendid"),
        Span(SpanOp.DELETE, "."),
    )
    assert word_spans("jõustub 2026. aastal", "jõustub 2025. aastal") == (
        Span(SpanOp.EQUAL, "jõustub "),
        Span(SpanOp.DELETE, "2026"),
        Span(SpanOp.INSERT, "2025"),
        Span(SpanOp.EQUAL, ". aastal"),
    )


def test_marks_inside_a_word_keep_it_one_word() -> None:
    """'Lõuna-Eesti', a duty number '2.12' and '1,5' are words: changed whole, not around their marks."""
    assert word_spans("Lõuna-Eesti talitus", "Põhja-Eesti talitus")[:2] == (
        Span(SpanOp.DELETE, "Lõuna-Eesti"),
        Span(SpanOp.INSERT, "Põhja-Eesti"),
    )
    assert word_spans("punkt 2.12 ja 1,5", "punkt 2.13 ja 1,5")[1:3] == (
        Span(SpanOp.DELETE, "2.12"),
        Span(SpanOp.INSERT, "2.13"),
    )


@settings(max_examples=200)
@given(texts)
def test_a_text_against_itself_is_one_equal_span_as_diff_match_patch_gives(text: str) -> None:
    # Equal texts are answered without the diff (a duty renumbered); the answer is the diff's own.
    from diff_match_patch import diff_match_patch

    assert word_spans(text, text) == ((Span(SpanOp.EQUAL, text),) if text else ())
    assert diff_match_patch().diff_main(text, text, False) == ([(0, text)] if text else [])


def _codes_by_definition(tokens: list[str]) -> dict[str, str]:
    """Private-use plane 15 from U+F0000 by order of first appearance, then plane 16 from U+100000."""
    unique = list(dict.fromkeys(tokens))
    return {t: chr(0xF0000 + k) if k < 0xFFFD else chr(0x100000 + k - 0xFFFD) for k, t in enumerate(unique)}


def test_each_distinct_token_has_its_code_in_order_of_first_appearance_few_or_many() -> None:
    from ajdiff.compare.worddiff import _FIRST, _codes

    for distinct in (0, 3, _FIRST - 1, _FIRST, _FIRST + 1, 0xFFFD + 5):
        words = [f"w{k}" for k in range(distinct)]
        tokens = words + words[::2] + [" "] * 3
        table = _codes(tokens)
        assert table == _codes_by_definition(tokens)
        assert list(table) == list(dict.fromkeys(tokens))


coded = st.text(alphabet="abcde", max_size=9)


@settings(max_examples=2000)
@given(coded, coded, st.lists(st.tuples(st.integers(0, 9), st.text(alphabet="abcxy", max_size=3)), max_size=2))
def test_a_change_in_one_place_is_what_diff_match_patch_answers(a: str, b: str, edits: list[tuple[int, str]]) -> None:
    """Where `_one_place` answers for the differ (one token replaced, tokens added or dropped at an end), its answer
    is the differ's, cleanups included; coded texts of a few letters (a letter a token) meet every case of it,
    and small edits of a text (a letter replaced, letters put in) most of them."""
    from ajdiff.compare.worddiff import _one_place

    b = _edited(a, b, edits)  # a few edits of a, beside b drawn on its own
    if a == b:
        return
    answer = _one_place(a, b)
    if answer is not None:
        differ = _exact_differ()
        diffs = differ.diff_main(a, b, False)
        differ.diff_cleanupSemantic(diffs)
        assert answer == diffs


def _edited(a: str, b: str, edits: list[tuple[int, str]]) -> str:
    """b as `edits` of a (a letter at each place replaced by the letters given), or b itself without edits."""
    if edits:
        b = a
    for at, letters in edits:
        b = b[:at] + letters + b[at + 1 :]
    return b


def _exact_differ() -> Any:
    """diff-match-patch without its clock (no half-match shortcut), as ajdiff's word diff runs it."""
    from diff_match_patch import diff_match_patch

    differ = diff_match_patch()
    differ.Diff_Timeout = 0
    return differ


@settings(max_examples=3000)
@given(coded, coded, st.lists(st.tuples(st.integers(0, 9), st.text(alphabet="abcxyz", max_size=3)), max_size=3))
def test_words_replaced_where_they_stood_are_what_diff_match_patch_answers(
    a: str, b: str, edits: list[tuple[int, str]]
) -> None:
    """Where `_apart` answers for the differ (the texts the same once each side's letters the other lacks are out), its
    answer is `diff_main`'s, before the cleanups (which word_spans then runs on it as on the differ's)."""
    from ajdiff.compare.worddiff import _apart

    b = _edited(a, b, edits)  # a few edits of a: letters of 'xyz', which a lacks, put in or in place of a's
    if a == b:
        return
    answer = _apart(a, b)
    if answer is not None:
        assert answer == _exact_differ().diff_main(a, b, False)


def test_words_replaced_in_several_places_skip_the_differ() -> None:
    """The cases `_apart` answers, and those it leaves to the differ (a word both hold moved or repeated)."""
    from ajdiff.compare.worddiff import _apart

    assert _apart("abcde", "xbcye") == [(-1, "a"), (1, "x"), (0, "bc"), (-1, "d"), (1, "y"), (0, "e")]
    assert _apart("abcd", "abxcyd") == [(0, "ab"), (1, "x"), (0, "c"), (1, "y"), (0, "d")]
    assert _apart("axbyc", "abc") == [(0, "a"), (-1, "x"), (0, "b"), (-1, "y"), (0, "c")]
    assert _apart("abcd", "xy") == [(-1, "abcd"), (1, "xy")]
    assert _apart("abcd", "acbd") is None  # 'b' and 'c' both held, out of their order
    assert _apart("abab", "abxb") is None  # 'a' held by both, once fewer in the new
    spans = word_spans("Koostab aruande ja eelarve ja plaani", "Koostab ülevaate ja eelarve ning plaani")
    assert [(s.op, s.text) for s in spans] == [
        (SpanOp.EQUAL, "Koostab "),
        (SpanOp.DELETE, "aruande"),
        (SpanOp.INSERT, "ülevaate"),
        (SpanOp.EQUAL, " ja eelarve "),
        (SpanOp.DELETE, "ja"),
        (SpanOp.INSERT, "ning"),
        (SpanOp.EQUAL, " plaani"),
    ]


@settings(max_examples=1000)
@given(coded, coded)
def test_one_place_of_token_lists_is_that_of_their_coded_texts(a: str, b: str) -> None:
    """word_spans asks `_one_place` of the token lists before any code is made: a token a list item (here words of a
    letter repeated, one a letter's code) gives the answer its code gives, each diff as the tokens it takes."""
    from ajdiff.compare.worddiff import _one_place

    if a == b:
        return
    coded_answer = _one_place(a, b)
    listed = _one_place([letter * 3 for letter in a], [letter * 3 for letter in b])
    expected = None if coded_answer is None else [(op, [c * 3 for c in codes]) for op, codes in coded_answer]
    assert listed == expected


def test_one_word_replaced_or_added_at_an_end_skips_the_differ() -> None:
    """The cases `_one_place` answers, and one it leaves to the differ (a word put in between equal ends)."""
    from ajdiff.compare.worddiff import _one_place

    assert _one_place("abcd", "abxd") == [(0, "ab"), (-1, "c"), (1, "x"), (0, "d")]
    assert _one_place("abcd", "abxyd") == [(0, "ab"), (-1, "c"), (1, "xy"), (0, "d")]
    assert _one_place("abc", "abcxy") == [(0, "abc"), (1, "xy")]
    assert _one_place("xyabc", "abc") == [(-1, "xy"), (0, "abc")]
    assert _one_place("abcd", "abxcd") is None  # inserted between equal ends: the cleanups may slide it
    assert _one_place("abcd", "abxcyd") is None  # 'c' among the new tokens: the differ keeps it equal
    assert word_spans("Koostab aruande ja eelarve", "Koostab aruande ning eelarve") == (
        Span(SpanOp.EQUAL, "Koostab aruande "),
        Span(SpanOp.DELETE, "ja"),
        Span(SpanOp.INSERT, "ning"),
        Span(SpanOp.EQUAL, " eelarve"),
    )
