"""Write ajdiff/data/patterns.txt: the regular expressions the start-up commands compile, which the build
compiles ahead (ajdiff/regex_cache.py). Rerun it when a pattern on their path changes; a test says when.

python tools/update_patterns.py            # rewrite the list from what the commands compile now
python tools/update_patterns.py --check    # exit 1 when the commands compile a pattern the list lacks
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
ANNEX, ORDER = FIXTURES / "001_f0f3c421c69f98c0.txt", FIXTURES / "000_2e8e5e7caea51be0.txt"
COMMANDS = [
    ["diff", str(ANNEX), str(ORDER), "--new-annex", "2", "--format", fmt, "--color", "never"]
    for fmt in ("json", "text", "markdown")
] + [
    ["diff", str(ANNEX), str(ORDER), "--new-annex", "2", "--lang", "et", "--color", "never"],
    ["show", str(ANNEX)],
    ["show", str(ORDER)],
]
"""The commands whose start the list serves: the benchmark's one-pair diff in each report and language, shows."""


def traced() -> list[tuple[str | bytes, int]]:
    """Every pattern (and its flags) the commands ask `re` for, in this process, sorted."""
    seen: set[tuple[str | bytes, int]] = set()
    real = re._compile  # type: ignore[attr-defined]

    def compile_traced(pattern: object, flags: int) -> object:
        if isinstance(pattern, (str, bytes)):
            seen.add((pattern, int(flags)))
        return real(pattern, flags)

    re._compile = compile_traced  # type: ignore[attr-defined]
    try:
        sys.path.insert(0, str(ROOT))
        from ajdiff.cli import main

        for command in COMMANDS:
            with contextlib.redirect_stdout(io.StringIO()):
                main(command)
    finally:
        re._compile = real  # type: ignore[attr-defined]
    return sorted(seen, key=lambda entry: (isinstance(entry[0], bytes), repr(entry)))


def text(patterns: list[tuple[str | bytes, int]]) -> str:
    """The list file: a comment, then one `(pattern, flags)` literal a line."""
    head = "# The patterns the build compiles ahead (ajdiff/regex_cache.py); written by tools/update_patterns.py.\n"
    return head + "".join(f"{entry!r}\n" for entry in patterns)


def main(argv: list[str]) -> int:
    """Rewrite the list, or with --check say whether it holds every pattern the commands compile."""
    from ajdiff import regex_cache

    patterns = traced()
    if "--check" in argv:
        missing = sorted(set(patterns) - set(regex_cache.read_list()), key=repr)
        for entry in missing:
            print(f"not in {regex_cache.LIST}: {entry!r}", file=sys.stderr)
        if missing:
            print("run python tools/update_patterns.py", file=sys.stderr)
        return 1 if missing else 0
    regex_cache.LIST.write_text(text(patterns), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
