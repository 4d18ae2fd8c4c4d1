"""Counted nouns and adjectives: '1 sisuline', '7 sisulist', '2 toimetuslikku' — one rule for every renderer."""

from __future__ import annotations

# word: ((et singular nominative, et partitive singular), (en singular, en plural))
_WORDS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "substantive": (("sisuline", "sisulist"), ("substantive", "substantive")),
    "high": (("oluline", "olulist"), ("high impact", "high impact")),
    "editorial": (("toimetuslik", "toimetuslikku"), ("editorial", "editorial")),
    "change": (("muudatus", "muudatust"), ("change", "changes")),
    "substantive_change": (("sisuline muudatus", "sisulist muudatust"), ("substantive change", "substantive changes")),
    "duty": (("ülesanne", "ülesannet"), ("duty", "duties")),
    "warning": (("hoiatus", "hoiatust"), ("warning", "warnings")),
    "unchanged_sentence": (("muutmata lause", "muutmata lauset"), ("unchanged sentence", "unchanged sentences")),
    "unreviewed": (("läbi vaatamata", "läbi vaatamata"), ("unreviewed", "unreviewed")),
}


def counted(n: int, word: str, lang: str = "et") -> str:
    """'n word' with the word in agreement with the number.

    Estonian: after 1 the nominative singular ('1 sisuline'), after any other number the partitive
    singular ('7 sisulist', '0 toimetuslikku', '21 muudatust'); English: singular after 1, else plural.
    """
    et, en = _WORDS[word]
    one, many = en if lang == "en" else et
    return f"{n} {one if n == 1 else many}"
