"""compare() returns the alignment: per section, ordered steps (pair, insert, delete, move, merge, split)
each with its changes; the changes are exactly the steps' changes, in the steps' order."""

from __future__ import annotations

from pathlib import Path

from ajdiff.api import load
from ajdiff.changes import StepKind
from ajdiff.compare.document import compare

FIXTURES = Path(__file__).parents[2] / "fixtures"


def _seed(key: str, annex: str | None = None):
    path = next(FIXTURES.glob(f"{key}_*.txt"))
    return load(path, annex)[0]


def test_changes_are_the_steps_changes_in_order() -> None:
    result = compare(_seed("001"), _seed("000", "2"))
    walked = tuple(c for section in result.alignment for step in section.steps for c in step.changes)
    assert walked == result.changes
    assert [s.section for s in result.alignment][:3] == ["general", "duties", "requirements"]


def test_every_duty_of_both_sides_is_in_exactly_one_step() -> None:
    """Unchanged duties are steps too: the alignment says which duty of OLD is which of NEW."""
    old, new = _seed("002"), _seed("000", "7")
    result = compare(old, new)
    duties = next(s for s in result.alignment if s.section == "duties")
    seen_old = [n for step in duties.steps for n in step.old]
    seen_new = [n for step in duties.steps for n in step.new]
    assert sorted(seen_old) == sorted(d.number for d in old.duties)
    assert sorted(seen_new) == sorted(d.number for d in new.duties)
    kinds = {step.kind for step in duties.steps}
    assert StepKind.MERGE in kinds  # GUIDE.md: two duties merged
    assert StepKind.INSERT in kinds and StepKind.DELETE in kinds
    merge = next(step for step in duties.steps if step.kind is StepKind.MERGE)
    assert len(merge.old) == 2 and len(merge.new) == 1


def test_an_inserted_duty_renumbers_the_rest_as_pairs() -> None:
    """000 Lisa 6 → Lisa 7: a duty inserted at 2.7; the later duties pair with their old numbers."""
    result = compare(_seed("000", "6"), _seed("000", "7"))
    duties = next(s for s in result.alignment if s.section == "duties")
    inserted = [step.new for step in duties.steps if step.kind is StepKind.INSERT]
    assert ("2.7",) in inserted
    pairs = {step.old[0]: step.new[0] for step in duties.steps if step.kind is StepKind.PAIR}
    assert pairs.get("2.7") == "2.8"


def test_a_hand_built_comparison_still_walks() -> None:
    """Comparisons made without compare() (tests, tools) get one step per change."""
    from dataclasses import replace

    result = compare(_seed("001"), _seed("000", "2"))
    bare = replace(result, alignment=())
    assert tuple(c for s in bare.sections for c in s.changes) == result.changes


def test_the_sections_compared_are_every_section_node_of_the_tree_in_order() -> None:
    """The comparison looks into sections only (`_section_nodes`): in every fixture and external document of every
    format, no section stands below an item, a field or a title, so those are every section the whole walk finds."""
    from ajdiff.compare.document import _section_nodes
    from ajdiff.read.parse import read_documents
    from ajdiff.tree import NodeKind, walk

    paths = [p for p in sorted(FIXTURES.glob("*")) + sorted((FIXTURES / "external").glob("*")) if p.suffix in _FORMATS]
    docs = [doc for path in paths for doc in read_documents(path)]
    assert len(paths) > 50 and len(docs) > 80
    nested = 0
    for doc in docs:
        walked = [n for n in walk(doc.sections) if n.kind is NodeKind.SECTION]
        assert list(map(id, _section_nodes(doc))) == list(map(id, walked)), doc.source
        nested += sum(1 for s in walked for c in s.children if c.kind is NodeKind.SECTION)
    assert nested > 0  # sub-sections are found too


_FORMATS = {".txt", ".docx", ".html", ".pdf"}
