"""Real OCR of other bodies' real documents (fixtures/external/ocr, made by tools/ocr_fixture.py with
Tesseract; see its SOURCES.md): each is the OCR of the very original beside it, reads as that original
(no substantive change, the same hand-read facts), and the OCR lexicon gives back the words OCR damaged.
Seed 004 was the only OCR'd document before; these are seven more bodies'."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from pathlib import Path

import pytest

from ajdiff.api import load
from ajdiff.compare.document import compare
from ajdiff.model import JobDescription
from ajdiff.read.lexicon import restore_text, text_looks_like_ocr
from ajdiff.tree import Node, NodeKind
from tests.read.test_external import FACTS, missed_facts

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"
OCR = sorted((EXTERNAL / "ocr").glob("*.txt"))
"""The OCR texts: NAME.ocr.txt read by Tesseract's Estonian model, NAME.ocr-eng.txt by its English one."""

# What the OCR really lost or garbled, so that ajdiff cannot read it as the original says; strict: when
# one is read right, its test passes, fails as XPASS, and the entry goes.
LOST = {
    "ppa_2025_autojuht.ocr.txt": "the label | value table without rules read column by column, the heading "
    "under it with the labels ('Struktuuriüksuse nimetus' … 'Teenistustingimuste erisused' / '2. TEENISTUSKOHA "
    "EESMÄRK'), then 7 value lines for the 4 labels, run on into the goal's sentence: two values wrap, no line "
    "ends the values, and which lines are whose is a guess, so no rule pairs them (unit, supervisor and the "
    "special conditions are lost, the goal gets them); the duty table's row 3.4 read across its cells",
    "surju_vald_pearaamatupidaja.ocr-eng.txt": "four words the lexicon cannot restore without guessing: 'digeaegse' "
    "('d' is 'ä' or 'õ', and 'äige' is a word too), 'imberhindamise' and 'iksnes' ('ü' read as one 'i', which "
    "any word has), 'koosk6lastamiseks' (the dictionary lacks 'kooskõlastama')",
    "syg_raamatukoguhoidja.ocr.txt": "the school's name in duty 3, 'Ühisgümnaasiumi', read 'Ühisgümnaasiuni' "
    "(its 'm' read 'n': a name, which no dictionary restores)",
}


def _original(path: Path) -> Path:
    return EXTERNAL / f"{path.name.split('.')[0]}.txt"


def _case(path: Path, reason: str | None = None) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, marks=marks, id=path.name)


def test_there_are_ocr_texts_of_several_bodies() -> None:
    """At least three bodies' documents, and both of Tesseract's models."""
    bodies = {_original(p).name.split("_")[0] for p in OCR}
    assert len(OCR) >= 3 and len(bodies) >= 3
    assert {".ocr.txt", ".ocr-eng.txt"} <= {"." + p.name.split(".", 1)[1] for p in OCR}


@pytest.mark.parametrize("path", OCR, ids=lambda p: p.name)
def test_each_is_the_ocr_of_its_original_as_committed(path: Path) -> None:
    """The sidecar names the original by its SHA-256 and says how the text was made."""
    made = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert made["original"] == f"fixtures/external/{_original(path).name}"
    assert made["original_sha256"] == hashlib.sha256(_original(path).read_bytes()).hexdigest()
    assert made["tesseract"].startswith("tesseract ") and any(c.startswith("tesseract ") for c in made["commands"])
    assert made["language"] == ("eng" if ".ocr-eng." in path.name else "est")


@pytest.mark.parametrize("path", [_case(p, LOST.get(p.name)) for p in OCR])
def test_the_ocr_text_reads_as_its_original(path: Path) -> None:
    """What a person sees as the same document compares with no substantive change."""
    old, new = load(_original(path)), load(path)
    assert [d.annex for d in new] == [d.annex for d in old]
    changes = [
        f"{c.path} {c.kind.value}: {c.old!r} -> {c.new!r}" for a, b in zip(old, new) for c in compare(a, b).substantive
    ]
    assert changes == []


_FACTS_LOST = frozenset({"ppa_2025_autojuht.ocr.txt"})
"""The texts of LOST whose loss takes facts with it."""


@pytest.mark.parametrize("path", [_case(p, LOST.get(p.name) if p.name in _FACTS_LOST else None) for p in OCR])
def test_the_ocr_text_gives_its_originals_facts(path: Path) -> None:
    """facts.json's facts were read by hand from the original; its OCR gives the same."""
    missed, general, numbers = missed_facts(path, FACTS[_original(path).stem])
    assert missed == [], (general, numbers)


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if sum(c.isalpha() for c in w) >= 2]


_LEXICON_TEXTS = (
    "transpordiamet_2025_022_jarelevalve_juhataja.ocr-eng.txt",
    "sotsiaalministeerium_2010_juhtivaudiitor.ocr-eng.txt",
)
"""The English model's texts the lexicon's figures below are counted on (later ones have tests of their own)."""


def _lexicon_figures() -> tuple[int, int, int, list[tuple[str, str]], list[tuple[str, str, str]]]:
    """Over the English model's OCR texts of _LEXICON_TEXTS, the words aligned one to one with their original's (difflib,
    case folded): (words, words OCR damaged, of those given back exactly, damaged words kept as OCR gave
    them (OCR, original), words made other than the original (OCR, restored, original))."""
    total = damaged = exact = 0
    kept: list[tuple[str, str]] = []
    wrong: list[tuple[str, str, str]] = []
    for path in OCR:
        if path.name not in _LEXICON_TEXTS:
            continue
        text = path.read_text(encoding="utf-8")
        assert text_looks_like_ocr(text)  # the lexicon is used on it
        original, ocr = _words(_original(path).read_text(encoding="utf-8")), _words(text)
        restored = _words(restore_text(text, misread=True))
        assert len(restored) == len(ocr)
        matcher = difflib.SequenceMatcher(None, [w.lower() for w in original], [w.lower() for w in ocr], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                for was, read, back in zip(original[i1:i2], ocr[j1:j2], restored[j1:j2]):
                    total += 1
                    damaged += read != was
                    exact += read != was and back == was
                    if read != was and back == read:
                        kept.append((read, was))
                    elif back not in (was, read) or (read == was and back != was):
                        wrong.append((read, back, was))
    return total, damaged, exact, kept, wrong


def test_the_lexicon_gives_back_the_words_ocr_damaged() -> None:
    """Tesseract's English model on Transpordiamet's and Sotsiaalministeerium's pages: of 70 words it
    damaged (of 324 words aligned with the original's), 58 (83%) come back exactly as the original
    writes them ('s6ltumatu' → 'sõltumatu', 'Pohitilesanded' → 'Põhiülesanded'); 52 did before OCR's
    glyphs for the marked letters were read, and mid-sentence 'Ulesannete' became 'Ülesannete'. One word is made other than the original: the name
    'Sauk', on the signature line after 'Priit' ('säuk' is a word; 'Priit' is taken for one too). The
    12 kept as OCR gave them are said here, with why: OCR lost what would tell them apart."""
    total, damaged, exact, kept, wrong = _lexicon_figures()
    assert (total, damaged, exact) == (324, 70, 58)
    assert wrong == [("Sauk", "Säuk", "Sauk")]
    assert sorted(kept) == sorted(
        [
            # 'kask' (birch) and 'käsk' (order), 'kaik' and 'käik', 'taht-' and 'täht-', 'toestatavad' and
            # 'tõestatavad' are all words: the marks OCR lost chose between them
            ("KASKKIRI", "KÄSKKIRI"), ("Kaskkirjaga", "Käskkirjaga"), ("kaigus", "käigus"), ("kaigu", "käigu"),
            ("kaik", "käik"), ("tahtaegu", "tähtaegu"), ("tahtaegselt", "tähtaegselt"),
            ("tahelepanekud", "tähelepanekud"), ("tahelepanekjareldus", "tähelepanekjäreldus"),
            ("toestatavad", "tõestatavad"),
            ("Struktuuritikksus", "Struktuuriüksus"),  # 'ü' read 'tik' and the 'k' doubled: no reading is a word
            ("Koosto", "Koostö"),  # the original is cut mid-word where the stored copy ended: no word either
        ]
    )  # fmt: skip


def test_a_duty_tables_header_row_a_page_repeats_is_no_new_list_of_duties() -> None:
    """A duty table's header row repeated on a new page and OCR'd a cell a line ('Ulesanded' / 'Tulemused')
    inside the duties is no new list: Sotsiaalministeerium's OCR cut the result 'Siseauditi juht on
    viivitamatult informeeritud' / 'takistustest …' at it, and its 'Lisaülesanded' item 1 in three.
    Ravimiamet's text with the header row between a result's lines reads as the text."""
    (doc,) = load(EXTERNAL / "ocr" / "sotsiaalministeerium_2010_juhtivaudiitor.ocr-eng.txt")
    assert [d.number for d in doc.duties] == ["1", "2", "3", "4", "5", "6", "7", "1"]
    assert (
        doc.duties[1].results[-1]
        == "Siseauditi juht on viivitamatult informeeritud takistustest ja puudustest auditi läbiviimisel."
    )
    assert doc.duties[-1].task.startswith("Aasta tööplaanide koostamisel osalemine")

    text = (EXTERNAL / "ravimiamet_2025_11_inspektor.txt").read_text(encoding="utf-8")
    written = "läbi viidud vastavalt\ntööjuhenditele"
    assert text.count(written) == 1
    paged = text.replace(written, "läbi viidud vastavalt\n\nÜlesanded\n\nTulemused\n\ntööjuhenditele")
    old, new = _read(text), _read(paged)
    assert [c for a, b in zip(old, new) for c in compare(a, b).substantive] == []
    assert len(new[0].duties) == 1


def _read(text: str) -> list[JobDescription]:
    from ajdiff.read.formats import read_bytes
    from ajdiff.read.parse import parse_source

    return parse_source(read_bytes(text.encode(), "doc.txt", ".txt"))


def test_a_heading_or_label_ocr_damaged_is_read_once_its_words_are_restored() -> None:
    """The OCR lexicon restores an OCR'd text's lines before headings and labels are matched: a heading or a
    label is made of dictionary words too. Sotsiaalministeerium's 'Lisatlesanded:' ('ü' read 'tl') is the
    heading 'Lisaülesanded', whose item 1 is a duty, not a result of duty 7; Surju vald's '1.2
    pearaamatupidajale annab todiilesanded ja kontrollib nende taitmist' / 'vallavanem' ('ö' read 'd',
    'ü' read 'ii') names the supervisor, as its original's 'annab tööülesanded … vallavanem' does."""
    (doc,) = load(EXTERNAL / "ocr" / "sotsiaalministeerium_2010_juhtivaudiitor.ocr-eng.txt")
    assert doc.duties[6].results[-1] == "Ettepanekud on asjakohased ja rakendatavad."
    (section,) = [n for n in _sections(doc.sections) if n.verbatim == "Lisatlesanded:"]
    assert (section.key, section.label) == ("duties", "Lisaülesanded")

    (doc,) = load(EXTERNAL / "ocr" / "surju_vald_pearaamatupidaja.ocr-eng.txt")
    assert doc.general.supervisor == "vallavanem"
    assert [d.number for d in doc.duties] == [f"3.{k}" for k in range(1, 16)]


def _sections(nodes: tuple[Node, ...]) -> list[Node]:
    return [n for n in nodes if n.kind is NodeKind.SECTION] + [s for n in nodes for s in _sections(n.children)]


def test_a_label_table_ocr_read_column_by_column_pairs_its_labels_with_their_values() -> None:
    """SÜG's label | value lines were read by Tesseract as two columns: the labels with the heading under
    them ('1. Ametinimetus:' / '2. Otsene ülem:' / '3. Kvalifikatsiooninõuded:'), then the two values. The
    run of two labels is paired with the run of two values after the heading, as a person pairs them;
    with a third line among the values, or no heading between, nothing tells which value is whose, and
    the lines are read as they stand. PPA's table read so (ppa_2025_autojuht.ocr.txt) has values that wrap
    and run on into the goal: it is in LOST, and no rule pairs it."""
    path = EXTERNAL / "ocr" / "syg_raamatukoguhoidja.ocr.txt"
    (doc,) = load(path)
    assert (doc.general.position, doc.general.supervisor) == ("RAAMATUKOGUHOIDJA", "raamatukogu juhataja")
    assert doc.requirements.education == "erialane kesk- või kõrgharidus"

    text = path.read_text(encoding="utf-8")
    column = "RAAMATUKOGUHOIDJA\n\nraamatukogu juhataja\n"
    assert text.count(column) == 1
    (three,) = _read(text.replace(column, column + "\nlinna keskraamatukogu\n"))
    assert three.general.supervisor != "raamatukogu juhataja"
    (unheaded,) = _read(text.replace("\n3. Kvalifikatsiooninõuded:\n", "\n"))
    assert unheaded.general.supervisor != "raamatukogu juhataja"
