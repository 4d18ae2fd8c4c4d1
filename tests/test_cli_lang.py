"""`--lang` for every command: English throughout under en, Estonian throughout under et; JSON keeps
its machine keys (`path`, `kind`) in both and names each change in the language asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ajdiff.cli import main
from tests.conftest import SEEDS

ANNEX_001 = SEEDS["001"]  # Ekspert (kriisivalmidus)
ORDER_000 = SEEDS["000"]  # the order whose Lisa 2 is the next version of 001
ORDER_003 = SEEDS["003"]  # a later order: posts created and abolished
PAIR = [ANNEX_001, ORDER_000, "--new-annex", "2"]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """main(argv) with its exit status, stdout and stderr."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_show_in_english(capsys) -> None:
    code, out, _ = run(capsys, "show", ORDER_000, "--annex", "2", "--lang", "en")
    assert code == 0
    for needle in ("Annex 2 · Ekspert (kriisivalmidus)", "1. General", "Supervisor:", "2. Duties (", "Education:"):
        assert needle in out
    # The outline is ajdiff's words; the tree after it is the document's, as written.
    outline, tree = out.split("The document's structure (as written):")
    assert "Vahetu juht: Talituse juhataja  [general.supervisor]" in tree
    for estonian in ("Vahetu juht", "Üldosa", "Teenistusülesanded", "Lisa 2", "käskkiri", "Dokumendi ülesehitus"):
        assert estonian not in outline


def test_show_in_estonian(capsys) -> None:
    code, out, _ = run(capsys, "show", ORDER_000, "--annex", "2", "--lang", "et")
    assert code == 0
    for needle in ("Lisa 2 · Ekspert (kriisivalmidus)", "1. Üldosa", "Vahetu juht:", "2. Teenistusülesanded ("):
        assert needle in out
    assert "Dokumendi ülesehitus (nagu kirjutatud):" in out
    assert "Supervisor" not in out and "General" not in out


def test_show_an_order_in_english(capsys) -> None:
    _, out, _ = run(capsys, "show", ORDER_000, "--lang", "en")
    assert out.startswith("Order nr 164 (2024-11-15)")
    assert "  approves Annex 2: ekspert (kriisivalmidus)" in out and "kinnitab" not in out


def test_diff_text_in_both_languages(capsys) -> None:
    # The title holds the fixtures' absolute paths, so it wraps wherever the clone lives: read the
    # report as words, not lines.
    _, en, _ = run(capsys, "diff", *PAIR, "--lang", "en")
    en = " ".join(en.split())
    assert "Similarity 99% · 7 substantive changes (0 high impact) · 2 editorial" in en
    assert "Substitutes for" in en and "Duty 2.12 — modified" in en and "Annex 2 · " in en
    assert not {"Sarnasus", "Teenistuja asendab", "Ülesanne", "muudeti", "Lisa 2"} & set(_phrases(en))
    _, et, _ = run(capsys, "diff", *PAIR, "--lang", "et")
    et = " ".join(et.split())
    assert "Sarnasus 99% · 7 sisulist muudatust (neist 0 olulist) · 2 toimetuslikku" in et
    assert "Teenistuja asendab" in et and "Ülesanne 2.12 — muudeti" in et and "Lisa 2 · " in et


def _phrases(text: str) -> list[str]:
    """Every run of 1 to 3 words of the text, to ask whether a phrase is in it as words."""
    words = text.replace("—", " ").split()
    return [" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words))]


def test_diff_json_keeps_its_keys_and_labels_in_the_language(capsys) -> None:
    _, en_out, _ = run(capsys, "diff", *PAIR, "--format", "json", "--lang", "en")
    _, et_out, _ = run(capsys, "diff", *PAIR, "--format", "json", "--lang", "et")
    en, et = json.loads(en_out)["pairs"][0]["changes"], json.loads(et_out)["pairs"][0]["changes"]
    assert [(c["path"], c["kind"]) for c in en] == [(c["path"], c["kind"]) for c in et]
    labels = {c["path"]: (c["label"], d["label"]) for c, d in zip(et, en)}
    assert labels["general.substitutes_for"] == ("Teenistuja asendab", "Substitutes for")
    assert labels["duties.2.12"] == ("Ülesanne 2.12", "Duty 2.12")
    assert labels["requirements.education"] == ("Haridus", "Education")


def test_diff_jsonl_labels_in_the_language(capsys) -> None:
    _, out, _ = run(capsys, "diff", *PAIR, "--format", "jsonl", "--lang", "en")
    pair = json.loads(out.splitlines()[0])
    assert "Goal of the post" in {c["label"] for c in pair["changes"]}


def test_diff_markdown_in_both_languages(capsys) -> None:
    _, en, _ = run(capsys, "diff", *PAIR, "--format", "markdown", "--lang", "en")
    assert "| | Change | Old → New |" in en and "### General" in en and "| Substitutes for | added |" in en
    assert "Muudatus" not in en and "Üldosa" not in en
    _, et, _ = run(capsys, "diff", *PAIR, "--format", "markdown", "--lang", "et")
    assert "| | Muudatus | Vana → Uus |" in et and "### Üldosa" in et and "| Teenistuja asendab | lisandus |" in et


def test_diff_stat_in_both_languages(capsys) -> None:
    argv = ["diff", ORDER_003, ORDER_000, "--stat", "--pair", "1=1", "--pair", "4=2"]
    _, en, _ = run(capsys, *argv, "--lang", "en")
    assert " Annex 1 → Annex 1 · " in en and "2 pairs," in en and "posts created" in en and "Lisa" not in en
    _, et, _ = run(capsys, *argv, "--lang", "et")
    assert " Lisa 1 → Lisa 1 · " in et and "2 paari," in et and "uut ametikohta" in et


def test_errors_and_hints_in_the_language(capsys) -> None:
    _, _, en = run(capsys, "show", "missing.txt", "--lang", "en")
    assert (
        en
        == "ajdiff: missing.txt: no such file (check the name and the folder; 'ajdiff help' shows what ajdiff reads)\n"
    )
    _, _, et = run(capsys, "show", "missing.txt", "--lang", "et")
    assert et == "ajdiff: missing.txt: faili ei ole (kontrolli nime ja kausta; 'ajdiff help' ütleb, mida ajdiff loeb)\n"
    _, _, annex = run(capsys, "diff", ANNEX_001, ORDER_000, "--new-annex", "99", "--lang", "et")
    assert "lisa 99 ei ole (failis on lisad: " in annex


def test_warnings_on_stderr_follow_the_language(capsys, tmp_path: Path) -> None:
    bare = tmp_path / "bare.txt"  # no duties and no requirements: the reader warns
    bare.write_text("AMETIJUHEND\n1. Üldosa\nTeenistuskoht: Ekspert\nVahetu juht: Juhataja\n", encoding="utf-8")
    _, _, en = run(capsys, "diff", bare, bare, "--lang", "en")
    assert f"ajdiff: {bare}: warning: no duties section found\n" in en
    _, _, et = run(capsys, "diff", bare, bare, "--lang", "et")
    assert f"ajdiff: {bare}: hoiatus: teenistusülesannete osa ei leitud\n" in et


def test_redline_summary_in_english(tmp_path: Path) -> None:
    from tests.redline.views import flat_lines, summary

    for lang, annex, field in (("en", "Annex 2 · ", "Substitutes for"), ("et", "Lisa 2 · ", "Teenistuja asendab")):
        out = tmp_path / f"{lang}.docx"
        assert main(["redline", *map(str, PAIR), "-o", str(out), "--lang", lang]) == 0
        text = "\n".join(flat_lines(summary(out.read_bytes())))
        assert annex in text and field in text
    english = "\n".join(flat_lines(summary((tmp_path / "en.docx").read_bytes())))
    assert "Lisa 2" not in english and "Muudatuste" not in english
