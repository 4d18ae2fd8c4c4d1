"""The structure reader: the lines of one job description become its document tree — a title block,
then sections at their headings, each read into fields, numbered items with their results, bullets
and paragraphs. Typed keys are set on the nodes here, from the vocabulary and the structure."""

from __future__ import annotations

from dataclasses import field

from ajdiff.read.content import capitals_go_on, read_duties, read_fields, read_generic, read_list, read_paragraph
from ajdiff.read.lexicon import text_looks_like_ocr
from ajdiff.read.lines import Line, numbering, page_width, prepare
from ajdiff.read.orders import RawDocument
from ajdiff.read.vocabulary import (
    heading_key,
    heading_prefix,
    is_results_label,
    is_table_header,
    match_label,
    vocabulary,
)
from ajdiff.records import dataclass
from ajdiff.text import fold, slugify
from ajdiff.tree import Node, NodeKind

_MAX_HEADING_CHARS = 90
_LIST_KEYS = frozenset({"rights", "responsibilities", "competencies"})


@dataclass
class _Draft:
    """A section being collected: its heading line and the lines under it."""

    key: str | None
    title: str
    number: str | None
    heading: Line | None
    numbered: bool
    lines: list[Line] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)


@dataclass(frozen=True)
class _Heading:
    """A heading line as read: its section key, title, number and the text after it on the line."""

    key: str | None
    title: str
    number: str | None
    inline: str
    """Text after the heading name on the same line ('2. Teenistuskoha eesmärk Arendamise …')."""


def _is_label(text: str) -> bool:
    hit = match_label(text)
    return hit is not None and not hit.rest


def _caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _heading(
    line: Line, expected: int, following: Line | None, in_body: bool, in_fields: bool = True
) -> _Heading | None:
    """The heading a line is, or None. `expected` is the next top-level number; `following` the next line;
    `in_fields` whether the section it stands in reads labels as fields."""
    num = line.num
    if num is not None:
        if num.depth != 1 or num.style not in ("decimal", "roman"):
            return None
        title = num.rest
        if not title or not (title[0].isupper() or title[0].isdigit()):
            return None
        words = title.split()
        hit = heading_prefix(title)
        if len(title) > 400 and not (hit and hit[0] == "goal"):
            # A long line is a paragraph, unless it opens with the goal's heading, the goal after it:
            # a PDF joins "2. Teenistuskoha eesmärk on …" with the lines of its paragraph.
            return None
        if hit and len(" ".join(words[: hit[1]])) <= _MAX_HEADING_CHARS:
            key, used = hit
            if _is_caps(" ".join(words[:used])):
                # "3. NÕUDED HARIDUSELE, TÖÖKOGEMUSELE …": a heading in capitals runs to its last capital word.
                while used < len(words) and _caps_word(words[used]):
                    used += 1
            inline = " ".join(words[used:])
            if inline and not inline[0].isupper() and key not in ("goal", "general"):
                return None  # "3. Kohustused seoses …": a sentence, not a heading
            return _Heading(key, " ".join(words[:used]), num.number, inline)
        if len(title) > _MAX_HEADING_CHARS:
            return None
        named = heading_key(title)
        if named:
            return _Heading(named, title, num.number, "")
        if _is_caps(title) and len(words) <= 10:
            return _Heading(None, title, num.number, "")
        # "3. Valveaja rakendamine" followed by "3.1. …": an unknown heading, by its place and children.
        is_next = num.style == "decimal" and int(num.number) in (expected, expected + 1)
        child_number = following.num.number if following is not None and following.num is not None else ""
        opens = child_number.startswith(num.number + ".")
        if is_next and opens and len(words) <= 8 and not title.endswith((".", ";", ",")):
            return _Heading(None, title, num.number, "")
        return None
    text = line.text.rstrip(":").strip()
    # A heading starts with a capital and ends without a full stop: "motiveerivad eesmärgid." is a wrap.
    if not text or len(text) > _MAX_HEADING_CHARS or line.bullet or not text[0].isupper() or text.endswith("."):
        return None
    named = heading_key(text)
    # "Teenistuskoha eesmärk" or "Õigused" alone on a line is a label whose value follows, not a heading,
    # where labels are read as fields; under a heading ajdiff has no name for ('2. AMETIKOHA KIRJELDUS' /
    # 'Ametikoha eesmärk:') it names a part of that section, as 'Põhiülesanded:' beside it does.
    if named and not (in_body and in_fields and not _is_caps(text) and _is_label(text)):
        return _Heading(named, text, None, "")
    if (
        in_body
        and _is_caps(text)
        and len(text.split()) <= 8
        and fold(text) != vocabulary().title_word
        and not is_table_header(text)  # "TULEMUS": a duty table's column, wrapped under its row
    ):
        return _Heading(None, text, None, "")
    return None


def _goes_on_capitals(above: Line, line: Line) -> bool:
    """Whether a line in capitals that names no section goes on the value in capitals of the label above
    it (see `capitals_go_on`): a value the page's width cut, not a heading of its own."""
    hit = match_label(above.body if above.num is not None else above.text)
    return hit is not None and capitals_go_on(hit.rest, line.text)


def _sections(lines: list[Line]) -> tuple[list[Line], list[_Draft]]:
    """Cut the lines at their headings: the title block, then top-level sections with their sub-sections."""
    title: list[Line] = []
    top: list[_Draft] = []
    expected = 1
    review = vocabulary().review_sentence
    for k, line in enumerate(lines):
        following = lines[k + 1] if k + 1 < len(lines) else None
        if line.text[:11].lower() == "ametijuhend" and fold(line.text).startswith(review):
            top.append(_Draft("review", "", None, None, False, [line]))
            continue
        h = _heading(line, expected, following, bool(top), not top or top[-1].key is not None)
        if h is not None and h.key is None and h.number is None and k and _goes_on_capitals(lines[k - 1], line):
            h = None  # "1. Ametinimetus:   PIKAPÄEVARÜHMA" / "KASVATAJA": the value wrapped, no heading
        if h is not None and h.key == "duties" and h.number is None and _repeats_duty_header(top, following):
            h = None  # 'Ulesanded' / 'Tulemused': the duty table's header row again, on the next page of a scan
        if h is None:
            (top[-1].children[-1].lines if top and top[-1].children else top[-1].lines if top else title).append(line)
            continue
        if h.number and h.number.isdigit():
            expected = int(h.number) + 1
        text = h.inline
        if h.key == "goal" and (text.startswith("on ") or text == "on"):
            # "2. Teenistuskoha eesmärk on järelevalve …": the goal is what follows "on" (on the next
            # line when a narrow page wrapped after it: "2. Teenistuskoha eesmärk on" / "Transpordiametis …").
            text = text[3:]
        heading_line = line
        inline: list[Line] = []
        if text:
            # The heading keeps its own words as written; the value after it is a line of its own.
            cut = line.verbatim.rfind(h.inline) if h.inline else -1
            own, rest = (line.verbatim[:cut].rstrip(), line.verbatim[cut:]) if cut > 0 else (line.verbatim, h.inline)
            heading_line = Line(line.text, own, line.origin, line.blank_before, line.bullet, line.num)
            inline = [Line(text, rest, line.origin, False, False, numbering(text))]
        draft = _Draft(h.key, h.title, h.number, heading_line, h.number is not None, inline)
        parent = top[-1] if top else None
        # An unnumbered, not capitalised heading inside a numbered section is its sub-section
        # ("4. Õigused ja vastutus" → "Õigused", "Vastutus").
        if parent and parent.numbered and h.number is None and not _is_caps(h.title):
            parent.children.append(draft)
        else:
            top.append(draft)
    return title, top


def _goal_after_on(text: str) -> str | None:
    """What a goal's sentence says the goal is: after its opening "on", or after the goal's name and "on"
    ("Ametikoha eesmärk on järelevalve …" → "järelevalve …"); None when the sentence does not open so."""
    words = text.split()
    hit = heading_prefix(text)
    used = hit[1] if hit is not None and hit[0] == "goal" else 0
    if len(words) > used + 1 and words[used] == "on":
        return " ".join(words[used + 1 :])
    return None


_GOAL_NAME_LINES = 3  # the goal's name and "on" ("Teenistuskoha eesmärk on") wrap over three lines at most


def _after_goal_name(lines: list[Line]) -> list[Line]:
    """The goal's lines without the opening "<goal's name> on" (see `_goal_after_on`), however they wrap it."""
    head = lines[:_GOAL_NAME_LINES]
    opening = " ".join(line.text for line in head)
    goal = _goal_after_on(opening)
    if goal is None:
        return lines
    drop = len(opening.split()) - len(goal.split())  # words of the name and "on", over the first lines
    out = list(lines)
    dropped: list[str] = []  # the verbatim of lines that held only the name: kept with the goal's first line
    while out and drop:
        first = out[0]
        words = first.text.split()
        if len(words) > drop:
            verbatim = "\n".join([*dropped, first.verbatim])
            out[0] = Line(" ".join(words[drop:]), verbatim, first.origin, first.blank_before)
            break
        drop -= len(words)
        dropped.append(out.pop(0).verbatim)
    return out


def _repeats_duty_header(top: list[_Draft], following: Line | None) -> bool:
    """True when an unnumbered duties heading ('Ülesanded') over a results column's name ('Tulemused')
    comes where duties are read already: a duty table's header row that a page repeats, OCR'd a cell a
    line, is no new list of duties (it cut Sotsiaalministeerium's result 'Siseauditi juht on viivitamatult
    informeeritud' / 'takistustest …' in two, and its 'Lisaülesanded' item 1 in three)."""
    if following is None or not is_results_label(following.text.rstrip(": ")) or not top:
        return False
    open_ = top[-1].children[-1] if top[-1].children else top[-1]
    # A numbered duty read already: right under the duties' heading ('3. TEENISTUSÜLESANDED' /
    # 'Põhiülesanded' / 'Oodatavad tulemused', seed 004) the header row names the list's part as before.
    return open_.key == "duties" and any(line.num is not None for line in open_.lines)


def _other_key(title: str) -> str:
    return f"other.{slugify(title)}"


def _read_section(draft: _Draft, wrapped: bool, warnings: list[str], columns: bool = False, width: int = 0) -> Node:
    """One section as a node: its content read by what the section is (`width`: see `lines.page_width`)."""
    key = draft.key
    lines = draft.lines
    if key == "general":
        children = read_fields(lines, "general.", warnings)
    elif key == "goal":
        if draft.heading is not None:
            # "2. Teenistuskoha eesmärk" / "on järelevalve …": the goal is what follows "on", as when
            # the heading and its sentence share a line (a PDF joins them), and as when the sentence
            # names the goal below its heading ("2. AMETIKOHA EESMÄRK" / "Ametikoha eesmärk on …"),
            # wherever a page wrapped it ("… EESMÄRK Ametikoha" / "eesmärk on järelevalve …").
            lines = _after_goal_name(lines)
        children = read_paragraph(lines, "general.goal")
    elif key == "duties":
        children = read_duties(lines, wrapped, warnings, draft.number, columns, width)
    elif key == "requirements":
        children = read_fields(lines, "requirements.", warnings)
    elif key in _LIST_KEYS:
        children = read_list(lines, key)
    elif key == "rights_resp":
        children = read_fields(lines, "rights_resp.", warnings)
    elif key == "review":
        children = read_paragraph(lines, "review")
    else:
        children = read_generic(lines)
    sub = tuple(_read_section(child, wrapped, warnings, columns, width) for child in draft.children)
    verbatim = draft.heading.verbatim if draft.heading else ""
    section_key = key if key else _other_key(draft.title)
    text = " ".join(c.text for c in children if c.text)
    return Node(
        NodeKind.SECTION,
        text,
        verbatim,
        number=draft.number,
        label=draft.title or None,
        key=section_key,
        children=(*children, *sub),
        where=draft.heading.origin if draft.heading else (lines[0].origin if lines else None),
    )


def _title_node(raw: RawDocument, lines: list[Line], warnings: list[str]) -> Node | None:
    """The title and approval block: the approval lines, then what stands before the first section."""
    if not raw.header and not lines:
        return None
    children: list[Node] = []
    if raw.header:
        text = " ".join(raw.header)
        children.append(Node(NodeKind.PARAGRAPH, text, "\n".join(raw.header), key="approval"))
    children += read_fields(lines, "general.", warnings, title=True)
    text = " ".join(c.text for c in children if c.text)
    where = lines[0].origin if lines else None
    return Node(NodeKind.TITLE, text, "", children=tuple(children), where=where)


def build_tree(raw: RawDocument, warnings: list[str]) -> tuple[tuple[Node, ...], list[tuple[str, str]]]:
    """The document tree of one raw document, and the metadata (signatures, page numbers) set aside."""
    lines, metadata = prepare(raw)
    title_lines, drafts = _sections(lines)
    nodes: list[Node] = []
    title = _title_node(raw, title_lines, warnings)
    if title is not None:
        nodes.append(title)
    # OCR of a scanned table loses the diacritics and reads the task and result columns across.
    columns = text_looks_like_ocr(" ".join(line.text for line in lines))
    # Its lines are the scan's lines whatever file holds them (a Word paragraph per OCR'd line): wrapped.
    # A text file's page lines were cut at the page's width; OCR'd lines at a scan's, which its text does
    # not show, and a PDF's lines by its fonts' widths, which its reader weighs itself.
    text_file = bool(raw.origins) and raw.origins[0].line is not None
    width = page_width(raw.lines) if raw.wrapped and text_file and not columns else 0
    nodes += [_read_section(d, raw.wrapped or columns, warnings, columns, width) for d in drafts]
    return tuple(nodes), metadata
