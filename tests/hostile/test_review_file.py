"""The review file: a bad one is refused with a clear line, kept as .bak, and no mark is silently lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ajdiff.atomic
from ajdiff.changes import Change, Comparison
from ajdiff.cli import main
from ajdiff.compare.document import compare
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

    monkeypatch.setattr(ajdiff.atomic.os, "fsync", full_disk)
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


# ------------------------------------------------------------------ issue 16 (8): review files from the wild


def _redline_comments(tmp_path: Path, review_text: bytes) -> tuple[int, str, str]:
    """Run the redline of 001 -> 000 with a review file; exit status, stderr, and the text of word/comments.xml."""
    import zipfile

    review = tmp_path / "r.json"
    review.write_bytes(review_text)
    out = tmp_path / "redline.docx"
    code = main(["redline", str(SEEDS["001"]), str(SEEDS["000"]), "-o", str(out), "--review", str(review)])
    if not out.exists():
        return code, "", ""
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        comments = zf.read("word/comments.xml").decode() if "word/comments.xml" in names else ""
    return code, out.name, comments


def _real_review_json() -> dict:
    """A review of real changes of 001 -> 000 (the pair the redline compares), as the file's JSON."""
    from ajdiff.api import compare_files

    result = compare_files(SEEDS["001"], SEEDS["000"])
    pair = next(p for p in result.pairs if p.changes)
    review = Review(author="Mari").updated(pair, pair.changes[0], mark=Mark.QUESTIONED, comment="Miks?")
    return json.loads(review_json(review))


def test_control_characters_and_lone_surrogates_become_replacement_characters(tmp_path: Path, capsys) -> None:
    """A comment or author with BEL, ESC or a lone surrogate gave "internal error" and no redline."""
    data = _real_review_json()
    data["author"] = "Ma\u0007ri"
    data["entries"][0]["comment"] = "Miks\u001b[2J?\nTeine rida \ud800."
    text = json.dumps(data).encode()  # ensure_ascii: the surrogate travels as the escape \\ud800, as in the wild
    code, name, comments = _redline_comments(tmp_path, text)
    assert (code, name) in ((0, "redline.docx"), (1, "redline.docx")), capsys.readouterr().err
    assert "Miks\ufffd[2J?" in comments and "Teine rida \ufffd." in comments
    assert 'w:author="Ma\ufffdri"' in comments
    loaded = load_review(tmp_path / "r.json")
    assert loaded.author == "Ma\ufffdri"
    assert loaded.entries[0].comment == "Miks\ufffd[2J?\nTeine rida \ufffd."


def test_an_integer_of_thousands_of_digits_is_no_internal_error(tmp_path: Path) -> None:
    """Python refuses to convert 4,300+ digits; the file is still read (the number stays text)."""
    data = _real_review_json()
    data["entries"][0]["updated"] = 7
    text = json.dumps(data).replace('"updated": 7', '"updated": ' + "9" * 5000).encode()
    path = tmp_path / "r.json"
    path.write_bytes(text)
    review = load_review(path)
    assert review.entries[0].updated == "9" * 5000 and review.entries[0].comment == "Miks?"


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    """Notepad saves UTF-8 with a BOM: the same review, not a "corrupt" file."""
    text = json.dumps(_real_review_json()).encode()
    plain, bom = tmp_path / "plain.json", tmp_path / "bom.json"
    plain.write_bytes(text)
    bom.write_bytes(b"\xef\xbb\xbf" + text)
    assert load_review(bom) == load_review(plain)
    assert not (tmp_path / "bom.json.bak").exists()


def test_a_huge_review_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """100 MB cost ~600 MB of memory; anything over the limit is refused in one line, untouched."""
    from ajdiff.review import MAX_REVIEW_BYTES

    path = tmp_path / "r.json"
    with path.open("wb") as fh:
        fh.write(b'{"format": "ajdiff-review/1", "entries": [], "pad": "')
        fh.truncate(MAX_REVIEW_BYTES + 1)  # a sparse file: no disk, no memory
    with pytest.raises(ReviewError) as info:
        load_review(path)
    assert info.value.line() == (
        f"ajdiff: {path}: review file is larger than 10 MiB (move it away to start a new review)"
    )
    assert path.stat().st_size == MAX_REVIEW_BYTES + 1 and not (tmp_path / "r.json.bak").exists()
