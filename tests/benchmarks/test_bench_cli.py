"""`ajdiff diff` as a process: wall time, peak memory, and which heavy libraries it imports."""

from __future__ import annotations

import json
import sys
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
