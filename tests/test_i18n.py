"""The catalogues: every message the code says has its Estonian, the compiled .mo is the .po, argparse's
own words are translated for the running Python, and the language is chosen once."""

from __future__ import annotations

import argparse
import gettext
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from ajdiff import i18n

PACKAGE = Path(__file__).resolve().parent.parent / "ajdiff"
MESSAGES = PACKAGE / "locale" / "et" / "LC_MESSAGES"
# The markers ajdiff says its words with (ajdiff/i18n.py), as `pybabel extract -k` would be told them.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "NP_": ((1, "c"), 2), "NNP_": ((1, "c"), 2, 3)}


def _extracted(messages: list[tuple[object, object]]) -> set[tuple[str | None, str]]:
    out = set()
    for message, context in messages:
        msgid = message[0] if isinstance(message, tuple) else message
        out.add((context if isinstance(context, str) else None, str(msgid)))
    return out


def _code_messages() -> set[tuple[str | None, str]]:
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS)
    return _extracted([(m, c) for _f, _l, m, _c, c in found])


def _catalogue(domain: str) -> dict[tuple[str | None, str], object]:
    with (MESSAGES / f"{domain}.po").open("rb") as f:
        catalog = read_po(f)
    return {
        (m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m
        for m in catalog
        if m.id  # the header
    }


def test_every_message_of_the_code_has_its_estonian() -> None:
    code = _code_messages()
    assert len(code) > 400, "the extraction finds the catalogue's words and the messages"
    po = _catalogue("ajdiff")
    missing = sorted(f"{c or ''}|{m}" for c, m in code if (c, m) not in po)
    untranslated = [k for k, m in po.items() if not all(m.string) if isinstance(m.string, tuple)]  # type: ignore[attr-defined]
    untranslated += [k for k, m in po.items() if not m.string or m.fuzzy]  # type: ignore[attr-defined]
    assert missing == []
    assert untranslated == []


def test_the_catalogue_holds_nothing_the_code_no_longer_says() -> None:
    assert sorted(set(_catalogue("ajdiff")) - _code_messages()) == []


def test_a_message_without_estonian_is_caught(tmp_path: Path) -> None:
    """The extraction sees a new message in a module, so a reworded one cannot slip through untranslated."""
    module = tmp_path / "m.py"
    module.write_text('from ajdiff.i18n import _\nX = _("has no annex {annex} at all").format(annex=2)\n')
    found = _extracted([(m, c) for _l, m, _c, c in extract_from_file("python", str(module), keywords=KEYWORDS)])
    assert found == {(None, "has no annex {annex} at all")}
    assert not found <= set(_catalogue("ajdiff"))


@pytest.mark.parametrize("domain", ["ajdiff", "argparse"])
def test_the_compiled_catalogue_is_the_po(domain: str) -> None:
    """The build compiles the .po (setup.py); a .mo older than its .po would speak yesterday's words."""
    with (MESSAGES / f"{domain}.mo").open("rb") as f:
        mo = gettext.GNUTranslations(f)
    for (context, msgid), message in _catalogue(domain).items():
        if isinstance(message.id, tuple):  # type: ignore[attr-defined]
            singular, plural = message.id  # type: ignore[attr-defined]
            got = [
                mo.npgettext(context, singular, plural, n) if context else mo.ngettext(singular, plural, n)
                for n in (1, 2)
            ]
            assert tuple(got) == tuple(message.string), msgid  # type: ignore[attr-defined]
        else:
            got1 = mo.pgettext(context, msgid) if context else mo.gettext(msgid)
            assert got1 == message.string, msgid  # type: ignore[attr-defined]


def test_argparse_says_every_word_in_estonian() -> None:
    """Every message of this Python's argparse (it says them through gettext) has its Estonian."""
    said = extract_from_file("python", argparse.__file__, keywords={"_": None, "ngettext": (1, 2)})
    wanted = _extracted([(m, c) for _l, m, _c, c in said])
    assert len(wanted) > 20
    po = _catalogue("argparse")
    assert sorted(m for c, m in wanted if (c, m) not in po or not po[(c, m)].string) == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("flag", "env", "lang"),
    [
        ("en", {"AJDIFF_LANG": "et", "LANG": "et_EE.UTF-8"}, "en"),
        (None, {"AJDIFF_LANG": "en", "LANG": "et_EE.UTF-8"}, "en"),
        (None, {"AJDIFF_LANG": "", "LANG": "et_EE.UTF-8"}, "et"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "et_EE.UTF-8"}, "en"),
        (None, {"LC_ALL": "", "LC_MESSAGES": "et_EE", "LANG": "en_US.UTF-8"}, "et"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"LC_ALL": "C", "LANG": "et_EE.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_the_language_is_chosen_once_from_the_flag_the_variable_or_the_locale(
    flag: str | None, env: dict[str, str], lang: str
) -> None:
    assert i18n.choose(flag, env) == lang


def test_the_flag_is_found_before_the_parser_runs() -> None:
    assert i18n.flag_in(["diff", "a", "b", "--lang", "en"]) == "en"
    assert i18n.flag_in(["diff", "--lang=et", "a", "b"]) == "et"
    assert i18n.flag_in(["diff", "--", "--lang", "en"]) is None


# ------------------------------------------------------------------ one language, every stream

ROOT = PACKAGE.parent
SEED_003, SEED_000 = "fixtures/003_e40249d3a3f17dad.txt", "fixtures/000_2e8e5e7caea51be0.txt"


def _ajdiff(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "AJDIFF_LANG")}
    return subprocess.run(
        [sys.executable, "-m", "ajdiff", *args],
        cwd=ROOT,
        env={**clean, "NO_COLOR": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


# Said by each stream, in each language: the report (stdout), the pairing's note (the counts of the turned-down
# pairs included), a warning, and a refusal.
SAID = {
    "et": ("0 paari, 0 sisulist", "(kattuvaid ülesandeid 2/12)", ": hoiatus: VANA on dateeritud", "faili ei ole"),
    "en": ("0 pairs, 0 substantive", "(2 of 12 duties match)", ": warning: OLD is dated", "no such file"),
}


@pytest.mark.parametrize(
    ("lang", "args", "env"),
    [
        ("et", ["--lang", "et"], {"LANG": "en_US.UTF-8", "AJDIFF_LANG": "en"}),
        ("en", ["--lang", "en"], {"LANG": "et_EE.UTF-8", "AJDIFF_LANG": "et"}),
        ("et", [], {"LANG": "en_US.UTF-8", "AJDIFF_LANG": "et"}),
        ("en", [], {"LANG": "et_EE.UTF-8", "AJDIFF_LANG": "en"}),
        ("et", [], {"LANG": "et_EE.UTF-8"}),
        ("en", [], {"LANG": "de_DE.UTF-8"}),
        ("en", [], {"LANG": "C.UTF-8"}),
    ],
)
def test_every_stream_speaks_the_one_language(lang: str, args: list[str], env: dict[str, str]) -> None:
    report, note, warning, refusal = SAID[lang]
    result = _ajdiff("diff", SEED_003, SEED_000, "--stat", *args, **env)
    assert report in result.stdout
    notes, warnings = result.stderr.splitlines()
    assert notes.startswith("ajdiff: ") and note in notes
    assert warning in warnings
    other = SAID["en" if lang == "et" else "et"]
    assert not any(word in result.stdout + result.stderr for word in other)
    error = _ajdiff("show", "missing.txt", *args, **env)
    assert error.returncode == 2 and error.stderr.startswith(f"ajdiff: missing.txt: {refusal} (")


def test_json_notes_and_warnings_speak_the_language_of_the_report() -> None:
    data = json.loads(_ajdiff("diff", SEED_003, SEED_000, "--format", "json", "--lang", "et").stdout)
    assert any("(kattuvaid ülesandeid 2/12)" in n for n in data["notes"])
    assert any(": hoiatus: VANA on dateeritud" in w for w in data["warnings"])


def test_the_ui_warnings_panel_says_the_pairing_note_in_its_language(tmp_path: Path) -> None:
    from ajdiff.api import compare_files
    from ajdiff.tui.session import ReviewSession

    for lang, said in (("et", "(kattuvaid ülesandeid 2/12)"), ("en", "(2 of 12 duties match)")):
        with i18n.speaking(lang):  # as `ajdiff tui` runs: the language chosen before the comparison
            result = compare_files(ROOT / SEED_003, ROOT / SEED_000)
        lines = ReviewSession(result, tmp_path / "review.json", lang=lang).notes()  # the panel's notes
        assert any(said in line for line in lines), lines


@pytest.mark.parametrize(
    ("args", "env"), [(["--help"], {"LANG": "et_EE.UTF-8"}), (["--help", "--lang", "et"], {"LANG": "C.UTF-8"})]
)
def test_help_speaks_estonian_under_the_locale_or_the_flag(args: list[str], env: dict[str, str]) -> None:
    out = _ajdiff("diff", *args, **env).stdout
    assert out.startswith("kasutus: ajdiff diff ")
    for said in ("\nargumendid:\n", "\nvõtmed:\n", "näita seda abi ja välju", "võrdle ainult VANA lisa K", "näited:"):
        assert said in out
    for english in ("usage:", "options:", "show this help", "examples:", "compare only annex"):
        assert english not in out


def test_help_speaks_english_otherwise() -> None:
    out = _ajdiff("diff", "--help", LANG="C.UTF-8").stdout
    assert out.startswith("usage: ajdiff diff ") and "\noptions:\n" in out and "kasutus" not in out


def test_argparse_says_its_refusals_in_the_users_language() -> None:
    """argparse's own words no longer stay English inside an Estonian line."""
    said = _ajdiff("diff", "a", "b", "--max-size", "0", "--lang", "et").stderr
    assert said == "ajdiff: diff: argument --max-size: peab olema 1 või rohkem (vaata ajdiff diff --help)\n"
    said = _ajdiff("diff", LANG="et_EE.UTF-8").stderr
    assert said == "ajdiff: diff: puuduvad kohustuslikud argumendid: VANA, UUS (vaata ajdiff diff --help)\n"
    said = _ajdiff("diff", "a", "b", "--format", "xx", LANG="en_GB.UTF-8").stderr
    assert said.startswith("ajdiff: diff: argument --format: invalid choice: 'xx' (choose from ")


def test_the_language_is_restored_after_main() -> None:
    """`main` may run inside another program (the tests do): it leaves the language as it found it."""
    from ajdiff.cli import main

    before = i18n.current()
    assert main(["show", "missing.txt", "--lang", "et"]) == 2
    assert i18n.current() == before


def test_no_function_hides_gettext_behind_a_local_underscore() -> None:
    """`for _ in …` in a function that also says `_("…")` makes `_` a local name: the message would raise
    UnboundLocalError instead of being said (a comprehension has its own scope and is fine)."""
    import ast

    hidden = []
    for path in PACKAGE.rglob("*.py"):
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            own = [
                n
                for n in ast.walk(fn)
                if not isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp))
            ]
            scoped = set()
            for comp in ast.walk(fn):
                if isinstance(comp, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                    scoped |= {id(g.target) for g in comp.generators} | {
                        id(n) for g in comp.generators for n in ast.walk(g.target)
                    }
            says = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_" for n in own)
            binds = [
                n.lineno
                for n in ast.walk(fn)
                if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store) and id(n) not in scoped
            ]
            if says and binds:
                hidden.append((path.name, fn.name, binds))
    assert hidden == []


def test_a_bad_review_file_is_refused_in_the_chosen_language(tmp_path: Path) -> None:
    from ajdiff.review import ReviewError, load_review

    bad = tmp_path / "review.json"
    bad.write_bytes(b'{"format": "ajdiff-review/1", "entries": {"a": 1}}')
    said = {}
    for lang in ("en", "et"):
        with i18n.speaking(lang), pytest.raises(ReviewError) as caught:
            load_review(bad)
        said[lang] = caught.value.line()
    assert said["en"].endswith(
        ": review file has a bad entry (entries is not a list) (repair it, or give another --review file)"
    )
    assert said["et"].endswith(
        ": ülevaatusfailis on vigane kirje (entries ei ole loend) (paranda see või anna teine --review fail)"
    )


def test_a_tree_without_its_compiled_catalogue_is_refused_in_one_line(tmp_path, monkeypatch, capsys) -> None:
    """A source checkout never built has no .mo: Estonian is refused in one line with exit 2, not a traceback."""
    from ajdiff import i18n
    from ajdiff.cli import main

    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translation.cache_clear()
    try:
        code = main(
            ["--lang", "et", "show", str(Path(__file__).resolve().parents[1] / "fixtures" / "001_f0f3c421c69f98c0.txt")]
        )
    finally:
        i18n.translation.cache_clear()
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("ajdiff: ") and "ajdiff.mo" in err and "--lang en" in err


def test_the_estonian_man_page_names_its_manual_in_estonian() -> None:
    """The page's header line (man(7): .TH title section date source manual) is in the page's language too."""
    root = Path(__file__).resolve().parents[1]
    et_header = (root / "man" / "et" / "ajdiff.1").read_text(encoding="utf-8").splitlines()[0]
    en_header = (root / "man" / "ajdiff.1").read_text(encoding="utf-8").splitlines()[0]
    assert et_header.startswith(".TH AJDIFF") and "kasutusjuhend" in et_header and "Manual" not in et_header
    assert "ajdiff manual" in en_header
