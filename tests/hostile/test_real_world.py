"""Issue 16: real-world files and faults, through the real command line."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

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


def _diff_json(old: Path, new: Path) -> tuple[dict, str]:
    """`ajdiff diff OLD NEW --format json`: the report and stderr."""
    result = ajdiff("diff", old, new, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout), result.stderr.decode()


def _changes(report: dict) -> list[dict]:
    return [change for pair in report["pairs"] for change in pair["changes"]]


# ------------------------------------------------------------------ (12) invisible format characters


def test_bidi_controls_are_no_change(tmp_path: Path) -> None:
    """Issue 16 (12): U+202E before duty 2.12 (and marks elsewhere) made "Eemaldati ülesanne 2.12"."""
    text = TEXT_001.read_text(encoding="utf-8")
    assert "\n2.12. Vahetu" in text
    spoofed = text.replace("\n2.12. Vahetu", "\n\u202e2.12. Vahetu").replace(
        "Teenistuskoht ", "Teenistuskoht \u200e\u2066"
    )
    new = tmp_path / "new.txt"
    new.write_text(spoofed, encoding="utf-8")
    report, _ = _diff_json(TEXT_001, new)
    assert _changes(report) == []


# ------------------------------------------------------------------ (13) a few stray bytes


def test_three_stray_bytes_cost_three_characters_not_the_file(tmp_path: Path) -> None:
    """Issue 16 (13): three cp1257 bytes pasted into a UTF-8 file made the whole file cp1257 mojibake."""
    data = TEXT_001.read_bytes()
    words = ["võimekus".encode(), "õppuste".encode(), "võimalik".encode()]
    for word in words:
        assert data.count(word) >= 1
        data = data.replace(word, word.replace("õ".encode(), b"\xf5"), 1)
    new = tmp_path / "stray.txt"
    new.write_bytes(data)
    report, err = _diff_json(TEXT_001, new)
    assert len(_changes(report)) <= 3
    # A line with UTF-8 letters keeps them and loses the stray byte; a line without any is cp1257 (õ = 0xF5).
    utf8, legacy = [], []
    for m in re.finditer(b"\xf5", data):
        number = data[: m.start()].count(b"\n") + 1
        line = data.split(b"\n")[number - 1]
        if re.search(rb"[\xc3\xc5][\x80-\xbf]", line):
            utf8.append(f"line {number}, byte {m.start() + 1} (0xF5)")
        else:
            legacy.append(number)
    assert utf8 and legacy  # the three words cover both cases
    assert f"warning: {len(utf8)} bytes that are not UTF-8 were replaced by U+FFFD: {'; '.join(utf8)}\n" in err
    assert f"warning: line {legacy[0]} read as cp1257" in err or f"lines {', '.join(map(str, legacy))} read" in err


def test_a_real_cp1257_file_is_still_cp1257(tmp_path: Path) -> None:
    """The per-line decoding keeps a file that is cp1257 throughout: no change against the UTF-8 original."""
    old = tmp_path / "old.txt"
    old.write_text(TEXT_001.read_text(encoding="utf-8").replace("\uf0a7", "-"), encoding="utf-8")
    new = tmp_path / "cp1257.txt"
    new.write_bytes(old.read_text(encoding="utf-8").encode("cp1257"))
    report, err = _diff_json(old, new)
    assert _changes(report) == [] and "warning" not in err


def test_a_cp1257_line_in_a_utf8_file_is_read_as_cp1257(tmp_path: Path) -> None:
    """A paragraph pasted from a Windows file: that line is cp1257, the rest UTF-8, and a warning says so."""
    from ajdiff.read.formats import read_bytes

    data = "Teenistuskoht Nõunik\n".encode() + "Ülesanne: tööülesannete täitmine\n".encode("cp1257")
    source = read_bytes(data, "x.txt", ".txt")
    assert source.lines[:2] == ("Teenistuskoht Nõunik", "Ülesanne: tööülesannete täitmine")
    assert source.warnings == ("line 2 read as cp1257: bytes that are not UTF-8, and no UTF-8 letter in them",)


# ------------------------------------------------------------------ (6) terminal escape sequences


ESCAPES = ("\x1b]0;pwned\x07", "\x1b[2K", "\x1b[1A", "\x9b31m", "\x07", "\x1bc")


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    """Issue 16 (6): ESC/BEL in a document set the window title and erased lines, even with --color never."""
    text = TEXT_001.read_text(encoding="utf-8")
    hostile = text.replace("Ekspert (kriisivalmidus)", "Ekspert (kriisi" + "".join(ESCAPES) + "valmidus)")
    hostile = hostile.replace("2.12. Vahetu", "2.12. \x1b]2;title\x1b\\Vahetu muudetud")
    new = tmp_path / "escapes.txt"
    new.write_text(hostile, encoding="utf-8")
    outputs = [
        ajdiff("show", new).stdout,
        ajdiff("diff", TEXT_001, new, "--color", "never").stdout,
        ajdiff("diff", TEXT_001, new, "--format", "markdown").stdout,
    ]
    for out in outputs:
        assert out and not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", out), out[:200]
    assert b"Ekspert (kriisivalmidus)" in outputs[0]
    assert b"muudetud" in outputs[1]


# ------------------------------------------------------------------ (7) and (15) file names


CP1257_NAME = "ametijuhend_n\xf5unik.txt".encode("latin-1")  # "nõunik" saved by a Windows tool: not UTF-8


def test_file_name_that_is_not_utf8_prints_safely(tmp_path: Path) -> None:
    """Issue 16 (7): a cp1257 file name gave "internal error: UnicodeEncodeError" on stdout, -o and redline."""
    folder = tmp_path
    name = os.fsdecode(CP1257_NAME)
    (folder / name).write_bytes(TEXT_001.read_bytes().replace(b"kriisijuht", b"juht"))
    shown = "ametijuhend_n\\xf5unik.txt"
    out = ajdiff("diff", TEXT_001, name, cwd=folder)
    assert out.returncode == 1 and shown.encode() in out.stdout, out.stderr
    written = ajdiff("diff", TEXT_001, name, "-o", "report.txt", cwd=folder)
    assert written.returncode == 1, written.stderr
    assert shown in (folder / "report.txt").read_text(encoding="utf-8")
    as_json = ajdiff("diff", TEXT_001, name, "--format", "json", cwd=folder)
    assert json.loads(as_json.stdout)["pairs"][0]["new"]["source"] == shown
    redline = ajdiff("redline", TEXT_001, name, "-o", "r.docx", cwd=folder)
    assert redline.returncode in (0, 1) and b"internal error" not in redline.stderr, redline.stderr
    assert (folder / "r.docx").stat().st_size > 0


@pytest.mark.parametrize("name", ["two  spaces.txt", "a ,b ;c.txt", " lead.txt", "tab\there.txt"])
def test_error_messages_keep_file_names(tmp_path: Path, name: str) -> None:
    """Issue 16 (15): double spaces collapsed and the space before ',' or ';' vanished from the name."""
    result = ajdiff("show", name, cwd=tmp_path)
    shown = name.replace("\t", "\\t")  # a control character is shown escaped, never as itself
    hint = "check the name and the folder; 'ajdiff help' shows what ajdiff reads"
    assert result.stderr.decode() == f"ajdiff: {shown}: no such file ({hint})\n"


# ------------------------------------------------------------------ (4) and (14) outputs that are not files


def test_force_never_replaces_a_fifo(tmp_path: Path) -> None:
    """Issue 16 (4): `-o FIFO --force` renamed a regular file over the named pipe (as root, over /dev/null)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = ajdiff("diff", TEXT_001, TEXT_001, "-o", fifo, "--force")
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"ajdiff: {fifo}: is a named pipe, not a regular file; refusing to replace it (write with > instead of -o)\n"
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left behind


def test_force_never_replaces_a_socket(tmp_path: Path) -> None:
    """The same for any node that is not a regular file (a socket here; a device node needs root to make)."""
    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        result = ajdiff("show", TEXT_001, "-o", path, "--force")
    assert result.returncode == 2 and b"is a socket, not a regular file" in result.stderr
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_standard_input_cannot_be_the_output(tmp_path: Path) -> None:
    """Issue 16 (14): `ajdiff diff old.txt - -o n2.txt --force < n2.txt` overwrote the file being read."""
    n2 = tmp_path / "n2.txt"
    original = TEXT_001.read_bytes().replace(b"kriisijuht", b"juht")
    n2.write_bytes(original)
    with n2.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "ajdiff", "diff", str(TEXT_001), "-", "-o", "n2.txt", "--force"],
            stdin=stdin, capture_output=True, timeout=60, cwd=tmp_path,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "ajdiff: n2.txt: is the standard input being read; refusing to overwrite it (choose another -o path)\n"
    )
    assert n2.read_bytes() == original
