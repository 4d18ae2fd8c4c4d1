"""Inline word diff: diff-match-patch over words, each word encoded as one character.

This is `diff_linesToChars` applied to words instead of lines: a removed word shows as one
removed word, never as scattered letters. A punctuation mark is a token of its own, so a comma added
after a word is the comma added ("Kõrgharidus{+, eelistatud+}"), not the word replaced by the word with
its comma. Only aligned units are diffed, so no timeout is needed.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from ajdiff.changes import Span, SpanOp

# A run of spaces; a word, with the marks inside it that keep it one word ('Lõuna-Eesti', '2.12', '1,5',
# 'e-kirjad'); or one punctuation mark, so that a word and the mark stuck to it change apart.
_TOKEN = re.compile(r"\s+|\w+(?:[-.,/'’]\w+)*|[^\w\s]")
_OPS = {0: SpanOp.EQUAL, -1: SpanOp.DELETE, 1: SpanOp.INSERT}


def _encode(tokens: list[str], table: dict[str, str], words: list[str]) -> str:
    out = []
    for token in tokens:
        code = table.get(token)
        if code is None:
            # Private-use plane 15 and up: never collides with text, room for a million words.
            code = chr(0xF0000 + len(words)) if len(words) < 0xFFFD else chr(0x100000 + len(words) - 0xFFFD)
            table[token] = code
            words.append(token)
        out.append(code)
    return "".join(out)


def word_spans(old: str, new: str) -> tuple[Span, ...]:
    """Spans ('=', '-', '+') that turn old into new, word by word."""
    table: dict[str, str] = {}
    words: list[str] = []
    a = _encode(_TOKEN.findall(old), table, words)
    b = _encode(_TOKEN.findall(new), table, words)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # units are small; the result must never depend on the clock
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    decode = {code: word for word, code in table.items()}
    spans: list[Span] = []
    for op, chars in diffs:
        text = "".join(decode[c] for c in chars)
        if spans and spans[-1].op is _OPS[op]:
            spans[-1] = Span(_OPS[op], spans[-1].text + text)
        else:
            spans.append(Span(_OPS[op], text))
    return tuple(spans)
