"""Each character's run properties, a run at a time (issue 22: the character walk was a fifth of a redline).

`_char_formats` lines a paragraph's compared text up with its runs, and `_by_format` cuts a span where the
properties change. Both now take whole runs where they can; they are held here against the character walk
they replaced (the definition), on every paragraph of the seeds and on made-up ones.
"""

from __future__ import annotations

import zipfile

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from ajdiff.read.formats.docx import body_paragraphs
from ajdiff.read.formats.ooxml import qn
from ajdiff.redline.track import _by_format, _char_formats, _text_runs
from tests.redline.support import FIXTURES


def _walked(p: etree._Element, text: str, label: str) -> list[etree._Element | None] | None:
    """The definition: the character walk `_char_formats` was."""
    raw: list[tuple[str, etree._Element]] = []
    for r in _text_runs(p):
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.Element(qn("w:rPr"))
        for el in r:
            if el.tag == qn("w:t"):
                raw += [(c, rpr) for c in el.text or ""]
            elif el.tag in (qn("w:tab"), qn("w:br"), qn("w:cr")):
                raw.append((" ", rpr))
            elif el.tag == qn("w:noBreakHyphen"):
                raw.append(("-", rpr))
    out: list[etree._Element | None] = []
    start = len(label) if label and text.startswith(label) else 0
    out += [None] * start
    k = 0
    for char in text[start:]:
        while k < len(raw) and raw[k][0] != char and (raw[k][0].isspace() or raw[k][0] in "\u00ad\u200b"):
            k += 1
        if k < len(raw) and (raw[k][0] == char or (char == " " and raw[k][0].isspace())):
            out.append(raw[k][1])
            k += 1
        elif char == " ":
            out.append(None)
        else:
            return None
    return out


def _same(a: list[etree._Element | None] | None, b: list[etree._Element | None] | None) -> bool:
    """The same properties character for character: the same elements, or both made empty for a bare run."""
    if a is None or b is None:
        return a is b
    return len(a) == len(b) and all(
        x is y or (x is not None and y is not None and len(x) == len(y) == 0 and x.getparent() is y.getparent())
        for x, y in zip(a, b)
    )


def test_every_paragraph_of_the_seeds_lines_up_as_the_walk_lines_it_up() -> None:
    checked = 0
    for path in sorted(FIXTURES.glob("*.docx")):
        document = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        for found in body_paragraphs(document):
            p, text, label = found.element, found.text, found.label
            variants = [(text, label), (" ".join(text.split()), label), (text + " x", label), ("1. " + text, "1.")]
            for variant, own_label in variants:
                assert _same(_char_formats(p, variant, own_label), _walked(p, variant, own_label)), (path, variant)
                checked += 1
    assert checked > 500


def _paragraph(runs: list[tuple[str, bool]]) -> etree._Element:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    p = etree.Element(qn("w:p"), nsmap={"w": w})
    for text, bold in runs:
        r = etree.SubElement(p, qn("w:r"))
        if bold:
            etree.SubElement(etree.SubElement(r, qn("w:rPr")), qn("w:b"))
        for k, part in enumerate(text.split("\t")):
            if k:
                etree.SubElement(r, qn("w:tab"))
            if part:
                etree.SubElement(r, qn("w:t")).text = part
    return p


_RUN_TEXT = st.text(alphabet="ab \t\u00ad-", max_size=6)


@given(st.lists(st.tuples(_RUN_TEXT, st.booleans()), max_size=5), st.text(alphabet="ab -1.", max_size=12))
def test_made_up_paragraphs_line_up_as_the_walk_lines_them_up(runs: list[tuple[str, bool]], text: str) -> None:
    p = _paragraph(runs)
    joined = "".join(t.replace("\t", " ") for t, _ in runs)
    for candidate, label in ((text, ""), (joined, ""), (" ".join(joined.split()), ""), ("1. " + joined, "1.")):
        assert _same(_char_formats(p, candidate, label), _walked(p, candidate, label))


def _cut(text: str, formats: list[object | None], at: int, fallback: object) -> list[tuple[str, object]]:
    """The definition: `_by_format` as a character walk."""
    if at + len(text) > len(formats):
        return [(text, fallback)]
    pieces: list[tuple[str, object]] = []
    source: object = None
    for k, char in enumerate(text):
        own = formats[at + k]
        if own is None and pieces:
            own = source
        if pieces and own is source:
            pieces[-1] = (pieces[-1][0] + char, pieces[-1][1])
        else:
            pieces.append((char, own if own is not None else fallback))
            source = own
    return pieces


_FORMATS = [etree.Element("a"), etree.Element("b"), None]


@given(st.text(alphabet="xy ", max_size=15), st.lists(st.sampled_from([0, 1, 2]), max_size=20), st.integers(0, 5))
def test_a_span_is_cut_where_the_walk_cuts_it(text: str, picks: list[int], at: int) -> None:
    formats = [_FORMATS[k] for k in picks]
    fallback = etree.Element("fallback")
    assert _by_format(text, formats, at, fallback) == _cut(text, formats, at, fallback)  # type: ignore[arg-type]
