"""The command line a Unix user expects (issue 13): each numbered case, through the real `python -m ajdiff`."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import zipfile
from fcntl import ioctl
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEEDS, completion_env

ROOT = Path(__file__).resolve().parent.parent
ANNEX_001, ORDER_000, ORDER_003 = SEEDS["001"], SEEDS["000"], SEEDS["003"]
PAIR = (str(ANNEX_001), str(ORDER_000), "--new-annex", "2")
NOTE = re.compile(r"^ajdiff: compared with Annex 2 · Ekspert \(kriisivalmidus\) of .+, the best match of 7")


def ajdiff(*args: str | Path, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    """`python -m ajdiff ARGS` as a user runs it, with text output unless told otherwise."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("AJDIFF_DEBUG", None)
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    return subprocess.run(
        [sys.executable, "-m", "ajdiff", *map(str, args)],
        env=full_env,
        timeout=120,
        cwd=kwargs.pop("cwd", ROOT),
        **kwargs,
    )


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single stderr line of a refusal (exit 2, nothing on stdout)."""
    assert result.returncode == 2, result.stderr
    assert result.stdout in ("", b"")
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# ------------------------------------------------------------------ 1. '-' is standard output


def test_dash_output_is_standard_output_and_writes_no_file(tmp_path: Path) -> None:
    for _ in range(2):  # the second run used to fail: "-: already exists"
        result = ajdiff("diff", *PAIR, "--format", "json", "-o", "-", cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert json.loads(result.stdout)["format"] == "ajdiff/1"
    result = ajdiff("show", ANNEX_001, "-o", "-", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("Ekspert (kriisivalmidus)")
    assert list(tmp_path.iterdir()) == []


def test_redline_to_standard_output(tmp_path: Path) -> None:
    result = ajdiff("redline", *PAIR, "-o", "-", cwd=tmp_path, text=False)
    assert result.returncode == 0, result.stderr
    assert zipfile.ZipFile(io.BytesIO(result.stdout)).read("word/document.xml").startswith(b"<?xml")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ 2. content sniffing

RTF = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} \b Teenistuskoht\b0  Ekspert\par Vahetu juht Juht\par }"


def _odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("annex.txt", RTF, "is an RTF document (save it as .docx or PDF)"),
        ("annex.rtf", RTF, "is an RTF document (save it as .docx or PDF)"),
        ("annex.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "is a Word 97-2003 document (.doc)"),
        ("annex.odt", _odt(), "is an OpenDocument text (.odt) (save it as .docx or PDF)"),
        ("scan.jpg", b"\xff\xd8\xff\xe0" + bytes(100), "is an image (JPEG), not a document (OCR it first"),
        ("annexes.txt.gz", b"\x1f\x8b\x08" + bytes(100), "is a gzip archive, not a document (unpack it"),
    ],
)
def test_formats_ajdiff_does_not_read_are_named_with_a_hint(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert one_error_line(ajdiff("show", path)).startswith(f"ajdiff: {path}: {expected}")
    # The same bytes on standard input: named by content, not "is it a signature container?" or "44 changes".
    piped = ajdiff("show", "-", input=content, text=False)
    piped = subprocess.CompletedProcess(piped.args, piped.returncode, piped.stdout.decode(), piped.stderr.decode())
    assert one_error_line(piped).startswith(f"ajdiff: -: {expected}")
    assert path.read_bytes() == content


def test_rtf_diff_is_refused_rather_than_compared(tmp_path: Path) -> None:
    rtf = tmp_path / "new.txt"
    rtf.write_bytes(RTF)
    line = one_error_line(ajdiff("diff", ANNEX_001, rtf))
    assert line == f"ajdiff: {rtf}: is an RTF document (save it as .docx or PDF)"


def test_the_reader_is_chosen_by_content_not_by_name(tmp_path: Path) -> None:
    misnamed = tmp_path / "annex.docx"  # a PDF under a Word name
    misnamed.write_bytes((FIXTURES / "001_f0f3c421c69f98c0.pdf").read_bytes())
    as_pdf = ajdiff("show", FIXTURES / "001_f0f3c421c69f98c0.pdf", "--format", "json")
    as_docx = ajdiff("show", misnamed, "--format", "json")
    assert as_docx.returncode == 0, as_docx.stderr
    strip = lambda out: [{**d, "source": None} for d in json.loads(out)["documents"]]  # noqa: E731
    assert strip(as_docx.stdout) == strip(as_pdf.stdout)


# ------------------------------------------------------------------ 3. notices on stderr, and in JSON


def test_notes_go_to_stderr_not_into_the_report(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    result = ajdiff("diff", ANNEX_001, ORDER_000, "-o", report)
    assert result.returncode == 1 and result.stdout == ""
    assert NOTE.match(result.stderr)
    assert report.read_text(encoding="utf-8").startswith("Ekspert (kriisivalmidus) (")
    markdown = ajdiff("diff", ANNEX_001, ORDER_000, "--format", "markdown")
    assert "best match" not in markdown.stdout and NOTE.match(markdown.stderr)


def test_json_carries_the_notes_and_warnings_and_stdout_stays_clean(tmp_path: Path) -> None:
    result = ajdiff("diff", ANNEX_001, ORDER_000, "--format", "json")
    data = json.loads(result.stdout)
    assert [f"ajdiff: {n}" for n in data["notes"]] == result.stderr.splitlines()
    assert data["warnings"] == []
    # A folder with a README: the skipped file is said on stderr and in the JSON.
    for side in ("old", "new"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "README.md").write_text("# Ametijuhendid\n\nSiin on ametijuhendid.\n", encoding="utf-8")
    shutil.copy(ANNEX_001, tmp_path / "old" / "a.txt")
    shutil.copy(ANNEX_001, tmp_path / "new" / "a.txt")
    result = ajdiff("diff", tmp_path / "old", tmp_path / "new", "--format", "json")
    data = json.loads(result.stdout)
    assert sorted(n.split(":")[0] for n in data["notes"]) == [
        f"skipped {tmp_path / 'new' / 'README.md'}",
        f"skipped {tmp_path / 'old' / 'README.md'}",
    ]
    assert result.stderr.count("ajdiff: skipped ") == 2


def test_redline_says_its_notes_on_stderr(tmp_path: Path) -> None:
    result = ajdiff("redline", ANNEX_001, ORDER_000, "-o", tmp_path / "r.docx")
    assert result.returncode == 0
    assert NOTE.match(result.stderr)


def test_quiet_says_nothing_and_the_exit_status_tells(tmp_path: Path) -> None:
    result = ajdiff("-q", ANNEX_001, ORDER_000)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "")
    same = ajdiff("diff", "--quiet", ANNEX_001, ANNEX_001)
    assert (same.returncode, same.stdout, same.stderr) == (0, "", "")
    missing = ajdiff("diff", "-q", ANNEX_001, tmp_path / "missing.txt")
    assert missing.returncode == 2 and "no such file" in missing.stderr  # errors are never silenced


# ------------------------------------------------------------------ 4. any locale, any encoding


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "cp1257"},
        {"PYTHONIOENCODING": "latin-1"},
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
    ],
)
def test_output_survives_any_encoding(env: dict[str, str]) -> None:
    result = ajdiff("diff", ANNEX_001, ORDER_000, env=env, text=False)
    assert result.returncode == 1, result.stderr
    assert b"internal error" not in result.stderr and b"Traceback" not in result.stderr
    out = result.stdout.decode("latin-1")
    assert "Ekspert (kriisivalmidus) (" in out and "->" in out  # the arrow fell back to ASCII
    assert "Ekspert (toimepidevus)" in out
    data = json.loads(ajdiff("diff", *PAIR, "--format", "json", env=env, text=False).stdout)
    assert data["pairs"][0]["new"]["position"] == "Ekspert (kriisivalmidus)"
    # Lossless: non-ASCII text is escaped in the JSON, not folded.
    assert "Peaspetsialist (toimepidevus)" in {c["old"] for c in data["pairs"][0]["changes"]}


# ------------------------------------------------------------------ 5. tui needs a terminal


@pytest.mark.parametrize("argv", [["tui", *PAIR], ["demo"]])
def test_tui_refuses_without_a_terminal(tmp_path: Path, argv: list[str]) -> None:
    target = tmp_path / "out"
    with target.open("w") as out:
        result = ajdiff(*argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE, capture_output=False)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"ajdiff: {argv[0]}: needs a terminal (standard input and output are not one) "
        "(use 'ajdiff diff' for a report you can redirect)"
    )
    assert target.read_text() == ""


# ------------------------------------------------------------------ 6. width and pager


def _widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def test_text_wraps_to_columns_and_width() -> None:
    assert _widest(ajdiff("diff", *PAIR).stdout) > 60  # the default for a pipe: 100 columns
    assert _widest(ajdiff("diff", *PAIR, env={"COLUMNS": "40"}).stdout) <= 40
    assert _widest(ajdiff("diff", *PAIR, "--width", "60", env={"COLUMNS": "40"}).stdout) <= 60
    assert _widest(ajdiff("show", ANNEX_001, env={"COLUMNS": "50"}).stdout) <= 50


def _in_terminal(args: list[str], env: dict[str, str], rows: int = 24, cols: int = 80) -> str:
    """Run ajdiff with a pseudo-terminal as stdin/stdout of the given size; what the terminal showed."""
    leader, follower = pty.openpty()
    ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full_env = {**os.environ, "TERM": "dumb", **env}
    for name in ("COLUMNS", "LINES", "AJDIFF_PAGER"):
        full_env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "ajdiff", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=full_env,
        cwd=ROOT,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_long_output_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = {"PAGER": f"sh -c 'cat > {paged}'"}
    # The two orders' posts are of two departments: paired by hand, as a reviewer would, for a long report.
    hand = ["--pair", "1=1", "--pair", "2=4", "--pair", "3=5", "--pair", "6=7"]
    shown = _in_terminal(["diff", str(ORDER_000), str(ORDER_003), *hand], pager)
    assert paged.exists(), shown
    text = paged.read_text(encoding="utf-8")
    assert text.count("\n") > 300 and "Lisa 7" in text
    paged.unlink()
    shown = _in_terminal(["diff", str(ORDER_000), str(ORDER_003), "--no-pager"], pager)
    assert not paged.exists() and "Lisa 7" in shown
    shown = _in_terminal(["diff", str(ANNEX_001), str(ANNEX_001)], pager)  # one screen: no pager
    assert not paged.exists() and "No substantive changes" in shown  # LANG=C: English, as gettext has it


def test_terminal_width_is_used(tmp_path: Path) -> None:
    shown = _in_terminal(["diff", *PAIR, "--color", "never"], {"PAGER": "cat"}, cols=50).replace("\r", "")
    assert "Ekspert (toimepidevus)" in shown
    assert _widest(shown) <= 50


# ------------------------------------------------------------------ 7. exit status


def test_redline_and_show_exit_0_on_success_so_a_chain_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    chain = subprocess.run(
        f"{sys.executable} -m ajdiff redline {ANNEX_001} {ORDER_000} --new-annex 2 -o {out} && echo next",
        shell=True, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert chain.returncode == 0 and chain.stdout == "next\n", chain.stderr
    assert zipfile.is_zipfile(out)
    assert ajdiff("show", ORDER_000).returncode == 0
    assert ajdiff("diff", *PAIR).returncode == 1 and ajdiff("diff", ANNEX_001, ANNEX_001).returncode == 0


# ------------------------------------------------------------------ 8. one error shape, with a hint


SHAPE = re.compile(r"^ajdiff: [^:]+: [^()]+.* \(.+\)$")


def test_every_refusal_has_the_shape_and_a_hint(tmp_path: Path) -> None:
    truncated = tmp_path / "broken.pdf"
    truncated.write_bytes((FIXTURES / "001_f0f3c421c69f98c0.pdf").read_bytes()[:700])
    review = tmp_path / "review.json"
    review.write_text("{not json", encoding="utf-8")
    cases = [
        (["show", "missing.txt"], "ajdiff: missing.txt: no such file (check the name"),
        (["diff", *PAIR, "-o", "nodir/x.txt"], "ajdiff: nodir/x.txt: folder nodir does not exist (create the folder"),
        (["show", truncated], f"ajdiff: {truncated}: "),
        (
            ["redline", *PAIR, "-o", tmp_path / "r.docx", "--review", review],
            f"ajdiff: {review}: review file is corrupt",
        ),
    ]
    for argv, start in cases:
        line = one_error_line(ajdiff(*argv))
        assert line.startswith(start), line
        assert SHAPE.match(line), line
        assert not re.search(r"[A-Z]\w+(Error|Exception)\b", line), line  # no exception class names


def test_usage_errors_are_one_line_pointing_at_the_help() -> None:
    assert one_error_line(ajdiff("diff", ANNEX_001)) == (
        "ajdiff: diff: the following arguments are required: NEW (see ajdiff diff --help)"
    )
    line = one_error_line(ajdiff("diff", *PAIR, "--format", "xml"))
    assert line.startswith("ajdiff: diff: argument --format: invalid choice") and line.endswith(
        "(see ajdiff diff --help)"
    )


def test_a_mistyped_command_suggests_the_nearest() -> None:
    assert one_error_line(ajdiff("shwo", "x")) == "ajdiff: shwo: unknown command (did you mean 'show'?)"
    assert one_error_line(ajdiff("redlin", "a", "b")) == "ajdiff: redlin: unknown command (did you mean 'redline'?)"
    # A missing file that looks like a command is still a missing file.
    assert one_error_line(ajdiff("diff.txt", ANNEX_001)).startswith("ajdiff: diff.txt: no such file (")


def test_help_command() -> None:
    result = ajdiff("help")
    assert result.returncode == 0 and result.stdout.startswith("usage: ajdiff") and result.stderr == ""
    result = ajdiff("help", "diff")
    assert result.returncode == 0 and "usage: ajdiff diff" in result.stdout and "--stat" in result.stdout


def test_errors_in_the_chosen_language() -> None:
    et = one_error_line(ajdiff("show", "missing.txt", "--lang", "et"))
    assert et == "ajdiff: missing.txt: faili ei ole (kontrolli nime ja kausta; 'ajdiff help' ütleb, mida ajdiff loeb)"
    en = one_error_line(ajdiff("show", "missing.txt", "--lang", "en", env={"LANG": "et_EE.UTF-8"}))
    assert en.startswith("ajdiff: missing.txt: no such file (")
    by_locale = one_error_line(ajdiff("show", "missing.txt", env={"LANG": "et_EE.UTF-8", "LC_ALL": ""}))
    assert by_locale.startswith("ajdiff: missing.txt: faili ei ole (")


# ------------------------------------------------------------------ 9. swapped arguments


def test_old_dated_later_than_new_is_warned() -> None:
    swapped = ajdiff("diff", ORDER_003, ORDER_000, "--stat")
    assert swapped.returncode == 1
    (warning,) = [line for line in swapped.stderr.splitlines() if "later than" in line]
    assert warning == (
        f"ajdiff: {ORDER_003}: warning: OLD is dated 2026-01-07 (order nr 1), later than NEW {ORDER_000} "
        "dated 2024-11-15 (order nr 164); are OLD and NEW swapped? (give the older version first)"
    )
    data = json.loads(ajdiff("diff", ORDER_003, ORDER_000, "--format", "json").stdout)
    assert data["warnings"] == [warning.removeprefix("ajdiff: ")]
    assert "later than" not in ajdiff("diff", ORDER_000, ORDER_003, "--stat").stderr


# ------------------------------------------------------------------ 10. reading never writes


def test_redline_with_a_bad_review_writes_nothing_beside_it(tmp_path: Path) -> None:
    review = tmp_path / "bad.json"
    review.write_text('{"format": "ajdiff-review/1", "entries": 3}', encoding="utf-8")
    line = one_error_line(ajdiff("redline", *PAIR, "-o", tmp_path / "r.docx", "--review", review))
    assert line == (
        f"ajdiff: {review}: review file has a bad entry (entries is not a list) "
        "(repair it, or give another --review file)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


# The demo's review in the user's data folder: tests/tui/test_command.py::test_demo_opens_on_the_bundled_pair.


# ------------------------------------------------------------------ 11. completion, man page, --stat, LICENSE


@pytest.mark.parametrize(
    ("shell", "marker"), [("bash", "complete "), ("zsh", "#compdef ajdiff"), ("fish", "complete ")]
)
def test_completion_scripts(shell: str, marker: str) -> None:
    result = ajdiff("completion", shell)
    assert result.returncode == 0 and marker in result.stdout and "ajdiff" in result.stdout


def test_a_completion_request_is_answered(tmp_path: Path) -> None:
    answer = tmp_path / "answer"
    ajdiff(env=completion_env("ajdiff re", answer))
    assert answer.read_text().split() == ["redline"]
    ajdiff(env=completion_env("ajdiff diff --form", answer))
    assert answer.read_text().split() == ["--format"]


@pytest.mark.parametrize("shell", ["bash", "zsh"])
@pytest.mark.parametrize(
    "line",
    [
        "ajdiff ",
        "ajdiff di",
        "ajdiff --",
        "ajdiff diff --form",
        "ajdiff diff a.txt b.txt --",
        "ajdiff 'diff' a.txt --n",
        'ajdiff "re"dline a.txt b.txt --',
        "ajdiff d\\iff a.txt --",
        "ajdiff -q diff --",
        "ajdiff show x.txt --",
        "ajdiff demo --",
        "ajdiff completion ",
        "ajdiff help ",
        "ajdiff dif --",
    ],
)
def test_a_completion_needs_only_the_arguments_of_the_commands_its_line_names(
    monkeypatch: pytest.MonkeyPatch, shell: str, line: str
) -> None:
    """The parser a completion request builds (the arguments of the commands the line names, the others' names and
    helps) answers as the whole parser does, for a command's name, its options and its values."""
    import argcomplete
    from argcomplete import io as completion_io

    from ajdiff.cli import _commands_in, build_parser

    class Finder(argcomplete.CompletionFinder):
        def _init_debug_stream(self) -> None:  # argcomplete's own takes file descriptor 9, pytest's maybe
            completion_io.debug_stream = sys.stderr

    monkeypatch.setenv("_ARGCOMPLETE", "1")
    monkeypatch.setenv("_ARGCOMPLETE_IFS", "\n")
    monkeypatch.setenv("_ARGCOMPLETE_SHELL", shell)
    monkeypatch.setenv("COMP_LINE", line)
    monkeypatch.setenv("COMP_POINT", str(len(line)))

    def answer(arguments_of: frozenset[str] | None) -> str:
        out = io.StringIO()
        Finder()(build_parser(arguments_of=arguments_of), exit_method=lambda code: None, output_stream=out)
        return out.getvalue()

    named = _commands_in(line)
    assert named is not None and named < {"show", "diff", "redline", "tui", "demo", "completion"}
    assert answer(named) == answer(None) != ""


def test_the_man_page_is_generated_from_the_parser() -> None:
    result = subprocess.run(
        [sys.executable, "tools/make_manpage.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    page = (ROOT / "man" / "ajdiff.1").read_text(encoding="utf-8")
    assert page.startswith('.TH AJDIFF "1"') and "\\-\\-stat" in page and "examples:" in page
    # The Estonian page is --help as it speaks Estonian: argparse's words and ajdiff's, and its own sections.
    et = (ROOT / "man" / "et" / "ajdiff.1").read_text(encoding="utf-8")
    assert et.startswith('.TH AJDIFF "1"') and "\\-\\-stat" in et and "näited:" in et and "examples:" not in et
    assert ".SH KOKKUVÕTE" in et and ".SH VÄLJUMISKOOD" in et and "kasutus: ajdiff diff" in et
    assert "usage:" not in et and "required" not in et


def test_stat_is_one_line_per_pair() -> None:
    # The two orders' posts are of two departments: ajdiff pairs none on its own; these are paired by hand.
    hand = ["--pair", "1=1", "--pair", "2=4", "--pair", "3=5", "--pair", "6=7"]
    result = ajdiff("diff", ORDER_000, ORDER_003, "--stat", *hand, "--lang", "et")
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert len(lines) == 5  # four paired posts and the summary
    assert all(re.match(r"^ Lisa \d+( · .+)? → Lisa \d+ · .+ \| +\d+ [+\-~]+$", line) for line in lines[:4]), lines
    assert lines[0].startswith(" Lisa 1 → Lisa 1 · Talituse juhataja ")  # the same post: its old annex only
    assert re.match(
        r"^ 4 paari, \d+ sisulist \(olulist \d+\), \d+ toimetuslikku, 7 uut ametikohta, 3 kaotatud", lines[4]
    )
    assert ajdiff("diff", *PAIR, "--stat", "--lang", "en").stdout.endswith(
        " 1 pair, 7 substantive (high impact 0), 2 editorial\n"
    )


def test_license_is_the_gpl_3_or_later_as_the_package_says() -> None:
    # Unidecode, a runtime dependency, is GPL-2.0-or-later: the whole can only be a GPL work (issue 25, item 17).
    text = (ROOT / "LICENSE").read_text()
    assert text.lstrip().startswith("GNU GENERAL PUBLIC LICENSE") and "Version 3, 29 June 2007" in text
    assert 'license = { text = "GPL-3.0-or-later" }' in (ROOT / "pyproject.toml").read_text()
    assert "GPL-3.0-or-later" in (ROOT / "README.md").read_text()


def test_notices_name_the_annex_of_only_the_documents_with_warnings(monkeypatch) -> None:
    """A batch's thousands of documents, most without a warning: only a document with a warning has its annex named."""
    from ajdiff.changes import Comparison, ComparisonSet
    from ajdiff.cli import options
    from ajdiff.model import JobDescription

    named: list[str] = []
    annex_name = options.annex_name
    monkeypatch.setattr(options, "annex_name", lambda annex, lang: named.append(annex) or annex_name(annex, lang))
    quiet = [JobDescription(f"{k}.txt", str(k)) for k in range(1, 5)]
    loud = JobDescription("5.txt", "5", warnings=("no duties found",))
    result = ComparisonSet(
        pairs=(Comparison(quiet[0], quiet[1], 1.0, ()), Comparison(quiet[2], loud, 1.0, ())),
        unpaired_old=(quiet[3],),
        notes=("compared with Lisa 5",),
    )
    said = (["compared with Lisa 5"], ["5.txt: warning: Annex 5: no duties found"])
    assert options.notices(result, "en") == said and named == ["5"]
    assert options.notices(result, "et") == (said[0], ["5.txt: hoiatus: Lisa 5: no duties found"])
    other = ComparisonSet(pairs=(Comparison(quiet[0], quiet[1], 1.0, ()),))
    assert options.notices(other, "en") == ([], []) and named == ["5", "5"]


def test_the_program_leaves_without_tearing_down_what_it_made_and_its_report_whole() -> None:
    """`python -m ajdiff` (and the console script, `console`) ends the process once the streams are flushed: what a
    command made is not freed object by object, nor the modules torn down (an exit handler never runs); the report
    and the exit status are what they were."""
    script = (
        "import atexit, runpy, sys\n"
        "atexit.register(lambda: print('torn down', file=sys.stderr))\n"
        f"sys.argv = ['ajdiff', 'diff', {str(ANNEX_001)!r}, {str(ORDER_000)!r}, '--format', 'json']\n"
        "runpy.run_module('ajdiff', run_name='__main__')\n"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("AJDIFF_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT
    )
    assert done.returncode == 1 and "torn down" not in done.stderr
    assert json.loads(done.stdout) == json.loads(ajdiff("diff", ANNEX_001, ORDER_000, "--format", "json").stdout)
    assert done.stdout.endswith("}\n") and done.stderr.startswith("ajdiff: compared with ")
