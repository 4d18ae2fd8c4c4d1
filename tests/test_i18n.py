"""The catalogues: every message the code says has its Estonian, the compiled .mo is the .po, argparse's
own words are translated for the running Python, and the language is chosen once."""

from __future__ import annotations

import argparse
import gettext
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
        (None, {"LANG": "C.UTF-8"}, "et"),
        (None, {}, "et"),
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
