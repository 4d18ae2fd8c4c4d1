"""OLD's list numbering in NEW's package, so that OLD's numbered paragraphs come back numbered.

A Word paragraph numbered by Word (`w:numPr`) holds no number in its runs: the number is drawn from a
list (`w:num` → `w:abstractNum`) of its package's numbering part. OLD's deleted paragraphs are copies of
OLD's own, so their `w:numId` must name a list of NEW's package that draws what OLD drew: the same list
when NEW has it (one template: the same id, or another id of the same levels, so Reject All counts
OLD's paragraphs with NEW's in one list), else a copy of OLD's list added to NEW's numbering part.
"""

from __future__ import annotations

from lxml import etree

from ajdiff.read.formats.ooxml import qn
from ajdiff.redline.oxml import add_list, clone, first_child, next_list_ids
from ajdiff.redline.package import Package

_Levels = tuple[tuple[str, ...], ...]
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _value(parent: etree._Element, tag: str) -> str:
    el = first_child(parent, qn(tag))
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


def _copy_list(num: etree._Element, abstracts: dict[str, etree._Element], numbering: etree._Element) -> str:
    """A copy of OLD's list (its abstract definition and its num) added to NEW's numbering part; its numId."""
    abstract = clone(abstracts[_value(num, "w:abstractNumId")])
    abstract_id, num_id = next_list_ids(numbering)
    abstract.set(qn("w:abstractNumId"), abstract_id)
    for nsid in abstract.findall(qn("w:nsid")):
        abstract.remove(nsid)  # Word takes two lists of one nsid for one list
    added = clone(num)
    added.set(qn("w:numId"), num_id)
    link = first_child(added, qn("w:abstractNumId"))
    assert link is not None  # `_levels` found its abstract definition
    link.set(qn("w:val"), abstract_id)
    add_list(numbering, abstract, added)
    return num_id


def adopt_numbering(old: Package, new: Package) -> None:
    """Point OLD's numbered paragraphs (in OLD's parsed body, which is only read) at lists of NEW's package
    that draw the same numbers, adding a copy of OLD's list to NEW's numbering part where NEW has none
    (each of its paragraphs then starts that copy at the number it had in OLD: they are OLD's only)."""
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
    copied: dict[str, etree._Element] = {}  # OLD's lists copied in, by OLD's numId
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
            copied[num_id] = num
    each = _Instances(new.numbering(), copied, mapping, old_abstracts) if copied else None
    for numpr in old.body.iter(qn("w:numPr")):
        el = first_child(numpr, qn("w:numId"))
        value = (el.get(qn("w:val")) or "") if el is not None else ""
        if el is None or value in ("", "0"):
            continue
        if each is not None and value in copied:
            el.set(qn("w:val"), each.of(numpr, value))
        elif value in mapping:
            el.set(qn("w:val"), mapping[value])
        else:
            el.set(qn("w:val"), "0")  # a list OLD's package lacks: no number, as Word draws it


_LEVELS = 9
"""A Word list has levels 0 to 8."""


def _starts(num: etree._Element, abstracts: dict[str, etree._Element]) -> list[int]:
    """The number each level of a list starts at: its definition's, or its own override."""
    starts = [1] * _LEVELS
    abstract = abstracts[_value(num, "w:abstractNumId")]
    for lvl in abstract.iterchildren(qn("w:lvl")):
        level, start = lvl.get(qn("w:ilvl")) or "", _value(lvl, "w:start")
        if level.isdigit() and int(level) < _LEVELS and start.isdigit():
            starts[int(level)] = int(start)
    for override in num.iterchildren(qn("w:lvlOverride")):
        level, start = override.get(qn("w:ilvl")) or "", _value(override, "w:startOverride")
        if level.isdigit() and int(level) < _LEVELS and start.isdigit():
            starts[int(level)] = int(start)
    return starts


class _Instances:
    """For OLD's paragraphs of the lists copied into NEW's package, a list instance each that starts (at
    its level and those above) at the numbers OLD drew for it: NEW holds none of that list's paragraphs,
    so only OLD's come back in it, and each draws its OLD number, not a count of the restored ones."""

    def __init__(
        self,
        numbering: etree._Element,
        copied: dict[str, etree._Element],
        mapping: dict[str, str],
        abstracts: dict[str, etree._Element],
    ) -> None:
        self.numbering = numbering
        self.counts = {num_id: [0] * _LEVELS for num_id in copied}
        self.starts = {num_id: _starts(num, abstracts) for num_id, num in copied.items()}
        self.copies = {num_id: _abstract_of(numbering, mapping[num_id]) for num_id in copied}
        self.next = int(next_list_ids(numbering)[1])

    def of(self, numpr: etree._Element, value: str) -> str:
        """The numId of a new instance for the next paragraph of OLD's list `value`, in document order."""
        raw = _value(numpr, "w:ilvl")
        level = min(int(raw), _LEVELS - 1) if raw.isdigit() else 0
        count = self.counts[value]
        count[level] += 1
        count[level + 1 :] = [0] * (_LEVELS - level - 1)
        at = [self.starts[value][k] + max(count[k], 1) - 1 for k in range(level + 1)]
        num_id, self.next = str(self.next), self.next + 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{n}"/></w:lvlOverride>' for k, n in enumerate(at)
        )
        instance = etree.fromstring(
            f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{self.copies[value]}"/>'
            f"{overrides}</w:num>"
        )
        cleanup = first_child(self.numbering, qn("w:numIdMacAtCleanup"))
        if cleanup is None:
            self.numbering.append(instance)
        else:
            cleanup.addprevious(instance)
        return num_id


def _abstract_of(numbering: etree._Element, num_id: str) -> str:
    """The abstract definition a list of a numbering part draws from, by its numId."""
    num = _lists(numbering)[0][num_id]
    return _value(num, "w:abstractNumId")
