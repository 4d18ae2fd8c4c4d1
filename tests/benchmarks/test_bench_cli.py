"""`ajdiff diff` as a process: wall time, peak memory, and which heavy libraries it imports."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.benchmarks.conftest import median_ms, record, run

# Run the command as a child and report its peak resident memory (ru_maxrss is in KiB on Linux).
_PEAK = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
# Run the CLI in this interpreter and list the heavy libraries it imported.
_IMPORTS = (
    "import sys\n"
    "from ajdiff.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "heavy = ('textual', 'rich', 'docx', 'pypdf', 'lxml')\n"
    "print(code, ' '.join(m for m in heavy if m in sys.modules))\n"
)


def _pair_args(seeds: dict[str, Path]) -> list[str]:
    return ["diff", str(seeds["001"]), str(seeds["000"]), "--new-annex", "2"]


def test_ajdiff_diff_as_a_process(benchmark, ajdiff_command: list[str], seeds: dict[str, Path]) -> None:
    command = [*ajdiff_command, *_pair_args(seeds), "--format", "json"]
    done = benchmark.pedantic(run, args=(command,), rounds=15, warmup_rounds=2)
    assert done.returncode == 1 and json.loads(done.stdout)["pairs"]
    assert record("ajdiff diff as a process", median_ms(benchmark)), "ajdiff diff took over 300 ms"


@pytest.mark.parametrize("which", ["pair", "orders"])
def test_peak_memory_of_ajdiff_diff(benchmark, ajdiff_command: list[str], seeds: dict[str, Path], which: str) -> None:
    args = _pair_args(seeds) if which == "pair" else ["diff", str(seeds["000"]), str(seeds["003"])]
    peaks: list[float] = []

    def measure() -> None:
        out = run([sys.executable, "-c", _PEAK, *ajdiff_command, *args, "--format", "json"], ok=(0,))
        code, kib = out.stdout.split()
        assert code == "1"
        peaks.append(int(kib) / 1024)

    benchmark.pedantic(measure, rounds=3)
    peak = max(peaks)
    name = "peak memory of ajdiff diff" if which == "pair" else "peak memory of ajdiff diff, orders"
    assert record(name, peak, "MB"), f"ajdiff diff peaked at {peak:.0f} MB"
    assert peak <= 100, f"ajdiff diff on the {which} peaked at {peak:.0f} MB"


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_diff_imports_no_ui_docx_or_pdf_library(benchmark, seeds: dict[str, Path], fmt: str) -> None:
    command = [sys.executable, "-c", _IMPORTS, *_pair_args(seeds), "--format", fmt, "--color", "never"]
    done = benchmark.pedantic(run, args=(command,), rounds=1)
    code, *heavy = done.stdout.splitlines()[-1].split()
    assert code == "1"
    assert heavy == [], f"ajdiff diff --format {fmt} imported {heavy}"


def test_start_up_side_by_side_with_python(benchmark, ajdiff_command: list[str], seeds: dict[str, Path]) -> None:
    """Each command as a process against `python -c pass`, taken in turns in one run, so that the load of
    the machine weighs on all alike: median times and their ratios to Python's own start."""
    base = {**os.environ, "NO_COLOR": "1"}
    base.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as an installed package has it
    tab = {"_ARGCOMPLETE": "1", "_ARGCOMPLETE_STDOUT_FILENAME": os.devnull, "COMP_LINE": "ajdiff di", "COMP_POINT": "9"}
    commands = {
        "python -c pass": ([sys.executable, "-c", "pass"], {}),
        "--help": ([*ajdiff_command, "--help"], {}),
        "completion": ([*ajdiff_command], tab),
        "diff": ([*ajdiff_command, *_pair_args(seeds), "--format", "json"], {}),
        "show": ([*ajdiff_command, "show", str(seeds["001"])], {}),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}

    def rounds() -> None:
        for k in range(17):  # the first two warm the caches and are not counted
            for name, (command, extra) in commands.items():
                start = time.perf_counter()
                done = subprocess.run(command, capture_output=True, env={**base, **extra}, check=False)
                if k >= 2:
                    times[name].append(time.perf_counter() - start)
                assert done.returncode in (0, 1), (name, done.stderr[-300:])

    benchmark.pedantic(rounds, rounds=1)
    python = statistics.median(times["python -c pass"])
    record("python -c pass", python * 1000, "ms")
    verdicts = []
    for name in ("--help", "completion", "diff", "show"):
        ratio = statistics.median(times[name]) / python
        verdicts.append((name, ratio, record(f"start-up, {name} / python -c pass", ratio, "x")))
    benchmark.extra_info.update({name: ratio for name, ratio, _ in verdicts})
    missed = [f"{name} {ratio:.2f}x" for name, ratio, ok in verdicts if not ok]
    assert not missed, f"start-up over its target (times python -c pass): {', '.join(missed)}"
