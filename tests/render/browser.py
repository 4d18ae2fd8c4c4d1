"""Headless Chromium for the HTML report's tests and pictures: find it, open a page with it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ajdiff.api import compare_files
from ajdiff.render.html import diff_html
from tests.conftest import SEEDS

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The browser's program (Debian's `chromium` in CI), or None."""
    return next((path for path in map(shutil.which, NAMES) if path), None)


def orders_page(folder: Path, lang: str = "et") -> Path:
    """The report of the two seed orders (as the README pairs them) written into folder/report.html."""
    # Named from the working folder, as a user gives them (the pictures show no machine's absolute path).
    old, new = (os.path.relpath(SEEDS[seed]) for seed in ("000", "003"))
    result = compare_files(old, new, pair=["1=1", "2=4"])
    page = folder / "report.html"
    page.write_text(diff_html(result, lang=lang), encoding="utf-8")
    return page


def open_page(page: Path, folder: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """Open page (a file: URL) in headless Chromium with flags; its console messages are on stderr.

    A profile of its own in folder, so that parallel runs never share one; no sandbox, as CI runs as root.
    """
    browser = find_chromium()
    assert browser is not None, "chromium is not installed"
    argv = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={folder / 'chromium-profile'}", "--enable-logging=stderr", "--v=0",
        *flags, page.resolve().as_uri(),
    ]  # fmt: skip
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=True)
