"""The README's examples are real: every block that starts with `$ ajdiff` is run and must print what it shows."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# A fenced block whose first line is a command: the rest of the block is what the terminal shows.
EXAMPLES = re.findall(r"^```\n\$ (ajdiff [^\n]*)\n(.*?)^```$", README, flags=re.M | re.S)


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_prints_what_it_shows(command: str, shown: str) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    for name in ("COLUMNS", "AJDIFF_DEBUG", "LC_ALL", "LC_MESSAGES", "AJDIFF_LANG"):
        env.pop(name, None)
    env["LANG"] = "C.UTF-8"
    args = shlex.split(command)[1:]
    result = subprocess.run(
        [sys.executable, "-m", "ajdiff", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    # A terminal shows the notes (stderr, written first) above the report (stdout).
    assert result.stderr + result.stdout == shown
