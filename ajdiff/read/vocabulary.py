"""The words of Estonian job descriptions (headings, labels, markers), loaded from data and matched
on folded, OCR-tolerant text."""

from __future__ import annotations

import json
import math
import re
from functools import cache, lru_cache

from ajdiff.read import DATA
from ajdiff.records import dataclass
from ajdiff.text import common_subsequences, fold, fuzzy_equal, likeness_reached, ocr_fold

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)
if TYPE_CHECKING:
    from typing import Any

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
    acknowledgements: tuple[str, ...]
    supervision_nouns: frozenset[str]
    """'allub tööandja juhtimisele': the words after the supervisor's name in the genitive."""
    review_sentence: str
    title_word: str


def _terms(table: dict[str, list[str]]) -> tuple[Term, ...]:
    terms = [Term(key, len(p.split()), fold(p), ocr_fold(p), p) for key, phrases in table.items() for p in phrases]
    # Longest first, so that "teenistuja asendaja" is tried before "asendaja".
    return tuple(sorted(terms, key=lambda t: -t.words))


PREBUILT: dict[str, Any] = {}
"""`export()`'s values as the build made them (`ajdiff.prebuilt`, which the program loads while the files they are
made from are unchanged): folding the vocabulary's ~400 phrases and packing the header rows is a tenth of a
one-pair diff, the same for every run."""


def export() -> tuple[object, ...]:
    """The vocabulary and the header rows' index as plain values (tuples, strings, ints), for `ajdiff.prebuilt`."""
    v = vocabulary()
    h = _header_index()
    terms = [
        tuple((t.key, t.words, t.folded, t.ocr, t.phrase) for t in ts)
        for ts in (v.headings, v.heading_endings, v.labels)
    ]
    fields = (v.results_labels, v.table_headers, v.list_intros, v.signatures, v.acknowledgements, v.supervision_nouns)
    return (*terms, *fields, v.review_sentence, v.title_word), (
        h.rows,
        h.guards,
        h.by_length,
        h.piece_bits,
        h.piece_rows,
        h.task_pieces,
    )


@cache
def vocabulary() -> Vocabulary:
    """The package's vocabulary, read once (or as the build made it: `PREBUILT`)."""
    made = PREBUILT.get("vocabulary")
    if made is not None:
        *made_terms, results, headers, intros, signatures, acknowledgements, nouns, review, title = made
        headings, endings, labelled = (tuple(Term(*t) for t in ts) for ts in made_terms)
        return Vocabulary(
            headings, endings, labelled, results, headers, intros, signatures, acknowledgements, nouns, review, title
        )
    data = json.loads(DATA.joinpath("vocabulary.json").read_text(encoding="utf-8"))
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
        acknowledgements=tuple(fold(p) for p in data["acknowledgements"]),
        supervision_nouns=frozenset(fold(p) for p in data["supervision_nouns"]),
        review_sentence=fold(data["review_sentence"]),
        title_word=fold(data["title_word"]),
    )


def _prefix_match(words: list[str], terms: tuple[Term, ...], fuzzy: bool) -> tuple[Term, int] | None:
    """The first term the words start with (exactly, or alike despite OCR swaps): term and words used."""
    index = _index(terms)
    heads: dict[int, str] = {}
    first: int | None = None  # the earliest term met exactly
    for n in index.lengths:
        if len(words) < n:
            continue
        folded = heads[n] = fold(" ".join(words[:n]))
        k = index.exact.get((n, folded))
        if k is not None and (first is None or k < first):
            first = k
    if fuzzy:
        # OCR swaps letters inside a long word, rarely its first one; a short label ('allub') is
        # too close to ordinary words ('alluvad') to match anything but itself.
        # An inflected form ('ametikoha' for 'ametikoht') differs at the end: never a match.
        alike = sorted(k for n, f in heads.items() for k in index.alike.get((n, f[:1], f[-2:]), ()))
        ocr: dict[int, str] = {}
        for k in alike:
            if first is not None and k > first:
                break
            n = terms[k].words
            if n not in ocr:
                ocr[n] = ocr_fold(" ".join(words[:n]))
            if fuzzy_equal(ocr[n], terms[k].ocr, FUZZY):
                return terms[k], n
    return (terms[first], terms[first].words) if first is not None else None


@dataclass(frozen=True)
class _TermIndex:
    """A tuple of terms looked up by the words a line starts with, instead of scanned term by term."""

    lengths: tuple[int, ...]
    """Every term's number of words."""
    exact: dict[tuple[int, str], int]
    """(words, folded phrase) → the first term so spelled."""
    alike: dict[tuple[int, str, str], tuple[int, ...]]
    """(words, first letter, last two letters) → the long terms an OCR-damaged head may be."""


_INDEXES: dict[int, tuple[tuple[Term, ...], _TermIndex]] = {}


def _index(terms: tuple[Term, ...]) -> _TermIndex:
    """The index of a tuple of terms, built on its first use (the tuples live as long as the vocabulary)."""
    known = _INDEXES.get(id(terms))
    if known is not None and known[0] is terms:
        return known[1]
    exact: dict[tuple[int, str], int] = {}
    alike: dict[tuple[int, str, str], list[int]] = {}
    for k, t in enumerate(terms):
        exact.setdefault((t.words, t.folded), k)
        if len(t.folded) >= 9:
            alike.setdefault((t.words, t.folded[:1], t.folded[-2:]), []).append(k)
    lengths = tuple(sorted({t.words for t in terms}))
    index = _TermIndex(lengths, exact, {key: tuple(ks) for key, ks in alike.items()})
    _INDEXES[id(terms)] = (terms, index)
    return index


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
    split = title.split()
    words = len(split)
    index = _index(vocabulary().headings)
    # A name covers the whole heading only when it has as many words: a longer line (most asked: a duty's
    # result, a field's value) is not looked up by name at all.
    if words <= index.lengths[-1]:
        # Nor is a line that no name of as many words is spelled as, or may be alike (`_prefix_match`'s keys for
        # the whole line): `heading_prefix` could only find a shorter name, where its search for one (a miss cost
        # ~100,000 instructions) is asked of most short lines.
        whole = fold(" ".join(split))
        if (words, whole) in index.exact or (words, whole[:1], whole[-2:]) in index.alike:
            hit = heading_prefix(title)
            if hit and hit[1] == words:
                return hit[0]
    return heading_by_ending(title)


def heading_by_ending(title: str) -> str | None:
    """The section a heading names by its last words, where no name of the vocabulary is the whole heading."""
    folded = ocr_fold(title)
    if not folded.endswith(_ending_phrases()):  # one look for all: most lines end with none
        return None
    for term in vocabulary().heading_endings:
        if folded.endswith(term.ocr) and len(folded.split()) <= term.words + 3:
            # "Teenistuskoht Arendavate (eesmärgid)": a label and its value, the heading word in the value.
            label = match_label(title)
            if label and label.rest and known_label(label.key, label.label):
                return None
            return term.key
    return None


@cache
def _ending_phrases() -> tuple[str, ...]:
    """The OCR-folded phrases a heading may end with, for one `str.endswith`."""
    return tuple(term.ocr for term in vocabulary().heading_endings)


@lru_cache(maxsize=16384)
def match_label(text: str, prefix: str = "") -> LabelHit | None:
    """A known label at the start of a line ('Vahetu juht Talituse juhataja'), restricted to keys
    starting with `prefix` ('general.', 'requirements.'), exact matches before OCR-alike ones."""
    shown = words = text.split()
    tries = [words]
    if "(" in text and "d)" in text:
        # A plural ending in brackets ('(d)', '(id)'): other brackets ('Ekspert (toimepidevus)') leave the words as
        # they are, where the plural and the singular were the words twice, each looked up again.
        shown, plural, singular = _plural_labels(text)
        tries = [plural, singular]
    terms = _label_terms(prefix)
    for fuzzy in (False, True):
        hit = next((h for h in (_prefix_match(w, terms, fuzzy) for w in tries) if h), None)
        if hit:
            term, n = hit
            rest = " ".join(shown[n:])
            # "Haridus : kõrgharidus", "Vahetu juht – osakonna juhataja"; a lone "-" is the value "none".
            if rest.startswith((": ", "– ", "- ")) or rest == ":":
                rest = rest[1:].strip()
            return LabelHit(term.key, " ".join(shown[:n]).rstrip(":"), rest)
    return None


# A label that names one or more writes its plural ending in brackets: 'Asendaja(d)', 'Alluva (d)',
# 'Asendatava(d):'; near a line's start, for a bracket inside a value is no label's.
_SPACED_PLURAL = re.compile(r"^((?:\S+\s+){0,3}\w+)\s\((d|id)\)(?=[\s:]|$)")
_PLURAL_WORD = re.compile(r"^(\w+)\((d|id)\)(:?)$")


def _plural_labels(text: str) -> tuple[list[str], list[str], list[str]]:
    """A line's words as written (a bracketed plural ending joined to its word: 'Asendaja(d)'), and as
    matched: the plural ('asendajad', 'alluvad'), else the singular ('teenistuja asendaja')."""
    # Each pattern matches at the start of its text or nowhere: a match's pieces are joined here, where `re.sub` with a
    # template called Python's `re._subx` (and compiled nothing) for every word, a bracket in it or not.
    spaced = _SPACED_PLURAL.match(text)
    shown = (f"{spaced[1]}({spaced[2]}){text[spaced.end() :]}" if spaced else text).split()
    plural, singular = shown[:4], shown[:4]
    for k, word in enumerate(shown[:4]):
        if "(" in word and (m := _PLURAL_WORD.match(word)):
            plural[k], singular[k] = f"{m[1]}{m[2]}{m[3]}", f"{m[1]}{m[3]}"
    return shown, plural + shown[4:], singular + shown[4:]


@cache
def _label_terms(prefix: str) -> tuple[Term, ...]:
    """The labels of keys starting with `prefix`, with the untyped ones and competencies."""
    return tuple(t for t in vocabulary().labels if t.key.startswith(prefix) or t.key in ("untyped", "competencies"))


def known_label(key: str, label: str) -> str | None:
    """The vocabulary's spelling of a label a document gave a field ('KELLELE ALLUB' → 'Kellele allub'),
    when it is exactly one of that key's phrases; an OCR-damaged or unknown label gives None."""
    term = _labels_by_key().get((key, fold(label)))
    return None if term is None else term.phrase[:1].upper() + term.phrase[1:]


@cache
def _labels_by_key() -> dict[tuple[str, str], Term]:
    """The first label term of each (key, folded phrase), as a scan of the labels in order meets it: every
    field of every document asks."""
    found: dict[tuple[str, str], Term] = {}
    for term in vocabulary().labels:
        found.setdefault((term.key, term.folded), term)
    return found


def is_table_header(text: str) -> bool:
    """A column header of a duties table ('Põhiülesanded Oodatavad tulemused', 'Ülesanded | Tulemused')."""
    # Refused before the memo: most lines asked are long (a duty's result), and a memo of them would push
    # out the short lines that cost a computation (a batch's 8,192 entries were two-thirds long lines).
    return len(text) <= _HEADER_MAX_CHARS and _short_table_header(text)


def is_header_row(text: str) -> bool:
    """A column header of a duties table as its writer spelled it: one of `is_table_header`'s rows exactly, or
    a cell of one that is a header by itself ('Tulemused' under 'Ülesanded', a table read a cell a line),
    folded as it folds a line; without the likeness OCR'd text needs."""
    # Refused by its first letter before the memo: half the lines asked (a duty's results) start with one that no
    # header row's fold starts with.
    return len(text) <= _HEADER_MAX_CHARS and text[:1] not in _refused_first_letters() and _short_header_row(text)


@lru_cache(maxsize=8192)  # a line two versions of a document share is asked again in a batch: as _short_table_header
def _short_header_row(text: str) -> bool:
    """`is_header_row` of a line of at most _HEADER_MAX_CHARS characters."""
    folded = header_fold(text)
    if folded in _header_row_set():
        return True
    # A results column's name alone is a header where `is_table_header` takes it for one ('Tulemused' is like the
    # row 'Tulemus'; 'Oodatav tulemus' is like none): asked of it, so that this test never says yes where it says no.
    return folded in _results_names() and _short_table_header(text)


def header_fold(text: str) -> str:
    """A line as header rows are looked up: OCR-folded, a cell separator a space."""
    return ocr_fold(text.replace("|", " "))


@cache
def _header_row_set() -> frozenset[str]:
    """The header rows, looked up whole."""
    return frozenset(_header_index().rows)


@cache
def _refused_first_letters() -> frozenset[str]:
    """The ASCII letters a line that folds to a header row or a results column's name cannot start with: its fold
    starts with the letter's fold, or with the fold of the letter doubled ('ii' reads 'u')."""
    firsts = {name[:1] for name in _header_row_set() | _results_names()}
    letters = "abcdefghijklmnopqrstuvwxyz"  # (not `string.ascii_letters`: a module the start-up does not import)
    return frozenset(c for c in letters + letters.upper() if not {ocr_fold(c)[:1], ocr_fold(c + c)[:1]} & firsts)


@cache
def _results_names() -> frozenset[str]:
    """The results columns' names, folded as a line is."""
    return frozenset(ocr_fold(r) for r in vocabulary().results_labels)


@lru_cache(maxsize=8192)
def _short_table_header(text: str) -> bool:
    """`is_table_header` of a line of at most _HEADER_MAX_CHARS characters."""
    folded = ocr_fold(text.replace("|", " "))
    index = _header_index()
    if len(folded) >= 1 << _GUARD:  # too long for a packed field (unidecode may lengthen a line): one by one
        return any(fuzzy_equal(folded, row, _HEADER_LIKENESS) for row in index.rows)
    # Every line of a section is asked, and nearly none is a header. A row is a task column's name, or that
    # and a results column's ('tooulesanoeo' + ' oooatavao tulemuseo'), and its longest common subsequence
    # with the line is at most the sum of its pieces' (the subsequence splits where the pieces meet). The
    # line's subsequences with the ~30 pieces come from one bit-parallel pass over it, always over the same
    # pieces. ratio() can reach 0.8 only if 5·subsequence ≥ 2·(line + row): per piece, 5·common − 2·length
    # = 3·length − 5·unmatched; a row's is its pieces' sum, which must reach 2·line. When the best task
    # piece and the best results piece (or none) fall short of it, no row can reach it: so for all but a
    # few lines in a thousand. Those have their sums held against each row's need at once (packed, see
    # _HeaderIndex), and a row left is compared as `fuzzy_equal` would.
    positions, full, spans = index.piece_bits
    row = full
    for ch in folded:
        match = row & positions.get(ch, 0)
        row = ((row + match) | (row - match)) & full
    scores = [3 * m - 5 * ((row >> shift) & mask).bit_count() for shift, mask, m in spans]
    tasks = index.task_pieces
    if max(scores[:tasks]) + max((0, *scores[tasks:])) < 2 * len(folded):
        return False
    # A piece's common subsequence is (score + 2·length) / 5.
    bound = sum((score + 2 * m) // 5 * fields for (_, _, m), score, fields in zip(spans, scores, index.piece_rows))
    passing = ((bound | index.guards) - index.needed(len(folded))) & index.guards
    if not passing:
        return False
    candidates = index.candidates(passing)
    return any(
        likeness_reached(folded, row, common, _HEADER_LIKENESS)
        for row, common in zip(candidates, common_subsequences(folded, candidates))
    )


_HEADER_MAX_CHARS = 80
_HEADER_LIKENESS = 0.8
_FIELD = 8  # bits per row in a packed integer: sums stay below 2**_GUARD (no row is 128 letters long)
_GUARD = _FIELD - 1


@dataclass(frozen=True)
class _HeaderIndex:
    """The header rows as packed integers, one 8-bit field per row, so that one subtraction compares a
    number per row with every row's need (SWAR: the top bit of each field guards against borrows)."""

    rows: tuple[str, ...]
    guards: int
    """The guard bit of every field."""
    by_length: dict[int, int]
    """Row length → 1 in the fields of the rows of that length."""
    piece_bits: tuple[dict[str, int], int, tuple[tuple[int, int, int], ...]]
    """The pieces rows are made of, side by side as `ajdiff.text.common_subsequences` lays out rows: each
    letter's positions, all positions, and each piece's (shift, mask, length)."""
    piece_rows: tuple[int, ...]
    """Per piece: 1 in the fields of the rows made with it."""
    task_pieces: int
    """How many of the pieces (the first) are task columns' names; the others are results columns'."""
    _needed: dict[int, int]

    def candidates(self, passing: int) -> tuple[str, ...]:
        """The rows whose guard bits are set in `passing`, in order."""
        rows = []
        while passing:
            low = passing & -passing  # the lowest guard bit set: one step per row passing, not per row
            rows.append(self.rows[(low.bit_length() - 1) // _FIELD])
            passing ^= low
        return tuple(rows)

    def needed(self, n: int) -> int:
        """Per row, the letters a line of `n` characters must share with it in order for ratio() to reach
        the likeness (2·shared ≥ likeness·(n + row length)); out of reach (2**_GUARD) where the lengths alone
        refuse it (as `fuzzy_equal` does)."""
        packed = self._needed.get(n)
        if packed is None:
            reach = max(3, n // 4)
            packed = 0
            for m, fields in self.by_length.items():  # rows of one length share their threshold
                need = math.ceil(_HEADER_LIKENESS * (n + m) / 2 - 1e-9) if abs(n - m) <= reach else 1 << _GUARD
                packed += need * fields
            self._needed[n] = packed
        return packed


@cache
def _header_index() -> _HeaderIndex:
    """The header rows, packed once per process (or as the build packed them: `PREBUILT`)."""
    made = PREBUILT.get("header_index")
    if made is not None:
        return _HeaderIndex(made[0], made[1], made[2], made[3], made[4], made[5], {})
    rows, pieces, made_of = _header_pieces()
    tasks = sum(not p.startswith(" ") for p in pieces)
    ones = sum(1 << (_FIELD * k) for k in range(len(rows)))
    by_length: dict[int, int] = {}
    for k, r in enumerate(rows):
        by_length[len(r)] = by_length.get(len(r), 0) | 1 << (_FIELD * k)
    positions: dict[str, int] = {}
    spans, shift = [], 0
    for piece in pieces:  # side by side, a zero bit above each (see ajdiff.text.common_subsequences)
        for at, ch in enumerate(piece):
            positions[ch] = positions.get(ch, 0) | 1 << (shift + at)
        spans.append((shift, (1 << len(piece)) - 1, len(piece)))
        shift += len(piece) + 1
    full = sum(mask << shift for shift, mask, _ in spans)
    piece_bits = (positions, full, tuple(spans))
    piece_rows = tuple(
        sum(1 << (_FIELD * k) for k, used in enumerate(made_of) if p in used) for p in range(len(pieces))
    )
    return _HeaderIndex(rows, ones << _GUARD, by_length, piece_bits, piece_rows, tasks, {})


def _header_rows() -> tuple[str, ...]:
    """Every header row a duties table has: a task column's name alone, or followed by a results
    column's ('Tööülesanne Tulemus', 'Teenistusülesanded Oodatavad tulemused'), OCR-folded."""
    return _header_pieces()[0]


@cache
def _header_pieces() -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[int, ...], ...]]:
    """The header rows, the pieces they are made of (the task columns' names, and the results columns'
    with the space before them), and each row's pieces by number.

    Composed rather than listed: each body names its two columns its own way, and a Word table's
    header row reads as the two names on one line."""
    v = vocabulary()
    results = sorted(ocr_fold(r) for r in v.results_labels)
    pieces = tuple(dict.fromkeys([*v.table_headers, *(f" {r}" for r in results)]))
    number = {p: k for k, p in enumerate(pieces)}
    made_of: dict[str, tuple[int, ...]] = {}
    for h in v.table_headers:
        made_of.setdefault(h, (number[h],))
    for h in v.table_headers:
        for r in results:
            made_of.setdefault(f"{h} {r}", (number[h], number[f" {r}"]))
    return tuple(made_of), pieces, tuple(made_of.values())


def is_results_label(text: str) -> bool:
    """A line that only says the results follow ('Oodatavad tulemused:', 'Tulemus:')."""
    return fold(text) in vocabulary().results_labels


def is_list_intro(text: str) -> bool:
    """'Töötajal on õigus:' and the like, which introduce a list and are not an item of it."""
    return text.rstrip().endswith(":") and fold(text).startswith(vocabulary().list_intros)


def is_signature(text: str) -> bool:
    """A signature line ('(allkirjastatud digitaalselt)', 'Poolte allkirjad'), the holder's acknowledgement
    that opens a signature block ('Kinnitan allkirjaga, et olen ametijuhendiga tutvunud …', '(nimi ja
    allkiri)'), or a form's blank to sign on ('______ ____ . ______ 200 __. a.')."""
    # Every line is asked, and lowering a line costs more than looking for the words in it: its ASCII letters
    # lowered alone (bytes.lower of its Latin-1, its other characters dropped) hold the words it holds, and more
    # where a dropped character stood inside one, as no other character lowers to one of theirs but the Kelvin
    # sign (to 'k'; 'İ' lowers to 'i' and a combining dot, which no word has). Decoded back to look for them by
    # `in` (bytes.find parses its arguments, `in` on bytes tries its operand as an integer first): a third of the
    # cost. (A Latin-1 line, nearly every one, is encoded by a copy; UTF-8 took a step a character.)
    low = text.encode("latin-1", "ignore").lower().decode("latin-1")
    if "allkir" in low or "andja" in low or "tutvu" in low or "\u212a" in text:
        return _is_signature_lowered(text)
    # Its first test, spared a call: nearly no line has a blank (nor an underscore, which memchr looks for).
    return "_" in text and "_____" in text and _is_blank_to_sign(text)


_SIGNATURE_BYTES = (b"allkir", b"andja", b"tutvu")
"""What `is_signature` looks for first, in ASCII letters lowered: its words (and a blank's underscores)."""


def may_hold_signature(folded: bytes) -> bool:
    """Whether a line of a text may be a signature (`is_signature`), told from the text's lines Latin-1 encoded and
    their ASCII letters lowered (`orders._folded`, which is None where a Kelvin sign or a dotted capital I would lower
    to a word's letter): a signature holds one of its words, lowered as `str.lower` lowers, whose letters are then
    ASCII letters of any case side by side, or a blank's underscores."""
    # bytes.find, not `in`: `in` on bytes tries its operand as an integer first (an exception a word). The blank's
    # underscores are looked for one first (memchr, a fifteenth of a search for five): nearly no text has one.
    if folded.find(b"_") >= 0 and folded.find(b"_____") >= 0:
        return True
    return any(folded.find(word) >= 0 for word in _SIGNATURE_BYTES)


def _is_signature_lowered(text: str) -> bool:
    """`is_signature` of a line lowered whole (str.lower): what the prefilter of its ASCII letters spares the
    lines without the words."""
    low = text.lower()
    # Fold only lines that can be a signature: folding every line costs.
    if ("allkirj" in low or "andja" in low) and any(s in fold(text) for s in vocabulary().signatures):
        return True
    if "allkir" in low or "tutvu" in low:
        # At the line's start only: a duty may say that others are to read it ('Tagab, et … tutvunud').
        return fold(text).startswith(vocabulary().acknowledgements)
    return _is_blank_to_sign(text)


def _is_blank_to_sign(text: str) -> bool:
    """A form's blank to sign on: underscores with a date's 'a.' at most, no words."""
    return "_____" in text and sum(c.isalpha() for c in text) <= _BLANK_LETTERS


_BLANK_LETTERS = 3  # a blank to fill in is underscores with a date's 'a.' at most, no words
