"""Build ajdiff/data/et_EE.dic.gz and et_EE.aff.gz: the dictionary OCR'd text gets its diacritics back by.

The words come from the Estonian Hunspell dictionary (Debian `myspell-et`, /usr/share/hunspell/et_EE.dic
and .aff, by Jaak Pruulmann from the Institute of the Estonian Language's word list; LGPL 2.1 and the
IEL licence, copied beside them as ajdiff/data/et_EE.COPYING): its
lower-case entries (proper names are never restored) with their affix flags and its 9,275 suffix rules
(0.86 MB gzipped), because the 15 million forms the rules make would be 9.5 MB even gzipped and only the
forms of the OCR'd words are ever needed (`ajdiff.read.lexicon` applies the rules backwards from a
folded word). The .aff is shipped as it is; the .dic without its count line, one 'word/flags'
a line, sorted by the line with its diacritics folded as OCR loses them, so that the reader finds a
fold's entries by bisecting two lists it splits in C instead of building a dict of 282k entries in
Python (over a second for every OCR'd document).
Gzipped with a fixed mtime, so a rebuild is byte-identical.
Run: python tools/build_lexicon.py [/usr/share/hunspell]
"""

from __future__ import annotations

import gzip
import shutil
import sys
from pathlib import Path

from ajdiff.read.lexicon import FOLD

DATA = Path(__file__).resolve().parent.parent / "ajdiff" / "data"
HUNSPELL = Path("/usr/share/hunspell")
COPYRIGHT = Path("/usr/share/doc/myspell-et/copyright")


def packed(source: Path) -> bytes:
    """The file as ajdiff ships it (the .dic sorted by fold, see above), gzipped at the highest level with
    mtime 0."""
    if source.suffix == ".aff":
        return gzip.compress(source.read_bytes(), compresslevel=9, mtime=0)
    entries = []
    for line in source.read_text(encoding="iso-8859-15").splitlines()[1:]:  # the first line is a count
        word, _, flags = line.strip().partition("/")
        if word and word == word.lower():
            entries.append(f"{word}/{flags}")
    # By the folded line's bytes, as the reader bisects them.
    entries.sort(key=lambda e: (e.translate(FOLD).encode("iso-8859-15"), e))
    return gzip.compress(("\n".join(entries) + "\n").encode("iso-8859-15"), compresslevel=9, mtime=0)


def main(args: list[str]) -> None:
    """Write the gzipped .dic and .aff into ajdiff/data, and the dictionary's licence beside them."""
    folder = Path(args[0]) if args else HUNSPELL
    for suffix in ("dic", "aff"):
        out = DATA / f"et_EE.{suffix}.gz"
        out.write_bytes(packed(folder / f"et_EE.{suffix}"))
        print(f"{folder / f'et_EE.{suffix}'} -> {out} ({out.stat().st_size} bytes)")
    if COPYRIGHT.exists():
        shutil.copyfile(COPYRIGHT, DATA / "et_EE.COPYING")


if __name__ == "__main__":
    main(sys.argv[1:])
