"""The review session without Textual: navigation order, search, marks saved to the file."""

from __future__ import annotations

import json
from pathlib import Path

from ajdiff.changes import ComparisonSet
from ajdiff.review import Mark, load_review
from ajdiff.tui.session import ReviewSession


def _walk(session: ReviewSession) -> list:
    seen, pos = [], session.step(None, 1)
    while pos is not None:
        seen.append(pos)
        pos = session.step(pos, 1)
    return seen


def test_n_walks_every_substantive_change_in_section_order(demo: ComparisonSet, review_path: Path) -> None:
    session = ReviewSession(demo, review_path)
    walked = _walk(session)
    assert [p.change for p in walked] == sorted(
        demo.pairs[0].substantive, key=lambda c: ["general", "duties", "requirements"].index(c.section)
    )
    assert len(walked) == 7
    assert walked[0].change.path == "general.substitutes_for"


def test_editorial_changes_join_the_walk_when_shown(demo: ComparisonSet, review_path: Path) -> None:
    session = ReviewSession(demo, review_path)
    session.show_editorial = True
    walked = _walk(session)
    assert len(walked) == len(demo.pairs[0].changes) == 9
    assert sum(p.change.editorial for p in walked) == 2


def test_walk_crosses_pairs_of_two_orders(orders: ComparisonSet, review_path: Path) -> None:
    walked = _walk(ReviewSession(orders, review_path))
    pairs = [p for p in walked if not p.is_post]
    assert sorted({p.pair for p in pairs}) == list(range(len(orders.pairs)))
    assert len(pairs) == sum(len(p.substantive) for p in orders.pairs)
    # Then every created and every abolished post, one item each.
    posts = walked[len(pairs) :]
    assert len(posts) == len(orders.unpaired_new) + len(orders.unpaired_old)


def test_step_back_from_the_first_change_is_none(demo: ComparisonSet, review_path: Path) -> None:
    session = ReviewSession(demo, review_path)
    first = session.step(None, 1)
    assert session.step(first, -1) is None
    assert session.step(session.step(first, 1), -1) == first


def test_search_is_folded_and_wraps(demo: ComparisonSet, review_path: Path) -> None:
    session = ReviewSession(demo, review_path)
    hit = session.search("SOOVITUSLIKULT", None)
    assert hit is not None and hit.change.path == "requirements.education"
    # From the last match on, the search wraps to the first change mentioning 'kriisijuht'.
    again = session.search("kriisijuht", hit)
    assert again is not None and again.change.old == "kriisijuht"
    assert session.search("no such words anywhere", None) is None


def test_marks_and_comments_are_on_disk_after_every_action(demo: ComparisonSet, review_path: Path) -> None:
    session = ReviewSession(demo, review_path)
    pos = session.step(None, 1)
    assert session.toggle_mark(pos, Mark.APPROVED) is Mark.APPROVED
    assert json.loads(review_path.read_text())["entries"][0]["mark"] == "approved"
    session.set_comment(pos, "  ok for HR  ")
    entry = load_review(review_path).entry(demo.pairs[0], pos.change)
    assert entry is not None and entry.mark is Mark.APPROVED and entry.comment == "ok for HR"
    assert session.toggle_mark(pos, Mark.APPROVED) is None  # the same key again takes the mark back
    assert load_review(review_path).entry(demo.pairs[0], pos.change).mark is None
    assert session.reviewed_count(demo.pairs[0]) == (0, 7)


def test_marks_of_a_file_keyed_by_paths_are_found_and_moved_to_the_content_key(
    demo: ComparisonSet, review_path: Path
) -> None:
    from ajdiff.review import Review, ReviewEntry, pair_key, save_review

    pair = demo.pairs[0]
    change = pair.substantive[0]
    # A review file written before marks were keyed by content: the pair under its sources.
    save_review(review_path, Review(entries=(ReviewEntry(pair.key, change.key, Mark.APPROVED, "vana"),)))
    session = ReviewSession(demo, review_path)
    pos = session.step(None, 1)
    assert pos.change == change and session.entry(pos).mark is Mark.APPROVED
    session.set_comment(pos, "uus")
    entries = json.loads(review_path.read_text())["entries"]
    assert len(entries) == 1  # moved, not copied
    assert entries[0]["pair"] == pair_key(pair) and entries[0]["mark"] == "approved" and entries[0]["comment"] == "uus"


def test_marks_are_looked_up_without_digesting_the_posts_not_marked(
    orders: ComparisonSet, review_path: Path, monkeypatch
) -> None:
    import ajdiff.tui.session as session_module

    digested: list[object] = []
    post_key = session_module.post_key
    monkeypatch.setattr(session_module, "post_key", lambda doc, created: digested.append(doc) or post_key(doc, created))
    session = ReviewSession(orders, review_path)
    posts = session.post_positions()
    assert posts and session.total_reviewed() == (0, len(session.order()))
    assert digested == []  # the first screen counts marks: with none stored, no post's text is digested
    session.toggle_mark(posts[-1], Mark.QUESTIONED)
    assert session.entry(posts[-1]).mark is Mark.QUESTIONED
    assert [session.is_reviewed(p) for p in posts] == [False] * (len(posts) - 1) + [True]
    digested.clear()
    reopened = ReviewSession(orders, review_path)
    assert reopened.total_reviewed() == (1, len(session.order()))
    assert digested and all(doc is session.post_doc(posts[-1]) for doc in digested)  # only the marked post's
    session.toggle_mark(posts[-1], Mark.QUESTIONED)  # taken back: the entry stays, without a mark
    assert ReviewSession(orders, review_path).total_reviewed() == (0, len(session.order()))
