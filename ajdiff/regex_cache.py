"""The regular expressions of a command's start, compiled at build time: the program loads them ready-made.

Python compiles a pattern in Python code (`re._parser`, `re._compiler`), about 0.7 M instructions each; a
one-pair diff compiles some eighty of them (ajdiff's, and argparse's, json's, dataclasses'), a seventh of its
whole run. What that compiler makes is a list of integers for the C matcher (`_sre.compile`), the same for the
same pattern on the same interpreter. The build (setup.py) compiles the patterns listed in
`data/patterns.txt` (`tools/update_patterns.py` lists what the start-up commands compile) into
`data/patterns.<interpreter>.marshal`; the program (`ajdiff.cli`) puts them in the `re` module's own cache
before it imports the rest, so that `re.compile` finds them there. The file holds the exact version of the
interpreter and of its matcher that made it: any other reads nothing and compiles as usual.
tests/test_startup.py holds every pattern of the file against `re`'s own compilation.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the C matcher: typeshed has no stub for it
import marshal
import re
import sys
from pathlib import Path

TYPE_CHECKING = False  # as typing's, without importing typing at run time (see ajdiff/__init__.py)
if TYPE_CHECKING:
    from typing import TypeAlias

    Pattern: TypeAlias = str | bytes
    Entry: TypeAlias = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

DATA = Path(__file__).parent / "data"
LIST = DATA / "patterns.txt"
"""The patterns to compile, one `(pattern, flags)` literal a line."""
FILE = DATA / f"patterns.{sys.implementation.cache_tag}.marshal"
"""The compiled patterns of this interpreter (written by the build)."""


def stamp() -> str:
    """What must be equal for compiled code to be reused: the interpreter's exact version and its matcher's."""
    return f"{sys.version}|{sys.hexversion}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"


def compiled(pattern: Pattern, flags: int) -> Entry:
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


def read_list(path: Path = LIST) -> list[tuple[Pattern, int]]:
    """The listed patterns and their flags."""
    import ast

    lines = path.read_text(encoding="utf-8").splitlines()
    return [ast.literal_eval(line) for line in lines if line.strip() and not line.startswith("#")]


def write(target: Path, patterns: list[tuple[Pattern, int]]) -> None:
    """Compile the patterns with this interpreter into `target`."""
    table = {(pattern, flags): compiled(pattern, flags) for pattern, flags in patterns}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(marshal.dumps((stamp(), table)))


def load(path: Path = FILE) -> dict[tuple[Pattern, int], re.Pattern[str] | re.Pattern[bytes]]:
    """The compiled patterns of the file, ready to match; none when it is missing, damaged or another
    interpreter's."""
    try:
        with open(path, "rb") as f:
            made_by, table = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if made_by != stamp():
        return {}
    make = _sre.compile
    return {key: make(key[0], *entry) for key, entry in table.items()}


def preload(path: Path = FILE) -> int:
    """Put the file's patterns into `re`'s cache, where `re.compile` looks first; how many."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):  # pragma: no cover - an `re` that keeps its cache otherwise
        return 0
    patterns = load(path)
    for (pattern, flags), compiled_pattern in patterns.items():
        cache[type(pattern), pattern, flags] = compiled_pattern
    return len(patterns)
