"""The command line: a thin layer over `ajdiff.api`. Heavy libraries load only when a command needs them.

Reports go to standard output (or `-o FILE`, where `-` is standard output again); every notice and
warning goes to standard error, so that `--format json | jq` and `-o` files stay clean.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from ajdiff import __version__
from ajdiff.console import can_encode, is_terminal, make_streams_safe, report_width, write_paged
from ajdiff.errors import AjdiffError, OutputError, UsageError, one_line

EXIT_SAME, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
COMMANDS = ("show", "diff", "redline", "tui", "demo", "completion", "help")
# Commands that live in optional layers: module with add_arguments(parser) and run(args) -> int.
PLUGIN_COMMANDS = {
    "redline": ("ajdiff.redline.command", "write a Word redline with tracked changes for approval"),
    "tui": ("ajdiff.tui.command", "review the changes in a terminal UI"),
    "demo": ("ajdiff.tui.command", "open the terminal UI on a real pair bundled with ajdiff"),
}
STDOUT = "-"
"""`-o -`: standard output, as everywhere on Unix."""

_EPILOG = """\
exit status: 0 no substantive change, 1 substantive changes, 2 error (as diff(1));
show and redline: 0 on success, 2 on error

examples:
  ajdiff show order.txt --annex 2            what ajdiff understood of Lisa 2
  ajdiff old.pdf new.docx                    compare two versions (shorthand for 'diff')
  ajdiff diff old_order.txt new_order.txt    pair every annex by post and compare them
  ajdiff diff old/ new/ --jobs 2 --stat      two folders of annexes, one line per pair
  ajdiff diff old/ new/ --format jsonl       stream one JSON line per pair
  ajdiff diff a.txt b.txt --pair 2=4         old Lisa 2 is new Lisa 4 (--no-pair 1: Lisa 1 was abolished)
  ajdiff diff a.txt b.txt --format json      the ajdiff/1 contract, for scripts
  ajdiff -q a.txt b.txt || echo changed      only the exit status
  ajdiff redline old.docx new.docx -o redline.docx
  ajdiff completion bash > ~/.local/share/bash-completion/completions/ajdiff
"""


class Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors: 'ajdiff: diff: what is wrong (see ajdiff diff --help)'."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing argparse's usage block and exiting."""
        command = self.prog.split()[-1] if " " in self.prog else "ajdiff"
        raise UsageError(command, message, f"see {self.prog} --help")


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
    parser.add_argument(
        "--lang", choices=("et", "en"), default="et", help="language of the report and messages (default: et)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no notes or warnings on stderr; for diff no report either"
    )


def _add_report_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically); '-' is standard output")
    parser.add_argument("--force", action="store_true", help="overwrite an existing output file")
    parser.add_argument(
        "--width", type=_positive_int, metavar="N", help="wrap text at N columns (default: the terminal's, or 100)"
    )
    parser.add_argument("--no-pager", action="store_true", help="never page long output on a terminal")


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


def message_lang(argv: Sequence[str]) -> str:
    """The language of messages: --lang when given, else the locale's (et_EE → et), else English."""
    for k, arg in enumerate(argv):
        if arg == "--lang" and k + 1 < len(argv):
            return "et" if argv[k + 1] == "et" else "en"
        if arg.startswith("--lang="):
            return "et" if arg.endswith("=et") else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "et" if value.lower().startswith("et") else "en"
    return "en"


# ------------------------------------------------------------------ notices


def notices(result) -> tuple[list[str], list[str]]:  # result: ComparisonSet
    """The notes (what ajdiff chose or skipped) and warnings of a comparison, one line each, without 'ajdiff: '.

    Warnings: what the parser could not find, and an OLD dated later than its NEW.
    """
    notes = [one_line(n) for n in result.notes]
    warnings: list[str] = []
    docs = [d for pair in result.pairs for d in (pair.old, pair.new)]
    docs += [*result.unpaired_old, *result.unpaired_new]
    for doc in docs:
        where = f"Lisa {doc.annex}: " if doc.annex else ""
        # The source is printable already (display_name); one_line must not touch the name's spaces.
        warnings += [f"{doc.source}: warning: {one_line(where + w)}" for w in doc.warnings]
    sides = [(pair.old, pair.new) for pair in result.pairs]
    if result.unpaired_old and result.unpaired_new:  # two orders none of whose posts pair: still dated
        sides.append((result.unpaired_old[0], result.unpaired_new[0]))
    for old_doc, new_doc in sides:
        old, new = old_doc.order, new_doc.order
        if old and new and old.date and new.date and old.date > new.date:
            warnings.append(
                f"{old_doc.source}: warning: "
                + one_line(
                    f"OLD is dated {old.date} (order nr {old.number}), later than "
                    f"NEW {new_doc.source} dated {new.date} (order nr {new.number}); "
                    "are OLD and NEW swapped? (give the older version first)"
                )
            )
    # One document can sit in several pairs (one against many, a folder of pairs): say each thing once.
    return list(dict.fromkeys(notes)), list(dict.fromkeys(warnings))


def print_notices(result, args: argparse.Namespace) -> None:  # result: ComparisonSet
    """Notes and warnings on stderr ('ajdiff: …'), unless --quiet."""
    if getattr(args, "quiet", False):
        return
    notes, warnings = notices(result)
    for line in (*notes, *warnings):
        print(f"ajdiff: {line}", file=sys.stderr)


def compare_from_args(args: argparse.Namespace, on_pair=None):  # -> ComparisonSet
    """Run the comparison the arguments ask for; on_pair(Comparison) sees each pair as it is done; the
    notes and warnings go to stderr."""
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
    print_notices(result, args)
    return result


# ------------------------------------------------------------------ output


def _to_stdout(args: argparse.Namespace) -> bool:
    return getattr(args, "output", None) in (None, STDOUT)


def _use_color(choice: str, args: argparse.Namespace) -> bool:
    if not _to_stdout(args):
        return False
    if choice == "always":
        return True
    if choice == "never":
        return False
    return is_terminal(sys.stdout) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _width(args: argparse.Namespace) -> int:
    return report_width(getattr(args, "width", None), to_terminal=_to_stdout(args) and is_terminal(sys.stdout))


def _json_ascii(args: argparse.Namespace) -> bool:
    """JSON escapes non-ASCII (\\u00f5) when standard output cannot encode it: lossless, unlike a fallback."""
    return _to_stdout(args) and not can_encode(sys.stdout, "õ→“")


def _emit(text: str, args: argparse.Namespace, inputs: list[str]) -> None:
    if not _to_stdout(args):
        from ajdiff.output import atomic_write

        atomic_write(args.output, text, inputs=inputs, force=args.force)
    elif not (getattr(args, "quiet", False) and args.run is _cmd_diff):
        page = is_terminal(sys.stdout) and not getattr(args, "no_pager", False)
        write_paged(text, page=page)


def emit_bytes(data: bytes, output: str, *, inputs: list[str], force: bool) -> None:
    """Write binary output (a .docx) to a file atomically, or to standard output for '-' (never a terminal)."""
    if output != STDOUT:
        from ajdiff.output import atomic_write

        atomic_write(output, data, inputs=inputs, force=force)
        return
    if is_terminal(sys.stdout):
        raise OutputError(STDOUT, "will not write a Word document to a terminal", "redirect it: > redline.docx")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def check_output(output: str | None, inputs: list[str], force: bool) -> None:
    """Refuse a bad -o path before the work, not after it ('-' is always fine)."""
    if output and output != STDOUT:
        from ajdiff.output import check_output_path

        check_output_path(output, inputs=inputs, force=force)


# ------------------------------------------------------------------ commands


def _cmd_show(args: argparse.Namespace) -> int:
    from ajdiff.api import load

    check_output(args.output, [args.file], args.force)
    docs = load(args.file, args.annex, max_bytes=max_bytes(args))
    if args.format == "json":
        from ajdiff.render.json import show_json

        _emit(show_json(docs, ensure_ascii=_json_ascii(args)), args, [args.file])
    else:
        from ajdiff.render.show_text import show_text

        _emit(show_text(docs, width=_width(args)), args, [args.file])
    return EXIT_SAME


def _cmd_diff(args: argparse.Namespace) -> int:
    inputs = [args.old, args.new]
    check_output(args.output, inputs, args.force)
    if args.format == "jsonl":
        return _diff_jsonl(args, inputs)
    result = compare_from_args(args)
    lang = args.lang
    if args.stat:
        from ajdiff.render.diff_text import diff_stat

        _emit(diff_stat(result, lang=lang, width=_width(args)), args, inputs)
    elif args.format == "json":
        from ajdiff.render.json import diff_json

        notes, warnings = notices(result)
        text = diff_json(result, notes=notes, warnings=warnings, ensure_ascii=_json_ascii(args))
        _emit(text, args, inputs)
    elif args.format == "markdown":
        from ajdiff.render.markdown import diff_markdown

        _emit(diff_markdown(result, show_all=args.all, lang=lang), args, inputs)
    else:
        from ajdiff.render.diff_text import diff_text

        color = _use_color(args.color, args)
        _emit(diff_text(result, show_all=args.all, color=color, lang=lang, width=_width(args)), args, inputs)
    return EXIT_CHANGED if result.has_substantive else EXIT_SAME


def _cmd_completion(args: argparse.Namespace) -> int:
    """Print the shell's completion script (argcomplete: completes commands, options and file names)."""
    import argcomplete

    sys.stdout.write(argcomplete.shellcode(["ajdiff"], shell=args.shell))
    return EXIT_SAME


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
    parser = Parser(
        prog="ajdiff",
        description="Compare two versions of an Estonian job description (ametijuhend) section by section "
        "and show what really changed: duties, substitutes, language levels, experience, the post's group.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ajdiff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    show = sub.add_parser(
        "show",
        help="print what ajdiff understood of a document",
        description="Print the parsed job description(s): fields, duties, requirements, warnings.",
        epilog="examples:\n  ajdiff show order.txt --annex 2\n"
        "  ajdiff show annex.pdf --format json | jq .documents[0].duties",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("file", metavar="FILE", help="a .txt .md .docx .pdf .html .asice file, or '-' for standard input")
    show.add_argument("--annex", metavar="K", help="only annex K (Lisa K) of an order")
    show.add_argument("--format", choices=("text", "json"), default="text", help="text outline or ajdiff/1 JSON")
    _add_common(show)
    _add_report_options(show)
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
    diff.add_argument("--stat", action="store_true", help="one line per compared pair, like git diff --stat")
    diff.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (auto: on a terminal, unless NO_COLOR is set)",
    )
    _add_report_options(diff)
    diff.set_defaults(run=_cmd_diff)

    for name, (module_name, help_text) in PLUGIN_COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue  # that layer is not installed in this build
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(cmd, name)
        cmd.set_defaults(run=module.run)

    completion = sub.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh, fish)",
        description="Print the completion script for a shell. Install it once, for example:\n"
        "  ajdiff completion bash > ~/.local/share/bash-completion/completions/ajdiff\n"
        "  ajdiff completion zsh > ~/.zfunc/_ajdiff      (with fpath+=~/.zfunc before compinit)\n"
        "  ajdiff completion fish > ~/.config/fish/completions/ajdiff.fish",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    completion.add_argument("shell", choices=("bash", "zsh", "fish"), help="the shell")
    completion.set_defaults(run=_cmd_completion)
    sub.add_parser("help", help="show this help, or a command's: ajdiff help diff")
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """`ajdiff OLD NEW` is shorthand for `ajdiff diff OLD NEW`; a mistyped command is said so."""
    for arg in argv:
        if arg in ("-h", "--help", "--version"):
            return argv
        if not arg.startswith("-") or arg == "-":
            if arg in COMMANDS:
                return argv
            # A bare word that is no file and close to a command is a typo ("shwo"); "diff.txt" is a file name.
            if arg is argv[0] and arg.isalpha() and not os.path.exists(arg):
                close = _nearest_command(arg)
                if close:
                    raise UsageError(arg, "unknown command", f"did you mean '{close}'?")
            return ["diff", *argv]
    return argv


def _nearest_command(word: str) -> str | None:
    """The command a mistyped word most likely meant ('shwo' → 'show'), if any is close."""
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def _help(parser: argparse.ArgumentParser, topic: list[str]) -> int:
    """`ajdiff help [COMMAND]`: the help of ajdiff or of one command, on stdout."""
    if not topic:
        parser.print_help(sys.stdout)
        return EXIT_SAME
    if topic[0] not in COMMANDS or topic[0] == "help":
        close = _nearest_command(topic[0])
        hint = f"did you mean '{close}'?" if close else "see ajdiff --help"
        raise UsageError(topic[0], "unknown command", hint)
    parser.parse_args([topic[0], "--help"])  # prints and raises SystemExit(0)
    return EXIT_SAME  # pragma: no cover


def _complete(parser: argparse.ArgumentParser) -> None:
    """Answer a shell's completion request (argcomplete sets _ARGCOMPLETE), then exit; else do nothing."""
    if "_ARGCOMPLETE" in os.environ:
        import argcomplete  # only for a completion request: never on the start-up path of a real run

        argcomplete.autocomplete(parser)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run a command and turn every failure into one line and exit status 2."""
    make_streams_safe()
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = message_lang(args_list)
    try:
        return _main(args_list)
    except SystemExit as exc:  # argparse's --help and --version exit 0
        return int(exc.code or 0)
    except AjdiffError as exc:
        print(exc.line(lang), file=sys.stderr)
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


def _main(args_list: list[str]) -> int:
    parser = build_parser()
    _complete(parser)
    if not args_list:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    if args_list[0] == "help":
        return _help(parser, args_list[1:])
    args = parser.parse_args(_normalise_argv(args_list))
    if not getattr(args, "run", None):
        raise UsageError("ajdiff", "no command given", "see ajdiff --help")
    if args.command in ("tui", "demo") and not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
        # Textual would start anyway, wait for keys that never come and write escape codes into a file.
        raise UsageError(
            args.command,
            "needs a terminal (standard input and output are not one)",
            "use 'ajdiff diff' for a report you can redirect",
        )
    return int(args.run(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
