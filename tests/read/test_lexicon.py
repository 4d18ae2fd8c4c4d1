"""read/lexicon.py: diacritics come back only where the lexicon knows the very word form, never by guess."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from unidecode import unidecode

from ajdiff.model import Duty, General, JobDescription, Requirements
from ajdiff.read import lexicon
from ajdiff.read.lexicon import restore_diacritics, restore_text, restore_word, text_looks_like_ocr

WORDS = resources.files("ajdiff").joinpath("data/lexicon.txt").read_text(encoding="utf-8").split()
MARKED = sorted({w for w in WORDS if w != unidecode(w)})
KNOWN_FOLDS = {unidecode(w) for w in WORDS}


@given(st.sampled_from(MARKED))
def test_every_lexicon_word_comes_back_from_its_ocr_form(word: str) -> None:
    plain = unidecode(word)
    assert restore_word(plain) == word
    assert restore_word(plain.capitalize()) == word[0].upper() + word[1:]
    assert restore_word(plain.upper()) == word.upper()


@given(st.sampled_from(MARKED), st.sampled_from(["t", "ga", "le", "lt", "st", "d", "sse", "ks", "te"]))
def test_an_inflected_form_the_lexicon_lacks_is_left_as_ocr_gave_it(word: str, ending: str) -> None:
    """'jarelevalvet' is not 'järelevalvet' by analogy: only forms the lexicon holds are restored."""
    inflected = unidecode(word) + ending
    assume(inflected not in KNOWN_FOLDS)  # a form the lexicon holds itself is the test above's
    assert restore_word(inflected) == inflected


def test_the_forms_of_one_word_are_each_looked_up() -> None:
    assert "järelevalve" in WORDS and "järelevalvet" not in WORDS
    assert (restore_word("jarelevalve"), restore_word("jarelevalvet")) == ("järelevalve", "jarelevalvet")
    assert [restore_word(w) for w in ("oigus", "oiguse", "oigusele")] == ["õigus", "õiguse", "oigusele"]


def test_misreadings_plain_words_and_marked_words_are_kept() -> None:
    assert restore_word("td6dks") == "td6dks"  # an OCR misreading of 'tööks': no lexicon word folds to it
    assert restore_word("ja") == "ja"  # a word without diacritics maps to nothing
    assert restore_word("Õigus") == "Õigus"  # already marked: never touched
    assert restore_word("jäarelevalve") == "jäarelevalve"


@pytest.fixture
def tiny_lexicon(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The lexicon built from a word list of our own (the real builder, another data file)."""

    class Files:
        def files(self, package: str) -> Files:
            return self

        def joinpath(self, path: str) -> Files:
            return self

        def read_text(self, encoding: str) -> str:
            return "töö too sõna järelevalve\n"

    monkeypatch.setattr(lexicon, "resources", Files())
    lexicon._lexicon.cache_clear()
    yield
    lexicon._lexicon.cache_clear()


def test_a_fold_two_words_share_is_never_restored(tiny_lexicon: None) -> None:
    """'too' is both 'töö' and 'too' in this lexicon: ambiguous, so the OCR text stays."""
    assert [restore_word(w) for w in ("too", "sona", "jarelevalve")] == ["too", "sõna", "järelevalve"]


def test_restore_text_replaces_whole_words_only() -> None:
    assert restore_text("Oiguse ja jarelevalve (3.1.) oigusele, jarelevalvet!") == (
        "Õiguse ja järelevalve (3.1.) oigusele, jarelevalvet!"
    )


def test_a_document_is_restored_in_its_content_not_its_keys() -> None:
    doc = JobDescription(
        "skann.pdf",
        "2",
        general=General(position="Jurist", unit="Oigusosakond", goal="Tagada jarelevalve"),
        duties=(Duty("2.1", "Teeb jarelevalvet", ("Oiguse tagamine",)),),
        requirements=Requirements(languages=(("et", "C1"),), extra=(("oigus", "Oigus tootada"),)),
        other=(("jarelevalve", "jarelevalve"),),
        metadata=(("Viit", "oiguse"),),
    )
    restored = restore_diacritics(doc)
    assert restored.duties == (Duty("2.1", "Teeb jarelevalvet", ("Õiguse tagamine",)),)
    assert restored.general.goal == "Tagada järelevalve"
    assert restored.other == (("jarelevalve", "järelevalve"),)  # the slug is a key: kept
    assert restored.requirements.extra[0][0] == "oigus"
    assert restored.requirements.languages == (("et", "C1"),)
    assert (restored.source, restored.annex, restored.metadata) == ("skann.pdf", "2", (("Viit", "oiguse"),))
    assert restored.warnings == ("OCR text: diacritics restored where the built-in lexicon was certain",)


def test_ocr_text_is_told_by_its_missing_diacritics() -> None:
    plain = "Teenistuja tagab jarelevalve ja oiguse kaitse osakonna toos. " * 10
    assert text_looks_like_ocr(plain)
    assert not text_looks_like_ocr(plain.replace("jarelevalve", "järelevalve").replace("oiguse", "õiguse"))
    assert not text_looks_like_ocr(plain[:200])  # too short to say
