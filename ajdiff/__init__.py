"""ajdiff: compare versions of Estonian job descriptions (ametijuhend) section by section.

The pipeline is in the folders: `read/` (formats → orders → tree → typed fields), `compare/` (alignment,
pairing, changes, the paragraph script), then the renderers `render/`, `redline/`, `tui/`, and `cli/` on top.
The core is pure and imports no UI or export library; every renderer walks the same `Comparison`.
"""

from __future__ import annotations

__version__ = "0.4.0"  # the one source of the version (pyproject reads it); what changed: CHANGELOG.md

from ajdiff.api import compare_documents, compare_files, load
from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, DocRef, Impact, Span, SpanOp
from ajdiff.compare.document import compare
from ajdiff.errors import AjdiffError, InputError, OutputError
from ajdiff.model import Duty, General, JobDescription, OrderRef, Requirements
from ajdiff.read.parse import parse_source, read_documents

__all__ = [
    "AjdiffError",
    "Change",
    "ChangeKind",
    "Comparison",
    "ComparisonSet",
    "DocRef",
    "Duty",
    "General",
    "Impact",
    "InputError",
    "JobDescription",
    "OrderRef",
    "OutputError",
    "Requirements",
    "Span",
    "SpanOp",
    "compare",
    "compare_documents",
    "compare_files",
    "load",
    "parse_source",
    "read_documents",
]
