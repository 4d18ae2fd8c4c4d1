"""Editorial changes under their own author, always, and the summary page's count of each author's revisions
equal to the revisions in the body (counted here from the XML, per `w:author`)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from ajdiff.api import compare_files
from ajdiff.redline.oxml import REVISION_TAGS, qn
from tests.redline.support import REAL_PAIRS, SEED, orders_result, real_result, redline
from tests.redline.test_redline import _text_paragraphs
from tests.redline.views import Side, document_xml, paragraph_lines, view

EDITORIAL = "ajdiff (toimetuslik)"


def _body_revisions(data: bytes) -> Counter[str]:
    """Revisions per author in the document, the summary page (a content control) aside."""
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    return Counter(
        el.get(qn("w:author"))
        for el in body.iter(*REVISION_TAGS)
        if not any(a.tag == qn("w:sdt") for a in el.iterancestors())
    )


def _summary_counts(data: bytes) -> tuple[int, int]:
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    text = "".join(body[0].itertext())
    m = re.search(
        r"Jälgitavaid muudatusi dokumendi põhitekstis: (\d+) autorilt „ajdiff“, (\d+) autorilt „ajdiff \(toimetuslik\)“",
        text,
    )
    assert m, text[:300]
    return int(m.group(1)), int(m.group(2))


def _renumbered(tmp_path: Path) -> tuple[Path, Path, list[str], list[str]]:
    """000 Lisa 2 with a duty inserted as 2.4: every later duty's number goes up by one."""
    lines = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
    k = next(i for i, line in enumerate(lines) if line.startswith("2.4."))
    new = [*lines[:k], "2.4. Riskide hindamine ja nende kohta aruande koostamine."]
    for line in lines[k:]:
        m = re.match(r"2\.(\d+)\.(.*)", line)
        new.append(f"2.{int(m.group(1)) + 1}.{m.group(2)}" if m else line)
    old_path, new_path = tmp_path / "old.txt", tmp_path / "new.txt"
    old_path.write_text("\n".join(lines), encoding="utf-8")
    new_path.write_text("\n".join(new), encoding="utf-8")
    return old_path, new_path, lines, new


def test_renumbering_is_editorial_and_only_the_new_duty_is_substantive(tmp_path: Path) -> None:
    old, new, old_lines, new_lines = _renumbered(tmp_path)
    data = redline(compare_files(old, new))
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    by_paragraph: dict[str, set[str]] = {}
    for p in body.iter(qn("w:p")):
        # Its words' revisions (its mark may carry the break of the paragraph inserted after it).
        authors = {el.get(qn("w:author")) or "" for el in p.iter(*REVISION_TAGS) if el.getparent().tag != qn("w:rPr")}
        if authors:
            by_paragraph["".join(t.text or "" for t in p.iter(qn("w:t")))] = authors
    substantive = [text for text, authors in by_paragraph.items() if "ajdiff" in authors]
    assert substantive == ["2.4. Riskide hindamine ja nende kohta aruande koostamine."]
    renumbered = [text for text, authors in by_paragraph.items() if authors == {EDITORIAL}]
    assert len(renumbered) == sum(1 for line in old_lines if re.match(r"2\.(\d+)\.", line)) - 3
    counts = _body_revisions(data)
    assert counts["ajdiff"] == 2  # the new duty's words and its paragraph break
    assert counts[EDITORIAL] >= len(renumbered)
    assert _summary_counts(data) == (counts["ajdiff"], counts[EDITORIAL])
    assert paragraph_lines(view(data, Side.ACCEPT)) == new_lines
    assert paragraph_lines(view(data, Side.REJECT)) == old_lines


@pytest.mark.parametrize("name", [*REAL_PAIRS, "orders"])
def test_the_summary_counts_each_authors_revisions_in_the_body(name: str) -> None:
    data = redline(orders_result() if name == "orders" else real_result(name))
    counts = _body_revisions(data)
    assert set(counts) <= {"ajdiff", EDITORIAL}
    assert _summary_counts(data) == (counts["ajdiff"], counts[EDITORIAL])


def test_only_a_paragraphs_own_leading_number_or_bullet_is_renumbering() -> None:
    """The number rule is about a paragraph's own leading number: '2.10' inside a sentence is a word."""
    from ajdiff.changes import Span, SpanOp
    from ajdiff.redline.track import _renumbered

    assert _renumbered([Span(SpanOp.DELETE, "2.10."), Span(SpanOp.INSERT, "2.9."), Span(SpanOp.EQUAL, " Tekst.")])
    assert _renumbered([Span(SpanOp.DELETE, "•"), Span(SpanOp.INSERT, "–"), Span(SpanOp.EQUAL, " Tekst.")])
    assert not _renumbered(
        [
            Span(SpanOp.EQUAL, "Tähtaeg on "),
            Span(SpanOp.DELETE, "2.10."),
            Span(SpanOp.INSERT, "2.9."),
            Span(SpanOp.EQUAL, " kell 12."),
        ]
    )
    assert not _renumbered([Span(SpanOp.EQUAL, "2.1. Tekst "), Span(SpanOp.INSERT, "ja muu")])


def test_a_renumbered_and_reworded_duty_has_its_number_under_the_editorial_author(tmp_path: Path) -> None:
    """2.4 deleted, and 2.10 (now 2.9) reworded too ('… tõstmine ja hoidmine …'): its number swap
    '2.10.' → '2.9.' is by the editorial author like every other renumbering, only its new words by the
    main author; the summary's counts are the body's, and both views are the two texts."""
    lines = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
    new: list[str] = []
    for line in lines:
        m = re.match(r"2\.(\d+)\.(.*)", line)
        if m is None or int(m.group(1)) < 4:
            new.append(line)
        elif int(m.group(1)) > 4:
            rest = m.group(2).replace(" tõstmine ", " tõstmine ja hoidmine ") if m.group(1) == "10" else m.group(2)
            new.append(f"2.{int(m.group(1)) - 1}.{rest}")
        # 2.4 and the results under it are deleted: the results are the lines up to 2.5
    k4, k5 = (next(i for i, line in enumerate(lines) if line.startswith(f"2.{n}.")) for n in (4, 5))
    new = [line for line in new if line not in lines[k4 + 1 : k5]]
    old_path, new_path = tmp_path / "old.txt", tmp_path / "new.txt"
    old_path.write_text("\n".join(lines), encoding="utf-8")
    new_path.write_text("\n".join(new), encoding="utf-8")
    data = redline(compare_files(old_path, new_path))
    body = document_xml(data).find(qn("w:body"))
    assert body is not None
    (p,) = [p for p in body.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith("2.9. Oper")]
    words = {
        (el.tag, "".join(el.itertext())): el.get(qn("w:author"))
        for el in p.iter(qn("w:ins"), qn("w:del"))
        if el.getparent().tag != qn("w:rPr")
    }
    assert words == {
        (qn("w:del"), "2.10."): EDITORIAL,
        (qn("w:ins"), "2.9."): EDITORIAL,
        (qn("w:ins"), "ja hoidmine "): "ajdiff",
    }
    counts = _body_revisions(data)
    assert _summary_counts(data) == (counts["ajdiff"], counts[EDITORIAL])
    assert paragraph_lines(view(data, Side.ACCEPT)) == new
    assert paragraph_lines(view(data, Side.REJECT)) == lines
