"""`dataclass` as the standard library's, made cheaply: the records of ajdiff without the import-time cost.

`dataclasses.dataclass` compiles five or six methods from source for every class (`__init__`, `__repr__`,
`__eq__`, `__hash__`, the frozen `__setattr__`/`__delattr__`): about half a millisecond a class, and
ajdiff's core has some forty, all made on every start. This one makes the same class with the standard
decorator told to compile nothing (fields, `__match_args__`, slots), then gives it the same methods:
equality, hash, repr and the frozen guard as plain functions over the field names, and `__init__`
compiled from the same source as the standard one's, on the first instance made (most commands make
instances of only some classes). `dataclasses.fields`, `replace`, `asdict` and `is_dataclass` work as
on any dataclass. Anything but the plain forms (`order`, `unsafe_hash`, `kw_only`, `__post_init__`,
`InitVar`, a method the class writes itself) is handed to the standard decorator unchanged.

Type checkers see the standard decorator (below), so a class is checked as the dataclass it is.
tests/test_records.py holds each form against the standard decorator's class.
"""

from __future__ import annotations

import sys
from functools import cache

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from types import CodeType
    from typing import ParamSpec, TypeVar

    _V = TypeVar("_V")
    _P = ParamSpec("_P")


def shared(value: _V) -> _V:
    """A string as the one copy of its value in this process (`sys.intern`), each string of a tuple likewise;
    anything else as it is.

    Records rebuilt from a pickle (the documents and changes that reader and comparer processes send back)
    share their strings so: an agency's documents repeat their template's sentences by the thousand, and each
    pickle brings its own copy of them. Equal strings stay equal; only their copies go.
    """
    v: object = value
    if type(v) is str:
        return _intern(v)  # type: ignore[return-value]  # str is _V here
    if type(v) is tuple and v and type(v[0]) is str:
        return tuple([_intern(w) if type(w) is str else w for w in v])  # type: ignore[return-value]
    return value


def shared_values(values: Iterable[object]) -> list[object]:
    """`shared` of each value: the fields of a record rebuilt from a pickle."""
    # `shared` spelt out for a string: most values are, and a call for each was most of unpickling a record.
    return [_intern(v) if type(v) is str else shared(v) if type(v) is tuple else v for v in values]


_intern = sys.intern


COMPILED: dict[str, CodeType] = {}
"""The code of `__init__` sources compiled by the build (`ajdiff.prebuilt`, which the program loads): parsing and
compiling a record's `__init__` on its first instance is most of that instance's cost, some thirty per command."""

_VALUES: dict[type, Callable[[object], tuple[object, ...]]] = {}
"""Of each record class pickled, what gives a record's fields' values (`reduce_shared`)."""


def reduce_shared(record: object) -> tuple[object, ...]:
    """`__reduce__` of a record whose strings are shared when it is unpickled (see `shared`): its class and its
    fields' values, in the order of its `__init__`."""
    cls = type(record)
    values = _VALUES.get(cls)
    if values is None:
        import dataclasses
        from operator import attrgetter

        names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        one = attrgetter(names[0])
        values = _VALUES[cls] = attrgetter(*names) if len(names) > 1 else lambda record: (one(record),)
    return (_rebuilt, (cls, values(record)))


def _rebuilt(cls: type, values: tuple[object, ...]) -> object:
    # Each class's maker made once (`maker`: a change or a word span at a third of `cls(…)`'s cost).
    return _maker_of(cls)(*shared_values(values))


if TYPE_CHECKING:
    from dataclasses import dataclass as dataclass

    def maker(cls: Callable[_P, _V]) -> Callable[_P, _V]:
        """A function that makes a frozen record with slots as `cls(…)` does, at half the cost (see below)."""
        ...

else:
    import dataclasses
    import reprlib
    from operator import attrgetter
    from types import MemberDescriptorType

    _OWN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")

    def dataclass(cls=None, /, *, frozen=False, slots=False, **options):
        """`dataclasses.dataclass(cls, frozen=…, slots=…)`, its methods made without compiling them at import."""

        def wrap(cls):
            if options or not _plain(cls):
                return dataclasses.dataclass(cls, frozen=frozen, slots=slots, **options)
            return _make(cls, frozen, slots)

        return wrap if cls is None else wrap(cls)

    def _plain(cls):
        """A class of plain fields, its methods all left to the decorator (no InitVar, KW_ONLY, kw_only)."""
        if any(name in cls.__dict__ for name in _OWN) or hasattr(cls, "__post_init__"):
            return False  # a __post_init__ may be inherited (Textual's Message has one)
        if not cls.__dict__.get("__doc__"):
            return False  # the standard decorator writes the signature of its __init__ as the docstring
        # The class's own annotations, as inspect.get_annotations gives them: the CLI defers importing inspect.
        own = cls.__dict__.get("__annotations__") or {}  # noqa: RUF063
        if any("InitVar" in str(a) or "KW_ONLY" in str(a) for a in own.values()):
            return False
        return not any(isinstance(v, dataclasses.Field) and v.kw_only is True for v in cls.__dict__.values())

    def _make(cls, frozen, slots):
        cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
        fields = dataclasses.fields(cls)
        if any(f.kw_only is True for f in fields):  # inherited from a base made by the standard decorator
            raise TypeError(f"{cls.__qualname__}: keyword-only fields: use dataclasses.dataclass")
        _check_order(cls, fields)
        params = cls.__dataclass_params__
        params.init = params.repr = params.eq = True
        params.frozen = frozen
        compared = tuple(f.name for f in fields if f.compare)
        get = attrgetter(*compared) if compared else (lambda self: ())
        key = get if len(compared) > 1 else (lambda self: (get(self),)) if compared else get
        shown = tuple(f.name for f in fields if f.repr)

        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return key(self) == key(other)
            return NotImplemented

        @reprlib.recursive_repr()
        def __repr__(self):
            return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"

        def __init__(self, *args, **kwargs):
            # The first instance compiles the real __init__, which then replaces this one.
            made = _init(cls, fields, frozen)
            type.__setattr__(cls, "__init__", made)
            made(self, *args, **kwargs)

        for method in (__eq__, __repr__, __init__):
            method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
            setattr(cls, method.__name__, method)
        hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
        if frozen:
            hash_key = (
                attrgetter(*hashed) if len(hashed) > 1 else (lambda self: tuple(getattr(self, n) for n in hashed))
            )
            cls.__hash__ = lambda self: hash(hash_key(self))
            _freeze(cls, frozenset(f.name for f in fields), slots)
        else:
            cls.__hash__ = None  # as the standard decorator: equal by value and mutable, so unhashable
        return cls

    def _check_order(cls, fields):
        """Refuse what the standard __init__ refuses: a field without a default after one with a default."""
        seen_default = False
        for f in fields:
            if not f.init:
                continue
            has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            if seen_default and not has_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
            seen_default = seen_default or has_default

    def _freeze(cls, names, slots):
        """The frozen guard of the standard decorator: no field assigned or deleted after __init__."""

        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
            super(cls, self).__delattr__(name)

        cls.__setattr__, cls.__delattr__ = __setattr__, __delattr__
        if slots:  # pickling (--jobs) restores a slotted object by setattr, which the guard refuses
            field_names = tuple(f.name for f in dataclasses.fields(cls))

            def __getstate__(self):
                return [getattr(self, n) for n in field_names]

            def __setstate__(self, state):
                for n, value in zip(field_names, state):
                    object.__setattr__(self, n, value)

            cls.__getstate__, cls.__setstate__ = __getstate__, __setstate__

    class _Factory:
        """The default of a field with a default factory, in the signature: as the standard one's."""

        def __repr__(self):
            return "<factory>"

    _HAS_DEFAULT_FACTORY = _Factory()

    def _arguments(fields, scope):
        """The standard decorator's __init__ parameters for these fields (defaults, factories, init=False fields),
        and each field set with the expression of its value; the defaults and factories put into `scope`."""
        params, values = [], []
        for f in fields:
            value = f.name
            if f.default_factory is not dataclasses.MISSING:
                scope[f"__dflt_{f.name}"] = f.default_factory
                value = (
                    f"__dflt_{f.name}()" if not f.init else f"__dflt_{f.name}() if {f.name} is __factory else {f.name}"
                )
                default = "__factory"
            elif f.default is not dataclasses.MISSING:
                scope[f"__dflt_{f.name}"] = f.default
                value = f.name if f.init else f"__dflt_{f.name}"
                default = f"__dflt_{f.name}"
            else:
                default = None
            if f.init:
                params.append(f.name if default is None else f"{f.name}={default}")
            elif default is None:
                continue  # no value to give: the standard __init__ leaves it unset too
            values.append((f.name, value))
        return params, values

    def _init(cls, fields, frozen):
        """The standard decorator's __init__ for these fields, compiled (defaults, factories, init=False fields)."""
        scope = {"__set": object.__setattr__ if frozen else None, "__factory": _HAS_DEFAULT_FACTORY}
        params, values = _arguments(fields, scope)
        body = []
        for name, value in values:
            slot = cls.__dict__.get(name) if frozen else None
            if isinstance(slot, MemberDescriptorType):
                # A slot's own setter, as object.__setattr__ finds it, without the lookup by name (see `maker`).
                scope[f"__set_{name}"] = slot.__set__
                body.append(f"__set_{name}(self, {value})")
            else:
                body.append(f"__set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
        source = f"def __init__(self, {', '.join(params)}):\n    " + ("\n    ".join(body) or "pass") + "\n"
        exec(COMPILED.get(source, source), scope)  # the build's code of this very source, when it has it
        made = scope["__init__"]
        made.__qualname__ = f"{cls.__qualname__}.__init__"
        made.__annotations__ = {**{f.name: f.type for f in fields if f.init}, "return": None}
        return made

    def maker(cls):
        """A function that makes a frozen record with slots as `cls(…)` does, at half the cost; `cls` itself for
        any other class.

        A frozen record's `__init__` sets each field by a call of its slot's setter, past the frozen guard (some
        1,000 instructions each in CPython 3.11): the readers make a line record and a tree node per line of every
        document. This function sets them as plain attributes of an object of a subclass that adds no slots and has
        the plain `object.__setattr__`, which then becomes the record it is, as frozen as one made by `cls(…)`
        (tests/test_records.py holds the two alike)."""
        params = getattr(cls, "__dataclass_params__", None)
        fields = dataclasses.fields(cls) if params is not None else ()
        slots = cls.__dict__.get("__slots__")
        if not (params and params.frozen and slots is not None and cls.__bases__ == (object,)):
            return cls
        if not all(isinstance(cls.__dict__.get(f.name), MemberDescriptorType) for f in fields):
            return cls
        # A subclass, not a class of the same slots: CPython lets an object change between a class and its subclass
        # of the same layout without comparing their slots' names (some 200 instructions of each record's ~2,000).
        # object's own __init__, __setattr__ and __delattr__ (the two share a slot): the interpreter sets a slot of
        # its instances in a step of its own.
        plain = {"__slots__": (), "__module__": cls.__module__}
        plain.update((name, getattr(object, name)) for name in ("__init__", "__setattr__", "__delattr__"))
        twin = type(f"{cls.__name__}Fields", (cls,), plain)
        scope = {"__factory": _HAS_DEFAULT_FACTORY, "__twin": twin, "__cls": cls}
        params_, values = _arguments(fields, scope)
        body = ["self = __twin()", *(f"self.{name} = {value}" for name, value in values), "self.__class__ = __cls"]
        source = f"def __make({', '.join(params_)}):\n    " + "\n    ".join(body) + "\n    return self\n"
        exec(COMPILED.get(source, source), scope)  # the build's code of this very source, when it has it
        made = scope["__make"]
        made.__qualname__ = f"{cls.__qualname__}.make"
        made.__doc__ = f"`{cls.__qualname__}(…)`, made cheaply (`ajdiff.records.maker`)."
        return made


_maker_of = cache(maker)
"""`maker(cls)`, made once a class (`_rebuilt`)."""
