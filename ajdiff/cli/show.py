"""`ajdiff show FILE`: what ajdiff understood of a document, as text or ajdiff/1 JSON."""

from __future__ import annotations

import argparse

from ajdiff.cli.options import (
    EXIT_SAME,
    add_common,
    add_report_options,
    annex_completer,
    check_output,
    emit,
    json_ascii,
    max_bytes,
    width,
)
from ajdiff.i18n import N_, _

HELP = N_("print what ajdiff understood of a document")
DESCRIPTION = N_("Print the parsed job description(s): fields, duties, requirements, warnings.")
EPILOG = N_(
    "examples:\n  ajdiff show order.txt --annex 2\n  ajdiff show annex.pdf --format json | jq .documents[0].duties"
)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """FILE, --annex, --format and the common and report options."""
    parser.add_argument(
        "file", metavar=_("FILE"), help=_("a .txt .md .docx .pdf .html .asice file, or '-' for standard input")
    )
    annex = parser.add_argument("--annex", metavar="K", help=_("only annex K (Lisa K) of an order"))
    annex.completer = annex_completer("file")  # type: ignore[attr-defined]
    parser.add_argument("--format", choices=("text", "json"), default="text", help=_("text outline or ajdiff/1 JSON"))
    add_common(parser)
    add_report_options(parser)


def run(args: argparse.Namespace) -> int:
    """Read FILE (or its annex K) and print the outline or the JSON."""
    from ajdiff.api import load

    check_output(args.output, [args.file], args.force)
    docs = load(args.file, args.annex, max_bytes=max_bytes(args))
    if args.format == "json":
        from ajdiff.render.json import show_json

        emit(show_json(docs, ensure_ascii=json_ascii(args), lang=args.lang), args, [args.file])
    else:
        from ajdiff.render.show_text import show_text

        emit(show_text(docs, width=width(args), lang=args.lang), args, [args.file])
    return EXIT_SAME
