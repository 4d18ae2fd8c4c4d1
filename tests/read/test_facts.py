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
from ajdiff.text import ends_sentence
from ajdiff.tree import walk

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


# -- An acknowledgement and a blank to sign on end the duties: they are no duty ------------------------


def _duty_texts(doc: JobDescription) -> list[str]:
    return [d.task for d in doc.duties] + [r for d in doc.duties for r in d.results]


def test_the_acknowledgement_of_syg_is_no_duty() -> None:
    """syg_raamatukoguhoidja: 'Kinnitan allkirjaga, et olen ametijuhendiga tutvunud …' and the line of
    underscores with '(nimi ja allkiri)' below follow the third duty."""
    doc = _external("syg_raamatukoguhoidja")
    assert [d.number for d in doc.duties] == ["1", "2", "3"]
    assert doc.duties[-1].task.endswith("info- ja kultuurikeskuseks.")
    signed = [text for kind, text in doc.metadata if kind == "signature"]
    assert signed[0].startswith("Kinnitan allkirjaga") and any("nimi ja allkiri" in t for t in signed)


def test_an_acknowledgement_block_after_another_bodys_duties() -> None:
    """Kuusalu Keskkool's duties (kuusalu_keskkool_opetaja, up to its rights) closed by the block a
    municipality's or school's form has: the duties are the same as without it."""
    text = (EXTERNAL / "kuusalu_keskkool_opetaja.txt").read_text(encoding="utf-8")
    body = text[: text.index("4. ÕIGUSED")]
    plain = _read(body)
    signed = _read(body + "\nAmetijuhendiga tutvunud:\n\n______________________  ___.___.20___\n(nimi ja allkiri)\n")
    assert len(plain.duties) >= 11
    assert _duty_texts(signed) == _duty_texts(plain)


def test_a_duty_that_speaks_of_acknowledging_stays_a_duty() -> None:
    """Only a line that starts as an acknowledgement opens a signature block."""
    doc = _read(
        "AMETIJUHEND\n1. Üldosa\nAmetikoht: juhataja\n2. Tööülesanded\n"
        "2.1. Tagab, et osakonna töötajad on ametijuhendiga tutvunud ja allkirjastanud selle.\n"
        "2.2. Korraldab osakonna tööd.\n"
    )
    assert [d.number for d in doc.duties] == ["2.1", "2.2"]


# -- A number glued to its item's first word numbers the line when it follows the last number ------------


def test_the_glued_item_of_rakvere() -> None:
    """rakvere_muusikakool_opetaja: '3. allub kooli direktorile.' / '4.töötab vastavalt tunniplaanile. …':
    item 4 is an item of its own, and the supervisor is 'kooli direktor' (the sentence's stop is no name's)."""
    doc = _external("rakvere_muusikakool_opetaja")
    assert doc.general.supervisor == "kooli direktor"
    items = next(n for n in doc.sections if n.key == "general").children
    assert [(n.number, n.key) for n in items if n.number] == [
        ("1", None),
        ("2", None),
        ("3", "general.supervisor"),
        ("4", None),
    ]
    assert items[-1].text.startswith("töötab vastavalt tunniplaanile.")


def test_a_glued_duty_number_of_another_body() -> None:
    """Surju vald's duties (surju_vald_nooremraamatupidaja_asjaajaja) with '3.2 koostab' written
    '3.2.koostab': the same duties as written with the space."""
    text = (EXTERNAL / "surju_vald_nooremraamatupidaja_asjaajaja.txt").read_text(encoding="utf-8")
    glued = text.replace("3.2 koostab", "3.2.koostab")
    assert glued != text
    plain, read = _read(text), _read(glued)
    assert [(d.number, d.task) for d in read.duties] == [(d.number, d.task) for d in plain.duties]
    assert read.duties[1].task == "koostab maksukorraldused ja teeb ülekanded"


@pytest.mark.parametrize(
    "text",
    [
        "1. Üldosa\n1.1. Ametikoht: jurist\n1.2. Vahetu juht: osakonna juhataja\n1.4.tähelepanu: versioon 1.4.a",
        "2. Tööülesanded\n2.1. Korraldab tööd.\nVersioon 3.a kehtib.\n",
    ],
)
def test_a_glued_number_that_does_not_follow_is_no_item(text: str) -> None:
    """'1.4.tähelepanu' after 1.2 and '3.a' after 2.1 go on from no number: they number nothing."""
    numbers = [n.number for n in walk(_read("AMETIJUHEND\n" + text).sections) if n.number]
    assert "1.4" not in numbers and "3" not in numbers


# -- The supervisor named in a sentence is the name, not the rest of the sentence ------------------------


def test_the_supervisor_of_sillamae_in_a_sentence() -> None:
    """sillamae_gumnaasium_opetaja_b: '1.4. Õpetaja allub Tööandja juhtimisele ja kontrollile ja täidab …'."""
    doc = _external("sillamae_gumnaasium_opetaja_b")
    assert doc.general.supervisor == "Tööandja"


@pytest.mark.parametrize(
    ("sentence", "supervisor"),
    [
        ("1.2. Raamatupidaja allub vallavanema juhtimisele ja kontrollile.", "vallavanem"),
        ("1.2. Spetsialist allub osakonna juhataja alluvusse ning täidab tema korraldusi.", "osakonna juhataja"),
        ("1.2. Sekretär on nooremametnik ja allub vallasekretärile ja vastutab kantselei eest.", "vallasekretär"),
    ],
)
def test_a_supervisor_sentence_ends_at_its_clause(sentence: str, supervisor: str) -> None:
    doc = _read(f"AMETIJUHEND\n1. Üldsätted\n{sentence}\n2. Tööülesanded\n2.1. Korraldab tööd.\n")
    assert doc.general.supervisor == supervisor


# -- The goal under another label: a goal label opening a part of a section ajdiff has no name for -------


def test_the_goal_inside_the_post_description_of_sotsiaalministeerium() -> None:
    """sotsiaalministeerium_2010_juhtivaudiitor: '2. AMETIKOHA KIRJELDUS' / 'Ametikoha eesmärk:' / the goal,
    then 'Põhiülesanded:'. The section keeps no text of its own (nothing is left under its slug)."""
    doc = _external("sotsiaalministeerium_2010_juhtivaudiitor")
    assert doc.general.goal == (
        "Auditite läbiviimise tulemusena anda sõltumatu hinnang Euroopa Liidu struktuuritoetuse kasutamisele."
    )
    assert len(doc.duties) >= 7
    assert "ametikoha_kirjeldus" not in dict(doc.other)


def test_a_goal_label_inside_another_bodys_unnamed_section() -> None:
    """Ravimiamet's goal (ravimiamet_2026_4_spetsialist) written as the Sotsiaalministeerium writes it:
    under a section of another name, after the label alone on its line."""
    text = (EXTERNAL / "ravimiamet_2026_4_spetsialist.txt").read_text(encoding="utf-8")
    moved = text.replace("2. TEENISTUSKOHA EESMÄRK\n", "2. TEENISTUSKOHA KIRJELDUS\nTeenistuskoha eesmärk:\n")
    assert moved != text
    plain, read = _read(text), _read(moved)
    assert plain.general.goal and plain.general.goal.startswith("Müügiloa taotluse dokumentatsiooni")
    assert read.general.goal == plain.general.goal
    assert [(d.number, d.task) for d in read.duties] == [(d.number, d.task) for d in plain.duties]


def test_a_goal_label_alone_in_the_general_part_stays_a_field() -> None:
    """Where labels are fields, 'Teenistuskoha eesmärk' alone on a line is a field whose value follows."""
    doc = _read(
        "AMETIJUHEND\n1. Üldosa\nTeenistuskoht: jurist\nTeenistuskoha eesmärk\nÕigusabi andmine.\n"
        "2. Tööülesanded\n2.1. Nõustab.\n"
    )
    general = next(n for n in doc.sections if n.key == "general")
    assert [c.key for c in general.children] == ["general.position", "general.goal"]
    assert doc.general.goal == "Õigusabi andmine."


def test_a_posts_mission_is_its_goal() -> None:
    """kehtna_pohikool_2017_klassijuhataja: '1. KLASSIJUHATAJA MISSIOON' / 'Klassijuhataja missiooniks on
    …' says what the post is for, as a goal does: it is the goal (GUIDE's field table: general.goal)."""
    doc = _external("kehtna_pohikool_2017_klassijuhataja")
    assert doc.general.goal and doc.general.goal.startswith("Klassijuhataja missiooniks on kujundada kooli mainet")
    assert "klassijuhataja_missioon" not in dict(doc.other)


# -- A bullet run onto the line before it is a line of its own: a result, as the other bullets are -------


def test_the_glued_result_of_ppa() -> None:
    """ppa_2025_autojuht: '3.2 teostab dokumentide ja kaubasaadetiste vedu; - dokumendid ja
    kaubasaadetised jõuavad' / 'sihtkohta õigeaegselt;' (the other results are '- ' lines)."""
    doc = _external("ppa_2025_autojuht")
    duty = next(d for d in doc.duties if d.number == "3.2")
    assert duty.task == "teostab dokumentide ja kaubasaadetiste vedu;"
    assert duty.results == ("dokumendid ja kaubasaadetised jõuavad sihtkohta õigeaegselt;",)


def test_a_glued_bullet_of_another_body() -> None:
    """Seed 001 (Sotsiaalkindlustusamet) with its first result's bullet ('\uf0a7 Riigi, …') run onto the
    task's last line: the same duties as written."""
    path = Path(__file__).resolve().parents[2] / "fixtures" / "001_f0f3c421c69f98c0.txt"
    text = path.read_text(encoding="utf-8")
    glued = text.replace("kaitsmine.  \n\n\uf0a7 Riigi", "kaitsmine. \uf0a7 Riigi", 1)
    assert glued != text
    plain, read = _read(text), _read(glued)
    assert [(d.number, d.task, d.results) for d in read.duties] == [(d.number, d.task, d.results) for d in plain.duties]
    assert read.duties[0].results[0].startswith("Riigi, partnerasutuste")


def test_a_dash_inside_a_sentence_stays() -> None:
    """Only a bullet mark after a sentence's end starts a line: 'Lõuna - Eesti' and a lone dash stay."""
    doc = _read(
        "AMETIJUHEND\n2. Tööülesanded\n2.1. Korraldab tööd Lõuna - Eesti piirkonnas.\n- tööd on korraldatud;\n"
        "2.2. Nõustab.\n- nõustatud;\n"
    )
    assert [(d.task, d.results) for d in doc.duties] == [
        ("Korraldab tööd Lõuna - Eesti piirkonnas.", ("tööd on korraldatud;",)),
        ("Nõustab.", ("nõustatud;",)),
    ]


# -- A duty's next sentence that opens with a verb, as its task does, is more of the task ------------------


@pytest.mark.parametrize(
    ("name", "number", "task_ends"),
    [
        # '2.4. Komplekteerib … nõuetest. Osaleb kirjastuste …': two things the librarian does.
        ("viljandi_kesklinna_kool_raamatukoguhoidja", "2.4", "koostab õppe- ja ilukirja"),
        # '1.4 nõustab lapsevanemaid … Jagab infot …' (the association's model job description).
        ("sotsiaalpedagoogide_uhendus_sotsiaalpedagoog", "1.4", "abi-ja nõustamisvõimalustest."),
    ],
)
def test_a_second_sentence_opening_with_a_verb_is_no_result(name: str, number: str, task_ends: str) -> None:
    (duty,) = [d for d in _external(name).duties if d.number == number]
    assert duty.results == ()
    assert duty.task.endswith(task_ends)


@pytest.mark.parametrize(
    ("task", "result"),
    [
        ("Auditi lõpparuande koostamine.", "Aruanne kajastab auditi tulemusi."),  # Sotsiaalministeerium's row
        ("Koostab auditi lõpparuande.", "Aruanne kajastab auditi tulemusi."),  # a result names what is done
        ("Koostab auditi lõpparuande.", "Aruanne on koostatud tähtajaks."),
    ],
)
def test_a_result_sentence_after_a_task_is_still_a_result(task: str, result: str) -> None:
    doc = _read(f"AMETIJUHEND\n3. Tööülesanded\n3.1. {task} {result}\n3.2. Nõustab.\n")
    assert (doc.duties[0].task, doc.duties[0].results) == (task, (result,))


# -- The supervisor without the adverb of how the post is subordinate -------------------------------------


@pytest.mark.parametrize(
    ("name", "supervisor"),
    [
        ("tostamaa_aineopetaja", "õppealajuhataja"),  # '2. Aineõpetaja allub vahetult õppealajuhatajale.'
        # 'Koristaja allub otseselt direktori asetäitjale majandusalal.Koristajad asendavad …': the name ends
        # with its sentence, a full stop glued to the next one (its last word's case is left as written).
        ("viljandi_kesklinna_kool_koristaja", "direktori asetäitjale majandusalal"),
    ],
)
def test_the_supervisor_without_an_adverb_and_the_next_sentence(name: str, supervisor: str) -> None:
    assert _external(name).general.supervisor == supervisor


def test_a_supervisor_sentence_glued_to_the_next_of_another_body() -> None:
    """Tõstamaa's clauses 2 and 3 on one line, the full stop glued: the supervisor ends at the stop."""
    text = (EXTERNAL / "tostamaa_aineopetaja.txt").read_text(encoding="utf-8")
    glued = text.replace("õppealajuhatajale.\n3. ", "õppealajuhatajale.", 1)
    assert glued != text
    assert _read(glued).general.supervisor == "õppealajuhataja"


# -- The post that the duties' heading names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "position"),
    [
        # No title: an opening sentence ('Ametijuhend on kooskõlas … seadusandlusega.') is no post's name.
        ("sotsiaalpedagoogide_uhendus_sotsiaalpedagoog", "Sotsiaalpedagoog"),  # '1. Sotsiaalpedagoogi tööülesanded'
        # The title names the school before the post ('VILJANDI Kesklinna Kooli RAAMATUKOGUHOIDJA AMETIJUHEND').
        ("viljandi_kesklinna_kool_raamatukoguhoidja", "Raamatukoguhoidja"),  # '2. RAAMATUKOGUHOIDJA KOHUSTUSED'
        ("sillamae_gumnaasium_opetaja_a", "Õpetaja"),  # title and '3. ÕPETAJA KOHUSTUSED JA ÜLESANDED' agree
        ("ppa_2025_autojuht", "Autojuht"),  # '3. TEENISTUSKOHA ÜLESANDED JA TULEMUSED' names no post
        # No title, no sections: the heading said as a sentence opens the page ('Hooldustöötaja kohustused on:').
        ("parnu_sotsiaalkeskus_hooldustootaja", "Hooldustöötaja"),
    ],
)
def test_the_post_the_duties_heading_names(name: str, position: str) -> None:
    assert _external(name).general.position == position


def test_a_heading_said_as_a_sentence_before_its_list() -> None:
    """'Hooldustöötaja kohustused on:' (Pärnu Sotsiaalkeskus): the duties' heading, its copula and colon
    bringing on the numbered duty; a sentence opening with another word and 'on:' stays a sentence."""
    doc = _external("parnu_sotsiaalkeskus_hooldustootaja")
    assert [d.number for d in doc.duties] == ["1"]
    assert doc.duties[0].task.startswith("Koduhooldusteenuste osutamine") and len(doc.duties[0].results) == 9
    text = "Koristaja ametijuhend\n\nKoristaja tööaeg on:\n40 tundi nädalas.\n\nKoristaja kohustused on:\n"
    doc = _read(text + "1. Pühkima tolmu.\n2. Pesema põrandad.\n")
    assert [d.task for d in doc.duties] == ["Pühkima tolmu.", "Pesema põrandad."]
    assert [n.label for n in walk(doc.sections) if n.key == "duties" and n.label] == ["Koristaja kohustused"]


# -- A bracketed list closed by 'and so on' ends its item ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("viljandi_kesklinna_kool_koristaja", "raadiod, telerid, jne )"),
        ("kehtna_pohikool_2017_klassijuhataja", "oma klassi kohta (e-kool, õpilasraamat jms.)"),
    ],
)
def test_a_list_closed_by_and_so_on_ends_its_item(name: str, line: str) -> None:
    """In a page's wrapped lines a capital after an unfinished line is a name inside it; after '… jne )' it
    starts the next item (Viljandi's duties: "… telerid, jne )" / "Uste, ukselinkide puhastamine.")."""
    assert line in (EXTERNAL / f"{name}.txt").read_text(encoding="utf-8")
    assert ends_sentence(line)
    assert not ends_sentence(line.replace(" jne )", " )").replace(" jms.)", " kaust)"))


# -- SÜG's form, the school staff's of the 2000s, on a second school's document ---------------------------


@pytest.mark.parametrize(
    ("name", "position", "supervisor", "education", "other", "goal"),
    [
        (
            "syg_raamatukoguhoidja",
            "RAAMATUKOGUHOIDJA",
            "raamatukogu juhataja",
            "erialane kesk- või kõrgharidus",
            "raamatukogualase infotöö tundmine arvutioskus",
            "Raamatukogufondi arvestus",
        ),
        (
            "toila_gumnaasium_pikapaevaruhma_kasvataja",
            "PIKAPÄEVARÜHMA KASVATAJA",
            "direktori asetäitja õppe- ja kasvatustöö alal",
            "pedagoogiline kesk- või kõrgharidus",
            "kasvatusteooria ja psühholoogia tundmine; organiseerimisoskused",
            "Vastutab õpilaste ohutuse eest",
        ),
    ],
)
def test_the_sub_labels_of_two_schools(
    name: str, position: str, supervisor: str, education: str, other: str, goal: str
) -> None:
    """'Ametinimetus:', 'Otsene ülem:' (the supervisor), 'Kvalifikatsiooninõuded:' with 'Teoreetiline väljaõpe:'
    (the education) and 'Muud nõuded:', 'Kokkuvõte tööülesannetest:' (the goal): SÜG Sihtasutus and Toila."""
    doc = _external(name)
    assert (doc.general.position, doc.general.supervisor) == (position, supervisor)
    assert (doc.requirements.education, doc.requirements.extra) == (education, (("lisanouded", other),))
    assert (doc.general.goal or "").startswith(goal)
