"""`x` in the UI: write the redline built by `ajdiff.redline`, the review's marks and comments on its summary page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ajdiff.changes import ComparisonSet
from ajdiff.errors import OutputError
from ajdiff.i18n import _
from ajdiff.review import Review

RedlineBuilder = Callable[[ComparisonSet, Review, str, bool], bytes]
"""builder(result, review, lang, show_editorial) -> the .docx bytes."""


def default_export_path(result: ComparisonSet) -> Path:
    """NEW.redline.docx next to the new file (in the current folder when that is not a real file)."""
    if result.pairs:
        new = Path(result.pairs[0].new.source)
        if new.parent.is_dir() and new.name not in ("", "-") and new.parts[0] != "demo":
            return new.with_name(new.stem + ".redline.docx")
    return Path("ajdiff-redline.docx")


def _redline_builder() -> RedlineBuilder | None:
    """The redline layer's builder, or None when this build has no redline (python-docx loads only here)."""
    try:
        from ajdiff.redline.document import RedlineOptions, build_redline
    except ImportError:
        return None

    def build(result: ComparisonSet, review: Review, lang: str, show_editorial: bool) -> bytes:
        options = RedlineOptions(review=review, lang=lang, editorial_apart=not show_editorial)
        return build_redline(result, options)

    return build


def write_redline(
    result: ComparisonSet,
    review: Review,
    path: str | Path,
    *,
    lang: str = "et",
    show_editorial: bool = False,
    inputs: Sequence[str] = (),
    force: bool = False,
) -> Path:
    """Build the .docx redline of result with the review's comments and write it atomically; an existing
    file is replaced only with force."""
    build = _redline_builder()
    if build is None:
        raise OutputError(
            str(path), _("the redline layer (ajdiff.redline) is not installed in this build"), _("see ajdiff --help")
        )
    from ajdiff.atomic import atomic_write

    return atomic_write(path, build(result, review, lang, show_editorial), inputs=list(inputs), force=force)
