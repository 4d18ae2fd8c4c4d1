"""Every fixture document re-wrapped at every third width from 40 to 100 columns, with no blank lines added
and with a blank line after each line: which of them read otherwise than the document's own text.

tests/read/test_invariance.py re-wraps each document at two random widths and at 60 columns; this sweeps
the whole range the issue names (21 widths x 2 blank-line rates per document; seed 004, OCR lines kept
as the scan's, is left out as there). A line per document that reads otherwise: how many re-wraps did,
then each width, rate and first substantive change. Exit status 1 when any did.

    .venv/bin/python tools/rewrap_sweep.py [NAME ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.read import layouts
from tests.read.test_invariance import _changes

WIDTHS = range(40, 101, 3)
RATES = (0.0, 1.0)
SEED = 7  # the blank lines a rate of 1.0 adds do not depend on it; kept fixed so a run repeats


def sweep(name: str) -> list[tuple[int, float, str]]:
    """(width, rate, first change) for each re-wrap of document `name` that reads otherwise."""
    text = layouts.DOCUMENTS[name].read_text(encoding="utf-8")
    failed = []
    for width in WIDTHS:
        for rate in RATES:
            changes = _changes(name, layouts.rewrap(text, width, rate, SEED).encode(), ".txt")
            if changes:
                failed.append((width, rate, changes[0]))
    return failed


def main(names: list[str]) -> int:
    names = names or sorted(n for n in layouts.DOCUMENTS if n not in layouts.UNWRAPPABLE)
    total = 0
    for name in names:
        failed = sweep(name)
        total += len(failed)
        if failed:
            print(f"{name}: {len(failed)} of {len(WIDTHS) * len(RATES)}")
            for width, rate, change in failed:
                print(f"  {width} columns, blank rate {rate}: {change[:160]}")
    print(f"{total} of {len(names) * len(WIDTHS) * len(RATES)} re-wraps of {len(names)} documents read otherwise")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
