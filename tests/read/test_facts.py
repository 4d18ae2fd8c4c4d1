"""Facts a person reads from real documents in plain text that ajdiff misread (issue 21): each rule
is general, and tested on the documents it was written for (fixtures/external/) and on others."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.api import load
from ajdiff.model import JobDescription
from ajdiff.read.formats import SourceText
from ajdiff.read.parse import parse_source
from ajdiff.read.vocabulary import match_label

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"


def _read(text: str) -> JobDescription:
    (doc,) = parse_source(SourceText("t.txt", tuple(text.splitlines())))
    return doc


def _external(name: str) -> JobDescription:
    return load(EXTERNAL / f"{name}.txt")[0]


# -- A next row's label is a label: its line does not join the value before it ----------------------


@pytest.mark.parametrize(
    ("name", "field", "items", "conditions"),
    [
        ("ppa_2025_autojuht", "subordinates", (), "puuduvad"),  # 'Teenistustingimuste erisused'
        ("ppa_2025_grupijuht", "subordinates", ("kahe- ja mitmepoolse koostöö grupi teenistujad",), "puuduvad"),
        (
            "ppa_2021_piirkonnapolitseinik",
            "substitutes_for",
            ("vahetu juhi poolt määratud ametnikku",),
            "teenistuskohal rakendatakse summeeritud tööaja arvestust, valveaega ja öötööd",
        ),
    ],
)
def test_special_conditions_under_the_bodys_own_label(
    name: str, field: str, items: tuple[str, ...], conditions: str
) -> None:
    """'Töötingimuste erisused' / 'Teenistustingimuste erisused' name the post's special conditions."""
    doc = _external(name)
    assert getattr(doc.general, field) == items
    assert doc.general.special_conditions == conditions


# -- A label's bracketed plural ending belongs to the label ------------------------------------------


@pytest.mark.parametrize(
    ("line", "key", "label", "rest"),
    [
        (
            "Asendaja (d) Vastavalt asendusskeemile",
            "general.substituted_by",
            "Asendaja(d)",
            "Vastavalt asendusskeemile",
        ),
        ("Alluva(d): puuduvad", "general.subordinates", "Alluva(d)", "puuduvad"),
        ("Asendatava(d) osakonna juhataja", "general.substitutes_for", "Asendatava(d)", "osakonna juhataja"),
        ("Teenistuja asendaja (d): A, B", "general.substituted_by", "Teenistuja asendaja(d)", "A, B"),
    ],
)
def test_a_bracketed_plural_ending_is_the_labels(line: str, key: str, label: str, rest: str) -> None:
    hit = match_label(line, "general.")
    assert hit is not None
    assert (hit.key, hit.label, hit.rest) == (key, label, rest)


def test_a_bracket_in_a_value_is_left_alone() -> None:
    """Only a label's own word takes the ending: a value that starts with '(d)' keeps it."""
    hit = match_label("Asendaja: (d) juhataja", "general.")
    assert hit is not None and hit.rest == "(d) juhataja"


def test_the_plural_label_of_ravimiamet() -> None:
    """ravimiamet_2026_4_spetsialist: 'Asendaja (d) Vastavalt asendusskeemile'."""
    doc = _external("ravimiamet_2026_4_spetsialist")
    assert doc.general.substituted_by == ("Vastavalt asendusskeemile",)
    assert doc.own_label("general.substituted_by") == "Asendaja(d)"
