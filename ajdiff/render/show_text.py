"""`ajdiff show` as a readable outline of what the parser understood."""

from __future__ import annotations

import textwrap
from contextvars import ContextVar

from ajdiff.model import JobDescription, OrderRef
from ajdiff.tree import Node

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
        by = f"{doc.order.approved_by} " if doc.order.approved_by else ""
        head += f"  ({by}käskkiri nr {doc.order.number}, {doc.order.date or '?'})"
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
    """The order's body (once), then every document's typed outline and its tree, wrapped at `width`."""
    token = _width.set(width)
    try:
        parts = []
        order = docs[0].order if docs else None
        if order is not None and (order.title or order.annexes or order.repeals):
            parts.append(show_order(order))
        parts += [show_document(d) + "\n" + show_tree(d) for d in docs]
        return "\n".join(parts)
    finally:
        _width.reset(token)


_KIND_MARKS = {"bullet": "• ", "result": "→ "}


def _node_lines(node: Node, depth: int, out: list[str]) -> None:
    indent = "  " * depth
    key = f"  [{node.key}]" if node.key and node.kind.value in ("section", "field") else ""
    number = f"{node.number}. " if node.number else ""
    if node.kind.value == "section":
        out.append(_wrap(f"{number}{node.label or ''}{key}".rstrip(), indent))
    elif node.kind.value == "field":
        label = node.label or "(lause)"
        out.append(_wrap(f"{label}: {node.text or '—'}{key}", indent))
    elif node.kind.value == "title":
        out.append(f"{indent}(pealkiri)")
    elif node.text:
        out.append(_wrap(f"{_KIND_MARKS.get(node.kind.value, '')}{number}{node.text}", indent))
    for child in node.children:
        if node.kind.value == "field" and child.verbatim == "" and child.label:
            continue  # a sentence field's value: shown as the field's key
        _node_lines(child, depth + 1, out)


def show_tree(doc: JobDescription) -> str:
    """The document tree as read: sections, fields with their typed keys, items, results, bullets."""
    out = ["Dokumendi ülesehitus (nagu kirjutatud):"]
    for node in doc.sections:
        _node_lines(node, 1, out)
    return "\n".join(out) + "\n"


def show_order(order: OrderRef) -> str:
    """The order's own body: title, approved annexes with their posts, repeals, entry into force."""
    out = [f"Käskkiri nr {order.number} ({order.date or '?'})" + (f": {order.title}" if order.title else "")]
    for annex, post in order.annexes:
        out.append(f"  kinnitab Lisa {annex}: {post}")
    out += [_wrap(f"tunnistab kehtetuks: {r}", "  ") for r in order.repeals]
    if order.effective:
        out.append(_wrap(f"jõustumine: {order.effective}", "  "))
    return "\n".join(out) + "\n"
