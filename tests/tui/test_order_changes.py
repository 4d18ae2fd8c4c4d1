"""Issue 25 item 4: the orders' own changes (entry into force, repeals, the annexes approved) are reviewable
items of `ajdiff tui OLD_ORDER NEW_ORDER`: shown first, marked and commented like any change, saved in the
review file, exported as Word comments, found by search.

The orders are the seeds' own: nr 164 (15.11.2024, seed 000) → nr 1 (07.01.2026, seed 003), four pairs fixed
by hand as a reviewer would (the posts are of two departments).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ajdiff.api import compare_files
from ajdiff.changes import ComparisonSet
from ajdiff.review import ORDER_KEY, Mark, load_review
from ajdiff.tui.annex_switcher import AnnexSwitcher
from ajdiff.tui.app import ReviewApp
from ajdiff.tui.change_view import ChangeView
from ajdiff.tui.section_tree import SectionTree
from tests.conftest import SEEDS

SMALL = (80, 24)


@pytest.fixture(scope="module")
def two_orders() -> ComparisonSet:
    """Order nr 164 → order nr 1, as `ajdiff tui 000.txt 003.txt --pair 1=1 …` computes it."""
    return compare_files(SEEDS["000"], SEEDS["003"], pair=("1=1", "2=4", "3=5", "6=7"))


def test_the_seed_orders_have_their_own_changes(two_orders: ComparisonSet) -> None:
    paths = {c.path for c in two_orders.order_changes}
    assert {"order.annexes", "order.repeals", "order.effective"} <= paths
    effective = next(c for c in two_orders.order_changes if c.path == "order.effective")
    assert "jõustub" in effective.new


async def test_the_orders_changes_come_first_then_the_pairs(two_orders: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(two_orders, review_path)
    order_changes = [c for c in two_orders.order_changes if not c.editorial]
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        switcher = app.query_one(AnnexSwitcher)
        assert switcher.display and switcher.get_option_at_index(0).id == "order-0"
        assert "Käskkiri" in str(switcher.get_option_at_index(0).prompt)
        # The first screen is the orders': their changes as cards, the current one their first.
        assert app.current.is_order and app.current.change == order_changes[0]
        view = app.query_one(ChangeView)
        assert [card.position.change for card in view.cards()] == order_changes
        assert [n.data.section for n in app.query_one(SectionTree).root.children] == ["order"]
        summary = str(app.query_one("#summary").render())
        assert "käskkiri nr 164" in summary.lower() and "käskkiri nr 1," in summary
        for _ in range(len(order_changes)):
            await pilot.press("n")
        # Then the first pair (by annex number), and back again with p.
        assert not app.current.is_order and app.current.pair == app.session.pair_order[0]
        assert switcher.highlighted == 1
        await pilot.press("p")
        assert app.current.is_order and app.current.change == order_changes[-1]
        assert switcher.highlighted == 0


def test_the_orders_screen_at_80x24(snap_compare, two_orders: ComparisonSet, review_path: Path) -> None:
    """The first screen of two orders: 'Käskkiri' first in the switcher, its changes as cards, the two orders
    named in the summary bar (update: --snapshot-update, then read the SVG)."""
    assert snap_compare(ReviewApp(two_orders, review_path), terminal_size=SMALL)


async def test_search_finds_when_the_order_takes_effect(two_orders: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(two_orders, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "n")  # away from the first item, so the search has to come back round
        await pilot.press("slash", *"jõustub", "enter")
        await pilot.pause()
        assert app.current.is_order and app.current.change.path == "order.effective"
        card = app.query_one(ChangeView).card(app.current)
        assert card is not None and card.is_current


async def test_order_changes_are_marked_saved_and_exported_as_comments(
    two_orders: ComparisonSet, review_path: Path
) -> None:
    pytest.importorskip("ajdiff.redline")
    order_changes = [c for c in two_orders.order_changes if not c.editorial]
    effective = next(c for c in order_changes if c.path == "order.effective")
    app = ReviewApp(two_orders, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("a")  # the first order change approved; the cursor moves on
        assert app.current.change == order_changes[1]
        await pilot.press("slash", *"jõustub", "enter", "r", "p")  # questioned; back to it
        assert app.current.change == effective
        await pilot.press("c", *"Miks tagasiulatuvalt?", "ctrl+s")
        tree = app.query_one(SectionTree)
        assert tree.root.children[0].data.reviewed == 2
        assert app.session.total_reviewed()[0] == 2
    on_disk = load_review(review_path)
    assert on_disk.order_entry(order_changes[0]).mark is Mark.APPROVED
    entry = on_disk.order_entry(effective)
    assert (entry.pair, entry.mark, entry.comment) == (ORDER_KEY, Mark.QUESTIONED, "Miks tagasiulatuvalt?")

    again = ReviewApp(two_orders, review_path)
    async with again.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert again.session.total_reviewed()[0] == 2  # the marks come back on reopening
        await pilot.press("x", "ctrl+u", *"orders.docx", "enter")
        await pilot.pause()
    with zipfile.ZipFile("orders.docx") as docx:
        comments = docx.read("word/comments.xml").decode("utf-8")
        body = docx.read("word/document.xml").decode("utf-8")
    assert "Miks tagasiulatuvalt?" in comments
    assert "[Kinnitatud]" in body  # the approved order change's row on the summary page


def test_redline_counts_the_marks_on_the_orders_changes_as_matching(two_orders: ComparisonSet) -> None:
    """`redline --review` warns of marks that match no change: a mark on the orders' own change matches one."""
    from ajdiff.cli.redline import _marks_matched
    from ajdiff.review import Review

    effective = next(c for c in two_orders.order_changes if c.path == "order.effective")
    review = Review().updated_at((ORDER_KEY,), effective.key, "Jõustumine", mark=Mark.QUESTIONED)
    assert _marks_matched(review, two_orders) == (1, 1)
