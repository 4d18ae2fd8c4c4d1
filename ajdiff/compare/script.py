"""The edit script of two documents' paragraphs: which paragraph of OLD became which of NEW.

The redline walks this script: a paragraph kept, reworded (with its word diff), inserted, deleted or
moved. `aligned_script` holds it to the comparison's alignment (a duty's paragraphs pair only with its
counterpart's, a moved duty is one move); `paragraph_script` is the diff it runs inside a duty and
among the paragraphs no duty holds. Paragraphs equal after folding (case, punctuation, bullets,
diacritics) are anchored first with a longest common subsequence; what lies between two anchors is
paired by the same similarity and threshold the comparer uses for list items
(`align.match_sequences`), so a reworded paragraph is one paragraph with its changed words, not a
deletion and an insertion. An unpaired paragraph that
reappears elsewhere word for word is a move.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import replace
from enum import Enum
from functools import partial

from ajdiff.changes import Span
from ajdiff.compare.align import dice, item_similarity, longest_increasing, match_sequences
from ajdiff.compare.worddiff import word_spans
from ajdiff.records import dataclass
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
    SPLIT = "split"
    """One paragraph of OLD is `width` paragraphs of NEW (from `new` on): its words, cut by new breaks."""
    MERGE = "merge"
    """`width` paragraphs of OLD (from `old` on) are one of NEW: their words, the breaks between gone."""


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
    width: int = 1
    """For SPLIT: how many paragraphs of NEW; for MERGE: how many of OLD. Their texts are joined by one
    space for `spans`, and that space is where a paragraph break stands on the other side."""


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


def _moves(
    steps: list[Edit],
    old: Sequence[str],
    new: Sequence[str],
    *,
    fixed: tuple[set[int], set[int]] = (set(), set()),
    number: int = 0,
) -> list[Edit]:
    """A deleted paragraph inserted elsewhere word for word becomes the two ends of one move (numbered
    after `number`); the paragraphs in `fixed` (OLD's, NEW's: those of a duty the comparison deleted or
    inserted) stay as they are."""
    deleted: dict[str, list[int]] = {}
    for k, s in enumerate(steps):
        if (
            s.kind is EditKind.DELETE
            and s.old is not None
            and s.old not in fixed[0]
            and len(old[s.old].split()) >= MOVE_MIN_WORDS
        ):
            deleted.setdefault(fold_key(old[s.old]), []).append(k)
    out = list(steps)
    for k, s in enumerate(steps):
        if s.kind is not EditKind.INSERT or s.new is None or s.new in fixed[1]:
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


SPLIT_GAIN = 0.1
"""A paragraph is taken as split (or merged) when the joined paragraphs match it this much better."""
SPLIT_THRESHOLD = 0.6
"""… and at least this well."""


def _run(steps: list[Edit], k: int, kind: EditKind, side: str, step: int) -> list[int]:
    """Positions of the steps of `kind` next to step k, in one direction (`step` ±1, nearest first), whose
    indices on `side` follow on from step k's own (or, when it has none there, from one another)."""
    out: list[int] = []
    index = getattr(steps[k], side)
    m = k + step
    while 0 <= m < len(steps) and steps[m].kind is kind:
        value = getattr(steps[m], side)
        if value is None or (index is not None and value != index + step):
            break
        out.append(m)
        index = value
        m += step
    return out


_Groups = tuple[Sequence[int] | None, Sequence[int] | None]
"""The containers of OLD's and NEW's paragraphs, (OLD's, NEW's): a paragraph break comes or goes only inside one."""


def _regroup(steps: list[Edit], old: Sequence[str], new: Sequence[str], groups: _Groups) -> list[Edit]:
    """A paragraph paired (or left alone) next to inserted (or deleted) paragraphs that, joined to it,
    match its other side much better, becomes one SPLIT (or MERGE) edit: a paragraph cut in two or two run
    together is a changed break, not a deletion and an insertion."""
    k = 0
    while k < len(steps):
        step = steps[k]
        found = None
        if step.kind in (EditKind.PAIR, EditKind.DELETE):
            found = _regroup_at(steps, k, old, new, groups, "new")
        if found is None and step.kind in (EditKind.PAIR, EditKind.INSERT):
            found = _regroup_at(steps, k, old, new, groups, "old")
        if found is None:
            k += 1
            continue
        first, last, edit = found
        steps[first : last + 1] = [edit]
        k = first + 1
    return steps


def _best_window(
    text: str, fixed: int | None, candidates: list[int], pieces: Sequence[str], groups: Sequence[int] | None = None
) -> tuple[int, int, float] | None:
    """The run of consecutive pieces (holding `fixed` when given, all in one group) whose joined text is
    most like `text`."""
    best: tuple[int, int, float] | None = None
    for a in range(len(candidates)):
        for b in range(a + 1, len(candidates)):
            lo, hi = candidates[a], candidates[b]
            if fixed is not None and not lo <= fixed <= hi:
                continue
            if groups is not None and len(set(groups[lo : hi + 1])) > 1:
                continue
            score = dice(text, " ".join(pieces[lo : hi + 1]))
            if best is None or score > best[2]:
                best = (lo, hi, score)
    return best


def _regroup_at(
    steps: list[Edit], k: int, old: Sequence[str], new: Sequence[str], groups: _Groups, many: str
) -> tuple[int, int, Edit] | None:
    """The SPLIT (`many` = 'new': one paragraph of OLD, several of NEW) or MERGE (`many` = 'old') around
    step k, as (first step, last step, edit), or None. `groups` holds the containers: a split (or merge)
    stays in one."""
    one = "old" if many == "new" else "new"
    run_kind = EditKind.INSERT if many == "new" else EditKind.DELETE
    one_texts, many_texts = (old, new) if many == "new" else (new, old)
    step = steps[k]
    single = getattr(step, one)
    assert single is not None
    if step.kind is EditKind.PAIR:
        assert step.old is not None and step.new is not None
        before, after = _run(steps, k, run_kind, many, -1), _run(steps, k, run_kind, many, 1)
        fixed: int | None = getattr(step, many)
        alone = dice(old[step.old], new[step.new])
        positions = [*reversed(before), k, *after]
    else:
        # Alone: a deletion is followed by the insertions of its pieces, an insertion preceded by the
        # deletions of its pieces (the order `_gap` writes them in).
        nearby = _run(steps, k, run_kind, many, 1 if many == "new" else -1)
        if not nearby:
            return None
        # The pieces next to step k: the window must hold the nearest, or it would leave a gap of steps.
        fixed, alone = getattr(steps[nearby[0]], many), 0.0
        positions = sorted(nearby)
    candidates = [getattr(steps[m], many) for m in positions]
    candidates = sorted(i for i in candidates if i is not None)
    if len(candidates) < 2:
        return None
    best = _best_window(one_texts[single], fixed, candidates, many_texts, groups[many == "new"])
    if best is None or best[2] < SPLIT_THRESHOLD or best[2] < alone + SPLIT_GAIN:
        return None
    lo, hi, _ = best
    chosen = [m for m in positions if m == k or lo <= _index(getattr(steps[m], many)) <= hi]
    joined = " ".join(many_texts[lo : hi + 1])
    if many == "new":
        spans, editorial = word_spans(old[single], joined), fold_key(old[single]) == fold_key(joined)
        edit = Edit(EditKind.SPLIT, single, lo, spans, editorial=editorial, width=hi - lo + 1)
    else:
        spans, editorial = word_spans(joined, new[single]), fold_key(joined) == fold_key(new[single])
        edit = Edit(EditKind.MERGE, lo, single, spans, editorial=editorial, width=hi - lo + 1)
    return min([*chosen, k]), max([*chosen, k]), edit


def _index(value: int | None) -> int:
    return -1 if value is None else value


def paragraph_script(
    old: Sequence[str],
    new: Sequence[str],
    *,
    moves: bool = True,
    new_groups: Sequence[int] | None = None,
    old_groups: Sequence[int] | None = None,
) -> tuple[Edit, ...]:
    """The edit script from OLD's paragraphs to NEW's: every paragraph of each side exactly once
    (a move's two ends count once each), in NEW's order, a deletion where it stood in OLD.

    `new_groups` numbers the container of each NEW paragraph (a table cell, the body): a paragraph of OLD
    is only taken as split into paragraphs of one container, since only there can a break come or go;
    `old_groups` likewise for OLD's paragraphs merged into one."""
    old_keys = [fold_key(p) for p in old]
    new_keys = [fold_key(p) for p in new]
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    steps: list[Edit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            steps += [_paired(i1 + k, j1 + k, old[i1 + k], new[j1 + k]) for k in range(i2 - i1)]
        else:
            steps += _gap(old[i1:i2], new[j1:j2], i1, j1)
    steps = _regroup(steps, old, new, (old_groups, new_groups))
    return tuple(_moves(steps, old, new) if moves else steps)


class ClaimKind(str, Enum):
    """What the comparison's alignment did with the units whose paragraphs a claim holds."""

    PAIR = "pair"
    """One unit (or a merge's or split's units) on each side, in order: their paragraphs pair only with each other."""
    MOVE = "move"
    """The same unit, out of the order of the others: its paragraphs moved, reworded or not."""
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Claim:
    """The paragraphs of one step of the comparison's alignment: those of its OLD units and its NEW units
    (indices into the paragraphs given to `aligned_script`)."""

    kind: ClaimKind
    old: tuple[int, ...]
    new: tuple[int, ...]


def aligned_script(
    old: Sequence[str],
    new: Sequence[str],
    claims: Sequence[Claim],
    *,
    moves: bool = True,
    new_groups: Sequence[int] | None = None,
) -> tuple[Edit, ...]:
    """The edit script of `paragraph_script`, held to the comparison's alignment: a claim's paragraphs
    are its units' (a duty's task and results), so a paired unit's paragraphs pair only with each
    other, a moved one's are one move (`MOVE_FROM`s and `MOVE_TO`s of one number), an inserted or deleted
    one's are inserted or deleted; the paragraphs no claim holds (titles, headings, noise) are diffed as
    `paragraph_script` does, between the paired units around them. Claims that cross one another fall
    back to `paragraph_script` alone."""
    plain = partial(paragraph_script, old, new, moves=moves, new_groups=new_groups)
    if not claims:
        return plain()
    owner_old: dict[int, int] = {}
    owner_new: dict[int, int] = {}
    for n, claim in enumerate(claims):
        for owner, indices in ((owner_old, claim.old), (owner_new, claim.new)):
            for index in indices:
                if owner.setdefault(index, n) != n:
                    return plain()
    paired = sorted(
        (n for n, c in enumerate(claims) if c.kind is ClaimKind.PAIR and c.old and c.new),
        key=lambda n: min(claims[n].new),
    )
    in_order = longest_increasing([min(claims[n].old) for n in paired])
    anchors = [n for k, n in enumerate(paired) if k in in_order]
    for n in anchors:
        c = claims[n]
        # A paired unit's paragraphs are one stretch on each side, with no other unit's paragraph in it.
        if any(owner_old.get(i, n) != n for i in range(min(c.old), max(c.old) + 1)) or any(
            owner_new.get(j, n) != n for j in range(min(c.new), max(c.new) + 1)
        ):
            return plain()
    anchored = set(anchors)
    # The rest: moved (a pair out of order is moved too), inserted or deleted whole; each move one number.
    move_of: dict[int, int] = {}
    for n, c in enumerate(claims):
        if n not in anchored and c.old and c.new:
            move_of[n] = len(move_of) + 1 if moves else 0
    steps: list[Edit] = []
    i = j = 0
    for anchor in [*anchors, None]:
        end_old = len(old) if anchor is None else min(claims[anchor].old)
        end_new = len(new) if anchor is None else min(claims[anchor].new)
        free_old = [k for k in range(i, end_old) if k not in owner_old]
        free_new = [k for k in range(j, end_new) if k not in owner_new]
        units_old = [_unit_end(k, move_of.get(owner_old[k]), "old") for k in range(i, end_old) if k in owner_old]
        units_new = [_unit_end(k, move_of.get(owner_new[k]), "new") for k in range(j, end_new) if k in owner_new]
        free = _sub_script(old, new, free_old, free_new, new_groups)
        steps += _interleave(free, units_old, units_new)
        if anchor is None:
            break
        i, j = max(claims[anchor].old) + 1, max(claims[anchor].new) + 1
        inside = _sub_script(old, new, list(range(end_old, i)), list(range(end_new, j)), new_groups)
        steps += _first_paired(inside, old, new)
    if not moves:
        return tuple(steps)
    fixed = (set(owner_old), set(owner_new))
    return tuple(_moves(steps, old, new, fixed=fixed, number=len(move_of)))


def _first_paired(steps: list[Edit], old: Sequence[str], new: Sequence[str]) -> list[Edit]:
    """A paired unit's script with its first paragraphs paired (a duty's task with its task), however
    unlike: the comparison took the units for one, rewritten; the body says so with their changed words."""
    first_old = min((s.old for s in steps if s.old is not None), default=None)
    first_new = min((s.new for s in steps if s.new is not None), default=None)
    at_old = next((k for k, s in enumerate(steps) if s.kind is EditKind.DELETE and s.old == first_old), None)
    at_new = next((k for k, s in enumerate(steps) if s.kind is EditKind.INSERT and s.new == first_new), None)
    if at_old is None or at_new is None or first_old is None or first_new is None:
        return steps
    out = list(steps)
    out[min(at_old, at_new)] = _paired(first_old, first_new, old[first_old], new[first_new])
    del out[max(at_old, at_new)]
    return out


def _unit_end(index: int, move: int | None, side: str) -> Edit:
    """The step of one paragraph of a unit the alignment did not pair in order: moved, inserted or deleted."""
    if move:
        return (
            Edit(EditKind.MOVE_FROM, index, None, move=move)
            if side == "old"
            else Edit(EditKind.MOVE_TO, None, index, move=move)
        )
    return Edit(EditKind.DELETE, index, None) if side == "old" else Edit(EditKind.INSERT, None, index)


def _runs(indices: Sequence[int], containers: Sequence[int] | None = None) -> list[int]:
    """A group number for each paragraph: the same while they follow on (in one container)."""
    out: list[int] = []
    for k, index in enumerate(indices):
        before = indices[k - 1] if k else None
        same = before == index - 1 and (containers is None or containers[index] == containers[index - 1])
        out.append(out[-1] if k and same else (out[-1] + 1 if out else 0))
    return out


def _sub_script(
    old: Sequence[str], new: Sequence[str], a: list[int], b: list[int], groups: Sequence[int] | None
) -> list[Edit]:
    """`paragraph_script` of some paragraphs of each side (no moves), its indices those of all."""
    if not a and not b:
        return []
    script = paragraph_script(
        [old[k] for k in a],
        [new[k] for k in b],
        moves=False,
        new_groups=_runs(b, groups),
        old_groups=_runs(a),
    )
    return [
        replace(e, old=None if e.old is None else a[e.old], new=None if e.new is None else b[e.new]) for e in script
    ]


def _interleave(free: Sequence[Edit], olds: Sequence[Edit], news: Sequence[Edit]) -> list[Edit]:
    """The steps of the paragraphs no claim holds with those of moved, inserted and deleted units: NEW's
    paragraphs in NEW's order, OLD's where they stood."""
    out: list[Edit] = []
    a = b = 0
    for step in free:
        if step.old is not None:
            while a < len(olds) and _at(olds[a].old) < step.old:
                out.append(olds[a])
                a += 1
        if step.new is not None:
            while b < len(news) and _at(news[b].new) < step.new:
                out.append(news[b])
                b += 1
        out.append(step)
    return [*out, *olds[a:], *news[b:]]


def _at(value: int | None) -> int:
    assert value is not None  # the steps of one side have its index
    return value
