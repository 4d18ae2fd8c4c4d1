"""The structure reader's fast paths give what the code they replace gave: each held against that code
(kept here) on generated text (Hypothesis), and on the documents where the documents can tell."""

from __future__ import annotations

import pickle
import re
import sys
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ajdiff.read.content import (
    _SENTENCE_SPLIT,
    _no_results_label_capitals,
    _results_label,
    _sentence_field,
    _single_spaced,
)
from ajdiff.read.fields import _DEFINED_AS, _name_only, value_of
from ajdiff.read.formats import SourceText, read_source
from ajdiff.read.orders import (
    _DATE,
    _ORDER_HEAD,
    _annex_line,
    _content,
    _folded,
    _headers,
    _iso,
    _kinnitatud_block,
    _register_tables,
    _unglue,
    split,
)
from ajdiff.read.structure import _caps_word, _is_caps
from ajdiff.read.vocabulary import is_results_label, vocabulary
from ajdiff.text import fold, join_all_wrapped, starts_lower
from ajdiff.tree import Node, NodeKind, line_origin, line_origins
from tests.conftest import SEEDS

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"

# Letters whose case Python's str methods and re's IGNORECASE see unlike ASCII ('İ', 'ı', 'ſ', circled 'ⓐ'
# is lowercase but no letter), Estonian letters, marks and the pieces of the lines each path looks at.
_CHARS = st.sampled_from(list("aAlLiIsSkKõÕüÜ ,.;:|-1\u0130\u0131\u017f\u24d0\u00aa"))


def _caps_word_before(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_caps_before(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_CHARS, max_size=12).map("".join))
@example("ÕPETAJA")
@example("AB\u24d0CD")  # a lowercase mark that is no letter: capitals still
@example("Teenistuskoha")
def test_a_line_is_in_capitals_exactly_when_all_its_letters_were_counted_so(text: str) -> None:
    assert (_is_caps(text), _caps_word(text)) == (_is_caps_before(text), _caps_word_before(text))


_VERBS = ("allub", "alluvad", "asendab", "asendavad", "annab", "annavad")


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(["ALLUB", "Asendab", "annavad", "allU", "ASENDA", "anna", "b", " ", ",", "x"]), max_size=8)
)
def test_a_line_the_sentence_test_refuses_at_once_has_no_verb_the_test_looks_for(pieces: list[str]) -> None:
    """`_sentence_field` returns None before splitting a line with none of 'allu', 'asenda', 'anna' in it: such a
    line has none of its verbs as a word, which is what the split words were asked."""
    text = "".join(pieces)
    words = [w.lower().strip(",;:") for w in text.rstrip(".").split()]
    if not any(verb in words for verb in _VERBS):
        return
    low = text.lower()
    assert "allu" in low or "asenda" in low or "anna" in low


def test_a_field_written_as_a_sentence_in_capitals_is_read() -> None:
    assert _sentence_field("Sekretär ALLUB direktorile.") == ("general.supervisor", "allub", "direktorile")
    assert _sentence_field("Sekretäri ASENDAB õppealajuhataja") == (
        "general.substituted_by",
        "asendab",
        "õppealajuhataja",
    )
    assert _sentence_field("Töötab koolis iga päev.") is None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["Aa", "b", ".", "!", "?", " ", "Õ", "1", ")"]), max_size=12))
def test_a_task_without_a_stop_before_a_space_is_one_sentence(pieces: list[str]) -> None:
    """`_finish` splits a task at its sentences only when it has a stop before a space (its spaces are single)."""
    task = " ".join("".join(pieces).split())
    if ". " not in task and "! " not in task and "? " not in task:
        assert [s.strip() for s in _SENTENCE_SPLIT.split(task) if s.strip()] == ([task] if task else [])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["| ", "x", " ", "-", "ab-"]), max_size=6).map("".join))
def test_a_line_opening_with_a_cell_separator_starts_in_lowercase_as_before_its_space(text: str) -> None:
    """`read_duties` asks once whether a line starts in lowercase, before a '| ' at its start gets a space."""
    line = "| " + text
    assert starts_lower(" " + line) == starts_lower(line)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" ab-\u00a0\t", max_size=10))
def test_a_field_without_children_has_its_text_as_value(text: str) -> None:
    node = Node(NodeKind.FIELD, text, text)
    assert value_of(node) == join_all_wrapped([text, *(c.text for c in node.children)]).strip()


def test_an_unpickled_node_has_its_strings_shared_and_its_empty_values_as_they_were() -> None:
    made = "".join(["Vahetu", " juht"])  # a string of its own, equal to none interned before
    node = Node(NodeKind.FIELD, made, made + " ", number=None, label="", key="general.supervisor")
    back = pickle.loads(pickle.dumps(node))
    assert back == node
    assert back.text is sys.intern(made) and back.verbatim is sys.intern(made + " ")
    assert back.number is None and back.label == "" and back.key is sys.intern("general.supervisor")


# ---------------------------------------------------------------------------- the splitter


def _headers_before(lines: list[str]) -> list:
    """`_headers` as it was: every line asked."""
    headers: list = []
    i = 0
    while i < len(lines):
        found = _kinnitatud_block(lines, i) if lines[i] else None
        if found is None and "lisa" in lines[i][-16:].lower():
            found = _annex_line(lines, i)
        if found:
            headers.append(found)
            i = found.end
        else:
            i += 1
    return headers


def _content_before(source: SourceText) -> tuple[list, list, list]:
    """`_content` as it was: the register's tables and glued titles looked for on every line."""
    content, metadata = _register_tables([(line, source.origin(k)) for k, line in enumerate(source.lines)])
    content = _unglue(content)
    return [t for t, _ in content], [o for _, o in content], list(source.metadata) + metadata


_ORDER_LINES = st.sampled_from(
    [
        "",
        "KINNITATUD Sotsiaalkindlustusameti peadirektori",
        "15.11.2024 käskkirjaga nr 164 Lisa 2",
        "kinnitatud ametijuhendeid rakendatakse",
        "AMETIJUHEND",
        "AMETIJUHEND 1. ÜLDOSA",
        "ametijuhend\t2. Tööülesanded",
        "Lisa 3",
        "LISA nr 4.",
        "Vt lisa 5 (käskkiri nr 7)",
        "- Kinnitatud",
        "| Viit | 164 |",
        "| Nimi | K.p. | Δ | Viit |",
        "| Käskkiri | 23.01.2026 | 4 | 11 | Põhitegevuse",
        "| ska | |",
        "|",
        "Teenistuskoht Jurist",
        "L\u0130SA 6",
        "1. Üldosa",
        "\u212aINNITATUD peadirektori",
        "k\u0131nn\u0131tatud ametijuhend",
        "Töö on kinnitatud, lisaks Lisa 7",
        "LiSa 8",
        "Teenistus\nLisa 9",
        "\n- KINNITATUD",
        "ametijuhend\n3. Nõuded",
        "Õppus\u2013kinnitatud Lisa 10",
        "Töö\x00 Lisa 11",  # a NUL of the line's own: `_folded` gives None, as hits' lines are told by NULs
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_ORDER_LINES, max_size=14))
@example(["| Käskkiri | 23.01.2026 | 4 | 11 | Põhitegevuse", "| ska | |", "AMETIJUHEND 1. ÜLDOSA"])
@example(["KINNITATUD Sotsiaalkindlustusameti peadirektori", "", "15.11.2024 käskkirjaga nr 164 Lisa 2", "Lisa 3"])
def test_the_splitter_cuts_generated_orders_as_when_it_asked_every_line(lines: list[str]) -> None:
    source = SourceText("t.txt", tuple(lines), origins=(line_origin(40),) if lines else ())
    *content, folded = _content(source)
    assert content == list(_content_before(source)) and folded == _folded(content[0])
    assert _headers(lines, _folded(lines)) == _headers_before(lines)


def test_the_splitter_cuts_the_documents_as_when_it_asked_every_line() -> None:
    paths = [*SEEDS.values(), *sorted(EXTERNAL.glob("*.txt")), *(p.with_suffix(".pdf") for p in SEEDS.values())]
    annexes = 0
    for path in paths:
        source = read_source(path)
        *content, folded = _content(source)
        assert content == list(_content_before(source)), path.name
        assert _headers(content[0], folded) == _headers_before(content[0]), path.name
        annexes += len(split(source))
    assert annexes > len(paths)  # the orders' annexes among them: the blocks were found


def test_an_order_number_line_opens_with_a_character_isdigit_accepts() -> None:
    """`_file_order` asks `_ORDER_HEAD` only of lines whose first character isdigit(): every character `\\d` matches
    is one (Unicode's decimal digits too), so no line the pattern matches is left out."""
    digits = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\d", chr(c))]
    assert len(digits) > 100 and all(d.isdigit() for d in digits)
    assert _ORDER_HEAD.pattern.startswith("^" + r"(\d")
    assert _ORDER_HEAD.match("15.11.2024 nr 164") and _ORDER_HEAD.match("\u0661\u0665.11.2024 nr 1")


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(st.sampled_from([" ", "  ", "a", "õ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "\u3000", "."]), max_size=10)
)
def test_a_text_is_single_spaced_as_by_splitting_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _single_spaced(text) == " ".join(text.split())


def test_every_separator_split_knows_is_unprintable_but_the_space() -> None:
    """What `_single_spaced` rests on, for every character: a printable text has no whitespace but the space."""
    splitting = [chr(c) for c in range(sys.maxunicode + 1) if len(f"a{chr(c)}b".split()) == 2]
    assert len(splitting) > 20 and [c for c in splitting if c.isprintable()] == [" "]


_CAPITALS = [chr(c) for c in range(0x41, 0xDF) if chr(c).isupper()]


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(_CAPITALS), st.text(alphabet=st.sampled_from(list("aõüs -–:.|")), max_size=8))
@example("Ü", "lesanded")
def test_a_line_is_a_results_label_as_folding_it_tells(first: str, rest: str) -> None:
    """`_results_label` refuses a line by its first capital only where the line's fold starts with a letter no
    results label's does."""
    text = first + rest
    firsts = {label[:1] for label in vocabulary().results_labels}
    if first in _no_results_label_capitals():
        assert fold(text)[:1] not in firsts
    assert _results_label(text) == is_results_label(text.rstrip(":"))


def test_every_results_label_written_with_a_capital_is_one() -> None:
    labels = sorted(vocabulary().results_labels)
    assert len(labels) > 5 and _no_results_label_capitals() >= {"A", "M", "Ü"}
    for label in labels:
        assert _results_label(label.capitalize() + ":"), label


# ---------------------------------------------------------------------------- sections, duties and labels


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Aa1 .:;|•-Õ")), max_size=12), st.booleans(), st.booleans())
def test_an_unnumbered_line_ending_a_sentence_is_no_heading(text: str, in_body: bool, bullet: bool) -> None:
    """`_sections` files an unnumbered line ending with a full stop under the section above without asking
    `_heading`: `_heading` makes no heading of any such line, wherever it stands."""
    from ajdiff.read.lines import Line
    from ajdiff.read.structure import _heading

    line = Line(text + ".", text + ".", line_origin(3), False, bullet, None)
    for expected in (1, 2):
        assert _heading(line, expected, None, in_body, in_fields=True) is None
        assert _heading(line, expected, None, in_body, in_fields=False) is None


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("Aa1 :;|-Õõ")), min_size=1, max_size=100),
    st.sampled_from(["", "2.1. ", "3.1.2 ", "a) ", "2) "]),
    st.booleans(),
)
@example("Teenistuskoha eesmärk" + " ja" * 30, "", True)
@example("ametijuhend", "", True)
@example("Õigused", "2.1. ", True)
def test_a_line_sections_files_without_asking_is_no_heading(text: str, number: str, in_body: bool) -> None:
    """`_sections` files under the section above, without asking `_heading`, an unnumbered line with nothing to trim
    at either end that is longer than a heading or starts without a capital, and a line numbered below the top
    level: `_heading` makes no heading of any such line."""
    from ajdiff.read.lines import HEADING_CHARS, Line, numbering
    from ajdiff.read.structure import _heading

    num = numbering(number + text) if number else None
    if number and (num is None or num.depth == 1):
        return
    last = text[-1:]
    trimmed = last == ":" or last.isspace() or text[:1].isspace()
    if num is None and (trimmed or (len(text) <= HEADING_CHARS and text[:1].isupper())):
        return  # `_sections` asks `_heading` of it
    line = Line(number + text, number + text, line_origin(3), False, False, num)
    for expected in (1, 2):
        assert _heading(line, expected, None, in_body, in_fields=True) is None
        assert _heading(line, expected, None, in_body, in_fields=False) is None


def _fixture_documents() -> list:
    from ajdiff.read.parse import read_documents

    paths = [
        *(seed.with_suffix(suffix) for suffix in (".txt", ".docx", ".pdf", ".html") for seed in SEEDS.values()),
        *sorted(EXTERNAL.glob("**/*.txt")),
    ]
    return [doc for path in paths for doc in read_documents(path)]


def test_the_model_takes_the_duties_and_labels_as_when_it_walked_every_node() -> None:
    """`_Collector.section` takes a duties section's own items as its duties, and `_own_labels` does not walk the
    duties' items and results: on every fixture document (text, Word, PDF, HTML, the external ones, OCR), every duty
    item is a duties section's child, and no field or other section stands under a duties section but in its
    sub-sections, so the model is the one the walks over every node gave."""
    from ajdiff.read.fields import _as_written, _known_label, _own_labels, _own_nodes
    from ajdiff.text import slugify
    from ajdiff.tree import walk

    docs = _fixture_documents()
    assert len(docs) > 60
    for doc in docs:
        sections = [n for n in walk(doc.sections) if n.kind is NodeKind.SECTION and n.key == "duties"]
        walked = [
            (child.number or "", child.text, tuple([r.text for r in child.children if r.kind is NodeKind.RESULT]))
            for section in sections
            for child in _own_nodes(section)
            if child.kind is NodeKind.ITEM and child.key == "duties"
        ]
        assert [(d.number, d.task, d.results) for d in doc.duties] == walked, doc.source
        labels: dict[str, str] = {}
        for node in walk(doc.sections):  # `_own_labels` as it was: every node asked
            if node.kind is NodeKind.FIELD and node.label:
                if not node.key:
                    labels.setdefault(
                        f"other.{slugify(node.label)}", _known_label("untyped", node.label) or _as_written(node.label)
                    )
                elif node.key not in labels and (known := _known_label(node.key, node.label)):
                    labels[node.key] = known
            elif node.kind is NodeKind.SECTION and (node.key or "").startswith("other.") and node.label:
                labels.setdefault(node.key or "", _as_written(node.label))
        assert _own_labels(doc.sections) == tuple(labels.items()), doc.source
    assert sum(len(doc.duties) for doc in docs) > 500 and sum(len(doc.labels) for doc in docs) > 300


def test_the_glued_titles_folded_search_takes_every_space_and_digit_the_pattern_takes() -> None:
    """`_GLUED_FOLDED` looks in `_folded` bytes for what `_GLUED_TITLE` needs after 'ametijuhend': its spaces and
    digits are every Latin-1 character `\\s` and `\\d` match, and '?' (any character beyond Latin-1)."""
    from ajdiff.read.orders import _GLUED_FOLDED

    def taken(cls: str) -> set[int]:
        return {c for c in range(256) if re.fullmatch(cls, chr(c))} | {ord("?")}

    spaces = {c for c in range(256) if _GLUED_FOLDED.fullmatch(b"ametijuhend" + bytes([c]) + b"1")}
    digits = {c for c in range(256) if _GLUED_FOLDED.fullmatch(b"ametijuhend " + bytes([c]))}
    assert spaces == taken(r"\s") and digits == taken(r"\d")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["osakond", " ", "(", ")", "edaspidi", "EDASPIDI:", ".", "\t", "x"]), max_size=9))
def test_a_name_without_a_closing_bracket_holds_no_short_name(pieces: list[str]) -> None:
    """What `_name_only` rests on when it does not search a name without ')': the pattern takes nothing of it."""
    text = "".join(pieces)
    assert ")" in text or _DEFINED_AS.sub("", text) == text


def test_a_name_loses_its_short_name_and_its_full_stop() -> None:
    assert _name_only("lennukõlblikkuse osakond (edaspidi osakond)") == "lennukõlblikkuse osakond"
    assert (
        _name_only("teehoiuteenistuse direktor (edaspidi: direktor).")
        == "teehoiuteenistuse direktor (edaspidi: direktor)"
    )
    assert _name_only("kooli direktor.") == "kooli direktor"


@settings(max_examples=1000, deadline=None)
@given(st.from_regex(_DATE, fullmatch=True))
def test_a_dates_iso_form_is_its_numbers_formatted(date: str) -> None:
    """`_iso` pads ASCII digits as written: what formatting their numbers gives, and any other digits' (Unicode's)."""
    day, month, year = re.fullmatch(_DATE, date).groups()  # type: ignore[union-attr]
    assert _iso(day, month, year) == f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def test_a_text_files_line_origins_are_the_shared_ones() -> None:
    """`line_origins` slices the Origins `line_origin` shares, however far the texts before reached."""
    for start, stop in [(1, 1), (3, 7), (1, 12), (2, 5), (10, 40)]:
        origins = line_origins(start, stop)
        assert len(origins) == stop - start
        assert all(origin is line_origin(k) for k, origin in enumerate(origins, start))


def test_a_remembered_numbered_heading_keeps_its_own_number_and_place() -> None:
    """`_numbered_heading` remembers a top-level line's heading by its title and number: the same title under another
    number is a heading of that number, and one only its place makes a heading is one where its place says so alone."""
    from ajdiff.read.lines import Line, numbering
    from ajdiff.read.structure import _heading

    def line(text: str) -> Line:
        return Line(text, text, line_origin(3), False, False, numbering(text))

    for number in ("2", "3", "2"):
        heading = _heading(line(f"{number}. Üldosa"), 2, None, True)
        assert heading is not None and heading.number == number and heading.key == "general"
    unknown, child = line("3. Valveaja rakendamine"), line("3.1. Valve korraldamine.")
    for _ in range(2):
        assert _heading(unknown, 3, child, True) is not None
        assert _heading(unknown, 3, None, True) is None  # no first item below it
        assert _heading(unknown, 5, child, True) is None  # not the next number
