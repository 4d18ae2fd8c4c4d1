"""HTML pages saved from the document register: metadata table, document text, related documents."""

from __future__ import annotations

import re
from typing import Any

from ajdiff.errors import InputError
from ajdiff.i18n import _
from ajdiff.read.formats import MAX_LINES, SourceText
from ajdiff.read.formats.plain import decode_with_warnings
from ajdiff.read.formats.tables import flatten_row_cells
from ajdiff.text import fold, normalize_line
from ajdiff.tree import Origin

# Never text: code, styling, embedded objects, form controls, the page's own navigation.
_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "object", "embed",
     "svg", "math", "canvas", "video", "audio", "select", "option", "button", "input", "textarea", "nav"}
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "address",
     "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "hr",
     "form", "fieldset", "legend", "center", "caption", "body", "html"}
)  # fmt: skip

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TABLE_PARTS = frozenset({"tr", "td", "th", "tbody", "thead", "tfoot"})

# Labels of the register's metadata table (folded): "Dokumendiregister", "Viit", "Registreeritud" …
_METADATA_LABELS = frozenset(
    fold(label)
    for label in (
        "Dokumendiregister", "Viit", "Registreeritud", "Sünkroonitud", "Liik", "Funktsioon", "Sari", "Toimik",
        "Juurdepääsupiirang", "Adressaat", "Saabumis/saatmisviis", "Vastutaja", "Originaal", "Kuupäev",
        "Pealkiri", "Juurdepääsupiirangu alus", "Juurdepääsupiirangu lõpp", "Koostaja", "Allkirjastaja",
    )
)  # fmt: skip
# Header cells of the related-documents table ("Nimi | K.p. | Δ | Viit | Tüüp | Org | Osapooled").
_RELATED_HEADERS = frozenset(fold(h) for h in ("Nimi", "K.p.", "Viit", "Tüüp", "Org", "Osapooled"))


def _inline_text(el: Any) -> str:
    """The raw text of an inline element and its children (whitespace kept for the caller)."""
    if not isinstance(el.tag, str) or el.tag.lower() in _DROP_TAGS or _hidden(el):
        return ""
    return (el.text or "") + "".join(_inline_text(child) + (child.tail or "") for child in el)


def _text(el: Any) -> str:
    """All text under an element except dropped parts, whitespace collapsed."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if not isinstance(node.tag, str) or node.tag.lower() in _DROP_TAGS:
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        if node.tag.lower() in _BLOCK_TAGS or node.tag.lower() in ("td", "th", "br"):
            parts.append(" ")

    walk(el)
    return normalize_line(" ".join("".join(parts).split()))


def _rows(table: Any) -> list[list[Any]]:
    """The rows of a table (not of tables nested in it), as lists of cells."""
    rows = []
    for tr in table.iter("tr"):
        if _owner(tr) is table:
            rows.append([cell for cell in tr if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")])
    return rows


_ROW_GROUPS = frozenset({"tbody", "thead", "tfoot"})
_NOT_CONTENT = frozenset({"tr", "colgroup", "col"})
_CELLS = frozenset({"td", "th"})


def _stray(table: Any) -> list[Any]:
    """What a table (its row groups, its rows) holds outside its cells, in order: elements, and loose text
    as strings. A browser still shows it (before the table)."""
    out: list[Any] = [table.text] if (table.text or "").strip() else []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in _ROW_GROUPS:
            out += _stray(child)
        elif tag == "tr":
            out += [c for c in _stray(child) if isinstance(c, str) or c.tag.lower() not in _CELLS]
        elif tag and tag not in _NOT_CONTENT and tag not in _DROP_TAGS and not _hidden(child):
            out.append(child)
        if (child.tail or "").strip():
            out.append(child.tail)
    return out


def _owner(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _hidden(el: Any) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or el.get("aria-hidden") == "true" or "display:none" in style


class _Walker:
    """Turns the page body into lines, collecting the register's metadata and each line's origin on the way."""

    def __init__(self) -> None:
        self.metadata: list[tuple[str, str]] = []
        self.paragraphs = 0  # lines written outside tables so far
        self.tables = 0  # top-level tables seen so far (metadata tables too: they are in the page)
        self.cell: Origin | None = None  # the top-level table cell being walked, if any

    def lines(self, el: Any) -> list[tuple[str, Origin]]:
        """The lines of an element: one per block (paragraph, list item, heading), tables flattened."""
        out: list[tuple[str, Origin]] = []
        buffer: list[str] = [el.text or ""]

        def flush() -> None:
            text = normalize_line(" ".join("".join(buffer).split()))
            if text:
                if self.cell is None:
                    self.paragraphs += 1
                out.append((text, self.cell or Origin(paragraph=self.paragraphs)))
            buffer.clear()

        for child in el:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and tag not in _DROP_TAGS and not _hidden(child):
                if tag == "br":
                    flush()
                elif tag == "table":
                    flush()
                    out.extend(self.table(child))
                elif tag in _BLOCK_TAGS or tag in _TABLE_PARTS or _has_block(child):
                    flush()
                    inner = self.lines(child)
                    if tag == "li" and inner and el.tag == "ul":
                        inner[0] = (f"• {inner[0][0]}", inner[0][1])  # tells the parser a list item starts here
                    out.extend(inner)
                else:  # inline: <b>, <span>, <a>
                    buffer.append(_inline_text(child))
            buffer.append(child.tail or "")
        flush()
        return out

    def table(self, table: Any) -> list[tuple[str, Origin]]:
        """A table's lines; the register's metadata and related-documents tables go to metadata."""
        if self.cell is None:
            self.tables += 1
        rows = _rows(table)
        labels = [fold(_text(row[0])) for row in rows if len(row) == 2]
        if sum(1 for label in labels if label in _METADATA_LABELS) >= 2:
            for row in rows:
                if len(row) >= 2:
                    self.metadata.append((_text(row[0]), _text(row[1])))
            return []
        if rows and len({fold(_text(cell)) for cell in rows[0]} & _RELATED_HEADERS) >= 3:
            # Related documents: metadata, one entry per row, as the splitter keeps them from text exports.
            for row in rows[1:]:
                texts = [_text(cell) for cell in row]
                self.metadata.append(("related", " | ".join(t for t in texts if t)))
            return []
        # Content a malformed table holds outside its rows ('<table><p>…'): a browser shows it before the table.
        lines: list[tuple[str, Origin]] = []
        for stray in _stray(table):
            if isinstance(stray, str):
                if self.cell is None:
                    self.paragraphs += 1
                lines.append((normalize_line(stray), self.cell or Origin(paragraph=self.paragraphs)))
            else:
                lines += self.lines(stray)
        for row_no, row in enumerate(rows, 1):
            outer = self.cell
            wheres = [outer or Origin(table=self.tables, row=row_no, cell=k) for k in range(1, len(row) + 1)]
            cells: list[list[str]] = []
            for cell, where in zip(row, wheres):
                saved, self.cell = self.cell, where
                try:
                    cells.append([line for line, _ in self.lines(cell)])
                finally:
                    self.cell = saved
            lines.extend((line, wheres[k]) for line, k in flatten_row_cells(cells))
        return lines


def _has_block(el: Any) -> bool:
    return any(isinstance(d.tag, str) and d.tag.lower() in _BLOCK_TAGS | {"table", "br"} for d in el.iterdescendants())


MAX_HTML_ELEMENTS = MAX_LINES
"""Most tags in one HTML page, as many as lines may be read (the register's page of a 58-page order has
about 2,000; lxml holds ~500 bytes per element): bounds the tree before it is built."""
_MAX_DEPTH = 256  # libxml2's nesting limit without XML_PARSE_HUGE


def _count_elements(text: str, name: str) -> None:
    """Refuse a page with more tags than a register page can have, counted in its text before parsing."""
    tags = text.count("<") - text.count("</")  # start tags, plus any '<' in text and comments: an over-count
    if tags > MAX_HTML_ELEMENTS:
        raise InputError(
            name, _("HTML page has {0} tags (limit {1})").format(tags, MAX_HTML_ELEMENTS), _("not a job description")
        )


def read_html(data: bytes, name: str) -> SourceText:
    """Read a register page (or any HTML): its text as lines, its metadata table as metadata."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False)
    # lxml refuses str input that still declares an encoding; the bytes are decoded already.
    decoded, warnings = decode_with_warnings(data, name)
    text = _XML_DECLARATION.sub("", decoded, count=1)
    if not text.strip():
        raise InputError(name, _("HTML page has no text"), _("save the page with its document text"))
    _count_elements(text, name)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(
            name, _("not a readable HTML page: {0}").format(exc), _("save the page again as HTML")
        ) from None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # libxml2 stops at its depth limit and returns the part above it: say so, not "no text".
        problem = _("HTML page is nested deeper than {0} elements").format(_MAX_DEPTH)
        raise InputError(name, problem, _("not a genuine page; save the page again as HTML"))
    body = root.find("body")
    walker = _Walker()
    pairs = walker.lines(body if body is not None else root)
    if not pairs:
        raise InputError(name, _("HTML page has no text"), _("save the page with its document text"))
    return SourceText(
        name=name,
        lines=tuple(line for line, _ in pairs),
        metadata=tuple(walker.metadata),
        wrapped=False,
        warnings=warnings,
        origins=tuple(origin for _, origin in pairs),
    )
