"""The progress bar of long batches: on a terminal only, with done/total, rate and time left."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ajdiff.progress import ProgressBar, line
from tests.conftest import SEEDS


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_says_done_total_rate_and_time_left() -> None:
    text = line(250, 1000, 5.0)
    assert re.match(r"ajdiff: \[#{6}-{18}\] 250/1000  50/s  0:15 left", text), text
    assert line(250, 1000, 5.0, "et").startswith("ajdiff: [######------------------] 250/1000  50/s  0:15 jäänud")
    assert re.match(r"ajdiff: \[#{24}\] 1000/1000  200/s  5\.0 s", line(1000, 1000, 5.0))


def test_the_bar_redraws_in_place_and_starts_a_line_per_stage() -> None:
    stream = _Terminal()
    bar = ProgressBar(stream, interval=0)
    for k in range(1, 4):
        bar(k, 3)
    for k in range(1, 3):
        bar(k, 2)
    out = stream.getvalue()
    assert out.count("\n") == 2 and out.count("\r") == 5
    assert "3/3" in out.split("\n")[0] and "2/2" in out.split("\n")[1]


def test_the_bar_is_silent_when_stderr_is_not_a_terminal() -> None:
    stream = io.StringIO()
    ProgressBar(stream, interval=0)(1, 1)
    assert stream.getvalue() == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")
def test_a_folder_comparison_shows_the_bar_on_a_terminal(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    for k in range(3):
        (old / f"a{k}.txt").write_text(SEEDS["001"].read_text(encoding="utf-8"), encoding="utf-8")
        (new / f"a{k}.txt").write_text(SEEDS["001"].read_text(encoding="utf-8"), encoding="utf-8")
    leader, follower = os.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "ajdiff", "diff", str(old), str(new), "--format", "json"],
        stdout=subprocess.PIPE, stderr=follower, timeout=120, check=False,
    )  # fmt: skip
    os.close(follower)
    err = b""
    try:
        while chunk := os.read(leader, 4096):
            err += chunk
    except OSError:  # the terminal closed: everything is read
        pass
    os.close(leader)
    assert done.returncode == 0 and done.stdout.startswith(b"{")  # the report on stdout stays clean
    text = err.decode()
    assert "6/6" in text and "3/3" in text and "/s" in text, text  # reading 6 files, then comparing 3 pairs
