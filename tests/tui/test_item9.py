"""Issue 25 item 9: the review UI at 80x24 and on resizes — names shortened with an ellipsis, the created
post's title that fits, side by side decided again on a resize, an uncertain single pair flagged in the
header, `w` with nothing to show, notes counted apart from warnings, a key to the pair switcher."""

from __future__ import annotations

from pathlib import Path

from ajdiff.api import compare_documents, compare_files
from ajdiff.changes import ComparisonSet
from ajdiff.tui.annex_switcher import AnnexSwitcher
from ajdiff.tui.app import ReviewApp
from ajdiff.tui.change_view import ChangeView, ColumnTitles
from ajdiff.tui.section_tree import SectionTree
from tests.conftest import SEEDS, seed_docs

SMALL, LARGE = (80, 24), (160, 48)


def tree_lines(tree: SectionTree) -> list[str]:
    """The section list as drawn, one string a row."""
    return ["".join(s.text for s in tree.render_line(y)).rstrip() for y in range(len(tree.root.children))]


async def test_long_section_names_end_in_an_ellipsis_after_a_whole_word(
    orders: ComparisonSet, review_path: Path
) -> None:
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        tree = app.query_one(SectionTree)
        names = [str(n.label) for n in tree.root.children]
        drawn = tree_lines(tree)
        assert "Ametijuhendi ülevaatamine" in names
        cut = [(name, row) for name, row in zip(names, drawn) if name not in row]
        assert cut, "at 80 columns some name is too long for the section list"
        for name, row in cut:
            assert row.endswith("…"), row
            kept = row[4:-1]  # after the badge ('21  '), before the ellipsis
            assert name.startswith(kept)
            # Cut after a whole word, unless the name is one long word.
            assert name[len(kept)] == " " or " " not in name, row
        review = drawn[names.index("Ametijuhendi ülevaatamine")]
        assert review.endswith("Ametijuhendi…")


def test_shorten_cuts_at_a_word_end_and_marks_it() -> None:
    from ajdiff.tui.section_tree import shorten

    assert shorten("Uus ametikoht (ainult uues versioonis)", 20) == "Uus ametikoht…"
    assert shorten("Teenistusülesanded", 10) == "Teenistus…"  # one word: cut inside it, 10 cells
    assert shorten("Üldosa", 10) == "Üldosa"


async def test_a_created_posts_title_fits_the_section_list(orders: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=SMALL) as pilot:
        switcher = app.query_one(AnnexSwitcher)
        switcher.focus()
        switcher.highlighted = switcher.get_option_index("new-0")
        await pilot.press("enter")
        await pilot.pause()
        (row,) = tree_lines(app.query_one(SectionTree))
        assert row.endswith(" Uus ametikoht"), row  # whole, no "(ainult uues v" cut off
        # The heading of the change still says it all.
        assert "Uus ametikoht (ainult uues versioonis)" in str(app.query_one("#summary").render())


async def test_side_by_side_is_decided_again_on_resize(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert app.side_by_side and app.query(ColumnTitles)
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert app.side_by_side is False and not app.query(ColumnTitles)
        assert all(not card.side_by_side for card in app.query_one(ChangeView).cards())
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert app.side_by_side and app.query(ColumnTitles)
        # `v` holds while the width stays on one side of the line.
        await pilot.press("v")
        await pilot.resize_terminal(150, 48)
        await pilot.pause()
        assert app.side_by_side is False


async def test_an_uncertain_single_pair_is_flagged_in_the_header(review_path: Path) -> None:
    # One post of order nr 1 against order nr 164: the best match is compared, with little in common.
    docs = {d.annex: d for d in seed_docs("003")}
    result = compare_documents([docs["10"]], seed_docs("000"))
    (pair,) = result.pairs
    proof = pair.pairing
    assert proof.uncertain
    app = ReviewApp(result, review_path)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert not app.query_one(AnnexSwitcher).display  # no switcher to carry its '?'
        header = str(app.query_one("#summary").render()).splitlines()[0]
        total = max(proof.duties_old, proof.duties_new)
        assert header.endswith(f"? ebakindel paar: {proof.duties_matched}/{total} ülesannet kattub")


async def test_a_sure_pair_has_no_flag(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path, "en")
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert "uncertain" not in str(app.query_one("#summary").render())


async def test_w_with_nothing_to_show_says_so(demo: ComparisonSet, review_path: Path) -> None:
    assert not demo.notes and not any(d.warnings for p in demo.pairs for d in (p.old, p.new))
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Hoiatusi ega märkusi ei ole"]
        assert not app.query_one("#warnings").display


async def test_a_note_is_not_counted_as_a_warning(review_path: Path) -> None:
    from ajdiff import i18n

    with i18n.speaking("et"):  # as `ajdiff tui` compares: in the language chosen at start, the UI's
        result = compare_files(SEEDS["001"], SEEDS["000"])  # one annex against an order: a note says which
    assert len(result.notes) == 1 and not any(d.warnings for p in result.pairs for d in (p.old, p.new))
    app = ReviewApp(result, review_path)
    async with app.run_test(size=SMALL) as pilot:
        panel = app.query_one("#warnings")
        text = str(panel.render())
        assert panel.display and text.startswith("ℹ 1 märkus")
        assert "hoiatus" not in text
        await pilot.press("w")
        assert panel.has_class("-open") and "parim vaste 7 seast" in str(panel.render())


async def test_l_goes_to_the_pair_switcher_and_tab_on_to_sections_and_changes(
    orders: ComparisonSet, demo: ComparisonSet, review_path: Path
) -> None:
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=SMALL) as pilot:
        assert isinstance(app.focused, SectionTree)
        await pilot.press("l")
        assert isinstance(app.focused, AnnexSwitcher)
        await pilot.press("tab")
        assert isinstance(app.focused, SectionTree)
        await pilot.press("tab")
        assert isinstance(app.focused, ChangeView)
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.focused, SectionTree)  # one pair: no switcher, and a word why
        assert [n.message for n in app._notifications] == ["Võrreldi ühte paari: paaride loendit ei ole"]
