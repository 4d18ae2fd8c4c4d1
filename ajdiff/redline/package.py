"""A .docx in memory: every part kept as it came, the main document part parsed, the rest added as needed.

The redline is the NEW document itself with tracked changes in it (its styles, headers, margins,
numbering and tables stay), or a clean template of ajdiff's own for inputs that are not .docx. This
module is the packaging layer of both: Open Packaging Conventions (zip members, content types,
relationships) and the document properties, with lxml and zipfile alone so that `ajdiff redline`
starts fast. The WordprocessingML it adds (styles, comments, settings) comes from `oxml`.

Parts nobody changes are written back byte for byte, their compressed bytes copied as they came
(deflating the 300-700 KB of styles Word packages carry again cost a redline more than reading them);
the output is the same bytes for the same inputs (zip times from the given date, a fixed member order).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Mapping

from lxml import etree

from ajdiff.errors import InputError
from ajdiff.i18n import _
from ajdiff.read.formats import DEFAULT_MAX_BYTES
from ajdiff.read.formats.docx import Paragraph, Parsed, take_parsed
from ajdiff.read.formats.ooxml import qn
from ajdiff.read.formats.safe_zip import (
    open_zip,
    parse_xml_safely,
    read_member,
    refuse_dtd,
    refuse_unsafe_xml,
    xml_refusal,
)
from ajdiff.records import dataclass
from ajdiff.redline import oxml
from ajdiff.redline.oxml import datetime, first_child, timezone

CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_MAIN_TYPES = {
    f"{_WML}.document.main+xml": f"{_WML}.document.main+xml",
    # A template (.dotx) is the same markup; written out as a document, Word opens it as one.
    f"{_WML}.template.main+xml": f"{_WML}.document.main+xml",
}
_MACRO_TYPES = frozenset(
    {
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"

# The document-level properties ajdiff writes; computed counts are never among them (nobody counted).
_STALE_APP = frozenset({"Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs", "AppVersion"})
_EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class _PartKind:
    """Where a kind of part hangs and what it is called."""

    rel_type: str
    content_type: str
    file_name: str
    make: Callable[[], etree._Element]


_STYLES = _PartKind(f"{_R}/styles", f"{_WML}.styles+xml", "styles.xml", oxml.new_styles)
_SETTINGS = _PartKind(f"{_R}/settings", f"{_WML}.settings+xml", "settings.xml", oxml.new_settings)
_NUMBERING = _PartKind(f"{_R}/numbering", f"{_WML}.numbering+xml", "numbering.xml", oxml.new_numbering)
_COMMENTS = _PartKind(f"{_R}/comments", f"{_WML}.comments+xml", "comments.xml", oxml.new_comments)
_FONT_TABLE = _PartKind(f"{_R}/fontTable", f"{_WML}.fontTable+xml", "fontTable.xml", oxml.new_font_table)
# The parts of text besides the body (relationship types by their last word), where revisions may be.
_STORY_KINDS = frozenset({"header", "footer", "footnotes", "endnotes", "comments"})
_HEADER = _PartKind(f"{_R}/header", f"{_WML}.header+xml", "header.xml", lambda: oxml.new_story("hdr"))
_FOOTER = _PartKind(f"{_R}/footer", f"{_WML}.footer+xml", "footer.xml", lambda: oxml.new_story("ftr"))


_ROOT_TAGS: dict[str, str] = {}


def _root_tag(kind: _PartKind) -> str:
    """The tag of the root of a part of this kind (made once, not for every look-up)."""
    tag = _ROOT_TAGS.get(kind.rel_type)
    if tag is None:
        tag = _ROOT_TAGS[kind.rel_type] = str(kind.make().tag)
    return tag


def _new_core() -> etree._Element:
    return etree.Element(f"{{{_CP}}}coreProperties", nsmap={"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI})


def _new_app() -> etree._Element:
    return etree.Element(f"{{{_EP}}}Properties", nsmap={None: _EP, "vt": _VT})


_CORE = _PartKind(
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    "application/vnd.openxmlformats-package.core-properties+xml",
    "docProps/core.xml",
    _new_core,
)
_APP = _PartKind(
    f"{_R}/extended-properties",
    "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "docProps/app.xml",
    _new_app,
)

# The styles of ajdiff's template, in the order Word lists built-in styles.
_TEMPLATE_STYLES = (
    "Normal",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Title",
    "Subtitle",
    "heading 1",
    "heading 2",
    "List Paragraph",
    "List Bullet",
    "Table Grid",
    "annotation text",
    "annotation reference",
    "annotation subject",
    "Balloon Text",
)


_COMMENT_STYLES = ("annotation text", "annotation reference", "annotation subject", "Balloon Text")


def _is_part_name(member: str) -> bool:
    """A zip member name that can be an OPC part name: relative, '/'-separated, no empty, '.' or '..' segment."""
    segments = member.split("/")
    return "\\" not in member and all(segment not in ("", ".", "..") for segment in segments)


def _rels_name(part: str) -> str:
    """The relationships part of a part ('' is the package itself)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _resolve(source: str, target: str) -> str:
    """The part a relationship target names: absolute from the package root, else relative to its source."""
    path = target if target.startswith("/") else posixpath.join(posixpath.dirname(source), target)
    return posixpath.normpath(path).lstrip("/")


def _w3cdtf(date: datetime) -> str:
    utc = date.astimezone(timezone.utc) if date.tzinfo else date
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def _zip_time(date: datetime) -> tuple[int, int, int, int, int, int]:
    utc = date.astimezone(timezone.utc) if date.tzinfo else date
    stamp = (utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)
    return max(stamp, _EARLIEST_ZIP_TIME)


DEFLATE_LEVEL = 3
"""zlib's level for the redline's members: deflate's fast strategy, most of the default's compression."""


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_STYLE_CHUNK = 8 << 10
"""How much of a styles part the scan parses at a time: a style is a few hundred bytes."""
_DTD_REACH = 32
"""Bytes before a chunk looked at again for a DOCTYPE cut in two (`<!DOCTYPE` in UTF-16 is 18 bytes)."""


class _StyleScan:
    """A styles part read as far as the lookups need: its styles' (name key, type, id), in the part's order.

    NEW's styles part is written back as it came unless a style must be added (Word's defaults: 350-800 KB, which
    took a redline more to parse whole than everything else it read), and the styles the summary page uses stand
    near its start. So it is parsed incrementally (lxml's pull parser, with the reader's guards, which look at
    each chunk before it is parsed, not at the whole part), a chunk at a time, until the style asked for turns
    up; only a style the part lacks has it read to the end, and then parsed whole to be added to
    (`Package.style_id`). Damage past the last chunk read is NEW's own and is copied with it, as in every other
    part nobody changes.
    """

    def __init__(self, data: bytes, name: str, member: str) -> None:
        self._name, self._member, self._data, self._at = name, member, data, 0
        self._elements = 0  # counted in the chunks fed so far: the reader's guards, checked on what is parsed
        self._parser = etree.XMLPullParser(
            events=("start", "end"),
            tag=(qn("w:styles"), qn("w:style")),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        self._root: etree._Element | None = None
        self.root_tag: str | None = None
        """The tag of the part's root, once it is known (at its start, or at the end of a part without styles)."""
        self.styles: list[tuple[str, str, str]] = []
        """(name key, type, id) of the styles read so far that have an id, as `oxml.iter_styles` gives them."""
        self.done = False

    def find(self, key: str, kind: str | None) -> str | None:
        """The id of the first style named `key` (of type `kind`, when given), reading on as far as it is; None
        when the part has none."""
        seen = 0
        while True:
            for k, t, sid in self.styles[seen:]:
                if k == key and kind in (None, t):
                    return sid
            seen = len(self.styles)
            if not self.read_more():
                return None

    def read_more(self) -> bool:
        """Read up to the next style (or the root's start); False at the end of the part."""
        if self.done:
            return False
        style_tag = qn("w:style")
        names = (self._name, self._member)
        end: etree._Element | None = None
        try:
            while True:
                for event, el in self._parser.read_events():
                    if event == "start":
                        if self._root is None and el.getparent() is None:
                            self._root, self.root_tag = el, str(el.tag)
                            return True
                    elif el.tag == style_tag and self._root is not None and el.getparent() is self._root:
                        self.styles.extend(s for s in oxml.iter_styles_of((el,)) if s[2])
                        return True
                if self._at > len(self._data):  # closed: every event read
                    break
                if self._at < len(self._data):
                    chunk = self._data[self._at : self._at + _STYLE_CHUNK]
                    # A DOCTYPE's start cut between two chunks is found in the bytes around the cut.
                    refuse_dtd(self._data[max(0, self._at - _DTD_REACH) : self._at + len(chunk)], *names)
                    self._elements = refuse_unsafe_xml(chunk, *names, elements=self._elements)
                    self._parser.feed(chunk)
                    self._at = min(self._at + _STYLE_CHUNK, len(self._data))
                else:
                    end = self._parser.close()  # the part's end: broken XML is said here
                    self._at = len(self._data) + 1
        except (ValueError, etree.LxmlError) as exc:
            raise xml_refusal(exc, self._name, self._member) from None
        self.done = True
        if end is not None and self.root_tag is None:
            self.root_tag = str(end.tag)
        docinfo = end.getroottree().docinfo if end is not None else None
        if docinfo is not None and (docinfo.doctype or docinfo.internalDTD is not None):
            raise InputError(
                self._name,
                _("{0} declares a DOCTYPE (XML entities are refused)").format(self._member),
                _("not a genuine file"),
            )
        return False


class Package:
    """A .docx in memory: parts as bytes, untouched unless changed; the main document part parsed."""

    def __init__(
        self,
        parts: Mapping[str, bytes | None],
        main: str,
        name: str,
        source: tuple[bytes, zipfile.ZipFile] | None = None,
        read: Parsed | None = None,
    ) -> None:
        """Use `from_docx` or `blank`; `parts` maps member names to bytes, in the package's order, or to None
        for a member of `source` (the zip's bytes, and the zip) inflated when it is first asked for; `read`:
        the parts the reader parsed of these bytes, taken as they are."""
        self._name = name
        self._parts = dict(parts)
        self._source = source
        self._stored = {info.filename: info for info in source[1].infolist()} if source is not None else {}
        self._by_lower = {member.lower(): member for member in parts}
        self._trees: dict[str, etree._Element] = dict(read.trees) if read is not None else {}
        self.walked: tuple[Paragraph, ...] | None = read.paragraphs if read is not None else None
        """The main part's paragraphs as the reader walked them (`body_paragraphs`), while they still are."""
        self._dirty: set[str] = set()
        self._main = main
        self._style_ids: dict[str, str] = {}
        self._styles_present: list[tuple[str, str, str]] | None = None
        """(name key, type, id) of the styles part's styles; `style_id` alone adds to the part."""
        self._style_scan: _StyleScan | None = None
        """NEW's styles part read as far as `style_id` needed, while it is not parsed (see `_StyleScan`)."""
        self._bullet_num: int | None = None
        root = self._tree(main)
        if str(root.tag).startswith(f"{{{_STRICT_W}}}"):
            raise InputError(
                name, _("{0} is Strict Open XML").format(main), _("save it again as a Word Document (.docx)")
            )
        if root.tag != qn("w:document") or first_child(root, qn("w:body")) is None:
            raise InputError(
                name, _("not a readable Word document: {0} has no w:body").format(main), _("save it again as .docx")
            )
        self._dirty.add(main)  # the caller edits it through .document

    # ------------------------------------------------------------ construction

    @classmethod
    def from_docx(
        cls, data: bytes, *, name: str = "document.docx", max_bytes: int = DEFAULT_MAX_BYTES, to_write: bool = True
    ) -> Package:
        """An existing .docx as the base; any part that is not a sound Word document is an InputError.

        `to_write`: every part this layer may change is parsed at once, so a damaged one is refused before
        any work; a package only read (OLD's) parses a part when it is asked for."""
        zf = open_zip(data, name, max_bytes, what="Word document")
        read = take_parsed(data)  # the trees the comparison read, when `keeping_parsed` kept them
        inflated = read.members if read is not None else {}  # and the members it inflated: not inflated again
        parts: dict[str, bytes | None] = {}
        seen: set[str] = set()
        for info in zf.infolist():
            if info.is_dir() or not _is_part_name(info.filename):
                continue  # not a part of the package ('../../x', '/x'): never copied into the redline
            if info.filename.lower() in seen:
                raise InputError(
                    name, _("{0} is in the zip archive twice").format(info.filename), _("save it again as .docx")
                )
            seen.add(info.filename.lower())
            # A package to write has every member inflated now (its CRC checked), so a damaged one is refused
            # before any work; one only read (OLD's) inflates a member when it is asked for.
            known = inflated.get(info.filename)
            parts[info.filename] = known if known is not None else read_member(zf, info, name) if to_write else None
        by_lower = {member.lower(): member for member in parts}
        if CONTENT_TYPES.lower() not in by_lower or _rels_name("").lower() not in by_lower:
            missing = CONTENT_TYPES if CONTENT_TYPES.lower() not in by_lower else _rels_name("")
            raise InputError(name, _("not a Word document (no {0} in the zip)").format(missing), _("save it as .docx"))
        package_rels = by_lower[_rels_name("").lower()]
        rels = parse_xml_safely(parts[package_rels] or read_member(zf, package_rels, name), name, _rels_name(""))
        main = next(
            (
                _resolve("", rel.get("Target") or "")
                for rel in rels.iterchildren(f"{{{_REL_NS}}}Relationship")
                if (rel.get("Type") or "").endswith("/officeDocument") and rel.get("TargetMode") != "External"
            ),
            None,
        )
        if main is None or main.lower() not in by_lower:
            problem = _("no main document part") if main is None else _("its main part {0} is missing").format(main)
            raise InputError(name, _("not a Word document ({0})").format(problem), _("save it as .docx"))
        if read is not None and read.main != by_lower[main.lower()]:
            read = None
        package = cls(parts, by_lower[main.lower()], name, (data, zf), read)
        package._check_main_type()
        if not to_write:
            return package
        # Every part this layer may change is parsed now, so a damaged one is refused here, not on writing; the
        # styles part, which it changes only to add a style the document lacks, is read up to its first style.
        package._scanned_styles()
        for kind in (_SETTINGS, _NUMBERING, _COMMENTS):
            package._related(package._main, kind)
        for kind in (_CORE, _APP):
            package._related("", kind)
        return package

    @classmethod
    def blank(cls) -> Package:
        """ajdiff's own clean template: A4, 2 cm margins, Calibri 11 pt in Estonian, the redline's styles."""
        types = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
        for extension, content_type in (("rels", _RELS_TYPE), ("xml", "application/xml")):
            etree.SubElement(types, f"{{{_CT_NS}}}Default", Extension=extension, ContentType=content_type)
        main = "word/document.xml"
        etree.SubElement(
            types, f"{{{_CT_NS}}}Override", PartName=f"/{main}", ContentType=_MAIN_TYPES[f"{_WML}.document.main+xml"]
        )
        rels = etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})
        etree.SubElement(rels, f"{{{_REL_NS}}}Relationship", Id="rId1", Type=f"{_R}/officeDocument", Target=main)
        parts = {
            CONTENT_TYPES: _serialize(types),
            _rels_name(""): _serialize(rels),
            main: _serialize(oxml.new_document()),
        }
        package = cls(parts, main, "ajdiff template")
        for kind in (_STYLES, _SETTINGS, _FONT_TABLE):
            package._related(package._main, kind, create=True)
        for style in _TEMPLATE_STYLES:
            package.style_id(style)
        return package

    # ------------------------------------------------------------ the document

    @property
    def document(self) -> etree._Element:
        """The root (`w:document`) of the main document part; edit it in place."""
        return self._trees[self._main]

    @property
    def body(self) -> etree._Element:
        """The `w:body` of the main document part."""
        body = first_child(self.document, qn("w:body"))
        assert body is not None  # checked on construction
        return body

    @property
    def main_part(self) -> str:
        """The zip member name of the main document part (not always word/document.xml)."""
        return self._main

    def append(self, block: etree._Element) -> None:
        """Append a paragraph or table to the body, before its closing section properties."""
        oxml.append_block(self.body, block)

    def part(self, name: str) -> etree._Element | None:
        """A part of the main document by its kind ('styles', 'numbering', 'settings'), parsed; None if absent."""
        kinds = {"styles": _STYLES, "numbering": _NUMBERING, "settings": _SETTINGS}
        return self._related(self._main, kinds[name])

    def style_id(self, name: str) -> str:
        """The id of a built-in style in this package, by Word's name ('heading 1', 'Table Grid' …).

        Looked up by `w:name` without regard to case; a built-in style the package lacks is added
        (with the styles it is based on or linked to), so every style ajdiff references is defined.
        """
        key = oxml.style_name_key(name)
        if key in self._style_ids:
            return self._style_ids[key]
        definition = oxml.builtin_style(name)
        scan = self._scanned_styles()
        if scan is not None:  # the part as it came, read only as far as this style
            found = scan.find(key, definition.kind.value if definition is not None else None)
            if found is not None:
                self._style_ids[key] = found
                return found
            self._style_scan = None  # read to its end without the style: parsed whole now, to be added to
        styles = self._related(self._main, _STYLES, create=True)
        assert styles is not None
        if self._styles_present is None:  # read once: a redline asks for a dozen styles among hundreds
            self._styles_present = [(k, kind, sid) for k, kind, sid in oxml.iter_styles(styles) if sid]
        present = self._styles_present
        existing = next(
            (sid for k, kind, sid in present if k == key and (definition is None or kind == definition.kind.value)),
            None,
        )
        if existing is not None:
            self._style_ids[key] = existing
            return existing
        if definition is None:
            raise ValueError(f"{name!r} is not a style of this document nor one ajdiff can define")
        taken = {sid.lower() for _, _, sid in present}
        style_id, n = definition.style_id, 1
        while style_id.lower() in taken:
            style_id, n = f"{definition.style_id}{n}", n + 1
        has_default = any(
            s.get(qn("w:default")) in ("1", "true", "on") and s.get(qn("w:type")) == definition.kind.value
            for s in styles.iterchildren(qn("w:style"))
        )
        style = oxml.style_element(definition, style_id, default=definition.default and not has_default)
        styles.append(style)
        present.append((oxml.style_name_key(definition.name), definition.kind.value, style_id))
        self._dirty.add(self._part_of(styles))
        # Registered before its references resolve, so two styles linked to each other end.
        self._style_ids[key] = style_id
        oxml.set_style_refs(
            style,
            self.style_id(definition.based_on) if definition.based_on else None,
            self.style_id(definition.next) if definition.next else None,
            self.style_id(definition.link) if definition.link else None,
        )
        if definition.bullet:
            oxml.set_style_numbering(style, self._bullet_list())
        return style_id

    def add_comment(self, author: str, initials: str, date: datetime, text: str, *, lang: str | None = None) -> int:
        """Add a comment (one paragraph per line of text), its runs said to be in `lang` when given; its id.

        The caller anchors it: `oxml.comment_range(id, ref_style=self.style_id("annotation reference"))`.
        """
        comments = self._related(self._main, _COMMENTS, create=True)
        assert comments is not None
        for style in _COMMENT_STYLES:  # all of them, as Word adds them with a document's first comment
            self.style_id(style)
        comment_id = oxml.next_comment_id(comments)
        comment = oxml.comment(
            comment_id,
            author=author,
            initials=initials,
            stamp=_w3cdtf(date),
            text=text,
            text_style=self.style_id("annotation text"),
            ref_style=self.style_id("annotation reference"),
        )
        if lang is not None:
            oxml.set_run_language(comment, lang)
        comments.append(comment)
        self._dirty.add(self._part_of(comments))
        return comment_id

    def accept_pending(self) -> int:
        """Accept the tracked changes already in the document, its headers, footers, notes and comments (see
        `pending`); how many there were. A part without any is left as it came, byte for byte."""
        from ajdiff.redline.pending import accept_all

        count = accept_all(self.document)
        if count:
            self.walked = None  # the reader walked the paragraphs before their changes were accepted
        for rel in self._relationships(self._main).iterchildren(f"{{{_REL_NS}}}Relationship"):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            if kind not in _STORY_KINDS or rel.get("TargetMode") == "External":
                continue
            member = self._by_lower.get(_resolve(self._main, rel.get("Target") or "").lower())
            if member is None:
                continue
            found = accept_all(self._tree(member))
            if found:
                self._dirty.add(member)
            count += found
        return count

    def story(self, rel_id: str) -> etree._Element | None:
        """A header or footer part of the main document by its relationship id, parsed; None if absent.

        Read only until `changed` says it was edited: an untouched part is written back byte for byte."""
        for rel in self._relationships(self._main).iterchildren(f"{{{_REL_NS}}}Relationship"):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            if rel.get("Id") == rel_id and kind in ("header", "footer") and rel.get("TargetMode") != "External":
                member = self._by_lower.get(_resolve(self._main, rel.get("Target") or "").lower())
                return self._tree(member) if member is not None else None
        return None

    def numbering(self) -> etree._Element:
        """The main document's numbering part, created if absent, to be edited: it is written out."""
        root = self._related(self._main, _NUMBERING, create=True)
        assert root is not None  # created when absent
        self._dirty.add(self._part_of(root))
        return root

    def changed(self, root: etree._Element) -> None:
        """Say that a part given by `story` was edited, so it is written out."""
        self._dirty.add(self._part_of(root))

    def related_bytes(self, rel_id: str) -> bytes | None:
        """The bytes of the part a relationship of the main document names (an image), None if there is none."""
        found = self.related_part(rel_id)
        return found[1] if found is not None else None

    def related_part(self, rel_id: str, source: etree._Element | None = None) -> tuple[str, bytes, str] | None:
        """The member name, bytes and relationship type of the part a relationship of the main document (or
        of `source`, a header given by `story`) names, None if there is none (or it is external)."""
        owner = self._main if source is None else self._part_of(source)
        for rel in self._relationships(owner).iterchildren(f"{{{_REL_NS}}}Relationship"):
            if rel.get("Id") == rel_id and rel.get("TargetMode") != "External":
                member = self._by_lower.get(_resolve(owner, rel.get("Target") or "").lower())
                if member is None or member not in self._parts:
                    return None
                return member, self._bytes(member), rel.get("Type") or ""
        return None

    def add_media(
        self, data: bytes, name: str, rel_type: str, content_type: str | None, source: etree._Element | None = None
    ) -> str:
        """Add an image (or other media) part to the main document (or to `source`, a header given by `story`),
        named like `name`; its relationship id."""
        stem, ext = posixpath.splitext(posixpath.basename(name))
        member, n = f"word/media/ajdiff-{stem}{ext}", 1
        while member.lower() in self._by_lower:
            member, n = f"word/media/ajdiff-{stem}-{n}{ext}", n + 1
        self._parts[member] = data
        self._by_lower[member.lower()] = member
        types = self._content_types()
        extension = ext.lstrip(".").lower()
        if self._content_type(member) is None:
            if content_type is None:
                raise ValueError(f"no content type for {name}")
            default = etree.Element(f"{{{_CT_NS}}}Default", Extension=extension, ContentType=content_type)
            types.insert(0, default)
            self._dirty.add(CONTENT_TYPES)
        owner = self._main if source is None else self._part_of(source)
        rels = self._relationships(owner)
        ids = {rel.get("Id") for rel in rels}
        k = len(ids) + 1
        while f"rId{k}" in ids:
            k += 1
        target = posixpath.relpath(member, posixpath.dirname(owner) or ".")
        etree.SubElement(rels, f"{{{_REL_NS}}}Relationship", Id=f"rId{k}", Type=rel_type, Target=target)
        rels_member = self._part_of(rels)
        if rels_member not in self._parts:  # a header that had no relationships until now
            self._parts[rels_member] = b""
            self._by_lower[rels_member.lower()] = rels_member
            if not any(d.get("Extension", "").lower() == "rels" for d in types.iterchildren(f"{{{_CT_NS}}}Default")):
                types.insert(0, etree.Element(f"{{{_CT_NS}}}Default", Extension="rels", ContentType=_RELS_TYPE))
                self._dirty.add(CONTENT_TYPES)
        self._dirty.add(rels_member)
        return f"rId{k}"

    def content_type_of(self, member: str) -> str | None:
        """The content type of a part, by its override or its extension's default."""
        return self._content_type(member)

    def add_empty_story(self, kind: str) -> str:
        """Add an empty header ('header') or footer ('footer') part to the main document; its relationship id."""
        root = self._add_part(self._main, _HEADER if kind == "header" else _FOOTER)
        member = self._part_of(root)
        for rel in self._relationships(self._main).iterchildren(f"{{{_REL_NS}}}Relationship"):
            if _resolve(self._main, rel.get("Target") or "") == member:
                return rel.get("Id") or ""
        raise AssertionError(f"{member} was added without its relationship")

    # ------------------------------------------------------------ writing

    def to_bytes(self, *, title: str, author: str, date: datetime) -> bytes:
        """The package as .docx bytes: Track Changes on, the properties set, the same bytes for the same inputs."""
        settings = self._related(self._main, _SETTINGS, create=True)
        assert settings is not None
        oxml.enable_track_revisions(settings)
        self._dirty.add(self._part_of(settings))
        # A package without styles gets ajdiff's (Calibri 11 pt, Estonian); NEW's own are written back as they
        # came: its default language is what NEW says of its own text (ajdiff's words say theirs on their runs).
        if self._related_member(self._main, _STYLES) is None:
            self._add_part(self._main, _STYLES)
        self._set_core(title, author, date)
        self._set_app()
        # The content types first, as Word writes them; then the parts in the base's order, new ones last.
        members = [CONTENT_TYPES, *(m for m in self._parts if m != CONTENT_TYPES)]
        when = _zip_time(date)
        out = io.BytesIO()
        # zipfile deflates every member again, the untouched too: it has no way to copy a member's
        # compressed bytes, and a zip writer of our own is not worth the ~2% it would save. At zlib's
        # level 3, not its default 6: a third of the time (Word's styles alone are 350-800 KB of XML),
        # for a file about a quarter larger (the benchmark's pair: 39 -> 50 KB).
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            for member in members:
                info = zipfile.ZipInfo(member, date_time=when)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0  # as Word writes them, whatever the platform
                data = _serialize(self._trees[member]) if member in self._dirty else self._bytes(member)
                zf.writestr(info, data, compresslevel=DEFLATE_LEVEL)
        return out.getvalue()

    def _bytes(self, member: str) -> bytes:
        """A member's bytes as they came (or as added), inflated from the base's zip on first use."""
        data = self._parts[member]
        if data is None:
            assert self._source is not None  # only a member of the base's zip is None
            data = read_member(self._source[1], self._stored[member], self._name)
            self._parts[member] = data
        return data

    # ------------------------------------------------------------ parts and relationships

    def _part_of(self, root: etree._Element) -> str:
        return next(member for member, tree in self._trees.items() if tree is root)

    def _tree(self, member: str) -> etree._Element:
        """A part parsed (once) with the reader's guards: no DOCTYPE, no entities, no network, no huge trees."""
        if member not in self._trees:
            self._trees[member] = parse_xml_safely(self._bytes(member), self._name, member)
        return self._trees[member]

    def _relationships(self, source: str) -> etree._Element:
        """The relationships of a part, an empty set when it has none."""
        member = self._by_lower.get(_rels_name(source).lower())
        if member is None:  # written only if a relationship is added (see _add_part)
            member = _rels_name(source)
            if member not in self._trees:
                self._trees[member] = etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})
            return self._trees[member]
        root = self._tree(member)
        if root.tag != f"{{{_REL_NS}}}Relationships":
            raise InputError(
                self._name, _("{0} is not a relationships part").format(member), _("save it again as .docx")
            )
        return root

    def _related_member(self, source: str, kind: _PartKind) -> str | None:
        """The member of the part of a kind that `source` refers to, not parsed; None if there is none."""
        rels = self._relationships(source)
        for rel in rels.iterchildren(f"{{{_REL_NS}}}Relationship"):
            if rel.get("Type") == kind.rel_type and rel.get("TargetMode") != "External":
                member = self._by_lower.get(_resolve(source, rel.get("Target") or "").lower())
                if member is not None:
                    return member
        return None

    def _related(self, source: str, kind: _PartKind, *, create: bool = False) -> etree._Element | None:
        """The part of a kind that `source` refers to, parsed; created (with its relationship) if asked."""
        member = self._related_member(source, kind)
        if member is not None:
            return self._checked(member, kind)
        if not create:
            return None
        return self._add_part(source, kind)

    def _checked(self, member: str, kind: _PartKind, root_tag: str | None = None) -> etree._Element | None:
        """A related WordprocessingML part, refused unless its root is of its kind (`root_tag`: the tag of a part
        read only in part, which is then left unparsed: None is returned).

        A `settings` or `styles` relationship that names the main part would have the redline put
        `w:trackRevisions` or `w:docDefaults` into `w:document`, where the schema has no place for them.
        """
        root = self._tree(member) if root_tag is None or member == self._main else None
        tag = root.tag if root is not None else root_tag
        if kind.content_type.startswith(_WML) and (member == self._main or tag != _root_tag(kind)):
            relation = kind.rel_type.rsplit("/", 1)[-1]
            raise InputError(
                self._name,
                _("its {0} relationship points at {1}").format(relation, member),
                _("save it again as .docx"),
            )
        return root

    def _scanned_styles(self) -> _StyleScan | None:
        """The main document's styles part as read so far, its root checked; None when the part is parsed whole
        (by the reader, or to be added to) or when there is none."""
        if self._style_scan is not None:
            return self._style_scan
        member = self._related_member(self._main, _STYLES)
        if member is None or member in self._trees or member == self._main:
            if member is not None:
                self._related(self._main, _STYLES)  # parsed already (or the main part: refused), checked
            return None
        scan = _StyleScan(self._bytes(member), self._name, member)
        scan.read_more()  # to the root's start: a part of another kind is refused before any work
        self._checked(member, _STYLES, root_tag=scan.root_tag or "")
        self._style_scan = scan
        return scan

    def _add_part(self, source: str, kind: _PartKind) -> etree._Element:
        folder = posixpath.dirname(source)
        stem, ext = posixpath.splitext(posixpath.join(folder, kind.file_name) if source else kind.file_name)
        member, n = f"{stem}{ext}", 1
        while member.lower() in self._by_lower:
            member, n = f"{stem}{n}{ext}", n + 1
        root = kind.make()
        self._parts[member] = b""
        self._by_lower[member.lower()] = member
        self._trees[member] = root
        self._dirty.add(member)
        rels = self._relationships(source)
        ids = {rel.get("Id") for rel in rels}
        k = len(ids) + 1
        while f"rId{k}" in ids:
            k += 1
        target = posixpath.relpath(member, folder) if folder else member
        etree.SubElement(rels, f"{{{_REL_NS}}}Relationship", Id=f"rId{k}", Type=kind.rel_type, Target=target)
        rels_member = self._part_of(rels)
        if rels_member not in self._parts:
            self._parts[rels_member] = b""
            self._by_lower[rels_member.lower()] = rels_member
        self._dirty.add(rels_member)
        types = self._content_types()
        etree.SubElement(types, f"{{{_CT_NS}}}Override", PartName=f"/{member}", ContentType=kind.content_type)
        if not any(d.get("Extension", "").lower() == "rels" for d in types.iterchildren(f"{{{_CT_NS}}}Default")):
            default = etree.Element(f"{{{_CT_NS}}}Default", Extension="rels", ContentType=_RELS_TYPE)
            types.insert(0, default)
        self._dirty.add(CONTENT_TYPES)
        return root

    def _content_types(self) -> etree._Element:
        member = self._by_lower[CONTENT_TYPES.lower()]
        if member != CONTENT_TYPES:  # the name is fixed by the standard; written back as it should be
            self._parts[CONTENT_TYPES] = self._parts.pop(member)
            if member in self._stored:
                self._stored[CONTENT_TYPES] = self._stored.pop(member)
            self._by_lower[CONTENT_TYPES.lower()] = CONTENT_TYPES
            if member in self._trees:
                self._trees[CONTENT_TYPES] = self._trees.pop(member)
        root = self._tree(CONTENT_TYPES)
        if root.tag != f"{{{_CT_NS}}}Types":
            raise InputError(
                self._name, _("{0} is not a content types part").format(CONTENT_TYPES), _("save it again as .docx")
            )
        return root

    def _content_type(self, member: str) -> str | None:
        types = self._content_types()
        for override in types.iterchildren(f"{{{_CT_NS}}}Override"):
            if (override.get("PartName") or "").lstrip("/").lower() == member.lower():
                return override.get("ContentType")
        ext = posixpath.splitext(member)[1].lstrip(".").lower()
        for default in types.iterchildren(f"{{{_CT_NS}}}Default"):
            if (default.get("Extension") or "").lower() == ext:
                return default.get("ContentType")
        return None

    def _check_main_type(self) -> None:
        found = self._content_type(self._main)
        if found in _MACRO_TYPES:
            raise InputError(
                self._name, _("a macro-enabled Word document (.docm)"), _("save it as a Word Document (.docx)")
            )
        if found not in _MAIN_TYPES:
            raise InputError(
                self._name,
                _("not a Word document ({0})").format(
                    _("{0} is {1}").format(self._main, found) if found else _("{0} is untyped").format(self._main)
                ),
                _("save it as .docx"),
            )
        if _MAIN_TYPES[found] != found:
            types = self._content_types()
            for override in types.iterchildren(f"{{{_CT_NS}}}Override"):
                if (override.get("PartName") or "").lstrip("/").lower() == self._main.lower():
                    override.set("ContentType", _MAIN_TYPES[found])
            self._dirty.add(CONTENT_TYPES)

    def _bullet_list(self) -> int:
        if self._bullet_num is None:
            numbering = self._related(self._main, _NUMBERING, create=True)
            assert numbering is not None
            self._bullet_num = oxml.add_bullet_list(numbering)
            self._dirty.add(self._part_of(numbering))
        return self._bullet_num

    # ------------------------------------------------------------ document properties

    def _set_core(self, title: str, author: str, date: datetime) -> None:
        core = self._related("", _CORE, create=True)
        assert core is not None
        if core.tag != f"{{{_CP}}}coreProperties":
            raise InputError(self._name, _("its core properties part is not one"), _("save it again as .docx"))
        stamp = _w3cdtf(date)
        for tag, value in (
            (f"{{{_DC}}}title", oxml.clean_text(title)),
            (f"{{{_DC}}}creator", oxml.clean_text(author)),
            (f"{{{_CP}}}lastModifiedBy", oxml.clean_text(author)),
            (f"{{{_DCTERMS}}}created", stamp),
            (f"{{{_DCTERMS}}}modified", stamp),
        ):
            el = core.find(tag)
            if el is None:
                el = etree.SubElement(core, tag, nsmap={"dc": _DC, "dcterms": _DCTERMS})
            el.text = value
            if tag.startswith(f"{{{_DCTERMS}}}"):
                # The xsi:type value is a QName: it must use the prefix in scope for dcterms.
                el.set(f"{{{_XSI}}}type", f"{el.prefix}:W3CDTF")
        self._dirty.add(self._part_of(core))

    def _set_app(self) -> None:
        app = self._related("", _APP, create=True)
        assert app is not None
        if app.tag != f"{{{_EP}}}Properties":
            raise InputError(self._name, _("its extended properties part is not one"), _("save it again as .docx"))
        for child in list(app):
            if isinstance(child.tag, str) and etree.QName(child).localname in _STALE_APP:
                app.remove(child)
        application = app.find(f"{{{_EP}}}Application")
        if application is None:
            application = etree.SubElement(app, f"{{{_EP}}}Application")
        application.text = "ajdiff"
        self._dirty.add(self._part_of(app))
