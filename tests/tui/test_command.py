"""The CLI side: `ajdiff tui` / `ajdiff demo` arguments, the lazy Textual import, a corrupt review file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ajdiff.cli import main
from ajdiff.tui.demo import DEMO_NEW, DEMO_OLD, demo_file

ROOT = Path(__file__).resolve().parents[2]
OLD = str(ROOT / "fixtures" / "001_f0f3c421c69f98c0.txt")
NEW = str(ROOT / "fixtures" / "000_2e8e5e7caea51be0.txt")


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list:
    """Apps the command would run, recorded instead of taking over the terminal."""
    from ajdiff.tui.app import ReviewApp

    apps: list = []
    monkeypatch.setattr(ReviewApp, "run", lambda self, *a, **k: apps.append(self))
    monkeypatch.setattr("ajdiff.cli.is_terminal", lambda stream: True)  # as if run in a terminal
    return apps


def test_importing_the_command_does_not_load_textual() -> None:
    code = "import ajdiff, ajdiff.cli, ajdiff.cli.tui, sys; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_demo_pair_is_shipped_in_the_package() -> None:
    assert demo_file(DEMO_OLD).read_bytes() == (ROOT / "fixtures" / DEMO_OLD).read_bytes()
    assert demo_file(DEMO_NEW).read_bytes() == (ROOT / "fixtures" / DEMO_NEW).read_bytes()


def test_help_of_both_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tui", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--review PATH" in out and "--old-annex" in out and "--lang" in out
    assert main(["demo", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--review PATH" in out and "--old-annex" not in out


def test_demo_opens_on_the_bundled_pair(launched: list, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["demo", "--lang", "en"]) == 0
    (app,) = launched
    assert app.lang == "en"
    assert app.session.review_path == tmp_path / "data" / "ajdiff" / "ajdiff-demo-review.json"
    (pair,) = app.session.result.pairs
    assert pair.new.annex == "2" and len(pair.substantive) == 7


def test_tui_takes_the_diff_selectors_and_a_review_path(launched: list, tmp_path: Path) -> None:
    review = tmp_path / "r.json"
    assert main(["tui", OLD, NEW, "--new-annex", "2", "--review", str(review)]) == 0
    (app,) = launched
    assert app.session.review_path == review and app.session.inputs == (OLD, NEW)
    assert not app.session.result.notes  # annex chosen explicitly: no best-match note


def test_tui_review_file_defaults_to_next_to_the_new_file(launched: list) -> None:
    assert main(["tui", OLD, NEW]) == 0
    assert launched[0].session.review_path == Path(NEW + ".ajdiff-review.json")


def test_corrupt_review_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ajdiff.cli.is_terminal", lambda stream: True)
    review = tmp_path / "r.json"
    review.write_text("{ not json", encoding="utf-8")
    assert main(["tui", OLD, NEW, "--new-annex", "2", "--review", str(review)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "review file is corrupt" in err[0]
    assert (tmp_path / "r.json.bak").exists()
