"""Faults of the third hostile round (issue 24): odd characters, signals, full disks, odd files and names.

Every case runs the real `python -m ajdiff` and holds it to one line or a result, never a traceback.
"""

from __future__ import annotations

import os
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


def test_an_author_with_control_characters_is_a_usage_error(tmp_path: Path) -> None:
    """Issue 24 (14): `--author $'x\\x01'` gave `internal error: ValueError`; it is checked as --date is."""
    result = ajdiff("redline", ANNEX_001, ANNEX_001, "--author", "x\x01", "-o", tmp_path / "r.docx")
    assert result.returncode == 2
    assert result.stderr == (
        "ajdiff: redline: argument --author: has control characters: 'x\\x01' (see ajdiff redline --help)\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["diff", ANNEX_001, SEEDS["002"]],
        ["show", "--format", "json", ANNEX_001],
        ["redline", ANNEX_001, ANNEX_001, "-o", "-"],
    ],
    ids=["diff", "show-json", "redline-stdout"],
)
def test_a_full_standard_output_is_one_line(args: list[str | Path]) -> None:
    """Issue 24 (15): `> /dev/full` gave `internal error: OSError: [Errno 28]`."""
    with open("/dev/full", "wb") as full:
        result = ajdiff(*args, capture_output=False, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr.startswith("ajdiff: -: cannot write: No space left on device ("), result.stderr
    assert result.stderr.count("\n") == 1


def test_an_output_name_too_long_is_one_line(tmp_path: Path) -> None:
    """Issue 24 (15): `-o` with a 300-character name gave `internal error: OSError: [Errno 36]`."""
    out = tmp_path / ("a" * 300 + ".txt")
    result = ajdiff("show", ANNEX_001, "-o", out)
    assert result.returncode == 2
    assert result.stderr.startswith(f"ajdiff: {out}: cannot write: File name too long ("), result.stderr


def test_the_skipped_note_escapes_control_characters(tmp_path: Path) -> None:
    """Issue 24 (16): the folder's "skipped" note turned a file name's control characters into spaces;
    everywhere else they are escaped."""
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "x.txt").write_bytes(ANNEX_001.with_suffix(".txt").read_bytes())
        (tmp_path / side / "read\x1bme.txt").write_text("Lihtsalt üks märkus ilma struktuurita.\n", encoding="utf-8")
    result = ajdiff("diff", tmp_path / "a", tmp_path / "b")
    assert f"ajdiff: skipped {tmp_path / 'a'}/read\\x1bme.txt: does not look like" in result.stderr, result.stderr
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["-q", "redline", "a", "b", "-o", "x.docx"],
         "ajdiff: -q: unknown option before the command (options go after the command; see ajdiff --help)\n"),
        (["show", str(ANNEX_001), "-o", ""],
         "ajdiff: -o: the output name is empty (give a file name, or '-' for standard output)\n"),
        (["redline", str(ANNEX_001), str(ANNEX_001), "-o", ""],
         "ajdiff: -o: the output name is empty (give a file name, or '-' for standard output)\n"),
        (["redline", str(ANNEX_001), str(ANNEX_001), "-o", "{tmp}/r.docx", "--review", "/dev/zero"],
         "ajdiff: /dev/zero: review file is not a regular file (give the file the terminal UI wrote)\n"),
        (["redline", str(ANNEX_001), str(ANNEX_001), "-o", "{tmp}/r.docx", "--review", "{tmp}/cut.json"],
         "ajdiff: {tmp}/cut.json: review file is corrupt (not valid JSON: Unterminated string starting at line 1 "
         "column 12) (move it away to start a new review)\n"),
    ],
    ids=["option-before-command", "empty-o", "empty-o-redline", "review-device", "review-truncated"],
)  # fmt: skip
def test_messages_say_what_is_wrong(tmp_path: Path, args: list[str], line: str) -> None:
    """Issue 24 (17): "review file not found" for /dev/zero, "ajdiff: : is a folder" for `-o ''`,
    "ajdiff: ajdiff: unrecognized arguments: -q", "Unterminated string starting at at line 1"."""
    (tmp_path / "cut.json").write_text('{"format": "ajd', encoding="utf-8")
    result = ajdiff(*(a.replace("{tmp}", str(tmp_path)) for a in args), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == line.replace("{tmp}", str(tmp_path))


def test_a_fifo_without_a_writer_does_not_block(tmp_path: Path) -> None:
    """Issue 24 (18): `mkfifo f; ajdiff show f` blocked for ever; opened without waiting, it is named."""
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    result = ajdiff("show", fifo)  # the helper's timeout ends a run that blocks
    assert result.returncode == 2
    assert (
        result.stderr == f"ajdiff: {fifo}: named pipe with nothing written to it (give a file, or write to the pipe)\n"
    )


def test_a_process_substitution_is_still_read(tmp_path: Path) -> None:
    """A pipe with a writer (`<(cat file)`) is read to its end as before."""
    result = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m ajdiff show <(cat "{ANNEX_001.with_suffix(".txt")}")'],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Ekspert (kriisivalmidus)")


def test_odd_entries_in_a_folder_are_skipped_with_a_note(tmp_path: Path) -> None:
    """Issue 24 (18): in a folder, FIFOs, symlink loops and links to /dev/zero were skipped without the note."""
    for side in ("a", "b"):
        folder = tmp_path / side
        folder.mkdir()
        (folder / "x.txt").write_bytes(ANNEX_001.with_suffix(".txt").read_bytes())
    folder = tmp_path / "b"
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    result = ajdiff("diff", tmp_path / "a", folder)
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "not a regular file" in line]
    assert notes == [
        f"ajdiff: skipped {folder / name}: not a regular file (a named pipe, a device or a broken link)"
        for name in ("loop.txt", "pipe.txt", "zero.txt")
    ]
