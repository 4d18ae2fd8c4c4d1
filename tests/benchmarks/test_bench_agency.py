"""Whole agencies: two folders of 500 … 5,000 generated job descriptions, paired and compared with --jobs 2.

The generator (synth.write_agency) knows which old post became which new one: posts renamed, moved to
another unit, ~10 % abolished and ~10 % created, duties removed, inserted and reworded, dozens of posts
sharing a name, file names shuffled. The figures: wall time, CPU time of all processes, peak memory of
the largest process, and pairing precision and recall against the generator's truth.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.benchmarks.conftest import record, run
from tests.benchmarks.synth import Agency, load_template, write_agency
from tests.benchmarks.test_bench_growth import fitted_exponent

SIZES = (500, 1000, 2000, 5000)
TIMEOUT = 600  # ten times the target: a stall fails instead of hanging

# Run ajdiff as a child, its report to a file; print its status, wall and CPU time (all processes), peak RSS.
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "with open(sys.argv[1], 'w') as out:\n"
    "    start = time.perf_counter()\n"
    "    done = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE, text=True)\n"
    "    wall = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(done.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, repr(done.stderr[-300:]))\n"
)


@dataclass(frozen=True)
class Run:
    """One measured comparison of two agency folders."""

    wall: float
    cpu: float
    peak_mb: float
    precision: float
    """Of the pairs ajdiff is sure of, the share the generator made."""
    recall: float
    """Of the generator's pairs, the share ajdiff found and is sure of."""
    precision_all: float
    """The same, counting the pairs ajdiff marks uncertain as pairs too."""
    uncertain: int
    wrong: int
    """Sure pairs the generator did not make."""
    missed: int
    """Generator's pairs not found as sure pairs."""


_root: list[Path] = []


@cache
def agency(size: int) -> Agency:
    """The generated folders of one size (made once per session)."""
    return write_agency(load_template(), _root[0] / f"agency_{size}", size, seed=size)


@cache
def measure(size: int, ajdiff: tuple[str, ...]) -> Run:
    """Run `ajdiff diff OLD NEW --format jsonl --jobs 2` once on the agency of this size."""
    folders = agency(size)
    report = _root[0] / f"report_{size}.jsonl"
    command = [sys.executable, "-c", _MEASURE, str(report), *ajdiff, "diff", str(folders.old_dir), str(folders.new_dir)]
    done = run([*command, "--format", "jsonl", "--jobs", "2"], ok=(0,), timeout=TIMEOUT)
    code, wall, cpu, kib, err = done.stdout.split(" ", 4)
    assert code == "1", f"ajdiff exited {code}: {err}"
    records = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    pairs = [(Path(r["old"]["source"]).name, Path(r["new"]["source"]).name, r) for r in records if r["type"] == "pair"]
    sure = [(o, n) for o, n, r in pairs if not r["pairing"]["uncertain"]]
    right = sum(folders.truth.get(o) == n for o, n in sure)
    right_all = sum(folders.truth.get(o) == n for o, n, _ in pairs)
    return Run(
        wall=float(wall),
        cpu=float(cpu),
        peak_mb=int(kib) / 1024,
        precision=right / len(sure),
        recall=right / len(folders.truth),
        precision_all=right_all / len(pairs),
        uncertain=len(pairs) - len(sure),
        wrong=len(sure) - right,
        missed=len(folders.truth) - right,
    )


@pytest.fixture(scope="module", autouse=True)
def _agency_root(tmp_path_factory: pytest.TempPathFactory) -> None:
    _root[:] = [tmp_path_factory.mktemp("agencies")]


@pytest.mark.parametrize("size", [1000, 5000])
def test_agency_paired_as_generated_in_bounded_time_and_memory(benchmark, ajdiff_command: list[str], size: int) -> None:
    agency(size)  # generated outside the timing
    result = benchmark.pedantic(measure, args=(size, tuple(ajdiff_command)), rounds=1)
    benchmark.extra_info.update(result.__dict__)
    name = f"agency {size} x {size}"
    record(f"{name}: uncertain pairs", result.uncertain, "")
    record(f"{name}: sure pairs wrong / true pairs missed", result.wrong, f"/ {result.missed}")
    record(f"{name}: precision counting uncertain", result.precision_all, "")
    ok_precision = record("agency pairing precision", result.precision)
    ok_recall = record("agency pairing recall", result.recall)
    ok_memory = record("agency peak memory", result.peak_mb)
    record(f"{name}: CPU time, all processes", result.cpu, "s")
    ok_time = record(f"{name}, --jobs 2", result.wall, "s")
    assert ok_precision and ok_recall, f"precision {result.precision:.4f}, recall {result.recall:.4f}"
    assert ok_memory, f"peak {result.peak_mb:.0f} MB"
    assert ok_time, f"{result.wall:.1f} s"


def test_agency_time_grows_near_linearly(benchmark, ajdiff_command: list[str]) -> None:
    for size in SIZES:
        agency(size)
    runs = benchmark.pedantic(lambda: [measure(n, tuple(ajdiff_command)) for n in SIZES], rounds=1)
    by_cpu = fitted_exponent(list(map(float, SIZES)), [r.cpu for r in runs])
    by_wall = fitted_exponent(list(map(float, SIZES)), [r.wall for r in runs])
    benchmark.extra_info.update({"exponent_cpu": by_cpu, "exponent_wall": by_wall})
    for size, r in zip(SIZES, runs):
        record(f"agency {size} x {size}: wall / CPU", r.wall, f"s / {r.cpu:.1f} s")
    record("agency growth exponent (wall time)", by_wall, "")
    # CPU time is what the work costs; wall time also carries the load of other processes on the machine.
    assert record("agency growth exponent", by_cpu), f"time grows as size^{by_cpu:.2f}"
