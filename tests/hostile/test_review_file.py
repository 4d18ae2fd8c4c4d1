"""The review file: a bad one is refused with a clear line, kept as .bak, and no mark is silently lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ajdiff.output
from ajdiff.changes import Change, Comparison
from ajdiff.cli import main
from ajdiff.compare import compare
from ajdiff.errors import OutputError
from ajdiff.review import REVIEW_FORMAT, Mark, Review, ReviewError, load_review, review_json, save_review
from tests.conftest import SEEDS, seed_doc


@pytest.fixture(scope="module")
def reviewed() -> Review:
    """A review with a mark and a comment on two real changes (001 -> 000 Lisa 2)."""
    pair = compare(seed_doc("001"), seed_doc("000", "2"))
    first, second = pair.changes[:2]
    return pair_review(pair, first, second)


def pair_review(pair: Comparison, first: Change, second: Change) -> Review:
    """Mark one change approved and question another with a comment."""
    review = Review(author="Mari").updated(pair, first, mark=Mark.APPROVED)
    return review.updated(pair, second, mark=Mark.QUESTIONED, comment="Miks?\nTeine rida.")


def test_round_trip_keeps_every_mark(tmp_path: Path, reviewed: Review) -> None:
    path = tmp_path / "r.json"
    save_review(path, reviewed)
    assert load_review(path) == reviewed
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == REVIEW_FORMAT


def test_missing_file_is_an_empty_review(tmp_path: Path) -> None:
    assert load_review(tmp_path / "none.json") == Review()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"format": "ajdiff-review/1", "entries": [', "review file is corrupt (not valid JSON: Expecting value at line 1 column 43)"),
        (b"\xff\xfe\x00garbage", "review file is corrupt (not UTF-8 text)"),
        (b"", "review file is corrupt (not valid JSON: Expecting value at line 1 column 1)"),
        (b"[" * 100_000 + b"]" * 100_000, "review file is corrupt (nested too deeply)"),
        (b'{"format": "ajdiff-review/2", "entries": []}', "unknown review file version 'ajdiff-review/2'"),
        (b'{"entries": []}', "unknown review file version None"),
        (b"[1, 2]", "unknown review file version 'list'"),
        (b'{"format": "ajdiff-review/1", "entries": {"a": 1}}', "review file has a bad entry (entries is not a list)"),
        (b'{"format": "ajdiff-review/1", "entries": [7]}', "review file has a bad entry (entry is a int"),
        (b'{"format": "ajdiff-review/1", "entries": [{"pair": "p"}]}', "review file has a bad entry (an entry has no 'change')"),
        (
            b'{"format": "ajdiff-review/1", "entries": [{"pair": "p", "change": "c", "mark": "rejected"}]}',
            "review file has a bad entry ('rejected' is not a valid Mark)",
        ),
        (
            b'{"format": "ajdiff-review/1", "entries": [{"pair": "p", "change": "c", "comment": 5}]}',
            "review file has a bad entry (comment is not text)",
        ),
    ],
)  # fmt: skip
def test_bad_file_is_refused_and_kept(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "new.docx.ajdiff-review.json"
    path.write_bytes(content)
    with pytest.raises(ReviewError) as info:
        load_review(path, keep_backup=True)  # as the UI, which owns the file, reads it
    line = info.value.line()
    assert line.startswith(f"ajdiff: {path}: {problem}"), line
    assert "a copy is kept as new.docx.ajdiff-review.json.bak" in line
    assert "\n" not in line
    assert path.read_bytes() == content  # the original is never replaced
    assert (tmp_path / (path.name + ".bak")).read_bytes() == content


def test_an_older_backup_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("{first")
    with pytest.raises(ReviewError, match=r"r\.json\.bak\b"):
        load_review(path, keep_backup=True)
    with pytest.raises(ReviewError, match=r"r\.json\.bak\b"):  # the same bad file again: the same copy
        load_review(path, keep_backup=True)
    path.write_text("{second")
    with pytest.raises(ReviewError, match=r"r\.json\.bak\.1"):
        load_review(path, keep_backup=True)
    assert (tmp_path / "r.json.bak").read_text() == "{first"
    assert (tmp_path / "r.json.bak.1").read_text() == "{second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json", "r.json.bak", "r.json.bak.1"]


def test_a_failed_save_keeps_the_previous_review(
    tmp_path: Path, reviewed: Review, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.json"
    save_review(path, reviewed)
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ajdiff.output.os, "fsync", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        save_review(path, Review())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_a_review_never_overwrites_an_input(tmp_path: Path, reviewed: Review) -> None:
    source = tmp_path / "new.txt"
    source.write_text("KINNITATUD")
    with pytest.raises(OutputError, match="is an input file"):
        save_review(source, reviewed, inputs=[str(source)])
    assert source.read_text() == "KINNITATUD"


def test_review_json_is_what_is_saved(tmp_path: Path, reviewed: Review) -> None:
    path = tmp_path / "r.json"
    save_review(path, reviewed)
    assert path.read_text(encoding="utf-8") == review_json(reviewed)


def test_unreadable_file_is_a_clear_error_without_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.json"
    path.write_text("{}")
    real_read = Path.read_bytes

    def denied(self: Path) -> bytes:
        # chmod 0 does not stop root (CI runs as root), so the permission error is simulated.
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(ReviewError, match="cannot read the review file: Permission denied"):
        load_review(path)
    assert not (tmp_path / "r.json.bak").exists()


def test_redline_with_a_corrupt_review_exits_2_with_one_line(tmp_path: Path, capsys) -> None:
    review = tmp_path / "r.json"
    review.write_text('{"format": "ajdiff-review/1", "entries": [{"pair": "p", "change": "c", "mark": "??"}]}')
    out = tmp_path / "redline.docx"
    code = main(["redline", str(SEEDS["001"]), str(SEEDS["000"]), "-o", str(out), "--review", str(review)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"ajdiff: {review}: review file has a bad entry (")
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # reading never writes: no .bak
