"""Joining wrapped lines: linear in their number, and bounded like a line (issue 24, item 4)."""

from __future__ import annotations

import functools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ajdiff.text import join_all_wrapped, join_wrapped
from tests.conftest import FIXTURES

SEED = (FIXTURES / "001_f0f3c421c69f98c0.txt").read_text(encoding="utf-8")
WRAPPED = "jätkab ülesande kirjeldust pikalt ja põhjalikult, " * 4  # 200 characters, lowercase: a continuation

_words = st.sampled_from(["a", "B", "e", "õ", "-", " ", "ja", "ning", ",", "1", "ab"])
_pieces = st.lists(st.lists(_words, max_size=6).map("".join), max_size=12)


@given(_pieces)
def test_joining_many_pieces_is_joining_them_one_at_a_time(pieces: list[str]) -> None:
    """The linear join gives what the pairwise join gave: hyphenation undone the same way, everywhere."""
    assert join_all_wrapped(pieces) == functools.reduce(join_wrapped, pieces, "")


def test_hyphenation_cases_of_the_linear_join() -> None:
    """The cases the pairwise join knows, spelled out: a one-letter prefix keeps its hyphen, a conjunction too."""
    assert join_all_wrapped(["juurdepääsu-", "piiranguga"]) == "juurdepääsupiiranguga"
    assert join_all_wrapped(["e-", "kirjad"]) == "e-kirjad"
    assert join_all_wrapped(["saab e-", "kirjad"]) == "saab e-kirjad"
    assert join_all_wrapped(["Lõuna-", "ja", "Põhja-Eesti"]) == "Lõuna- ja Põhja-Eesti"
    assert join_all_wrapped(["", "a", "", "b"]) == "a b"


def _show(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ajdiff", "show", str(path)], capture_output=True, text=True, timeout=300
    )


def test_a_paragraph_joined_past_the_line_bound_is_refused(tmp_path: Path) -> None:
    """Issue 24 (4): 20,000 wrapped lines of 200 characters under a duty took 8.7 s and made one 4 MB
    paragraph, past the 20,000-character bound on a line; the join stops at the bound with one line."""
    duty = "2.1. Riigi, partnerasutuste, teenuseosutajate"
    text = SEED.replace(duty, duty + "\n" + (WRAPPED + "\n") * 20_000, 1)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    result = _show(path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"ajdiff: {path}: a paragraph joined from wrapped lines has 20")
    assert result.stderr.endswith(" characters (limit 20000) (not a job description)\n"), result.stderr


def test_a_paragraph_under_the_bound_is_still_joined(tmp_path: Path) -> None:
    """Ninety wrapped lines (18,000 characters) are one duty still: the bound is not a lower one."""
    duty = "2.1. Riigi, partnerasutuste, teenuseosutajate"
    path = tmp_path / "long.txt"
    path.write_text(SEED.replace(duty, duty + "\n" + (WRAPPED + "\n") * 90, 1), encoding="utf-8")
    result = _show(path)
    assert result.returncode == 0, result.stderr
    assert "jätkab ülesande kirjeldust pikalt ja põhjalikult, " * 360 in " ".join(result.stdout.split())


def test_a_pdf_paragraph_is_bounded_while_it_is_joined() -> None:
    """The PDF reader joins a page's visual lines itself: the same bound holds there, as they are joined."""
    import pytest

    from ajdiff.errors import InputError
    from ajdiff.read.formats import read_bytes
    from tests.hostile.real_world import pdf_page, text_operators

    lines = ["Teenistuskoht Nõunik", *[WRAPPED.strip()] * 120]
    with pytest.raises(InputError) as err:
        read_bytes(pdf_page(text_operators(lines)), "long.pdf", ".pdf")
    assert err.value.problem.startswith("a paragraph joined from wrapped lines has 20")
    assert err.value.problem.endswith(" characters (limit 20000)")


def test_the_linear_join_stops_at_its_limit() -> None:
    """With a limit, the join refuses as soon as the text would pass it, not after holding all of it."""
    import pytest

    from ajdiff.text import ParagraphTooLong

    def pieces() -> Iterator[str]:
        yield from ["abc"] * 10
        raise AssertionError("read past the limit")

    with pytest.raises(ParagraphTooLong) as err:
        join_all_wrapped(pieces(), 20)
    assert err.value.args[0] == 23  # "abc abc abc abc abc abc": six pieces, one past the limit
    assert join_all_wrapped(["abc"] * 5, 19) == "abc abc abc abc abc"
