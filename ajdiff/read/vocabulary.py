"""The words of Estonian job descriptions (headings, labels, markers), loaded from data and matched
on folded, OCR-tolerant text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from ajdiff.text import fold, fuzzy_equal, ocr_fold

FUZZY = 0.85
"""How alike an OCR-damaged heading or label must be to the known one."""


@dataclass(frozen=True)
class Term:
    """One known phrase: its key, its folded and OCR-folded words."""

    key: str
    words: int
    folded: str
    ocr: str
    phrase: str = ""
    """The phrase as the vocabulary writes it ('kellele allub'), for naming a field as documents do."""


@dataclass(frozen=True)
class LabelHit:
    """A known label at the start of a line: its key, the label as written, and the rest of the line."""

    key: str
    label: str
    rest: str


@dataclass(frozen=True)
class Vocabulary:
    """Everything `data/vocabulary.json` knows, folded once."""

    headings: tuple[Term, ...]
    heading_endings: tuple[Term, ...]
    labels: tuple[Term, ...]
    results_labels: frozenset[str]
    table_headers: tuple[str, ...]
    list_intros: tuple[str, ...]
    signatures: tuple[str, ...]
    review_sentence: str
    title_word: str


def _terms(table: dict[str, list[str]]) -> tuple[Term, ...]:
    terms = [Term(key, len(p.split()), fold(p), ocr_fold(p), p) for key, phrases in table.items() for p in phrases]
    # Longest first, so that "teenistuja asendaja" is tried before "asendaja".
    return tuple(sorted(terms, key=lambda t: -t.words))


@cache
def vocabulary() -> Vocabulary:
    """The package's vocabulary, read once."""
    data = json.loads(resources.files("ajdiff").joinpath("data/vocabulary.json").read_text(encoding="utf-8"))
    labels = dict(data["labels"])
    labels.update({"untyped": data["untyped_labels"]})
    return Vocabulary(
        headings=_terms(data["headings"]),
        heading_endings=_terms(data["heading_endings"]),
        labels=_terms(labels),
        results_labels=frozenset(fold(p) for p in data["results_labels"]),
        table_headers=tuple(ocr_fold(p) for p in data["table_headers"]),
        list_intros=tuple(fold(p) for p in data["list_intros"]),
        signatures=tuple(fold(p) for p in data["signatures"]),
        review_sentence=fold(data["review_sentence"]),
        title_word=fold(data["title_word"]),
    )


def _prefix_match(words: list[str], terms: tuple[Term, ...], fuzzy: bool) -> tuple[Term, int] | None:
    """The first term the words start with (exactly, or alike despite OCR swaps): term and words used."""
    heads: dict[int, tuple[str, str]] = {}
    for term in terms:
        n = term.words
        if len(words) < n:
            continue
        if n not in heads:
            head = " ".join(words[:n])
            heads[n] = (fold(head), "")
        folded, ocr = heads[n]
        if folded == term.folded:
            return term, n
        # OCR swaps letters inside a long word, rarely its first one; a short label ('allub') is
        # too close to ordinary words ('alluvad') to match anything but itself.
        # An inflected form ('ametikoha' for 'ametikoht') differs at the end: never a match.
        if fuzzy and len(term.folded) >= 9 and folded[:1] == term.folded[:1] and folded[-2:] == term.folded[-2:]:
            if not ocr:
                ocr = ocr_fold(" ".join(words[:n]))
                heads[n] = (folded, ocr)
            if fuzzy_equal(ocr, term.ocr, FUZZY):
                return term, n
    return None


@lru_cache(maxsize=8192)
def heading_prefix(title: str) -> tuple[str, int] | None:
    """(section key, words used) when a title starts with a known heading name, else None."""
    words = title.split()
    if not words:
        return None
    for fuzzy in (False, True):
        hit = _prefix_match(words, vocabulary().headings, fuzzy)
        if hit:
            return hit[0].key, hit[1]
    return None


@lru_cache(maxsize=8192)
def heading_key(title: str) -> str | None:
    """The section a whole heading names ('3. TÖÖÜLESANDED' → duties), by name or by its last words."""
    hit = heading_prefix(title)
    if hit and hit[1] == len(title.split()):
        return hit[0]
    folded = ocr_fold(title)
    for term in vocabulary().heading_endings:
        if folded.endswith(term.ocr) and len(folded.split()) <= term.words + 3:
            return term.key
    return None


@lru_cache(maxsize=16384)
def match_label(text: str, prefix: str = "") -> LabelHit | None:
    """A known label at the start of a line ('Vahetu juht Talituse juhataja'), restricted to keys
    starting with `prefix` ('general.', 'requirements.'), exact matches before OCR-alike ones."""
    words = text.split()
    terms = tuple(t for t in vocabulary().labels if t.key.startswith(prefix) or t.key in ("untyped", "competencies"))
    for fuzzy in (False, True):
        hit = _prefix_match(words, terms, fuzzy)
        if hit:
            term, n = hit
            rest = " ".join(words[n:])
            # "Haridus : kõrgharidus", "Vahetu juht – osakonna juhataja"; a lone "-" is the value "none".
            if rest.startswith((": ", "– ", "- ")) or rest == ":":
                rest = rest[1:].strip()
            return LabelHit(term.key, " ".join(words[:n]).rstrip(":"), rest)
    return None


def known_label(key: str, label: str) -> str | None:
    """The vocabulary's spelling of a label a document gave a field ('KELLELE ALLUB' → 'Kellele allub'),
    when it is exactly one of that key's phrases; an OCR-damaged or unknown label gives None."""
    folded = fold(label)
    for term in vocabulary().labels:
        if term.key == key and term.folded == folded:
            return term.phrase[:1].upper() + term.phrase[1:]
    return None


def is_table_header(text: str) -> bool:
    """A column header of a duties table ('Põhiülesanded Oodatavad tulemused', 'Ülesanded | Tulemused')."""
    if len(text) > _HEADER_MAX_CHARS:
        return False
    folded = ocr_fold(text.replace("|", " "))
    return any(fuzzy_equal(folded, h, 0.8) for h in _header_rows())


_HEADER_MAX_CHARS = 80


@cache
def _header_rows() -> tuple[str, ...]:
    """Every header row a duties table has: a task column's name alone, or followed by a results
    column's ('Tööülesanne Tulemus', 'Teenistusülesanded Oodatavad tulemused'), OCR-folded.

    Composed rather than listed: each body names its two columns its own way, and a Word table's
    header row reads as the two names on one line."""
    v = vocabulary()
    results = sorted(ocr_fold(r) for r in v.results_labels)
    return tuple(dict.fromkeys([*v.table_headers, *(f"{h} {r}" for h in v.table_headers for r in results)]))


def is_results_label(text: str) -> bool:
    """A line that only says the results follow ('Oodatavad tulemused:', 'Tulemus:')."""
    return fold(text) in vocabulary().results_labels


def is_list_intro(text: str) -> bool:
    """'Töötajal on õigus:' and the like, which introduce a list and are not an item of it."""
    return text.rstrip().endswith(":") and fold(text).startswith(vocabulary().list_intros)


def is_signature(text: str) -> bool:
    """A signature line ('(allkirjastatud digitaalselt)', 'Poolte allkirjad')."""
    low = text.lower()
    # Fold only lines that can be a signature: folding every line costs.
    return ("allkirj" in low or "andja" in low) and any(s in fold(text) for s in vocabulary().signatures)
