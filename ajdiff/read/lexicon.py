"""OCR repair: put back diacritics that OCR lost, but only where the word is certain.

The lexicon is a general one: the Estonian Hunspell dictionary (Debian `myspell-et`: 282k entries and
their suffix rules, shipped as data/et_EE.dic.gz and .aff.gz by tools/build_lexicon.py), read only when
a text is OCR'd. An OCR word without diacritics is restored when the dictionary has exactly one form
that folds to it: an entry ('Oiguse' → 'Õiguse') or what a suffix rule makes of one, found by undoing
the rule ('votta' → 'võtta' of 'võtma'). A compound the dictionary does not list ('jarelevalve',
'koostoomudel') is restored part by part over its fewest-part splits (each part an entry, the last any
form), when every such split restores it alike. A fold two words share ('too': the verb form and 'töö')
is settled by the job-description vocabulary when it writes one of them, else kept. Anything else,
including misreadings like 'td6dks', stays as the OCR gave it, and so do names and abbreviations.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from enum import Enum
from functools import lru_cache

from ajdiff.model import JobDescription, OrderRef
from ajdiff.read import DATA
from ajdiff.records import dataclass
from ajdiff.tree import Node

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)

if TYPE_CHECKING:
    from typing import Any, TypeVar

_DIACRITICS = set("õäöüšžÕÄÖÜŠŽ")
_BY_FREQUENCY = "äõüöÄÕÜÖšžŠŽ"
"""`_DIACRITICS`, the commonest in Estonian text first."""
_NOT_LETTERS = re.compile(r"[\W\d_]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_OCR_WORD = re.compile(r"\w*[^\W\d_]{2}\w*")  # with OCR's digits for letters: 's6ltumatu', 'I6pparuannete'


# OCR drops the marks of these letters; the dictionary's other letters ('é' of loanwords) are kept.
FOLD = str.maketrans("õäöüšž", "oaousz")
"""The letters OCR loses the marks of, to their unmarked letters (the fold the dictionary is sorted by)."""
_ENCODING = "iso-8859-15"  # the dictionary's own, one byte a letter: folded as bytes, in C
_BYTE_FOLD = bytes.maketrans("õäöüšž".encode(_ENCODING), b"oaousz")
_MIN_PART = 3  # shorter compound parts ('ja', 'ta', 'te') would split almost any word


@dataclass(frozen=True)
class _Entries:
    """The dictionary's entries ('word/flags' lines) and the same lines folded (as bytes), both in the
    order of the folded lines: the entries of a fold are the run of lines that start with it, found by
    bisection. The two lists are split and folded from the shipped text in C in a few hundredths of a
    second, where a dict of 282k entries took over a second to build in Python for every OCR'd text."""

    lines: list[str]
    folded: list[bytes]

    def get(self, fold: str) -> list[tuple[str, str]]:
        """(entry, flags) of every entry that folds to `fold`."""
        try:
            key = (fold + "/").encode(_ENCODING)
        except UnicodeEncodeError:
            return []  # a letter the dictionary has none of
        i = bisect.bisect_left(self.folded, key)
        found = []
        while i < len(self.folded) and self.folded[i].startswith(key):
            word, _, flags = self.lines[i].partition("/")
            found.append((word, flags))
            i += 1
        return found

    def __contains__(self, fold: str) -> bool:
        """True when an entry folds to `fold`."""
        return bool(self.get(fold))

    def __len__(self) -> int:
        """The number of entries."""
        return len(self.lines)

    def items(self) -> Iterator[tuple[str, list[tuple[str, str]]]]:
        """(fold, its entries) for every fold, in order."""
        pairs = (line.partition("/")[::2] for line in self.lines)
        for fold, group in itertools.groupby(pairs, lambda pair: pair[0].translate(FOLD)):
            yield fold, list(group)


@dataclass(frozen=True)
class _Dictionary:
    """The Hunspell dictionary by folded form: its entries with their affix flags, and its suffix rules
    by the folded ending they add."""

    entries: _Entries
    rules: dict[str, list[tuple[str, str, str, re.Pattern[str]]]]  # folded ending → (flag, strip, add, condition)
    longest: int  # the longest ending a rule adds


@lru_cache(maxsize=1)
def _dictionary() -> _Dictionary:
    """The Estonian Hunspell dictionary (data/et_EE.dic.gz, .aff.gz: see tools/build_lexicon.py), read once."""
    import gzip  # here: only an OCR-damaged document needs the dictionary

    data = DATA
    aff = gzip.decompress(data.joinpath("et_EE.aff.gz").read_bytes()).decode("iso-8859-15")
    rules: dict[str, list[tuple[str, str, str, re.Pattern[str]]]] = {}
    for line in aff.splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            strip, add = ("" if x == "0" else x for x in parts[2:4])
            rules.setdefault(add.translate(FOLD), []).append((parts[1], strip, add, re.compile(f"(?:{parts[4]})$")))
    # Lower-case entries only, sorted by their folded line (tools/build_lexicon.py): no proper names,
    # which are never restored (a name is kept as written).
    dic = gzip.decompress(data.joinpath("et_EE.dic.gz").read_bytes()).rstrip(b"\n")
    # Split at newlines only, alike in both: str.splitlines would also split at a byte such as 0x85.
    entries = _Entries(dic.decode(_ENCODING).split("\n"), dic.translate(_BYTE_FOLD).split(b"\n"))
    return _Dictionary(entries, rules, max(map(len, rules)))


@lru_cache(maxsize=4096)
def _spellings(fold: str, whole: bool = True) -> frozenset[str]:
    """Every word form of the dictionary that folds to `fold`: its entries, and (for a whole word or the
    last part of a compound) what its suffix rules make of an entry ('votta' → 'võtta' of 'võtma')."""
    d = _dictionary()
    found = {word for word, _ in d.entries.get(fold)}
    for cut in range(min(len(fold), d.longest) + 1) if whole else ():
        end = fold[len(fold) - cut :]
        for flag, strip, add, condition in d.rules.get(end, ()):
            for word, flags in d.entries.get(fold[: len(fold) - cut] + strip.translate(FOLD)):
                if flag in flags and word.endswith(strip) and condition.search(word):
                    found.add(word[: len(word) - len(strip)] + add)
    return frozenset(found)


def is_entry(word: str) -> bool:
    """True when `word` (lower case, with its marks) is an entry of the dictionary ('juht', 'juhi')."""
    return any(entry == word for entry, _ in _dictionary().entries.get(word.translate(FOLD)))


def is_form(word: str) -> bool:
    """True when `word` (lower case, with its marks) is a form of the dictionary: an entry, or what a
    suffix rule makes of one ('juhid' of 'juhiga', 'liikmete' of 'liikmega'). The Estonian Hunspell
    dictionary lists the forms of a word, not the word they are forms of: this is what it can confirm."""
    return word in _spellings(word.translate(FOLD))


@lru_cache(maxsize=1)
def _domain_words() -> str:
    """The words of the job-description vocabulary (data/vocabulary.json: the labels ajdiff reads every
    body's documents by), lower-cased, space-separated, to settle a fold two words share."""
    text = DATA.joinpath("vocabulary.json").read_text(encoding="utf-8")
    return " " + " ".join(sorted({w.lower() for w in _WORD.findall(text)})) + " "


def _pick(forms: frozenset[str]) -> str | None:
    """The one spelling of a fold; of several, the one the job-description vocabulary writes (alone or
    in a compound: 'töö' of 'tööülesanded' over the verb form 'too', 'märk' of 'eesmärk' over 'mark');
    None when that does not decide."""
    if len(forms) == 1:
        return next(iter(forms))
    # Up to the last letter the spellings differ in ('märgil' → 'märg', as in 'eesmärgid'), at least 4
    # letters: a whole form the vocabulary lacks is still told by its stem.
    last = max(i for i in range(min(map(len, forms))) if len({f[i] for f in forms}) > 1)
    used = [f for f in forms if f[: max(last + 1, 4)] in _domain_words()]
    return used[0] if len(used) == 1 else None


_MAX_READINGS = 16  # a compound's spellings kept at most: past two it is ambiguous anyway


@lru_cache(maxsize=4096)
def _compound(fold: str) -> frozenset[str]:
    """Every spelling of a compound over its fewest-part splits (each part an entry, the last any form
    of the dictionary) with the longest last part, a part of two spellings giving both unless the
    vocabulary settles it; empty when there is no split of two parts or more. The last part is the
    compound's head, the word it is ('töö|vahendid', not the participle 'toov' and 'ahendid')."""
    # best[i]: the fewest parts that spell fold[:i] and their spellings
    best: list[tuple[int, set[str]] | None] = [None] * len(fold)
    best[0] = (0, {""})
    ends: list[tuple[int, int, set[str]]] = []  # (parts, -length of the last, spellings)
    for i in range(len(fold)):
        state = best[i]
        if state is None:
            continue
        count, heads = state
        for j in range(i + _MIN_PART, len(fold) + 1):
            forms = _spellings(fold[i:j], whole=j == len(fold))
            if not forms:
                continue
            spelling = _pick(forms)
            made = {h + f for h in heads for f in ([spelling] if spelling else sorted(forms))}
            made = set(sorted(made)[:_MAX_READINGS])
            if j == len(fold):
                ends.append((count + 1, i - j, made))
                continue
            old = best[j]
            if old is None or count + 1 < old[0]:
                best[j] = (count + 1, made)
            elif count + 1 == old[0]:
                old[1].update(made)
    if not ends:
        return frozenset()
    fewest = min(e[:2] for e in ends)
    if fewest[0] < 2:
        return frozenset()
    return frozenset().union(*(e[2] for e in ends if e[:2] == fewest))


def _split_restored(fold: str) -> str | None:
    """A compound restored part by part (see _compound) when every fewest-part split restores it alike;
    None when there is no split, a part has two spellings or two splits disagree."""
    made = _compound(fold)
    return next(iter(made)) if len(made) == 1 else None


def _readings(fold: str) -> frozenset[str]:
    """Every spelling the dictionary allows a folded word or compound, the vocabulary settling a fold two
    words share where it can."""
    forms = _spellings(fold)
    if not forms:
        return _compound(fold)
    spelling = _pick(forms)
    return frozenset([spelling]) if spelling else forms


def _all_text(doc: JobDescription) -> str:
    g = doc.general
    # Lists and a filter, not generators: each item of a generator costs it a step (a batch's documents have 70 each).
    parts = [g.position, g.unit, g.goal, *[d.task for d in doc.duties], *[r for d in doc.duties for r in d.results]]
    return " ".join(filter(None, parts))


def looks_like_ocr(doc: JobDescription) -> bool:
    """True for Estonian text that has almost no diacritics: OCR lost them."""
    return text_looks_like_ocr(_all_text(doc))


def text_looks_like_ocr(text: str) -> bool:
    """True for an Estonian text with almost no diacritics: OCR lost them."""
    limit = 0.005 * len(text)
    marks = 0
    for mark in _BY_FREQUENCY:  # the commonest first: a clean text passes the limit after one or two counts
        marks += text.count(mark)
        if marks >= limit:
            return False  # plenty of diacritics even counted against every character: clean text, said fast
    letters = len(text) - len(_NOT_LETTERS.findall(text))
    return letters >= 400 and marks / letters < 0.005


def _certain(fold: str) -> str | None:
    """The one spelling of a folded word or of its compound's parts; None when there is none or several."""
    forms = _spellings(fold)
    return _pick(forms) if forms else _split_restored(fold)


def _cased(word: str, form: str) -> str:
    """The restored form in the OCR word's case: all capitals, capitalised, or as the dictionary has it."""
    if word.isupper():
        return form.upper()
    return form[0].upper() + form[1:] if word[:1].isupper() else form


# What an OCR model without the Estonian letters reads for them (seed 004, and Tesseract's English model
# on other bodies' pages, fixtures/external/ocr): 'd', '6', 'é', 'oé' for 'õ', 'ö' or 'ä' ('s6ltumatu',
# 'digusaktides', 'tdidab', 'moétlemine'); a run of 'i' and 'l', or 'ti', 'tl', 'U', for 'ü' or 'üü' ('Pohitilesanded',
# 'Struktuuriiiksus', 'Analllsi'); '1' or 'I' in a word for 'l' ('1abi', 'I6pparuannete').
_MISREAD = re.compile(r"[il]{2,4}|t[il]|U|oé|[d6é]|(?<=[a-z])I|^I(?=[a-z0-9])|1")
_MISREAD_AS = {
    "d": ["A", "O"], "6": ["O"], "é": ["A", "O"], "oé": ["O"], "I": ["l"], "1": ["l"], "U": ["U"],
    "ti": ["U", "Ui"], "tl": ["U", "Ul"],  # 'Pohitilesanded', 'tiles'; 'pohitlesanded' ('ü' read 't')
}  # fmt: skip
"""Glyphs → what they may stand for: a capital is a letter that must come back marked (A: 'ä', O: 'õ'
or 'ö', U: 'ü'); runs of 'i' and 'l' are read by _run."""
_MARKED = {"A": "ä", "O": "õö", "U": "ü"}
_MAX_MISREADS = 6  # a few hundred candidate spellings at most: longer runs of doubt are left as they are


def _run(glyphs: str) -> list[str]:
    """What a run of 'i' and 'l' may stand for: 'ü' or 'üü', a glyph at either end kept as a letter."""
    first, last = glyphs[0], glyphs[-1]
    found = ["U", "UU", first + "U", "U" + last, first + "UU", "UU" + last]
    if len(glyphs) >= 3:
        found += [first + "U" + last, first + "UU" + last]
    return [r for r in dict.fromkeys(found) if len(r) <= len(glyphs)]


def _misread(word: str) -> str | None:
    """The word an OCR misreading stands for: of the spellings the dictionary allows the readings of its
    doubtful glyphs (each kept, or read as a letter it may stand for), with the marked letter wherever
    one was read, the one that reads the most glyphs as letters of their own and, of those, the fewest
    as other letters; None when there is no such spelling or two are alike."""
    spots = list(_MISREAD.finditer(word))
    if not spots or len(spots) > _MAX_MISREADS:
        return None
    choices = [["", *(_MISREAD_AS[m.group(0)] if m.group(0) in _MISREAD_AS else _run(m.group(0)))] for m in spots]
    found: dict[str, tuple[int, int, int]] = {}  # spelling → its rank, the best first (see below)
    for picked in itertools.product(*choices):
        if not any(picked):
            continue  # the word as written: the caller found it has no certain spelling
        pieces: list[str] = []
        done = 0
        for m, reading in zip(spots, picked):
            pieces += [word[done : m.start()].lower(), reading or m.group(0).lower()]
            done = m.end()
        pieces.append(word[done:].lower())
        candidate = "".join(pieces)
        fold = candidate.lower()
        if not fold.isalpha() or not fold.isascii():
            continue  # a digit left unread ('t60ks'): no word
        # Every spelling of the reading counts, certain or not: 'digeaegselt' read 'äigeaegselt' ('äige')
        # is no restoration while 'õigeaegselt' ('oige' or 'õige') is a reading too.
        # A word of the dictionary ranks by the letters it keeps, then by the fewest glyphs read as other
        # letters (an OCR error is the exception: 'digusaktides' is 'õigusaktides', not 'õigusaküides'); a
        # compound of parts ranks below every such word, by the letters it keeps only: parts join into
        # almost anything ('kärg|haridus', 'kärg|hariaus' of 'Kdrgharidus', whose 'kõrgharidus' the
        # dictionary lacks, tie and keep it).
        whole = bool(_spellings(fold))
        rank = (0, -len(fold), sum(map(bool, picked))) if whole else (1, -len(fold), 0)
        for form in _readings(fold):
            if all(form[k] in _MARKED.get(c, c) for k, c in enumerate(candidate) if c.isupper()):
                found[form] = min(found.get(form, rank), rank)
    best = sorted(found, key=found.__getitem__)
    return best[0] if len(best) == 1 or (best and found[best[0]] < found[best[1]]) else None


def restore_word(word: str, misread: bool = False) -> str:
    """The word with its diacritics back when the dictionary is certain, else unchanged. With `misread`
    (an OCR'd document's text), a word the dictionary does not know is also read through the glyphs OCR
    makes of the marked letters, when that gives one certain word."""
    if any(c in _DIACRITICS for c in word) or (len(word) <= 2 and word.isupper()):
        return word  # marked already, or an abbreviation ('AI' is no 'ÄI')
    fold = word.lower()
    if not fold.isascii() or not fold.isalpha():
        # 'téévahendeid' (OCR's 'é' for 'ö'), 's6ltumatu', '1abi'; any other foreign letter is kept
        found = _misread(word) if misread and fold.replace("é", "").isascii() else None
        return _cased(word, found) if found else word
    form = _certain(fold)
    if form is None and misread and not _spellings(fold):
        form = _misread(word)
    if form is None or form == fold:
        return word
    return _cased(word, form)


_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ -]+[A-Z][a-z]+)+\b")


def _known(word: str) -> bool:
    """True when the dictionary has a form of the word or of its parts."""
    fold = word.lower()
    return bool(_spellings(fold)) or _split_restored(fold) is not None


def restore_text(text: str, misread: bool = False) -> str:
    """Restore diacritics word by word (with `misread`, also through OCR's glyphs for the marked letters:
    see restore_word). Capitalised words side by side of which one is no word of the dictionary are a
    person's name ('Maret Maripuu', 'Priit Sauk'), kept whole: the dictionary holds no names, and a
    name's other part may be a rare word ('Maret' → 'märet', 'Sauk' → 'säuk')."""
    names = [m.span() for m in _CAPITALISED_RUN.finditer(text) if not all(map(_known, _WORD.findall(m.group(0))))]
    words = _OCR_WORD if misread else _WORD

    def restored(m: re.Match[str]) -> str:
        word = m.group(0)
        out = restore_word(word, misread)
        if misread and (word[0], out[0]) in (("U", "Ü"), ("I", "L")) and word[1:].islower():
            # OCR reads a small 'ü' as 'U' ('tulenevate Ulesannete', seed 004's 'aitab Ules') and a small
            # 'l' as 'I' ('vahe- ning I6pparuannete'): after a small letter or a comma on its line,
            # mid-sentence, the word was not capitalised.
            before = m.string[: m.start()].rsplit("\n", 1)[-1].rstrip()
            if before[-1:].islower() or before[-1:] == ",":
                return out[0].lower() + out[1:]
        return out

    pieces: list[str] = []
    done = 0
    for start, end in names:
        pieces += [words.sub(restored, text[done:start]), text[start:end]]
        done = end
    pieces.append(words.sub(restored, text[done:]))
    return "".join(pieces)


def restore_lines(lines: list[str]) -> list[str]:
    """An OCR'd document's lines restored one by one as `restore_text` (with `misread`) restores a text,
    before they are read into paragraphs. A line's first word read 'U' or 'I' after a line that ends
    mid-sentence (a small letter or a comma) is left as OCR gave it: whether it goes on the sentence
    ('ameti,' / 'Uksuse' is 'üksuse') or starts a heading ('Ulesanded') is known only once the lines are
    read, and the paragraph's restoration then reads it in its sentence."""
    out: list[str] = []
    above = ""
    for text in lines:
        restored = restore_text(text, misread=True)
        first = _OCR_WORD.match(text) if above[-1:].islower() or above[-1:] == "," else None
        if first is not None and text[:1] in "UI" and first.group(0)[1:].islower():
            # The rest of the line is restored with the first word before it, as in its sentence.
            made = _OCR_WORD.match(restored)
            restored = first.group(0) + restored[made.end() if made else 0 :]
        out.append(restored)
        above = text.rstrip()
    return out


if TYPE_CHECKING:
    _T = TypeVar("_T")


def _mapped(value: _T, fn: Callable[[str], str]) -> _T:
    """The value with fn applied to every string in it, of the same type (each branch below keeps it)."""
    return _map_strings(value, fn)  # type: ignore[return-value]  # each branch keeps the type


def _map_strings(value: object, fn: Callable[[str], str]) -> object:
    if isinstance(value, Enum):
        return value
    if isinstance(value, Node):
        # The tree keeps the words as written in its verbatim; only its normalised text is restored (its
        # labels were read from lines restored already: structure.build_tree).
        return dataclasses.replace(value, text=fn(value.text), children=_mapped(value.children, fn))
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, tuple):
        return tuple(_map_strings(v, fn) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{f.name: _map_strings(getattr(value, f.name), fn) for f in dataclasses.fields(value)}
        )
    return value


def _restore_ocr(text: str) -> str:
    return restore_text(text, misread=True)


def restore_diacritics(doc: JobDescription) -> JobDescription:
    """The document with diacritics restored in its content and its order's words (not in source, numbers
    or metadata)."""
    keep = {"source", "annex", "order", "warnings", "metadata"}
    changes: dict[str, Any] = {
        f.name: _map_strings(getattr(doc, f.name), _restore_ocr) for f in dataclasses.fields(doc) if f.name not in keep
    }
    # Language codes and slugs are keys, not text: restore_text leaves ASCII keys without a match alone.
    restored = dataclasses.replace(doc, **changes)
    restored = dataclasses.replace(
        restored,
        requirements=dataclasses.replace(
            restored.requirements,
            languages=doc.requirements.languages,
            extra=tuple((k, v) for (k, _), (_, v) in zip(doc.requirements.extra, restored.requirements.extra)),
        ),
        other=tuple((k, v) for (k, _), (_, v) in zip(doc.other, restored.other)),
        order=_restored_order(doc.order),
        warnings=(*doc.warnings, "OCR text: diacritics restored where the built-in lexicon was certain"),
    )
    return restored


def _restored_order(order: OrderRef | None) -> OrderRef | None:
    """The order's words restored (its title, the posts it approves, its sentences), not its number, date
    or annex numbers: the list of posts is compared with another version's ('Jarelevalve osakonna …')."""
    if order is None:
        return None
    return dataclasses.replace(
        order,
        title=order.title and _restore_ocr(order.title),
        annexes=tuple((annex, _restore_ocr(post)) for annex, post in order.annexes),
        repeals=tuple(map(_restore_ocr, order.repeals)),
        effective=order.effective and _restore_ocr(order.effective),
        approved_by=order.approved_by and _restore_ocr(order.approved_by),
    )
