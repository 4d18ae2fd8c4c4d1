"""A real client: LibreOffice opens each redline, lists its tracked changes, accepts or rejects all.

One soffice process serves every file (see lo_driver.py, run with the system python3 that has
`uno`). In CI (`CI` set) a missing LibreOffice is a failure, never a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ajdiff.api import compare_files
from ajdiff.changes import ComparisonSet
from ajdiff.redline.build import RedlineOptions, build_redline
from ajdiff.redline.layout import LayoutOptions
from tests.redline.support import DATE, REAL_PAIRS, SEED, annex_redline, moved_pair, real_pair, rendered
from tests.redline.views import Side, paragraph_lines, view

DRIVER = Path(__file__).with_name("lo_driver.py")
SYSTEM_PYTHON = "/usr/bin/python3"


def _have_libreoffice() -> bool:
    if not shutil.which("soffice") or not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


def _lines(texts: list[str]) -> list[str]:
    """LibreOffice's exported lines as paragraph_lines gives them: no list bullets, no empty lines."""
    return [line.strip().removeprefix("• ") for line in texts if line.strip()]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, dict]]:
    """Every file LibreOffice checks, and what it reported for each."""
    if not _have_libreoffice():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (libreoffice-writer-nogui, python3-uno) is required in CI")
        pytest.skip("LibreOffice with python3-uno is not installed here")
    folder = tmp_path_factory.mktemp("lo")
    files: dict[str, bytes] = {}
    for name in REAL_PAIRS:
        pair = real_pair(name)
        files[f"annex-{name}"] = annex_redline(pair, LayoutOptions(show_editorial=True))
        options = RedlineOptions(date=DATE, layout=LayoutOptions(show_editorial=False))
        files[f"full-{name}"] = build_redline(ComparisonSet(pairs=(pair,)), options)
    files["annex-moved"] = annex_redline(moved_pair(), LayoutOptions(show_editorial=True))
    # Posts of two departments: ajdiff pairs none of them on its own; pair four by hand, as a reviewer would.
    orders = compare_files(SEED["000"], SEED["003"], pair=("1=1", "2=4", "3=5", "6=7"))
    files["orders"] = build_redline(orders, RedlineOptions(date=DATE, layout=LayoutOptions(show_editorial=True)))
    paths = {}
    for key, data in files.items():
        path = folder / f"{key}.docx"
        path.write_bytes(data)
        paths[str(path)] = key
    proc = subprocess.run([SYSTEM_PYTHON, str(DRIVER), *paths], capture_output=True, text=True, timeout=180, cwd=folder)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    return {paths[p]: (files[paths[p]], r) for p, r in report.items()}


@pytest.mark.parametrize("name", REAL_PAIRS)
def test_libreoffice_accepts_to_new_and_rejects_to_old(office: dict, name: str) -> None:
    _, report = office[f"annex-{name}"]
    pair = real_pair(name)
    assert sum(report["redlines"].values()) > 0
    assert _lines(report["accept"]["text"]) == paragraph_lines(rendered(pair.new))
    assert _lines(report["reject"]["text"]) == paragraph_lines(rendered(pair.old))
    assert report["accept"]["remaining"] == 0 and report["reject"]["remaining"] == 0


@pytest.mark.parametrize("key", [f"full-{n}" for n in REAL_PAIRS] + ["orders", "annex-moved"])
def test_libreoffice_agrees_with_the_pure_views(office: dict, key: str) -> None:
    data, report = office[key]
    assert sum(report["redlines"].values()) > 0
    assert _lines(report["accept"]["text"]) == paragraph_lines(view(data, Side.ACCEPT))
    assert _lines(report["reject"]["text"]) == paragraph_lines(view(data, Side.REJECT))


def test_libreoffice_lists_moves_and_rows(office: dict) -> None:
    _, report = office["annex-moved"]
    # LibreOffice lists a move as a deletion and an insertion (with a moved flag).
    assert report["redlines"].get("Delete", 0) > 0 and report["redlines"].get("Insert", 0) > 0
