"""Benchmark fixtures, the targets of issue 6, and a closing table of every figure against its target.

The default run does not collect this folder (tests/conftest.py), and every test here takes the
`benchmark` fixture, which `--benchmark-skip` (pyproject.toml) skips anyway. Run them with
`python -m pytest tests/benchmarks --benchmark-only`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.benchmarks.synth import ANNEX_001, ORDER_000, ORDER_003


@dataclass(frozen=True)
class Target:
    """A figure the issue asks for: at most (`<=`) or at least (`>=`) this value."""

    limit: float
    unit: str
    op: str = "<="

    def met(self, value: float) -> bool:
        """True when the value meets the target."""
        return value <= self.limit if self.op == "<=" else value >= self.limit


TARGETS = {
    "compare one annex pair": Target(20, "ms"),
    "ajdiff diff as a process": Target(300, "ms"),
    "compare two orders": Target(150, "ms"),
    "redline .docx, one pair": Target(200, "ms"),
    "HTML report, the two orders": Target(100, "ms"),
    "UI first screen, order pair": Target(250, "ms"),  # issue 22
    "batch --jobs 1": Target(300, "pairs/s", ">="),  # issue 22 (issue 6's was 100)
    "batch --jobs 2": Target(500, "pairs/s", ">="),  # issue 22 (issue 6's was 200)
    "peak memory of ajdiff diff": Target(100, "MB"),
    "growth exponent": Target(1.2, ""),
    "python-redlines / ajdiff redline": Target(5, "x", ">="),
    "python-redlines / ajdiff redline command": Target(8, "x", ">="),  # issue 22: the whole process
    "agency 5000 x 5000, --jobs 2": Target(20, "s"),  # issue 22
    "agency pairing precision": Target(1.0, "", ">="),  # issue 22: 0 sure pairs wrong
    "agency pairing recall": Target(1.0, "", ">="),  # issue 22: 0 true pairs missed
    "agency peak memory": Target(600, "MB"),  # issue 22
    "agency growth exponent": Target(1.1, ""),  # issue 22
    # Issue 22: each command as a process, against `python -c pass` measured in the same run.
    "start-up, --help / python -c pass": Target(1.5, "x"),
    "start-up, completion / python -c pass": Target(1.5, "x"),
    "start-up, diff / python -c pass": Target(2.5, "x"),
    "start-up, show / python -c pass": Target(2.5, "x"),
}


@dataclass
class Figure:
    """One measured figure, for the closing table."""

    name: str
    value: float
    unit: str
    target: Target | None


_FIGURES: list[Figure] = []


def record(name: str, value: float, unit: str | None = None) -> bool:
    """Keep a figure for the closing table; True when it meets its target (or has none)."""
    target = TARGETS.get(name)
    _FIGURES.append(Figure(name, value, unit if unit is not None else (target.unit if target else ""), target))
    return target is None or target.met(value)


def median_ms(benchmark: object) -> float:
    """The median of a finished benchmark, in milliseconds."""
    return benchmark.stats.stats.median * 1000  # type: ignore[attr-defined]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print every figure with its target once the benchmarks have run."""
    if not _FIGURES:
        return
    terminalreporter.section("ajdiff figures (medians on this machine)")
    for f in _FIGURES:
        target = f"target {f.target.op} {f.target.limit:g} {f.target.unit}" if f.target else ""
        verdict = ("ok" if f.target.met(f.value) else "MISSED") if f.target else ""
        terminalreporter.write_line(f"{f.name:<44} {f.value:>10.3g} {f.unit:<8} {target:<24} {verdict}")


@pytest.fixture(autouse=True)
def _quiet_ajdiff_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AJDIFF_DEBUG", raising=False)


@pytest.fixture(scope="session")
def ajdiff_command() -> list[str]:
    """How to start ajdiff as a process: the installed console script, else `python -m ajdiff`."""
    script = Path(sys.executable).with_name("ajdiff")
    if script.exists():
        return [str(script)]
    found = shutil.which("ajdiff")
    return [found] if found else [sys.executable, "-m", "ajdiff"]


def run(command: list[str], *, ok: tuple[int, ...] = (0, 1), timeout: float = 600) -> subprocess.CompletedProcess:
    """Run a command with its output captured; fail the test on an unexpected exit status."""
    env = {**os.environ, "NO_COLOR": "1"}
    # As installed: a pip install compiles ajdiff's bytecode once; this machine's PYTHONDONTWRITEBYTECODE would
    # otherwise make every process compile all of ajdiff again (about 150 ms).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
    assert done.returncode in ok, f"{command} exited {done.returncode}: {done.stderr[-500:]}"
    return done


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    """The seed files the issue names."""
    return {"001": ANNEX_001, "000": ORDER_000, "003": ORDER_003}
