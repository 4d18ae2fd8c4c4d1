"""Text normalisation and folding shared by the readers, the parser and the comparer."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ajdiff.ascii_table import BLOCKS

# Characters that mean "space" or "nothing" in office and PDF text.
_SPACE_CHARS = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\t\n\r\f\v\x85\u2028\u2029"), " ")
# Invisible format characters (Unicode category Cf of the scripts in use): soft hyphen, zero-width
# characters, byte order mark, and the bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates)
# that make text read differently from what it says ("U+202E 2.12" is not another duty).
_FORMAT_CHARS = "\u00ad\u061c\u180e" + "".join(map(chr, [*range(0x200B, 0x2010), *range(0x202A, 0x202F),
    *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB]))  # fmt: skip
# Other control characters (C0 but tab and breaks, DEL, C1) never belong in a document's text,
# and reach a terminal as commands: dropped, and whole escape sequences with them (below).
_CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]))
_DROP_CHARS = dict.fromkeys(map(ord, _FORMAT_CHARS + _CONTROL_CHARS), None)
# Lone surrogates (a Word symbol 'D800', a broken ToUnicode map) cannot be written as UTF-8: the
# replacement character shows where one was, as in review files.
_SURROGATES = dict.fromkeys(range(0xD800, 0xE000), "\ufffd")
# Bullets of the Symbol and Wingdings fonts, which Word and PDFs store in the private-use area: without
# that font (a redline, a terminal) they are empty boxes. Said with the Unicode character they draw.
_SYMBOL_BULLETS = {0xF0B7: "•", 0xF0A7: "▪", 0xF06E: "■", 0xF076: "❖", 0xF0D8: "➢", 0xF0FC: "✓"}
_TRANSLATE = {**_DROP_CHARS, **_SPACE_CHARS, **_SURROGATES, **_SYMBOL_BULLETS}
# str.translate with a dict is slow on non-ASCII lines (each character it does not find costs a
# LookupError) and almost no line has any of these characters: look for one first.
_SPECIAL_RE = re.compile(
    "[" + re.escape("".join(map(chr, {**_DROP_CHARS, **_SPACE_CHARS, **_SYMBOL_BULLETS}))) + "\ud800-\udfff]"
)
# Terminal escape sequences (ECMA-48): CSI (ESC [ or U+009B) … final byte; OSC/DCS/APC/PM/SOS
# strings (ESC ] … or U+009D …) up to BEL or ST; and any other ESC + one character.
_ESCAPE_RE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)

# Bullet glyphs at line start: Symbol-font private-use bullets (U+F0A7, U+F0B7 …), office
# bullets, dashes, and what OCR makes of them ("=", "»", "e ", "* ").
_BULLET_RE = re.compile(r"^\s*(?:[\uf000-\uf0ff▪•◦‣●○■□►▸➢❖✓·∙–—\-=»*]|e(?=\s+[A-ZÕÄÖÜŠŽ]))\s*")
_BULLET_FIRSTS = frozenset("▪•◦‣●○■□►▸➢❖✓·∙–—-=»*e")
"""What `_BULLET_RE` takes first but whitespace and the private-use bullets (tests/read/test_fast_paths.py)."""
BULLET_LETTERS = "".join(sorted(c for c in _BULLET_FIRSTS if c.isalpha()))
"""The letters a bullet may be ('e', OCR's): `strip_bullet` finds none on a line starting with any other letter."""
_MULTISPACE = re.compile(r" {2,}")

# Conjunctions after a "Tegevus- ja …" style hyphen: the hyphen is real, keep it.
_CONJUNCTIONS = frozenset({"ja", "ning", "voi", "vdi", "v6i", "ega", "kui", "ehk", "kuni", "and", "or"})


def normalize_line(line: str) -> str:
    """One line as the parser wants it: NFC, plain spaces, trimmed; no soft hyphens, invisible
    format characters (bidi controls), control characters or terminal escape sequences."""
    return normalize_composed_line(unicodedata.normalize("NFC", line))


def normalize_lines(text: str) -> tuple[str, ...]:
    """`normalize_line` of each line of a text split on any line ending (CRLF, CR, LF)."""
    return normalize_text_lowered(text)[0]


def normalize_text_lowered(text: str) -> tuple[tuple[str, ...], list[str] | None, bytes | None]:
    """`normalize_lines` of a text; the lines it was split into (composed, untrimmed) when every one is printable,
    else None: a reader then knows that the text holds no control or format character; and those lines joined by
    NULs in Latin-1 with their ASCII letters lowered (`bytes.lower`) where every one is printable and Latin-1,
    else None: what `orders._folded` makes of them."""
    # NFC of the whole text is each line's NFC: a line break composes with nothing, and no mark moves across
    # it (it is a starter), so the breaks are made plain first. A printable line without a double space only
    # needs trimming: no call for it.
    if "\r" in text:  # one scan for the rare text with CR line endings, where the replacements took two
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    latin = _latin1(text)
    lowered = None
    if latin is None:
        text = unicodedata.normalize("NFC", text)
        lines = text.split("\n")
        printable = all(map(str.isprintable, lines))  # every line asked in C, none by a step
    else:
        # A Latin-1 text (most texts in Estonian: õ, ä, ö, ü are in it) is its own NFC (none of its characters
        # combines, tests/read/test_fast_paths.py), and its bytes say what is unprintable in one C pass, where
        # NFC's check and str.isprintable each looked every character up in the Unicode tables (a fifth of
        # reading a text file). The same pass lowers its ASCII letters: the splitter's search text, not made again.
        lines = text.split("\n")
        lowered = latin.translate(_LOWERED)
        printable = _UNPRINTABLE not in lowered
    if printable:  # most texts
        if "  " not in text:
            return tuple(map(str.strip, lines)), lines, lowered
        return tuple(map(normalize_composed_line, lines)), lines, lowered
    normalized = tuple(
        line.strip() if line.isprintable() and "  " not in line else normalize_composed_line(line) for line in lines
    )
    return normalized, None, None


_UNPRINTABLE_LATIN1 = frozenset([*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA1), 0xAD])
"""The Latin-1 characters `str.isprintable` refuses (controls, no-break space, soft hyphen) but the line break."""
_UNPRINTABLE = 0x01  # one of them
_LOWERED = bytes(
    _UNPRINTABLE if byte in _UNPRINTABLE_LATIN1 else byte + 32 if 0x41 <= byte <= 0x5A else byte for byte in range(256)
).replace(b"\n", b"\x00")  # the line break's own entry: no other holds its byte
"""A table of `bytes.translate` that makes those characters `_UNPRINTABLE`, the line break NUL (the splitter's, which
then need not replace them), lowers ASCII's capitals as `bytes.lower` does, and keeps the others: a pass without the
deletions' branch."""


def _latin1(text: str) -> bytes | None:
    """The text's Latin-1 bytes when every character is one (a copy of its characters), else None."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def normalize_composed_line(line: str) -> str:
    """`normalize_line` of a line already in NFC."""
    # Every special character is unprintable, and nearly every line printable: str.isprintable answers
    # in C at a few nanoseconds a character, where the pattern's class costs twenty (a batch's lines).
    if not line.isprintable() and _SPECIAL_RE.search(line):
        if "\x1b" in line or "\x9b" in line or "\x9d" in line:
            line = _ESCAPE_RE.sub("", line)
        line = line.translate(_TRANSLATE)
    return (_MULTISPACE.sub(" ", line) if "  " in line else line).strip()


def strip_bullet(line: str) -> tuple[str, bool]:
    """Remove a leading bullet glyph; say whether there was one."""
    first = line[:1]
    if first not in _BULLET_FIRSTS and not first.isspace() and not "\uf000" <= first <= "\uf0ff":
        return line, False  # nearly every line starts with a word: the pattern's first step, in one look
    return _strip_bullet_by_pattern(line)


def _strip_bullet_by_pattern(line: str) -> tuple[str, bool]:
    """`strip_bullet` by its pattern alone, asked whatever the line's first character."""
    m = _BULLET_RE.match(line)
    if not m or m.end() == 0:
        return line, False
    rest = line[m.end() :]
    # "-" alone is the civil-service layout's "none", and "-juhised" is a word: not bullets.
    if not rest or (line.lstrip()[0] == "-" and not line.lstrip()[1:2].isspace()):
        return line, False
    return rest, True


class _AsciiTable(dict[int, str]):
    """str.translate table that asks unidecode once per character and remembers the answer."""

    def __missing__(self, code: int) -> str:
        # Imported here: the table starts with unidecode's answers for the blocks of Estonian text, so most
        # documents never need it (nor the `typing` it imports: together a fifth of a one-pair diff's imports).
        from unidecode import unidecode

        value = self[code] = unidecode(chr(code))
        return value


_ASCII_BLOCKS = {start + k: ascii for start, chars in BLOCKS for k, ascii in enumerate(chars)}
"""unidecode's answers for the blocks of Estonian text: what a fresh process's table starts with."""
_ASCII = _AsciiTable(_ASCII_BLOCKS)


_NON_ASCII_RUNS = re.compile(r"([^\x00-\x7f]+)")  # captured: split() keeps the runs, at odd positions

_RUNS: dict[str, str] = {}
"""A short run of non-ASCII characters → its ASCII ('ä' → 'a'): Estonian text has a few hundred of
them a document, nearly all one of a handful ('õ', 'ä', 'ö', 'ü', '–')."""

_RUN_MEMO_CHARS = 3  # longer runs (another script's words) are translated each time: the memo stays small

_LETTERS = tuple((letter, _ASCII_BLOCKS[ord(letter)]) for letter in "öäõüÕÜÄÖ")
"""Estonian's own letters with their ASCII (unidecode's): 96% of the non-ASCII characters of the fixtures' texts."""


def to_ascii(text: str) -> str:
    """unidecode(text), character by character through a memo: the same result, without its per-call loop."""
    # unidecode maps each code point on its own (ASCII to itself), so replacing characters one by one by
    # their answers, in any order, gives the identical string. Estonian's own letters first, each by one
    # `str.replace` (a C scan, where a letter the text lacks costs one `in`): a duty of 1 KB has some 30
    # of them, which the run-by-run loop below took one Python step each for, six times the cost.
    if text.isascii():
        return text
    for letter, ascii_letter in _LETTERS:
        if letter in text:
            text = text.replace(letter, ascii_letter)
    if text.isascii():
        return text
    # The runs of other characters are cut out by one split and looked up whole: a callback per run
    # (re.sub) cost more than the rest.
    parts = _NON_ASCII_RUNS.split(text)
    runs = _RUNS
    for k in range(1, len(parts), 2):
        run = parts[k]
        ascii_run = runs.get(run)
        if ascii_run is None:
            ascii_run = run.translate(_ASCII)
            if len(run) <= _RUN_MEMO_CHARS:
                runs[run] = ascii_run
        parts[k] = ascii_run
    return "".join(parts)


def _is_conjunction(word: str) -> bool:
    return to_ascii(word).lower() in _CONJUNCTIONS


def join_wrapped(left: str, right: str) -> str:
    """Join two wrapped pieces of one sentence, undoing end-of-line hyphenation."""
    if not left:
        return right
    if not right:
        return left
    if left.endswith("-") and len(left) >= 2 and left[-2].isalpha() and right[0].islower():
        first = right.split(" ", 1)[0]
        if not _is_conjunction(first.strip(",.;:")):
            prefix = left[:-1].rsplit(" ", 1)[-1]
            # "e-" + "kirjad" keeps its hyphen; "juurdepääsu-" + "piiranguga" loses it.
            return (left if len(prefix) == 1 else left[:-1]) + right
    return left + " " + right


class ParagraphTooLong(ValueError):
    """A paragraph joined from wrapped lines is longer than a line may be; args[0] is its length."""


def join_all_wrapped(pieces: Iterable[str], limit: int | None = None) -> str:
    """`join_wrapped` over many pieces in linear time: the parts are collected and joined once.

    Joining one piece at a time copies the growing text each time (quadratic: 20,000 lines of
    200 characters took seconds); only the last three characters of the text decide a join.
    With a limit, ParagraphTooLong as soon as the text would pass it, before the rest is held.
    """
    parts: list[str] = []
    tail = ""  # the joined text's last three characters
    length = 0
    for right in pieces:
        if not right:
            continue
        length += len(right) + 1
        if limit is not None and length - 1 > limit:
            raise ParagraphTooLong(length - 1)
        hyphenated = tail.endswith("-") and len(tail) >= 2 and tail[-2].isalpha() and right[0].islower()
        if hyphenated and not _is_conjunction(right.split(" ", 1)[0].strip(",.;:")):
            # "e-" + "kirjad" keeps its hyphen (a one-letter prefix); "juurdepääsu-" + "piiranguga" loses it.
            if len(tail) == 3 and tail[0] != " ":
                parts[-1] = parts[-1][:-1]
                tail = tail[:-1]
            parts.append(right)
            tail = (tail + right)[-3:]
            continue
        if parts:
            parts.append(" ")
        parts.append(right)
        tail = (tail + " " + right)[-3:] if len(parts) > 1 else right[-3:]
    return "".join(parts)


def dehyphenate_inline(text: str) -> str:
    """Undo hyphenation that a PDF flattened into 'pädevus- valdkonda' within one line."""
    # The pattern r"(\w+)- (\w+)"'s matches (tests/read/test_fast_paths.py holds them equal), from the text's "- "
    # found by str.find: the pattern's (\w+) was tried at every
    # character of a line with one ('personali- ja haldusosakonnaga', a line in ten of a register's annexes).
    # Its matches are the same: each "- " between two words, those words whole, a word taken by one match
    # starting no other ('a- b- c': 'b' ends the first).
    at = text.find("- ")
    if at < 0:
        return text
    parts: list[str] = []
    start = free = 0  # free: where a match may start (the last one's end)
    while at >= 0:
        first = at
        while first > free and _is_word_char(text[first - 1]):
            first -= 1
        tail = _WORD_RUN.match(text, at + 2)
        if first < at and tail is not None and (first == 0 or not _is_word_char(text[first - 1])):
            head, end = text[first:at], tail.end()
            parts += (text[start:first], _joined(head, tail.group()) or text[first:end])
            start = free = end
        at = text.find("- ", max(at + 1, free))
    parts.append(text[start:])
    return "".join(parts)


_WORD_RUN = re.compile(r"\w+")


def _is_word_char(char: str) -> bool:
    """Whether a pattern's word class takes the character (what `str.isalnum` says, and '_')."""
    return char.isalnum() or char == "_"


def _joined(head: str, tail: str) -> str | None:
    """A hyphenated word's two halves joined, or None where the hyphen is real ('Tegevus- ja', '2- 3', 'IT- Tugi')."""
    if not tail[0].islower() or _is_conjunction(tail) or head.isdigit():
        return None
    return f"{head}-{tail}" if len(head) == 1 else head + tail


_FOLD_HYPHEN = re.compile(r"(\w)-\s+(\w)")
_HYPHEN_SPACE = re.compile(r"-\s")
_FOLD_WORD = re.compile(r"[a-z0-9]+")
_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NOT_ALNUM = bytes(range(128)).translate(None, _UPPER + _UPPER.lower() + b"0123456789")
_FOLD_ASCII = bytes.maketrans(_UPPER + _NOT_ALNUM, _UPPER.lower() + b" " * len(_NOT_ALNUM))
"""An ASCII character as `fold` keeps it (a table of `bytes.translate`): a capital lowered, a letter or digit as it is,
anything else a space. `str.translate` with its table, a dict, looked up each character the text held in the dict on
every call (some 8,000 instructions for a line of 60 characters, four fifths of its cost), bytes' table is at hand."""


def _fold_latin1_table() -> bytes:
    """`_FOLD_LATIN1`: for a Latin-1 character beyond ASCII, its ASCII (unidecode's) as `fold` keeps it where that is
    one letter or digit, a space where it has none and no hyphen or space (a run of spaces is one to
    `_single_spaced`), else `_NOT_FOLDED` (a letter of two, a character dropped, a hyphen or space that a join of a
    hyphenated word might take)."""
    table = bytearray(_FOLD_ASCII)
    for code in range(128, 256):
        ascii_text = _ASCII_BLOCKS.get(code, "")
        folded = ascii_text.encode("ascii").translate(_FOLD_ASCII)  # every character a space: none alphanumeric
        if len(ascii_text) == 1 and ascii_text.isalnum():
            table[code] = folded[0]
        elif ascii_text and folded.isspace() and "-" not in ascii_text and not any(map(str.isspace, ascii_text)):
            table[code] = 32
        else:
            table[code] = _NOT_FOLDED
    return bytes(table)


_NOT_FOLDED = 0x80  # not ASCII: a table's answer that `fold` looks for (memchr) and that no other answer is
_FOLD_LATIN1 = _fold_latin1_table()
"""`_FOLD_ASCII` of `to_ascii` of a Latin-1 character, in one table: `_NOT_FOLDED` where one byte cannot say it."""


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, diacritic- and punctuation-free words separated by single spaces."""
    # A Latin-1 text (most of Estonian's) through one table of bytes, where `to_ascii`'s replacements and the table of
    # ASCII each took a pass (and the replacements a call a letter): the same where no character needs more than
    # one byte to say (`_NOT_FOLDED`) and no hyphen stands before a space (the join below). Its Latin-1 bytes are
    # its characters' copy; a text beyond Latin-1 loses a character to "ignore", and its length tells.
    latin = text.encode("latin-1", "ignore")
    if len(latin) == len(text) and ("-" not in text or not _HYPHEN_SPACE.search(text)):
        folded = latin.translate(_FOLD_LATIN1)
        if _NOT_FOLDED not in folded:
            return _single_spaced(folded.decode("ascii"))
    return _fold_by_steps(text)


def _fold_by_steps(text: str) -> str:
    """`fold` of any text: through `to_ascii`, the hyphens' joins and the table of ASCII."""
    text = to_ascii(text)
    if text.isascii():  # always (unidecode answers in ASCII), but the steps below rest on it
        # The pattern's words ([a-z0-9]+) of the lowered text, found in C: str.translate of an ASCII text runs
        # through a table of 128, split() then cuts at the spaces. Lowering after the join is lowering before it:
        # \w and \s hold both cases of an ASCII letter.
        if "-" in text and _HYPHEN_SPACE.search(text):  # what the join needs at least: cheaper than trying it
            text = _join_hyphens(text)
        return _single_spaced(text.encode("ascii").translate(_FOLD_ASCII).decode("ascii"))
    return _fold_by_pattern(text)


def _single_spaced(text: str) -> str:
    """`" ".join(text.split())` of a text whose only whitespace is the space: its runs of spaces halved until
    none is left (a C pass each, two or three for a duty), without a string made for every word (a third of `fold`)."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip()


_HYPHEN_RUN = re.compile(r"-\s+")


def _join_hyphens(text: str) -> str:
    """`_FOLD_HYPHEN.sub(r"\1\2", text)` of an ASCII text: each hyphen and the spaces after it dropped between two
    word characters, a word character taken by one join not starting the next ('a- b- c' is 'ab- c')."""
    # The pattern's (\w) first tried at every character of a 1 KB duty; its hyphens are found here by their
    # literal start, and only their neighbours looked at (\w of an ASCII character: a letter, a digit or '_').
    parts: list[str] = []
    start = free = 0  # free: the first place a join's first word character may stand (after the last join's)
    for run in _HYPHEN_RUN.finditer(text):
        at, end = run.span()
        if at > free and end < len(text):
            before, after = text[at - 1], text[end]
            if (before.isalnum() or before == "_") and (after.isalnum() or after == "_"):
                parts.append(text[start:at])
                start, free = end, end + 1
    if not parts:
        return text
    parts.append(text[start:])
    return "".join(parts)


def _fold_by_pattern(text: str) -> str:
    """`fold` of a text already through `to_ascii`, by the patterns alone (lowered, joined, its words found)."""
    text = text.lower()
    if _HYPHEN_SPACE.search(text):
        text = _FOLD_HYPHEN.sub(r"\1\2", text)
    return " ".join(_FOLD_WORD.findall(text))


def fold_key(text: str | None) -> str:
    """The editorial identity of a text: folded and with no spaces at all."""
    return fold(text or "").replace(" ", "")


def same_fold_key(a: str, b: str) -> bool:
    """`fold_key(a) == fold_key(b)`, told apart by the folds' lengths without their spaces where they differ."""
    # Most texts asked are different (a duty reworded): counting a fold's spaces costs a third of removing them.
    folded_a, folded_b = fold(a), fold(b)
    if folded_a == folded_b:
        return True
    if len(folded_a) - folded_a.count(" ") != len(folded_b) - folded_b.count(" "):
        return False
    return folded_a.replace(" ", "") == folded_b.replace(" ", "")


_LATIN1_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"
_LATIN1_LOWER = bytes.maketrans(_LATIN1_UPPER.encode("latin-1"), _LATIN1_UPPER.lower().encode("latin-1"))
"""`str.lower` of Latin-1's letters as a table of bytes: every other Latin-1 character is its own lower case."""


def lower(text: str) -> str:
    """`text.lower()`: a Latin-1 text (Estonian's letters but š and ž) by one C pass over its bytes, a fifth of the
    cost of `str.lower`, which looks up each letter outside ASCII in Unicode's tables."""
    try:
        latin = text.encode("latin-1")
    except UnicodeEncodeError:
        return text.lower()
    return latin.translate(_LATIN1_LOWER).decode("latin-1")


def fold_words(text: str) -> tuple[str, ...]:
    """The folded words of a text."""
    return tuple(fold(text).split())


def fuzzy_equal(a: str, b: str, threshold: float = 0.8) -> bool:
    """True when two short folded strings are alike despite OCR letter swaps."""
    if a == b:
        return True
    if not a or not b or abs(len(a) - len(b)) > max(3, len(a) // 4):
        return False
    # Cheap upper bounds of ratio() first (as SequenceMatcher's quick ratios, same arithmetic):
    # most lines are compared with every heading and label, and almost all fail here.
    total = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) / total < threshold:
        return False
    ca, cb = _char_counts(a), _char_counts(b)
    if 2.0 * sum(min(n, cb.get(ch, 0)) for ch, n in ca.items()) / total < threshold:
        return False
    return alike_in_order(a, b, threshold)


def alike_in_order(a: str, b: str, threshold: float = 0.8) -> bool:
    """The last steps of `fuzzy_equal`, for a caller that has checked its length and letter-count bounds
    itself (the table-header test checks them for all its rows at once)."""
    # ratio() counts letters matched in order, never more than the longest common subsequence: a
    # line of the same letters in another order (a duty's result against a table header) stops here.
    need = _letters_needed(len(a) + len(b), threshold)
    if _common_subsequence(a, b, need) < need:
        return False
    from difflib import SequenceMatcher  # here: nearly every pair stops at a bound above, and difflib costs a start

    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold


def _letters_needed(total: int, threshold: float) -> int:
    """The fewest letters matched for ratio() (2.0 * matched / total) to reach the threshold."""
    need = int(threshold * total / 2)
    while need > 0 and 2.0 * (need - 1) / total >= threshold:
        need -= 1
    while 2.0 * need / total < threshold:
        need += 1
    return need


def _common_subsequence(a: str, b: str, need: int = 0) -> int:
    """The length of the longest common subsequence of two strings, bit-parallel (Hyyrö 2004): one
    pass over `a` with `b`'s letter positions as bits, so about 20 µs for two lines, not len(a)·len(b).

    With `need`, it stops as soon as even the rest of `a` matched letter by letter cannot reach it, and
    returns that bound (below `need`): most lines are far from any header after a third of their letters."""
    positions, full = _letter_bits(b)
    row = full
    m, spare = len(b), len(a) - need  # the letters of `a` that may go unmatched
    for k, ch in enumerate(a, 1):
        match = row & positions.get(ch, 0)
        row = ((row + match) | (row - match)) & full
        if not k & 7 and k - (m - row.bit_count()) > spare:
            return m - row.bit_count() + len(a) - k
    return m - row.bit_count()


def common_subsequences(a: str, rows: tuple[str, ...]) -> list[int]:
    """The longest common subsequence of `a` with each of `rows`, in one bit-parallel pass over `a`: the rows
    side by side in one integer, each in its own bits with a zero bit above it, which takes the carry of
    the row's addition and is cleared after each step (so the rows never mix)."""
    positions, full, spans = _rows_bits(rows)
    row = full
    for ch in a:
        match = row & positions.get(ch, 0)
        row = ((row + match) | (row - match)) & full
    return [m - ((row >> shift) & ((1 << m) - 1)).bit_count() for shift, m in spans]


@lru_cache(maxsize=4096)  # a batch's lines pass the letter counts for ~2,000 sets of rows, many met again
def _rows_bits(rows: tuple[str, ...]) -> tuple[dict[str, int], int, tuple[tuple[int, int], ...]]:
    """`_letter_bits` of several rows side by side, a guard bit between them; each row's (shift, length)."""
    positions: dict[str, int] = {}
    full, shift, spans = 0, 0, []
    for text in rows:
        bits, ones = _letter_bits(text)
        for ch, at in bits.items():
            positions[ch] = positions.get(ch, 0) | at << shift
        full |= ones << shift
        spans.append((shift, len(text)))
        shift += len(text) + 1
    return positions, full, tuple(spans)


def likeness_reached(a: str, b: str, common: int, threshold: float = 0.8) -> bool:
    """With `common` the longest common subsequence of a and b: whether ratio() reaches the threshold
    (the subsequence bounds it: most pairs stop there, before `SequenceMatcher`)."""
    if common < _letters_needed(len(a) + len(b), threshold):
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= threshold


@lru_cache(maxsize=4096)
def _letter_bits(text: str) -> tuple[dict[str, int], int]:
    """Each letter's positions in a text as bits, and all positions: `b` is a header or label, met again and again."""
    positions: dict[str, int] = {}
    for i, ch in enumerate(text):
        positions[ch] = positions.get(ch, 0) | (1 << i)
    return positions, (1 << len(text)) - 1


@lru_cache(maxsize=4096)
def _char_counts(text: str) -> dict[str, int]:
    """Letter counts of a short folded string (a line is compared with many labels in a row)."""
    return dict(Counter(text))


_OCR_SWAPS = str.maketrans({"6": "o", "0": "o", "1": "l", "|": "l", "é": "o", "d": "o"})
_OCR_ASCII = bytes.maketrans(b"601|d", b"oollo")
"""`_OCR_SWAPS` for an ASCII text, its swaps of ASCII characters (a table of `bytes.translate`, see `_FOLD_ASCII`; the
tests hold the two equal)."""
_OCR_SWAP_PAIRS = tuple((chr(code), swap) for code, swap in _OCR_SWAPS.items())


_OCR_LATIN1 = bytes(ord(chr(code).lower().translate(_OCR_SWAPS)) for code in range(256))
"""`str.lower` and then `_OCR_SWAPS` of each Latin-1 character (one character each), as a table of `bytes.translate`."""


def ocr_fold(text: str) -> str:
    """Fold for label matching on OCR text: also maps digits and 'd'/'é' that stand for letters."""
    # A Latin-1 text (most of Estonian's) lowered and swapped by one table over its bytes: str.lower looked each letter
    # beyond ASCII up in Unicode's tables, and the swaps took a scan each. A text beyond Latin-1 loses a character to
    # "ignore", and its length tells.
    latin = text.encode("latin-1", "ignore")
    if len(latin) != len(text):
        return _ocr_fold_by_steps(text)
    return fold(latin.translate(_OCR_LATIN1).replace(b"ii", b"u").decode("latin-1"))


def _ocr_fold_by_steps(text: str) -> str:
    """`ocr_fold` of any text: lowered, its letters swapped, 'ii' read 'u', folded."""
    text = text.lower()
    # An ASCII text through a table of bytes (see `_FOLD_ASCII`); str.translate with a dict goes through an
    # exception for each character of a non-ASCII text it does not map.
    text = text.encode("ascii").translate(_OCR_ASCII).decode("ascii") if text.isascii() else _swap_ocr_letters(text)
    return fold(text.replace("ii", "u"))


def _swap_ocr_letters(text: str) -> str:
    """`text.translate(_OCR_SWAPS)`, one `str.replace` a swap: no swap makes a character another swaps."""
    for char, swap in _OCR_SWAP_PAIRS:
        if char in text:
            text = text.replace(char, swap)
    return text


def slugify(text: str) -> str:
    """A stable ASCII key for an unknown section or requirement: 'valmisolek_lahetusteks'."""
    return "_".join(fold(text).split()[:4]) or "section"


_ENUMERATION_ENDS = frozenset({"jne", "jms", "jm", "jt", "jpt", "vms", "vm"})  # 'and so on', closing a list


def ends_sentence(text: str) -> bool:
    """True when a piece of text ends a sentence (or a list item): after a stop, or after a bracketed list
    closed by 'and so on' ('… telerid, jne )', Viljandi; '… õpilasraamat jms.)', Kehtna)."""
    text = text.rstrip()
    if text.endswith((".", "!", "?", ";", ":")):
        return True
    if not text.endswith(")"):
        return False
    last = text[:-1].rstrip().rstrip(".").rsplit(maxsplit=1)[-1:]
    return bool(last) and last[0].lstrip("(").lower() in _ENUMERATION_ENDS


_CONNECTORS = frozenset({"ja", "ning", "või", "ehk", "sh", "nt", "ega", "kui", "and", "or", "vöi", "v6i"})


def wants_more(text: str) -> bool:
    """True when a piece of text cannot end here: a connector, a comma or an open bracket last."""
    text = text.rstrip()
    if not text or text.endswith((",", "-", "(", "/")) or text.count("(") > text.count(")"):
        return True
    last = text.rsplit(" ", 1)[-1].lower()
    return last in _CONNECTORS


def starts_lower(text: str) -> bool:
    """True when text starts with a lowercase letter (a continuation of a wrapped sentence)."""
    first = text[:1]
    if first.isalpha():  # nearly every text: the loop's first step, without the loop
        return first.islower()
    return _first_letter_lower(text)


def _first_letter_lower(text: str) -> bool:
    """`starts_lower` by a loop over the characters from the first: opening quotes and brackets skipped."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
        if ch in "(\"'„“«":
            continue
        return False
    return False


@lru_cache(maxsize=16)
def _separator_re(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(separators) + "]")


def split_outside_parens(text: str, separators: str = ",;") -> list[str]:
    """Split a list value on separators that are not inside parentheses."""
    # Four C scans, where the set's isdisjoint(text) made and looked up every character of the text.
    if not separators or ("(" not in text and ")" not in text and "[" not in text and "]" not in text):
        # No brackets: every separator splits, as in the loop below, without its per-character cost.
        items: list[str] = _separator_re(separators).split(text) if separators else [text]
    else:
        items = _split_at_depth_zero(text, separators)
    return [item for item in map(clean_item, items) if item]


@lru_cache(maxsize=16)
def _bracket_or_separator_re(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape("()[]" + separators) + "]")


def _split_at_depth_zero(text: str, separators: str) -> list[str]:
    """The text cut at each separator outside brackets, as a loop over its characters would (the tests hold them
    equal), stepping only from one bracket or separator to the next."""
    items: list[str] = []
    start = depth = 0
    for found in _bracket_or_separator_re(separators).finditer(text):
        ch = found.group()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in separators and depth == 0:
            items.append(text[start : found.start()])
            start = found.end()
    items.append(text[start:])
    return items


def clean_item(item: str) -> str:
    """An item of a list, without bullets, separators or a closing full stop."""
    item, _ = strip_bullet(item.strip())
    item = item.strip().rstrip(";,").strip()
    if item.endswith("."):
        item = item[:-1].rstrip()
    return item
