"""The command line: a thin layer over `ajdiff.api`. Heavy libraries load only when a command needs them."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from ajdiff import __version__
from ajdiff.errors import AjdiffError, one_line

EXIT_SAME, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
COMMANDS = ("show", "diff", "redline", "tui", "demo")
# Commands that live in optional layers: module with add_arguments(parser) and run(args) -> int.
PLUGIN_COMMANDS = {
    "redline": ("ajdiff.redline.command", "write a Word redline with tracked changes for approval"),
    "tui": ("ajdiff.tui.command", "review the changes in a terminal UI"),
    "demo": ("ajdiff.tui.command", "open the terminal UI on a real pair bundled with ajdiff"),
}

_EPILOG = """\
exit status: 0 no substantive change, 1 substantive changes, 2 error (as diff(1))

examples:
  ajdiff show order.txt --annex 2            what ajdiff understood of Lisa 2
  ajdiff old.pdf new.docx                    compare two versions (shorthand for 'diff')
  ajdiff diff old_order.txt new_order.txt    pair every annex by post and compare them
  ajdiff diff old/ new/ --jobs 2             compare two folders of annexes
  ajdiff diff old/ new/ --format jsonl       stream one JSON line per pair
  ajdiff diff a.txt b.txt --pair 2=4         old Lisa 2 is new Lisa 4 (--no-pair 1: Lisa 1 was abolished)
  ajdiff diff a.txt b.txt --format json      the ajdiff/1 contract, for scripts
  ajdiff redline old.docx new.docx -o redline.docx
"""


def add_compare_arguments(parser: argparse.ArgumentParser) -> None:
    """OLD NEW and the selectors every comparing command takes."""
    parser.add_argument(
        "old", metavar="OLD", help="old version: a file (.txt .md .docx .pdf .html .asice), '-' or a folder"
    )
    parser.add_argument("new", metavar="NEW", help="new version: a file, '-' or a folder (when OLD is a folder)")
    parser.add_argument("--old-annex", metavar="K", help="compare only annex K (Lisa K) of OLD")
    parser.add_argument("--new-annex", metavar="K", help="compare only annex K (Lisa K) of NEW")
    parser.add_argument(
        "--jobs", "-j", type=_positive_int, default=1, metavar="N", help="compare folder pairs in N processes"
    )
    parser.add_argument(
        "--pair",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="pair these two by hand (annex numbers, file names or FILE#K; repeatable), e.g. --pair 2=4",
    )
    parser.add_argument(
        "--no-pair",
        action="append",
        default=[],
        metavar="SPEC",
        help="never pair old OLD, new =NEW or the pair OLD=NEW (repeatable), e.g. --no-pair 1",
    )
    _add_common(parser)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_positive_int,
        default=50,
        metavar="MB",
        help="refuse inputs (and zip members once inflated) larger than this (default: 50 MB)",
    )
    parser.add_argument("--lang", choices=("et", "en"), default="et", help="language of the report (default: et)")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def max_bytes(args: argparse.Namespace) -> int:
    """The --max-size option in bytes."""
    return int(args.max_size) * 1024 * 1024


def compare_from_args(args: argparse.Namespace, on_pair=None):  # -> ComparisonSet
    """Run the comparison the arguments ask for; on_pair(Comparison) sees each pair as it is done."""
    from ajdiff.api import compare_files
    from ajdiff.progress import ProgressBar

    result = compare_files(
        args.old,
        args.new,
        old_annex=args.old_annex,
        new_annex=args.new_annex,
        jobs=args.jobs,
        max_bytes=max_bytes(args),
        progress=ProgressBar(),
        pair=getattr(args, "pair", None) or (),
        no_pair=getattr(args, "no_pair", None) or (),
        on_pair=on_pair,
    )
    warn_documents(result)
    return result


def warn_documents(result) -> None:  # result: ComparisonSet
    """Say on stderr what the parser could not find, one 'ajdiff: FILE: warning: …' line each.

    On stderr, not in the report, so that JSON on stdout stays clean and a script still sees it.
    """
    docs = [d for pair in result.pairs for d in (pair.old, pair.new)]
    docs += [*result.unpaired_old, *result.unpaired_new]
    seen: set[str] = set()
    for doc in docs:
        where = f"Lisa {doc.annex}: " if doc.annex else ""
        for warning in doc.warnings:
            line = one_line(f"ajdiff: {doc.source}: warning: {where}{warning}")
            if line not in seen:  # one document can sit in two pairs (one against many)
                seen.add(line)
                print(line, file=sys.stderr)


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _emit(text: str, args: argparse.Namespace, inputs: list[str]) -> None:
    if getattr(args, "output", None):
        from ajdiff.output import atomic_write

        atomic_write(args.output, text, inputs=inputs, force=args.force)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _add_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")


def _check_output(args: argparse.Namespace, inputs: list[str]) -> None:
    """Refuse a bad -o path before the work, not after it."""
    if getattr(args, "output", None):
        from ajdiff.output import check_output_path

        check_output_path(args.output, inputs=inputs, force=args.force)


def _cmd_show(args: argparse.Namespace) -> int:
    from ajdiff.api import load

    _check_output(args, [args.file])

    docs = load(args.file, args.annex, max_bytes=max_bytes(args))
    if args.format == "json":
        from ajdiff.render.json import show_json

        _emit(show_json(docs), args, [args.file])
    else:
        from ajdiff.render.show_text import show_text

        _emit(show_text(docs), args, [args.file])
    return EXIT_SAME


def _cmd_diff(args: argparse.Namespace) -> int:
    inputs = [args.old, args.new]
    _check_output(args, inputs)
    if args.format == "jsonl":
        return _diff_jsonl(args, inputs)
    result = compare_from_args(args)
    if args.format == "json":
        from ajdiff.render.json import diff_json

        _emit(diff_json(result), args, inputs)
    elif args.format == "markdown":
        from ajdiff.render.markdown import diff_markdown

        _emit(diff_markdown(result, show_all=args.all, lang=args.lang), args, inputs)
    else:
        from ajdiff.render.diff_text import diff_text

        color = _use_color(args.color) and not args.output
        _emit(diff_text(result, show_all=args.all, color=color, lang=args.lang), args, inputs)
    return EXIT_CHANGED if result.has_substantive else EXIT_SAME


def _diff_jsonl(args: argparse.Namespace, inputs: list[str]) -> int:
    """One JSON object per line: each pair as soon as it is compared, then the unpaired (to stdout as it runs)."""
    from ajdiff.render.json import pair_line, rest_lines

    lines: list[str] = []

    def on_pair(pair) -> None:  # pair: Comparison
        if args.output:
            lines.append(pair_line(pair))  # -o stays atomic: written whole at the end
        else:
            sys.stdout.write(pair_line(pair))
            sys.stdout.flush()

    result = compare_from_args(args, on_pair=on_pair)
    _emit("".join(lines) + rest_lines(result), args, inputs)
    return EXIT_CHANGED if result.has_substantive else EXIT_SAME


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per task."""
    parser = argparse.ArgumentParser(
        prog="ajdiff",
        description="Compare two versions of an Estonian job description (ametijuhend) section by section "
        "and show what really changed: duties, substitutes, language levels, experience, the post's group.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ajdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    show = sub.add_parser(
        "show",
        help="print what ajdiff understood of a document",
        description="Print the parsed job description(s): fields, duties, requirements, warnings.",
    )
    show.add_argument("file", metavar="FILE", help="a .txt .md .docx .pdf .html .asice file, or '-' for standard input")
    show.add_argument("--annex", metavar="K", help="only annex K (Lisa K) of an order")
    show.add_argument("--format", choices=("text", "json"), default="text", help="text outline or ajdiff/1 JSON")
    _add_common(show)
    _add_output(show)
    show.set_defaults(run=_cmd_show)

    diff = sub.add_parser(
        "diff",
        help="compare two versions (the default command)",
        description="Compare OLD and NEW: two annexes, two orders (annexes paired by post), or two folders.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_compare_arguments(diff)
    diff.add_argument(
        "--format",
        choices=("text", "json", "markdown", "jsonl"),
        default="text",
        help="report format (jsonl: one ajdiff/1 object per line, each pair as soon as it is done)",
    )
    diff.add_argument("--all", action="store_true", help="also show editorial changes (renumbering, punctuation …)")
    diff.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (auto: on a terminal, unless NO_COLOR is set)",
    )
    _add_output(diff)
    diff.set_defaults(run=_cmd_diff)

    for name, (module_name, help_text) in PLUGIN_COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue  # that layer is not installed in this build
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(cmd, name)
        cmd.set_defaults(run=module.run)
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """`ajdiff OLD NEW` is shorthand for `ajdiff diff OLD NEW`."""
    for arg in argv:
        if arg in ("-h", "--help", "--version"):
            return argv
        if not arg.startswith("-") or arg == "-":
            return argv if arg in COMMANDS else ["diff", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run a command and turn every failure into one line and exit status 2."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        args = parser.parse_args(_normalise_argv(args_list))
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return int(args.run(args))
    except AjdiffError as exc:
        print(exc.line(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ajdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error worth a message.
        # Point stdout at /dev/null so the flush at exit does not fail a second time (Python docs recipe).
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_SAME
    except MemoryError:
        print("ajdiff: out of memory (input too large? see --max-size)", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one line, never a traceback, unless asked for
        if os.environ.get("AJDIFF_DEBUG"):
            raise
        print(f"ajdiff: internal error: {type(exc).__name__}: {exc} (set AJDIFF_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
