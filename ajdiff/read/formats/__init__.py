"""Readers: every input format becomes the same `SourceText`, a list of text lines.

Tables are flattened the way the register's text export flattens them: a label | value row
becomes one line "label value"; a task | results row becomes the task line followed by one
line per result paragraph. So one parser serves every format.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from ajdiff.errors import InputError, display_name
from ajdiff.i18n import N_, _
from ajdiff.records import dataclass
from ajdiff.tree import Origin, line_origin

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)

if TYPE_CHECKING:
    from typing import BinaryIO, Protocol

    class _Reads(Protocol):
        """What `_read_bounded` reads from: a buffered file, or a regular file's `_FileReads`."""

        def read(self, size: int, /) -> bytes:
            """Up to `size` bytes, fewer only at the end."""


DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Largest input file read (and largest inflated zip member), unless the caller says otherwise."""
MAX_LINES = 250_000
"""More lines than this is not an order of job descriptions (the largest real one has ~1,000): a bound on work."""
MAX_LINE_CHARS = 20_000
"""A paragraph longer than this (about five pages) is not part of a job description: a bound on work."""


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
    lowered: bytes | None = None
    """`lines` joined by NULs in Latin-1, their ASCII letters lowered, where the reader made it on its way (a plain
    text's, `text.normalize_text_lowered`): the splitter's search text (`orders._folded`), not made again."""
    printable: bool = False
    """True where the reader knows every line printable (`str.isprintable`: a plain text's, told on its way by
    `text.normalize_text_lowered`); False where it does not know."""

    def origin(self, index: int) -> Origin:
        """Where line `index` (0-based) came from."""
        if index < len(self.origins):
            return self.origins[index]
        return line_origin(index + 1)


TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf", ".html", ".htm", ".asice", ".bdoc", ".edoc", ".sce"}


_SAVE_AS = N_("save it as .docx or PDF")
_OCR = N_("OCR it first, e.g. with ocrmypdf, or give the text")
_UNPACK = N_("unpack it and give a document inside")
# Formats ajdiff does not read, told by their first bytes: (magic, offset, what it is, its name, hint). The
# words are marked (N_) here and translated when said, in the language chosen by then.
_IMAGE = N_("is an image ({0}), not a document")
_ARCHIVE = N_("is a {0} archive, not a document")
_REFUSED_MAGIC: tuple[tuple[bytes, int, str, str, str], ...] = (
    (b"{\\rtf", 0, N_("is an RTF document"), "", _SAVE_AS),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, N_("is a Word 97-2003 document (.doc) or another OLE file"), "", _SAVE_AS),
    (b"\x89PNG\r\n\x1a\n", 0, _IMAGE, "PNG", _OCR),
    (b"\xff\xd8\xff", 0, _IMAGE, "JPEG", _OCR),
    (b"GIF87a", 0, _IMAGE, "GIF", _OCR),
    (b"GIF89a", 0, _IMAGE, "GIF", _OCR),
    (b"II*\x00", 0, _IMAGE, "TIFF", _OCR),
    (b"MM\x00*", 0, _IMAGE, "TIFF", _OCR),
    (b"WEBP", 8, _IMAGE, "WebP", _OCR),
    (b"\x1f\x8b", 0, _ARCHIVE, "gzip", _UNPACK),
    (b"7z\xbc\xaf\x27\x1c", 0, _ARCHIVE, "7z", _UNPACK),
    (b"Rar!\x1a\x07", 0, _ARCHIVE, "RAR", _UNPACK),
    (b"\xfd7zXZ\x00", 0, N_("is an {0} archive, not a document"), "xz", _UNPACK),
    (b"BZh", 0, _ARCHIVE, "bzip2", _UNPACK),
    (b"ustar", 257, _ARCHIVE, "tar", _UNPACK),
)
_MAGIC_FIRSTS = frozenset(magic[:1] for magic, offset, *_ in _REFUSED_MAGIC if offset == 0)
"""The first bytes of the magics `_REFUSED_MAGIC` finds at a file's start."""
_MAGIC_ELSEWHERE = tuple((magic, offset) for magic, offset, *_ in _REFUSED_MAGIC if offset)
"""The magics `_REFUSED_MAGIC` finds further in (WebP's, tar's)."""
# Zip packages that are not ajdiff's: OpenDocument by its mimetype member, Office by its main part.
_ODF = {
    b"application/vnd.oasis.opendocument.text": ("text", ".odt"),
    b"application/vnd.oasis.opendocument.spreadsheet": ("spreadsheet", ".ods"),
    b"application/vnd.oasis.opendocument.presentation": ("presentation", ".odp"),
}
_OFFICE_PARTS = {
    "xl/workbook.xml": (N_("is an Excel workbook ({0})"), ".xlsx"),
    "ppt/presentation.xml": (N_("is a PowerPoint presentation ({0})"), ".pptx"),
}


def refusal(data: bytes) -> tuple[str, str] | None:
    """(what it is, what to do), said in the chosen language, for bytes of a format ajdiff does not read (RTF,
    .doc, images, archives)."""
    if data[:1] not in _MAGIC_FIRSTS and all(data[at : at + len(magic)] != magic for magic, at in _MAGIC_ELSEWHERE):
        return None  # most files, told by their first byte and two slices
    for magic, offset, problem, what, hint in _REFUSED_MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if magic == b"BZh" and data[4:10] != b"1AY&SY":
                continue  # a text may start with "BZh"; a bzip2 stream has its block magic next
            if magic == b"WEBP" and not data.startswith(b"RIFF"):
                continue
            return _(problem).format(what), _(hint)
    return None


def _zip_kind(data: bytes, name: str, suffix: str) -> str:
    """'docx' or 'container' for a zip ajdiff reads; raise InputError for OpenDocument, Office and other archives."""
    import io
    import zipfile

    from ajdiff.read.formats.container import is_signature_container

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
        names = None  # damaged: the reader for its name says so in its words
    if names is None or "word/document.xml" in names:
        return "container" if suffix in CONTAINER_SUFFIXES else "docx"
    head = data[30:120]  # ODF stores its mimetype first and uncompressed, right after the first header
    for mimetype, (kind, extension) in _ODF.items():
        if mimetype in head:
            raise InputError(name, _("is an OpenDocument {0} ({1})").format(kind, extension), _(_SAVE_AS))
    for part, (problem, extension) in _OFFICE_PARTS.items():
        if part in names:
            raise InputError(name, _(problem).format(extension), _(_SAVE_AS))
    if is_signature_container(data, name):
        return "container"
    if suffix == ".docx":
        return "docx"  # its reader says what the Word document lacks
    raise InputError(name, _(_ARCHIVE).format("zip"), _(_UNPACK))


CONTAINER_SUFFIXES = frozenset({".asice", ".bdoc", ".edoc", ".sce"})


def sniff_kind(data: bytes, suffix: str) -> str:
    """The format of some bytes: by their magic where they have one, else by the file's extension.

    The content wins over the name: a PDF named .docx is read as a PDF; an RTF named .txt is refused.
    """
    suffix = suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"%PDF"):
        return "pdf"
    if suffix in CONTAINER_SUFFIXES:
        return "container"
    if suffix == ".docx":
        return "docx"
    if suffix == ".pdf":
        return "pdf"
    if suffix in (".html", ".htm"):
        return "html"
    head = data[:1024].lstrip()
    if head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def read_bytes(data: bytes, name: str, suffix: str = "", *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read a document from bytes already in memory (standard input, a container member)."""
    if not data:
        raise InputError(name, _("empty file"), _("give an ametijuhend or an order with annexes"))
    return _check_bounds(_read_kind(data, name, suffix, max_bytes), data, suffix)


def _check_bounds(source: SourceText, data: bytes, suffix: str) -> SourceText:
    """Refuse a source with no text, or so many or so long lines that parsing it would take minutes."""
    if not any(source.lines):
        problem = (
            _("empty file (only whitespace)") if sniff_kind(data, suffix) == "text" else _("no text in the document")
        )
        raise InputError(source.name, problem, _("give an ametijuhend or an order with annexes"))
    if len(source.lines) > MAX_LINES:
        raise InputError(
            source.name,
            _("{0} lines (limit {1})").format(len(source.lines), MAX_LINES),
            _("not a job description; split the file"),
        )
    # No line is longer than all of them together: their join (a copy in C) spares most sources a `len` a line.
    if len("".join(source.lines)) > MAX_LINE_CHARS and max(map(len, source.lines)) > MAX_LINE_CHARS:
        longest = max(range(len(source.lines)), key=lambda k: len(source.lines[k]))
        problem = _("line {0} has {1} characters (limit {2})").format(
            longest + 1, len(source.lines[longest]), MAX_LINE_CHARS
        )
        raise InputError(source.name, problem, _("not a job description"))
    return source


def _read_kind(data: bytes, name: str, suffix: str, max_bytes: int) -> SourceText:
    refused = refusal(data)
    if refused:
        raise InputError(name, *refused)
    kind = sniff_kind(data, suffix)
    if kind == "zip":
        kind = _zip_kind(data, name, suffix.lower())
    if kind == "text":
        from ajdiff.read.formats.plain import read_text

        return read_text(data, name)
    if kind == "docx":
        from ajdiff.read.formats.docx import read_docx

        return read_docx(data, name, max_bytes=max_bytes)
    if kind == "pdf":
        from ajdiff.read.formats.pdf import read_pdf

        return read_pdf(data, name)
    if kind == "html":
        from ajdiff.read.formats.html import read_html

        return read_html(data, name)
    from ajdiff.read.formats.container import read_container

    return read_container(data, name, max_bytes=max_bytes)


_HEAD_BYTES = 1 << 16


def _read_bounded(fh: _Reads, name: str, suffix: str, max_bytes: int, what: str) -> bytes:
    """At most max_bytes from a stream whose size nobody knows (stdin, a pipe, a device); refuse more.

    The first 64 KiB decide early for a text stream of binary data (/dev/zero); the rest is one
    read into a buffer that the operating system fills lazily, so a small pipe costs little memory.
    """
    head = fh.read(min(_HEAD_BYTES, max_bytes + 1))
    if (
        b"\x00" in head
        and sniff_kind(head, suffix) == "text"
        and not refusal(head)  # a .doc, an image or an archive is named for what it is, below
        and not head.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 text has NULs
    ):
        raise InputError(name, _("binary data, not text"), _("give a .txt, .docx, .pdf, .html or .asice file"))
    # A regular file that gave less than asked is at its end: no second read, whose buffer of max_bytes
    # (50 MB) the reader allocates before it finds nothing (a batch reads thousands of small files).
    at_end = what == "file" and len(head) < min(_HEAD_BYTES, max_bytes + 1)
    rest = fh.read(max_bytes + 1 - len(head)) if len(head) <= max_bytes and not at_end else b""
    if len(head) + len(rest) > max_bytes:
        raise InputError(name, _("{0} is larger than {1} MiB").format(what, max_bytes // 2**20), _("raise --max-size"))
    return head + rest


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX; Windows has no FIFOs that block like this
_OPEN_FLAGS = os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
"""How `_open_fd` opens an input file."""


def _open_fd(path: Path) -> int:
    """Open a file for reading without blocking in open() itself; its descriptor.

    A named pipe with no writer blocks a plain open() for ever (`mkfifo f; ajdiff show f`). Opened
    non-blocking it opens at once; reads then block again as usual (`_stream`), so a pipe with a writer
    (`<(…)`) is read to its end and one without a writer reads as empty.
    """
    return os.open(path, _OPEN_FLAGS)


def _stream(fd: int) -> BinaryIO:
    """A buffered file that reads a descriptor of `_open_fd` (a pipe, a device) blocking again; the descriptor stays
    open when it is closed (its opener closes it)."""
    if _NONBLOCK:
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb", closefd=False)


class _FileReads:
    """A regular file's descriptor read as a buffered file reads it (fewer bytes than asked only at its end), without
    making one: a buffered file costs a Python layer and three system calls more (a batch reads thousands of files)."""

    __slots__ = ("fd",)

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self, size: int) -> bytes:
        """Up to `size` bytes, fewer only at the end of the file."""
        data = os.read(self.fd, size)
        if 0 < len(data) < size:  # a regular file's read is short at its end: the next one says so
            parts = [data]
            size -= len(data)
            while size > 0 and (more := os.read(self.fd, size)):
                parts.append(more)
                size -= len(more)
            data = b"".join(parts)
        return data


_stdin: bytes | None = None
"""Standard input, once read: a process reads it once, and the redline reads its input twice."""


def read_input(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str, str]:
    """The bytes of one input file ('-' for standard input), its printable name and the suffix to read it by;
    raise InputError when it can't be read."""
    global _stdin
    name = str(path)
    if name == "-":
        if _stdin is None:
            _stdin = _read_bounded(sys.stdin.buffer, "-", "", max_bytes, "standard input")
        return _stdin, "-", ""
    p = path if isinstance(path, Path) else Path(path)  # a folder's files come as paths: not made again
    suffix = p.suffix.lower()
    try:
        fd = _open_fd(p)
        try:
            info = os.fstat(fd)
            # Told by the file opened, not by a stat of its name before (a batch opens thousands): POSIX opens a
            # folder for reading; Windows refuses it (below).
            if stat.S_ISDIR(info.st_mode):
                raise InputError(name, _("is a folder"), _("give a file, or two folders to 'ajdiff diff'"))
            if stat.S_ISREG(info.st_mode):
                if info.st_size > max_bytes:
                    raise InputError(
                        name, _("file is larger than {0} MiB").format(max_bytes // 2**20), _("raise --max-size")
                    )
                data = _read_bounded(_FileReads(fd), name, suffix, max_bytes, "file")
            else:
                # Devices and pipes report size 0 whatever they hold: the read itself is what is bounded.
                with _stream(fd) as fh:
                    data = _read_bounded(fh, name, suffix, max_bytes, "stream")
                if not data and stat.S_ISFIFO(info.st_mode):
                    raise InputError(
                        name, _("named pipe with nothing written to it"), _("give a file, or write to the pipe")
                    )
        finally:
            os.close(fd)
        # The documents carry the name into reports, JSON and redlines: make it printable there (an ASCII name
        # that is printable is already: it holds no character `display_name` escapes).
        if not (name.isascii() and name.isprintable()):
            name = display_name(name)
    except FileNotFoundError:
        raise InputError(
            name, _("no such file"), _("check the name and the folder; 'ajdiff help' shows what ajdiff reads")
        ) from None
    except PermissionError:
        if p.is_dir():  # Windows refuses to open a folder as a file
            raise InputError(name, _("is a folder"), _("give a file, or two folders to 'ajdiff diff'")) from None
        raise InputError(name, _("permission denied"), _("check the file's permissions")) from None
    except IsADirectoryError:
        raise InputError(name, _("is a folder"), _("give a file, or two folders to 'ajdiff diff'")) from None
    except OSError as exc:
        raise InputError(
            name, _("cannot read: {0}").format(exc.strerror or exc), _("check that the file is readable")
        ) from None
    if suffix not in SUFFIXES:
        # The content decides: a .doc, .rtf or .odt is named for what it is; a readable format is read.
        if not refusal(data) and sniff_kind(data, "") == "text":
            raise InputError(
                name, _("unknown file type '{0}'").format(p.suffix), _("use .txt, .md, .docx, .pdf, .html or .asice")
            )
        suffix = ""
    return data, name, suffix


def read_source(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one input file ('-' for standard input) into lines; raise InputError when it can't."""
    data, name, suffix = read_input(path, max_bytes=max_bytes)
    return read_bytes(data, name, suffix, max_bytes=max_bytes)
