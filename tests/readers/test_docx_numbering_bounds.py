"""Word list numbering from hostile attributes: bounded labels, no internal error (issue 24, items 3 and 8)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ajdiff.read.formats import read_bytes
from ajdiff.read.formats.docx import _format_number
from tests.hostile.real_world import W_NS, make_zip

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def numbered_docx(level: str, *, override: str = "", paragraphs: int = 3, num_pr: str = "") -> bytes:
    """A package whose paragraphs are numbered by list 1, whose level 0 is `level` (inner XML of w:lvl
    with ilvl 0, or a whole w:lvl when it starts so), with an optional w:lvlOverride of list 1."""
    lvl = level if level.startswith("<w:lvl ") else f'<w:lvl w:ilvl="0">{level}</w:lvl>'
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{lvl}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{override}</w:num></w:numbering>'
    )
    num_pr = num_pr or '<w:ilvl w:val="0"/><w:numId w:val="1"/>'
    body = "".join(
        f"<w:p><w:pPr><w:numPr>{num_pr}</w:numPr></w:pPr><w:r><w:t>Ülesanne {k}.</w:t></w:r></w:p>"
        for k in range(paragraphs)
    )
    document = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    rels = (
        f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/numbering" '
        'Target="numbering.xml"/></Relationships>'
    )
    package = (
        f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    return make_zip({
        "_rels/.rels": package.encode(),
        "word/document.xml": document.encode(),
        "word/_rels/document.xml.rels": rels.encode(),
        "word/numbering.xml": numbering.encode(),
    })  # fmt: skip


def _labels(data: bytes) -> list[str]:
    return [line.split(" Ülesanne")[0] for line in read_bytes(data, "n.docx", ".docx").lines if line]


def _level(fmt: str, start: str) -> str:
    return f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/>'


def test_the_builder_numbers_as_word_does() -> None:
    """The crafted package is read like Word shows it: letters from the start value on."""
    assert _labels(numbered_docx(_level("lowerLetter", "3"))) == ["c)", "d)", "e)"]
    assert _labels(numbered_docx(_level("upperRoman", "4"))) == ["IV)", "V)", "VI)"]


def test_a_letter_label_of_a_huge_start_is_bounded() -> None:
    """Issue 24 (3): start 1,000,000,000 with lowerLetter built a 38-million-letter label per paragraph
    (813 MB from 4.9 KB); a letter label longer than a dozen letters is shown in digits."""
    labels = _labels(numbered_docx(_level("lowerLetter", "1000000000"), paragraphs=2))
    assert labels == ["1048576)", "1048577)"]  # the start is clamped to 2**20 too


def test_a_roman_label_of_a_huge_start_ends_at_once() -> None:
    """Issue 24 (3): lowerRoman with start 10^11 looped for minutes; it is refused in digits, in no time."""
    assert _labels(numbered_docx(_level("lowerRoman", "99999999"), paragraphs=2)) == ["1048576)", "1048577)"]
    assert _format_number(10**11, "lowerRoman") == str(10**11)  # no 10**8 "m"s are built on the way


@pytest.mark.parametrize(
    ("n", "fmt", "label"),
    [(1, "lowerLetter", "a"), (27, "upperLetter", "AA"), (26 * 12, "lowerLetter", "z" * 12),
     (26 * 12 + 1, "lowerLetter", "313"), (3999, "upperRoman", "MMMCMXCIX"), (3888, "lowerRoman", "3888"),
     (4000, "lowerRoman", "4000"), (0, "lowerRoman", "0"), (7, "decimalZero", "07")],
)  # fmt: skip
def test_labels_stay_short(n: int, fmt: str, label: str) -> None:
    """Letters and numerals up to a dozen characters as Word draws them, digits beyond."""
    assert _format_number(n, fmt) == label


@pytest.mark.parametrize(
    ("level", "override", "num_pr", "labels"),
    [
        (_level("decimal", "abc"), "", "", ["1)", "2)", "3)"]),
        (_level("decimal", "7" * 5000), "", "", ["1048576)", "1048577)", "1048578)"]),
        (_level("decimal", "-4"), "", "", ["0)", "1)", "2)"]),
        (_level("decimal", "2"), '<w:lvlOverride w:ilvl="x"><w:startOverride w:val="5"/></w:lvlOverride>', "",
         ["2)", "3)", "4)"]),
        (_level("decimal", "2"), '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="²"/></w:lvlOverride>', "",
         ["1)", "2)", "3)"]),
        (f'<w:lvl w:ilvl="²">{_level("decimal", "2")}</w:lvl>', "", "", ["Ülesanne 0.", "Ülesanne 1.", "Ülesanne 2."]),
        (_level("decimal", "2"), "", '<w:ilvl w:val="x"/><w:numId w:val="1"/>',
         ["Ülesanne 0.", "Ülesanne 1.", "Ülesanne 2."]),
        (_level("decimal", "2"), "", '<w:ilvl w:val="99999999999"/><w:numId w:val="1"/>',
         ["Ülesanne 0.", "Ülesanne 1.", "Ülesanne 2."]),
    ],
    ids=["start-abc", "start-5000-digits", "start-negative", "override-ilvl-x", "override-start-superscript",
         "level-ilvl-superscript", "paragraph-ilvl-x", "paragraph-ilvl-huge"],
)  # fmt: skip
def test_malformed_numbering_attributes_are_ignored(level: str, override: str, num_pr: str, labels: list[str]) -> None:
    """Issue 24 (8): `w:start="abc"`, a start of 5,000 digits, `w:ilvl="x"` or `"²"` gave
    `internal error: ValueError`; an unreadable number is the default, a huge one is clamped, an unknown
    level gives no label."""
    assert _labels(numbered_docx(level, override=override, num_pr=num_pr)) == labels


def test_a_long_label_pattern_gives_no_label() -> None:
    """A level text of 100 KB would be repeated on every paragraph: more than 64 characters is not a label."""
    level = '<w:numFmt w:val="decimal"/><w:lvlText w:val="' + "%1." * 30_000 + '"/>'
    assert _labels(numbered_docx(level)) == ["Ülesanne 0.", "Ülesanne 1.", "Ülesanne 2."]


def test_malformed_numbering_is_no_internal_error_on_the_command_line(tmp_path: Path) -> None:
    """Issue 24 (8): the CLI gave `internal error: ValueError` naming no file, also in folder runs."""
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "x.docx").write_bytes(numbered_docx(_level("lowerRoman", "x" * 5000)))
    result = subprocess.run(
        [sys.executable, "-m", "ajdiff", "diff", str(tmp_path / "a"), str(tmp_path / "b")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert all(line.startswith("ajdiff: ") for line in result.stderr.splitlines()), result.stderr
