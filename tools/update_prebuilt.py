"""Write ajdiff/data/prebuilt.txt: the regular expressions and records' `__init__` sources the start-up commands
compile, which the build compiles ahead (ajdiff/prebuilt.py). Rerun it when one on their path changes (a record's
fields, a pattern); a test says when.

python tools/update_prebuilt.py            # rewrite the list from what the commands compile now
python tools/update_prebuilt.py --check    # exit 1 when the commands compile something the list lacks
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import tempfile
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
    # The redline of two Word files (the benchmark's against python-redlines): lxml's, difflib's and the redline's
    # own patterns and records. OUT is replaced by a file in a temporary folder.
    [
        "redline",
        str(ANNEX.with_suffix(".docx")),
        str(ORDER.with_suffix(".docx")),
        "--new-annex",
        "2",
        "-o",
        "OUT",
        "--force",
    ],
]
"""The commands whose start the list serves: the benchmark's one-pair diff in each report and language, shows, and
the benchmark's redline."""


class _Asked(dict):  # type: ignore[type-arg]
    """`records.COMPILED` while tracing: remembers every source asked for, and has none."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def get(self, key: object, default: object = None) -> object:
        self.asked.add(str(key))
        return default


def traced() -> list[tuple[object, ...]]:
    """Every pattern (with its flags) and `__init__` source the commands compile in this process, sorted."""
    sys.path.insert(0, str(ROOT))
    patterns: set[tuple[str | bytes, int]] = set()
    real = re._compile  # type: ignore[attr-defined]

    def compile_traced(pattern: object, flags: int) -> object:
        if isinstance(pattern, (str, bytes)):
            patterns.add((pattern, int(flags)))
        return real(pattern, flags)

    re._compile = compile_traced  # type: ignore[attr-defined]
    from ajdiff import records  # traced: it imports dataclasses, which compiles a pattern

    asked, kept = _Asked(), records.COMPILED
    records.COMPILED = asked
    try:
        from ajdiff.cli import main

        with tempfile.TemporaryDirectory() as folder:
            for command in COMMANDS:
                command = [str(Path(folder) / "out.docx") if arg == "OUT" else arg for arg in command]
                with contextlib.redirect_stdout(io.StringIO()):
                    code = main(command)
                if code not in (0, 1):
                    raise SystemExit(f"ajdiff {' '.join(command)} exited {code}")
    finally:
        re._compile, records.COMPILED = real, kept  # type: ignore[attr-defined]
    listed = [("pattern", p, f) for p, f in patterns] + [("init", source) for source in asked.asked]
    return sorted(listed, key=repr)


def text(listed: list[tuple[object, ...]]) -> str:
    """The list file: a comment, then one literal a line."""
    head = "# What the build compiles ahead (ajdiff/prebuilt.py); written by tools/update_prebuilt.py.\n"
    return head + "".join(f"{entry!r}\n" for entry in listed)


def main(argv: list[str]) -> int:
    """Rewrite the list, or with --check say whether it holds everything the commands compile."""
    from ajdiff import prebuilt

    listed = traced()
    if "--check" in argv:
        missing = sorted(set(listed) - set(prebuilt.read_list()), key=repr)
        for entry in missing:
            print(f"not in {prebuilt.LIST}: {entry!r}", file=sys.stderr)
        if missing:
            print("run python tools/update_prebuilt.py (then pip install -e . to compile it)", file=sys.stderr)
        return 1 if missing else 0
    prebuilt.LIST.write_text(text(listed), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
