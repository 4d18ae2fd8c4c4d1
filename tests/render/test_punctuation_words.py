"""Issue 25 item 14: a punctuation mark stuck to a word is a token of its own in the word diff, and every
renderer keeps the spaces where the documents have them.

The pair is real: 000 Lisa 1 → 003 Lisa 1 (Talituse juhataja), whose education gains ', eelistatud
sotsiaalvaldkonnas või psühholoogias' after 'Kõrgharidus'.
"""

from __future__ import annotations

from functools import cache

from lxml import html as lxml_html

from ajdiff.api import compare_files
from ajdiff.changes import Change, SpanOp
from ajdiff.render.diff_text import diff_text
from ajdiff.render.html import diff_html
from ajdiff.render.markdown import diff_markdown
from tests.conftest import SEEDS

ADDED = ", eelistatud sotsiaalvaldkonnas või psühholoogias"


@cache
def _result():
    return compare_files(SEEDS["000"], SEEDS["003"], old_annex="1", new_annex="1")


def _education() -> Change:
    (pair,) = _result().pairs
    return next(c for c in pair.substantive if c.path == "requirements.education")


def _goal() -> Change:
    """The goal of the post: a long run deleted and another inserted, both before the sentence's full stop."""
    (pair,) = _result().pairs
    return next(c for c in pair.substantive if c.path == "general.goal")


def test_the_comma_and_the_words_after_it_are_what_is_added() -> None:
    change = _education()
    assert (change.old, change.new) == ("Kõrgharidus", "Kõrgharidus" + ADDED)
    assert [(s.op, s.text) for s in change.spans] == [(SpanOp.EQUAL, "Kõrgharidus"), (SpanOp.INSERT, ADDED)]


def test_text_report_marks_only_the_added_words() -> None:
    text = diff_text(_result(), width=200)
    assert f"~ Kõrgharidus{{+{ADDED}+}}\n" in text
    assert "[-Kõrgharidus-]" not in text


def test_markdown_marks_what_commonmark_can_mark() -> None:
    """'Kõrgharidus**, eelistatud …**' would stay literal asterisks (a run that starts with a comma after a
    letter opens nothing): such a mark is written as the HTML it stands for."""
    from markdown_it import MarkdownIt

    md = diff_markdown(_result())
    page = lxml_html.fragment_fromstring(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md), "div")
    cells = {r.xpath("./td")[0].text_content(): r.xpath("./td")[2] for r in page.xpath("//table/tbody/tr")}
    cell = cells["Haridus"]
    assert cell.text_content() == "Kõrgharidus" + ADDED
    assert [e.text_content() for e in cell.xpath("./strong")] == [ADDED]
    assert "*" not in page.text_content()  # no delimiter left unparsed anywhere in the report
    # A word struck and the word that replaces it stand apart, the full stop after them as the text has it.
    goal = cells["Teenistuskoha eesmärk"]
    struck, bold = goal.xpath("./s")[-1], goal.xpath("./strong")[-1]
    assert struck.tail == " " and bold.tail == "."


def test_html_keeps_each_side_word_for_word() -> None:
    """A space at the edge of an inserted run stays inside the mark when the old text has none there: moved
    out, it would read 'planeerimine .' in the old text."""
    page = lxml_html.document_fromstring(diff_html(_result()))
    items = page.xpath("//li[contains(concat(' ', @class, ' '), ' change ')]")
    by_label = {i.xpath(".//span[@class='label']")[0].text_content(): i.xpath("./p[@class='words']")[0] for i in items}

    def side(words, drop: str) -> str:
        copy = lxml_html.fromstring(lxml_html.tostring(words, encoding="unicode"))
        for gone in copy.xpath(f"//{drop}"):
            gone.drop_tree()
        return copy.text_content()

    for label, change in (("Haridus", _education()), ("Teenistuskoha eesmärk", _goal())):
        words = by_label[label]
        assert side(words, "ins") == change.old and side(words, "del") == change.new, label
    assert lxml_html.tostring(by_label["Haridus"], encoding="unicode").endswith(f"Kõrgharidus<ins>{ADDED}</ins></p>")


def test_the_ui_and_the_redline_summary_keep_the_comma_on_its_word() -> None:
    from ajdiff.redline.summary import changed_words, word_runs
    from ajdiff.tui.change_content import inline, new_side, old_side

    change = _education()
    assert (old_side(change).plain, new_side(change).plain) == (change.old, change.new)
    assert inline(change).plain == change.new
    assert word_runs(change) == [("Kõrgharidus", SpanOp.EQUAL), (ADDED, SpanOp.INSERT)]
    assert changed_words(change) == ("Kõrgharidus", change.new)
    # The goal: the summary's context words keep the full stop on the word before it.
    old, new = changed_words(_goal())
    assert old.endswith("planeerimine.") and new.endswith("osalemise eest.")
