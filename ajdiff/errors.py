"""The one error type a user sees: bad input, said in one line."""

from __future__ import annotations


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
        text = f"ajdiff: {self.source}: {self.problem}"
        return f"{text} ({self.hint})" if self.hint else text


class InputError(AjdiffError):
    """An input file that cannot be read as a job description."""


class OutputError(AjdiffError):
    """An output path that cannot or must not be written."""
