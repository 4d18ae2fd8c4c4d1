"""Pairing: which old post is which new post, across orders and folders (not by annex number)."""

from __future__ import annotations

from ajdiff.align import hungarian, item_similarity
from ajdiff.compare import document_similarity
from ajdiff.model import JobDescription

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


def pair_documents(
    old: list[JobDescription], new: list[JobDescription]
) -> tuple[list[tuple[int, int, float]], list[int], list[int]]:
    """Optimal one-to-one pairing; returns (pairs as (old, new, score), unpaired old, unpaired new)."""
    if not old or not new:
        return [], list(range(len(old))), list(range(len(new)))
    transpose = len(old) > len(new)
    rows, cols = (new, old) if transpose else (old, new)
    scores = [[pair_score(c, r) if transpose else pair_score(r, c) for c in cols] for r in rows]
    pairs: list[tuple[int, int, float]] = []
    for r, c in enumerate(hungarian([[-s for s in row] for row in scores])):
        if c >= 0 and scores[r][c] >= PAIR_THRESHOLD:
            pairs.append((c, r, scores[r][c]) if transpose else (r, c, scores[r][c]))
    pairs.sort()
    paired_old = {p[0] for p in pairs}
    paired_new = {p[1] for p in pairs}
    return (
        pairs,
        [i for i in range(len(old)) if i not in paired_old],
        [j for j in range(len(new)) if j not in paired_new],
    )
