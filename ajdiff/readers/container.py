"""Signature containers (ASiC-E, BDOC, EDOC) and the zip safety checks every zip reader shares."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePosixPath

from lxml import etree

from ajdiff.errors import InputError
from ajdiff.readers import Origin, SourceText
from ajdiff.text import normalize_line

MAX_ZIP_MEMBERS = 10_000
"""More members than this is not an office file or a container but an attack on the reader."""

SIGNATURE_MIMETYPES = (
    b"application/vnd.etsi.asic-e+zip",
    b"application/vnd.etsi.asic-s+zip",
    b"application/vnd.bdoc",  # BDOC 1.0 / 2.1 ("application/vnd.bdoc-1.0", "-2.1")
    b"application/vnd.lt.archyvai.adoc",  # Lithuanian ADOC, same ASiC structure
)
"""The `mimetype` member of a signature container starts with one of these."""

CONTAINER_SUFFIXES = frozenset({".asice", ".bdoc", ".edoc", ".sce", ".asics", ".scs", ".adoc"})
DOCUMENT_SUFFIXES = frozenset({".docx", ".pdf", ".html", ".htm", ".txt", ".md", ".text"})


def safe_xml_parser() -> etree.XMLParser:
    """An XML parser that never fetches, never expands entities and refuses huge trees."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False
    )


# A DTD can only come before the root element; these spell its start in UTF-8 and in UTF-16.
_DTD_MARKERS = tuple(
    marker.encode(enc) for marker in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be")
)
_CHUNK = 1 << 16


def parse_xml_safely(data: bytes, name: str, member: str) -> etree._Element:
    """Parse one XML member; a DOCTYPE (XXE, billion laughs) or broken XML is an InputError."""
    if any(marker in data for marker in _DTD_MARKERS):
        # Office files and signatures never declare a DTD; one that does is trying entity tricks.
        # Refused before parsing, so no entity is ever resolved or expanded.
        raise InputError(name, f"{member} declares a DOCTYPE (XML entities are refused)", "not a genuine file")
    try:
        root = etree.fromstring(data, safe_xml_parser())
    except etree.XMLSyntaxError as exc:
        if "XML_PARSE_HUGE" in (exc.msg or ""):  # libxml2's depth and size limits: a crafted file
            limit = exc.msg.split(", use XML_PARSE_HUGE")[0]
            problem = f"{member} is beyond the XML safety limits ({limit})"
            raise InputError(name, problem, "not a genuine file") from None
        raise InputError(name, f"damaged XML in {member}: {exc.msg}", "save it again from the word processor") from None
    except (ValueError, etree.LxmlError) as exc:
        raise InputError(name, f"unreadable XML in {member}: {exc}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        # Office files and signatures never declare a DTD; one that does is trying entity tricks.
        raise InputError(name, f"{member} declares a DOCTYPE (XML entities are refused)", "not a genuine file")
    return root


def open_zip(data: bytes, name: str, max_bytes: int, *, what: str = "zip file") -> zipfile.ZipFile:
    """Open zip bytes after checking, before anything is inflated, that no member is too large."""
    if not data.startswith(b"PK"):
        raise InputError(name, f"not a {what} (not a zip archive)", "give a .docx, .pdf, .html or .asice file")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
        raise InputError(name, f"damaged or truncated {what}", "download or save it again") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise InputError(name, f"{what} has {len(infos)} members", "not a genuine document")
    total = 0
    limit = max_bytes // 2**20
    for info in infos:
        total += info.file_size
        if info.file_size > max_bytes:
            size = info.file_size // 2**20
            raise InputError(
                name, f"{info.filename} would inflate to {size} MiB (limit {limit} MiB)", "raise --max-size"
            )
    if total > max_bytes:
        raise InputError(name, f"{what} would inflate to {total // 2**20} MiB (limit {limit} MiB)", "raise --max-size")
    return zf


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
        raise InputError(name, f"{label} is missing from the zip archive") from None
    except RuntimeError:  # zipfile says "File ... is encrypted, password required"
        raise InputError(name, f"{label} is encrypted inside the zip archive", "remove the password") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise InputError(name, f"damaged zip member {label}: {exc}", "download or save it again") from None


def _zip_names(data: bytes) -> tuple[list[str], zipfile.ZipFile] | None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        return zf.namelist(), zf
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
        return None


def _is_signature_name(member: str) -> bool:
    lower = member.lower()
    return lower.startswith("meta-inf/") and "signature" in lower and lower.endswith(".xml")


def is_signature_container(data: bytes, name: str) -> bool:
    """True for a zip whose mimetype or META-INF signatures make it a signature container, not a docx."""
    opened = _zip_names(data)
    if opened is None:
        return False
    names, zf = opened
    if "word/document.xml" in names:
        return False
    if "mimetype" in names:
        info = zf.getinfo("mimetype")
        if info.file_size <= 200:
            try:
                mimetype = zf.read(info).strip()
            except (RuntimeError, zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError):
                mimetype = b""
            if mimetype.startswith(SIGNATURE_MIMETYPES):
                return True
    return any(_is_signature_name(n) for n in names)


def _signature_metadata(root: etree._Element) -> list[tuple[str, str]]:
    """Signing times and signers' names from a XAdES signature, when it has them."""
    pairs: list[tuple[str, str]] = []
    for el in root.iter("{*}SigningTime"):
        if el.text and el.text.strip():
            pairs.append(("Allkirjastatud", normalize_line(el.text)))
    for el in root.iter("{*}X509SubjectName"):
        if el.text and el.text.strip():
            pairs.append(("Allkirjastaja", normalize_line(el.text)))
    return pairs


def read_container(data: bytes, name: str, *, max_bytes: int) -> SourceText:
    """Read the signed document(s) of an ASiC-E/BDOC/EDOC container, one after another."""
    from ajdiff.readers import read_bytes

    zf = open_zip(data, name, max_bytes, what="signature container")
    lines: list[str] = []
    origins: list[Origin] = []  # each member's own origins (a text member's are its line numbers)
    metadata: list[tuple[str, str]] = []
    warnings: list[str] = []
    wrapped = False
    found = 0
    for info in zf.infolist():
        member = info.filename
        if info.is_dir() or member == "mimetype":
            continue
        if member.upper().startswith("META-INF/"):
            if _is_signature_name(member):
                try:
                    metadata.extend(_signature_metadata(parse_xml_safely(read_member(zf, info, name), name, member)))
                except InputError as exc:
                    warnings.append(f"{member}: {exc.problem}")
            continue
        suffix = PurePosixPath(member).suffix.lower()
        if suffix in CONTAINER_SUFFIXES:
            # A container inside a container is never needed and would let a zip quine recurse.
            warnings.append(f"{member}: nested container skipped")
            continue
        if suffix not in DOCUMENT_SUFFIXES:
            warnings.append(f"{member}: not a readable document ({suffix or 'no extension'}), skipped")
            continue
        inner = read_bytes(read_member(zf, info, name), f"{name}:{member}", suffix, max_bytes=max_bytes)
        if found:
            lines.append("")
            origins.append(Origin())
        found += 1
        lines.extend(inner.lines)
        origins.extend(inner.origin(k) for k in range(len(inner.lines)))
        metadata.extend(inner.metadata)
        warnings.extend(f"{member}: {w}" for w in inner.warnings)
        wrapped = wrapped or inner.wrapped
    if not found:
        raise InputError(name, "no document inside the container", "it should hold a .docx, .pdf, .html or .txt file")
    return SourceText(
        name=name,
        lines=tuple(lines),
        metadata=tuple(metadata),
        wrapped=wrapped,
        warnings=tuple(warnings),
        origins=tuple(origins),
    )
