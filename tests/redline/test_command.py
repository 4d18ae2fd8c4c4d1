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
from tests.redline.support import ORDER_PAIRS, SEED, norm, orders_result, paragraphs, real_pair
from tests.redline.views import Side, TableRow, document_xml, flat_lines, paragraph_lines, summary, view

PAIR_ARGS = [str(SEED["001"]), str(SEED["000"]), "--new-annex", "2"]
DATE_ARG = ["--date", "2025-01-31T12:00:00Z"]


def _run(tmp_path: Path, *extra: str, args: list[str] = PAIR_ARGS) -> tuple[int, Path]:
    out = tmp_path / "out.docx"
    # The summaries are read in Estonian, the documents' language, unless a test asks for English.
    lang = [] if "--lang" in extra else ["--lang", "et"]
    code = main(["redline", *args, "-o", str(out), *DATE_ARG, *lang, *extra])
    return code, out


def test_writes_a_redline_and_exits_0_when_written(tmp_path: Path) -> None:
    code, out = _run(tmp_path)
    assert code == 0  # a redline written is a success, whatever it shows (`redline … && next` goes on)
    assert norm(paragraph_lines(view(out.read_bytes(), Side.ACCEPT))) == norm(paragraphs("000", "2"))


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
    return "\n".join(flat_lines(summary(path.read_bytes())))


def test_summary_in_estonian_and_english(tmp_path: Path) -> None:
    _, out = _run(tmp_path)
    et = _summary_text(out)
    assert "Muudatuste kokkuvõte" in et
    for needle in ("Osa ja väli", "Muutunud sõnad (vana → uus)", "Teenistuja asendab", "Ülesanne 2.12", "Haridus"):
        assert needle in et
    out.unlink()
    _run(tmp_path, "--lang", "en")
    en = _summary_text(out)
    assert "Summary of changes" in en and "Muudatuste" not in en
    for needle in ("Section and field", "Changed words (old → new)", "Substitutes for", "Duty 2.12", "Education"):
        assert needle in en


def test_summary_shows_the_changed_words_never_cut_before_them(tmp_path: Path) -> None:
    """Each row's two sides hold the words that differ, with a few words around them."""
    _, out = _run(tmp_path)
    rows = [r for r in summary(out.read_bytes()) if isinstance(r, TableRow)][1:]
    words = {(r.cells[0][0], "\n".join(r.cells[2])) for r in rows}
    duty = next(w for title, w in words if title == "Ülesanne 2.12")
    # One line, as a redline reads: the words around, 'antud' and 'täitmine' struck, 'teostamine' in bold.
    assert duty.startswith("Vahetu juhi antud ühekordsete ülesannete täitmine teostamine")
    education = next(w for title, w in words if title == "Haridus")
    assert "soovitavalt" in education and "soovituslikult" in education
    # No internal keys or folded names: the field names as the documents write them.
    assert not any("_" in title or "toovahendid" in title for title, _ in words)


def test_summary_lists_only_substantive_changes(tmp_path: Path) -> None:
    _, out = _run(tmp_path)
    rows = [r for r in summary(out.read_bytes()) if isinstance(r, TableRow)]
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
                 "--review", str(review), *DATE_ARG, "--lang", "et"])  # fmt: skip
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
    # The comment on the duty sits on its row of the summary, next to the reworded words.
    row = next(tr for tr in root.iter(qn("w:tr")) if list(tr.iter(qn("w:commentRangeStart"))))
    assert "teostamine" in "".join(row.itertext())
    text = _summary_text(tmp_path / "r.docx")
    assert "[Küsimus] Miks muudeti?" in text and "[Kinnitatud]" in text


def test_missing_review_file_is_an_input_error(tmp_path: Path) -> None:
    code, out = _run(tmp_path, "--review", str(tmp_path / "nope.json"))
    assert code == 2 and not out.exists()


def test_two_orders_give_every_paired_annex_and_posts_created_or_abolished(tmp_path: Path) -> None:
    pairs = [arg for spec in ORDER_PAIRS for arg in ("--pair", spec)]
    code, out = _run(tmp_path, *pairs, args=[str(SEED["000"]), str(SEED["003"])])
    assert code == 0
    data = out.read_bytes()
    assert norm(paragraph_lines(view(data, Side.ACCEPT))) == norm(paragraphs("003"))
    assert norm(paragraph_lines(view(data, Side.REJECT))) == norm(paragraphs("000"))
    text = _summary_text(out)
    result = orders_result()
    assert result.unpaired_new and result.unpaired_old, "the two seed orders differ in posts"
    assert "Loodud ametikohad" in text and "Kaotatud ametikohad" in text
    for doc in (*result.unpaired_new, *result.unpaired_old):
        assert doc.label in text
    # By annex number (Lisa 2 before Lisa 10); never a file's path.
    lines = text.splitlines()
    for header in ("Loodud ametikohad", "Kaotatud ametikohad"):
        start = next(k for k, line in enumerate(lines) if line.startswith(header)) + 1
        listed = []
        for line in lines[start:]:
            if not line.startswith("Lisa "):
                break
            listed.append(int(line.split()[1]))
        assert listed and listed == sorted(listed)
    assert "fixtures" not in text


def test_import_ajdiff_and_the_command_module_do_not_load_docx() -> None:
    code = "import sys, ajdiff, ajdiff.cli, ajdiff.cli.redline; ajdiff.cli.build_parser(); " \
        "print('docx' in sys.modules, 'lxml.etree' in sys.modules)"  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == "False"


def test_the_command_on_word_files_loads_no_inspect(tmp_path: Path) -> None:
    """lxml.etree takes `inspect.getfullargspec` at its import, for parser targets ajdiff never gives it: the
    program's stand-in hands it a caller of the real one, so a redline of two Word files does not load inspect
    (with ast, dis and tokenize, a twentieth of the command); the caller still reaches the real function."""
    script = (
        "import sys\n"
        "from ajdiff.cli import entry\n"
        "code = entry()\n"
        "loaded = [m for m in ('ast', 'dis', 'tokenize') if m in sys.modules]\n"
        "real = 'signature' in vars(sys.modules['inspect'])\n"
        "from lxml import etree\n"
        "class Target:\n"
        "    def start(self, tag, attrib, nsmap=None): self.asked = nsmap is not None\n"
        "    def close(self): return self.asked\n"
        "asked = etree.fromstring('<a/>', etree.XMLParser(target=Target()))\n"
        "print(code, real, *loaded, '|', asked, 'signature' in vars(sys.modules['inspect']))\n"
    )
    old, new = (SEED[k].parent / SEED[k].name.replace(".txt", ".docx") for k in ("002", "001"))
    out = tmp_path / "r.docx"
    args = ["ajdiff", "redline", str(old), str(new), "-o", str(out)]
    done = subprocess.run([sys.executable, "-c", script, *args[1:]], capture_output=True, text=True, check=True)
    # lxml read the target's signature through the caller: it passes `nsmap` to a start that takes it.
    assert done.stdout.split() == ["0", "False", "|", "True", "True"]
    assert out.read_bytes()[:2] == b"PK"
