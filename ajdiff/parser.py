"""Parser: the lines of one job description become a typed `JobDescription`.

Both layouts are read by one pass: the lines are cut into sections at their headings
(matched on folded, OCR-tolerant text), then each section has its own small reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ajdiff.languages import parse_languages
from ajdiff.lexicon import looks_like_ocr, restore_diacritics
from ajdiff.model import Duty, General, JobDescription, Requirements
from ajdiff.readers import DEFAULT_MAX_BYTES, SourceText, read_source
from ajdiff.splitter import RawDocument, split
from ajdiff.text import (
    clean_item,
    dehyphenate_inline,
    ends_sentence,
    fold,
    fuzzy_equal,
    join_wrapped,
    ocr_fold,
    slugify,
    split_outside_parens,
    starts_lower,
    strip_bullet,
)


@dataclass
class Line:
    """One content line with what the page around it said."""

    text: str
    blank_before: bool = False
    bullet: bool = False


@dataclass
class Section:
    """The lines under one heading."""

    key: str  # general, goal, duties, requirements, rights_resp, rights, responsibilities, review, other
    title: str
    lines: list[Line] = field(default_factory=list)


# Section headings, folded. A heading is a whole line, usually numbered ("3. TÖÖÜLESANDED").
_HEADINGS: tuple[tuple[str, str], ...] = (
    ("uldosa", "general"),
    ("tookoha eesmark", "goal"),
    ("eesmark", "goal"),
    ("peamised teenistusulesanded oodatavad tulemused", "duties"),
    ("peamised teenistusulesanded", "duties"),
    ("tooulesanded", "duties"),
    ("teenistusulesanded", "duties"),
    ("teenistuskoha taitjale esitatavad nouded", "requirements"),
    ("tookohale esitatavad nouded", "requirements"),
    ("ametikohale esitatavad nouded", "requirements"),
    ("oigused ja vastutus", "rights_resp"),
    ("oigused", "rights"),
    ("vastutus", "responsibilities"),
    ("ametijuhendi muutmine", "review"),
)
_NUMBERED_HEADING = re.compile(r"^(\d{1,2})\s*[.,]?\s+(\D.*)$")
_BARE_NUMBER = re.compile(r"^(\d{1,2})\s*[.,]$")
_FIRST_LABEL = re.compile(r"1[.,]1\s")  # "1.1 Ametinimetus" opens the older layouts' general table
_DUTY_START = re.compile(r"^(\d{1,2})[.,](\d{1,4})[.,]?\s+(.*)$")
_SIGNATURE = ("allkirjastatud digitaalselt", "poolte allkirjad", "tooandja tootaja")
_REVIEW_SENTENCE = "ametijuhend vaadatakse"

# Civil-service layout: "Label value" on one line.
_CIVIL_GENERAL: tuple[tuple[str, str], ...] = (
    ("struktuuriuksus", "unit"),
    ("teenistuskoht", "position"),
    ("vahetu juht", "supervisor"),
    ("alluvad", "subordinates"),
    ("teenistuja asendaja", "substituted_by"),
    ("teenistuja asendab", "substitutes_for"),
    ("teenistuskoha eesmark", "goal"),
    ("ametikoha grupp", "group"),
    ("eritingimused", "special_conditions"),
)
# Older layouts: numbered labels of a flattened table ("1.3 Vahetu juht 1.4 Kes asendab").
_OLD_GENERAL: tuple[tuple[str, str], ...] = (
    ("ametinimetus", "position"),
    ("struktuuriuksus", "unit"),
    ("vahetu juht", "supervisor"),
    ("kes asendab", "substituted_by"),
    ("keda asendab", "substitutes_for"),
)
_CIVIL_REQUIREMENTS: tuple[tuple[str, str], ...] = (
    ("haridus", "education"),
    ("erialane tookogemus", "experience"),
    ("tookogemus", "experience"),
    ("keeleoskus", "languages"),
    ("teadmised ja oskused", "knowledge"),
    ("isikuomadused", "qualities"),
)
_OLD_REQUIREMENTS: tuple[tuple[str, str], ...] = (
    *_CIVIL_REQUIREMENTS,
    ("teadmised", "knowledge"),
    ("arvutikasutamise oskus", "arvutikasutamise_oskus"),
    ("valmisolek lahetusteks", "valmisolek_lahetusteks"),
    ("lisanouded", "lisanouded"),
    ("tooks vajalikud kompetentsid", "competencies"),
    ("taiendavad kompetentsid isikuomadused ja teadmised", "competencies"),
)
_LIST_INTROS = ("tootajal on oigus", "tootaja vastutab", "teenistujal on oigus", "teenistuja vastutab")


# ---------------------------------------------------------------------------- lines and sections


def _prepare(raw: RawDocument) -> tuple[list[Line], list[tuple[str, str]]]:
    """Drop blank lines (remembering them), bullets and signatures; join a bare '2.' with its heading."""
    out: list[Line] = []
    metadata: list[tuple[str, str]] = []
    blank = False
    lines = list(raw.lines)
    i = 0
    while i < len(lines):
        text = lines[i]
        i += 1
        if not text:
            blank = True
            continue
        low = text.lower()
        # Fold only lines that can be a signature ("allkirjastatud", "Tööandja:"): folding every line costs.
        if ("allkirj" in low or "andja" in low) and any(s in fold(text) for s in _SIGNATURE):
            metadata.extend(("signature", rest) for rest in [text, *(t for t in lines[i:] if t)])
            break
        if _BARE_NUMBER.match(text):
            j = i
            while j < len(lines) and not lines[j]:
                j += 1
            if j < len(lines) and _heading_key(f"{text} {lines[j]}"):
                text = f"{text.rstrip('.,')}. {lines[j]}"
                i = j + 1
        body, bullet = strip_bullet(text)
        out.append(Line(dehyphenate_inline(body), blank, bullet))
        blank = False
    return out, metadata


@lru_cache(maxsize=512)
def _const_fold(pattern: str) -> str:
    """ocr_fold of a built-in heading or label, computed once (they are compared with every line)."""
    return ocr_fold(pattern)


def _heading_key(text: str) -> str | None:
    """The section a heading line opens, or None when the line is not a heading."""
    m = _NUMBERED_HEADING.match(text)
    title = m.group(2) if m else text
    if len(title) > 70 or _DUTY_START.match(text):
        return None
    # An unnumbered "Eesmärk" or "Vastutus" is a label inside a section, not a heading.
    anywhere = bool(m) or title.isupper()
    if not anywhere and len(title) > 12:
        return None  # only "Üldosa" stands unnumbered and in lower case, and it is short
    folded = ocr_fold(title)
    for pattern, key in _HEADINGS:
        if not anywhere and key != "general":
            continue  # could not be this heading: skip the fuzzy comparison
        want = _const_fold(pattern)
        # A heading wrapped over two lines still names its section by its first words.
        wrapped = " " in folded and len(folded) >= 0.5 * len(want) and want.startswith(folded + " ")
        spilled = folded.startswith(want + " ") and len(folded.split()) - len(want.split()) <= 2
        if fuzzy_equal(folded, want, 0.85) or wrapped or spilled:
            return key
    if m and title.isupper() and len(title.split()) <= 6 and any(c.isalpha() for c in title):
        return "other"
    return None


def _sections(lines: list[Line]) -> list[Section]:
    sections: list[Section] = [Section("preamble", "")]
    for line in lines:
        key = _heading_key(line.text)
        if key is None and line.text[:11].lower() == "ametijuhend" and fold(line.text).startswith(_REVIEW_SENTENCE):
            key = "review_line"
        if key == "review_line":
            sections.append(Section("review", "", [line]))
            continue
        if key:
            title = _NUMBERED_HEADING.match(line.text)
            sections.append(Section(key, title.group(2) if title else line.text))
        else:
            sections[-1].lines.append(line)
    return sections


def _is_older_layout(lines: list[Line]) -> bool:
    return any(_FIRST_LABEL.match(ln.text) and "ametinimetus" in ocr_fold(ln.text) for ln in lines[:60])


# ---------------------------------------------------------------------------- labelled fields


@lru_cache(maxsize=32)
def _label_table(labels: tuple[tuple[str, str], ...]) -> tuple[tuple[int, str, str, str], ...]:
    """(word count, fold, OCR fold, key) of each label, computed once per label set."""
    return tuple((len(label.split()), fold(label), _const_fold(label), key) for label, key in labels)


def _match_label(text: str, labels: tuple[tuple[str, str], ...], whole_line: bool = False) -> tuple[str, str] | None:
    """(key, rest of line) when a line starts with one of the labels."""
    words = text.split()
    heads: dict[int, str] = {}  # the first n words, joined once per n
    # Exact matches first, so that "Teenistuja asendab" never reads as its neighbour "… asendaja".
    for fuzzy in (False, True):
        for n, want, want_ocr, key in _label_table(labels):
            if len(words) < n:
                continue
            head = heads.get(n)
            if head is None:
                head = heads[n] = " ".join(words[:n])
            folded = fold(head)
            # OCR swaps letters inside a label, rarely its first one: a cheap filter before fuzzy matching.
            if folded == want or (fuzzy and folded[:1] == want[:1] and fuzzy_equal(ocr_fold(head), want_ocr, 0.85)):
                rest = " ".join(words[n:]).lstrip(":").strip()
                if whole_line and rest:
                    continue
                return key, rest
    return None


def _labelled(lines: list[Line], labels: tuple[tuple[str, str], ...], whole_line: bool) -> list[tuple[str, list[Line]]]:
    """Group lines under the labels they start with; each label once, the rest is continuation."""
    fields: list[tuple[str, list[Line]]] = []
    seen: set[str] = set()
    for line in lines:
        hit = _match_label(line.text, labels, whole_line)
        if hit and (hit[0] not in seen or hit[0] == "competencies"):
            key, rest = hit
            seen.add(key)
            fields.append((key, [Line(rest, line.blank_before, line.bullet)] if rest else []))
        elif fields:
            fields[-1][1].append(line)
        else:
            fields.append(("", [line]))
    return fields


def _join(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        text = join_wrapped(text, line.text)
    return text.strip()


def _items(lines: list[Line], separators: str = ";") -> list[str]:
    """List items: each bullet (or, on wrapped pages, each uppercase line after a finished one) starts
    an item; items are also split on separators outside parentheses."""
    chunks: list[str] = []
    for line in lines:
        folded = fold(line.text)
        if folded.startswith(_LIST_INTROS) and line.text.rstrip().endswith(":"):
            continue
        new_item = line.bullet or not chunks
        if not new_item and not starts_lower(line.text) and ends_sentence(chunks[-1]):
            new_item = True
        if new_item:
            chunks.append(line.text)
        else:
            chunks[-1] = join_wrapped(chunks[-1], line.text)
    items: list[str] = []
    for chunk in chunks:
        items.extend(split_outside_parens(chunk, separators) if separators else [clean_item(chunk)])
    return [i for i in items if i]


def _name_list(text: str) -> tuple[str, ...]:
    """A list of posts ('Ekspert (toimepidevus), talituse juhataja'); '-' means none."""
    if text.strip() in ("-", "–", "—", ""):
        return ()
    return tuple(split_outside_parens(text, ",;"))


def _split_values(values: list[str], count: int) -> list[str]:
    """Cut a flattened row of table values between its labels (002: 'Rändeteenuse juht Peaspetsialist …')."""
    if len(values) == count:
        return values
    text = " ".join(values)
    words = text.split()
    starts, depth = [], 0
    for i, word in enumerate(words):
        if depth == 0 and word[:1].isupper():
            starts.append(i)
        depth += word.count("(") - word.count(")")
    if len(starts) == count:
        bounds = [*starts[1:], len(words)]
        return [" ".join(words[a:b]) for a, b in zip(starts, bounds)]
    # Unclear: all to the first label rather than guess.
    return [text] + [""] * (count - 1)


def _old_general(lines: list[Line]) -> dict[str, str]:
    """Read the older layouts' flattened label rows followed by value rows."""
    label_re = re.compile(r"1[.,]([1-9])\s+")
    result: dict[str, str] = {}
    row: list[str] = []
    values: list[str] = []

    def flush() -> None:
        if row:
            merged: list[str] = []
            for v in values:  # lowercase lines continue the value above them
                if merged and starts_lower(v):
                    merged[-1] = join_wrapped(merged[-1], v)
                else:
                    merged.append(v)
            for key, value in zip(row, _split_values(merged, len(row))):
                if value:
                    result[key] = value
        row.clear()
        values.clear()

    for line in lines:
        parts = label_re.split(line.text)
        if len(parts) == 1:
            values.append(line.text)
            continue
        if parts[0].strip():
            values.append(parts[0].strip())
        if values:
            flush()
        for k in range(1, len(parts), 2):
            rest = parts[k + 1].strip()
            hit = _match_label(rest, _OLD_GENERAL)
            if not hit:
                values.append(rest)
                continue
            key, after = hit
            row.append(key)
            if after and not _match_label(after, _OLD_GENERAL):
                values.append(after)
    flush()
    return result


# ---------------------------------------------------------------------------- duties

_TASK_WORD = re.compile(r"\w+(mine|mise\w*|misel)$")


def _sentences(text: str) -> list[str]:
    """Split text into sentences at '. ' before an uppercase letter."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÕÄÖÜŠŽ])", text)
    return [p.strip() for p in parts if p.strip()]


def _is_result_sentence(sentence: str) -> bool:
    """A result says what has been achieved ('… on tehtud'); a task names an activity ('…-mine')."""
    words = fold(sentence).split()
    if "on" in words:
        return True
    task_like = any(_TASK_WORD.match(w) for w in words)
    return not task_like and len(words) >= 3


@dataclass
class _DutyDraft:
    number: str
    task: str
    results: list[str] = field(default_factory=list)
    task_open: bool = True  # no result seen yet: a wrapped line still belongs to the task


def _start_duty(number: str, text: str) -> _DutyDraft:
    # A flattened "task | result" row: the cell separator is kept by some text exports.
    task, _, result = text.partition(" | ")
    draft = _DutyDraft(number, task.strip())
    if result.strip():
        draft.results.append(strip_bullet(result.strip())[0])
        draft.task_open = False
    return draft


def _continue(draft: _DutyDraft, text: str) -> None:
    """Append a lowercase continuation to the last unfinished sentence (two-column interleaving)."""
    if draft.results and not ends_sentence(draft.results[-1]):
        draft.results[-1] = join_wrapped(draft.results[-1], text)
    elif not ends_sentence(draft.task) or not draft.results:
        draft.task = join_wrapped(draft.task, text)
    else:
        draft.results[-1] = join_wrapped(draft.results[-1], text)


def _duties(lines: list[Line], wrapped: bool, warnings: list[str]) -> list[Duty]:
    drafts: list[_DutyDraft] = []
    section_major: str | None = None
    skipped: list[str] = []
    for line in lines:
        text = line.text
        m = _DUTY_START.match(text)
        if m and (section_major is None or m.group(1) == section_major):
            section_major = m.group(1)
            drafts.append(_start_duty(f"{int(m.group(1))}.{int(m.group(2))}", m.group(3)))
            continue
        if not drafts:
            skipped.append(text)
            continue
        d = drafts[-1]
        left, sep, right = text.partition(" | ")
        if sep:
            _continue(d, left.strip())
            d.results.append(strip_bullet(right.strip())[0])
            d.task_open = False
            continue
        if line.bullet:
            d.results.append(text)
            d.task_open = False
        elif starts_lower(text):
            _continue(d, text)
        elif wrapped and d.task_open and not line.blank_before:
            d.task = join_wrapped(d.task, text)
        elif wrapped and d.results and not line.blank_before and not ends_sentence(d.results[-1]):
            d.results[-1] = join_wrapped(d.results[-1], text)
        else:
            d.results.append(text)
            d.task_open = False
    headers = [s for s in skipped if not _is_table_header(s)]
    if headers:
        warnings.append(f"duties: ignored text before the first duty: {' '.join(headers)[:80]!r}")
    return [_finish(d) for d in drafts]


def _finish(draft: _DutyDraft) -> Duty:
    """The duty, with result sentences that a flattened row put into the task moved to the results.

    Done once the task is complete, so it does not depend on where the lines were wrapped.
    """
    task, results = _tidy(draft.task), [_tidy(r) for r in draft.results if r.strip()]
    sentences = _sentences(task)
    for k in range(1, len(sentences)):
        if _is_result_sentence(sentences[k]):
            task = " ".join(sentences[:k])
            results.insert(0, " ".join(sentences[k:]))
            break
    return Duty(draft.number, task, tuple(results))


def _is_table_header(text: str) -> bool:
    folded = ocr_fold(text)
    return any(
        fuzzy_equal(folded, _const_fold(h), 0.8)
        for h in (
            "pohiulesanded oodatavad tulemused",
            "pohiulesanded",
            "oodatavad tulemused",
            "tooulesanded",
            "peamised teenistusulesanded oodatavad tulemused",
            "peamised teenistusulesanded",
        )
    )


def _tidy(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------- the document


def _experience_years(text: str | None) -> int | None:
    m = re.search(r"(\d{1,2})\s*-?\s*aastane", text or "")
    return int(m.group(1)) if m else None


def parse_document(raw: RawDocument) -> JobDescription:
    """Parse one raw document (one annex) into the model."""
    lines, signature_meta = _prepare(raw)
    warnings: list[str] = []
    older = _is_older_layout(lines)
    sections = _sections(lines)
    general: dict[str, str] = {}
    reqs: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    other: list[tuple[str, str]] = []
    duties: list[Duty] = []
    rights: list[str] = []
    responsibilities: list[str] = []
    competencies: list[str] = []
    review: str | None = None
    seen = set()
    for sec in sections:
        seen.add(sec.key)
        if sec.key in ("preamble", "general"):
            if older:
                general.update(_old_general(sec.lines))
            for key, body in _labelled(sec.lines, _CIVIL_GENERAL, whole_line=False):
                if key and body:
                    general.setdefault(key, _join(body))
                elif key == "" and sec.key == "general" and not older and _join(body):
                    warnings.append(f"general: unlabelled text {_join(body)[:60]!r}")
        elif sec.key == "goal":
            general.setdefault("goal", _join(sec.lines))
        elif sec.key == "duties":
            duties.extend(_duties(sec.lines, raw.wrapped, warnings))
        elif sec.key == "requirements":
            labels = _OLD_REQUIREMENTS if older else _CIVIL_REQUIREMENTS
            for key, body in _labelled(sec.lines, labels, whole_line=older):
                if key == "competencies":
                    competencies.extend(_items(body, separators=""))
                elif key in ("education", "experience", "languages", "knowledge", "qualities"):
                    reqs.setdefault(key, _join(body))
                elif key:
                    extra.append((key, _join(body)))
                elif _join(body):
                    warnings.append(f"requirements: unlabelled text {_join(body)[:60]!r}")
        elif sec.key == "rights_resp":
            for key, body in _labelled(sec.lines, (("oigused", "rights"), ("vastutus", "resp")), whole_line=False):
                (rights if key == "rights" else responsibilities).extend(_items(body))
        elif sec.key == "rights":
            rights.extend(_items(sec.lines))
        elif sec.key == "responsibilities":
            responsibilities.extend(_items(sec.lines))
        elif sec.key == "review":
            review = _join(sec.lines) or review
        elif sec.key == "other" and sec.lines:
            other.append((slugify(sec.title), _join(sec.lines)))
    if "duties" not in seen or not duties:
        warnings.append("no duties section found")
    if not reqs and not extra:
        warnings.append("no requirements section found")
    if not general.get("position"):
        warnings.append("no position (Teenistuskoht / Ametinimetus) found")
    doc = JobDescription(
        source=raw.source,
        annex=raw.annex,
        order=raw.order,
        general=General(
            position=general.get("position"),
            unit=general.get("unit"),
            supervisor=general.get("supervisor"),
            subordinates=_name_list(general.get("subordinates", "")),
            substitutes_for=_name_list(general.get("substitutes_for", "")),
            substituted_by=_name_list(general.get("substituted_by", "")),
            goal=general.get("goal"),
            group=general.get("group"),
            special_conditions=general.get("special_conditions"),
        ),
        duties=tuple(duties),
        requirements=Requirements(
            education=reqs.get("education"),
            experience=reqs.get("experience"),
            experience_years=_experience_years(reqs.get("experience")),
            languages=tuple(parse_languages(reqs.get("languages")).items()),
            knowledge=reqs.get("knowledge"),
            qualities=reqs.get("qualities"),
            extra=tuple(extra),
        ),
        rights=tuple(rights),
        responsibilities=tuple(responsibilities),
        competencies=tuple(competencies),
        review=review,
        other=tuple(other),
        warnings=tuple(warnings),
        metadata=tuple(raw.metadata) + tuple(signature_meta),
    )
    if looks_like_ocr(doc):
        doc = restore_diacritics(doc)
    return doc


def parse_source(source: SourceText) -> list[JobDescription]:
    """Parse every job description in a source (one per annex)."""
    docs = [parse_document(raw) for raw in split(source)]
    if source.warnings:
        docs = [d.__class__(**{**d.__dict__, "warnings": source.warnings + d.warnings}) for d in docs]
    return docs


def read_documents(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[JobDescription]:
    """Read and parse a file ('-' for standard input) into its job descriptions."""
    return parse_source(read_source(path, max_bytes=max_bytes))
