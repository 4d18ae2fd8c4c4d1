"""`ajdiff diff --format csv`: one row per change, for a spreadsheet to filter ("every post whose English
requirement was raised").

RFC 4180: comma-separated, every field that needs it quoted, CRLF line ends. The text starts with a
UTF-8 byte order mark, so that Excel reads Estonian letters right (the command line writes it in UTF-8
wherever the report goes). The rows of a pair are made as soon as the pair is compared: a folder of
thousands of posts is streamed, never held.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from ajdiff.changes import Change, Comparison, ComparisonSet
from ajdiff.model import JobDescription
from ajdiff.render.shared import sides, whole_text
from ajdiff.words import change_title, doc_label, kind_name, word

BOM = "\ufeff"
"""The byte order mark the table starts with: Excel reads the file as UTF-8 only with it."""
COLUMNS = (
    "old_file",
    "old_annex",
    "new_file",
    "new_annex",
    "post",
    "path",
    "label",
    "kind",
    "impact",
    "editorial",
    "old_text",
    "new_text",
)
"""The columns, in order; the header row names them in the report's language (`csv.<column>`)."""


_NUMBER = re.compile(r"[+-]?[\d\s.,]*")


def cell(text: str) -> str:
    """A field as a spreadsheet must not run it: text that would start a formula ('=HYPERLINK(…)', '@SUM',
    '- teha kaugtööd', '+372 …x') gets a leading apostrophe, as OWASP advises against CSV injection; a
    number ('-5') and a lone '-' stay as they are."""
    if text[:1] in ("=", "@") or (text[:1] in ("+", "-") and not _NUMBER.fullmatch(text)):
        return "'" + text
    return text


def _line(row: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cell(c) for c in row)  # quotes, commas, line breaks
    return out.getvalue()


def header(lang: str = "et") -> str:
    """The byte order mark and the header row."""
    return BOM + _line(word(f"csv.{c}", lang) for c in COLUMNS)


def _row(change: Change, where: list[str], post: str, lang: str) -> list[str]:
    return [
        *where,
        post,
        change.path,
        change_title(change, lang),
        kind_name(change.kind, lang),
        word(f"csv.{change.impact.value}", lang),
        word("csv.yes" if change.editorial else "csv.no", lang),
        change.old or "",
        change.new or "",
    ]


def pair_rows(pair: Comparison, lang: str = "et") -> str:
    """One pair's changes (editorial ones too: a column says which), a row each, section by section."""
    where = [pair.old.source, pair.old.annex or "", pair.new.source, pair.new.annex or ""]
    post = pair.new.general.position or pair.old.general.position or ""
    return "".join(_line(_row(c, where, post, lang)) for _, changes in pair.walk() for c in changes)


def _post_row(doc: JobDescription, created: bool, lang: str) -> str:
    side = [doc.source, doc.annex or ""]
    files = ["", "", *side] if created else [*side, "", ""]
    text = whole_text(doc)
    return _line(
        [
            *files,
            doc.general.position or "",
            "",
            doc_label(doc, lang),
            word("csv.created" if created else "csv.abolished", lang),
            "",
            word("csv.no", lang),
            "" if created else text,
            text if created else "",
        ]
    )


def rest_rows(result: ComparisonSet, lang: str = "et") -> str:
    """What follows the pairs: the orders' own changes, then the posts created and abolished, a row each."""
    old, new = sides(result)
    where = [old.name, "", new.name, ""]
    rows = [_line(_row(c, where, "", lang)) for c in result.order_changes]
    rows += [_post_row(d, True, lang) for d in result.unpaired_new]
    rows += [_post_row(d, False, lang) for d in result.unpaired_old]
    return "".join(rows)


def diff_csv(result: ComparisonSet, lang: str = "et") -> str:
    """The whole table as one text: the byte order mark and header, each pair's rows, then the rest."""
    return header(lang) + "".join(pair_rows(p, lang) for p in result.pairs) + rest_rows(result, lang)
