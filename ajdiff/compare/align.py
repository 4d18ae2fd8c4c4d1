"""Alignment: similarity of texts and optimal one-to-one matching of two sequences of units.

Exact matches (equal after folding) are anchored first in linear time; only what is left is
scored, and only between candidates that share a word, so an insertion never cascades and the
work stays near-linear on long documents.
"""

from __future__ import annotations

from collections import _count_elements, defaultdict  # type: ignore[attr-defined]
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from math import inf

from ajdiff.records import dataclass, maker
from ajdiff.text import fold

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)
if TYPE_CHECKING:
    from typing import Any, TypeVar, overload

    T = TypeVar("T")
else:

    def overload(func):
        """typing's `overload` at run time: each signature is replaced by the next definition."""
        return func


# Words too common to say two units are about the same thing.
_STOPWORDS = frozenset(
    [
        "ja",
        "ning",
        "ka",
        "on",
        "ei",
        "et",
        "mis",
        "kui",
        "sh",
        "oma",
        "ameti",
        "amet",
        "the",
        "of",
        "vastavalt",
        "nende",
        "muude",
        "muud",
        "teiste",
        "seotud",
        "tegevuste",
        "tegevused",
    ]
)


Bag = tuple[dict[str, int], int, dict[str, int]]
"""A text's folded words with their counts, how many words, and the words it repeats with their counts (`sized_bag`)."""

_NO_REPEATS: dict[str, int] = {}  # shared by every bag without a word repeated: never changed


@lru_cache(maxsize=4096)  # a pair's units meet again within its comparison; an agency's 65,536 bags took ~400 MB
def sized_bag(text: str) -> Bag:
    """The folded words of a text with their counts, how many words, and its repeated words with their counts
    (remembered for the last texts asked: do not change them)."""
    words = fold(text).split()  # `fold_words`, without its tuple
    # Counted into a plain dict by the C helper `Counter` counts with: a `Counter`'s Python `__init__` and `update`
    # (and its Mapping test) cost 6 K instructions a bag, half a percent of a batch; nothing reads a bag as one.
    bag: dict[str, int] = {}
    _count_elements(bag, words)
    return bag, len(words), repeats(bag, len(words))


def repeats(bag: dict[str, int], size: int) -> dict[str, int]:
    """The words of a bag of `size` words that it holds more than once, with their counts (for `_common`)."""
    return _NO_REPEATS if size == len(bag) else {word: n for word, n in bag.items() if n > 1}


def _common(ba: dict[str, int], ra: dict[str, int], bb: dict[str, int], rb: dict[str, int]) -> int:
    """Size of the multiset intersection of two bags given with their `repeats` (as `sum((ba & bb).values())`,
    without building it): each shared word once, and a word both repeat the fewer of its counts less one more."""
    # Most words are once in a text: the shared ones are counted by one intersection in C, and only the few both
    # repeat ('ja', 'on', 'ning') are looked up, not every shared word's counts (most of a duty's Dice).
    shared = len(ba.keys() & bb.keys())
    if ra and rb:
        both = ra.keys() & rb.keys()
        shared += sum(map(min, map(ra.__getitem__, both), map(rb.__getitem__, both))) - len(both)
    return shared


def dice_of_bags(bag_a: Bag, bag_b: Bag, shared: int = 0) -> float:
    """Dice coefficient of two word multisets, each with `shared` more words that both hold (not in the bags)."""
    total = bag_a[1] + bag_b[1] + 2 * shared
    return 1.0 if total == 0 else 2 * (_common(bag_a[0], bag_a[2], bag_b[0], bag_b[2]) + shared) / total


def dice(a: str, b: str) -> float:
    """Dice coefficient of the folded word multisets of two texts (1.0 = same words)."""
    (ba, na, ra), (bb, nb, rb) = sized_bag(a), sized_bag(b)
    total = na + nb
    if total == 0:
        return 1.0
    return 2 * _common(ba, ra, bb, rb) / total


def overlap(a: str, b: str) -> float:
    """How much of the shorter text's words the longer one contains (1.0 = contained)."""
    (ba, na, ra), (bb, nb, rb) = sized_bag(a), sized_bag(b)
    small = min(na, nb)
    if small == 0:
        return 0.0
    return _common(ba, ra, bb, rb) / small


def item_similarity(a: str, b: str) -> float:
    """Similarity of two list items: a post with a qualifier added is still the same post."""
    score = dice(a, b)
    # The first words from the bags `dice` read: a bag keeps its words in the order they first appear.
    ba, bb = sized_bag(a)[0], sized_bag(b)[0]
    if ba and bb and next(iter(ba)) == next(iter(bb)):
        score = max(score, 0.9 * overlap(a, b))
    return score


@dataclass(frozen=True, slots=True)
class Match:
    """One aligned pair: indices into old and new (None on the side where the unit is absent)."""

    old: int | None
    new: int | None
    score: float = 1.0


make_match = maker(Match)
"""`Match(…)`, made at a third of the cost (`ajdiff.records.maker`): a pair's duties and items make dozens."""


def sides(matches: Iterable[Match]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """The matches as (old, new) index pairs in OLD's order, and each side's unmatched indices, in order."""
    found = list(matches)
    pairs = sorted((m.old, m.new) for m in found if m.old is not None and m.new is not None)
    lone_old = sorted(m.old for m in found if m.old is not None and m.new is None)
    lone_new = sorted(m.new for m in found if m.new is not None and m.old is None)
    return pairs, lone_old, lone_new


def hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost assignment for a rows <= cols matrix; returns the column of each row.

    The classic shortest-augmenting-path form (O(n² m)); used only on the small residue
    left after exact anchoring. SciPy's version would cost 0.6 s of import on every run.
    """
    n, m = len(cost), len(cost[0]) if cost else 0
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    result = [-1] * n
    for j in range(1, m + 1):
        if p[j]:
            result[p[j] - 1] = j - 1
    return result


def _components(edges: dict[tuple[int, int], float]) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite candidate graph."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ra, rb = find(("o", i)), find(("n", j))
        if ra != rb:
            parent[ra] = rb
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for node in list(parent):
        side, idx = node
        groups[find(node)][0 if side == "o" else 1].append(idx)
    return [(sorted(o), sorted(n)) for o, n in groups.values()]


class FoldKeys:
    """Keys that stand for `fold_key` among the texts of one matching: two texts' keys are equal exactly when their
    fold_keys are. A text's key is the first fold met with the same fold_key, found among the folds of the same
    length without spaces (which equal fold_keys have): a fold's spaces are counted, not removed (a third of
    the cost), and removed only where two folds of different spacing have that length (hardly ever)."""

    def __init__(self) -> None:
        self._by_length: dict[int, list[str]] = {}

    def key(self, text: str) -> str:
        """The key of a text (its fold, or the fold met first with the same fold_key)."""
        folded = fold(text)
        same_length = self._by_length.setdefault(len(folded) - folded.count(" "), [])
        for first in same_length:
            if first == folded or first.replace(" ", "") == folded.replace(" ", ""):
                return first
        same_length.append(folded)
        return folded


def _identity(x: str) -> str:
    return x


@overload
def match_sequences(
    old: Sequence[str],
    new: Sequence[str],
    similarity: Callable[[str, str], float] = ...,
    threshold: float = ...,
) -> list[Match]: ...


@overload
def match_sequences(  # noqa: F811  (ruff cannot tell the run-time overload is typing's)
    old: Sequence[T],
    new: Sequence[T],
    similarity: Callable[[T, T], float],
    threshold: float = ...,
    *,
    text: Callable[[T], str],
) -> list[Match]: ...


def match_sequences(  # noqa: F811
    old: Sequence[Any],
    new: Sequence[Any],
    similarity: Callable[[Any, Any], float] = dice,
    threshold: float = 0.5,
    text: Callable[[Any], str] = _identity,
) -> list[Match]:
    """Match two sequences one-to-one: exact fold matches of their text first, then the best
    total similarity above the threshold. Returns every old and new index once, matched or not."""
    matches: list[Match] = []
    by_key: dict[str, list[int]] = defaultdict(list)
    # Each text's key once: most of OLD's texts are NEW's word for word (kept duties, items), and the key of a
    # 1 KB text is a fold to look up and hash; the same key object also finds its list by identity.
    keys: dict[str, str] = {}
    folds = FoldKeys()
    for j, t in enumerate(map(text, new)):
        key = keys.get(t)
        if key is None:
            key = keys[t] = folds.key(t)
        by_key[key].append(j)
    used_new: set[int] = set()
    rest_old: list[int] = []
    for i, item in enumerate(old):
        t = text(item)
        key = keys.get(t)
        candidates = by_key.get(folds.key(t) if key is None else key)
        if candidates:
            j = candidates.pop(0)
            used_new.add(j)
            matches.append(make_match(i, j, 1.0))
        else:
            rest_old.append(i)
    rest_new = [j for j in range(len(new)) if j not in used_new]
    if rest_old and rest_new:
        matches.extend(_match_fuzzy(old, new, rest_old, rest_new, similarity, threshold, text))
    matched_old = {m.old for m in matches}
    matched_new = {m.new for m in matches}
    matches.extend(make_match(i, None, 0.0) for i in range(len(old)) if i not in matched_old)
    matches.extend(make_match(None, j, 0.0) for j in range(len(new)) if j not in matched_new)
    return matches


COMMON_WORD = 50
"""Texts left to match that a word may be in before it is too common to make candidates of them."""
_INDEXED = COMMON_WORD
"""Texts of NEW left to match above which their candidates are found by an inverted index of their words (only
then can a word be in more than `COMMON_WORD` of them; the same candidates either way)."""


def _match_fuzzy(
    old: Sequence[T],
    new: Sequence[T],
    rest_old: list[int],
    rest_new: list[int],
    similarity: Callable[[T, T], float],
    threshold: float,
    text: Callable[[T], str],
) -> list[Match]:
    # Candidates share at least one informative word. The words are the texts' bags' (`sized_bag`), which the
    # similarity reads too: each text is split into words once, not once here and once there.
    words_new = {j: sized_bag(text(new[j]))[0].keys() - _STOPWORDS for j in rest_new}
    crowded = len(rest_new) > _INDEXED
    if crowded:  # an inverted index keeps this sparse
        index: dict[str, list[int]] = defaultdict(list)
        for j in rest_new:
            for word in words_new[j]:
                index[word].append(j)
    edges: dict[tuple[int, int], float] = {}
    for i in rest_old:
        words = sized_bag(text(old[i]))[0].keys()
        if crowded:
            seen: set[int] = set()
            for word in words - _STOPWORDS:
                postings = index.get(word, ())
                if len(postings) > COMMON_WORD:  # a word in everything says nothing
                    continue
                seen.update(postings)
            candidates: Iterable[int] = sorted(seen)
        else:
            # No word can be in more than COMMON_WORD texts: a candidate is any text sharing an informative word,
            # told by one test in C per text (the new words hold none of the stopwords), not a step per word.
            candidates = [j for j in rest_new if not words.isdisjoint(words_new[j])]
        for j in candidates:
            score = similarity(old[i], new[j])
            if score >= threshold:
                edges[(i, j)] = score
    result: list[Match] = []
    for comp_old, comp_new in _components(edges):
        transpose = len(comp_old) > len(comp_new)
        rows, cols = (comp_new, comp_old) if transpose else (comp_old, comp_new)
        cost = [[-(edges.get((c, r) if transpose else (r, c), 0.0)) for c in cols] for r in rows]
        for r_idx, c_idx in enumerate(hungarian(cost)):
            if c_idx < 0:
                continue
            i, j = (cols[c_idx], rows[r_idx]) if transpose else (rows[r_idx], cols[c_idx])
            score = edges.get((i, j), 0.0)
            if score >= threshold:
                result.append(make_match(i, j, score))
    return result


def longest_increasing(values: Sequence[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting, O(n log n))."""
    from bisect import bisect_left

    tails: list[int] = []
    tails_pos: list[int] = []
    prev = [-1] * len(values)
    for pos, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tails_pos.append(pos)
        else:
            tails[k] = value
            tails_pos[k] = pos
        prev[pos] = tails_pos[k - 1] if k else -1
    keep: set[int] = set()
    pos = tails_pos[-1] if tails_pos else -1
    while pos >= 0:
        keep.add(pos)
        pos = prev[pos]
    return keep
