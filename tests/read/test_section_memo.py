"""The structure reader's memo of sections (`structure._kept`): a section read again, as two versions of a post
and the posts of one body repeat them, is the section read afresh: its nodes at the document's own lines, its
warnings made again in the language asked; a long section is never kept, and the memo holds a bounded number."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff import i18n
from ajdiff.model import JobDescription
from ajdiff.read import structure
from ajdiff.read.formats import read_bytes
from ajdiff.read.parse import parse_source, read_documents
from ajdiff.tree import NodeKind
from tests.conftest import FIXTURES, SEEDS

EXTERNAL = FIXTURES / "external"


def _afresh(path: Path) -> list[JobDescription]:
    structure._kept.clear()
    return read_documents(path)


def _text(name: str, text: str) -> list[JobDescription]:
    return parse_source(read_bytes(text.encode(), name, ".txt"))


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The keys of the sections read, not remembered (sub-sections are read with their section)."""
    read: list[str | None] = []
    reading = structure._read_draft

    def counting(draft: structure._Draft, *args: object) -> object:
        read.append(draft.key)
        return reading(draft, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(structure, "_read_draft", counting)
    monkeypatch.setattr(structure, "_kept", {})
    return read


def test_a_remembered_section_is_the_section_read_afresh(counted: list[str | None]) -> None:
    """Every seed (text, Word, PDF) and external document read one after another, each section remembered from the
    documents before where they repeat it, is the document read with nothing remembered."""
    paths = [
        *(seed.with_suffix(suffix) for suffix in (".txt", ".docx", ".pdf") for seed in SEEDS.values()),
        *sorted(EXTERNAL.glob("**/*.txt")),
    ]
    remembered = [read_documents(path) for path in paths]
    asked = len(counted)
    assert remembered == [_afresh(path) for path in paths]
    read_afresh = len(counted) - asked
    assert asked < read_afresh  # the seeds' versions repeat sections across files: those were remembered


def test_a_section_moved_down_by_a_longer_duty_is_remembered_at_its_own_lines(counted: list[str | None]) -> None:
    """Seed 001 with a duty added before its requirements: the requirements, rights and review are remembered from
    the seed as it is, and their nodes stand where the longer version has them, two lines lower."""
    text = SEEDS["001"].read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    heading = next(k for k, line in enumerate(lines) if line.startswith("3. Teenistuskoha"))
    at = max(k for k in range(heading) if lines[k].strip()) + 1  # after the last duty's last line
    longer = "".join([*lines[:at], "\n", "2.13. Uue ülesande täitmine.\n", *lines[at:]])
    [before] = _text("001.txt", text)
    read = len(counted)
    [after] = _text("001.txt", longer)
    assert {"requirements", "rights_resp", "review"}.isdisjoint(counted[read:])
    structure._kept.clear()
    assert _text("001.txt", longer) == [after]
    moved = [s for s in after.sections if s.key in ("requirements", "rights_resp", "review")]
    assert len(moved) == 3
    for section in moved:
        [was] = [s for s in before.sections if s.key == section.key]
        nodes, nodes_before = list(section.walk()), list(was.walk())
        assert [(n.kind, n.text, n.verbatim) for n in nodes] == [(n.kind, n.text, n.verbatim) for n in nodes_before]
        for node, node_before in zip(nodes, nodes_before):
            assert node.where is not None and node_before.where is not None and node_before.where.line is not None
            assert node.where.line == node_before.where.line + 2


def test_a_remembered_sections_warnings_are_made_again_in_the_language_asked(counted: list[str | None]) -> None:
    """Sillamäe Gümnaasium's requirements hold a paragraph with no label: each reading of them warns, the one
    remembered too, in the language spoken when it is asked."""
    [path] = EXTERNAL.glob("sillamae_gumnaasium_opetaja_b.txt")
    first = read_documents(path)
    read = len(counted)
    again = read_documents(path)
    assert "requirements" in counted[:read] and "requirements" not in counted[read:]  # remembered the second time
    assert first == again
    said = [w for doc in again for w in doc.warnings if w.startswith("requirements: unlabelled text")]
    assert len(said) == 1
    with i18n.speaking("et"):
        spoken = read_documents(path)
        assert spoken == _afresh(path)
    assert [w for doc in spoken for w in doc.warnings if w.startswith("requirements: unlabelled text")] == []
    assert len(spoken[0].warnings) == len(first[0].warnings)


def test_a_long_section_is_read_afresh_and_never_kept(counted: list[str | None]) -> None:
    """A section of more characters than `_SECTION_CHARS` (paragraphs of some thousand words under a heading) is
    read each time it is asked, and the memo keeps only shorter ones."""
    sentence = "Teenistuja tagab ameti järelevalve tõhususe ja õiguspärasuse oma pädevuse piires. " * 120
    text = "AMETIJUHEND\n1. Üldosa\nAmetinimetus Jurist\n2. LISATINGIMUSED\n" + f"{sentence}\n" * 3
    assert len(sentence) * 3 > structure._SECTION_CHARS
    first = _text("long.txt", text)
    second = _text("long.txt", text)
    assert first == second and counted.count(None) == 2 and counted.count("general") == 1
    assert structure._kept and all(structure._chars(key[0]) <= structure._SECTION_CHARS for key in structure._kept)
    [long] = [s for s in first[0].sections if s.key == "other.lisatingimused"]
    assert [c.kind for c in long.children] == [NodeKind.PARAGRAPH] * 3


def test_the_memo_holds_at_most_its_bound_and_answers_as_afresh(
    counted: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With room for eight sections, the external documents read twice over leave eight in the memo, and each
    reading is the document read with nothing remembered."""
    monkeypatch.setattr(structure, "_SECTIONS_KEPT", 8)
    paths = sorted(EXTERNAL.glob("*.txt"))
    afresh = [_afresh(path) for path in paths]
    structure._kept.clear()
    for _ in range(2):
        for path, read in zip(paths, afresh):
            assert read_documents(path) == read
            assert len(structure._kept) <= 8
    assert len(structure._kept) == 8
