"""Estonian number agreement, one function for the text report, Markdown and the UI."""

from __future__ import annotations

import pytest

from ajdiff.api import compare_files
from ajdiff.render.diff_text import diff_text
from ajdiff.render.markdown import diff_markdown
from ajdiff.words import counted
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("n", "word", "lang", "expected"),
    [
        (1, "substantive", "et", "1 sisuline"),
        (7, "substantive", "et", "7 sisulist"),
        (0, "substantive", "et", "0 sisulist"),
        (2, "editorial", "et", "2 toimetuslikku"),
        (19, "high", "et", "19 olulist"),
        (21, "change", "et", "21 muudatust"),
        (1, "change", "en", "1 change"),
        (3, "change", "en", "3 changes"),
    ],
)
def test_numerals_take_the_partitive_singular_except_after_one(n: int, word: str, lang: str, expected: str) -> None:
    assert counted(n, word, lang) == expected


def test_reports_agree_in_number() -> None:
    result = compare_files(SEEDS["001"], SEEDS["000"], new_annex="2")
    text = diff_text(result)
    assert "7 sisulist muudatust (neist 0 olulist) · 2 toimetuslikku" in text
    assert "sisulisi" not in text and "toimetuslikke" not in text
    markdown = diff_markdown(result)
    assert "7 sisulist · 0 olulist · 2 toimetuslikku" in markdown
