"""A post's or a unit's name as a person says it: in the nominative where the document inflects it
('AUTOJUHI AMETIJUHEND' → 'Autojuht', 'allub grupijuhile' → 'grupijuht').

Estonian forms its genitive from a stem that the nominative may hide ('juht' → 'juhi', 'osakond' →
'osakonna', 'ekspert' → 'eksperdi', 'grupp' → 'grupi', 'abiline' → 'abilise'), and the allative adds
'-le' to the genitive. The way back is not a list of post endings: the declension patterns of the
grammar propose candidate nominatives for the inflected word (or for the last part of a compound, the
part that inflects), and a candidate is taken only when the Estonian Hunspell dictionary's word list
(`data/et_words.txt.gz`, see tools/build_words.py) holds it. A word none of whose candidates is a word
is kept as written. The list is read once, on the first name that needs it (about 0.1 s unloaded).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ajdiff.read import DATA

_VOWELS = "aeiouõäöü"
_DOUBLING = "kpts"  # a short stem's weak grade: 'koka' → 'kokk', 'grupi' → 'grupp'
_WEAK_TO_STRONG = {"d": "t", "g": "k", "b": "p"}  # 'eksperdi' → 'ekspert', 'tõlgi' → 'tõlk'
_ADJECTIVE_GENITIVE = (("lise", "line"), ("va", "v"), ("ma", "m"))  # 'akadeemilise', 'juhtiva', 'vanema'
_WORD = re.compile(r"[^\W\d_]+")  # a hyphenated name inflects its last part: 'IT-spetsialisti'
_CASE_ENDINGS = ("le", "sse", "ga", "na", "ta")  # the cases whose ending, like a genitive, ends in a vowel
_MIN_HEAD = 3  # shorter tails ("aja", "pea") are words of their own, never undone
# A deputy's field after an allative head ('direktori asetäitjale majandusalal', '… asetäitjale õppe- ja
# kasvatustöö alal'): 'ala' in the adessive names where the post serves and does not inflect with it;
# up to four lower-case words after a word in '-le'.
_FIELD_QUALIFIER = re.compile(r"(?<=le)\s+(?:[a-zõäöüšž]+-?\s+){0,3}[a-zõäöüšž]*alal$")


@cache
def words() -> frozenset[str]:
    """The dictionary's lower-case words, read once."""
    import gzip  # here: the dictionary is read for a few documents only

    data = DATA.joinpath("et_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def _genitive_candidates(form: str) -> Iterator[str]:
    """Nominatives whose singular genitive `form` may be, most likely first (the grammar's patterns)."""
    if len(form) < 2 or form[-1] not in _VOWELS:
        return
    stem, last = form[:-1], form[-2]
    if form.endswith("mehe"):
        yield form[:-4] + "mees"  # 'esimehe' → 'esimees'
    if last == "h":
        yield stem + "t"  # 'juhi' → 'juht'
    if last in _WEAK_TO_STRONG:
        yield stem[:-1] + _WEAK_TO_STRONG[last]
    if last in _DOUBLING and len(stem) >= 2 and stem[-2] in _VOWELS:
        yield stem + last
    yield stem  # 'spetsialisti' → 'spetsialist', 'talituse' → 'talitus', 'vanema' → 'vanem'
    if stem.endswith("nn"):
        yield stem[:-1] + "d"  # 'osakonna' → 'osakond'
    if stem.endswith("ll"):
        yield stem[:-1] + "d"  # 'valla' → 'vald'
    if form.endswith("se"):
        yield form[:-2] + "ne"  # 'abilise' → 'abiline'
    if len(form) >= 4 and form[-2] in "lrn" and form[-3] not in _VOWELS:
        yield form[:-2] + "e" + form[-2]  # 'meistri' → 'meister', 'konstaabli' → 'konstaabel'


# The endings a partitive shows: 'juhatajat', 'ametnikku', 'teenistujaid'; one that looks like its genitive
# ends in '-i' ('spetsialisti', 'juhti'), where a post's nominative hardly ever does.
_PARTITIVE_ENDING = re.compile(r"(?:[aeiouõäöü]t|kku|[aeiouõäöü]id)$")
_PARTITIVE = "partitive"  # a case to undo besides the genitive and the allative
_MARKED = "marked"  # the partitive only where its ending shows it ('juhatajat', 'ametnikku'), not 'spetsialisti'


def _inflected(form: str, allative: bool | str) -> Iterator[str]:
    """The genitive a word stands for: itself, or, for an allative ('juhile'), the word without '-le';
    for a partitive ('juhatajat', 'direktorit', 'ametnikku', and 'spetsialisti', whose partitive is its
    genitive), the genitive its ending was added to."""
    if allative in (_PARTITIVE, _MARKED):
        if form.endswith("kku"):
            yield form[:-2] + "u"  # 'ametnikku' → 'ametniku'
        elif len(form) > 2 and form[-1] == "t" and form[-2] in _VOWELS:
            yield form[:-1]  # 'juhatajat' → 'juhataja', 'isikut' → 'isiku'
        elif allative == _PARTITIVE and form.endswith("i"):
            yield form  # 'spetsialisti', 'juhti
    elif not allative:
        yield form
    elif form.endswith("le") and len(form) > _MIN_HEAD + 1:
        yield form[:-2]


def _head_nominative(word: str, allative: bool | str) -> str | None:
    """The nominative of a lower-case word, found on its longest known tail (a compound inflects only its
    last part: 'grupijuhi' is 'grupi' + 'juhi'); None when the word is already a nominative or unknown."""
    known = words()
    for start in range(len(word) - _MIN_HEAD + 1):
        if 0 < start < 2:
            continue  # a compound's first part has two letters at least
        tail = word[start:]
        if allative in (_PARTITIVE, _MARKED) and tail.endswith("id") and tail[:-2] in known:
            return word[:start] + tail[:-2] + "d"  # a plural partitive: 'teenistujaid' → 'teenistujad'
        for genitive in _inflected(tail, allative):
            for candidate in _genitive_candidates(genitive) if len(genitive) > _MIN_HEAD else ():
                if len(candidate) >= _MIN_HEAD and candidate in known:
                    return word[:start] + candidate
            if genitive in known and genitive != tail:
                return word[:start] + genitive  # an allative of a word whose genitive is its nominative
        if tail in known:
            return None  # the longest known tail is a word as it stands: nothing to undo
    return None


def _adjective_nominative(word: str, allative: bool) -> str | None:
    """An adjective's nominative before its noun ('akadeemilise personali' → 'akadeemiline …')."""
    base = word[:-2] if allative and word.endswith("le") else word
    for ending, nominative in _ADJECTIVE_GENITIVE:
        if base.endswith(ending) and (candidate := base[: -len(ending)] + nominative) in words():
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
        field = _FIELD_QUALIFIER.search(name)
        if field and field.start() > 0:  # 'direktori asetäitjale majandusalal': the head is before it
            return nominative(name[: field.start()], allative) + name[field.start() :]
        return name
    text = _sentence_case(name) if capitals else name
    qualifier = re.search(r"\s*\([^()]*\)\s*$", text)  # 'Eksperdi (kriisivalmidus)': the head is before it
    if qualifier and qualifier.start() > 0:
        return nominative(text[: qualifier.start()], allative) + text[qualifier.start() :]
    found = list(_WORD.finditer(text))
    if not found:
        return text
    head = found[-1]
    new_head = _head_nominative(head.group(0).lower(), allative)
    if new_head is None:
        return text
    out = text[: head.start()] + _same_case(new_head, head.group(0)) + text[head.end() :]
    if len(found) >= 2 and text[found[-2].end() : head.start()] == " ":
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
        word.endswith(ending) and (word[: -len(ending)] in words() or _head_nominative(word[: -len(ending)], False))
        for ending in _CASE_ENDINGS
    )


def _sentence_case(name: str) -> str:
    """A name typed in capitals as a sentence starts: words lower-cased, abbreviations ('UTM/TO', 'IT')
    kept: a short run of letters that is no Estonian word."""

    def lower(m: re.Match[str]) -> str:
        run = m.group(0).lower()
        short = len(run) <= 4 and run not in words() and _head_nominative(run, False) is None
        return m.group(0) if short else run

    text = re.sub(r"[^\W\d_]+", lower, name)
    return text[:1].upper() + text[1:]


def from_partitive(name: str) -> str:
    """A post named in the partitive, as whom the holder stands in for ('Keda asendab: registripidajat',
    'asendab direktorit või osakonna teenistujaid'), in the nominative a person says it in
    ('registripidaja', 'direktor või osakonna teenistujad'). The last word may be a partitive that looks
    like its genitive ('Sotsiaaltööspetsialisti'); a name before 'või' only one whose ending shows it, for
    a name's own genitive ('… toimepidevuse või …') is no partitive. Other words are kept as written."""
    qualifier = re.search(r"\s*\([^()]*\)\s*$", name)  # 'Eksperti (toimepidevus)': the head is before it
    if qualifier and qualifier.start() > 0:
        return from_partitive(name[: qualifier.start()]) + name[qualifier.start() :]
    parts = re.split(r"(\s+või\s+)", name)
    out = []
    for k in range(0, len(parts), 2):
        last = k == len(parts) - 1
        out.append(_head_case(parts[k], _PARTITIVE if last else _MARKED))
        if not last:
            out.append(parts[k + 1])
    return "".join(out)


def _head_case(text: str, case: str) -> str:
    """The text with its last word, inflected in `case`, in the nominative."""
    found = list(_WORD.finditer(text))
    if not found or not found[-1].group(0)[:1].isalpha():
        return text
    head = found[-1]
    word = head.group(0).lower()
    if not _PARTITIVE_ENDING.search(word) and not (case == _PARTITIVE and word.endswith("i")):
        return text  # a nominative ('kriisijuht', 'talituse juhataja'): the word list is not even read
    new_head = _head_nominative(word, case)
    if new_head is None:
        return text
    return text[: head.start()] + _same_case(new_head, head.group(0)) + text[head.end() :]


def nominative_in(text: str, allative: bool = False) -> str:
    """The first name of a text that runs on after it ('kooli direktorile. Töötab …', 'X (edaspidi Y)'):
    only that name is put in the nominative, the rest kept as written."""
    m = re.search(r"\s*(?:[(,;.:]|\s-\s|$)", text)
    cut = m.start() if m else len(text)
    return nominative(text[:cut], allative) + text[cut:]
