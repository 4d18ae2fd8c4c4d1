"""A Word body of millions of tiny elements is refused from its bytes, before a tree is built (issue 24, item 5)."""

from __future__ import annotations

from pathlib import Path

from ajdiff.read.formats import MAX_LINES
from ajdiff.read.formats.safe_zip import MAX_XML_ELEMENTS, count_elements
from tests.hostile.real_world import W_NS, document_xml, minimal_docx, seed_paragraphs
from tests.readers.test_pdf_bounds import measured


def _body(inner: bytes) -> bytes:
    return f'<w:document xmlns:w="{W_NS}"><w:body>'.encode() + inner + b"</w:body></w:document>"


def test_millions_of_empty_paragraphs_are_refused_before_parsing(tmp_path: Path) -> None:
    """Issue 24 (5): 7.5 million empty `<w:p/>` (45 MB inflated, 70 KB zipped) took 47 s and 2.4 GB
    before the line bound refused them; the paragraphs are counted in the part's bytes first."""
    path = tmp_path / "empty.docx"
    path.write_bytes(minimal_docx(_body(b"<w:p/>" * 7_500_000)))
    assert path.stat().st_size < 200_000
    status, rss, _cpu, err = measured("show", path)
    assert status == 2
    assert err == (
        f"ajdiff: {path}: word/document.xml has more than {MAX_LINES} paragraphs (limit {MAX_LINES}) "
        "(not a job description)\n"
    )
    assert rss < 200, f"{rss} MiB"  # the 45 MB part itself, and no tree


def test_paragraphs_of_any_prefix_are_counted(tmp_path: Path) -> None:
    """A prefix other than `w:` names the same element: 1.2 million tiny `<x:p>` paragraphs (123 KB zipped)
    took 27 s and 935 MB."""
    body = f'<x:document xmlns:x="{W_NS}"><x:body>'.encode() + b"<x:p><x:r><x:t>a</x:t></x:r></x:p>" * 1_200_000
    path = tmp_path / "tiny.docx"
    path.write_bytes(minimal_docx(body + b"</x:body></x:document>"))
    status, rss, _cpu, err = measured("show", path)
    assert status == 2
    assert f"word/document.xml has more than {MAX_LINES} paragraphs" in err, err
    assert rss < 250, f"{rss} MiB"


def test_millions_of_other_elements_are_refused_before_parsing(tmp_path: Path) -> None:
    """Not paragraphs but runs: 3 million empty `<w:r/>` in one paragraph are counted as elements."""
    path = tmp_path / "runs.docx"
    path.write_bytes(minimal_docx(_body(b"<w:p>" + b"<w:r/>" * 3_000_000 + b"</w:p>")))
    status, rss, _cpu, err = measured("show", path)
    assert status == 2
    assert err.startswith(f"ajdiff: {path}: word/document.xml has 300000")
    assert err.endswith(f" XML elements (limit {MAX_XML_ELEMENTS}) (not a genuine file)\n"), err
    assert rss < 200, f"{rss} MiB"


def test_the_element_count_is_an_upper_bound_of_what_lxml_builds() -> None:
    """Counted in bytes, the elements are never fewer than lxml builds (comments and PIs count too),
    in UTF-8 and in UTF-16."""
    from lxml import etree

    data = document_xml(seed_paragraphs(), table=[["Haridus", "kõrgharidus"]], prolog="<!-- a -->")
    built = sum(1 for _ in etree.fromstring(data).iter())
    assert built <= count_elements(data) <= built + 2
    utf16 = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert sum(1 for _ in etree.fromstring(utf16).iter()) == built
    assert built <= count_elements(utf16) <= built + 2
