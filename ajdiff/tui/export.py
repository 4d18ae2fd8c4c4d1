"""`x` in the UI: write the redline (built by `ajdiff.redline`) with the review's comments."""

from __future__ import annotations

from pathlib import Path

from ajdiff.changes import ComparisonSet
from ajdiff.errors import OutputError
from ajdiff.review import Review


def default_export_path(result: ComparisonSet) -> Path:
    """NEW.redline.docx next to the new file (in the current folder when that is not a real file)."""
    if result.pairs:
        new = Path(result.pairs[0].new.source)
        if new.parent.is_dir() and new.name not in ("", "-") and new.parts[0] != "demo":
            return new.with_name(new.stem + ".redline.docx")
    return Path("ajdiff-redline.docx")


def write_redline(result: ComparisonSet, review: Review, path: str | Path, *, inputs: list[str] = ()) -> Path:  # type: ignore[assignment]
    """Build the .docx redline of result, the review's marks and comments as Word comments, and write it."""
    try:
        from ajdiff.redline import build_redline  # the redline layer; not written by the UI
    except ImportError:
        raise OutputError(str(path), "the redline layer (ajdiff.redline) is not installed in this build") from None
    from ajdiff.output import atomic_write

    data = build_redline(result, review)
    return atomic_write(path, data, inputs=list(inputs), force=True)
