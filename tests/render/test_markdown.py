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


def test_the_title_names_both_inputs() -> None:
    from lxml import html as lxml_html
    from markdown_it import MarkdownIt

    md = diff_markdown(compare_files(SEEDS["000"], SEEDS["003"], pair=["1=1", "2=4"]), lang="en")
    page = lxml_html.fragment_fromstring(MarkdownIt("commonmark").render(md), "div")
    # As a reader sees it: the two files as given (any characters of the path stay themselves).
    assert page.xpath("//h1")[0].text_content() == f"ajdiff: {SEEDS['000']} → {SEEDS['003']}"
    old, new = page.xpath("//p")[0].text_content().splitlines()
    assert old == "Old: order nr 164, 2024-11-15 · annexes 1, 2, 3, 4, 5, 6, 7"
    assert new == "New: order nr 1, 2026-01-07 · annexes 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11"


def test_document_words_never_become_markdown_or_html(tmp_path) -> None:
    """A '|' in a heading kept its table, '<b>' and '<script>' passed through (issue 23)."""
    from lxml import html as lxml_html
    from markdown_it import MarkdownIt

    from tests.render.test_html import _hostile

    md = diff_markdown(compare_files(SEEDS["001"], _hostile(tmp_path)))
    page = lxml_html.fragment_fromstring(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md), "div")
    assert not page.xpath("//script | //b | //img | //*[@onerror]")
    rows = page.xpath("//table/tbody/tr")
    assert rows and all(len(r.xpath("./td")) == 3 for r in rows)  # no '|' split a cell
    cells = {r.xpath("./td")[0].text_content(): r.xpath("./td")[2] for r in rows}
    added = cells["Valve | öö <b>paks</b>"]
    assert added.xpath("./strong")[0].text_content() == (
        "Valve kestab & rohkem | <img src=x onerror=alert(2)>.Valvet ei ole."
    )
    duty = cells["Ülesanne 2.1"]
    # The comma after the word is the same on both sides: only the word is struck and replaced (issue 25, 14).
    assert [e.text_content() for e in duty.xpath("./s | ./del | ./strong")] == ["Riigi", "<b>Riigi</b>"]
    assert duty.text_content().startswith("Riigi <b>Riigi</b>, ")
    (heading,) = page.xpath("//h2")
    assert heading.text_content() == "Ekspert (kriisivalmidus) → Ekspert <script>alert(1)</script>"
