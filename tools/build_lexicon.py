"""Build ajdiff/data/et_EE.dic.gz and et_EE.aff.gz: the dictionary OCR'd text gets its diacritics back by.

The words come from the Estonian Hunspell dictionary (Debian `myspell-et`, /usr/share/hunspell/et_EE.dic
and .aff, by Jaak Pruulmann from the Institute of the Estonian Language's word list; LGPL 2.1 and the
IEL licence, copied beside the word list as ajdiff/data/et_words.COPYING by tools/build_words.py): its
282k entries with their affix flags and its 9,275 suffix rules, shipped as they are (0.86 MB gzipped)
because the 15 million forms the rules make would be 9.5 MB even gzipped and only the forms of the
OCR'd words are ever needed (`ajdiff.read.lexicon` applies the rules backwards from a folded word).
Gzipped with a fixed mtime, so a rebuild is byte-identical.
Run: python tools/build_lexicon.py [/usr/share/hunspell]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "ajdiff" / "data"
HUNSPELL = Path("/usr/share/hunspell")


def packed(source: Path) -> bytes:
    """The file gzipped at the highest level with mtime 0."""
    return gzip.compress(source.read_bytes(), compresslevel=9, mtime=0)


def main(args: list[str]) -> None:
    """Write the gzipped .dic and .aff into ajdiff/data."""
    folder = Path(args[0]) if args else HUNSPELL
    for suffix in ("dic", "aff"):
        out = DATA / f"et_EE.{suffix}.gz"
        out.write_bytes(packed(folder / f"et_EE.{suffix}"))
        print(f"{folder / f'et_EE.{suffix}'} -> {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
