"""Readers: every input format becomes the same `SourceText`, a list of text lines.

Tables are flattened the way the register's text export flattens them: a label | value row
becomes one line "label value"; a task | results row becomes the task line followed by one
line per result paragraph. So one parser serves every format.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ajdiff.errors import InputError, display_name

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Largest input file read (and largest inflated zip member), unless the caller says otherwise."""
MAX_LINES = 250_000
"""More lines than this is not an order of job descriptions (the largest real one has ~1,000): a bound on work."""
MAX_LINE_CHARS = 20_000
"""A paragraph longer than this (about five pages) is not part of a job description: a bound on work."""


@dataclass(frozen=True)
class Origin:
    """Where one line of a `SourceText` stands in its file, for pointing a reader back at it."""

    line: int | None = None
    """1-based line of a text file."""
    paragraph: int | None = None
    """1-based body paragraph (docx, html) outside tables."""
    table: int | None = None
    """1-based table, with `row` and `cell` (1-based) inside it."""
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    """1-based page of a PDF."""


@dataclass(frozen=True)
class SourceText:
    """The text of one input file, as lines, with what the format said about it."""

    name: str
    lines: tuple[str, ...]
    metadata: tuple[tuple[str, str], ...] = ()
    wrapped: bool = False
    """True when lines are visual lines of a page (PDF) rather than whole paragraphs."""
    warnings: tuple[str, ...] = ()
    origins: tuple[Origin, ...] = ()
    """Parallel to `lines` where the reader knows it; empty means line k is text line k + 1."""

    def origin(self, index: int) -> Origin:
        """Where line `index` (0-based) came from."""
        if index < len(self.origins):
            return self.origins[index]
        return Origin(line=index + 1)


TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf", ".html", ".htm", ".asice", ".bdoc", ".edoc", ".sce"}


def sniff_kind(data: bytes, suffix: str) -> str:
    """The format of some bytes: by extension where given, else by their magic."""
    suffix = suffix.lower()
    if suffix in (".asice", ".bdoc", ".edoc", ".sce"):
        return "container"
    if suffix == ".docx":
        return "docx"
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".html", ".htm"):
        return "html"
    head = data[:1024].lstrip()
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"%PDF"):
        return "pdf"
    if head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def read_bytes(data: bytes, name: str, suffix: str = "", *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read a document from bytes already in memory (standard input, a container member)."""
    if not data:
        raise InputError(name, "empty file", "give an ametijuhend or an order with annexes")
    source = _read_kind(data, name, suffix, max_bytes)
    return _check_bounds(source, sniff_kind(data, suffix) == "text")


def _check_bounds(source: SourceText, text: bool) -> SourceText:
    """Refuse a source with no text, or so many or so long lines that parsing it would take minutes."""
    if not any(source.lines):
        problem = "empty file (only whitespace)" if text else "no text in the document"
        raise InputError(source.name, problem, "give an ametijuhend or an order with annexes")
    if len(source.lines) > MAX_LINES:
        raise InputError(
            source.name, f"{len(source.lines)} lines (limit {MAX_LINES})", "not a job description; split the file"
        )
    longest = max(range(len(source.lines)), key=lambda k: len(source.lines[k]))
    if len(source.lines[longest]) > MAX_LINE_CHARS:
        problem = f"line {longest + 1} has {len(source.lines[longest])} characters (limit {MAX_LINE_CHARS})"
        raise InputError(source.name, problem, "not a job description")
    return source


def _read_kind(data: bytes, name: str, suffix: str, max_bytes: int) -> SourceText:
    kind = sniff_kind(data, suffix)
    if kind == "zip":
        from ajdiff.readers.container import is_signature_container

        kind = "container" if is_signature_container(data, name) else "docx"
    if kind == "text":
        from ajdiff.readers.plain import read_text

        return read_text(data, name)
    if kind == "docx":
        from ajdiff.readers.docx import read_docx

        return read_docx(data, name, max_bytes=max_bytes)
    if kind == "pdf":
        from ajdiff.readers.pdf import read_pdf

        return read_pdf(data, name)
    if kind == "html":
        from ajdiff.readers.html import read_html

        return read_html(data, name)
    from ajdiff.readers.container import read_container

    return read_container(data, name, max_bytes=max_bytes)


_HEAD_BYTES = 1 << 16


def _read_bounded(fh: BinaryIO, name: str, suffix: str, max_bytes: int, what: str) -> bytes:
    """At most max_bytes from a stream whose size nobody knows (stdin, a pipe, a device); refuse more.

    The first 64 KiB decide early for a text stream of binary data (/dev/zero); the rest is one
    read into a buffer that the operating system fills lazily, so a small pipe costs little memory.
    """
    head = fh.read(min(_HEAD_BYTES, max_bytes + 1))
    if (
        b"\x00" in head
        and sniff_kind(head, suffix) == "text"
        and not head.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 text has NULs
    ):
        raise InputError(name, "binary data, not text", "give a .txt, .docx, .pdf, .html or .asice file")
    rest = fh.read(max_bytes + 1 - len(head)) if len(head) <= max_bytes else b""
    if len(head) + len(rest) > max_bytes:
        raise InputError(name, f"{what} is larger than {max_bytes // 2**20} MiB", "raise --max-size")
    return head + rest


def read_source(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one input file ('-' for standard input) into lines; raise InputError when it can't."""
    name = str(path)
    if name == "-":
        data = _read_bounded(sys.stdin.buffer, "-", "", max_bytes, "standard input")
        return read_bytes(data, "-", "", max_bytes=max_bytes)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(name, f"unknown file type '{p.suffix}'", "use .txt, .md, .docx, .pdf, .html or .asice")
    try:
        if p.is_dir():
            raise InputError(name, "is a folder", "give a file, or two folders to 'ajdiff diff'")
        with open(p, "rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                raise InputError(name, f"file is larger than {max_bytes // 2**20} MiB", "raise --max-size")
            # Devices and pipes report size 0 whatever they hold: the read itself is what is bounded.
            what = "file" if stat.S_ISREG(info.st_mode) else "stream"
            data = _read_bounded(fh, name, suffix, max_bytes, what)
        # The documents carry the name into reports, JSON and redlines: make it printable there.
        name = display_name(name)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    return read_bytes(data, name, suffix, max_bytes=max_bytes)
