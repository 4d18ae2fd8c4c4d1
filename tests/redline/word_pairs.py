"""Realistic Word job descriptions built by the tests (python-docx), as bodies write them from a template:
the general part a label | value table, the duties a two-column table with a header row
('Peamised teenistusülesanded | Oodatavad tulemused', one row a duty, each result a paragraph of its
cell), the requirements a label | value table; Arial 11 pt, 3 cm margins. Built from a real post of
the seeds, so the words are a body's own; edits are made to the `Post` before it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ajdiff.model import JobDescription
from tests.redline.support import document_of


@dataclass(frozen=True)
class Post:
    """What a Word job description of the template holds: rows of its tables and its duties."""

    title: str
    general: tuple[tuple[str, str], ...]
    duties: tuple[tuple[str, tuple[str, ...]], ...]
    """(task, results): the task's number is written from its place (2.1, 2.2 …)."""
    requirements: tuple[tuple[str, str], ...]
    review: str


def post_of(doc: JobDescription) -> Post:
    """A seed's parsed post as the template's tables."""
    g, r = doc.general, doc.requirements
    general = [
        ("Teenistuskoht", g.position or ""),
        ("Struktuuriüksus", g.unit or ""),
        ("Vahetu juht", g.supervisor or ""),
        ("Alluvad", ", ".join(g.subordinates) or "Puuduvad"),
        ("Teenistuja asendab", ", ".join(g.substitutes_for)),
        ("Teenistujat asendab", ", ".join(g.substituted_by)),
        ("Teenistuskoha eesmärk", g.goal or ""),
        ("Ametikoha grupp", g.group or ""),
    ]
    requirements = [
        ("Haridus", r.education or ""),
        ("Erialane töökogemus", r.experience or ""),
        ("Teadmised ja oskused", r.knowledge or ""),
        ("Isikuomadused", r.qualities or ""),
    ]
    return Post(
        title=g.position or "Ametikoht",
        general=tuple((k, v) for k, v in general if v),
        duties=tuple((d.task, d.results) for d in doc.duties),
        requirements=tuple((k, v) for k, v in requirements if v),
        review=doc.review or "Ametijuhend vaadatakse üle kord aastas.",
    )


def write(post: Post, path: Path) -> Path:
    """The post as a .docx of the template."""
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(11)
    for section in document.sections:
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(3)
    document.add_paragraph("AMETIJUHEND")
    document.add_paragraph(post.title)
    document.add_paragraph("1. Üldosa")
    _table(document, [(k, (v,)) for k, v in post.general])
    document.add_paragraph()
    header = ("2. Peamised teenistusülesanded", ("Oodatavad tulemused",))
    rows = [(f"2.{n}. {task}", results or ("",)) for n, (task, results) in enumerate(post.duties, 1)]
    _table(document, [header, *rows])
    document.add_paragraph()
    document.add_paragraph("3. Teenistuskoha täitjale esitatavad nõuded")
    _table(document, [(k, (v,)) for k, v in post.requirements])
    document.add_paragraph()
    document.add_paragraph(post.review)
    document.save(str(path))
    return path


def _table(document, rows: list[tuple[str, tuple[str, ...]]]) -> None:  # type: ignore[no-untyped-def]
    """A two-column table: the first cell one paragraph, the second one paragraph per item."""
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for left, right in rows:
        cells = table.add_row().cells
        cells[0].text = left
        cells[1].text = right[0] if right else ""
        for item in right[1:]:
            cells[1].add_paragraph(item)


def moved(post: Post, source: int, target: int) -> Post:
    """The post with duty `source` (0-based) moved to place `target`, renumbered by its place."""
    duties = list(post.duties)
    duty = duties.pop(source)
    duties.insert(target, duty)
    return replace(post, duties=tuple(duties))


def edited(post: Post, edit: tuple[str, int, int]) -> Post:
    """The post after one edit: (kind, i, j) with kind move, delete, insert, reword, split or value."""
    other = post_of(document_of("003", "10"))  # words of another body's post
    kind, i, j = edit
    duties = list(post.duties)
    i, j = i % len(duties), j % len(duties)
    if kind == "move":
        return moved(post, i, j)
    if kind == "delete" and len(duties) > 2:
        duties.pop(i)
    elif kind == "insert":
        duties.insert(i, other.duties[j % len(other.duties)])
    elif kind == "reword":
        task, results = duties[i]
        words = task.split()
        words[j % len(words)] = "muudetud"
        duties[i] = (" ".join(words), results)
    elif kind == "split":
        task, results = duties[i]
        first = results[0].split() if results else []
        if len(first) > 3:
            half = len(first) // 2
            duties[i] = (task, (" ".join(first[:half]), " ".join(first[half:]), *results[1:]))
    elif kind == "value":
        general = list(post.general)
        k = i % len(general)
        general[k] = (general[k][0], other.general[j % len(other.general)][1])
        return replace(post, general=tuple(general))
    return replace(post, duties=tuple(duties))


BASE = post_of(document_of("000", "2"))
"""000 Lisa 2 (Sotsiaalkindlustusamet) in the template: the post the tests edit."""
