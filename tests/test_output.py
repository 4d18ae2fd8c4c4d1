"""Safe output: never an input overwritten, never an existing file without --force, never half a file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

import ajdiff.atomic
from ajdiff.atomic import atomic_write, check_output_path
from ajdiff.cli import main
from ajdiff.errors import OutputError
from tests.conftest import SEEDS

OLD, NEW = SEEDS["001"], SEEDS["000"]


def leftovers(folder: Path) -> list[str]:
    """Temp files atomic_write would leave behind after a failure."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------------------ atomic_write itself


def test_writes_text_and_bytes(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.md", "õun\n")
    atomic_write(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "õun\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert leftovers(tmp_path) == []


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    with pytest.raises(OutputError, match=r"already exists.*--force"):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    atomic_write(target, "new", force=True)
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == []


def test_an_input_is_never_overwritten_even_with_force(tmp_path: Path) -> None:
    source = tmp_path / "order.txt"
    source.write_text("KINNITATUD")
    for path in (source, tmp_path / "." / "order.txt"):
        with pytest.raises(OutputError, match="is an input file"):
            atomic_write(path, "x", inputs=[str(source)], force=True)
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    with pytest.raises(OutputError, match="is an input file"):
        atomic_write(link, "x", inputs=[str(source)], force=True)
    hard = tmp_path / "hard.txt"
    os.link(source, hard)
    with pytest.raises(OutputError, match="is an input file"):
        atomic_write(hard, "x", inputs=[str(source)], force=True)
    assert source.read_text() == "KINNITATUD"


def test_folder_and_missing_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        check_output_path(tmp_path)
    with pytest.raises(OutputError, match="does not exist"):
        check_output_path(tmp_path / "nowhere" / "x.json")


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_mid_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure) -> None:
    real_fsync = os.fsync

    def broken_fsync(fd: int) -> None:
        real_fsync(fd)
        raise failure

    monkeypatch.setattr(ajdiff.atomic.os, "fsync", broken_fsync)
    target = tmp_path / "out.json"
    with pytest.raises(OutputError if isinstance(failure, OSError) else KeyboardInterrupt):
        atomic_write(target, "{}")
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_failure_mid_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "review.json"
    target.write_text("previous")

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(ajdiff.atomic.os, "replace", broken_replace)
    with pytest.raises(OutputError, match="cannot write: Input/output error"):
        atomic_write(target, "next", force=True)
    assert target.read_text() == "previous"
    assert leftovers(tmp_path) == []


def test_a_file_that_appears_meanwhile_is_not_clobbered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    real_check = ajdiff.atomic.check_output_path

    def check_then_race(*args: object, **kwargs: object) -> Path:
        path = real_check(*args, **kwargs)  # type: ignore[arg-type]
        target.write_text("someone else's")
        return path

    monkeypatch.setattr(ajdiff.atomic, "check_output_path", check_then_race)
    with pytest.raises(OutputError, match="already exists"):
        atomic_write(target, "mine")
    assert target.read_text() == "someone else's"
    assert leftovers(tmp_path) == []


def test_one_fsync_a_write_the_file_before_its_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bytes are on the disk before the name points at them (never half a file, even after a power cut);
    the folder is not synced after the rename (a wait of 4-12 ms that keeps nothing whole that was not)."""
    target = tmp_path / "out.json"
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync " + ("file" if stat.S_ISREG(os.fstat(fd).st_mode) else "folder"))
        real_fsync(fd)

    def replace(src: str, dst: object) -> None:
        events.append("rename")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(ajdiff.atomic.os, "fsync", fsync)
    monkeypatch.setattr(ajdiff.atomic.os, "replace", replace)
    atomic_write(target, "{}", force=True)
    assert events == ["fsync file", "rename"]
    assert target.read_text() == "{}"


def test_new_file_gets_the_usual_mode_and_a_replaced_file_keeps_its_own(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        fresh = atomic_write(tmp_path / "fresh.md", "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's 0600
        kept = tmp_path / "kept.md"
        kept.write_text("old")
        kept.chmod(0o600)
        atomic_write(kept, "new", force=True)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    finally:
        os.umask(umask)


def test_a_write_gives_the_terminating_signals_back_as_it_found_them(tmp_path: Path) -> None:
    """During a write SIGTERM and SIGHUP unwind it (through signal's C module); after it, the default action and a
    host program's own handler are where they were."""
    import signal

    def host(signum: int, frame: object) -> None:
        raise AssertionError("not sent")

    before = signal.signal(signal.SIGHUP, host)
    try:
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
        atomic_write(tmp_path / "out.md", "x")
        assert signal.getsignal(signal.SIGHUP) is host
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the enum member, as `signal` gives it
    finally:
        signal.signal(signal.SIGHUP, before)


# ------------------------------------------------------------------ through the command line


@pytest.mark.parametrize(
    "argv",
    [
        ["diff", str(OLD), str(NEW), "--new-annex", "2", "--format", "json"],
        ["diff", str(OLD), str(NEW), "--new-annex", "2", "--format", "markdown"],
        ["diff", str(OLD), str(NEW), "--new-annex", "2"],
        ["show", str(NEW), "--format", "json"],
    ],
)
def test_cli_writes_reports_atomically_and_respects_force(tmp_path: Path, capsys, argv: list[str]) -> None:
    target = tmp_path / "report"
    code = main([*argv, "-o", str(target)])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert out == "" and err == ""
    written = target.read_text(encoding="utf-8")
    if "json" in argv:
        assert json.loads(written)["format"] == "ajdiff/1"
    assert "\x1b[" not in written  # no colour codes in a file
    # A second run keeps the file, says why, exits 2.
    target.write_text("keep me")
    assert main([*argv, "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"ajdiff: {target}: already exists (use --force to overwrite it)\n"
    assert target.read_text() == "keep me"
    assert main([*argv, "-o", str(target), "--force"]) in (0, 1)
    assert target.read_text(encoding="utf-8") == written
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", ["show", "diff"])
def test_cli_refuses_an_input_as_output(tmp_path: Path, capsys, command: str) -> None:
    source = tmp_path / "001.txt"
    source.write_bytes(OLD.read_bytes())
    argv = ["show", str(source)] if command == "show" else ["diff", str(NEW), str(source)]
    assert main([*argv, "-o", str(source), "--force"]) == 2
    assert capsys.readouterr().err == (
        f"ajdiff: {source}: is an input file; refusing to overwrite it (choose another -o path)\n"
    )
    assert source.read_bytes() == OLD.read_bytes()


def test_cli_failure_mid_export_leaves_nothing(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ajdiff.atomic.os, "fsync", broken_fsync)
    target = tmp_path / "diff.json"
    assert main(["diff", str(OLD), str(NEW), "--new-annex", "2", "--format", "json", "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"ajdiff: {target}: cannot write: No space left on device (check the folder's free space and permissions)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_cli_failure_while_rendering_leaves_nothing(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import ajdiff.render.markdown

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(ajdiff.render.markdown, "diff_markdown", broken)
    target = tmp_path / "diff.md"
    assert main(["diff", str(OLD), str(NEW), "--new-annex", "2", "--format", "markdown", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ajdiff: internal error: RuntimeError: renderer bug") and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_output_is_refused_before_the_work(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import ajdiff.api

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("compared although the output could not be written")

    monkeypatch.setattr(ajdiff.api, "compare_files", never)
    target = tmp_path / "exists.json"
    target.write_text("x")
    assert main(["diff", str(OLD), str(NEW), "-o", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err


# ------------------------------------------------------------------ the redline export (ajdiff.redline)


def test_redline_refuses_an_input_and_keeps_an_existing_file(tmp_path: Path, capsys) -> None:
    new = tmp_path / "new.docx"
    new.write_bytes((OLD.parent / "000_2e8e5e7caea51be0.docx").read_bytes())
    before = new.read_bytes()
    assert main(["redline", str(OLD), str(new), "-o", str(new), "--force"]) == 2
    assert (
        capsys.readouterr().err
        == f"ajdiff: {new}: is an input file; refusing to overwrite it (choose another -o path)\n"
    )
    assert new.read_bytes() == before
    target = tmp_path / "redline.docx"
    target.write_bytes(b"previous")
    assert main(["redline", str(OLD), str(new), "-o", str(target)]) == 2
    assert "already exists (use --force to overwrite it)" in capsys.readouterr().err
    assert target.read_bytes() == b"previous"
    assert main(["redline", str(OLD), str(new), "-o", str(target), "--force"]) == 0  # written: success
    assert target.read_bytes().startswith(b"PK")
    assert leftovers(tmp_path) == []


def test_redline_failure_mid_export_leaves_nothing(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ajdiff.atomic.os, "fsync", broken_fsync)
    target = tmp_path / "redline.docx"
    assert main(["redline", str(OLD), str(NEW), "--new-annex", "2", "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"ajdiff: {target}: cannot write: No space left on device (check the folder's free space and permissions)\n"
    )
    assert list(tmp_path.iterdir()) == []
