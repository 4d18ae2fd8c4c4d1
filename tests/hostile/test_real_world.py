"""Issue 16: real-world files and faults, through the real command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.readers.test_pdf_bounds import measured

TEXT_001 = Path(__file__).resolve().parents[2] / "fixtures" / "001_f0f3c421c69f98c0.txt"


def ajdiff(
    *args: str | Path, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m ajdiff ARGS`; bytes in and out (file names and documents need not be UTF-8)."""
    return subprocess.run(
        [sys.executable, "-m", "ajdiff", *map(str, args)], input=stdin, capture_output=True, timeout=60, cwd=cwd
    )


# ------------------------------------------------------------------ (2) streams without a size


def test_dev_zero_ends_in_one_line_quickly_and_small() -> None:
    """`ajdiff show /dev/zero` read until memory ran out: its size is 0, so the size check passed."""
    status, rss, cpu, err = measured("show", "/dev/zero")
    assert (status, err) == (
        2,
        "ajdiff: /dev/zero: binary data, not text (give a .txt, .docx, .pdf, .html or .asice file)\n",
    )
    assert rss < 100, f"{rss} MiB"
    assert cpu < 1.0, f"{cpu} s"


def test_endless_pipe_of_text_is_cut_at_the_limit() -> None:
    """`<(yes Teenistuskoht)`: text without end is read to --max-size and refused, not to the end of memory."""
    script = f"exec {sys.executable} -m ajdiff diff {TEXT_001} <(yes Teenistuskoht) --max-size 5"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert re.fullmatch(r"ajdiff: /dev/fd/\d+: stream is larger than 5 MiB \(raise --max-size\)\n", result.stderr)


def test_endless_standard_input_is_cut_at_the_limit() -> None:
    """The same through '-': the bound is on bytes read, whatever the source."""
    with subprocess.Popen(["yes", "Teenistuskoht"], stdout=subprocess.PIPE) as yes:
        status, rss, _, err = measured("show", "-", "--max-size", "5", stdin=yes.stdout)
        yes.kill()
    assert (status, err) == (2, "ajdiff: -: standard input is larger than 5 MiB (raise --max-size)\n")
    assert rss < 100
