"""Lines as the structure reader sees them: text without bullets, the verbatim line, its number, its
origin, and whether a blank line stood before it. Signatures and page numbers are set aside here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import field
from functools import lru_cache

from ajdiff.read.memo import MEMO_CHARS
from ajdiff.read.orders import RawDocument
from ajdiff.read.vocabulary import heading_key, heading_prefix, is_signature, match_label
from ajdiff.records import dataclass, maker
from ajdiff.text import BULLET_LETTERS, dehyphenate_inline, ends_sentence, fold, strip_bullet
from ajdiff.tree import Origin, line_origins

# "3.1." "3.1" "3.1.1" "2." "2)" — and the text after it.
_DECIMAL = re.compile(r"^(\d{1,3}(?:[.,]\d{1,3}){0,3})([.,)]?)(?:\s+|$)(.*)$")
_LETTER = re.compile(r"^([a-zõäöü])\)\s+(.+)$")
_ROMAN = re.compile(r"^(X{0,1}(?:IX|IV|V?I{1,3}|V|X))[.)]?\s+(\S.*)$")
_BARE_NUMBER = re.compile(r"^(\d{1,2})\s*[.,]$")
_PAGE_MARK = re.compile(r"^(?:\d{1,3}(?:\s*\(\d{1,3}\))?|(?:lk\.?\s*)?\d{1,3}\s*/\s*\d{1,3}|-\s*\d{1,3}\s*-)$", re.I)
_DANGLING_LABEL_NUMBER = re.compile(r"^\d[.,]\d\.?\s.*\s\d[.,]\d\.?(?:\s+[A-ZÕÄÖÜ]\w*)?$")
_ROMAN_FIRSTS = "IVX"  # what a roman numeral starts with
_PAGE_MARK_FIRSTS = "-lL"  # what a page mark starts with but a digit ('- 2 -', 'lk 2/3'): the pattern is case-blind
_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


@dataclass(frozen=True, slots=True)  # one per numbered line read
class Numbering:
    """The number a line starts with."""

    number: str
    """Normalised: '3.1', '2', 'a', 'IV'."""
    depth: int
    """1 for '3.', 2 for '3.1', 3 for '3.1.1'; 0 for '1)' and 'a)', whose depth is the list's."""
    style: str
    """'decimal', 'paren' ('1)'), 'letter' ('a)') or 'roman'."""
    rest: str
    """The line's text after the number."""
    parts: tuple[int, ...] = field(default=(), compare=False, repr=False)
    """The decimal parts (3, 1), or () for letters and roman numerals: made with the number, whose parts are
    asked of every item as the lines are read (a cached property's first look cost a lock)."""

    @property
    def following(self) -> str:
        """The next decimal number at this depth ('3.2' after '3.1'); only for decimal numbers."""
        return _following(self.number)


@dataclass(frozen=True, slots=True)  # one per line of every document read: made and dropped by the thousand
class Line:
    """One non-blank line of a document."""

    text: str
    """Normalised text, without a bullet glyph; the number stays (see `num`)."""
    verbatim: str
    """The line as the source has it."""
    origin: Origin
    blank_before: bool = False
    bullet: bool = False
    num: Numbering | None = None
    printable: bool = False
    """True where `text` is known printable (`RawDocument.printable`: its every line is, and so any text made of
    them); False where that is not known, and a reader that needs it asks."""

    @property
    def body(self) -> str:
        """The text after the number (the whole text when unnumbered)."""
        return self.num.rest if self.num else self.text


make_line = maker(Line)
"""`Line(text, …)`, made at half its cost (`records.maker`): one per line of every document read."""
make_numbering = maker(Numbering)
"""`Numbering(number, …)`, made at half its cost (`records.maker`): one per numbered line read."""


def numbering(text: str) -> Numbering | None:
    """The number a line starts with, if it is one (a date or an amount is not)."""
    # Asked of every line, nearly all of which start with a word: refused unless it starts as one of the
    # patterns needs, a digit, 'a)' or a roman numeral's letter (str.isdigit is wider than \d: a prefilter
    # may let more through, never less).
    first = text[:1]
    if not (first.isdigit() or (first and first in _ROMAN_FIRSTS) or text[1:2] == ")"):
        return None
    m = _DECIMAL.match(text)
    if m:
        raw, punct, rest = m.groups()
        if punct == ")" and raw.isdigit():
            return make_numbering(raw, 0, "paren", rest)
        number, values = _decimal(raw)
        if len(values) == 1:
            # "2025 aastal", "30 päeva": a bare number without a point starts no item, unless a heading follows.
            if not punct and not (rest and heading_prefix(rest)):
                return None
            if values[0] > 99:
                return None
        return make_numbering(number, len(values), "decimal", rest, values)
    m = _LETTER.match(text)
    if m:
        return make_numbering(m.group(1), 0, "letter", m.group(2))
    m = _ROMAN.match(text)
    if m and m.group(1) in _ROMAN_VALUES and m.group(2)[:1].isupper():
        return make_numbering(m.group(1), 1, "roman", m.group(2))
    return None


@lru_cache(maxsize=1024)  # asked of every item and of each line going on from one: the numbers are a few hundred
def _following(number: str) -> str:
    """`Numbering.following` of a decimal number."""
    head, point, last = number.rpartition(".")  # the number is normalised: its parts as `parts` writes them
    return f"{head}{point}{int(last) + 1}"


@lru_cache(maxsize=1024)  # the numbers of a batch's items are a few hundred, met in every document
def _decimal(raw: str) -> tuple[str, tuple[int, ...]]:
    """A decimal number as written ('03,1', its parts of at most three digits each: `_DECIMAL`), normalised ('3.1')
    and its parts (3, 1)."""
    values = tuple(map(int, raw.replace(",", ".").split(".")))  # re.split(r"[.,]", raw) without the pattern's look-up
    return ".".join(map(str, values)), values


def prepare(raw: RawDocument) -> tuple[list[Line], list[tuple[str, str]], list[int], bytes]:
    """The document's lines, with signatures and page numbers set aside as metadata, where the lines that may open
    a section stand among them (`may_open_section`), and which may be a label or a heading alone (`may_be_bare`, a
    byte a line: 1 where it may)."""
    out: list[Line] = []
    metadata: list[tuple[str, str]] = []
    opening: list[int] = []  # told by a plain line's facts, as the lines are made: most lines open none
    bare: list[bool] = []  # told by the facts too: asked of every line afterwards, it cost 1,300 instructions a line
    lines = list(raw.lines)
    origins = [*raw.origins, *line_origins(len(raw.origins) + 1, len(raw.lines) + 1)]
    blank = False
    i = 0
    signing = False
    last_item: Numbering | None = None  # the numbered item the following lines may continue
    last_top = 0  # the first part of the last decimal number ('3' of '3.', '3.2')
    last_num: Numbering | None = None  # the last decimal number, which a number glued to its word may follow
    signs, printable = raw.signs, raw.printable
    while i < len(lines):
        text = lines[i]
        origin = origins[i]  # the lines' own, each (inserted lines get theirs too)
        i += 1
        if not text:
            blank = True
            continue
        # The line's facts, remembered (most lines are met again in the other version); `short_text_memo`'s test inline.
        signature, read_body, read_bullet, read_num, read_point, plain, goes_on, special, opens, read_bare = (
            _facts(text, signs) if len(text) <= MEMO_CHARS else _line_facts(text, signs)
        )
        if plain and not signing and not (goes_on and last_item is not None):
            # Most lines: nothing below applies to them (`_line_facts`), and they leave the state as it is.
            if opens:
                opening.append(len(out))
            bare.append(read_bare)
            out.append(make_line(read_body, text, origin, blank, read_bullet, None, printable))
            blank = False
            continue
        read = verbatim = text  # the line as read, whose facts those are, and as written
        if signature:
            signing = True
        if signing:
            # A signature block runs to the next heading (an order's body may precede its annex).
            num = numbering(text)
            if not (num and num.depth == 1 and heading_key(num.rest)) and fold(text) != "ametijuhend":
                metadata.append(("signature", text))
                continue
            signing = False
        # What only a line starting with a digit or as a page mark can be is asked of the lines `_special` lets
        # through, told with the line's facts (nearly every item, '2.1. Infovahetuse …', is none of them).
        if special and text[0].isdigit():
            split = _next_filled(lines, i) if len(text) <= 2 and text.isdigit() else len(lines)
            if split < len(lines) and re.match(r"^\.\d{1,2}\s", lines[split]):
                # A number split over two lines ("4" / ".2 vastutab …"), blank lines between when a PDF's
                # text layer spaces its lines: one numbered line.
                verbatim = f"{text}\n{lines[split]}"
                text = text + lines[split]
                i = split + 1
            elif _may_be_page_mark(text) and _PAGE_MARK.match(text):
                metadata.append(("page", text))
                continue
            if _may_be_bare_number(text) and _BARE_NUMBER.match(text):
                # "2." on its own line, its heading on the next: one heading line.
                j = i
                while j < len(lines) and not lines[j]:
                    j += 1
                if j < len(lines) and (heading_key(lines[j]) or (_caps(lines[j]) and heading_prefix(lines[j]))):
                    verbatim = f"{text}\n{lines[j]}"
                    text = f"{text.rstrip('.,')}. {lines[j]}"
                    i = j + 1
            dangling = _may_end_in_label_number(text) and _DANGLING_LABEL_NUMBER.match(text)
            j = _next_filled(lines, i) if dangling else len(lines)
            if j < len(lines) and _completes_label_row(text, lines[j]):
                # A row of labels wrapped after a number ("1.3 Vahetu juht 1.4 Kes asendab 1.5" / "Keda asendab").
                verbatim = f"{verbatim}\n{lines[j]}"
                text = f"{text} {lines[j]}"
                i = j + 1
        elif special and text[0] in _PAGE_MARK_FIRSTS and _PAGE_MARK.match(text):
            metadata.append(("page", text))
            continue
        if text is read:
            body, bullet, num = read_body, read_bullet, read_num
        else:  # joined with the next line above: facts of its own
            _, body, bullet, num, *_ = _line_facts(text, signs)
        if num is None and body[:1].isdigit():  # every number asked below starts with a digit: most lines don't
            if last_item is not None:
                num = _successor(body, last_item)
            if num is None and last_num is not None and (glued_num := _glued_successor(body, last_num)):
                num, body = glued_num, f"{glued_num.number}. {glued_num.rest}"  # "4.töötab …" after "3. allub …"
        if num is not None:
            # In a text file not taken for a page's lines, only a line as long as a wrapped one ends unfinished
            # by its width: a short value ('Nõustaja') above a section number is a field's end.
            cut_by_width = bool(out) and (raw.wrapped or len(out[-1].text) >= _HARD_WRAP_MIN)
            if cut_by_width and _wrapped_number(num, out[-1].text, last_top):
                num = None  # "… õppetunde nädalas" / "24. Õppetundidest …": a page or a text file cut before a number
        if num and num.depth == 1 and i < len(lines):
            # A heading wrapped before a lowercase word ("3. Teenistuskoha" / "täitjale esitatavad nõuded").
            j = _next_filled(lines, i)
            if j < len(lines) and (_wrapped_heading(num.rest, lines[j]) or _wrapped_caps(num.rest, lines[j])):
                verbatim = f"{verbatim}\n{lines[j]}"
                body = f"{body} {lines[j]}"
                num = numbering(body)
                i = j + 1
        # In wrapped lines the next number may end the line, its item going on below in lowercase; a text
        # file's hard-wrapped lines too, with no blank line or trailing space that says "a page" (AKI).
        # The next line is looked up only when a number may be glued (to a line, or at its end).
        if num:
            glued = _glued_item(body, num, lines, i)
        elif last_item is not None and not bullet and body[:1].islower():
            # A wrapped item's later line may hold the next item's start ("regulatsioone 3.2. osaleb …").
            glued = _glued_item(body, last_item, lines, i, own_number=False)
        else:
            glued = None
        if glued is None and (read_point if body is read_body else _number_before_point(body)):
            top = num.parts[0] if num is not None and num.style == "decimal" else last_top
            j = _next_filled(lines, i)
            glued = _glued_heading(body, top, lines[j] if j < len(lines) else "")
        if glued is not None and verbatim.endswith(body[glued:]):
            # "3.1. nõustab … 3.2. osaleb …": items run together on one line are read one by one.
            rest = body[glued:]
            lines.insert(i, rest)
            origins.insert(i, origin)
            verbatim = verbatim[: len(verbatim) - len(rest)].rstrip()
            body = body[:glued].rstrip()
            num = numbering(body)
        if opens if body is read_body and num is read_num else may_open_section(body, num):
            opening.append(len(out))  # told by the line's facts unless the steps above made it another
        bare.append(read_bare if body is read_body else may_be_bare(body, bullet))  # the bullet goes with the body
        out.append(make_line(body, verbatim, origin, blank, bullet, num, printable))
        if num is not None:
            last_item = num if num.style == "decimal" and num.depth >= 2 else None
            if num.style == "decimal":
                last_top = num.parts[0]
                last_num = num
        blank = False
    return out, metadata, opening, bytes(bare)


def may_open_section(text: str, num: Numbering | None) -> bool:
    """Whether a line may open a section, the others going to the one above it (`structure._sections` looks at these
    alone): the review's sentence ('Ametijuhend …'), a top-level number, or an unnumbered line with something to trim
    off an end or short, a capital first and no full stop last. Most lines are a sentence's end or an item."""
    if num is not None:
        return num.depth == 1  # a numbered line starts with its number, never with the review's word
    first = text[:1]
    # Only 'A' and 'a' lowercase to a text starting with 'a': other lines are not sliced and lowered.
    if first in ("A", "a") and text[:11].lower() == "ametijuhend":
        return True
    last = text[-1:]
    if last == ".":
        return False
    return last == ":" or last.isspace() or first.isspace() or (len(text) <= HEADING_CHARS and first.isupper())


HEADING_CHARS = 90
"""The longest heading: a longer line is a sentence."""


def may_be_bare(text: str, bullet: bool) -> bool:
    """What a label or a heading alone on its line is at least, asked before the vocabulary (most lines fail it):
    short, no bullet, a capital or a number first, no sentence's or list's end last."""
    return (
        len(text) <= BARE_CHARS
        and not bullet
        and (text[:1].isupper() or text[:1].isdigit())
        and not text.endswith((".", ";", ","))
    )


BARE_CHARS = 60
"""The longest label or heading alone on its line: longer lines are not asked."""


_ASKED_LETTERS = frozenset(BULLET_LETTERS + _ROMAN_FIRSTS + _PAGE_MARK_FIRSTS)
"""The letters a bullet, a roman numeral or a page mark may start with (and '-')."""
_WORD_LETTERS = frozenset(BULLET_LETTERS + _ROMAN_FIRSTS)
"""Of those, the letters that start a word where a lowercase letter follows: a bullet ('e') is followed by a space, a
roman numeral by another, a point, a bracket or a space (a page mark's 'lk' is asked as it was)."""


def _line_facts(
    text: str, signs: bool = True
) -> tuple[bool, str, bool, Numbering | None, bool, bool, bool, bool, bool, bool]:
    """What `prepare` asks of a line's text alone: whether it is a signature, its body (the text without its
    bullet, inline hyphenation undone), whether it had a bullet, its number, `_number_before_point` of the body;
    whether the line is plain (none of these, and neither it nor its body starts with a digit or as a page mark
    may), whether it goes on from a line above (no bullet, its body in lowercase first), `_special` of it, and
    whether the line may open a section (`may_open_section` of its body and number), and whether it may be a label or
    a heading alone (`may_be_bare` of its body and bullet).
    `signs` False: the line is none of a signature's (`RawDocument.signs`), and is not asked."""
    first = text[:1]
    second = text[1:2]
    if first.isalpha() and (
        second != ")" if first not in _ASKED_LETTERS else first in _WORD_LETTERS and second.islower()
    ):
        # Most lines start with a word: no bullet, number ('a)' aside) or page mark starts so, nor a bullet's or a roman
        # numeral's letter followed by a lowercase one ('Vahetu juht'), and undoing a hyphen keeps a line's first two
        # characters. Only the signature and a number before a point are asked, where the steps below cost a miss of
        # the memo a third more (tests/read/test_fast_paths.py holds the two alike).
        body = dehyphenate_inline(text) if "-" in text and "- " in text else text  # a hyphen by memchr first
        signature, point = signs and is_signature(text), _POINTED_NUMBER.search(body) is not None
        # `may_open_section(body, None)` and `may_be_bare(body, False)` spelt out for a line starting with a letter (no
        # space or digit first), a call of each costing these lines a sixth more.
        last, upper = body[-1:], first.isupper()
        opens = (last != "." and (last == ":" or last.isspace() or (len(body) <= HEADING_CHARS and upper))) or (
            first in "Aa" and body[:11].lower() == "ametijuhend"
        )
        bare = upper and len(body) <= BARE_CHARS and last not in (".", ";", ",")
        return signature, body, False, None, point, not (signature or point), first.islower(), False, opens, bare
    # No bullet starts with a digit (`strip_bullet`'s first test): nearly every other line asked here is an item.
    body, bullet = (text, False) if first.isdigit() else strip_bullet(text)
    if "- " in body:  # what dehyphenate_inline undoes at least
        body = dehyphenate_inline(body)
    signature, num, point = signs and is_signature(text), numbering(body), _POINTED_NUMBER.search(body) is not None
    plain = not (signature or num or point or first.isdigit() or first in _PAGE_MARK_FIRSTS or body[:1].isdigit())
    goes_on, opens = not bullet and body[:1].islower(), may_open_section(body, num)
    return signature, body, bullet, num, point, plain, goes_on, _special(text), opens, may_be_bare(body, bullet)


def _special(text: str) -> bool:
    """Whether one of `prepare`'s steps for a line starting with a digit or as a page mark may take the line: a
    number of one or two digits alone (its item's text on a later line), a page mark, a number and its point alone
    (a heading's on the next line), or a row of labels ending in a number ('1.3 Vahetu juht 1.4')."""
    first = text[:1]
    if first.isdigit():
        return bool(
            (len(text) <= 2 and text.isdigit())
            or (_may_be_page_mark(text) and _PAGE_MARK.match(text))
            or (_may_be_bare_number(text) and _BARE_NUMBER.match(text))
            or (_may_end_in_label_number(text) and _DANGLING_LABEL_NUMBER.match(text))
        )
    return first in _PAGE_MARK_FIRSTS and _PAGE_MARK.match(text) is not None


_facts = lru_cache(maxsize=4096)(_line_facts)
"""`_line_facts` remembered: two versions of a document (a pair, a file and its namesake in a batch) share most
of their lines, and an order's annexes their headings and labels; the second is answered from the first. Asked of
short lines alone (`prepare` tests their length, as `short_text_memo` would in a call of its own, a frame a line).
A line is kept with whether its document may sign (`signs`): its facts are the same either way where it is no
signature, and where it is one its document holds a signature's word."""


# The patterns a line starting with a digit is asked, each after a test of the few characters it needs: nearly every
# such line is an item ('2.1. Infovahetuse …'), which each pattern stepped through to its end (a fifth of a batch
# pair's reading of lines). A test may let more through than its pattern takes, never less (`$` takes a final
# line break too; str.isdigit is wider than \d, str.isspace is \s).


def _may_be_page_mark(text: str) -> bool:
    """What `_PAGE_MARK` needs of a line starting with a digit: a digit or ')' last."""
    last = text[-1:]
    return last.isdigit() or last in (")", "\n")


def _may_be_bare_number(text: str) -> bool:
    """What `_BARE_NUMBER` needs: a point or a comma last, and only space between it and the first two characters."""
    last = text[-1:]
    # The third character first: an item ending in a point ('2.1. Osaleb …') is refused there, where the slice and
    # strip of its whole text cost it 1,500 instructions.
    return last == "\n" or (last in (".", ",") and (len(text) <= 3 or (text[2].isspace() and not text[2:-1].strip())))


def _may_end_in_label_number(text: str) -> bool:
    """What `_DANGLING_LABEL_NUMBER` needs: a number such as '1.2' first and as one of the last two words, the line
    ending with that number or the word after it."""
    if text[1:2] not in (".", ",") or not text[2:3].isdigit():
        return False
    # The pattern's match ends with the number ('1.5', '1.5.') or with the word after it (\w: str.isalnum or '_'): most
    # items ('2.1. Osaleb … töös.') end in a point after a letter, refused here before their words are split.
    last = text[-1]
    if not (last.isalnum() or last in ("_", "\n") or (last == "." and text[-2].isdigit())):
        return False
    # A loop, not any(…): the generator's frame cost each item line 1,450 instructions, a third of the test.
    for word in text.rsplit(None, 2)[-2:]:  # noqa: SIM110
        if len(word) in (3, 4) and word[0].isdigit():
            return True
    return False


_HARD_WRAP_MIN = 35  # characters: a line this long in a text file may be one its width cut (pages are 40-100)
_PAGE_WIDTH_MAX = 130  # characters: a wider line is a paragraph typed on one line, not a page's line


def page_width(lines: Sequence[str]) -> int:
    """The width a page's wrapped lines were cut at: the widest line, or 0 when a line is wider than a page's
    (a paragraph typed as one line: then the lines say nothing of a page)."""
    width = max((len(line.rstrip()) for line in lines), default=0)
    return width if width <= _PAGE_WIDTH_MAX else 0


def blank_lines_between(above: Line, line: Line) -> int:
    """How many blank lines stand between two lines of a text file (by their line numbers); 0 elsewhere."""
    if above.origin.line is None or line.origin.line is None:
        return 0
    return max(line.origin.line - above.origin.line - len(above.verbatim.splitlines() or [""]), 0)


def cut_by_width(above: Line, line: Line, width: int) -> bool:
    """Whether the page cut the line above because `line`'s first word did not fit on it: then `line` goes on
    the same paragraph, whatever it starts with. A line the word would have fitted on ended by choice."""
    last = above.verbatim.splitlines()[-1].rstrip() if above.verbatim.strip() else ""
    word = line.verbatim.split(maxsplit=1)[0] if line.verbatim.strip() else ""
    return bool(last and word) and len(last) + 1 + len(word) > width


_ENDING_NUMBER = re.compile(r"\s(\d{1,2})\.(?:\s+(\S.*))?$")


def _glued_heading(text: str, top: int, following: str) -> int | None:
    """Where the next section's heading in capitals stands at a line's end ('… üle. 3. PÕHIKOHUSTUSED'),
    or its number alone when the heading is the next line ('… üle. 3.' / 'PÕHIKOHUSTUSED'), or None."""
    m = _ENDING_NUMBER.search(text)
    if m is None or int(m.group(1)) != top + 1:
        return None
    title = m.group(2) or following
    return m.start() + 1 if _caps(title) and heading_prefix(title) else None


_POINTED_NUMBER = re.compile(r"\.(?:(?<=\s\d\.)|(?<=\s\d\d\.))")
r"""What `_ENDING_NUMBER` needs at least, `\s\d{1,2}\.`, written from its point: the search steps from one full stop to
the next in C (a literal first), where a loop of `str.find` looked at each in Python (a pattern starting with `\s`
costs more: it is tried at every character)."""


def _number_before_point(text: str) -> bool:
    """Whether a number of one or two digits after a space stands right before a full stop somewhere (what
    `_ENDING_NUMBER` needs at least; an item's own number at the line's start is not one)."""
    return _POINTED_NUMBER.search(text) is not None


_NUMBER_WORDS = frozenset({"nr", "lk"})  # 'number', 'page': a number follows them in a sentence


def _wrapped_number(num: Numbering, before: str, last_top: int) -> bool:
    """True when a number at a wrapped line's start is the sentence's, not an item's: the line before
    is unfinished and the number ('24.') neither goes on from the last one (3 → 3.1, 4) nor starts one.
    A line ending in a word or in a range's dash ('(01. jaanuar-' / '31. detsember)', Raasiku) is unfinished.
    After a number's abbreviation ('… lepingu lisas nr' / '1) sh:', Pärnu) the number is the one it names."""
    last = before.rsplit(maxsplit=1)[-1:]
    if last and last[0].rstrip(".").lower() in _NUMBER_WORDS:
        return True
    # The number's own tests first: most items go on from the last one, whatever the line above ends with.
    if num.style != "decimal" or num.parts[0] in (last_top, last_top + 1, 1):
        return False
    if ends_sentence(before) or not (before[-1:].isalpha() or before[-1:] in "-–"):
        return False
    # "6. TÖÖVAHENDID" after a gap in the numbering is a section's heading (looked up last: it costs most).
    return not (_caps(num.rest) or heading_prefix(num.rest))


def _successor(text: str, last: Numbering) -> Numbering | None:
    """The item after `last` when its number has grown a fourth digit ('2.1000.' after '2.999.'): on its
    own such a number is refused (a date or an amount), but right after its predecessor it is the next item."""
    if int(last.number.rpartition(".")[2]) < 999:  # asked after every item: its last part alone decides
        return None
    parts = (*last.parts[:-1], last.parts[-1] + 1)
    number = last.following
    m = re.match(rf"{re.escape(number)}[.)]?\s+(\S.*)$", text)
    return Numbering(number, len(parts), "decimal", m.group(1), parts) if m else None


def _glued_successor(text: str, last: Numbering) -> Numbering | None:
    """The item after `last` written without a space after its number ('4.töötab …' after '3. allub …'):
    a number glued to a word is refused on its own ('3.a', a version, an abbreviation), but the next
    number after an item's, followed by a word, numbers its line as a person reads it: the next at its
    depth, or the next section's number or its first item ('6.Kvalifikatsioonin…' after '5.3.', Surju;
    '3.1.Koristajal' after '2.6.' and the heading 'III ÕIGUSED', Raasiku)."""
    parts = last.parts
    for number in dict.fromkeys((last.following, f"{parts[0] + 1}.1", str(parts[0] + 1))):
        if text.startswith(f"{number}.") and text[len(number) + 1 : len(number) + 2].isalpha():
            values = tuple(map(int, number.split(".")))
            return Numbering(number, len(values), "decimal", text[len(number) + 1 :], values)
    return None


def _glued_item(text: str, num: Numbering, lines: list[str], i: int, own_number: bool = True) -> int | None:
    """Where the next item's number ('3.2.' after '3.1.') stands inside a line, or None; also at the line's end
    ('… regulatsioone 3.2.') when the next filled line from `lines[i]` on starts in lowercase ('osaleb …'). The
    line starts with `num` itself, or (not `own_number`) continues that item."""
    if num.style != "decimal" or num.depth < 2:
        return None
    following = num.following
    start = len(num.number) + 1 if own_number else 0
    if text.find(following, start + 1) < 0:
        return None  # the number nowhere after the line's first character (most lines): the next line not looked at
    at = _number_inside(text[start:], following, _next_starts_lower(lines, i))
    if at is None:
        return None
    cut = start + at
    own = match_label(head.rest if (head := numbering(text[:cut].strip())) else text[:cut])
    # "1.1 Ametinimetus 1.2 Struktuuriüksus" is a row of labels, read as one (their values follow).
    return None if own is not None and not own.rest else cut


def _number_inside(text: str, number: str, at_end: bool) -> int | None:
    """Where `number` first stands as an item's number inside `text`: after a space, followed by its
    text ('3.2. osaleb', '3.2 osaleb') or, with `at_end`, ending the line ('3.2.'). A string search: a
    pattern compiled per number cost every line with a number a compile (and a one-pair diff ~100)."""
    k = text.find(number, 1)
    while k != -1:
        after = text[k + len(number) :]
        rest = after[1:] if after[:1] == "." else after
        if text[k - 1].isspace() and (
            (rest[:1].isspace() and rest.strip() != "") or (at_end and after in (".", ".\n"))
        ):
            return k
        k = text.find(number, k + 1)
    return None


def _completes_label_row(row: str, following: str) -> bool:
    """True when the next line ends a row of labels cut after its last number or inside its last label."""
    last = re.split(r"\s\d[.,]\d\.?(?:\s+|$)", row)[-1].strip()
    if len(following.split()) > 3:
        return False
    if not last:
        return match_label(following) is not None
    whole = match_label(last)
    if whole is not None and not whole.rest:
        return False  # "… 1.2 Struktuuriüksus": the row is complete, its values follow
    longer = match_label(f"{last} {following}")
    return longer is not None and not longer.rest


def _next_starts_lower(lines: list[str], i: int) -> bool:
    """Whether the next non-blank line from `i` on starts with a lowercase letter."""
    j = _next_filled(lines, i)
    return j < len(lines) and lines[j][:1].islower()


def _next_filled(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i]:
        i += 1
    return i


_HEADING_CONNECTORS = frozenset({"ja", "ning", "või", "ega"})


def _caps(text: str) -> bool:
    """Whether a text's letters are all capitals, three at least."""
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False  # most texts, at their first small letter: a heading's or a line's rest not looked at
            letters += 1
    return letters >= 3


def _wrapped_caps(title: str, following: str) -> bool:
    """True when a heading in capitals is cut after a connector or a comma, or before a connector, and
    goes on in capitals ("3. NÕUDED HARIDUSELE, TÖÖKOGEMUSELE, TEADMISTELE JA" / "OSKUSTELE", or
    "… TEADMISTELE" / "JA OSKUSTELE")."""
    if not _caps(title) or not _caps(following) or numbering(following) is not None:
        return False
    words = title.split()  # not empty: three letters at least
    cut = words[-1].lower() in _HEADING_CONNECTORS or title.endswith(",")
    return (cut or following.split()[0].lower() in _HEADING_CONNECTORS) and len(following.split()) <= 6


def _wrapped_heading(title: str, following: str) -> bool:
    """True when a numbered line and the lowercase line after it make one known heading, or one cut after
    a connector ('2. Akadeemilise personali kohustused ja' / 'õigused', EELK): a few words, no stop."""
    if not following[:1].islower() or heading_key(title):
        return False
    words = title.split()
    if (
        title[:1].isupper()
        and words[-1].lower() in _HEADING_CONNECTORS
        and len(words) <= 8
        and len(following.split()) <= 3
        and not following.rstrip().endswith((".", ";", ",", ":"))
    ):
        return True
    joined = f"{title} {following}"
    hit = heading_prefix(joined)
    return bool(hit and hit[1] > len(title.split()))
