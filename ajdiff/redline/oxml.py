"""All WordprocessingML of the redline: namespaces, qn(), runs and tracked-change elements.

Nothing outside this module spells an OOXML element name. Revisions carry a `w:id` from one
counter per document, so ids are unique across the whole file (changes, marks, move ranges).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS}

# XML 1.0 forbids most control characters; a stray one in a source must not break the file.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def qn(tag: str) -> str:
    """Clark name of a prefixed tag: 'w:ins' → '{http://…/main}ins'."""
    prefix, _, local = tag.partition(":")
    if prefix == "xml":
        return f"{{{XML_NS}}}{local}"
    if prefix != "w":
        raise ValueError(f"unknown namespace prefix in {tag!r}")
    return f"{{{W_NS}}}{local}"


def element(tag: str, **attrs: str) -> etree._Element:
    """A new element in the w: namespace, attributes given by local name."""
    el = etree.Element(qn(tag), nsmap=NSMAP)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


class Track(str, Enum):
    """The kind of a tracked change, by its element's local name."""

    INS = "ins"
    DEL = "del"
    MOVE_FROM = "moveFrom"
    MOVE_TO = "moveTo"

    @property
    def removes_on_accept(self) -> bool:
        """True for content that Accept All removes (deleted or moved away)."""
        return self in (Track.DEL, Track.MOVE_FROM)


@dataclass
class Revisions:
    """Author, date and the id counter shared by every revision of one document."""

    author: str
    date: datetime
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def next_id(self) -> str:
        """A fresh `w:id`, unique within the document."""
        return str(next(self._ids))

    @property
    def stamp(self) -> str:
        """The `w:date` value: ISO 8601 in UTC, seconds precision, as Word writes it."""
        return self.date.strftime("%Y-%m-%dT%H:%M:%SZ")

    def attrs(self) -> dict[str, str]:
        """id, author and date attributes of a new revision."""
        return {"id": self.next_id(), "author": self.author, "date": self.stamp}


def clean_text(text: str) -> str:
    """Text safe for a `w:t`: no XML-illegal characters, line breaks as spaces."""
    return _ILLEGAL_XML.sub("", text).replace("\r", " ").replace("\n", " ").replace("\t", " ")


def run(text: str, *, deleted: bool = False, bold: bool = False) -> etree._Element:
    """A `w:r` with one `w:t` (or `w:delText` when deleted), spaces preserved."""
    r = element("w:r")
    if bold:
        rpr = etree.SubElement(r, qn("w:rPr"))
        etree.SubElement(rpr, qn("w:b"))
    t = etree.SubElement(r, qn("w:delText" if deleted else "w:t"))
    t.text = clean_text(text)
    t.set(qn("xml:space"), "preserve")
    return r


def page_break_run() -> etree._Element:
    """A run holding a page break."""
    r = element("w:r")
    etree.SubElement(r, qn("w:br")).set(qn("w:type"), "page")
    return r


def tracked(kind: Track, text: str, rev: Revisions, *, bold: bool = False) -> etree._Element:
    """`w:ins`/`w:del`/`w:moveFrom`/`w:moveTo` around one run of text.

    Only `w:del` holds `w:delText`; moved-away text stays in `w:t` inside `w:moveFrom`.
    """
    wrapper = element(f"w:{kind.value}", **rev.attrs())
    wrapper.append(run(text, deleted=kind is Track.DEL, bold=bold))
    return wrapper


def _paragraph_rpr(p: etree._Element) -> etree._Element:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.Element(qn("w:rPr"))
        # CT_PPr: rPr comes after every paragraph property, before sectPr and pPrChange.
        tail = ppr.find(qn("w:sectPr"))
        if tail is None:
            tail = ppr.find(qn("w:pPrChange"))
        if tail is None:
            ppr.append(rpr)
        else:
            tail.addprevious(rpr)
    return rpr


def mark_paragraph(p: etree._Element, kind: Track, rev: Revisions) -> None:
    """Track the paragraph mark itself, so accepting or rejecting joins it to the next paragraph."""
    rpr = _paragraph_rpr(p)
    # CT_ParaRPr: the revision elements come first.
    rpr.insert(0, element(f"w:{kind.value}", **rev.attrs()))


def mark_row(tr: etree._Element, kind: Track, rev: Revisions) -> None:
    """Track a whole table row as inserted or deleted (`w:trPr/w:ins|w:del`)."""
    if kind not in (Track.INS, Track.DEL):
        raise ValueError("a table row can only be inserted or deleted")
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = etree.Element(qn("w:trPr"))
        prex = tr.find(qn("w:tblPrEx"))
        if prex is None:
            tr.insert(0, trpr)
        else:
            prex.addnext(trpr)
    trpr.append(element(f"w:{kind.value}", **rev.attrs()))


def mark_header_row(tr: etree._Element) -> None:
    """Repeat a row at the top of every page the table spans."""
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = etree.Element(qn("w:trPr"))
        tr.insert(0, trpr)
    trpr.insert(0, element("w:tblHeader"))


def move_range(kind: Track, name: str, rev: Revisions) -> tuple[etree._Element, etree._Element]:
    """The start and end markers of a named move range (`w:moveFromRangeStart` …)."""
    if kind not in (Track.MOVE_FROM, Track.MOVE_TO):
        raise ValueError("only moves have ranges")
    attrs = rev.attrs()
    start = element(f"w:{kind.value}RangeStart", **attrs, name=name)
    end = element(f"w:{kind.value}RangeEnd", id=attrs["id"])
    return start, end


def comment_range(comment_id: int) -> tuple[etree._Element, etree._Element, etree._Element]:
    """Range start, range end and the reference run that anchor a comment."""
    cid = str(comment_id)
    ref_run = element("w:r")
    rpr = etree.SubElement(ref_run, qn("w:rPr"))
    etree.SubElement(rpr, qn("w:rStyle")).set(qn("w:val"), "CommentReference")
    etree.SubElement(ref_run, qn("w:commentReference")).set(qn("w:id"), cid)
    return element("w:commentRangeStart", id=cid), element("w:commentRangeEnd", id=cid), ref_run


def set_keep_with_next(p: etree._Element) -> None:
    """Keep a heading on the page of what follows it."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    # Placed right after pStyle, where CT_PPr wants it.
    style = ppr.find(qn("w:pStyle"))
    keep = element("w:keepNext")
    if style is None:
        ppr.insert(0, keep)
    else:
        style.addnext(keep)


REVISION_TAGS: tuple[str, ...] = tuple(qn(f"w:{k.value}") for k in Track)
"""Clark names of the four revision elements."""


def iter_revisions(root: etree._Element) -> Iterable[etree._Element]:
    """Every revision element (content, paragraph mark or row) in a tree."""
    yield from root.iter(*REVISION_TAGS)


# CT_Settings children that follow w:trackRevisions in the schema's sequence (ECMA-376 §17.15.1.78).
_AFTER_TRACK_REVISIONS = frozenset(
    {
        "doNotTrackMoves",
        "doNotTrackFormatting",
        "documentProtection",
        "autoFormatOverride",
        "styleLockTheme",
        "styleLockQFSet",
        "defaultTabStop",
    }
)


def enable_track_revisions(settings: etree._Element) -> None:
    """Switch Track Changes on, so an approver's own edits to the redline are tracked too."""
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    mark = element("w:trackRevisions")
    for child in settings:
        if isinstance(child.tag, str) and etree.QName(child).localname in _AFTER_TRACK_REVISIONS:
            child.addprevious(mark)
            return
    settings.append(mark)
