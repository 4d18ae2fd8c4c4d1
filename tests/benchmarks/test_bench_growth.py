"""Growth: read, parse and compare annexes of 10, 100 and 1,000 duties; time must grow linearly."""

from __future__ import annotations

import math
import statistics
import time
from pathlib import Path

from ajdiff.api import compare_files
from tests.benchmarks.conftest import record
from tests.benchmarks.synth import annex_text, cold_caches, edit, load_template, make_duties

SIZES = (10, 100, 1000)
ROUNDS = {10: 9, 100: 5, 1000: 3}


def fitted_exponent(sizes: list[float], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def test_time_grows_linearly_with_the_number_of_duties(benchmark, tmp_path: Path) -> None:
    template = load_template()
    files: dict[int, tuple[Path, Path]] = {}
    for n in SIZES:
        old = make_duties(template, n, seed=n)
        new = edit(template, old, seed=n + 1)
        files[n] = (tmp_path / f"old_{n}.txt", tmp_path / f"new_{n}.txt")
        files[n][0].write_text(annex_text(template, old), encoding="utf-8")
        files[n][1].write_text(annex_text(template, new), encoding="utf-8")
    wall: dict[int, float] = {}
    cpu: dict[int, float] = {}

    def measure_all() -> None:
        for n in SIZES:
            walls, cpus = [], []
            for _ in range(ROUNDS[n]):
                cold_caches()
                w, c = time.perf_counter(), time.process_time()
                result = compare_files(*files[n])
                walls.append(time.perf_counter() - w)
                cpus.append(time.process_time() - c)
            pair = result.pairs[0]
            assert len(pair.old.duties) == n and len(pair.new.duties) == n
            # 2 duties removed, 2 added, 2 reworded: a few changes (their results too), not one per duty.
            assert 4 <= len(pair.substantive) <= 40, len(pair.substantive)
            wall[n], cpu[n] = statistics.median(walls), statistics.median(cpus)

    benchmark.pedantic(measure_all, rounds=1)
    sizes = [float(files[n][0].stat().st_size) for n in SIZES]
    for n, size in zip(SIZES, sizes):
        record(f"growth: {n} duties ({size / 1024:.0f} KB)", wall[n] * 1000, "ms")
    by_wall = fitted_exponent(sizes, [wall[n] for n in SIZES])
    by_cpu = fitted_exponent(sizes, [cpu[n] for n in SIZES])
    benchmark.extra_info.update({"exponent_wall": by_wall, "exponent_cpu": by_cpu, "seconds": wall})
    record("growth exponent (wall time)", by_wall, "")
    # CPU time is what the algorithm costs; wall time also carries other processes' load on the machine.
    assert record("growth exponent", by_cpu), f"time grows as size^{by_cpu:.2f}"
