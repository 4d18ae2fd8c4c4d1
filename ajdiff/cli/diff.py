"""`ajdiff diff OLD NEW` (also `ajdiff OLD NEW`): the report of what changed, in one of the formats."""

from __future__ import annotations

import argparse
import codecs
import os
import sys
from collections.abc import Callable

from ajdiff.cli.console import is_terminal
from ajdiff.cli.options import (
    EXIT_CHANGED,
    EXIT_SAME,
    STDOUT,
    add_compare_arguments,
    add_report_options,
    check_output,
    compare_from_args,
    emit,
    emit_bytes,
    hold_to_exit,
    json_ascii,
    notices,
    to_stdout,
    use_color,
    width,
)
from ajdiff.i18n import N_, _

TYPE_CHECKING = False  # as typing's, without importing typing (2 ms a start); type checkers know the name
if TYPE_CHECKING:
    from ajdiff.changes import Comparison, ComparisonSet

HELP = N_("compare two versions (the default command)")
DESCRIPTION = N_("Compare OLD and NEW: two annexes, two orders (annexes paired by post), or two folders.")
EPILOG = N_("""\
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
  ajdiff diff a.txt b.txt --format html -o report.html   one page to open, mail or print
  ajdiff diff old/ new/ --format csv -o changes.csv      a row per change, for a spreadsheet
  ajdiff -q a.txt b.txt || echo changed      only the exit status
  ajdiff redline old.docx new.docx -o redline.docx
  ajdiff completion bash > ~/.local/share/bash-completion/completions/ajdiff
""")


def _text(result: ComparisonSet, args: argparse.Namespace) -> str:
    from ajdiff.render.diff_text import diff_stat, diff_text

    color = use_color(args.color, args)
    if args.stat:
        return diff_stat(result, lang=args.lang, width=width(args), color=color)
    return diff_text(result, show_all=args.all, color=color, lang=args.lang, width=width(args))


def _json(result: ComparisonSet, args: argparse.Namespace) -> str:
    from ajdiff.render.json import diff_json

    notes, warnings = notices(result, args.lang)
    return diff_json(result, notes=notes, warnings=warnings, ensure_ascii=json_ascii(args), lang=args.lang)


def _json_utf8(result: ComparisonSet, args: argparse.Namespace) -> bytes | None:
    """The JSON report as the UTF-8 bytes orjson writes (`diff_json_utf8`), where they are the bytes its text would be
    written as: to -o, or to standard output in UTF-8 that is no terminal (never paged) and ends lines in '\\n'.
    None elsewhere (`_json` then)."""
    if to_stdout(args):
        out = sys.stdout
        if args.quiet or is_terminal(out) or os.linesep != "\n" or not hasattr(out, "buffer"):
            return None
        if codecs.lookup(out.encoding or "ascii").name != "utf-8":  # (UTF-8 encodes every character: no \u escapes)
            return None
    from ajdiff.render.json import diff_json_utf8

    notes, warnings = notices(result, args.lang)
    return diff_json_utf8(result, notes=notes, warnings=warnings, lang=args.lang)


def _prepare_json(files: int) -> None:
    """The JSON report's writer loaded ahead, for a report of some `files` pairs (`compare_files`' `prepare`)."""
    from ajdiff.render.json import prepare

    prepare(files)


def _markdown(result: ComparisonSet, args: argparse.Namespace) -> str:
    from ajdiff.render.markdown import diff_markdown

    return diff_markdown(result, show_all=args.all, lang=args.lang)


def _html(result: ComparisonSet, args: argparse.Namespace) -> str:
    from ajdiff.render.html import diff_html

    return diff_html(result, show_all=args.all, lang=args.lang)


def _csv(result: ComparisonSet, args: argparse.Namespace) -> str:
    from ajdiff.render.csv import diff_csv

    return diff_csv(result, args.lang)


FORMATTERS: dict[str, Callable[[ComparisonSet, argparse.Namespace], str]] = {
    "text": _text,
    "json": _json,
    "markdown": _markdown,
    "html": _html,
    "csv": _csv,
}
"""The report formats: each turns one comparison result into the report's text (jsonl streams instead)."""


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """OLD NEW, the selectors, the format and the report options."""
    add_compare_arguments(parser)
    parser.add_argument(
        "--format",
        choices=(*FORMATTERS, "jsonl"),
        default="text",
        help=_(
            "report format: text for a terminal; json, the ajdiff/1 contract for scripts (jsonl: one object per "
            "line, each pair as soon as it is done); markdown to paste into a ticket or wiki; html, one "
            "self-contained page to open in a browser, attach to an e-mail or print; csv, a row per change for a "
            "spreadsheet (UTF-8 with a byte order mark, for Excel)"
        ),
    )
    parser.add_argument(
        "--all", action="store_true", help=_("also show editorial changes (renumbering, punctuation …)")
    )
    parser.add_argument("--stat", action="store_true", help=_("one line per compared pair, like git diff --stat"))
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help=_("colour the text report (auto: on a terminal, unless NO_COLOR is set)"),
    )
    add_report_options(parser)


def run(args: argparse.Namespace) -> int:
    """Compare and write the report; exit 1 when anything substantive changed."""
    from ajdiff.api import gc_paused  # loaded by the comparison anyway

    # The whole command, not only the library's reading and comparing: between them and while the report
    # is written the collector would scan every tree and change again (a batch's million objects, acyclic
    # and freed by reference counting), about a tenth of a batch's time; they are freed before it resumes.
    with gc_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    inputs = [args.old, args.new]
    if args.stat and args.format != "text":  # said, not ignored: a script asking for JSON must not get text
        from ajdiff.errors import UsageError

        raise UsageError("--stat", _("is for the text report only"), _("every other format counts each pair already"))
    check_output(args.output, inputs, args.force)
    if args.format == "jsonl":
        return _diff_jsonl(args, inputs)
    if args.format == "csv":
        return _diff_csv(args, inputs)
    ahead = _prepare_json if args.format == "json" and not json_ascii(args) else None  # orjson's JSON: see `_dump`
    result = compare_from_args(args, prepare=ahead)
    hold_to_exit(result)
    formatter = FORMATTERS[args.format]
    if args.format == "json" and (data := _json_utf8(result, args)) is not None:
        emit_bytes(data, args.output or STDOUT, inputs=inputs, force=args.force)
    elif args.format in _UTF8:
        _emit_utf8(formatter(result, args), args, inputs)
    else:
        emit(formatter(result, args), args, inputs)
    return EXIT_CHANGED if result.has_substantive else EXIT_SAME


_UTF8 = frozenset({"html", "csv"})
"""Files for other programs (a browser, a spreadsheet): UTF-8 whatever the terminal's encoding."""


def _emit_utf8(text: str, args: argparse.Namespace, inputs: list[str]) -> None:
    """Write to -o (atomically), or to standard output as UTF-8 bytes, unpaged: a page or table, not a screen."""
    if not to_stdout(args):
        emit(text, args, inputs)
    elif not args.quiet:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()


def _diff_csv(args: argparse.Namespace, inputs: list[str]) -> int:
    """The CSV table with each pair's rows written as soon as the pair is compared (a folder is streamed)."""
    from ajdiff.render.csv import header, pair_rows, rest_rows

    chunks = [header(args.lang)]
    streaming = to_stdout(args) and not args.quiet  # -o stays atomic: written whole at the end

    def put(text: str) -> None:
        if streaming:
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            chunks.append(text)

    if streaming:
        sys.stdout.flush()
        put(chunks.pop())
    result = compare_from_args(args, on_pair=lambda pair: put(pair_rows(pair, args.lang)))
    hold_to_exit(result)
    put(rest_rows(result, args.lang))
    if not streaming:
        _emit_utf8("".join(chunks), args, inputs)
    return EXIT_CHANGED if result.has_substantive else EXIT_SAME


def _diff_jsonl(args: argparse.Namespace, inputs: list[str]) -> int:
    """One JSON object per line: each pair as soon as it is compared, then the unpaired (to stdout as it runs)."""
    from ajdiff.render.json import pair_line, rest_lines

    lines: list[str] = []

    def on_pair(pair: Comparison) -> None:
        if args.output:
            lines.append(pair_line(pair, args.lang))  # -o stays atomic: written whole at the end
        else:
            sys.stdout.write(pair_line(pair, args.lang))
            sys.stdout.flush()

    result = compare_from_args(args, on_pair=on_pair)
    hold_to_exit(result)
    emit("".join(lines) + rest_lines(result), args, inputs)
    return EXIT_CHANGED if result.has_substantive else EXIT_SAME
