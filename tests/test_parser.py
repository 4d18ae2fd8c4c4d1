"""The parser on every real seed layout: counts, fields, duties, languages, noise absorbed."""

from __future__ import annotations

import pytest

from ajdiff.model import Duty
from ajdiff.read.formats import SourceText
from ajdiff.read.parse import parse_source
from tests.conftest import seed_doc, seed_docs


@pytest.mark.parametrize(
    ("seed", "annexes"),
    [
        ("000", ["1", "2", "3", "4", "5", "6", "7"]),
        ("003", ["10", "11", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        ("001", [None]),
        ("002", [None]),
        ("004", [None]),
    ],
)
def test_annexes_in_file_order(seed: str, annexes: list[str | None]) -> None:
    assert [d.annex for d in seed_docs(seed)] == annexes


@pytest.mark.parametrize(
    ("seed", "annex", "count", "first", "last"),
    [
        ("000", "2", 12, "2.1", "2.12"),
        ("001", None, 12, "2.1", "2.12"),
        ("002", None, 10, "3.1", "3.10"),
        ("004", None, 16, "3.1", "3.16"),
        ("003", "2", 16, "2.1", "2.16"),
        ("003", "10", 12, "2.1", "2.12"),
    ],
)
def test_duty_counts_and_numbers(seed: str, annex: str | None, count: int, first: str, last: str) -> None:
    duties = seed_doc(seed, annex).duties
    assert len(duties) == count
    assert duties[0].number == first and duties[-1].number == last
    assert [d.number for d in duties] == [f"{first.split('.')[0]}.{k}" for k in range(1, count + 1)]
    assert all(d.results for d in duties), "every duty has expected results"


def test_order_reference_and_dates() -> None:
    doc = seed_doc("000", "2")
    assert (doc.order.number, doc.order.date) == ("164", "2024-11-15")
    assert seed_doc("003", "2").order.date == "2026-01-07"  # header wrapped over three lines
    assert seed_doc("001").order is None


@pytest.mark.parametrize(
    ("seed", "annex", "languages"),
    [
        ("000", "1", {"et": "C1", "en": "B2"}),
        ("000", "2", {"et": "C1", "foreign": "B1"}),
        ("003", "10", {"et": "C1", "ru": "B2", "en": "B2"}),
        ("004", None, {"et": "C1", "en": "B1", "de|ru": "B1"}),
        ("002", None, {"et": "C1", "en": "B2"}),
        ("000", "5", {"et": "C1", "foreign": "B1"}),  # "(soovitavalt inglise keel)" is advice
    ],
)
def test_languages(seed: str, annex: str | None, languages: dict[str, str]) -> None:
    assert seed_doc(seed, annex).requirements.language_map == languages


def test_civil_service_general_part() -> None:
    g = seed_doc("001").general
    assert g.position == "Ekspert (kriisivalmidus)"
    assert g.unit == "Sotsiaalhoolekande toimepidevuse osakond, toimepidevuse ja rände talitus"
    assert g.supervisor == "Talituse juhataja"
    assert g.subordinates == ()
    assert g.substitutes_for == ("Peaspetsialist (toimepidevus)", "kriisijuht")
    assert g.substituted_by == ("talituse juhataja", "kriisijuht")
    assert g.group == "Ametnik"
    assert g.goal.startswith("Sotsiaalkindlustusameti (amet) kriisivalmiduse parendamine")
    assert "Teenistuskoht toetab" in g.goal  # a goal line starting with a label word is not a label


def test_commas_inside_parentheses_do_not_split_items() -> None:
    subs = seed_doc("003", "11").general.substitutes_for
    assert len(subs) == 4
    assert subs[0] == "Nõustaja (ülesannete ulatuses, mis ei seisne avaliku võimu teostamises)"


def test_contract_layout_flattened_table() -> None:
    doc = seed_doc("002")
    g = doc.general
    assert (g.position, g.unit, g.supervisor) == (
        "Peaspetsialist (rändeteenus)",
        "Kriisireguleerimise osakond (rändeteenuse tiim)",
        "Rändeteenuse juht",
    )
    assert g.substituted_by == ("Peaspetsialist",)  # 1.4 Kes asendab
    assert g.substitutes_for == ("Peaspetsialist",)  # 1.5 Keda asendab Peaspetsialisti (the partitive)
    assert g.goal.startswith("Töökoha peamiseks eesmärgiks")
    assert doc.requirements.experience_years == 2
    assert dict(doc.requirements.extra).keys() == {"arvutikasutamise_oskus", "valmisolek_lahetusteks"}
    assert dict(doc.other)["toovahendid"].startswith("Töövahenditeks on")
    assert len(doc.rights) == 6 and len(doc.responsibilities) == 6
    assert doc.competencies[0] == "Kliendikesksus:"
    assert doc.review == "Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel."
    # A task and its result flattened onto one line are told apart.
    assert doc.duties[7] == Duty(
        "3.8", "Tegevuste tulemuste hindamine.", ("Kokkuvõte tulemustest ja tegevustest on esitatud.",)
    )


def test_ocr_layout() -> None:
    doc = seed_doc("004")
    assert doc.general.position == "Juhtivspetsialist"
    assert doc.general.unit == "Õiguse ja järelevalve osakond, järelevalve talitus"
    assert doc.requirements.experience_years == 3
    assert len(doc.rights) == 6 and len(doc.responsibilities) == 5
    assert any("OCR" in w for w in doc.warnings)


def test_pdf_text_noise_absorbed() -> None:
    doc = seed_doc("001")
    # Bullet glyph U+F0A7 gone, wrapped result joined, a blank line inside a result ignored.
    assert doc.duties[7].results == (
        "Koolituskavad on olemas.",
        "E-õppe platvorm on sisustatud vastavalt koolituskavale.",
    )
    assert doc.duties[0].task == "Riigi, partnerasutuste, teenuseosutajate kriisiplaanides ameti huvide kaitsmine."
    assert (
        doc.rights[2]
        == "saada tööülesannete täitmiseks vajalikku infot, sh ligipääse tööks vajalikele infosüsteemidele"
    )


def test_end_of_line_hyphenation_joined_real_hyphens_kept() -> None:
    resp = seed_doc("002").responsibilities
    assert any("juurdepääsupiiranguga" in r for r in resp)
    doc = seed_doc("000", "4")
    assert "kompetentne" in doc.duties[4].results[0]  # "kom- petentne"
    assert "Põhja-Eesti" in doc.general.position
    assert any("Ennetus- ja teavitustegevustes" in d.task for d in seed_doc("003", "10").duties)
    assert any("e-kirjadele" in d.task for d in seed_doc("003", "11").duties)


def test_two_column_interleaving() -> None:
    duty = seed_doc("000", "6").duties[5]
    assert duty.task == (
        "Teenuse kvaliteedi vastavuse hindamine ja aruandluse kontroll ette nähtud teenuse kirjeldustele ning "
        "rahvusvahelistele suunistele ja infosüsteemides kajastatule."
    )
    assert duty.results == (
        "Teenuse kvaliteet on regulaarselt hinnatud toetudes partnerite sisenditele ning infosüsteemidesse "
        "sisestatud andmetele.",
        "Kvaliteedi parenduseks argumenteeritud ettepanekud esitatud.",
    )
    task = seed_doc("003", "1").duties[9].task
    assert task.endswith(
        "oma oskuste ja pädevuste piires vastavalt osakonna juhataja antud korraldustele ja oma talituse töö korraldamine kriisis."
    )


def test_register_metadata_is_not_content() -> None:
    doc = seed_doc("000", "7")
    meta = dict(doc.metadata)
    assert meta["Viit"] == "164" and meta["Registreeritud"] == "15.11.2024"
    assert all("Dokumendiregister" not in r for r in doc.responsibilities)
    assert doc.review == "Ametijuhend vaadatakse üle kord aastas vahetu juhiga või töökorralduse muutumisel."


def test_order_body_is_not_an_annex() -> None:
    first = seed_doc("000", "1")
    assert first.general.position == "Talituse juhataja"
    assert not any("Kinnitan" in d.task for d in first.duties)


def test_missing_sections_become_warnings() -> None:
    docs = parse_source(SourceText("x.txt", ("AMETIJUHEND", "1. Üldosa", "Teenistuskoht Nõustaja")))
    assert docs[0].general.position == "Nõustaja"
    assert "no duties section found" in docs[0].warnings
    assert "no requirements section found" in docs[0].warnings


def test_unknown_section_kept_as_other() -> None:
    lines = ("1. ÜLDOSA", "1.1 Ametinimetus", "Nõustaja", "6. TÖÖVAHENDID", "Sülearvuti ja telefon.")
    doc = parse_source(SourceText("x.txt", lines))[0]
    assert dict(doc.other) == {"toovahendid": "Sülearvuti ja telefon."}


def test_a_section_after_a_gap_in_the_numbering_under_a_long_unfinished_line() -> None:
    """A long line with no full stop may be one a text file's width cut, and a number under it that goes on
    from no item the sentence's ('… nädalas' / '24. Õppetundidest …'); a number with a heading in capitals
    is a section all the same, and one under a short value ('Nõustaja') too."""
    lines = ("1. ÜLDOSA", "1.1 Struktuuriüksus", "Sotsiaalhoolekande osakonna toimepidevuse ja rände talitus")
    for before in (lines, (*lines[:2], "Nõustaja")):
        doc = parse_source(SourceText("x.txt", (*before, "6. TÖÖVAHENDID", "Sülearvuti ja telefon.")))[0]
        assert dict(doc.other) == {"toovahendid": "Sülearvuti ja telefon."}, before


def test_duty_numbers_past_99() -> None:
    lines = ("1. Üldosa", "Teenistuskoht Nõustaja", "2. Peamised teenistusülesanded Oodatavad tulemused")
    lines += tuple(x for k in range(1, 121) for x in (f"2.{k}. Ülesande {k} täitmine.", f"Tulemus {k} on saavutatud."))
    doc = parse_source(SourceText("x.txt", lines))[0]
    assert [d.number for d in doc.duties] == [f"2.{k}" for k in range(1, 121)]
    assert doc.duties[-1].results == ("Tulemus 120 on saavutatud.",)
