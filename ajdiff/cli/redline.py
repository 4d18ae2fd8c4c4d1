"""`ajdiff redline OLD NEW -o OUT.docx`: the CLI entry of the redline (no docx import until run)."""

from __future__ import annotations

import argparse
import sys

from ajdiff.errors import InputError, OutputError
from ajdiff.i18n import N_, _

TYPE_CHECKING = False  # as typing's, without importing typing (2 ms a start); type checkers know the name
if TYPE_CHECKING:
    from datetime import datetime

    from ajdiff.changes import ComparisonSet
    from ajdiff.review import Review

HELP = N_("write a Word redline with tracked changes for approval")
DESCRIPTION = N_(
    "Write OUT.docx: NEW's own Word document with every difference to OLD as a tracked change (Review → "
    "Accept All gives NEW, Reject All gives OLD), and a summary page of the substantive changes. OLD and NEW "
    "may be any format ajdiff reads; a Word NEW keeps its styles, headers and images."
)
EPILOG = N_("""\
examples:
  ajdiff redline old.docx new.docx -o redline.docx              NEW with OLD's differences tracked
  ajdiff redline old.pdf new.docx -o r.docx --author "Personal"  revisions stamped with a name
  ajdiff redline a.txt b.txt --new-annex 2 -o r.docx             one annex of an order
  ajdiff redline a.docx b.docx --review b.docx.ajdiff-review.json -o r.docx   the UI's marks as comments
  ajdiff redline a.docx b.docx -o - > r.docx                     to standard output (never to a terminal)
""")


def _iso_date(text: str) -> datetime:
    """--date: an ISO 8601 date or date-time; naive values are taken as UTC."""
    from datetime import datetime, timezone  # here: every command builds this parser, few give --date

    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not an ISO date: {0} (e.g. 2025-01-31T12:00:00Z)").format(repr(text))
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).replace(microsecond=0)


def _author(text: str) -> str:
    """--author: a name Word can store (no control characters, no bytes that are not UTF-8)."""
    import unicodedata

    if any(unicodedata.category(c) in ("Cc", "Cs") for c in text):
        raise argparse.ArgumentTypeError(_("has control characters: {0}").format(repr(text)))
    return text


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """The redline's arguments: the compare selectors, the output and the tracking options."""
    from ajdiff.cli.options import add_compare_arguments

    add_compare_arguments(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.docx",
        required=True,
        help=_("the .docx to write (atomically); '-' is standard output"),
    )
    parser.add_argument("--force", action="store_true", help=_("overwrite an existing output file"))
    parser.add_argument(
        "--author", type=_author, default="ajdiff", help=_("author of the tracked changes (default: ajdiff)")
    )
    parser.add_argument(
        "--date",
        type=_iso_date,
        metavar="ISO",
        help=_("date of the tracked changes, e.g. 2025-01-31T12:00:00Z (default: now)"),
    )
    parser.add_argument(
        "--editorial",
        choices=("show", "hide"),
        default="hide",
        help=_(
            "editorial changes (numbering, punctuation, case) are always tracked; hide: under an editorial author "
            "of their own, which Word's reviewer filter hides in one step (default); show: under AUTHOR"
        ),
    )
    parser.add_argument(
        "--no-moves", action="store_true", help=_("show moved duties as a deletion and an insertion, not as moves")
    )
    parser.add_argument(
        "--review",
        metavar=_("FILE"),
        help=_("a review file of the terminal UI: its comments and marks become Word comments"),
    )


def run(args: argparse.Namespace) -> int:
    """Compare, build the redline in memory, then write it in one atomic step (or to stdout for -o -)."""
    import gc

    # The cyclic collector finds nothing to free in a redline (records, lxml's elements, no cycles of note)
    # but scanned the trees being built again and again: paused for the run, as `diff` pauses it, and for the
    # imports of the reading, comparing and writing modules, whose thousands of objects it scanned as often.
    # The Word packages the comparison parses and walks are kept: the redline writes into them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        from ajdiff.read.formats.docx import keeping_parsed

        with keeping_parsed():
            return _run(args)
    finally:
        if enabled:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    from ajdiff.cli.options import EXIT_SAME, check_output, compare_from_args, emit_bytes, max_bytes
    from ajdiff.errors import one_line
    from ajdiff.words import word

    output = str(args.output)
    if not output:
        raise OutputError("-o", _("the output name is empty"), _("give a file name, or '-' for standard output"))
    if output != "-" and not output.lower().endswith(".docx"):
        raise OutputError(
            output, _("is not a .docx file name"), _("name the output OUT.docx, or '-' for standard output")
        )
    inputs = [args.old, args.new]
    # Refuse a bad output path before the (slower) comparison, and again when writing.
    check_output(output, inputs, args.force)
    review = None
    if args.review:
        from pathlib import Path

        from ajdiff.review import load_review

        if not Path(args.review).exists():  # a device or a pipe exists: load_review names what it is
            raise InputError(args.review, _("review file not found"), _("give the file the terminal UI wrote"))
        review = load_review(args.review)  # only read: a bad file is reported, never copied or replaced
    result = compare_from_args(args)

    from ajdiff.redline.document import RedlineOptions, build_redline

    def warn(source: str, message: str) -> None:
        if not args.quiet:
            lang = args.lang
            print(f"ajdiff: {source}: {word('cli.warning', lang)}: {one_line(message)}", file=sys.stderr)

    options = RedlineOptions(
        warn=warn,
        author=args.author,
        date=args.date,
        editorial_apart=args.editorial == "hide",
        moves=not args.no_moves,
        lang=args.lang,
        review=review,
        max_bytes=max_bytes(args),
    )
    if review is not None and not args.quiet:
        matched, marked = _marks_matched(review, result)
        if matched < marked:  # marks of other versions would otherwise vanish from the redline without a word
            warn(
                args.review,
                _("{0} of {1} marks match a change of this comparison; the rest are left out").format(matched, marked),
            )
    data = build_redline(result, options)
    emit_bytes(data, output, inputs=inputs, force=args.force)
    return EXIT_SAME  # written: success, whatever the changes (the summary page says them)


def _marks_matched(review: Review, result: ComparisonSet) -> tuple[int, int]:
    """How many of the review's marks and comments belong to a change of `result`, of how many."""
    marked = [e for e in review.entries if e.mark or e.comment]
    used = {id(e) for pair in result.pairs for c in pair.changes if (e := review.entry(pair, c)) is not None}
    used |= {id(e) for c in result.order_changes if (e := review.order_entry(c)) is not None}  # on the summary too
    return sum(id(e) in used for e in marked), len(marked)
