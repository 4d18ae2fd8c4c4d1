"""Batch: two folders of 1,000 annexes each, `ajdiff diff OLD_DIR NEW_DIR --format json --jobs N`."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.benchmarks.conftest import median_ms, record, run
from tests.benchmarks.synth import load_template, write_batch

PAIRS = 1000
TIMEOUT = 120  # seconds: 36 times the --jobs 1 target (3.3 s at 300 pairs/s), so a stall fails instead of hanging


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """1,000 distinct annexes in old/, the same names lightly edited in new/."""
    root = tmp_path_factory.mktemp("batch")
    write_batch(load_template(), root / "old", root / "new", PAIRS)
    return root / "old", root / "new"


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_pairs_per_second(benchmark, ajdiff_command: list[str], folders: tuple[Path, Path], jobs: int) -> None:
    if jobs > (os.cpu_count() or 1):
        pytest.skip(f"{jobs} jobs need {jobs} cores")
    command = [*ajdiff_command, "diff", *map(str, folders), "--format", "json", "--jobs", str(jobs)]
    try:
        done = benchmark.pedantic(run, args=(command,), kwargs={"timeout": TIMEOUT, "ok": (0, 1, 2)}, rounds=1)
    except subprocess.TimeoutExpired:
        record(f"batch --jobs {jobs}", PAIRS / TIMEOUT)
        pytest.fail(f"{PAIRS} pairs took over {TIMEOUT} s with --jobs {jobs} (< {PAIRS / TIMEOUT:.1f} pairs/s)")
    if done.returncode == 2:
        record(f"batch --jobs {jobs}", 0)
        pytest.fail(f"ajdiff refused the batch: {done.stderr.strip()}")
    report = json.loads(done.stdout)
    assert len(report["pairs"]) == PAIRS and not report["unpaired_old"] and not report["unpaired_new"]
    same_name = sum(Path(p["old"]["source"]).name == Path(p["new"]["source"]).name for p in report["pairs"])
    assert same_name == PAIRS, f"{PAIRS - same_name} annexes paired with another post"
    rate = PAIRS / (median_ms(benchmark) / 1000)
    benchmark.extra_info["pairs_per_second"] = rate
    assert record(f"batch --jobs {jobs}", rate), f"{rate:.0f} pairs/s with --jobs {jobs}"
