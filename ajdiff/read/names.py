"""A post's or a unit's name as a person says it: in the nominative where the document inflects it
('AUTOJUHI AMETIJUHEND' → 'Autojuht', 'allub grupijuhile' → 'grupijuht', 'LIIKMETE' → 'Liikmed').

Estonian forms its genitive from a stem that the nominative may hide ('juht' → 'juhi', 'osakond' →
'osakonna', 'ekspert' → 'eksperdi', 'grupp' → 'grupi', 'abiline' → 'abilise'), and the allative adds
'-le' to the genitive. The way back is not a list of post endings: the declension patterns of the
grammar propose candidate nominatives for the inflected word (or for the last part of a compound, the
part that inflects), and the Estonian Hunspell dictionary must confirm one (its forms, entries and
suffix rules: `lexicon.is_form`). The dictionary lists forms, not the word each is a form of, so a
candidate is confirmed by the forms around it: the genitive has the forms a singular genitive is the
stem of, the nominative has no other genitive, and no other reading of the word competes. Anything
less keeps the name as written: a wrong nominative is worse than none. The dictionary is read once, on
the first name that needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ajdiff.read.lexicon import is_entry, is_form

_VOWELS = "aeiouõäöü"
_DOUBLING = "kpt"  # a short stem's weak grade: 'koka' → 'kokk', 'grupi' → 'grupp' ('-ss' nouns keep it: 'klassi')
_WEAK_TO_STRONG = {"d": "t", "g": "k", "b": "p"}  # 'eksperdi' → 'ekspert', 'tõlgi' → 'tõlk'
_STRONG = {strong: weak for weak, strong in _WEAK_TO_STRONG.items()}
_ADJECTIVE_GENITIVE = (("lise", "line"), ("va", "v"), ("ma", "m"))  # 'akadeemilise', 'juhtiva', 'vanema'
_WORD = re.compile(r"[^\W\d_]+")  # a hyphenated name inflects its last part: 'IT-spetsialisti'
_CASE_ENDINGS = ("le", "sse", "ga", "na", "ta")  # the cases whose ending, like a genitive, ends in a vowel
_MIN_HEAD = 3  # shorter tails ("aja", "pea") are words of their own, never undone
_SHORT_TAIL = 4  # a compound's head this short ('juhi', 'tite') is taken only after words ('grupi|juhi')
# What a consonant-final nominative's genitive may add ('kast' → 'kasti'; of '-e', see _genitive_candidates).
_GENITIVE_VOWELS = "aiu"
_ON_THE_GENITIVE = ("", "d", "le", "ga")  # a singular genitive, and forms built on it
# A plural genitive on the partitive's strong grade, to the singular genitive's weak one.
_STRONG_TO_WEAK = (
    ("ht", "h"),
    ("nd", "nn"),
    ("ld", "ll"),
    ("rt", "rd"),
    ("nt", "nd"),
    ("lk", "lg"),
    ("pp", "p"),
    ("kk", "k"),
    ("tt", "t"),
)


def _listed(word: str) -> bool:
    """True when the dictionary lists `word`: an entry, or an agent noun its rules make ('korraldaja',
    of 'korraldanud'), as many posts are."""
    return is_entry(word) or (word.endswith("ja") and is_form(word))


def _syllables(word: str) -> int:
    """The number of vowel groups of a word (its syllables, near enough)."""
    return sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS))


def _genitive_candidates(form: str) -> Iterator[tuple[str, bool]]:
    """Nominatives whose singular genitive `form` may be, by the grammar's patterns (the dictionary
    confirms them: see _genitive_of), each with whether its partitive may be the genitive with '-t'
    ('vanem', 'vanema', 'vanemat'; 'meister', 'meistri', 'meistrit')."""
    if len(form) < 2 or form[-1] not in _VOWELS:
        return
    stem, last = form[:-1], form[-2]
    if form.endswith("mehe"):
        yield form[:-4] + "mees", False  # 'esimehe' → 'esimees'
    if last == "h":
        yield stem + "t", False  # 'juhi' → 'juht'
    if last in _WEAK_TO_STRONG:
        yield stem[:-1] + _WEAK_TO_STRONG[last], False
    if last in _DOUBLING and _syllables(stem) == 1:
        yield stem + last, False  # 'grupi' → 'grupp'; a longer stem does not double ('raasiku')
    # 'spetsialisti' → 'spetsialist', 'vanema' → 'vanem': a nominative ending in a consonant (one in a
    # vowel has the genitive it ends in, 'psühholoogia' is no genitive of 'psühholoogi'). Of those, a
    # genitive in '-e' is an '-us' word's ('talituse' → 'talitus'): 'kaste' is no genitive of 'kast',
    # nor 'alase' of 'alas' (of 'ala'; it is 'alane''s).
    if stem[-1:] not in _VOWELS and (form[-1] != "e" or stem.endswith("us")):
        yield stem, True
    if stem.endswith(("nn", "ll")) and form[-1] != "e":
        yield stem[:-1] + "d", False  # 'osakonna' → 'osakond', 'valla' → 'vald'
    if form.endswith("nde"):
        yield form[:-3] + "nne", False  # 'ülesande' → 'ülesanne', 'aruande' → 'aruanne'
    if form.endswith("se"):
        yield form[:-2] + "ne", True  # 'abilise' → 'abiline' ('sotsiaalse', 'sotsiaalset')
    if form.endswith("me") and len(form) >= 5 and form[-3] not in _VOWELS:
        # 'liikme' → 'liige', 'astme' → 'aste': an '-e' word's genitive on a stem with '-m-'
        yield form[:-3] + _STRONG.get(form[-3], form[-3]) + "e", False
    if len(form) >= 4 and form[-2] in "lrn" and form[-3] not in _VOWELS + form[-2]:
        yield form[:-2] + "e" + form[-2], True  # 'meistri' → 'meister', 'konstaabli' → 'konstaabel'


def _singular_genitive(form: str) -> bool:
    """True when the dictionary has `form` and the forms a singular genitive is the stem of: the
    nominative plural, the allative and the comitative ('juhi': 'juhid', 'juhile', 'juhiga'), which
    'ametnike' ('ametniked'), 'liikmete' or 'juhti' have not."""
    return all(is_form(form + ending) for ending in _ON_THE_GENITIVE)


def _genitive_of(nominative: str, genitive: str, partitive_on_genitive: bool) -> bool:
    """True when the dictionary confirms `genitive` as the singular genitive of `nominative`: both are
    its forms, the genitive as a genitive (see _singular_genitive), and no other vowel after a
    consonant-final nominative makes a genitive of it ('vall' has 'valli', so 'valla' is not its
    genitive but 'vald''s; 'kast' has 'kasti'). So 'tehniku' is kept: the dictionary has 'tehnika' too,
    and cannot tell it from a genitive of 'tehnik' (it is a word of its own, as 'statistika' is)."""
    if len(nominative) <= _MIN_HEAD or not is_form(nominative) or not _singular_genitive(genitive):
        return False
    if not partitive_on_genitive and is_form(genitive + "t"):
        return False  # a partitive of its own: 'vahe', 'vahet' is a word, no genitive of 'vaht'
    if nominative[-1] in _VOWELS:
        return True
    vowels = _GENITIVE_VOWELS + ("e" if nominative.endswith(("us", "is")) else "")  # 'lahendusi' ('lahenduse')
    stems = {nominative}
    if nominative[-1] in _STRONG:
        stems.add(nominative[:-1] + _STRONG[nominative[-1]])  # 'kõrk' → 'kõrga', so 'kõrge' is not its genitive
    return not any(
        (other := stem + vowel) != genitive and _singular_genitive(other) for stem in stems for vowel in vowels
    )


def _plural_genitive_stems(form: str) -> Iterator[str]:
    """Singular genitives whose plural genitive `form` may be: '-de'/'-te' after the partitive or the
    genitive ('liikmete', 'linnapeade', 'spetsialistide', 'teenuste'), its strong grade undone
    ('juhtide' → 'juhi', 'osakondade' → 'osakonna'), and the '-ike' of the '-ik' nouns ('ametnike' →
    'ametniku')."""
    if form.endswith(("de", "te")) and len(form) > _MIN_HEAD + 1:
        base = form[:-2]
        yield base
        if base.endswith("us") or (len(base) > _MIN_HEAD and base.endswith("s") and is_form(base[:-1] + "ne")):
            yield base + "e"  # 'teenuste' → 'teenuse', 'inimeste' → 'inimese'
        if base[-1:] in _VOWELS:
            strong, vowel = base[:-1], base[-1]
            for pattern, weak in _STRONG_TO_WEAK:
                if strong.endswith(pattern):
                    yield strong[: -len(pattern)] + weak + vowel
    if form.endswith("meeste"):
        yield form[:-6] + "mehe"  # 'kojameeste' → 'kojamehe' (of 'kojamees')
    if form.endswith("ike") and is_form(form[:-1]):
        yield form[:-1] + "u"  # 'ametnike' → 'ametniku' (of 'ametnik')


def _readings(tail: str, allative: bool) -> tuple[set[str], set[str]]:
    """The nominatives (singular) and the nominative plurals the dictionary confirms for a word read as
    a genitive, or with `allative` as the genitive with '-le'."""
    if allative:
        if not tail.endswith("le") or len(tail) <= _MIN_HEAD + 1:
            return set(), set()
        genitive = tail[:-2]
    else:
        genitive = tail
    singular = {
        c for c, on in _genitive_candidates(genitive) if len(genitive) > _MIN_HEAD and _genitive_of(c, genitive, on)
    }
    # A plural genitive never has a partitive on it: 'puude' ('puudet') is a word, not only 'puu''s plural.
    plural = set()
    if not is_form(genitive + "t"):
        plural = {g + "d" for g in _plural_genitive_stems(genitive) if _singular_genitive(g)}
    if (
        allative
        and not singular
        and not plural
        and genitive[-1:] in _VOWELS
        and _singular_genitive(genitive)
        and not any(is_form(c) for c, _ in _genitive_candidates(genitive))
    ):
        # An allative of a word whose genitive is its nominative ('korraldajale', 'linnapeale'), when no
        # other nominative is a word ('tehnikule' of 'tehnik' or of 'tehnika' stays as written).
        singular = {genitive}
    return singular, plural


@cache
def _compound_start(part: str) -> bool:
    """True when `part` is a form of the dictionary, or forms of three letters or more one after another
    ('ehitus|järelevalve'; 'meeskonna|j' is not)."""
    return is_form(part) or any(
        is_form(part[:cut]) and _compound_start(part[cut:]) for cut in range(_MIN_HEAD, len(part) - _MIN_HEAD + 1)
    )


def _head_reading(word: str, allative: bool, plural: bool) -> tuple[str, bool] | None:
    """The nominative of a lower-case word and whether it is a plural, found on its longest tail the
    dictionary has a form of (a compound inflects only its last part: 'grupijuhi' is 'grupi' + 'juhi').
    None when the dictionary confirms no nominative, or more than one: two readings compete ('valla' of
    'vald' or 'vall'), or a genitive is singular and plural at once. A plural reading is taken only
    with `plural` (a title's class of posts, 'LIIKMETE AMETIJUHEND' → 'Liikmed'); it competes always."""
    for start in range(len(word) - _MIN_HEAD + 1):
        if 0 < start < 2:
            continue  # a compound's first part has two letters at least
        tail = word[start:]
        if start and len(tail) <= _SHORT_TAIL and not _compound_start(word[:start]):
            continue  # a short head's compound is of words: 'audi|tite' is none ('audit' is not in the dictionary)
        if is_form(tail) or (allative and tail.endswith("le") and is_form(tail[:-2])):
            singular, plurals = _readings(tail, allative)
            found = singular | plurals
            if len(found) > 1 or (found and not plural and plurals):
                return None
            if found:
                reading = found.pop()
                return word[:start] + reading, reading in plurals
        if _listed(tail) or (start == 0 and is_form(tail)):
            return None  # the word, or its longest listed tail, is a word as it stands: nothing to undo
    return None


def _head_nominative(word: str, allative: bool) -> str | None:
    """The singular nominative of a lower-case word read as a genitive (or an allative), or None."""
    found = _head_reading(word, allative, plural=False)
    return found[0] if found else None


def _adjective_nominative(word: str, allative: bool) -> str | None:
    """An adjective's nominative before its noun ('akadeemilise personali' → 'akadeemiline …')."""
    base = word[:-2] if allative and word.endswith("le") else word
    for ending, nominative in _ADJECTIVE_GENITIVE:
        if base.endswith(ending) and _listed(candidate := base[: -len(ending)] + nominative):
            return candidate
    return None


def _same_case(new: str, old: str) -> str:
    """`new` written as `old` is: capitalised or not."""
    return new[0].upper() + new[1:] if old[:1].isupper() else new


def nominative(name: str, allative: bool = False) -> str:
    """A name whose last word (the head) the document inflected, with that word and an adjective before
    it in the nominative; a name in capitals is given as a person writes it ('AUTOJUHI' → 'Autojuht').
    With `allative`, the head is read as the allative it is in 'allub grupijuhile', and a head not in
    '-le' is left alone (so the word list is not even read)."""
    capitals = name.isupper() and len(name) > 3
    if allative and not capitals and not re.sub(r"\s*\([^()]*\)\s*$", "", name).endswith("le"):
        return name
    text = _sentence_case(name) if capitals else name
    qualifier = re.search(r"\s*\([^()]*\)\s*$", text)  # 'Eksperdi (kriisivalmidus)': the head is before it
    if qualifier and qualifier.start() > 0:
        return nominative(text[: qualifier.start()], allative) + text[qualifier.start() :]
    found = list(_WORD.finditer(text))
    if not found:
        return text
    head = found[-1]
    if head.start() > 0 and head.group(0)[0].isupper():
        return text  # a proper name's ('Ida-Eesti', 'Euroopa Liidu'): no post, kept as written
    reading = _head_reading(head.group(0).lower(), allative, plural=not allative)
    if reading is None:
        return text
    new_head, plural = reading
    out = text[: head.start()] + _same_case(new_head, head.group(0)) + text[head.end() :]
    if not plural and len(found) >= 2 and text[found[-2].end() : head.start()] == " ":
        before = found[-2]
        adjective = _adjective_nominative(before.group(0).lower(), allative)
        if adjective is not None:
            out = out[: before.start()] + _same_case(adjective, before.group(0)) + out[before.end() :]
    return out


def ends_in_genitive(text: str) -> bool:
    """True when the text's last word is a noun's genitive that is not also a word as it stands
    ('… järelevalve osakonna', not '… osakonna teenistuja'): it qualifies a noun still to come."""
    found = _WORD.findall(text[-40:])
    if not found or not found[-1].islower() or text.rstrip()[-1:] in ".;:)":
        return False
    word = found[-1]
    if _head_nominative(word, False) is None:
        return False
    # A case ending on a genitive stem is that case: 'õigustele' is 'õiguste' + '-le', not a genitive of 'õigustel'.
    return not any(
        word.endswith(ending) and (_listed(word[: -len(ending)]) or _head_nominative(word[: -len(ending)], False))
        for ending in _CASE_ENDINGS
    )


def _sentence_case(name: str) -> str:
    """A name typed in capitals as a sentence starts: words lower-cased, abbreviations ('UTM/TO', 'IT')
    kept: a short run of letters that is no Estonian word."""

    def lower(m: re.Match[str]) -> str:
        run = m.group(0).lower()
        short = len(run) <= 4 and not _listed(run) and _head_nominative(run, False) is None
        return m.group(0) if short else run

    text = re.sub(r"[^\W\d_]+", lower, name)
    return text[:1].upper() + text[1:]


def nominative_in(text: str, allative: bool = False) -> str:
    """The first name of a text that runs on after it ('kooli direktorile. Töötab …', 'X (edaspidi Y)'):
    only that name is put in the nominative, the rest kept as written."""
    m = re.search(r"\s*(?:[(,;.:]|\s-\s|$)", text)
    cut = m.start() if m else len(text)
    return nominative(text[:cut], allative) + text[cut:]
