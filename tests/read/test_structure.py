"""The document tree: layouts ajdiff was not written for, read as a person reads them. Each case is a
small document in one layout of a real body (see fixtures/external/SOURCES.md for the originals)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.api import compare_files
from ajdiff.compare.document import compare
from ajdiff.read.formats import SourceText
from ajdiff.read.lines import Line, numbering
from ajdiff.read.parse import parse_source, read_documents
from ajdiff.read.structure import _paired_columns
from ajdiff.tree import Node, NodeKind, line_origin, walk
from tests.conftest import SEEDS, seed_doc

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"


def _read(text: str) -> list:
    return parse_source(SourceText("t.txt", tuple(text.splitlines())))


def test_every_source_line_is_kept_verbatim_in_the_tree() -> None:
    """Faithful: each non-blank line of an annex (bar signatures and page numbers) is in some node's verbatim."""
    for path in [SEEDS["000"], SEEDS["002"], *sorted(EXTERNAL.glob("*.txt"))[:12]]:
        for doc in read_documents(path):
            # Readers hand lines over with their spaces normalised (NBSP, runs of spaces): compare so.
            verbatim = " ".join("\n".join(n.verbatim for n in walk(doc.sections)).split())
            set_aside = {" ".join(text.split()) for _, text in doc.metadata}
            lines = [n.where.line for n in walk(doc.sections) if n.where and n.where.line]
            first, last = min(lines), max(lines)
            source = path.read_text(encoding="utf-8").splitlines()[first - 1 : last]
            lines_in = [" ".join(x.split()) for x in source if x.strip()]
            missing = [x for x in lines_in if x not in verbatim and x not in set_aside]
            assert missing == [], (path.name, doc.annex, missing[:3])


def test_numbered_labels_stacked_with_their_values_below() -> None:
    (doc,) = _read(
        "1. Üldosa\n1.1. Struktuuriüksuse nimetus järelevalve osakond\n1.2. Teenistuskoha nimetus juhataja\n"
        "1.4. Allub Teehoiuteenistuse direktorile (edaspidi\ndirektor)\n1.5. Alluvad\n1.6. Asendaja\n1.7. Asendab\n"
        "järelevalve osakonna teenistujad\njärelevalve osakonna teenistuja\n"
        "teenistuse direktorit või järelevalve osakonna\nteenistujaid\n2. Teenistuskoha eesmärk on osakonna juhtimine.\n"
    )
    g = doc.general
    assert (g.position, g.unit) == ("juhataja", "järelevalve osakond")
    assert g.supervisor == "Teehoiuteenistuse direktor"  # "allub … direktorile (edaspidi direktor)"
    assert g.subordinates == ("järelevalve osakonna teenistujad",)
    assert g.substituted_by == ("järelevalve osakonna teenistuja",)
    assert g.substitutes_for == ("teenistuse direktor või järelevalve osakonna teenistujad",)  # '… teenistujaid'
    assert g.goal == "osakonna juhtimine."


def test_labels_with_colons_capitals_and_sentences() -> None:
    (doc,) = _read(
        "KOOLI SEKRETÄRI AMETIJUHEND\n1. ÜLDSÄTTED\n1.1 Sekretär allub direktorile.\n"
        "1.2 Sekretäri asendab õppealajuhataja.\n1.3 Sekretär asendab arhivaari.\n"
        "2. TÖÖÜLESANDED\n2.1 Dokumentide registreerimine.\n2.2 Kirjavahetuse korraldamine.\n"
        "3. NÕUDED\nHaridus: keskharidus\nKEELEOSKUS: Eesti keele oskus tasemel C1.\n"
    )
    g = doc.general
    assert g.position == "Kooli sekretär"  # the post named only in the title, in the nominative
    # '1.3 Sekretär asendab arhivaari': whom the holder stands in for, in the nominative.
    assert (g.supervisor, g.substituted_by, g.substitutes_for) == ("direktor", ("õppealajuhataja",), ("arhivaar",))
    assert doc.sections[0].children[0].verbatim == "KOOLI SEKRETÄRI AMETIJUHEND"  # the title as written
    assert [d.number for d in doc.duties] == ["2.1", "2.2"]
    assert doc.requirements.education == "keskharidus" and doc.requirements.language_map == {"et": "C1"}


@pytest.mark.parametrize("position", ["Nõunik (strateegilised eesmärgid)", "Jurist (tööülesanded)"])
def test_a_label_whose_value_holds_a_heading_word_is_a_field(position: str) -> None:
    """'Teenistuskoht Nõunik (strateegilised eesmärgid)' is a label and its value, not the goal's (or the
    duties') heading named by its last word (the benchmark's annex 13: 'no position found', the goal eaten)."""
    (doc,) = _read(
        "AMETIJUHEND\n1. Üldosa\nStruktuuriüksus Strateegiaosakond\n"
        f"Teenistuskoht {position}\nVahetu juht Osakonna juhataja\n"
        "Teenistuskoha eesmärk Ameti strateegia elluviimise toetamine.\n"
        "2. Peamised teenistusülesanded Oodatavad tulemused\n2.1. Strateegia koostamine.\nStrateegia on koostatud.\n"
        "3. Teenistuskoha täitjale esitatavad nõuded\nHaridus Magistrikraad\n"
    )
    g = doc.general
    assert (g.position, g.supervisor) == (position, "Osakonna juhataja")
    assert g.goal == "Ameti strateegia elluviimise toetamine."
    assert doc.warnings == ()


@pytest.mark.parametrize(
    ("name", "written", "laid_out"),
    [
        # A header row cut over lines: "… Tulemuslikkuse mõõtmise kriteeriumid/" / "Soovitud tulemus" (PPA 2021),
        # "… Tulemuslikkuse mõõtmise" / "kriteeriumid/ Soovitud töötulemus" (PPA 2025).
        ("ppa_2021_piirkonnapolitseinik", "", ""),
        ("ppa_2025_autojuht", "", ""),
        # Another body's duty table with its results column's name cut so.
        ("ravimiamet_2025_11_inspektor", "Ülesanne Tulemuslikkuse näitaja\n", "Ülesanne Tulemuslikkuse\nnäitaja\n"),
        # "Rakvere Muusikakooli õpetaja on kohustatud:" right above the first duty introduces the duties.
        ("rakvere_muusikakool_opetaja", "", ""),
    ],
)
def test_a_header_row_cut_over_lines_or_an_intro_is_no_ignored_text(name: str, written: str, laid_out: str) -> None:
    """What stands above the first duty as a table's header or the duties' introduction is not warned
    about as text left out of every duty."""
    text = (EXTERNAL / f"{name}.txt").read_text(encoding="utf-8")
    assert text.count(written) == 1 or not written
    docs = _read(text.replace(written, laid_out, 1) if written else text)
    assert docs and all(d.duties for d in docs)
    assert [w for d in docs for w in d.warnings if "ignored text" in w] == []


def test_a_number_typed_without_its_space_starts_an_item() -> None:
    """Rakvere Muusikakool: '3. allub kooli direktorile.' / '4.töötab vastavalt tunniplaanile. …' is two
    points; the supervisor was the rest of the section ('kooli direktor. 4.töötab …')."""
    (doc,) = read_documents(EXTERNAL / "rakvere_muusikakool_opetaja.txt")
    assert doc.general.supervisor == "kooli direktor"  # the sentence's full stop is not the name's
    (general,) = [s for s in doc.sections if s.key == "general"]
    assert [c.number for c in general.children] == [None, "1", "2", "3", "4"]
    assert general.children[4].text.startswith("töötab vastavalt tunniplaanile. Õpetaja üldtööaeg")


def test_an_unknown_heading_is_a_section_compared_by_its_heading() -> None:
    text = "1. Üldosa\nTeenistuskoht Ekspert\n2. Valveaja rakendamine\n2.1. Valveaeg on tööaeg.\n2.2. Valve kestab ööpäeva.\n"
    (old,) = _read(text)
    (new,) = _read(text.replace("ööpäeva", "nädala"))
    (section,) = [n for n in old.sections if n.key == "other.valveaja_rakendamine"]
    assert section.label == "Valveaja rakendamine" and [c.number for c in section.children] == ["2.1", "2.2"]
    (change,) = compare(old, new).substantive
    assert (change.path, change.heading, change.kind.value) == (
        "other.valveaja_rakendamine",
        "Valveaja rakendamine",
        "modified",
    )


def test_three_level_numbering_and_requirements_before_duties() -> None:
    (doc,) = _read(
        "AMETIJUHEND\n1. ÜLDOSA\nTeenistuskoha nimetus Spetsialist\n2. NÕUDED\nHaridus kõrgharidus\n"
        "3. AMETIÜLESANDED\n3.1. Menetlemine:\n3.1.1. avalduste läbivaatamine;\n3.1.2. otsuste koostamine.\n"
        "3.2. Nõustamine.\n"
    )
    assert doc.requirements.education == "kõrgharidus"
    assert [d.number for d in doc.duties] == ["3.1", "3.1.1", "3.1.2", "3.2"]


def test_an_order_is_split_on_every_kind_of_annex_marker() -> None:
    docs = _read(
        "KÄSKKIRI\n25.01.2026 nr 2.1-2/26/001\nAmetijuhendite kinnitamine\n"
        "Avaliku teenistuse seaduse § 52 lg 2 alusel:\n1. Kinnitan ametijuhendid:\n"
        "1.1. Arendamise osakonna juhataja ametijuhend (lisa 1);\n1.2. Lõuna osakonna juhataja ametijuhend (lisa 2).\n"
        "2. Tunnistan kehtetuks peadirektori 01.02.2024 käskkirja nr 7.\n3. Käskkiri jõustub allkirjastamisel.\n"
        "(allkirjastatud digitaalselt)\nPriit Sauk\npeadirektor\n"
        "Lisa 1\nAMETIJUHEND\n1. Üldosa\n1.1. Struktuuriüksuse nimetus arendamise osakond\n"
        "Transpordiameti peadirektori 25.01.2026 käskkirja nr 2.1-2/26/001 lisa 2\nAMETIJUHEND\n1. Üldosa\n"
        "1.1. Struktuuriüksuse nimetus lõuna osakond\n"
    )
    assert [d.annex for d in docs] == ["1", "2"]
    order = docs[0].order
    assert (order.number, order.date, order.title) == ("2.1-2/26/001", "2026-01-25", "Ametijuhendite kinnitamine")
    assert order.annexes == (("1", "Arendamise osakonna juhataja"), ("2", "Lõuna osakonna juhataja"))
    assert order.repeals == ("Tunnistan kehtetuks peadirektori 01.02.2024 käskkirja nr 7.",)
    assert order.effective == "Käskkiri jõustub allkirjastamisel."
    # The annexes name no post: the order's list does.
    assert [d.general.position for d in docs] == ["Arendamise osakonna juhataja", "Lõuna osakonna juhataja"]
    assert [d.general.unit for d in docs] == ["arendamise osakond", "lõuna osakond"]


def test_two_orders_compare_their_own_bodies() -> None:
    result = compare_files(SEEDS["000"], SEEDS["003"])
    changes = {c.path: c for c in result.order_changes}
    assert changes["order.effective"].new.startswith("Käskkiri jõustub allkirjastamisest")
    assert changes["order.repeals"].kind.value == "added"
    assert "order.title" not in changes  # both "Ametijuhendite kinnitamine"
    annexes = [c for c in result.order_changes if c.path == "order.annexes"]
    assert any(c.new == "Lisa 11: nõustaja" for c in annexes)  # the 2026 order approves eleven annexes
    assert result.has_substantive


def test_a_real_version_pair_in_an_unseen_layout_is_compared_section_by_section() -> None:
    """Sillamäe Gümnaasium's teacher, two published versions (fixtures/external/SOURCES.md)."""
    (old,) = read_documents(EXTERNAL / "sillamae_gumnaasium_opetaja_b.txt")
    (new,) = read_documents(EXTERNAL / "sillamae_gumnaasium_opetaja_a.txt")
    changes = compare(old, new).substantive
    by_path = {c.path for c in changes}
    # The general clauses (no labels) are compared as the section they stand in, by its heading.
    general = [c for c in changes if c.path == "general.text"]
    assert general and general[0].heading == "ÜLDSÄTTED"
    assert any(
        c.new and "Õpetaja täidab õigel ajal ja täpselt tööandja seaduslikke korraldusi" in c.new for c in general
    )
    assert "duties.3.1" in by_path  # the duties the older version lacks


def test_ocr_columns_read_as_a_person_reads_them() -> None:
    """Seed 004: a scanned task | result table read across. The issue names 3.2, 3.6, 3.15 and 3.16."""
    duties = {d.number: d for d in seed_doc("004").duties}
    assert duties["3.15"].task == "Muude vastutusvaldkonda kuuluvate tegevuste korraldamine."
    assert duties["3.15"].results[0].startswith("Planeeritud tegevused ja projektid on omal initsiatiivil")
    assert duties["3.2"].task.startswith("Tegevus- ja finantsaruannete vahe- ning")
    assert duties["3.2"].results[0].startswith("Tagatud on aruandluse koostamine ja")
    assert (
        duties["3.6"].task == "Tegevuste tagasiside analüüs ja analüüsipõhiste realiseerimine."
    )  # OCR: "anallils", "anallUsipohiste"
    assert duties["3.6"].results[0].startswith("Tagasiside on süsteemselt")
    # 'Uhekordsete' as scanned: 'uhe' and 'ühe' are both words of the dictionary, so it is not restored
    assert duties["3.16"].task.startswith("Vahetu juhi antud Uhekordsete ülesannete täitmine.")
    assert duties["3.16"].results == ("Ülesanded on täidetud korrektselt ja digeaegselt.",)


def test_text_with_no_structure_is_refused_and_says_what_was_looked_for(tmp_path: Path) -> None:
    import subprocess
    import sys

    letter = tmp_path / "kiri.txt"
    letter.write_text("Tere!\n\nSaadan teile homme dokumendid.\nParimate soovidega\nMari\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ajdiff", "show", str(letter)], capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert "looked for a title 'AMETIJUHEND'" in result.stderr and len(result.stderr.splitlines()) == 1


def test_tree_kinds_of_a_civil_service_annex() -> None:
    doc = seed_doc("000", "2")
    kinds = [n.kind for n in doc.sections]
    assert kinds[0] is NodeKind.TITLE and all(k is NodeKind.SECTION for k in kinds[1:])
    (general,) = [n for n in doc.sections if n.key == "general"]
    assert [c.key for c in general.children if c.kind is NodeKind.FIELD][:3] == [
        "general.unit",
        "general.position",
        "general.supervisor",
    ]
    (duties,) = [n for n in doc.sections if n.key == "duties"]
    first = next(c for c in duties.children if c.kind is NodeKind.ITEM)
    assert first.verbatim.startswith("2.1. ") and first.number == "2.1"
    assert all(r.kind is NodeKind.RESULT for r in first.children)


def test_the_approval_block_names_the_official_order_and_annex() -> None:
    doc = seed_doc(
        "000", "2"
    )  # "KINNITATUD Sotsiaalkindlustusameti peadirektori / 15.11.2024 käskkirjaga nr 164 Lisa 2"
    assert (doc.annex, doc.order.number, doc.order.date) == ("2", "164", "2024-11-15")
    assert doc.order.approved_by == "Sotsiaalkindlustusameti peadirektori"
    (ravimiamet,) = read_documents(EXTERNAL / "ravimiamet_2025_11_inspektor.txt")  # spread over five lines
    assert (ravimiamet.order.number, ravimiamet.order.approved_by) == ("11", "Ravimiameti peadirektori")


def test_the_thousandth_duty_follows_the_nine_hundred_ninety_ninth() -> None:
    """'2.1000.' alone looks like an amount, but after '2.999.' it is the next duty, not a result of it
    (the benchmark's 1,000-duty annex read 999 duties)."""
    (doc,) = _read(
        "1. Üldosa\n1.1. Teenistuskoha nimetus peaspetsialist\n1.2. Struktuuriüksus arendusosakond\n"
        "2. Teenistusülesanded\n2.999. Aruannete koostamine.\nAruanded on tähtajaks esitatud.\n"
        "2.1000. Eelarve kavandamine.\nEelarve on koostatud.\n2.1001. Hangete korraldamine.\n"
        "3. Nõuded\nHaridus: kõrgharidus\n"
    )
    assert [(d.task, d.results) for d in doc.duties] == [
        ("Aruannete koostamine.", ("Aruanded on tähtajaks esitatud.",)),
        ("Eelarve kavandamine.", ("Eelarve on koostatud.",)),
        ("Hangete korraldamine.", ()),
    ]


def test_a_list_in_one_cell_and_the_same_list_as_bullets_hold_the_same_items() -> None:
    """Issue 21: 'A, B' in one cell and 'A' and 'B' as bullets under the label are the same items in the
    model, so JSON `show` lists them alike (seed 001's substitutes, laid out both ways). Lines without
    bullets stay one value in the model, since a wrapped post's name looks the same; the comparison
    calls the same words cut into items elsewhere editorial (see `_list_items`)."""
    text = SEEDS["001"].read_text(encoding="utf-8")
    cell = "Teenistuja asendab Peaspetsialist (toimepidevus), kriisijuht"
    assert cell in text
    (in_cell,) = _read(text)
    lists = {
        "bullets": "Teenistuja asendab:\n• Peaspetsialist (toimepidevus)\n• kriisijuht",
        "dashes, a name wrapped": "Teenistuja asendab:\n- Peaspetsialist\n(toimepidevus)\n- kriisijuht",
        "lines": "Teenistuja asendab:\nPeaspetsialist (toimepidevus)\nkriisijuht",
    }
    read = {name: _read(text.replace(cell, layout))[0] for name, layout in lists.items()}
    assert in_cell.general.substitutes_for == ("Peaspetsialist (toimepidevus)", "kriisijuht")
    assert read["bullets"].general.substitutes_for == in_cell.general.substitutes_for
    assert read["dashes, a name wrapped"].general.substitutes_for == in_cell.general.substitutes_for
    assert read["lines"].general.substitutes_for == ("Peaspetsialist (toimepidevus) kriisijuht",)
    for doc in read.values():
        assert compare(in_cell, doc).substantive == ()


def test_a_number_typed_without_a_space_before_its_word_is_the_items_number() -> None:
    """'3.1.Koristajal on õigus …' (Raasiku Rahvamaja), '4.töötab …' (Rakvere Muusikakool), '6.Kvalifikatsioonin…'
    (Surju): the number is the item's, so the item does not run into the one before it, and a version that
    puts the space in is no change."""
    cases = {
        "raasiku_rahvamaja_koristaja": "3.1.Koristajal",
        "rakvere_muusikakool_opetaja": "4.töötab",
        "surju_vald_nooremraamatupidaja_asjaajaja": "6.Kvalifikatsioonin",
    }
    read = {}
    for name, glued in cases.items():
        text = (EXTERNAL / f"{name}.txt").read_text(encoding="utf-8")
        assert text.count(f"\n{glued}") == 1, name
        number, word = glued.rsplit(".", 1)
        (written,) = _read(text)
        (spaced,) = _read(text.replace(f"\n{glued}", f"\n{number}. {word}"))
        assert compare(written, spaced).substantive == (), name
        read[name] = written
    assert read["raasiku_rahvamaja_koristaja"].rights == (
        "Koristajal on õigus saada rahvamaja juhatajalt tööks vajaminevad vahendid",
        "Saada rahvamaja juhatajalt nõu ja abi oma töö paremaks korraldamiseks",
    )
    assert read["rakvere_muusikakool_opetaja"].general.supervisor == "kooli direktor"
    assert read["surju_vald_nooremraamatupidaja_asjaajaja"].rights[-2] == "saada tööks vajalikku täienduskoolitust"


def _walked_recursively(node: Node) -> list[Node]:
    """Document order as defined: the node, then each child's walk in turn."""
    return [node, *(n for child in node.children for n in _walked_recursively(child))]


def test_a_tree_is_walked_in_document_order_at_any_depth() -> None:
    def deep(k: int) -> Node:
        return (
            Node(NodeKind.ITEM, f"level {k}", "", children=(deep(k + 1), Node(NodeKind.RESULT, f"r{k}", "")))
            if k < 30
            else Node(NodeKind.PARAGRAPH, "leaf", "")
        )

    docs = [d for path in SEEDS.values() for d in read_documents(path)]
    forests = [d.sections for d in docs] + [(deep(0), Node(NodeKind.PARAGRAPH, "after", "")), ()]
    for forest in forests:
        expected = [n for top in forest for n in _walked_recursively(top)]
        assert [id(n) for n in walk(forest)] == [id(n) for n in expected]
        for top in forest:
            assert [id(n) for n in top.walk()] == [id(n) for n in _walked_recursively(top)]
    assert sum(1 for _ in walk(forests[-2])) == 2 * 30 + 2


def test_label_columns_are_paired_wherever_their_run_stands() -> None:
    """`_paired_columns` looks only at runs of three short lines: a run it cannot pair (three values for two labels)
    stays as written, and a later run in the same document, after other lines, is paired still."""
    texts = [
        "1. Ametinimetus:",
        "2. Otsene ülem:",
        "3. Kvalifikatsiooninõuded:",
        "RAAMATUKOGUHOIDJA",
        "raamatukogu juhataja",
        "linna keskraamatukogu",
        "4. Õigused",
        "Teenistuja vastutab oma töö eest.",
        "5. Ametinimetus:",
        "6. Otsene ülem:",
        "7. Kvalifikatsiooninõuded:",
        "KOKK",
        "köögi juhataja",
        "8. Vastutus",
    ]
    lines = [Line(t, t, line_origin(k + 1), False, False, numbering(t)) for k, t in enumerate(texts)]
    paired = _paired_columns(lines)
    assert [line.text for line in paired] == [
        *texts[:8],
        "5. Ametinimetus: KOKK",
        "6. Otsene ülem: köögi juhataja",
        "7. Kvalifikatsiooninõuded:",
        "8. Vastutus",
    ]
    assert paired[8].verbatim == "5. Ametinimetus:\nKOKK"
    assert _paired_columns(lines[:8]) == lines[:8]
