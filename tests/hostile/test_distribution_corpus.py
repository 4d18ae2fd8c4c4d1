"""Real files nobody on the project wrote: the test files inside pinned source distributions.

python-docx (MIT) ships ~46 Word packages written by Word, LibreOffice and python-docx itself;
pypdf (BSD-3-Clause) ships ~70 PDFs from bug reports (CAD drawings, forms, OCR scans, encrypted
and damaged files). They are fetched at test time with pip, the ordinary client of the package
index, at pinned versions, and never committed. Every file must give lines or one InputError,
within the bounds, with nothing of pypdf's on stderr; and every Word package, with its body
replaced by a real job description, must read like that job description (issue 16, item 1:
87 % of real packages were refused).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from lxml import etree

from ajdiff.errors import InputError
from ajdiff.read.formats import read_bytes
from ajdiff.read.formats.pdf import MAX_PAGE_SECONDS, MAX_PDF_SECONDS
from ajdiff.read.parse import parse_source
from tests.hostile.real_world import W_NS, make_zip, seed_paragraphs, zip_members
from tests.hostile.test_fuzz_readers import check

DISTRIBUTIONS = {"python-docx": "1.1.2", "pypdf": "7.1.0"}
TEXT_001 = Path(__file__).resolve().parents[2] / "fixtures" / "001_f0f3c421c69f98c0.txt"


def _download(name: str, dest: Path) -> Path:
    """The pinned source distribution of a package, downloaded with pip into dest."""
    spec = f"{name}=={DISTRIBUTIONS[name]}"
    cmd = [sys.executable, "-m", "pip", "download", spec, "--no-binary", ":all:", "--no-deps", "-d", str(dest), "-q"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    found = sorted(dest.glob(f"{name.replace('-', '_')}-*.tar.gz")) + sorted(dest.glob(f"{name}-*.tar.gz"))
    if result.returncode or not found:
        pytest.skip(f"the package index cannot give {spec} here: {result.stderr.strip()[-200:]}")
    return found[0]


def _members(archive: Path, suffix: str) -> dict[str, bytes]:
    with tarfile.open(archive) as tf:
        return {m.name: tf.extractfile(m).read() for m in tf.getmembers() if m.isfile() and m.name.endswith(suffix)}  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def word_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """python-docx's test packages."""
    files = _members(_download("python-docx", tmp_path_factory.mktemp("sdist")), ".docx")
    assert len(files) >= 40
    return files


@pytest.fixture(scope="module")
def pdf_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """pypdf's test PDFs."""
    files = _members(_download("pypdf", tmp_path_factory.mktemp("sdist")), ".pdf")
    assert len(files) >= 60
    return files


def _facts(source_data: bytes, suffix: str) -> list[tuple[str | None, str | None, int]]:
    docs = parse_source(read_bytes(source_data, f"x{suffix}", suffix))
    return [(d.annex, d.general.position, len(d.duties)) for d in docs]


def _with_body(package: bytes, paragraphs: list[str]) -> bytes:
    """The package with its main part's body replaced by the given paragraphs (section properties kept)."""
    members = zip_members(package)
    rels = etree.fromstring(members["_rels/.rels"])
    (main,) = [r.get("Target").lstrip("/") for r in rels if r.get("Type", "").endswith("/officeDocument")]
    root = etree.fromstring(members[main])
    body = root.find(f"{{{W_NS}}}body")
    keep = [child for child in body if child.tag == f"{{{W_NS}}}sectPr"]
    for child in list(body):
        body.remove(child)
    for text in paragraphs:
        p = etree.SubElement(body, f"{{{W_NS}}}p")
        t = etree.SubElement(etree.SubElement(p, f"{{{W_NS}}}r"), f"{{{W_NS}}}t")
        t.text = text
    body.extend(keep)
    members[main] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return make_zip(members)


def test_every_real_word_package_is_read_or_refused_in_one_line(word_packages: dict[str, bytes]) -> None:
    refused: dict[str, str] = {}
    for name, data in word_packages.items():
        try:
            check(read_bytes(data, name, ".docx"))
        except InputError as exc:
            refused[name] = exc.problem
    # Only packages without any text are refused (python-docx's own blanks); never "not readable".
    assert set(refused.values()) <= {"no text in the document"}, refused
    assert len(refused) < len(word_packages) / 2


def test_every_real_word_package_with_a_job_description_reads_like_it(word_packages: dict[str, bytes]) -> None:
    """Issue 16 (1): "also after their body is replaced by a real job description" they were refused."""
    expected = _facts(TEXT_001.read_bytes(), ".txt")
    paragraphs = seed_paragraphs()
    wrong = {}
    for name, data in word_packages.items():
        facts = _facts(_with_body(data, paragraphs), ".docx")
        if facts != expected:
            wrong[name] = facts
    assert wrong == {}


def test_every_real_pdf_is_read_or_refused_quietly_within_bounds(
    pdf_files: dict[str, bytes], capfd: pytest.CaptureFixture[str]
) -> None:
    refused: dict[str, str] = {}
    for name, data in pdf_files.items():
        start = time.monotonic()
        try:
            check(read_bytes(data, name, ".pdf"))
        except InputError as exc:
            refused[name] = exc.problem
            assert "\n" not in exc.line()
        elapsed = time.monotonic() - start
        assert elapsed < MAX_PDF_SECONDS + MAX_PAGE_SECONDS + 5, (name, elapsed)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")  # pypdf printed nothing of its own
    # What the refusals say: damage, encryption, no text, or a bound; never an internal error.
    kinds = {re.sub(r"[\d.]+", "N", problem.split(":")[0])[:40] for problem in refused.values()}
    assert all(not kind.startswith("internal") for kind in kinds)
    assert len(refused) < len(pdf_files)
