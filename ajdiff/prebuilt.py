"""What a command's start would compile, compiled by the build instead: regular expressions, records' `__init__`,
the vocabulary folded.

Python compiles a regular expression in Python code (`re._parser`, `re._compiler`), about 0.7 M instructions
each, and a one-pair diff compiles some ninety (ajdiff's, and argparse's, json's, dataclasses'); and
`ajdiff.records` compiles each record's `__init__` from source on its first instance, some thirty a command.
Together that was a sixth of a one-pair diff. What they make is the same for the same source on the same
interpreter: for a pattern, the list of integers `re` hands the C matcher (`_sre.compile`); for an `__init__`,
the code object of its source. The build (setup.py) compiles what `data/prebuilt.txt` lists
(`tools/update_prebuilt.py` lists what the start-up commands compile) into `data/prebuilt.<interpreter>.marshal`;
the program (`ajdiff.cli`) loads it before it imports the command's modules: the patterns into the `re`
module's own cache, where `re.compile` looks first, the code into `ajdiff.records.COMPILED`. The file holds the
exact version of the interpreter and of its matcher that made it; any other reads nothing and compiles as
usual. The vocabulary's folded phrases and packed header rows (`ajdiff.read.vocabulary.export`) are kept with
a checksum of the files they are made from (`INPUTS`), and used only while those files are unchanged.
tests/test_startup.py holds every entry of the file against what `re`, `compile` and the vocabulary make now.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the C matcher: typeshed has no stub for it
import marshal
import re
import sys
from pathlib import Path

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)
if TYPE_CHECKING:
    from types import CodeType
    from typing import TypeAlias

    Source: TypeAlias = str | bytes
    Compiled: TypeAlias = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
    Listed: TypeAlias = tuple[str, Source, int] | tuple[str, str]
    Loaded: TypeAlias = tuple[
        dict[tuple[Source, int], re.Pattern[str] | re.Pattern[bytes]],
        dict[str, CodeType],
        tuple[int, tuple[object, ...]] | None,
    ]

PACKAGE = Path(__file__).parent
DATA = PACKAGE / "data"
LIST = DATA / "prebuilt.txt"
"""What to compile: one literal a line, `("pattern", pattern, flags)` or `("init", source)`."""
FILE = DATA / f"prebuilt.{sys.implementation.cache_tag}.marshal"
"""What this interpreter compiled of the list (written by the build)."""
INPUTS = ("data/vocabulary.json", "read/vocabulary.py", "text.py", "ascii_table.py")
"""The package's files the vocabulary's folding is made from (`fingerprint`)."""
INIT_FILENAME = "<string>"
"""The file name `exec` gives code compiled from a string: an `__init__`'s code carries the same."""


def stamp() -> str:
    """What must be equal for compiled code to be reused: the interpreter's exact version and its matcher's."""
    return f"{sys.version}|{sys.hexversion}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"


def fingerprint(package: Path = PACKAGE) -> int:
    """A checksum of the files of `INPUTS` in the package folder."""
    import zlib

    checksum = 0
    for name in INPUTS:
        checksum = zlib.crc32((package / name).read_bytes(), checksum)
    return checksum


def compiled(pattern: Source, flags: int) -> Compiled:
    """What `re` hands `_sre.compile` for this pattern: flags, code, groups, group names both ways."""
    if sys.version_info >= (3, 11):
        from re import _compiler, _parser
    else:  # pragma: no cover - Python 3.10 keeps the compiler in the deprecated modules
        import sre_compile as _compiler
        import sre_parse as _parser

    parsed = _parser.parse(pattern, flags)  # type: ignore[arg-type]  # bytes too, as re.compile takes them
    # The opcodes are an int subclass, which marshal refuses.
    code = [int(op) for op in _compiler._code(parsed, flags)]  # type: ignore[attr-defined]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def read_list(path: Path = LIST) -> list[Listed]:
    """The listed patterns and `__init__` sources."""
    import ast

    lines = path.read_text(encoding="utf-8").splitlines()
    return [ast.literal_eval(line) for line in lines if line.strip() and not line.startswith("#")]


def write(target: Path, listed: list[Listed], vocabulary: tuple[int, tuple[object, ...]] | None = None) -> None:
    """Compile what is listed with this interpreter into `target`, with the vocabulary's `(fingerprint, export)`."""
    patterns = {(e[1], e[2]): compiled(e[1], e[2]) for e in listed if e[0] == "pattern"}  # type: ignore[misc]
    inits = {e[1]: compile(e[1], INIT_FILENAME, "exec") for e in listed if e[0] == "init"}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(marshal.dumps((stamp(), patterns, inits, vocabulary)))  # type: ignore[arg-type]  # plain values


def load(path: Path = FILE) -> Loaded:
    """The file's patterns, ready to match, its `__init__` code and the vocabulary's `(fingerprint, export)`;
    none when it is missing, damaged or another interpreter's."""
    try:
        with open(path, "rb") as f:
            made_by, patterns, inits, vocabulary = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}, None
    if made_by != stamp():
        return {}, {}, None
    make = _sre.compile
    return {key: make(key[0], *entry) for key, entry in patterns.items()}, inits, vocabulary


def preload(path: Path = FILE) -> int:
    """Put the file's patterns into `re`'s cache and its code where `ajdiff.records` looks; how many in all."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):  # pragma: no cover - an `re` that keeps its cache otherwise
        return 0
    patterns, inits, made = load(path)
    for (pattern, flags), ready in patterns.items():
        cache[type(pattern), pattern, flags] = ready
    from ajdiff import records  # after the patterns: it imports dataclasses, which compiles one at import

    records.COMPILED.update(inits)
    if made is None or made[0] != fingerprint():
        return len(patterns) + len(inits)
    from ajdiff.read import vocabulary

    vocabulary.PREBUILT.update(vocabulary=made[1][0], header_index=made[1][1])
    return len(patterns) + len(inits) + 1
