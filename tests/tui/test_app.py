"""Pilot tests: every key of the review UI, the mouse, resizing, and marks that survive a restart."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from textual import events
from textual.app import ComposeResult
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widgets import TextArea
from textual.widgets._footer import FooterKey

from ajdiff.api import compare_files
from ajdiff.changes import ComparisonSet
from ajdiff.review import Mark, load_review
from ajdiff.tui.annex_switcher import AnnexSwitcher
from ajdiff.tui.app import ReviewApp
from ajdiff.tui.change_card import ChangeCard
from ajdiff.tui.change_view import ChangeView, ColumnTitles
from ajdiff.tui.help_screen import HelpScreen
from ajdiff.tui.prompt_screen import CommentScreen, ConfirmScreen, PromptScreen
from ajdiff.tui.section_tree import SectionTree

SMALL, LARGE = (80, 24), (160, 48)


def current_card(app: ReviewApp) -> ChangeCard:
    """The card that carries the highlight; exactly one must."""
    cards = [c for c in app.query(ChangeCard) if c.has_class("-current")]
    assert len(cards) == 1
    return cards[0]


async def test_first_screen_shows_the_first_change(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL):
        assert app.current is not None and app.current.change.path == "general.substitutes_for"
        assert app.section == "general"
        assert current_card(app).position == app.current
        tree = app.query_one(SectionTree)
        badges = {n.data.section: n.data.count for n in tree.root.children}
        assert badges["general"] == 5 and badges["duties"] == 1 and badges["requirements"] == 1
        assert not app.query_one(AnnexSwitcher).display  # one pair: no switcher


@pytest.mark.parametrize("enabled", [True, False])
async def test_collector_paused_for_the_first_screen_only(
    demo: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    # Paused while the first screen is built, given back once it is drawn; a process without it stays without.
    collecting: list[bool] = []
    compose = ReviewApp.compose

    def watched(app: ReviewApp) -> ComposeResult:
        collecting.append(gc.isenabled())
        return compose(app)

    monkeypatch.setattr(ReviewApp, "compose", watched)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        app = ReviewApp(demo, review_path)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            assert collecting == [False]
            assert gc.isenabled() is enabled
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def _styles(app: ReviewApp) -> list[tuple[str, str, dict[str, str]]]:
    """Every node's computed CSS and its component styles, in DOM order."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return [(repr(n), n.styles.css, {k: v.css for k, v in sorted(n._component_styles.items())}) for n in nodes]


@pytest.mark.parametrize("size", [SMALL, LARGE])
async def test_first_resume_keeps_the_styles_given_at_mount(
    orders: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # The first resume skips Textual's restyle of every node: the styles are those the restyle would give; a later
    # resume that asks for it restyles as Textual does.
    restyled: list[DOMNode] = []
    update = DOMNode.update_node_styles

    def watched(self: DOMNode, animate: bool = True) -> None:
        restyled.append(self)
        update(self, animate)

    app = ReviewApp(orders, review_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        first = _styles(app)
        monkeypatch.setattr(DOMNode, "update_node_styles", watched)
        app.screen.update_node_styles(animate=False)
        await pilot.pause()
        assert _styles(app) == first
        restyled.clear()
        app.screen.post_message(events.ScreenResume())  # resumed again, as Textual asks after some dialogs
        await pilot.pause()
        assert app.screen in restyled


@pytest.fixture(scope="module")
def seed_orders() -> ComparisonSet:
    """The two seed orders as `ajdiff tui` compares them (the benchmark's pair)."""
    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    return compare_files(*sorted(fixtures.glob("00[03]_*.txt")))


async def test_a_redrawn_short_card_is_centred_once_laid_out(seed_orders: ComparisonSet, tmp_path: Path) -> None:
    # After `v` the cards are mounted again and the pane's scrollbar comes: the current card (short) is centred on
    # the final layout, not put at the top by a scroll made while the cards were still as wide as the pane without
    # its scrollbar (which one happened depended on when a refresh came).
    for run in range(4):
        app = ReviewApp(seed_orders, tmp_path / f"review{run}.json")
        async with app.run_test(size=SMALL) as pilot:
            for key in "nnazv":
                await pilot.press(key)
                await pilot.pause()
            view, card = app.query_one(ChangeView), current_card(app)
            assert card.virtual_region_with_margin.height < view.scrollable_content_region.height // 2
            scrolled = view.scroll_y
            view.scroll_to_center(card, animate=False, immediate=True)
            assert view.scroll_y == scrolled > 0


async def test_n_and_p_visit_every_change_across_sections(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        seen = [app.current.change]
        for _ in range(6):
            await pilot.press("n")
            seen.append(app.current.change)
            assert current_card(app).position == app.current
        assert {c.section for c in seen} == {"general", "duties", "requirements"}
        assert set(seen) == set(demo.pairs[0].substantive)
        await pilot.press("n")  # past the last: stays
        assert app.current.change == seen[-1]
        for _ in range(6):
            await pilot.press("p")
        assert app.current.change == seen[0]
        assert app.section == "general"


async def test_e_shows_and_hides_editorial_changes(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        assert not any(c.position.change.editorial for c in app.query(ChangeCard))
        await pilot.press("e")
        assert app.session.show_editorial
        assert any(c.position.change.editorial for c in app.query(ChangeCard))  # goal is editorial
        assert len(app.session.order()) == 9
        await pilot.press("e")
        assert len(app.session.order()) == 7
        assert not any(c.position.change.editorial for c in app.query(ChangeCard))


async def test_v_switches_side_by_side_and_inline(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=LARGE) as pilot:
        assert app.side_by_side is True  # wide terminal
        assert app.query(ColumnTitles)
        await pilot.press("v")
        assert app.side_by_side is False
        assert not app.query(ColumnTitles)
        assert all(not c.side_by_side for c in app.query(ChangeCard))
        await pilot.press("v")
        assert app.side_by_side is True and app.query(ColumnTitles)


async def test_narrow_terminal_starts_inline(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL):
        assert app.side_by_side is False


async def test_slash_searches_and_jumps(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"teostamine", "enter")
        assert app.current.change.path == "duties.2.12"
        assert app.section == "duties"
        before = app.current
        await pilot.press("slash", *"zzz", "enter")  # no match: stays
        assert app.current == before
        await pilot.press("slash", *"haridus", "escape")  # cancelled: stays
        assert app.current == before and not isinstance(app.screen, PromptScreen)


async def test_a_and_r_mark_and_save_after_every_key(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    pair = demo.pairs[0]
    async with app.run_test(size=SMALL) as pilot:
        first = app.current
        await pilot.press("a")  # marks and moves on
        assert load_review(review_path).entry(pair, first.change).mark is Mark.APPROVED
        assert app.current == app.session.step(first, 1)
        assert app.query_one(ChangeView).card(first).entry.mark is Mark.APPROVED
        second = app.current
        await pilot.press("r")
        assert load_review(review_path).entry(pair, second.change).mark is Mark.QUESTIONED
        await pilot.press("p", "r")  # again on a questioned change: the mark is taken back, the cursor stays
        assert load_review(review_path).entry(pair, second.change).mark is None
        assert app.current == second
        await pilot.press("a", "p", "r")  # r replaces a
        assert load_review(review_path).entry(pair, second.change).mark is Mark.QUESTIONED
    assert not list(review_path.parent.glob(".review.json.*.tmp"))  # atomic writes leave no temp file


async def test_c_comments_and_reopening_restores_marks(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "n", "c")
        assert isinstance(app.screen, CommentScreen)
        await pilot.press(*"Kes on", "enter", *"kriisijuht?", "ctrl+s")
        marked = app.current
        assert current_card(app).entry.comment == "Kes on\nkriisijuht?"
        await pilot.press("a", "q")
    assert json.loads(review_path.read_text())["entries"][0]["comment"] == "Kes on\nkriisijuht?"

    again = ReviewApp(demo, review_path)
    async with again.run_test(size=SMALL) as pilot:
        card = next(c for c in again.query(ChangeCard) if c.position == marked)
        assert card.entry.mark is Mark.APPROVED and card.entry.comment == "Kes on\nkriisijuht?"
        assert "1/7 üle vaadatud" in str(again.query_one("#summary").render())  # of the 7 shown, not of 9
        # Editing keeps the old text in the editor; an empty comment removes it.
        await pilot.press("n", "n", "c")
        editor = again.screen.query_one(TextArea)
        assert editor.text == "Kes on\nkriisijuht?"
        editor.clear()
        await pilot.press("ctrl+s")
        assert load_review(review_path).entry(demo.pairs[0], marked.change).comment is None


async def test_x_exports_through_the_redline_layer(
    demo: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def fake_build(result, review, lang, show_editorial):  # the redline layer, stubbed to see what the UI passes
        calls.append((result, review, lang, show_editorial))
        return b"PK fake docx"

    import ajdiff.tui.export as export

    monkeypatch.setattr(export, "_redline_builder", lambda: fake_build)
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("c", *"vaata üle", "ctrl+s", "x")
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one("Input").value == "ajdiff-redline.docx"
        await pilot.press("ctrl+u", *"out.docx", "enter")
    assert Path("out.docx").read_bytes() == b"PK fake docx"
    result, review, lang, show_editorial = calls[0]
    assert result is demo and review.entries[0].comment == "vaata üle"
    assert (lang, show_editorial) == ("et", False)


async def test_x_keeps_an_unrelated_existing_file_but_re_exports_its_own(
    demo: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ajdiff.tui.export as export

    monkeypatch.setattr(export, "_redline_builder", lambda: lambda *args: b"PK new")
    Path("precious.docx").write_bytes(b"someone else's work")
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("x", "ctrl+u", *"precious.docx", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # asked, in the interface's language
        assert "Fail on juba olemas" in app.screen.question
        await pilot.press("e")
        assert Path("precious.docx").read_bytes() == b"someone else's work"
        await pilot.press("x", "ctrl+u", *"precious.docx", "enter", "j")  # yes: replaced
        assert Path("precious.docx").read_bytes() == b"PK new"
        await pilot.press("x", "ctrl+u", *"mine.docx", "enter")
        Path("mine.docx").write_bytes(b"PK edited in Word")
        await pilot.press("x", "ctrl+u", *"mine.docx", "enter")
        await pilot.pause()
        # Issue 25 item 6: changed since it was exported (comments added in Word?): asked first.
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("e")
    assert Path("mine.docx").read_bytes() == b"PK edited in Word"


async def test_x_re_exports_its_own_unchanged_file_without_asking(
    demo: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ajdiff.tui.export as export

    outputs = iter([b"PK first", b"PK second"])
    monkeypatch.setattr(export, "_redline_builder", lambda: lambda *args: next(outputs))
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("x", "ctrl+u", *"mine.docx", "enter")
        await pilot.press("x", "ctrl+u", *"mine.docx", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert Path("mine.docx").read_bytes() == b"PK second"


async def test_x_writes_a_valid_docx_with_the_comments(demo: ComparisonSet, review_path: Path) -> None:
    pytest.importorskip("ajdiff.redline")
    import zipfile

    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("c", *"küsimus HR-ile", "ctrl+s", "a", "x", "ctrl+u", *"redline.docx", "enter")
    with zipfile.ZipFile("redline.docx") as docx:
        names = docx.namelist()
        assert "word/document.xml" in names
        assert "word/comments.xml" in names
        assert "küsimus HR-ile" in docx.read("word/comments.xml").decode("utf-8")


async def test_x_without_a_redline_layer_says_so(
    demo: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ajdiff.tui.export as export

    monkeypatch.setattr(export, "_redline_builder", lambda: None)
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("x", "enter")
        assert not Path("ajdiff-redline.docx").exists()
        assert any("redline" in n.message for n in app._notifications)


async def test_question_mark_opens_help_listing_every_key(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path, "en")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [key for key, _ in app.screen.rows]
        assert keys == ["n", "p", "N", "a", "r", "c", "/", "g", "z", "e", "v", "w", "l", "t", "x", "?", "q"]
        assert (
            "next change (the orders' own changes, then across sections and pairs, then the created and abolished"
            " posts)" in dict(app.screen.rows).values()
        )
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_mouse_selects_sections_and_changes(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=LARGE) as pilot:
        tree = app.query_one(SectionTree)
        duties_line = next(n.line for n in tree.root.children if n.data.section == "duties")
        await pilot.click(SectionTree, offset=(3, duties_line))
        assert app.section == "duties"
        assert app.current.change.path == "duties.2.12"
        await pilot.click(SectionTree, offset=(3, 0))  # back to general
        cards = list(app.query(ChangeCard))
        await pilot.click(cards[3])
        assert app.current == cards[3].position
        assert current_card(app) is cards[3]


async def test_two_orders_switcher_and_walk_across_pairs(orders: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=LARGE) as pilot:
        switcher = app.query_one(AnnexSwitcher)
        assert switcher.display
        ids = [switcher.get_option_at_index(i).id for i in range(switcher.option_count)]
        assert [i for i in ids if i and i.startswith("pair-")] == [f"pair-{k}" for k in range(len(orders.pairs))]
        assert sum(1 for i in ids if i and i.startswith("new-")) == len(orders.unpaired_new)
        assert sum(1 for i in ids if i and i.startswith("old-")) == len(orders.unpaired_old)
        for _ in range(len(orders.pairs[0].substantive)):
            await pilot.press("n")
        assert app.current.pair == 1 and app.session.pair_index == 1
        assert switcher.highlighted == ids.index("pair-1")
        # Picking a created post shows it as one reviewable item.
        switcher.focus()
        switcher.highlighted = ids.index("new-0")
        await pilot.press("enter")
        assert app.current.is_post and app.current.side == "new"
        assert current_card(app).doc == orders.unpaired_new[0]
        switcher.highlighted = ids.index("pair-2")
        await pilot.press("enter")
        assert app.current.pair == 2


async def test_resizing_keeps_working(orders: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=SMALL) as pilot:
        for size in [(40, 12), (200, 60), (20, 6), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.press("n")
            await pilot.pause()
        assert app.is_running and app.current is not None


async def test_english_interface(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path, "en")
    async with app.run_test(size=SMALL):
        descriptions = {b.action: b.description for b in app.active_bindings.values() for b in [b.binding]}
        assert descriptions["next_change"] == "next" and descriptions["approve"] == "ok"
        assert "substantive" in str(app.query_one("#summary").render())
        assert app.query_one(SectionTree).root.children[0].label.plain == "General"


async def test_done_when_newcomer_walks_marks_reopens_and_exports(demo: ComparisonSet, review_path: Path) -> None:
    """The issue's acceptance: find every change with n, mark and comment, quit, reopen, export with comments."""
    pytest.importorskip("ajdiff.redline")
    import zipfile

    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        visited = []
        while app.current not in visited:
            visited.append(app.current)
            if len(visited) == 7:
                await pilot.press("c", *"Miks muudeti?", "ctrl+s")
            await pilot.press("r" if app.current.change.section == "duties" else "a")
        await pilot.press("q")
    assert len(visited) == len(demo.pairs[0].substantive)

    again = ReviewApp(demo, review_path)
    async with again.run_test(size=SMALL) as pilot:
        entries = [again.session.entry(p) for p in visited]
        assert all(e is not None and e.mark is not None for e in entries)
        assert [e.mark for e in entries].count(Mark.QUESTIONED) == 1
        assert entries[-1].comment == "Miks muudeti?"
        await pilot.press("x", "ctrl+u", *"review.docx", "enter")
    with zipfile.ZipFile("review.docx") as docx:
        assert "Miks muudeti?" in docx.read("word/comments.xml").decode("utf-8")


async def test_identical_files_and_unpaired_only_results_still_open(demo: ComparisonSet, review_path: Path) -> None:
    from ajdiff.compare.document import compare

    same = ComparisonSet(pairs=(compare(demo.pairs[0].new, demo.pairs[0].new),))
    app = ReviewApp(same, review_path)
    async with app.run_test(size=SMALL) as pilot:
        assert app.current is None
        await pilot.press("n", "p", "a", "c", "e", "v")  # nothing to act on: notices, no crash
        assert app.is_running and not review_path.exists()
        assert app.query(".empty")

    lonely = ComparisonSet(pairs=(), unpaired_new=(demo.pairs[0].new,), unpaired_old=(demo.pairs[0].old,))
    app = ReviewApp(lonely, review_path)
    async with app.run_test(size=SMALL) as pilot:
        assert app.query_one(AnnexSwitcher).display
        await pilot.press("n", "e", "v", "slash", "x", "enter")
        assert app.is_running


async def test_pairing_notes_are_shown_on_start(review_path: Path) -> None:
    from ajdiff import i18n
    from ajdiff.api import compare_files

    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    for lang, said in (("et", "parim vaste 7 seast"), ("en", "the best match of 7")):  # in the interface's language
        with i18n.speaking(lang):  # as `ajdiff tui` compares: in the language chosen at start
            result = compare_files(fixtures / "001_f0f3c421c69f98c0.txt", fixtures / "000_2e8e5e7caea51be0.txt")
        assert result.notes  # one annex against an order of seven: the best match is picked and said
        app = ReviewApp(result, review_path, lang)
        async with app.run_test(size=SMALL):
            panel = app.query_one("#warnings")
            assert panel.display and said in str(panel.render())


async def test_a_zero_count_is_not_drawn_as_an_alarm(demo: ComparisonSet, review_path: Path) -> None:
    """Issue 25 item 9: the demo pair has no high-impact change; '0 olulist' is muted, not bold red."""
    from ajdiff.tui.summary_bar import SummaryBar

    assert not demo.pairs[0].high_impact and demo.pairs[0].substantive
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        content = app.query_one(SummaryBar).content
        styles = {content.plain[s.start : s.end]: str(s.style) for s in content.spans}
        zero = next(text for text in styles if text.startswith("0 "))
        assert "error" not in styles[zero] and "bold" not in styles[zero]
        some = next(text for text in styles if text.startswith(f"{len(demo.pairs[0].substantive)} "))
        assert "warning" in styles[some]


async def test_the_help_says_how_to_close_it(demo: ComparisonSet, review_path: Path) -> None:
    """Issue 25 item 9: the help screen says that Esc closes it, and Esc does."""
    from ajdiff.tui.help_screen import HelpScreen

    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Esc, q või ? sulgeb selle abi" in app.screen.footer_text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_footer_is_made_again_only_when_its_keys_change(
    orders: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's footer makes its keys again on every signal that bindings may have changed (several times before
    the first screen): ours once, then again only when a key comes, goes or changes its text."""
    from ajdiff.tui.app import KeysFooter

    made: list[tuple[str, ...]] = []
    compose = KeysFooter.compose

    def counted(self: KeysFooter):  # type: ignore[no-untyped-def]
        if self._bindings_ready:  # before, the footer is composed empty
            made.append(tuple(b.key for _, b, _, _ in self.screen.active_bindings.values() if b.show))
        yield from compose(self)

    monkeypatch.setattr(KeysFooter, "compose", counted)
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        shown = [k.key for k in app.query(FooterKey)]
        assert shown == ["n", "p", "N", "a", "r", "c", "slash", "question_mark", "q"]
        assert len(made) == 1
        for key in ("n", "n", "l", "tab", "p"):  # the current change and the focus move: the keys stay
            await pilot.press(key)
        await pilot.pause()
        assert len(made) == 1
        footer = app.query_one(KeysFooter)
        footer.call_later(footer.recompose)  # asked again, the keys the same
        await pilot.pause()
        assert len(made) == 1
        app.bind("k", "bell", description="bell")  # a key comes: the footer shows it
        footer.call_later(footer.recompose)
        await pilot.pause()
        assert len(made) == 2 and [k.key for k in app.query(FooterKey)] == [*shown, "k"]


async def test_footer_keys_styled_once_and_compact(
    orders: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each key of the footer is styled when it mounts, with its compact class already on, and not before.
    styled: list[FooterKey] = []
    apply = Stylesheet.apply

    def counted(self: Stylesheet, node: DOMNode, *args: object, **kwargs: object) -> None:
        if isinstance(node, FooterKey):
            styled.append(node)
        apply(self, node, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", counted)
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        keys = list(app.query(FooterKey))
        assert len(keys) == 9 and all(k.has_class("-compact") and k.styles.margin.right == 1 for k in keys)
        assert sorted(map(id, styled)) == sorted(map(id, keys))
