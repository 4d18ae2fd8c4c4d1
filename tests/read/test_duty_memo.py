"""The duties reader's memo (`content._kept_duties`): a duty read again, as two versions of a post repeat most of
their duties, is the duty read afresh: at the document's own lines, with its own number and first line when one was
added above it, and read afresh where its first line holds more than the task; a long duty is never kept."""

from __future__ import annotations

from dataclasses import replace
from itertools import repeat
from operator import add, attrgetter, is_
from pathlib import Path

import pytest

from ajdiff.model import JobDescription
from ajdiff.read import content, structure
from ajdiff.read.formats import read_bytes
from ajdiff.read.lines import Numbering
from ajdiff.read.parse import parse_source, read_documents
from ajdiff.text import ends_sentence
from ajdiff.tree import Node, Origin, line_origin
from tests.conftest import FIXTURES, SEEDS

EXTERNAL = FIXTURES / "external"


def _afresh(read: list[JobDescription] | None = None, path: Path | None = None, text: str = "") -> list[JobDescription]:
    structure._kept.clear()
    content._kept_duties.clear()
    return read_documents(path) if path is not None else _text(text)


def _text(text: str) -> list[JobDescription]:
    return parse_source(read_bytes(text.encode(), "duties.txt", ".txt"))


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The numbers of the duties read, not remembered."""
    read: list[str | None] = []
    reading = content._read_duty

    def counting(lines: list[content.Line], *args: object) -> Node:
        read.append(lines[0].num.number if lines[0].num else None)
        return reading(lines, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(content, "_read_duty", counting)
    monkeypatch.setattr(content, "_kept_duties", {})
    monkeypatch.setattr(structure, "_kept", {})
    return read


def test_remembered_duties_are_the_duties_read_afresh(counted: list[str | None]) -> None:
    """Every seed (text, Word, PDF) and external document read one after another, each duty remembered from the
    documents before where they repeat it, is the document read with nothing remembered."""
    paths = [
        *(seed.with_suffix(suffix) for suffix in (".txt", ".docx", ".pdf") for seed in SEEDS.values()),
        *sorted(EXTERNAL.glob("**/*.txt")),
    ]
    remembered = [read_documents(path) for path in paths]
    asked = len(counted)
    assert remembered == [_afresh(path=path) for path in paths]
    assert asked < len(counted) - asked  # the seeds' orders repeat duties across their formats: those were remembered


_HEAD = "AMETIJUHEND\n1. Üldosa\nTeenistuskoht Jurist\n2. Peamised teenistusülesanded Oodatavad tulemused\n"
_TAIL = "3. Teenistuskoha täitjale esitatavad nõuded\nHaridus Kõrgharidus.\n"
_DUTIES = [
    ("Lepingute koostamine ja", "läbivaatamine.", "Lepingud on koostatud õigeaegselt.", "• Riskid on hinnatud."),
    ("Nõustamine õigusküsimustes.", "Juht on nõustatud.", "", "Teenistujad on nõustatud."),
    ("Menetluste läbiviimine | Menetlused on läbi viidud.", "Otsused on tehtud.", "• Kaebused on lahendatud;", "ja"),
    ("Aruannete koostamine:", "• kvartaliaruanne;", "• aastaaruanne.", "Aruanded on esitatud."),
]


def _document(duties: list[tuple[str, ...]]) -> str:
    lines = []
    for k, (task, *results) in enumerate(duties, start=1):
        lines += [f"2.{k}. {task}", *results]
    return _HEAD + "\n".join(lines) + "\n" + _TAIL


def test_a_duty_renumbered_and_moved_down_is_remembered_at_its_own_lines_with_its_own_number(
    counted: list[str | None],
) -> None:
    """A duty added first: the others are remembered, renumbered and lower, as they read afresh, but the one whose
    first line holds a result after a cell separator, which is read again."""
    [before] = _text(_document(_DUTIES))
    read = len(counted)
    added = ("Uue ülesande täitmine.", "", "Ülesanne on täidetud.")
    [after] = _text(_document([added, *_DUTIES]))
    assert counted[read:] == ["2.1", "2.4"]  # the new duty, and the one with '|' on its first line
    assert [after] == _afresh(text=_document([added, *_DUTIES]))
    [duties] = [s for s in after.sections if s.key == "duties"]
    [duties_before] = [s for s in before.sections if s.key == "duties"]
    for node, was in zip(duties.children[1:], duties_before.children):
        assert was.number is not None and node.number == f"2.{int(was.number[2:]) + 1}"
        assert node.verbatim.split("\n")[1:] == was.verbatim.split("\n")[1:]
        for one, other in zip(node.walk(), was.walk()):
            if other.where is None:  # a result split off its task (`_finish`): no line of its own
                assert one.where is None
            else:
                assert one.where is not None and other.where.line is not None
                assert one.where.line == other.where.line + 3


def test_a_duty_read_otherwise_is_not_remembered(counted: list[str | None]) -> None:
    """The same duty with a blank line between its lines, without its bullet, or a result unfinished, is read again."""
    text = _document(_DUTIES)
    _text(text)
    read = len(counted)
    for variant in (
        text.replace("läbivaatamine.\n", "läbivaatamine.\n\n"),
        text.replace("• Riskid", "Riskid"),
        text.replace("Juht on nõustatud.", "Juht on nõustatud"),
    ):
        assert _text(variant) == _afresh(text=variant)
        assert len(counted) - read >= 2  # the duty changed, read when remembered and again afresh
        read = len(counted)


def test_a_long_duty_is_read_afresh_and_never_kept(counted: list[str | None]) -> None:
    """A duty of more characters than `_DUTY_CHARS` is read each time it is asked, and the memo keeps shorter ones."""
    result = "Õigusaktide eelnõud on koostatud ja kooskõlastatud õigeaegselt ning nõuetekohaselt. " * 40
    long = ("Eelnõude koostamine.", *[result] * 4)
    text = _document([long, *_DUTIES])
    assert len(result) * 4 > content._DUTY_CHARS
    assert _text(text) == _text(text)
    assert counted.count("2.1") == 2 and counted.count("2.2") == 1
    assert content._kept_duties
    assert all(
        sum(len(line.verbatim) for line in lines) <= content._DUTY_CHARS for lines, _ in content._kept_duties.values()
    )


def test_the_memo_holds_at_most_its_bound(counted: list[str | None], monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for three duties, documents read twice over leave three in the memo, each read as afresh."""
    monkeypatch.setattr(content, "_DUTIES_KEPT", 3)
    texts = [_document(_DUTIES[k:] + _DUTIES[:k]) for k in range(len(_DUTIES))]
    afresh = [_afresh(text=text) for text in texts]
    content._kept_duties.clear()
    for _ in range(2):
        for text, read in zip(texts, afresh):
            assert _text(text) == read
            assert len(content._kept_duties) <= 3
    assert len(content._kept_duties) == 3


def _shift_by_getters(was: tuple[content.Line, ...], lines: list[content.Line]) -> int | None:
    """`content._shift` as it was before its loops: getters mapped over the lines, their lists compared whole."""
    read, origin, at = attrgetter("text", "verbatim", "bullet", "num"), attrgetter("origin"), attrgetter("line")
    if len(was) != len(lines) or ends_sentence(was[0].text) != ends_sentence(lines[0].text):
        return None
    if list(map(read, lines[1:])) != list(map(read, was[1:])):
        return None
    where, where_was = list(map(origin, lines)), list(map(origin, was))
    if where == where_was:
        return 0
    ats_was = list(map(at, where_was))
    if where[0].line is None or None in ats_was:
        return None
    by = where[0].line - ats_was[0]
    if not all(map(is_, where_was, map(line_origin, ats_was))):
        return None
    return by if all(map(is_, where, map(line_origin, map(add, ats_was, repeat(by))))) else None


def test_a_duty_is_found_moved_as_by_the_getters() -> None:
    """`_shift`'s loops over the lines answer as the getters mapped over them did, for lines alike, moved, read
    otherwise (a text, a verbatim, a bullet or a number of a later line), at places that are no shared text line, or
    moved unevenly."""
    number = Numbering("2.1", 2, "decimal", "Ülesanne.", (2, 1))
    texts = ("2.1. Ülesanne.", "Tulemus on saavutatud.", "Teine tulemus.")

    def duty(places: list[Origin], changed: int = 0, field: str = "") -> list[content.Line]:
        lines = [content.Line(text, text, where) for text, where in zip(texts, places)]
        lines[0] = replace(lines[0], num=number)
        if field:
            line = lines[changed]
            values = {"text": "Muu.", "verbatim": "Muu.", "bullet": True, "num": None if changed == 0 else number}
            lines[changed] = replace(line, **{field: values[field]})
        return lines

    def at(*lines: int) -> list[Origin]:
        return [line_origin(n) for n in lines]

    places = [at(5, 6, 7), at(8, 9, 10), at(2, 3, 4), at(8, 9, 11), [Origin(line=n) for n in (5, 6, 7)]]
    places += [[Origin(line=n) for n in (8, 9, 10)], [Origin(paragraph=n) for n in (5, 6, 7)], at(5, 6)]
    variants = [duty(where) for where in places]
    variants += [duty(at(8, 9, 10), k, field) for k in (0, 2) for field in ("text", "verbatim", "bullet", "num")]
    answers = set()
    for was in variants:
        for lines in variants:
            answers.add(content._shift(tuple(was), lines))
            assert content._shift(tuple(was), lines) == _shift_by_getters(tuple(was), lines)
    assert answers >= {None, 0, 3, -3}
