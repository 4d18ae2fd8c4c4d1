"""Accept All / Reject All in pure Python: the text a reader sees after either, from the XML.

This is the proof side of the redline: it reads only `word/document.xml` and knows nothing of
how the file was made. A paragraph whose mark is removed joins the next paragraph, as in Word.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from enum import Enum

from lxml import etree

from ajdiff.redline.oxml import qn


class Side(str, Enum):
    """Which text to see: every change accepted (new) or every change rejected (old)."""

    ACCEPT = "accept"
    REJECT = "reject"

    @property
    def hidden(self) -> frozenset[str]:
        """Revision elements whose content this side drops."""
        if self is Side.ACCEPT:
            return frozenset({qn("w:del"), qn("w:moveFrom")})
        return frozenset({qn("w:ins"), qn("w:moveTo")})


PAGE_BREAK = "\f"
"""The text of a paragraph that holds only a page break."""


@dataclass(frozen=True)
class TableRow:
    """A table row as text: its cells, each a tuple of paragraph texts."""

    cells: tuple[tuple[str, ...], ...]


Item = str | TableRow


def document_xml(data: bytes) -> etree._Element:
    """The root of `word/document.xml` in a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def _hidden_by_ancestor(el: etree._Element, p: etree._Element, hidden: frozenset[str]) -> bool:
    for anc in el.iterancestors():
        if anc is p:
            return False
        if anc.tag in hidden:
            return True
    return False


def paragraph_text(p: etree._Element, side: Side) -> str:
    """The text of one paragraph's runs seen from one side (its mark not considered)."""
    hidden = side.hidden
    out: list[str] = []
    for el in p.iter(qn("w:t"), qn("w:delText"), qn("w:br"), qn("w:tab"), qn("w:noBreakHyphen")):
        if _hidden_by_ancestor(el, p, hidden):
            continue
        if el.tag == qn("w:noBreakHyphen"):
            out.append("-")
        elif el.tag == qn("w:br"):
            out.append(PAGE_BREAK if el.get(qn("w:type")) == "page" else "\n")
        elif el.tag == qn("w:tab"):
            out.append("\t")
        else:
            out.append(el.text or "")
    return "".join(out)


def _mark_removed(p: etree._Element, side: Side) -> bool:
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    return rpr is not None and any(child.tag in side.hidden for child in rpr)


def _row_removed(tr: etree._Element, side: Side) -> bool:
    trpr = tr.find(qn("w:trPr"))
    return trpr is not None and any(child.tag in side.hidden for child in trpr)


def container_items(container: etree._Element, side: Side) -> list[Item]:
    """Paragraphs and table rows of a body or cell, after accepting or rejecting everything."""
    items: list[Item] = []
    pending: str | None = None
    for child in container:
        if child.tag == qn("w:p"):
            text = (pending or "") + paragraph_text(child, side)
            pending = None
            if _mark_removed(child, side):
                pending = text
            else:
                items.append(text)
        elif child.tag == qn("w:tbl"):
            if pending is not None:
                raise ValueError("a removed paragraph mark before a table")
            for tr in child.iter(qn("w:tr")):
                if _row_removed(tr, side):
                    continue
                cells = tuple(tuple(_cell_texts(tc, side)) for tc in tr.findall(qn("w:tc")))
                items.append(TableRow(cells))
    if pending is not None:
        raise ValueError("the last paragraph mark of a container is removed")
    return items


def _cell_texts(tc: etree._Element, side: Side) -> list[str]:
    items = container_items(tc, side)
    return [i for i in items if isinstance(i, str)]


def view(data: bytes, side: Side) -> list[Item]:
    """The document body as a reader sees it after Accept All or Reject All."""
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    return container_items(body, side)


def split_pages(items: list[Item]) -> list[list[Item]]:
    """Split a view at page-break paragraphs (the summary page, then each annex)."""
    pages: list[list[Item]] = [[]]
    for item in items:
        if item == PAGE_BREAK:
            pages.append([])
        else:
            pages[-1].append(item)
    return pages


def flat_lines(items: list[Item]) -> list[str]:
    """Non-empty paragraph texts in reading order, a table cell's paragraphs as one line each."""
    out: list[str] = []
    for item in items:
        if isinstance(item, TableRow):
            out.extend("\n".join(p.strip() for p in cell if p.strip()) for cell in item.cells)
        else:
            out.append(item)
    return [line for line in (x.replace(PAGE_BREAK, "").strip() for x in out) if line]


def paragraph_lines(items: list[Item]) -> list[str]:
    """Every non-empty paragraph text, table cells' paragraphs included, as a text export gives them."""
    out: list[str] = []
    for item in items:
        texts = [p for cell in item.cells for p in cell] if isinstance(item, TableRow) else [item]
        out.extend(t.replace(PAGE_BREAK, "").strip() for t in texts)
    return [line for line in out if line]


def summary(data: bytes, side: Side = Side.ACCEPT) -> list[Item]:
    """The summary page: the content control tagged ajdiff-summary, before the document."""
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    for sdt in body.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        content = sdt.find(qn("w:sdtContent"))
        if tag is not None and tag.get(qn("w:val")) == "ajdiff-summary" and content is not None:
            return container_items(content, side)
    return []
