"""A duty cut in two (or two run into one) with the same words, where the document numbers no duty: the
layout is all that tells its duties apart, so the split or merge is editorial. Real documents of two bodies
that write unnumbered duties, cut by hand: Viljandi Kesklinna Kool's cleaner (a duty a line) and SÜG's
librarian (a duty a paragraph). With other words, or in a numbered list, it stays substantive."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajdiff.changes import ChangeKind, Impact
from ajdiff.compare.document import compare, unnumbered_duties
from ajdiff.model import JobDescription
from ajdiff.read.formats import read_bytes
from ajdiff.read.parse import parse_source
from tests.read import layouts

EXTERNAL = Path(__file__).resolve().parents[2] / "fixtures" / "external"
VILJANDI = "viljandi_kesklinna_kool_koristaja"
SYG = "syg_raamatukoguhoidja"
# As the documents write them: Viljandi's duty of two sentences on one line, two duties on two lines; SÜG's
# last duty paragraph of two sentences.
VILJANDI_LINE = "Prügikastide tühjendamine, prahikottide vahetamine. Vajadusel prügikastide pesemine."
VILJANDI_LINES = "Seinte märgpuhastus.\nSeinte ja lagede kuivpuhastus tolmuharjaga."
SYG_PARAGRAPH = (
    "Loob raamatukogus sõbraliku ja vaba õhkkonna. Kujundab raamatukogu koostöös raamatukogu juhataja, "
    "õpetajate ja õpilastega Saaremaa Ühisgümnaasiumi info- ja kultuurikeskuseks."
)


def _text(name: str) -> str:
    return (EXTERNAL / f"{name}.txt").read_text(encoding="utf-8")


def _doc(text: str) -> JobDescription:
    (doc,) = parse_source(read_bytes(text.encode(), "doc.txt", ".txt"))
    return doc


def _edited(name: str, written: str, edited: str) -> JobDescription:
    text = _text(name)
    assert written in text
    return _doc(text.replace(written, edited))


def _structural(old: JobDescription, new: JobDescription) -> list[tuple[ChangeKind, str, str, bool, Impact]]:
    """The splits and merges of the comparison: (kind, old numbers, new numbers, editorial, impact)."""
    return [
        (c.kind, c.old_number or "", c.new_number or "", c.editorial, c.impact)
        for c in compare(old, new).changes
        if c.kind in (ChangeKind.SPLIT, ChangeKind.MERGED)
    ]


@pytest.mark.parametrize(
    ("name", "written", "edited", "expected"),
    [
        # Viljandi: one line's two sentences on two lines ('8' → '8, 9'), and two lines on one ('5, 6' → '5').
        (VILJANDI, VILJANDI_LINE, VILJANDI_LINE.replace(". V", ".\nV"), (ChangeKind.SPLIT, "8", "8, 9")),
        (VILJANDI, VILJANDI_LINES, VILJANDI_LINES.replace("\n", " "), (ChangeKind.MERGED, "5, 6", "5")),
        # SÜG: its paragraph of two sentences as two paragraphs, and the reverse.
        (SYG, SYG_PARAGRAPH, SYG_PARAGRAPH.replace(". K", ".\n\nK"), (ChangeKind.SPLIT, "3", "3, 4")),
    ],
)
def test_an_unnumbered_duty_cut_with_the_same_words_is_an_editorial_split(
    name: str, written: str, edited: str, expected: tuple[ChangeKind, str, str]
) -> None:
    """Reported, in document order, as an editorial split or merge of normal impact; nothing substantive."""
    old, new = _doc(_text(name)), _edited(name, written, edited)
    for a, b, kind in ((old, new, expected[0]), (new, old, _reverse(expected[0]))):
        numbers = expected[1:] if a is old else expected[:0:-1]
        assert _structural(a, b) == [(kind, *numbers, True, Impact.NORMAL)]
        assert compare(a, b).substantive == ()


def _reverse(kind: ChangeKind) -> ChangeKind:
    return ChangeKind.MERGED if kind is ChangeKind.SPLIT else ChangeKind.SPLIT


@pytest.mark.parametrize(
    ("name", "written", "edited"),
    [
        # 'Vajadusel' (when needed) lost: washing the bins is now a duty every day.
        (VILJANDI, VILJANDI_LINE, "Prügikastide tühjendamine, prahikottide vahetamine.\nPrügikastide pesemine."),
        # 'ja vaba' lost from the atmosphere the librarian creates.
        (SYG, SYG_PARAGRAPH, SYG_PARAGRAPH.replace(" ja vaba", "").replace(". K", ".\n\nK")),
    ],
)
def test_a_split_with_other_words_stays_substantive(name: str, written: str, edited: str) -> None:
    """The same cut with a word changed is a split of high impact, substantive, as every split was."""
    assert _structural(_doc(_text(name)), _edited(name, written, edited)) == [
        (ChangeKind.SPLIT, *(("8", "8, 9") if name == VILJANDI else ("3", "3, 4")), False, Impact.HIGH)
    ]


def test_numbered_duties_merged_with_the_same_words_stay_substantive() -> None:
    """Viljandi's librarian numbers its duties: '2.2. Kasvatab …' and '2.3. Äratab …' run into one 2.2, the
    later ones renumbered, is the author's new list (every later duty's number shifts), not a layout."""
    written = "2.2. Kasvatab austust raamatu vastu.\n2.3. Äratab lastes lugemishuvi.\n2.4. Komplekteerib"
    edited = "2.2. Kasvatab austust raamatu vastu. Äratab lastes lugemishuvi.\n2.3. Komplekteerib"
    name = "viljandi_kesklinna_kool_raamatukoguhoidja"
    assert _structural(_doc(_text(name)), _edited(name, written, edited)) == [
        (ChangeKind.MERGED, "2.2, 2.3", "2.2", False, Impact.HIGH)
    ]


def test_only_the_documents_that_number_no_duty_are_unnumbered() -> None:
    """Of every fixture document, those whose duties carry no written number: a duty a line (Viljandi's
    cleaner), a duty a paragraph (SÜG, Toila). Numbered ones, OCR'd ones ('2.l.') and bullets under a
    numbered duty are not."""
    unnumbered = {
        name
        for name, path in layouts.DOCUMENTS.items()
        if any(unnumbered_duties(d) for d in parse_source(read_bytes(path.read_bytes(), path.name, ".txt")))
    }
    assert unnumbered == {VILJANDI, SYG, "toila_gumnaasium_pikapaevaruhma_kasvataja"}
