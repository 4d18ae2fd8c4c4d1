"""Readers of a section's content: label–value fields (also stacked, flattened into rows, or written
as sentences), numbered duties with their results, lists, paragraphs and generic numbered items.
Each returns tree nodes that keep the lines' verbatim text."""

from __future__ import annotations

import re
from dataclasses import field, replace
from functools import cache

from ajdiff.i18n import _
from ajdiff.read.formats import MAX_LINE_CHARS
from ajdiff.read.lines import Line, blank_lines_between, cut_by_width
from ajdiff.read.names import ends_in_genitive
from ajdiff.read.vocabulary import (
    header_fold,
    is_header_row,
    is_list_intro,
    is_results_label,
    is_table_header,
    match_label,
    vocabulary,
)
from ajdiff.records import dataclass
from ajdiff.text import (
    ParagraphTooLong,
    ends_sentence,
    fold,
    join_all_wrapped,
    join_wrapped,
    starts_lower,
    strip_bullet,
    to_ascii,
    wants_more,
)
from ajdiff.tree import SHARED_ORIGINS, Node, NodeKind, make_node

# The kinds as globals: the enum's metaclass has a `__getattr__` in CPython 3.11, which sends every `NodeKind.X` through
# a slow hook (some 1,000 instructions more than a global), and the readers ask a kind of every line.
_FIELD, _ITEM, _RESULT, _BULLET, _PARAGRAPH = (
    NodeKind.FIELD,
    NodeKind.ITEM,
    NodeKind.RESULT,
    NodeKind.BULLET,
    NodeKind.PARAGRAPH,
)
# Labels that may stand more than once: two substitutes, several untyped fields, competency groups.
_REPEATABLE = frozenset({"general.substituted_by", "general.substitutes_for", "untyped", "competencies"})
_OLD_ROW_LABEL = re.compile(r"\b1[.,]([1-9])\.?\s+")
_RESULT_TASK_WORD = re.compile(r"\w+(mine|mise\w*|misel)$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÕÄÖÜŠŽ])")


@dataclass(slots=True)  # one per line of every document read
class _Draft:
    """A node being collected from lines."""

    kind: NodeKind
    lines: list[Line]
    text: str
    key: str | None = None
    label: str | None = None
    number: str | None = None
    children: list[_Draft] = field(default_factory=list)

    def node(self, spaced: bool = False, children: tuple[Node, ...] | None = None) -> Node:
        """The node of what was collected; `spaced`: its text is single-spaced already (`_single_spaced`); `children`:
        the nodes under it, made already (else those of its drafts)."""
        text = self.text if spaced else _single_spaced(self.text)
        if children is None:
            children = tuple([c.node() for c in self.children]) if self.children else ()
        lines = self.lines
        # One node per line of every document: the common cases (one line, no children) without a join
        # or a generator.
        verbatim = lines[0].verbatim if len(lines) == 1 else "\n".join([ln.verbatim for ln in lines])
        return make_node(
            self.kind,
            # Most lines read as they are written: one string for both (an agency's trees hold millions).
            verbatim if text == verbatim else text,
            verbatim,
            self.number,
            self.label,
            self.key,
            children,
            lines[0].origin if lines else None,
        )


def _single_spaced(text: str, printable: bool = False) -> str:
    """The words of a text one space apart (`" ".join(text.split())`): most texts are so already, which two
    scans of it tell, where the split made a string of every word. A printable text has no whitespace but
    the space (Python counts every other separator unprintable); `printable`: the text is known so."""
    # No space at either end, asked by one strip that finds none (the text itself): two slices built a slice each.
    if (printable or text.isprintable()) and "  " not in text and text.strip(" ") == text:
        return text
    return " ".join(text.split())


def _join(lines: list[Line]) -> str:
    return join_all_wrapped((line.text for line in lines), MAX_LINE_CHARS).strip()


def _bounded(text: str) -> str:
    """The joined text, or ParagraphTooLong: joining must not undo the readers' bound on a line."""
    if len(text) > MAX_LINE_CHARS:
        raise ParagraphTooLong(len(text))
    return text


# ---------------------------------------------------------------------------- fields


def _segment(values: list[Line], count: int) -> list[list[Line]]:
    """Cut the value lines below a stack of labels into one group per label.

    A cut is cheap after a short line (it ended where its value ended) and before an uppercase
    line; dear after a line that cannot end (a connector, a comma, an open bracket), and after one whose
    last word is a genitive ('… järelevalve osakonna' / 'teenistujaid'): a genitive stands before the
    noun it qualifies, so a name or a list of posts does not end in one, however short the line.
    """
    if count <= 1 or len(values) <= count:
        groups = [[v] for v in values] + [[] for _ in range(count - len(values))]
        return groups if count > 1 else [values]
    width = max(len(v.text) for v in values) or 1
    costs = []
    for k in range(len(values) - 1):
        cost = len(values[k].text) / width
        if wants_more(values[k].text):
            cost += 2.0
        elif ends_in_genitive(values[k].text):
            cost += 1.0
        if not starts_lower(values[k + 1].text):
            cost -= 0.5
        costs.append((cost, k))
    cuts = sorted(k for _, k in sorted(costs)[: count - 1])
    groups, start = [], 0
    for k in cuts:
        groups.append(values[start : k + 1])
        start = k + 1
    groups.append(values[start:])
    return groups


def _split_row_values(values: list[str], count: int) -> list[str]:
    """Cut a flattened row of table values between its labels (002: 'Rändeteenuse juht Peaspetsialist …')."""
    if len(values) == count:
        return values
    words = " ".join(values).split()
    starts, depth = [], 0
    for i, word in enumerate(words):
        if depth == 0 and word[:1].isupper():
            starts.append(i)
        depth += word.count("(") - word.count(")")
    if len(starts) == count:
        bounds = [*starts[1:], len(words)]
        return [" ".join(words[a:b]) for a, b in zip(starts, bounds)]
    return [" ".join(words)] + [""] * (count - 1)  # unclear: all to the first label rather than guess


def _label_row(line: Line, prefix: str) -> list[tuple[str, str, str]] | None:
    """A row of numbered labels flattened into one line ('1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab'):
    (number, key, label) of each, or None when the line is not such a row."""
    if "1." not in line.text and "1," not in line.text:  # what the pattern needs at least: most lines
        return None
    parts = _OLD_ROW_LABEL.split(line.text)
    if len(parts) < 5 or parts[0].strip():
        return None
    row = []
    for k in range(1, len(parts), 2):
        hit = match_label(parts[k + 1].strip(), prefix)
        if not hit or hit.rest:
            return None
        row.append((f"1.{parts[k]}", hit.key, hit.label))
    return row


_TASKS_GIVEN = ("tööülesandeid", "tööülesanded", "ülesandeid", "ülesanded")


def _sentence_field(text: str) -> tuple[str, str, str] | None:
    """A field written as a sentence: (key, verb, value).

    'X allub Y-le' names the supervisor, 'X-le allub Y' a subordinate; 'X asendab Y-t' whom the
    holder stands in for, 'X-t asendab Y' (or '… asendab teda Y') who stands in for the holder;
    'X-le annab tööülesandeid Y' the supervisor.
    """
    low = text.lower()
    if "allu" not in low and "asenda" not in low and "anna" not in low:
        return None  # no verb below can be a word of it: most lines asked (a goal, a paragraph) stop here, unsplit
    words = text.rstrip(".").split()
    lower = [w.lower().strip(",;:") for w in words]
    for verb in ("allub", "alluvad", "asendab", "asendavad", "annab", "annavad"):
        if verb not in lower:
            continue
        k = lower.index(verb)
        before = lower[k - 1] if k else ""
        after = words[k + 1 :]
        if verb in ("annab", "annavad"):
            if not after or after[0].lower() not in _TASKS_GIVEN:
                continue
            rest = " ".join(after[1:])
            marker = rest.lower().rfind("täitmist ")
            value = rest[marker + len("täitmist ") :] if marker >= 0 else rest
            return ("general.supervisor", verb, value.strip(" ,;")) if value.strip() else None
        if not after:
            continue
        if verb in ("allub", "alluvad"):
            key = "general.subordinates" if before.endswith("le") else "general.supervisor"
        else:
            key = "general.substitutes_for"
            if after[0].lower() == "teda":
                key, after = "general.substituted_by", after[1:]
            elif _inflected(before, lower[:k]):
                key = "general.substituted_by"
        value = " ".join(after).strip(" ,;")
        if verb in ("allub", "alluvad"):
            # The clause ends where the holder's next verb starts ('allub Tööandja juhtimisele ja
            # kontrollile ja täidab …'): a third-person verb ends in -b, a post's name hardly ever.
            value = _NEXT_VERB.split(value, maxsplit=1)[0]
            value = _first_sentence(value)
        if value:
            return key, verb, value
    return None


def _first_sentence(text: str) -> str:
    """The text up to its first sentence's end, a full stop after a word and before a capital, with or
    without a space between ('… majandusalal.Koristajad asendavad …', Viljandi Kesklinna Kool)."""
    for k, c in enumerate(text):
        if c == "." and k and text[k - 1].isalpha() and text[k - 1].islower():
            rest = text[k + 1 :].lstrip()
            if rest[:1].isupper():
                return text[:k]
    return text


_NEXT_VERB = re.compile(r",?\s+(?:ja|ning)\s+(?=[a-zõäöüšž]+b\b)")


def _inflected(word: str, before: list[str]) -> bool:
    """True when the word before 'asendab' is the post in the partitive ('sekretäri', 'asjaajajat',
    'sotsiaalnõunikku', 'ametnikku'): the post is the one stood in for."""
    if not word or word in ("ja", "ning", "ka"):
        return False
    return word.endswith(("t", "d", "kku", "ku", "ri", "li", "ni")) and not word.endswith(("ist", "ast", "juht"))


def read_fields(lines: list[Line], prefix: str, warnings: list[str], title: bool = False) -> list[Node]:
    """Label–value fields of a section (`prefix`: 'general.' or 'requirements.'), in any of the layouts:
    one line, numbered, with a colon, stacked labels with their values below, flattened table rows,
    sentences. Other lines become numbered items, bullets under them, or paragraphs."""
    drafts: list[_Draft] = []
    seen: set[str] = set()
    lines = list(lines)  # wrapped labels are joined in place
    i = 0
    while i < len(lines):
        line = lines[i]
        row = _label_row(line, prefix)
        if row:
            i = _read_row(lines, i, row, drafts, seen, prefix)
            continue
        num = line.num if line.num is not None and line.num.style in ("decimal", "roman") else None
        numbered = num is not None
        if _wrapped_label(lines, i, prefix):
            line = _joined(line, lines.pop(i + 1))
            lines[i] = line
        body = line.body if numbered else line.text
        hit = match_label(body, prefix)
        if hit is None and prefix == "general." and num is not None and _opens_sub_items(body, num.number, lines, i):
            # '1.3. Nõutav kvalifikatsioon:' / '1.3.1. … kõrgharidus või' among the general clauses (Viljandi
            # Kesklinna Kool): a requirement's label, its value the items numbered under it.
            hit = match_label(body, "requirements.")
        if hit and _wrapped_onto_label(line, hit.label, hit.rest, drafts):
            hit = None  # "… nende tegevuse" / "eesmärk lähtuvad …": a page's wrap, not a label
        if hit and hit.key == "untyped" and not numbered and hit.rest.split()[:1] == ["on"]:
            hit = None  # "Tööaeg on libisev, …" (Raasiku): a sentence a page's wrap put first on a line
        if hit and (hit.key not in seen or hit.key in _REPEATABLE) and not line.bullet:
            seen.add(hit.key)
            key = hit.key if hit.key != "untyped" else None
            draft = _Draft(_FIELD, [line], hit.rest, key, hit.label, num.number if num else None)
            drafts.append(draft)
            i += 1
            if not hit.rest:
                i = _read_stack(lines, i, drafts, seen, prefix)
            continue
        last = drafts[-1] if drafts else None
        fresh = last is None or numbered or title or (not starts_lower(body) and not wants_more(last.text))
        end = _sentence_end(lines, i, prefix) if prefix == "general." and fresh else i + 1
        sentence = _sentence_field(" ".join([body, *(x.text for x in lines[i + 1 : end])])) if end > i else None
        if sentence and sentence[0] not in seen:
            key, label, value = sentence
            seen.add(key)
            for _wrapped in range(i + 1, end):  # the sentence wrapped over lines ("… ja allub" / "vallasekretärile.")
                line = _joined(line, lines.pop(i + 1))
            body = line.body if numbered else line.text
            drafts.append(_Draft(_FIELD, [line], body, key, None, line.num.number if line.num else None))
            drafts[-1].children.append(_Draft(_PARAGRAPH, [], value, key, label))
            i += 1
            continue
        if last is not None and line.num is not None and not line.bullet and _under_empty_label(last, line.num.number):
            # '3.3. Teadmised ja oskused:' / '3.3.1. …' / '3.3.2. …' (Põhja-Pärnumaa vald): the label's value
            # is the items numbered under it.
            last.children.append(_Draft(_ITEM, [line], line.body, None, None, line.num.number))
        elif line.num is not None and not line.bullet:
            drafts.append(_Draft(_ITEM, [line], line.body, None, None, line.num.number))
        elif last is not None and last.kind is _ITEM and line.bullet:
            last.children.append(_Draft(_BULLET, [line], line.text))
        elif last is not None and last.kind is _ITEM and last.children and starts_lower(line.text):
            _extend(last.children[-1], line)  # a bullet's wrapped line ("• … valitsuse" / "määrustest;")
        elif last is not None and _continues(last, line, title):
            _extend(last, line)
        else:
            kind = _BULLET if line.bullet else _PARAGRAPH
            drafts.append(_Draft(kind, [line], line.text))
        i += 1
    if prefix == "requirements.":
        for d in drafts:
            if d.kind is _PARAGRAPH and d.text and not is_table_header(d.text):
                warnings.append(_("requirements: unlabelled text {0}").format(repr(d.text[:60])))
    return [d.node() for d in drafts]


def _opens_sub_items(body: str, number: str, lines: list[Line], i: int) -> bool:
    """True when a numbered line is only a label and its colon ('1.3. Nõutav kvalifikatsioon:') and the
    next line is numbered under it ('1.3.1. …')."""
    if not body.rstrip().endswith(":") or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1].num
    return nxt is not None and nxt.number.startswith(number + ".")


def _under_empty_label(last: _Draft, number: str) -> bool:
    """True when `number` ('3.3.1') numbers an item under the last draft, a numbered field with no value
    of its own ('3.3. Teadmised ja oskused:') or whose items already started under it."""
    if last.kind is not _FIELD or not last.number or last.text.strip():
        return False
    if not number.startswith(last.number + "."):
        return False
    return all(c.kind is _ITEM for c in last.children)


def _wrapped_onto_label(line: Line, label: str, rest: str, drafts: list[_Draft]) -> bool:
    """True when a line that starts with a label's words is a wrap inside the text before it: it starts
    in lowercase, unnumbered, with no colon after the label, after unfinished text. Either it is only
    the label's words ('Muud nõuded: … tundmine' / 'arvutioskus'), or it goes on after an item or a
    paragraph ('1.2. … nende tegevuse' / 'eesmärk lähtuvad …'): a field's lowercase label with its
    value after a field's value is a label ('teenistuskoht jurist' / 'struktuuriüksus …')."""
    if line.num is not None or line.bullet or not starts_lower(line.text):
        return False
    if re.match(re.escape(label) + r"\s*[:–-]", line.text):
        return False
    last = drafts[-1] if drafts else None
    if last is None or not last.text or ends_sentence(last.text):
        return False
    return not rest or last.kind is not _FIELD


_SENTENCE_LINES = 4  # a field written as a sentence is one short sentence: look this far for its end


def _sentence_end(lines: list[Line], i: int, prefix: str) -> int:
    """The index past the lines that continue line i's sentence: unnumbered, unlabelled lines after an
    unfinished one, lowercase or with no blank line between (a page wraps them anywhere)."""
    j = i + 1
    text = lines[i].text
    while j < len(lines) and j - i < _SENTENCE_LINES and not ends_sentence(text):
        nxt = lines[j]
        if nxt.num is not None or nxt.bullet:
            break
        if not starts_lower(nxt.text) and (nxt.blank_before or match_label(nxt.text, prefix) is not None):
            break  # a label starts with a capital: "allub vallasekretärile" is a sentence's end
        text = f"{text} {nxt.text}"
        j += 1
    return j


def _wrapped_label(lines: list[Line], i: int, prefix: str) -> bool:
    """A label wrapped over two lines ("Täiendavad kompetentsid, isikuomadused" / "ja teadmised")."""
    if i + 1 >= len(lines) or not starts_lower(lines[i + 1].text) or lines[i + 1].num:
        return False
    line = lines[i]
    body = line.body if line.num is not None else line.text
    longer = match_label(f"{body} {lines[i + 1].text}", prefix)
    return longer is not None and len(longer.label.split()) > len(body.split())


def _joined(line: Line, following: Line) -> Line:
    return Line(
        f"{line.text} {following.text}",
        f"{line.verbatim}\n{following.verbatim}",
        line.origin,
        line.blank_before,
        line.bullet,
        line.num,
    )


def _new_item(line: Line, last: _Draft) -> bool:
    """Whether an unbulleted line starts a list item of its own: a capital after a finished sentence
    (OCR loses bullets, so a bulleted list is no exception). Where a wrap puts a sentence's start at a
    line's start the items differ only in where they are cut, which the comparer calls editorial."""
    return not starts_lower(line.text) and ends_sentence(last.text)


def capitals_go_on(value: str, text: str) -> bool:
    """Whether a short line in capitals goes on a label's value in capitals ('Ametinimetus: PIKAPÄEVARÜHMA' /
    'KASVATAJA', Toila; 'Struktuuriüksus: SISEAUDITI' / 'OSAKOND', Sotsiaalministeerium): the page's
    width cut the value there, the line is no heading or paragraph of its own."""
    upper = [c for c in value + text if c.isalpha()]
    return (
        bool(value) and bool(text) and len(upper) >= 4 and all(c.isupper() for c in upper)
        and len(text.split()) <= 3 and not ends_sentence(value)
    )  # fmt: skip


def _continues(last: _Draft, line: Line, title: bool) -> bool:
    """True when an unlabelled, unnumbered line continues what stands before it.

    In a section of fields every such line continues the last field (values wrap, lists follow
    their label); in the title block only a lowercase line, or a line after an unfinished value, does.
    """
    if not title:
        return last.kind is not _PARAGRAPH or not line.bullet
    if last.kind is _FIELD:
        return starts_lower(line.text) or wants_more(last.text) or capitals_go_on(last.text, line.text)
    return starts_lower(line.text)


def _extend(draft: _Draft, line: Line) -> None:
    """A line that continues a field's value, an item or a paragraph.

    A field's value that is a list (bullets, or sentences under 'Kliendikesksus:') keeps its items as
    children: a bullet starts one, and so does an uppercase line after a finished one.
    """
    if draft.kind is _FIELD and (line.bullet or draft.children):
        last = draft.children[-1] if draft.children else None
        if line.bullet or last is None or _new_item(line, last):
            kind = _BULLET if line.bullet else _PARAGRAPH
            draft.children.append(_Draft(kind, [line], line.text, draft.key))
        else:
            last.lines.append(line)
            last.text = _bounded(join_wrapped(last.text, line.text))
        return
    draft.lines.append(line)
    # Each join copies the text so far: bounding it keeps a run of wrapped lines linear in their number.
    draft.text = _bounded(join_wrapped(draft.text, line.text))


def _read_stack(lines: list[Line], i: int, drafts: list[_Draft], seen: set[str], prefix: str) -> int:
    """Labels stacked without values ('1.5 Asendaja' / '1.6 Asendab'), then their values below, in order."""
    stack = [drafts[-1]]
    while i < len(lines):
        line = lines[i]
        num = line.num if line.num is not None and line.num.style == "decimal" and line.num.depth >= 2 else None
        hit = match_label(line.body if num else line.text, prefix)
        if not hit or hit.rest or line.bullet or (hit.key in seen and hit.key not in _REPEATABLE):
            break
        seen.add(hit.key)
        draft = _Draft(_FIELD, [line], "", hit.key if hit.key != "untyped" else None, hit.label)
        draft.number = num.number if num else None
        drafts.append(draft)
        stack.append(draft)
        i += 1
    values: list[Line] = []
    while i < len(lines):
        if _wrapped_label(lines, i, prefix):
            lines[i] = _joined(lines[i], lines.pop(i + 1))
        line = lines[i]
        numbered = line.num is not None and line.num.style == "decimal" and line.num.depth >= 2
        if numbered and len(stack) > 1:
            break
        hit = match_label(line.body if numbered else line.text, prefix)
        if hit and (hit.key not in seen or hit.key in _REPEATABLE) and not line.bullet:
            break
        if numbered:
            break
        values.append(line)
        i += 1
    for draft, group in zip(stack, _segment(values, len(stack))):
        for line in group:
            _extend(draft, line)
    return i


def _read_row(lines: list[Line], i: int, row: list[tuple[str, str, str]], drafts: list[_Draft], seen: set[str],
              prefix: str) -> int:  # fmt: skip
    """A flattened row of labels and the row of values below it."""
    header = lines[i]
    i += 1
    values: list[Line] = []
    while i < len(lines) and not _label_row(lines[i], prefix):
        hit = match_label(lines[i].body if lines[i].num else lines[i].text, prefix)
        if hit or ((num := lines[i].num) is not None and num.depth == 1):
            break
        values.append(lines[i])
        i += 1
    merged: list[str] = []
    for v in values:  # lowercase lines continue the value above them
        if merged and starts_lower(v.text):
            merged[-1] = _bounded(join_wrapped(merged[-1], v.text))
        else:
            merged.append(v.text)
    texts = _split_row_values(merged, len(row))
    for k, ((number, key, label), text) in enumerate(zip(row, texts)):
        seen.add(key)
        # The row's lines belong to the first field; the others point at the same lines.
        own = [header, *values] if k == 0 else []
        drafts.append(_Draft(_FIELD, own, text, key if key != "untyped" else None, label, number))
    return i


# ---------------------------------------------------------------------------- duties


def _opens_with_verb(sentence: str) -> bool:
    """Whether a sentence opens with a verb in the third person ('Osaleb …', 'Jagab …'): the form a duty
    written as what the holder does takes; a result opens with what is done ('Aruanne kajastab …')."""
    first = sentence.split(maxsplit=1)[0].strip(",;:") if sentence.split() else ""
    return len(first) >= 4 and first.isalpha() and first.lower().endswith("b")


def _is_result_sentence(sentence: str, task: str = "") -> bool:
    """A result says what has been achieved ('… on tehtud'); a task names an activity ('…-mine'), and a
    sentence opening with a verb as the task does ('Komplekteerib …. Osaleb …') is more of the task."""
    if _opens_with_verb(task) and _opens_with_verb(sentence):
        return False
    words = fold(sentence).split()
    if "on" in words:
        return True
    task_like = any(_RESULT_TASK_WORD.match(w) for w in words)
    return not task_like and len(words) >= 3


@dataclass(slots=True)
class _Duty:
    """A duty being read: its draft, its results, and where the next line goes."""

    draft: _Draft
    task_open: bool = True  # no result seen yet: a wrapped line still belongs to the task
    last_to_task: bool = True  # where the previous line went (OCR'd columns continue there)
    listing: bool = False  # the task ended with a colon and its list's items follow as bullets
    results: list[_Draft | Line] = field(default_factory=list)
    """A result that is one line as written is that line, until a line is added to it (`_open_result`): most are, and
    a draft made for each only became its node (`_result_node`), an object more per line."""


def _interleaved(lines: list[Line], lower: list[bool]) -> bool:
    """True when a duty's task goes on below its first results (two columns read across): a lowercase
    line follows a finished sentence somewhere in the duty (`lines`, its numbered line first). Its first
    capitalised lines are results then. `lower`: whether each line starts in lowercase."""
    in_bullet = False  # the line above is a bullet's or one of its wrapped lines (`_bullet_goes_on`)
    for k in range(1, len(lines)):
        line, above = lines[k], lines[k - 1].text
        if lower[k] and ends_sentence(above) and not in_bullet:
            return True
        in_bullet = line.bullet or (in_bullet and line.num is None and _bullet_goes_on(above, line.text, lower[k]))
    return False


def _bullet_goes_on(above: str, text: str, lower: bool) -> bool:
    """Whether an unbulleted line right under a bullet's line is that bullet's wrapped line: in lowercase,
    even after a semicolon (a list inside the bullet: '… vms;' / 'toimetulekutoetuse, …', Pärnu), or anything
    but a capital after an unfinished line ('… kaevust ja' / '/või heitvee …'). A page wraps a bullet as any
    line. Not a lowercase line after a full stop: that is an unfinished task going on below its finished
    result, two columns read across ('• … töö korraldatud.' / 'piires vastavalt …', seed 003 Lisa 8, 2.10).
    `lower`: whether `text` starts in lowercase."""
    if lower:
        return not above.rstrip().endswith(".")
    return not ends_sentence(above) and not text[:1].isupper()


def _task_like(text: str) -> bool:
    """Words of a task ('… korraldamine', '… täitmine'), not of a result ('… on tehtud')."""
    words = fold(text).split()
    return "on" not in words and any(_RESULT_TASK_WORD.match(w) for w in words)


def _result_like(text: str) -> bool:
    """A line that opens a result ('Teenuse kvaliteet on regulaarselt …'): a capital, 'on', no task word."""
    return not starts_lower(text) and "on" in fold(text).split() and not _task_like(text)


def _column_split(task: str) -> tuple[str, str] | None:
    """A task and a result flattened into one line by columns read across ('Muude vastutusvaldkonda
    Planeeritud tegevused ja projektid on omal'): the capitalised word after an unfinished one starts
    the result, when what follows reads as a result."""
    words = task.split()
    for k in range(2, len(words) - 2):
        if words[k][:1].isupper() and words[k - 1][:1].islower() and not ends_sentence(words[k - 1]):
            tail = " ".join(words[k:])
            if "on" in fold(tail).split() and not _task_like(tail):
                return " ".join(words[:k]), tail
    return None


def _continue_duty(duty: _Duty, line: Line, columns: bool = False) -> None:
    """Append a continuation to the last unfinished sentence (two-column interleaving); in OCR'd
    columns, when both the task and the last result are unfinished, to the one whose words it has."""
    results = duty.results
    task_open = not ends_sentence(duty.draft.text)
    if columns and results and task_open and not ends_sentence(results[-1].text):
        words = fold(line.text).split()
        to_task = _task_like(line.text) or ("on" not in words and duty.last_to_task)
    elif results and not ends_sentence(results[-1].text):
        to_task = False
    else:
        to_task = task_open or not results
    _extend(duty.draft if to_task else _open_result(duty), line)
    duty.last_to_task = to_task


def _add_result(duty: _Duty, line: Line, text: str | None = None) -> None:
    duty.results.append(line if text is None else _Draft(_RESULT, [line], text, "duties.results"))
    duty.last_to_task = False
    duty.task_open = False


def _open_result(duty: _Duty) -> _Draft:
    """The duty's last result, as a draft that lines can be added to."""
    last = duty.results[-1]
    if isinstance(last, Line):
        last = duty.results[-1] = _Draft(_RESULT, [last], last.text, "duties.results")
    return last


def _result_node(result: _Draft | Line) -> Node:
    """The node of a duty's result: of a line as written, as `_Draft.node` makes it of a draft of that line alone."""
    if isinstance(result, _Draft):
        return result.node()
    text, verbatim = result.text, result.verbatim
    # A line known printable (`Line.printable`) is single-spaced where it holds no double space and no space at an
    # end: the two scans of `_single_spaced` without its str.isprintable (some 20 instructions a character).
    if not result.printable or "  " in text or text.strip(" ") != text:
        text = _single_spaced(text)
    text = verbatim if text == verbatim else text
    return make_node(_RESULT, text, verbatim, None, None, "duties.results", (), result.origin)


def _duty_numbers(lines: list[Line], major: str | None) -> set[int]:
    """Which lines start a duty: numbered under the section's number (3.1, 3.1.1), else at one level."""
    deep = {
        k: ln.num.parts[0] for k, ln in enumerate(lines) if ln.num and ln.num.style == "decimal" and ln.num.depth >= 2
    }
    if deep:
        majors = list(deep.values())
        want = int(major) if major and major.isdigit() and int(major) in majors else majors[0]
        return {k for k, top in deep.items() if top == want}
    flat = [k for k, ln in enumerate(lines) if ln.num and ln.num.style in ("decimal", "paren") and not ln.bullet]
    return set(flat)


_NUMBER_IN_HEADER = re.compile(r"\b\d{1,2}(?:\.\d{1,2})+\.?\s*")


def _numbered_headers(lines: list[Line], starts: set[int]) -> set[int]:
    """The lines of a header row whose cells carry the group's number ('3.1 ÜLESANNE 3.1 SOOVITUD
    TULEMUS', RTK), and the line a narrow column wrapped its last word to ('TULEMUS'): no duty."""
    found: set[int] = set()
    for k in sorted(starts):
        if not lines[k].body.isupper():
            continue  # the numbers and spaces taken out below are uncased: the line's cased letters decide
        bare = _NUMBER_IN_HEADER.sub("", lines[k].body).strip()
        if not bare or not bare.isupper():
            continue
        if is_table_header(bare):
            found.add(k)
        elif k + 1 < len(lines) and lines[k + 1].num is None and is_table_header(f"{bare} {lines[k + 1].text}"):
            found |= {k, k + 1}
    return found


_CONJUNCTIONS = frozenset({"ja", "ning", "või", "ega", "ehk"})
_CONJUNCTION_LAST_LETTERS = "aAgGiIkK\u212a"
"""The characters that lower to a conjunction's last letter (the Kelvin sign lowers to 'k')."""


def _ends_with_conjunction(text: str) -> bool:
    """True when a text's last word joins it to more ('… planeerimine“ ja'): no sentence ends so."""
    # Asked of every result so far, a long text: its last character tells most apart, and the last word alone
    # is split off.
    end = text[-1:]
    if end not in _CONJUNCTION_LAST_LETTERS and not end.isspace():
        return False
    last = text.rsplit(None, 1)
    return bool(last) and last[-1].lower() in _CONJUNCTIONS


def _lists_its_task(duty: _Duty, text: str) -> bool:
    """True when a bullet line is an item of the task's own list: the task ends with a colon and the item
    goes on with its sentence in lowercase ('… täiendavaid ülesandeid:' / '- klassijuhatamine;', Kuusalu
    Keskkool; 'Iga päev:' / '- pühkima lapiga tolmu …;', Raasiku Rahvamaja; '… sh:' / '• tellimuste
    vastuvõtmine …;', Pärnu Sotsiaalkeskus). Once the list has started, an item that opens with a name goes
    on in it ('• Kliendi saatmine arsti juures …;'). A result says what is achieved in a sentence of its
    own, and a results label ('Oodatavad tulemused:') has ended the task before."""
    if duty.listing:
        return True
    if not (duty.task_open and not duty.results and starts_lower(text)):
        return False
    duty.listing = duty.draft.text.rstrip().endswith(":")
    return duty.listing


def _results_label(text: str) -> bool:
    """`is_results_label(text.rstrip(":"))` of a line that starts with a capital, refused without folding the line
    when no results label starts as that capital folds (most of a duty's results: 'Meeskond …', 'Ülesanded …')."""
    return text[:1] not in _no_results_label_capitals() and is_results_label(text.rstrip(":"))


@cache
def _no_results_label_capitals() -> frozenset[str]:
    """The Latin-1 capitals no folded results label starts with (`_results_label`). Folding a text keeps the ASCII
    letter its first character stands for (`to_ascii` maps each character on its own) first, lowered."""
    firsts = {label[:1] for label in vocabulary().results_labels}
    capitals = (chr(c) for c in range(0x41, 0xDF) if chr(c).isupper())
    return frozenset(c for c in capitals if len(a := to_ascii(c)) == 1 and a.isalpha() and a.lower() not in firsts)


def _ends_results_label(above: str, text: str) -> bool:
    """A results column's name cut over lines, its start at the end of the header line above
    ('Teenistuskoha ülesanded Tulemuslikkuse mõõtmise' / 'kriteeriumid/ Soovitud töötulemus', PPA)."""
    words = f"{above} {text}".split()
    return any(is_results_label(" ".join(words[k:]).rstrip(":")) for k in range(len(above.split())))


def read_duties(
    lines: list[Line],
    wrapped: bool,
    warnings: list[str],
    major: str | None = None,
    columns: bool = False,
    width: int = 0,
) -> list[Node]:
    """Numbered duties (3.1., 3.1.1, 1.), each a task with its results; unnumbered duties by paragraph.
    `columns`: the text is OCR of a task | result table read across, whose lines mix both columns;
    `width`: the page width its wrapped lines were cut at (see `lines.page_width`), 0 when unknown."""
    if sum([line.bullet for line in lines]) >= _BULLETED_RESULTS:  # a list, not a generator resumed a line at a time
        lines = [part for line in lines for part in _glued_bullet(line)]
    starts = _duty_numbers(lines, major)
    if not starts:
        return _unnumbered_duties(lines, wrapped, width)
    header_rows = _numbered_headers(lines, starts)
    bounds = sorted(starts - header_rows)
    first = bounds[0] if bounds else len(lines)
    before: list[_Draft] = []
    own_headers: set[str] = set()  # the header rows above the first duty, as the document spells them
    for k in range(first):
        line = lines[k]
        text = line.text
        before.append(_Draft(_PARAGRAPH, [line], text))  # a header row before the first duty too
        if k not in header_rows and not columns and not starts_lower(text) and is_table_header(text):
            own_headers.add(header_fold(text))
    known = frozenset(own_headers)
    duties = []
    for start, end in zip(bounds, [*bounds[1:], len(lines)]):
        # A header row again mid-table (its lines, counted from the duty's): no part of a duty.
        again = frozenset([k - start for k in header_rows if start < k < end]) if header_rows else frozenset()
        duties.append(_duty(lines[start:end], again, known, columns, wrapped))
    rows = {lines[k].text for k in header_rows}
    headers = [
        b.text
        for k, b in enumerate(before)
        if b.text not in rows
        and not is_table_header(b.text)
        and not is_results_label(b.text.rstrip(":"))
        and not (k and _ends_results_label(before[k - 1].text, b.text))
        # "Rakvere Muusikakooli õpetaja on kohustatud:" introduces the duties right below it.
        and not (k == len(before) - 1 and b.text.endswith(":"))
    ]
    if headers:
        warnings.append(_("duties: ignored text before the first duty: {0}").format(repr(" ".join(headers)[:80])))
    return [b.node() for b in before] + duties


_DUTIES_KEPT = 256
"""Duties remembered: a pair's two versions are read one after the other, and most of a post's duties stay as they
were (renumbered, when one is added or taken out above them), so those of the last few documents serve."""
_DUTY_CHARS = 10_000
"""Duties with more characters in their lines than this are read afresh and never kept (as `structure`'s sections)."""

_kept_duties: dict[tuple[object, ...], tuple[tuple[Line, ...], Node]] = {}
"""The last duties read (`_DUTIES_KEPT`): by the text after the first line's number, the header rows among their
lines and what else their reading was given (`_duty`), the lines and the node read of them."""


def _duty(
    lines: list[Line], header_rows: frozenset[int], own_headers: frozenset[str], columns: bool, wrapped: bool
) -> Node:
    """`_read_duty`, remembered: two versions of a post repeat most duties word for word.

    A duty is looked up by what its reading is given and the text after its first line's number, and taken when its
    lines read alike (`_shift`). It is given its own number and first line when one was added or taken out above it
    (only the duty's node holds them, unless a cell separator or OCR'd columns put a result on that line: read afresh
    then), and moved to its own lines when an edit above moved it (`Node.moved`). A duty not remembered costs the
    look-up of one string: most of a batch's are not."""
    first = lines[0]
    key = (first.body, header_rows, own_headers, columns, wrapped)
    kept = _kept_duties.get(key)
    if kept is not None and (by := _shift(kept[0], lines)) is not None:
        was, node = kept
        number = first.num.number if first.num else None
        if was[0].verbatim != first.verbatim or node.number != number:
            if columns or " | " in first.body:
                return _read_duty(lines, header_rows, own_headers, columns, wrapped)
            # The node's verbatim opens with its first line's, its other lines' after it (`_Draft.node`).
            verbatim = first.verbatim + node.verbatim[len(was[0].verbatim) :]
            node = make_node(node.kind, node.text, verbatim, number, node.label, node.key, node.children, node.where)
        return node.moved(by) if by else node
    node = _read_duty(lines, header_rows, own_headers, columns, wrapped)
    if sum([len(line.verbatim) for line in lines]) <= _DUTY_CHARS:
        if len(_kept_duties) >= _DUTIES_KEPT:
            _kept_duties.pop(next(iter(_kept_duties), key), None)  # the oldest
        _kept_duties[key] = (tuple(lines), node)
    return node


def _shift(was: tuple[Line, ...], lines: list[Line]) -> int | None:
    """How many lines further down a text file a duty's `lines` stand than the lines `was` it was read from (0 in any
    other file, where they stand alike), when `_read_duty` reads them alike but for the first one's number and
    verbatim; else None. It reads of the first line the text after its number (in the memo's key) and whether the
    line ends a sentence (`_interleaved`); of the others their text, verbatim and bullet, and whether they have a
    number (compared whole: a None is itself, cheaper than asking); where each stands, its nodes keep."""
    if len(was) != len(lines) or ends_sentence(was[0].text) != ends_sentence(lines[0].text):
        return None
    # Loops over the lines, not `operator.attrgetter`s mapped over them: the interpreter reads a slot in a step of its
    # own, where the getter's C call looked each field up by name (55,000 instructions a duty, a third of reading one).
    for k in range(1, len(lines)):
        line, old = lines[k], was[k]
        if line.text != old.text or line.verbatim != old.verbatim or line.bullet != old.bullet or line.num != old.num:
            return None
    for k in range(len(lines)):
        where, where_was = lines[k].origin, was[k].origin
        # Their lines first: a remembered duty found lower or higher differs there, and no origin's __eq__ is called.
        if where is not where_was and (where.line != where_was.line or where != where_was):
            break
    else:
        return 0  # the same places (a text file's line is its one shared Origin: no field compared)
    start, start_was = lines[0].origin.line, was[0].origin.line
    if start is None or start_was is None:
        return None  # not a text file's lines, in other places
    by = start - start_was
    # Each a text file's line, the one shared Origin of its number (which `Node.moved` moves), `by` lines lower.
    shared = SHARED_ORIGINS.get
    for k in range(len(lines)):
        where_was = was[k].origin
        at = where_was.line
        if at is None or where_was is not shared(at) or lines[k].origin is not shared(at + by):
            return None
    return by


def _read_duty(
    lines: list[Line], header_rows: frozenset[int], own_headers: frozenset[str], columns: bool, wrapped: bool
) -> Node:
    """One duty: its numbered line and the lines up to the next duty's, `header_rows` of them a duty table's header
    row again (no part of it); `own_headers`: the header rows above the first duty (`header_fold`)."""
    lower = [starts_lower(line.text) for line in lines]  # asked of each line by the duty's test and by the loop
    line = lines[0]
    interleaved = wrapped and _interleaved(lines, lower)  # asked of a page's wrapped lines alone (below)
    task, sep, result = line.body.partition(" | ")  # a flattened "task | result" row
    d = _Duty(_Draft(_ITEM, [line], task.strip(), "duties", None, line.num.number if line.num else None))
    if sep and result.strip():
        _add_result(d, line, strip_bullet(result.strip())[0])
    elif columns and (split := _column_split(d.draft.text)):
        d.draft.text = split[0]
        _add_result(d, line, split[1])
    results = d.results  # the same list while the lines are read
    in_bullet = False  # the line above went into a bullet result: a bullet's wrapped line stays in it
    for k in range(1, len(lines)):
        line = lines[k]
        text = line.text
        above_in_bullet, in_bullet = in_bullet, False
        if k in header_rows:
            continue
        if not lower[k] and (
            is_table_header(text)
            if columns
            else is_header_row(text) or (own_headers and header_fold(text) in own_headers)
        ):
            # A duty table's header row, again after a paragraph or on a new page: no part of a duty.
            # ("ülesandeid:" in lowercase is a wrapped task's last word.) Where the text was not OCR'd, a page
            # repeats the header as written: a known row, or the document's own above its first duty (a body's
            # variant, found by likeness there). So it was in every document and page layout of the fixtures, 48
            # such rows; the OCR-tolerant test, the dearest question of a duty's result, is not asked of each.
            continue
        if "|" in text:  # a cell separator: one scan of the line for its character, where most lines have none
            if text.startswith("| "):
                text = " " + text  # a cell separator wrapped to the start of a line: the result column follows
                # (a line starting so starts in lowercase no more than before: `lower[k]` holds for it)
            left, sep, right = text.partition(" | ")
            if sep:
                if left.strip():
                    _continue_duty(d, Line(left.strip(), line.verbatim, line.origin), columns)
                _add_result(d, line, strip_bullet(right.strip())[0])
                continue
        # (Its last character by a slice: `str.endswith` parses its arguments at each call, and each result is asked.)
        if text[:1].isupper() and text[-1:] != "." and _results_label(text):
            d.task_open = False  # "Oodatavad tulemused:": the results follow; the line stays in the tree
            results.append(_Draft(_PARAGRAPH, [line], text))
        elif (line.bullet and _lists_its_task(d, text)) or (d.listing and not results):
            _extend(d.draft, line)  # the task's own list, its items wrapped over lines (', koduse …' too)
        elif line.bullet:
            _add_result(d, line)
            in_bullet = True
        elif above_in_bullet and results and line.num is None and _bullet_goes_on(lines[k - 1].text, text, lower[k]):
            _extend(_open_result(d), line)
            in_bullet = True
        elif lower[k]:
            _continue_duty(d, line, columns)
        elif wrapped and d.task_open and not _result_like(text) and not interleaved:
            _extend(d.draft, line)
        elif not results and not ends_sentence(d.draft.text) and _task_like(text):
            _extend(d.draft, line)  # "Vahetu juhi antud" / "Ühekordsete ülesannete täitmine."
        elif wrapped and results and not ends_sentence(results[-1].text):
            _extend(_open_result(d), line)
        elif results and _ends_with_conjunction(results[-1].text) and not _result_like(text):
            # '… tööjuhenditele „Riskipõhise järelevalve planeerimine“ ja' / '„Inspektsiooni läbiviimine“.'
            # (Ravimiamet, a PDF's lines with nothing to tell they were wrapped): a result ending with 'ja'
            # goes on, whatever the next line opens with.
            _extend(_open_result(d), line)
        else:
            # `_add_result(d, line)` spelt out: most lines end here, and a call each was 3 M instructions a 100 pairs.
            results.append(line)
            d.last_to_task = d.task_open = False
    return _finish(d)


_BULLETED_RESULTS = 2  # bullet lines under the duties: the document marks its results so
_GLUED_BULLET = re.compile(r"(?<=[;.])\s+[-–•▪\uf000-\uf0ff]\s+(?=\S)")  # a private-use glyph: Symbol font's bullets


def _glued_bullet(line: Line) -> tuple[Line, ...]:
    """A bullet run onto the line before it ('… vedu; - dokumendid … jõuavad', PPA): two lines, the
    bullet's its own, as the document's other results are (a bullet mark after a sentence's end is no
    dash inside it); any other line as it is. Each keeps its part of the line as written."""
    m = _GLUED_BULLET.search(line.text)
    if m is None:
        return (line,)
    text, rest = line.text[: m.start()], line.text[m.end() :]
    num = line.num
    if num is not None:
        glued = _GLUED_BULLET.search(num.rest)
        num = replace(num, rest=num.rest[: glued.start()]) if glued else num
    mv = _GLUED_BULLET.search(line.verbatim)
    own, bullet = (line.verbatim[: mv.start()], line.verbatim[mv.start() :].strip()) if mv else (line.verbatim, "")
    head = Line(text, own, line.origin, line.blank_before, line.bullet, num)
    return head, Line(rest, bullet, line.origin, False, True)


def _finish(duty: _Duty) -> Node:
    """The duty, with result sentences that a flattened row put into the task moved to the results.

    Done once the task is complete, so it does not depend on where the lines were wrapped.
    """
    draft, results = duty.draft, duty.results
    # As the node takes it: normalised once. Of printable lines (`Line.printable`) the task is printable, its text
    # theirs cut and joined by spaces (`_read_duty`, `_extend`): not asked again, some 20 instructions a character.
    lines = draft.lines
    printable = lines[0].printable if len(lines) == 1 else all([line.printable for line in lines])
    task = draft.text = _single_spaced(draft.text, printable)
    if not results and " on " in task and (split := _column_split(task)) and split[0].endswith("mine"):
        # '5. Auditi tulemuste esitamine Auditi tulemused on esitatud …' (Sotsiaalministeerium): a task named by
        # its verbal noun and a result sentence after it, the row's two cells on one line without a stop.
        draft.text = split[0]  # words of the spaced task, one space apart
        return draft.node(spaced=True, children=(_Draft(_RESULT, [], split[1], "duties.results").node(),))
    # One space is all the whitespace left in it: without a stop before a space, it is one sentence, unsplit.
    many = ". " in task or "! " in task or "? " in task
    sentences = [s.strip() for s in _SENTENCE_SPLIT.split(task) if s.strip()] if many else []
    for k in range(1, len(sentences)):
        if _is_result_sentence(sentences[k], sentences[0]):
            draft.text = " ".join(sentences[:k])
            results.insert(0, _Draft(_RESULT, [], " ".join(sentences[k:]), "duties.results"))
            break
    children = tuple([_result_node(r) for r in results if r.text and not r.text.isspace()])  # no stripped copy
    # The spaced task, or its first sentences, each stripped, one space apart.
    return draft.node(spaced=True, children=children)


def _wrapped_header(lines: list[Line], k: int) -> int:
    """How many lines from k make one column header cut over lines ('Tegevused ülesannete' /
    'täitmiseks', PPA), or 0: a narrow column wraps its header as it wraps its text."""
    for n in (2, 3):
        joined = " ".join(x.text for x in lines[k : k + n])
        if k + n <= len(lines) and not lines[k + n - 1].num and is_table_header(joined):
            return n
    return 0


def _unnumbered_duties(lines: list[Line], wrapped: bool = False, width: int = 0) -> list[Node]:
    """Duties without numbers: each bullet, or each line that starts a new sentence, is a duty.

    In a page's wrapped lines a capital after an unfinished sentence is a name or an abbreviation
    inside it ("juhendab" / "ÜKT-tegijaid;"), not a new duty; nor is a sentence that starts a line
    only because the line above was full (`cut_by_width`: "… vaba õhkkonna." / "Kujundab …")."""
    drafts: list[_Draft] = []
    header = 0  # lines left of a header cell wrapped over lines
    # Blank lines before each line: more than the fewest between the lines is a paragraph's end, wherever
    # the line above was cut (a page's text with a blank line after each line has two at a paragraph's end).
    gaps = [0, *(blank_lines_between(a, b) for a, b in zip(lines, lines[1:]))]
    gap = min(gaps[1:], default=0)
    # A duty a line (Viljandi Kesklinna Kool: "Seinte märgpuhastus." / "Seinte ja lagede …"): where a
    # finished sentence ends a line the next word would have fitted on, with no more blank lines after it
    # than between a paragraph's lines, and a capital follows, the document starts a duty at each line. A
    # sentence after a full line starts one too then; in a document of a duty a paragraph (SÜG) such a
    # sentence goes on its paragraph, whose end is a blank line, not a line ended by choice.
    by_line = bool(width) and any(
        gaps[k] <= gap
        and ends_sentence(lines[k - 1].text)
        and not lines[k].bullet
        and not starts_lower(lines[k].text)
        and not cut_by_width(lines[k - 1], lines[k], width)
        for k in range(1, len(lines))
    )
    for k, line in enumerate(lines):
        if not header and not any(d.kind is _ITEM for d in drafts):
            header = _wrapped_header(lines, k)
        if header or is_table_header(line.text) or is_list_intro(line.text):
            header = max(header - 1, 0)
            drafts.append(_Draft(_PARAGRAPH, [line], line.text))
            continue
        last = next((d for d in reversed(drafts) if d.kind is _ITEM), None)
        # In a page's wrapped lines a duty starts as a list's item does (`_new_item`): a capital after an
        # unfinished sentence is a name inside it. In a text's own lines only a connector carries a line on.
        new = (
            line.bullet
            or last is None
            or (_new_item(line, last) if wrapped else not starts_lower(line.text) and not wants_more(last.text))
        )
        full = new and width and not by_line and not line.bullet and last is not None and gaps[k] <= gap
        if full and drafts[-1] is last:
            new = not cut_by_width(lines[k - 1], line, width)
        if last is not None and drafts[-1] is last and not new:
            _extend(last, line)
        else:
            drafts.append(_Draft(_ITEM, [line], line.text, "duties", None, None))
    count = 0
    for d in drafts:
        if d.kind is _ITEM:
            count += 1
            d.number = str(count)
    return [d.node() for d in drafts]


# ---------------------------------------------------------------------------- lists and text


def read_list(lines: list[Line], key: str) -> list[Node]:
    """List items: each bullet or number starts one; so does an uppercase line after a finished one."""
    drafts: list[_Draft] = []
    for line in lines:
        if is_list_intro(line.text):
            drafts.append(_Draft(_PARAGRAPH, [line], line.text))
            continue
        last = drafts[-1] if drafts and drafts[-1].kind is not _PARAGRAPH else None
        new = line.bullet or line.num is not None or last is None or _new_item(line, last)
        if new:
            kind = _ITEM if line.num is not None and not line.bullet else _BULLET
            drafts.append(_Draft(kind, [line], line.body, key, None, line.num.number if line.num else None))
        elif last is not None:
            _extend(last, line)
    return [d.node() for d in drafts]


def read_paragraph(lines: list[Line], key: str) -> list[Node]:
    """All the lines as one paragraph (a goal, a review clause)."""
    if not lines:
        return []
    return [_Draft(_PARAGRAPH, list(lines), _join(lines), key).node()]


def read_generic(lines: list[Line]) -> list[Node]:
    """A section ajdiff has no name for: numbered items to three levels, bullets under them, paragraphs."""
    roots: list[_Draft] = []
    stack: list[tuple[int, _Draft]] = []  # (depth, item) of the open items
    for line in lines:
        num = line.num
        if num is not None and not line.bullet:
            depth = num.depth if num.style == "decimal" else (stack[-1][0] + 1 if stack else 1)
            draft = _Draft(_ITEM, [line], num.rest, None, None, num.number)
            while stack and stack[-1][0] >= depth:
                stack.pop()
            (stack[-1][1].children if stack else roots).append(draft)
            stack.append((depth, draft))
            continue
        container = stack[-1][1] if stack else None
        siblings = container.children if container else roots
        last = siblings[-1] if siblings else container
        if line.bullet:
            siblings.append(_Draft(_BULLET, [line], line.text))
        elif last is not None and (starts_lower(line.text) or wants_more(last.text) or not ends_sentence(last.text)):
            _extend(last, line)
        else:
            siblings.append(_Draft(_PARAGRAPH, [line], line.text))
    return [d.node() for d in roots]
