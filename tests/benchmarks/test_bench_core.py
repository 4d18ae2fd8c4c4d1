"""Parse and compare on the seeds, in-process, each round with cold text memos."""

from __future__ import annotations

from pathlib import Path

from ajdiff.api import compare_documents, compare_files
from ajdiff.read.parse import read_documents
from tests.benchmarks.conftest import median_ms, record
from tests.benchmarks.synth import cold_caches

ROUNDS = 30


def _cold(*args: object) -> tuple[tuple[object, ...], dict[str, object]]:
    cold_caches()
    return args, {}


def test_parse_one_annex(benchmark, seeds: dict[str, Path]) -> None:
    docs = benchmark.pedantic(read_documents, setup=lambda: _cold(seeds["001"]), rounds=ROUNDS, warmup_rounds=2)
    assert len(docs) == 1
    record("parse one annex (001)", median_ms(benchmark), "ms")


def test_parse_order_of_11_annexes(benchmark, seeds: dict[str, Path]) -> None:
    docs = benchmark.pedantic(read_documents, setup=lambda: _cold(seeds["003"]), rounds=ROUNDS, warmup_rounds=2)
    assert len(docs) == 11
    record("parse an 11-annex order (003)", median_ms(benchmark), "ms")


def test_compare_one_annex_pair(benchmark, seeds: dict[str, Path]) -> None:
    old = read_documents(seeds["001"])
    new = [d for d in read_documents(seeds["000"]) if d.annex == "2"]
    result = benchmark.pedantic(compare_documents, setup=lambda: _cold(old, new), rounds=ROUNDS, warmup_rounds=2)
    assert result.has_substantive
    assert record("compare one annex pair", median_ms(benchmark)), "one annex pair compared in over 20 ms"


def test_compare_one_annex_pair_from_files(benchmark, seeds: dict[str, Path]) -> None:
    def go() -> object:
        return compare_files(seeds["001"], seeds["000"], new_annex="2")

    result = benchmark.pedantic(go, setup=cold_caches, rounds=ROUNDS, warmup_rounds=2)
    assert len(result.pairs) == 1
    record("read + parse + compare one pair (001 → 000 Lisa 2)", median_ms(benchmark), "ms")


def test_compare_two_orders(benchmark, seeds: dict[str, Path]) -> None:
    def go() -> object:
        return compare_files(seeds["000"], seeds["003"])

    result = benchmark.pedantic(go, setup=cold_caches, rounds=ROUNDS, warmup_rounds=2)
    assert len(result.pairs) + len(result.unpaired_old) == 7
    assert record("compare two orders", median_ms(benchmark)), "two orders (read, parse, pair, compare) over 150 ms"


def test_compare_two_orders_parsed(benchmark, seeds: dict[str, Path]) -> None:
    old, new = read_documents(seeds["000"]), read_documents(seeds["003"])
    benchmark.pedantic(compare_documents, setup=lambda: _cold(old, new), rounds=ROUNDS, warmup_rounds=2)
    record("pair + compare two parsed orders", median_ms(benchmark), "ms")
