"""Table rows as lines, the way the register's text export flattens them (Word and HTML tables alike)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMBER_ONLY = re.compile(r"^\d+(?:\.\d+)*\.?$")
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?\s")
_DUTY_NUMBER = re.compile(r"^\d+\.\d+\.?(?:\s|$)")  # "2.1." starts a duty, "2." a heading
_LABEL_MAX_CHARS = 80


def _is_label(cell: Sequence[str]) -> bool:
    """A short unnumbered cell such as 'Struktuuriüksus' or 'Teenistuja asendaja'."""
    text = " ".join(cell)
    return 0 < len(cell) <= 3 and len(text) <= _LABEL_MAX_CHARS and not _NUMBERED.match(text + " ")


def flatten_row_cells(cells: Sequence[Sequence[str]]) -> list[tuple[str, int]]:
    """The lines of one table row, as the register's text export writes them, each with the index
    (into `cells`) of the cell it starts in.

    label | value -> "label first-value-paragraph", then the value's other paragraphs;
    number | task | results -> "number task", then the results; any other row -> each cell's
    paragraphs in order, except a row of one-line cells (a header row), which is joined by spaces.
    """
    indexed = [([line for line in cell if line], k) for k, cell in enumerate(cells)]
    indexed = [(cell, k) for cell, k in indexed if cell]
    # A duty number in a column of its own belongs in front of the task.
    if len(indexed) >= 2 and len(indexed[0][0]) == 1 and _NUMBER_ONLY.match(indexed[0][0][0]):
        (number, k0), (task, _) = indexed[0], indexed[1]
        indexed = [([f"{number[0]} {task[0]}", *task[1:]], k0), *indexed[2:]]
    if not indexed:
        return []
    if len(indexed) == 1:
        return [(line, indexed[0][1]) for line in indexed[0][0]]
    first, first_k = indexed[0]
    if all(len(cell) == 1 for cell, _ in indexed) and not _DUTY_NUMBER.match(first[0]):
        # Header rows ("2. Peamised teenistusülesanded | Oodatavad tulemused") read as one line.
        return [(" ".join(cell[0] for cell, _ in indexed), first_k)]
    if len(indexed) == 2 and _is_label(first):
        value, value_k = indexed[1]
        return [(f"{' '.join(first)} {value[0]}", first_k), *((line, value_k) for line in value[1:])]
    return [(line, k) for cell, k in indexed for line in cell]
