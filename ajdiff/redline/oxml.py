"""All WordprocessingML of the redline: namespaces, qn(), runs and tracked-change elements.

Nothing outside this module spells an OOXML element name. Revisions carry a `w:id` from one
counter per document, so ids are unique across the whole file (changes, marks, move ranges).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import field
from enum import Enum

from lxml import etree

from ajdiff.read.formats.ooxml import W_NS, qn
from ajdiff.records import dataclass

TYPE_CHECKING = False  # as typing's, without importing typing (2 ms a start); type checkers know the name
if TYPE_CHECKING:  # re-exported: the redline's modules import them from here
    from datetime import datetime as datetime
    from datetime import timedelta as timedelta
    from datetime import timezone as timezone
else:
    try:  # The redline's dates: CPython's C classes, which `datetime` ends by importing over the Python ones it
        # defines first (a hundredth of `ajdiff redline`, thrown away). The same classes, whoever imports them.
        from _datetime import datetime, timedelta, timezone
    except ImportError:  # pragma: no cover - an interpreter without CPython's C module
        from datetime import datetime, timedelta, timezone  # noqa: F401  # imported from here


NSMAP = {"w": W_NS}

# XML 1.0 forbids most control characters; a stray one in a source must not break the file.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clone(el: etree._Element) -> etree._Element:
    """A deep copy of an element, its tail included: what `copy.deepcopy` makes of it (lxml's copy is deep),
    without importing `copy` and `weakref` for it (a hundredth of `ajdiff redline`)."""
    copied: etree._Element = el.__copy__()  # type: ignore[attr-defined]  # lxml's; types-lxml does not declare it
    return copied


def first_child(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first child element of `parent` with this (Clark notation) tag, as `parent.find(tag)` finds it.

    lxml's `find` goes through ElementPath (a path parsed, a selector chain run) for every call: the redline
    asks for a run's or a paragraph's properties thousands of times, and that was most of what it spent in lxml.
    """
    return next(parent.iterchildren(tag), None)


def first_at(parent: etree._Element, *tags: str) -> etree._Element | None:
    """The first element at the path of child tags below `parent`, as `parent.find("a/b/c")` finds it."""
    level = [parent]
    for tag in tags:
        level = [c for el in level for c in el.iterchildren(tag)]
    return level[0] if level else None


def first_below(parent: etree._Element, tag: str) -> etree._Element | None:
    """The first descendant of `parent` with this tag, in document order, as `parent.find(".//tag")` finds it."""
    return next(parent.iterdescendants(tag), None)


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


@dataclass
class Revisions:
    """Author, date and the id counter shared by every revision of one document."""

    author: str
    date: datetime
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

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


def run(text: str, *, deleted: bool = False, bold: bool = False, rpr: etree._Element | None = None) -> etree._Element:
    """A `w:r` with one `w:t` (or `w:delText` when deleted), spaces preserved, in a copy of `rpr` (or bold)."""
    r = element("w:r")
    if rpr is not None:
        r.append(clone(rpr))
    elif bold:
        etree.SubElement(etree.SubElement(r, qn("w:rPr")), qn("w:b"))
    t = etree.SubElement(r, qn("w:delText" if deleted else "w:t"))
    t.text = clean_text(text)
    t.set(qn("xml:space"), "preserve")
    return r


def paragraph(text: str, style_id: str | None = None, *, bold: bool = False) -> etree._Element:
    """A `w:p` of one run of text, in a paragraph style when given (its id in the package)."""
    p = element("w:p")
    if style_id:
        etree.SubElement(etree.SubElement(p, qn("w:pPr")), qn("w:pStyle")).set(qn("w:val"), style_id)
    p.append(run(text, bold=bold))
    return p


def tracked(
    kind: Track, text: str, rev: Revisions, *, bold: bool = False, rpr: etree._Element | None = None
) -> etree._Element:
    """`w:ins`/`w:del`/`w:moveFrom`/`w:moveTo` around one run of text.

    Only `w:del` holds `w:delText`; moved-away text stays in `w:t` inside `w:moveFrom`.
    """
    wrapper = element(f"w:{kind.value}", **rev.attrs())
    wrapper.append(run(text, deleted=kind is Track.DEL, bold=bold, rpr=rpr))
    return wrapper


def _paragraph_rpr(p: etree._Element) -> etree._Element:
    ppr = first_child(p, qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    rpr = first_child(ppr, qn("w:rPr"))
    if rpr is None:
        rpr = etree.Element(qn("w:rPr"))
        # CT_PPr: rPr comes after every paragraph property, before sectPr and pPrChange.
        tail = first_child(ppr, qn("w:sectPr"))
        if tail is None:
            tail = first_child(ppr, qn("w:pPrChange"))
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
    trpr = first_child(tr, qn("w:trPr"))
    if trpr is None:
        trpr = etree.Element(qn("w:trPr"))
        prex = first_child(tr, qn("w:tblPrEx"))
        if prex is None:
            tr.insert(0, trpr)
        else:
            prex.addnext(trpr)
    trpr.append(element(f"w:{kind.value}", **rev.attrs()))


def mark_header_row(tr: etree._Element) -> None:
    """Repeat a row at the top of every page the table spans."""
    trpr = first_child(tr, qn("w:trPr"))
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


def comment_range(
    comment_id: int, *, ref_style: str = "CommentReference"
) -> tuple[etree._Element, etree._Element, etree._Element]:
    """Range start, range end and the reference run that anchor a comment.

    `ref_style` is the id of the "annotation reference" style in the document the run goes into.
    """
    cid = str(comment_id)
    ref_run = element("w:r")
    rpr = etree.SubElement(ref_run, qn("w:rPr"))
    etree.SubElement(rpr, qn("w:rStyle")).set(qn("w:val"), ref_style)
    etree.SubElement(ref_run, qn("w:commentReference")).set(qn("w:id"), cid)
    return element("w:commentRangeStart", id=cid), element("w:commentRangeEnd", id=cid), ref_run


def put_first(p: etree._Element, el: etree._Element) -> None:
    """Put an element first among a paragraph's content, after its properties (CT_P's order)."""
    ppr = first_child(p, qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(el)
    else:
        p.insert(0, el)


REVISION_TAGS: tuple[str, ...] = tuple(qn(f"w:{k.value}") for k in Track)
"""Clark names of the four revision elements."""


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
    existing = first_child(settings, qn("w:trackRevisions"))
    if existing is not None:
        existing.attrib.pop(qn("w:val"), None)  # a document may say w:val="false"; bare means on
        return
    mark = element("w:trackRevisions")
    for child in settings:
        if isinstance(child.tag, str) and etree.QName(child).localname in _AFTER_TRACK_REVISIONS:
            child.addprevious(mark)
            return
    settings.append(mark)


# ---------------------------------------------------------------- parts of the package: styles, comments, settings

_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=True)


def _fragment(xml: str) -> etree._Element:
    """Our own markup (no input ever reaches it), with the w: prefix bound."""
    return etree.fromstring(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>', _SAFE_PARSER)[0]


def _root(tag: str, inner: str = "") -> etree._Element:
    """A new part root `<w:TAG>` holding `inner`."""
    return _fragment(f"<w:{tag}>{inner}</w:{tag}>")


class StyleKind(str, Enum):
    """The `w:type` of a style."""

    PARAGRAPH = "paragraph"
    CHARACTER = "character"
    TABLE = "table"
    NUMBERING = "numbering"


@dataclass(frozen=True)
class StyleDef:
    """A built-in Word style as ajdiff defines it in a document that lacks it.

    `based_on`, `next` and `link` are built-in names, resolved to the ids of the document the
    style goes into. `props` holds the elements that follow `w:link` in CT_Style's sequence.
    """

    kind: StyleKind
    style_id: str
    name: str
    props: str = ""
    based_on: str | None = None
    next: str | None = None
    link: str | None = None
    default: bool = False
    bullet: bool = False


_HIDDEN_99 = '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
_SINGLE = 'w:val="single" w:sz="4" w:space="0" w:color="auto"'
_HEADING = (
    '<w:uiPriority w:val="9"/>{unhide}<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>'
    '<w:spacing w:before="{before}" w:after="{after}"/><w:outlineLvl w:val="{level}"/></w:pPr>'
    '<w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
)

BUILTIN_STYLES: tuple[StyleDef, ...] = (
    StyleDef(StyleKind.PARAGRAPH, "Normal", "Normal", "<w:qFormat/>", default=True),
    StyleDef(StyleKind.CHARACTER, "DefaultParagraphFont", "Default Paragraph Font", _HIDDEN_99, default=True),
    StyleDef(
        StyleKind.TABLE,
        "TableNormal",
        "Normal Table",
        _HIDDEN_99 + '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>",
        default=True,
    ),
    StyleDef(StyleKind.NUMBERING, "NoList", "No List", _HIDDEN_99, default=True),
    StyleDef(
        StyleKind.PARAGRAPH,
        "Title",
        "Title",
        '<w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/>'
        '<w:contextualSpacing/></w:pPr><w:rPr><w:b/><w:bCs/><w:kern w:val="28"/><w:sz w:val="40"/>'
        '<w:szCs w:val="40"/></w:rPr>',
        based_on="Normal",
        next="Normal",
    ),
    StyleDef(
        StyleKind.PARAGRAPH,
        "Subtitle",
        "Subtitle",
        '<w:uiPriority w:val="11"/><w:qFormat/><w:pPr><w:spacing w:after="160"/></w:pPr>'
        '<w:rPr><w:color w:val="5A5A5A"/><w:spacing w:val="15"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>',
        based_on="Normal",
        next="Normal",
    ),
    StyleDef(
        StyleKind.PARAGRAPH,
        "Heading1",
        "heading 1",
        _HEADING.format(unhide="", before=360, after=120, level=0, size=28),
        based_on="Normal",
        next="Normal",
    ),
    StyleDef(
        StyleKind.PARAGRAPH,
        "Heading2",
        "heading 2",
        _HEADING.format(unhide="<w:unhideWhenUsed/>", before=240, after=80, level=1, size=24),
        based_on="Normal",
        next="Normal",
    ),
    StyleDef(
        StyleKind.PARAGRAPH,
        "Heading3",
        "heading 3",
        _HEADING.format(unhide="<w:unhideWhenUsed/>", before=200, after=60, level=2, size=22),
        based_on="Normal",
        next="Normal",
    ),
    StyleDef(
        StyleKind.PARAGRAPH,
        "ListParagraph",
        "List Paragraph",
        '<w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr>',
        based_on="Normal",
    ),
    StyleDef(
        StyleKind.PARAGRAPH,
        "ListBullet",
        "List Bullet",
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:contextualSpacing/></w:pPr>',
        based_on="Normal",
        bullet=True,
    ),
    StyleDef(
        StyleKind.TABLE,
        "TableGrid",
        "Table Grid",
        '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f"<w:tblPr><w:tblBorders><w:top {_SINGLE}/><w:left {_SINGLE}/><w:bottom {_SINGLE}/><w:right {_SINGLE}/>"
        f"<w:insideH {_SINGLE}/><w:insideV {_SINGLE}/></w:tblBorders></w:tblPr>",
        based_on="Normal Table",
    ),
    # The comment styles, as Word defines them (a comment's paragraphs, its mark, its subject, balloons).
    StyleDef(
        StyleKind.PARAGRAPH,
        "CommentText",
        "annotation text",
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
        based_on="Normal",
        link="Comment Text Char",
    ),
    StyleDef(
        StyleKind.CHARACTER,
        "CommentTextChar",
        "Comment Text Char",
        '<w:uiPriority w:val="99"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
        based_on="Default Paragraph Font",
        link="annotation text",
    ),
    StyleDef(
        StyleKind.CHARACTER,
        "CommentReference",
        "annotation reference",
        _HIDDEN_99 + '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>',
        based_on="Default Paragraph Font",
    ),
    StyleDef(
        StyleKind.PARAGRAPH,
        "CommentSubject",
        "annotation subject",
        _HIDDEN_99 + "<w:rPr><w:b/><w:bCs/></w:rPr>",
        based_on="annotation text",
        next="annotation text",
        link="Comment Subject Char",
    ),
    StyleDef(
        StyleKind.CHARACTER,
        "CommentSubjectChar",
        "Comment Subject Char",
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:b/><w:bCs/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
        based_on="Comment Text Char",
        link="annotation subject",
    ),
    StyleDef(
        StyleKind.PARAGRAPH,
        "BalloonText",
        "Balloon Text",
        _HIDDEN_99 + '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:rFonts w:ascii="Segoe UI" w:hAnsi="Segoe UI" w:cs="Segoe UI"/><w:sz w:val="18"/>'
        '<w:szCs w:val="18"/></w:rPr>',
        based_on="Normal",
        link="Balloon Text Char",
    ),
    StyleDef(
        StyleKind.CHARACTER,
        "BalloonTextChar",
        "Balloon Text Char",
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:rFonts w:ascii="Segoe UI" w:hAnsi="Segoe UI" '
        'w:cs="Segoe UI"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>',
        based_on="Default Paragraph Font",
        link="Balloon Text",
    ),
)
"""The styles ajdiff can add: the redline's own and the ones a Word comment needs."""

_BY_NAME = {s.name.lower(): s for s in BUILTIN_STYLES}
# Word's UI calls the comment styles "Comment …" but stores them as "annotation …"; ids are names too.
_STYLE_ALIASES = {
    "comment text": "annotation text",
    "comment reference": "annotation reference",
    "comment subject": "annotation subject",
    **{s.style_id.lower(): s.name.lower() for s in BUILTIN_STYLES},
}


def builtin_style(name: str) -> StyleDef | None:
    """ajdiff's definition of a built-in style, by its name, UI name or id, ignoring case."""
    key = name.strip().lower()
    return _BY_NAME.get(_STYLE_ALIASES.get(key, key))


def style_name_key(name: str) -> str:
    """The key styles are matched by: Word's stored built-in name, lower case."""
    key = name.strip().lower()
    return _STYLE_ALIASES.get(key, key)


def iter_styles(styles: etree._Element) -> Iterable[tuple[str, str, str]]:
    """(name key, type, id) of every style in a styles part."""
    return iter_styles_of(styles.iterchildren(qn("w:style")))


def iter_styles_of(styles: Iterable[etree._Element]) -> Iterable[tuple[str, str, str]]:
    """(name key, type, id) of each `w:style` element given."""
    name_tag, val, kind, style_id = qn("w:name"), qn("w:val"), qn("w:type"), qn("w:styleId")
    for style in styles:
        name = next(style.iterchildren(name_tag), None)
        label = name.get(val, "") if name is not None else ""
        yield style_name_key(label), style.get(kind, "paragraph"), style.get(style_id, "")


def style_element(definition: StyleDef, style_id: str, *, default: bool) -> etree._Element:
    """A `w:style` of a definition, without its references (see `set_style_refs`)."""
    style = _fragment(f"<w:style><w:name/>{definition.props}</w:style>")
    style.set(qn("w:type"), definition.kind.value)
    if default:
        style.set(qn("w:default"), "1")
    style.set(qn("w:styleId"), style_id)
    style[0].set(qn("w:val"), definition.name)
    return style


def set_style_refs(style: etree._Element, based_on: str | None, next_id: str | None, link: str | None) -> None:
    """basedOn, next and link (style ids) right after `w:name`, in CT_Style's order."""
    anchor = first_child(style, qn("w:name"))
    for tag, value in (("w:basedOn", based_on), ("w:next", next_id), ("w:link", link)):
        if value is None:
            continue
        el = element(tag, val=value)
        if anchor is None:
            style.insert(0, el)
        else:
            anchor.addnext(el)
        anchor = el


def set_style_numbering(style: etree._Element, num_id: int) -> None:
    """Number every paragraph of a style with list `num_id` (`w:pPr/w:numPr`, first in CT_PPrBase)."""
    ppr = first_child(style, qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        rpr = first_child(style, qn("w:rPr"))
        if rpr is None:
            style.append(ppr)
        else:
            rpr.addprevious(ppr)
    numpr = element("w:numPr")
    etree.SubElement(numpr, qn("w:numId")).set(qn("w:val"), str(num_id))
    ppr.insert(0, numpr)


def new_styles(lang: str = "et-EE") -> etree._Element:
    """A styles part with ajdiff's document defaults: Calibri 11 pt (it has every Estonian letter)."""
    return _root(
        "styles",
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
        f'<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{lang}" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>",
    )


# CT_RPr children that follow w:lang in the schema's sequence (w:rPrChange, the run's tracked formatting, ends it).
_AFTER_LANG = frozenset({qn(f"w:{name}") for name in ("eastAsianLayout", "specVanish", "oMath", "rPrChange")})


def set_run_language(root: etree._Element, lang: str) -> None:
    """Say that the text of every run under `root` is in `lang` (`w:rPr/w:lang`), unless a run says its own.

    The words ajdiff writes itself (the summary page) are said Estonian this way, not by the document's default
    language, which would mean rewriting NEW's styles part (Word's defaults: 350 KB) and changing what NEW says
    of its own text.
    """
    lang_tag, rpr_tag = qn("w:lang"), qn("w:rPr")
    for r in root.iter(qn("w:r")):
        rpr = first_child(r, rpr_tag)
        if rpr is None:
            rpr = etree.Element(rpr_tag)
            r.insert(0, rpr)  # CT_R: the run's properties come first
        elif first_child(rpr, lang_tag) is not None:
            continue
        mark = etree.Element(lang_tag)
        mark.set(qn("w:val"), lang)
        follower = next((c for c in rpr if c.tag in _AFTER_LANG), None)
        if follower is None:
            rpr.append(mark)
        else:
            follower.addprevious(mark)


def new_numbering() -> etree._Element:
    """An empty numbering part."""
    return _root("numbering")


def add_bullet_list(numbering: etree._Element) -> int:
    """Add a one-level bullet list (abstractNum + num) to a numbering part; returns its numId."""
    abstract_id, num_id = next_list_ids(numbering)
    abstract = _fragment(
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    )
    num = _fragment(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    add_list(numbering, abstract, num)
    return int(num_id)


def next_list_ids(numbering: etree._Element) -> tuple[str, str]:
    """The next free abstractNumId and numId of a numbering part."""

    def top(tag: str, attr: str) -> int:
        values = [el.get(qn(attr), "") for el in numbering.iterchildren(qn(tag))]
        return max((int(v) for v in values if v.isdigit()), default=0)

    return str(top("w:abstractNum", "w:abstractNumId") + 1), str(top("w:num", "w:numId") + 1)


def add_list(numbering: etree._Element, abstract: etree._Element, num: etree._Element) -> None:
    """Put a list's abstract definition and its num where CT_Numbering wants them (numPicBullet*, abstractNum*,
    num*, numIdMacAtCleanup?)."""
    later = [c for c in numbering if etree.QName(c).localname in ("num", "numIdMacAtCleanup")]
    if later:
        later[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    cleanup = first_child(numbering, qn("w:numIdMacAtCleanup"))
    if cleanup is None:
        numbering.append(num)
    else:
        cleanup.addprevious(num)


def new_settings() -> etree._Element:
    """A settings part: Word 2013+ behaviour (compatibilityMode 15), Estonian number format."""
    return _root(
        "settings",
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="et-EE"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>',
    )


def new_font_table() -> etree._Element:
    """A font table naming the template's fonts with their families, so a reader lacking them picks a sans."""
    fonts = "".join(
        f'<w:font w:name="{name}"><w:panose1 w:val="{panose}"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
        '<w:pitch w:val="variable"/></w:font>'
        for name, panose in (("Calibri", "020F0502020204030204"), ("Segoe UI", "020B0502040204020203"))
    )
    return _root("fonts", fonts)


def new_document(*, width: int = 11906, height: int = 16838, margin: int = 1134) -> etree._Element:
    """An empty document: one A4 section (sizes in twentieths of a point), 2 cm margins."""
    return _root(
        "document",
        f'<w:body><w:sectPr><w:pgSz w:w="{width}" w:h="{height}"/><w:pgMar w:top="{margin}" w:right="{margin}" '
        f'w:bottom="{margin}" w:left="{margin}" w:header="708" w:footer="708" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr></w:body>',
    )


def append_block(body: etree._Element, block: etree._Element) -> None:
    """Append a paragraph or table to a body, before its closing section properties."""
    last = body[-1] if len(body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(block)
    else:
        body.append(block)


def new_comments() -> etree._Element:
    """An empty comments part."""
    return _root("comments")


def comment(
    comment_id: int,
    *,
    author: str,
    initials: str,
    stamp: str,
    text: str,
    text_style: str,
    ref_style: str,
) -> etree._Element:
    """A `w:comment`: one paragraph per line of text, the first led by its annotation mark, as Word writes it."""
    attrs = {"id": str(comment_id), "author": clean_text(author), "date": stamp}
    if initials:
        attrs["initials"] = clean_text(initials)
    el = element("w:comment", **attrs)
    for k, line in enumerate(text.split("\n")):
        p = etree.SubElement(el, qn("w:p"))
        ppr = etree.SubElement(p, qn("w:pPr"))
        etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), text_style)
        if k == 0:
            mark = etree.SubElement(p, qn("w:r"))
            etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:rStyle")).set(qn("w:val"), ref_style)
            etree.SubElement(mark, qn("w:annotationRef"))
        if line:
            p.append(run(line))
    return el


def next_comment_id(comments: etree._Element) -> int:
    """One past the largest comment id already in a comments part (0 for the first)."""
    ids = [c.get(qn("w:id"), "") for c in comments.iterchildren(qn("w:comment"))]
    return max((int(i) for i in ids if i.lstrip("-").isdigit()), default=-1) + 1


# ---------------------------------------------------------------- sections

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# CT_SectPr's sequence (ECMA-376 §17.6.17), after the header and footer references.
_SECTION_ORDER = (
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
)
# What the summary's section does not take from the document's first one: its headers and footers, its
# numbering, a first page of its own, and a tracked change of them.
_NOT_COPIED = frozenset({"headerReference", "footerReference", "pgNumType", "titlePg", "sectPrChange", "type"})


def new_story(tag: str) -> etree._Element:
    """An empty header (`hdr`) or footer (`ftr`) part: one empty paragraph, as the schema asks."""
    return _root(tag, "<w:p/>")


def first_section(body: etree._Element) -> etree._Element | None:
    """The section properties of a body's first section: the first paragraph's that ends one, else the body's."""
    for sect in body.iter(qn("w:sectPr")):
        parent = sect.getparent()
        if parent is not None and (parent.tag == qn("w:pPr") or parent is body):
            return sect
    return None


def summary_section(first: etree._Element | None, header: str, footer: str) -> etree._Element:
    """Section properties for the summary page: the document's first section's page and margins, with an
    empty header and footer of its own (relationship ids) and no page numbers carried on."""
    sect = etree.Element(qn("w:sectPr"), nsmap={"w": W_NS, "r": _R_NS})
    for kind, rid in (("headerReference", header), ("footerReference", footer)):
        ref = etree.SubElement(sect, qn(f"w:{kind}"))
        ref.set(qn("w:type"), "default")
        ref.set(f"{{{_R_NS}}}id", rid)
    if first is not None:
        for child in first:
            if isinstance(child.tag, str) and etree.QName(child).localname not in _NOT_COPIED:
                sect.append(clone(child))
    return sect


def restart_page_numbers(sect: etree._Element) -> None:
    """Number a section's pages from 1 (`w:pgNumType w:start="1"`, its other attributes kept) — unless the
    document starts them at a number of its own, which it keeps."""
    existing = first_child(sect, qn("w:pgNumType"))
    if existing is None:
        existing = element("w:pgNumType")
        following = _SECTION_ORDER[_SECTION_ORDER.index("pgNumType") + 1 :]
        later = next(
            (c for c in sect if isinstance(c.tag, str) and etree.QName(c).localname in following),
            None,
        )
        if later is not None:
            later.addprevious(existing)
        else:
            sect.append(existing)
    if existing.get(qn("w:start")) is None:
        existing.set(qn("w:start"), "1")
