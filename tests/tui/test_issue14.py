"""The review UI a reviewer finishes a job in (issue 14): one test per numbered item, through the real app."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from ajdiff.api import compare_documents, compare_files
from ajdiff.changes import ChangeKind, ComparisonSet
from ajdiff.read.parse import read_documents
from ajdiff.review import Mark, load_review
from ajdiff.tui.annex_switcher import AnnexSwitcher
from ajdiff.tui.app import ReviewApp
from ajdiff.tui.change_card import GUTTER, ChangeCard
from ajdiff.tui.change_view import ChangeView
from ajdiff.tui.help_screen import HelpScreen
from ajdiff.tui.prompt_screen import CommentScreen, PromptScreen
from ajdiff.tui.section_tree import SectionTree
from ajdiff.words import path_label

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "fixtures"
SMALL, LARGE = (80, 24), (160, 48)


@pytest.fixture(scope="module")
def lisa7() -> ComparisonSet:
    """002 → 000 Lisa 7: the older contract layout against the 2024 one, 37 substantive changes."""
    return compare_files(FIX / "002_916340fc2ccdf799.txt", FIX / "000_2e8e5e7caea51be0.txt", new_annex="7")


def current_card(app: ReviewApp) -> ChangeCard:
    cards = [c for c in app.query(ChangeCard) if c.has_class("-current")]
    assert len(cards) == 1
    return cards[0]


def on_screen(app: ReviewApp, card: ChangeCard) -> bool:
    """True when the card's heading is inside the visible part of the changes pane."""
    view = app.query_one(ChangeView)
    top = card.virtual_region.y - view.scroll_y
    return 0 <= top < view.scrollable_content_region.height


def card_text(card: ChangeCard) -> list[str]:
    return ["".join(s.text for s in card.render_line(y)) for y in range(card.size.height)]


# 1 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, LARGE])
async def test_1_search_brings_the_found_change_into_view(lisa7: ComparisonSet, review_path: Path, size) -> None:
    app = ReviewApp(lisa7, review_path)
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", *"infosüsteemides kajastatule", "enter")
        await pilot.pause()
        card = current_card(app)
        assert "infosüsteemides kajastatule" in (card.position.change.new or "")
        assert on_screen(app, card)
        assert card_text(card)[0].startswith("▶")
        # 14: not at the pane's bottom edge, with room below it.
        view = app.query_one(ChangeView)
        assert card.virtual_region.y - view.scroll_y <= view.scrollable_content_region.height * 2 // 3


# 2 -----------------------------------------------------------------------------------------------


async def test_2_marks_follow_the_documents_not_the_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    for name in ("001_f0f3c421c69f98c0.txt", "000_2e8e5e7caea51be0.txt"):
        (work / name).write_bytes((FIX / name).read_bytes())
    review = work / "review.json"
    monkeypatch.chdir(work)
    first = compare_files("001_f0f3c421c69f98c0.txt", "000_2e8e5e7caea51be0.txt", new_annex="2")
    app = ReviewApp(first, review)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(*"a" * 7)
    assert len(json.loads(review.read_text())["entries"]) == 7

    monkeypatch.chdir(tmp_path)  # another folder, other spellings of the same files
    again = compare_files(work / "001_f0f3c421c69f98c0.txt", "./work/000_2e8e5e7caea51be0.txt", new_annex="2")
    assert again.pairs[0].key != first.pairs[0].key
    app = ReviewApp(again, review)
    async with app.run_test(size=SMALL) as pilot:
        assert "7/7 üle vaadatud" in str(app.query_one("#summary").render())
        await pilot.press("c", *"märkus", "ctrl+s")
    entries = json.loads(review.read_text())["entries"]
    assert len(entries) == 7  # the same entries, not a second set
    assert sum(1 for e in entries if e["comment"] == "märkus") == 1


# 3, 4, 7: tests/tui/test_theme.py; 4 (glyph): here


async def test_4_current_change_carries_a_glyph(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        marked = [c for c in app.query(ChangeCard) if card_text(c)[0].startswith("▶")]
        assert marked == [current_card(app)]


# 5 -----------------------------------------------------------------------------------------------


async def test_5_reviewed_count_is_of_the_changes_shown(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(*"a" * 7)
        summary = str(app.query_one("#summary").render())
        assert "7/7 üle vaadatud" in summary and "7/9" not in summary
        await pilot.press("e")  # the editorial ones shown: they count, unmarked
        assert "7/9 üle vaadatud" in str(app.query_one("#summary").render())


# 6 -----------------------------------------------------------------------------------------------


async def test_6_created_and_abolished_posts_are_reviewable_items(orders: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(orders, review_path)
    posts = len(orders.unpaired_new) + len(orders.unpaired_old)
    async with app.run_test(size=LARGE) as pilot:
        total = len(app.session.order())
        for _ in range(total - posts - 1):
            await pilot.press("n")
        await pilot.press("n")
        assert app.current.is_post and app.current.side == "new"
        doc = orders.unpaired_new[0]
        assert doc.label in str(app.query_one("#summary").render())  # the bars follow
        text = "\n".join(card_text(current_card(app)))
        assert doc.duties[0].task[:30] in text  # its full text can be read
        await pilot.press("a")
        assert app.session.entry(app.session.step(app.current, -1)).mark is Mark.APPROVED
        assert app.current.is_post  # moved on to the next post
    on_disk = load_review(review_path)
    assert any(e.pair.startswith(">") and e.mark is Mark.APPROVED for e in on_disk.entries)


# 8 -----------------------------------------------------------------------------------------------


async def test_8_comment_editor_shows_the_change_and_takes_lines(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "n", "n", "n", "n", "c")
        assert isinstance(app.screen, CommentScreen)
        shown = "\n".join(str(line) for line in app.screen.change_lines)
        assert "Ülesanne 2.12" in shown and "teostamine" in shown
        await pilot.press(*"esimene", "enter", *"teine", "ctrl+s")
        assert app.session.entry(app.current).comment == "esimene\nteine"


# 9 -----------------------------------------------------------------------------------------------


async def test_9_no_english_under_estonian(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+c")
        assert [n.title for n in app._notifications] == ["Väljuda?"]
        await pilot.press("ctrl+p")  # no English command palette
        assert not isinstance(app.screen, PromptScreen) and app.screen is app.screen_stack[0]
        await pilot.press("t")  # what the palette was for: the theme
        assert app.theme == "ajdiff-light"


async def test_9_export_errors_in_the_interface_language(
    demo: ComparisonSet, review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ajdiff.tui.export as export
    from ajdiff import i18n

    monkeypatch.setattr(export, "_redline_builder", lambda: lambda *args: b"PK")
    Path("kaust").mkdir()
    app = ReviewApp(demo, review_path)
    with i18n.speaking("et"):  # the refusals are said where they are raised, in the language `ajdiff tui` chose
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("x", "ctrl+u", *"kaust", "enter")
            await pilot.press("x", "ctrl+u", *"puudub/fail.docx", "enter")
            messages = [n.message for n in app._notifications]
    assert messages == ["kaust: on kaust (anna failinimi)", "Kausta ei ole: puudub"]
    assert not any("exists" in m or "folder" in m for m in messages)


# 10 ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def long_goal() -> ComparisonSet:
    """A real post whose goal is a long text (its competencies) with one word changed in the middle."""
    doc = read_documents(FIX / "002_916340fc2ccdf799.txt")[0]
    text = " ".join(doc.competencies)
    words = text.split(" ")
    middle = len(words) // 2
    changed = " ".join([*words[:middle], "MUUDETUD", *words[middle + 1 :]])
    old = replace(doc, general=replace(doc.general, goal=text))
    new = replace(doc, general=replace(doc.general, goal=changed))
    return compare_documents([old], [new])


async def test_10_unchanged_text_is_folded_and_z_expands(long_goal: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(long_goal, review_path)
    async with app.run_test(size=LARGE) as pilot:
        assert app.current.change.path == "general.goal"
        folded = card_text(current_card(app))
        assert any("muutmata lauset" in line and "z näitab" in line for line in folded)
        assert len(folded) < 15
        await pilot.press("z")
        await pilot.pause()
        expanded = card_text(current_card(app))
        assert len(expanded) > 2 * len(folded)
        assert not any("muutmata lauset" in line for line in expanded)


async def test_10_search_unfolds_the_change_it_finds(long_goal: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(long_goal, review_path)
    goal = long_goal.pairs[0].changes[0].new
    last_words = " ".join(goal.split()[-3:])  # far from the changed word: folded
    async with app.run_test(size=LARGE) as pilot:
        assert not any(last_words in line for line in card_text(current_card(app)))
        await pilot.press("slash", *last_words, "enter")
        await pilot.pause()
        assert app.current.change.path == "general.goal"
        text = " ".join(line.strip() for line in card_text(current_card(app)))
        assert last_words.split()[-1] in text and "muutmata lauset" not in text


async def test_10_side_by_side_rows_stay_aligned(lisa7: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(lisa7, review_path)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("slash", *"Valdkonna arendamisse", "enter")
        card = current_card(app)
        assert card.position.change.path == "general.goal"
        rows = [line.split(GUTTER.strip(), 1) for line in card_text(card)[1:] if GUTTER.strip() in line]
        starts_old = [k for k, (old, _) in enumerate(rows) if old.lstrip().startswith("Panustamine")]
        starts_new = [k for k, (_, new) in enumerate(rows) if new.lstrip().startswith("Panustamine")]
        assert starts_old and starts_old == starts_new  # the second sentence starts on the same row


async def test_10_merged_duty_shows_each_part_with_its_number(lisa7: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(lisa7, review_path)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("slash", *"liideti", "enter")
        assert app.current.change.kind is ChangeKind.MERGED
        text = "\n".join(card_text(current_card(app)))
        assert "3.9 Muude pädevusvaldkonda" in text and "3.10 Vahetu juhi" in text


# 11 ----------------------------------------------------------------------------------------------


def test_11_labels_keep_their_letters() -> None:
    assert path_label("other.toovahendid") == "Muu: töövahendid"
    assert path_label("requirements.languages.foreign") == "Keeleoskus: võõrkeel"


async def test_11_summary_agrees_in_number(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=LARGE):
        summary = str(app.query_one("#summary").render())
        assert "0 olulist · 7 sisulist · 2 toimetuslikku (peidetud)" in summary


# 12 ----------------------------------------------------------------------------------------------


async def test_12_pair_switcher_sorted_shows_old_name_and_stops_at_the_end(
    orders: ComparisonSet, review_path: Path
) -> None:
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=SMALL) as pilot:
        switcher = app.query_one(AnnexSwitcher)
        pairs = [switcher.get_option_at_index(i) for i in range(switcher.option_count)]
        annexes = [int(orders.pairs[int(o.id[5:])].new.annex) for o in pairs if o.id and o.id.startswith("pair-")]
        assert annexes == sorted(annexes)
        renamed = next(
            o for o in pairs if o.id and o.id.startswith("pair-") and "Ekspert (suurkriisid)" in str(o.prompt)
        )
        assert "Ekspert (kriisivalmidus)" in str(renamed.prompt)
        switcher.focus()
        last = switcher.option_count - 1
        switcher.highlighted = last
        await pilot.press("down")
        assert switcher.highlighted == last  # no silent wrap to the top
        # Every pair fits in the switcher at 80x24 (one row for the name, one for an old name that differs).
        rows = sum(2 if "\n" in str(o.prompt) else 1 for o in pairs if o.id and o.id.startswith("pair-"))
        assert switcher.size.height >= rows


# 13 ----------------------------------------------------------------------------------------------


async def test_13_warnings_are_in_a_visible_panel(review_path: Path) -> None:
    result = compare_files(FIX / "004_5d5ea316ff165238.txt", FIX / "002_916340fc2ccdf799.txt")
    app = ReviewApp(result, review_path)
    async with app.run_test(size=SMALL) as pilot:
        panel = app.query_one("#warnings")
        assert panel.display and panel.region.height >= 1
        assert "diacritics restored" in str(panel.render()) and "1 hoiatus" in str(panel.render())
        await pilot.press("w")
        assert panel.has_class("-open")


# 14 ----------------------------------------------------------------------------------------------


async def test_14_n_capital_goes_to_the_next_unreviewed(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        first = app.current
        await pilot.press("n", "a", "a")  # second and third marked
        await pilot.press("p", "p", "p")
        assert app.current == first
        await pilot.press("a")  # first marked, moves to the (marked) second
        await pilot.press("N")
        assert app.current == app.session.step(app.session.step(app.session.step(first, 1), 1), 1)
        assert not app.session.is_reviewed(app.current)


async def test_14_search_history_repeat_and_kinds(lisa7: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(lisa7, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("slash", *"eemaldati", "enter")  # a kind, not a word of the text
        first = app.current
        assert first.change.kind is ChangeKind.REMOVED
        await pilot.press("g")  # again: the next removal
        assert app.current != first and app.current.change.kind is ChangeKind.REMOVED
        await pilot.press("slash")
        assert app.screen.query_one("Input").value == "eemaldati"  # the last search offered
        await pilot.press(*"haridus", "enter", "slash", "up")
        assert app.screen.query_one("Input").value == "eemaldati"  # ↑: the one before
        await pilot.press("escape")


async def test_14_pair_without_changes_says_so(demo: ComparisonSet, review_path: Path) -> None:
    from ajdiff.compare.document import compare

    same = ComparisonSet(pairs=(compare(demo.pairs[0].new, demo.pairs[0].new),))
    app = ReviewApp(same, review_path)
    async with app.run_test(size=SMALL):
        notes = [str(w.render()) for w in app.query(".pane-note")]
        assert notes == ["Selles paaris sisulisi muudatusi ei ole."]


async def test_14_help_has_a_legend_and_pane_keys(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        legend = "\n".join(str(x) for x in app.screen.legend)
        assert "kustutatud" in legend and "lisatud" in legend and "▶" in legend and "✓" in legend
        assert "Tab" in app.screen.footer_text and "Enter" in app.screen.footer_text


async def test_14_section_list_shows_what_is_reviewed(demo: ComparisonSet, review_path: Path) -> None:
    app = ReviewApp(demo, review_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("a", "a")
        tree = app.query_one(SectionTree)
        general = next(n for n in tree.root.children if n.data.section == "general")
        assert general.data.badge == "2/5"
        await pilot.press(*"aaa")
        general = next(n for n in tree.root.children if n.data.section == "general")
        assert general.data.badge == " 5✓"


async def test_done_when_two_orders_every_item_marked_and_found_again(
    orders: ComparisonSet, review_path: Path, tmp_path: Path
) -> None:
    app = ReviewApp(orders, review_path)
    async with app.run_test(size=SMALL) as pilot:
        total = len(app.session.order())
        await pilot.press("c", *"vaata", "ctrl+s")
        for _ in range(total):
            await pilot.press("a")
        assert app.session.total_reviewed() == (total, total)
    moved = ComparisonSet(
        pairs=tuple(
            replace(p, old=replace(p.old, source="/elsewhere/old.txt"), new=replace(p.new, source="./new.txt"))
            for p in orders.pairs
        ),
        unpaired_old=tuple(replace(d, source="x") for d in orders.unpaired_old),
        unpaired_new=tuple(replace(d, source="y") for d in orders.unpaired_new),
    )
    app = ReviewApp(moved, review_path)
    async with app.run_test(size=SMALL):
        assert app.session.total_reviewed() == (total, total)
        assert app.session.entry(app.session.order()[0]).comment == "vaata"
