"""Fuzzing the readers, the parser and the comparer: no exception escapes but the documented input errors."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajdiff.compare.document import compare
from ajdiff.errors import AjdiffError
from ajdiff.model import JobDescription
from ajdiff.read.formats import SUFFIXES, read_bytes
from ajdiff.read.parse import parse_source
from tests.conftest import FIXTURES, SEEDS, seed_doc

T = TypeVar("T")
SCALE = int(os.environ.get("AJDIFF_FUZZ_SCALE", "1"))  # e.g. 20 for a long run; 1 keeps CI under a minute
FAST = settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DOCX = FIXTURES / "000_2e8e5e7caea51be0.docx"
ASICE = FIXTURES / "001_f0f3c421c69f98c0.asice"
REFERENCE = ("001", None)  # the annex every fuzzed document is compared with, both ways


def survive(step: Callable[[], T]) -> T | None:
    """Run step; an AjdiffError is a documented refusal (None), anything else fails the test."""
    try:
        return step()
    except AjdiffError as exc:
        line = exc.line()
        assert line.startswith("ajdiff: ") and "\n" not in line, line
        return None


def through_everything(data: bytes, suffix: str) -> None:
    """Read, parse, and compare every document found with a real annex in both directions."""
    source = survive(lambda: read_bytes(data, f"fuzz{suffix}", suffix))
    if source is None:
        return
    docs: list[JobDescription] = parse_source(source)  # the parser never refuses: it warns
    assert docs
    reference = seed_doc(*REFERENCE)
    for doc in docs[:3]:
        assert all(isinstance(w, str) for w in doc.warnings)
        compare(doc, reference)
        compare(reference, doc)
        compare(doc, doc)


@cache
def seed_lines(seed: str) -> tuple[str, ...]:
    """The lines of a seed text."""
    return tuple(SEEDS[seed].read_text(encoding="utf-8").splitlines())


# ------------------------------------------------------------------ random text and bytes

# Text near the documents' own alphabet finds more than uniform Unicode: digits, dots, Estonian letters.
_ALPHABET = st.sampled_from(list("0123456789.,;:-•▪\uf0b7 ()|aeiouõäöüšžAEÕÄÖÜLisaKINNTTUD\t\r\n\u00a0\u00ad"))
_WORDS = st.sampled_from(
    ["KINNITATUD", "Lisa 2", "AMETIJUHEND", "Teenistuskoht", "2. Peamised teenistusülesanded", "2.1.", "3.1",
     "Keeleoskus", "Eesti keele oskus tasemel C1", "1.1 Ametinimetus", "| Viit | 164 |", "Haridus", "-", "\n",
     "käskkirjaga nr 164", "15.11.2024", "Teenistuja asendab", "ÕIGUSED", "Alluvad", "Vastutus", "(", ")"]
)  # fmt: skip
document_like = st.lists(st.one_of(_WORDS, st.text(_ALPHABET, max_size=40)), max_size=60).map(" ".join)


@FAST
@given(st.text(max_size=2000))
def test_random_unicode_text(text: str) -> None:
    through_everything(text.encode("utf-8", "surrogatepass"), ".txt")


@FAST
@given(document_like)
def test_random_document_like_text(text: str) -> None:
    through_everything(text.encode(), ".txt")


@FAST
@given(st.binary(max_size=4096), st.sampled_from(sorted(SUFFIXES)))
def test_random_bytes_in_every_format(data: bytes, suffix: str) -> None:
    through_everything(data, suffix)


@FAST
@given(st.binary(max_size=2048))
def test_random_bytes_as_docx(data: bytes) -> None:
    through_everything(b"PK\x03\x04" + data, ".docx")
    through_everything(data, ".docx")


# ------------------------------------------------------------------ random damage to real files


def _flipped(original: bytes, flips: list[tuple[int, int]], cut: int | None) -> bytes:
    data = bytearray(original)
    for pos, value in flips:
        data[pos % len(data)] = value
    return bytes(data[:cut] if cut else data)


flips = st.lists(st.tuples(st.integers(0, 2**31), st.integers(0, 255)), min_size=1, max_size=8)


@SLOW
@given(flips, st.none() | st.integers(100, 40_000))
def test_byte_flips_of_a_real_docx(changes: list[tuple[int, int]], cut: int | None) -> None:
    through_everything(_flipped(DOCX.read_bytes(), changes, cut), ".docx")


@SLOW
@given(flips)
def test_byte_flips_of_a_real_container(changes: list[tuple[int, int]]) -> None:
    through_everything(_flipped(ASICE.read_bytes(), changes, None), ".asice")


@SLOW
@given(st.data())
def test_damaged_xml_inside_a_real_docx(data: st.DataObject) -> None:
    """Edits of document.xml itself (the zip stays valid): the XML and the walker must cope."""
    import io

    with zipfile.ZipFile(DOCX) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    xml = members["word/document.xml"]
    start = data.draw(st.integers(0, len(xml)))
    end = data.draw(st.integers(start, min(len(xml), start + 200)))
    insert = data.draw(st.sampled_from([b"", b"<", b">", b"&", b"<w:p>", b"</w:tbl>", b"<w:tbl><w:tr><w:tc>", b"\x00"]))
    members["word/document.xml"] = xml[:start] + insert + xml[end:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    through_everything(out.getvalue(), ".docx")


# ------------------------------------------------------------------ random edits of the seed annexes


edit = st.tuples(
    st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "upper", "join"]),
    st.integers(0, 10_000),
    document_like,
)


@SLOW
@given(st.sampled_from(sorted(SEEDS)), st.lists(edit, min_size=1, max_size=12))
def test_random_edits_of_the_seeds(seed: str, edits: list[tuple[str, int, str]]) -> None:
    lines = list(seed_lines(seed))
    for op, at, text in edits:
        k = at % len(lines)
        if op == "delete":
            del lines[k]
        elif op == "duplicate":
            lines.insert(k, lines[k])
        elif op == "swap":
            j = (k * 7 + 3) % len(lines)
            lines[k], lines[j] = lines[j], lines[k]
        elif op == "insert":
            lines.insert(k, text)
        elif op == "truncate":
            lines[k] = lines[k][: len(lines[k]) // 2]
        elif op == "upper":
            lines[k] = lines[k].upper()
        elif k + 1 < len(lines):
            lines[k : k + 2] = [lines[k] + " " + lines[k + 1]]
        if not lines:
            lines = [text]
    through_everything("\n".join(lines).encode(), ".txt")


def test_fuzz_reference_is_a_real_document() -> None:
    """The comparisons above are meaningful only if the reference parses to a real annex."""
    doc = seed_doc(*REFERENCE)
    assert doc.general.position and doc.duties
    assert Path(DOCX).is_file() and Path(ASICE).is_file()
