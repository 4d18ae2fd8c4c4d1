"""Fields named as the document names them: an employee's or a school's labels ('Ametikoht', 'Otsene
ülem', 'Keda asendab') in `show` and the reports, the catalogue's name where a document has none, and
never in the JSON keys (path) or in another language's report."""

from __future__ import annotations

from pathlib import Path

from ajdiff.api import compare_files, load
from ajdiff.render.diff_text import diff_text
from ajdiff.render.json import comparison_to_dict
from ajdiff.render.show_text import show_text
from ajdiff.words import path_label

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"


def _general(text: str) -> list[str]:
    """The lines of the typed outline's first part (Üldosa / General)."""
    return text.split("\n\n")[1].splitlines()[1:]


def test_show_names_the_fields_as_each_document_does() -> None:
    """Kultuuriministeerium ('Ametikoht', 'Ametnikku asendab'), SÜG ('Ametinimetus', 'Otsene ülem',
    'Teoreetiline väljaõpe'), Kehtna Põhikool ('Ametikoha nimetus', 'Aruandekohustus', 'Kes asendab')."""
    kum = _general(show_text(load(EXTERNAL / "kultuuriministeerium_2025_9p_el_nounik.txt")))
    assert [line.split(":")[0].strip() for line in kum[:6]] == [
        "Ametikoht", "Struktuuriüksus", "Vahetu juht", "Alluvad", "Ametnik asendab", "Ametnikku asendab",
    ]  # fmt: skip
    syg = show_text(load(EXTERNAL / "syg_raamatukoguhoidja.txt"))
    assert "  Ametinimetus: RAAMATUKOGUHOIDJA" in syg and "  Otsene ülem: raamatukogu juhataja" in syg
    assert "  Teoreetiline väljaõpe: erialane kesk- või kõrgharidus" in syg
    assert "  Muud nõuded: raamatukogualase infotöö tundmine arvutioskus" in syg
    kehtna = show_text(load(EXTERNAL / "kehtna_pohikool_2017_klassijuhataja.txt"))
    assert "  Ametikoha nimetus: Klassijuhataja" in kehtna and "  Kes asendab: klassijuhataja; aineõpetaja" in kehtna
    # A field the document does not label (its goal is a section, 'KLASSIJUHATAJA MISSIOON') keeps the
    # catalogue's name; English keeps the catalogue's.
    assert "  Teenistuskoha eesmärk: Klassijuhataja missiooniks on kujundada" in kehtna
    english = show_text(load(EXTERNAL / "syg_raamatukoguhoidja.txt"), lang="en")
    assert "Otsene ülem" not in english.split("\n\n")[1] and "Supervisor: raamatukogu juhataja" in english


def test_a_report_names_the_changed_field_as_the_documents_do_and_json_keeps_its_path(tmp_path: Path) -> None:
    """Kehtna's 'Kes asendab' changed: the report says 'Kes asendab', the JSON path stays
    general.substituted_by (its label follows the document), an English report says the catalogue's."""
    old = EXTERNAL / "kehtna_pohikool_2017_klassijuhataja.txt"
    new = tmp_path / old.name
    text = old.read_text(encoding="utf-8")
    assert "klassijuhataja, aineõpetaja" in text
    new.write_text(text.replace("klassijuhataja, aineõpetaja", "aineõpetaja"), encoding="utf-8")
    result = compare_files(old, new)
    (pair,) = result.pairs
    (item,) = [c for c in comparison_to_dict(pair)["changes"] if c["path"] == "general.substituted_by"]
    assert (item["kind"], item["old"], item["label"]) == ("removed", "klassijuhataja", "Kes asendab")
    assert "Kes asendab" in diff_text(result)
    (english,) = [c for c in comparison_to_dict(pair, lang="en")["changes"] if c["path"] == "general.substituted_by"]
    assert english["label"] == path_label("general.substituted_by", "en") != "Kes asendab"
    assert "Kes asendab" not in diff_text(result, lang="en")
