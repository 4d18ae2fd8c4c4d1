"""The `ajdiff/1` JSON contract (GUIDE.md §2): the public, scriptable output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields

from ajdiff.changes import Change, Comparison, ComparisonSet, DocRef, Impact, PairEvidence
from ajdiff.model import JobDescription, OrderRef
from ajdiff.tree import Node
from ajdiff.words import annex_name, change_title, word

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)

if TYPE_CHECKING:
    from typing import Any

FORMAT = "ajdiff/1"


def document_to_dict(doc: JobDescription) -> dict[str, Any]:
    """One parsed document as the show contract's document object."""
    g, r = doc.general, doc.requirements
    requirements: dict[str, Any] = {
        "education": r.education,
        "experience": r.experience,
        "experience_years": r.experience_years,
        "languages": dict(r.languages),
        "knowledge": r.knowledge,
        "qualities": r.qualities,
    }
    requirements.update(dict(r.extra))
    return {
        "source": doc.source,
        "annex": doc.annex,
        "order": order_to_dict(doc.order) if doc.order else None,
        "general": {
            "position": g.position,
            "unit": g.unit,
            "supervisor": g.supervisor,
            "subordinates": list(g.subordinates),
            "substitutes_for": list(g.substitutes_for),
            "substituted_by": list(g.substituted_by),
            "goal": g.goal,
            "group": g.group,
            "special_conditions": g.special_conditions,
        },
        "duties": [{"number": d.number, "task": d.task, "results": list(d.results)} for d in doc.duties],
        "requirements": requirements,
        "rights": list(doc.rights),
        "responsibilities": list(doc.responsibilities),
        "competencies": list(doc.competencies),
        "review": doc.review,
        "other": dict(doc.other),
        "warnings": list(doc.warnings),
        "sections": [node_to_dict(n) for n in doc.sections],
    }


def order_to_dict(order: OrderRef) -> dict[str, Any]:
    """The approving order: number and date, and what its own body says when the file has it."""
    return {
        "number": order.number,
        "date": order.date,
        "title": order.title,
        "annexes": [{"annex": annex, "post": post} for annex, post in order.annexes],
        "repeals": list(order.repeals),
        "effective": order.effective,
        "approved_by": order.approved_by,
    }


def node_to_dict(node: Node) -> dict[str, Any]:
    """One node of the document tree, with its children."""
    where = {f.name: getattr(node.where, f.name) for f in fields(node.where)} if node.where else None
    where = {k: v for k, v in where.items() if v is not None} if where else None
    return {
        "kind": node.kind.value,
        "number": node.number,
        "label": node.label,
        "key": node.key,
        "text": node.text,
        "verbatim": node.verbatim,
        "where": where,
        "children": [node_to_dict(c) for c in node.children],
    }


def docref_to_dict(ref: DocRef) -> dict[str, Any]:
    """A DocRef as the contract's object."""
    return {"source": ref.source, "annex": ref.annex, "position": ref.position, "unit": ref.unit}


def change_to_dict(change: Change, lang: str = "et") -> dict[str, Any]:
    """A Change as the contract's object: `path` and `kind` are the stable keys, `label` names it in `lang`."""
    # `_value_`, the member's value as the enum documents it: `.value` is a property, a Python call for each of a
    # batch's tens of thousands of word spans.
    return {
        "path": change.path,
        "kind": change.kind._value_,
        "old": change.old,
        "new": change.new,
        "editorial": change.editorial,
        "impact": change.impact._value_,
        "label": change_title(change, lang),
        "old_number": change.old_number,
        "new_number": change.new_number,
        "spans": [[s.op._value_, s.text] for s in change.spans],
    }


def comparison_to_dict(pair: Comparison, lang: str = "et") -> dict[str, Any]:
    """One compared pair as the contract's pair object, its changes labelled in `lang`."""
    changes = pair.changes
    # `Comparison.substantive`, `editorial` and `high_impact` counted in one pass, not made as three tuples.
    editorial = high = 0
    for change in changes:
        if change.editorial:
            editorial += 1
        elif change.impact is Impact.HIGH:
            high += 1
    return {
        "old": docref_to_dict(DocRef.of(pair.old)),
        "new": docref_to_dict(DocRef.of(pair.new)),
        "similarity": round(pair.similarity, 4),
        "summary": {"substantive": len(changes) - editorial, "editorial": editorial, "high_impact": high},
        "changes": [change_to_dict(c, lang) for c in changes],
        "pairing": evidence_to_dict(pair.pairing),
    }


def evidence_to_dict(proof: PairEvidence | None) -> dict[str, Any] | None:
    """Why a pair was made (None when the user gave exactly the two documents)."""
    if proof is None:
        return None
    return {
        "basis": proof.basis._value_,  # as `change_to_dict`: `.value` is a Python call
        "uncertain": proof.uncertain,
        "score": proof.score,
        "content": proof.content,
        "duties_matched": proof.duties_matched,
        "duties_old": proof.duties_old,
        "duties_new": proof.duties_new,
        "same_position": proof.same_position,
        "same_unit": proof.same_unit,
    }


def pair_line(pair: Comparison, lang: str = "et") -> str:
    """`--format jsonl`: one pair as one line, `{"format": "ajdiff/1", "type": "pair", …pair object}`."""
    return json.dumps({"format": FORMAT, "type": "pair", **comparison_to_dict(pair, lang)}, ensure_ascii=False) + "\n"


def rest_lines(result: ComparisonSet) -> str:
    """`--format jsonl`: the posts abolished and created, one line each (`type` unpaired_old / unpaired_new)."""
    out = []
    for kind, docs in (("unpaired_old", result.unpaired_old), ("unpaired_new", result.unpaired_new)):
        for doc in docs:
            out.append(
                json.dumps({"format": FORMAT, "type": kind, **docref_to_dict(DocRef.of(doc))}, ensure_ascii=False)
            )
    return "".join(line + "\n" for line in out)


def show_json(docs: list[JobDescription], *, ensure_ascii: bool = False, lang: str = "en") -> str:
    """`ajdiff show --format json`; `warnings` repeats the documents' warnings as the stderr lines say them
    (in `lang`, the language of the messages)."""
    warning = word("cli.warning", lang)
    warnings = [
        f"{d.source}: {warning}: {f'{annex_name(d.annex, lang)}: ' if d.annex else ''}{w}"
        for d in docs
        for w in d.warnings
    ]
    return _dump(
        {"format": FORMAT, "documents": [document_to_dict(d) for d in docs], "notes": [], "warnings": warnings},
        ensure_ascii,
        len(docs),
    )


def diff_json(
    result: ComparisonSet,
    *,
    notes: Sequence[str] | None = None,
    warnings: Sequence[str] = (),
    ensure_ascii: bool = False,
    lang: str = "et",
) -> str:
    """`ajdiff diff --format json`: the pairs, the posts created and abolished, and what ajdiff noted.

    `notes` (what ajdiff chose or skipped; the result's own notes by default) and `warnings` are the
    lines the command line prints on stderr, so a script reading only stdout misses nothing. Each change's
    `label` is in `lang`; its `path` and `kind` are the same in every language.
    """
    return _dump(_diff_object(result, notes, warnings, lang), ensure_ascii, _items(result))


def diff_json_utf8(
    result: ComparisonSet, *, notes: Sequence[str] | None = None, warnings: Sequence[str] = (), lang: str = "et"
) -> bytes | None:
    """`diff_json(...)` encoded in UTF-8, as orjson writes it, where orjson writes the report; None elsewhere (a
    small report, a lone surrogate), where `diff_json` writes it. A batch's report of megabytes is then not decoded
    only to be encoded again on its way out."""
    if _items(result) < ORJSON_FROM:
        return None
    return _orjson(_diff_object(result, notes, warnings, lang))


def _diff_object(
    result: ComparisonSet, notes: Sequence[str] | None, warnings: Sequence[str], lang: str
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "pairs": [comparison_to_dict(p, lang) for p in result.pairs],
        "unpaired_old": [docref_to_dict(DocRef.of(d)) for d in result.unpaired_old],
        "unpaired_new": [docref_to_dict(DocRef.of(d)) for d in result.unpaired_new],
        "order_changes": [change_to_dict(c, lang) for c in result.order_changes],
        "notes": list(result.notes if notes is None else notes),
        "warnings": list(warnings),
    }


def _items(result: ComparisonSet) -> int:
    """The pairs and posts of a report, which tell whether orjson writes it (`ORJSON_FROM`)."""
    return len(result.pairs) + len(result.unpaired_old) + len(result.unpaired_new)


ORJSON_FROM = 100
"""Pairs (or documents) from which a report is written by orjson: importing it costs 12 ms, writing a pair with
json.dumps(indent=2) 0.13 ms more than with orjson, so it pays from about a hundred."""


def prepare(items: int) -> None:
    """Load ahead what writing a report of about `items` pairs and posts will import (orjson, from `ORJSON_FROM`)."""
    if items >= ORJSON_FROM:
        import orjson  # noqa: F401  # imported for `_dump`, which finds it loaded


def _dump(obj: Any, ensure_ascii: bool = False, items: int = 0) -> str:
    # ensure_ascii for a stream that cannot encode the text: \u escapes are lossless JSON.
    if items >= ORJSON_FROM and not ensure_ascii and (data := _orjson(obj)) is not None:
        return data.decode()
    return json.dumps(obj, ensure_ascii=ensure_ascii, indent=2) + "\n"


def _orjson(obj: Any) -> bytes | None:
    """`json.dumps(obj, indent=2) + "\\n"` as orjson writes it in UTF-8; None for a lone surrogate (an undecodable
    file name), which orjson refuses and json.dumps keeps as it is."""
    # orjson writes what json.dumps(indent=2) writes (the tests hold them equal), 10-15 times faster: the
    # standard library drops its C encoder whenever it indents (a batch's report took 4 % of the run).
    import orjson

    try:
        return orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:
        return None
