"""tools/noise_table.py counts the revisions of a redline per author and kind: held against a hand-made
redline whose revisions can be counted by reading it, and against ajdiff's redline of a tiny pair."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from collections import Counter
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("noise_table", ROOT / "tools" / "noise_table.py")
assert _spec is not None and _spec.loader is not None
noise_table = importlib.util.module_from_spec(_spec)
sys.modules["noise_table"] = noise_table
_spec.loader.exec_module(noise_table)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rev(tag: str, rid: int, author: str, inner: str = "") -> str:
    return f'<w:{tag} w:id="{rid}" w:author="{author}" w:date="2025-01-31T12:00:00Z">{inner}</w:{tag}>'


# By reading: Anu inserts a word, deletes a word, inserts a paragraph mark, inserts a table row and makes a
# run bold (ins 3, del 1, rPrChange 1); Priit moves a paragraph (its two ends, moveFrom 1, moveTo 1, and
# the range markers that are no revision), deletes a paragraph mark and changes a paragraph's
# alignment (del 1, pPrChange 1).
HAND_MADE = f"""<w:document xmlns:w="{W}"><w:body>
<w:p><w:pPr><w:rPr>{_rev("ins", 1, "Anu")}</w:rPr></w:pPr>
  <w:r><w:t>Jääb </w:t></w:r>{_rev("ins", 2, "Anu", "<w:r><w:t>uus </w:t></w:r>")}
  {_rev("del", 3, "Anu", "<w:r><w:delText>vana</w:delText></w:r>")}
  <w:r><w:rPr><w:b/>{_rev("rPrChange", 4, "Anu", "<w:rPr/>")}</w:rPr><w:t>rasvane</w:t></w:r></w:p>
<w:p><w:moveFromRangeStart w:id="5" w:author="Priit" w:date="2025-01-31T12:00:00Z" w:name="move1"/>
  {_rev("moveFrom", 6, "Priit", "<w:r><w:t>Tõstetud lõik</w:t></w:r>")}<w:moveFromRangeEnd w:id="5"/></w:p>
<w:p><w:pPr><w:jc w:val="center"/>{_rev("pPrChange", 7, "Priit", "<w:pPr/>")}<w:rPr>{_rev("del", 8, "Priit")}</w:rPr></w:pPr>
  <w:r><w:t>Keskel</w:t></w:r></w:p>
<w:p><w:moveToRangeStart w:id="9" w:author="Priit" w:date="2025-01-31T12:00:00Z" w:name="move1"/>
  {_rev("moveTo", 10, "Priit", "<w:r><w:t>Tõstetud lõik</w:t></w:r>")}<w:moveToRangeEnd w:id="9"/></w:p>
<w:tbl><w:tr><w:trPr>{_rev("ins", 11, "Anu")}</w:trPr><w:tc><w:p><w:r><w:t>Rida</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:sectPr/></w:body></w:document>"""


def _docx(document_xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("word/document.xml", document_xml)
    return out.getvalue()


def test_revisions_are_counted_per_author_and_kind_as_they_stand_in_the_xml() -> None:
    counts = noise_table.count_revisions(_docx(HAND_MADE))
    assert counts == {
        "Anu": Counter({"ins": 3, "del": 1, "rPrChange": 1}),
        "Priit": Counter({"moveFrom": 1, "moveTo": 1, "del": 1, "pPrChange": 1}),
    }
    assert noise_table.cell(counts["Anu"]) == "5 = 3 + 1 + 0 + 1"
    assert noise_table.cell(counts["Priit"]) == "4 = 0 + 1 + 2 + 1"


def _job(path: Path, duty: str) -> None:
    document = docx.Document()
    for line in (
        "AMETIJUHEND",
        "Teenistuskoht: Ekspert",
        "Struktuuriüksus: Kriisivalmiduse osakond",
        "2. Peamised teenistusülesanded",
        "2.1. Kriisiplaanide koostamine ja ajakohastamine.",
        duty,
        "3. Teenistuskoha täitjale esitatavad nõuded",
        "Haridus: kõrgharidus",
    ):
        document.add_paragraph(line)
    document.save(str(path))


def test_ajdiffs_redline_of_a_one_word_change_counts_one_deletion_and_one_insertion(tmp_path: Path) -> None:
    """'koolituste korraldamine' → 'õppuste korraldamine': one word out, one word in, by the main author."""
    _job(tmp_path / "old.docx", "2.2. Koolituste korraldamine ameti teenistujatele.")
    _job(tmp_path / "new.docx", "2.2. Õppuste korraldamine ameti teenistujatele.")
    counts = noise_table.count_revisions(noise_table.ajdiff_redline(tmp_path / "old.docx", tmp_path / "new.docx"))
    assert counts == {"ajdiff": Counter({"del": 1, "ins": 1})}
