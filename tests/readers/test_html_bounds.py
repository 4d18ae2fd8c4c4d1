"""HTML bounded before its tree is built, and deep nesting named (issue 24, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.errors import InputError
from ajdiff.read.formats import read_bytes
from ajdiff.read.formats.html import MAX_HTML_ELEMENTS
from tests.readers.test_pdf_bounds import measured


@pytest.mark.parametrize(("tag", "count"), [("<p>x</p>", 5_500_000), ("<br>", 10_000_000)], ids=["p", "br"])
def test_millions_of_tags_are_refused_before_parsing(tmp_path: Path, tag: str, count: int) -> None:
    """Issue 24 (6): 5.5 million `<p>` (44 MB) took 44 s and 2.8 GB before the refusal; 10 million `<br>`
    (40 MB) were accepted at 1.4 GB. The tags are counted in the text first."""
    path = tmp_path / "many.html"
    path.write_bytes(b"<html><body><p>Teenistuskoht</p>" + tag.encode() * count + b"</body></html>")
    status, rss, _cpu, err = measured("show", path)
    assert status == 2
    assert err == (
        f"ajdiff: {path}: HTML page has {count + 3} tags (limit {MAX_HTML_ELEMENTS}) (not a job description)\n"
    )
    assert rss < 400, f"{rss} MiB"  # the page's bytes and its decoded text, and no tree


def test_a_page_nested_too_deep_says_so() -> None:
    """Issue 24 (6): HTML nested deeper than libxml2's 256 levels said "HTML page has no text"."""
    page = "<html><body>" + "<div>" * 300 + "<p>Teenistuskoht Nõunik</p>" + "</div>" * 300 + "</body></html>"
    with pytest.raises(InputError) as err:
        read_bytes(page.encode(), "deep.html", ".html")
    assert err.value.problem == "HTML page is nested deeper than 256 elements"
    shallow = "<html><body>" + "<div>" * 200 + "<p>Teenistuskoht Nõunik</p>" + "</div>" * 200 + "</body></html>"
    assert read_bytes(shallow.encode(), "ok.html", ".html").lines == ("Teenistuskoht Nõunik",)
