"""OLD's list numbering in NEW's package, so that OLD's numbered paragraphs come back numbered.

A Word paragraph numbered by Word (`w:numPr`) holds no number in its runs: the number is drawn from a
list (`w:num` → `w:abstractNum`) of its package's numbering part. OLD's deleted paragraphs are copies of
OLD's own, so their `w:numId` must name a list of NEW's package that draws what OLD drew: the same list
when NEW has it (one template: the same id, or another id of the same levels, so Reject All counts
OLD's paragraphs with NEW's in one list), else a copy of OLD's list added to NEW's numbering part.
"""

from __future__ import annotations

import copy

from lxml import etree

from ajdiff.read.formats.ooxml import qn
from ajdiff.redline.package import Package

_Levels = tuple[tuple[str, ...], ...]


def _value(parent: etree._Element, tag: str) -> str:
    el = parent.find(qn(tag))
    return (el.get(qn("w:val")) or "") if el is not None else ""


def _lists(numbering: etree._Element) -> tuple[dict[str, etree._Element], dict[str, etree._Element]]:
    """(numId → `w:num`, abstractNumId → `w:abstractNum`) of a numbering part."""
    nums = {n.get(qn("w:numId")) or "": n for n in numbering.iterchildren(qn("w:num"))}
    abstracts = {a.get(qn("w:abstractNumId")) or "": a for a in numbering.iterchildren(qn("w:abstractNum"))}
    return nums, abstracts


def _levels(num: etree._Element, abstracts: dict[str, etree._Element]) -> _Levels | None:
    """What a list draws, level by level (start, format, text, style, and the list's own overrides)."""
    abstract = abstracts.get(_value(num, "w:abstractNumId"))
    if abstract is None:
        return None
    levels = [
        (lvl.get(qn("w:ilvl")) or "", _value(lvl, "w:start"), _value(lvl, "w:numFmt"), _value(lvl, "w:lvlText"))
        for lvl in abstract.iterchildren(qn("w:lvl"))
    ]
    levels.append(("style", _value(abstract, "w:numStyleLink"), _value(abstract, "w:styleLink"), ""))
    for override in num.iterchildren(qn("w:lvlOverride")):
        levels.append(("override", override.get(qn("w:ilvl")) or "", etree.tostring(override).decode(), ""))
    return tuple(levels)


def _top(numbering: etree._Element, tag: str, attr: str) -> int:
    values = [el.get(qn(attr)) or "" for el in numbering.iterchildren(qn(tag))]
    return max((int(v) for v in values if v.isdigit()), default=0)


def _copy_list(num: etree._Element, abstracts: dict[str, etree._Element], numbering: etree._Element) -> str:
    """A copy of OLD's list (its abstract definition and its num) added to NEW's numbering part; its numId."""
    abstract = copy.deepcopy(abstracts[_value(num, "w:abstractNumId")])
    abstract_id, num_id = (
        str(_top(numbering, "w:abstractNum", "w:abstractNumId") + 1),
        str(_top(numbering, "w:num", "w:numId") + 1),
    )
    abstract.set(qn("w:abstractNumId"), abstract_id)
    for nsid in abstract.findall(qn("w:nsid")):
        abstract.remove(nsid)  # Word takes two lists of one nsid for one list
    added = copy.deepcopy(num)
    added.set(qn("w:numId"), num_id)
    link = added.find(qn("w:abstractNumId"))
    assert link is not None  # `_levels` found its abstract definition
    link.set(qn("w:val"), abstract_id)
    # CT_Numbering: numPicBullet*, abstractNum*, num*, numIdMacAtCleanup?
    later = [c for c in numbering if etree.QName(c).localname in ("num", "numIdMacAtCleanup")]
    if later:
        later[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if cleanup is None:
        numbering.append(added)
    else:
        cleanup.addprevious(added)
    return num_id


def adopt_numbering(old: Package, new: Package) -> None:
    """Point OLD's numbered paragraphs (in OLD's parsed body, which is only read) at lists of NEW's package
    that draw the same numbers, adding a copy of OLD's list to NEW's numbering part where NEW has none."""
    used = {el.get(qn("w:val")) or "" for el in old.body.iter(qn("w:numId"))} - {"", "0"}
    old_numbering = old.part("numbering") if used else None
    if old_numbering is None:
        return
    old_nums, old_abstracts = _lists(old_numbering)
    new_numbering = new.part("numbering")
    new_nums, new_abstracts = _lists(new_numbering) if new_numbering is not None else ({}, {})
    by_levels: dict[_Levels, str] = {}
    for num_id, listed in new_nums.items():
        found = _levels(listed, new_abstracts)
        if found is not None:
            by_levels.setdefault(found, num_id)
    mapping: dict[str, str] = {}
    for num_id in sorted(used):
        num = old_nums.get(num_id)
        levels = _levels(num, old_abstracts) if num is not None else None
        if num is None or levels is None:
            continue
        same = new_nums.get(num_id)
        if same is not None and _levels(same, new_abstracts) == levels:
            mapping[num_id] = num_id
        elif levels in by_levels:
            mapping[num_id] = by_levels[levels]
        else:
            mapping[num_id] = by_levels[levels] = _copy_list(num, old_abstracts, new.numbering())
    for el in old.body.iter(qn("w:numId")):
        value = el.get(qn("w:val")) or ""
        if value in mapping and mapping[value] != value:
            el.set(qn("w:val"), mapping[value])
        elif value not in mapping and value not in ("", "0"):
            el.set(qn("w:val"), "0")  # a list OLD's package lacks: no number, as Word draws it
