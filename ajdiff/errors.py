"""The one error type a user sees: bad input, said in one line."""

from __future__ import annotations

import re

_BREAKS = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def one_line(text: str) -> str:
    """Text safe for a one-line message: line breaks and control characters become single spaces."""
    return re.sub(r" ([,;])", r"\1", " ".join(_BREAKS.sub(" ", text).split()))


class AjdiffError(Exception):
    """Base of every error ajdiff reports to a user instead of a traceback."""

    exit_code = 2

    def __init__(self, source: str, problem: str, hint: str | None = None) -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        super().__init__(self.line())

    def __reduce__(self) -> tuple:
        # Rebuilt from its parts, so that it crosses from a worker process intact (pickle would
        # call cls(message) and fail, and the pool would report only "BrokenProcessPool").
        return (type(self), (self.source, self.problem, self.hint))

    def line(self) -> str:
        """The one line printed on stderr: 'ajdiff: FILE: what is wrong (hint)'."""
        # Library messages (lxml, pypdf) and file names may hold line breaks; stderr gets one line.
        text = f"ajdiff: {one_line(self.source)}: {one_line(self.problem)}"
        return f"{text} ({one_line(self.hint)})" if self.hint else text


class InputError(AjdiffError):
    """An input file that cannot be read as a job description."""


class OutputError(AjdiffError):
    """An output path that cannot or must not be written."""
