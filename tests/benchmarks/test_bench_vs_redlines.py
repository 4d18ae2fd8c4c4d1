"""Side by side on one .docx pair: `ajdiff redline` against python-redlines' Docxodus engine.

python-redlines is the optional `bench` extra (`pip install "python-redlines[docxodus]"`): a
prebuilt .NET binary, no runtime to install. Both run end to end as a Python call, from two .docx
files to the redline's bytes (ajdiff: read, parse, compare, build). The `ajdiff redline` command
(a whole process: interpreter start, imports, writing the file) is measured and reported too.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ajdiff.api import compare_files
from ajdiff.read.parse import read_documents
from tests.benchmarks.conftest import median_ms, record, run
from tests.benchmarks.synth import ANNEX_001, FIXTURES, ORDER_000, cold_caches

ROUNDS = 5


def _generator():  # fixtures/generate.py lays a parsed model out as a .docx, as the committed fixtures
    spec = importlib.util.spec_from_file_location("ajdiff_fixture_generator", FIXTURES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def docx_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """001 as committed (.docx), and 000 Lisa 2 alone as a .docx in the same layout."""
    generate = _generator()
    (lisa2,) = [d for d in read_documents(ORDER_000) if d.annex == "2"]
    new = tmp_path_factory.mktemp("docx") / "000_lisa2.docx"
    generate.write_docx(generate.civil_blocks(lisa2), new)
    return ANNEX_001.with_suffix(".docx"), new


def _median_seconds(fn: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_ajdiff_redline_against_python_redlines(
    benchmark, ajdiff_command: list[str], docx_pair: tuple[Path, Path], tmp_path: Path
) -> None:
    redlines = pytest.importorskip(
        "python_redlines", reason='python-redlines is not installed: pip install "python-redlines[docxodus]"'
    )
    from ajdiff.redline.document import build_redline

    engine = redlines.DocxodusEngine()  # unpacks its binary once, outside the timing
    old, new = docx_pair

    def theirs() -> bytes:
        output, _, _ = engine.run_redline("ajdiff-bench", original=old.read_bytes(), modified=new.read_bytes())
        assert output[:2] == b"PK"
        return output

    def ours() -> bytes:
        return build_redline(compare_files(old, new))

    out = tmp_path / "redline.docx"
    command = [*ajdiff_command, "redline", str(old), str(new), "-o", str(out), "--force"]
    theirs_ms = _median_seconds(theirs) * 1000
    process_ms = _median_seconds(lambda: run(command)) * 1000
    assert out.read_bytes()[:2] == b"PK"
    data = benchmark.pedantic(ours, setup=cold_caches, rounds=ROUNDS, warmup_rounds=1)
    assert data[:2] == b"PK"

    ours_ms = median_ms(benchmark)
    benchmark.extra_info.update(
        {"python_redlines_ms": theirs_ms, "ajdiff_ms": ours_ms, "ajdiff_process_ms": process_ms}
    )
    record("python-redlines Docxodus, .docx pair", theirs_ms, "ms")
    record("ajdiff library, same pair (files → bytes)", ours_ms, "ms")
    record("ajdiff redline command, same pair", process_ms, "ms")
    command = theirs_ms / process_ms
    command_met = record("python-redlines / ajdiff redline command", command)
    # Library against library: both are a Python call from two .docx files to the redline's bytes.
    ratio = theirs_ms / ours_ms
    assert record("python-redlines / ajdiff redline", ratio), f"ajdiff only {ratio:.1f}x faster than python-redlines"
    # The command against the library call: a whole process (Python's start, imports, the write) is what a user runs.
    assert command_met, f"the ajdiff redline command only {command:.1f}x faster than python-redlines"
