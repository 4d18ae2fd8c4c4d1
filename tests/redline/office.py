"""LibreOffice for the redline tests: whether it is here (in CI it must be), and one soffice run over many
files (lo_driver.py, with the system python3 that has `uno`), each file's bytes beside its report."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("lo_driver.py")
SYSTEM_PYTHON = "/usr/bin/python3"


def have_libreoffice() -> bool:
    """soffice and the system python3 with `uno` are installed."""
    if not shutil.which("soffice") or not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


def require_libreoffice() -> None:
    """Skip the test without LibreOffice; in CI, fail it: there the check is not optional."""
    if not have_libreoffice():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (libreoffice-writer-nogui, python3-uno) is required in CI")
        pytest.skip("LibreOffice with python3-uno is not installed here")


def reports(files: dict[str, str], folder: Path, *args: str) -> dict[str, tuple[bytes, dict]]:
    """LibreOffice's report of each file (path → key), by key with the file's bytes, from one soffice run."""
    proc = subprocess.run(
        [SYSTEM_PYTHON, str(DRIVER), *args, *files], capture_output=True, text=True, timeout=300, cwd=folder
    )
    assert proc.returncode == 0, proc.stderr
    return {files[p]: (Path(p).read_bytes(), r) for p, r in json.loads(proc.stdout).items()}
