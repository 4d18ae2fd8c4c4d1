"""A duty read from lines known printable (`Line.printable`) is the duty read from the same lines not known so:
`content._finish` does not ask again whether its task is printable, and still single-spaces it."""

from __future__ import annotations

import pytest

from ajdiff.read import content
from ajdiff.read.lines import Line, numbering
from ajdiff.tree import line_origin


@pytest.mark.parametrize(
    "rows",
    [
        ["3.1. Teeb tööd.", "Töö on tehtud."],
        ["3.1. Teeb  tööd  hästi.", "Töö on  tehtud."],  # double spaces in the task and in a result
        ["3.1. Korraldab asutuse", "dokumendi-  haldust.", "Dokumendid on korras."],  # a task wrapped over lines
        ["3.1.  Teeb tööd. Aruanne on esitatud.", "Töö on tehtud."],  # a result sentence in the task's line
    ],
)
def test_a_duty_of_printable_lines_is_read_as_of_lines_not_known_printable(rows: list[str]) -> None:
    def lines(printable: bool) -> list[Line]:
        return [Line(t, t, line_origin(k + 1), False, False, numbering(t), printable) for k, t in enumerate(rows)]

    known = content._read_duty(lines(True), frozenset(), frozenset(), False, False)
    asked = content._read_duty(lines(False), frozenset(), frozenset(), False, False)
    assert known == asked
    assert "  " not in known.text and known.text == known.text.strip()
