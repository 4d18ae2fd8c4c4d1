"""Pairing: which old post is which new post, across orders and folders (not by annex number).

Posts named alike once on each side pair at once; identical texts pair next. A small rest is
scored all against all and solved exactly; a large one is scored only against a few dozen
candidates that share its rare word pairs (an inverted index), and the assignment is solved on
that sparse graph with SciPy, imported only then. Either assignment first holds as many pairs
worded alike beyond doubt as it can, then the best total of scores. A pair the names do not
settle must show its evidence in the content: most duties matched makes it sure, some makes it
uncertain, fewer leaves the two as one post abolished and one created.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import field
from itertools import chain
from operator import is_

from ajdiff.changes import PairBasis, PairEvidence
from ajdiff.compare.align import hungarian, item_similarity
from ajdiff.compare.document import document_similarity, match_duties
from ajdiff.errors import InputError
from ajdiff.i18n import _
from ajdiff.model import JobDescription
from ajdiff.records import dataclass
from ajdiff.text import fold_key, lower

PAIR_THRESHOLD = 0.35
"""Below this score two annexes are different posts: one abolished, one created."""
SURE_CONTENT = 0.5
"""Share of duties matched (Dice of the two duty lists, by similarity) that makes a pair sure without its name."""
WEAK_CONTENT = 0.3
"""Below this share a pair has no evidence: abolished + created. Between the two: uncertain."""
SMALL_PROBLEM = 64
"""Documents per side left after name anchoring up to which every pair is scored (exact, as always)."""
ANCHOR_CONTENT = 0.65
"""Words shared (Dice) for a unique name to pair two posts at once; below, a post named alike in
another unit may be the one (it moved) and the scores decide. The assignments hold pairs worded
alike this much before any other (`_worded_alike`)."""
CANDIDATES = 8
"""Candidates scored per document in a large problem."""
RARE_TOKENS = 24
"""Rarest word pairs of a document used to look up its candidates."""
MAX_POSTINGS = 60
"""A word pair in more documents than this is too common to suggest a pair."""


@dataclass(frozen=True)
class Pairing:
    """The result of pairing: pairs with their evidence, and the documents left alone."""

    pairs: tuple[tuple[int, int, PairEvidence], ...]
    unpaired_old: tuple[int, ...]
    unpaired_new: tuple[int, ...]


@dataclass(frozen=True)
class Constraints:
    """Pairs fixed by hand: forced (old, new), forbidden (old, new), and documents kept unpaired."""

    forced: tuple[tuple[int, int], ...] = ()
    forbidden: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    alone_old: frozenset[int] = field(default_factory=frozenset)
    alone_new: frozenset[int] = field(default_factory=frozenset)


def pair_score(old: JobDescription, new: JobDescription) -> float:
    """How likely two documents are versions of the same post: position, unit and content."""
    position = item_similarity(old.general.position or "", new.general.position or "")
    unit = item_similarity(old.general.unit or "", new.general.unit or "")
    return 0.3 * position + 0.2 * unit + 0.5 * document_similarity(old, new)


def best_match(doc: JobDescription, candidates: list[JobDescription]) -> tuple[int, float]:
    """Index and score of the candidate most like doc."""
    scores = [pair_score(doc, c) for c in candidates]
    best = max(range(len(scores)), key=scores.__getitem__)
    return best, scores[best]


def duties_matched(old: JobDescription, new: JobDescription) -> tuple[int, float]:
    """Duties matched by content (as the comparer aligns them, not by place): their count and summed similarity."""
    if not old.duties or not new.duties:
        return 0, 0.0
    matches = match_duties(old.duties, new.duties)
    both = [m.score for m in matches if m.old is not None and m.new is not None]
    return len(both), sum(both)


def judge(
    old: JobDescription,
    new: JobDescription,
    score: float,
    basis: PairBasis | None,
    matched: tuple[int, float],
) -> PairEvidence | None:
    """The evidence of a proposed pair, given its duties matched; with no basis, the content must carry it.

    The content share weighs each matched duty by its similarity: a revised post keeps its duties
    nearly word for word, two different posts share a few standard duties only loosely. None: no
    pair (one post abolished, one created).
    """
    count, weight = matched
    n_old, n_new = len(old.duties), len(new.duties)
    # Without duties on either side, the whole texts stand in for them.
    content = 2 * weight / (n_old + n_new) if n_old + n_new else document_similarity(old, new)
    if basis is PairBasis.MANUAL:
        uncertain = False
    elif basis is not None:  # the name (or the same text) pairs them; content that disagrees is flagged
        uncertain = content < WEAK_CONTENT
    elif content >= WEAK_CONTENT:
        basis, uncertain = PairBasis.CONTENT, content < SURE_CONTENT
    else:
        return None
    # Made once, as it is (a batch judges thousands of pairs; `replace` made each twice).
    g_old, g_new = old.general, new.general
    return PairEvidence(
        basis,
        score=round(score, 4),
        uncertain=uncertain,
        content=round(content, 4),
        duties_matched=count,
        duties_old=n_old,
        duties_new=n_new,
        same_position=bool(g_old.position) and fold_key(g_old.position) == fold_key(g_new.position),
        same_unit=bool(g_old.unit) and fold_key(g_old.unit) == fold_key(g_new.unit),
    )


def carries(old: JobDescription, new: JobDescription, matched: tuple[int, float]) -> bool:
    """Whether the content, given the duties matched, supports a pair that nothing else does (see `judge`)."""
    return judge(old, new, 0.0, None, matched) is not None


def evidence(
    old: JobDescription, new: JobDescription, score: float, basis: PairBasis | None = None
) -> PairEvidence | None:
    """`judge` with the duties matched here (the batch computes them in its workers, beside the comparison)."""
    return judge(old, new, score, basis, duties_matched(old, new))


def _post_key(doc: JobDescription) -> tuple[str, str]:
    return fold_key(doc.general.position), fold_key(doc.general.unit)


def anchor_pairs(
    old: list[JobDescription], new: list[JobDescription], features: FeatureCache | None = None
) -> list[tuple[int, int, float]]:
    """Posts named alike (position and unit) exactly once on each side: pair them first (score 1.0). `features`:
    the documents' names folded already, where they are."""
    old_posts, new_posts = _post_keys(old, features), _post_keys(new, features)
    old_keys = Counter(old_posts)
    new_keys = Counter(new_posts)
    new_at = {key: j for j, key in enumerate(new_posts) if new_keys[key] == 1}
    anchors = []
    for i, key in enumerate(old_posts):
        if key[0] and old_keys[key] == 1 and key in new_at:
            # Same position and unit already score 0.5 >= PAIR_THRESHOLD: no need to read the content.
            anchors.append((i, new_at[key], 1.0))
    return anchors


def _post_keys(docs: list[JobDescription], features: FeatureCache | None) -> list[tuple[str, str]]:
    """Each document's `_post_key`, from its features where they are made."""
    return list(map(features.post, docs)) if features is not None else list(map(_post_key, docs))


def _named_and_worded_alike(old: JobDescription, new: JobDescription, feats: FeatureCache) -> bool:
    """Whether an anchor (`anchor_pairs`) is worded alike enough for its name alone to pair it."""
    if feats.made(old) and feats.made(new):
        return _set_dice(feats(old), feats(new)) >= ANCHOR_CONTENT
    # The same Dice of the same word sets, from the sets: a batch's namesakes are paired by this answer alone and
    # never need their features (numbering each word and setting its bit cost twice the sets, with --jobs 1).
    return FeatureCache.worded_alike(old, new)


def paired_by_name(
    old: list[JobDescription], new: list[JobDescription], features: FeatureCache
) -> list[tuple[int, int]]:
    """The pairs `propose` takes first, by their names, when nothing is fixed by hand: known before the rest of
    the pairing is, so that they can be compared while it goes on."""
    return [(i, j) for i, j, alike in features.anchors(old, new) if alike]


def _words(text: str | None) -> list[str]:
    """Lower-case words as split by spaces: a cheap tokenizer for blocking and batch scores.

    Folding (diacritics, OCR swaps, punctuation) costs more than the whole pairing of thousands of
    texts; the content is checked with the real folding afterwards, beside the comparison.
    """
    return text.lower().split() if text else []


def _word_set(texts: Iterable[str]) -> set[str]:
    """The distinct words of the texts (`_words` of each): all at once, in one lower and one split (no word spans the
    joining space, and lowering a letter never looks past one)."""
    return set(lower(" ".join(texts)).split())


def _parts(doc: JobDescription) -> tuple[str, ...]:
    g = doc.general
    return (g.position or "", g.unit or "", g.goal or "", *(d.task for d in doc.duties))


def _word_pairs(heads: list[list[str]]) -> set[str]:
    """Each text's consecutive word pairs, a one-word text's word with '': what blocking compares.

    A pair is one string, its words joined by NUL: a string keeps its hash, where a tuple of two is hashed
    anew at every look-up (blocking counts and looks up an agency's million pairs); and as NUL sorts before
    every character (and is in no text: the readers drop control characters), the strings sort as the tuples
    of their words would.
    """
    return {f"{a}\x00{b}" for w in heads if w for a, b in (zip(w, w[1:]) if len(w) > 1 else ((w[0], ""),))}


@dataclass(frozen=True)
class _Features:
    """What pairing reads of a document, computed once: its words, its name folded."""

    words: int
    """The document's distinct words as the bits of one integer, bit k for its cache's word k (a set of strings
    took 8 KB a document, a few hundred bytes this way; the intersection is one `&`)."""
    count: int
    """How many distinct words."""
    post: tuple[str, str]
    """The position and the unit folded, as `anchor_pairs` compares them."""


def _text_key(doc: JobDescription) -> int:
    """A hash of a document's text, for `_identical_pairs`: asked once of each document that names left, so not kept
    with its features (it hashed a batch's every text, which names pair, for nothing)."""
    # The tasks name the duties; their results (two thirds of the text) only enter the key.
    return hash((_parts(doc), tuple(r for d in doc.duties for r in d.results)))


class FeatureCache:
    """What pairing reads of each document, by identity: every document is tokenized once per pairing.

    The words are numbered and the word pairs shared by every document that has them: an agency of 10,000
    documents repeats a few thousand words, and its features took 223 MB with a set of its own strings per
    document. A folder's documents are read in by the main process as the readers send them back: filled
    then, while the readers work, the pairing finds them done (`propose(..., features=)`). Their word pairs
    are made only when blocking asks for them (`pairs`).
    """

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[JobDescription, _Features]] = {}
        self._ids: dict[str, int] = {}
        self._pairs: dict[str, str] = {}
        self._pairs_of: dict[int, tuple[str, ...]] = {}
        self._posts: dict[int, tuple[JobDescription, tuple[str, str]]] = {}
        self._alike: dict[tuple[int, int], bool] = {}
        self._anchors: tuple[tuple[JobDescription, ...], tuple[JobDescription, ...], list[tuple[int, int, bool]]] = (
            (),
            (),
            [],
        )

    def __call__(self, doc: JobDescription) -> _Features:
        known = self._by_id.get(id(doc))
        if known is None:
            words = self.words(doc)
            ids = self._ids
            for word in words.difference(ids):  # most of a document's words are numbered already
                ids[word] = len(ids)
            bits = bytearray((len(ids) + 7) >> 3)
            for k in map(ids.__getitem__, words):
                bits[k >> 3] |= 1 << (k & 7)
            found = _Features(int.from_bytes(bits, "little"), len(words), _post_key(doc))
            self._by_id[id(doc)] = (doc, found)  # the document held: its id is never another's while cached
            return found
        return known[1]

    def made(self, doc: JobDescription) -> bool:
        """Whether the document's features are made already."""
        return id(doc) in self._by_id

    def anchors(self, old: list[JobDescription], new: list[JobDescription]) -> list[tuple[int, int, bool]]:
        """The anchors of the two sides (`anchor_pairs`), each with whether it is worded alike enough for its name
        alone to pair it: made once for the same documents, which `paired_by_name` and then `propose` ask of."""
        held_old, held_new, found = self._anchors
        if not (_same_documents(held_old, old) and _same_documents(held_new, new)):
            told = self._alike  # what the readers that compared a pair said of it (`arrived`)
            found = []
            for i, j, _s in anchor_pairs(old, new, self):
                alike = told.get((id(old[i]), id(new[j])))
                found.append((i, j, _named_and_worded_alike(old[i], new[j], self) if alike is None else alike))
            self._anchors = (tuple(old), tuple(new), found)
        return found

    def arrived(self, olds: list[JobDescription], news: list[JobDescription], alike: bool | None = None) -> None:
        """Take a file's documents and its namesake's as a reader sends them back (while the readers go on):
        their features made now, unless the reader compared the two and said whether they are worded alike
        (`worded_alike`). Then only their names are folded: such a pair is nearly always paired by its name,
        for which that answer is all the pairing reads of its content; their features are made if asked."""
        if alike is None:
            for doc in (*olds, *news):
                self(doc)
            return
        self._alike[id(olds[0]), id(news[0])] = alike
        for doc in (*olds, *news):
            self.post(doc)

    def post(self, doc: JobDescription) -> tuple[str, str]:
        """The document's position and unit folded (`_post_key`), without its words where they are not made."""
        known = self._by_id.get(id(doc))
        if known is not None:
            return known[1].post
        held = self._posts.get(id(doc))
        if held is None:  # the document held: its id is never another's while cached
            held = self._posts[id(doc)] = (doc, _post_key(doc))
        return held[1]

    @staticmethod
    def words(doc: JobDescription) -> set[str]:
        """The document's distinct words, as its features hold them."""
        return _word_set(_parts(doc))

    @staticmethod
    def worded_alike(old: JobDescription, new: JobDescription) -> bool:
        """Whether two documents named alike are worded alike enough for their name alone to pair them, as
        `anchors` asks (`_set_dice` of their words): what a reader that compared them tells (`arrived`)."""
        return _words_dice(old, new) >= ANCHOR_CONTENT

    def pairs(self, doc: JobDescription) -> tuple[str, ...]:
        """The document's word pairs, each once (a set's table would weigh three times as much), each string
        shared with every other document's.

        Only blocking reads them, and only of the documents that names and identical texts left: made then, not
        with the rest of the features (half of their cost; a batch's namesakes and a third of an agency's posts
        never need them)."""
        found = self._pairs_of.get(id(doc))
        if found is None:
            self(doc)  # the document held (by `_by_id`): its id is never another's while cached
            own = _word_pairs([_words(t) for t in _parts(doc)])
            shared = self._pairs.setdefault
            found = self._pairs_of[id(doc)] = tuple(map(shared, own, own))
        return found

    def clear(self) -> None:
        """Forget every document's features (a pairing's tens of megabytes): the pairing is done."""
        self._by_id.clear()
        self._ids.clear()
        self._pairs.clear()
        self._pairs_of.clear()
        self._posts.clear()
        self._alike.clear()
        self._anchors = ((), (), [])


def _words_dice(old: JobDescription, new: JobDescription) -> float:
    """Dice of two documents' word sets (`FeatureCache.words`), from the words of their texts."""
    # The words of the texts both hold (a revised post keeps most of its tasks word for word) are split once, not
    # once a side: they are in both word sets, and only the other texts' words are told apart (a third less).
    parts_old, parts_new = _parts(old), _parts(new)
    both = set(parts_old).intersection(parts_new)
    shared = _word_set(both)
    only_old = _word_set([p for p in parts_old if p not in both]) - shared
    only_new = _word_set([p for p in parts_new if p not in both]) - shared
    # |a & b| and |a| + |b| of the two word sets a = shared | only_old and b = shared | only_new.
    total = 2 * len(shared) + len(only_old) + len(only_new)
    return 2 * (len(shared) + len(only_old & only_new)) / total if total else 1.0


def _same_documents(held: tuple[JobDescription, ...], docs: list[JobDescription]) -> bool:
    """Whether `docs` are the very documents `held` (by identity: equality would read and compare whole trees)."""
    return len(held) == len(docs) and all(map(is_, held, docs))


def _set_dice(a: _Features, b: _Features) -> float:
    """Dice of two documents' word sets (one `&` of their bits: cheap enough for thousands of candidates)."""
    total = a.count + b.count
    return 2 * (a.words & b.words).bit_count() / total if total else 1.0


def _worded_alike(old: _Features, new: _Features) -> bool:
    """Whether two posts share so many words that they are one post revised, whatever their names.

    A total of scores alone would trade such a pair for two loose ones (a post kept nearly word for
    word, 0.66, against 0.66 + 0.60 of two posts that share only stock phrases), which the content
    then refuses: all four posts were left alone. So the assignments hold first as many of these
    pairs as they can (a revised post keeps ~0.9 of its words, two posts of one agency share 0.4-0.6),
    then the best total; where no pair is worded alike, the total alone decides, as before.
    """
    return _set_dice(old, new) >= ANCHOR_CONTENT


def likely_pair(old: JobDescription, new: JobDescription) -> bool:
    """Whether two documents are alike enough to be worth comparing before pairing has decided (a folder's file
    and its namesake, in the reader processes): whether their content alone would make them a sure pair (`judge`).

    Their duties are matched to tell, and that matching is the comparison's first step where the answer is yes
    (`match_duties` keeps the last pair's): a revised post's check costs nothing more. Counting the word pairs
    both posts hold cost a tenth of a comparison; two posts of one agency that only share a name (shuffled file
    names) are refused after a duty matching each, which the readers stop asking after a few (`api`)."""
    proof = judge(old, new, 0.0, None, duties_matched(old, new))
    return proof is not None and not proof.uncertain


def _identical_pairs(
    old: list[JobDescription], new: list[JobDescription], rest_old: list[int], rest_new: list[int]
) -> Iterator[tuple[int, int]]:
    """Documents with the same text on both sides, paired in order (an order compared with itself)."""
    by_key: dict[int, list[int]] = defaultdict(list)
    for j in rest_new:
        by_key[_text_key(new[j])].append(j)
    for i in rest_old:
        waiting = by_key.get(_text_key(old[i]))
        if waiting:
            yield i, waiting.pop(0)


@dataclass(frozen=True)
class Proposal:
    """A pair the pairing proposes, before its content is checked: basis None means the content must carry it."""

    old: int
    new: int
    score: float
    basis: PairBasis | None


def propose(
    old: list[JobDescription],
    new: list[JobDescription],
    constraints: Constraints | None = None,
    features: FeatureCache | None = None,
) -> list[Proposal]:
    """Proposed pairs: fixed by hand, named alike once on each side, identical, then the best total by score.

    Posts with the same name once on each side pair first (as duties anchor on identical text),
    so that two folders of a thousand posts cost a thousand scores, not a million. `features`: the documents'
    features where some are computed already.
    """
    c = constraints or Constraints()
    found = [Proposal(i, j, pair_score(old[i], new[j]), PairBasis.MANUAL) for i, j in c.forced]
    taken_old = {i for i, _ in c.forced} | c.alone_old
    taken_new = {j for _, j in c.forced} | c.alone_new
    if not old or not new:
        return found

    def take(i: int, j: int, score: float, basis: PairBasis | None) -> None:
        found.append(Proposal(i, j, score, basis))
        taken_old.add(i)
        taken_new.add(j)

    feats = features if features is not None else FeatureCache()
    named: set[tuple[int, int]] = set()
    for i, j, alike in feats.anchors(old, new):
        if i in taken_old or j in taken_new or (i, j) in c.forbidden:
            continue
        if alike:
            take(i, j, 1.0, PairBasis.NAME)
        else:  # the name is the same, the text not: let the scores decide, the name still counts if they agree
            named.add((i, j))
    rest_old = [i for i in range(len(old)) if i not in taken_old]
    rest_new = [j for j in range(len(new)) if j not in taken_new]
    for i, j in _identical_pairs(old, new, rest_old, rest_new):
        if (i, j) not in c.forbidden:
            take(i, j, 1.0, PairBasis.CONTENT)
    rest_old = [i for i in rest_old if i not in taken_old]
    rest_new = [j for j in rest_new if j not in taken_new]
    if rest_old and rest_new:
        if max(len(rest_old), len(rest_new)) <= SMALL_PROBLEM:
            chosen = _assign_dense(old, new, rest_old, rest_new, c.forbidden, feats)
        else:
            chosen = _assign_sparse(old, new, rest_old, rest_new, c.forbidden, feats)
        found.extend(Proposal(i, j, score, PairBasis.NAME if (i, j) in named else None) for i, j, score in chosen)
    return found


def pair_documents(
    old: list[JobDescription], new: list[JobDescription], constraints: Constraints | None = None
) -> Pairing:
    """One-to-one pairing of two lists of documents, each pair with the evidence it rests on.

    The proposals of `propose`, kept only when their content supports them (see `judge`).
    """
    found = []
    for p in propose(old, new, constraints):
        proof = evidence(old[p.old], new[p.new], p.score, p.basis)
        if proof is not None:
            found.append((p.old, p.new, proof))
    return settle(len(old), len(new), found)


def settle(n_old: int, n_new: int, found: list[tuple[int, int, PairEvidence]]) -> Pairing:
    """The pairs in order of the old side, and every document left alone."""
    found = sorted(found, key=lambda p: (p[0], p[1]))
    paired_old = {p[0] for p in found}
    paired_new = {p[1] for p in found}
    return Pairing(
        tuple(found),
        tuple(i for i in range(n_old) if i not in paired_old),
        tuple(j for j in range(n_new) if j not in paired_new),
    )


def _assign_dense(
    old: list[JobDescription],
    new: list[JobDescription],
    rest_old: list[int],
    rest_new: list[int],
    forbidden: frozenset[tuple[int, int]],
    feats: FeatureCache,
) -> list[tuple[int, int, float]]:
    """Every pair scored, the best total found exactly: the small problems of orders and small folders.

    A pair worded alike (`_worded_alike`) weighs more than all scores together, so that the assignment
    holds as many of them as it can before it weighs the scores."""
    transpose = len(rest_old) > len(rest_new)
    rows, cols = (rest_new, rest_old) if transpose else (rest_old, rest_new)
    alike = 1.0 + len(rows)  # more than the scores of every row together (each at most 1)

    def score(r: int, col: int) -> tuple[float, float]:
        i, j = (col, r) if transpose else (r, col)
        if (i, j) in forbidden:
            return 0.0, 0.0
        s = pair_score(old[i], new[j])
        return s, s + alike if _worded_alike(feats(old[i]), feats(new[j])) else s

    weighed = [[score(r, col) for col in cols] for r in rows]
    scores = [[s for s, _w in row] for row in weighed]
    chosen = []
    for r, k in enumerate(hungarian([[-w for _s, w in row] for row in weighed])):
        if k >= 0 and scores[r][k] >= PAIR_THRESHOLD:
            i, j = (cols[k], rows[r]) if transpose else (rows[r], cols[k])
            chosen.append((i, j, scores[r][k]))
    return chosen


def _rarest(tokens: Iterable[str], df: dict[str, int]) -> list[str]:
    """The document's `RARE_TOKENS` rarest tokens of `df` (the tokens useful for blocking, with their counts)."""
    # One set intersection, not a look-up per token: a document has hundreds of tokens, a few dozen useful.
    # By count, ties by the token: two sorts in C (the second stable) order them as (count, token) tuples would,
    # without a tuple a token.
    return sorted(sorted(df.keys() & tokens), key=df.__getitem__)[:RARE_TOKENS]


def candidate_edges(
    old: list[JobDescription], new: list[JobDescription], feats: FeatureCache | None = None
) -> set[tuple[int, int]]:
    """For each document, the few dozen documents of the other side most likely to be its other version.

    Blocking on rare word pairs: each document is indexed under its rarest word pairs shared with
    the other side, and candidates are ranked by the rarity (idf) of what they share, so the work
    grows with the number of documents, not its square.
    """
    feats = feats or FeatureCache()
    old_tokens = list(map(feats.pairs, old))
    new_tokens = list(map(feats.pairs, new))
    df_old = Counter(chain.from_iterable(old_tokens))
    df_new = Counter(chain.from_iterable(new_tokens))
    # Tokens on one side only cannot link two documents, nor those too common; the rarest shared ones say the most.
    df = {t: both for t, n in df_old.items() if t in df_new and (both := n + df_new[t]) <= MAX_POSTINGS}
    old_rare = [_rarest(t, df) for t in old_tokens]
    new_rare = [_rarest(t, df) for t in new_tokens]
    del old_tokens, new_tokens, df_old, df_new
    total = len(old) + len(new)
    index: dict[str, list[int]] = defaultdict(list)
    for j, tokens in enumerate(new_rare):
        for t in tokens:
            index[t].append(j)
    weights: dict[tuple[int, int], float] = defaultdict(float)
    for i, tokens in enumerate(old_rare):
        for t in tokens:
            idf = math.log(total / df[t])
            for j in index.get(t, ()):
                weights[(i, j)] += idf
    by_old: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_new: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (i, j), w in weights.items():
        by_old[i].append((w, j))
        by_new[j].append((w, i))
    edges: set[tuple[int, int]] = set()
    for i, ranked in by_old.items():
        edges.update((i, j) for _, j in sorted(ranked, reverse=True)[:CANDIDATES])
    for j, ranked in by_new.items():
        edges.update((i, j) for _, i in sorted(ranked, reverse=True)[:CANDIDATES])
    return edges


def load_solver() -> None:
    """Import the sparse assignment's solver (SciPy, a third of a second) ahead of need: a large folder's
    pairing will want it, and while the readers work the main process has nothing else to do."""
    import scipy.sparse.csgraph  # noqa: F401


def _assign_sparse(
    old: list[JobDescription],
    new: list[JobDescription],
    rest_old: list[int],
    rest_new: list[int],
    forbidden: frozenset[tuple[int, int]],
    feats: FeatureCache,
) -> list[tuple[int, int, float]]:
    """Candidates by blocking, scored, and the best total on that sparse graph (SciPy's LAPJVsp), holding first
    as many pairs worded alike (`_worded_alike`) as it can."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    sub_old, sub_new = [old[i] for i in rest_old], [new[j] for j in rest_new]
    rows, cols, costs, scores = [], [], [], {}
    n, m = len(sub_old), len(sub_new)
    # Costs from `top` down, all positive (a stored zero would read as "no edge"); a pair worded alike costs
    # less by more than all scores together, so the least total holds as many of them as it can.
    alike = 1.0 + n
    top = 2.0 + alike
    for a, b in candidate_edges(sub_old, sub_new, feats):
        i, j = rest_old[a], rest_new[b]
        if (i, j) in forbidden:
            continue
        go, gn = sub_old[a].general, sub_new[b].general
        fa, fb = feats(sub_old[a]), feats(sub_new[b])
        dice = _set_dice(fa, fb)
        # Where names repeat by the dozen they say less: the content weighs more than in `pair_score`.
        score = (
            0.2 * item_similarity(go.position or "", gn.position or "")
            + 0.1 * item_similarity(go.unit or "", gn.unit or "")
            + 0.7 * dice
        )
        if score >= PAIR_THRESHOLD:
            rows.append(a)
            cols.append(b)
            costs.append(top - score - (alike if dice >= ANCHOR_CONTENT else 0.0))  # see `_worded_alike`
            scores[(a, b)] = score
    # Each old document may stay alone: a private dummy column at cost `top` (a score of 0).
    rows += list(range(n))
    cols += [m + a for a in range(n)]
    costs += [top] * n
    graph = csr_matrix((np.array(costs), (np.array(rows), np.array(cols))), shape=(n, m + n))
    row_ind, col_ind = min_weight_full_bipartite_matching(graph)
    return [(rest_old[a], rest_new[b], scores[(a, b)]) for a, b in zip(row_ind.tolist(), col_ind.tolist()) if b < m]


def resolve(docs: list[JobDescription], spec: str, side: str) -> int:
    """The index of the document a --pair/--no-pair spec names: annex number, file name or FILE#K."""
    wanted = spec.strip()
    file_part, _hash, annex_part = wanted.rpartition("#") if "#" in wanted else ("", "", wanted)
    annex = annex_part.strip().lower().removeprefix("lisa").strip()

    def names(doc: JobDescription) -> set[str]:
        from pathlib import PurePath

        path = PurePath(doc.source or "")
        return {doc.source or "", path.name, path.stem}

    hits = []
    for k, doc in enumerate(docs):
        if file_part:
            ok = file_part in names(doc) and (doc.annex or "").lower() == annex
        else:
            ok = (doc.annex or "").lower() == annex or wanted in names(doc)
        if ok:
            hits.append(k)
    if len(hits) == 1:
        return hits[0]
    shown = ", ".join(sorted({d.annex or "" for d in docs} - {""}, key=lambda a: (len(a), a))[:20]) or _("none")
    if not hits:
        raise InputError(
            spec,
            _("no such document on the old side") if side == "old" else _("no such document on the new side"),
            _("annexes there: {0}; or give FILE or FILE#K").format(shown),
        )
    many = _("names {0} documents on the old side") if side == "old" else _("names {0} documents on the new side")
    raise InputError(spec, many.format(len(hits)), _("give FILE#K, e.g. order.txt#2"))


def constraints(
    old: list[JobDescription],
    new: list[JobDescription],
    pair: Iterable[str] = (),
    no_pair: Iterable[str] = (),
) -> Constraints:
    """Turn `--pair OLD=NEW` and `--no-pair OLD` / `=NEW` / `OLD=NEW` into indices, refusing what names nothing."""
    forced: list[tuple[int, int]] = []
    for spec in pair:
        left, sep, right = spec.partition("=")
        if not sep or not left.strip() or not right.strip():
            raise InputError(spec, _("--pair needs OLD=NEW"), _("e.g. --pair 2=4: old annex 2 is new annex 4"))
        forced.append((resolve(old, left, "old"), resolve(new, right, "new")))
    for side, k in (("old", 0), ("new", 1)):
        seen = [p[k] for p in forced]
        if len(seen) != len(set(seen)):
            twice = _("pairs one old document twice") if side == "old" else _("pairs one new document twice")
            raise InputError("--pair", twice, _("each document pairs once"))
    forbidden, alone_old, alone_new = set(), set(), set()
    for spec in no_pair:
        left, sep, right = spec.partition("=")
        if left.strip() and right.strip():
            forbidden.add((resolve(old, left, "old"), resolve(new, right, "new")))
        elif left.strip():
            alone_old.add(resolve(old, left, "old"))
        elif right.strip():
            alone_new.add(resolve(new, right, "new"))
        else:
            raise InputError(spec, _("--no-pair needs OLD, =NEW or OLD=NEW"), _("e.g. --no-pair 1"))
    clash = {i for i, _ in forced} & alone_old or {j for _, j in forced} & alone_new
    if clash or any(p in forbidden for p in forced):
        raise InputError("--pair", _("contradicts --no-pair"), _("give each document one instruction"))
    return Constraints(tuple(forced), frozenset(forbidden), frozenset(alone_old), frozenset(alone_new))
