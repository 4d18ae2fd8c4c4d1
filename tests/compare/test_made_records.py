"""The records a comparison makes by `ajdiff.records.maker` are the records their classes make."""

from __future__ import annotations

import dataclasses
import pickle
import sys

import pytest

from ajdiff.changes import (
    Change,
    ChangeKind,
    Impact,
    Span,
    SpanOp,
    Step,
    StepKind,
    make_change,
    make_span,
    make_step,
)
from ajdiff.compare.align import Match, make_match


def _made() -> list[tuple[object, object]]:
    span = Span(SpanOp.DELETE, "ja")
    fields = dict(
        path="duties.2.1",
        kind=ChangeKind.MODIFIED,
        old="Koostab aruande ja",
        new="Koostab aruande",
        editorial=False,
        impact=Impact.HIGH,
        heading="",
        old_number="2.1",
        new_number="2.1",
        spans=(Span(SpanOp.EQUAL, "Koostab aruande"), span),
        own_label="",
    )
    change = Change(**fields)  # type: ignore[arg-type]
    return [
        (make_span(SpanOp.DELETE, "ja"), span),
        (make_change(**fields), change),  # type: ignore[arg-type]
        (make_change("duties.3", ChangeKind.ADDED, None, "Uus"), Change("duties.3", ChangeKind.ADDED, None, "Uus")),
        (
            make_step(StepKind.PAIR, ("2.1",), ("2.1",), (change,), (0,), (0,)),
            Step(StepKind.PAIR, ("2.1",), ("2.1",), (change,), (0,), (0,)),
        ),
        (make_match(1, None, 0.0), Match(1, None, 0.0)),
    ]


@pytest.mark.parametrize(("made", "plain"), _made())
def test_a_record_made_cheaply_is_the_record_its_class_makes(made: object, plain: object) -> None:
    assert made is not plain and type(made) is type(plain)
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert pickle.loads(pickle.dumps(made)) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.old = "x"  # type: ignore[attr-defined]


def test_the_records_are_made_cheaply_not_by_their_classes() -> None:
    # `maker` gives the class itself back where it cannot do better (no slots): the speed would go unnoticed.
    for make, cls in ((make_span, Span), (make_change, Change), (make_step, Step), (make_match, Match)):
        assert make is not cls, cls


def test_a_change_sent_by_another_process_is_the_change_with_its_strings_shared() -> None:
    # `Change.__reduce__` sends its enums by their values and its spans as pairs: every field must come back.
    texts = ["".join(["Koostab ", "aruande"]), "".join(["Koostab ", "kava"])]  # made here: not interned
    change = make_change(
        path="duties.2.1",
        kind=ChangeKind.RENUMBERED,
        old=texts[0],
        new=texts[1],
        editorial=True,
        impact=Impact.HIGH,
        heading="Töö",
        old_number="2.1",
        new_number=None,
        spans=(make_span(SpanOp.EQUAL, "Koostab "), make_span(SpanOp.DELETE, "aruande"), Span(SpanOp.INSERT, "kava")),
        own_label="Ülesanded",
    )
    back = pickle.loads(pickle.dumps(change))
    assert back == change and repr(back) == repr(change)
    assert back.kind is ChangeKind.RENUMBERED and back.impact is Impact.HIGH
    assert [s.op for s in back.spans] == [SpanOp.EQUAL, SpanOp.DELETE, SpanOp.INSERT]
    assert type(back.spans) is tuple and all(type(s) is Span for s in back.spans)
    assert back.old is sys.intern(texts[0]) and back.spans[1].text is sys.intern("aruande")
    # A step holding the change pickled with it: one change, not two.
    step = make_step(StepKind.PAIR, ("2.1",), (), (change,), (0,), ())
    changes, steps = pickle.loads(pickle.dumps(((change,), (step,))))
    assert steps[0].changes[0] is changes[0] and steps == (step,)
