"""Microsoft's Open XML SDK validator (`OpenXmlValidator`), run on .docx bytes from the tests.

The SDK is the reference implementation of the ECMA-376 / ISO 29500 schemas and of Word's own
semantic rules (a comment reference without its comment, a style id used twice …). It comes from
PyPI with no .NET install and no network: python-redlines-docxodus ships DocumentFormat.OpenXml
3.x inside a self-contained .NET runtime (the Docxodus comparer is built on it), and pythonnet
hosts that runtime. The runtime is unpacked once into the temp folder; each call of
`validate_many` is one short-lived process (sdk_worker.py), so .NET never lives in pytest's.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

WORKER = Path(__file__).with_name("sdk_worker.py")
_PACKAGE = "python_redlines_docxodus"
_TARBALL = "_binaries/linux-x64.tar.gz"
_FRAMEWORK = "Microsoft.NETCore.App"


def _tarball() -> Path | None:
    if sys.platform != "linux" or platform.machine() not in ("x86_64", "AMD64"):
        return None
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / _TARBALL
    return path if path.is_file() else None


def unavailable() -> str | None:
    """Why the validator cannot run here, or None when it can."""
    if _tarball() is None:
        return "python-redlines-docxodus (the Open XML SDK) is not installed for linux-x64: pip install -e '.[dev]'"
    if importlib.util.find_spec("clr_loader") is None or importlib.util.find_spec("pythonnet") is None:
        return "pythonnet is not installed: pip install -e '.[dev]'"
    return None


def require() -> None:
    """Fail (in CI) or skip (elsewhere) the calling test when the validator cannot run here."""
    import pytest

    reason = unavailable()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"the Open XML SDK validator is required in CI: {reason}")
        pytest.skip(reason)


def _framework_deps(app: Path, version: str) -> dict:
    """The shared framework's deps.json, cut from the self-contained app's: the runtime pack alone."""
    deps = json.loads((app / "redline.deps.json").read_text(encoding="utf-8"))
    pack = f"runtimepack.{_FRAMEWORK}.Runtime.linux-x64/{version}"
    target = deps["runtimeTarget"]["name"]
    return {
        "runtimeTarget": deps["runtimeTarget"],
        "compilationOptions": {},
        "targets": {target.split("/")[0]: {}, target: {pack: deps["targets"][target][pack]}},
        "libraries": {pack: deps["libraries"][pack]},
    }


def _unpack(tarball: Path, into: Path) -> None:
    """The runtime as a .NET root that hostfxr accepts: host/fxr/V, shared/Microsoft.NETCore.App/V."""
    app = into / "app"
    app.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        tar.extractall(app, filter="data")
    config = json.loads((app / "redline.runtimeconfig.json").read_text(encoding="utf-8"))
    framework = config["runtimeOptions"]["includedFrameworks"][0]
    version, tfm = framework["version"], config["runtimeOptions"]["tfm"]
    fxr = into / "dotnet" / "host" / "fxr" / version
    fxr.mkdir(parents=True)
    # Relative links, so the folder can be moved into place whole.
    (fxr / "libhostfxr.so").symlink_to(os.path.relpath(app / "libhostfxr.so", fxr))
    shared = into / "dotnet" / "shared" / _FRAMEWORK / version
    shared.mkdir(parents=True)
    for item in app.iterdir():
        (shared / item.name).symlink_to(os.path.relpath(item, shared))
    (shared / f"{_FRAMEWORK}.deps.json").write_text(json.dumps(_framework_deps(app, version)), encoding="utf-8")
    runtime_config = {"runtimeOptions": {"tfm": tfm, "framework": {"name": _FRAMEWORK, "version": version}}}
    (into / "validator.runtimeconfig.json").write_text(json.dumps(runtime_config), encoding="utf-8")


def runtime_root() -> Path:
    """The unpacked SDK and runtime (made once per installed version, shared by concurrent runs)."""
    tarball = _tarball()
    if tarball is None:
        raise RuntimeError(unavailable())
    version = importlib.metadata.version("python-redlines-docxodus")
    key = hashlib.sha256(f"{version}:{tarball.stat().st_size}:{tarball.stat().st_mtime_ns}".encode()).hexdigest()
    root = Path(tempfile.gettempdir()) / f"ajdiff-openxml-sdk-{key[:16]}"
    if (root / "validator.runtimeconfig.json").is_file():
        return root
    staging = Path(tempfile.mkdtemp(prefix="ajdiff-openxml-sdk-", dir=root.parent))
    try:
        _unpack(tarball, staging)
        with contextlib.suppress(OSError):  # another run got there first: use its copy
            staging.rename(root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return root


def validate_many(documents: Sequence[bytes]) -> list[list[str]]:
    """The SDK's errors for each document ('part xpath: description [id]'), in one .NET start-up."""
    if not documents:
        return []
    root = runtime_root()
    with tempfile.TemporaryDirectory(prefix="ajdiff-validate-") as folder:
        paths = []
        for k, data in enumerate(documents):
            path = Path(folder) / f"{k}.docx"
            path.write_bytes(data)
            paths.append(str(path))
        # No ICU needed (invariant culture); no diagnostic pipes left in the temp folder.
        env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1", "DOTNET_EnableDiagnostics": "0"}
        proc = subprocess.run(
            [sys.executable, str(WORKER), str(root), *paths], capture_output=True, text=True, timeout=600, env=env
        )
    if proc.returncode != 0:
        raise RuntimeError(f"the Open XML SDK validator failed ({proc.returncode}): {proc.stderr[-2000:]}")
    result: list[list[str]] = json.loads(proc.stdout)
    return result


def validate(document: bytes) -> list[str]:
    """The SDK's errors for one .docx; [] when it is valid."""
    return validate_many([document])[0]
