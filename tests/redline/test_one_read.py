"""One read: the redline is built from the bytes the comparison read, not from the files read again."""

from __future__ import annotations

import shlex
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from ajdiff.api import compare_documents, compare_files, load
from tests.redline.support import SEED, norm, paragraphs, redline
from tests.redline.views import Side, paragraph_lines, view


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
