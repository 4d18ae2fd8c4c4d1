"""One read: the redline is built from the bytes the comparison read, not from the files read again."""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from ajdiff.api import compare_documents, compare_files, load
from ajdiff.cli import main
from ajdiff.read.formats import read_bytes
from ajdiff.read.formats.docx import _KEEPER, Paragraph, body_paragraphs, keeping_parsed
from ajdiff.redline.document import RedlineOptions, build_redline
from ajdiff.redline.package import Package
from ajdiff.tree import Origin
from tests.redline.support import DATE, FIXTURES, SEED, norm, paragraphs, redline
from tests.redline.test_redline import _text_paragraphs
from tests.redline.views import Side, paragraph_lines, view
from tests.redline.wordpairs import job_docx, with_pending


def test_process_substitution_gives_the_same_redline_as_the_files(tmp_path: Path) -> None:
    """`ajdiff redline <(cat a) <(cat b)`: each pipe can be read once; `diff` worked, now redline does too."""
    old, new = shlex.quote(str(SEED["001"])), shlex.quote(str(SEED["000"]))
    command = (
        f"{shlex.quote(sys.executable)} -m ajdiff redline <(cat {old}) <(cat {new}) --new-annex 2 "
        f"--date 2025-01-31T12:00:00Z -o {shlex.quote(str(tmp_path / 'piped.docx'))}"
    )
    proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = (tmp_path / "piped.docx").read_bytes()
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(paragraphs("000", "2"))
    assert norm(paragraph_lines(view(data, Side.REJECT))) == norm(paragraphs("001"))


def test_a_file_changed_after_the_comparison_does_not_change_the_redline(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(SEED["001"].read_bytes())
    new.write_bytes(SEED["000"].read_bytes())
    result = compare_files(old, new, new_annex="2")
    new.write_text("Muu tekst.\n", encoding="utf-8")
    old.unlink()
    data = redline(result)
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(paragraphs("000", "2"))
    assert norm(paragraph_lines(view(data, Side.REJECT))) == norm(paragraphs("001"))


def test_documents_compared_in_memory_can_be_redlined() -> None:
    """`compare_documents()` of documents in memory: no file to read; the redline is their own text, word
    for word (a node is one paragraph: the file's paragraph breaks are not in the documents)."""
    old = [replace(d, source="vana (mälus)") for d in load(SEED["001"])]
    new = [replace(d, source="uus (mälus)") for d in load(SEED["000"], "2")]
    result = compare_documents(old, new)
    assert result.old_path is None and result.new_input is None
    data = redline(result)
    accepted, rejected = paragraph_lines(view(data, Side.ACCEPT)), paragraph_lines(view(data, Side.REJECT))
    assert " ".join(accepted).split() == " ".join(paragraphs("000", "2")).split()
    assert " ".join(rejected).split() == " ".join(paragraphs("001")).split()
    assert accepted != rejected


NEW_LINES = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]


def _walk(paragraphs: Sequence[Paragraph]) -> list[tuple[str, str, Origin]]:
    return [(p.text, p.label, p.origin) for p in paragraphs]


@pytest.mark.parametrize("seed", ["002", "003"])  # 002 has Word list numbers, 003 none
def test_the_redline_writes_into_the_trees_the_comparison_parsed(seed: str) -> None:
    """`ajdiff redline` parses and walks each Word part once: NEW's package is the reader's own tree, its
    paragraphs the reader's walk (numbers, merged cells and all), given to the one package that asks first."""
    data = SEED[seed].with_suffix(".docx").read_bytes()
    fresh = Package.from_docx(data, to_write=False)
    expected = _walk(body_paragraphs(fresh.document, fresh.part("numbering"), fresh.part("styles")))
    assert fresh.walked is None  # nothing is kept unless asked
    with keeping_parsed():
        source = read_bytes(data, "uus.docx")
        assert Package.from_docx(bytes(bytearray(data))).walked is None  # the same bytes read again: not the file read
        package = Package.from_docx(data)
        assert Package.from_docx(data).walked is None  # given once: the first package may change the trees
    assert package.walked is not None and _walk(package.walked) == expected
    assert all(p.element.getroottree().getroot() is package.document for p in package.walked)
    assert source == read_bytes(data, "uus.docx")  # what the comparison reads is the same, kept or not
    with keeping_parsed():
        read_bytes(data, "uus.docx")
    assert Package.from_docx(data).walked is None  # kept only while asked


@pytest.mark.parametrize("source", [SEED["002"].with_suffix(".docx"), FIXTURES / "001_f0f3c421c69f98c0.docx"])
def test_the_package_takes_the_members_the_reader_inflated(source: Path) -> None:
    """The members the reader inflated (relationships, the main part, numbering and styles, parsed or only
    guarded) are the package's own bytes, not inflated again; every member holds what the zip holds."""
    import zipfile

    data = source.read_bytes()
    with keeping_parsed():
        read_bytes(data, "uus.docx")
        (kept,) = _KEEPER.kept or ()
        package = Package.from_docx(data)
    assert {"word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"} <= kept.members.keys()
    assert all(package._parts[member] is inflated for member, inflated in kept.members.items())
    with zipfile.ZipFile(source) as zf:
        assert {m: package._bytes(m) for m in package._parts} == {m: zf.read(m) for m in zf.namelist()}


def test_changes_accepted_in_new_walk_its_paragraphs_again(tmp_path: Path) -> None:
    """NEW's pending changes change the tree the reader walked: its walk is not used once they are accepted."""
    job_docx(tmp_path / "new.docx", NEW_LINES)
    with_pending(tmp_path / "new.docx")
    data = (tmp_path / "new.docx").read_bytes()
    with keeping_parsed():
        read_bytes(data, "uus.docx")
        package = Package.from_docx(data)
    assert package.walked is not None
    assert package.accept_pending() == 5
    assert package.walked is None


def test_the_command_and_the_library_write_the_same_redline(tmp_path: Path) -> None:
    """The command (trees kept from the comparison) and `build_redline` (parsed again) agree byte for byte."""
    old, new = SEED["002"].with_suffix(".docx"), FIXTURES / "004_5d5ea316ff165238.docx"  # both numbered
    assert (
        main(
            [
                "redline",
                str(old),
                str(new),
                "--date",
                "2025-01-31T12:00:00Z",
                "--lang",
                "et",
                "-o",
                str(tmp_path / "r.docx"),
            ]
        )
        == 0
    )
    library = build_redline(compare_files(old, new), RedlineOptions(date=DATE, lang="et"))
    assert (tmp_path / "r.docx").read_bytes() == library
