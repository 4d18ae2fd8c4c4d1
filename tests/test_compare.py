"""The comparer on the real version pairs of GUIDE.md: the real changes, and nothing else."""

from __future__ import annotations

from ajdiff.changes import ChangeKind, Impact, SpanOp
from ajdiff.compare.document import compare
from tests.conftest import seed_doc


def _summary(comparison) -> set[tuple[str, str, str | None, str | None]]:
    return {(c.path, c.kind.value, c.old, c.new) for c in comparison.substantive}


def test_001_to_000_lisa2_reports_exactly_the_seven_real_changes() -> None:
    result = compare(seed_doc("001"), seed_doc("000", "2"))
    kinds = {(c.path, c.kind.value, c.old, c.new) for c in result.substantive if not c.path.startswith("duties")}
    assert kinds == {
        ("general.substitutes_for", "removed", "Peaspetsialist (toimepidevus)", None),
        ("general.substitutes_for", "removed", "kriisijuht", None),
        ("general.substitutes_for", "added", None, "Ekspert (toimepidevus)"),
        ("general.substituted_by", "removed", "kriisijuht", None),
        ("general.substituted_by", "added", None, "Ekspert (toimepidevus)"),
        (
            "requirements.education",
            "modified",
            "Kõrgharidus, soovitavalt teise astme kõrgharidus.",
            "Kõrgharidus, soovituslikult teise astme kõrgharidus.",
        ),
    }
    (duty,) = [c for c in result.substantive if c.path.startswith("duties")]
    assert (duty.path, duty.kind, duty.old_number, duty.new_number) == (
        "duties.2.12",
        ChangeKind.MODIFIED,
        "2.12",
        "2.12",
    )
    assert [s.text.strip() for s in duty.spans if s.op is SpanOp.DELETE] == ["antud", "täitmine"]
    assert [s.text.strip() for s in duty.spans if s.op is SpanOp.INSERT] == ["teostamine"]
    assert len(result.substantive) == 7
    # "asutusesiseseks" → "asutuse siseseks" and a dropped full stop are editorial, not substantive.
    assert {c.path for c in result.editorial} == {"general.goal", "requirements.knowledge"}
    assert not result.high_impact


def test_000_lisa6_to_lisa7_insertion_does_not_cascade() -> None:
    result = compare(seed_doc("000", "6"), seed_doc("000", "7"))
    duty_changes = [c for c in result.changes if c.path.startswith("duties") and not c.path.endswith("results")]
    added = [c for c in duty_changes if c.kind is ChangeKind.ADDED]
    assert [(c.path, c.impact) for c in added] == [("duties.2.7", Impact.HIGH)]
    renumbered = [(c.old_number, c.new_number) for c in duty_changes if c.kind is ChangeKind.RENUMBERED]
    assert renumbered == [("2.7", "2.8"), ("2.8", "2.9"), ("2.9", "2.10")]
    assert all(c.editorial for c in duty_changes if c.kind is ChangeKind.RENUMBERED)
    # The interleaved 2.6 of Lisa 6 reads the same as Lisa 7's 2.6: no change there.
    assert not [c for c in result.changes if c.path.startswith("duties.2.6")]
    assert {c.path for c in result.substantive} == {"general.goal", "duties.2.7", "duties.2.9.results"}
    # "3-aastane" → "3 aastane" is editorial.
    assert [c.path for c in result.editorial if not c.path.startswith("duties")] == ["requirements.experience"]


def test_003_lisa10_to_lisa11_civil_servant_becomes_employee() -> None:
    result = compare(seed_doc("003", "10"), seed_doc("003", "11"))
    group = [c for c in result.changes if c.path == "general.group"]
    assert [(c.kind, c.old, c.new, c.impact) for c in group] == [
        (ChangeKind.MODIFIED, "Ametnik", "Töötaja", Impact.HIGH)
    ]
    subs = [c for c in result.changes if c.path == "general.substitutes_for"]
    assert len(subs) == 4 and all(c.kind is ChangeKind.MODIFIED for c in subs)
    assert all("(ülesannete ulatuses, mis ei seisne avaliku võimu teostamises)" in c.new for c in subs)
    rewritten = {
        c.path for c in result.changes if c.kind is ChangeKind.MODIFIED and c.path in ("duties.2.1", "duties.2.4")
    }
    assert rewritten == {"duties.2.1", "duties.2.4"}
    assert not [
        c
        for c in result.changes
        if c.section == "duties" and c.kind in (ChangeKind.ADDED, ChangeKind.REMOVED) and not c.path.endswith("results")
    ]


def test_002_to_000_lisa7_across_layouts() -> None:
    result = compare(seed_doc("002"), seed_doc("000", "7"))
    by_kind = {}
    for c in result.changes:
        if c.section == "duties" and not c.path.endswith("results"):
            by_kind.setdefault(c.kind, []).append(c)
    merged = by_kind[ChangeKind.MERGED]
    assert [(c.old_number, c.new_number) for c in merged] == [("3.9, 3.10", "2.10")]
    assert sorted(c.old_number for c in by_kind[ChangeKind.REMOVED]) == ["3.2", "3.5", "3.6"]
    assert sorted(c.new_number for c in by_kind[ChangeKind.ADDED]) == ["2.4", "2.5", "2.6", "2.7"]
    assert all(c.editorial for c in by_kind[ChangeKind.RENUMBERED])
    assert {c.old_number for c in by_kind[ChangeKind.RENUMBERED]} >= {"3.3", "3.7"}  # 3.x → 2.x
    exp = [c for c in result.changes if c.path == "requirements.experience_years"]
    assert [(c.kind, c.old, c.new) for c in exp] == [(ChangeKind.RAISED, "2", "3")]
    langs = {(c.path, c.kind) for c in result.changes if c.path.startswith("requirements.languages")}
    assert langs == {
        ("requirements.languages.en", ChangeKind.REMOVED),
        ("requirements.languages.foreign", ChangeKind.ADDED),
    }
    assert [c.kind for c in result.changes if c.path == "general.group"] == [ChangeKind.ADDED]
    # Whole sections present on one side only are one change each.
    assert [c.kind for c in result.changes if c.path == "competencies"] == [ChangeKind.REMOVED]
    assert [c.kind for c in result.changes if c.path == "other.toovahendid"] == [ChangeKind.REMOVED]


def test_identical_documents_have_no_changes() -> None:
    doc = seed_doc("003", "2")
    result = compare(doc, doc)
    assert result.changes == () and result.similarity == 1.0


def test_languages_raised_and_lowered() -> None:
    a, b = seed_doc("000", "1"), seed_doc("000", "2")  # en B2 → foreign B1
    up = compare(b, a)
    kinds = {c.path: c.kind for c in up.changes if c.path.startswith("requirements.languages")}
    assert kinds == {
        "requirements.languages.en": ChangeKind.ADDED,
        "requirements.languages.foreign": ChangeKind.REMOVED,
    }
    from dataclasses import replace

    lowered = replace(a, requirements=replace(a.requirements, languages=(("en", "B1"), ("et", "C1"))))
    (change,) = [c for c in compare(a, lowered).changes if c.path.startswith("requirements.languages")]
    assert (change.kind, change.old, change.new, change.impact) == (ChangeKind.LOWERED, "B2", "B1", Impact.NORMAL)
    (raised,) = [c for c in compare(lowered, a).changes if c.path.startswith("requirements.languages")]
    assert (raised.kind, raised.impact) == (ChangeKind.RAISED, Impact.HIGH)
