"""Two orders' lists of approved annexes, compared as the posts were paired (seeds 000 → 003 and an
order of 003 with one post renamed): one heading, its items under it; an unpaired post's item is added
or removed, never 'changed' into another post's that happens to share its annex number."""

from __future__ import annotations

from pathlib import Path

from ajdiff.api import compare_files
from ajdiff.changes import ChangeKind
from ajdiff.render.diff_text import diff_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ORDER_2024 = FIXTURES / "000_2e8e5e7caea51be0.txt"
ORDER_2026 = FIXTURES / "003_e40249d3a3f17dad.txt"


def _annexes(result: object) -> list[tuple[ChangeKind, str | None, str | None]]:
    return [(c.kind, c.old, c.new) for c in result.order_changes if c.path == "order.annexes"]  # type: ignore[attr-defined]


def test_unpaired_posts_are_added_and_removed_not_changed() -> None:
    """000's Lisa 3 'ekspert (toimepidevus)' and 003's Lisa 3 'ekspert (vaimne heaolu kriisides)' are
    other posts (not paired): the first is removed, the second added; Lisa 1 is the same item."""
    result = compare_files(ORDER_2024, ORDER_2026)
    paired = {(p.old.annex, p.new.annex) for p in result.pairs}
    assert ("3", "3") not in paired
    annexes = _annexes(result)
    assert (ChangeKind.REMOVED, "Lisa 3: ekspert (toimepidevus)", None) in annexes
    assert (ChangeKind.ADDED, None, "Lisa 3: ekspert (vaimne heaolu kriisides)") in annexes
    for kind, old, new in annexes:
        if kind is ChangeKind.MODIFIED:  # only a paired post's item may change
            assert (old.split(":")[0].split()[1], new.split(":")[0].split()[1]) in paired  # type: ignore[union-attr]
    assert not any("talituse juhataja" in (old or new or "") for _, old, new in annexes)  # Lisa 1 on both sides
    report = diff_text(result).split("\n\n")
    (order_block,) = [b for b in report if b.startswith("Käskkiri")]
    assert order_block.count("Kinnitatavad ametijuhendid") == 1  # one heading, the items under it
    assert "    - Lisa 3: ekspert (toimepidevus)" in order_block.splitlines()
    assert "    + Lisa 3: ekspert (vaimne heaolu kriisides)" in order_block.splitlines()


def test_a_paired_post_renamed_changes_its_item(tmp_path: Path) -> None:
    """003 against itself with Lisa 3's post renamed in the order and the annex: the posts pair (same
    duties), so the list item is one change from the old name to the new, and nothing else changes."""
    text = ORDER_2026.read_text(encoding="utf-8")
    renamed = tmp_path / ORDER_2026.name
    renamed.write_text(
        text.replace("ekspert (vaimne heaolu kriisides) (lisa 3)", "ekspert (vaimne tervis) (lisa 3)").replace(
            "Teenistuskoht Ekspert (vaimne heaolu kriisides)", "Teenistuskoht Ekspert (vaimne tervis)"
        ),
        encoding="utf-8",
    )
    result = compare_files(ORDER_2026, renamed)
    assert ("3", "3") in {(p.old.annex, p.new.annex) for p in result.pairs}
    assert _annexes(result) == [
        (ChangeKind.MODIFIED, "Lisa 3: ekspert (vaimne heaolu kriisides)", "Lisa 3: ekspert (vaimne tervis)")
    ]
