"""Faults of the third hostile round (issue 24): odd characters, signals, full disks, odd files and names.

Every case runs the real `python -m ajdiff` and holds it to one line or a result, never a traceback.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import docx as python_docx
import pytest

from tests.conftest import SEEDS
from tests.test_cli_unix import ajdiff

ANNEX_001 = SEEDS["001"]


def _docx_with_symbol(path: Path, char: str) -> Path:
    """Seed 001's text as a .docx whose position line ends in a `w:sym` of code `char`."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = python_docx.Document()
    for line in ANNEX_001.with_suffix(".txt").read_text(encoding="utf-8").splitlines():
        paragraph = d.add_paragraph(line)
        if line.strip().startswith("Teenistuskoht"):
            paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Symbol" w:char="{char}"/></w:r>'))
    d.save(str(path))
    return path


def test_a_lone_surrogate_symbol_is_a_replacement_character(tmp_path: Path) -> None:
    """Issue 24 (9): `<w:sym w:char="D800"/>` put a lone surrogate in the text: `internal error:
    UnicodeEncodeError` on `show` and JSON, a RuntimeWarning from unidecode for `diff` and `redline`."""
    new = _docx_with_symbol(tmp_path / "new.docx", "D800")
    for args in (["show", new], ["show", "--format", "json", new], ["diff", ANNEX_001, new],
                 ["redline", ANNEX_001, new, "-o", tmp_path / "r.docx"]):  # fmt: skip
        result = ajdiff(*args)
        assert result.returncode in (0, 1), (args, result.stderr)
        assert "internal error" not in result.stderr and "Warning" not in result.stderr, (args, result.stderr)
    shown = ajdiff("show", new).stdout
    assert re.search(r"Ekspert \(kriisivalmidus\)\s*\ufffd", shown), shown[:800]


# The signal arrives while the temp file is written (in its fsync), as a `kill` during a long write would.
_SIGNALLED_RUN = """
import os, signal, sys
real = os.fsync
def fsync(fd):
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
    real(fd)
os.fsync = fsync
from ajdiff.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_terminating_signal_mid_write_leaves_no_temp_file(tmp_path: Path, name: str) -> None:
    """Issue 24 (10): SIGTERM during `redline -o` left `.out.docx.*.tmp` every time; SIGTERM and SIGHUP
    clean up as SIGINT does, and the process still ends by the signal."""
    out = tmp_path / "out.docx"
    result = subprocess.run(
        [sys.executable, "-c", _SIGNALLED_RUN, name, "redline", ANNEX_001, ANNEX_001, "-o", out],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == [], result.stderr
    expected = 130 if name == "SIGINT" else -getattr(signal, name)
    assert result.returncode == expected, result.stderr
