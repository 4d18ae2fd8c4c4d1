"""Plain text (.txt, .md): encoding detection and line normalisation."""

from __future__ import annotations

import codecs
import re
from itertools import compress, repeat

from ajdiff.errors import InputError
from ajdiff.i18n import _, ngettext
from ajdiff.read.formats import SourceText
from ajdiff.text import normalize_text_lowered

# Estonian files from Windows are often cp1257 (Baltic); latin-1 decodes anything, so it is last.
_FALLBACK_ENCODINGS = ("utf-8", "cp1257", "latin-1")
# Control characters other than the line and page breaks (\t \n \v \f \r): a sign of binary data.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])  # as bytes of UTF-8, which no other character uses


def decode(data: bytes, name: str) -> str:
    """Decode bytes: BOM first (UTF-8, UTF-16), then UTF-8, else per line (see `decode_with_warnings`)."""
    return decode_with_warnings(data, name)[0]


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_UTF8_RUN = re.compile(
    rb"(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})+"
)
"""Runs of well-formed UTF-8; what lies between them is stray."""
_MAX_NAMED = 5  # positions named in the warning; the rest are counted


def decode_with_warnings(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes, and say where bytes were not what the encoding expected.

    A file that is not UTF-8 as a whole is decoded line by line: a line with UTF-8 letters in it
    stays UTF-8 (its stray bytes become U+FFFD), a line without any is cp1257 (Estonian Windows)
    or latin-1. So three stray bytes cost three characters, not the whole file's diacritics, and
    a real cp1257 file still reads as cp1257.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise InputError(name, _("broken UTF-16 text"), _("save it again as UTF-8")) from None
    elif b"\x00" in data[:65536]:
        raise InputError(name, _("binary data, not text"), _("give a .txt, .docx, .pdf, .html or .asice file"))
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if not _UTF8_MULTIBYTE.search(data):  # not a UTF-8 letter anywhere: a legacy code page throughout
        return _legacy(data), ()
    lines: list[str] = []
    bad: list[str] = []  # "line N, byte B (0xF5)" of the first stray bytes
    stray = 0
    legacy_lines: list[int] = []
    offset = 0
    for number, raw in enumerate(data.splitlines(keepends=True), 1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            if _UTF8_MULTIBYTE.search(raw):
                text = raw.decode("utf-8", errors="replace")
                lines.append(text)
                gaps = [*(m.span() for m in _UTF8_RUN.finditer(raw)), (len(raw), len(raw))]
                end = 0
                for run_start, run_end in gaps:
                    stray += run_start - end
                    bad.extend(_where(raw, number, offset, range(end, min(run_start, end + _MAX_NAMED - len(bad)))))
                    end = run_end
            else:
                lines.append(_legacy(raw))
                legacy_lines.append(number)
        offset += len(raw)
    warnings = []
    if stray:
        named = "; ".join(bad)
        if stray > len(bad):
            named = _("{0}; and {1} more").format(named, stray - len(bad))
        warnings.append(
            ngettext(
                "{0} byte that is not UTF-8 was replaced by U+FFFD: {1}",
                "{0} bytes that are not UTF-8 were replaced by U+FFFD: {1}",
                stray,
            ).format(stray, named)
        )
    if legacy_lines:
        named = ", ".join(map(str, legacy_lines[:_MAX_NAMED])) + (" …" if len(legacy_lines) > _MAX_NAMED else "")
        warning = ngettext(
            "line {1} read as cp1257: bytes that are not UTF-8, and no UTF-8 letter in them",
            "{0} lines {1} read as cp1257: bytes that are not UTF-8, and no UTF-8 letter in them",
            len(legacy_lines),
        )
        warnings.append(warning.format(len(legacy_lines), named))
    return "".join(lines), tuple(warnings)


def _where(raw: bytes, number: int, offset: int, positions: range) -> list[str]:
    """Where stray bytes of line `number` are: the line, the file's 1-based byte and its value."""
    where = _("line {0}, byte {1} (0x{2:02X})")
    return [where.format(number, offset + k + 1, raw[k]) for k in positions]


def _legacy(data: bytes) -> str:
    for encoding in _FALLBACK_ENCODINGS[1:]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    # Counted in the sample's UTF-8, where these characters are their own bytes and no other character
    # has such a byte: bytes.translate deletes them in C, where the pattern stepped through 8,192 characters.
    encoded = sample.encode("utf-8", "surrogatepass")
    control = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    return control / len(sample) > 0.02


def _refuse_binary(text: str, name: str) -> None:
    if _looks_binary(text):
        raise InputError(name, _("binary data, not text"), _("give a .txt, .docx, .pdf, .html or .asice file"))


def read_text(data: bytes, name: str) -> SourceText:
    """Read a plain-text document; refuse binary data."""
    from ajdiff.read.formats import MAX_LINES

    text, warnings = decode_with_warnings(data, name)
    long = len(text) >= MAX_LINES
    if long:
        # Refused before it is split: ten million tiny lines would cost memory before the general bound saw
        # them. A text shorter than the bound has fewer breaks than it: not counted.
        _refuse_binary(text, name)
        breaks = max(text.count("\n"), text.count("\r"))
        if breaks >= MAX_LINES:
            raise InputError(
                name,
                _("{0} lines (limit {1})").format(breaks + 1, MAX_LINES),
                _("not a job description; split the file"),
            )
    lines, written, lowered = normalize_text_lowered(text)
    if written is None:
        if not long:
            _refuse_binary(text, name)
        raw = text.splitlines()
        blank = list(map(str.strip, raw)).count("")
    else:
        # Every line printable: no control character, so not binary; and the lines as split are the text's
        # lines (str.splitlines' other breaks are unprintable), but for the empty piece after a final break.
        raw = written[:-1] if written[-1] == "" else written
        blank = lines.count("") - (len(written) - len(raw))  # a line written blank is blank normalised, and no other
    # Text copied out of a PDF keeps its page lines: many lines end in a space, blank lines between.
    # (Counted in C: a line's strip is the line itself when it has nothing to trim, and few lines end in a space.)
    filled = len(raw) - blank
    if written is not None and lines == tuple(written):
        # Every line its own normalised line, nothing trimmed (the usual text: each the same object, compared by
        # identity in C): none ends in a space. Asking each line cost a fifth of reading a text file.
        trailing = 0
    else:
        lowered = None  # the lines as split, not as normalised
        ending = list(compress(raw, map(str.endswith, raw, repeat(" "))))
        trailing = len(ending) - list(map(str.strip, ending)).count("")
    wrapped = bool(filled) and (trailing > 0.3 * filled or len(raw) - filled > 0.2 * len(raw))
    return SourceText(
        name=name, lines=lines, wrapped=wrapped, warnings=warnings, lowered=lowered, printable=written is not None
    )
