"""The CSV report: a row per change, read back by Python's csv module and by LibreOffice Calc."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from ajdiff.api import compare_files
from ajdiff.changes import ComparisonSet
from ajdiff.cli import main
from ajdiff.render.csv import BOM, diff_csv
from ajdiff.render.json import diff_json
from ajdiff.words import word
from tests.benchmarks.synth import load_template, write_agency
from tests.conftest import SEEDS

LETTERS = "õäöüšžÕÄÖÜŠŽ"
"""Every letter of Estonian that is not in ASCII."""
FORMULA = '=HYPERLINK("https://example.invalid/","klikk")'
"""A document's words that a spreadsheet would run as a formula (a live link) if the CSV let it."""


def _rows(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(BOM), newline="")))


def _orders() -> ComparisonSet:
    return compare_files(SEEDS["000"], SEEDS["003"], pair=["1=1", "2=4"])


def test_a_row_per_change_with_the_json_reports_words() -> None:
    result = _orders()
    text = diff_csv(result, lang="en")
    header, *rows = _rows(text)
    assert header == [
        "old file", "old annex", "new file", "new annex", "post", "path",
        "label", "kind", "impact", "editorial", "old text", "new text",
    ]  # fmt: skip
    assert all(len(r) == 12 for r in rows)
    # RFC 4180: CRLF ends every record; a line break inside a field is quoted.
    assert text.count("\r\n") >= len(rows) + 1 and "\r\n\r\n" not in text
    data = json.loads(diff_json(result, lang="en"))
    expected: Counter[tuple[str, ...]] = Counter()
    for pair in data["pairs"]:
        for c in pair["changes"]:
            where = (pair["old"]["annex"], pair["new"]["annex"], pair["new"]["position"])
            flags = (c["kind"], c["impact"], "yes" if c["editorial"] else "no")
            expected[(*where, c["path"], c["label"], *flags, c["old"] or "", c["new"] or "")] += 1
    for c in data["order_changes"]:
        flags = (c["kind"], c["impact"], "yes" if c["editorial"] else "no")
        expected[("", "", "", c["path"], c["label"], *flags, c["old"] or "", c["new"] or "")] += 1
    kinds = {"post created", "post abolished"}
    shown = Counter((r[1], r[3], r[4], *r[5:]) for r in rows if r[7] not in kinds)
    assert shown == expected
    created = [r for r in rows if r[7] == "post created"]
    abolished = [r for r in rows if r[7] == "post abolished"]
    assert (len(created), len(abolished)) == (9, 5)
    for row, doc in zip(created, result.unpaired_new):
        assert row[:4] == ["", "", doc.source, doc.annex] and row[4] == doc.general.position and row[10] == ""
        assert all(d.task in row[11] for d in doc.duties)  # the whole text of the post
    for row, doc in zip(abolished, result.unpaired_old):
        assert row[:4] == [doc.source, doc.annex, "", ""] and row[11] == ""
        assert all(d.task in row[10] for d in doc.duties)


def _lettered(tmp_path: Path) -> Path:
    """Seed 001 with a duty that holds every Estonian letter, and a comma, a quote and a line break."""
    text = SEEDS["001"].read_text(encoding="utf-8")
    text = text.replace("2.1. Riigi, partnerasutuste", f'2.1. Riigi "{LETTERS}" partnerasutuste')
    text = text.replace("Eritingimused Eritingimused määratakse", f"Eritingimused {FORMULA} määratakse")
    new = tmp_path / "tähed.txt"
    new.write_text(text, encoding="utf-8")
    return new


def test_standard_output_is_utf8_with_a_bom_whatever_the_locale(tmp_path: Path) -> None:
    new = _lettered(tmp_path)
    argv = [sys.executable, "-m", "ajdiff", "diff", str(SEEDS["001"]), str(new), "--format", "csv"]
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
    out = subprocess.run(argv, capture_output=True, env=env, check=False)
    assert out.returncode == 1, out.stderr
    assert out.stdout.startswith(b"\xef\xbb\xbf")
    target = tmp_path / "out.csv"
    assert subprocess.run([*argv, "-o", str(target)], env=env, check=False).returncode == 1
    assert target.read_bytes() == out.stdout
    rows = _rows(out.stdout.decode("utf-8"))
    (duty,) = [r for r in rows if r[5] == "duties.2.1"]
    assert LETTERS in duty[11] and f'"{LETTERS}"' in duty[11]
    (special,) = [r for r in rows if r[5] == "general.special_conditions"]
    assert special[11].startswith("'" + FORMULA)  # OWASP: a leading apostrophe, so no spreadsheet runs it


def test_a_folder_is_streamed_pair_by_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each pair's rows are on standard output as soon as the pair is compared, before the next one."""
    agency = write_agency(load_template(), tmp_path, 12, seed=3)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", out)
    import ajdiff.api

    real = ajdiff.api.compare_files
    written: list[int] = []

    def watched(*args: object, on_pair: object = None, **kwargs: object) -> ComparisonSet:
        def seen(pair: object) -> None:
            on_pair(pair)  # type: ignore[operator]
            written.append(len(out.buffer.getvalue()))  # type: ignore[attr-defined]

        return real(*args, on_pair=seen, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ajdiff.api, "compare_files", watched)
    assert main(["diff", str(agency.old_dir), str(agency.new_dir), "--format", "csv"]) == 1
    data = out.buffer.getvalue()  # type: ignore[attr-defined]
    assert len(written) > 5 and written == sorted(written) and written[0] > len(BOM.encode()) + 100
    assert len(set(written)) > 5 and data.startswith(BOM.encode())


def test_quiet_writes_nothing(capsysbinary) -> None:
    assert main(["diff", str(SEEDS["001"]), str(SEEDS["000"]), "--new-annex", "2", "--format", "csv", "-q"]) == 1
    assert capsysbinary.readouterr().out == b""


def _have_calc() -> bool:
    if not shutil.which("soffice"):
        return False
    # Calc's CSV import lives in the calc module: without it soffice cannot open a .csv as a sheet.
    return any(Path(p).exists() for p in ("/usr/lib/libreoffice/program/libsclo.so",))


def test_libreoffice_calc_reads_every_estonian_letter(tmp_path: Path) -> None:
    """Calc opens the CSV as UTF-8 (as its import dialog does, the BOM telling), saves it as .xlsx, and that
    back as CSV: every cell, every letter, the BOM not in the first cell."""
    if not _have_calc():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice Calc (libreoffice-calc-nogui) is required in CI")
        pytest.skip("LibreOffice Calc is not installed here")
    result = compare_files(SEEDS["001"], _lettered(tmp_path))
    source = tmp_path / "report.csv"
    source.write_bytes(diff_csv(result).encode("utf-8"))
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    for target, given, filters in (
        ("xlsx", source, ["--infilter=CSV:44,34,76,1"]),
        ("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false", tmp_path / "xlsx" / "report.xlsx", []),
    ):
        out_dir = tmp_path / ("xlsx" if target == "xlsx" else "back")
        subprocess.run(
            ["soffice", "--headless", "--norestore", profile, *filters,
             "--convert-to", target, "--outdir", str(out_dir), str(given)],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
    import zipfile

    with zipfile.ZipFile(tmp_path / "xlsx" / "report.xlsx") as sheet:  # the spreadsheet itself has the letters
        assert LETTERS in sheet.read("xl/sharedStrings.xml").decode("utf-8")
        cells = sheet.read("xl/worksheets/sheet1.xml").decode("utf-8")
        assert "<f" not in cells and "HYPERLINK" not in cells  # the document's formula is text, not a formula
    back = (tmp_path / "back" / "report.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(back.removeprefix(BOM), newline="")))
    assert rows == _rows(diff_csv(result))
    assert rows[0][4] == word("csv.post") and any(LETTERS in cell for row in rows for cell in row)


def test_a_folder_of_real_documents_row_by_row(tmp_path: Path, capsysbinary) -> None:
    from tests.render.test_html import external_folders

    old, new = external_folders(tmp_path)
    result = compare_files(old, new)
    assert main(["diff", str(old), str(new), "--format", "csv", "--lang", "en"]) == 1
    header, *rows = _rows(capsysbinary.readouterr().out.decode("utf-8"))
    assert header[7] == "kind" and all(len(r) == len(header) for r in rows)
    kinds = Counter(r[7] for r in rows)
    assert kinds["post created"] == len(result.unpaired_new) and kinds["post abolished"] == len(result.unpaired_old)
    assert len(rows) == sum(len(p.changes) for p in result.pairs) + len(result.unpaired_new) + len(result.unpaired_old)
    by_pair = Counter((r[0], r[2]) for r in rows if r[7] not in ("post created", "post abolished"))
    assert by_pair == Counter({(p.old.source, p.new.source): len(p.changes) for p in result.pairs if p.changes})
