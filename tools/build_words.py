"""Build ajdiff/data/et_words.txt.gz: the Estonian word list that names are put in the nominative with.

The words are the entries of the Estonian Hunspell dictionary (Debian `myspell-et`,
/usr/share/hunspell/et_EE.dic, by Jaak Pruulmann from the Institute of the Estonian Language's word
list; LGPL 2.1 and the IEL licence, copied beside the list as et_words.COPYING). Its entries are whole
word forms (nominatives, and many inflected forms as entries of their own: 'juht', 'juhi'); its affix
rules (et_EE.aff) add clitics and verb forms, and one kind of noun: the agent nouns in '-ja' that many
posts are ('korraldaja', 'nõustaja', from 'korraldanud', 'nõustanud'). So the list is the entries plus
what the rules ending in '-ja' make of them: what `ajdiff.read.names` needs to tell which candidate
nominative is an Estonian word. Lower-case entries only (proper names are not posts).
Run: python tools/build_words.py [/usr/share/hunspell/et_EE.dic]
"""

from __future__ import annotations

import gzip
import re
import shutil
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "ajdiff" / "data"
DIC = Path("/usr/share/hunspell/et_EE.dic")
COPYRIGHT = Path("/usr/share/doc/myspell-et/copyright")


def agent_rules(aff: Path) -> dict[str, list[tuple[str, str, re.Pattern[str]]]]:
    """The suffix rules that make an agent noun in '-ja', by flag: (strip, add, condition)."""
    rules: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
    for line in aff.read_text(encoding="iso-8859-15").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX" and parts[3].endswith("ja"):
            strip = "" if parts[2] == "0" else parts[2]
            rules.setdefault(parts[1], []).append((strip, parts[3], re.compile(f"(?:{parts[4]})$")))
    return rules


def entries(dic: Path) -> list[str]:
    """The dictionary's lower-case entries without their affix flags, with the agent nouns its rules
    make, sorted (the .dic's first line is a count)."""
    rules = agent_rules(dic.with_suffix(".aff"))
    words: set[str] = set()
    for line in dic.read_text(encoding="iso-8859-15").splitlines()[1:]:
        word, _, flags = line.strip().partition("/")
        if not word or word != word.lower():
            continue
        words.add(word)
        for strip, add, condition in (r for flag in flags for r in rules.get(flag, ())):
            if condition.search(word) and word.endswith(strip):
                words.add(word[: len(word) - len(strip)] + add)
    return sorted(words)


def main(args: list[str]) -> None:
    """Write the word list (gzip, fixed mtime so a rebuild is byte-identical) and its licence."""
    dic = Path(args[0]) if args else DIC
    words = entries(dic)
    with open(DATA / "et_words.txt.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(words) + "\n").encode("utf-8"))
    if COPYRIGHT.exists():
        shutil.copyfile(COPYRIGHT, DATA / "et_words.COPYING")
    print(f"{len(words)} words from {dic} -> {DATA / 'et_words.txt.gz'}")


if __name__ == "__main__":
    main(sys.argv[1:])
