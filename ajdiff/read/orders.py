"""Splitter: an order with several annexes becomes one raw document per annex, and the order's
own body (number, date, title, approved annexes, repeals, entry into force) becomes an `OrderRef`."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import compress, repeat

from ajdiff.model import OrderRef
from ajdiff.read.formats import SourceText
from ajdiff.read.vocabulary import may_hold_signature
from ajdiff.records import dataclass
from ajdiff.text import fold
from ajdiff.tree import Origin, line_origins

_TABLE_ROW = re.compile(r"^\|(.*)\|$")
_TABLE_RULE = re.compile(r"^\|[\s\-:|]+\|$")
_DATE = r"(\d\d?)\.\s?(\d\d?)\.\s?(\d{4})"  # `\d\d?`, not `\d{1,2}`: a search then steps from digit to digit
_ORDER_REF = re.compile(_DATE + r"\.?\s+(?:a\.\s+)?k[aä]skkir\w*\s+nr\s+([\w\-/.]*\w)", re.IGNORECASE)
_ORDER_NUMBER = re.compile(r"k[aä]skkir\w*\s+nr\.?\s+([\w\-/.]*\w)", re.IGNORECASE)
_ORDER_HEAD = re.compile(r"^" + _DATE + r"\.?\s+nr\.?\s+([\w\-/.]*\w)$", re.IGNORECASE)
_ANNEX = re.compile(r"\blisa\s+(?:nr\.?\s+)?(\d{1,3}[a-z]?)\b", re.IGNORECASE)
# "Lisa 1", "LISA 2.", "Lisa nr 3" alone on a line; or a line that ends in one and names the order.
_ANNEX_ALONE = re.compile(r"^lisa\s+(?:nr\.?\s+)?(\d{1,3}[a-z]?)\s*[.:]?$", re.IGNORECASE)
_ANNEX_AT_END = re.compile(r"\blisa\s+(?:nr\.?\s+)?(\d{1,3}[a-z]?)\s*[.:]?$", re.IGNORECASE)
_HEADER_LOOKAHEAD = 6
_KINNITATUD = re.compile(r"^\W*kinnitatud", re.IGNORECASE)  # a cheap test before folding every line
# "KINNITATUD Sotsiaalkindlustusameti peadirektori 15.11.2024 käskkirjaga …": the official before the date.
_APPROVER = re.compile(
    r"^\W*kinnitatud\W+(.{3,120}?)\s+(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\w+\s+\d{4}\.?\s+(?:a\.\s+)?k[aä]skkir|"
    r"\d{1,2}\.\s+\w+\s+\d{4}|k[aä]skkir)",
    re.IGNORECASE,
)
_APPROVED = re.compile(r"\(\s*lisa\s+(\d{1,3}[a-z]?)\s*\)", re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"(?:^|\s)\d{1,2}\.\d{1,2}\.?\s+")
_LEGAL_BASIS = re.compile(r"\s(?=[A-ZÕÄÖÜ][\w-]*(?:\s+[a-zõäöü\w-]+){0,6}\s+(?:seaduse|määruse|põhimääruse)\b)")


@dataclass(frozen=True)
class RawDocument:
    """The lines of one job description, cut out of its file, with what its header said."""

    source: str
    annex: str | None
    order: OrderRef | None
    lines: tuple[str, ...]
    metadata: tuple[tuple[str, str], ...] = ()
    wrapped: bool = False
    origins: tuple[Origin, ...] = ()
    """Where each line came from, parallel to `lines`."""
    header: tuple[str, ...] = ()
    """The approval block ('KINNITATUD … Lisa 2'), as written."""
    post_from_order: str | None = None
    """The post the order's list names for this annex ('Arendamise osakonna juhataja')."""
    signs: bool = True
    """False when no line can be a signature (`vocabulary.may_hold_signature` of its file's text): most files hold
    none of a signature's words, and a line need not be asked (a third of the cost of a line's facts)."""
    printable: bool = False
    """True where every line is known printable (`SourceText.printable`), and so every text made of them by joins
    with spaces (`lines.Line.printable`); False where that is not known."""


@dataclass(frozen=True)
class _Header:
    """An approval block found in the text: its lines (start, end), its annex and its order."""

    start: int
    end: int
    annex: str | None
    order: OrderRef | None


def _iso(day: str, month: str, year: str) -> str:
    """The ISO date of a `_DATE`'s day, month and year."""
    # Its ASCII digits (nearly always) as written, padded: int() and a number's format cost five times as much.
    date = f"{year}-{month.zfill(2)}-{day.zfill(2)}"
    return date if date.isascii() else f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _whole_rows(lines: list[tuple[str, Origin]]) -> list[tuple[str, Origin]]:
    """The lines with a register table's row cut by a page's wrap made whole again.

    On a narrow page a related-documents row wraps ('| Käskkiri | 23.01.2026 | 4 | 11 | Põhitegevuse
    käskkiri' / '| ska | |', seed 003 on an A5 page): a line that opens a row under another row and does
    not close it, followed by a line that does, is one row. Left cut, its first part was text of the field
    above."""
    out: list[tuple[str, Origin]] = []
    in_table = False
    for line, origin in lines:
        cut = out[-1][0] if out and in_table else ""
        if cut.startswith("|") and not cut.endswith("|") and line.endswith("|"):
            out[-1] = (f"{cut} {line}", out[-1][1])
            continue
        out.append((line, origin))
        in_table = line.startswith("|") and (in_table or line.endswith("|"))
    return out


def _register_tables(lines: list[tuple[str, Origin]]) -> tuple[list[tuple[str, Origin]], list[tuple[str, str]]]:
    """Remove the register's metadata tables ('| Viit | 164 |'); return content lines and metadata."""
    content: list[tuple[str, Origin]] = []
    metadata: list[tuple[str, str]] = []
    header: list[str] | None = None
    for line, origin in _whole_rows(lines):
        m = _TABLE_ROW.match(line)
        if not m:
            header = None
            content.append((line, origin))
            continue
        if _TABLE_RULE.match(line):
            continue
        cells = [c.strip() for c in m.group(1).split("|")]
        if header is None and len(cells) > 2 and fold(cells[0]) == "nimi":
            header = cells  # related-documents table: keep each row as one metadata entry
            continue
        if header is not None:
            metadata.append(("related", " | ".join(c for c in cells if c)))
        elif len(cells) >= 2:
            metadata.append((cells[0], " | ".join(cells[1:]).strip()))
    return content, metadata


def _order_ref(text: str, approved_by: str | None = None) -> OrderRef | None:
    m = _ORDER_REF.search(text)
    if m:
        d, mo, y, nr = m.groups()
        return OrderRef(number=nr, date=_iso(d, mo, y), approved_by=approved_by)
    m = _ORDER_NUMBER.search(text)
    return OrderRef(number=m.group(1), date=None, approved_by=approved_by) if m else None


def _approved(order: OrderRef, block: OrderRef) -> OrderRef:
    """`order` with the date (where it has none) and the official of an annex's approval `block`, the same order:
    `dataclasses.replace`'s, made without its look-up of every field (some 15,000 instructions; every annex pays it)."""
    return OrderRef(
        number=order.number,
        date=order.date or block.date,
        title=order.title,
        annexes=order.annexes,
        repeals=order.repeals,
        effective=order.effective,
        approved_by=block.approved_by,
    )


def _next_filled(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i]:
        i += 1
    return i


def _kinnitatud_block(lines: list[str], start: int) -> _Header | None:
    """An approval block ('KINNITATUD … käskkirjaga nr 164 Lisa 2 / AMETIJUHEND'), over blank lines too."""
    if not _KINNITATUD.match(lines[start]) or not fold(lines[start]).startswith("kinnitatud"):
        return None
    taken: list[int] = []
    i = start
    titled = False
    while i < len(lines) and len(taken) < _HEADER_LOOKAHEAD:
        taken.append(i)
        if fold(lines[i]).endswith("ametijuhend"):
            titled = True
            break
        i = _next_filled(lines, i + 1)
    if not titled:
        # No AMETIJUHEND title: the block ends at the line naming the annex.
        named = [k for k in taken if _ANNEX.search(lines[k])]
        if not named:
            return None  # "… kinnitatud ametijuhendeid rakendatakse …" in an order's body is prose
        taken = [k for k in taken if k <= named[0]]
    annex, order = _block_refs(" ".join(lines[k] for k in taken))
    return _Header(start, taken[-1] + 1, annex, order)


@lru_cache(maxsize=256)  # a file's namesake repeats its approval block: three patterns' searches of it not made again
def _block_refs(text: str) -> tuple[str | None, OrderRef | None]:
    """The annex and the order an approval block's text names (its official with the order)."""
    annex = _ANNEX.search(text)
    official = _APPROVER.match(text)
    return annex.group(1) if annex else None, _order_ref(text, official.group(1).strip(" ,") if official else None)


def _annex_line(lines: list[str], start: int) -> _Header | None:
    """'Lisa 1' alone on a line, or a line that ends in 'lisa 8' and names the order it belongs to."""
    line = lines[start]
    if len(line) > 200:
        return None
    m = _ANNEX_ALONE.match(line)
    if not m:
        m = _ANNEX_AT_END.search(line)
        if not m or "(" in line[m.start() - 2 : m.start()] or not re.search(r"k[aä]skkir", line, re.IGNORECASE):
            return None
    end = start + 1
    order = _order_ref(line)
    # The lines after "Lisa 1" may name the order ("Transpordiameti peadirektori 25.01.2026 käskkirjale nr 1").
    nxt = _next_filled(lines, end)
    if nxt < len(lines) and len(lines[nxt]) <= 200 and _ORDER_NUMBER.search(lines[nxt]):
        order = order or _order_ref(lines[nxt])
        end = nxt + 1
    return _Header(start, end, m.group(1), order)


def _headers(lines: list[str], folded: bytes | None) -> list[_Header]:
    headers: list[_Header] = []
    i = 0
    for k in _may_open(lines, folded):
        if k < i:
            continue  # inside the block found last
        found = _kinnitatud_block(lines, k) if lines[k] else None
        if found is None and "lisa" in lines[k][-16:].lower():
            found = _annex_line(lines, k)
        if found:
            headers.append(found)
            i = found.end
    return headers


def _folded(lines: list[str]) -> bytes | None:
    """The lines joined by NULs as bytes, a byte a character, ASCII letters lowered (others as they are, or '?'):
    what the splitter's words ('kinnitatud', 'lisa', 'ametijuhend') are looked for in, all lines at once. None
    where the text holds İ, ı or K (the Kelvin sign), which its case-blind patterns take for i and k, or where a
    line holds a NUL of its own (a hit's line is told by the NULs before it, `_lines_holding`)."""
    # Joined by NUL, not a newline: none of the patterns' characters (a newline is a space to `\s`).
    text = "\x00".join(lines)
    # A NUL of a line's own is looked for in the lines joined without them: memchr, where counting the joined text's
    # NULs stepped through every character.
    if "\u0130" in text or "\u0131" in text or "\u212a" in text or "\x00" in "".join(lines):
        return None
    return text.encode("latin-1", "replace").lower()


_GLUED_FOLDED = re.compile(rb"ametijuhend[\t-\r\x1c-\x20\x85\xa0?]+[0-9?]")
r"""Where `_GLUED_TITLE` may match in a `_folded` text: its spaces (`\s`) and digits (`\d`) as bytes, any
character beyond Latin-1 ('?') taken for either."""


def _glued(folded: bytes) -> bool:
    """Whether `_GLUED_FOLDED` matches anywhere in a `_folded` text: asked where its word stands only (a search by its
    first letters walks the whole text a byte at a time; `find` skips)."""
    at = folded.find(b"ametijuhend")
    while at >= 0 and not _GLUED_FOLDED.match(folded, at):
        at = folded.find(b"ametijuhend", at + 1)
    return at >= 0


def _may_open(lines: list[str], folded: bytes | None) -> list[int]:
    """The lines that pass the first test of `_kinnitatud_block` or of `_annex_line`, in order; `folded`: the
    lines' `_folded`.

    Asked only of the lines that hold 'kinnitatud' or 'lisa' in ASCII letters of any case: each line's own tests
    (a pattern, a lowered tail) cost some 3,500 instructions, a twentieth of reading a batch's annex, and most
    lines hold neither word. Those tests need one of them: 'lisa' lowered is those letters (no other letter
    lowers to one of them but İ, to 'i' and a combining dot), and the pattern's case-blind 'kinnitatud' takes only
    them and the letters `_folded` leaves to these tests."""
    if folded is None:
        return [k for k, line in enumerate(lines) if _may_open_line(line)]
    return [k for k in _lines_holding(folded, (b"kinnitatud", b"lisa")) if _may_open_line(lines[k])]


def _lines_holding(folded: bytes, words: tuple[bytes, ...]) -> list[int]:
    """The lines (their indices, in order) whose `_folded` text holds any of `words` (lowered ASCII)."""
    hits: list[int] = []
    for word in words:
        at = folded.find(word)
        while at >= 0:
            hits.append(at)
            at = folded.find(word, at + 1)
    found: list[int] = []
    k = start = 0  # the line of the last hit (the NULs before it: a byte a character), and where it was
    for at in sorted(hits):
        k += folded.count(b"\x00", start, at)  # counted from the last hit on: once over the text in all
        start = at
        if not found or found[-1] != k:
            found.append(k)
    return found


def _may_head(lines: list[str], folded: bytes | None) -> list[str]:
    """The lines of a text's first `lines` that `_ORDER_HEAD` may match: those holding 'nr' in ASCII letters of any
    case (its case-blind 'nr' takes no other letter), found in the text's `_folded` (None: all of them). Each line's
    own match costs some 1,300 instructions, and nearly every line lacks the word (~50,000 a file)."""
    if folded is None:
        return lines
    end = len("\x00".join(lines))  # where the last of them ends in `folded`
    return [lines[k] for k in _lines_holding(folded[:end], (b"nr",))]


def _may_open_line(line: str) -> bool:
    """Whether a line passes the first test of `_kinnitatud_block` or of `_annex_line`."""
    return bool(line and _KINNITATUD.match(line)) or "lisa" in line[-16:].lower()


def _order_title(text: str) -> str | None:
    """The order's title: the words after its number, before the legal basis ('… seaduse § 52 …')."""
    head = text.split("§", 1)[0] if "§" in text else text
    m = _LEGAL_BASIS.search(head)
    title = head[: m.start()] if m and "§" in text else head
    point = re.search(r"\s\d{1,2}\.\s+[A-ZÕÄÖÜa-zõäöü]", title)  # the order's first point ("1. Kinnitan …")
    title = title[: point.start()] if point else title
    title = " ".join(title.split()).strip(" .,:")
    return title if 3 <= len(title) <= 300 else None


def parse_order_body(lines: list[str], metadata: list[tuple[str, str]]) -> OrderRef | None:
    """The order's own body: number and date, title, approved annexes with their posts, repeals, effect."""
    number_line = None
    ref: OrderRef | None = None
    for i, line in enumerate(lines[:40]):
        m = _ORDER_HEAD.match(line)
        if m:
            d, mo, y, nr = m.groups()
            ref, number_line = OrderRef(number=nr, date=_iso(d, mo, y)), i
            break
    if ref is None:
        meta = {fold(k): v for k, v in metadata}
        if "viit" in meta:
            m = re.match(_DATE, meta.get("registreeritud", ""))
            ref = OrderRef(number=meta["viit"], date=_iso(*m.groups()) if m else None)
    if ref is None:
        return None
    start = number_line + 1 if number_line is not None else 0
    text = " ".join(body_line for body_line in lines[start:] if body_line)
    text = re.split(r"[(/]\s*allkirjastatud digitaalselt", text, maxsplit=1, flags=re.IGNORECASE)[0]  # the signature
    annexes: list[tuple[str, str]] = []
    for m in _APPROVED.finditer(text):
        before = text[: m.start()]
        cut = max(before.rfind(";"), before.rfind(":"), before.rfind(". "))
        items = list(_ITEM_NUMBER.finditer(before))
        if items and items[-1].end() > cut:
            cut = items[-1].end() - 1
        post = before[cut + 1 :].strip(" ,")
        post = re.sub(r"\s+(?:teenistuskoha\s+|ametikoha\s+)?ametijuhend\w*$", "", post, flags=re.IGNORECASE)
        post = re.sub(r"^(?:\d+\.\s+)?kinnitan\s+", "", post, flags=re.IGNORECASE)
        if post and len(post) <= 150 and m.group(1) not in dict(annexes):
            annexes.append((m.group(1), post))
    sentences = re.split(r"(?<=[.;])\s+(?=(?:\d{1,2}\.\s+)?[A-ZÕÄÖÜ])", text)
    repeals = tuple(s.strip() for s in sentences if "kehtetuks" in s.lower())
    effective = next((s.strip() for s in sentences if "jõustub" in s.lower()), None)
    title_text = " ".join(lines[start : start + 4]) if number_line is not None else ""
    return replace(
        ref,
        title=_order_title(title_text) if title_text else None,
        annexes=tuple(annexes),
        repeals=repeals,
        effective=effective,
    )


def register_rows(source: SourceText) -> frozenset[Origin]:
    """Where the register's metadata tables stand in a text source ('| Viit | 164 |', the related
    documents): the lines `split` reads as metadata, not as the documents' text."""
    lines = [(line, source.origin(k)) for k, line in enumerate(source.lines)]
    content = {origin for _, origin in _register_tables(lines)[0]}
    return frozenset(origin for _, origin in lines if origin not in content)


def _content(source: SourceText) -> tuple[list[str], list[Origin], list[tuple[str, str]], bytes | None]:
    """The source's lines and their origins without the register's tables, each glued title cut from its
    heading (`_unglue`); the format's metadata with the tables'; the lines `_folded`."""
    lines = list(source.lines)
    known = source.origins[: len(lines)]
    origins = [*known, *line_origins(len(known) + 1, len(lines) + 1)]  # as `source.origin(k)`
    metadata = list(source.metadata)
    # A plain text's reader lowered its lines already (a pass as long as `bytes.lower`'s), joined by NULs: that is
    # their `_folded`, as every one is printable Latin-1 (no NUL, no İ, ı or K).
    folded = _folded(lines) if source.lowered is None else source.lowered
    # The passes below change only lines that start so (a table's row with '|', a glued title with 'ametijuhend'):
    # a document without such lines (most) skips them, told by searches of its whole text.
    if (folded is None or b"|" in folded) and any(  # one byte: found as memchr finds it
        map(str.startswith, lines, repeat("|"))
    ):
        content, tables = _register_tables(list(zip(lines, origins)))
        metadata += tables
        lines, origins = [text for text, _ in content], [origin for _, origin in content]
        folded = _folded(lines)
    if (folded is None or _glued(folded)) and any(
        map(_GLUED_TITLE.match, compress(lines, map(str.startswith, lines, repeat(("A", "a")))))
    ):
        content = _unglue(list(zip(lines, origins)))
        lines, origins = [text for text, _ in content], [origin for _, origin in content]
        folded = _folded(lines)
    return lines, origins, metadata, folded


def split(source: SourceText) -> list[RawDocument]:
    """Cut a source into job descriptions: one per annex, or the whole text when it has no annexes."""
    lines, origins, metadata, folded = _content(source)
    headers = _headers(lines, folded)
    signs = folded is None or may_hold_signature(folded)
    meta = tuple(metadata)
    first = headers[0].start if headers else len(lines)
    order = parse_order_body(lines[:first], metadata) if headers else None
    if order is None:
        order = _file_order(lines, metadata, folded)
    if not headers and order is not None and order.annexes:
        # The order lists its annexes, but they carry no "Lisa N": each starts at its "AMETIJUHEND" title
        # (the word itself: the order's own title "Ametijuhendite kinnitamine" starts no annex).
        titles = [k for k, x in enumerate(lines) if k > 0 and fold(x).split(" ", 1)[0] == "ametijuhend"]
        headers = [_Header(k, k, None, None) for k in titles]
    if not any(h.annex for h in headers) and len(headers) <= 1 and not (order and order.annexes and headers):
        # A lone job description: everything but an approval block (and an order's body before it) is content.
        body, body_origins = lines, origins
        header_lines: tuple[str, ...] = ()
        if headers:
            h = headers[0]
            keep = 0 if order is not None and _is_order_body(lines[: h.start]) else h.start
            body = lines[:keep] + lines[h.end :]
            body_origins = origins[:keep] + origins[h.end :]
            header_lines = tuple(x for x in lines[h.start : h.end] if x)
            order = h.order or order
        return [
            RawDocument(
                source.name,
                None,
                order,
                tuple(body),
                meta,
                source.wrapped,
                tuple(body_origins),
                header_lines,
                signs=signs,
                printable=source.printable,
            )
        ]
    posts = dict(order.annexes) if order else {}
    docs = []
    for k, h in enumerate(headers):
        stop = headers[k + 1].start if k + 1 < len(headers) else len(lines)
        # An approval block without a number is numbered by its position among the annexes.
        annex = h.annex or str(k + 1)
        annex_order = order
        if h.order and (order is None or h.order.number != order.number):
            annex_order = h.order
        elif h.order and order:
            annex_order = _approved(order, h.order)
        docs.append(
            RawDocument(
                source.name,
                annex,
                annex_order,
                tuple(lines[h.end : stop]),
                meta,
                source.wrapped,
                tuple(origins[h.end : stop]),
                tuple(x for x in lines[h.start : h.end] if x),
                posts.get(annex),
                signs,
                source.printable,
            )
        )
    return docs


_GLUED_TITLE = re.compile(r"^(ametijuhend)\s+(\d{1,2}\.\s+\S.*)$", re.IGNORECASE)


def _unglue(content: list[tuple[str, Origin]]) -> list[tuple[str, Origin]]:
    """'AMETIJUHEND 1. ÜLDOSA' on one line (a PDF's text layer) is the title and the first heading."""
    out: list[tuple[str, Origin]] = []
    for text, origin in content:
        m = _GLUED_TITLE.match(text) if text[:1] in "Aa" else None
        if m:
            out += [(m.group(1), origin), (m.group(2), origin)]
        else:
            out.append((text, origin))
    return out


def _is_order_body(lines: list[str]) -> bool:
    """True when the lines before an approval block are an order's own text ('KÄSKKIRI', '… nr 57')."""
    return any(fold(x).endswith("kaskkiri") or _ORDER_HEAD.match(x) for x in lines[:10])


def _file_order(lines: list[str], metadata: list[tuple[str, str]], folded: bytes | None = None) -> OrderRef | None:
    """A lone document's order: 'KÄSKKIRI / 15.11.2024 nr 164', the register's Viit, or a reference line; `folded`:
    the lines' `_folded`, where known."""
    headed = any(map(_ORDER_HEAD.match, _may_head(lines[:40], folded)))
    ref = parse_order_body(lines[:40], metadata) if headed else None
    if ref is None:
        meta = {fold(k): v for k, v in metadata}
        if "viit" in meta:
            m = re.match(_DATE, meta.get("registreeritud", ""))
            return OrderRef(number=meta["viit"], date=_iso(*m.groups()) if m else None)
        for line in lines[:10]:  # "15.11.2024 käskkirjaga nr 164" without an annex number
            m = _ORDER_REF.search(line)
            if m:
                d, mo, y, nr = m.groups()
                return OrderRef(nr, _iso(d, mo, y))
    return ref
