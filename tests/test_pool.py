"""The process pool of `--jobs N`: errors cross from the workers intact, and no worker outlives ajdiff."""

from __future__ import annotations

import os
import pickle
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from ajdiff.errors import InputError, OutputError
from tests.benchmarks.synth import load_template, write_agency
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two folders of 400 generated posts: a few seconds of work for two workers."""
    agency = write_agency(load_template(), tmp_path_factory.mktemp("pool"), 400, seed=5)
    return agency.old_dir, agency.new_dir


def _children(pid: int) -> set[int]:
    """The processes whose parent is pid (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_errors_survive_pickling() -> None:
    for error in (InputError("a.docx", "not a zip", "save it again"), OutputError("out.txt", "exists")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and copy.line() == error.line()


def test_an_unreadable_file_in_a_parallel_folder_comparison_is_named(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    text = SEEDS["001"].read_text(encoding="utf-8")
    for k in range(6):
        (old / f"a{k}.txt").write_text(text, encoding="utf-8")
        (new / f"a{k}.txt").write_text(text, encoding="utf-8")
    (new / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    done = subprocess.run(
        [sys.executable, "-m", "ajdiff", "diff", str(old), str(new), "--jobs", "2"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and done.stdout == ""
    assert re.fullmatch(r"ajdiff: .*broken\.docx: [^\n]+\n", done.stderr), done.stderr
    assert "internal error" not in done.stderr and "BrokenProcessPool" not in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killing_a_parallel_comparison_leaves_no_worker(folders: tuple[Path, Path], sig: signal.Signals) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ajdiff", "diff", *map(str, folders), "--jobs", "2", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers |= _children(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the pool did not start"
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
        # The caller sees the end of the output: no worker keeps the pipes open (one that did would
        # run on to the comparison's end; the check below finds it alive). No seconds asserted.
        proc.communicate(timeout=60)
        deadline = time.monotonic() + 5
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "workers outlived ajdiff"
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the processes from /proc")
def test_a_worker_ends_when_its_parent_ends_without_shutting_its_pool_down() -> None:
    # Nothing tells the worker but the end of its parent (`api._worker_start`): it blocks reading work otherwise.
    code = (
        "import os, sys; from ajdiff import api; pool, _ = api._pool(1);"
        " print(pool.submit(os.getpid).result(timeout=60), flush=True); os._exit(0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    worker = int(done.stdout)
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker), "the worker outlived its parent"


def _in_two_and_one_process(monkeypatch: pytest.MonkeyPatch, old: Path, new: Path) -> tuple[str, str, list]:
    """The JSON report of a folder comparison with --jobs 2 and with --jobs 1, and the pairs the --jobs 2 run
    compared after pairing (not while reading)."""
    from ajdiff import api
    from ajdiff.render.json import diff_json

    compared_late: list = []
    compare_many = api._compare_many

    def recording(old_docs, new_docs, pairs, jobs, progress):  # type: ignore[no-untyped-def]
        compared_late.extend(pairs)
        return compare_many(old_docs, new_docs, pairs, jobs, progress)

    monkeypatch.setattr(api, "_compare_many", recording)
    two = diff_json(api.compare_files(old, new, jobs=2))
    monkeypatch.setattr(api, "_compare_many", compare_many)
    one = diff_json(api.compare_files(old, new, jobs=1))
    return two, one, compared_late


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_namesakes_are_compared_where_they_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each worker compares a file with its namesake while it holds both: no second pool, no trees sent twice.
    from tests.benchmarks.synth import write_batch

    write_batch(load_template(), tmp_path / "old", tmp_path / "new", 12)
    two, one, compared_late = _in_two_and_one_process(monkeypatch, tmp_path / "old", tmp_path / "new")
    assert compared_late == []
    assert two == one and one.count('"similarity"') == 12


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_namesakes_that_are_not_pairs_are_compared_as_paired(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # File names shuffled on each side (an agency), and an order of several annexes under one name on both
    # sides: content decides the pairs, and the report is the one --jobs 1 gives.
    agency = write_agency(load_template(), tmp_path, 24, seed=3)
    order = SEEDS["000"].read_text(encoding="utf-8")
    (agency.old_dir / "order.txt").write_text(order, encoding="utf-8")
    (agency.new_dir / "order.txt").write_text(order, encoding="utf-8")
    two, one, compared_late = _in_two_and_one_process(monkeypatch, agency.old_dir, agency.new_dir)
    assert two == one
    assert len(compared_late) > 10  # most pairs are not namesakes: compared after pairing


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_readers_do_not_compare_namesakes_worded_apart(tmp_path: Path) -> None:
    # Shuffled names: a file's namesake is another post, whose comparison pairing would throw away.
    from ajdiff import api

    agency = write_agency(load_template(), tmp_path, 24, seed=3)
    old_files, new_files = api._list_folder(agency.old_dir, []), api._list_folder(agency.new_dir, [])
    namesakes = {p.name for p in old_files} & {p.name for p in new_files}
    read, known = api._read_folders(old_files, new_files, 10**8, 2, None)
    assert len(namesakes) == 24 and len(read) == 48
    assert len(known) <= 2


def test_one_process_reads_each_file_next_to_its_namesake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The readers' memos hold a few thousand lines: a file and its namesake, alike line for line, read one
    # after the other share them; all old files first pushed a big batch's lines out before the new came.
    from ajdiff import api

    for side, names in (("old", ["a.txt", "b.txt", "only_old.txt"]), ("new", ["only_new.txt", "b.txt", "a.txt"])):
        (tmp_path / side).mkdir()
        for name in names:
            (tmp_path / side / name).write_text(SEEDS["001"].read_text(encoding="utf-8"), encoding="utf-8")
    read_order: list[str] = []
    real = api.read_documents

    def recording(path: Path, **kwargs: int) -> list[object]:
        read_order.append(f"{path.parent.name}/{path.name}")
        return real(path, **kwargs)

    monkeypatch.setattr(api, "read_documents", recording)
    old_files, new_files = api._list_folder(tmp_path / "old", []), api._list_folder(tmp_path / "new", [])
    read, known = api._read_folders(old_files, new_files, 10**8, 1, None)
    assert read_order == ["old/a.txt", "new/a.txt", "old/b.txt", "new/b.txt", "old/only_old.txt", "new/only_new.txt"]
    # Returned as before: old files then new, each in its folder's order.
    assert [d[0].source for d in read] == [str(p) for p in (*old_files, *new_files)] and known == {}


def test_documents_and_changes_sent_back_by_workers_share_their_strings() -> None:
    """Each worker's pickle brings its own copy of every sentence; unpickled, equal strings are one object, so
    an agency's thousands of documents keep their common template text once (the agency's peak memory)."""
    from ajdiff.api import _outcome
    from ajdiff.read.parse import read_documents
    from ajdiff.tree import walk

    old = read_documents(SEEDS["000"])  # an order of annexes written from one template
    new = read_documents(SEEDS["003"])
    # As from the pool: one pickle per document (or per pair's outcome), unpickled one after another.
    back = [pickle.loads(pickle.dumps(d)) for d in old]
    assert back == old
    outcome = pickle.loads(pickle.dumps(_outcome(old[1], new[1])))
    assert outcome == _outcome(old[1], new[1])
    a, b = back[0], back[1]
    common = {n.text for n in walk(a.sections)} & {n.text for n in walk(b.sections)}
    assert len(common) >= 5
    in_b = {n.text: n.text for n in walk(b.sections)}
    assert all(n.text is in_b[n.text] for n in walk(a.sections) if n.text in common)
    # A duty holds its node's string, and a change's texts are the documents' own strings.
    assert all(any(d.task is n.text for n in walk(a.sections)) for d in a.duties)
    old_texts = {n.text: n.text for n in walk(back[1].sections)}
    kept = [c for c in outcome[1] if c.old in old_texts]
    assert kept and all(c.old is old_texts[c.old] for c in kept)


def test_a_document_sent_back_keeps_its_tree_packed_until_something_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader process sends a document's tree flat (`tree.pack`); this process makes its nodes only when
    something reads them, the same nodes at every read after (the redline and the UI map nodes by identity),
    and equal to the reader's, each origin too (a text file's lines, Word's paragraphs and cells, PDF pages)."""
    from ajdiff import model
    from ajdiff.read.parse import read_documents
    from ajdiff.tree import line_origin, walk
    from tests.conftest import FIXTURES

    docs = [d for f in (SEEDS["000"], *sorted(FIXTURES.glob("001_*.[dph]*[xfl]"))) for d in read_documents(f)]
    kinds = {type(n.where.plain()) for d in docs for n in walk(d.sections) if n.where is not None}
    assert kinds == {int, tuple} and len(docs) >= 10
    unpacked: list[int] = []
    unpack = model.unpack
    monkeypatch.setattr(model, "unpack", lambda packed: unpacked.append(1) or unpack(packed))
    back = pickle.loads(pickle.dumps(docs))
    again = pickle.loads(pickle.dumps(back))  # sent on as it came: not unpacked to be packed again
    assert [d.general for d in back] == [d.general for d in docs] and [d.duties for d in again] == [
        d.duties for d in docs
    ]
    assert unpacked == []
    assert back == docs and again == docs and len(unpacked) == 2 * len(docs)
    assert all(d.sections is d.sections for d in back) and len(unpacked) == 2 * len(docs)
    wheres = [(n.where, m.where) for d, e in zip(docs, back) for n, m in zip(walk(d.sections), walk(e.sections))]
    lines = [b for a, b in wheres if a is not None and type(a.plain()) is int]
    assert all(a == b for a, b in wheres) and lines and all(b is line_origin(b.line or 0) for b in lines)


def test_a_document_without_a_tree_sent_back_is_sent_on_as_it_came() -> None:
    # Its tree packed is (): sent on before anything reads it (a pool that cannot fork pickles its tasks), it is
    # the same document, still without a tree.
    from dataclasses import replace

    from ajdiff.read.parse import read_documents

    empty = replace(read_documents(SEEDS["002"])[0], sections=())
    back = pickle.loads(pickle.dumps(empty))
    again = pickle.loads(pickle.dumps(back))
    assert again == empty and again.sections == () and again.general == empty.general


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_a_batchs_report_does_not_unpack_the_trees_its_readers_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker compared each pair it read: its trees came back packed, and the JSON report reads no tree.
    from ajdiff import api, model
    from ajdiff.render.json import diff_json
    from tests.benchmarks.synth import write_batch

    write_batch(load_template(), tmp_path / "old", tmp_path / "new", 40)
    unpacked: list[int] = []
    unpack = model.unpack
    monkeypatch.setattr(model, "unpack", lambda packed: unpacked.append(1) or unpack(packed))
    result = api.compare_files(tmp_path / "old", tmp_path / "new", jobs=2)
    report = diff_json(result)
    sent = [c for c in result.pairs if model._PACKED in vars(c.old) and model._PACKED in vars(c.new)]
    assert sent and unpacked == []
    assert report == diff_json(api.compare_files(tmp_path / "old", tmp_path / "new", jobs=1))
    assert all(c.old.sections and c.new.sections for c in sent) and len(unpacked) == 2 * len(sent)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_documents_their_reader_did_not_compare_come_with_their_trees_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Names shuffled: pairing decides, and this process (or a pool forked from it) compares. Their trees are made
    # once, here, as they arrive: not by every forked worker, nor held packed with their strings unshared.
    from ajdiff import api, model
    from ajdiff.compare import pairing

    agency = write_agency(load_template(), tmp_path, 24, seed=3)
    # No namesake worded alike (by chance a shuffled name can fall on its own post: compared where read, kept packed).
    monkeypatch.setattr(pairing, "likely_pair", lambda old, new: False)
    result = api.compare_files(agency.old_dir, agency.new_dir, jobs=2)
    docs = [d for c in result.pairs for d in (c.old, c.new)] + [*result.unpaired_old, *result.unpaired_new]
    assert len(docs) == 48 and result.unpaired_old and not [d for d in docs if model._PACKED in vars(d)]


def test_a_pair_its_content_refuses_is_not_compared_only_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pair proposed with no basis but its content (an agency's abolished post beside a created one) whose
    duties do not carry it is refused after the worker's outcome: the worker counts its duties matched and
    skips the comparison, which would be thrown away; a pair with a basis, or carried, is compared."""
    from ajdiff import api
    from ajdiff.compare.pairing import judge
    from ajdiff.read.parse import read_documents

    docs = {d.annex: d for d in read_documents(SEEDS["000"])}
    compared: list[tuple[str | None, str | None]] = []
    real = api.compare

    def counted(a, b):  # type: ignore[no-untyped-def]
        compared.append((a.annex, b.annex))
        return real(a, b)

    monkeypatch.setattr(api, "compare", counted)
    _similarity, changes, matched, alignment = api._outcome(docs["1"], docs["2"], True)
    assert compared == [] and changes == () and alignment == ()
    assert judge(docs["1"], docs["2"], 0.5, None, matched) is None and matched[0] == 3  # 3 of 12 duties
    named = api._outcome(docs["1"], docs["2"], False)  # paired by name: compared whatever its content
    carried = api._outcome(docs["2"], docs["3"], True)  # 7 of 12 and 10 duties match: carried
    assert compared == [("1", "2"), ("2", "3")]
    assert named[2] == matched and named[1] and carried[1] and judge(docs["2"], docs["3"], 0.5, None, carried[2])


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_pairing_reads_a_folders_documents_while_the_readers_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each document's pairing features are computed as it comes back from the readers, not after them all
    (when one core would idle while the main process alone tokenizes thousands of documents), and the sparse
    solver a large folder needs is imported meanwhile; the same report; the features let go once paired (memory)."""
    from ajdiff import api
    from ajdiff.compare import pairing
    from ajdiff.render.json import diff_json

    agency = write_agency(load_template(), tmp_path, 24, seed=5)
    monkeypatch.setattr(pairing, "SMALL_PROBLEM", 10)  # 24 posts a side: a large folder, solved sparse
    one = diff_json(api.compare_files(agency.old_dir, agency.new_dir, jobs=1))
    pairing_now: list[bool] = [False]
    computed_in_pairing: list[bool] = []
    propose = pairing.propose

    def recorded_propose(*args, **kwargs):  # type: ignore[no-untyped-def]
        pairing_now[0] = True
        return propose(*args, **kwargs)

    solver_loaded: list[bool] = []
    monkeypatch.setattr(pairing, "load_solver", lambda: solver_loaded.append(pairing_now[0]))
    caches: list[pairing.FeatureCache] = []

    class Recorded(pairing.FeatureCache):
        def __init__(self) -> None:
            super().__init__()
            caches.append(self)

        def __call__(self, doc):  # type: ignore[no-untyped-def]
            if id(doc) not in self._by_id:  # computed now (this process reads too: its namesake checks not counted)
                computed_in_pairing.append(pairing_now[0])
            return super().__call__(doc)

    monkeypatch.setattr(pairing, "FeatureCache", Recorded)
    monkeypatch.setattr(pairing, "propose", recorded_propose)
    two = diff_json(api.compare_files(agency.old_dir, agency.new_dir, jobs=2))
    assert two == one
    assert pairing_now == [True] and len(computed_in_pairing) == 48 and not any(computed_in_pairing)
    assert solver_loaded == [False]  # once, before the pairing
    assert len(caches) == 1 and not caches[0]._by_id  # the features are not held once the pairing is done
    monkeypatch.setattr(pairing, "SMALL_PROBLEM", 64)
    api.compare_files(agency.old_dir, agency.new_dir, jobs=2)
    assert solver_loaded == [False]  # 24 posts a side are scored all against all: no solver


def test_readers_stop_checking_namesakes_once_names_prove_shuffled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reader checks its first namesakes; names shuffled, none is worded alike, and it checks no more (each
    # check is wasted work there). Namesakes that are pairs (a batch) are checked and compared to the last.
    from ajdiff import api
    from ajdiff.compare import pairing
    from tests.benchmarks.synth import write_batch

    checks: list[str] = []
    likely = pairing.likely_pair

    def counting(old, new):  # type: ignore[no-untyped-def]
        checks.append(old.source)
        return likely(old, new)

    monkeypatch.setattr(pairing, "likely_pair", counting)

    def read_in_one_reader(old_dir: Path, new_dir: Path) -> list[bool]:
        monkeypatch.setattr(api, "_NAMESAKES", [0, 0])  # a fresh reader process
        checks.clear()
        names = sorted({p.name for p in old_dir.iterdir()} & {p.name for p in new_dir.iterdir()})
        return [api._read_pair_for_pool((old_dir / n, new_dir / n), 10**8)[2] is not None for n in names]

    agency = write_agency(load_template(), tmp_path / "agency", 60, seed=5)
    compared = read_in_one_reader(agency.old_dir, agency.new_dir)
    assert len(compared) > api.NAMESAKE_TRIAL + 10
    assert not any(compared) and len(checks) == api.NAMESAKE_TRIAL

    write_batch(load_template(), tmp_path / "old", tmp_path / "new", api.NAMESAKE_TRIAL + 8)
    compared = read_in_one_reader(tmp_path / "old", tmp_path / "new")
    assert all(compared) and len(checks) == len(compared) == api.NAMESAKE_TRIAL + 8


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_with_two_jobs_one_worker_and_this_process_share_the_work() -> None:
    # Two processes on two cores, not two workers and this process taking their results: every result in the
    # order of the work, some made here (not pickled), some by the one worker.
    from ajdiff import api

    with api._running_pool(1) as pool:
        done = list(api._share_work(pool, 1, _square_where, list(range(200)), 3))
    assert [value for value, _pid in done] == [k * k + 3 for k in range(200)]
    where = {pid for _value, pid in done}
    assert os.getpid() in where and len(where) == 2


def _square_where(k: int, plus: int) -> tuple[int, int]:
    return k * k + plus, os.getpid()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_a_batch_of_namesakes_does_not_load_the_sparse_solver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Its namesakes are its pairs, compared where they are read and paired by name: SciPy's import (a third of
    # a second of a core the readers want) would be for nothing. An agency loads it (the test above).
    from ajdiff import api
    from ajdiff.compare import pairing
    from tests.benchmarks.synth import write_batch

    write_batch(load_template(), tmp_path / "old", tmp_path / "new", api.NAMESAKE_TRIAL + 8)
    monkeypatch.setattr(pairing, "SMALL_PROBLEM", 10)  # a large folder
    loaded: list[bool] = []
    monkeypatch.setattr(pairing, "load_solver", lambda: loaded.append(True))
    result = api.compare_files(tmp_path / "old", tmp_path / "new", jobs=2)
    assert len(result.pairs) == api.NAMESAKE_TRIAL + 8 and not result.unpaired_old and loaded == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are Linux's (F_SETPIPE_SZ)")
def test_a_workers_chunk_of_read_pairs_fits_the_results_pipe_whole() -> None:
    # A worker writing more than the pipe holds waits, idle, until this process's pool thread gets the GIL to
    # read the rest, 64 KB at a time. A chunk of one-annex pairs (seed 001, as a
    # reader sends them back: both documents and their comparison) must go in at once.
    import fcntl
    from multiprocessing.reduction import ForkingPickler

    from ajdiff import api

    annex = SEEDS["001"]
    read = api._read_pair_for_pool((annex, annex), 10**8)
    assert read[2] is not None  # compared where read, as a batch's namesakes are
    assert api.CHUNK * len(ForkingPickler.dumps(read)) <= api.RESULTS_PIPE  # pairs that share nothing: the most
    pool, _forks = api._pool(1)
    try:
        writer = pool._result_queue._writer  # type: ignore[attr-defined]
        assert fcntl.fcntl(writer.fileno(), fcntl.F_GETPIPE_SZ) >= api.RESULTS_PIPE
    finally:
        pool.shutdown()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_pairs_named_alike_are_compared_while_the_rest_is_paired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large folder's pairing takes a second of one core: the pairs its names settle are known at its start and
    # compared by the pool meanwhile. The report is the one --jobs 1 gives, and only pairs taken by name went early.
    from ajdiff import api
    from ajdiff.changes import PairBasis
    from ajdiff.compare import pairing
    from ajdiff.render.json import diff_json

    agency = write_agency(load_template(), tmp_path, 80, seed=9)  # more than SMALL_PROBLEM a side
    early: list[tuple[int, int]] = []
    proposed: list[tuple[list, list, list]] = []
    compare_while_pairing, propose = api._compare_while_pairing, pairing.propose

    def recording_early(*args):  # type: ignore[no-untyped-def]
        started = compare_while_pairing(*args)
        early.extend(started[1] if started else ())
        return started

    def recording_propose(old, new, *args):  # type: ignore[no-untyped-def]
        found = propose(old, new, *args)
        proposed.append((old, new, found))
        return found

    monkeypatch.setattr(api, "_compare_while_pairing", recording_early)
    monkeypatch.setattr(pairing, "propose", recording_propose)
    two = diff_json(api.compare_files(agency.old_dir, agency.new_dir, jobs=2))
    one = diff_json(api.compare_files(agency.old_dir, agency.new_dir, jobs=1))
    assert two == one
    old, new, found = proposed[0]
    by_name = {(id(old[p.old]), id(new[p.new])) for p in found if p.basis is PairBasis.NAME}
    assert len(early) > 10 and set(early) <= by_name


@pytest.fixture
def fresh_reader(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """`ajdiff.api` as a fresh reader process has it: it compares its namesakes (`_namesakes_tell`)."""
    from ajdiff import api

    monkeypatch.setattr(api, "_NAMESAKES", [0, 0])
    return api


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_pairs_without_their_alignment_give_the_same_json_and_readers_do_not_send_it(
    tmp_path: Path, fresh_reader: ModuleType
) -> None:
    # The JSON reports read a pair's changes only: asked so (`alignment=False`), the readers leave the alignment
    # out of what they pickle back, every pair comes without it, and the report is the same.
    from ajdiff.render.json import diff_json
    from tests.benchmarks.synth import write_batch

    api = fresh_reader
    annex = SEEDS["001"]
    with_steps, without = (api._read_pair_for_pool((annex, annex), 10**8, keep)[2] for keep in (True, False))
    assert with_steps is not None and with_steps[3] and without is not None and without[3] == ()
    write_batch(load_template(), tmp_path / "old", tmp_path / "new", 12)
    aligned = api.compare_files(tmp_path / "old", tmp_path / "new", jobs=2)
    changes_only = api.compare_files(tmp_path / "old", tmp_path / "new", jobs=2, alignment=False)
    assert len(aligned.pairs) == 12 and all(p.alignment for p in aligned.pairs)
    assert not any(p.alignment for p in changes_only.pairs)
    assert diff_json(changes_only) == diff_json(aligned)
    one = api.compare_files(annex, annex, alignment=False)
    assert one.pairs[0].alignment == () and diff_json(one) == diff_json(api.compare_files(annex, annex))


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_pairs_read_without_their_trees_read_them_again_from_their_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_reader: ModuleType
) -> None:
    # Asked so (`trees=False`), a worker sends the documents of a pair it compared with their paths, not their
    # trees: the report is the same, and a tree asked for afterwards is read again, equal to the one sent.
    from functools import partial

    from ajdiff import model
    from ajdiff.render.json import diff_json
    from tests.benchmarks.synth import write_batch

    api = fresh_reader
    annex = SEEDS["001"]
    olds, _news, outcome, _alike = api._read_pair_for_pool((annex, annex), 10**8, False, False)
    assert outcome is not None and model._PACKED not in vars(olds[0])  # this process sends nothing back
    monkeypatch.setattr(api, "_IN_WORKER", True)
    olds, _news, outcome, _alike = api._read_pair_for_pool((annex, annex), 10**8, False, False)
    back = pickle.loads(pickle.dumps(olds[0]))
    again = vars(back)[model._PACKED]
    assert again.func is api.reread_tree and again.args == (str(annex), 10**8, api._stamp(annex))
    assert back == olds[0] and back.sections == olds[0].sections and model._PACKED not in vars(back)
    monkeypatch.setattr(api, "_IN_WORKER", False)
    write_batch(load_template(), tmp_path / "old", tmp_path / "new", 12)
    whole = api.compare_files(tmp_path / "old", tmp_path / "new", jobs=2, alignment=False)
    bare = api.compare_files(tmp_path / "old", tmp_path / "new", jobs=2, alignment=False, trees=False)
    sent = [d for p in bare.pairs for d in (p.old, p.new) if isinstance(vars(d).get(model._PACKED), partial)]
    assert sent and diff_json(bare) == diff_json(whole)
    assert [(p.old.sections, p.new.sections) for p in bare.pairs] == [
        (p.old.sections, p.new.sections) for p in whole.pairs
    ]


def test_a_tree_not_sent_is_refused_from_a_file_written_to_since_it_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_reader: ModuleType
) -> None:
    # The reader's stamp of a file is taken before it reads it: a file written to afterwards is refused with one
    # line, not read again as another document's tree; its namesake, untouched, still reads.
    api = fresh_reader
    monkeypatch.setattr(api, "_IN_WORKER", True)
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_bytes(SEEDS["001"].read_bytes())
    new.write_bytes(SEEDS["001"].read_bytes())
    olds, news, outcome, _alike = api._read_pair_for_pool((old, new), 10**8, False, False)
    assert outcome is not None
    sent_old, sent_new = (pickle.loads(pickle.dumps(side[0])) for side in (olds, news))
    with new.open("a", encoding="utf-8") as out:
        out.write("\n2.9. Uus ülesanne, lisatud pärast lugemist.\n")
    with pytest.raises(InputError, match="changed while ajdiff was reading it"):
        sent_new.sections  # noqa: B018  # read: re-read
    assert sent_old.sections == olds[0].sections


def test_a_document_sent_back_with_every_field_set_comes_back_equal_its_strings_shared() -> None:
    # A document crosses with its records as plain tuples (`model._plain`): every field, records and all, is rebuilt
    # as it was, in its place, and its strings are this process's one copy of each.
    import sys
    from dataclasses import FrozenInstanceError

    from ajdiff.model import Duty, General, JobDescription, OrderRef, Requirements
    from ajdiff.tree import Node, NodeKind

    def fresh(text: str) -> str:  # a string as a pickle brings it: not the interned copy
        return "".join([text, "!"])[:-1]

    doc = JobDescription(
        source="a.txt",
        annex="2",
        order=OrderRef(
            "1-2/3", "2024-11-15", "Kinnitamine", (("2", "Ekspert"),), ("Tunnistan kehtetuks",), "Jõustub", "x"
        ),
        general=General(*(fresh(f"g{k}") if k not in (3, 4, 5) else (fresh(f"g{k}"),) for k in range(9))),
        duties=(Duty("1", fresh("Teeb tööd"), (fresh("Töö on tehtud"),)), Duty("2", fresh("Nõustab"))),
        requirements=Requirements(
            "kõrgharidus", "3 aastat", 3, (("en", "B2"),), "teadmised", "omadused", (("x", "y"),)
        ),
        rights=(fresh("õigus"),),
        responsibilities=("vastutus",),
        competencies=("pädevus",),
        review="ülevaatus",
        other=(("other.a", "muu"),),
        warnings=("hoiatus",),
        metadata=(("register", "1"),),
        sections=(Node(NodeKind.ITEM, "Teeb tööd", "1. Teeb tööd", "1"),),
        labels=(("general.position", "Ametikoht"),),
    )
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and type(back.duties[0]) is Duty and type(back.order) is OrderRef
    assert back.duties[0].task is sys.intern("Teeb tööd") and back.duties[0].results[0] is sys.intern("Töö on tehtud")
    assert back.general.position is sys.intern("g0") and back.general.subordinates[0] is sys.intern("g3")
    assert back.rights[0] is sys.intern("õigus") and back.sections[0].text is back.duties[0].task
    # Made without their `__init__` (`model._unpickled`, `records.maker`): as frozen as the reader's.
    for record, name in ((back, "source"), (back.general, "unit"), (back.duties[0], "task"), (back.order, "date")):
        with pytest.raises(FrozenInstanceError):
            setattr(record, name, "x")
    assert hash(back.duties[1]) == hash(doc.duties[1]) and back.requirements == doc.requirements


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two cores")
def test_a_callers_preparation_runs_once_while_the_workers_read(tmp_path: Path) -> None:
    """`compare_files(prepare=)` is called once while folders are read in parallel, the worker alive, with the
    number of files of the larger side; never with --jobs 1 or for two files; the result is the same."""
    import multiprocessing

    from ajdiff import api
    from ajdiff.render.json import diff_json
    from tests.benchmarks.synth import write_batch

    write_batch(load_template(), tmp_path / "old", tmp_path / "new", 5)
    (tmp_path / "new" / "extra.txt").write_bytes(
        (tmp_path / "new" / sorted(os.listdir(tmp_path / "new"))[0]).read_bytes()
    )
    calls: list[tuple[int, int]] = []

    def prepare(files: int) -> None:
        calls.append((files, len(multiprocessing.active_children())))

    two = diff_json(api.compare_files(tmp_path / "old", tmp_path / "new", jobs=2, prepare=prepare))
    assert calls == [(6, 1)]
    one = diff_json(api.compare_files(tmp_path / "old", tmp_path / "new", jobs=1, prepare=prepare))
    old_file, new_file = sorted((tmp_path / "old").iterdir())[0], sorted((tmp_path / "new").iterdir())[0]
    api.compare_files(old_file, new_file, jobs=2, prepare=prepare)
    assert calls == [(6, 1)] and two == one


def test_the_json_writer_loads_orjson_ahead_only_for_a_report_that_uses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """`render.json.prepare` imports orjson for a report of `ORJSON_FROM` entries or more, as `_dump` would."""
    from ajdiff.render import json as writer

    monkeypatch.delitem(sys.modules, "orjson", raising=False)
    writer.prepare(writer.ORJSON_FROM - 1)
    assert "orjson" not in sys.modules
    writer.prepare(writer.ORJSON_FROM)
    assert "orjson" in sys.modules
