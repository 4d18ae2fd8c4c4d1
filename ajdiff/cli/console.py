"""The terminal side of the command line: streams that survive any encoding, width, a pager like git's."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys

TYPE_CHECKING = False  # as typing's, without importing typing (2 ms a start); type checkers know the name
if TYPE_CHECKING:
    from typing import TextIO

DEFAULT_WIDTH = 100
"""Width of a report that goes to a file or a pipe, where no terminal says how wide it is."""
MIN_WIDTH = 20

# Characters the reports use, with their ASCII stand-ins where unidecode's would mislead
# (unidecode gives '|' for every vertical arrow and nothing for the set signs).
_ASCII = {
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "↕": "<>",
    "⊃": ">",
    "⊂": "<",
    "—": "--",
    "–": "-",
    "·": "-",
    "•": "*",
}
_HANDLER = "ajdiff.ascii"


def _ascii_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: what the stream cannot encode becomes ASCII (arrows, quotes, letters)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    from unidecode import unidecode  # loaded only when a character does not fit

    chunk = exc.object[exc.start : exc.end]
    out = []
    for char in chunk:
        text = _ASCII.get(char)
        if text is None:
            text = unidecode(char) if not 0xD800 <= ord(char) <= 0xDFFF else ""
        out.append(text or "?")
    return "".join(out), exc.end


codecs.register_error(_HANDLER, _ascii_fallback)


def make_streams_safe() -> None:
    """Let stdout and stderr write any text: characters their encoding lacks fall back to ASCII.

    With PYTHONIOENCODING=cp1257 or latin-1, LC_ALL=C or a Windows console an arrow or a quote
    must not end the run with a UnicodeEncodeError.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not can_encode(stream, "→õ“"):
            with contextlib.suppress(ValueError, OSError, LookupError):
                reconfigure(errors=_HANDLER)


def can_encode(stream: TextIO, text: str) -> bool:
    """True when the stream's encoding holds every character of text."""
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def is_terminal(stream: TextIO) -> bool:
    """True for a stream that is a terminal (a closed or replaced stream is not)."""
    try:
        return stream.isatty()
    except (ValueError, AttributeError):
        return False


def report_width(requested: int | None, *, to_terminal: bool) -> int:
    """Columns for wrapped text: --width, else COLUMNS, else the terminal's, else DEFAULT_WIDTH."""
    if requested:
        return max(MIN_WIDTH, requested)
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    if to_terminal:
        import shutil  # here: it imports bz2 and lzma, which no report needs (see terminal_columns)

        return max(MIN_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    return DEFAULT_WIDTH


def _pager_command() -> list[str] | None:
    """AJDIFF_PAGER, else PAGER, else less; None when set empty or to cat (no paging, as in git)."""
    import shlex

    text = os.environ.get("AJDIFF_PAGER", os.environ.get("PAGER", "less"))
    if not text.strip() or text.strip() == "cat":
        return None
    try:
        return shlex.split(text)
    except ValueError:
        return None


def _terminal_rows() -> int:
    import shutil  # only to page: see report_width

    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).lines


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, as argparse asks it for its help's width, without importing
    shutil (and with it bz2 and lzma) on every start: COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def write_paged(text: str, *, page: bool) -> None:
    """Write a report to stdout, through a pager when asked and it is taller than the terminal."""
    command = _pager_command() if page else None
    if command is None or text.count("\n") < _terminal_rows():
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # git's default: quit if one screen, keep colours, leave the screen
    env.setdefault("LV", "-c")
    data = text.encode(sys.stdout.encoding or "utf-8", errors=_HANDLER)
    sys.stdout.flush()
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:  # no such pager: the report still reaches the user
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        assert pager.stdin is not None
        pager.stdin.write(data)
        pager.stdin.close()
    except BrokenPipeError:
        pass  # the user quit the pager before reading everything
    while True:
        try:
            pager.wait()
            break
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less uses it), as with git
