"""`ajdiff show` as a readable outline of what the parser understood."""

from __future__ import annotations

import textwrap
from contextvars import ContextVar

from ajdiff.model import GENERAL_KEYS, REQUIREMENT_TEXT_KEYS, JobDescription, OrderRef
from ajdiff.tree import Node
from ajdiff.words import annex_name, doc_label, path_label, section_name, word

_WIDTH = 100
# The width and language of this rendering: knobs set by show_text rather than parameters through every helper.
_width: ContextVar[int] = ContextVar("show_width", default=_WIDTH)
_lang: ContextVar[str] = ContextVar("show_lang", default="et")


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, _width.get(), initial_indent=indent, subsequent_indent=indent + "  ")


def _field(label: str, value: object) -> list[str]:
    if value in (None, (), ""):
        return [f"  {label}: —"]
    if isinstance(value, tuple):
        value = "; ".join(value)
    return [_wrap(f"{label}: {value}", "  ")]


def _name(doc: JobDescription, path: str, lang: str) -> str:
    """A field's name: the document's own label in an Estonian report ('Ametikoht', 'Töötaja asendab'),
    the catalogue's otherwise."""
    return (doc.own_label(path) if lang == "et" else None) or path_label(path, lang)


def show_document(doc: JobDescription) -> str:
    """One document as an outline: fields, duties with results, a languages table, warnings."""
    lang = _lang.get()
    head = doc_label(doc, lang)
    if doc.order:
        by = f"{doc.order.approved_by} " if doc.order.approved_by else ""
        head += f"  ({by}{word('show.order', lang, number=doc.order.number, date=doc.order.date or '?')})"
    out = [head, "=" * min(len(head), _width.get()), "", f"1. {section_name('general', lang)}"]
    for key in GENERAL_KEYS:
        out += _field(_name(doc, f"general.{key}", lang), getattr(doc.general, key))
    out += ["", f"2. {section_name('duties', lang)} ({len(doc.duties)})"]
    for duty in doc.duties:
        out.append(_wrap(f"{duty.number}. {duty.task}", "  "))
        out += [_wrap(f"→ {r}", "      ") for r in duty.results]
    r = doc.requirements
    out += ["", f"3. {section_name('requirements', lang)}"]
    for key in REQUIREMENT_TEXT_KEYS:
        out += _field(_name(doc, f"requirements.{key}", lang), getattr(r, key))
    years = r.experience_years if r.experience_years is not None else "—"
    out.append(f"  {word('show.experience_years', lang)}: {years}")
    languages = _name(doc, "requirements.languages", lang)
    if r.languages:
        out.append(f"  {languages}:")
        out.append(f"    {word('show.language_table', lang)}")
        out += [f"    {code:<9} {level}" for code, level in r.languages]
    else:
        out.append(f"  {languages}: —")
    for slug, text in r.extra:
        # A field ajdiff has no name for is named by the document's own words in any language.
        name = doc.own_label(f"requirements.{slug}") or slug
        out.append(_wrap(f"{name}: {text}", "  "))
    for section in ("rights", "responsibilities", "competencies"):
        items = getattr(doc, section)
        if items:
            out += ["", f"{section_name(section, lang)} ({len(items)})"] + [_wrap(f"- {i}", "  ") for i in items]
    if doc.review:
        out += ["", _wrap(f"{word('show.review', lang)}: {doc.review}", "")]
    for slug, text in doc.other:
        out += ["", _wrap(f"{doc.own_label(f'other.{slug}') or slug}: {text}", "")]
    if doc.warnings:
        out += ["", f"{word('show.warnings', lang)}:"] + [f"  ! {w}" for w in doc.warnings]
    return "\n".join(out) + "\n"


def show_text(docs: list[JobDescription], *, width: int = _WIDTH, lang: str = "et") -> str:
    """The order's body (once), then every document's typed outline and its tree, wrapped at `width`, in `lang`."""
    token, lang_token = _width.set(width), _lang.set(lang)
    try:
        parts = []
        order = docs[0].order if docs else None
        if order is not None and (order.title or order.annexes or order.repeals):
            parts.append(show_order(order))
        parts += [show_document(d) + "\n" + show_tree(d) for d in docs]
        return "\n".join(parts)
    finally:
        _width.reset(token)
        _lang.reset(lang_token)


_KIND_MARKS = {"bullet": "• ", "result": "→ "}


def _node_lines(node: Node, depth: int, out: list[str]) -> None:
    indent = "  " * depth
    key = f"  [{node.key}]" if node.key and node.kind.value in ("section", "field") else ""
    number = f"{node.number}. " if node.number else ""
    if node.kind.value == "section":
        out.append(_wrap(f"{number}{node.label or ''}{key}".rstrip(), indent))
    elif node.kind.value == "field":
        label = node.label or word("show.sentence", _lang.get())
        out.append(_wrap(f"{label}: {node.text or '—'}{key}", indent))
    elif node.kind.value == "title":
        out.append(f"{indent}{word('show.title', _lang.get())}")
    elif node.text:
        out.append(_wrap(f"{_KIND_MARKS.get(node.kind.value, '')}{number}{node.text}", indent))
    for child in node.children:
        if node.kind.value == "field" and child.verbatim == "" and child.label:
            continue  # a sentence field's value: shown as the field's key
        _node_lines(child, depth + 1, out)


def show_tree(doc: JobDescription) -> str:
    """The document tree as read: sections, fields with their typed keys, items, results, bullets."""
    out = [word("show.tree", _lang.get())]
    for node in doc.sections:
        _node_lines(node, 1, out)
    return "\n".join(out) + "\n"


def show_order(order: OrderRef) -> str:
    """The order's own body: title, approved annexes with their posts, repeals, entry into force."""
    lang = _lang.get()
    head = word("show.order_head", lang, number=order.number, date=order.date or "?")
    out = [head + (f": {order.title}" if order.title else "")]
    for annex, post in order.annexes:
        out.append(f"  {word('show.approves', lang)} {annex_name(annex, lang)}: {post}")
    out += [_wrap(f"{word('show.repeals', lang)}: {r}", "  ") for r in order.repeals]
    if order.effective:
        out.append(_wrap(f"{word('show.effective', lang)}: {order.effective}", "  "))
    return "\n".join(out) + "\n"
