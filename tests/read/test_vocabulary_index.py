"""The vocabulary's term index finds, for every line, the very term a scan of all terms in order finds."""

from __future__ import annotations

from pathlib import Path

from ajdiff.read.vocabulary import FUZZY, Term, _header_rows, _label_terms, _prefix_match, is_table_header, vocabulary
from ajdiff.text import fold, fuzzy_equal, ocr_fold
from tests.conftest import SEEDS

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"


def _scan(words: list[str], terms: tuple[Term, ...], fuzzy: bool) -> tuple[Term, int] | None:
    """The definition: the first term in order whose words the line starts with, or (fuzzy) alike."""
    for term in terms:
        n = term.words
        if len(words) < n:
            continue
        folded = fold(" ".join(words[:n]))
        if folded == term.folded:
            return term, n
        long_alike = len(term.folded) >= 9 and folded[:1] == term.folded[:1] and folded[-2:] == term.folded[-2:]
        if fuzzy and long_alike and fuzzy_equal(ocr_fold(" ".join(words[:n])), term.ocr, FUZZY):
            return term, n
    return None


def test_every_line_of_the_seeds_and_external_documents_meets_the_same_term() -> None:
    paths = [*SEEDS.values(), *sorted(EXTERNAL.glob("*.txt"))]
    lines = {ln.strip() for p in paths for ln in p.read_text(encoding="utf-8").splitlines()} - {""}
    # The lines as the reader asks them: whole, and without their item number ('2.1. Vahetu juht …').
    lines |= {ln.split(" ", 1)[1] for ln in lines if " " in ln and ln[:1].isdigit()}
    tables = [vocabulary().headings, _label_terms(""), _label_terms("general."), _label_terms("requirements.")]
    hits = alike = 0
    for line in sorted(lines):
        words = line.split()
        for terms in tables:
            for fuzzy in (False, True):
                expected = _scan(words, terms, fuzzy)
                assert _prefix_match(words, terms, fuzzy) == expected, (line, fuzzy)
                hits += expected is not None
                alike += fuzzy and expected is not None and fold(" ".join(words[: expected[1]])) != expected[0].folded
    assert hits > 500 and alike > 0, (hits, alike)  # both ways of meeting a term were exercised


def test_the_first_term_in_order_wins_whatever_its_length_or_likeness() -> None:
    def term(key: str, phrase: str) -> Term:
        return Term(key, len(phrase.split()), fold(phrase), ocr_fold(phrase), phrase)

    short_first = (term("short", "vahetu"), term("long", "vahetu juht"))
    exact_first = (term("exact", "teenistuskoht"), term("alike", "teenistuskuht"))
    alike_first = (term("alike", "teenistuskuht"), term("exact", "teenistuskoht"))
    cases = [
        (short_first, "Vahetu juht osakonna juhataja", False, "short"),
        (short_first[::-1], "Vahetu juht osakonna juhataja", False, "long"),
        (exact_first, "Teenistuskoht nõunik", True, "exact"),
        (short_first, "Vahetu iuht osakonna juhataja", True, "short"),  # 'iuht': 'juht' after OCR
        (short_first[::-1], "Vahetu iuht osakonna juhataja", True, "long"),
        (alike_first, "Teenistuskoht nõunik", True, "alike"),
        (alike_first, "Teenistuskoht nõunik", False, "exact"),
    ]
    for terms, line, fuzzy, key in cases:
        expected = _scan(line.split(), terms, fuzzy)
        assert expected is not None and expected[0].key == key  # the definition, as the case says
        assert _prefix_match(line.split(), terms, fuzzy) == expected, (line, fuzzy)


def test_table_headers_are_found_as_a_comparison_with_every_header_row_finds_them() -> None:
    """The packed letter counts only skip rows `fuzzy_equal` would refuse: on every short line of the
    seeds and external documents, and on OCR-damaged and shuffled header rows, the answer is the same."""
    paths = [*SEEDS.values(), *sorted(EXTERNAL.glob("*.txt"))]
    lines = {ln.strip() for p in paths for ln in p.read_text(encoding="utf-8").splitlines()}
    rows = _header_rows()
    damaged = {r.replace("e", "c", 1) for r in rows} | {r[::-1] for r in rows} | {r[1:] + "x" for r in rows}
    damaged |= {r[: len(r) // 2] for r in rows} | {" ".join(r.split()[::-1]) for r in rows}
    found = 0
    for line in sorted(lines | damaged | {"", "ß" * 100, "Ülesanded | Tulemused"}):
        expected = len(line) <= 80 and any(fuzzy_equal(ocr_fold(line.replace("|", " ")), r, 0.8) for r in rows)
        assert is_table_header(line) is expected, line
        found += expected
    assert found > 100, found  # headers (damaged or not) were found, not only refused


def test_long_lines_are_refused_without_taking_a_place_in_the_table_header_memo() -> None:
    """A line longer than any header row is refused before the memo: a batch's long result lines must not
    push out the short lines whose answer took a computation (the memo holds 8,192 of them)."""
    from ajdiff.read.vocabulary import _short_table_header

    short = [f"Ülesanded {k} Tulemused" for k in range(20)]
    for line in short:
        is_table_header(line)
    before = _short_table_header.cache_info().currsize
    long_lines = [
        f"Tagatud on osakonna {k}. eesmärkide täitmine ning tulemuste õigeaegne esitamine juhile." for k in range(9000)
    ]
    assert all(len(line) > 80 for line in long_lines)
    assert not any(is_table_header(line) for line in long_lines)
    assert _short_table_header.cache_info().currsize == before
    hits = _short_table_header.cache_info().hits
    assert [is_table_header(line) for line in short] == [is_table_header(line) for line in short]
    assert _short_table_header.cache_info().hits == hits + 2 * len(short)  # still remembered


def test_each_header_row_is_its_pieces_joined_task_pieces_first() -> None:
    """The header test bounds a row's likeness by its pieces' (a row's common subsequence with a line is at
    most the sum of its pieces'): that holds only while every row is its pieces joined, one task column's
    name first and at most one results column's after it."""
    from ajdiff.read.vocabulary import _header_index, _header_pieces

    rows, pieces, made_of = _header_pieces()
    tasks = _header_index().task_pieces
    assert rows == _header_rows() and len(rows) == len(made_of) > len(pieces) > tasks > 0
    for row, used in zip(rows, made_of):
        assert "".join(pieces[k] for k in used) == row
        assert used[0] < tasks and all(k >= tasks for k in used[1:]) and len(used) <= 2, row
    assert not any(p.startswith(" ") for p in pieces[:tasks]) and all(p.startswith(" ") for p in pieces[tasks:])


def test_table_headers_near_and_far_from_every_row_are_found_as_a_comparison_with_every_row_finds_them() -> None:
    """Lines made to fall on both sides of the likeness: header rows with letters inserted, dropped and swapped,
    a task column's name joined to another row's results, and document lines so damaged; the pieces' bound
    and the packed sums must refuse only what `fuzzy_equal` against each row refuses."""
    import random

    rnd = random.Random(22)
    rows = _header_rows()
    letters = "abdeghiklmnoprstuvõäöü 016"
    documents = [*SEEDS.values(), *sorted(EXTERNAL.glob("*.txt"))]
    lines = [ln.strip() for p in documents for ln in p.read_text(encoding="utf-8").splitlines() if 0 < len(ln) <= 80]

    def damaged(text: str, edits: int) -> str:
        chars = list(text)
        for _ in range(edits):
            at, kind = rnd.randrange(len(chars) + 1), rnd.randrange(3)
            if kind == 0:
                chars.insert(at, rnd.choice(letters))
            elif chars:
                at = min(at, len(chars) - 1)
                if kind == 1:
                    del chars[at]
                else:
                    chars[at] = rnd.choice(letters)
        return "".join(chars)

    found = refused = 0
    for k in range(6000):
        if k % 3 == 0:
            line = damaged(rnd.choice(rows), rnd.randrange(12))
        elif k % 3 == 1:
            task, other = rnd.choice(rows).split(" ")[0], rnd.choice(rows)
            line = damaged(f"{task} {other[rnd.randrange(len(other)) :]}", rnd.randrange(6))
        else:
            line = damaged(rnd.choice(lines), rnd.randrange(4))
        expected = len(line) <= 80 and any(fuzzy_equal(ocr_fold(line.replace("|", " ")), r, 0.8) for r in rows)
        assert is_table_header(line) is expected, line
        found += expected
        refused += not expected
    assert found > 1000 and refused > 1000, (found, refused)  # both sides of the likeness were met


def _heading_key_before(title: str) -> str | None:
    """`heading_key` as it was: `heading_prefix` asked of every line of at most the longest name's words."""
    from ajdiff.read.vocabulary import _index, heading_by_ending, heading_prefix

    words = len(title.split())
    if words <= _index(vocabulary().headings).lengths[-1]:
        hit = heading_prefix(title)
        if hit and hit[1] == words:
            return hit[0]
    return heading_by_ending(title)


def test_a_whole_heading_is_named_as_when_every_short_line_was_searched_for_a_name() -> None:
    """`heading_key` asks `heading_prefix` only of a line whose whole fold is a name's of as many words, or may be
    alike one: every line of the seeds and the external documents, and every heading name written as OCR damages it
    (a letter swapped, one dropped, its case changed, a word added), is named as before."""
    from ajdiff.read.vocabulary import heading_key

    paths = [*SEEDS.values(), *sorted(EXTERNAL.glob("*.txt"))]
    lines = {ln.strip() for p in paths for ln in p.read_text(encoding="utf-8").splitlines()} - {""}
    lines |= {ln.split(" ", 1)[1] for ln in lines if " " in ln and ln[:1].isdigit()}
    for term in vocabulary().headings:
        phrase = term.phrase
        for k in range(1, len(phrase)):
            lines |= {phrase[:k] + "i" + phrase[k + 1 :], phrase[:k] + phrase[k + 1 :], phrase[:k] + "6" + phrase[k:]}
        lines |= {phrase.upper(), phrase.capitalize(), f"{phrase} ja vastutus", f"Teenistuja {phrase}", f"{phrase}:"}
    named = alike = 0
    for line in sorted(lines):
        heading_key.cache_clear()
        expected = _heading_key_before(line)
        assert heading_key(line) == expected, line
        named += expected is not None
        alike += expected is not None and fold(line) not in {t.folded for t in vocabulary().headings}
    assert named > 300 and alike > 50, (named, alike)  # names met exactly and alike
