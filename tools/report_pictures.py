"""Draw the HTML report's pictures for the README with headless Chromium: the first screen and a printed page.

python tools/report_pictures.py     # rewrite docs/report-html.png and docs/report-print.png

The report is the two seed orders (fixtures/000 → 003, --pair 1=1 --pair 2=4, in English). The printed page
is drawn from Chromium's PDF by pdftoppm (Debian's poppler-utils), which only this tool needs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.render.browser import find_chromium, open_page, orders_page  # noqa: E402

PRINTED_PAGE = 3
"""The printed page to show: the first of the changes of the first pair, struck and underlined."""


def main() -> None:
    """Write the two pictures into docs/."""
    if find_chromium() is None or not shutil.which("pdftoppm"):
        sys.exit("report_pictures: needs chromium and pdftoppm (apt-get install chromium poppler-utils)")
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        page = orders_page(Path(tmp), lang="en")
        open_page(page, Path(tmp), "--window-size=1280,860", f"--screenshot={ROOT / 'docs' / 'report-html.png'}")
        pdf = Path(tmp) / "report.pdf"
        open_page(page, Path(tmp), "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
        out = Path(tmp) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-f", str(PRINTED_PAGE), "-l", str(PRINTED_PAGE), "-singlefile", pdf, out],
            check=True,
        )
        shutil.copyfile(out.with_suffix(".png"), ROOT / "docs" / "report-print.png")


if __name__ == "__main__":
    main()
