"""OCR repair: put back diacritics that OCR lost, but only where the word is certain.

The lexicon (ajdiff/data/lexicon.txt, built by tools/build_lexicon.py) holds the words of clean
job descriptions. An OCR word without diacritics is restored only when its folded form maps to
exactly one lexicon word: 'Oiguse' → 'Õiguse', 'jarelevalve' → 'järelevalve'. Anything else,
including misreadings like 'td6dks', is kept as the OCR gave it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar, cast

from unidecode import unidecode

from ajdiff.model import JobDescription
from ajdiff.tree import Node

_DIACRITICS = set("õäöüšžÕÄÖÜŠŽ")
_NOT_LETTERS = re.compile(r"[\W\d_]")
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str | None]:
    """Folded word → its one diacritic spelling, or None when the fold is ambiguous or plain."""
    text = resources.files("ajdiff").joinpath("data/lexicon.txt").read_text(encoding="utf-8")
    forms: dict[str, set[str]] = {}
    for word in text.split():
        forms.setdefault(unidecode(word), set()).add(word)
    return {k: (next(iter(v)) if len(v) == 1 and next(iter(v)) != k else None) for k, v in forms.items()}


def _all_text(doc: JobDescription) -> str:
    g = doc.general
    parts = [g.position, g.unit, g.goal, *(d.task for d in doc.duties), *(r for d in doc.duties for r in d.results)]
    return " ".join(p for p in parts if p)


def looks_like_ocr(doc: JobDescription) -> bool:
    """True for Estonian text that has almost no diacritics: OCR lost them."""
    return text_looks_like_ocr(_all_text(doc))


def text_looks_like_ocr(text: str) -> bool:
    """True for an Estonian text with almost no diacritics: OCR lost them."""
    marks = sum(map(text.count, _DIACRITICS))
    if marks >= 0.005 * len(text):
        return False  # plenty of diacritics even counted against every character: clean text, said fast
    letters = len(text) - len(_NOT_LETTERS.findall(text))
    return letters >= 400 and marks / letters < 0.005


def restore_word(word: str) -> str:
    """The word with its diacritics back when the lexicon is certain, else unchanged."""
    if any(c in _DIACRITICS for c in word):
        return word
    form = _lexicon().get(word.lower())
    if form is None:
        return word
    if word.isupper():
        return form.upper()
    return form[0].upper() + form[1:] if word[0].isupper() else form


def restore_text(text: str) -> str:
    """Restore diacritics word by word."""
    return _WORD.sub(lambda m: restore_word(m.group(0)), text)


_T = TypeVar("_T")


def _mapped(value: _T, fn: Callable[[str], str]) -> _T:
    """The value with fn applied to every string in it, of the same type (each branch below keeps it)."""
    return cast(_T, _map_strings(value, fn))


def _map_strings(value: object, fn: Callable[[str], str]) -> object:
    if isinstance(value, Enum):
        return value
    if isinstance(value, Node):
        # The tree keeps the words as written (verbatim, labels); only its normalised text is restored.
        return dataclasses.replace(value, text=fn(value.text), children=_mapped(value.children, fn))
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, tuple):
        return tuple(_map_strings(v, fn) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{f.name: _map_strings(getattr(value, f.name), fn) for f in dataclasses.fields(value)}
        )
    return value


def restore_diacritics(doc: JobDescription) -> JobDescription:
    """The document with diacritics restored in its content (not in source, numbers or metadata)."""
    keep = {"source", "annex", "order", "warnings", "metadata"}
    changes: dict[str, Any] = {
        f.name: _map_strings(getattr(doc, f.name), restore_text) for f in dataclasses.fields(doc) if f.name not in keep
    }
    # Language codes and slugs are keys, not text: restore_text leaves ASCII keys without a match alone.
    restored = dataclasses.replace(doc, **changes)
    restored = dataclasses.replace(
        restored,
        requirements=dataclasses.replace(
            restored.requirements,
            languages=doc.requirements.languages,
            extra=tuple((k, v) for (k, _), (_, v) in zip(doc.requirements.extra, restored.requirements.extra)),
        ),
        other=tuple((k, v) for (k, _), (_, v) in zip(doc.other, restored.other)),
        warnings=(*doc.warnings, "OCR text: diacritics restored where the built-in lexicon was certain"),
    )
    return restored
