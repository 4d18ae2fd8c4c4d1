"""`ajdiff show` as a readable outline of what the parser understood."""

from __future__ import annotations

import textwrap
from contextvars import ContextVar

from ajdiff.model import JobDescription

_GENERAL_LABELS = (
    ("position", "Teenistuskoht"),
    ("unit", "Struktuuriüksus"),
    ("supervisor", "Vahetu juht"),
    ("subordinates", "Alluvad"),
    ("substitutes_for", "Teenistuja asendab"),
    ("substituted_by", "Teenistuja asendaja"),
    ("goal", "Eesmärk"),
    ("group", "Ametikoha grupp"),
    ("special_conditions", "Eritingimused"),
)
_REQ_LABELS = (
    ("education", "Haridus"),
    ("experience", "Töökogemus"),
    ("knowledge", "Teadmised ja oskused"),
    ("qualities", "Isikuomadused"),
)
_WIDTH = 100
# The width of this rendering: one knob set by show_text rather than a parameter through every helper.
_width: ContextVar[int] = ContextVar("show_width", default=_WIDTH)


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, _width.get(), initial_indent=indent, subsequent_indent=indent + "  ")


def _field(label: str, value: object) -> list[str]:
    if value in (None, (), ""):
        return [f"  {label}: —"]
    if isinstance(value, tuple):
        value = "; ".join(value)
    return [_wrap(f"{label}: {value}", "  ")]


def show_document(doc: JobDescription) -> str:
    """One document as an outline: fields, duties with results, a languages table, warnings."""
    head = doc.label
    if doc.order:
        head += f"  (käskkiri nr {doc.order.number}, {doc.order.date or '?'})"
    out = [head, "=" * min(len(head), _width.get()), "", "1. Üldosa"]
    for key, label in _GENERAL_LABELS:
        out += _field(label, getattr(doc.general, key))
    out += ["", f"2. Teenistusülesanded ({len(doc.duties)})"]
    for duty in doc.duties:
        out.append(_wrap(f"{duty.number}. {duty.task}", "  "))
        out += [_wrap(f"→ {r}", "      ") for r in duty.results]
    r = doc.requirements
    out += ["", "3. Nõuded"]
    for key, label in _REQ_LABELS:
        out += _field(label, getattr(r, key))
    out.append(f"  Töökogemus aastates: {r.experience_years if r.experience_years is not None else '—'}")
    if r.languages:
        out.append("  Keeleoskus:")
        out.append("    keel      tase")
        out += [f"    {code:<9} {level}" for code, level in r.languages]
    else:
        out.append("  Keeleoskus: —")
    out += [_wrap(f"{slug}: {text}", "  ") for slug, text in r.extra]
    for title, items in (
        ("Õigused", doc.rights),
        ("Vastutus", doc.responsibilities),
        ("Kompetentsid", doc.competencies),
    ):
        if items:
            out += ["", f"{title} ({len(items)})"] + [_wrap(f"- {i}", "  ") for i in items]
    if doc.review:
        out += ["", _wrap(f"Ülevaatamine: {doc.review}", "")]
    for slug, text in doc.other:
        out += ["", _wrap(f"{slug}: {text}", "")]
    if doc.warnings:
        out += ["", "Hoiatused:"] + [f"  ! {w}" for w in doc.warnings]
    return "\n".join(out) + "\n"


def show_text(docs: list[JobDescription], *, width: int = _WIDTH) -> str:
    """Every document's outline, separated by a blank line, wrapped at `width` columns."""
    token = _width.set(width)
    try:
        return "\n".join(show_document(d) for d in docs)
    finally:
        _width.reset(token)
