"""The promises of the README's "Promises" section that no other test proves on its own: no network."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import ajdiff
from tests.hostile.make_corpus import FIXTURES, build

PACKAGE = str(Path(ajdiff.__file__).parent) + "/"

# Runs ajdiff under an audit hook (PEP 578) that records every network call and every file opened
# for reading outside the Python installation, then prints them as JSON on the last line of stderr.
GUARD = r"""
import json, os, sys
seen = {"network": [], "opened": []}
prefixes = tuple({sys.prefix, sys.base_prefix, os.path.dirname(os.__file__)})
def hook(event, args):
    if event.startswith(("socket.", "urllib.")) or event in ("http.client.connect", "ftplib.connect"):
        seen["network"].append(event)
    elif event == "open" and isinstance(args[0], (str, bytes)) and not str(args[0]).startswith(prefixes):
        seen["opened"].append(os.fsdecode(args[0]))
sys.addaudithook(hook)
from ajdiff.cli import main
code = main(sys.argv[1:])
sys.stderr.write("\n" + json.dumps(seen) + "\n")
sys.exit(code)
"""


def guarded(*args: str | Path, cwd: Path) -> tuple[int, dict[str, list[str]]]:
    """Exit status and what ajdiff touched (network calls, files opened) while running ARGS."""
    result = subprocess.run(
        [sys.executable, "-c", GUARD, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd
    )
    return result.returncode, json.loads(result.stderr.strip().splitlines()[-1])


def others(opened: list[str], inputs: set[str]) -> list[str]:
    """Files opened that are neither an input nor part of ajdiff itself (its modules and data)."""
    return [p for p in opened if p not in inputs and not p.startswith(PACKAGE)]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile corpus without its 20 MB files."""
    return build(tmp_path_factory.mktemp("hostile"), big=False)


@pytest.mark.parametrize("case", ["xxe.docx", "laughs.docx", "scripted.html", "only_image.asice"])
def test_hostile_files_reach_no_network_and_no_other_file(hostile: dict[str, Path], case: str) -> None:
    """An XXE entity names file:///etc/passwd, a page's script calls fetch(): nothing is fetched or opened."""
    path = hostile[case]
    code, seen = guarded("show", path, cwd=path.parent)
    assert code in (0, 2)
    assert seen["network"] == []
    assert others(seen["opened"], {str(path)}) == []


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ".html", ".asice"])
def test_every_format_is_read_without_network(tmp_path: Path, suffix: str) -> None:
    """Each format of seed 001 against seed 000, as a diff: no socket, no URL; only the two inputs opened."""
    old = FIXTURES / f"001_f0f3c421c69f98c0{suffix}"
    new = FIXTURES / f"000_2e8e5e7caea51be0{suffix}"
    code, seen = guarded("diff", old, new, "--format", "json", cwd=tmp_path)
    assert code == 1
    assert seen["network"] == []
    inputs = {str(old), str(new)}
    assert inputs <= set(seen["opened"])
    assert [
        p for p in seen["opened"] if p not in inputs and p.startswith(("/etc", "/home", "/root", str(tmp_path)))
    ] == []
