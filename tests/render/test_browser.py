"""The HTML report in a real browser: headless Chromium opens the seed orders' report, dumps its DOM,
draws its first screen and prints it to PDF. In CI (`CI` set) a missing Chromium fails, never skips."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pypdf
import pytest
from lxml import html as lxml_html

from tests.render.browser import find_chromium, open_page, orders_page


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Estonian report of the two seed orders, in a folder of its own."""
    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium (Debian's chromium) is required in CI")
        pytest.skip("Chromium is not installed here")
    return orders_page(tmp_path_factory.mktemp("browser"))


def _violations(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "Content Security Policy" in line]


def test_the_browser_builds_the_page_as_written_and_its_policy_blocks_nothing(page: Path) -> None:
    run = open_page(page, page.parent, "--dump-dom")
    dom = lxml_html.document_fromstring(run.stdout)
    source = lxml_html.document_fromstring(page.read_text(encoding="utf-8"))
    for path in ("//li[contains(@class, 'change')]", "//del", "//ins", "//h2", "//details", "//article"):
        assert len(dom.xpath(path)) == len(source.xpath(path)) > 0, path
    assert dom.xpath("//h1")[0].text_content() == "Ametijuhendite võrdlus" and dom.get("lang") == "et"
    assert not dom.xpath("//script") and _violations(run.stderr) == []


def test_the_policy_check_sees_a_blocked_stylesheet(page: Path) -> None:
    """The control: a stylesheet the policy does not allow is reported on stderr, so the test above can fail."""
    broken = page.with_name("broken.html")
    text = page.read_text(encoding="utf-8")
    broken.write_text(text.replace("sha256-", "sha256-AAAA", 1), encoding="utf-8")
    assert broken.read_text(encoding="utf-8") != text
    assert _violations(open_page(broken, page.parent, "--dump-dom").stderr)


def test_the_first_screen(page: Path) -> None:
    shot = page.parent / "first-screen.png"
    open_page(page, page.parent, "--window-size=1280,860", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1280, 860)
    assert len(data) > 30_000  # drawn text and tables, not a blank page (a white 1280×860 PNG is ~4 kB)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_printed_report(page: Path) -> None:
    """A4 pages; each post after the first starts a page; editorial changes (folded on screen) are printed."""
    pdf = page.parent / "report.pdf"
    open_page(page, page.parent, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    reader = pypdf.PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    texts = [p.extract_text() for p in reader.pages]
    starts = [_flat(t)[:40] for t in texts]
    # The second pair, the posts created (9) and abolished (5), each at the top of a page.
    assert any(s.startswith(_flat("Lisa 2 · Ekspert (kriisivalmidus) → Lisa 4")) for s in starts)
    assert sum(s.startswith(_flat("Uued ametikohad")) for s in starts) == 1
    assert sum(s.startswith(_flat("Kaotatud ametikohad")) for s in starts) == 1
    assert len(reader.pages) >= 1 + 1 + 9 + 5
    whole = _flat(" ".join(texts))
    assert _flat("Toimetuslikud muudatused (2)") in whole
    assert whole.count(_flat("toimetuslik")) >= 3  # the two changes' tags, printed from their <details>
    assert _flat("Olulised muudatused") in whole and _flat("Ohvriabi osakonna juhataja") in whole
    # The words a screen reader says around struck and underlined text are drawn nowhere, paper included.
    assert _flat("kustutatud tekst algab") not in whole and _flat("lisatud tekst") not in whole
