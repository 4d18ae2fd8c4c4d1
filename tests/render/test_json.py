"""The ajdiff/1 JSON contract of GUIDE.md §2: names, types and values."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ajdiff.api import compare_files
from ajdiff.render import json as json_render
from ajdiff.render.json import diff_json, diff_json_utf8, show_json
from tests.conftest import SEEDS, seed_docs

DOC_KEYS = {
    "source",
    "annex",
    "order",
    "general",
    "duties",
    "requirements",
    "rights",
    "responsibilities",
    "competencies",
    "review",
    "other",
    "warnings",
    "sections",
}
GENERAL_KEYS = {
    "position",
    "unit",
    "supervisor",
    "subordinates",
    "substitutes_for",
    "substituted_by",
    "goal",
    "group",
    "special_conditions",
}
CHANGE_KEYS = {"path", "kind", "old", "new", "editorial", "impact", "label", "old_number", "new_number", "spans"}
KINDS = {"added", "removed", "modified", "moved", "renumbered", "merged", "split", "raised", "lowered"}


def test_show_contract() -> None:
    data = json.loads(show_json(seed_docs("000")))
    assert data["format"] == "ajdiff/1"
    doc = data["documents"][1]
    assert set(doc) == DOC_KEYS and set(doc["general"]) == GENERAL_KEYS
    assert doc["annex"] == "2" and (doc["order"]["number"], doc["order"]["date"]) == ("164", "2024-11-15")
    # The order's own body, read from its first page (fixtures/000: "1.2. ekspert (kriisivalmidus) (lisa 2)").
    assert doc["order"]["title"] == "Ametijuhendite kinnitamine"
    assert {"annex": "2", "post": "ekspert (kriisivalmidus)"} in doc["order"]["annexes"]
    assert len(doc["order"]["annexes"]) == 7 and doc["order"]["effective"].startswith("Käskkiri jõustub 2025. aasta")
    assert doc["duties"][0]["number"] == "2.1" and isinstance(doc["duties"][0]["results"], list)
    req = doc["requirements"]
    assert req["languages"] == {"et": "C1", "foreign": "B1"} and req["experience_years"] == 3
    assert doc["general"]["subordinates"] == [] and doc["general"]["group"] == "Ametnik"


def test_diff_contract_on_a_real_pair() -> None:
    result = compare_files(SEEDS["001"], SEEDS["000"], new_annex="2")
    data = json.loads(diff_json(result))
    assert set(data) == {"format", "pairs", "unpaired_old", "unpaired_new", "order_changes", "notes", "warnings"}
    assert data["order_changes"] == []  # one side is a lone annex: no order body to compare
    assert data["notes"] == [] and data["warnings"] == []  # the annex was chosen: nothing to note
    (pair,) = data["pairs"]
    # The contract grows, never breaks: "pairing" (the pair's evidence) is null when the user gave both.
    assert set(pair) == {"old", "new", "similarity", "summary", "changes", "pairing"}
    assert pair["pairing"] is None
    assert pair["new"] == {
        "source": str(SEEDS["000"]),
        "annex": "2",
        "position": "Ekspert (kriisivalmidus)",
        "unit": "Sotsiaalhoolekande toimepidevuse osakond, toimepidevuse ja rände talitus",
    }
    assert pair["summary"] == {"substantive": 7, "editorial": 2, "high_impact": 0}
    for change in pair["changes"]:
        assert set(change) == CHANGE_KEYS and change["kind"] in KINDS and change["impact"] in ("high", "normal")
    duty = next(c for c in pair["changes"] if c["path"] == "duties.2.12")
    assert (duty["old_number"], duty["new_number"]) == ("2.12", "2.12")
    assert ["-", "antud "] in duty["spans"] or ["-", "antud"] in [[op, t.strip()] for op, t in duty["spans"]]
    rebuilt_new = "".join(t for op, t in duty["spans"] if op != "-")
    assert rebuilt_new == duty["new"]


def test_two_orders_list_created_and_abolished_posts() -> None:
    data = json.loads(diff_json(compare_files(SEEDS["000"], SEEDS["003"])))
    paired = len(data["pairs"])
    assert paired + len(data["unpaired_old"]) == 7
    assert paired + len(data["unpaired_new"]) == 11
    assert all(set(ref) == {"source", "annex", "position", "unit"} for ref in data["unpaired_new"])


def test_the_report_is_written_as_the_standard_librarys_indented_json(monkeypatch: pytest.MonkeyPatch) -> None:
    # A large report is written by orjson for speed; the contract's text is json.dumps(indent=2)'s, byte for byte:
    monkeypatch.setattr(json_render, "ORJSON_FROM", 1)
    # a real pair's diff (Estonian letters, nulls, nested lists, floats), two orders' and every seed's documents.
    pair = diff_json(compare_files(SEEDS["001"], SEEDS["000"], new_annex="2"))
    assert '"similarity": 0.' in pair and "õ" in pair
    for written in (pair, diff_json(compare_files(SEEDS["000"], SEEDS["003"]))):
        assert written == json.dumps(json.loads(written), ensure_ascii=False, indent=2) + "\n"
    for seed in SEEDS:
        shown = show_json(seed_docs(seed))
        assert shown == json.dumps(json.loads(shown), ensure_ascii=False, indent=2) + "\n"


def test_a_file_name_orjson_refuses_is_written_by_the_standard_library(monkeypatch: pytest.MonkeyPatch) -> None:
    # A file name with an undecodable byte is a lone surrogate in Python; orjson refuses it, json.dumps writes it.
    monkeypatch.setattr(json_render, "ORJSON_FROM", 1)
    docs = seed_docs("002")
    named = [replace(d, source="/tmp/ametijuhend\udcf5.txt") for d in docs]
    shown = show_json(named)
    assert '"source": "/tmp/ametijuhend\udcf5.txt"' in shown
    assert show_json(named, ensure_ascii=True).count("\\udcf5") == len(named)


def test_a_large_reports_bytes_are_its_text_in_utf8_and_the_command_line_writes_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The command line writes a report orjson writes as its bytes, not decoded and encoded again: the same bytes.
    from ajdiff.changes import ComparisonSet
    from ajdiff.cli import main

    result = compare_files(SEEDS["000"], SEEDS["003"])
    assert diff_json_utf8(result) is None  # a small report: json.dumps writes it, as text
    monkeypatch.setattr(json_render, "ORJSON_FROM", 1)
    data = diff_json_utf8(result)
    assert data is not None and "õ" in data.decode() and data == diff_json(result).encode("utf-8")
    # A lone surrogate (an undecodable file name), which orjson refuses: left to the text's writer.
    named = ComparisonSet(pairs=(), unpaired_old=tuple(replace(d, source="/tmp/a\udcf5.txt") for d in seed_docs("002")))
    assert diff_json_utf8(named) is None and "\udcf5" in diff_json(named)
    written: list[bytes | None] = []

    def spied(*args: Any, **options: Any) -> bytes | None:
        written.append(utf8(*args, **options))
        return written[-1]

    utf8 = json_render.diff_json_utf8
    command = ["diff", str(SEEDS["000"]), str(SEEDS["003"]), "--format", "json", "-o"]
    monkeypatch.setattr(json_render, "diff_json_utf8", spied)
    main([*command, str(tmp_path / "bytes.json")])
    assert len(written) == 1 and written[0] is not None
    monkeypatch.setattr(json_render, "diff_json_utf8", lambda *args, **options: None)
    main([*command, str(tmp_path / "text.json")])
    assert (tmp_path / "bytes.json").read_bytes() == (tmp_path / "text.json").read_bytes()


def test_a_small_report_does_not_import_orjson() -> None:
    # Importing orjson costs more than it saves on one pair: a one-pair diff's start-up stays without it.
    code = (
        "import sys; from ajdiff.api import compare_files; from ajdiff.render.json import diff_json;"
        " diff_json(compare_files(sys.argv[1], sys.argv[2], new_annex='2')); print('orjson' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(SEEDS["001"]), str(SEEDS["000"])], capture_output=True, text=True
    )
    assert done.stdout.strip() == "False", done.stderr


def test_a_pairs_summary_counts_what_its_changes_say_and_names_its_documents_as_their_references() -> None:
    """The summary is counted in one pass over the changes: as long as `substantive`, `editorial` and `high_impact`
    for any mix of them; the documents are named as `DocRef.of` names them."""
    from ajdiff.changes import Change, ChangeKind, Comparison, DocRef, Impact, PairBasis, PairEvidence

    (old,) = seed_docs("001")
    kinds = [(False, Impact.HIGH), (False, Impact.NORMAL), (True, Impact.HIGH), (True, Impact.NORMAL)]
    for mix in ([0, 0, 1, 2, 3], [2, 3], [0], [], [1, 3, 3]):
        changes = tuple(
            Change(f"general.f{k}", ChangeKind.MODIFIED, "a", "b", editorial=kinds[i][0], impact=kinds[i][1])
            for k, i in enumerate(mix)
        )
        pair = Comparison(old, replace(old, annex="9"), 0.5, changes, PairEvidence(PairBasis.CONTENT, 0.7))
        got = json_render.comparison_to_dict(pair)
        counts = {"substantive": len(pair.substantive), "editorial": len(pair.editorial)}
        assert got["summary"] == {**counts, "high_impact": len(pair.high_impact)}
        assert got["old"] == json_render.docref_to_dict(DocRef.of(pair.old))
        assert got["new"] == json_render.docref_to_dict(DocRef.of(pair.new)) and got["new"]["annex"] == "9"
        assert got["pairing"]["basis"] == "content"
