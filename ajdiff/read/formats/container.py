"""Signature containers (ASiC-E, BDOC, EDOC): the signed document inside, and who signed it."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePosixPath

from lxml import etree

from ajdiff.errors import InputError
from ajdiff.i18n import _
from ajdiff.read.formats import SourceText
from ajdiff.read.formats.safe_zip import open_zip, parse_xml_safely, read_member
from ajdiff.text import normalize_line
from ajdiff.tree import Origin

SIGNATURE_MIMETYPES = (
    b"application/vnd.etsi.asic-e+zip",
    b"application/vnd.etsi.asic-s+zip",
    b"application/vnd.bdoc",  # BDOC 1.0 / 2.1 ("application/vnd.bdoc-1.0", "-2.1")
    b"application/vnd.lt.archyvai.adoc",  # Lithuanian ADOC, same ASiC structure
)
"""The `mimetype` member of a signature container starts with one of these."""

CONTAINER_SUFFIXES = frozenset({".asice", ".bdoc", ".edoc", ".sce", ".asics", ".scs", ".adoc"})
DOCUMENT_SUFFIXES = frozenset({".docx", ".pdf", ".html", ".htm", ".txt", ".md", ".text"})


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
    from ajdiff.read.formats import read_bytes

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
            warnings.append(_("{0}: nested container skipped").format(member))
            continue
        if suffix not in DOCUMENT_SUFFIXES:
            warnings.append(
                _("{0}: not a readable document ({1}), skipped").format(member, suffix or _("no extension"))
            )
            continue
        data = read_member(zf, info, name)
        if data.startswith(b"PK") and is_signature_container(data, member):
            # Named as a document but a container itself: one level is all a signed document needs,
            # and following it would let levels nest (or a zip quine recurse) without end.
            warnings.append(_("{0}: nested container skipped").format(member))
            continue
        inner = read_bytes(data, f"{name}:{member}", suffix, max_bytes=max_bytes)
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
        raise InputError(
            name, _("no document inside the container"), _("it should hold a .docx, .pdf, .html or .txt file")
        )
    return SourceText(
        name=name,
        lines=tuple(lines),
        metadata=tuple(metadata),
        wrapped=wrapped,
        warnings=tuple(warnings),
        origins=tuple(origins),
    )
