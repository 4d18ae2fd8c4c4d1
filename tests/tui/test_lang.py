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


def test_file_errors_in_the_interface_language(tmp_path: Path) -> None:
    """The refusals are said where they are raised, in the language chosen at start; the UI only swaps the
    command line's hints that name its options."""
    from ajdiff import i18n
    from ajdiff.atomic import check_output_path

    taken, exists = tmp_path / "in.txt", tmp_path / "r.docx"
    taken.write_text("x")
    exists.write_text("x")
    said = {}
    for lang in ("en", "et"):
        with i18n.speaking(lang):
            with pytest.raises(OutputError) as one:
                check_output_path(str(taken), inputs=[str(taken)], force=False)
            with pytest.raises(OutputError) as two:
                check_output_path(str(exists), inputs=[], force=False)
            said[lang] = (error_text(one.value), error_text(two.value))
    assert said["en"] == (
        f"{taken}: is an input file; refusing to overwrite it (choose another name)",
        f"{exists}: already exists",
    )
    assert said["et"] == (
        f"{taken}: on sisendfail; seda üle ei kirjutata (vali teine nimi)",
        f"{exists}: on juba olemas",
    )
