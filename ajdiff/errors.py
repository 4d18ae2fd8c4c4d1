"""The one error type a user sees: bad input, said in one line."""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*")
# What must not reach a terminal from a name: C0/C1 controls (escape sequences start with ESC or CSI),
# line separators, and invisible format characters (bidi overrides can make "txt.exe" read "exe.txt").
_NAME_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def one_line(text: str) -> str:
    """Text safe for a one-line message: each run of line breaks and control characters becomes one space.

    Nothing else changes: spaces and punctuation stay as they are, so a file name inside a
    message is the name on disk.
    """
    return _BREAKS.sub(" ", text).strip() if _BREAKS.search(text) else text


def display_name(name: str) -> str:
    """A file name as it can be printed and written anywhere, without changing what it says.

    Bytes that are not UTF-8 (kept by Python as lone surrogates) and control or invisible
    format characters are shown as backslash escapes (\\xf5, \\n, \\u202e); everything else,
    spaces included, stays as it is.
    """
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no undecodable byte made: keep its code
        raw = name.encode("utf-8", "backslashreplace")
    text = raw.decode("utf-8", "backslashreplace")
    return _NAME_UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class AjdiffError(Exception):
    """Base of every error ajdiff reports to a user instead of a traceback."""

    exit_code = 2

    def __init__(self, source: str, problem: str, hint: str | None = None) -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        """The one line printed on stderr: 'ajdiff: FILE: what is wrong (hint)'."""
        # Library messages (lxml, pypdf) and file names may hold line breaks; stderr gets one line.
        text = f"ajdiff: {display_name(self.source)}: {one_line(self.problem)}"
        return f"{text} ({one_line(self.hint)})" if self.hint else text


class InputError(AjdiffError):
    """An input file that cannot be read as a job description."""


class OutputError(AjdiffError):
    """An output path that cannot or must not be written."""
