"""read/names.py: a post's name in the nominative a person says it in, on 200+ real post names."""

from __future__ import annotations

import gzip
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from ajdiff.read.names import ends_in_genitive, from_partitive, nominative, nominative_in, words

ROOT = Path(__file__).resolve().parents[2]
ROWS = [
    tuple(line.split("\t"))
    for line in (Path(__file__).parent / "data" / "post_names.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_the_names_are_many_and_real() -> None:
    """At least 200 different post names, each with the public list or document it was read from."""
    assert all(len(row) == 3 and row[2] for row in ROWS)
    assert len({nom for nom, _, _ in ROWS}) >= 200
    assert sum(nom != gen for nom, gen, _ in ROWS) >= 120  # most of them change in the genitive


@pytest.mark.parametrize(("nom", "gen", "source"), ROWS, ids=[f"{r[2]}:{r[0]}" for r in ROWS])
def test_a_genitive_gives_the_nominative_and_a_nominative_stays(nom: str, gen: str, source: str) -> None:
    assert nominative(gen) == nom
    assert nominative(nom) == nom


@pytest.mark.parametrize(
    ("nom", "gen"), [(n, g) for n, g, _ in ROWS if n[1:] == n[1:].lower() and len(n) > 3], ids=lambda v: v
)
def test_a_name_in_capitals_is_written_as_a_person_writes_it(nom: str, gen: str) -> None:
    """'AUTOJUHI' → 'Autojuht': a title's capitals are typography, not the name."""
    assert nominative(gen.upper()) == nom[0].upper() + nom[1:]


@pytest.mark.parametrize(("nom", "gen"), [(n, g) for n, g, _ in ROWS if " " not in n and "(" not in n], ids=str)
def test_an_allative_gives_the_nominative(nom: str, gen: str) -> None:
    """'allub vallasekretärile': the allative is the genitive with '-le'."""
    assert nominative(gen + "le", allative=True) == nom


def test_only_the_head_and_its_adjective_change() -> None:
    """The genitive modifiers before a head stay ('osakonna'), an agreeing adjective follows it, a
    qualifier in brackets and what runs on after the name are kept."""
    assert nominative("AKADEEMILISE PERSONALI") == "Akadeemiline personal"
    assert nominative("vanema inspektori") == "vanem inspektor"
    assert nominative("rahvusvahelise koostöö büroo juhi") == "rahvusvahelise koostöö büroo juht"
    assert nominative("PEASPETSIALISTI (RÄNDETEENUS)") == "Peaspetsialist (rändeteenus)"
    assert nominative("(UTM/TO) VANEMINSPEKTORI") == "(UTM/TO) vaneminspektor"  # the abbreviation kept
    assert nominative("IT-SPETSIALISTI") == "IT-spetsialist"
    text = "teehoiuteenistuse direktorile (edaspidi direktor)"
    assert nominative_in(text, allative=True) == "teehoiuteenistuse direktor (edaspidi direktor)"
    assert nominative_in("kooli direktorile. Töötab …", allative=True) == "kooli direktor. Töötab …"


def test_a_word_the_dictionary_does_not_know_is_kept() -> None:
    assert nominative("Qwxzyri") == "Qwxzyri"
    assert nominative_in("Tööandja juhtimisele ja kontrollile ja täidab", allative=True).endswith("täidab")
    assert nominative_in("osakonna juhataja", allative=True) == "osakonna juhataja"  # no '-le': not an allative


def _words_loaded_after(path: Path) -> bool:
    code = (
        "import sys; from ajdiff.api import load; from ajdiff.read import names; "
        f"load({str(path)!r}); print(names.words.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return out.stdout.strip() == "1"


def test_the_word_list_is_read_only_for_an_inflected_name() -> None:
    """A document that names its post in the nominative never reads the list (start-up stays fast)."""
    assert not _words_loaded_after(ROOT / "fixtures" / "001_f0f3c421c69f98c0.txt")
    assert _words_loaded_after(ROOT / "fixtures" / "external" / "ppa_2025_autojuht.txt")


DIC = Path("/usr/share/hunspell/et_EE.dic")


@pytest.mark.skipif(not DIC.exists(), reason="the Debian dictionary (myspell-et) is what the list is built from")
def test_the_shipped_list_is_the_debian_dictionary() -> None:
    """data/et_words.txt.gz is tools/build_words.py's output for the installed et_EE dictionary."""
    sys.path.insert(0, str(ROOT / "tools"))
    import build_words

    shipped = gzip.decompress(resources.files("ajdiff").joinpath("data/et_words.txt.gz").read_bytes())
    assert shipped.decode("utf-8").split() == build_words.entries(DIC)
    assert {"juht", "juhi", "korraldaja", "osakond"} <= words()
    assert resources.files("ajdiff").joinpath("data/et_words.COPYING").read_text(encoding="utf-8").count("LGPL")


@pytest.mark.parametrize(
    ("text", "genitive"),
    [
        ("teenistuse direktorit või järelevalve osakonna", True),  # Transpordiamet 2025_022, cut before its noun
        ("osakonna teenistujad või lennundusteenistuse", True),  # Transpordiamet 2024_069
        ("siseauditi juhi", True),  # Sotsiaalministeerium 2010
        ("järelevalve osakonna teenistuja", False),  # a nominative like its genitive: a value may end so
        ("mehitamata lennunduse osakonna teenistujaid", False),  # Transpordiamet 2024_223: a partitive
        ("vastavalt neile antud õigustele", False),  # 2024_223: 'õiguste' + '-le', no genitive of 'õigustel'
        ("juhataja korraldusele", False),
        ("osakonna juhataja.", False),
    ],
)
def test_a_value_line_ending_in_a_genitive_is_unfinished(text: str, genitive: bool) -> None:
    """Under stacked labels a line ending in a genitive goes on: the genitive stands before its noun."""
    assert ends_in_genitive(text) is genitive


@pytest.mark.parametrize(
    ("partitive", "nom"),
    [
        # The fixtures' own, as their 'Keda asendab' / 'asendab' write them.
        ("registripidajat", "registripidaja"),
        ("nooremraamatupidajat", "nooremraamatupidaja"),
        ("Sotsiaaltööspetsialisti", "Sotsiaaltööspetsialist"),
        ("Peaspetsialisti", "Peaspetsialist"),
        ("sotsiaalnõunikku", "sotsiaalnõunik"),
        ("vahetu juhi poolt määratud ametnikku", "vahetu juhi poolt määratud ametnik"),
        ("siseauditi juhi määratud isikut", "siseauditi juhi määratud isik"),
        ("nõunikku või talituse juhatajat", "nõunik või talituse juhataja"),
        ("direktorit või osakonna teenistujaid", "direktor või osakonna teenistujad"),
        ("Eksperti (toimepidevus)", "Ekspert (toimepidevus)"),
        ("osakonna juhti", "osakonna juht"),
        # Other cases and words, as written.
        ("Vastavalt asendusskeemile", "Vastavalt asendusskeemile"),
        ("kodukorra kohaselt", "kodukorra kohaselt"),
        ("toimepidevuse või rände talituse juhataja", "toimepidevuse või rände talituse juhataja"),
    ],
)
def test_a_partitive_gives_the_nominative(partitive: str, nom: str) -> None:
    assert from_partitive(partitive) == nom


def test_every_nominative_stays_as_it_is_read_as_a_partitive() -> None:
    """The 200+ real post names in the nominative are no partitive: none is changed."""
    assert [nom for nom, _gen, _source in ROWS if from_partitive(nom) != nom] == []
