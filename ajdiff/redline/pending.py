"""A colleague's pending tracked changes in NEW, accepted before the redline is written, as Word's Compare does.

The comparison reads every input as if its tracked changes were accepted (the reader skips deleted text
and joins a paragraph whose mark is deleted to the next). The redline's base is NEW's own package, so
its pending revisions are accepted the same way first: the body then holds exactly the text that was
compared, every revision in the redline is ajdiff's (no two share a `w:id`), and Reject All gives OLD —
not a state in between that nobody compared. The caller says so in a warning.
"""

from __future__ import annotations

from lxml import etree

from ajdiff.read.formats.ooxml import qn
from ajdiff.redline.oxml import first_at, first_child

# Revisions whose content goes on accepting (text deleted or moved away).
_REMOVED = frozenset({qn("w:del"), qn("w:moveFrom")})
# Revisions whose content stays on accepting (text inserted or moved here).
_UNWRAPPED = frozenset({qn("w:ins"), qn("w:moveTo")})
# Records of former properties, and the ends of move and custom XML ranges: dropped on accepting.
_RECORDS = frozenset(
    qn(f"w:{t}")
    for t in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellIns",
        "cellMerge",
    )
)
_RANGES = frozenset(
    qn(f"w:{t}")
    for t in (
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "customXmlInsRangeStart",
        "customXmlInsRangeEnd",
        "customXmlDelRangeStart",
        "customXmlDelRangeEnd",
        "customXmlMoveFromRangeStart",
        "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart",
        "customXmlMoveToRangeEnd",
    )
)


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    """Put an element's children where it stands (keeping the text after it)."""
    parent = el.getparent()
    if parent is None:
        return
    for child in list(el):
        el.addprevious(child)
    _remove(el)


def _mark(p: etree._Element) -> etree._Element | None:
    """The revision on a paragraph's mark (`w:pPr/w:rPr/w:ins|del|moveFrom|moveTo`), if any."""
    rpr = first_at(p, qn("w:pPr"), qn("w:rPr"))
    if rpr is None:
        return None
    return next((c for c in rpr if c.tag in _REMOVED or c.tag in _UNWRAPPED), None)


def _join_next(p: etree._Element) -> None:
    """A paragraph whose mark is deleted runs on into the next one (which keeps its own properties)."""
    following = p.getnext()
    while following is not None and following.tag not in (qn("w:p"), qn("w:tbl"), qn("w:sdt")):
        following = following.getnext()
    if following is None or following.tag != qn("w:p"):
        return  # nothing to join with (a table, the end of a cell): the paragraph stays, as in Word
    ppr = first_child(following, qn("w:pPr"))
    anchor = ppr
    for child in [c for c in p if c.tag != qn("w:pPr")]:
        if anchor is None:
            following.insert(0, child)
        else:
            anchor.addnext(child)
        anchor = child
    _remove(p)


def accept_all(root: etree._Element) -> int:
    """Accept every tracked change in a part (a body, a header, a footer, notes); how many there were."""
    count = 0
    for tr in list(root.iter(qn("w:tr"))):
        trpr = first_child(tr, qn("w:trPr"))
        marks = [c for c in trpr if c.tag in _REMOVED or c.tag in _UNWRAPPED] if trpr is not None else []
        count += len(marks)
        if any(m.tag in _REMOVED for m in marks):
            _remove(tr)
        else:
            for m in marks:
                _remove(m)
    for tc in list(root.iter(qn("w:tc"))):
        if first_at(tc, qn("w:tcPr"), qn("w:cellDel")) is not None:
            count += 1
            _remove(tc)
    for p in list(root.iter(qn("w:p"))):
        mark = _mark(p)
        if mark is None:
            continue
        count += 1
        _remove(mark)
        if mark.tag in _REMOVED:
            _join_next(p)
    for el in list(root.iter(*_REMOVED)):
        count += 1
        _remove(el)
    for el in list(root.iter(*_UNWRAPPED)):
        count += 1
        _unwrap(el)
    for el in list(root.iter(*_RECORDS)):
        count += 1
        _remove(el)
    for el in list(root.iter(*_RANGES)):
        _remove(el)
    return count
