"""Language requirements: 'Eesti keele oskus vähemalt tasemel C1' → {'et': 'C1'}."""

from __future__ import annotations

import re

from ajdiff.model import CEFR_LEVELS
from ajdiff.text import fold

# Folded stems of Estonian language names (genitive "inglise keele", OCR-safe) → ISO 639-1.
LANGUAGE_STEMS: dict[str, str] = {
    "eesti": "et",
    "inglise": "en",
    "vene": "ru",
    "saksa": "de",
    "soome": "fi",
    "prantsuse": "fr",
    "rootsi": "sv",
    "lati": "lv",
    "leedu": "lt",
    "hispaania": "es",
    "itaalia": "it",
    "ukraina": "uk",
    "poola": "pl",
    "norra": "no",
    "taani": "da",
    "hiina": "zh",
    "jaapani": "ja",
    "portugali": "pt",
    "viipekeele": "sgn",
}
FOREIGN = "foreign"
_ALTERNATIVE_WORDS = frozenset({"voi", "vdi", "v6i", "ehk", "or"})
_LEVEL = re.compile(r"\b([abc][12])\b")


def level_rank(level: str) -> int:
    """Position of a CEFR level on the scale (A1 = 0 … C2 = 5); -1 if unknown."""
    return CEFR_LEVELS.index(level) if level in CEFR_LEVELS else -1


def _codes_in(clause: str) -> list[str]:
    """Language codes named in one clause; alternatives ('vene või saksa') joined as 'de|ru'."""
    words = clause.split()
    found: list[tuple[int, str]] = []
    for i, word in enumerate(words):
        if word in LANGUAGE_STEMS:
            found.append((i, LANGUAGE_STEMS[word]))
        elif word.startswith(("voorkeel", "v66rkeel", "vo6rkeel", "vddrkeel")):
            found.append((i, FOREIGN))
    if not found:
        return []
    groups: list[list[str]] = [[found[0][1]]]
    for (prev_i, _), (i, code) in zip(found, found[1:]):
        between = set(words[prev_i + 1 : i])
        if between & _ALTERNATIVE_WORDS:
            groups[-1].append(code)
        else:
            groups.append([code])
    return ["|".join(sorted(set(g))) for g in groups]


def parse_languages(text: str | None) -> dict[str, str]:
    """Parse a Keeleoskus sentence into {code: level}; alternatives as 'de|ru', any foreign as 'foreign'."""
    if not text:
        return {}
    # What stands in parentheses ("(soovitavalt inglise keel)") is advice, not a requirement.
    text = re.sub(r"\([^)]*\)", " ", text)
    folded = fold(text)
    result: dict[str, str] = {}
    pos = 0
    for m in _LEVEL.finditer(folded):
        level = m.group(1).upper()
        clause = folded[pos : m.start()]
        pos = m.end()
        for code in _codes_in(clause):
            if level_rank(level) > level_rank(result.get(code, "")):
                result[code] = level
    return dict(sorted(result.items()))
