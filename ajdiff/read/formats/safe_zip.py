"""The safety checks every zip and XML reader shares: bounded members, no DOCTYPE, no entities, no network."""

from __future__ import annotations

import io
import zipfile
import zlib
from functools import lru_cache

from lxml import etree

from ajdiff.errors import InputError
from ajdiff.i18n import _

MAX_ZIP_MEMBERS = 10_000
"""More members than this is not an office file or a container but an attack on the reader."""


@lru_cache(maxsize=1)  # making a parser costs about a millisecond; ajdiff parses in one thread per process
def safe_xml_parser() -> etree.XMLParser:
    """An XML parser that never fetches, never expands entities and refuses huge trees."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False
    )


# A DTD can only come before the root element; these spell its start in UTF-8 and in UTF-16, where an ASCII
# character is its byte and a NUL, in either order (so spelt, the two UTF-16 codecs are not imported for it).
_DTD_MARKERS = tuple(
    spelt
    for marker in (b"<!DOCTYPE", b"<!ENTITY")
    for spelt in (marker, bytes(b for c in marker for b in (c, 0)), bytes(b for c in marker for b in (0, c)))
)
_CHUNK = 1 << 16


def refuse_dtd(data: bytes, name: str, member: str) -> None:
    """Refuse an XML member that declares a DTD, without parsing it: an InputError."""
    if any(marker in data for marker in _DTD_MARKERS):
        # Office files and signatures never declare a DTD; one that does is trying entity tricks.
        # Refused before parsing, so no entity is ever resolved or expanded.
        raise InputError(
            name, _("{0} declares a DOCTYPE (XML entities are refused)").format(member), _("not a genuine file")
        )


MAX_XML_ELEMENTS = 2_000_000
"""Most elements in one XML part (a 60-page order's body has about 10,000; lxml holds ~300 bytes each)."""


def count_elements(data: bytes) -> int:
    """An upper bound on the elements an XML text holds, counted in its bytes before any is built."""
    # Start and empty tags begin with '<' but not '</'; comments and PIs are counted too (an over-count).
    # In UTF-16 '<' is still one byte of its own, and '</' is '<' NUL '/'.
    return data.count(b"<") - data.count(b"</") - data.count(b"<\x00/")


def refuse_unsafe_xml(data: bytes, name: str, member: str, elements: int = 0) -> int:
    """What is checked of an XML member's bytes before any of it is parsed: no DOCTYPE (XXE, billion laughs) and
    not too many elements; an InputError otherwise. `elements`: those counted in the member's bytes before these
    (a member checked a piece at a time); the count with these."""
    refuse_dtd(data, name, member)
    elements += count_elements(data)
    if elements > MAX_XML_ELEMENTS:
        problem = _("{0} has {1} XML elements (limit {2})").format(member, elements, MAX_XML_ELEMENTS)
        raise InputError(name, problem, _("not a genuine file"))
    return elements


def xml_refusal(exc: Exception, name: str, member: str) -> InputError:
    """The InputError that says why lxml could not parse an XML member (damaged, beyond the safety limits)."""
    if isinstance(exc, etree.XMLSyntaxError):
        if "XML_PARSE_HUGE" in (exc.msg or ""):  # libxml2's depth and size limits: a crafted file
            limit = exc.msg.split(", use XML_PARSE_HUGE")[0]
            problem = _("{0} is beyond the XML safety limits ({1})").format(member, limit)
            return InputError(name, problem, _("not a genuine file"))
        return InputError(
            name, _("damaged XML in {0}: {1}").format(member, exc.msg), _("save it again from the word processor")
        )
    return InputError(name, _("unreadable XML in {0}: {1}").format(member, exc), _("download or save it again"))


def parse_xml_safely(data: bytes, name: str, member: str) -> etree._Element:
    """Parse one XML member; a DOCTYPE (XXE, billion laughs), too many elements or broken XML is an InputError."""
    refuse_unsafe_xml(data, name, member)
    try:
        root = etree.fromstring(data, safe_xml_parser())
    except (ValueError, etree.LxmlError) as exc:  # XMLSyntaxError is an LxmlError
        raise xml_refusal(exc, name, member) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        # Office files and signatures never declare a DTD; one that does is trying entity tricks.
        raise InputError(
            name, _("{0} declares a DOCTYPE (XML entities are refused)").format(member), _("not a genuine file")
        )
    return root


def open_zip(data: bytes, name: str, max_bytes: int, *, what: str = "zip file") -> zipfile.ZipFile:
    """Open zip bytes after checking, before anything is inflated, that no member is too large."""
    if not data.startswith(b"PK"):
        raise InputError(
            name, _("not a {0} (not a zip archive)").format(what), _("give a .docx, .pdf, .html or .asice file")
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
        raise InputError(name, _("damaged or truncated {0}").format(what), _("download or save it again")) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise InputError(name, _("{0} has {1} members").format(what, len(infos)), _("not a genuine document"))
    _refuse_shared_entries(infos, name, what)
    total = 0
    limit = max_bytes // 2**20
    for info in infos:
        total += info.file_size
        if info.file_size > max_bytes:
            size = info.file_size // 2**20
            raise InputError(
                name,
                _("{0} would inflate to {1} MiB (limit {2} MiB)").format(info.filename, size, limit),
                _("raise --max-size"),
            )
    if total > max_bytes:
        raise InputError(
            name,
            _("{0} would inflate to {1} MiB (limit {2} MiB)").format(what, total // 2**20, limit),
            _("raise --max-size"),
        )
    return zf


def _refuse_shared_entries(infos: list[zipfile.ZipInfo], name: str, what: str) -> None:
    """Refuse a zip whose directory lists one name twice, or two entries at the same bytes.

    A tool never writes either; a crafted directory repeats one small entry to multiply what is
    read from it (each copy passes the size checks on its own).
    """
    names: set[str] = set()
    offsets: set[int] = set()
    for info in infos:
        if info.filename in names:
            raise InputError(
                name, _("{0} lists {1} more than once").format(what, info.filename), _("not a genuine file")
            )
        if info.header_offset in offsets:
            raise InputError(
                name,
                _("{0} has two members at the same bytes ({1})").format(what, info.filename),
                _("not a genuine file"),
            )
        names.add(info.filename)
        offsets.add(info.header_offset)


def read_member(zf: zipfile.ZipFile, member: str | zipfile.ZipInfo, name: str, *, keep: bool = True) -> bytes:
    """Inflate one member in bounded chunks; keep=False only checks it (its CRC) and returns b''.

    zipfile stops at the declared size and then checks the CRC, so a member whose header lies
    about its size fails here; reading in chunks keeps memory bounded while it does (a single
    `zf.read` would inflate everything the compressed bytes hold first).
    """
    label = member.filename if isinstance(member, zipfile.ZipInfo) else member
    try:
        parts: list[bytes] = []
        with zf.open(member) as fh:
            while chunk := fh.read(_CHUNK):
                if keep:
                    parts.append(chunk)
        return b"".join(parts)
    except KeyError:
        raise InputError(
            name, _("{0} is missing from the zip archive").format(label), _("download or save it again")
        ) from None
    except RuntimeError:  # zipfile says "File ... is encrypted, password required"
        raise InputError(
            name, _("{0} is encrypted inside the zip archive").format(label), _("remove the password")
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise InputError(
            name, _("damaged zip member {0}: {1}").format(label, exc), _("download or save it again")
        ) from None
