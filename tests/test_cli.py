"""The command line as a user meets it: exit codes, help, shorthand, colour, JSON, one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ajdiff.cli import main
from tests.conftest import FIXTURES, SEEDS

ANNEX_001 = SEEDS["001"]  # Ekspert (kriisivalmidus), PDF text
ORDER_000 = SEEDS["000"]  # the order whose Lisa 2 is the next version of 001
ERROR_LINE = re.compile(r"^ajdiff: [^:]+: .+$")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """main(argv) with its exit status, stdout and stderr."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ exit status, as diff(1)


def test_exit_0_when_nothing_substantive_changed(capsys) -> None:
    code, out, err = run(capsys, "diff", ANNEX_001, FIXTURES / "001_f0f3c421c69f98c0.docx", "--lang", "et")
    assert (code, err) == (0, "")
    assert "Sisulisi muudatusi ei ole" in out


def test_exit_1_when_something_changed(capsys) -> None:
    code, out, err = run(capsys, "diff", ANNEX_001, ORDER_000, "--new-annex", "2")
    assert (code, err) == (1, "")
    assert "Ekspert (toimepidevus)" in out  # the substitute that was added


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["diff", "missing.txt", ANNEX_001], "ajdiff: missing.txt: no such file"),
        (["show", ORDER_000, "--annex", "99"], f"ajdiff: {ORDER_000}: has no annex 99 (annexes in the file: "),
        (["show", FIXTURES / "generate.py"], "ajdiff: "),
        (["diff", FIXTURES, ANNEX_001], f"ajdiff: {FIXTURES}: is a folder but the other side is a file"),
        (["diff", "-", "-"], "ajdiff: -: only one side can be standard input"),
    ],
)
def test_exit_2_with_one_line_on_errors(capsys, argv: list, message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and ERROR_LINE.match(err.rstrip("\n")), err
    assert err.startswith(message)


def test_usage_errors_exit_2(capsys) -> None:
    code, _, err = run(capsys, "diff", "--max-size", "0", ANNEX_001, ANNEX_001)
    assert code == 2
    assert "must be 1 or more" in err
    code, _, err = run(capsys, "diff", ANNEX_001)
    assert code == 2
    assert "required" in err


def test_internal_errors_are_one_line_without_traceback(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import ajdiff.api

    def bug(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(ajdiff.api, "compare_files", bug)
    monkeypatch.delenv("AJDIFF_DEBUG", raising=False)
    code, out, err = run(capsys, ANNEX_001, ANNEX_001)
    assert (code, out) == (2, "")
    assert err == "ajdiff: internal error: ZeroDivisionError: oops (set AJDIFF_DEBUG=1 for details)\n"
    monkeypatch.setenv("AJDIFF_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main([str(ANNEX_001), str(ANNEX_001)])


# ------------------------------------------------------------------ help teaches


def test_no_arguments_prints_help_and_exits_2(capsys) -> None:
    code, out, err = run(capsys)
    assert (code, out) == (2, "")
    assert "usage: ajdiff" in err and "diff" in err and "show" in err


@pytest.mark.parametrize("argv", [["--help"], ["diff", "--help"]])
def test_help_names_commands_exit_codes_and_examples(capsys, argv: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "exit status: 0 no substantive change, 1 substantive changes, 2 error" in out
    assert "ajdiff old.pdf new.docx" in out  # the shorthand, shown by example
    assert "--format json" in out


def test_show_help_lists_formats_and_stdin(capsys) -> None:
    code, out, _ = run(capsys, "show", "--help")
    out = " ".join(out.split())  # argparse wraps to the terminal width
    assert code == 0
    assert "'-' for standard input" in out and "{text,json}" in out and "--max-size" in out


def test_version(capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and re.match(r"ajdiff \d+\.\d+", out)


# ------------------------------------------------------------------ shorthand and formats


def test_old_new_is_shorthand_for_diff(capsys) -> None:
    short = run(capsys, ANNEX_001, ORDER_000, "--new-annex", "2", "--format", "json")
    full = run(capsys, "diff", ANNEX_001, ORDER_000, "--new-annex", "2", "--format", "json")
    assert short == full
    assert short[0] == 1


def test_shorthand_with_options_first(capsys) -> None:
    code, out, err = run(capsys, "--format", "json", ANNEX_001, ANNEX_001)
    assert (code, err) == (0, "")
    assert json.loads(out)["pairs"][0]["changes"] == []


def test_diff_json_is_the_ajdiff_1_contract(capsys) -> None:
    code, out, err = run(capsys, "diff", ANNEX_001, ORDER_000, "--format", "json")
    assert code == 1 and err.startswith("ajdiff: compared with Annex 2") and err.count("\n") == 1
    data = json.loads(out)
    assert data["notes"] == [err.removeprefix("ajdiff: ").rstrip("\n")]  # the note on stderr, also in the JSON
    assert data["format"] == "ajdiff/1"
    assert set(data) >= {"format", "pairs", "unpaired_old", "unpaired_new"}
    (pair,) = data["pairs"]  # one against an order: the best match, Lisa 2
    assert pair["new"]["annex"] == "2"
    assert set(pair["summary"]) == {"substantive", "editorial", "high_impact"}
    for change in pair["changes"]:
        assert {"path", "kind", "old", "new", "editorial", "impact", "label"} <= set(change)


def test_show_json_is_the_ajdiff_1_contract(capsys) -> None:
    code, out, _ = run(capsys, "show", ORDER_000, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["format"] == "ajdiff/1"
    assert [d["annex"] for d in data["documents"]] == [str(k) for k in range(1, 8)]
    assert all(d["warnings"] == [] for d in data["documents"])


def test_markdown_report(capsys) -> None:
    code, out, _ = run(capsys, "diff", ANNEX_001, ORDER_000, "--new-annex", "2", "--format", "markdown")
    assert code == 1
    assert out.lstrip().startswith("#")


def test_standard_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ajdiff", "show", "-", "--format", "json"],
        input=ANNEX_001.read_bytes(),
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["source"] == "-" and doc["general"]["position"] == "Ekspert (kriisivalmidus)"


# ------------------------------------------------------------------ colour


def _tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("TERM", raising=False)


def test_colour_on_a_terminal(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    _tty(monkeypatch)
    _, out, _ = run(capsys, ANNEX_001, ORDER_000, "--new-annex", "2")
    assert "\x1b[" in out


def test_no_color_turns_colour_off(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _tty(monkeypatch)
    _, out, _ = run(capsys, ANNEX_001, ORDER_000, "--new-annex", "2")
    assert "\x1b[" not in out
    _, out, _ = run(capsys, ANNEX_001, ORDER_000, "--new-annex", "2", "--color", "always")
    assert "\x1b[" in out  # an explicit request still wins


def test_no_colour_when_piped_or_written(capsys, tmp_path: Path) -> None:
    _, out, _ = run(capsys, ANNEX_001, ORDER_000, "--new-annex", "2")
    assert "\x1b[" not in out
    target = tmp_path / "diff.txt"
    run(capsys, ANNEX_001, ORDER_000, "--new-annex", "2", "--color", "always", "-o", target)
    assert "\x1b[" not in target.read_text(encoding="utf-8")


# ------------------------------------------------------------------ -o and --force


def test_output_and_force(capsys, tmp_path: Path) -> None:
    target = tmp_path / "diff.json"
    pair = (ANNEX_001, ORDER_000, "--new-annex", "2")
    code, out, err = run(capsys, *pair, "--format", "json", "-o", target)
    assert (code, out, err) == (1, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "ajdiff/1"
    code, _, err = run(capsys, *pair, "--format", "json", "-o", target)
    assert code == 2 and err == f"ajdiff: {target}: already exists (use --force to overwrite it)\n"
    code, _, _ = run(capsys, *pair, "--format", "json", "-o", target, "--force")
    assert code == 1


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    """`ajdiff show big | head -1` ends without a BrokenPipeError message."""
    result = subprocess.run(
        f"{sys.executable} -m ajdiff show {SEEDS['003']} --lang et | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.startswith("Käskkiri nr 1 (2026-01-07)")  # the order body comes first
    assert "Error" not in result.stderr and "Traceback" not in result.stderr


def test_an_error_is_one_line_even_with_line_breaks_in_names_and_messages(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "show", tmp_path / "two\nlines.txt")
    assert (code, out) == (2, "")
    # The break shown, never printed; the hint every refusal carries.
    assert err == (
        f"ajdiff: {tmp_path}/two\\nlines.txt: no such file (check the name and the folder; 'ajdiff help' shows what ajdiff reads)\n"
    )


def test_every_character_an_error_lines_patterns_escape_or_break_is_unprintable() -> None:
    """`one_line` and `display_name` leave a printable text as it is without their patterns: each character the
    patterns match (a control, a line separator, a format character) is one `str.isprintable` refuses."""
    from ajdiff import errors

    for pattern in (errors._BREAKS.removeprefix(r"\s*").removesuffix(r"+\s*"), errors._NAME_UNSAFE):
        matched = [chr(c) for c in range(0x110000) if re.fullmatch(pattern, chr(c))]
        assert len(matched) > 60 and not any(char.isprintable() for char in matched)


@given(
    st.lists(
        st.sampled_from(
            ["Error", "Exception", "BadZipFile", "LargeZipFile", "zip", "Pdf", "(", ")", ":", " ", "\n", "."]
        )
        | st.text(max_size=3),
        max_size=8,
    ).map("".join)
)
@example("too few arguments")
@example("PdfReadError: EOF marker not found ( )")
def test_an_error_line_without_class_names_is_the_patterns_own(text: str) -> None:
    """Where `_without_class_names` skips its patterns, they would have left the text as it is."""
    from ajdiff import errors

    cleaned = re.sub(errors._CLASS_NAME, "", text)
    expected = re.sub(r"[:\s]+$", "", re.sub(r"\(\s*\)", "", cleaned)).strip() or text
    assert errors._without_class_names(text) == expected


def test_diff_runs_without_the_cyclic_collector_and_gives_it_back(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is paused for the whole command (comparing and writing the report: a batch's objects
    are acyclic), and running again when the command returns; a caller that had paused it keeps it paused."""
    import gc

    from ajdiff.cli import diff

    seen: list[bool] = []
    json_report = diff.FORMATTERS["json"]

    def watched(result, args):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return json_report(result, args)

    monkeypatch.setitem(diff.FORMATTERS, "json", watched)
    assert gc.isenabled()
    code, out, _ = run(capsys, "diff", SEEDS["001"], FIXTURES / "000_2e8e5e7caea51be0.txt", "--format", "json")
    assert code == 1 and json.loads(out)["pairs"] and seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        run(capsys, "diff", SEEDS["001"], SEEDS["001"], "--format", "json")
        assert not gc.isenabled() and seen == [False, False]
    finally:
        gc.enable()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_the_installed_program_holds_a_comparison_to_its_exit_and_a_caller_of_main_does_not(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """The installed program leaves without freeing what it made (`console`): its comparison is held to the end
    (`hold_to_exit`), not freed object by object when the command returns; a library's or a test's call of `main`
    holds nothing."""
    from ajdiff.changes import ComparisonSet
    from ajdiff.cli import options

    args = ["diff", str(ANNEX_001), str(ORDER_000), "--new-annex", "2", "--format", fmt, "--quiet"]
    assert options.HELD is None
    assert main(args) in (0, 1)
    assert options.HELD is None
    monkeypatch.setattr(options, "HELD", [])
    assert main(args) in (0, 1)
    (held,) = options.HELD
    assert isinstance(held, ComparisonSet) and len(held.pairs) == 1
    capsys.readouterr()
