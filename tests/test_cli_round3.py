"""Issue 25, round three of the command line: annexes counted as numbers, streams in the old side's order,
--stat as git prints it, and the review counts (each case against the seeds and the external documents)."""

from __future__ import annotations

import io
import json
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from ajdiff.api import compare_files
from tests.conftest import FIXTURES, SEEDS, completion_env
from tests.test_cli_unix import ajdiff

EXTERNAL = FIXTURES / "external"


def test_annexes_of_one_file_are_compared_in_number_order() -> None:
    # Seed 003 holds its eleven annexes as the files were sorted as text: Lisa 10, 11, 1, 2 … 9.
    result = compare_files(SEEDS["000"], SEEDS["003"])
    created = [d.annex for d in result.unpaired_new]
    assert created == [str(k) for k in range(1, 12)]


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two folders: the same two posts on both sides, three more created in NEW, named lisa_3, lisa_10, lisa_11."""
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    for side in (old, new):
        shutil.copy(EXTERNAL / "aki_2025_4p_jurist.txt", side / "lisa_1.txt")
        shutil.copy(EXTERNAL / "ppa_2025_autojuht.txt", side / "lisa_2.txt")
    shutil.copy(EXTERNAL / "surju_vald_pearaamatupidaja.txt", new / "lisa_3.txt")
    shutil.copy(EXTERNAL / "syg_raamatukoguhoidja.txt", new / "lisa_10.txt")
    shutil.copy(EXTERNAL / "kehtna_pohikool_2017_klassijuhataja.txt", new / "lisa_11.txt")
    return old, new


def test_folder_files_are_taken_in_number_order(tmp_path: Path) -> None:
    old, new = _folders(tmp_path)
    result = ajdiff("diff", old, new, "--format", "json")
    created = [Path(d["source"]).name for d in json.loads(result.stdout)["unpaired_new"]]
    assert created == ["lisa_3.txt", "lisa_10.txt", "lisa_11.txt"]


def _two_folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two folders: a.txt an order and a single annex (changed), b.txt the same order on both sides."""
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    shutil.copy(SEEDS["000"], old / "a.txt")
    shutil.copy(SEEDS["003"], old / "b.txt")
    shutil.copy(SEEDS["001"], new / "a.txt")
    shutil.copy(SEEDS["003"], new / "b.txt")
    return old, new


def test_jsonl_pairs_come_in_the_old_sides_order(tmp_path: Path) -> None:
    old, new = _two_folders(tmp_path)
    result = ajdiff("diff", old, new, "--format", "jsonl", "--jobs", "2")
    pairs = [json.loads(line) for line in result.stdout.splitlines()]
    order = [(Path(p["old"]["source"]).name, int(p["old"]["annex"])) for p in pairs if p["type"] == "pair"]
    assert order == sorted(order)
    assert [annex for name, annex in order if name == "b.txt"] == list(range(1, 12))


def test_stat_lists_only_changed_pairs_and_names_the_files_of_folders(tmp_path: Path) -> None:
    old, new = _two_folders(tmp_path)
    lines = ajdiff("diff", old, new, "--stat", "--width", "100", "--lang", "et").stdout.splitlines()
    # b.txt is the same on both sides: its eleven pairs count in the total but get no line, as in git.
    assert len(lines) == 2
    assert lines[0].startswith(" a.txt: Lisa 2 → Ekspert (kriisivalmidus) | 7 ")
    assert lines[1].startswith(" 12 paari, 7 sisulist")


def test_stat_is_coloured_as_git_colours_it() -> None:
    hand = ("--pair", "1=1", "--pair", "4=2")
    out = ajdiff("diff", SEEDS["003"], SEEDS["000"], "--stat", *hand, "--color", "always").stdout
    first = out.splitlines()[0]
    assert "\x1b[32m+" in first and "\x1b[31m-" in first and "\x1b[33m~" in first


def test_stat_with_another_format_is_refused_not_ignored() -> None:
    result = ajdiff("diff", SEEDS["003"], SEEDS["000"], "--stat", "--format", "json", "--lang", "en")
    assert result.returncode == 2 and result.stdout == ""
    assert (
        result.stderr == "ajdiff: --stat: is for the text report only (every other format counts each pair already)\n"
    )


def test_the_pairing_note_is_all_in_estonian() -> None:
    # Seeds 000 → 003: four pairs turned down, each with its count of duties that match.
    result = ajdiff("diff", SEEDS["000"], SEEDS["003"], "--lang", "et", "--format", "json")
    note = next(n for n in json.loads(result.stdout)["notes"] if n.startswith("paari ei moodustatud"))
    assert "duties" not in note and " of " not in note
    assert "Lisa 1 · Talituse juhataja → Lisa 1 · Talituse juhataja (kattuvaid ülesandeid 2/12); " in note


def test_a_long_pairing_note_counts_the_rest_in_estonian() -> None:
    from ajdiff import i18n
    from ajdiff.api import not_paired_note

    turned_down = [("Lisa 1 · A", "Lisa 2 · B", 1, 9), ("Lisa 3 · C", "Lisa 4 · D", 0, 4), *[("x", "y", 0, 1)] * 7]
    with i18n.speaking("en"):
        assert not_paired_note(turned_down, shown=2) == (
            "not paired, too little in common: Lisa 1 · A → Lisa 2 · B (1 of 9 duties match); "
            "Lisa 3 · C → Lisa 4 · D (0 of 4 duties match) and 7 more; pair by hand with --pair OLD=NEW"
        )
    with i18n.speaking("et"):
        note = not_paired_note(turned_down, shown=2)
    assert note == (
        "paari ei moodustatud, liiga vähe ühist: Lisa 1 · A → Lisa 2 · B (kattuvaid ülesandeid 1/9); "
        "Lisa 3 · C → Lisa 4 · D (kattuvaid ülesandeid 0/4) ja veel 7; paari käsitsi: --pair VANA=UUS"
    )


def test_language_lines_say_voorkeele_once(tmp_path: Path) -> None:
    # Seed 001 asks for 'Vähemalt ühe võõrkeele oskus tasemel B1'; its next version asks for B2.
    new = tmp_path / "new.txt"
    text = SEEDS["001"].read_text(encoding="utf-8")
    assert "võõrkeele oskus tasemel B1" in text
    new.write_text(text.replace("võõrkeele oskus tasemel B1", "võõrkeele oskus tasemel B2"), encoding="utf-8")
    out = ajdiff("diff", SEEDS["001"], new, "--lang", "et").stdout
    lines = [line.strip() for line in out.splitlines() if "B1 → B2" in line]
    assert lines[-1] == "↑ Keeleoskus: Võõrkeele nõue tõstetud B1 → B2"
    assert all("Võõr keele" not in line for line in lines)
    english = ajdiff("diff", SEEDS["001"], new, "--lang", "en").stdout
    assert "↑ Languages: Foreign language requirement raised B1 → B2" in english


def test_the_version_has_one_source_and_a_changelog_entry() -> None:
    import importlib.metadata
    import re

    import tomllib

    import ajdiff as package

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "ajdiff.__version__"}
    assert ajdiff("--version").stdout == f"ajdiff {package.__version__}\n"
    assert importlib.metadata.version("ajdiff") == package.__version__
    assert re.fullmatch(r"\d+\.\d+\.\d+", package.__version__) and package.__version__ != "0.1.0"
    # Keep a Changelog: an Unreleased section, then the releases newest first, the current one among them.
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert changelog.index("## [Unreleased]") < changelog.index(f"## [{released[0]}]")
    assert released[0] == package.__version__
    assert released == sorted(released, key=lambda v: tuple(map(int, v.split("."))), reverse=True)
    assert {"0.2.0", "0.3.0"} <= set(released)


_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def _report(*args: str | Path, width: int, color: str) -> str:
    """The report as the user's terminal shows it, escape codes kept."""
    from ajdiff.cli import main

    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        main(["diff", *map(str, args), "--width", str(width), "--color", color, "--no-pager"])
    return out.getvalue()


@pytest.mark.parametrize("width", [50, 60, 80])
def test_the_coloured_report_is_wrapped_like_the_plain_one(width: int) -> None:
    # Seed 001 against Lisa 2 of seed 000: word diffs inside long duties and requirements.
    args = (SEEDS["001"], SEEDS["000"], "--new-annex", "2")
    coloured = _report(*args, width=width, color="always")
    visible = _ESCAPE.sub("", coloured).splitlines()
    assert max(len(line) for line in visible) <= width
    assert len(visible) > 20 and "\x1b[31m" in coloured
    # Nothing lost: the same characters as the report unwrapped (a path longer than a line is cut in it).
    whole = _ESCAPE.sub("", _report(*args, width=10_000, color="always"))
    assert "".join("".join(visible).split()) == "".join(whole.split())
    # Every line closes its colours, so none runs into the next line's indent.
    assert all(_ESCAPE.findall(line)[-1:] in ([], ["\x1b[0m"]) for line in coloured.splitlines())


def test_no_line_ends_in_a_dangling_annex_label() -> None:
    args = (SEEDS["003"], SEEDS["000"], "--pair", "1=1", "--pair", "4=2")
    for width in range(40, 101, 3):
        lines = _report(*args, width=width, color="never").splitlines()
        assert max(len(line) for line in lines) <= width, width
        assert not any(re.search(r"Lisa \S+( ·)?$", line) for line in lines), width


def test_redline_says_how_many_review_marks_match(tmp_path: Path) -> None:
    from ajdiff.review import REVIEW_FORMAT

    pair = compare_files(SEEDS["001"], SEEDS["000"], new_annex="2").pairs[0]
    other = compare_files(SEEDS["003"], SEEDS["000"], old_annex="1", new_annex="1").pairs[0]
    duty = next(c for c in pair.changes if c.path == "duties.2.12")
    foreign = [{"pair": other.key, "change": c.key, "mark": "approved", "comment": None} for c in other.changes[:3]]
    review = tmp_path / "review.json"
    argv = ("redline", SEEDS["001"], SEEDS["000"], "--new-annex", "2", "--review", review, "--force")

    review.write_text(json.dumps({"format": REVIEW_FORMAT, "author": None, "entries": foreign}))
    result = ajdiff(*argv, "-o", tmp_path / "a.docx", "--lang", "en")
    assert result.returncode == 0
    assert f"ajdiff: {review}: warning: 0 of 3 marks match a change of this comparison" in result.stderr

    mine = {"pair": pair.key, "change": duty.key, "mark": "questioned", "comment": "Miks?"}
    review.write_text(json.dumps({"format": REVIEW_FORMAT, "author": None, "entries": [mine, *foreign[:2]]}))
    result = ajdiff(*argv, "-o", tmp_path / "b.docx", "--lang", "et")
    assert "hoiatus: selle võrdluse muudatustega sobib märkeid 1/3; ülejäänud jäetakse välja" in result.stderr

    review.write_text(json.dumps({"format": REVIEW_FORMAT, "author": None, "entries": [mine]}))
    assert "märkeid" not in ajdiff(*argv, "-o", tmp_path / "c.docx", "--lang", "et").stderr


def test_help_of_help_is_the_help() -> None:
    result = ajdiff("help", "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage: ajdiff ") and result.stderr == ""


def test_an_unknown_option_is_named_with_the_nearest_one() -> None:
    result = ajdiff("diff", "--formt", "json", SEEDS["001"], SEEDS["000"], "--lang", "en")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "ajdiff: --formt: unknown option of diff (did you mean --format? see ajdiff diff --help)\n"
    estonian = ajdiff("show", SEEDS["001"], "--frmat", "json", "--lang", "et").stderr
    assert estonian == "ajdiff: --frmat: tundmatu võti käsule show (kas mõtlesid --format? vaata ajdiff show --help)\n"


def test_an_argument_too_many_is_named() -> None:
    result = ajdiff("diff", SEEDS["001"], SEEDS["000"], "extra.txt", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == "ajdiff: extra.txt: one argument too many (see ajdiff diff --help)\n"


def test_tui_refuses_standard_input_for_the_right_reason() -> None:
    result = ajdiff("tui", "-", SEEDS["000"], "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == (
        "ajdiff: -: the UI reads its keys from standard input, so no document can come from it "
        "(save it to a file and give its name)\n"
    )


def test_the_man_page_has_exit_status_environment_and_files() -> None:
    page = (Path(__file__).resolve().parent.parent / "man" / "ajdiff.1").read_text(encoding="utf-8")
    headings = re.findall(r"^\.SH (.+)$", page, re.M)
    assert headings[-3:] == ["EXIT STATUS", "ENVIRONMENT", "FILES"]
    status = page.split(".SH EXIT STATUS", 1)[1].split(".SH", 1)[0]
    assert re.findall(r"^\.TP\n(\d)$", status, re.M) == ["0", "1", "2"]
    environment = page.split(".SH ENVIRONMENT", 1)[1].split(".SH", 1)[0]
    for name in ("NO_COLOR", "PAGER", "AJDIFF_PAGER", "COLUMNS", "LANG"):
        assert name in environment
    assert "ajdiff-review.json" in page.split(".SH FILES", 1)[1]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"ajdiff diff {SEEDS['003']} {SEEDS['000']} --old-annex ", [str(k) for k in range(1, 12)]),
        (f"ajdiff diff {SEEDS['003']} {SEEDS['000']} --new-annex ", [str(k) for k in range(1, 8)]),
        (f"ajdiff show {SEEDS['003']} --annex 1", ["1", "10", "11"]),
    ],
)
def test_annex_options_complete_annex_numbers(tmp_path: Path, line: str, expected: list[str]) -> None:
    answer = tmp_path / "answer"
    env = completion_env(line, answer)
    ajdiff(env=env)
    assert sorted(answer.read_text().split(), key=int) == expected


@pytest.mark.parametrize("command", ["redline", "tui", "demo"])
def test_each_command_is_described_in_sentences_with_examples(command: str) -> None:
    text = ajdiff(command, "--help").stdout
    description = text.split("\n\n")[1]
    assert description.endswith(".") and len(description.split(". ")) >= 2, description
    examples = text.split("\nexamples:\n", 1)[1].splitlines()
    assert len(examples) >= 2 and all(line.startswith(f"  ajdiff {command}") or "ajdiff " in line for line in examples)
    assert any(line.startswith(f"  ajdiff {command}") for line in examples)


def test_symbol_font_bullets_become_the_characters_they_draw() -> None:
    from ajdiff.text import normalize_line

    # Seed 001 holds Wingdings' U+F0A7 bullets as its PDF and Word export gave them.
    raw = next(line for line in SEEDS["001"].read_text(encoding="utf-8").splitlines() if "\uf0a7" in line)
    line = normalize_line(raw)
    assert "\uf0a7" not in line and "▪" in line
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in normalize_line("\uf0b7 a \uf0d8 b \uf0fc c"))


def test_tui_refuses_a_review_file_in_a_missing_folder_before_it_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ajdiff.cli import build_parser
    from ajdiff.cli.tui import run
    from ajdiff.errors import OutputError
    from ajdiff.tui.app import ReviewApp

    def opened(self: ReviewApp) -> None:
        raise AssertionError("the UI opened with a review file it cannot save")

    monkeypatch.setattr(ReviewApp, "run", opened)

    review = tmp_path / "no-such-folder" / "marks.json"
    args = build_parser().parse_args(["tui", str(SEEDS["001"]), str(SEEDS["000"]), "--new-annex", "2"])
    args.review = str(review)
    with pytest.raises(OutputError) as caught:
        run(args)
    assert caught.value.source == str(review)
    assert caught.value.problem == f"folder {review.parent} does not exist"
    assert not review.parent.exists()


def test_the_reviewers_name_is_stored_and_authors_the_comments(tmp_path: Path) -> None:
    from ajdiff.cli import build_parser
    from ajdiff.review import Mark, load_review
    from ajdiff.tui.app import ReviewApp

    args = build_parser().parse_args(["tui", str(SEEDS["001"]), str(SEEDS["000"]), "--author", "Mari Maasikas"])
    assert args.author == "Mari Maasikas"
    assert build_parser().parse_args(["demo", "--author", "Mari"]).author == "Mari"
    result = compare_files(SEEDS["001"], SEEDS["000"], new_annex="2")
    review = tmp_path / "marks.json"
    app = ReviewApp(result, review, "et", author="Mari Maasikas")
    first = app.session.order()[0]
    app.session.toggle_mark(first, Mark.APPROVED)
    stored = json.loads(review.read_text(encoding="utf-8"))
    assert stored["author"] == "Mari Maasikas"
    assert load_review(review).author == "Mari Maasikas"


def test_the_ui_refuses_to_draw_into_a_redirected_standard_error() -> None:
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    process = subprocess.run(
        [sys.executable, "-m", "ajdiff", "demo", "--lang", "en"],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**os.environ, "TERM": "xterm"},
        timeout=60,
        text=True,
    )
    os.close(follower)
    os.close(leader)
    assert process.returncode == 2
    assert process.stderr == "ajdiff: demo: draws on standard error, which is redirected (run it without 2>)\n"
