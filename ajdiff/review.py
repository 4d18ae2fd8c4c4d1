"""Review state: approve / question marks and comments on changes, kept in a JSON file.

The terminal UI writes it after every action (atomically); the redline turns it into Word
comments. A file that cannot be read is never silently replaced: the UI keeps it as `.bak`;
the redline, which only reads it, reports it and writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import datetime, timezone
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

from ajdiff.atomic import atomic_write
from ajdiff.changes import Change, Comparison
from ajdiff.errors import AjdiffError
from ajdiff.i18n import _
from ajdiff.model import JobDescription
from ajdiff.records import dataclass

REVIEW_FORMAT = "ajdiff-review/1"
MAX_REVIEW_BYTES = 10 * 1024 * 1024
"""Largest review file read: a review of a thousand changes with long comments is under 1 MB."""
_MAX_INT_DIGITS = 64  # no number in the format is longer; longer ones stay text (Python refuses 4,300+ digits)
# Characters Word (XML 1.0) cannot hold and a terminal must not get: C0 controls but tab and line breaks,
# DEL, C1 controls, and lone surrogates (JSON "\ud800" escapes).
_UNSAFE_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class ReviewError(AjdiffError):
    """A review file that exists but cannot be used."""


class Mark(str, Enum):
    """A reviewer's verdict on one change."""

    APPROVED = "approved"
    QUESTIONED = "questioned"


@dataclass(frozen=True)
class ReviewEntry:
    """What a reviewer said about one change."""

    pair: str
    """`pair_key` of the pair the change belongs to (`post_key` for a created or abolished post)."""
    change: str
    """`Change.key` of the change."""
    mark: Mark | None = None
    comment: str | None = None
    label: str = ""
    """The change's label when marked, so a reader of the file knows what it was about."""
    updated: str = ""


@dataclass(frozen=True)
class Review:
    """All marks and comments of one review."""

    entries: tuple[ReviewEntry, ...] = ()
    author: str | None = None

    def entry(self, pair: Comparison, change: Change) -> ReviewEntry | None:
        """The entry for a change of a pair, if any."""
        return self.entry_at(pair_keys(pair), change.key)

    def entry_at(self, pairs: tuple[str, ...], change: str) -> ReviewEntry | None:
        """The entry under the first of a pair's keys that has one (the content key, then older keys)."""
        for key in pairs:
            for e in self.entries:
                if e.pair == key and e.change == change:
                    return e
        return None

    def order_entry(self, change: Change) -> ReviewEntry | None:
        """The entry for one of the orders' own changes, if any."""
        return self.entry_at((ORDER_KEY,), change.key)

    def updated(self, pair: Comparison, change: Change, **fields: object) -> Review:
        """A new Review with the entry of one change updated (mark=…, comment=…)."""
        from ajdiff.words import change_title  # the label is for a person reading the file: in Estonian

        return self.updated_at(pair_keys(pair), change.key, change_title(change), **fields)

    def updated_at(self, pairs: tuple[str, ...], change: str, label: str, **fields: Any) -> Review:
        """A new Review with one entry updated, stored under the pair's first key; older keys' copies go."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        old = self.entry_at(pairs, change) or ReviewEntry(pairs[0], change, label=label)
        new = replace(old, pair=pairs[0], updated=now, label=label, **fields)
        rest = tuple(e for e in self.entries if not (e.pair in pairs and e.change == change))
        return replace(self, entries=(*rest, new))


@lru_cache(maxsize=256)
def document_hash(doc: JobDescription) -> str:
    """A digest of what a document says, not where it was read from: the same text by any path, same hash."""
    content = asdict(replace(doc, source="", warnings=(), metadata=()))
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def pair_key(pair: Comparison) -> str:
    """The review key of a pair: the hashes of both documents, so marks survive another path or folder."""
    return f"{document_hash(pair.old)}>{document_hash(pair.new)}"


def pair_keys(pair: Comparison) -> tuple[str, ...]:
    """The pair's content key, then the path key that review files written before it used."""
    return (pair_key(pair), pair.key)


def post_key(doc: JobDescription, created: bool) -> str:
    """The review key of a post only one side has: '>HASH' when created, 'HASH>' when abolished."""
    return f">{document_hash(doc)}" if created else f"{document_hash(doc)}>"


ORDER_KEY = "order"
"""The review key of the orders' own changes (entry into force, repeals, the annexes approved): a review
file is of one comparison, so of one pair of orders; each change's own key (its texts' digest) says which."""


def default_review_path(new_path: str | Path) -> Path:
    """Next to the new file: NEW.ajdiff-review.json (in the current folder for standard input)."""
    if str(new_path) == "-":
        return Path("ajdiff-review.json")
    p = Path(new_path)
    return p.with_name(p.name.rstrip("/") + ".ajdiff-review.json")


def _keep_backup(path: Path) -> Path:
    """Copy a review file that cannot be used to FILE.bak (FILE.bak.1 … when that holds something else)."""
    try:
        data = path.read_bytes()
        for k in range(1000):
            backup = path.with_name(path.name + (".bak" if k == 0 else f".bak.{k}"))
            if not backup.exists():
                shutil.copy2(path, backup)
                return backup
            if backup.read_bytes() == data:
                return backup  # the same bad file again: one copy is enough
    except OSError as exc:
        raise ReviewError(
            str(path), _("review file cannot be used, and no copy could be kept ({0})").format(exc.strerror or exc)
        ) from None
    raise ReviewError(str(path), _("review file cannot be used, and there are too many .bak copies already"))


def _text(value: object) -> str:
    """A text field as it can go into a Word comment and onto a terminal: unsafe characters become U+FFFD."""
    text = str(value)
    return _UNSAFE_TEXT.sub("\ufffd", text) if _UNSAFE_TEXT.search(text) else text


def _number(digits: str) -> int | str:
    """A JSON integer; one too long to be a number of this format stays its digits."""
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else digits


def _entry(e: object) -> ReviewEntry:
    """One entry of the file; anything malformed raises, so that no mark is silently dropped."""
    if not isinstance(e, dict):
        raise TypeError(_("entry is a {0}, not an object").format(type(e).__name__))
    comment = e.get("comment")
    if comment is not None and not isinstance(comment, str):
        raise TypeError(_("comment is not text"))
    return ReviewEntry(
        pair=str(e["pair"]),
        change=str(e["change"]),
        mark=Mark(e["mark"]) if e.get("mark") else None,
        comment=_text(comment) if comment is not None else None,
        label=_text(e.get("label", "")),
        updated=_text(e.get("updated", "")),
    )


def _unusable(path: Path, problem: str, keep_backup: bool, hint: str | None = None) -> ReviewError:
    """The error for a file that cannot be used; the UI, which will write the file, first keeps a copy."""
    if keep_backup:
        kept = _("a copy is kept as {0}").format(_keep_backup(path).name)
        return ReviewError(str(path), problem, f"{kept}; {hint}" if hint else kept)
    return ReviewError(str(path), problem, hint or _("repair it, or give another --review file"))


def _json_problem(exc: Exception) -> str:
    """What is wrong with the file's text, in words rather than an exception's class name."""
    if isinstance(exc, json.JSONDecodeError):
        # json's "Unterminated string starting at" ends in "at" already: the place follows it directly.
        # json's own words (exc.msg) stay as they are: a library's, like pypdf's and lxml's.
        if exc.msg.endswith(" at"):
            return _("not valid JSON: {0} line {1} column {2}").format(exc.msg, exc.lineno, exc.colno)
        return _("not valid JSON: {0} at line {1} column {2}").format(exc.msg, exc.lineno, exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return _("not UTF-8 text")
    if isinstance(exc, RecursionError):
        return _("nested too deeply")
    return _("not valid JSON")


def load_review(path: str | Path, *, keep_backup: bool = False) -> Review:
    """Read a review file; a missing file is an empty review; a bad one is refused.

    Reading never writes: only the terminal UI, which owns the file and will save over it, asks
    for `keep_backup`, which copies a bad file to FILE.bak before refusing it.
    """
    p = Path(path)
    if not p.exists():
        return Review()
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ReviewError(str(p), _("review file is not a regular file"), _("give the file the terminal UI wrote"))
        if info.st_size > MAX_REVIEW_BYTES:
            limit = MAX_REVIEW_BYTES // 2**20
            raise ReviewError(
                str(p), _("review file is larger than {0} MiB").format(limit), _("move it away to start a new review")
            )
        raw = p.read_bytes()
    except OSError as exc:
        raise ReviewError(
            str(p), _("cannot read the review file: {0}").format(exc.strerror or exc), _("check the file's permissions")
        ) from None
    try:
        # utf-8-sig: Notepad and PowerShell save UTF-8 with a byte order mark.
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_number)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        problem = _("review file is corrupt ({0})").format(_json_problem(exc))
        raise _unusable(p, problem, keep_backup, _("move it away to start a new review")) from None
    if not isinstance(data, dict) or data.get("format") != REVIEW_FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        problem = _("unknown review file version {0} (expected {1})").format(repr(found), REVIEW_FORMAT)
        raise _unusable(p, problem, keep_backup)
    try:
        items = data.get("entries", [])
        if not isinstance(items, list):
            raise TypeError(_("entries is not a list"))
        entries = tuple(_entry(e) for e in items)
        author = data.get("author")
        if author is not None and not isinstance(author, str):
            raise TypeError(_("author is not text"))
        author = _text(author) if author is not None else None
    except (KeyError, TypeError, ValueError) as exc:
        what = _("an entry has no {0}").format(repr(exc.args[0])) if isinstance(exc, KeyError) else str(exc)
        raise _unusable(p, _("review file has a bad entry ({0})").format(what), keep_backup) from None
    return Review(entries=entries, author=author)


def review_json(review: Review) -> str:
    """The review as the JSON text of its file."""
    return (
        json.dumps(
            {
                "format": REVIEW_FORMAT,
                "author": review.author,
                "entries": [
                    {
                        "pair": e.pair,
                        "change": e.change,
                        "mark": e.mark.value if e.mark else None,
                        "comment": e.comment,
                        "label": e.label,
                        "updated": e.updated,
                    }
                    for e in review.entries
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


def save_review(path: str | Path, review: Review, *, inputs: Sequence[str] = ()) -> None:
    """Write the review file atomically (a crash leaves the previous version intact)."""
    atomic_write(path, review_json(review), inputs=list(inputs), force=True)
