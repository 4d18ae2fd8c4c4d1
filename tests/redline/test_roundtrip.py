"""Accept All gives the new version and Reject All the old one, for real pairs and generated edits."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajdiff.compare.document import compare
from ajdiff.model import Duty, JobDescription
from ajdiff.redline.layout import LayoutOptions
from ajdiff.redline.oxml import iter_revisions
from ajdiff.text import fold_key
from tests.redline.support import REAL_PAIRS, annex_redline, document, real_pair, rendered
from tests.redline.views import Item, Side, TableRow, document_xml, view

SHOW = LayoutOptions(show_editorial=True)
OPTION_SETS = {
    "show+moves": SHOW,
    "show+no-moves": LayoutOptions(show_editorial=True, moves=False),
}


@pytest.mark.parametrize("options", OPTION_SETS.values(), ids=OPTION_SETS.keys())
@pytest.mark.parametrize("name", REAL_PAIRS)
def test_real_pair_round_trips_exactly(name: str, options: LayoutOptions) -> None:
    pair = real_pair(name)
    data = annex_redline(pair, options)
    assert view(data, Side.ACCEPT) == rendered(pair.new)
    assert view(data, Side.REJECT) == rendered(pair.old)


_NUMBER = re.compile(r"^\d+(\.\d+)*\.?\s")


def _folded(items: list[Item]) -> list[object]:
    """Text up to editorial noise: folded, duty numbers dropped (renumbering is editorial)."""
    out: list[object] = []
    for item in items:
        if isinstance(item, TableRow):
            out.append(tuple(tuple(fold_key(_NUMBER.sub("", p)) for p in cell) for cell in item.cells))
        else:
            out.append(fold_key(item))
    return out


@pytest.mark.parametrize("name", REAL_PAIRS)
def test_hidden_editorial_keeps_new_exact_and_old_up_to_folding(name: str) -> None:
    pair = real_pair(name)
    data = annex_redline(pair, LayoutOptions(show_editorial=False))
    assert view(data, Side.ACCEPT) == rendered(pair.new)
    assert _folded(view(data, Side.REJECT)) == _folded(rendered(pair.old))


def test_hidden_editorial_tracks_fewer_changes() -> None:
    pair = real_pair("001-000L2")

    def count(options: LayoutOptions) -> int:
        return sum(1 for _ in iter_revisions(document_xml(annex_redline(pair, options))))

    assert count(LayoutOptions(show_editorial=False)) < count(SHOW)


def test_identical_documents_have_no_tracked_change() -> None:
    doc = document("000", "2")
    data = annex_redline(compare(doc, doc), SHOW)
    assert list(iter_revisions(document_xml(data))) == []


# ---------------------------------------------------------------------------- generated edits

SEED_ANNEXES = [("000", "2"), ("000", "7"), ("003", "11"), ("002", None)]
_words = st.sampled_from(["kriisi", "teenuse", "ameti", "õigeaegselt", "Lõuna-Eesti", "ning", "analüüs", "C1"])


def _reword(text: str, data: st.DataObject) -> str:
    words = text.split()
    if not words:
        return data.draw(_words)
    k = data.draw(st.integers(0, len(words) - 1))
    action = data.draw(st.sampled_from(["replace", "insert", "delete", "case", "punct"]))
    if action == "replace":
        words[k] = data.draw(_words)
    elif action == "insert":
        words.insert(k, data.draw(_words))
    elif action == "delete" and len(words) > 1:
        del words[k]
    elif action == "case":
        words[k] = words[k].upper()
    else:
        words[k] = words[k].rstrip(".") + ("," if not words[k].endswith(",") else "")
    return " ".join(words)


def _edit_list(items: tuple[str, ...], data: st.DataObject) -> tuple[str, ...]:
    out = list(items)
    for _ in range(data.draw(st.integers(0, 3))):
        action = data.draw(st.sampled_from(["add", "remove", "reword", "swap"]))
        if action == "add" or not out:
            out.insert(
                data.draw(st.integers(0, len(out))), " ".join(data.draw(st.lists(_words, min_size=1, max_size=4)))
            )
        elif action == "remove":
            out.pop(data.draw(st.integers(0, len(out) - 1)))
        elif action == "reword":
            k = data.draw(st.integers(0, len(out) - 1))
            out[k] = _reword(out[k], data)
        elif len(out) > 1:
            i, j = data.draw(st.permutations(range(len(out))))[:2]
            out[i], out[j] = out[j], out[i]
    return tuple(out)


def _edit_duties(duties: tuple[Duty, ...], data: st.DataObject, donor: tuple[Duty, ...]) -> tuple[Duty, ...]:
    out = list(duties)
    for _ in range(data.draw(st.integers(0, 4))):
        action = data.draw(st.sampled_from(["add", "remove", "reword", "results", "move"]))
        if action == "add" or not out:
            out.insert(data.draw(st.integers(0, len(out))), data.draw(st.sampled_from(donor)))
        elif action == "remove":
            out.pop(data.draw(st.integers(0, len(out) - 1)))
        elif action == "reword":
            k = data.draw(st.integers(0, len(out) - 1))
            out[k] = replace(out[k], task=_reword(out[k].task, data))
        elif action == "results":
            k = data.draw(st.integers(0, len(out) - 1))
            out[k] = replace(out[k], results=_edit_list(out[k].results, data))
        elif len(out) > 1:
            i = data.draw(st.integers(0, len(out) - 1))
            j = data.draw(st.integers(0, len(out) - 1))
            out.insert(j, out.pop(i))
    prefix = out[0].number.split(".")[0] if out else "2"
    return tuple(replace(d, number=f"{prefix}.{k + 1}") for k, d in enumerate(out))


def _edit(doc: JobDescription, data: st.DataObject) -> JobDescription:
    g, r = doc.general, doc.requirements
    donor = document("000", "4").duties
    general = replace(
        g,
        substitutes_for=_edit_list(g.substitutes_for, data),
        substituted_by=_edit_list(g.substituted_by, data),
        goal=data.draw(st.sampled_from([g.goal, None, _reword(g.goal or "", data)])),
        group=data.draw(st.sampled_from([g.group, "Töötaja", "Ametnik", None])),
        position=data.draw(st.sampled_from([g.position, _reword(g.position or "", data)])),
    )
    languages = dict(r.languages)
    for code in data.draw(st.lists(st.sampled_from(["et", "en", "ru", "foreign", "de|ru"]), max_size=2)):
        level = data.draw(st.sampled_from([None, "A2", "B1", "B2", "C1"]))
        if level is None:
            languages.pop(code, None)
        else:
            languages[code] = level
    requirements = replace(
        r,
        education=data.draw(st.sampled_from([r.education, None, _reword(r.education or "", data)])),
        languages=tuple(sorted(languages.items())),
        extra=tuple((k, v) for k, v in r.extra if data.draw(st.booleans())),
    )
    return replace(
        doc,
        general=general,
        requirements=requirements,
        duties=_edit_duties(doc.duties, data, donor),
        rights=_edit_list(doc.rights, data),
        responsibilities=data.draw(st.sampled_from([doc.responsibilities, ()])),
        competencies=_edit_list(doc.competencies, data) if doc.competencies else (),
        review=data.draw(st.sampled_from([doc.review, None])),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_edits_round_trip(data: st.DataObject) -> None:
    seed, annex = data.draw(st.sampled_from(SEED_ANNEXES))
    old = document(seed, annex)
    new = _edit(old, data)
    if data.draw(st.booleans()):
        old, new = new, old
    moves = data.draw(st.booleans())
    pair = compare(old, new)
    shown = annex_redline(pair, LayoutOptions(show_editorial=True, moves=moves))
    assert view(shown, Side.ACCEPT) == rendered(new)
    assert view(shown, Side.REJECT) == rendered(old)
    hidden = annex_redline(pair, LayoutOptions(show_editorial=False, moves=moves))
    assert view(hidden, Side.ACCEPT) == rendered(new)
    assert _folded(view(hidden, Side.REJECT)) == _folded(rendered(old))
