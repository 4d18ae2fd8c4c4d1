"""Reading a file's bytes: a small regular file is read in one call, and the bounds hold as before."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ajdiff.errors import InputError
from ajdiff.read.formats import _HEAD_BYTES, _read_bounded, read_input


class _CountingReader(io.BytesIO):
    """A stream that remembers the size of every read asked of it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def read(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        self.asked.append(-1 if size is None else size)
        return super().read(size)


def test_a_small_regular_file_is_read_in_one_call_without_asking_for_max_bytes() -> None:
    data = "Ametijuhend\nTeenistuskoht: nõunik\n".encode()
    fh = _CountingReader(data)
    assert _read_bounded(fh, "a.txt", ".txt", 50 * 2**20, "file") == data
    assert fh.asked == [_HEAD_BYTES]  # no second read, whose buffer would be max_bytes


def test_a_stream_that_gave_less_is_still_read_to_its_end() -> None:
    """A pipe or a terminal may give less than asked before its end: it is read again, as it always was."""
    fh = _CountingReader(b"abc")
    assert _read_bounded(fh, "-", "", 1000, "stream") == b"abc"
    assert len(fh.asked) == 2


@pytest.mark.parametrize("size", [_HEAD_BYTES - 1, _HEAD_BYTES, _HEAD_BYTES + 1, 3 * _HEAD_BYTES])
def test_a_regular_file_of_any_size_reads_whole(tmp_path: Path, size: int) -> None:
    data = (b"rida\n" * (size // 5 + 1))[:size]
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_input(path)[0] == data


@pytest.mark.parametrize("size", [99, 100, 101, _HEAD_BYTES + 5])
def test_the_size_bound_holds_for_a_file_that_fills_its_first_read(size: int) -> None:
    data = b"x" * size
    limit = 100
    if size > limit:
        with pytest.raises(InputError, match="larger than"):
            _read_bounded(_CountingReader(data), "a.txt", ".txt", limit, "file")
    else:
        assert _read_bounded(_CountingReader(data), "a.txt", ".txt", limit, "file") == data


def test_a_folder_is_told_by_the_file_opened_without_a_stat_of_its_name_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder is named for what it is, and a file is read without asking its name whether it is a folder first
    (one call less for each of a batch's thousands of files): the open file's own status tells."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"Ametijuhend\n")

    def refused(self: Path) -> bool:
        raise AssertionError(f"is_dir asked of {self}")

    monkeypatch.setattr(Path, "is_dir", refused)
    assert read_input(path)[0] == b"Ametijuhend\n"
    with pytest.raises(InputError, match="is a folder"):
        read_input(tmp_path)


def test_a_regular_file_is_read_by_its_descriptor_as_a_buffered_file_reads_it(tmp_path: Path) -> None:
    """`_FileReads` gives what was asked, fewer bytes only at the file's end, and nothing after it."""
    import os

    from ajdiff.read.formats import _FileReads

    path = tmp_path / "a.txt"
    path.write_bytes(b"0123456789")
    fd = os.open(path, os.O_RDONLY)
    try:
        reads = _FileReads(fd)
        assert reads.read(4) == b"0123"
        assert reads.read(100) == b"456789"
        assert reads.read(100) == b""
    finally:
        os.close(fd)


def test_a_named_pipe_is_still_read_through_a_buffered_file(tmp_path: Path) -> None:
    """A pipe (not a regular file) is read to its end as before."""
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    data = b"Ametijuhend\n" * 1000  # less than a pipe holds: written whole before it is read
    keep = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that the writer opens at once
    try:
        writer = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.write(writer, data)
        os.close(writer)
        assert read_input(path)[0] == data
    finally:
        os.close(keep)
