"""The summary page's rows: the field and, for a language, the language; the changed words struck and bold
with a few words around them; a move from where to where; the order's own changes as rows of their own."""

from __future__ import annotations

import re
from pathlib import Path

from ajdiff.api import compare_files
from ajdiff.changes import ComparisonSet
from ajdiff.redline.oxml import qn
from tests.redline.support import SEED, orders_result, real_result, redline
from tests.redline.test_redline import _text_paragraphs
from tests.redline.views import document_xml


def _rows(result: ComparisonSet, **options: object) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Each change row of the summary: its name, what happened, and its words' runs as (text, look) with
    look 'struck', 'bold' or ''."""
    body = document_xml(redline(result, **options)).find(qn("w:body"))
    assert body is not None
    rows = []
    for tr in body[0].iter(qn("w:tr")):
        cells = tr.findall(qn("w:tc"))
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            continue
        runs = []
        for r in cells[2].iter(qn("w:r")):
            look = "struck" if r.find(f"{qn('w:rPr')}/{qn('w:strike')}") is not None else ""
            look = "bold" if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None else look
            runs.append(("".join(t.text or "" for t in r.iter(qn("w:t"))), look))
        name, what = ("".join(c.itertext()) for c in cells[:2])
        rows.append((name, what, runs))
    return rows


def _text(runs: list[tuple[str, str]], look: str) -> str:
    return " ".join(text.strip() for text, how in runs if how == look)


def test_a_language_row_names_the_language() -> None:
    names = {name for name, _, _ in _rows(real_result("002-000L7"))}
    assert {"Keeleoskus (inglise)", "Keeleoskus (võõrkeel)"} <= names
    assert "Keeleoskus" not in names
    english = {name for name, _, _ in _rows(real_result("002-000L7"), lang="en")}
    assert "Languages (English)" in english


def test_the_changed_words_are_struck_and_bold_with_a_few_words_around() -> None:
    rows = {name: (what, runs) for name, what, runs in _rows(real_result("001-000L2"))}
    _, duty = rows["Ülesanne 2.12"]
    assert _text(duty, "struck") == "antud täitmine"
    assert _text(duty, "bold") == "teostamine"
    plain = "".join(text for text, _ in duty)
    assert plain.startswith("Vahetu juhi ") and plain.endswith(" …")
    assert "−" not in plain and "—" not in plain
    # Words only added: bold, nothing struck, no empty old side.
    added = [runs for name, what, runs in _rows(real_result("001-000L2")) if what == "lisandus"]
    assert added and all(_text(runs, "struck") == "" and _text(runs, "bold") for runs in added)
    assert all("—" not in text for runs in added for text, _ in runs)
    years = next(runs for name, _, runs in _rows(real_result("002-000L7")) if name == "Töökogemus (aastat)")
    assert (_text(years, "struck"), _text(years, "bold")) == ("2", "3")


def test_a_moved_duty_says_from_where_to_where(tmp_path: Path) -> None:
    """Duty 2.3 moved below 2.6, the duties renumbered: one row, 'tõsteti ümber 2.3 → 2.6'."""
    lines = [line for line in _text_paragraphs(SEED["000"], "2") if line.strip()]
    starts = {m.group(1): k for k, line in enumerate(lines) if (m := re.match(r"(2\.\d+)\. ", line))}
    moved = lines[starts["2.3"] : starts["2.4"]]
    rest = lines[: starts["2.3"]] + lines[starts["2.4"] :]
    at = rest.index(lines[starts["2.7"]])
    new, n = [], 0
    for line in rest[:at] + moved + rest[at:]:
        m = re.match(r"2\.\d+\.(.*)", line)
        n += bool(m)
        new.append(f"2.{n}.{m.group(1)}" if m else line)
    (tmp_path / "old.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "new.txt").write_text("\n".join(new), encoding="utf-8")
    rows = _rows(compare_files(tmp_path / "old.txt", tmp_path / "new.txt"))
    (name, what, runs), *others = rows
    assert others == []
    assert name == "Ülesanne 2.6" and what.startswith("tõsteti ümber 2.3 → 2.6")
    assert _text(runs, "struck") == _text(runs, "bold") == ""
    assert "".join(t for t, _ in runs).startswith(moved[0].split(" ", 1)[1][:30])


def test_the_orders_own_changes_are_rows_of_their_own() -> None:
    body = document_xml(redline(orders_result())).find(qn("w:body"))
    assert body is not None
    headings = ["".join(p.itertext()) for p in body[0].iter(qn("w:p")) if p.find(f".//{qn('w:pStyle')}") is not None]
    assert "Käskkiri" in headings
    names = [name for name, _, _ in _rows(orders_result())]
    for field in ("Kinnitatavad ametijuhendid", "Kehtetuks tunnistatakse", "Jõustumine"):
        assert field in names
    effective = next(runs for name, _, runs in _rows(orders_result()) if name == "Jõustumine")
    assert "jaanuarist" in _text(effective, "bold") and "jaanuaril" in _text(effective, "struck")
