"""The terminal report: summary first, editorial hidden unless --all, et/en sentences."""

from __future__ import annotations

from dataclasses import replace

from ajdiff.api import compare_files
from ajdiff.changes import ComparisonSet
from ajdiff.compare.document import compare
from ajdiff.render.diff_text import diff_text
from tests.conftest import SEEDS, seed_doc


def test_summary_and_hidden_editorial() -> None:
    result = compare_files(SEEDS["001"], SEEDS["000"], new_annex="2")
    text = diff_text(result)
    assert "7 sisulist muudatust" in text and "2 toimetuslikku (peidetud, --all näitab)" in text
    assert "[-soovitavalt-]{+soovituslikult+}" in text
    assert "asutuse siseseks" not in text  # editorial: hidden
    assert "asutuse siseseks" in diff_text(result, show_all=True)
    assert "\x1b[" not in text and "\x1b[" in diff_text(result, color=True)


def test_high_impact_sentences_in_both_languages() -> None:
    old = seed_doc("000", "1")
    new = replace(old, requirements=replace(old.requirements, languages=(("en", "C1"), ("et", "C1"))))
    result = ComparisonSet(pairs=(compare(old, new),))
    assert "Inglise keele nõue tõstetud B2 → C1" in diff_text(result)
    assert "English language requirement raised B2 → C1" in diff_text(result, lang="en")
    added = ComparisonSet(pairs=(compare(seed_doc("000", "6"), seed_doc("000", "7")),))
    assert "Lisandus ülesanne 2.7: Teenuse kvaliteedi vastavuse hindamine" in diff_text(added)
    assert "Duty added 2.7" in diff_text(added, lang="en")


def test_no_changes_says_so() -> None:
    doc = seed_doc("003", "2")
    assert "Sisulisi muudatusi ei ole." in diff_text(ComparisonSet(pairs=(compare(doc, doc),)))
