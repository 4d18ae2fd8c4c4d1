"""Every hostile file through the real command line: one clear line or a result, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.make_corpus import SEED_001, build

TIMEOUT = 60  # seconds: far above any honest run; hitting it means the reader hung

# case -> a pattern the one stderr line must match after "ajdiff: FILE: " (exit status 2).
REFUSED = {
    "empty.txt": r"empty file",
    "whitespace.txt": r"empty file",
    "image.png": r"is an image \(PNG\), not a document \(OCR it first",
    "image_named.txt": r"is an image \(PNG\), not a document",  # the content decides, not the name
    "image_named.docx": r"is an image \(PNG\), not a document",
    "random.txt": r"binary data, not text",
    "random_noext": r"binary data, not text",
    "random.pdf": r"not a readable PDF",
    "random.html": r"binary data, not text",
    "readme.md": r"does not look like a job description \(looked for a title 'AMETIJUHEND' or an approval block, headings",
    "not_zip.docx": r"not a Word document \(not a zip archive\)",
    "truncated.docx": r"damaged or truncated Word document",
    "no_document_xml.docx": r"not a Word document \(no word/document\.xml in the zip\)",
    "bomb.docx": r"word/document\.xml would inflate to 64 MiB \(limit 50 MiB\) \(raise --max-size\)",
    "lying_bomb.docx": r"damaged zip member word/document\.xml: Bad CRC-32",
    "deep.docx": r"word/document\.xml is beyond the XML safety limits \(Excessive depth in document: 256",
    "xxe.docx": r"word/document\.xml declares a DOCTYPE \(XML entities are refused\)",
    "laughs.docx": r"word/document\.xml declares a DOCTYPE \(XML entities are refused\)",
    "encrypted.pdf": r"encrypted PDF \(it needs a password",
    "notext.pdf": r"PDF has no text layer \(OCR it first",
    "empty.asice": r"no document inside the container",
    "only_image.asice": r"no document inside the container",
    "scripts_only.html": r"HTML page has no text",
    "main_dat_doctype.docx": r"word/main\.dat declares a DOCTYPE \(XML entities are refused\)",
    "one_line.txt": r"line 1 has 20971520 characters \(limit 20000\)",
    "many_lines.txt": r"10485761 lines \(limit 250000\)",
}
# Read like the seed itself: the same documents as `ajdiff show` of seed 001.
SAME_AS_SEED = (
    "utf16.txt", "utf16be.txt", "cp1257.txt", "latin1.txt", "bom.txt", "mixed_eol.txt", "scripted.html",
    "minimal.docx", "bidi.txt", "escapes.txt",
)  # fmt: skip
# Partly understood: a result, with these warnings (annex -> warnings).
WARNED = {
    "no_duties.txt": {None: ["no duties section found"]},
    "no_requirements.txt": {None: ["no requirements section found"]},
    "truncated_annex.txt": {"1": [], "2": [], "3": [], "4": ["no requirements section found"]},
}
LINE = re.compile(r"^ajdiff: (?P<file>[^:]+): (?P<problem>.+)$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The corpus, built once into a temp folder (no binaries in the repository)."""
    return build(tmp_path_factory.mktemp("hostile"), slow=True)


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m ajdiff ARGS` in cwd, as a user would run it."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("AJDIFF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "ajdiff", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
    )


def digest(path: Path) -> str:
    """The file's SHA-256: inputs must be byte-for-byte unchanged after a run."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _without_verbatim(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_verbatim(v) for k, v in value.items() if k not in ("verbatim", "where")}
    if isinstance(value, list):
        return [_without_verbatim(v) for v in value]
    return value


def show_json(result: subprocess.CompletedProcess[str]) -> list[dict]:
    """The documents of `ajdiff show --format json`, without their source names."""
    data = json.loads(result.stdout)
    assert data["format"] == "ajdiff/1"
    for doc in data["documents"]:
        doc.pop("source")
    return data["documents"]


def test_corpus_covers_every_case(corpus: dict[str, Path]) -> None:
    expected = set(REFUSED) | set(SAME_AS_SEED) | set(WARNED) | {"big_prose.txt", "big_orders.txt"}
    assert set(corpus) <= expected, set(corpus) - expected
    assert set(REFUSED) | set(SAME_AS_SEED) | set(WARNED) <= set(corpus)


@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("command", ["show", "diff"])
def test_refused_with_one_line(corpus: dict[str, Path], case: str, command: str) -> None:
    path = corpus[case]
    before = digest(path)
    if command == "show":
        result = run("show", path.name, cwd=path.parent)
    else:  # as the new side of a comparison with a good old side
        result = run(SEED_001.with_suffix(".txt"), path.name, "--format", "json", cwd=path.parent)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    m = LINE.match(lines[0])
    assert m, lines[0]
    assert m["file"] == path.name
    assert re.match(REFUSED[case], m["problem"]), m["problem"]
    assert "internal error" not in m["problem"]
    assert digest(path) == before


@pytest.mark.parametrize("case", SAME_AS_SEED)
def test_encodings_and_scripts_read_like_the_seed(corpus: dict[str, Path], case: str) -> None:
    seed = run("show", SEED_001.with_suffix(".txt"), "--format", "json", cwd=corpus[case].parent)
    result = run("show", corpus[case].name, "--format", "json", cwd=corpus[case].parent)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    # The tree keeps each line as written and where it stood: where the bytes had to differ (a dash for
    # the Symbol-font bullet that cp1257 lacks, <p> elements for lines) only the verbatim text and the
    # positions may differ; every normalised text is the same.
    assert _without_verbatim(show_json(result)) == _without_verbatim(show_json(seed))
    # Nothing the page's scripts or <noscript> would have written reached the text.
    assert "Häkker" not in result.stdout and "Pahalane" not in result.stdout and "Skriptita" not in result.stdout


@pytest.mark.parametrize("case", sorted(WARNED))
def test_partly_understood_gives_warnings(corpus: dict[str, Path], case: str) -> None:
    path = corpus[case]
    before = digest(path)
    result = run("show", path.name, "--format", "json", cwd=path.parent)
    assert result.returncode == 0, result.stderr
    assert {doc["annex"]: doc["warnings"] for doc in show_json(result)} == WARNED[case]
    assert digest(path) == before


@pytest.mark.parametrize("case", sorted(WARNED))
def test_diff_warns_on_stderr_and_keeps_json_clean(corpus: dict[str, Path], case: str) -> None:
    path = corpus[case]
    seed = (
        SEED_001.with_suffix(".txt") if case != "truncated_annex.txt" else SEED_001.parent / "000_2e8e5e7caea51be0.txt"
    )
    result = run("diff", seed, path.name, "--format", "json", cwd=path.parent)
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(result.stdout)["format"] == "ajdiff/1"
    expected = [
        f"ajdiff: {path.name}: warning: {f'Annex {annex}: ' if annex else ''}{warning}"
        for annex, warnings in WARNED[case].items()
        for warning in warnings
    ]
    assert result.stderr.splitlines() == expected


def test_the_zip_limit_is_an_option(corpus: dict[str, Path]) -> None:
    """--max-size moves the limit: a real .docx passes at 1 MB; the bomb is still refused at 1 MB, sooner."""
    docx = SEED_001.with_suffix(".docx")
    assert run("show", docx, "--max-size", "1", cwd=corpus["bomb.docx"].parent).returncode == 0
    result = run("show", "bomb.docx", "--max-size", "1", cwd=corpus["bomb.docx"].parent)
    assert result.returncode == 2
    assert "(limit 1 MiB) (raise --max-size)" in result.stderr


def test_a_20_mb_text_is_read_in_bounded_time(corpus: dict[str, Path]) -> None:
    path = corpus["big_prose.txt"]
    result = run("show", path.name, "--format", "json", cwd=path.parent)
    assert result.returncode == 0, result.stderr
    (doc,) = show_json(result)
    assert doc["general"]["position"] == "Ekspert (kriisivalmidus)"
    # No seconds asserted (a loaded machine is slow either way): the run's timeout ends one that hangs.
    assert len(doc["other"]["lisainfo"]) > 19_000_000


def test_20_mb_of_orders_is_shown_and_paired(corpus: dict[str, Path]) -> None:
    path = corpus["big_orders.txt"]
    result = run("show", path.name, "--format", "json", cwd=path.parent)
    assert result.returncode == 0, result.stderr
    count = len(show_json(result))
    assert count > 2000
    # No 500 limit: thousands of annexes, hundreds named alike, each paired with its identical copy.
    result = run("diff", path.name, path.name, "--format", "jsonl", cwd=path.parent)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == count and all(p["type"] == "pair" and not p["changes"] for p in lines)
