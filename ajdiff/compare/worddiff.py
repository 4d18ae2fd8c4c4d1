"""Inline word diff: diff-match-patch over words, each word encoded as one character.

This is `diff_linesToChars` applied to words instead of lines: a removed word shows as one
removed word, never as scattered letters. A punctuation mark is a token of its own, so a comma added
after a word is the comma added ("Kõrgharidus{+, eelistatud+}"), not the word replaced by the word with
its comma. Only aligned units are diffed, so no timeout is needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from diff_match_patch import diff_match_patch

from ajdiff.changes import Span, SpanOp, make_span

# A run of spaces; a word, with the marks inside it that keep it one word ('Lõuna-Eesti', '2.12', '1,5',
# 'e-kirjad'); or one punctuation mark, so that a word and the mark stuck to it change apart.
_TOKEN = re.compile(r"\s+|\w+(?:[-.,/'’]\w+)*|[^\w\s]")
_OPS = {0: SpanOp.EQUAL, -1: SpanOp.DELETE, 1: SpanOp.INSERT}


def _codes(tokens: list[str]) -> dict[str, str]:
    """One character per distinct token, in order of first appearance."""
    # Private-use plane 15 and up: never collides with text, room for a million words.
    unique = dict.fromkeys(tokens)
    if len(unique) <= _FIRST:  # a unit's few hundred tokens at most: their codes paired in C, not made one by one
        return dict(zip(unique, _first_codes()))
    return {token: chr(0xF0000 + k) if k < 0xFFFD else chr(0x100000 + k - 0xFFFD) for k, token in enumerate(unique)}


_FIRST = 4096
"""Tokens whose codes are made once (`_first_codes`)."""


@cache
def _first_codes() -> tuple[str, ...]:
    """The codes of the first `_FIRST` tokens, in order (made on first use: no command's start pays), each a string
    made once: a code taken from a string would be a new one-character string each time (above Latin-1)."""
    return tuple(map(chr, range(0xF0000, 0xF0000 + _FIRST)))


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # units are small; the result must never depend on the clock
"""The one differ: it keeps no state between calls (its settings only), so one serves every word diff."""


def _one_place(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, Sequence[str]]] | None:
    """diff-match-patch's answer for two different coded texts (`diff_main`, then `diff_cleanupSemantic`), made
    without it where they differ in one place it takes whole: one token replaced (by tokens without it, or tokens
    by one not among them), or tokens added or dropped at the start or the end; None for any other. The same of two
    lists of tokens (a code a token), each diff then the tokens it takes: no codes are made for such texts."""
    # Between the common start and end (which `diff_main` cuts off first), a side of one token that the other lacks,
    # or an empty one, is answered at once by `diff_compute` (the one side deleted, the other inserted), never
    # diffed. The two sides' first tokens differ, and so do their last: the merge that follows moves nothing into
    # the equal start or end, and no cleanup drops or slides an equality (the start has no edit before it, the end
    # none after). Most word diffs of a batch are one word changed: this is a third of their cost. An edit between
    # an equal start and an equal end, which the cleanups may slide, is left to the differ.
    # Told on the token lists, most texts' codes are never made: a third of such a word diff's cost.
    start = _common_length(a, b)
    end = _common_length(a[start:][::-1], b[start:][::-1])
    gone, added = a[start : len(a) - end], b[start : len(b) - end]
    if gone and added:
        if not ((len(gone) == 1 and gone[0] not in added) or (len(added) == 1 and added[0] not in gone)):
            return None
    elif start and end:
        return None
    diffs = [(0, a[:start])] if start else []
    if gone:
        diffs.append((-1, gone))
    if added:
        diffs.append((1, added))
    if end:
        diffs.append((0, a[len(a) - end :]))
    return diffs


def _common_length(a: Sequence[str], b: Sequence[str]) -> int:
    """How many items two sequences start with alike."""
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return length


def _apart(a: str, b: str) -> list[tuple[int, str]] | None:
    """`diff_main`'s answer for two different coded texts that are the same once each side's codes the other lacks
    are taken out (words replaced, put in or dropped in several places, none of them found on the other side);
    None for any other."""
    # What both hold is then their only longest common subsequence: every shortest edit script (diff_main finds one)
    # keeps exactly it, and diff_main's last merge writes each gap between its equal runs as the deletion, then the
    # insertion; no deleted or inserted code is in an equal run, so the merge has no common start or end to move and
    # no edit to slide. Here in one pass, not by the differ's bisection: two thirds of the texts a batch left to the
    # differ (a duty's words replaced in two or three places), at under half the cost, the cleanups included.
    only_old, only_new = set(a).difference(b), set(b).difference(a)
    diffs: list[tuple[int, str]] = []
    i = j = 0
    while True:
        start = i
        while i < len(a) and a[i] in only_old:
            i += 1
        if i > start:
            diffs.append((-1, a[start:i]))
        start = j
        while j < len(b) and b[j] in only_new:
            j += 1
        if j > start:
            diffs.append((1, b[start:j]))
        start = i
        while i < len(a) and j < len(b) and a[i] == b[j]:
            i += 1
            j += 1
        if i > start:
            diffs.append((0, a[start:i]))
        if i == len(a) and j == len(b):
            return diffs
        if (i == len(a) or a[i] not in only_old) and (j == len(b) or b[j] not in only_new):
            return None  # a code both hold out of its place (a word moved, or repeated): the differ decides


def word_spans(old: str, new: str) -> tuple[Span, ...]:
    """Spans ('=', '-', '+') that turn old into new, word by word."""
    if old == new:
        # What diff-match-patch answers for equal texts, without tokenizing them: a duty renumbered keeps its
        # words, and a sixth of a folder's word diffs are of such texts.
        return (make_span(SpanOp.EQUAL, old),) if old else ()
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    diffs: Sequence[tuple[int, Sequence[str]]] | None = _one_place(old_tokens, new_tokens)
    if diffs is None:
        table = _codes(old_tokens + new_tokens)
        a = "".join(map(table.__getitem__, old_tokens))
        b = "".join(map(table.__getitem__, new_tokens))
        diffs = _apart(a, b)
        if diffs is None:
            diffs = _DMP.diff_main(a, b, False)
        _DMP.diff_cleanupSemantic(diffs)
    # A diff's codes are the next ones of OLD (kept or deleted) or of NEW (inserted), one a token: its text is the
    # next as many tokens of that side joined, cut from the token lists rather than decoded code by code.
    spans: list[Span] = []
    at_old = at_new = 0
    for op, chars in diffs:
        if op == 1:
            end = at_new + len(chars)
            text = "".join(new_tokens[at_new:end])
            at_new = end
        else:
            end = at_old + len(chars)
            text = "".join(old_tokens[at_old:end])
            at_old = end
            if op == 0:
                at_new += len(chars)
        if spans and spans[-1].op is _OPS[op]:
            spans[-1] = make_span(_OPS[op], spans[-1].text + text)
        else:
            spans.append(make_span(_OPS[op], text))
    return tuple(spans)
