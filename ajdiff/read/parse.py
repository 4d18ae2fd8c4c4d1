"""Reading a file end to end: readers → splitter (annexes, the order's body) → document tree →
typed fields. The stages live in `ajdiff.read.formats`, `ajdiff.read.orders` and `ajdiff.read`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ajdiff.errors import InputError
from ajdiff.i18n import _
from ajdiff.model import JobDescription
from ajdiff.read.fields import to_model
from ajdiff.read.formats import DEFAULT_MAX_BYTES, MAX_LINE_CHARS, SourceText, read_source
from ajdiff.read.lexicon import looks_like_ocr, restore_diacritics
from ajdiff.read.orders import RawDocument, split
from ajdiff.read.structure import build_tree
from ajdiff.text import ParagraphTooLong


def parse_document(raw: RawDocument) -> JobDescription:
    """Parse one raw document (one annex) into its tree and typed model."""
    warnings: list[str] = []
    try:
        nodes, set_aside, ocr = build_tree(raw, warnings)
    except ParagraphTooLong as exc:
        problem = _("a paragraph joined from wrapped lines has {0} characters (limit {1})").format(
            exc.args[0], MAX_LINE_CHARS
        )
        raise InputError(raw.source, problem, _("not a job description")) from None
    metadata = tuple(raw.metadata) + tuple((k, v) for k, v in set_aside if k == "signature")
    doc = to_model(raw.source, raw.annex, raw.order, nodes, raw.post_from_order, metadata, warnings)
    if ocr or looks_like_ocr(doc):
        # Its lines were restored before they were read (build_tree); its paragraphs, joined from them, are
        # restored now, with each word's sentence around it.
        doc = restore_diacritics(doc)
    return doc


def annex_number(annex: str) -> str:
    """The annex number a user gave ('2', 'Lisa 2', ' lisa 2 ' → '2'), as a document's `annex` is compared."""
    return annex.strip().lower().removeprefix("lisa").strip()


def parse_source(source: SourceText, annex: str | None = None) -> list[JobDescription]:
    """Parse every job description in a source (one per annex); with `annex`, only that annex's, when the
    source has it (a file without it is parsed whole, so that the caller can say what it has)."""
    raws = split(source)
    if annex is not None:
        # Each annex is parsed on its own: leaving the others out changes nothing in the one asked for.
        raws = [r for r in raws if (r.annex or "").lower() == annex_number(annex)] or raws
    docs = [parse_document(raw) for raw in raws]
    if source.warnings:
        docs = [replace(d, warnings=source.warnings + d.warnings) for d in docs]
    return docs


def read_documents(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[JobDescription]:
    """Read and parse a file ('-' for standard input) into its job descriptions."""
    return parse_source(read_source(path, max_bytes=max_bytes))
