"""Safe output: atomic writes that never touch an input and never leave half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ajdiff.errors import OutputError


def check_output_path(path: str | Path, *, inputs: list[str] = (), force: bool = False) -> Path:  # type: ignore[assignment]
    """Refuse an output path that is an input, a folder, or (without force) an existing file."""
    out = Path(path)
    for name in inputs:
        if name == "-":
            continue
        try:
            if out.exists() and Path(name).exists() and out.resolve().samefile(Path(name).resolve()):
                raise OutputError(str(path), "is an input file; refusing to overwrite it", "choose another -o path")
        except OSError:
            continue
    if out.is_dir():
        raise OutputError(str(path), "is a folder", "give a file name")
    if out.exists() and not force:
        raise OutputError(str(path), "already exists", "use --force to overwrite it")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(str(path), f"folder {parent} does not exist")
    return out


def atomic_write(path: str | Path, data: bytes | str, *, inputs: list[str] = (), force: bool = False) -> Path:  # type: ignore[assignment]
    """Write data to a temp file in the same folder, then rename it over the target."""
    out = check_output_path(path, inputs=inputs, force=force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    parent = out.parent if str(out.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(str(path), f"cannot write: {exc.strerror or exc}") from None
        raise
    return out
