"""Build ajdiff/data/lexicon.txt: the words of the clean (non-OCR) seed documents.

The parser restores the diacritics of an OCR'd document only for words whose folded form
maps to exactly one word of this list, so the list must come from trustworthy text.
Run: python tools/build_lexicon.py fixtures/000_*.txt fixtures/001_*.txt fixtures/002_*.txt fixtures/003_*.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ajdiff" / "data" / "lexicon.txt"


def main(paths: list[str]) -> None:
    """Collect lower-cased words of the given files into the lexicon file."""
    words: set[str] = set()
    for path in paths:
        words.update(w.lower() for w in re.findall(r"[^\W\d_]{2,}", Path(path).read_text(encoding="utf-8")))
    OUT.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
