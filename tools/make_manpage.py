"""Write man/ajdiff.1 (English) and man/et/ajdiff.1 (Estonian) from the command line's own parser
(argparse-manpage), in each language as `--help` speaks it, so that a page never drifts from --help.

python tools/make_manpage.py            # rewrite both pages
python tools/make_manpage.py --check    # exit 1 when a page is out of date
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MAN = Path(__file__).resolve().parent.parent / "man"
MAN_PAGES = {"en": MAN / "ajdiff.1", "et": MAN / "et" / "ajdiff.1"}
"""Each language's page: English where man(1) looks first, Estonian where it looks under LANG=et_EE."""


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


def manpage(lang: str = "en") -> str:
    """The roff text of ajdiff(1) in `lang`, generated from `ajdiff.cli.build_parser()` as it speaks `lang`."""
    from argparse_manpage.manpage import Manpage

    from ajdiff import __version__, i18n
    from ajdiff.cli import build_parser

    with _columns(80), i18n.speaking(lang):
        page = Manpage(build_parser())
        page.prog = "ajdiff"
        page.version = __version__
        page.date = ""  # no build date: the page changes only when the parser does
        page.description = DESCRIPTION[lang]
        page.url = None
        page.manual = MANUAL[lang]  # argparse-manpage's own would be "Generated Python Manual", in English
        page.authors = None
        for heading, content in SECTIONS[lang]:
            page.add_section(heading, "=", content)
        text = str(page)
    # argparse-manpage names its own sections in English; the Estonian page names them in Estonian.
    for english, own in HEADINGS[lang]:
        text = text.replace(f"\n.SH {english}", f"\n.SH {own}")
    return text


MANUAL = {"en": "ajdiff manual", "et": "ajdiff'i kasutusjuhend"}
"""The manual's name in the page's header (man(7): .TH title section date source manual)."""

DESCRIPTION = {
    "en": "compare versions of Estonian job descriptions (ametijuhend) section by section",
    "et": "võrdle ametijuhendite versioone osade kaupa",
}
HEADINGS = {
    "en": (),
    "et": (
        ("NAME", "NIMI"),
        ("SYNOPSIS", "KOKKUVÕTE"),
        ("DESCRIPTION", "KIRJELDUS"),
        ("COMMAND", "KÄSK"),
        ("OPTIONS", "VÕTMED"),
        ("COMMENTS", "MÄRKUSED"),
    ),
}


# The sections a man page reader looks for that argparse has no place for (man-pages(7) order), in each
# language of the pages (they are the pages' own text: the program never says them).
SECTIONS = {
    "en": (
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
            ".TP\n.B AJDIFF_LANG\nthe language of everything ajdiff says (et or en) when --lang is not given\n"
            ".TP\n.B LANG, LC_ALL, LC_MESSAGES\nthe language when neither --lang nor AJDIFF_LANG is given (et_EE "
            "gives Estonian, anything else English), and the output encoding",
        ),
        (
            "files",
            ".TP\n.I NEW.ajdiff-review.json\nthe marks and comments of ajdiff tui, next to the new file "
            "(or --review PATH)\n"
            ".TP\n.I ~/.local/share/ajdiff/ajdiff-demo-review.json\nthe review of ajdiff demo (the user's data folder)",
        ),
    ),
    "et": (
        (
            "väljumiskood",
            ".TP\n0\ndiff: sisulisi muudatusi pole; show, redline, tui, demo, completion: õnnestus\n"
            ".TP\n1\ndiff: leiti sisulisi muudatusi (nagu diff(1))\n"
            ".TP\n2\nviga: faili ei saa lugeda, käsurida on vigane või väljundit ei saa kirjutada",
        ),
        (
            "keskkond",
            ".TP\n.B NO_COLOR\nkui see on seatud, värve pole (--color always värvib siiski)\n"
            ".TP\n.B AJDIFF_PAGER, PAGER\nterminalist kõrgema aruande lehitseja (AJDIFF_PAGER on eelistatud; "
            "vaikimisi less koos LESS=FRX-ga); PAGER=cat või --no-pager lülitab selle välja\n"
            ".TP\n.B COLUMNS\naruande laius, kui --width pole antud (muidu terminali oma; faili või torusse 100)\n"
            ".TP\n.B AJDIFF_LANG\nkõige keel, mida ajdiff ütleb (et või en), kui --lang pole antud\n"
            ".TP\n.B LANG, LC_ALL, LC_MESSAGES\nkeel, kui ei --lang ega AJDIFF_LANG pole antud (et_EE annab eesti "
            "keele, kõik muu inglise), ja väljundi kodeering",
        ),
        (
            "failid",
            ".TP\n.I NEW.ajdiff-review.json\najdiff tui märked ja kommentaarid uue faili kõrval (või --review TEE)\n"
            ".TP\n.I ~/.local/share/ajdiff/ajdiff-demo-review.json\najdiff demo ülevaatus (kasutaja andmekaustas)",
        ),
    ),
}


def main(argv: list[str]) -> int:
    """Write the pages, or with --check say whether the committed ones are current."""
    stale = 0
    for lang, path in MAN_PAGES.items():
        text = manpage(lang)
        if "--check" in argv:
            if (path.read_text(encoding="utf-8") if path.exists() else "") != text:
                print(f"{path} is out of date: run python tools/make_manpage.py", file=sys.stderr)
                stale = 1
            continue
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return stale


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
