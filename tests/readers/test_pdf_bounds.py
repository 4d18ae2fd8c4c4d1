"""PDF reading within bounds: quiet pypdf, bounded work per page, and the page each line comes from."""

from __future__ import annotations

import contextlib
import functools
import io
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ajdiff.errors import InputError
from ajdiff.read.formats import pdf as pdf_reader
from ajdiff.read.formats import read_bytes
from ajdiff.tree import Origin
from tests.conftest import FIXTURES
from tests.hostile.real_world import pdf_page, seed_paragraphs, text_operators

# Runs a command and prints its peak memory (MiB) and CPU seconds: the child's own figures, not pytest's.
MEASURE = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.write(r.stderr)\n"
    "print(r.returncode, u.ru_maxrss // 1024, u.ru_utime + u.ru_stime)\n"
)


def measured(*args: str | Path, cwd: Path | None = None, stdin: int | None = None) -> tuple[int, int, float, str]:
    """Exit status, peak memory (MiB), CPU seconds and stderr of `python -m ajdiff ARGS`."""
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "ajdiff", *map(str, args)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=cwd, stdin=stdin)
    status, rss, cpu = result.stdout.split()
    return int(status), int(rss), float(cpu), result.stderr


def test_pypdf_writes_nothing_of_its_own(tmp_path: Path) -> None:
    """Issue 16 (9): a font with an unknown encoding made pypdf log a 2 KB line on stderr."""
    path = tmp_path / "noisy.pdf"
    path.write_bytes(pdf_page(text_operators(seed_paragraphs()), font={"/Encoding": "/Bogus-Encoding"}))
    result = subprocess.run(
        [sys.executable, "-m", "ajdiff", "show", str(path)], capture_output=True, text=True, timeout=60
    )
    assert "Teenistuskoht" in result.stdout
    assert all(line.startswith("ajdiff: ") for line in result.stderr.splitlines()), result.stderr[:300]
    assert "encoding" not in result.stderr.lower()


def test_pypdf_logging_is_restored_after_reading() -> None:
    """Silencing pypdf is local to a read: a program that embeds ajdiff keeps its own logging set-up."""
    import logging

    log = logging.getLogger("pypdf")
    before = (log.level, log.propagate)
    read_bytes(pdf_page(text_operators(seed_paragraphs())), "x.pdf", ".pdf")
    assert (log.level, log.propagate) == before


def test_page_with_megabytes_of_drawing_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """Issue 16 (10): pypdf spends ~50 MB and seconds per MB of operators; more than 1 MiB on a page is refused."""
    path = tmp_path / "drawing.pdf"
    path.write_bytes(pdf_page("BT /F1 11 Tf 50 800 Td (Teenistuskoht) Tj ET\n" + "10 10 m 20 20 l S\n" * 80_000))
    status, rss, _cpu, err = measured("show", path)
    assert status == 2
    assert re.fullmatch(
        r"ajdiff: \S+drawing\.pdf: page 1 has 1\d\d\d KiB of drawing instructions \(limit 1 MiB\) "
        r"\(not a page of text; print the document to a new PDF\)\n",
        err,
    ), err
    assert rss < 100, f"{rss} MiB"


def _count_visited(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the text pieces the reader's visitor is given (one per deadline check), in a one-item list."""
    count = [0]
    real = pdf_reader._deadline

    @contextlib.contextmanager
    def counting(seconds: float) -> Iterator[Callable[[], None]]:
        with real(seconds) as check:

            def counted() -> None:
                count[0] += 1
                check()

            yield counted

    monkeypatch.setattr(pdf_reader, "_deadline", counting)
    return count


SLOW_PAGE = pdf_page(text_operators(["Teenistuskoht Nõunik"] * 30_000))
"""Under the size bound, but pypdf needs seconds for its 30,000 lines."""


def _ignored_exceptions(monkeypatch: pytest.MonkeyPatch) -> list[BaseException | None]:
    """Collect the exceptions Python ignores and would print (in a gc callback, a __del__, ...) from now on."""
    ignored: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda report: ignored.append(report.exc_value))
    return ignored


def test_slow_page_stops_at_the_time_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that takes longer than the bound ends in one line, soon after the bound, and nothing else.

    Hypothesis installs a gc callback, where an alarm can come: Python would print the timeout raised there
    ("Exception ignored in ..."), as it did once in pytest's own report of it, whose import of tracemalloc
    the next alarm then broke.
    """
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_SECONDS", 0.3)
    pieces = _count_visited(monkeypatch)
    ignored = _ignored_exceptions(monkeypatch)
    with pytest.raises(InputError) as err:
        read_bytes(SLOW_PAGE, "slow.pdf", ".pdf")
    assert err.value.problem == "page 1 takes more than 0.3 s to read"
    # Work done, not seconds (a loaded machine is slow either way): the page was stopped, not read out.
    assert pieces[0] < 30_000, pieces
    assert ignored == []


def _stoppable_here(monkeypatch: pytest.MonkeyPatch, *more: str) -> None:
    """Let the page's alarm stop code in this file (and in `more`) as it stops pypdf's."""
    page_code = pdf_reader._page_code()
    monkeypatch.setattr(pdf_reader, "_page_code", lambda: (*page_code, __file__, *more))


class _SlowToFree:
    """An object whose finaliser runs Python code for `seconds` and says when it is done."""

    def __init__(self, seconds: float, done: list[str]) -> None:
        self.seconds, self.done = seconds, done

    def __del__(self) -> None:
        end = time.monotonic() + self.seconds
        while time.monotonic() < end:
            pass
        self.done.append("freed")


def test_the_alarm_stops_only_the_pages_own_code(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An alarm that comes in a finaliser, in a module's first run, in another file's code or while a module is
    compiled is not raised there (Python would print it and go on, or leave the module half imported): the
    next alarm stops the page's own code, and nothing is ignored on the way."""
    monkeypatch.setattr(pdf_reader, "_ALARM_REPEAT", 0.01)
    stalls = tmp_path / "stalls"
    stalls.mkdir()
    _stoppable_here(monkeypatch, str(stalls))
    # First run of a module in a stoppable file, then one elsewhere whose source takes a while to compile.
    (stalls / "stall_at_import.py").write_text(
        "import time\nend = time.monotonic() + 0.1\nwhile time.monotonic() < end:\n    pass\n"
    )
    (tmp_path / "slow_to_compile.py").write_text("".join(f"x{i} = [{i}, {i} + 1, ({i}, {i})]\n" for i in range(5_000)))
    (tmp_path / "elsewhere.py").write_text(
        "import time\ndef stall():\n    end = time.monotonic() + 0.1\n    while time.monotonic() < end:\n        pass\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(stalls))
    import elsewhere  # type: ignore[import-not-found]

    ignored = _ignored_exceptions(monkeypatch)
    done: list[str] = []
    with pytest.raises(pdf_reader._PageTimeout), pdf_reader._deadline(0.01):
        slow = _SlowToFree(0.1, done)
        del slow  # its finaliser runs past the deadline
        done.append("module")
        import stall_at_import  # type: ignore[import-not-found]  # noqa: F401

        done.append("elsewhere")
        elsewhere.stall()
        done.append("compiled")
        import slow_to_compile  # type: ignore[import-not-found]  # noqa: F401

        done.append("own code")
        end = time.monotonic() + 30
        while time.monotonic() < end:
            pass
        done.append("not stopped")
    assert done == ["freed", "module", "elsewhere", "compiled", "own code"]
    assert ignored == []
    assert "stall_at_import" in sys.modules and "slow_to_compile" in sys.modules


def test_time_bound_holds_outside_the_main_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no timer signal can be used (a thread of the terminal UI), the text visitor checks the clock."""
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_SECONDS", 0.3)
    outcome: list[BaseException | None] = []

    def read() -> None:
        try:
            read_bytes(SLOW_PAGE, "slow.pdf", ".pdf")
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join(30)
    assert isinstance(outcome[0], InputError) and "takes more than 0.3 s" in outcome[0].problem


def test_every_line_comes_from_the_page_it_names() -> None:
    """Origins: each line of seed 001's PDF is found in the text pypdf extracts from that page."""
    from pypdf import PdfReader

    data = (FIXTURES / "001_f0f3c421c69f98c0.pdf").read_bytes()
    source = read_bytes(data, "x.pdf", ".pdf")
    pages = [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(FIXTURES / "001_f0f3c421c69f98c0.pdf").pages]
    assert len(source.origins) == len(source.lines)
    assert {o.page for o in source.origins} == set(range(1, len(pages) + 1))
    for line, origin in zip(source.lines, source.origins):
        assert origin == Origin(page=origin.page)
        head = re.sub(r"\s+", "", line)[:12]
        assert head in pages[origin.page - 1], (line, origin)


def test_whole_document_stops_at_its_time_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page within its bound, but many of them: the document as a whole is bounded too."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    page = pdf_page(text_operators(["Teenistuskoht Nõunik"] * 400))
    for _ in range(40):
        writer.append(PdfReader(io.BytesIO(page)))
    out = io.BytesIO()
    writer.write(out)
    monkeypatch.setattr(pdf_reader, "MAX_PDF_SECONDS", 0.2)
    with pytest.raises(InputError) as err:
        read_bytes(out.getvalue(), "long.pdf", ".pdf")
    assert re.fullmatch(r"PDF takes more than 0\.2 s to read \(stopped at page \d+ of 40\)", err.value.problem)


def test_an_alarm_lost_in_a_callback_is_raised_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception raised in a gc callback or __del__ is ignored by Python: the timer must fire again.

    The first alarm is swallowed here on purpose; the page (drawing only, so no text visitor
    checks the clock) must still stop at the bound instead of running to its end.
    """
    import signal

    real = signal.signal
    calls: list[int] = []

    def first_alarm_lost(signum: int, handler: object) -> object:
        if signum == signal.SIGALRM and callable(handler):
            calls.clear()

            def lossy(sig: int, frame: object) -> None:
                calls.append(sig)
                if len(calls) > 1:
                    handler(sig, frame)

            return real(signum, lossy)
        return real(signum, handler)  # type: ignore[arg-type]

    monkeypatch.setattr(signal, "signal", first_alarm_lost)
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_SECONDS", 0.3)
    drawing = pdf_page("0 0 m 10 10 l S\n" * 50_000)
    with pytest.raises(InputError) as err:
        read_bytes(drawing, "drawing.pdf", ".pdf")
    assert err.value.problem == "page 1 takes more than 0.3 s to read"
    assert len(calls) >= 2  # the lost alarm, then the one that stopped the page


def test_an_alarm_on_the_way_out_of_a_timed_out_page_does_not_cut_it_short(monkeypatch: pytest.MonkeyPatch) -> None:
    """The alarms repeat after the deadline. One that comes while the first timeout is still on its way out (a
    loaded machine; freeing a big page's objects) must not end that way out before it lifts the timer: after the
    one line, no timer is left running and the program's own alarm handler is back, even while the caller keeps
    the error (whose context holds the way out's frames)."""
    import signal

    monkeypatch.setattr(pdf_reader, "MAX_PAGE_SECONDS", 0.05)
    monkeypatch.setattr(pdf_reader, "_ALARM_REPEAT", 0.001)
    held = [[[None] for _ in range(200_000)] for _ in range(2)]  # one for each page read

    def slow_way_out(page: object, number: int, check: object, fonts: object) -> list[object]:
        big = held.pop()
        try:
            while True:
                pass
        finally:
            del big  # milliseconds in C, where no alarm is handled: the next one is due when the exits begin

    monkeypatch.setattr(pdf_reader, "_page_lines", slow_way_out)
    _stoppable_here(monkeypatch)
    before = signal.getsignal(signal.SIGALRM)
    kept: list[InputError] = []
    try:
        for _ in range(2):
            with pytest.raises(InputError) as err:
                read_bytes(pdf_page(text_operators(["Teenistuskoht Nõunik"])), "slow.pdf", ".pdf")
            kept.append(err.value)
            assert err.value.problem == "page 1 takes more than 0.05 s to read"
            assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
            assert signal.getsignal(signal.SIGALRM) is before
    finally:  # a timer left running would raise in the tests after this one
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)


@functools.cache
def _deflated(data: bytes) -> bytes:
    import zlib

    return zlib.compress(data, 9)


def _flate(data: bytes) -> Any:
    """A FlateDecode stream object of its own holding `data` compressed (a few KiB for MiBs of spaces)."""
    from pypdf.generic import EncodedStreamObject, NameObject

    stream = EncodedStreamObject()
    stream._data = _deflated(data)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    return stream


def _heavy_pdf(*, streams: int, forms: int, each: int, pages: int = 1, text: str = "Teenistuskoht Nõunik") -> bytes:
    """Pages whose /Contents is an array of `streams` Flate streams (each an object of its own) of `each`
    spaces, drawing `forms` form XObjects of as many spaces; every page shares the same stream objects."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject({NameObject(k): NameObject(v) for k, v in
                          {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica"}.items()})
    )  # fmt: skip
    fillers = [writer._add_object(_flate(b" " * each)) for _ in range(streams)]
    shown = writer._add_object(_flate(f"BT /F1 11 Tf 50 800 Td ({text}) Tj ET\n".encode("latin-1")))
    xobjects = DictionaryObject()
    for k in range(forms):
        form = _flate(b" " * each)
        form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                     NameObject("/BBox"): ArrayObject([NumberObject(0)] * 4)})  # fmt: skip
        xobjects[NameObject(f"/X{k}")] = writer._add_object(form)
    resources = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font}), NameObject("/XObject"): xobjects}
    )
    for _ in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        page[NameObject("/Resources")] = resources
        page[NameObject("/Contents")] = ArrayObject([shown, *fillers])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_content_stream_array_is_counted_before_it_is_decoded(tmp_path: Path) -> None:
    """Issue 24 (1): 100 Flate streams of 15 MiB of spaces each (a 1.5 MB file) peaked at 1.6 GB, as pypdf
    decoded and cached every one before the per-page sum was compared; now counting stops at the bound."""
    path = tmp_path / "array.pdf"
    path.write_bytes(_heavy_pdf(streams=100, forms=0, each=15 << 20))
    status, rss, _cpu, err = measured("show", path)
    assert status == 2
    assert err == (
        f"ajdiff: {path}: page 1 has more than 1024 KiB of drawing instructions (limit 1 MiB) "
        "(not a page of text; print the document to a new PDF)\n"
    )
    assert rss < 120, f"{rss} MiB"


def test_form_xobjects_are_counted_before_they_are_decoded(tmp_path: Path) -> None:
    """Issue 24 (1): 100 form XObjects of 15 MiB each did the same through the page's resources."""
    path = tmp_path / "forms.pdf"
    path.write_bytes(_heavy_pdf(streams=0, forms=100, each=15 << 20))
    status, rss, _cpu, err = measured("show", path)
    assert status == 2
    assert "page 1 has more than 1024 KiB of drawing instructions (limit 1 MiB)" in err
    assert rss < 120, f"{rss} MiB"


def test_decoding_counts_stop_at_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work done, not seconds: of 100 streams over the bound, none is decoded by pypdf, and the count
    of the one that crosses the bound stops one byte past it."""
    import pypdf.filters

    decoded: list[int] = []
    real = pypdf.filters.decode_stream_data
    monkeypatch.setattr(pypdf.filters, "decode_stream_data", lambda s: decoded.append(1) or real(s))
    sizes: dict[object, int] = {}
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(_heavy_pdf(streams=100, forms=0, each=3 << 20))).pages[0]
    assert pdf_reader._content_bytes(page, 1 << 20, sizes) == (1 << 20) + 1
    assert decoded == [] and len(sizes) == 2  # the text stream, then the first filler; 99 never opened


def test_pages_sharing_one_stream_are_bounded_as_a_document(tmp_path: Path) -> None:
    """Issue 24 (7): 999 pages that all draw one shared 400 KB stream passed each page's bound and took
    60 s on every read; a stream counts on every page that draws it, against the document's bound."""
    data = _heavy_pdf(streams=1, forms=0, each=400_000, pages=999)
    assert len(data) < 400_000
    path = tmp_path / "shared.pdf"
    path.write_bytes(data)
    status, _rss, _cpu, err = measured("show", path)
    assert status == 2
    limit = pdf_reader.MAX_PDF_CONTENT_BYTES
    page = limit // 400_100 + 1  # the first page whose bytes pass the bound
    assert err == (
        f"ajdiff: {path}: PDF has more than {limit >> 20} MiB of drawing instructions (page {page}) "
        "(not a document of text; print it to a new PDF or split it)\n"
    )


def test_a_host_programs_interval_timer_is_left_running(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 24 (19): called as a library, the reader's page deadline set the interval timer, cancelling
    one the host program had set; with a timer running, the reader bounds time by its own checks."""
    import signal

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 120.0)
        read_bytes(pdf_page(text_operators(seed_paragraphs())), "x.pdf", ".pdf")
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 60.0 < remaining <= 120.0 and fired == []
        monkeypatch.setattr(pdf_reader, "MAX_PAGE_SECONDS", 0.3)
        with pytest.raises(InputError) as err:  # and the page is still bounded, by the visitor's checks
            read_bytes(SLOW_PAGE, "slow.pdf", ".pdf")
        assert err.value.problem == "page 1 takes more than 0.3 s to read"
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 60.0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
