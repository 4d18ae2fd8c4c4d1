"""The redline body's story per duty, read back from its revisions alone, and the comparison's alignment in
the same terms: the two must tell one story (a duty moved and reworded is one move in both).

A duty is found in the body by its task paragraph: the paragraph (a text line, or the first paragraph of
a table row's first cell) whose text starts with a duty number of either side. Its OLD number is what
Reject All shows there, its NEW number what Accept All shows. A task paragraph in a `w:moveFrom` and
one in a `w:moveTo` of the same move name are one moved duty; a paragraph (or row) that is only
deleted or only inserted is a deleted or inserted duty; one that shows on both sides is a paired duty.
"""

from __future__ import annotations

import re

from lxml import etree

from ajdiff.changes import Comparison, StepKind
from ajdiff.redline.oxml import qn
from tests.redline.views import Side, paragraph_text

Story = tuple[str, str | None, str | None]
"""(what happened: 'pair', 'move', 'insert' or 'delete'; the duty's OLD number; its NEW number)."""

_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?(?=\s)")


def expected(pair: Comparison) -> tuple[set[Story], set[str], set[str]]:
    """The duties' steps of the comparison's alignment, and the numbers of OLD's and NEW's duties merged or
    split (their paragraphs pair across duties: no one story to read back)."""
    out: set[Story] = set()
    merged_old: set[str] = set()
    merged_new: set[str] = set()
    for section in pair.alignment:
        for step in section.steps:
            if not (step.old_at or step.new_at):
                continue  # not a duty
            if step.kind in (StepKind.MERGE, StepKind.SPLIT):
                merged_old.update(step.old)
                merged_new.update(step.new)
                continue
            out.add((step.kind.value, step.old[0] if step.old else None, step.new[0] if step.new else None))
    return out, merged_old, merged_new


def stories(pair: Comparison, body: etree._Element) -> tuple[set[Story], set[Story]]:
    """(the alignment's stories, the body's) of one pair's duties, merges and splits aside."""
    wanted, merged_old, merged_new = expected(pair)
    old_numbers = {d.number for d in pair.old.duties} - merged_old
    new_numbers = {d.number for d in pair.new.duties} - merged_new
    return wanted, body_stories(body, old_numbers, new_numbers)


def _number(text: str, known: set[str]) -> str | None:
    m = _NUMBER.match(text)
    return m.group(1) if m and m.group(1) in known else None


def body_stories(body: etree._Element, old_numbers: set[str], new_numbers: set[str]) -> set[Story]:
    """The duties' stories as the body's revisions tell them."""
    found: list[tuple[str, str | None, str | None, str | None]] = []  # (kind, old, new, move name)
    current = {qn("w:moveFromRangeStart"): "", qn("w:moveToRangeStart"): ""}
    for el in body.iter(qn("w:p"), qn("w:moveFromRangeStart"), qn("w:moveToRangeStart")):
        if el.tag in current:
            current[el.tag] = el.get(qn("w:name")) or ""
            continue
        p = el
        if any(a.tag == qn("w:sdt") for a in p.iterancestors()):
            continue  # the summary page
        cell = next(p.iterancestors(qn("w:tc")), None)
        if cell is not None:
            row = cell.getparent()
            if row is None or cell is not row.find(qn("w:tc")) or p is not cell.find(qn("w:p")):
                continue  # a duty's task stands first in its row's first cell
        # Range starts inside the paragraph come first in it (`put_first`): read them before its text.
        for start in p.iter(qn("w:moveFromRangeStart"), qn("w:moveToRangeStart")):
            current[start.tag] = start.get(qn("w:name")) or ""
        old_text, new_text = paragraph_text(p, Side.REJECT), paragraph_text(p, Side.ACCEPT)
        old, new = _number(old_text, old_numbers), _number(new_text, new_numbers)
        if old is None and new is None:
            continue
        row = next(p.iterancestors(qn("w:tr")), None)
        row_mark = row.find(f"{qn('w:trPr')}/*") if row is not None else None
        moved_from = p.find(f".//{qn('w:moveFrom')}") is not None
        moved_to = p.find(f".//{qn('w:moveTo')}") is not None
        if moved_from:
            found.append(("from", old, None, current[qn("w:moveFromRangeStart")]))
        elif moved_to:
            found.append(("to", None, new, current[qn("w:moveToRangeStart")]))
        elif (row_mark is not None and row_mark.tag == qn("w:del")) or not new_text.strip():
            found.append(("delete", old, None, None))
        elif (row_mark is not None and row_mark.tag == qn("w:ins")) or not old_text.strip():
            found.append(("insert", None, new, None))
        else:
            found.append(("pair", old, new, None))
    out: set[Story] = {(kind, old, new) for kind, old, new, _ in found if kind not in ("from", "to")}
    sources = {name: old for kind, old, _, name in found if kind == "from"}
    for kind, _, new, name in found:
        if kind == "to":
            out.add(("move", sources.pop(name or "", None), new))
    out |= {("move", old, None) for old in sources.values()}  # a move's end without its other end
    return out
