"""Write man/ajdiff.1 from the command line's own parser (argparse-manpage), so the page never drifts from --help.

python tools/make_manpage.py            # rewrite man/ajdiff.1
python tools/make_manpage.py --check    # exit 1 when man/ajdiff.1 is out of date
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MAN_PAGE = Path(__file__).resolve().parent.parent / "man" / "ajdiff.1"


@contextmanager
def _columns(width: int) -> Iterator[None]:
    """argparse wraps usage to COLUMNS: fix it, so that the page is the same from any terminal."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def manpage() -> str:
    """The roff text of ajdiff(1), generated from `ajdiff.cli.build_parser()`."""
    from argparse_manpage.manpage import Manpage

    from ajdiff import __version__
    from ajdiff.cli import build_parser

    with _columns(80):
        page = Manpage(build_parser())
        page.prog = "ajdiff"
        page.version = __version__
        page.date = ""  # no build date: the page changes only when the parser does
        page.description = "compare versions of Estonian job descriptions (ametijuhend) section by section"
        page.url = None
        page.authors = None
        for heading, content in SECTIONS:
            page.add_section(heading, "=", content)
        return str(page)


# The sections a man page reader looks for that argparse has no place for (man-pages(7) order).
SECTIONS = (
    (
        "exit status",
        ".TP\n0\ndiff: no substantive change; show, redline, tui, demo, completion: success\n"
        ".TP\n1\ndiff: substantive changes found (as diff(1))\n"
        ".TP\n2\nan error: a file that cannot be read, a usage error, an output that cannot be written",
    ),
    (
        "environment",
        ".TP\n.B NO_COLOR\nwhen set, no colour (--color always still colours)\n"
        ".TP\n.B AJDIFF_PAGER, PAGER\nthe pager of a report taller than the terminal (AJDIFF_PAGER wins; "
        "default less with LESS=FRX); PAGER=cat or --no-pager turns it off\n"
        ".TP\n.B COLUMNS\nthe report's width when --width is not given (else the terminal's; 100 into a file "
        "or pipe)\n"
        ".TP\n.B LANG, LC_ALL, LC_MESSAGES\nthe language of the messages on standard error when --lang is not "
        "given (et_EE gives Estonian, anything else English), and the output encoding",
    ),
    (
        "files",
        ".TP\n.I NEW.ajdiff-review.json\nthe marks and comments of ajdiff tui, next to the new file "
        "(or --review PATH)\n"
        ".TP\n.I ~/.local/share/ajdiff/ajdiff-demo-review.json\nthe review of ajdiff demo (the user's data folder)",
    ),
)


def main(argv: list[str]) -> int:
    """Write the page, or with --check say whether the committed one is current."""
    text = manpage()
    if "--check" in argv:
        current = MAN_PAGE.read_text(encoding="utf-8") if MAN_PAGE.exists() else ""
        if current != text:
            print(f"{MAN_PAGE} is out of date: run python tools/make_manpage.py", file=sys.stderr)
            return 1
        return 0
    MAN_PAGE.parent.mkdir(exist_ok=True)
    MAN_PAGE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
