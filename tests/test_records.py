"""ajdiff.records.dataclass makes the class the standard decorator makes: the same fields, __init__, equality,
hash, repr, frozen guard, replace and pickling; each form is built both ways and held side by side."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import sys
from typing import ClassVar

import pytest

import ajdiff.records
from ajdiff.records import dataclass

# The forms ajdiff writes: frozen, frozen with slots, mutable; plain defaults and factories.
FORMS = [{"frozen": True}, {"frozen": True, "slots": True}, {}]


def build(maker, options: dict[str, bool]) -> type:
    """One sample class with every kind of field ajdiff's records have, made by `maker`."""

    class Sample:
        """A record."""

        number: int
        name: str | None
        tags: tuple[str, ...] = ()
        children: list[int] = dataclasses.field(default_factory=list, hash=False)
        secret: bytes = dataclasses.field(default=b"", repr=False)
        weight: float = dataclasses.field(default=0.0, compare=False)
        kind: ClassVar[str] = "sample"

        @property
        def label(self) -> str:
            """A property, kept as written."""
            return f"{self.number}:{self.name}"

    Sample.__qualname__ = "Sample"
    # Module-level for pickle: each form under its own name.
    name = "Sample_" + "_".join(sorted(options)) + ("_std" if maker is dataclasses.dataclass else "_ours")
    Sample.__qualname__ = Sample.__name__ = name
    made = maker(**options)(Sample)
    setattr(sys.modules[__name__], name, made)
    return made


@pytest.mark.parametrize("options", FORMS, ids=["frozen", "frozen-slots", "mutable"])
def test_the_class_behaves_as_the_standard_decorators(options: dict[str, bool]) -> None:
    std, ours = build(dataclasses.dataclass, options), build(dataclass, options)
    assert [f.name for f in dataclasses.fields(ours)] == [f.name for f in dataclasses.fields(std)]
    assert ours.__match_args__ == std.__match_args__ and dataclasses.is_dataclass(ours)
    assert ("__slots__" in ours.__dict__) == ("__slots__" in std.__dict__)
    assert ours.__dataclass_params__.frozen == std.__dataclass_params__.frozen
    for cls in (std, ours):  # built the same way, positionally and by keyword, defaults filled alike
        a = cls(1, "a", ("x",), [2], b"s", 0.5)
        b = cls(number=1, name="a", tags=("x",), children=[2], secret=b"s", weight=9.0)  # weight not compared
        c = cls(1, "c")
        assert a == b and a != c and (a == (1, "a")) is False and a.__eq__(object()) is NotImplemented
        assert (c.tags, c.children, c.secret, c.weight) == ((), [], b"", 0.0)
        assert cls(1, None).children is not cls(1, None).children  # a fresh list each time
        assert a.label == "1:a" and cls.kind == "sample"
        with pytest.raises(TypeError):
            cls(1)  # a field without a default is required
        with pytest.raises(TypeError):
            cls(1, "a", unknown=2)

    def strip(text: str) -> str:
        return text.replace("_std", "").replace("_ours", "")

    assert strip(repr(ours(1, "a", ("x",)))) == strip(repr(std(1, "a", ("x",))))
    assert "secret" not in repr(ours(1, "a"))
    assert str(inspect.signature(ours(1, "a").__init__)) == str(inspect.signature(std(1, "a").__init__))
    one = ours(1, "a", ("x",))
    if options.get("frozen"):
        assert hash(one) == hash(std(1, "a", ("x",))) == hash(ours(1, "a", ("x",), weight=3.0))
        with pytest.raises(dataclasses.FrozenInstanceError):
            one.name = "b"  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            del one.name  # type: ignore[misc]
        assert {one, ours(1, "a", ("x",))} == {one}
    else:
        assert ours.__hash__ is None and std.__hash__ is None  # mutable and compared by value: unhashable
        one.name = "b"
        assert one.name == "b"
        one.name = "a"
    changed = dataclasses.replace(one, name="z")
    assert changed.name == "z" and changed.tags == one.tags and type(changed) is ours
    assert dataclasses.asdict(one) == dataclasses.asdict(std(1, "a", ("x",)))
    for copied in (pickle.loads(pickle.dumps(one)), copy.deepcopy(one), copy.copy(one)):  # --jobs pickles records
        assert copied == one and copied is not one


def test_a_default_before_a_required_field_is_refused_as_the_standard_decorator_does() -> None:
    for maker in (dataclasses.dataclass, dataclass):
        with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):

            @maker(frozen=True)
            class Bad:
                a: int = 0
                b: int

            del Bad


def test_what_it_does_not_make_itself_is_the_standard_decorators() -> None:
    @dataclass(frozen=True, order=True)
    class Ordered:
        a: int

    @dataclass(frozen=True)
    class WithPostInit:
        a: int

        def __post_init__(self) -> None:
            if self.a < 0:
                raise ValueError("negative")

    class Base:
        def __post_init__(self) -> None:
            self.ready = True  # as Textual's Message, which a dataclass subclass must initialise so

    @dataclass
    class Inherits(Base):
        a: int

    @dataclass(frozen=True)
    class Undocumented:
        a: int

    @dataclasses.dataclass(frozen=True)
    class UndocumentedStd:
        a: int

    assert Inherits(1).ready
    # No docstring: the standard decorator makes one of the signature (here "Undocumented(a: 'int')").
    assert Undocumented.__doc__ == UndocumentedStd.__doc__.replace("UndocumentedStd", "Undocumented")
    assert Ordered(1) < Ordered(2)
    with pytest.raises(ValueError, match="negative"):
        WithPostInit(-1)
    # Made by the standard decorator: the methods were compiled from source, not given as functions.
    assert WithPostInit.__init__.__code__.co_filename != ajdiff.records.__file__


def test_ajdiffs_records_are_made_without_compiling_at_import() -> None:
    from ajdiff.changes import Change, ChangeKind
    from ajdiff.tree import Node

    # __eq__ is a function of this module; __init__ is compiled on the first instance, then kept.
    assert Change.__eq__.__code__.co_filename == ajdiff.records.__file__
    change = Change("duties.1", ChangeKind.ADDED, None, "x")
    assert Change.__init__.__code__.co_filename == "<string>"
    assert dataclasses.replace(change, new="y").new == "y" and change.new == "x"
    assert Node.__dataclass_params__.frozen and "__slots__" in Node.__dict__


@pytest.mark.parametrize("options", FORMS, ids=["frozen", "frozen-slots", "mutable"])
@pytest.mark.parametrize("decorator", [dataclass, dataclasses.dataclass], ids=["ours", "std"])
def test_a_maker_makes_the_record_its_class_makes(options: dict[str, bool], decorator: object) -> None:
    cls = build(decorator, options)
    make = ajdiff.records.maker(cls)
    # Only a frozen record with slots is worth a function of its own; any other class makes its records itself.
    assert (make is not cls) == (options == {"frozen": True, "slots": True})
    for args, kwargs in (((1, "a"), {}), ((2, None, ("x",)), {"children": [3], "secret": b"s", "weight": 1.5})):
        made, built = make(*args, **kwargs), cls(*args, **kwargs)
        assert type(made) is cls
        assert made == built and repr(made) == repr(built) and made.weight == built.weight
        assert [getattr(made, f.name) for f in dataclasses.fields(cls)] == [
            getattr(built, f.name) for f in dataclasses.fields(cls)
        ]
        assert pickle.loads(pickle.dumps(made)) == built
        if options.get("frozen"):
            assert hash(made) == hash(built)
            with pytest.raises(dataclasses.FrozenInstanceError):
                made.name = "b"
    assert make(1, "a").children is not make(1, "a").children  # a factory's default made anew each time
    with pytest.raises(TypeError):
        make()  # the class's own parameters: the required ones are required


def test_a_maker_leaves_a_subclass_to_its_class() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)  # ajdiff's decorator makes no record of a record
    class Base:
        """A record."""

        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Derived(Base):
        """A record of a record."""

        b: int = 0

    # Its slots are split between two classes: no object with the same slots alone can become one.
    assert ajdiff.records.maker(Derived) is Derived
    assert ajdiff.records.maker(Base) is not Base


def test_the_readers_records_made_by_makers_are_their_classes_records() -> None:
    from ajdiff.read.lines import Line, make_line, numbering
    from ajdiff.tree import line_origin

    args = ("3.1. Tekst", "  3.1. Tekst", line_origin(4), True, False, numbering("3.1. Tekst"))
    made = make_line(*args)
    assert make_line is not Line and type(made) is Line and made == Line(*args) and made.body == "Tekst"
    assert make_line("a", "a", line_origin(1)) == Line("a", "a", line_origin(1))
