"""The catalogue of words: every key in both languages, the code asks only for keys it has, and no
Estonian (or English) user-facing text hides in a renderer, the UI, the command line or the errors."""

from __future__ import annotations

import ast
import dataclasses
import re
import string
from pathlib import Path

import pytest

from ajdiff.changes import Change, ChangeKind
from ajdiff.model import General, JobDescription, Requirements
from ajdiff.words import (
    PLURALS,
    SECTION_ORDER,
    WORDS,
    Lang,
    change_title,
    counted,
    doc_label,
    kind_name,
    path_label,
    sentence,
    word,
)

PACKAGE = Path(__file__).resolve().parent.parent / "ajdiff"
# Where ajdiff speaks to a user (the redline's body is the documents' own words, never ajdiff's).
SPEAKING = sorted(
    [
        *(PACKAGE / "render").glob("*.py"),
        *(PACKAGE / "tui").glob("*.py"),
        *(PACKAGE / "cli").glob("*.py"),
        *(PACKAGE / "redline").glob("*.py"),
    ]
)
SPEAKING.append(PACKAGE / "errors.py")
_ESTONIAN = re.compile(
    r"[õäöüšžÕÄÖÜŠŽ]|\b(?:Lisa|või|ja|ei|uus|vana|muudatus\w*|käskkir\w*|ülesan\w*|ametikoh\w*|sisuli\w*|"
    r"toimetusli\w*|kinnita\w*|nõue\w*|keele|hoiatus\w*)\b"
)
# Strings that name Estonian on purpose: the encoding probes, and the command line's help (English, for
# argparse), which gives the documents' own word for an annex ('annex K (Lisa K)').
_PROBES = {"õ→“", "→õ“"}
_HELP_TERM = re.compile(r"\bLisa (?:K|\d+)\b")
_KEY = re.compile(
    r"(?:field|kind|language|sentence|count|doc|diff|stat|md|show|cli|error|hint|warning|note|ui)\.[\w.]+"
)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings (a bare string statement documents)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_key_has_both_languages_with_the_same_fields(key: str) -> None:
    et, en = word(key, "et"), word(key, "en")
    assert et.strip() and en.strip() and en == WORDS[key], key
    assert _fields(et) == _fields(en), key


def test_the_model_and_the_changes_have_names() -> None:
    assert {f"kind.{k.value}" for k in ChangeKind} <= set(WORDS)
    paths = [*SECTION_ORDER, "order", *(f"general.{f.name}" for f in dataclasses.fields(General))]
    paths += [f"requirements.{f.name}" for f in dataclasses.fields(Requirements) if f.name != "extra"]
    assert [p for p in paths if f"field.{p}" not in WORDS] == []


def test_the_code_asks_only_for_keys_the_catalogue_has() -> None:
    asked: set[str] = set()
    counted_nouns: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name == "words.py":
            continue
        source = path.read_text(encoding="utf-8")
        # A key's prefix ('ui.help_' + action) is not a key.
        asked |= {s for _, s in _strings(path) if _KEY.fullmatch(s) and not s.endswith("_")}
        counted_nouns |= set(re.findall(r"counted\([^()]*(?:\([^()]*\)[^()]*)*,\s*['\"](\w+)['\"]", source))
    assert asked, "the scan finds the keys the code asks for"
    assert sorted(asked - set(WORDS)) == []
    assert counted_nouns and sorted(n for n in counted_nouns if f"count.{n}" not in PLURALS) == []


@pytest.mark.parametrize("path", SPEAKING, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_words_outside_the_catalogue(path: Path) -> None:
    texts = [(line, _HELP_TERM.sub("", s) if path.parent.name == "cli" else s) for line, s in _strings(path)]
    stray = [(line, s) for line, s in texts if _ESTONIAN.search(s) and s not in _PROBES]
    assert stray == [], "user-facing words belong in ajdiff/words.py"


def test_the_scan_would_see_a_stray_word(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""Docstrings may say Lisa."""\nX = "Sisulisi muudatusi ei ole."\nY = f"Lisa {1}"\n')
    assert [s for _, s in _strings(module) if _ESTONIAN.search(s)] == ["Sisulisi muudatusi ei ole.", "Lisa "]


def test_counted_agrees_with_the_number() -> None:
    assert [counted(n, "change", "et") for n in (0, 1, 2, 21)] == [
        "0 muudatust",
        "1 muudatus",
        "2 muudatust",
        "21 muudatust",
    ]
    assert [counted(n, "duty", "en") for n in (1, 2)] == ["1 duty", "2 duties"]


def test_names_in_both_languages() -> None:
    assert [path_label("general.supervisor", lang) for lang in Lang] == ["Vahetu juht", "Supervisor"]
    assert [path_label("duties.2.7", lang) for lang in Lang] == ["Ülesanne 2.7", "Duty 2.7"]
    assert [path_label("requirements.languages.de|ru", lang) for lang in Lang] == [
        "Keeleoskus: saksa või vene",
        "Languages: German or Russian",
    ]
    assert path_label("requirements.languages.foreign", "et") == "Keeleoskus: võõrkeel"
    assert [kind_name(ChangeKind.RAISED, lang) for lang in Lang] == ["tõstetud", "raised"]


def test_a_sentence_per_language() -> None:
    change = Change("requirements.languages.en", ChangeKind.RAISED, "B1", "B2")
    assert sentence(change, "et") == "Inglise keele nõue tõstetud B1 → B2"
    assert sentence(change, "en") == "English language requirement raised B1 → B2"
    duty = Change("duties.3", ChangeKind.ADDED, None, "Uus ülesanne.", new_number="3")
    assert sentence(duty, "en") == "Duty added 3: Uus ülesanne."


def test_the_document_heading_stays_the_documents() -> None:
    change = Change("other.valve", ChangeKind.MODIFIED, "a", "b", heading="VALVE")
    assert change_title(change, "en") == change_title(change, "et") == "VALVE"
    plain = Change("general.unit", ChangeKind.MODIFIED, "a", "b")
    assert (change_title(plain, "et"), change_title(plain, "en")) == ("Struktuuriüksus", "Unit")


def test_a_document_label_per_language() -> None:
    doc = JobDescription(source="x", annex="2", general=General(position="Ekspert"))
    assert (doc_label(doc, "et"), doc_label(doc, "en")) == ("Lisa 2 · Ekspert", "Annex 2 · Ekspert")


def _raised_texts() -> list[tuple[str, int, str]]:
    """The problems and hints the code raises as literal text, not through gettext (an f-string or a
    constant): each would be said in English whatever the language."""
    out = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("InputError", "OutputError", "UsageError", "AjdiffError", "ArgumentTypeError"):
                continue
            first = 0 if node.func.id == "ArgumentTypeError" else 1
            for arg in [*node.args[first:3], *(k.value for k in node.keywords if k.arg in ("problem", "hint"))]:
                if isinstance(arg, (ast.Constant, ast.JoinedStr)):
                    out.append((path.name, node.lineno, ast.unparse(arg)))
    return out


def test_every_refusal_is_said_through_gettext() -> None:
    """No refusal is raised as finished English to be matched back to a catalogue entry: each is `_("…")`,
    translated before it is formatted, so that a reworded one is a new msgid the catalogue test catches."""
    assert _raised_texts() == []
    errors = (PACKAGE / "errors.py").read_text(encoding="utf-8")
    assert "def translate" not in errors and "re.compile(pattern)" not in errors
    assert "def translate" not in (PACKAGE / "words.py").read_text(encoding="utf-8")


def test_the_scan_would_see_a_refusal_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = PACKAGE / "_scan_probe.py"
    module.write_text('def f(x):\n    raise InputError(x, f"has no annex {x}", _("see ajdiff --help"))\n')
    try:
        assert [(name, text) for name, _line, text in _raised_texts()] == [("_scan_probe.py", "f'has no annex {x}'")]
    finally:
        module.unlink()


def test_a_field_without_a_name_is_named_in_the_documents_words_in_english_without_the_dictionary() -> None:
    """002 → 000 Lisa 7: 'Valmisolek lähetusteks' has no English name; the report names it as the
    documents do, not by its slug restored from the Hunspell dictionary (a 1.5 s load for a name). Reading
    may load it (002 names whom it substitutes in the partitive, 'Peaspetsialisti'): the report may not."""
    import subprocess
    import sys

    code = (
        "from ajdiff.api import compare_files\n"
        "from ajdiff.read import lexicon\n"
        "from ajdiff.render.diff_text import comparison_text\n"
        "r = compare_files('fixtures/002_916340fc2ccdf799.txt', 'fixtures/000_2e8e5e7caea51be0.txt',"
        " new_annex='7')\n"
        "lexicon._dictionary.cache_clear()\n"
        "text = comparison_text(r.pairs[0], show_all=False, color=False, lang='en', width=200)\n"
        "print('Valmisolek lähetusteks' in text, 'Arvutikasutamise oskus' in text)\n"
        "print(lexicon._dictionary.cache_info().currsize)\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "0"]
