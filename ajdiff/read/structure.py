"""The structure reader: the lines of one job description become its document tree — a title block,
then sections at their headings, each read into fields, numbered items with their results, bullets
and paragraphs. Typed keys are set on the nodes here, from the vocabulary and the structure."""

from __future__ import annotations

from dataclasses import field, replace

from ajdiff.i18n import current
from ajdiff.read.content import capitals_go_on, read_duties, read_fields, read_generic, read_list, read_paragraph
from ajdiff.read.lexicon import restore_lines, restore_text, text_looks_like_ocr
from ajdiff.read.lines import (
    HEADING_CHARS,
    Line,
    Numbering,
    may_be_bare,
    may_open_section,
    numbering,
    page_width,
    prepare,
)
from ajdiff.read.memo import short_text_memo
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
from ajdiff.tree import SHARED_ORIGINS, Node, NodeKind, Origin, make_node

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
    return _capitals(word) >= 1


def _is_caps(text: str) -> bool:
    return _capitals(text) >= 4


def _capitals(text: str) -> int:
    """How many letters the text has when all are capitals, else -1: it stops at the first small letter,
    the second of most lines ('Teenistuskoha …'), where listing every letter read the whole line."""
    count = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return -1
            count += 1
    return count


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
        heading, by_place = _numbered_heading(title, num.number)
        if not by_place:
            return heading
        # "3. Valveaja rakendamine" followed by "3.1. …": an unknown heading, by its place and children.
        is_next = num.style == "decimal" and int(num.number) in (expected, expected + 1)
        child_number = following.num.number if following is not None and following.num is not None else ""
        return heading if is_next and child_number.startswith(num.number + ".") else None
    if line.bullet:
        return None
    text = line.text
    last = text[-1:]
    if last == "." or not (last == ":" or last.isspace() or text[:1].isspace()):
        # Most lines: nothing to trim off either end, so the tests below see the line as it is (a heading ends
        # without a full stop, starts with a capital and is short).
        return (
            None
            if last == "." or len(text) > HEADING_CHARS or not text[:1].isupper()
            else _unnumbered(text, in_body, in_fields)
        )
    text = text.rstrip(":").strip()
    if line.text.rstrip().endswith(":") and text.endswith(" on"):
        # "Hooldustöötaja kohustused on:" (Pärnu Sotsiaalkeskus): the heading said as a sentence whose
        # copula and colon bring on the list; a label's "Tööaeg on libisev, …" has no colon after "on".
        text = text[:-3].rstrip()
    # A heading starts with a capital and ends without a full stop: "motiveerivad eesmärgid." is a wrap.
    if not text or len(text) > HEADING_CHARS or not text[0].isupper() or text.endswith("."):
        return None
    return _unnumbered(text, in_body, in_fields)


@short_text_memo(maxsize=1024)  # every document repeats its few top-level headings, and a batch's documents theirs
def _numbered_heading(title: str, number: str) -> tuple[_Heading | None, bool]:
    """The heading a top-level number's line is by its title alone (`_heading`), and whether it is one only where its
    place says so (the next number, its first item below it): (None, False) where it is none. Remembered, the heading
    with it: its words were looked up, split and joined again, and the heading made (18,500 instructions a line)."""
    words = title.split()
    hit = heading_prefix(title)
    if len(title) > 400 and not (hit and hit[0] == "goal"):
        # A long line is a paragraph, unless it opens with the goal's heading, the goal after it:
        # a PDF joins "2. Teenistuskoha eesmärk on …" with the lines of its paragraph.
        return None, False
    if hit and len(" ".join(words[: hit[1]])) <= HEADING_CHARS:
        key, used = hit
        if _is_caps(" ".join(words[:used])):
            # "3. NÕUDED HARIDUSELE, TÖÖKOGEMUSELE …": a heading in capitals runs to its last capital word.
            while used < len(words) and _caps_word(words[used]):
                used += 1
        inline = " ".join(words[used:])
        if inline and not inline[0].isupper() and key not in ("goal", "general"):
            return None, False  # "3. Kohustused seoses …": a sentence, not a heading
        return _Heading(key, " ".join(words[:used]), number, inline), False
    if len(title) > HEADING_CHARS:
        return None, False
    named = heading_key(title)
    if named:
        return _Heading(named, title, number, ""), False
    if _is_caps(title) and len(words) <= 10:
        return _Heading(None, title, number, ""), False
    if len(words) <= 8 and not title.endswith((".", ";", ",")):
        return _Heading(None, title, number, ""), True
    return None, False


def _unnumbered(text: str, in_body: bool, in_fields: bool) -> _Heading | None:
    """The heading an unnumbered line's trimmed text is (short, a capital first, no full stop last), or None."""
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


def _sections(lines: list[Line], opening: list[int] | None = None) -> tuple[list[Line], list[_Draft]]:
    """Cut the lines at their headings: the title block, then top-level sections with their sub-sections. `opening`:
    where the lines that may open a section stand (`may_open_section`, as `prepare` tells them), when known."""
    title: list[Line] = []
    top: list[_Draft] = []
    expected = 1
    review = vocabulary().review_sentence
    sink = title  # where a line that is no heading goes: the last section's (or sub-section's) lines
    if opening is None:
        opening = [k for k, line in enumerate(lines) if may_open_section(line.text, line.num)]
    done = 0  # lines[:done] are in their sections
    # Only the lines that may open a section are looked at, the others going to the one above them a run at a time:
    # a look at each line cost 2,700 instructions (a twenty-fifth of a batch pair), most lines being no heading.
    for k in opening:
        sink += lines[done:k]
        done = k + 1
        line = lines[k]
        text = line.text
        if text[:1] in ("A", "a") and text[:11].lower() == "ametijuhend" and fold(text).startswith(review):
            top.append(_Draft("review", "", None, None, False, [line]))
            sink = top[-1].lines
            continue
        following = lines[k + 1] if k + 1 < len(lines) else None
        h = _heading(line, expected, following, bool(top), not top or top[-1].key is not None)
        if h is not None and h.key is None and h.number is None and k and _goes_on_capitals(lines[k - 1], line):
            h = None  # "1. Ametinimetus:   PIKAPÄEVARÜHMA" / "KASVATAJA": the value wrapped, no heading
        if h is not None and h.key == "duties" and h.number is None and _repeats_duty_header(top, following):
            h = None  # 'Ulesanded' / 'Tulemused': the duty table's header row again, on the next page of a scan
        if h is None:
            sink.append(line)
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
            if cut < 0 and h.inline:
                cut = _last_words_at(line.verbatim, len(h.inline.split()), len(line.text.split()))
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
        sink = draft.lines
    sink += lines[done:]
    return title, top


def _last_words_at(verbatim: str, count: int, words: int) -> int:
    """Where the last `count` words of a line's verbatim start, when it has as many words as its text
    (`words`): an OCR'd line's text has its words restored ('jarelevalve' → 'järelevalve') and is no
    longer found in the verbatim as written; -1 when the words do not correspond."""
    spans = [k for k, c in enumerate(verbatim) if not c.isspace() and (k == 0 or verbatim[k - 1].isspace())]
    return spans[len(spans) - count] if len(spans) == words and 0 < count < words else -1


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


_Placed = tuple[str, str, bool, bool, Numbering | None, int | Origin]
"""A line as reading a section depends on it: text, verbatim, blank before, bullet, number, and where it stands,
a text file's line counted from the section's first (`_frozen`)."""
_Section = tuple[str | None, str, str | None, bool, tuple[_Placed, ...], tuple["_Section", ...]]
"""A draft as its reading depends on it: key, title, number, whether its first line is its heading, its lines,
sub-sections (see `_frozen`)."""


def _frozen(draft: _Draft, base: int) -> _Section:
    """A draft as a hashable value of what `_read_draft` reads of it (whether it was numbered it does not), its text
    file's lines counted from line `base`: a section that a version's longer duties moved down reads the same, but
    for its nodes' lines (`Node.moved`)."""
    placed = []
    for line in (draft.heading, *draft.lines) if draft.heading is not None else draft.lines:
        origin = line.origin
        at = origin.line
        # A text file's line is the one shared Origin of its number (`line_origin`'s, in `SHARED_ORIGINS`): asked as
        # `_shift` and `Node.moved` ask it, by a look-up that makes none. Any other origin stays.
        where = at - base if at is not None and origin is SHARED_ORIGINS.get(at) else origin
        placed.append((line.text, line.verbatim, line.blank_before, line.bullet, line.num, where))
    children = tuple([_frozen(child, base) for child in draft.children]) if draft.children else ()
    return (draft.key, draft.title, draft.number, draft.heading is not None, tuple(placed), children)


_SECTIONS_KEPT = 256
"""Sections remembered: a pair's two versions are read one after the other, and an agency's posts of one body
share their clauses, rights and requirements, so few entries serve."""
_SECTION_CHARS = 20_000
"""Sections with more characters in their lines than this are read afresh and never kept: the memo holds at
most some megabytes, whatever a file's paragraphs hold."""

_kept: dict[tuple[_Section, bool, bool, int, str], tuple[Node, tuple[str, ...], int]] = {}
"""The last sections read (`_SECTIONS_KEPT`), by what their reading reads, with the warnings their reading made
and the line their lines were counted from (`_frozen`). `functools.lru_cache` would key by that line too, and a
section that a version's longer duties moved down would never be found."""


def _read_section(draft: _Draft, wrapped: bool, warnings: list[str], columns: bool = False, width: int = 0) -> Node:
    """One section as a node: its content read by what the section is (`width`: see `lines.page_width`).

    Two versions of a post, and the posts of one body, repeat most sections but the duties word for word: such a
    section is read once while it is remembered (`_kept`), with the warnings it made. The key holds everything the
    reading reads (the lines with their numbers and where they stand, the reading's flags, the language of the
    warnings), so a remembered section is the node the reading would make, moved to the section's own lines when
    the document has it lower or higher (`Node.moved`). Nodes are immutable: one shared by two documents is equal to
    each one's own."""
    if draft.key == "duties":
        # What versions of a post change most: none of a batch's 2,000 duty lists repeated one read before, one of
        # seeds 000 and 003's 18; asking cost more than it saved (`_frozen` of every duty's lines). Their duties
        # repeat, each remembered by itself (`content._kept_duties`).
        return _read_draft(draft, wrapped, warnings, columns, width)
    first = draft.heading or (draft.lines[0] if draft.lines else None)
    base = (first.origin.line or 0) if first is not None else 0
    section = _frozen(draft, base)
    key = (section, wrapped, columns, width, current())
    kept = _kept.get(key)
    if kept is None:
        said: list[str] = []
        node = _read_draft(draft, wrapped, said, columns, width)
        kept = (node, tuple(said), base)
        if _chars(section) <= _SECTION_CHARS:
            if len(_kept) >= _SECTIONS_KEPT:
                _kept.pop(next(iter(_kept), key), None)  # the oldest
            _kept[key] = kept
    node, made, read_at = kept
    warnings += made
    return node if read_at == base else node.moved(base - read_at)


def _chars(section: _Section) -> int:
    """The characters of a section's lines, with its sub-sections'."""
    return sum([len(line[1]) for line in section[4]]) + sum([_chars(child) for child in section[5]])


def _read_draft(draft: _Draft, wrapped: bool, warnings: list[str], columns: bool = False, width: int = 0) -> Node:
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
    sub = tuple([_read_draft(child, wrapped, warnings, columns, width) for child in draft.children])
    verbatim = draft.heading.verbatim if draft.heading else ""
    section_key = key if key else _other_key(draft.title)
    text = " ".join([c.text for c in children if c.text])
    return make_node(
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
    text = " ".join([c.text for c in children if c.text])
    where = lines[0].origin if lines else None
    return Node(NodeKind.TITLE, text, "", children=tuple(children), where=where)


def _restored(lines: list[Line]) -> list[Line]:
    """OCR'd lines with the words OCR damaged given back as the lexicon reads them (`restore_lines`), before
    any heading or label is matched: a heading or a label is made of dictionary words too, and a person
    reads 'Lisatlesanded:' ('ü' read 'tl') as the heading 'Lisaülesanded:'. The verbatim stays as OCR gave it."""
    out = []
    for line, text in zip(lines, restore_lines([line.text for line in lines])):
        if text != line.text:
            num = line.num and replace(line.num, rest=restore_text(line.num.rest, misread=True))
            line = replace(line, text=text, num=num)
        out.append(line)
    return out


def _is_bare_heading(line: Line) -> bool:
    """True for a known heading alone on its line ('3. Kvalifikatsiooninõuded:')."""
    if line.num is not None and line.num.style not in ("decimal", "roman"):
        return False
    return heading_key(line.body.strip().rstrip(":").strip()) is not None


def _is_bare_label(line: Line) -> bool:
    """True for a known label alone on its line ('2. Otsene ülem:'), no heading."""
    if line.num is not None and line.num.style not in ("decimal", "roman"):
        return False
    hit = match_label(line.body.strip())
    return hit is not None and not hit.rest and not _is_bare_heading(line)


def _is_value(line: Line) -> bool:
    """True for a line that may be a label's value in a column of values: no label, heading or number."""
    body = line.text.strip()
    return (
        line.num is None
        and not line.bullet
        and heading_key(body.rstrip(":").strip()) is None
        and match_label(body) is None
    )


_RUN_OF_THREE = b"\x01\x01\x01"
"""Three lines in a row that may be bare, in `_paired_columns`'s bytes (one a line, 1 when it may be)."""


def _paired_columns(lines: list[Line], bare: bytes | None = None) -> list[Line]:
    """A label | value table that OCR read column by column, its labels paired with their values again.

    OCR reads a two-column block as two when the gap between its columns is wide: the label column,
    with the heading under the table, then the value column (SÜG: '1. Ametinimetus:' / '2. Otsene ülem:'
    / '3. Kvalifikatsiooninõuded:', then 'RAAMATUKOGUHOIDJA' / 'raamatukogu juhataja'). A person pairs
    the run of N labels with the run of N values below it. So does this, only where that is certain:
    two or more known labels alone on their lines, then a known heading alone on its line (in written
    text a heading never stands between labels and their values), then exactly N lines that are no
    label, heading, number or bullet, then a label, a heading or a numbered line. Each label's line gets
    its value after it, the heading after them; anything else is left as it is. `bare`: which lines may be a label or
    a heading alone (`may_be_bare`, a byte a line), when `prepare` told it."""
    # Only lines in a run of three that may be bare (two labels and a heading at least) are looked up,
    # the heading first: most documents have no such run, and the vocabulary is asked of few lines. The runs are
    # found by `bytes.find` over a byte a line, where two Python loops over every line cost 0.5 % of a batch.
    may = bare if bare is not None else bytes([may_be_bare(line.text, line.bullet) for line in lines])
    in_three = bytearray(len(lines))
    run = may.find(_RUN_OF_THREE)
    while run >= 0:
        in_three[run : run + 3] = _RUN_OF_THREE
        run = may.find(_RUN_OF_THREE, run + 1)
    out: list[Line] = []
    done = 0  # lines[:done] are in out
    k = 2
    while k < len(lines):
        # The next line that ends a run of three (three lines each in some run are one run): no other is asked.
        run = may.find(_RUN_OF_THREE, k - 2)
        if run < 0:
            break
        k = run + 2
        if not _is_bare_heading(lines[k]):
            k += 1
            continue
        start = k
        while start > done and in_three[start - 1] and _is_bare_label(lines[start - 1]):
            start -= 1
        labels = k - start
        end = k + 1
        while end < len(lines) and in_three[end] and _is_bare_heading(lines[end]):
            end += 1
        headings = end - k
        while labels >= 2 and end < len(lines) and end - k - headings <= labels and _is_value(lines[end]):
            end += 1
        if labels < 2 or end - k - headings != labels or end == len(lines):
            k += headings
            continue
        out.extend(lines[done:start])
        for label, value in zip(lines[start:k], lines[k + headings : end]):
            num = label.num and replace(label.num, rest=f"{label.num.rest} {value.text}")
            verbatim = f"{label.verbatim}\n{value.verbatim}"
            out.append(Line(f"{label.text} {value.text}", verbatim, label.origin, label.blank_before, False, num))
        out.extend(lines[k : k + headings])
        done = k = end
    if not done:
        return lines  # no table: the lines themselves (`build_tree` keeps what it knows of them)
    out.extend(lines[done:])
    return out


def build_tree(raw: RawDocument, warnings: list[str]) -> tuple[tuple[Node, ...], list[tuple[str, str]], bool]:
    """The document tree of one raw document, the metadata (signatures, page numbers) set aside, and
    whether its lines were OCR'd (their words restored by the lexicon before they were read)."""
    lines, metadata, opening, bare = prepare(raw)
    # OCR of a scanned table loses the diacritics and reads the task and result columns across.
    columns = text_looks_like_ocr(" ".join([line.text for line in lines]))  # a list: join makes one of an iterator
    if columns:
        lines = _restored(lines)
    paired = _paired_columns(lines, None if columns else bare)
    # Lines restored or paired are other lines: which may open a section is asked of them again.
    title_lines, drafts = _sections(paired, opening if paired is lines and not columns else None)
    nodes: list[Node] = []
    title = _title_node(raw, title_lines, warnings)
    if title is not None:
        nodes.append(title)
    # Its lines are the scan's lines whatever file holds them (a Word paragraph per OCR'd line): wrapped.
    # A text file's page lines were cut at the page's width; OCR'd lines at a scan's, which its text does
    # not show, and a PDF's lines by its fonts' widths, which its reader weighs itself.
    text_file = bool(raw.origins) and raw.origins[0].line is not None
    width = page_width(raw.lines) if raw.wrapped and text_file and not columns else 0
    nodes += [_read_section(d, raw.wrapped or columns, warnings, columns, width) for d in drafts]
    return tuple(nodes), metadata, columns
