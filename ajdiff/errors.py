"""The one error type a user sees: bad input, said in one line, with a hint, in the user's language."""

from __future__ import annotations

import re

from ajdiff.i18n import _

# The patterns are compiled on first use (re keeps them): most runs say no error, and every start imports this.
_BREAKS = r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*"
# What must not reach a terminal from a name: C0/C1 controls (escape sequences start with ESC or CSI),
# line separators, and invisible format characters (bidi overrides can make "txt.exe" read "exe.txt").
_NAME_UNSAFE = r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
# Exception class names that a library message may carry ("PdfStreamError: …", "BadZipFile"): they
# mean nothing to a user, so the line leaves them out and keeps the library's own words.
_CLASS_NAME = r"\b(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|BadZipFile|LargeZipFile)\b:?\s*"
_CLASS_ENDINGS = ("Error", "Exception", "ZipFile")
"""Words one of which a text holds wherever `_CLASS_NAME` matches."""


def one_line(text: str) -> str:
    """Text safe for a one-line message: each run of line breaks and control characters becomes one space.

    Nothing else changes: spaces and punctuation stay as they are, so a file name inside a
    message is the name on disk.
    """
    if text.isprintable():  # _BREAKS' characters are controls and line separators: none is printable
        return text
    return re.sub(_BREAKS, " ", text).strip() if re.search(_BREAKS, text) else text


def display_name(name: str) -> str:
    """A file name as it can be printed and written anywhere, without changing what it says.

    Bytes that are not UTF-8 (kept by Python as lone surrogates) and control or invisible
    format characters are shown as backslash escapes (\\xf5, \\n, \\u202e); everything else,
    spaces included, stays as it is.
    """
    if name.isprintable():  # no surrogate, no control or format character of _NAME_UNSAFE: nothing to escape
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no undecodable byte made: keep its code
        raw = name.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return re.sub(_NAME_UNSAFE, lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _without_class_names(text: str) -> str:
    # No class name's ending, no parenthesis, no colon or space at an end (a usage error's words, say): none of the
    # three patterns can match, and they are not compiled (argcomplete makes every completion request say one).
    plain = "(" not in text and text == text.strip() and not text.endswith(":")
    if plain and not any(end in text for end in _CLASS_ENDINGS):
        return text
    cleaned = re.sub(_CLASS_NAME, "", text)
    return re.sub(r"[:\s]+$", "", re.sub(r"\(\s*\)", "", cleaned)).strip() or text


class AjdiffError(Exception):
    """Base of every error ajdiff reports to a user instead of a traceback."""

    exit_code = 2

    def __init__(self, source: str, problem: str, hint: str | None = None) -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        super().__init__(self.line())

    def __reduce__(self) -> tuple[type[AjdiffError], tuple[str, str, str | None]]:
        # Rebuilt from its parts, so that it crosses from a worker process intact (pickle would
        # call cls(message) and fail, and the pool would report only "BrokenProcessPool").
        return (type(self), (self.source, self.problem, self.hint))

    def full_hint(self) -> str:
        """The hint given, else a pointer to the help (every refusal says what to do next)."""
        return self.hint or _("see ajdiff --help")

    def line(self) -> str:
        """The one line printed on stderr: 'ajdiff: FILE: what is wrong (hint)'.

        The problem and the hint were said in the user's language where they were raised (translated,
        then formatted): nothing here looks them up again."""
        # Library messages (lxml, pypdf) may hold line breaks and file names anything; stderr gets one line.
        problem = _without_class_names(one_line(self.problem))
        return f"ajdiff: {display_name(self.source)}: {problem} ({one_line(self.full_hint())})"


class InputError(AjdiffError):
    """An input file that cannot be read as a job description."""


class OutputError(AjdiffError):
    """An output path that cannot or must not be written."""


class UsageError(AjdiffError):
    """A command line that does not say what to do: one line and a pointer to the command's --help."""
