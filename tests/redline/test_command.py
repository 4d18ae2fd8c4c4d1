"""`ajdiff redline`: arguments, exit codes, safe output, review comments, both languages, orders."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from ajdiff.cli import main
from ajdiff.redline.oxml import qn
from ajdiff.review import REVIEW_FORMAT
from tests.redline.support import SEED, real_pair, rendered
from tests.redline.views import Side, TableRow, document_xml, flat_lines, split_pages, view

PAIR_ARGS = [str(SEED["001"]), str(SEED["000"]), "--new-annex", "2"]
DATE_ARG = ["--date", "2025-01-31T12:00:00Z"]


def _run(tmp_path: Path, *extra: str, args: list[str] = PAIR_ARGS) -> tuple[int, Path]:
    out = tmp_path / "out.docx"
    code = main(["redline", *args, "-o", str(out), *DATE_ARG, *extra])
    return code, out


def test_writes_a_redline_and_exits_0_when_written(tmp_path: Path) -> None:
    code, out = _run(tmp_path)
    assert code == 0  # a redline written is a success, whatever it shows (`redline … && next` goes on)
    pages = split_pages(view(out.read_bytes(), Side.ACCEPT))
    assert pages[1] == rendered(real_pair("001-000L2").new)


def test_identical_inputs_exit_0(tmp_path: Path) -> None:
    code, out = _run(tmp_path, args=[str(SEED["001"]), str(SEED["001"])])
    assert code == 0
    assert out.exists()


def test_refuses_an_existing_output_without_force_and_keeps_it(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    assert main(["redline", *PAIR_ARGS, "-o", str(out)]) == 2
    assert out.read_bytes() == b"keep me"
    assert "already exists" in capsys.readouterr().err
    assert main(["redline", *PAIR_ARGS, "-o", str(out), "--force"]) == 0
    assert zipfile.is_zipfile(out)


def test_bad_input_leaves_no_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code, out = _run(tmp_path, args=[str(tmp_path / "missing.txt"), str(SEED["001"])])
    assert code == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err.startswith("ajdiff: ")


def test_output_must_be_docx_and_required(tmp_path: Path) -> None:
    assert main(["redline", *PAIR_ARGS, "-o", str(tmp_path / "out.pdf")]) == 2
    assert main(["redline", *PAIR_ARGS]) == 2


def test_author_and_date_are_written(tmp_path: Path) -> None:
    _, out = _run(tmp_path, "--author", "Jurist")
    root = document_xml(out.read_bytes())
    ins = root.find(f".//{qn('w:ins')}")
    assert ins is not None
    assert ins.get(qn("w:author")) == "Jurist"
    assert ins.get(qn("w:date")) == "2025-01-31T12:00:00Z"


def _summary_text(path: Path) -> str:
    return "\n".join(flat_lines(split_pages(view(path.read_bytes(), Side.ACCEPT))[0]))


def test_summary_in_estonian_and_english(tmp_path: Path) -> None:
    _, out = _run(tmp_path)
    et = _summary_text(out)
    assert "Muudatuste kokkuvõte" in et
    for needle in (
        "Mõju",
        "Mis muutus",
        "Vana → uus",
        "Teenistuja asendab",
        "soovituslikult",
        "Muudeti ülesannet 2.12",
    ):
        assert needle in et
    out.unlink()
    _run(tmp_path, "--lang", "en")
    en = _summary_text(out)
    assert "Summary of changes" in en and "Muudatuste" not in en
    for needle in ("Impact", "What changed", "Old → new", "Substitutes for", "Duty reworded 2.12"):
        assert needle in en


def test_summary_lists_only_substantive_changes(tmp_path: Path) -> None:
    _, out = _run(tmp_path)
    first = split_pages(view(out.read_bytes(), Side.ACCEPT))[0]
    rows = [r for r in first if isinstance(r, TableRow)]
    assert len(rows) == 1 + len(real_pair("001-000L2").substantive)


def test_review_comments_and_marks(tmp_path: Path) -> None:
    pair = real_pair("001-000L2")
    duty = next(c for c in pair.changes if c.path == "duties.2.12")
    education = next(c for c in pair.changes if c.path == "requirements.education")
    review = tmp_path / "review.json"
    entries = [
        {"pair": pair.key, "change": duty.key, "mark": "questioned", "comment": "Miks muudeti?"},
        {"pair": pair.key, "change": education.key, "mark": "approved", "comment": None},
    ]
    review.write_text(json.dumps({"format": REVIEW_FORMAT, "author": "Liit", "entries": entries}))
    # Sources are recorded as given on the command line; the review keys use the same form.
    code = main(["redline", str(SEED["001"]), str(SEED["000"]), "--new-annex", "2", "-o", str(tmp_path / "r.docx"),
                 "--review", str(review), *DATE_ARG])  # fmt: skip
    assert code == 0
    data = (tmp_path / "r.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        comments = etree.fromstring(zf.read("word/comments.xml"))
    texts = {"".join(c.itertext()): c.get(qn("w:author")) for c in comments.iter(qn("w:comment"))}
    assert texts == {"[Küsimus] Miks muudeti?": "Liit", "[Kinnitatud]": "Liit"}
    root = document_xml(data)
    starts = [el.get(qn("w:id")) for el in root.iter(qn("w:commentRangeStart"))]
    refs = [el.get(qn("w:id")) for el in root.iter(qn("w:commentReference"))]
    assert sorted(starts) == sorted(refs) and len(starts) == 2
    # The comment on the duty sits in its row, next to the reworded text.
    row = next(tr for tr in root.iter(qn("w:tr")) if list(tr.iter(qn("w:commentRangeStart"))))
    assert "teostamine" in "".join(row.itertext())
    summary = _summary_text(tmp_path / "r.docx")
    assert "Küsimus: Miks muudeti?" in summary and "Kinnitatud" in summary


def test_missing_review_file_is_an_input_error(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "--review", str(tmp_path / "nope.json"))
    assert code == 2 and not out.exists()


def test_two_orders_give_every_paired_annex_and_posts_created_or_abolished(tmp_path: Path) -> None:
    from ajdiff.api import compare_files

    result = compare_files(SEED["000"], SEED["003"])
    code, out = _run(tmp_path, "--editorial", "show", args=[str(SEED["000"]), str(SEED["003"])])
    assert code == 0
    accepted = split_pages(view(out.read_bytes(), Side.ACCEPT))
    rejected = split_pages(view(out.read_bytes(), Side.REJECT))
    assert len(accepted) == 1 + len(result.pairs)
    for k, pair in enumerate(result.pairs):
        assert accepted[k + 1] == rendered(pair.new)
        assert rejected[k + 1] == rendered(pair.old)
    summary = "\n".join(flat_lines(accepted[0]))
    if result.unpaired_new:
        assert "Loodud ametikohad" in summary
        assert all(d.label in summary for d in result.unpaired_new)
    if result.unpaired_old:
        assert "Kaotatud ametikohad" in summary
        assert all(d.label in summary for d in result.unpaired_old)
    assert result.unpaired_new or result.unpaired_old, "the two seed orders differ in posts"


def test_import_ajdiff_and_the_command_module_do_not_load_docx() -> None:
    code = "import sys, ajdiff, ajdiff.cli, ajdiff.cli.redline; ajdiff.cli.build_parser(); " \
        "print('docx' in sys.modules, 'lxml.etree' in sys.modules)"  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == "False"
