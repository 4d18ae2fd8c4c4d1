"""The terminal UI: time from creating the app on the order pair to its first screen (Pilot)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from ajdiff.api import compare_files
from tests.benchmarks.conftest import median_ms, record


def test_ui_first_screen_on_the_order_pair(benchmark, seeds: dict[str, Path], tmp_path: Path) -> None:
    from ajdiff.tui.app import ReviewApp  # Textual is imported here, outside the timing

    result = compare_files(seeds["000"], seeds["003"])
    shown: list[bool] = []

    async def first_screen() -> None:
        app = ReviewApp(result, tmp_path / "review.json")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            shown.append(app.current is not None)

    benchmark.pedantic(lambda: asyncio.run(first_screen()), rounds=5, warmup_rounds=1)
    assert all(shown), "the first screen showed no current change"
    assert record("UI first screen, order pair", median_ms(benchmark)), "first screen took over 1.5 s"
