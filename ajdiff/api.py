"""The library API the CLI, the redline and the UI all call: read, select, pair, compare."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ajdiff.changes import Change, Comparison, ComparisonSet
from ajdiff.compare import compare, compare_orders
from ajdiff.errors import InputError
from ajdiff.model import JobDescription
from ajdiff.pairing import anchor_pairs, best_match, pair_documents
from ajdiff.parser import read_documents
from ajdiff.readers import DEFAULT_MAX_BYTES, SUFFIXES
from ajdiff.text import fold
from ajdiff.tree import NodeKind, walk

if TYPE_CHECKING:
    from concurrent.futures import Executor

MAX_PAIRED_DOCUMENTS = 500
"""Most job descriptions on one side of a many-to-many comparison: pairing costs grow with the square."""

Progress = Callable[[int, int], None]
"""Called as progress(done, total) during long work (folders)."""


@contextmanager
def _gc_paused() -> Iterator[None]:
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
    wanted = annex.strip().lower().removeprefix("lisa").strip()
    chosen = [d for d in docs if (d.annex or "").lower() == wanted]
    if not chosen:
        have = ", ".join(d.annex for d in docs if d.annex) or "none"
        raise InputError(source, f"has no annex {annex}", f"annexes in the file: {have}")
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


NOT_A_JOB_DESCRIPTION = (
    "does not look like a job description (looked for a title 'AMETIJUHEND' or an approval block, headings "
    "such as 'Üldosa' or 'Teenistusülesanded', labels such as 'Teenistuskoht' or 'Vahetu juht', numbered items)"
)


def load(path: str | Path, annex: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[JobDescription]:
    """Read one file (or '-') and optionally select one annex; refuse a file with no job description at all."""
    docs = read_documents(path, max_bytes=max_bytes)
    if not any(looks_like_job_description(d) for d in docs):
        # A README or a letter would otherwise "compare" as one nameless post with nothing in it.
        raise InputError(str(path), NOT_A_JOB_DESCRIPTION, "give an ametijuhend or an order with annexes")
    return select_annex(docs, annex, str(path))


def _list_folder(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES - {""})
    if not files:
        raise InputError(str(folder), "folder has no .txt, .docx, .pdf, .html or .asice files")
    return files


def _read_all(paths: list[Path], max_bytes: int, jobs: int, progress: Progress | None) -> list[list[JobDescription]]:
    """Read and parse many files, in `jobs` processes; the documents of each file, in order."""
    if jobs > 1 and len(paths) > 1:
        results: list[list[JobDescription]] = []
        with _pool(jobs)[0] as pool:
            chunk = max(1, len(paths) // (jobs * 8))
            for k, result in enumerate(pool.map(_read_for_pool, paths, [max_bytes] * len(paths), chunksize=chunk)):
                results.append(result)
                if progress:
                    progress(k + 1, len(paths))
        return results
    results = []
    for k, path in enumerate(paths):
        results.append(read_documents(path, max_bytes=max_bytes))
        if progress:
            progress(k + 1, len(paths))
    return results


def _job_descriptions(paths: list[Path], results: list[list[JobDescription]], notes: list[str]) -> list[JobDescription]:
    docs: list[JobDescription] = []
    for path, result in zip(paths, results):
        if any(looks_like_job_description(d) for d in result):
            docs.extend(result)
        else:  # a README next to the annexes: skip it and say so, rather than pair it as a post
            notes.append(f"skipped {path}: {NOT_A_JOB_DESCRIPTION}")
    return docs


def _read_for_pool(path: Path, max_bytes: int) -> list[JobDescription]:
    return read_documents(path, max_bytes=max_bytes)


def _pool(jobs: int) -> tuple[Executor, bool]:
    """A process pool (imported only when --jobs asks for one) and whether its workers fork.

    Fork where the platform has it: workers start at once and inherit what is already loaded.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    forks = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if forks else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context), forks


# The documents of a parallel comparison, set before the workers fork so that they inherit them
# instead of receiving every pair pickled; each worker sends back only the changes.
_SHARED: tuple[list[JobDescription], list[JobDescription]] = ([], [])


def _compare_shared(pair: tuple[int, int]) -> tuple[float, tuple[Change, ...]]:
    result = compare(_SHARED[0][pair[0]], _SHARED[1][pair[1]])
    return result.similarity, result.changes


def _compare_pair(pair: tuple[JobDescription, JobDescription]) -> tuple[float, tuple[Change, ...]]:
    result = compare(*pair)
    return result.similarity, result.changes


def _compare_many(
    old: list[JobDescription],
    new: list[JobDescription],
    pairs: list[tuple[int, int]],
    jobs: int,
    progress: Progress | None,
) -> list[Comparison]:
    """Compare the given index pairs, in `jobs` processes when there is enough work."""
    global _SHARED
    if jobs <= 1 or len(pairs) < 2:
        results = []
        for k, (i, j) in enumerate(pairs):
            results.append(compare(old[i], new[j]))
            if progress:
                progress(k + 1, len(pairs))
        return results
    chunk = max(1, len(pairs) // (jobs * 8))
    _SHARED = (old, new)
    pool, forks = _pool(jobs)
    try:
        with pool:
            if forks:
                outcomes = pool.map(_compare_shared, pairs, chunksize=chunk)
            else:  # no fork: the pairs travel to the workers
                outcomes = pool.map(_compare_pair, [(old[i], new[j]) for i, j in pairs], chunksize=chunk)
            results = []
            for k, ((i, j), (similarity, changes)) in enumerate(zip(pairs, outcomes)):
                results.append(Comparison(old[i], new[j], similarity, changes))
                if progress:
                    progress(k + 1, len(pairs))
    finally:
        _SHARED = ([], [])
    return results


def compare_documents(
    old: list[JobDescription],
    new: list[JobDescription],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> ComparisonSet:
    """Pair two lists of documents and compare each pair.

    One against one is compared directly; one against several picks the best match and says
    so; several against several are paired by position, unit and content, the rest listed as
    posts abolished (old only) or created (new only).
    """
    notes: list[str] = []
    if len(old) == 1 and len(new) == 1:
        return ComparisonSet(pairs=(compare(old[0], new[0]),))
    if len(old) == 1 or len(new) == 1:
        single, many, single_is_old = (old[0], new, True) if len(old) == 1 else (new[0], old, False)
        k, score = best_match(single, many)
        chosen = many[k]
        notes.append(
            f"compared with {chosen.label} of {chosen.source}, the best match of {len(many)} "
            f"(score {score:.2f}); choose another with --{'new' if single_is_old else 'old'}-annex"
        )
        pair = compare(single, chosen) if single_is_old else compare(chosen, single)
        return ComparisonSet(pairs=(pair,), notes=tuple(notes))
    pairs, lone_old, lone_new = pair_documents(old, new)
    results = _compare_many(old, new, [(i, j) for i, j, _ in pairs], jobs, progress)
    return ComparisonSet(
        pairs=tuple(results),
        unpaired_old=tuple(old[i] for i in lone_old),
        unpaired_new=tuple(new[j] for j in lone_new),
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
) -> ComparisonSet:
    """Compare two files, two orders or two folders of job descriptions."""
    old_p, new_p = Path(old_path), Path(new_path)
    if str(old_path) == "-" and str(new_path) == "-":
        raise InputError("-", "only one side can be standard input")
    old_dir, new_dir = old_p.is_dir() and str(old_path) != "-", new_p.is_dir() and str(new_path) != "-"
    if old_dir != new_dir:
        folder = old_path if old_dir else new_path
        raise InputError(str(folder), "is a folder but the other side is a file", "compare two files or two folders")
    jobs = max(1, min(jobs, os.cpu_count() or 1))
    notes: list[str] = []
    if old_dir:
        old_files, new_files = _list_folder(old_p), _list_folder(new_p)
        with _gc_paused():  # both folders in one pool: one start-up, and both sides fill the cores
            read = _read_all(old_files + new_files, max_bytes, jobs, progress)
        old_docs = _job_descriptions(old_files, read[: len(old_files)], notes)
        new_docs = _job_descriptions(new_files, read[len(old_files) :], notes)
        for folder, docs in ((old_p, old_docs), (new_p, new_docs)):
            if not docs:
                raise InputError(str(folder), "folder has no job descriptions", "give folders of ametijuhend files")
    else:
        old_docs = load(old_path, old_annex, max_bytes=max_bytes)
        new_docs = load(new_path, new_annex, max_bytes=max_bytes)
    if len(old_docs) > 1 and len(new_docs) > 1:
        anchored = len(anchor_pairs(old_docs, new_docs))
        for path, docs in ((old_path, old_docs), (new_path, new_docs)):
            if len(docs) - anchored > MAX_PAIRED_DOCUMENTS:
                # Posts not paired by name are scored every old against every new: bound that work up front.
                raise InputError(
                    str(path),
                    f"{len(docs) - anchored} job descriptions to pair by content (limit {MAX_PAIRED_DOCUMENTS})",
                    "compare smaller folders, or one annex with --old-annex/--new-annex",
                )
    with _gc_paused():
        result = compare_documents(old_docs, new_docs, jobs=jobs, progress=progress)
    if not old_dir:
        result = replace(result, order_changes=compare_orders(old_docs[0].order, new_docs[0].order))
    return replace(result, notes=(*notes, *result.notes)) if notes else result
