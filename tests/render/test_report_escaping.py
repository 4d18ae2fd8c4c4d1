"""Any words a document can hold stay words in the HTML and Markdown reports (hypothesis)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from ajdiff.changes import Change, ChangeKind, Comparison, ComparisonSet, Span, SpanOp
from ajdiff.model import General, JobDescription
from ajdiff.render.html import diff_html
from ajdiff.render.markdown import diff_markdown

# The characters that mean something to HTML or Markdown, some letters, spaces and a line break.
WORDS = st.text(alphabet="<>&|\"'`*_[]()#!-=+~\\/:;. \nabõÖ12", min_size=1, max_size=40).filter(
    lambda t: t.strip() != ""
)


def _result(heading: str, old: str, new: str, post: str) -> ComparisonSet:
    change = Change(
        "other.x", ChangeKind.MODIFIED, old, new, heading=heading,
        spans=(Span(SpanOp.DELETE, old), Span(SpanOp.INSERT, new)),
    )  # fmt: skip
    doc = JobDescription(source="a.txt", general=General(position=post))
    return ComparisonSet(
        (Comparison(doc, JobDescription(source="b.txt", general=General(position=post)), 0.5, (change,)),)
    )


def _norm(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None)
@given(WORDS, WORDS, WORDS, WORDS)
def test_html_keeps_every_word_as_text(heading: str, old: str, new: str, post: str) -> None:
    page = lxml_html.document_fromstring(diff_html(_result(heading, old, new, post)))
    (item,) = page.xpath("//li[contains(@class, 'change')]")
    assert _norm(item.xpath(".//span[@class='label']")[0].text_content()) == _norm(heading)
    assert _norm(" ".join(d.text_content() for d in item.xpath(".//del"))) == _norm(old)
    assert _norm(" ".join(i.text_content() for i in item.xpath(".//ins"))) == _norm(new)
    assert _norm(page.xpath("//h2")[0].text_content()) == _norm(f"{post} → {post}")
    made = {"li", "p", "span", "del", "ins", "ul", "section", "h2", "h3", "dl", "dt", "dd"}
    assert {e.tag for e in page.xpath("//section[@class='pair']//*")} <= made


@settings(max_examples=150, deadline=None)
@given(WORDS, WORDS, WORDS, WORDS)
@example("a #", "x #", "y", "Post #")  # a closing '#' of a heading was read as markup (found by this test)
def test_markdown_keeps_every_word_as_text_and_every_row_whole(heading: str, old: str, new: str, post: str) -> None:
    md = diff_markdown(_result(heading, old, new, post))
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)
    page = lxml_html.fragment_fromstring(rendered, "div")
    for br in page.iter("br"):  # a line break of the document's text: <br>, read as a space
        br.tail = " " + (br.tail or "")
    (row,) = page.xpath("//tbody/tr")
    cells = row.xpath("./td")
    assert len(cells) == 3 and _norm(cells[0].text_content()) == _norm(heading)
    assert _norm(" ".join(d.text_content() for d in cells[2].xpath("./s"))) == _norm(old)
    assert _norm(" ".join(i.text_content() for i in cells[2].xpath("./strong"))) == _norm(new)
    assert _norm(page.xpath("//h2")[0].text_content()) == _norm(f"{post} → {post}")
    made = {"h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "s", "strong", "br"}
    assert {e.tag for e in page.iter()} - {"div"} <= made
