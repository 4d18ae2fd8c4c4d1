"""A progress bar on stderr for long batches: done/total, rate and time left, redrawn in place."""

from __future__ import annotations

import sys
import time

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)

if TYPE_CHECKING:
    from typing import TextIO


_WIDTH = 24


class ProgressBar:
    """Draws `ajdiff: [#####-----] 1200/5000  610/s  0:06 left` on a terminal; silent elsewhere.

    A batch reports its stages one after the other (reading, then comparing): a count that starts
    again or a new total begins a new line.
    """

    def __init__(self, stream: TextIO | None = None, interval: float = 0.1, *, lang: str = "en") -> None:
        self.stream = stream or sys.stderr
        self.lang = lang
        self.interval = interval
        self.enabled = self.stream.isatty()
        self._total = -1
        self._done = 0
        self._start = 0.0
        self._drawn = 0.0
        self._open = False

    def __call__(self, done: int, total: int) -> None:
        """Report progress: `done` of `total` items."""
        if not self.enabled:
            return
        now = time.monotonic()
        if total != self._total or done < self._done:
            self._finish_line()
            self._total, self._start, self._drawn = total, now, 0.0
        self._done = done
        if done < total and now - self._drawn < self.interval:
            return  # a redraw per item would cost more than the item on a fast batch
        self._drawn = now
        self.stream.write("\r" + line(done, total, now - self._start, self.lang))
        self._open = True
        if done >= total:
            self._finish_line()
        self.stream.flush()

    def _finish_line(self) -> None:
        if self._open:
            self.stream.write("\n")
            self._open = False


def line(done: int, total: int, elapsed: float, lang: str = "en") -> str:
    """The bar's text for `done` of `total` after `elapsed` seconds (its one word in `lang`)."""
    filled = _WIDTH * done // total if total else _WIDTH
    rate = done / elapsed if elapsed > 0 else 0.0
    text = f"ajdiff: [{'#' * filled}{'-' * (_WIDTH - filled)}] {done}/{total}  {rate:.0f}/s"
    if done < total and rate > 0:
        left = round((total - done) / rate)
        from ajdiff.words import word

        text += "  " + word("cli.time_left", lang, time=f"{left // 60}:{left % 60:02d}")
    elif done >= total:
        text += f"  {elapsed:.1f} s"
    return text + "\x1b[K"  # clear what a longer earlier line left behind
