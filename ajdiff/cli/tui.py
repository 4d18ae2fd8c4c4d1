"""`ajdiff tui OLD NEW` and `ajdiff demo`: the CLI side of the terminal UI. Textual loads only in `run`."""

from __future__ import annotations

import argparse
from pathlib import Path

from ajdiff import i18n
from ajdiff.cli.options import EXIT_SAME, add_compare_arguments
from ajdiff.i18n import N_, _

TUI_HELP = N_("review the changes in a terminal UI")
DEMO_HELP = N_("open the terminal UI on a real pair bundled with ajdiff")
TUI_DESCRIPTION = N_(
    "Review the changes between OLD and NEW in the terminal: each change with its words struck and added, "
    "marked approved or questioned, with a comment; the marks are saved as you go (NEW.ajdiff-review.json) "
    "and can be exported as a Word redline with them as comments. Needs a terminal."
)
TUI_EPILOG = N_("""\
examples:
  ajdiff tui old.docx new.docx                  review two versions
  ajdiff tui old_order.pdf new_order.pdf        every paired annex; n goes on to the next one
  ajdiff tui a.txt b.txt --review marks.json    keep the marks elsewhere
  ajdiff redline a.txt b.txt --review b.txt.ajdiff-review.json -o r.docx   the marks as Word comments
""")
DEMO_DESCRIPTION = N_(
    "Open the terminal UI on a real pair of job descriptions bundled with ajdiff, to learn the keys "
    "without files of your own. Its marks are kept in the user's data folder, not next to the files."
)
DEMO_EPILOG = N_("""\
examples:
  ajdiff demo              in the language of AJDIFF_LANG or the locale
  ajdiff demo --lang et    in Estonian
  ajdiff demo --lang en    in English
""")


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """The options of `tui` (OLD NEW and the selectors of `diff`) or of `demo` (language only)."""
    if name == "tui":
        add_compare_arguments(parser)
    else:
        parser.add_argument(
            "--lang",
            choices=("et", "en"),
            default=i18n.current(),
            help=_("the language of the interface (default: AJDIFF_LANG, else the locale's, as for every command)"),
        )
    from ajdiff.cli.redline import _author  # the same check as the redline's --author

    parser.add_argument(
        "--author",
        type=_author,
        metavar=_("NAME"),
        help=_("your name: stored in the review file and the author of the comments of an exported redline"),
    )
    parser.add_argument(
        "--review",
        metavar=_("PATH"),
        help=_("review file of marks and comments (default: NEW.ajdiff-review.json next to the new file)")
        if name == "tui"
        else _("review file of marks and comments (default: ajdiff-demo-review.json in the user's data folder)"),
    )


def run(args: argparse.Namespace) -> int:
    """Compare, then open the review UI; a corrupt review file stops here with one line (exit 2)."""
    import gc

    from ajdiff.review import default_review_path

    gc.enable()  # a session that lasts collects its cycles (`entry` starts the program without the collector)

    if getattr(args, "old", None) is not None:
        from ajdiff.cli.options import compare_from_args

        result = compare_from_args(args)
        review_path = Path(args.review) if args.review else default_review_path(args.new)
        inputs: tuple[str, ...] = (args.old, args.new)
    else:
        from ajdiff.tui.demo import demo_result, demo_review_path

        result = demo_result()
        review_path = Path(args.review) if args.review else demo_review_path()
        inputs = ()
    check_review_folder(review_path)
    from ajdiff.tui.app import ReviewApp  # Textual loads here, never on `import ajdiff`

    app = ReviewApp(result, review_path, args.lang, inputs=inputs, author=args.author)
    app.run()
    return EXIT_SAME


def check_review_folder(review_path: Path) -> None:
    """Refuse, before the UI opens, a review file whose folder does not exist: every mark would fail to save
    while the help says they are saved (as -o is checked before the comparison)."""
    from ajdiff.errors import OutputError

    folder = review_path.parent
    if not folder.is_dir():
        raise OutputError(
            str(review_path),
            _("folder {0} does not exist").format(folder),
            _("create the folder first, or choose another -o path"),
        )
