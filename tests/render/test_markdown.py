"""The Markdown report."""

from __future__ import annotations

from ajdiff.api import compare_files
from ajdiff.render.markdown import diff_markdown
from tests.conftest import SEEDS


def test_markdown_tables_per_section() -> None:
    md = diff_markdown(compare_files(SEEDS["003"], SEEDS["003"], old_annex="10", new_annex="11"), lang="en")
    assert md.startswith("# ajdiff")
    assert "### General" in md and "| Post group | modified | ~~Ametnik~~ **Töötaja** |" in md
    assert "### High-impact changes" in md
    assert "\n|---|---|---|\n" in md
