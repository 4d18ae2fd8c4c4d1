"""`ajdiff tui --lang`: the interface, the cards, the posts and the file errors in one language throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.changes import ComparisonSet
from ajdiff.errors import OutputError
from ajdiff.tui import change_content
from ajdiff.tui.app import ReviewApp, error_text
from ajdiff.tui.session import CREATED, ReviewSession

LARGE = (160, 48)


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("en", ("Annex 1 · Talituse juhataja", "similarity", "reviewed", "General"), ("Lisa 1", "sarnasus")),
        ("et", ("Lisa 1 · Talituse juhataja", "sarnasus", "üle vaadatud", "Üldosa"), ("Annex", "similarity")),
    ],
)
async def test_the_screen_speaks_one_language(
    orders: ComparisonSet, review_path: Path, lang: str, said: tuple[str, ...], not_said: tuple[str, ...]
) -> None:
    app = ReviewApp(orders, review_path, lang)
    async with app.run_test(size=LARGE):
        screen = (
            "\n".join(str(app.query_one(selector).render()) for selector in ("#summary",))
            + "\n"
            + "\n".join(str(n.label) for n in app.query_one("SectionTree").root.children)
        )
        for text in said:
            assert text in screen
        for text in not_said:
            assert text not in screen


def test_cards_name_the_change_in_the_language(orders: ComparisonSet, review_path: Path) -> None:
    pair = orders.pairs[0]
    change = next(c for c in pair.changes if c.path == "general.subordinates")
    assert change_content.heading(change, None, "en").plain.strip().startswith("Subordinates  added")
    assert change_content.heading(change, None, "et").plain.strip().startswith("Alluvad  lisandus")


def test_a_created_post_is_named_in_the_language(orders: ComparisonSet, review_path: Path) -> None:
    for lang, annex, what in (("en", "Annex ", "Post created"), ("et", "Lisa ", "Uus ametikoht")):
        session = ReviewSession(orders, review_path, lang=lang)
        post = next(p for p in session.order() if p.side == CREATED)
        heading = change_content.heading(post.change, None, lang).plain
        assert what in heading and annex in heading
        # The post's key does not depend on the language: the marks stay on it when the language changes.
    keys = {
        next(p for p in ReviewSession(orders, review_path, lang=lang).order() if p.side == CREATED).change.key
        for lang in ("et", "en")
    }
    assert len(keys) == 1


def test_file_errors_in_the_interface_language() -> None:
    taken = OutputError("in.txt", "is an input file; refusing to overwrite it", "choose another -o path")
    assert error_text(taken, "en") == "in.txt: is an input file; refusing to overwrite it (choose another name)"
    assert error_text(taken, "et") == "in.txt: on sisendfail; seda üle ei kirjutata (vali teine nimi)"
    exists = OutputError("r.docx", "already exists", "use --force to overwrite it")
    assert (error_text(exists, "en"), error_text(exists, "et")) == ("r.docx: already exists", "r.docx: on juba olemas")
    full = OutputError("r.docx", "cannot write: No space left on device")
    assert error_text(full, "et") == "r.docx: ei saa kirjutada: No space left on device"  # the OS's reason is data
