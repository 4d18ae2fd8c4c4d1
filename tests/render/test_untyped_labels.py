"""Fields and sections ajdiff has no key for ('Ametisse nimetab', 'Teenistuskoha asukoht', SÜG's 'Muud
nõuded', '6. TÖÖVAHENDID') are named by the document's own label wherever a person reads them (show,
the text, Markdown, HTML and CSV reports, the JSON change's label, the UI), in any language, for ajdiff has
no translation of them; their JSON keys stay the slugs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ajdiff.api import compare_files, load
from ajdiff.render.csv import diff_csv
from ajdiff.render.diff_text import diff_text
from ajdiff.render.html import diff_html
from ajdiff.render.json import comparison_to_dict, document_to_dict
from ajdiff.render.markdown import diff_markdown
from ajdiff.render.show_text import show_text

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"
SEED_002 = Path(__file__).resolve().parents[2] / "fixtures" / "002_916340fc2ccdf799.txt"


@pytest.mark.parametrize("lang", ["et", "en"])
def test_show_names_untyped_fields_by_the_documents_labels(lang: str) -> None:
    """Transpordiamet ('Ametisse nimetab', '3. Valveaja rakendamine'), SÜG ('Muud nõuded'), seed 002
    ('Arvutikasutamise oskus', '6. TÖÖVAHENDID')."""
    ta = show_text(load(EXTERNAL / "transpordiamet_2026_004_eritranspordi_ekspert.txt"), lang=lang)
    assert "\nAmetisse nimetab: Transpordiameti peadirektor\n" in ta
    assert "\nValveaja rakendamine: 3.1. Ametikohal rakendatakse valveaega" in ta
    syg = show_text(load(EXTERNAL / "syg_raamatukoguhoidja.txt"), lang=lang)
    assert "\n  Muud nõuded: raamatukogualase infotöö tundmine arvutioskus\n" in syg
    seed = show_text(load(SEED_002), lang=lang)
    assert "\n  Arvutikasutamise oskus: Vilunud MS Office" in seed
    assert "\nTöövahendid: Töövahenditeks on töötaja kasutusse antud" in seed
    for slug in ("ametisse_nimetab", "valveaja_rakendamine", "lisanouded", "arvutikasutamise_oskus", "toovahendid"):
        assert f"{slug}:" not in ta + syg + seed


def test_json_keeps_the_slugs() -> None:
    (doc,) = load(EXTERNAL / "transpordiamet_2026_004_eritranspordi_ekspert.txt")
    other = document_to_dict(doc)["other"]
    assert other["ametisse_nimetab"] == "Transpordiameti peadirektor"
    (syg,) = load(EXTERNAL / "syg_raamatukoguhoidja.txt")
    assert "raamatukogualase" in document_to_dict(syg)["requirements"]["lisanouded"]


@pytest.mark.parametrize("lang", ["et", "en"])
def test_reports_title_a_changed_untyped_field_by_its_label(tmp_path: Path, lang: str) -> None:
    """Ravimiamet's 'Teenistuskoha asukoht Tartu linn' moved to Tallinn: every report says 'Teenistuskoha
    asukoht'; the JSON change keeps its path other.teenistuskoha_asukoht."""
    old = EXTERNAL / "ravimiamet_2025_11_inspektor.txt"
    new = tmp_path / old.name
    text = old.read_text(encoding="utf-8")
    assert "Teenistuskoha asukoht Tartu linn" in text
    new.write_text(text.replace("Teenistuskoha asukoht Tartu linn", "Teenistuskoha asukoht Tallinn"), encoding="utf-8")
    result = compare_files(old, new)
    (pair,) = result.pairs
    (change,) = [c for c in comparison_to_dict(pair, lang=lang)["changes"] if c["path"].startswith("other.")]
    assert (change["path"], change["old"], change["new"]) == ("other.teenistuskoha_asukoht", "Tartu linn", "Tallinn")
    assert change["label"] == "Teenistuskoha asukoht"
    for report in (diff_text(result, lang=lang), diff_markdown(result, lang=lang), diff_html(result, lang=lang)):
        assert "Teenistuskoha asukoht" in report
        assert "teenistuskoha asukoht" not in report.replace("Teenistuskoha asukoht", "")
    rows = diff_csv(result, lang=lang).splitlines()
    assert any("Teenistuskoha asukoht" in row and "Tallinn" in row for row in rows)
    assert json.dumps(change, ensure_ascii=False).count("teenistuskoha_asukoht") == 1  # the path only


def test_the_ui_names_a_created_posts_untyped_fields_by_their_labels() -> None:
    """A created or abolished post's full text in the UI (post_lines): 'Ametisse nimetab', not 'Muu: …'."""
    from ajdiff.tui.change_content import post_lines

    (doc,) = load(EXTERNAL / "transpordiamet_2026_004_eritranspordi_ekspert.txt")
    for lang in ("et", "en"):
        lines = [str(line) for line in post_lines(doc, lang)]
        assert "Ametisse nimetab: Transpordiameti peadirektor" in lines
        assert not any("ametisse nimetab" in line for line in lines)
