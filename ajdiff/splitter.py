"""Splitter: an order with several annexes becomes one raw document per annex."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ajdiff.model import OrderRef
from ajdiff.readers import SourceText
from ajdiff.text import fold

_TABLE_ROW = re.compile(r"^\|(.*)\|$")
_TABLE_RULE = re.compile(r"^\|[\s\-:|]+\|$")
_ORDER_REF = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\s+k[aä]skkirjaga\s+nr\s+([\w\-/]+)", re.IGNORECASE)
_ORDER_HEAD = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+nr\s+([\w\-/]+)$", re.IGNORECASE)
_ANNEX = re.compile(r"\bLisa\s+(\d+[a-z]?)\b", re.IGNORECASE)
_HEADER_LOOKAHEAD = 5
_KINNITATUD = re.compile(r"^\W*kinnitatud", re.IGNORECASE)  # a cheap test before folding every line


@dataclass(frozen=True)
class RawDocument:
    """The lines of one job description, cut out of its file, with what its header said."""

    source: str
    annex: str | None
    order: OrderRef | None
    lines: tuple[str, ...]
    metadata: tuple[tuple[str, str], ...] = ()
    wrapped: bool = False


def _iso(day: str, month: str, year: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _register_tables(lines: tuple[str, ...]) -> tuple[list[str], list[tuple[str, str]]]:
    """Remove the register's metadata tables ('| Viit | 164 |'); return content lines and metadata."""
    content: list[str] = []
    metadata: list[tuple[str, str]] = []
    header: list[str] | None = None
    for line in lines:
        m = _TABLE_ROW.match(line)
        if not m:
            header = None
            content.append(line)
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


def _annex_header(lines: list[str], start: int) -> tuple[int, str | None, OrderRef | None] | None:
    """If an approval block ('KINNITATUD … käskkirjaga nr 164 Lisa 2 / AMETIJUHEND') starts here,
    return (index after it, annex, order)."""
    if not _KINNITATUD.match(lines[start]) or not fold(lines[start]).startswith("kinnitatud"):
        return None
    end = start
    joined = []
    titled = False
    for i in range(start, min(len(lines), start + _HEADER_LOOKAHEAD)):
        joined.append(lines[i])
        end = i + 1
        if fold(lines[i]).endswith("ametijuhend"):
            titled = True
            break
    else:
        # No AMETIJUHEND title: the block ends at the line naming the annex.
        for i in range(start, min(len(lines), start + _HEADER_LOOKAHEAD)):
            if _ANNEX.search(lines[i]):
                end = i + 1
                break
        joined = lines[start:end]
    text = " ".join(joined)
    annex_match = _ANNEX.search(text)
    if not titled and not annex_match:
        return None  # "… kinnitatud ametijuhendeid rakendatakse …" in an order's body is prose
    order_match = _ORDER_REF.search(text)
    order = None
    if order_match:
        d, mo, y, nr = order_match.groups()
        order = OrderRef(number=nr, date=_iso(d, mo, y))
    return end, (annex_match.group(1) if annex_match else None), order


def _order_of_file(lines: list[str], metadata: list[tuple[str, str]]) -> OrderRef | None:
    """The order's own number and date: 'KÄSKKIRI / 15.11.2024 nr 164', else the register's Viit."""
    for i, line in enumerate(lines[:40]):
        if len(line) <= 12 and fold(line) == "kaskkiri" and i + 1 < len(lines):
            m = _ORDER_HEAD.match(lines[i + 1])
            if m:
                d, mo, y, nr = m.groups()
                return OrderRef(number=nr, date=_iso(d, mo, y))
    meta = {fold(k): v for k, v in metadata}
    if "viit" in meta:
        date = None
        m = re.match(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", meta.get("registreeritud", ""))
        if m:
            date = _iso(*m.groups())
        return OrderRef(number=meta["viit"], date=date)
    return None


def split(source: SourceText) -> list[RawDocument]:
    """Cut a source into job descriptions: one per annex, or the whole text when it has no annexes."""
    lines, metadata = _register_tables(source.lines)
    metadata = list(source.metadata) + metadata
    headers: list[tuple[int, int, str | None, OrderRef | None]] = []
    i = 0
    while i < len(lines):
        found = _annex_header(lines, i)
        if found:
            end, annex, order = found
            headers.append((i, end, annex, order))
            i = end
        else:
            i += 1
    file_order = _order_of_file(lines, metadata)
    meta = tuple(metadata)
    if not any(annex for _, _, annex, _ in headers):
        # A lone job description: everything but an approval block is content.
        body = lines
        if headers:
            start, end, _, order = headers[0]
            body = lines[:start] + lines[end:]
            file_order = order or file_order
        if file_order is None:
            for line in lines[:10]:  # "15.11.2024 käskkirjaga nr 164" without an annex number
                m = _ORDER_REF.search(line)
                if m:
                    d, mo, y, nr = m.groups()
                    file_order = OrderRef(nr, _iso(d, mo, y))
                    break
        return [RawDocument(source.name, None, file_order, tuple(body), meta, source.wrapped)]
    docs = []
    for k, (_, end, annex, order) in enumerate(headers):
        stop = headers[k + 1][0] if k + 1 < len(headers) else len(lines)
        docs.append(RawDocument(source.name, annex, order or file_order, tuple(lines[end:stop]), meta, source.wrapped))
    return docs
