"""Typed fields: the keyed nodes of a document tree become the `JobDescription` model that the
comparer reads (position, unit, substitutes, duties, requirements, languages …)."""

from __future__ import annotations

import re
from functools import lru_cache

from ajdiff.i18n import _
from ajdiff.model import Duty, JobDescription, OrderRef, make_duty, make_general, make_requirements
from ajdiff.read.formats import MAX_LINE_CHARS
from ajdiff.read.languages import parse_languages
from ajdiff.read.memo import MEMO_CHARS, short_text_memo
from ajdiff.read.names import from_partitive, nominative, nominative_in
from ajdiff.read.vocabulary import heading_prefix, is_list_intro, known_label, vocabulary
from ajdiff.text import fold, join_all_wrapped, ocr_fold, slugify, split_outside_parens
from ajdiff.tree import Node, NodeKind

# The kinds as globals: the enum's metaclass has a `__getattr__` in CPython 3.11, which sends every `NodeKind.X` through
# a slow hook (some 1,000 instructions more than a global), and the model is read of every node.
_TITLE, _SECTION, _FIELD, _ITEM, _RESULT, _BULLET, _PARAGRAPH = (
    NodeKind.TITLE,
    NodeKind.SECTION,
    NodeKind.FIELD,
    NodeKind.ITEM,
    NodeKind.RESULT,
    NodeKind.BULLET,
    NodeKind.PARAGRAPH,
)
_NONE_VALUES = frozenset({"-", "–", "—", "", "puuduvad", "puudub", "ei ole", "pole", "ei"})
_REQUIREMENT_KEYS = ("education", "experience", "languages", "knowledge", "qualities")
# 'Sotsiaalpedagoogi töö eesmärgiks on …', 'Klassijuhataja eesmärgiks on …': a sentence that says what the
# post's work is for, its subject up to four words.
_GOAL_SENTENCE = re.compile(r"(?:[^\W\d_][\w-]*\s+){1,4}(?:eesmärgiks|eesmärk|missiooniks)\s+on\s+\w", re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-ZÕÄÖÜŠŽ])")
# ') ' before a post's name of up to four words with its own bracket ('(PSK) teenuseomanik (PSK)').
_NEXT_POST = re.compile(r"(?<=\))\s+(?=[^\W\d_][\w-]*(?:\s+[\w-]+){0,3}\s+\([^()]*\)$)")
_DEFINED_AS = re.compile(r"\s*\(edaspidi:?\s[^()]*\)\s*$", re.IGNORECASE)
_TITLE_POST = re.compile(r"^(.{2,120}?)\s+(?:teenistuskoha\s+|ametikoha\s+|töökoha\s+)?ametijuhend\b", re.IGNORECASE)


def value_of(node: Node) -> str:
    """A field's whole value: its own text, then its list items, joined as one text."""
    if not node.children:
        return node.text.strip()  # what joining the one piece gives: most fields have no list under them
    return join_all_wrapped([node.text, *(child.text for child in node.children)]).strip()


# Two versions of a document (a pair, a batch's namesakes) and an agency's posts name the same substitutes and
# list the same rights: their lists are cut once. The answers are tuples, which no caller can change.
@short_text_memo(maxsize=2048)
def _name_list(text: str) -> tuple[str, ...]:
    """A list of posts ('Ekspert (toimepidevus), talituse juhataja'); '-' or 'puuduvad' means none. A
    post's bracketed qualifier followed by another post with its own ('juhtivspetsialist (PSK) teenuseomanik
    (PSK)', seed 003's comma left out) ends that post."""
    if fold(text) in _NONE_VALUES or text.strip() in _NONE_VALUES:
        return ()
    return tuple(part for item in split_outside_parens(text, ",;") for part in _NEXT_POST.split(item))


def _cut_items(text: str, separators: str) -> tuple[str, ...]:
    """The items of a list's text cut at `separators` outside brackets (`split_outside_parens`)."""
    return tuple(split_outside_parens(text, separators))


_split_items = short_text_memo(maxsize=2048)(_cut_items)
_LONG_LISTS_KEPT = 8
"""Lists too long for `_split_items` remembered: a document's rights and responsibilities are each one paragraph of
items (most of a pair's list values by their length), and the other version repeats them; a few such paragraphs, at
most MAX_LINE_CHARS each, are all the memo holds."""
_split_long_items = short_text_memo(maxsize=_LONG_LISTS_KEPT, max_chars=MAX_LINE_CHARS)(_cut_items)


# The name of a supervisor, of whom the holder stands in for, the languages asked: an agency's posts and a post's
# versions repeat them (the memos of `_supervisor`, `_partitive` and this).
@short_text_memo(maxsize=1024)
def _languages(text: str) -> tuple[tuple[str, str], ...]:
    """The languages and levels a requirement names (`parse_languages`), in its order."""
    return tuple(parse_languages(text).items())


_partitive = short_text_memo(maxsize=1024)(from_partitive)


def _list_items(node: Node, value: str) -> tuple[str, ...]:
    """The posts a list field names: its value cut at commas and semicolons, and a bulleted list under
    its label ('Teenistuja asendab:' / '• Ekspert' / '• kriisijuht') item by item, as the document lists
    them: so 'A, B' in one cell and 'A' and 'B' as bullets hold the same items in the model (JSON `show`).
    Lines without bullets stay one value: a page or a cell wraps a long post's name over lines exactly
    as it would cut a list ('Sotsiaalkindlustusameti kriisivalmiduse' / 'talituse juhataja'), and a Word
    cell's paragraphs may be such a name broken by hand ('Nõustaja (…, mis ei seisne avaliku võimu' /
    'teostamises)': splitting them made seed 003's Word-table layouts in the invariance test report
    substantive changes), so only the comparison can tell them apart, where the same words cut into
    items elsewhere are editorial."""
    if node.kind is not _FIELD or not any(c.kind is _BULLET for c in node.children):
        return _name_list(value)
    own = _name_list(node.text) if node.text.strip() else ()
    return own + tuple(n for child in node.children for n in _name_list(child.text))


def _items(node: Node, own: bool = False, separators: str = ";") -> list[str]:
    """The items of a list section or field (with `own`, the field's own text first), without its
    introduction ('Töötajal on õigus:'); an item that lists several with ';' is split."""
    out: list[str] = []
    for child in ((node,) if own and node.text else ()) + node.children:
        if child.kind is _SECTION or (child.kind is _PARAGRAPH and is_list_intro(child.text)):
            continue
        text = value_of(child) if child.kind is _FIELD and child is not node else child.text
        out.extend((_split_items if len(text) <= MEMO_CHARS else _split_long_items)(text, separators))
    return out


def _experience_years(text: str | None) -> int | None:
    m = re.search(r"(\d{1,2})\s*-?\s*aastane", text or "")
    if m:
        return int(m.group(1))
    m = re.search(r"(?:vähemalt\s+)?(\d{1,2})\s*(?:aasta|a\.)", text or "", re.IGNORECASE)
    return int(m.group(1)) if m and "aasta" in (text or "").lower() else None


def _title_position(title: Node | None) -> str | None:
    """The post named only in the title: 'Sekretär-asjaajaja ametijuhend', or the line before 'AMETIJUHEND'."""
    if title is None:
        return None
    lines = [c for c in title.children if c.key != "approval" and c.kind is not _FIELD]
    for node in lines:
        m = _TITLE_POST.match(node.text)
        # A sentence names no post: 'Ametijuhend on kooskõlas … seadusandlusega. Ametijuhend on koostatud …'.
        if m and len(m.group(1).split()) <= 8 and not _ends_a_sentence(m.group(1)):
            return m.group(1).strip(" ,.")
    word = vocabulary().title_word
    for k, node in enumerate(lines):
        if fold(node.text) == word and k > 0:
            return lines[k - 1].text.strip(" ,.")
    return None


def _ends_a_sentence(text: str) -> bool:
    """Whether a sentence ends in the text: a full stop after a word, at its end or before a space."""
    return any(
        c == "." and k and text[k - 1].isalpha() and (k + 1 == len(text) or text[k + 1] == " ")
        for k, c in enumerate(text)
    )


def _heading_post(nodes: tuple[Node, ...]) -> str | None:
    """The post the duties' heading names before its word for duties ('1. Sotsiaalpedagoogi tööülesanded',
    '2. RAAMATUKOGUHOIDJA KOHUSTUSED', '3. ÕPETAJA KOHUSTUSED JA ÜLESANDED'), as written; None when the
    heading is the usual one ('3. TEENISTUSKOHA ÜLESANDED JA TULEMUSED') or names no post."""
    duties = next((n for n in nodes if n.kind is _SECTION and n.key == "duties"), None)
    title = (duties.label or "") if duties is not None else ""
    words = title.split()
    if not words or heading_prefix(title) is not None:
        return None
    folded = ocr_fold(title)
    for term in sorted(vocabulary().heading_endings, key=lambda t: -t.words):
        if term.key == "duties" and folded.endswith(" " + term.ocr):
            post = words[: len(words) - term.words]
            if 1 <= len(post) <= 3 and all(w.replace("-", "").isalpha() for w in post):
                return " ".join(post)
    return None


def _stem_position(nodes: tuple[Node, ...]) -> str | None:
    """The post named only inflected in the general clauses ('pearaamatupidajale allub …',
    'pearaamatupidajat asendab …'): the shortest first word that the others start with."""
    general = next((n for n in nodes if n.kind is _SECTION and n.key == "general"), None)
    if general is None:
        return None
    firsts = [w.strip(",.;:").lower() for c in general.children for w in c.text.split()[:1]]
    for word in sorted(set(firsts), key=len):
        if len(word) >= 5 and word.isalpha() and sum(f.startswith(word) for f in firsts) >= 3:
            return word
    return None


def _goal_sentence(nodes: tuple[Node, ...]) -> str | None:
    """The first sentence of the title or the general clauses that says what the post's work is for
    ('Sotsiaalpedagoogi töö eesmärgiks on …'), for a document with no goal under a label or heading."""
    for node in nodes:
        if node.kind is not _TITLE and node.key != "general":
            continue
        for child in node.walk():
            if child.kind in (_PARAGRAPH, _ITEM) and "on " in child.text:
                for sentence in _SENTENCES.split(child.text):
                    if _GOAL_SENTENCE.match(sentence):
                        return sentence
    return None


@short_text_memo(maxsize=1024)  # see _languages
def _supervisor(value: str) -> str:
    """The supervisor in the nominative: 'allub grupijuhile' names 'grupijuht', 'allub Tööandja
    juhtimisele ja kontrollile' names 'Tööandja' (the genitive before the word for being supervised)."""
    words = value.split()
    while len(words) > 1 and words[0].isalpha() and words[0].lower().endswith("lt"):
        words = words[1:]  # an adverb of manner: 'allub vahetult …' (Tõstamaa), 'allub otseselt …' (Viljandi)
    value = " ".join(words)
    nouns = vocabulary().supervision_nouns
    cut = next((k for k, w in enumerate(words) if k and fold(w) in nouns), None)
    if cut is not None:
        return nominative(" ".join(words[:cut]))
    return nominative_in(value, allative=True)  # 'allub grupijuhile'


def _name_only(value: str) -> str:
    """A name without the full stop of the sentence it ends ('3. allub kooli direktorile.') and without the
    short name the document defines for it ('lennukõlblikkuse osakond (edaspidi osakond)', 'teehoiuteenistuse
    direktor (edaspidi direktor)'): a drafting device, no part of the name. A name with a sentence inside it
    keeps its text as written."""
    if ")" in value:  # what the pattern ends with: most names have no bracket, and are not searched
        value = _DEFINED_AS.sub("", value)
    if value.endswith(".") and not value.endswith("..") and ". " not in value and len(value.split()) <= 8:
        return value[:-1].rstrip()
    return value


class _Collector:
    """Walks the tree once and keeps the first value of every typed key."""

    def __init__(self) -> None:
        self.general: dict[str, str] = {}
        self.lists: dict[str, list[str]] = {"subordinates": [], "substitutes_for": [], "substituted_by": []}
        self.requirements: dict[str, str] = {}
        self.extra: list[tuple[str, str]] = []
        self.duties: list[Duty] = []
        self.rights: list[str] = []
        self.responsibilities: list[str] = []
        self.competencies: list[str] = []
        self.review: str | None = None
        self.other: list[tuple[str, str]] = []
        self.sections: set[str] = set()

    def field(self, node: Node) -> None:
        key = node.key or ""
        value = value_of(node) if node.kind is _FIELD else node.text
        if node.kind is _FIELD and node.label is None and node.children and node.children[0].label:
            value = node.children[0].text  # a sentence: its value is the words after its verb
        # 'general.unit': the part before the first point and the field's name after it, one cut for the tests below.
        part, point, name = key.partition(".")
        if point and part == "general":
            if name in self.lists:
                if not self.lists[name] or name != "subordinates":
                    # "Esimene asendaja" and "Teine asendaja" may name the same; a list names each once.
                    known = self.lists[name]
                    known.extend(n for n in _list_items(node, value) if n not in known)
            elif value:
                self.general.setdefault(name, value.strip())
        elif point and part == "requirements":
            if name in _REQUIREMENT_KEYS:
                self.requirements.setdefault(name, value)
            elif value:
                self.extra.append((name, value))
        elif point and part == "rights_resp":
            items = getattr(self, name)
            items.extend(_items(node, own=True))
        elif key == "competencies":
            self.competencies.extend(_items(node, own=True, separators=""))
        elif node.kind is _FIELD and node.label and value:
            self.other.append((slugify(node.label), value))  # an untyped label: kept, compared by its name

    def section(self, node: Node) -> None:
        key = node.key or ""
        self.sections.add(key)
        if key == "duties":
            # The duties are the section's own items: `content.read_duties` makes a flat list, paragraphs and items
            # with their results, nothing under those; its sub-sections are read on their own (below).
            for child in node.children:
                if child.kind is _ITEM and child.key == "duties":
                    results = tuple([r.text for r in child.children if r.kind is _RESULT])
                    self.duties.append(make_duty(child.number or "", child.text, results))
        elif key in ("rights", "responsibilities", "competencies"):
            getattr(self, key).extend(_items(node) if key != "competencies" else _items(node, separators=""))
        elif key == "review":
            self.review = self.review or node.text or None
        elif key == "goal":
            if node.text:
                self.general.setdefault("goal", node.text)
        elif key.startswith("other.") and (node.text or node.children):
            text = _section_text(node)
            if text:  # '2. AMETIKOHA KIRJELDUS' holding only named parts (its goal, its duties) has none of its own
                self.other.append((key.split(".", 1)[1], text))
        for child in node.children:
            if child.kind is _SECTION:
                self.section(child)
            elif child.kind is _FIELD or (child.key and key in ("general", "requirements", "rights_resp")):
                self.field(child)
            elif child.kind is _ITEM and key in ("general", "requirements"):
                for grandchild in child.children:
                    if grandchild.kind is _FIELD:
                        self.field(grandchild)


def _own_nodes(node: Node) -> list[Node]:
    """The nodes under a section, not entering its sub-sections (they are read on their own)."""
    out: list[Node] = []
    for child in node.children:
        if child.kind is not _SECTION:
            out.extend(child.walk())
    return out


def _section_text(node: Node) -> str:
    """A generic section's whole text, items with their numbers, for the `other` map."""
    parts = []
    for child in _own_nodes(node):
        parts.append(f"{child.number}. {child.text}" if child.number else child.text)
    return "\n".join(p for p in parts if p.strip()) or node.text


def _own_labels(nodes: tuple[Node, ...]) -> tuple[tuple[str, str], ...]:
    """Each field's label as the document writes it (the first field of a key that has one): a typed
    field's when the vocabulary knows it; a field or section ajdiff has no key for ('Ametisse nimetab',
    '6. TÖÖVAHENDID') under its path other.<slug>, for its slug is no name to show a person."""
    labels: dict[str, str] = {}
    stack = list(reversed(nodes))  # `tree.walk`, without the duties' items and results (below)
    while stack:
        node = stack.pop()
        kind = node.kind
        if node.children:
            # A duties section holds no field, nor any section but its own sub-sections (`content.read_duties`).
            duties = kind is _SECTION and node.key == "duties"
            under = [c for c in node.children if c.kind is _SECTION] if duties else node.children
            stack.extend(reversed(under))
        if kind is _FIELD:
            key, label = node.key, node.label
            if not label:
                continue
            if not key:
                labels.setdefault(f"other.{slugify(label)}", _known_label("untyped", label) or _as_written(label))
            elif key not in labels:
                known = _known_label(key, label)
                if known:
                    labels[key] = known
        elif kind is _SECTION and (node.key or "").startswith("other.") and node.label:
            labels.setdefault(node.key or "", _as_written(node.label))
    return tuple(labels.items())


_known_label = lru_cache(maxsize=1024)(known_label)
"""`known_label`, remembered: every document of a body writes its fields under the same few labels."""


def _as_written(label: str) -> str:
    """A label as a name: its colon dropped, capitals ('AMETNIK JUHINDUB') as a sentence starts."""
    label = label.strip().rstrip(":").strip()
    return label[:1] + label[1:].lower() if label.isupper() else label


def to_model(
    source: str,
    annex: str | None,
    order: OrderRef | None,
    nodes: tuple[Node, ...],
    post_from_order: str | None,
    metadata: tuple[tuple[str, str], ...],
    warnings: list[str],
) -> JobDescription:
    """The typed model of a document tree; warnings say which of the usual fields were not found."""
    c = _Collector()
    title = next((n for n in nodes if n.kind is _TITLE), None)
    for node in nodes:
        if node.kind is _TITLE:
            for child in node.children:
                if child.kind is _FIELD or child.key:
                    c.field(child)
        else:
            c.section(node)
    if "position" not in c.general:
        # The title and the clauses name the post inflected ('AUTOJUHI AMETIJUHEND', 'sotsiaalnõuniku
        # …'); a person names it in the nominative. The title node keeps the words as written.
        named = _title_position(title) or _stem_position(nodes)
        # The duties' heading names the post ('2. RAAMATUKOGUHOIDJA KOHUSTUSED'): a title that ends with
        # it names the body before it ('VILJANDI Kesklinna Kooli RAAMATUKOGUHOIDJA AMETIJUHEND'), and a
        # document whose title is no post's names its post there only ('1. Sotsiaalpedagoogi tööülesanded').
        headed = _heading_post(nodes)
        if headed and (not named or fold(named).endswith(" " + fold(headed))):
            named = headed
        post = nominative(named) if named else post_from_order
        if post:
            c.general["position"] = post
    if "goal" not in c.general:
        # A goal under a label or a heading ('2. AMETIKOHA EESMÄRK', Kehtna's '1. KLASSIJUHATAJA MISSIOON')
        # comes first: Kehtna's clause '1.3. Klassijuhataja eesmärgiks on luua ja hoida suhteid …' is one of
        # its general clauses there, and the goal only where the document names none otherwise.
        goal = _goal_sentence(nodes)
        if goal:
            c.general["goal"] = goal
    if c.general.get("supervisor"):
        c.general["supervisor"] = _supervisor(c.general["supervisor"])
    # Whom the holder stands in for is named in the partitive ('Keda asendab: registripidajat', 'asendab
    # direktorit või osakonna teenistujaid'); a person names them in the nominative, as the other lists are.
    stood_in_for = [_partitive(name) for name in c.lists["substitutes_for"]]
    c.lists["substitutes_for"] = [n for k, n in enumerate(stood_in_for) if n not in stood_in_for[:k]]
    for key in ("position", "unit", "supervisor"):
        if c.general.get(key):
            c.general[key] = _name_only(c.general[key])
    if "duties" not in c.sections or not c.duties:
        warnings.append(_("no duties section found"))
    if not c.requirements and not c.extra:
        warnings.append(_("no requirements section found"))
    if not c.general.get("position"):
        warnings.append(_("no position (Teenistuskoht / Ametinimetus) found"))
    req = c.requirements
    return JobDescription(
        source=source,
        annex=annex,
        order=order,
        general=make_general(
            position=c.general.get("position"),
            unit=c.general.get("unit"),
            supervisor=c.general.get("supervisor"),
            subordinates=tuple(c.lists["subordinates"]),
            substitutes_for=tuple(c.lists["substitutes_for"]),
            substituted_by=tuple(c.lists["substituted_by"]),
            goal=c.general.get("goal"),
            group=c.general.get("group"),
            special_conditions=c.general.get("special_conditions"),
        ),
        duties=tuple(c.duties),
        requirements=make_requirements(
            education=req.get("education"),
            experience=req.get("experience"),
            experience_years=_experience_years(req.get("experience")),
            languages=_languages(req.get("languages") or ""),
            knowledge=req.get("knowledge"),
            qualities=req.get("qualities"),
            extra=tuple(c.extra),
        ),
        rights=tuple(c.rights),
        responsibilities=tuple(c.responsibilities),
        competencies=tuple(c.competencies),
        review=c.review,
        other=tuple(c.other),
        warnings=tuple(warnings),
        metadata=metadata,
        sections=nodes,
        labels=_own_labels(nodes),
    )
