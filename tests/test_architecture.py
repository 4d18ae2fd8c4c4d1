"""The core imports without the UI and export libraries; every public object says what it is."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import ajdiff

CORE = [
    "ajdiff",
    "ajdiff.read.formats",
    "ajdiff.read.formats.plain",
    "ajdiff.read.orders",
    "ajdiff.read.parse",
    "ajdiff.model",
    "ajdiff.compare.align",
    "ajdiff.compare.document",
    "ajdiff.changes",
    "ajdiff.api",
    "ajdiff.cli",
    "ajdiff.render.json",
    "ajdiff.render.diff_text",
    "ajdiff.render.markdown",
]
HEAVY = ("textual", "docx", "pypdf", "rich")


def test_core_imports_without_heavy_libraries() -> None:
    code = f"import sys; import {', '.join(CORE)}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_building_the_cli_parser_stays_light() -> None:
    code = (
        "import sys; from ajdiff.cli import build_parser; build_parser(); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_public_object_has_a_docstring() -> None:
    missing = []
    for info in pkgutil.walk_packages(ajdiff.__path__, "ajdiff."):
        if info.name.startswith(("ajdiff.tui", "ajdiff.redline")) or info.name.endswith("__main__"):
            continue  # checked by their own test suites; importing them here would load textual/docx
        module = importlib.import_module(info.name)
        if not module.__doc__:
            missing.append(info.name)
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != info.name:
                continue
            if (inspect.isclass(obj) or inspect.isfunction(obj)) and not obj.__doc__:
                missing.append(f"{info.name}.{name}")
    assert missing == []


def test_the_pipeline_layers_hold() -> None:
    """readers → tree → fields → alignment → changes → renderers: import-linter's contract in pyproject.toml."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert out.returncode == 0, out.stdout[-3000:]
    assert "1 kept, 0 broken" in out.stdout


def test_no_command_imports_the_cli_entry_point() -> None:
    """Command modules share `ajdiff.cli.options`; only the entry point knows them all."""
    package = Path(ajdiff.__file__).parent / "cli"
    offenders = [
        p.name
        for p in package.glob("*.py")
        if p.name != "__init__.py"
        and re.search(r"^\s*(from ajdiff\.cli import|import ajdiff\.cli$)", p.read_text(), re.M)
    ]
    assert offenders == []
