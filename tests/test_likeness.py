"""`fuzzy_equal`, the OCR-tolerant likeness every heading, label and table-header test uses: its quick
refusals must never refuse a pair that `SequenceMatcher.ratio()` (the definition) accepts."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from ajdiff.read.vocabulary import _header_rows, vocabulary
from ajdiff.text import _common_subsequence, fuzzy_equal, ocr_fold
from tests.conftest import SEEDS


def _by_definition(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if not a or not b or abs(len(a) - len(b)) > max(3, len(a) // 4):
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold


def _longest_common_subsequence(a: str, b: str) -> int:
    """The textbook dynamic programme, for checking the bit-parallel one."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aeiklmnostu ", max_size=70), st.text(alphabet="aeiklmnostu ", max_size=70))
def test_the_common_subsequence_is_the_textbook_one(a: str, b: str) -> None:
    assert _common_subsequence(a, b) == _longest_common_subsequence(a, b)


def test_seed_lines_against_every_header_and_label_decide_as_ratio_does() -> None:
    """Each line of two seed orders against every table header and label phrase, at the thresholds used."""
    lines = sorted(
        {ocr_fold(x) for key in ("000", "003") for x in SEEDS[key].read_text(encoding="utf-8").splitlines()} - {""}
    )
    targets = [*_header_rows(), *(t.ocr for t in vocabulary().labels), *(t.ocr for t in vocabulary().headings)]
    accepted = 0
    for line in lines:
        for target in targets:
            for threshold in (0.8, 0.85):
                expected = _by_definition(line, target, threshold)
                assert fuzzy_equal(line, target, threshold) is expected, (line, target, threshold)
                accepted += expected
    assert accepted > 20  # the comparison reached pairs that are alike, not only refusals
