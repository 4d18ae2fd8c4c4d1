"""ajdiff: compare versions of Estonian job descriptions (ametijuhend) section by section.

The pipeline is in the folders: `read/` (formats → orders → tree → typed fields), `compare/` (alignment,
pairing, changes, and the paragraph script the alignment holds), then the renderers `render/`, `redline/`,
`tui/`, and `cli/` on top. The core is pure and imports no UI or export library; every renderer walks the
same `Comparison` and its alignment (the redline finds each aligned duty's paragraphs by its origins).
"""

from __future__ import annotations

__version__ = "0.4.0"  # the one source of the version (pyproject reads it); what changed: CHANGELOG.md

TYPE_CHECKING = False  # as typing's, without importing typing (2 ms a start); type checkers know the name

if TYPE_CHECKING:
    from typing import Any

    from ajdiff.api import compare_documents, compare_files, load
    from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, DocRef, Impact, Span, SpanOp
    from ajdiff.compare.document import compare
    from ajdiff.errors import AjdiffError, InputError, OutputError
    from ajdiff.model import Duty, General, JobDescription, OrderRef, Requirements
    from ajdiff.read.parse import parse_source, read_documents

# Where each public name lives: imported on first use, so `ajdiff --help` (which reads only
# `__version__`) does not pay for the read and compare stack.
_HOMES = {
    "compare_documents": "ajdiff.api",
    "compare_files": "ajdiff.api",
    "load": "ajdiff.api",
    **dict.fromkeys(
        ("Change", "ChangeKind", "Comparison", "ComparisonSet", "DocRef", "Impact", "Span", "SpanOp"), "ajdiff.changes"
    ),
    "compare": "ajdiff.compare.document",
    **dict.fromkeys(("AjdiffError", "InputError", "OutputError"), "ajdiff.errors"),
    **dict.fromkeys(("Duty", "General", "JobDescription", "OrderRef", "Requirements"), "ajdiff.model"),
    "parse_source": "ajdiff.read.parse",
    "read_documents": "ajdiff.read.parse",
}


def __getattr__(name: str) -> Any:
    """The public name `name`, imported from its module on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'ajdiff' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


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
