"""The comparer: two parsed versions of one post → typed `Change` records. Pure, no I/O."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import replace
from functools import lru_cache

from ajdiff.changes import (
    Change,
    ChangeKind,
    Comparison,
    Impact,
    Step,
    StepKind,
    group_by_section,
    make_change,
    make_step,
)
from ajdiff.compare.align import (
    Bag,
    Match,
    dice,
    dice_of_bags,
    item_similarity,
    longest_increasing,
    match_sequences,
    overlap,
    sides,
    sized_bag,
)
from ajdiff.compare.worddiff import word_spans
from ajdiff.model import Duty, JobDescription, OrderRef
from ajdiff.read.languages import level_rank
from ajdiff.read.vocabulary import is_list_intro, is_table_header
from ajdiff.text import fold, fold_key, same_fold_key
from ajdiff.tree import Node, NodeKind, walk

DUTY_THRESHOLD = 0.45
"""Below this similarity two duties are different duties (one removed, one added)."""
SLOT_THRESHOLD = 0.15
"""A duty rewritten in place (same neighbours on both sides) still counts as modified above this."""
ITEM_THRESHOLD = 0.6
"""List items (substitutes, rights, results) below this are removed + added, not modified."""
MERGE_OVERLAP = 0.7
"""How much of an unmatched duty a merged (or split) duty must contain."""

_HIGH_SCALARS = frozenset({"general.group", "general.supervisor", "general.special_conditions"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÕÄÖÜŠŽ])")


def _change(
    path: str,
    kind: ChangeKind,
    old: str | None,
    new: str | None,
    *,
    impact: Impact = Impact.NORMAL,
    old_number: str | None = None,
    new_number: str | None = None,
    editorial: bool | None = None,
) -> Change:
    if editorial is None:
        editorial = old is not None and new is not None and same_fold_key(old, new)
    spans = word_spans(old, new) if old is not None and new is not None else ()
    return make_change(
        path=path,
        kind=kind,
        old=old,
        new=new,
        editorial=editorial,
        impact=Impact.NORMAL if editorial else impact,
        old_number=old_number,
        new_number=new_number,
        spans=spans,
    )


def _scalar(
    path: str,
    old: str | None,
    new: str | None,
    impact: Impact = Impact.NORMAL,
    numbers: tuple[str | None, str | None] = (None, None),
) -> Iterator[Change]:
    if (old or None) == (new or None):
        return
    n_old, n_new = numbers
    if not old:
        yield _change(path, ChangeKind.ADDED, None, new, impact=impact, old_number=n_old, new_number=n_new)
    elif not new:
        yield _change(path, ChangeKind.REMOVED, old, None, impact=impact, old_number=n_old, new_number=n_new)
    else:
        yield _change(path, ChangeKind.MODIFIED, old, new, impact=impact, old_number=n_old, new_number=n_new)


def _items(
    path: str,
    old: tuple[str, ...],
    new: tuple[str, ...],
    whole_section: bool = False,
    numbers: tuple[str | None, str | None] = (None, None),
) -> Iterator[Change]:
    """Item sets: added / removed / modified per item, order ignored; each change with the `numbers` (old, new)
    of the unit the items belong to (a duty's results), given here rather than each change copied to add them."""
    if old == new:
        return
    n_old, n_new = numbers
    # The key of the items joined, from the items' own keys (a key is made character by character, so the key of a
    # join is the join of the keys): matching them below asks for those, and the join would be folded for this alone.
    if old and new and "".join(map(fold_key, old)) == "".join(map(fold_key, new)):
        # The same words cut into items elsewhere (a wrapped line, a lost full stop): editorial only.
        yield _change(
            path,
            ChangeKind.MODIFIED,
            "\n".join(old),
            "\n".join(new),
            editorial=True,
            old_number=n_old,
            new_number=n_new,
        )
        return
    if whole_section and (not old or not new):
        # A section present on one side only is one change, not one per item.
        yield from _scalar(path, "\n".join(old) or None, "\n".join(new) or None, numbers=numbers)
        return
    for m in sorted(match_sequences(old, new, item_similarity, ITEM_THRESHOLD), key=_order):
        a = old[m.old] if m.old is not None else None
        b = new[m.new] if m.new is not None else None
        if a is None:
            yield _change(path, ChangeKind.ADDED, None, b, old_number=n_old, new_number=n_new)
        elif b is None:
            yield _change(path, ChangeKind.REMOVED, a, None, old_number=n_old, new_number=n_new)
        elif a != b:
            yield _change(path, ChangeKind.MODIFIED, a, b, old_number=n_old, new_number=n_new)


def _order(m: Match) -> tuple[int, int]:
    return (m.new if m.new is not None else m.old or 0, 0 if m.new is not None else 1)


@lru_cache(maxsize=8192)
def sentences(results: tuple[str, ...]) -> tuple[str, ...]:
    """Results as sentences: one line with two sentences and two bulleted lines compare equal."""
    out: list[str] = []
    for result in results:
        head = result.rstrip()[:-1]
        if "." in head or "!" in head or "?" in head:
            out.extend(s.strip() for s in _SENTENCE_END.split(result) if s.strip())
        elif stripped := result.strip():  # a stop only last (most results): nothing the pattern could split at
            out.append(stripped)
    return tuple(out)


def duty_text(duty: Duty) -> str:
    """A duty's whole text (task and results), for similarity."""
    return " ".join((duty.task, *duty.results))


def duty_similarity(a: Duty, b: Duty) -> float:
    """Similarity of two duties: by their task, or by everything when the results carry it."""
    return max(dice(a.task, b.task), dice(duty_text(a), duty_text(b)))


_recent_texts: tuple[tuple[tuple[Duty, ...], tuple[str, ...]], ...] = ()


def duty_texts(duties: tuple[Duty, ...]) -> tuple[str, ...]:
    """`duty_text` of each duty, the same strings for the same (immutable) tuple within a pair's comparison.

    Matching, the alignment and the documents' likeness each ask for a pair's duty texts; joined anew each time,
    each 1 KB text was also hashed anew by every memo it is looked up in. The last four tuples' texts are kept,
    by identity (a pair's two, and pairing's before them).
    """
    global _recent_texts
    recent = _recent_texts  # read once: another thread may replace it, never half of it
    for seen, texts in recent:
        if seen is duties:
            return texts
    texts = tuple(map(duty_text, duties))
    _recent_texts = ((duties, texts), *recent[:3])
    return texts


def _unit_similarity(a: tuple[Duty, str], b: tuple[Duty, str]) -> float:
    """`duty_similarity` of two duties given with their texts (`duty_texts`)."""
    return max(dice(a[0].task, b[0].task), dice(a[1], b[1]))


def _unit_text(unit: tuple[Duty, str]) -> str:
    return unit[1]


# ---------------------------------------------------------------------------- duties


_last_matched: tuple[tuple[Duty, ...], tuple[Duty, ...], tuple[Match, ...]] | None = None


def match_duties(old: tuple[Duty, ...], new: tuple[Duty, ...]) -> list[Match]:
    """Duties matched by content: exact, then the best total similarity above `DUTY_THRESHOLD`.

    The comparer aligns a pair's duties and pairing then counts the same matches (`pairing.duties_matched`),
    one right after the other: the last pair's matches are kept, by the identity of its two (immutable)
    tuples, so that a folder's pair is matched once, not twice (a tenth of its comparison).
    """
    global _last_matched
    last = _last_matched  # read once: another thread may replace it, never half of it
    if last is not None and last[0] is old and last[1] is new:
        return list(last[2])
    units_old, units_new = tuple(zip(old, duty_texts(old))), tuple(zip(new, duty_texts(new)))
    matches = match_sequences(units_old, units_new, _unit_similarity, DUTY_THRESHOLD, text=_unit_text)
    _last_matched = (old, new, tuple(matches))
    return matches


def align_duties(old: tuple[Duty, ...], new: tuple[Duty, ...]) -> list[Match]:
    """Match duties by content: exact, then optimal by similarity, then rewrites in place."""
    return _pair_in_place(old, new, match_duties(old, new))


def _pair_in_place(old: tuple[Duty, ...], new: tuple[Duty, ...], matches: list[Match]) -> list[Match]:
    """Pair an unmatched old and new duty that sit alone between the same matched neighbours."""
    pairs, lone_old, lone_new = sides(matches)
    if not lone_old or not lone_new:
        return matches

    def slot(index: int, side: str) -> int:
        # The slot is the number of matched duties before this one on its own side.
        return sum(1 for i, j in pairs if (i if side == "old" else j) < index)

    by_slot_old: dict[int, list[int]] = {}
    for i in lone_old:
        by_slot_old.setdefault(slot(i, "old"), []).append(i)
    by_slot_new: dict[int, list[int]] = {}
    for j in lone_new:
        by_slot_new.setdefault(slot(j, "new"), []).append(j)
    extra: list[Match] = []
    for s, olds in by_slot_old.items():
        news = by_slot_new.get(s, [])
        if len(olds) == 1 and len(news) == 1:
            score = duty_similarity(old[olds[0]], new[news[0]])
            if score >= SLOT_THRESHOLD:
                extra.append(Match(olds[0], news[0], score))
    if not extra:
        return matches
    taken_old = {m.old for m in extra}
    taken_new = {m.new for m in extra}
    kept = [
        m for m in matches if not (m.new is None and m.old in taken_old) and not (m.old is None and m.new in taken_new)
    ]
    return kept + extra


def _merges(
    old: tuple[Duty, ...], new: tuple[Duty, ...], matches: list[Match]
) -> tuple[list[Match], dict[int, list[int]], dict[int, list[int]]]:
    """Find merges (two old → one new) and splits (one old → two new) among the leftovers."""
    merged: dict[int, list[int]] = {}  # new index → old indices
    split: dict[int, list[int]] = {}  # old index → new indices
    pairs, lone_old, lone_new = sides(matches)
    used: set[tuple[str, int]] = set()
    for pair_old, pair_new in pairs:
        a, b = old[pair_old], new[pair_new]
        if a.task == b.task:
            # Their Dice is 1.0, which no task joined to either can pass: no merge or split, and none of the pair's
            # bags made for nothing (most pairs are kept duties, and a lone duty tried each of them).
            continue
        for i in lone_old:
            if ("o", i) in used:
                continue
            extra = old[i]
            if overlap(extra.task, b.task) >= MERGE_OVERLAP and dice(f"{a.task} {extra.task}", b.task) > dice(
                a.task, b.task
            ):
                merged.setdefault(pair_new, [pair_old]).append(i)
                used.add(("o", i))
        for j in lone_new:
            if ("n", j) in used:
                continue
            extra = new[j]
            if overlap(extra.task, a.task) >= MERGE_OVERLAP and dice(a.task, f"{b.task} {extra.task}") > dice(
                a.task, b.task
            ):
                split.setdefault(pair_old, [pair_new]).append(j)
                used.add(("n", j))
    rest = [
        m
        for m in matches
        if not (m.new is None and ("o", m.old) in used) and not (m.old is None and ("n", m.new) in used)
    ]
    return rest, merged, split


def _structural(path: str, kind: ChangeKind, olds: list[Duty], news: list[Duty], *, editorial: bool = False) -> Change:
    """A merge, split or move: substantive and high impact, whatever the wording, but for `editorial` (the
    same words cut into other duties where only the layout tells duties apart: `_layout_split`)."""
    return _change(
        path,
        kind,
        "\n".join(d.task for d in olds),
        "\n".join(d.task for d in news),
        impact=Impact.NORMAL if editorial else Impact.HIGH,
        old_number=", ".join(d.number for d in olds),
        new_number=", ".join(d.number for d in news),
        editorial=editorial,
    )


_WRITTEN_NUMBER = r"\W*(?:\d|[A-Za-z][.)](?:\s|$))"
"""A duty's line as written opens with a number ('2.1.', '3)', OCR's '2.l.') or a letter ('a)'). Compiled on
first use (by `re`'s cache): only a split or merge of the same words asks, and no command's start pays."""


def unnumbered_duties(doc: JobDescription) -> bool:
    """True when the document writes no number before any of its duties (a duty a line or a paragraph,
    or bullets): their numbers are the reader's count, and only the layout tells one duty from the next."""
    items = [n for n in walk(doc.sections) if n.kind is NodeKind.ITEM and n.key == "duties"]
    return bool(items) and not any(re.match(_WRITTEN_NUMBER, n.verbatim) for n in items)


def _layout_split(
    olds: tuple[int, ...],
    news: tuple[int, ...],
    old: tuple[Duty, ...],
    new: tuple[Duty, ...],
    unnumbered: Callable[[], bool],
) -> bool:
    """True when a split (or merge) is only where a line was cut: adjacent duties in order whose words,
    after folding, are the other side's word for word, in documents that number no duty. An HR reader
    sees the same duties then ('… prahikottide vahetamine. Vajadusel prügikastide pesemine.' on one line
    or two, Viljandi Kesklinna Kool); a numbered duty cut in two is the author's new duty, and the number
    every later duty is cited by shifts, so that stays substantive."""
    if olds != tuple(range(olds[0], olds[-1] + 1)) or news != tuple(range(news[0], news[-1] + 1)):
        return False
    joined_old = fold_key(" ".join(duty_text(old[k]) for k in olds))
    return joined_old == fold_key(" ".join(duty_text(new[k]) for k in news)) and unnumbered()


def _duty_steps(
    old: tuple[Duty, ...], new: tuple[Duty, ...], unnumbered: Callable[[], bool] = lambda: False
) -> list[Step]:
    """The duties' alignment: every pair (changed or not), merge, split, move, insertion and deletion,
    in NEW's order, a deleted duty after the duty it followed. `unnumbered`: whether both documents number
    no duty (asked only of a split or merge of the same words)."""
    matches = align_duties(old, new)
    matches, merged, split = _merges(old, new, matches)
    texts_old, texts_new = duty_texts(old), duty_texts(new)
    pairs, lone_old, lone_new = sides(matches)
    in_order = longest_increasing([j for _, j in pairs])
    moved = {pairs[k] for k in range(len(pairs)) if k not in in_order}
    out: list[tuple[int, int, Step]] = []  # (new position, tie-break, step) for a stable order

    for i, j in pairs:
        a, b = old[i], new[j]
        path = f"duties.{b.number}"
        if j in merged or i in split:
            # The parts in document order (they are found best match first): '2.3 → 2.3, 2.4', at 2.3.
            at = (tuple(sorted(merged.get(j, [i]))), tuple(sorted(split.get(i, [j]))))
            olds, news = [old[k] for k in at[0]], [new[k] for k in at[1]]
            kind = ChangeKind.MERGED if j in merged else ChangeKind.SPLIT
            step_kind = StepKind.MERGE if j in merged else StepKind.SPLIT
            editorial = _layout_split(*at, old, new, unnumbered)
            change = _structural(f"duties.{news[0].number}", kind, olds, news, editorial=editorial)
            out.append((at[1][0], 0, make_step(step_kind, _numbers(olds), _numbers(news), (change,), *at)))
            continue
        units = ((a.number,), (b.number,))
        at = ((i,), (j,))
        changes: list[Change] = []
        step_kind = StepKind.PAIR
        if (i, j) in moved:
            step_kind = StepKind.MOVE
            changes.append(_structural(path, ChangeKind.MOVED, [a], [b]))
        elif texts_old[i] == texts_new[j] or same_fold_key(texts_old[i], texts_new[j]):
            # The same words, cut between task and results elsewhere (reflow, a flattened table) or
            # differing only in punctuation and case: renumbered or editorial, never a rewording. (Most
            # duties are kept word for word: equal texts need no folding to tell, and equal results no sentences.)
            if (
                a.number != b.number
                or a.task != b.task
                or (a.results != b.results and sentences(a.results) != sentences(b.results))
            ):
                kind = ChangeKind.RENUMBERED if a.number != b.number else ChangeKind.MODIFIED
                # A renumbered duty (every one after an insertion) mostly keeps its task: no fold to tell.
                same_task = a.task == b.task or same_fold_key(a.task, b.task)
                texts = (a.task, b.task) if same_task else (texts_old[i], texts_new[j])
                changes.append(_change(path, kind, *texts, editorial=True, old_number=a.number, new_number=b.number))
            out.append((j, 0, make_step(StepKind.PAIR, *units, tuple(changes), *at)))
            continue
        elif a.task != b.task or a.number != b.number:
            renumbered = a.number != b.number and same_fold_key(a.task, b.task)
            kind = ChangeKind.RENUMBERED if renumbered else ChangeKind.MODIFIED
            changes.append(_change(path, kind, a.task, b.task, old_number=a.number, new_number=b.number))
        changes += _items(
            f"duties.{b.number}.results", sentences(a.results), sentences(b.results), numbers=(a.number, b.number)
        )
        out.append((j, 0, make_step(step_kind, *units, tuple(changes), *at)))
    for j in lone_new:
        b = new[j]
        change = _change(f"duties.{b.number}", ChangeKind.ADDED, None, b.task, impact=Impact.HIGH, new_number=b.number)
        out.append((j, 0, make_step(StepKind.INSERT, (), (b.number,), (change,), (), (j,))))
    for i in lone_old:
        a = old[i]
        change = _change(
            f"duties.{a.number}", ChangeKind.REMOVED, a.task, None, impact=Impact.HIGH, old_number=a.number
        )
        out.append((_anchor(i, pairs), 10_000 + i, make_step(StepKind.DELETE, (a.number,), (), (change,), (i,))))
    out.sort(key=lambda t: (t[0], t[1]))
    return [step for _, _, step in out]


def _numbers(duties: list[Duty]) -> tuple[str, ...]:
    return tuple(d.number for d in duties)


def _anchor(old_index: int, pairs: list[tuple[int, int]]) -> int:
    """Where a removed duty stood, in new positions: just after its matched predecessor."""
    before = [j for i, j in pairs if i < old_index]
    return max(before) if before else -1


# ---------------------------------------------------------------------------- the whole document


def _languages(old: dict[str, str], new: dict[str, str]) -> Iterator[Change]:
    for code in sorted(set(old) | set(new)):
        a, b = old.get(code), new.get(code)
        path = f"requirements.languages.{code}"
        if a == b:
            continue
        if a is None:
            yield _change(path, ChangeKind.ADDED, None, b, impact=Impact.HIGH, editorial=False)
        elif b is None:
            yield _change(path, ChangeKind.REMOVED, a, None, editorial=False)
        elif level_rank(b) > level_rank(a):
            yield _change(path, ChangeKind.RAISED, a, b, impact=Impact.HIGH, editorial=False)
        else:
            yield _change(path, ChangeKind.LOWERED, a, b, editorial=False)


def _years(old: int | None, new: int | None) -> Iterator[Change]:
    if old == new:
        return
    path = "requirements.experience_years"
    a = None if old is None else str(old)
    b = None if new is None else str(new)
    if old is None:
        yield _change(path, ChangeKind.ADDED, None, b, impact=Impact.HIGH, editorial=False)
    elif new is None:
        yield _change(path, ChangeKind.REMOVED, a, None, editorial=False)
    elif new > old:
        yield _change(path, ChangeKind.RAISED, a, b, impact=Impact.HIGH, editorial=False)
    else:
        yield _change(path, ChangeKind.LOWERED, a, b, editorial=False)


def document_similarity(old: JobDescription, new: JobDescription) -> float:
    """How alike two documents are overall (0..1): their duties and general texts."""
    # The Dice coefficient of the two documents' folded word bags. A text both documents hold (most duties of a
    # revised post) adds its words to both bags alike, so to their common words as much as to each bag:
    # min(a + s, b + s) is min(a, b) + s for every word. Only the other texts' words are counted one by one;
    # the shared ones' are only counted, from their fold (alignment has folded them already).
    parts_old, parts_new = _parts(old), _parts(new)
    left_new = Counter(parts_new)
    rest_old: list[str] = []
    words_shared = 0
    for text in parts_old:  # the multisets' intersection, and what is left of each: a few texts, most unique
        if left_new.get(text):
            left_new[text] -= 1
            words_shared += _word_count(text)
        else:
            rest_old.append(text)
    return dice_of_bags(_bag_of(tuple(rest_old)), _bag_of(tuple(left_new.elements())), words_shared)


def _parts(doc: JobDescription) -> tuple[str, ...]:
    """The texts a document's likeness is read from: its position, unit, goal and duties."""
    g = doc.general
    return (g.position or "", g.unit or "", g.goal or "", *duty_texts(doc.duties))


def _word_count(text: str) -> int:
    """How many words `fold` finds in a text (it joins them by single spaces)."""
    folded = fold(text)
    return folded.count(" ") + 1 if folded else 0


@lru_cache(maxsize=128)  # a few MB at most: a post's texts are ~10 KB, its bag a few thousand words
def _bag_of(texts: tuple[str, ...]) -> Bag:
    """The folded words of the texts, with their counts, how many words and the repeated ones: the texts' own bags
    (`sized_bag`) added up (remembered for the last texts asked: do not change it)."""
    # The texts a document does not share are mostly the duties the alignment scored (changed, added, removed),
    # whose bags it made: one such text's bag is the answer itself, and two or three are added word by word
    # rather than folded, split and counted again. Pairing two orders or a small folder scores every post against
    # every other, none of their texts shared: each post's texts are then added up once, not once a score.
    if not texts:
        return {}, 0, {}
    first, *rest = texts
    if not rest:
        return sized_bag(first)
    total, size, repeated = sized_bag(first)
    total = dict(total)  # a copy: the first bag is remembered as it is
    again = set(repeated)
    for text in rest:
        words, n, repeated = sized_bag(text)
        size += n
        # Only the words counted already are added up one by one (a third of a duty's, the common ones): the rest
        # are taken in C, at the end in their order, where adding each word's count in turn put them. A word is
        # repeated in the sum where one bag repeats it or a second bag holds it: those few are looked up, not all.
        both = total.keys() & words.keys()
        sums = {word: total[word] + words[word] for word in both}
        total.update(words)
        total.update(sums)
        again.update(repeated, both)
    return total, size, {word: total[word] for word in again}


def generic_sections(doc: JobDescription) -> dict[str, Node]:
    """The sections ajdiff has no name for ('other.valveaja_rakendamine'), by key, sub-sections too."""
    return _generic_sections(_section_nodes(doc))


def _section_nodes(doc: JobDescription) -> list[Node]:
    """Every section of a document, sub-sections too, in document order: one walk of its tree for the comparison's
    two questions (`generic_sections`, `section_texts`), which each walked it whole."""
    # A section is a top node of the tree or a section's child (the reader makes no other): only sections are
    # looked into, not the items, fields and results under them, most of a tree.
    section = NodeKind.SECTION
    found: list[Node] = []
    stack = [n for n in reversed(doc.sections) if n.kind is section]
    while stack:
        node = stack.pop()
        found.append(node)
        stack += [c for c in reversed(node.children) if c.kind is section]
    return found


def _generic_sections(sections: list[Node]) -> dict[str, Node]:
    return {n.key: n for n in sections if n.key is not None and n.key.startswith("other.")}


def section_items(node: Node) -> tuple[str, ...]:
    """A generic section's items (numbered items with what is under them, bullets, paragraphs),
    without their numbers: a renumbered item is the same item."""
    out = []
    for child in node.children:
        if child.kind is NodeKind.SECTION:
            continue
        text = " ".join(n.text for n in child.walk() if n.text)
        if text:
            out.append(text)
    return tuple(out)


def section_texts(doc: JobDescription) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The text of known sections that no field or duty holds (a clause of the general part, a note
    under the requirements), by '<section>.text': (the heading as written, the items)."""
    return _section_texts(_section_nodes(doc))


def _section_texts(sections: list[Node]) -> dict[str, tuple[str, tuple[str, ...]]]:
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for section in sections:
        key = section.key or ""
        if key.startswith("other.") or key in ("review", "duties"):
            continue
        items = tuple(
            " ".join(n.text for n in child.walk() if n.text)
            for child in section.children
            if child.key is None
            and child.kind in (NodeKind.ITEM, NodeKind.PARAGRAPH, NodeKind.BULLET)
            and child.text
            and not is_table_header(child.text)
            and not is_list_intro(child.text)
        )
        if items:
            out[f"{key}.text"] = (section.label or key, items)
    return out


def _annex_list(old: OrderRef, new: OrderRef, paired: Collection[tuple[str | None, str | None]]) -> Iterator[Change]:
    """The orders' lists of approved annexes, item by item as the posts were paired: a paired post's
    item changed if its number or name did; an unpaired post's item is added or removed, never
    'changed' into another post's because their names look alike; the same item on both sides is no change."""
    item = "Lisa {}: {}".format
    olds, news = dict(old.annexes), dict(new.annexes)
    pairs = [(a, b) for a, b in paired if a in olds and b in news]
    paired_old, paired_new = {a for a, _ in pairs}, {b for _, b in pairs}
    left_old = [item(a, p) for a, p in old.annexes if a not in paired_old]
    left_new = [item(b, p) for b, p in new.annexes if b not in paired_new]
    by_new = {b: a for a, b in pairs}
    for b, post in new.annexes:
        if b in by_new:
            yield from _scalar("order.annexes", item(by_new[b], olds[by_new[b]]), item(b, post))
        elif item(b, post) not in left_old:
            yield _change("order.annexes", ChangeKind.ADDED, None, item(b, post))
    for text in left_old:
        if text not in left_new:
            yield _change("order.annexes", ChangeKind.REMOVED, text, None)


def compare_orders(
    old: OrderRef | None, new: OrderRef | None, paired: Collection[tuple[str | None, str | None]] = ()
) -> tuple[Change, ...]:
    """What changed in the orders' own bodies: title, approved annexes (by the posts' pairing, `paired`
    as (old annex, new annex)), repeals, entry into force."""
    if old is None or new is None or not (old.title or old.annexes) or not (new.title or new.annexes):
        return ()
    changes: list[Change] = []
    changes += _scalar("order.title", old.title, new.title)
    changes += _annex_list(old, new, paired)
    changes += _items("order.repeals", old.repeals, new.repeals)
    changes += _scalar("order.effective", old.effective, new.effective)
    return tuple(changes)


def _own_label(change: Change, old: JobDescription, new: JobDescription) -> Change:
    """The change with the field's label as the documents write it (the new one's first)."""
    label = new.own_label(change.path) or old.own_label(change.path)
    return replace(change, own_label=label) if label else change


def compare(old: JobDescription, new: JobDescription) -> Comparison:
    """Every semantic change from old to new, general part first, in document order."""
    go, gn = old.general, new.general
    changes: list[Change] = []
    for key in ("position", "unit", "supervisor"):
        path = f"general.{key}"
        changes += _scalar(
            path, getattr(go, key), getattr(gn, key), Impact.HIGH if path in _HIGH_SCALARS else Impact.NORMAL
        )
    for key in ("subordinates", "substitutes_for", "substituted_by"):
        changes += _items(f"general.{key}", getattr(go, key), getattr(gn, key))
    for key in ("goal", "group", "special_conditions"):
        path = f"general.{key}"
        changes += _scalar(
            path, getattr(go, key), getattr(gn, key), Impact.HIGH if path in _HIGH_SCALARS else Impact.NORMAL
        )
    steps = [Step.of(_own_label(c, old, new)) for c in changes]
    steps += _duty_steps(old.duties, new.duties, lambda: unnumbered_duties(old) and unnumbered_duties(new))
    changes = []
    ro, rn = old.requirements, new.requirements
    changes += _scalar(
        "requirements.education", ro.education, rn.education, Impact.HIGH if not ro.education else Impact.NORMAL
    )
    changes += _scalar("requirements.experience", ro.experience, rn.experience)
    changes += _years(ro.experience_years, rn.experience_years)
    changes += _languages(ro.language_map, rn.language_map)
    changes += _scalar("requirements.knowledge", ro.knowledge, rn.knowledge)
    changes += _scalar("requirements.qualities", ro.qualities, rn.qualities)
    extra_old, extra_new = dict(ro.extra), dict(rn.extra)
    for slug in dict.fromkeys([*extra_old, *extra_new]):
        changes += _scalar(f"requirements.{slug}", extra_old.get(slug), extra_new.get(slug))
    changes = [_own_label(c, old, new) for c in changes]
    changes += _items("rights", old.rights, new.rights, whole_section=True)
    changes += _items("responsibilities", old.responsibilities, new.responsibilities, whole_section=True)
    changes += _items("competencies", old.competencies, new.competencies, whole_section=True)
    changes += _scalar("review", old.review, new.review)
    nodes_old, nodes_new = _section_nodes(old), _section_nodes(new)
    sections_old, sections_new = _generic_sections(nodes_old), _generic_sections(nodes_new)
    for key in dict.fromkeys([*sections_old, *sections_new]):
        a, b = sections_old.get(key), sections_new.get(key)
        label = (b or a).label or ""  # type: ignore[union-attr]  # one of them is there
        items_a = section_items(a) if a else ()
        items_b = section_items(b) if b else ()
        changes += (replace(c, heading=label) for c in _items(key, items_a, items_b, whole_section=True))
    text_old, text_new = _section_texts(nodes_old), _section_texts(nodes_new)
    for key in dict.fromkeys([*text_old, *text_new]):
        a_label, items_a = text_old.get(key, ("", ()))
        b_label, items_b = text_new.get(key, ("", ()))
        changes += (replace(c, heading=b_label or a_label) for c in _items(key, items_a, items_b))
    other_old, other_new = dict(old.other), dict(new.other)
    for slug in dict.fromkeys([*other_old, *other_new]):
        if f"other.{slug}" not in sections_old and f"other.{slug}" not in sections_new:
            changes += (
                _own_label(c, old, new) for c in _scalar(f"other.{slug}", other_old.get(slug), other_new.get(slug))
            )
    steps += (Step.of(c) for c in changes)
    return Comparison(
        old=old,
        new=new,
        similarity=document_similarity(old, new),
        changes=tuple(c for step in steps for c in step.changes),
        alignment=group_by_section(steps),
    )
