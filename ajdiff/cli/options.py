"""What every command shares: exit codes, the common options, running a comparison, writing output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from ajdiff.cli.console import can_encode, is_terminal, report_width, terminal_columns, write_paged
from ajdiff.errors import OutputError, UsageError, one_line
from ajdiff.i18n import _, current, translation
from ajdiff.words import annex_name, word

TYPE_CHECKING = False  # as typing's, without importing typing (2 ms a start); type checkers know the name
if TYPE_CHECKING:
    from typing import NoReturn

    from ajdiff.changes import Comparison, ComparisonSet

EXIT_SAME, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
STDOUT = "-"
"""`-o -`: standard output, as everywhere on Unix."""

HELD: list[object] | None = None
"""Where the installed program, which leaves without freeing anything (`ajdiff.cli.console`), holds what its command
made (`hold_to_exit`); None in any other caller of `main`, a library's or a test's, which frees it as ever."""


def hold_to_exit(made: object) -> None:
    """Keep what a command made to the end of the installed program, which leaves without freeing it: let go when
    the command returns, a batch's documents and changes would be freed object by object first (a hundredth of a
    folder's run), for nothing. Anywhere else (`HELD` None), nothing is kept."""
    if HELD is not None:
        HELD.append(made)


class Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors: 'ajdiff: diff: what is wrong (see ajdiff diff --help)'."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing argparse's usage block and exiting (`message` is in the user's language)."""
        unrecognized = translation(current(), "argparse").gettext("unrecognized arguments: %s").replace("%s", "")
        if " " not in self.prog and message.startswith(unrecognized):
            # `ajdiff -q redline …`: an option of a command given before it, named as the thing that is wrong.
            first = message.split(": ", 1)[1].split(" ", 1)[0]
            raise UsageError(
                first, _("unknown option before the command"), _("options go after the command; see ajdiff --help")
            )
        if " " not in self.prog:
            raise UsageError("ajdiff", message, _("see ajdiff --help"))
        command = self.prog.split()[-1]
        raise UsageError(command, message, _("see ajdiff {0} --help").format(command))

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse's own width (the terminal's, less 2), found without its `import shutil`: every
        # add_argument makes a formatter, so a run would import shutil, bz2 and lzma for nothing.
        # All of ajdiff's formatter classes take a width, which argparse's protocol for them does not name.
        return self.formatter_class(prog=self.prog, width=terminal_columns() - 2)  # type: ignore[call-arg]


def annex_completer(side: str) -> Callable[..., list[str]]:
    """Shell completion of an annex option: the annex numbers of the file already typed (argcomplete calls
    it with the arguments parsed so far), not file names; nothing when the file cannot be read."""

    def complete(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
        path = getattr(parsed_args, side, None)
        if not path or path == "-":
            return []
        try:
            from ajdiff.api import load

            annexes = [d.annex for d in load(path) if d.annex]
        except Exception:  # a completion must never print a traceback into the shell
            return []
        return [a for a in dict.fromkeys(annexes) if a.startswith(prefix)]

    return complete


def add_compare_arguments(parser: argparse.ArgumentParser) -> None:
    """OLD NEW and the selectors every comparing command takes."""
    parser.add_argument(
        "old", metavar=_("OLD"), help=_("old version: a file (.txt .md .docx .pdf .html .asice), '-' or a folder")
    )
    parser.add_argument("new", metavar=_("NEW"), help=_("new version: a file, '-' or a folder (when OLD is a folder)"))
    old = parser.add_argument("--old-annex", metavar="K", help=_("compare only annex K (Lisa K) of OLD"))
    new = parser.add_argument("--new-annex", metavar="K", help=_("compare only annex K (Lisa K) of NEW"))
    old.completer = annex_completer("old")  # type: ignore[attr-defined]
    new.completer = annex_completer("new")  # type: ignore[attr-defined]
    parser.add_argument(
        "--jobs", "-j", type=positive_int, default=1, metavar="N", help=_("compare folder pairs in N processes")
    )
    parser.add_argument(
        "--pair",
        action="append",
        default=[],
        metavar=_("OLD=NEW"),
        help=_("pair these two by hand (annex numbers, file names or FILE#K; repeatable), e.g. --pair 2=4"),
    )
    parser.add_argument(
        "--no-pair",
        action="append",
        default=[],
        metavar="SPEC",
        help=_("never pair old OLD, new =NEW or the pair OLD=NEW (repeatable), e.g. --no-pair 1"),
    )
    add_common(parser)


def add_common(parser: argparse.ArgumentParser) -> None:
    """--max-size, --lang and --quiet: the options of every command that reads documents."""
    parser.add_argument(
        "--max-size",
        type=positive_int,
        default=50,
        metavar="MB",
        help=_("refuse inputs (and zip members once inflated) larger than this (default: 50 MB)"),
    )
    parser.add_argument(
        "--lang",
        choices=("et", "en"),
        default=current(),  # the language `main` chose (from this flag, AJDIFF_LANG or the locale) before parsing
        help=_(
            "the language of everything ajdiff says: reports, notes, warnings, errors (default: AJDIFF_LANG, else "
            "the locale's: et under et_EE, else en)"
        ),
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help=_("no notes or warnings on stderr; for diff no report either")
    )


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """-o, --force, --width and --no-pager: the options of a command that writes a report."""
    parser.add_argument(
        "-o", "--output", metavar=_("FILE"), help=_("write to FILE (atomically); '-' is standard output")
    )
    parser.add_argument("--force", action="store_true", help=_("overwrite an existing output file"))
    parser.add_argument(
        "--width", type=positive_int, metavar="N", help=_("wrap text at N columns (default: the terminal's, or 100)")
    )
    parser.add_argument("--no-pager", action="store_true", help=_("never page long output on a terminal"))


def positive_int(text: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {0}").format(repr(text))) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("must be 1 or more"))
    return value


def max_bytes(args: argparse.Namespace) -> int:
    """The --max-size option in bytes."""
    return int(args.max_size) * 1024 * 1024


# ------------------------------------------------------------------ notices


def notices(result: ComparisonSet, lang: str = "en") -> tuple[list[str], list[str]]:
    """The notes (what ajdiff chose or skipped) and warnings of a comparison, one line each, without 'ajdiff: '.

    Warnings: what the parser could not find, and an OLD dated later than its NEW; their own words in `lang`
    where the catalogue has them.
    """
    notes = [one_line(n) for n in result.notes]
    warnings: list[str] = []
    docs = [d for pair in result.pairs for d in (pair.old, pair.new)]
    docs += [*result.unpaired_old, *result.unpaired_new]
    for doc in (d for d in docs if d.warnings):  # a batch's thousands of documents, most without a warning
        where = f"{annex_name(doc.annex, lang)}: " if doc.annex else ""
        # The source is printable already (display_name); one_line must not touch the name's spaces.
        warnings += [f"{doc.source}: {word('cli.warning', lang)}: {one_line(where + w)}" for w in doc.warnings]
    sides = [(pair.old, pair.new) for pair in result.pairs]
    if result.unpaired_old and result.unpaired_new:  # two orders none of whose posts pair: still dated
        sides.append((result.unpaired_old[0], result.unpaired_new[0]))
    for old_doc, new_doc in sides:
        old, new = old_doc.order, new_doc.order
        if old and new and old.date and new.date and old.date > new.date:
            swapped = word(
                "cli.swapped",
                lang,
                old_date=old.date,
                old_number=old.number,
                new_source=new_doc.source,
                new_date=new.date,
                new_number=new.number,
            )
            warnings.append(f"{old_doc.source}: {word('cli.warning', lang)}: {one_line(swapped)}")
    # One document can sit in several pairs (one against many, a folder of pairs): say each thing once.
    return list(dict.fromkeys(notes)), list(dict.fromkeys(warnings))


def print_notices(result: ComparisonSet, args: argparse.Namespace) -> None:
    """Notes and warnings on stderr ('ajdiff: …'), unless --quiet."""
    if getattr(args, "quiet", False):
        return
    notes, warnings = notices(result, args.lang)
    for line in (*notes, *warnings):
        print(f"ajdiff: {line}", file=sys.stderr)


_ONE_ANNEX_FORMATS = frozenset({"text", "json", "jsonl"})
"""Report formats that say nothing of a file's annexes beyond the ones compared."""
_CHANGES_ONLY_FORMATS = frozenset({"json", "jsonl"})
"""Report formats that read a pair's changes, never its alignment (the steps the text, HTML and CSV reports walk),
nor a document's tree."""


def compare_from_args(
    args: argparse.Namespace,
    on_pair: Callable[[Comparison], None] | None = None,
    prepare: Callable[[int], object] | None = None,
) -> ComparisonSet:
    """Run the comparison the arguments ask for; on_pair(Comparison) sees each pair as it is done; the
    notes and warnings go to stderr; `prepare` readies the report's writer while folders are read (`compare_files`)."""
    from ajdiff.api import compare_files
    from ajdiff.progress import ProgressBar

    result = compare_files(
        args.old,
        args.new,
        old_annex=args.old_annex,
        new_annex=args.new_annex,
        jobs=args.jobs,
        max_bytes=max_bytes(args),
        progress=ProgressBar(lang=args.lang),
        pair=getattr(args, "pair", None) or (),
        no_pair=getattr(args, "no_pair", None) or (),
        on_pair=on_pair,
        # Only the reports that name a file's every annex (HTML, Markdown, CSV) and the redline need the
        # annexes not compared: the others skip parsing them.
        every_annex=getattr(args, "format", None) not in _ONE_ANNEX_FORMATS,
        alignment=getattr(args, "format", None) not in _CHANGES_ONLY_FORMATS,
        trees=getattr(args, "format", None) not in _CHANGES_ONLY_FORMATS,
        prepare=prepare,
    )
    print_notices(result, args)
    return result


# ------------------------------------------------------------------ output


def to_stdout(args: argparse.Namespace) -> bool:
    """True when the report goes to standard output."""
    return getattr(args, "output", None) in (None, STDOUT)


def use_color(choice: str, args: argparse.Namespace) -> bool:
    """--color auto/always/never, decided for where the report goes."""
    if not to_stdout(args):
        return False
    if choice == "always":
        return True
    if choice == "never":
        return False
    return is_terminal(sys.stdout) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def width(args: argparse.Namespace) -> int:
    """The report's width: --width, else the terminal's."""
    return report_width(getattr(args, "width", None), to_terminal=to_stdout(args) and is_terminal(sys.stdout))


def json_ascii(args: argparse.Namespace) -> bool:
    """JSON escapes non-ASCII (\\u00f5) when standard output cannot encode it: lossless, unlike a fallback."""
    return to_stdout(args) and not can_encode(sys.stdout, "õ→“")


def emit(text: str, args: argparse.Namespace, inputs: list[str]) -> None:
    """Write a report to -o atomically, or to standard output (paged on a terminal)."""
    if not to_stdout(args):
        from ajdiff.atomic import atomic_write

        atomic_write(args.output, text, inputs=inputs, force=args.force)
    elif not (getattr(args, "quiet", False) and args.command == "diff"):
        page = is_terminal(sys.stdout) and not getattr(args, "no_pager", False)
        write_paged(text, page=page)


def emit_bytes(data: bytes, output: str, *, inputs: list[str], force: bool) -> None:
    """Write binary output (a .docx) to a file atomically, or to standard output for '-' (never a terminal)."""
    if output != STDOUT:
        from ajdiff.atomic import atomic_write

        atomic_write(output, data, inputs=inputs, force=force)
        return
    if is_terminal(sys.stdout):
        raise OutputError(STDOUT, _("will not write a Word document to a terminal"), _("redirect it: > redline.docx"))
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def check_output(output: str | None, inputs: list[str], force: bool) -> None:
    """Refuse a bad -o path before the work, not after it ('-' is always fine)."""
    if output and output != STDOUT:
        from ajdiff.atomic import check_output_path

        check_output_path(output, inputs=inputs, force=force)
