"""Issue 25 item 14: seed 001's Wingdings bullets (U+F0A7, private use) never reach a redline or a report as
empty boxes; a deleted bullet is the '▪' it draws, struck through."""

from __future__ import annotations

import io
import re
import zipfile

from ajdiff.render.diff_text import diff_text
from tests.redline.support import real_result, redline

PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def test_deleted_pdf_bullets_are_struck_as_what_they_draw() -> None:
    result = real_result("001-000L2")  # OLD is 001: 36 lines start with U+F0A7 in its text
    with zipfile.ZipFile(io.BytesIO(redline(result))) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    deleted = re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", body)
    assert any(text.strip() == "▪" for text in deleted)  # OLD's bullets, deleted (NEW has none): as ▪
    assert not PRIVATE_USE.search(body)
    assert not PRIVATE_USE.search(diff_text(result, show_all=True))
