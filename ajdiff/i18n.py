"""The user's language: every word through gettext, with English as the message id, chosen once.

The Estonian catalogue is `ajdiff/locale/et/LC_MESSAGES/ajdiff.po` (argparse's own words in `argparse.po`
beside it), compiled to `.mo` by the build (setup.py, with Babel); at run time only the standard library's
`gettext` reads it, once, on the first Estonian word. A message is translated before it is formatted:
`_("has no annex {annex}").format(annex=k)`, so that a reworded message can only be missing from the
catalogue (a test says so), never half translated.

`use(lang)` chooses the language of the whole process (the command line calls it once, from `--lang`,
`AJDIFF_LANG` or the locale: `choose`); a library user who never calls it gets English.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

DOMAIN = "ajdiff"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("et", "en")
"""The languages ajdiff speaks; English is the message ids themselves."""
DEFAULT = "en"
"""The language when neither --lang, AJDIFF_LANG nor the locale names one: gettext's own rule, under C or no
locale the message ids, which are English."""

_current = "en"


@cache
def translation(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """The catalogue of `lang` (read once); English is the message ids, so it needs none."""
    if lang not in LANGUAGES:
        raise ValueError(f"not a language ajdiff speaks: {lang!r}")
    lang = LANGUAGES[LANGUAGES.index(lang)]  # the plain code, also for a str Enum member
    if lang == "en":
        return gettext.NullTranslations()
    # No fallback: a build without its .mo would speak English without a word of warning (FileNotFoundError).
    # The file is opened where the build puts it: gettext.translation would import `locale` to expand 'et' to
    # 'et_EE.ISO8859-1', 'et_EE', … and look for each, a few milliseconds of every Estonian start.
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo", "rb") as catalogue:
        return gettext.GNUTranslations(catalogue)


def choose(flag: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language, decided once: `--lang`, else AJDIFF_LANG, else the locale (the first of LC_ALL, LC_MESSAGES,
    LANG that is set, as POSIX orders them): et_EE → et; en_GB, any other language, C, POSIX or none → en."""
    env = os.environ if environ is None else environ
    if flag in LANGUAGES:
        return flag
    wanted = env.get("AJDIFF_LANG", "").strip().lower()
    if wanted in LANGUAGES:
        return wanted
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            if code in ("c", "posix"):
                return DEFAULT
            return "et" if code == "et" else "en"
    return DEFAULT


def flag_in(argv: Sequence[str]) -> str | None:
    """The value of `--lang` in a command line not yet parsed (needed before the parser speaks)."""
    for k, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and k + 1 < len(argv):
            return argv[k + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def use(lang: str) -> None:
    """Speak `lang` from now on: ajdiff's messages and argparse's own words."""
    global _current
    translation(lang)  # a missing catalogue fails here, at start, not in the middle of a message
    _current = LANGUAGES[LANGUAGES.index(lang)]
    _teach_argparse(_current)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak `lang` inside the block, then what was spoken before (`ajdiff.cli.main` may run in a host process)."""
    before = _current
    use(lang)
    try:
        yield
    finally:
        use(before)


def current() -> str:
    """The language chosen by `use` (English until then)."""
    return _current


def _teach_argparse(lang: str) -> None:
    """argparse says its words ('usage:', 'options', 'the following arguments are required: %s') through the
    module-level `_` and `ngettext` it imported from gettext: point them at its catalogue in `lang`."""
    import argparse

    words = translation(lang, "argparse")
    argparse._ = words.gettext  # type: ignore[attr-defined]
    argparse.ngettext = words.ngettext  # type: ignore[attr-defined]


def _(message: str) -> str:
    """`message` (its English, the msgid) in the chosen language; format it after, never before."""
    return translation(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message that agrees with `n`, in the chosen language."""
    return translation(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it yet (it is translated where it is said)."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark a keyed word of the table (its key is its gettext context): (key, English)."""
    return context, message


def NNP_(context: str, singular: str, plural: str) -> tuple[str, tuple[str, str]]:
    """Mark a keyed counted noun of the table: (key, (English singular, plural))."""
    return context, (singular, plural)
