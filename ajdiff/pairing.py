"""Pairing: which old post is which new post, across orders and folders (not by annex number)."""

from __future__ import annotations

from collections import Counter

from ajdiff.align import hungarian, item_similarity
from ajdiff.compare import document_similarity
from ajdiff.model import JobDescription
from ajdiff.text import fold_key

PAIR_THRESHOLD = 0.35
"""Below this score two annexes are different posts: one abolished, one created."""


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


def _post_key(doc: JobDescription) -> tuple[str, str]:
    return fold_key(doc.general.position), fold_key(doc.general.unit)


def anchor_pairs(old: list[JobDescription], new: list[JobDescription]) -> list[tuple[int, int, float]]:
    """Posts named alike (position and unit) exactly once on each side: pair them first (score 1.0)."""
    old_keys = Counter(map(_post_key, old))
    new_keys = Counter(map(_post_key, new))
    new_at = {key: j for j, key in enumerate(map(_post_key, new)) if new_keys[key] == 1}
    anchors = []
    for i, doc in enumerate(old):
        key = _post_key(doc)
        if key[0] and old_keys[key] == 1 and key in new_at:
            # Same position and unit already score 0.5 >= PAIR_THRESHOLD: no need to read the content.
            anchors.append((i, new_at[key], 1.0))
    return anchors


def pair_documents(
    old: list[JobDescription], new: list[JobDescription]
) -> tuple[list[tuple[int, int, float]], list[int], list[int]]:
    """Optimal one-to-one pairing; returns (pairs as (old, new, score), unpaired old, unpaired new).

    Posts with the same name on both sides pair first (as duties anchor on identical text), so
    that two folders of a thousand posts cost a thousand scores, not a million; the rest are
    paired optimally by score.
    """
    if not old or not new:
        return [], list(range(len(old))), list(range(len(new)))
    pairs = anchor_pairs(old, new)
    taken_old, taken_new = {p[0] for p in pairs}, {p[1] for p in pairs}
    rest_old = [i for i in range(len(old)) if i not in taken_old]
    rest_new = [j for j in range(len(new)) if j not in taken_new]
    if rest_old and rest_new:
        transpose = len(rest_old) > len(rest_new)
        rows, cols = (rest_new, rest_old) if transpose else (rest_old, rest_new)
        scores = [[pair_score(old[c], new[r]) if transpose else pair_score(old[r], new[c]) for c in cols] for r in rows]
        for r, c in enumerate(hungarian([[-s for s in row] for row in scores])):
            if c >= 0 and scores[r][c] >= PAIR_THRESHOLD:
                i, j = (cols[c], rows[r]) if transpose else (rows[r], cols[c])
                pairs.append((i, j, scores[r][c]))
    pairs.sort()
    paired_old = {p[0] for p in pairs}
    paired_new = {p[1] for p in pairs}
    return (
        pairs,
        [i for i in range(len(old)) if i not in paired_old],
        [j for j in range(len(new)) if j not in paired_new],
    )
