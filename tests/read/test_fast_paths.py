"""The reader's fast paths give what the slower code they replace gave: each is held against it on
generated text (Hypothesis) and on every line of the seeds."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ajdiff.read.lines import _number_inside


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
