"""Inline word diff: diff-match-patch over words, each word encoded as one character.

This is `diff_linesToChars` applied to words instead of lines: a removed word shows as one
removed word, never as scattered letters. A punctuation mark is a token of its own, so a comma added
after a word is the comma added ("Kõrgharidus{+, eelistatud+}"), not the word replaced by the word with
its comma. Only aligned units are diffed, so no timeout is needed.
"""

from __future__ import annotations

import re
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


def word_spans(old: str, new: str) -> tuple[Span, ...]:
    """Spans ('=', '-', '+') that turn old into new, word by word."""
    if old == new:
        # What diff-match-patch answers for equal texts, without tokenizing them: a duty renumbered keeps its
        # words, and a sixth of a folder's word diffs are of such texts.
        return (make_span(SpanOp.EQUAL, old),) if old else ()
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    table = _codes(old_tokens + new_tokens)
    a = "".join(map(table.__getitem__, old_tokens))
    b = "".join(map(table.__getitem__, new_tokens))
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # units are small; the result must never depend on the clock
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
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
