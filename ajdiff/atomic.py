"""Safe output: atomic writes that never touch an input and never leave half a file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile  # its mkstemp, not a copy: the security of a temporary name is its job
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from ajdiff.errors import OutputError
from ajdiff.i18n import _

TYPE_CHECKING = False  # as typing's, without importing typing (2 ms a start); type checkers know the name
if TYPE_CHECKING:
    import signal
else:  # its C module, which `signal` wraps one for one but for the three enums it builds at import (0.7 % of a redline)
    try:
        import _signal as signal
    except ImportError:  # an interpreter other than CPython may not have it
        import signal


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.resolve().samefile(b.resolve())
    except OSError:
        return False


def _is_stdin(out: Path) -> bool:
    """Whether out is the very file standard input reads (`-o n2.txt < n2.txt`)."""
    try:
        here, there = os.fstat(0), out.stat()
    except (OSError, ValueError):
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def check_output_path(path: str | Path, *, inputs: Sequence[str | Path] = (), force: bool = False) -> Path:
    """Refuse an output path that is an input, a folder, or (without force) an existing file."""
    if not str(path):
        raise OutputError("-o", _("the output name is empty"), _("give a file name, or '-' for standard output"))
    try:
        return _check_output_path(Path(path), inputs, force)
    except OSError as exc:  # a name too long for the file system, a folder that cannot be searched
        raise OutputError(
            str(path),
            _("cannot write: {0}").format(exc.strerror or exc),
            _("check the folder's free space and permissions"),
        ) from None


def _check_output_path(out: Path, inputs: Sequence[str | Path], force: bool) -> Path:
    path = str(out)
    for name in inputs:
        if str(name) == "-" and _is_stdin(out):
            raise OutputError(
                str(path), _("is the standard input being read; refusing to overwrite it"), _("choose another -o path")
            )
        if str(name) != "-" and _same_file(out, Path(name)):
            # Even with --force: overwriting the document being compared destroys the evidence.
            raise OutputError(str(path), _("is an input file; refusing to overwrite it"), _("choose another -o path"))
    try:
        mode = out.lstat().st_mode
    except OSError:
        mode = None
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
        # Renaming over a device node or a FIFO would replace it (as root, /dev/null) with a regular file.
        kind = _("a named pipe") if stat.S_ISFIFO(mode) else _("a socket") if stat.S_ISSOCK(mode) else _("a device")
        raise OutputError(
            str(path),
            _("is {0}, not a regular file; refusing to replace it").format(kind),
            _("write with > instead of -o"),
        )
    if out.is_dir():
        raise OutputError(str(path), _("is a folder"), _("give a file name"))
    if (out.exists() or out.is_symlink()) and not force:
        raise OutputError(str(path), _("already exists"), _("use --force to overwrite it"))
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(
            str(path),
            _("folder {0} does not exist").format(parent),
            _("create the folder first, or choose another -o path"),
        )
    return out


def _new_file_mode(out: Path) -> int:
    """The mode the file would get from open(): the old file's when replacing one, else 0666 minus umask."""
    try:
        return stat.S_IMODE(out.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(
    path: str | Path, data: bytes | str, *, inputs: Sequence[str | Path] = (), force: bool = False
) -> Path:
    """Write data to a temp file in the same folder, then rename it over the target.

    A reader of the target sees the old file or the whole new one, never a part; a failure (a
    full disk, an interrupt) leaves the target as it was and no temp file behind. Without
    force, the final step is a hard link, which fails rather than replace a file that
    appeared meanwhile. The temp file's bytes are on the disk (fsync) before the rename, so
    after a crash or a power cut the target is the old file or the whole new one too. The
    folder is not synced after the rename: that would only make the rename itself survive a
    power cut that follows at once, and its wait (4-12 ms) was a tenth of `ajdiff redline`.
    """
    out = check_output_path(path, inputs=inputs, force=force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    parent = out.parent if str(out.parent) else Path(".")
    mode = _new_file_mode(out)
    with _unwind_on_termination():
        _write_and_move(path, out, payload, parent, mode, force)
    return out


class _Terminated(BaseException):
    """SIGTERM or SIGHUP arrived during a write: unwinds like Ctrl-C, so the temp file is removed."""


_TERMINATING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def _unwind_on_termination() -> Iterator[None]:
    """During the block, SIGTERM and SIGHUP unwind it (cleaning up) and then end the process as they would.

    Their default action ends the process at once, skipping every `finally`: a temp file of a
    40 MiB redline was left behind each time. A handler a host program set is left in charge.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signals are delivered to the main thread only
        return

    def on_signal(signum: int, frame: object) -> None:
        raise _Terminated(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in _TERMINATING if signal.getsignal(sig) == signal.SIG_DFL}
    try:
        yield
    except _Terminated as exc:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        previous = {}
        os.kill(os.getpid(), exc.args[0])  # the temp file is gone: now end as the signal's default action does
        raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _write_and_move(path: str | Path, out: Path, payload: bytes, parent: Path, mode: int, force: bool) -> None:
    """Write payload to a temp file beside out and move it into place; on any failure remove the temp file."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(
            str(path),
            _("cannot write: {0}").format(exc.strerror or exc),
            _("check the folder's free space and permissions"),
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if hasattr(os, "fchmod"):  # mkstemp makes 0600; a report should get the usual mode
                os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, out)
        else:
            _link_no_clobber(tmp, out)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, FileExistsError):
            raise OutputError(str(path), _("already exists"), _("use --force to overwrite it")) from None
        if isinstance(exc, OSError):
            raise OutputError(
                str(path),
                _("cannot write: {0}").format(exc.strerror or exc),
                _("check the folder's free space and permissions"),
            ) from None
        raise


def _link_no_clobber(tmp: str, out: Path) -> None:
    """Move tmp to out unless out exists (FileExistsError); rename where links are not supported."""
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some network shares)
        if out.exists():
            raise FileExistsError(str(out)) from None
        os.replace(tmp, out)
        return
    os.unlink(tmp)
