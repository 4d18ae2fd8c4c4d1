"""The library API the CLI, the redline and the UI all call: read, select, pair, compare."""

from __future__ import annotations

import gc
import os
import re
import stat
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import replace
from functools import partial
from pathlib import Path

from ajdiff import i18n
from ajdiff.changes import (
    Change,
    Comparison,
    ComparisonSet,
    InputBytes,
    PairBasis,
    PairEvidence,
    SectionAlignment,
)
from ajdiff.compare.document import compare, compare_orders
from ajdiff.errors import InputError, display_name
from ajdiff.i18n import N_, _
from ajdiff.model import _PACKED, JobDescription
from ajdiff.read.formats import DEFAULT_MAX_BYTES, SUFFIXES, read_bytes, read_input
from ajdiff.read.parse import annex_number, parse_source, read_documents
from ajdiff.text import fold
from ajdiff.tree import Node, NodeKind, walk

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)
if TYPE_CHECKING:
    from concurrent.futures import Executor, Future
    from typing import TypeVar

    from ajdiff.compare.pairing import FeatureCache

    _R = TypeVar("_R")
    _T = TypeVar("_T")

MAX_NOTED = 5
"""Pairs turned down for lack of evidence named one by one in the notes; the rest are counted."""

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work (folders)."""


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk work.

    The model is made of tuples and frozen dataclasses, freed by reference counting; with
    thousands of documents alive, the collector's repeated full scans cost a fifth of a batch.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def select_annex(docs: list[JobDescription], annex: str | None, source: str) -> list[JobDescription]:
    """Keep only the annex asked for ('2' or 'Lisa 2'); all documents when annex is None."""
    if annex is None:
        return docs
    wanted = annex_number(annex)
    chosen = [d for d in docs if (d.annex or "").lower() == wanted]
    if not chosen:
        have = ", ".join(d.annex for d in docs if d.annex) or "none"
        raise InputError(source, _("has no annex {0}").format(annex), _("annexes in the file: {0}").format(have))
    return chosen


def looks_like_job_description(doc: JobDescription) -> bool:
    """True when the document has any structure of a job description: a typed field, a title or an
    approval block, a known heading or label, or numbered items. Only text with none is refused."""
    r = doc.requirements
    if doc.general.position or doc.duties or r.education or r.experience or r.languages or r.knowledge or r.extra:
        return True
    for node in walk(doc.sections):
        if node.kind is NodeKind.FIELD or (node.kind is NodeKind.ITEM and node.number):
            return True
        if node.kind is NodeKind.SECTION and not (node.key or "other.").startswith("other."):
            return True
        if node.key == "approval" or (node.kind is NodeKind.PARAGRAPH and fold(node.text) == "ametijuhend"):
            return True
    return False


LOOKED_FOR = N_(
    "(looked for a title 'AMETIJUHEND' or an approval block, headings such as 'Üldosa' or 'Teenistusülesanded', "
    "labels such as 'Teenistuskoht' or 'Vahetu juht', numbered items)"
)
"""What a file without a job description lacks (marked here, said in the language chosen by then)."""


def load(path: str | Path, annex: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[JobDescription]:
    """Read one file (or '-') and optionally select one annex; refuse a file with no job description at all."""
    return select_annex(_load_all(path, max_bytes), annex, str(path))


def _load_all(path: str | Path, max_bytes: int) -> list[JobDescription]:
    """Every job description of one file; refuse a file with none."""
    return _load_read(path, max_bytes)[0]


def _load_read(path: str | Path, max_bytes: int, annex: str | None = None) -> tuple[list[JobDescription], InputBytes]:
    """Every job description of one file, and the bytes they were read from; refuse a file with none.

    With `annex`, only that annex is parsed where the file has it and it looks like a job description
    (a one-pair diff of an order need not parse its other annexes); otherwise every one, as without."""
    data, name, suffix = read_input(path, max_bytes=max_bytes)
    source = read_bytes(data, name, suffix, max_bytes=max_bytes)
    docs = parse_source(source, annex) if annex is not None else []
    if not any(looks_like_job_description(d) for d in docs):
        docs = parse_source(source)
    if not any(looks_like_job_description(d) for d in docs):
        # A README or a letter would otherwise "compare" as one nameless post with nothing in it.
        raise InputError(
            str(path),
            _("does not look like a job description {0}").format(_(LOOKED_FOR)),
            _("give an ametijuhend or an order with annexes"),
        )
    return docs, InputBytes(data, name, suffix)


def in_annex_order(docs: list[JobDescription]) -> list[JobDescription]:
    """The documents of one file by annex number, Lisa 2 before Lisa 10, whatever order the file has them in.

    A file made by joining annexes sorted as text (Lisa 10, 11, 1, 2 …) would otherwise be paired, reported,
    streamed and browsed in that order; a file where any annex has no number is left as it is.
    """
    if len(docs) < 2:  # nothing to order: a folder's files hold one annex each
        return list(docs)
    numbers = [_DIGITS.match(d.annex or "") for d in docs]
    if not all(numbers):
        return docs
    return [d for _, _, d in sorted((int(m.group()), k, d) for k, (m, d) in enumerate(zip(numbers, docs)) if m)]


def natural_key(name: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key of a name with its digit runs as numbers: 'lisa_2' before 'lisa_10', as a person counts annexes."""
    parts = (part for part in _DIGITS.split(name) if part)
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in parts)


_DIGITS = re.compile(r"(\d+)")


def _list_folder(folder: Path, notes: list[str]) -> list[Path]:
    """The documents of a folder by name (numbers as numbers); one that is no regular file is skipped with a note."""
    files = []
    for p in sorted(folder.iterdir(), key=lambda p: (natural_key(p.name), p.name)):
        if p.suffix.lower() not in SUFFIXES - {""}:
            continue
        try:
            mode: int | None = p.stat().st_mode  # through a link: what would be read
        except OSError:  # a link in a loop or to nothing
            mode = None
        if mode is not None and stat.S_ISREG(mode):
            files.append(p)
        elif mode is None or not stat.S_ISDIR(mode):
            # A named pipe would block the run, a link to /dev/zero feed it without end: never opened.
            notes.append(
                _("skipped {0}: not a regular file (a named pipe, a device or a broken link)").format(
                    display_name(str(p))
                )
            )
    if not files:
        raise InputError(
            str(folder),
            _("folder has no .txt, .docx, .pdf, .html or .asice files"),
            _("give folders of ametijuhend files"),
        )
    return files


Known = dict[tuple[int, int], "Outcome"]
"""Outcomes already computed, by the ids of the two documents compared (see `_read_folders`)."""


def _read_folders(
    old_files: list[Path],
    new_files: list[Path],
    max_bytes: int,
    jobs: int,
    progress: Progress | None,
    arrived: Callable[[list[JobDescription], list[JobDescription], bool | None], object] | None = None,
    meanwhile: Callable[[], object] | None = None,
    alignment: bool = True,
    prepare: Callable[[int], object] | None = None,
    trees: bool = True,
) -> tuple[list[list[JobDescription]], Known]:
    """Read two folders' files (the documents of each, old files then new, in order), and, in `jobs` processes,
    compare each file with its namesake on the other side while both are at hand.

    Pairing is decided later, in this process, from every document; but a file and its namesake, one job
    description each and worded alike, are nearly always paired, so the worker that reads them compares them
    too: the pair's changes travel back with its documents, and no second pool (a fork of a process holding
    every tree, cold caches, the trees' pages copied) is needed for them. A pair decided otherwise is compared
    afterwards.

    `arrived` is called with each file's documents and its namesake's as they come back, while the readers go on
    (the pairing's features), and whether the reader that compared the two found them worded alike (None where
    it did not compare them); `meanwhile` once, as soon as the first files read show that the names do not tell
    the pairs (see `_pairing_will_wait`). With `jobs` N, N - 1 workers and this process read (see `_share_work`).
    `alignment` False: the outcomes of the pairs compared where read come without their alignment. `prepare` is
    called once with `jobs` N, as the first files come back, with the number of files of the larger side.
    `trees` False: the documents of the pairs compared where read come without their trees, read again from their
    files where something asks (`reread_tree`).
    """
    paths = old_files + new_files
    new_by_name = {p.name: k for k, p in enumerate(new_files)}
    tasks: list[tuple[int | None, int | None]] = []
    for k, p in enumerate(old_files):
        tasks.append((k, new_by_name.pop(p.name, None)))
    tasks += [(None, j) for j in sorted(new_by_name.values())]
    old_read: list[list[JobDescription]] = [[] for _ in old_files]
    new_read: list[list[JobDescription]] = [[] for _ in new_files]
    if jobs <= 1 or len(paths) <= 1:
        # A file and its namesake one after the other, as a pool's worker reads them: most of their lines are
        # the same, and the readers' memos (the table-header test's, the folding's) answer the second from the
        # first while it is still in them; all old files first would push a big batch's out before the new came.
        done = 0
        for i, j in tasks:
            for at, read, files in ((i, old_read, old_files), (j, new_read, new_files)):
                if at is not None:
                    read[at] = read_documents(files[at], max_bytes=max_bytes)
                    done += 1
                    if progress:
                        progress(done, len(paths))
        return old_read + new_read, {}
    known: Known = {}
    done = 0
    work = [(old_files[i] if i is not None else None, new_files[j] if j is not None else None) for i, j in tasks]
    _NAMESAKES[:] = [0, 0]  # this process reads too: its own count, as a fresh worker's
    waiting = meanwhile
    with _running_pool(jobs - 1) as pool:
        results = _share_work(pool, jobs - 1, _read_pair_for_pool, work, max_bytes, alignment, trees)
        for k, ((i, j), (olds, news, outcome, alike)) in enumerate(zip(tasks, results)):
            if i is not None:
                old_read[i] = olds
                done += 1
            if j is not None:
                new_read[j] = news
                done += 1
            if outcome is not None:
                known[id(olds[0]), id(news[0])] = outcome
            else:
                _unpack_trees(olds, news)
            if waiting is not None and _pairing_will_wait(k + 1, len(known), len(tasks)):
                waiting()
                waiting = None
            if prepare is not None and k == 0:
                # This process's work after the reading is done only by it: here, the workers read meanwhile.
                prepare(max(len(old_files), len(new_files)))
            if arrived is not None:
                arrived(olds, news, alike)
            if progress:
                progress(done, len(paths))
    return old_read + new_read, known


def _unpack_trees(*docs: list[JobDescription]) -> None:
    """Make now the trees of documents a reader sent back without comparing them (`JobDescription.sections`).

    Pairing decides their pairs, which this process compares, or a pool forked from it: made there, a tree would be
    made by each worker that needs it, and this process would hold it packed all along, its strings unshared with
    other documents' (an agency's documents repeat their template's sentences: 45 MB more for 5,000 x 5,000)."""
    for doc in (d for side in docs for d in side):
        doc.sections  # noqa: B018  # read: unpacked


def _pairing_will_wait(arrived: int, compared: int, total: int) -> bool:
    """Whether a large folder's pairing will need its sparse solver, judged from the first `arrived` of `total`
    files (or pairs of namesakes) read: most not compared where they were read (`compared`), the names do not
    tell the pairs (an agency renumbered) and the content must. A batch of namesakes pairs by name: no solver."""
    return arrived >= min(NAMESAKE_TRIAL, total) and 2 * compared < arrived


_PENDING = object()
"""A result not come back yet (see `_share_work`)."""


def _share_work(
    pool: Executor, workers: int, work: Callable[..., _R], items: Sequence[_T], *args: object
) -> Iterator[_R]:
    """`work(item, *args)` for each item, in the order of `items`: the pool's `workers` processes take chunks,
    and this process takes one item at a time whenever each of them has work queued.

    With `--jobs 2` one worker and this process share the work: two processes on two cores, not two workers
    and this one (taking their results and pairing) on two cores; and only the worker's half of the results is
    pickled. Chunks shrink as the work runs out, so that no process waits long for another at the end."""
    from concurrent.futures import FIRST_COMPLETED, wait

    results: list[object] = [_PENDING] * len(items)
    running: dict[Future[list[_R]], int] = {}
    queued = 0  # items in the pool's chunks not yet come back
    taken = given = 0  # items handed out (to the pool or done here); results yielded
    while given < len(items):
        left = len(items) - taken
        # Each worker: a chunk running and one queued, so it never waits for this process to hand it more.
        while left and queued < 2 * workers * max(1, min(CHUNK, left // (4 * (workers + 1)))):
            size = max(1, min(CHUNK, left // (4 * (workers + 1))))
            running[pool.submit(_chunk, work, items[taken : taken + size], args)] = taken
            queued += size
            taken += size
            left -= size
        for future in [f for f in running if f.done()]:
            at = running.pop(future)
            chunk = future.result()
            results[at : at + len(chunk)] = chunk
            queued -= len(chunk)
        while given < len(items) and results[given] is not _PENDING:
            result, results[given] = results[given], None  # not held once yielded
            given += 1
            yield result  # type: ignore[misc]  # a result of work
        if given == len(items):
            break
        if taken < len(items):
            results[taken] = work(items[taken], *args)
            taken += 1
        elif running:
            wait(running, return_when=FIRST_COMPLETED)


CHUNK = 20
"""Items a worker takes at a time, at most: few enough that their results, a pair of documents each when reading,
fit the results pipe (`RESULTS_PIPE`) whole."""


def _chunk(work: Callable[..., _R], items: Sequence[_T], args: tuple[object, ...]) -> list[_R]:
    return [work(item, *args) for item in items]


NAMESAKE_TRIAL = 32
"""Namesakes a reader checks before it judges whether its folder's names tell the pairs (`_namesakes_tell`)."""

_IN_WORKER = False
"""Whether this process is a pool's worker (`_worker_start`): only its documents are pickled back."""

_NAMESAKES = [0, 0]
"""In a reader process: the namesakes it has checked with `likely_pair`, and how many of them were worded alike."""


def _namesakes_tell() -> bool:
    """Whether this reader's namesakes are worth checking: the first few always, then while at least half of them
    have been worded alike. Names shuffled (an agency renumbered), a check costs a twentieth of a comparison and
    never finds a pair; a pair not compared here is compared after pairing, to the same outcome."""
    checked, alike = _NAMESAKES
    return checked < NAMESAKE_TRIAL or 2 * alike >= checked


def _read_pair_for_pool(
    pair: tuple[Path | None, Path | None], max_bytes: int, alignment: bool = True, trees: bool = True
) -> tuple[list[JobDescription], list[JobDescription], Outcome | None, bool | None]:
    """A file and its namesake read, and compared where they are likely a pair: their outcome (with its alignment
    if asked, and the two documents without their trees unless asked: `reread_tree`), and whether they are worded
    alike as the pairing's anchors ask (`FeatureCache.worded_alike`); None and None otherwise."""
    from ajdiff.compare.pairing import FeatureCache, likely_pair

    old_path, new_path = pair
    # Taken before the files are read: a file written to afterwards has another, and is not read again as its own.
    stamps = (_stamp(old_path), _stamp(new_path)) if not trees and _IN_WORKER and None not in pair else None
    olds = read_documents(old_path, max_bytes=max_bytes) if old_path is not None else []
    news = read_documents(new_path, max_bytes=max_bytes) if new_path is not None else []
    single = len(olds) == 1 and len(news) == 1
    # Names shuffled (an agency renumbered) would make every such comparison wasted work: only posts worded
    # alike are compared here.
    if single and _namesakes_tell() and looks_like_job_description(olds[0]) and looks_like_job_description(news[0]):
        _NAMESAKES[0] += 1
        if likely_pair(olds[0], news[0]):
            _NAMESAKES[1] += 1
            # The answer the pairing wants of a pair named alike, told here: this process would make both
            # documents' features for it, a twentieth of a pair's reading.
            alike = FeatureCache.worded_alike(olds[0], news[0])
            outcome = _outcome(olds[0], news[0], aligned=alignment)
            if stamps is not None and stamps[0] is not None and stamps[1] is not None:
                # Packing and pickling a pair's two trees, and unpickling them, were a twentieth of a batch's
                # --jobs 2 work, for reports that never read them (JSON): their paths go back in their place.
                # A partial of a function pickles as its name and its values, rebuilt in C.
                olds[0].__dict__[_PACKED] = partial(reread_tree, str(old_path), max_bytes, stamps[0])
                news[0].__dict__[_PACKED] = partial(reread_tree, str(new_path), max_bytes, stamps[1])
            return olds, news, outcome, alike  # pickled together: the changes share the trees' nodes
    return olds, news, None, None


Stamp = tuple[int, int, int, int]
"""What tells a file's bytes unchanged since it was read: its device, inode, size and time of last change (ns)."""


def _stamp(path: Path | None) -> Stamp | None:
    """A regular file's `Stamp`; None for anything else (a pipe, a file gone), whose tree is sent as ever."""
    try:
        st = os.stat(path) if path is not None else None
    except OSError:
        return None
    if st is None or not stat.S_ISREG(st.st_mode):
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def reread_tree(path: str, max_bytes: int, stamp: Stamp) -> tuple[Node, ...]:
    """The tree of a file's one document, read again from the file: what a reader process sends back in place of a
    tree, as `partial(reread_tree, path, max_bytes, stamp)`, where the report reads none
    (`compare_files(trees=False)`), for the first that asks for it (the pairing, pairing the document otherwise,
    compares it here). Reading is the same for the same bytes: the tree is the one the reader made. A file changed,
    replaced or gone since (its `Stamp` taken before the reader read it) is refused rather than read otherwise."""
    docs = read_documents(path, max_bytes=max_bytes) if _stamp(Path(path)) == stamp else []
    if len(docs) != 1:  # changed since; the same bytes always read as one document (reading is pure)
        raise InputError(path, _("changed while ajdiff was reading it"), _("run again once nothing writes to it"))
    return docs[0].sections


def _job_descriptions(paths: list[Path], results: list[list[JobDescription]], notes: list[str]) -> list[JobDescription]:
    docs: list[JobDescription] = []
    for path, result in zip(paths, results):
        if any(looks_like_job_description(d) for d in result):
            docs.extend(in_annex_order(result))
        else:  # a README next to the annexes: skip it and say so, rather than pair it as a post
            notes.append(
                _("skipped {0}: does not look like a job description {1}").format(
                    display_name(str(path)), _(LOOKED_FOR)
                )
            )
    return docs


def _pool(jobs: int) -> tuple[Executor, bool]:
    """A process pool (imported only when --jobs asks for one) and whether its workers fork.

    Fork where the platform has it: workers start at once and inherit what is already loaded.
    Every worker dies with this process (see `_worker_start`).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    forks = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if forks else None
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_worker_start, initargs=(os.getpid(), i18n.current())
    )
    _widen_results_pipe(pool)
    return pool, forks


RESULTS_PIPE = 1 << 20
"""Bytes the pipe of a pool's results holds (Linux's limit for a process without privileges): a chunk of read
documents pickled, about a megabyte, written at once."""


def _widen_results_pipe(pool: Executor) -> None:
    """Let a worker write a chunk's results into the pipe without waiting for this process to read them.

    The pool's thread that reads the pipe needs the GIL after each 64 KB (the default size) while this process's
    main thread reads and compares, up to 5 ms a time (`sys.getswitchinterval`); a worker sending a megabyte of
    documents back waited for it, idle (0.4 s of a 1,000-pair batch's reading; 0.02 s with this pipe and chunks
    of `CHUNK`). A wider pipe takes the chunk whole and the worker goes on with its next one. Where the system
    has no such call, the pipe stays as it is."""
    try:
        import fcntl
    except ImportError:  # Windows
        return
    setter = getattr(fcntl, "F_SETPIPE_SZ", None)
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if setter is None or writer is None:
        return
    with suppress(OSError, ValueError):  # a lower system limit (/proc/sys/fs/pipe-max-size): the default size
        fcntl.fcntl(writer.fileno(), setter, RESULTS_PIPE)


def _worker_start(parent: int, lang: str = "en") -> None:
    """Tie a worker's life to its parent's: a killed `ajdiff` (SIGTERM, SIGKILL) leaves no worker behind; and
    speak the parent's language (a spawned worker does not inherit it), as its warnings and refusals are said
    where they are raised.

    A thread waits for the parent to end (`multiprocessing.parent_process().join()`: its end of a pipe closes, as
    the system closes a dead process's files) and ends the worker. (Linux's PR_SET_PDEATHSIG did it, and a thread
    asked for the parent's id twice a second elsewhere; the call through ctypes cost each worker 7.6 million
    instructions to import.) Ctrl-C is the parent's to handle: workers ignore SIGINT instead of printing
    tracebacks.
    """
    import multiprocessing
    import signal
    import threading

    global _IN_WORKER
    _IN_WORKER = True
    i18n.use(lang)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent_process = multiprocessing.parent_process()

    def watch() -> None:
        if parent_process is not None:
            parent_process.join()  # returns once the parent has ended, or at once if it has already
        else:  # not started by multiprocessing (never so in a pool): its parent's id tells
            while os.getppid() == parent:
                time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="ajdiff-parent-watch", daemon=True).start()


@contextmanager
def _running_pool(jobs: int) -> Iterator[Executor]:
    """A pool that, when the work fails (a bad file, Ctrl-C), stops at once: queued work is cancelled,
    running workers are ended, and the error that stopped it reaches the caller intact."""
    from concurrent.futures.process import BrokenProcessPool

    pool, _forks = _pool(jobs)
    try:
        yield pool
    except BrokenProcessPool:
        _stop(pool)
        # A worker was killed from outside (out of memory, a signal): say so in one line.
        raise InputError("--jobs", _("a worker process died (out of memory?)"), _("try --jobs 1")) from None
    except BaseException:
        _stop(pool)
        raise
    else:
        pool.shutdown(wait=True)


def _stop(pool: Executor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:  # a worker busy with a long chunk would otherwise hold the exit
        with suppress(OSError, ValueError, AttributeError):
            process.terminate()


# The documents of a parallel comparison, set before the workers fork so that they inherit them
# instead of receiving every pair pickled; each worker sends back only the changes.
_SHARED: tuple[list[JobDescription], list[JobDescription]] = ([], [])


Outcome = tuple[float, tuple[Change, ...], tuple[int, float], tuple[SectionAlignment, ...]]
"""What a worker sends back for one pair: similarity, changes, the duties matched (the pair's evidence), and
the alignment (its steps hold the same changes: pickled once)."""


Task = tuple[int, int, bool]
"""A pair to compare: old and new index, and whether its content alone must carry it (pairing gave no basis)."""


def _outcome(
    old: JobDescription, new: JobDescription, content_must_carry: bool = False, aligned: bool = True
) -> Outcome:
    from ajdiff.compare.pairing import carries, duties_matched

    # Computed here, in parallel; the comparison then finds the duties already matched (`match_duties`).
    matched = duties_matched(old, new)
    if content_must_carry and not carries(old, new, matched):
        # Refused by its content (`judge`): one post abolished, one created. Its comparison would be thrown
        # away: an agency's posts abolished and created are a tenth of its proposed pairs.
        return 0.0, (), matched, ()
    result = compare(old, new)
    # Without the alignment where it is not wanted: its steps are a fifth of an outcome a reader pickles back.
    return result.similarity, result.changes, matched, result.alignment if aligned else ()


def _compare_shared(task: Task) -> Outcome:
    return _outcome(_SHARED[0][task[0]], _SHARED[1][task[1]], task[2])


def _compare_pair(task: tuple[JobDescription, JobDescription, bool]) -> Outcome:
    return _outcome(*task)


Early = tuple["Executor", dict[tuple[int, int], tuple["Future[list[Outcome]]", int]]]
"""A pool comparing pairs while this process pairs the rest, and each such pair's chunk and place in it, by the
ids of its two documents (see `_compare_while_pairing`)."""


def _compare_while_pairing(
    running: ExitStack,
    old: list[JobDescription],
    new: list[JobDescription],
    jobs: int,
    known: Known,
    features: FeatureCache | None,
) -> Early | None:
    """Hand the workers' share of the pairs that names settle (`paired_by_name`) to a pool, forked now with every
    document, so that they compare them while this process pairs the rest; None where there is no such work.

    A large folder's pairing (blocking, the sparse assignment) takes a second of one core, the other idle; an
    agency's names settle a third of its pairs before it starts. The pool, kept open in `running`, then
    compares the rest with this process (`_compare_known`)."""
    global _SHARED
    from ajdiff.compare.pairing import SMALL_PROBLEM, paired_by_name

    if jobs <= 1 or features is None or min(len(old), len(new)) <= SMALL_PROBLEM or "fork" not in _start_methods():
        return None  # a small pairing is over at once; without fork the documents would travel to the workers
    named = [(i, j, False) for i, j in paired_by_name(old, new, features) if (id(old[i]), id(new[j])) not in known]
    # The workers' share of them, every (N)th left to this process as the rest of the pairs: where names settle
    # nearly every pair (files renamed, posts kept), this process would otherwise wait for the workers at the end.
    tasks = [t for k, t in enumerate(named) if k % jobs]
    if not tasks:  # a batch of namesakes: compared where they were read
        return None
    _SHARED = (old, new)
    running.callback(_unshare)
    pool = running.enter_context(_running_pool(jobs - 1))
    started: dict[tuple[int, int], tuple[Future[list[Outcome]], int]] = {}
    for at in range(0, len(tasks), CHUNK):
        chunk = tasks[at : at + CHUNK]
        future = pool.submit(_chunk, _compare_shared, chunk, ())
        for k, (i, j, _carry) in enumerate(chunk):
            started[id(old[i]), id(new[j])] = future, k
    return pool, started


def _unshare() -> None:
    global _SHARED
    _SHARED = ([], [])


def _compare_known(
    old: list[JobDescription],
    new: list[JobDescription],
    pairs: list[Task],
    jobs: int,
    progress: Progress | None,
    known: Known,
    early: Early | None = None,
) -> Iterator[Outcome]:
    """As `_compare_many`, taking the outcomes already `known` (by the documents' ids) instead of comparing again,
    and those of the pairs compared `early` from the pool that compares them."""
    if not known and early is None:
        yield from _compare_many(old, new, pairs, jobs, progress)
        return
    pool, started = early if early is not None else (None, {})
    elsewhere = known.keys() | started.keys()
    todo = [t for t in pairs if (id(old[t[0]]), id(new[t[1]])) not in elsewhere]
    if pool is None:
        fresh = _compare_many(old, new, todo, jobs, None)
    else:  # in the pool that compares the early ones, its workers forked with these documents
        fresh = _compare_many(old, new, todo, jobs, None, pool)
    ahead: deque[Outcome] = deque()  # the rest's outcomes computed while an early one was still on its way
    for k, (i, j, _carry) in enumerate(pairs):
        key = id(old[i]), id(new[j])
        outcome = known.get(key)
        if outcome is None and key in started:
            future, at = started[key]
            while not future.done() and (more := next(fresh, None)) is not None:
                ahead.append(more)  # this process compares the rest meanwhile, rather than wait
            outcome = future.result()[at]
        elif outcome is None:
            outcome = ahead.popleft() if ahead else next(fresh)
        yield outcome
        if progress:
            progress(k + 1, len(pairs))


def _compare_many(
    old: list[JobDescription],
    new: list[JobDescription],
    pairs: list[Task],
    jobs: int,
    progress: Progress | None,
    pool: Executor | None = None,
) -> Iterator[Outcome]:
    """Compare the given index pairs, in `jobs` processes when there is enough work; outcomes in order, as they come.

    `pool`: one already running, forked with `old` and `new` shared (see `_compare_while_pairing`)."""
    global _SHARED
    if pool is not None:
        for k, outcome in enumerate(_share_work(pool, jobs - 1, _compare_shared, pairs)):
            if progress:
                progress(k + 1, len(pairs))
            yield outcome
        return
    if jobs <= 1 or len(pairs) < 2:
        for k, (i, j, carry) in enumerate(pairs):
            outcome = _outcome(old[i], new[j], carry)
            if progress:
                progress(k + 1, len(pairs))
            yield outcome
        return
    _SHARED = (old, new)
    try:
        with _running_pool(jobs - 1) as pool:  # this process compares too (see `_share_work`)
            if "fork" in _start_methods():
                outcomes = _share_work(pool, jobs - 1, _compare_shared, pairs)
            else:  # no fork: the pairs travel to the workers
                outcomes = _share_work(
                    pool, jobs - 1, _compare_pair, [(old[i], new[j], carry) for i, j, carry in pairs]
                )
            for k, outcome in enumerate(outcomes):
                if progress:
                    progress(k + 1, len(pairs))
                yield outcome
    finally:
        _unshare()


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


OnPair = Callable[[Comparison], None]
"""Called with each compared pair as soon as it is done (streaming output)."""


def _label(doc: JobDescription) -> str:
    """A document as a note names it, in the chosen language ('Lisa 2 · …' / 'Annex 2 · …')."""
    from ajdiff.words import doc_label

    return doc_label(doc, i18n.current())


def not_paired_note(rejected: Sequence[tuple[str, str, int, int]], shown: int = MAX_NOTED) -> str:
    """The note of the pairs turned down (old label, new label, duties that match, duties), the first `shown`
    named, each part said in the chosen language."""
    named = "; ".join(
        _("{0} ({1} of {2} duties match)").format(f"{old} → {new}", matched, duties)
        for old, new, matched, duties in rejected[:shown]
    )
    if len(rejected) > shown:
        named = _("{0} and {1} more").format(named, len(rejected) - shown)
    return _("not paired, too little in common: {0}; pair by hand with --pair OLD=NEW").format(named)


def compare_documents(
    old: list[JobDescription],
    new: list[JobDescription],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    pair: Sequence[str] = (),
    no_pair: Sequence[str] = (),
    on_pair: OnPair | None = None,
) -> ComparisonSet:
    """Pair two lists of documents and compare each pair.

    One against one is compared directly; one against several picks the best match and says
    so; several against several are paired by position, unit and content, each pair with its
    evidence, the rest listed as posts abolished (old only) or created (new only). `pair` and
    `no_pair` fix pairs by hand ('2=4', '1', '=4', '1=3': annex numbers, file names or FILE#K).
    """
    return _compare_documents(
        old, new, jobs=jobs, progress=progress, pair=pair, no_pair=no_pair, on_pair=on_pair, known={}
    )


def _compare_documents(
    old: list[JobDescription],
    new: list[JobDescription],
    *,
    jobs: int,
    progress: Progress | None,
    pair: Sequence[str],
    no_pair: Sequence[str],
    on_pair: OnPair | None,
    known: Known,
    features: FeatureCache | None = None,
    aligned: bool = True,
) -> ComparisonSet:
    """`compare_documents`, with the outcomes of some pairs already `known` (see `_read_folders`) and the
    pairing's `features` of some documents already computed; `aligned` False: each pair without its alignment."""
    notes: list[str] = []
    by_hand = bool(pair or no_pair)
    if len(old) == 1 and len(new) == 1 and not by_hand:
        result = compare(old[0], new[0])
        if not aligned:
            result = replace(result, alignment=())
        if on_pair:
            on_pair(result)
        return ComparisonSet(pairs=(result,))
    # Pairing is for more than one document a side: a one-pair diff does not import it.
    from ajdiff.compare.pairing import best_match, constraints, evidence, judge, propose, settle

    if (len(old) == 1 or len(new) == 1) and not by_hand:
        single, many, single_is_old = (old[0], new, True) if len(old) == 1 else (new[0], old, False)
        k, score = best_match(single, many)
        chosen = many[k]
        notes.append(
            _("compared with {0} of {1}, the best match of {2} (score {3}); choose another with --{4}-annex").format(
                _label(chosen), chosen.source, len(many), format(score, ".2f"), "new" if single_is_old else "old"
            )
        )
        a, b = (single, chosen) if single_is_old else (chosen, single)
        result = replace(compare(a, b), pairing=evidence(a, b, score, PairBasis.BEST))
        if not aligned:
            result = replace(result, alignment=())
        if on_pair:
            on_pair(result)
        return ComparisonSet(pairs=(result,), notes=tuple(notes))
    rules = constraints(old, new, pair, no_pair) if by_hand else None
    found: list[tuple[int, int, PairEvidence]] = []
    results: list[Comparison] = []
    rejected: list[tuple[str, str, int, int]] = []
    with ExitStack() as running:
        early = _compare_while_pairing(running, old, new, jobs, known, features) if rules is None else None
        # In the order of the old side, so that pairs stream (`on_pair`, jsonl, csv) as the report lists them.
        proposals = sorted(propose(old, new, rules, features), key=lambda p: (p.old, p.new))
        if features is not None:
            features.clear()  # not held through the comparisons: the agency's peak memory
        tasks = [(p.old, p.new, p.basis is None) for p in proposals]
        outcomes = _compare_known(old, new, tasks, jobs, progress, known, early)
        for p, (similarity, changes, matched, alignment) in zip(proposals, outcomes):
            proof = judge(old[p.old], new[p.new], p.score, p.basis, matched)
            if proof is None:  # the content does not support the pair: one post abolished, one created
                a, b = old[p.old], new[p.new]
                duties = max(len(a.duties), len(b.duties))
                rejected.append((_label(a), _label(b), matched[0], duties))
                continue
            found.append((p.old, p.new, proof))
            # The alignment kept, not only its changes: the redline's body walks it as the reports do.
            result = Comparison(old[p.old], new[p.new], similarity, changes, proof, alignment if aligned else ())
            results.append(result)
            if on_pair:
                on_pair(result)
    if rejected:  # say what was not paired and why, so that a reviewer can pair it by hand
        notes.append(not_paired_note(rejected))
    settled = settle(len(old), len(new), found)
    by_old = {id(c.old): c for c in results}
    return ComparisonSet(
        pairs=tuple(by_old[id(old[i])] for i, _, _ in settled.pairs),
        unpaired_old=tuple(old[i] for i in settled.unpaired_old),
        unpaired_new=tuple(new[j] for j in settled.unpaired_new),
        notes=tuple(notes),
    )


def compare_files(
    old_path: str | Path,
    new_path: str | Path,
    *,
    old_annex: str | None = None,
    new_annex: str | None = None,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    pair: Sequence[str] = (),
    no_pair: Sequence[str] = (),
    on_pair: OnPair | None = None,
    every_annex: bool = True,
    alignment: bool = True,
    prepare: Callable[[int], object] | None = None,
    trees: bool = True,
) -> ComparisonSet:
    """Compare two files, two orders or two folders of job descriptions (see `compare_documents`).

    `every_annex=False`: of a file with `old_annex`/`new_annex`, read only that annex; `old_all`/`new_all`
    are then empty (the reports that list a file's every annex, and the redline, need them: the default).
    `alignment=False`: each pair's `alignment` is empty (the JSON reports read only the changes), and the reader
    processes of `jobs` need not send it back. `prepare(files)`, where two folders are read in `jobs` processes
    (`jobs` > 1), is called once while they read, with the number of files of the larger side: what the caller will
    need after the comparison (the command line loads its report's writer) made ready then costs this process half
    as much, the workers reading on meanwhile, as after the reading with them idle; elsewhere it is not called.
    `trees=False` (the JSON reports read no document's tree): where two folders are read in `jobs` processes, the
    documents of the pairs compared where they were read come back without their trees, which are read again from
    their files if anything asks for them (`reread_tree`)."""
    old_p, new_p = Path(old_path), Path(new_path)
    if str(old_path) == "-" and str(new_path) == "-":
        raise InputError("-", _("only one side can be standard input"), _("give the other side as a file"))
    old_dir, new_dir = old_p.is_dir() and str(old_path) != "-", new_p.is_dir() and str(new_path) != "-"
    if old_dir != new_dir:
        folder = old_path if old_dir else new_path
        raise InputError(
            str(folder), _("is a folder but the other side is a file"), _("compare two files or two folders")
        )
    jobs = max(1, min(jobs, os.cpu_count() or 1))
    notes: list[str] = []
    features = None
    if old_dir:
        old_files, new_files = _list_folder(old_p, notes), _list_folder(new_p, notes)
        solver = None
        if jobs > 1 and min(len(old_files), len(new_files)) > 1:
            from ajdiff.compare.pairing import SMALL_PROBLEM, FeatureCache, load_solver

            # Computed here while the readers work, instead of after them with one core idle.
            features = FeatureCache()
            if min(len(old_files), len(new_files)) > SMALL_PROBLEM:  # likely too many to score all against all
                solver = load_solver
        with gc_paused():  # both folders in one pool: one start-up, and both sides fill the cores
            arrived = features.arrived if features is not None else None
            read, known = _read_folders(
                old_files, new_files, max_bytes, jobs, progress, arrived, solver, alignment, prepare, trees
            )
        old_docs = _job_descriptions(old_files, read[: len(old_files)], notes)
        new_docs = _job_descriptions(new_files, read[len(old_files) :], notes)
        for folder, docs in ((old_p, old_docs), (new_p, new_docs)):
            if not docs:
                raise InputError(
                    str(folder), _("folder has no job descriptions"), _("give folders of ametijuhend files")
                )
    else:
        old_all, old_input = _load_read(old_path, max_bytes, None if every_annex else old_annex)
        new_all, new_input = _load_read(new_path, max_bytes, None if every_annex else new_annex)
        old_docs = in_annex_order(select_annex(old_all, old_annex, str(old_path)))
        new_docs = in_annex_order(select_annex(new_all, new_annex, str(new_path)))
        known = {}
    with gc_paused():
        result = _compare_documents(
            old_docs,
            new_docs,
            jobs=jobs,
            progress=progress,
            pair=pair,
            no_pair=no_pair,
            on_pair=on_pair,
            known=known,
            features=features,
            aligned=alignment,
        )
    result = replace(result, old_path=str(old_path), new_path=str(new_path))
    if not old_dir:
        paired = [(p.old.annex, p.new.annex) for p in result.pairs]
        order_changes = compare_orders(old_docs[0].order, new_docs[0].order, paired)
        result = replace(
            result,
            order_changes=order_changes,
            old_all=tuple(old_all) if every_annex or old_annex is None else (),
            new_all=tuple(new_all) if every_annex or new_annex is None else (),
            old_input=old_input,
            new_input=new_input,
        )
    return replace(result, notes=(*notes, *result.notes)) if notes else result
