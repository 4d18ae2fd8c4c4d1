"""The reader's fast paths give what the slower code they replace gave: each is held against it on
generated text (Hypothesis) and on every line of the seeds."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ajdiff.read.lines import Numbering, _number_inside
from ajdiff.read.orders import RawDocument


def _by_pattern(text: str, number: str, at_end: bool) -> int | None:
    """The pattern `_glued_item` compiled for every number before (its match's start, after the space)."""
    end = r"|\.$" if at_end else ""
    m = re.search(r"\s(" + re.escape(number) + r")(?:\.?\s+(?=\S)" + end + ")", text)
    return None if m is None else m.start() + 1


_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\u00a0", "\n", ".", "2", "3", "2.4", "2.4.", "2.41", "12.4", "a", "ö", "x."]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.sampled_from(["2.4", "2.4.1", "3"]), st.booleans())
@example("osaleb 2.4. teeb", "2.4", False)
@example("regulatsioone 2.4.", "2.4", True)
@example("regulatsioone 2.4.\n", "2.4", True)
@example("vt 2.41 ja 2.4 teeb", "2.4", False)
@example("2.4 teeb", "2.4", False)
@example("x 2.4 \u00a0", "2.4", False)
def test_a_glued_items_number_is_found_where_the_pattern_found_it(text: str, number: str, at_end: bool) -> None:
    assert _number_inside(text, number, at_end) == _by_pattern(text, number, at_end)


def _fuzzy_equal_before(a: str, b: str, threshold: float = 0.8) -> bool:
    """`fuzzy_equal` as it was: its bounds, the whole common subsequence, then ratio()."""
    from collections import Counter
    from difflib import SequenceMatcher

    if a == b:
        return True
    if not a or not b or abs(len(a) - len(b)) > max(3, len(a) // 4):
        return False
    total = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) / total < threshold:
        return False
    ca, cb = Counter(a), Counter(b)
    if 2.0 * sum(min(n, cb.get(ch, 0)) for ch, n in ca.items()) / total < threshold:
        return False
    if 2.0 * _lcs(a, b) / total < threshold:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold


def _lcs(a: str, b: str) -> int:
    """The longest common subsequence by the textbook table."""
    row = [0] * (len(b) + 1)
    for ch in a:
        prev = 0
        for j, other in enumerate(b, 1):
            prev, row[j] = row[j], prev + 1 if ch == other else max(row[j], row[j - 1])
    return row[-1]


_OCR = st.text(alphabet="aeiloustnrkmdo ", max_size=40)


@settings(max_examples=3000, deadline=None)
@given(_OCR, _OCR, st.sampled_from([0.8, 0.85, 0.6]))
@example("pohiulesanoeo oooatavao tulemuseo", "pohiulesanded oodatavad tulemused", 0.8)
@example("tooulesanoeo", "tooulesanded", 0.85)
def test_fuzzy_equal_answers_as_before_it_stopped_early(a: str, b: str, threshold: float) -> None:
    from ajdiff.text import _common_subsequence, fuzzy_equal

    assert fuzzy_equal(a, b, threshold) == _fuzzy_equal_before(a, b, threshold)
    assert _common_subsequence(a, b) == _lcs(a, b)  # without `need`, the whole length


def test_every_line_of_the_documents_is_a_table_header_exactly_when_it_was() -> None:
    """On each line of the seeds and of the external documents: the header test (its packed bounds and
    the early-stopping subsequence) against every row, one by one, as fuzzy_equal was."""
    from pathlib import Path

    from ajdiff.read import vocabulary
    from ajdiff.read.formats import read_source
    from ajdiff.text import ocr_fold

    root = Path(__file__).resolve().parents[2] / "fixtures"
    lines = {
        line
        for path in sorted([*root.glob("*.txt"), *(root / "external").glob("*.txt")])
        for line in read_source(path).lines
        if 0 < len(line) <= 80
    }
    rows = vocabulary._header_rows()
    headers = 0
    for line in sorted(lines):
        folded = ocr_fold(line.replace("|", " "))
        expected = any(_fuzzy_equal_before(folded, row, 0.8) for row in rows)
        assert vocabulary.is_table_header(line) == expected, line
        headers += expected
    assert len(lines) > 1000 and headers >= 15, (len(lines), headers)  # 1,423 lines, 19 headers


@settings(max_examples=1500, deadline=None)
@given(_OCR, st.lists(st.text(alphabet="aeiloustnrkmdo ", min_size=1, max_size=75), min_size=1, max_size=9))
@example("pohiulesanoeo oooatavao tulemuseo", ["pohiulesanoeo", "oooatavao tulemuseo", "tooulesanoeo"])
@example("zzzz", ["z" * 75, "z"])  # a row's every bit set: its carry must stop at the guard bit
def test_the_common_subsequences_of_rows_side_by_side_are_each_rows_own(a: str, rows: list[str]) -> None:
    from ajdiff.text import common_subsequences

    assert common_subsequences(a, tuple(rows)) == [_lcs(a, row) for row in rows]


_ENDING_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", ".", "1", "2", "12", "123", "٣", "²", "a", "Õ", "PÕHIKOHUSTUSED", "x."]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_ENDING_PIECES, max_size=12).map("".join), st.integers(0, 12))
@example("… üle. 3. PÕHIKOHUSTUSED", 2)
@example("… üle. 3.", 2)
@example("3.", 2)
@example(" 3.", 2)
@example("a ٣.", 2)  # an Arabic-Indic digit is a \d too
def test_a_heading_glued_at_a_lines_end_is_found_as_the_pattern_alone_found_it(text: str, top: int) -> None:
    """`_glued_heading` answers as the pattern searched on every line did (`prepare` asks it only of a line where a
    spaced number stands before a full stop: `_number_before_point`, held to the pattern below)."""
    from ajdiff.read.lines import _ENDING_NUMBER, _caps, _glued_heading
    from ajdiff.read.vocabulary import heading_prefix

    m = _ENDING_NUMBER.search(text)
    title = m.group(2) or "PÕHIKOHUSTUSED" if m else ""
    expected = m.start() + 1 if m and int(m.group(1)) == top + 1 and _caps(title) and heading_prefix(title) else None
    assert _glued_heading(text, top, "PÕHIKOHUSTUSED") == expected


_DIGIT_LINE_PIECES = st.sampled_from(
    ["1", "2", "12", "123", "٣", "²", ".", ",", " ", "  ", "\t", "\n", "\u00a0", "(", ")", "/", "-", "lk", "a", "Õ",
     "Vahetu juht", "3.1", "1,2", "1.3.", "Keda", "x."]
)  # fmt: skip


@settings(max_examples=5000, deadline=None)
@given(st.lists(_DIGIT_LINE_PIECES, max_size=12).map("".join))
@example("12")
@example("3 (4)")
@example("1 /2")
@example("2 .")
@example("2.\n")
@example("1.3 Vahetu juht 1.4 Kes asendab 1.5")
@example("1.3 Vahetu juht 1.4 Kes asendab 1.5. Keda")
@example("1.3 Vahetu juht 1.4\n")
@example("… üle. 3. PÕHIKOHUSTUSED")
@example("a ٣.")
@example(" 12.")
def test_a_line_a_digit_lines_prefilter_refuses_is_one_its_pattern_refuses(text: str) -> None:
    """`prepare` asks a pattern of a line starting with a digit only when the characters it needs are there, and
    `_glued_heading` only when a number ends before a point: nothing a pattern takes is refused."""
    from ajdiff.read import lines

    for line in (text, "1" + text):
        if line[:1].isdigit():  # as `prepare` asks them: of a line starting with a digit
            for pattern, may in (
                (lines._PAGE_MARK, lines._may_be_page_mark),
                (lines._BARE_NUMBER, lines._may_be_bare_number),
                (lines._DANGLING_LABEL_NUMBER, lines._may_end_in_label_number),
            ):
                assert may(line) or not pattern.match(line), (pattern.pattern, line)
        assert lines._number_before_point(line) or not lines._ENDING_NUMBER.search(line), line


_NUMBER_STARTS = [
    "",
    ")",
    ") x",
    ". Eesmärk",
    ".",
    "1",
    "1.",
    "1. Eesmärk",
    "k 1/2",
    "k. 3 / 4",
    " 1 -",
    "-",
    " (3)",
    "/3",
    "I Üld",
    "V. X",
    "X Eesmärk",
]


def test_a_line_refused_by_its_first_characters_is_one_the_patterns_refuse(monkeypatch: pytest.MonkeyPatch) -> None:
    """`numbering` and `prepare` look at a line's first characters before their patterns: with any
    character of Unicode first, nothing a pattern takes is refused."""
    import sys

    from ajdiff.read import lines
    from ajdiff.read.lines import _BARE_NUMBER, _DECIMAL, _LETTER, _PAGE_MARK, _PAGE_MARK_FIRSTS, _ROMAN

    class Asked:
        """A pattern that says when `numbering` asked it (its prefilter let the line through)."""

        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self.asked = pattern, False

        def match(self, text: str) -> re.Match[str] | None:
            self.asked = True
            return self.pattern.match(text)

    asked = [Asked(_DECIMAL), Asked(_LETTER), Asked(_ROMAN)]
    for name, pattern in zip(("_DECIMAL", "_LETTER", "_ROMAN"), asked):
        monkeypatch.setattr(lines, name, pattern)
    # Every character a case-blind pattern or \\d could take: digits, cased letters, and the first blocks whole.
    firsts = [
        ch
        for ch in map(chr, range(sys.maxunicode + 1))
        if ord(ch) < 0x3000 or ch.isdigit() or ch.lower() != ch or ch.upper() != ch
    ]
    taken = {"page": 0, "bare": 0, "numbered": 0}
    for first in firsts:
        for rest in _NUMBER_STARTS:
            text = first + rest
            if _PAGE_MARK.match(text):
                assert text[0].isdigit() or text[0] in _PAGE_MARK_FIRSTS, text  # as `prepare` asks
                taken["page"] += 1
            if _BARE_NUMBER.match(text):
                assert text[:1].isdigit(), text
                taken["bare"] += 1
            if _DECIMAL.match(text) or _LETTER.match(text) or _ROMAN.match(text):
                for pattern in asked:
                    pattern.asked = False
                lines.numbering(text)
                assert any(pattern.asked for pattern in asked), text
                taken["numbered"] += 1
    assert min(taken.values()) > 100, taken  # every pattern took lines (Unicode has hundreds of digits)


def test_a_known_label_is_the_first_term_a_scan_of_the_labels_meets() -> None:
    """`known_label` looks the label up by (key, folded phrase): the answer a scan of every label gave."""
    from ajdiff.read.vocabulary import known_label, vocabulary
    from ajdiff.text import fold

    def scanned(key: str, label: str) -> str | None:
        for term in vocabulary().labels:
            if term.key == key and term.folded == fold(label):
                return term.phrase[:1].upper() + term.phrase[1:]
        return None

    terms = vocabulary().labels
    keys = [*sorted({t.key for t in terms}), "no.such.key"]
    labels = [t.phrase for t in terms] + [t.phrase.upper() + ":" for t in terms] + ["Vahetu  juht", "", "Kes asendab x"]
    found = 0
    for key in keys:
        for label in labels:
            expected = scanned(key, label)
            assert known_label(key, label) == expected, (key, label)
            found += expected is not None
    assert found > len(terms)  # each phrase found under its key, in both spellings


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "e", "ä", "õ", "Ü", "š", " ", "1", ".", "jarelevalve ", "järelevalve "]), max_size=600
    )
)
def test_ocr_text_is_recognised_as_the_whole_count_of_diacritics_recognised_it(pieces: list[str]) -> None:
    """`text_looks_like_ocr` stops counting once the diacritics pass their limit: the same answer as the
    count of all of them."""
    import re

    from ajdiff.read.lexicon import _DIACRITICS, text_looks_like_ocr

    def counted(text: str) -> bool:
        marks = sum(map(text.count, _DIACRITICS))
        if marks >= 0.005 * len(text):
            return False
        letters = len(text) - len(re.findall(r"[\W\d_]", text))
        return letters >= 400 and marks / letters < 0.005

    text = "".join(pieces) * 3
    assert text_looks_like_ocr(text) == counted(text)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["a", " ", "õ", "ä", "Ö", "ü", "š", "–", "€", "ß", "æ", "日本", "ÄÖÜ", "ﬁ", "\u0301", "İ"]),
            st.text(max_size=6),
        ),
        max_size=30,
    ).map("".join)
)
@example("Järelevalve – õigusaktide täitmine")
@example("ÕÄÖÜõäöü" * 5)
def test_to_ascii_is_unidecode(text: str) -> None:
    """`to_ascii` looks short runs of non-ASCII characters up whole: the string unidecode gives, runs of any
    length and script alike, the first time and again from the memo."""
    from unidecode import unidecode

    from ajdiff.text import to_ascii

    assert to_ascii(text) == unidecode(text)
    assert to_ascii(text) == unidecode(text)


def test_a_number_glued_to_its_word_starts_with_a_digit() -> None:
    """`prepare` asks `_successor` and `_glued_successor` only of a line starting with a digit: every number
    they can give (the next at a depth, the next section's, its first item) starts with one."""
    from ajdiff.read.lines import _glued_successor, _successor, numbering

    lasts = [numbering(t) for t in ("3. allub", "2.6. teeb", "5.3 teeb", "2.999. teeb", "12.9.3 teeb")]
    found = 0
    for last in lasts:
        assert last is not None
        for first in ["", " ", "a", "ö", "(", "•", "-", "\u00a0", "\u0661"]:
            for number in (last.following, f"{last.parts[0] + 1}.1", str(last.parts[0] + 1)):
                for tail in (".töötab", ". töötab", ".Koristajal", " töötab", ")"):
                    text = first + number + tail
                    hits = (
                        _glued_successor(text, last),
                        _successor(text, last) if last.number.endswith("999") else None,
                    )
                    assert text[:1].isdigit() or hits == (None, None), text
                    found += hits != (None, None)
    assert found > 10


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Asendaja", "(d)", "(id)", "(d):", "(", ")", "d", "id", " ", "  ", ":", "\n", "x", "Õ", "_", "1"]
        ),
        max_size=14,
    ).map("".join)
)
@example("Teenistuja asendaja (d) Jurist")
@example("Alluva (id): x (d)")
@example("Asendaja(d): Jurist(id) (d)")
def test_a_labels_plural_endings_are_read_as_the_substitutions_read_them(text: str) -> None:
    """`_plural_labels` joins a bracketed plural ending from its patterns' matches: the words `re.sub` gives; a line
    without 'd)' (no '(d)' or '(id)') keeps its words as they are, and `match_label` does not ask it."""
    from ajdiff.read.vocabulary import _PLURAL_WORD, _SPACED_PLURAL, _plural_labels

    shown = _SPACED_PLURAL.sub(r"\1(\2)", text).split()
    plural = [_PLURAL_WORD.sub(r"\1\2\3", w) for w in shown[:4]] + shown[4:]
    singular = [_PLURAL_WORD.sub(r"\1\3", w) for w in shown[:4]] + shown[4:]
    assert _plural_labels(text) == (shown, plural, singular)
    if "d)" not in text:
        assert shown == plural == singular == text.split()


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from(["A", "b", "Õ", "ö", "ß", "ǅ", "ª", "ⅰ", "日", "1", " ", ".", "-"]), max_size=12))
@example("PÕHIKOHUSTUSED")
@example("AB ⅰ")  # a small roman numeral is lowercase but no letter
def test_capitals_are_told_as_when_every_letter_was_looked_at(text: str) -> None:
    """`_caps` stops at a text's first small letter: what asking all its letters answered."""
    from ajdiff.read.lines import _caps

    letters = [c for c in text if c.isalpha()]
    assert _caps(text) == (len(letters) >= 3 and all(c.isupper() for c in letters))


def test_a_numbers_parts_and_following_are_those_of_its_number() -> None:
    """A number's parts are made with it, and the next one read off its text: for every number `numbering`,
    `_successor` and `_glued_successor` make, the parts of its text and the next number at its depth."""
    from ajdiff.read.lines import _glued_successor, _successor, numbering

    made = [
        numbering(t)
        for t in ("3. allub", "2.6. teeb", "05.03 teeb", "2.999. teeb", "12.9.3 teeb", "1,2 Teenistuskoht", "7) x",
                  "b) x", "IV Õigused", "4 Õigused")
    ]  # fmt: skip
    last = numbering("2.999. teeb")
    assert last is not None
    made += [_successor("2.1000. teeb", last), _glued_successor("3.töötab", last), _glued_successor("3.1.Ko", last)]
    decimal = 0
    for num in made:
        assert num is not None
        if num.style != "decimal":
            assert num.parts == ()
            continue
        decimal += 1
        assert num.parts == tuple(map(int, num.number.split("."))) and len(num.parts) == num.depth, num
        assert num.following == ".".join(map(str, (*num.parts[:-1], num.parts[-1] + 1))), num
    assert decimal == 10


def test_a_printable_line_has_no_character_normalize_line_drops_or_replaces() -> None:
    """`normalize_line` looks for its special characters only in a line that is not printable: every
    character the pattern takes (controls, format characters, odd spaces, Symbol bullets, surrogates)
    is unprintable, so no line it would change is passed over."""
    import sys

    from ajdiff.text import _SPECIAL_RE

    taken = [ch for ch in map(chr, range(sys.maxunicode + 1)) if _SPECIAL_RE.match(ch)]
    assert len(taken) > 2000  # the C0/C1 controls, the surrogates, the spaces, the bullets
    assert [hex(ord(ch)) for ch in taken if ch.isprintable()] == []


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["\x00", "\x08", "\t", "\n", "\r", "\x0e", "\x1f", "\x7f", "\x85", "õ", "\ud800", "€"]),
            st.text(max_size=8),
        ),
        max_size=400,
    ).map("".join)
)
@example("a\x01" * 5000)
@example("õ" * 9000 + "\x01" * 300)
def test_binary_text_is_told_by_its_control_characters_as_the_pattern_counted_them(text: str) -> None:
    """`_looks_binary` counts control characters as bytes of the sample's UTF-8: the pattern's count."""
    from ajdiff.read.formats.plain import _looks_binary

    sample = text[:8192]
    counted = len(re.findall(r"[\x00-\x08\x0e-\x1f]", sample))
    assert _looks_binary(text) == (bool(sample) and counted / len(sample) > 0.02)


_HEADER_PIECES = st.sampled_from(
    ["3.1", "3.1.", " ", "\u00a0", "ÜLESANNE", "Tulemus", "a", "ß", "٣", "Ⅳ", "ⓐ", ".", "1,2", "x"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(_HEADER_PIECES, st.text(max_size=3)), max_size=10).map("".join))
@example("3.1 ÜLESANNE 3.1 SOOVITUD TULEMUS")
@example("3.1 ")
def test_a_header_rows_case_is_its_lines_case(text: str) -> None:
    """`_numbered_headers` asks a duty line's case before taking its numbers out: what it takes out is
    uncased, so the line is in capitals exactly when what is left is."""
    from ajdiff.read.content import _NUMBER_IN_HEADER

    assert _NUMBER_IN_HEADER.sub("", text).strip().isupper() == text.isupper()


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.one_of(_HEADER_PIECES, st.sampled_from(["1.3 ", "1,4. ", "11.2 ", "1.0 "])), max_size=10).map("".join)
)
@example("1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab")
def test_a_row_of_numbered_labels_has_a_number_the_string_search_finds(text: str) -> None:
    """`_label_row` refuses a line without '1.' or '1,' before its pattern, which needs one."""
    from ajdiff.read.content import _OLD_ROW_LABEL

    if _OLD_ROW_LABEL.search(text):
        assert "1." in text or "1," in text


_SIGNATURE_PIECES = st.sampled_from(
    ["allkir", "ALLKIR", "AllKir", "al", "lk", "ir", "j", "and", "ANDJA", "tut", "vu", "TUTVU", "\u212a", "\u0130",
     "I", "i", "K", "k", "a", "ja", " ", "ö", "Ö", "–", "_____", "_", "astatud", "poolte ", "(", ")", "\ud800"]
)  # fmt: skip


@pytest.mark.filterwarnings("ignore:Surrogate character")  # unidecode's, folding a lone surrogate
@settings(max_examples=3000, deadline=None)
@given(st.lists(_SIGNATURE_PIECES, max_size=10).map("".join))
@example("(nimi ja all\u212airi)")  # the Kelvin sign lowers to "k"
@example("Kinnitan allkirjaga, et olen ametijuhendiga tutvunud")
@example("(allkirjastatud digitaalselt)")
@example("Poolte allkirjad")
@example("______ ____ . ______ 200 __. a.")
def test_a_signature_is_found_as_lowering_the_whole_line_finds_it(text: str) -> None:
    """`is_signature` looks for its words in the line's ASCII letters lowered alone (bytes of its UTF-8), not the
    line lowered: the same answer on any line, whatever non-ASCII characters or case it has."""
    from ajdiff.read.vocabulary import _is_signature_lowered, is_signature

    assert is_signature(text) is _is_signature_lowered(text)


def test_every_line_of_the_documents_is_a_signature_exactly_when_lowering_it_says_so() -> None:
    """On each line of the seeds and of the external documents, as their readers give them."""
    from pathlib import Path

    from ajdiff.read.formats import read_source
    from ajdiff.read.vocabulary import _is_signature_lowered, is_signature

    root = Path(__file__).resolve().parents[2] / "fixtures"
    paths = sorted([*root.glob("*.txt"), *(root / "external").glob("**/*.txt")])
    lines = {line for path in paths for line in read_source(path).lines}
    signatures = 0
    for line in sorted(lines):
        expected = _is_signature_lowered(line)
        assert is_signature(line) is expected, line
        signatures += expected
    assert signatures >= 10, signatures  # 13 signature lines among them


def test_a_line_strip_bullet_refuses_by_its_first_character_is_one_its_pattern_refuses() -> None:
    """`strip_bullet` looks at a line's first character before its pattern: with any character the pattern
    could take first (whitespace, the first blocks, the Symbol fonts' private-use bullets), the same answer."""
    import sys

    from ajdiff.text import _strip_bullet_by_pattern, strip_bullet

    firsts = [chr(c) for c in [*range(0x3000), *range(0xF000, 0xF100)]]
    firsts += [ch for ch in map(chr, range(0x3000, sys.maxunicode + 1)) if ch.isspace()]
    bullets = 0
    for first in firsts:
        for rest in ("", " ", "x", " Tekst", "  osaleb", "\u00a0Tekst", "-", "• Tekst"):
            text = first + rest
            expected = _strip_bullet_by_pattern(text)
            assert strip_bullet(text) == expected, text
            bullets += expected[1]
    assert bullets > 100, bullets


_LINE_PIECES = st.sampled_from(
    ["a", "ö", "o", "\u0308", "\u0301", "\u0323", "e\u0301", "\u1100", "\u1161", "\u11a8", "\n", "\r", "\r\n", " ",
     "  ", "\t", "\u00a0", "\u00ad", "\u200b", "\x1b[31m", "\x07", "\uf0b7", "\ud800", "–", "Ω", "\u212b", "x"]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=16).map("".join))
@example("a\n\u0308b")  # a mark after a break stays on its line
@example("\u1100\n\u1161")  # Hangul jamo do not join across a break
def test_a_texts_lines_are_normalised_as_each_line_on_its_own(text: str) -> None:
    """`normalize_lines` composes (NFC) the whole text once and only trims a plain line: the lines `normalize_line`
    makes of each line split on its own (CRLF, CR, LF)."""
    from ajdiff.text import normalize_line, normalize_lines

    expected = tuple(normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert normalize_lines(text) == expected


def test_a_latin1_texts_lines_are_composed_and_told_printable_as_by_the_unicode_tables() -> None:
    """A text of Latin-1 characters alone is taken as its own NFC and told printable by its bytes: for every such
    character, next to each other one and around a break, the lines and the verdict of NFC and `str.isprintable`; and
    the lines' lowered text (joined by NULs) is `bytes.lower`'s of their Latin-1 where they are printable."""
    import unicodedata

    from ajdiff.text import normalize_line, normalize_text_lowered

    latin = "".join(map(chr, range(256)))
    assert unicodedata.normalize("NFC", latin) == latin
    for c in latin:
        assert unicodedata.normalize("NFC", c + latin) == c + latin  # no character combines with the one before
        text = f"a{c}b\n {c}\n{c}  x"
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        printable = all(map(str.isprintable, lines))
        expected = tuple(map(normalize_line, lines)), lines if printable else None
        assert normalize_text_lowered(text)[:2] == expected, repr(c)
        lowered = "\x00".join(lines).encode("latin-1").lower() if printable else None
        assert normalize_text_lowered(text)[2] == lowered, repr(c)


_TEXT_FILE_PIECES = st.sampled_from(
    ["a", "õ", "\u0308", "\n", "\r", "\r\n", " ", "  ", " \n", "\t", "\x0b", "\x0c", "\x1c", "\x85", "\u2028",
     "\u00a0", "\u00ad", "\x01", "\x1b[31m", "–", "\u2000", "Ω", "x"]
)  # fmt: skip


def _read_text_before(data: bytes) -> tuple[tuple[str, ...], bool, tuple[str, ...]] | str:
    """`read_text` as it was: refused as binary first, each line normalised on its own, and its page lines told
    by the text's own lines (str.splitlines); its lines, whether wrapped, its warnings, or the problem it says."""
    from ajdiff.read.formats.plain import _looks_binary, decode_with_warnings
    from ajdiff.text import normalize_line

    text, warnings = decode_with_warnings(data, "x.txt")
    if _looks_binary(text):
        return "binary data, not text"
    lines = tuple(normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    raw = text.splitlines()
    filled = sum(1 for line in raw if line.strip())
    trailing = sum(1 for line in raw if line.endswith(" ") and line.strip())
    wrapped = bool(filled) and (trailing > 0.3 * filled or len(raw) - filled > 0.2 * len(raw))
    return lines, wrapped, warnings


@settings(max_examples=3000, deadline=None)
@given(st.lists(_TEXT_FILE_PIECES, max_size=16).map("".join))
@example("a \nb \n\n")  # page lines: trailing spaces
@example("a\x0bb \x0bc \x0b")  # breaks only str.splitlines takes: the text is read as before
@example("a\x01b")  # a control character: binary
@example("a  b\r\n\r\n")
def test_a_text_file_is_read_as_when_it_was_refused_as_binary_and_split_again_for_its_page_lines(text: str) -> None:
    """`read_text` tells binary data and page lines from the lines it normalises when every one is printable:
    the same lines, page lines and refusals as before, when it asked the text itself each time."""
    from ajdiff.errors import InputError
    from ajdiff.read.formats.plain import read_text

    data = text.encode("utf-8")
    try:
        source = read_text(data, "x.txt")
    except InputError as exc:
        assert exc.problem == _read_text_before(data)
    else:
        assert (source.lines, source.wrapped, source.warnings) == _read_text_before(data)


_SPLITTER_PIECES = st.sampled_from(
    ["a", "Ä", "õ", "K", "LISA", "Kinnitatud", "\n", "\r\n", " ", "  ", " \n", "\t", "\x01", "İ", "\u212a", "š", "_", "\u00ad"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_SPLITTER_PIECES, max_size=16).map("".join))
@example("KINNITATUD\nLisa 2\nAMETIJUHEND")
@example("a \nb")  # a line trimmed: the reader's lowered text is not its lines'
def test_a_plain_texts_lowered_lines_are_what_the_splitter_folds_them_into(text: str) -> None:
    """The lowered text a plain text's reader hands the splitter (`SourceText.lowered`) is the `_folded` of its
    lines, which the splitter no longer makes of them."""
    from ajdiff.errors import InputError
    from ajdiff.read.formats.plain import read_text
    from ajdiff.read.orders import _folded

    try:
        source = read_text(text.encode("utf-8"), "x.txt")
    except InputError:
        return
    if source.lowered is not None:
        assert source.lowered == _folded(list(source.lines))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aÕõ(\"'„“« 1٣-ǅ\u0301x")), max_size=6))
def test_a_text_starts_lower_as_the_loop_over_its_characters_says(text: str) -> None:
    from ajdiff.text import _first_letter_lower, starts_lower

    assert starts_lower(text) is _first_letter_lower(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("… tööjuhenditele „Riskipõhise järelevalve planeerimine“ ja", True),
        ("Aruanne on esitatud ning", True),
        ("kas see VÕI", True),
        ("tähtajad ehk\n", True),  # whitespace after the word
        ("tähtajad eh\u212a", True),  # the Kelvin sign lowers to "k"
        ("ja planeerimine", False),
        ("planeerimine ja.", False),
        ("Maja", False),
        ("", False),
        ("  \t", False),
    ],
)
def test_a_text_ends_with_a_conjunction_when_its_last_word_lowered_is_one(text: str, expected: bool) -> None:
    from ajdiff.read.content import _ends_with_conjunction

    assert _ends_with_conjunction(text) is expected


def test_only_the_listed_characters_lower_to_a_conjunctions_last_letter() -> None:
    """`_ends_with_conjunction` refuses a text by its last character: every character whose lowercase ends with
    a conjunction's last letter must be listed, or a word ending in it would be missed."""
    import sys

    from ajdiff.read.content import _CONJUNCTION_LAST_LETTERS, _CONJUNCTIONS

    last = {w[-1] for w in _CONJUNCTIONS}
    lowering = {c for c in map(chr, range(sys.maxunicode + 1)) if c.lower()[-1:] in last}
    assert lowering == set(_CONJUNCTION_LAST_LETTERS)


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("TÖÖÜLESANDED", "duties"),
        ("Teenistuskoha eesmärk", "goal"),
        ("Peamised tööülesanded ja oodatavad tulemused", "duties"),
        ("Ametikoha peamised tööülesanded ja oodatavad tulemused", "duties"),  # six words, by its ending
        ("Teenistuskohale esitatavad nõuded", "requirements"),
        ("Ülesanded on teostatud kaasatud ja korrektselt", None),  # a result: more words than any name has
        ("Vahetu juht Talituse juhataja", None),
    ],
)
def test_a_heading_is_named_by_its_words_or_its_ending(title: str, key: str | None) -> None:
    """`heading_key` looks a line up by name only when it has no more words than the longest name, and by its
    ending only when it ends with one of the endings at all."""
    from ajdiff.read.vocabulary import heading_key

    assert heading_key(title) == key


def test_a_duty_tables_header_row_in_text_not_ocrd_is_found_as_written_where_the_ocr_tolerant_test_finds_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`read_duties` asks a line of text that was not OCR'd whether it is a header row as written, not whether it
    is like one (OCR's letter swaps): on every line so asked of every fixture document, as its text and in Word
    with its duties in a table under a header row (a header row a page repeats, as LibreOffice's PDFs and HTML
    pages of it repeat it: tests/read/test_invariance.py reads those the same), both tests answer the same."""
    import ajdiff.read.content as content
    import ajdiff.read.structure as structure
    from ajdiff.read.formats import read_bytes
    from ajdiff.read.parse import parse_source
    from ajdiff.read.vocabulary import is_header_row, is_table_header
    from tests.read import layouts

    asked: list[tuple[str, bool]] = []

    def as_written(text: str) -> bool:
        answer = is_header_row(text)
        asked.append((text, answer))
        return answer

    monkeypatch.setattr(content, "is_header_row", as_written)
    monkeypatch.setattr(structure, "_read_section", structure._read_draft)  # every section read, none remembered
    monkeypatch.setattr(content, "_duty", content._read_duty)  # every duty read, none remembered
    for name, path in layouts.DOCUMENTS.items():
        text = path.read_text(encoding="utf-8")
        parse_source(read_bytes(text.encode(), f"{name}.txt", ".txt"))
        parse_source(read_bytes(layouts.docx_tables(text), f"{name}.docx", ".docx"))
    assert [(t, a) for t, a in asked if is_table_header(t) is not a] == []
    found = sum(a for _, a in asked)
    assert len(asked) > 1000 and found >= 8, (len(asked), found)  # header rows were met, not only other lines


def test_a_header_row_a_page_repeats_is_the_documents_own_though_no_known_row_spells_it_so() -> None:
    """A body's own header variant ('Oodatud tulemused', like a known row but none of them), above the first duty
    and again on a later page, is no part of the duty above it: the repeat is the document's own row, as written."""
    from ajdiff.read.formats import read_bytes
    from ajdiff.read.parse import parse_source
    from ajdiff.read.vocabulary import is_header_row, is_table_header
    from tests.read.layouts import FIXTURES

    variant = "Peamised teenistusülesanded Oodatud tulemused"
    assert is_table_header(variant) and not is_header_row(variant)  # a variant: only the likeness knows it
    [path] = FIXTURES.glob("001_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    heading = next(k for k, line in enumerate(lines) if line.startswith("2. Peamised teenistusülesanded"))
    second = next(k for k, line in enumerate(lines) if line.startswith("2.2. "))
    plain = "\n".join(lines)
    repeated = "\n".join(
        [*lines[: heading + 1], "", variant, "", *lines[heading + 1 : second], "", variant, "", *lines[second:]]
    )
    [doc], [without] = (parse_source(read_bytes(t.encode(), "001.txt", ".txt")) for t in (repeated, plain))
    assert [(d.number, d.task, d.results) for d in doc.duties] == [
        (d.number, d.task, d.results) for d in without.duties
    ]


@pytest.mark.parametrize(
    ("text", "written", "alike"),
    [
        ("Ülesanded Tulemused", True, True),
        ("Põhiülesanded | Oodatavad tulemused", True, True),
        ("TEENISTUSÜLESANDED", True, True),
        ("Ulesanded Tulemuscd", False, True),  # OCR's 'c' for 'e': alike, not as written
        ("Teenistuskoha ülesanded Tulemuslikkuse mõõtmise", False, True),  # a header cut over lines (PPA)
        ("Aruanne on esitatud.", False, False),
    ],
)
def test_a_header_row_as_written_is_one_of_the_rows_exactly(text: str, written: bool, alike: bool) -> None:
    from ajdiff.read.vocabulary import is_header_row, is_table_header

    assert (is_header_row(text), is_table_header(text)) == (written, alike)


_HEADER_TEXT = st.text(alphabet="aAdDiIöÖüÜ0613|é-–. tulemsnkTULEMSN", max_size=12)


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"), _HEADER_TEXT)
@example("I", "ilesanded")  # 'ii' reads 'u'
@example("D", "odatavad tulemused")  # 'd' reads 'o'
def test_a_line_refused_by_its_first_letter_folds_to_no_header_row(first: str, rest: str) -> None:
    """`is_header_row` refuses a line by its first letter before folding it: whatever follows that letter, the
    line's fold is no header row and no results column's name."""
    from ajdiff.read.vocabulary import _header_row_set, _refused_first_letters, _results_names
    from ajdiff.text import ocr_fold

    if first in _refused_first_letters():
        assert ocr_fold(first + rest) not in _header_row_set() | _results_names()
    assert set(_refused_first_letters()).isdisjoint("pPtTuUoOsSdDiI")  # the letters rows' folds start with


def test_a_documents_lines_are_prepared_alike_with_their_facts_remembered_or_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`prepare` takes a line's own facts from a memo (two versions share most lines): every document of the seeds
    and the external folder is prepared the same from a memo filled by the other documents as afresh."""
    from pathlib import Path

    from ajdiff.read import lines as lines_module
    from ajdiff.read.formats import read_source
    from ajdiff.read.orders import split

    root = Path(__file__).resolve().parents[2] / "fixtures"
    paths = sorted([*root.glob("*.txt"), *(root / "external").glob("**/*.txt")])
    raws = [raw for path in paths for raw in split(read_source(path))]
    remembered = [lines_module.prepare(raw) for raw in raws]
    remembered += [lines_module.prepare(raw) for raw in raws]  # each line's facts from the memo now
    assert lines_module._facts.cache_info().hits >= sum(len(lines) for lines, *_ in remembered[: len(raws)])
    monkeypatch.setattr(lines_module, "_facts", lines_module._facts.__wrapped__)
    afresh = [lines_module.prepare(raw) for raw in raws]
    assert remembered == afresh + afresh


def test_a_plain_line_is_prepared_as_the_steps_for_every_line_prepare_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """`prepare` takes a plain line (`_line_facts`) as it is, without the steps asked of every other line, and asks
    a line starting with a digit or as a page mark what only such a line can be where `_special` lets it through:
    every document of the seeds and the external folder is prepared the same as when each line went through them
    all."""
    from pathlib import Path

    from ajdiff.read import lines as lines_module
    from ajdiff.read.formats import read_source
    from ajdiff.read.orders import split

    root = Path(__file__).resolve().parents[2] / "fixtures"
    paths = sorted([*root.glob("*.txt"), *(root / "external").glob("**/*.txt")])
    raws = [raw for path in paths for raw in split(read_source(path))]
    taken = [lines_module.prepare(raw) for raw in raws]
    facts = lines_module._line_facts
    plain = sum(facts(line)[5] for raw in raws for line in raw.lines if line)
    assert plain > sum(map(len, (raw.lines for raw in raws))) // 3, plain  # most lines are plain

    def every_step(text: str, signs: bool = True) -> tuple[object, ...]:
        """A line's facts, but that it is plain or goes on: every step is asked of it."""
        return (*facts(text, signs)[:5], False, False, True, *facts(text, signs)[8:])

    monkeypatch.setattr(lines_module, "_facts", every_step)
    assert taken == [lines_module.prepare(raw) for raw in raws]
    assert sum(facts(line)[7] for raw in raws for line in raw.lines if line) < plain // 10  # few lines are special


def _opens_by_every_test(text: str, num: Numbering | None) -> bool:
    """Whether `_sections` looked at a line as it did before `may_open_section`: all but those it put in the section
    above at once."""
    if text[:1] in ("A", "a") and text[:11].lower() == "ametijuhend":
        return True
    if num is not None:
        return num.depth == 1
    last = text[-1:]
    sunk = last == "." or (
        not (last == ":" or last.isspace() or text[:1].isspace()) and (len(text) > 90 or not text[:1].isupper())
    )
    return not sunk


def _text_fixture_raws() -> list[RawDocument]:
    """The raw documents of every text file of the seeds and the external folder, as the splitter gives them."""
    from pathlib import Path

    from ajdiff.read.formats import read_source
    from ajdiff.read.orders import split

    root = Path(__file__).resolve().parents[2] / "fixtures"
    paths = sorted([*root.glob("*.txt"), *(root / "external").glob("**/*.txt")])
    return [raw for path in paths for raw in split(read_source(path))]


def test_the_lines_that_may_open_a_section_are_told_by_prepare_as_by_every_test() -> None:
    """`prepare` tells where the lines that may open a section stand (from a plain line's remembered facts, or asked
    of a line its steps made), and `_sections` looks at those alone: in every document of the seeds and the external
    folder they are the lines that every test of each line takes, and the sections are those of every line looked at."""
    from ajdiff.read.lines import may_open_section, prepare
    from ajdiff.read.structure import _sections

    raws = _text_fixture_raws()
    opened = 0
    for raw in raws:
        lines, _, opening, _ = prepare(raw)
        assert opening == [k for k, line in enumerate(lines) if _opens_by_every_test(line.text, line.num)], raw.source
        assert opening == [k for k, line in enumerate(lines) if may_open_section(line.text, line.num)], raw.source
        assert _sections(lines, opening) == _sections(lines, list(range(len(lines)))), raw.source
        opened += len(opening)
    assert 0 < opened < sum(map(len, (raw.lines for raw in raws))) // 3  # most lines open no section


def test_the_lines_that_may_be_bare_are_told_by_prepare_as_by_asking_each_line() -> None:
    """`prepare` tells which lines may be a label or a heading alone (from a plain line's remembered facts, or asked of
    a line its steps made), and `_paired_columns` looks up those alone: in every document of the seeds and the
    external folder they are the lines `may_be_bare` takes, and the columns are paired as when it asks each line."""
    from ajdiff.read.lines import may_be_bare, prepare
    from ajdiff.read.structure import _paired_columns

    raws = _text_fixture_raws()
    told = 0
    for raw in raws:
        lines, _, _, bare = prepare(raw)
        assert bare == bytes([may_be_bare(line.text, line.bullet) for line in lines]), raw.source
        assert _paired_columns(lines, bare) == _paired_columns(lines), raw.source
        told += sum(bare)
    assert 0 < told < sum(map(len, (raw.lines for raw in raws))) // 2  # most lines are no label alone


@example("Ametijuhend vaadatakse üle.")
@example("Ametijuhendiga tutvunud")
@example("ametijuhend.")
@example("Õigused:")
@example("Õigused :")
@example(" Tööaeg")
@example("")
@given(st.text(alphabet="AaÕõm .:\t1)xX" + "e" * 5, max_size=100))
def test_a_line_may_open_a_section_as_every_test_takes_it(text: str) -> None:
    from ajdiff.read.lines import may_open_section, numbering

    assert may_open_section(text, None) == _opens_by_every_test(text, None)
    num = numbering(text)
    assert may_open_section(text, num) == _opens_by_every_test(text, num)


def test_a_long_line_is_not_kept_in_the_memo_of_lines_facts() -> None:
    """The memo holds a few thousand lines: a paragraph typed on one line (up to 20,000 characters) is not one."""
    from ajdiff.read.lines import _facts, prepare
    from ajdiff.read.memo import MEMO_CHARS
    from ajdiff.read.orders import RawDocument

    long_line = "Teenistuja" + " tagab nõuetekohase asjaajamise ja" * 40 + " arhiveerimise."
    short_line = "Teenistuja tagab nõuetekohase asjaajamise."
    assert len(long_line) > MEMO_CHARS >= len(short_line)
    _facts.cache_clear()
    lines, *_ = prepare(RawDocument("x.txt", None, None, (long_line, short_line)))
    assert [line.text for line in lines] == [long_line, short_line]
    assert _facts.cache_info().currsize == 1


_FIELDS_MEMOS = ("_name_list", "_split_items", "_supervisor", "_partitive", "_languages")
"""The memos of `ajdiff.read.fields` that remember a short value's reading (`short_text_memo`)."""


def test_the_documents_lists_are_read_alike_with_their_cuts_remembered_or_not(monkeypatch: pytest.MonkeyPatch) -> None:
    """`to_model` cuts a list's value (substitutes, rights), reads the names and languages of short values and
    names the labels through memos: every document of the seeds and the external folder has the same model read with the memos
    filled by all of them as read afresh."""
    from pathlib import Path

    from ajdiff.read import fields
    from ajdiff.read.parse import read_documents

    root = Path(__file__).resolve().parents[2] / "fixtures"
    paths = sorted([*root.glob("*.txt"), *(root / "external").glob("**/*.txt")])
    for path in paths:
        read_documents(path)  # every list in the memos
    remembered = [read_documents(path) for path in paths]
    memos = [getattr(fields, name) for name in _FIELDS_MEMOS]
    assert all(memo.cache_info().hits for memo in [*memos, fields._known_label])
    for name, memo in zip(_FIELDS_MEMOS, memos):
        monkeypatch.setattr(fields, name, memo.__wrapped__)
    monkeypatch.setattr(fields, "_known_label", fields.known_label)
    assert remembered == [read_documents(path) for path in paths]


def test_a_long_list_value_is_not_kept_in_the_memos_of_lists() -> None:
    from ajdiff.read import fields
    from ajdiff.read.memo import MEMO_CHARS

    value = ", ".join(f"ametnik nr {k} (valdkond {k})" for k in range(40))
    assert len(value) > MEMO_CHARS
    fields._name_list.cache_clear()
    fields._split_items.cache_clear()
    assert len(fields._name_list(value)) == 40
    assert len(fields._split_items(value, ",")) == 40
    assert fields._name_list.cache_info().currsize == fields._split_items.cache_info().currsize == 0


def test_a_long_list_is_remembered_by_the_few_of_the_memo_of_long_lists() -> None:
    """A rights paragraph over MEMO_CHARS is cut once for both versions of a pair (`_split_long_items`), as cutting
    it anew would cut it, and the memo of long lists holds no more than its few."""
    from ajdiff.read import fields
    from ajdiff.read.memo import MEMO_CHARS
    from ajdiff.text import split_outside_parens
    from ajdiff.tree import Node, NodeKind

    value = "; ".join(f"õigus nr {k} (valdkond {k}, ka muu)" for k in range(40))
    assert len(value) > MEMO_CHARS
    node = Node(NodeKind.FIELD, value, value, key="rights_resp.rights")
    fields._split_items.cache_clear()
    fields._split_long_items.cache_clear()
    first = fields._items(node, own=True)
    assert first == fields._items(node, own=True) == split_outside_parens(value, ";") and len(first) == 40
    assert fields._split_long_items.cache_info().hits == 1 and fields._split_items.cache_info().currsize == 0
    for k in range(3 * fields._LONG_LISTS_KEPT):
        fields._items(Node(NodeKind.FIELD, f"{value}; {k}", "", key="rights_resp.rights"), own=True)
    assert fields._split_long_items.cache_info().currsize == fields._LONG_LISTS_KEPT


def test_a_short_text_memo_reads_a_long_text_afresh_and_remembers_a_short_one() -> None:
    """`short_text_memo`: one reading for each short text while it is remembered, a reading per call of a long one
    (never kept), the least recently asked text forgotten first; extra arguments are part of what is remembered."""
    from ajdiff.read.memo import short_text_memo

    asked: list[tuple[str, str]] = []

    def read(text: str, sep: str = ",") -> tuple[str, ...]:
        asked.append((text, sep))
        return tuple(text.split(sep))

    memo = short_text_memo(maxsize=2, max_chars=5)(read)
    assert memo.__wrapped__ is read and memo.__doc__ == read.__doc__
    assert memo("a,b") == memo("a,b") == ("a", "b")
    assert memo("a;b", ";") == ("a", "b") and memo("a;b", ";") == ("a", "b")
    assert memo("a,b,c") == memo("a,b,c") == ("a", "b", "c")  # evicts ('a,b', ',')
    assert memo("a,b,c,d") == memo("a,b,c,d") == ("a", "b", "c", "d")  # 7 characters: read each time
    assert memo("a,b") == ("a", "b")
    assert asked == [("a,b", ","), ("a;b", ";"), ("a,b,c", ","), ("a,b,c,d", ","), ("a,b,c,d", ","), ("a,b", ",")]
    assert memo.cache_info().currsize == 2
    memo.cache_clear()
    assert memo.cache_info().currsize == 0
    # A reading of the text alone is called without packing arguments: remembered the same way.
    asked.clear()
    alone = short_text_memo(maxsize=2, max_chars=5)(lambda text: read(text))
    assert [alone("a,b"), alone("a,b"), alone("a,b,c,d"), alone("a,b,c,d")] == [("a", "b")] * 2 + [tuple("abcd")] * 2
    assert asked == [("a,b", ","), ("a,b,c,d", ","), ("a,b,c,d", ",")]
    assert alone.cache_info().currsize == 1


_FOLD_PIECES = st.one_of(
    st.sampled_from(
        [
            *("a", "B", " ", "  ", "-", "- ", "-\n", "\t", "_", "9", ".", ",", "õ", "Ä", "ö", "ü", "Õ", "Ü", "š"),
            *("–", "„", "§", "ß", "İ", "ﬁ", "\u0301", "日本", "\x1c", "\u00a0", "II", "é", "|", "6", "0", "1", "d"),
        ]
    ),
    st.text(max_size=4),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_FOLD_PIECES, max_size=40).map("".join))
@example("Juurdepääsu- piiranguga e- kirjad Õigus-Aktide – täitmine")
@example("ÕÄÖÜõäöü" * 5)
@example("A-\x1cB")
@example("a- b- c- d-  e_-\t9 -x")
@example(" .,;:!?()[] a ..... b" + "." * 33)  # runs of 11 and 33 spaces once translated: halved again and again
def test_fold_finds_the_words_its_patterns_find(text: str) -> None:
    """`fold` reads an ASCII text's words by a translation table, its runs of spaces halved: the words its patterns find
    (`_fold_by_pattern`), the hyphen joins (`_join_hyphens`) and the capitals too; and `to_ascii`'s Estonian letters
    replaced whole are unidecode's."""
    from unidecode import unidecode

    from ajdiff.text import _fold_by_pattern, fold

    assert fold.__wrapped__(text) == _fold_by_pattern(unidecode(text))


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["a", "Ö", "-", " ", "- ", "-\t", "ja", "–", "\u00a0"]), st.characters(max_codepoint=255)
        ),
        max_size=12,
    ).map("".join)
)
@example("Üksuse- ja «tööde» ½ µ-süsteem ¯ x")
def test_a_latin1_text_is_folded_by_one_table_as_by_the_steps(text: str) -> None:
    """`fold` of a Latin-1 text through one table of bytes (`_FOLD_LATIN1`) is what `to_ascii`, the hyphens' joins
    and the table of ASCII make of it, for every Latin-1 character, whatever stands around it."""
    from ajdiff.text import _fold_by_steps, fold

    assert fold.__wrapped__(text) == _fold_by_steps(text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_FOLD_PIECES, max_size=30).map("".join))
@example("Teenistuskoha ülesanded ii 6|1dé0")
def test_ocr_letters_are_swapped_as_the_translation_table_swaps_them(text: str) -> None:
    """`ocr_fold` swaps a non-ASCII text's OCR letters one `str.replace` at a time, and an ASCII text's through a
    table of every character: both what `str.translate` with the swaps gives."""
    from ajdiff.text import _OCR_ASCII, _OCR_SWAPS, _swap_ocr_letters, fold, ocr_fold

    lowered = text.lower()
    assert _swap_ocr_letters(lowered) == lowered.translate(_OCR_SWAPS)
    if lowered.isascii():
        assert lowered.encode("ascii").translate(_OCR_ASCII).decode("ascii") == lowered.translate(_OCR_SWAPS)
    assert ocr_fold(text) == fold(lowered.translate(_OCR_SWAPS).replace("ii", "u"))


def test_a_latin1_text_is_ocr_folded_by_its_table_as_by_the_steps() -> None:
    """`ocr_fold` of a Latin-1 text through one table of bytes (`_OCR_LATIN1`) is what lowering, the swaps and the
    'ii' make of it step by step, for every Latin-1 character, alone, doubled and beside an 'I'."""
    from ajdiff.text import _ocr_fold_by_steps, ocr_fold

    for code in range(256):
        char = chr(code)
        for text in (char, char + char, f"I{char}I", f"Ab{char}- cd"):
            assert ocr_fold(text) == _ocr_fold_by_steps(text), text
    assert ocr_fold("İI Kõõ") == _ocr_fold_by_steps("İI Kõõ")  # beyond Latin-1: by the steps


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "bb", "ö", "Ö", "_", "1", "-", " ", "- ", "ja", "või", "A", "--", "é", "x-", "\u0301"]),
        max_size=14,
    ).map("".join)
)
@example("personali- ja haldusosakonnaga, pädevus- valdkonda e- kirjad")
@example("a- b- c- d")
@example("2- 3 IT- tugi")
def test_inline_hyphens_are_undone_where_the_pattern_undid_them(text: str) -> None:
    """`dehyphenate_inline` finds a line's "- " by a string search: the words it joins are the ones its pattern
    (`_dehyphenate_by_pattern`) matched, a word ending one match starting no other."""
    from ajdiff.text import dehyphenate_inline

    assert dehyphenate_inline(text) == _dehyphenate_by_pattern(text)


_INLINE_HYPHEN = re.compile(r"(\w+)- (\w+)")


def _dehyphenate_by_pattern(text: str) -> str:
    """`dehyphenate_inline` by its pattern: the definition the string search is held against."""
    from ajdiff.text import _joined

    return _INLINE_HYPHEN.sub(lambda m: _joined(m.group(1), m.group(2)) or m.group(0), text)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "öö", " ", ",", ";", "(", ")", "[", "]", ".", "- ", "x)"]), max_size=16).map(
        "".join
    ),
    st.sampled_from([",;", ";", ",", "(", ";)"]),
)
@example("eesti keel (C1), inglise keel (B2; kõnes) ja vene keel [A2, kirjas]", ",;")
@example("a)), b ((c, d), e", ",;")
def test_a_list_is_cut_outside_brackets_where_the_character_loop_cut_it(text: str, separators: str) -> None:
    """`split_outside_parens` steps from bracket to separator by a pattern: the pieces the loop over every
    character (`_split_char_by_char`) cut, closing brackets without an opening one and separators that are
    brackets too."""
    from ajdiff.text import _split_at_depth_zero

    assert _split_at_depth_zero(text, separators) == _split_char_by_char(text, separators)


def _split_char_by_char(text: str, separators: str) -> list[str]:
    """The text cut at each separator outside brackets, by a loop over its characters: the definition."""
    items: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in separators and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    items.append("".join(cur))
    return items


def test_the_refusals_first_byte_test_lets_every_magic_through_wherever_it_stands() -> None:
    # `refusal` answers most files by their first byte; each format it names is still named, its magic at its offset
    # after any other bytes (WebP's after 'RIFF', which `refusal` asks of it), and text is not.
    from ajdiff.read.formats import _REFUSED_MAGIC, refusal

    for magic, offset, *_ in _REFUSED_MAGIC:
        data = (b"RIFF1234" if magic == b"WEBP" else b"x" * offset) + magic + b"\x00" * 300
        if magic == b"BZh":
            data = magic + b"9" + b"1AY&SY" + b"\x00" * 300
        assert refusal(data) is not None, magic
    assert refusal(b"Teenistuskoht: jurist\n" * 30) is None
    assert refusal(b"RIFF....AVI " + b"\x00" * 300) is None


def _line_facts_by_every_step(text: str) -> tuple[object, ...]:
    """`_line_facts` as it was, every step asked of every line."""
    from ajdiff.read.lines import (
        _PAGE_MARK_FIRSTS,
        _number_before_point,
        _special,
        may_be_bare,
        may_open_section,
        numbering,
    )
    from ajdiff.read.vocabulary import is_signature
    from ajdiff.text import dehyphenate_inline, strip_bullet

    body, bullet = strip_bullet(text)
    if "- " in body:
        body = dehyphenate_inline(body)
    signature, num, point = is_signature(text), numbering(body), _number_before_point(body)
    first = text[:1]
    plain = not (signature or num or point or first.isdigit() or first in _PAGE_MARK_FIRSTS or body[:1].isdigit())
    goes_on, opens = not bullet and body[:1].islower(), may_open_section(body, num)
    return signature, body, bullet, num, point, plain, goes_on, _special(text), opens, may_be_bare(body, bullet)


def test_a_letter_that_starts_a_line_without_the_steps_starts_no_bullet_digit_or_pattern() -> None:
    """`_line_facts` takes a line starting with a letter but a few as a word's, without the steps: no such letter is
    a digit, a space, a private-use bullet or a bullet, nor one a number's or a page mark's pattern starts with."""
    import sys

    from ajdiff.read.lines import _ASKED_LETTERS, _DECIMAL, _LETTER, _PAGE_MARK, _ROMAN
    from ajdiff.text import _BULLET_FIRSTS, _BULLET_RE

    letters = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalpha() and c not in _ASKED_LETTERS]
    assert len(letters) > 100_000
    for c in letters:
        assert not (c.isdigit() or c.isspace() or "\uf000" <= c <= "\uf0ff" or c in _BULLET_FIRSTS), c
        for rest in (" x", "1. X", ") x", "\u00a0Õ"):
            text = c + rest
            assert not _BULLET_RE.match(text) and not _PAGE_MARK.match(text), text
            assert not (_DECIMAL.match(text) or _ROMAN.match(text) or (_LETTER.match(text) and rest[0] != ")")), text


def test_a_bullets_or_a_numerals_letter_before_a_lowercase_one_starts_no_bullet_number_or_pattern() -> None:
    """`_line_facts` takes a line starting with a bullet's or a roman numeral's letter followed by a lowercase one
    ('Vahetu juht') without the steps too: no bullet, number or page mark starts so."""
    import sys

    from ajdiff.read.lines import _DECIMAL, _LETTER, _PAGE_MARK, _PAGE_MARK_FIRSTS, _WORD_LETTERS, numbering
    from ajdiff.text import strip_bullet

    lowercase = [c for c in map(chr, range(sys.maxunicode + 1)) if c.islower()]
    assert len(lowercase) > 2000 and set("eIVX") == _WORD_LETTERS and not _WORD_LETTERS & set(_PAGE_MARK_FIRSTS)
    for first in _WORD_LETTERS:
        for second in lowercase:
            for rest in ("", " x", " X", ". X", ") x", "I. X", "\u00a0Õ"):
                text = first + second + rest
                assert strip_bullet(text) == (text, False), text
                assert numbering(text) is None and not _PAGE_MARK.match(text), text
                assert not (_DECIMAL.match(text) or _LETTER.match(text)), text


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"ÜaeIlLXVžΩ) -–.1\u212a•\uf0b7",
                "- ",
                "12.",
                " 3.",
                "2)",
                "_____",
                "allkiri",
                "Tööandja",
                "tutvunud",
                "Õigus",
            ]
        ),
        max_size=10,
    ).map("".join)
)
@example("Arendus- ja haldusosakond")
@example("a- b")
@example("e Teenistuja")
@example("Allkiri: ____________")
@example("a) teenistuja")
def test_a_lines_facts_are_those_every_step_gives(text: str) -> None:
    from ajdiff.read.lines import _line_facts

    assert _line_facts(text) == _line_facts_by_every_step(text)


def test_every_line_of_the_documents_has_the_facts_every_step_gives() -> None:
    from pathlib import Path

    from ajdiff.read.formats import read_source
    from ajdiff.read.lines import _line_facts

    root = Path(__file__).resolve().parents[2] / "fixtures"
    paths = sorted([*root.glob("*.txt"), *(root / "external").glob("**/*.txt")])
    lines = {line for path in paths for line in read_source(path).lines if line}
    assert len(lines) > 1000
    for line in lines:
        assert _line_facts(line) == _line_facts_by_every_step(line), line


_SIGNING_PIECES = ["allkir", "ALLKIRJ", "AllKirja", "andja", "ANDJA", "tutvu", "TuTvU", "_____", "__", "a", "K", "kir"]
_SIGNING_PIECES += [*"\u212a\u0130\u0131õ–( lkir", "nimi", "Tööandja", "tutvunud"]  # Kelvin, dotted I, dotless i


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_SIGNING_PIECES), max_size=12).map("".join))
@example("Tööandja esindaja allkiri")
@example("Kinnitan allkirjaga, et olen ametijuhendiga tutvunud")
@example("______ ____ . ______ 200 __. a.")
def test_a_signature_stands_only_in_a_text_that_may_hold_one(text: str) -> None:
    """A file whose text holds none of a signature's words (`may_hold_signature`) has no line that `is_signature`
    takes for one: its lines are not asked (`RawDocument.signs`)."""
    from ajdiff.read.orders import _folded
    from ajdiff.read.vocabulary import is_signature, may_hold_signature

    folded = _folded(["Ametijuhend", text, "Lõpp"])
    if is_signature(text):
        assert folded is None or may_hold_signature(folded)


def test_a_document_is_prepared_alike_whether_its_lines_are_asked_for_signatures_or_not() -> None:
    """Every document of the seeds and the external folder that `split` finds no signature's word in is prepared
    the same as when each of its lines is asked, and some are such documents."""
    from dataclasses import replace
    from pathlib import Path

    from ajdiff.read.formats import read_source
    from ajdiff.read.lines import prepare
    from ajdiff.read.orders import split

    root = Path(__file__).resolve().parents[2] / "fixtures"
    paths = sorted([*root.glob("*.txt"), *(root / "external").glob("**/*.txt")])
    unsigned = [raw for path in paths for raw in split(read_source(path)) if not raw.signs]
    assert unsigned
    assert [prepare(raw) for raw in unsigned] == [prepare(replace(raw, signs=True)) for raw in unsigned]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "2", "12", ".", ",", ")", " ", "  ", "/", "(", "-", "lk", "Lk", "a", "Juht"]), max_size=8
    ).map("".join)
)
@example("2.")
@example("12 ,")
@example("lk 2/3")
@example("- 2 -")
@example("1.3 Vahetu juht 1.4")
@example("4")
def test_a_line_no_step_for_digits_and_page_marks_takes_is_not_special(text: str) -> None:
    """`_special` says no only of a line that none of `prepare`'s steps for a number alone, a page mark or a row of
    labels cut after its number would take: held against their patterns themselves."""
    from ajdiff.read.lines import _BARE_NUMBER, _DANGLING_LABEL_NUMBER, _PAGE_MARK, _special

    first = text[:1]
    taken = bool(
        (first.isdigit() and len(text) <= 2 and text.isdigit())
        or ((first.isdigit() or first in "-lL") and _PAGE_MARK.match(text))
        or (first.isdigit() and (_BARE_NUMBER.match(text) or _DANGLING_LABEL_NUMBER.match(text)))
    )
    assert _special(text) == taken


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Aruanne", "on", " ", "  ", "\t", "\u00a0", "esitatud", "-", "."]), max_size=8))
@example(["Aruanne", " ", "on", "  ", "esitatud", " "])
def test_a_result_of_one_line_is_the_node_its_draft_made(words: list[str]) -> None:
    """A duty's result that is one line as written is kept as the line (`content._open_result`); its node is the
    node a draft of that line made, single-spaced as the draft's (`content._result_node`)."""
    from ajdiff.read.content import _RESULT, _Draft, _result_node
    from ajdiff.read.lines import Line
    from ajdiff.tree import line_origin

    text = "".join(words)
    line = Line(text, f"• {text}", line_origin(7))
    assert _result_node(line) == _Draft(_RESULT, [line], text, "duties.results").node()


def test_a_result_line_wrapped_onto_the_next_is_one_result_of_both_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """A result kept as its line becomes a draft when a wrapped line goes on it: both lines' words in one result,
    its verbatim both lines; the results before and after it their own lines."""
    import ajdiff.read.content as content
    from ajdiff.read.formats import read_bytes
    from ajdiff.read.parse import parse_source

    monkeypatch.setattr(content, "_duty", content._read_duty)  # every duty read, none remembered
    text = (
        "AMETIJUHEND\n1. Üldosa\nTeenistuskoht Ekspert\n2. Teenistusülesanded\n"
        "2.1. Aruannete koostamine.\nAruanded on esitatud\nõigeaegselt ja  korrektselt.\nTagatud on kvaliteet.\n"
    )
    (doc,) = parse_source(read_bytes(text.encode(), "duties.txt", ".txt"))
    assert [(d.task, d.results) for d in doc.duties] == [
        ("Aruannete koostamine.", ("Aruanded on esitatud õigeaegselt ja korrektselt.", "Tagatud on kvaliteet."))
    ]
    duties = next(n for n in doc.sections if n.key == "duties")
    (duty,) = [n for n in duties.children if n.key == "duties"]
    assert [r.verbatim for r in duty.children] == [
        "Aruanded on esitatud\nõigeaegselt ja korrektselt.",  # (a text file's lines come single-spaced)
        "Tagatud on kvaliteet.",
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Aruanne", "on", " ", "  ", "\u2002", "esitatud", "-", "."]), max_size=8))
@example(["Aruanne", "\u2002", "on"])  # a space str.isprintable refuses, which normalising keeps: split on
def test_a_result_line_known_printable_is_the_node_its_draft_made(words: list[str]) -> None:
    """A result line its reader knows printable (`Line.printable`, true only where its text is) is single-spaced
    without asking so (`content._result_node`): the node a draft of that line made, as for a line not known so."""
    from ajdiff.read.content import _RESULT, _Draft, _result_node
    from ajdiff.read.lines import Line
    from ajdiff.tree import line_origin

    text = "".join(words)
    line = Line(text, text, line_origin(3), printable=text.isprintable())
    assert _result_node(line) == _Draft(_RESULT, [line], text, "duties.results").node()


@settings(max_examples=1000, deadline=None)
@given(st.lists(_SPLITTER_PIECES | st.sampled_from(["\u2002", "1. ", "• "]), max_size=16).map("".join))
@example("KINNITATUD\nLisa 2\nAMETIJUHEND\n1. Üldosa\n• a\u2002b")
def test_a_lines_printable_mark_is_its_texts_printability_known(text: str) -> None:
    """A plain text whose every line is printable says so (`SourceText.printable`), and its documents' lines carry
    it (`RawDocument.printable`, `Line.printable`): true only where every line's text is printable."""
    from ajdiff.errors import InputError
    from ajdiff.read.formats.plain import read_text
    from ajdiff.read.lines import prepare
    from ajdiff.read.orders import split

    try:
        source = read_text(text.encode("utf-8"), "x.txt")
    except InputError:
        return
    assert source.printable == all(map(str.isprintable, text.replace("\r", "\n").split("\n")))
    for raw in split(source):
        assert raw.printable == source.printable
        for line in prepare(raw)[0]:
            assert line.printable == source.printable
            assert not line.printable or line.text.isprintable()
