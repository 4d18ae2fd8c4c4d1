"""Plain text (.txt, .md): encoding detection and line normalisation."""

from __future__ import annotations

import codecs
import re

from ajdiff.errors import InputError
from ajdiff.readers import SourceText
from ajdiff.text import normalize_line

# Estonian files from Windows are often cp1257 (Baltic); latin-1 decodes anything, so it is last.
_FALLBACK_ENCODINGS = ("utf-8", "cp1257", "latin-1")
# Control characters other than the line and page breaks (\t \n \v \f \r): a sign of binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode(data: bytes, name: str) -> str:
    """Decode bytes: BOM first (UTF-8, UTF-16), then UTF-8, cp1257, latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "broken UTF-16 text", "save it again as UTF-8") from None
    if b"\x00" in data[:65536]:
        raise InputError(name, "binary data, not text", "give a .txt, .docx, .pdf, .html or .asice file")
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def text_lines(text: str) -> tuple[str, ...]:
    """Split text on any line ending (CRLF, CR, LF) and normalise each line."""
    return tuple(normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    control = len(_CONTROL.findall(sample))
    return control / len(sample) > 0.02


def read_text(data: bytes, name: str) -> SourceText:
    """Read a plain-text document; refuse binary data."""
    from ajdiff.readers import MAX_LINES

    text = decode(data, name)
    if _looks_binary(text):
        raise InputError(name, "binary data, not text", "give a .txt, .docx, .pdf, .html or .asice file")
    # Count before splitting: ten million tiny lines would cost memory before the general bound saw them.
    breaks = max(text.count("\n"), text.count("\r"))
    if breaks >= MAX_LINES:
        raise InputError(name, f"{breaks + 1} lines (limit {MAX_LINES})", "not a job description; split the file")
    lines = text_lines(text)
    # Text copied out of a PDF keeps its page lines: many lines end in a space, blank lines between.
    raw = text.splitlines()
    trailing = sum(1 for line in raw if line.endswith(" ") and line.strip())
    filled = sum(1 for line in raw if line.strip())
    wrapped = bool(filled) and (trailing > 0.3 * filled or len(raw) - filled > 0.2 * len(raw))
    return SourceText(name=name, lines=lines, wrapped=wrapped)
