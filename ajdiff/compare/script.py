"""The edit script of two documents' paragraphs: which paragraph of OLD became which of NEW.

The redline walks this script: a paragraph kept, reworded (with its word diff), inserted, deleted or
moved. Paragraphs equal after folding (case, punctuation, bullets, diacritics) are anchored first
with a longest common subsequence; what lies between two anchors is paired by the same similarity
and threshold the comparer uses for list items (`align.match_sequences`), so a reworded duty is one
paragraph with its changed words, not a deletion and an insertion. An unpaired paragraph that
reappears elsewhere word for word is a move.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from ajdiff.changes import Span
from ajdiff.compare.align import item_similarity, longest_increasing, match_sequences
from ajdiff.compare.worddiff import word_spans
from ajdiff.text import fold_key

PAIR_THRESHOLD = 0.5
"""Below this similarity two paragraphs are different paragraphs (one deleted, one inserted)."""
MOVE_MIN_WORDS = 3
"""A paragraph this short ('Ei', '-') repeats by chance: it is never taken for a move."""


class EditKind(str, Enum):
    """What happened to one paragraph."""

    SAME = "same"
    """Kept as it was."""
    PAIR = "pair"
    """The same paragraph, reworded: `spans` say which words."""
    INSERT = "insert"
    DELETE = "delete"
    MOVE_FROM = "move_from"
    """Where a moved paragraph stood in OLD."""
    MOVE_TO = "move_to"
    """Where a moved paragraph stands in NEW."""


@dataclass(frozen=True)
class Edit:
    """One step of the script: indices into OLD's and NEW's paragraphs, in NEW's order."""

    kind: EditKind
    old: int | None
    new: int | None
    spans: tuple[Span, ...] = ()
    """For PAIR: the word diff from the old paragraph to the new one."""
    editorial: bool = False
    """True when the two sides differ only in case, punctuation, bullets or diacritics."""
    move: int | None = None
    """For MOVE_FROM / MOVE_TO: the number that ties the two ends of one move."""


def _paired(i: int, j: int, old: str, new: str) -> Edit:
    if old == new:
        return Edit(EditKind.SAME, i, j)
    return Edit(EditKind.PAIR, i, j, word_spans(old, new), editorial=fold_key(old) == fold_key(new))


def _gap(old: Sequence[str], new: Sequence[str], i0: int, j0: int) -> list[Edit]:
    """Steps for a stretch with no exact anchor: pair by similarity in order, the rest deleted/inserted."""
    if not old:
        return [Edit(EditKind.INSERT, None, j0 + j) for j in range(len(new))]
    if not new:
        return [Edit(EditKind.DELETE, i0 + i, None) for i in range(len(old))]
    matches = [
        m
        for m in match_sequences(tuple(old), tuple(new), item_similarity, PAIR_THRESHOLD)
        if m.old is not None and m.new is not None
    ]
    matches.sort(key=lambda m: m.old if m.old is not None else 0)
    keep = longest_increasing([m.new if m.new is not None else 0 for m in matches])
    pairs = [(m.old, m.new) for k, m in enumerate(matches) if k in keep]
    steps: list[Edit] = []
    i = j = 0
    for a, b in pairs:
        assert a is not None and b is not None  # filtered above
        steps += [Edit(EditKind.DELETE, i0 + k, None) for k in range(i, a)]
        steps += [Edit(EditKind.INSERT, None, j0 + k) for k in range(j, b)]
        steps.append(_paired(i0 + a, j0 + b, old[a], new[b]))
        i, j = a + 1, b + 1
    steps += [Edit(EditKind.DELETE, i0 + k, None) for k in range(i, len(old))]
    steps += [Edit(EditKind.INSERT, None, j0 + k) for k in range(j, len(new))]
    return steps


def _moves(steps: list[Edit], old: Sequence[str], new: Sequence[str]) -> list[Edit]:
    """A deleted paragraph inserted elsewhere word for word becomes the two ends of one move."""
    deleted: dict[str, list[int]] = {}
    for k, s in enumerate(steps):
        if s.kind is EditKind.DELETE and s.old is not None and len(old[s.old].split()) >= MOVE_MIN_WORDS:
            deleted.setdefault(fold_key(old[s.old]), []).append(k)
    out = list(steps)
    number = 0
    for k, s in enumerate(steps):
        if s.kind is not EditKind.INSERT or s.new is None:
            continue
        candidates = deleted.get(fold_key(new[s.new]))
        if not candidates:
            continue
        d = candidates.pop(0)
        number += 1
        source = steps[d]
        assert source.old is not None
        out[d] = Edit(EditKind.MOVE_FROM, source.old, None, move=number)
        spans = word_spans(old[source.old], new[s.new]) if old[source.old] != new[s.new] else ()
        out[k] = Edit(EditKind.MOVE_TO, source.old, s.new, spans, editorial=bool(spans), move=number)
    return out


def paragraph_script(old: Sequence[str], new: Sequence[str], *, moves: bool = True) -> tuple[Edit, ...]:
    """The edit script from OLD's paragraphs to NEW's: every paragraph of each side exactly once
    (a move's two ends count once each), in NEW's order, a deletion where it stood in OLD."""
    old_keys = [fold_key(p) for p in old]
    new_keys = [fold_key(p) for p in new]
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    steps: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            steps += [_paired(i1 + k, j1 + k, old[i1 + k], new[j1 + k]) for k in range(i2 - i1)]
        else:
            steps += _gap(old[i1:i2], new[j1:j2], i1, j1)
    return tuple(_moves(steps, old, new) if moves else steps)
