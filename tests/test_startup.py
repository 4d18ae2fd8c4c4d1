"""What a short command does not pay for: annexes nobody asked for, work done at import time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import ajdiff.read.parse
from ajdiff.api import compare_files
from ajdiff.errors import InputError
from tests.conftest import SEEDS, completion_env

ANNEX, ORDER = SEEDS["001"], SEEDS["000"]  # 001 is one annex; 000 an order of seven


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The annexes parsed from here on, in order."""
    seen: list[str | None] = []
    real = ajdiff.read.parse.parse_document

    def counting(raw: ajdiff.read.parse.RawDocument) -> ajdiff.model.JobDescription:
        seen.append(raw.annex)
        return real(raw)

    monkeypatch.setattr(ajdiff.read.parse, "parse_document", counting)
    return seen


def _run_script(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -c script args…` in a process of its own (a fresh interpreter: what it imports is the command's)."""
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True, env=env)


def test_a_one_pair_diff_of_an_order_parses_only_the_annex_asked_for(parsed: list[str | None]) -> None:
    result = compare_files(ANNEX, ORDER, new_annex="Lisa 2", every_annex=False)
    assert parsed == [None, "2"]
    whole = compare_files(ANNEX, ORDER, new_annex="2")
    assert parsed[2:] == [None, "1", "2", "3", "4", "5", "6", "7"]
    # The same pair and changes, order changes and notes; only the list of every annex is left empty.
    assert result.pairs == whole.pairs and result.pairs[0].changes
    assert result.order_changes == whole.order_changes and result.notes == whole.notes
    assert result.new_all == () and [d.annex for d in whole.new_all] == ["1", "2", "3", "4", "5", "6", "7"]
    assert result.old_all == whole.old_all and len(result.old_all) == 1  # no annex asked of OLD: read whole


def test_an_annex_the_order_lacks_is_still_refused_with_the_annexes_it_has(parsed: list[str | None]) -> None:
    with pytest.raises(InputError, match=r"has no annex 9 .*1, 2, 3, 4, 5, 6, 7"):
        compare_files(ANNEX, ORDER, new_annex="9", every_annex=False)
    assert parsed == [None, "1", "2", "3", "4", "5", "6", "7"]  # read whole to say what it has


@pytest.mark.parametrize(("fmt", "every"), [("json", False), ("text", False), ("jsonl", False), ("html", True)])
def test_the_cli_skips_the_other_annexes_only_for_reports_that_do_not_name_them(
    parsed: list[str | None], capsys: pytest.CaptureFixture[str], fmt: str, every: bool
) -> None:
    from ajdiff.cli import main

    assert main(["diff", str(ANNEX), str(ORDER), "--new-annex", "2", "--format", fmt, "--quiet"]) in (0, 1)
    assert parsed == ([None, "1", "2", "3", "4", "5", "6", "7"] if every else [None, "2"])


def test_a_command_builds_only_its_own_parser() -> None:
    """`ajdiff diff …` neither imports the other commands' modules nor adds their arguments."""

    script = (
        "import sys\n"
        "from ajdiff.cli import main\n"
        "main(sys.argv[1:])\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('ajdiff.cli.'))))\n"
    )
    args = ["diff", str(ANNEX), str(ORDER), "--new-annex", "2", "--format", "json", "--quiet"]
    done = _run_script(script, *args)
    assert done.stdout.split() == ["ajdiff.cli.console", "ajdiff.cli.diff", "ajdiff.cli.options"]


def test_a_one_pair_diff_imports_no_pairing_dictionary_or_difflib() -> None:
    """Modules only some runs need stay out of the one-pair diff: pairing (several documents a side), gzip
    (the dictionaries of OCR text), difflib (a likeness no cheaper bound settled), shutil with bz2 and lzma
    (argparse's width for its help, found without it)."""

    script = (
        "import sys\n"
        "from ajdiff.cli import main\n"
        "main(sys.argv[1:])\n"
        # A module the CLI defers (shutil, bz2) is in sys.modules as a stand-in until a name of it is used.
        "loaded = [m for m in ('ajdiff.compare.pairing', 'gzip', 'difflib', 'shutil', 'bz2') if m in sys.modules]\n"
        "print(' '.join(m for m in loaded if '__file__' in vars(sys.modules[m])))\n"
    )
    args = ["diff", str(ANNEX), str(ORDER), "--new-annex", "2", "--format", "json", "--quiet"]
    done = _run_script(script, *args)
    assert done.stdout.split() == []


@pytest.mark.parametrize("columns", [None, "0", "37", "200", "wide"])
def test_the_help_is_as_wide_as_argparse_would_make_it(monkeypatch: pytest.MonkeyPatch, columns: str | None) -> None:
    import argparse

    from ajdiff.cli import build_parser

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    parser = build_parser(only="diff")
    ours = parser._get_formatter()
    theirs = argparse.RawDescriptionHelpFormatter(prog=parser.prog)  # asks shutil.get_terminal_size
    assert ours._width == theirs._width and type(ours) is type(theirs)


def test_a_redline_to_a_file_imports_no_hashlib(tmp_path: Path) -> None:
    """The redline hashes images only: a redline of two files without images does not load hashlib (OpenSSL)."""

    script = (
        "import sys\n"
        "from ajdiff.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, ' '.join(m for m in ('hashlib',) if m in sys.modules))\n"
    )
    out = tmp_path / "redline.docx"
    args = ["redline", str(ANNEX), str(ORDER), "--new-annex", "2", "-o", str(out)]
    done = _run_script(script, *args)
    assert done.stdout.split() == ["0"] and out.read_bytes()[:2] == b"PK"


def test_the_program_defers_inspect_which_no_command_needs() -> None:
    """`dataclasses` imports `inspect` (and with it ast, dis, tokenize) for one call no record of ajdiff makes,
    and `copy` (with weakref) for deep copies: the program `ajdiff` gives them stand-ins, so a one-pair diff
    loads none of them."""

    script = (
        "import sys\n"
        "from ajdiff.cli import entry\n"
        "code = entry()\n"
        "loaded = 'signature' in vars(sys.modules['inspect']) or 'deepcopy' in vars(sys.modules['copy'])\n"
        "print(code, loaded, *(m for m in ('ast', 'dis', 'tokenize', 'weakref') if m in sys.modules))\n"
    )
    args = ["diff", str(ANNEX), str(ORDER), "--new-annex", "2", "--format", "json", "--quiet"]
    done = _run_script(script, *args)
    assert done.stdout.split() == ["1", "False"]


def test_a_deferred_module_is_the_real_one_from_its_first_use() -> None:
    """The stand-in imports `inspect` on the first use of any of its names, by `inspect.x` or `from inspect
    import x`, and the standard dataclass decorator's own use of it (a class without a docstring) works."""

    script = (
        "import sys\n"
        "import ajdiff.cli\n"
        "import dataclasses, inspect\n"
        "before = 'ast' in sys.modules\n"
        "@dataclasses.dataclass\n"
        "class Plain:\n"
        "    a: int\n"
        "from inspect import getsource\n"
        "print(before, Plain.__doc__, inspect.signature(len), sys.modules['inspect'].getsource is getsource)\n"
        "from copy import copy\n"  # a name taken early: a caller, and the module still a stand-in
        "taken = 'weakref' in sys.modules\n"
        "print(taken, copy([1]), 'weakref' in sys.modules, sys.modules['copy'].copy is not copy)\n"
    )
    done = _run_script(script)
    assert done.stdout.split() == ["False", "Plain(a:", "int)", "(obj,", "/)", "True", "False", "[1]", "True", "True"]


def test_the_program_leaves_what_it_made_to_the_system_at_exit() -> None:
    """After the command, the program freezes what is alive (its modules, classes, records), so Python's
    collection at exit does not walk them: the exit status is the command's."""

    script = (
        "import gc, sys\nfrom ajdiff.cli import entry\ncode = entry()\nprint(code, gc.get_freeze_count() > 10_000)\n"
    )
    args = ["diff", str(ANNEX), str(ORDER), "--new-annex", "2", "--format", "json", "--quiet"]
    done = _run_script(script, *args)
    assert done.stdout.split() == ["1", "True"]
    args = ["diff", str(ANNEX), str(ANNEX), "--quiet"]
    done = _run_script(script, *args)
    assert done.stdout.split() == ["0", "True"]


def test_the_program_runs_a_redline_without_the_cyclic_collector(tmp_path: Path) -> None:
    """Issue 22: the collector's scans of what a command imports and makes (and, once the command gave it back,
    of everything it made, again) were 2% of `ajdiff redline`: the program's process runs without it."""
    script = (
        "import gc, sys\nfrom ajdiff.cli import entry\nruns = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(info['generation']) if phase == 'start' else None)\n"
        "code = entry()\nprint(code, runs)\n"
    )
    docx = ANNEX.with_suffix(".docx")
    done = _run_script(script, "redline", str(docx), str(docx), "-o", str(tmp_path / "r.docx"), "--quiet")
    assert done.stdout.split() == ["0", "[]"]


def test_a_redline_imports_no_zipfile_compressors(tmp_path: Path) -> None:
    """Issue 22: zipfile's shutil, bz2 and lzma (for methods no office file uses), copy (for copies of elements
    lxml makes itself), lxml's gzip (for compressed XML) and datetime's Python classes (CPython replaces them with
    its C ones) were a sixth of what `ajdiff redline` imported; zipfile's are still there when asked for, and lxml's.
    (tempfile stays, with weakref and random: its mkstemp makes the output's temp file.)"""
    script = (
        "import sys\nfrom ajdiff.cli import entry\ncode = entry()\nimport io, zipfile\n"
        "names = ('shutil', 'bz2', 'lzma', 'copy', 'datetime', 'gzip')\n"
        "real = [n for n in names if '__file__' in vars(sys.modules.get(n, sys))]\n"
        "out = io.BytesIO()\n"
        "with zipfile.ZipFile(out, 'w', zipfile.ZIP_BZIP2) as z:\n    z.writestr('a', 'x' * 100)\n"
        "print(code, real, zipfile.ZipFile(out).read('a') == b'x' * 100, '__file__' in vars(sys.modules['bz2']))\n"
        "from lxml import etree\n"
        "zipped = io.BytesIO()\n"
        "etree.ElementTree(etree.Element('a')).write(zipped, compression=9)\n"  # through lxml's gzip, loaded now
        "print(zipped.getvalue()[:2] == b'\\x1f\\x8b', '__file__' in vars(sys.modules['gzip']))\n"
    )
    docx = ANNEX.with_suffix(".docx")
    done = _run_script(script, "redline", str(docx), str(docx), "-o", str(tmp_path / "r.docx"), "--quiet")
    assert done.stdout.split() == ["0", "[]", "True", "True", "True", "True"]


def test_a_redline_of_two_word_files_compiles_no_pattern(tmp_path: Path) -> None:
    """Issue 22: the redline's patterns (lxml's, difflib's, the Word reader's and the redline's own) were compiled
    at every start, 0.7 M instructions each; the build compiles them ahead (tools/update_prebuilt.py)."""
    script = (
        "import sys\nimport re._compiler as c\nfrom ajdiff.cli import entry\nmade = []\nreal = c.compile\n"
        "c.compile = lambda p, flags=0: made.append(p) or real(p, flags)\ncode = entry()\nprint(code, made)\n"
    )
    old, new = ANNEX.with_suffix(".docx"), ORDER.with_suffix(".docx")
    args = ["redline", str(old), str(new), "--new-annex", "2", "-o", str(tmp_path / "r.docx"), "--quiet"]
    done = _run_script(script, *args)
    assert done.stdout.split() == ["0", "[]"]


def test_the_terminal_ui_runs_with_the_cyclic_collector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A UI session lasts: its cycles are collected, though the program starts without the collector."""
    import argparse
    import gc

    from ajdiff.cli import tui
    from ajdiff.tui import app

    seen: list[bool] = []
    monkeypatch.setattr(app.ReviewApp, "run", lambda self: seen.append(gc.isenabled()))
    gc.disable()
    try:
        tui.run(argparse.Namespace(review=str(tmp_path / "r.json"), lang="et", author="ajdiff"))
    finally:
        gc.enable()
    assert seen == [True]


def test_help_imports_no_typing_and_compiles_no_pattern_of_ajdiffs() -> None:
    """`ajdiff --help` prints argparse's help: it needs neither `typing` (2 ms of a start; the modules on its path
    name TYPE_CHECKING themselves) nor the error messages' patterns (compiled on their first use)."""

    script = (
        "import re, sys\n"
        "from ajdiff.cli import entry\n"
        "sys.argv = ['ajdiff', '--help']\n"
        "code = entry()\n"
        "import ajdiff.errors as errors\n"
        "patterns = {getattr(p, 'pattern', p) for p in (errors._BREAKS, errors._NAME_UNSAFE, errors._CLASS_NAME)}\n"
        "compiled = [key for key in re._cache if key[1] in patterns]\n"
        "print(code, 'typing' in sys.modules, len(compiled))\n"
    )
    done = _run_script(script)
    assert done.stdout.split()[-3:] == ["0", "False", "0"]


def test_estonian_opens_its_catalogues_without_the_locale_module() -> None:
    """The Estonian catalogues are opened where the build puts them (gettext.translation would import `locale`
    to expand 'et' into the names it looks for), and they are the catalogues gettext finds."""
    import gettext
    import os

    from ajdiff import i18n

    script = (
        "import sys\n"
        "from ajdiff.cli import entry\n"
        "sys.argv = ['ajdiff', '--help']\n"
        "code = entry()\n"
        "print(code, 'locale' in sys.modules)\n"
    )
    env = {**os.environ, "AJDIFF_LANG": "et"}
    done = _run_script(script, env=env)
    assert "kasutus:" in done.stdout and done.stdout.split()[-2:] == ["0", "False"]
    for domain in (i18n.DOMAIN, "argparse"):
        ours = i18n.translation("et", domain)
        found = gettext.translation(domain, i18n.LOCALE_DIR, languages=["et"])
        assert ours._catalog == found._catalog and ours._catalog  # type: ignore[attr-defined]


def test_a_completion_request_loads_neither_subprocess_nor_locale(tmp_path: Path) -> None:
    """argcomplete imports `subprocess` for a completer ajdiff's parser never uses, takes `copy` (with weakref) for
    an option's values completed part way, and its copy of argparse asks gettext's global domain (which imports
    `locale`) for its never-shown errors: the program's completion answers without them (`-X importtime` lists
    every module a process imports)."""
    import os
    import subprocess
    import sys

    answer = tmp_path / "answer"
    env = {**os.environ, **completion_env("ajdiff diff --form", answer)}
    script = "import sys\nfrom ajdiff.cli import entry\nsys.argv = ['ajdiff']\nentry()\n"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", script], capture_output=True, text=True, env=env)
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time")}
    assert answer.read_text().split() == ["--format"]
    assert "argcomplete.finders" in imported and not imported & {"subprocess", "locale", "threading", "copy", "weakref"}
    # A file name is still completed: argcomplete's completer asks bash, through the real `subprocess`.
    line = f"ajdiff diff {str(ANNEX)[:-4]}"
    env.update(COMP_LINE=line, COMP_POINT=str(len(line)))
    subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert str(ANNEX) in answer.read_text().split() and str(ANNEX.with_suffix(".docx")) in answer.read_text().split()


def test_the_ascii_table_is_unidecodes_own_answer() -> None:
    """The table folding starts with holds unidecode's ASCII for every character of its blocks, and is current
    with the generator's blocks (`tools/make_ascii_table.py --check`)."""
    import subprocess
    import sys

    from unidecode import unidecode

    from ajdiff.ascii_table import BLOCKS

    held = {start + k: ascii for start, chars in BLOCKS for k, ascii in enumerate(chars)}
    assert len(held) == 128 + 128 + 112 + 48 + 96 and {0xF5, 0x161, 0x2013, 0x201E, 0x20AC, 0x25AA} <= set(held)
    assert [code for code, ascii in held.items() if ascii != unidecode(chr(code))] == []
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "tools/make_ascii_table.py", "--check"], cwd=root, capture_output=True)
    assert done.returncode == 0, done.stderr


def test_to_ascii_is_unidecode_inside_the_table_and_beyond_it() -> None:
    """Folding gives unidecode's string for the seeds' text and for characters the table does not hold."""
    from unidecode import unidecode

    from ajdiff.text import to_ascii
    from tests.conftest import SEEDS

    texts = [path.read_text(encoding="utf-8") for path in SEEDS.values()]
    texts.append("Ωmega 中文 ✓ ➢ Ǆ Ɓ Ḁ „Šokk“ – 5 € ▪ Žürii")
    for text in texts:
        assert to_ascii(text) == unidecode(text)


def _last_line(script: str, command: str, *, quiet: bool = False) -> str:
    """The last line `script` prints after running a one-pair diff (ANNEX against ORDER's annex 2) or a show
    of ORDER's annex 2, in a process of its own."""

    if command == "show":
        args = ["show", str(ORDER), "--annex", "2"]
    else:
        args = ["diff", str(ANNEX), str(ORDER), "--new-annex", "2", "--format", "json", *(["--quiet"] if quiet else [])]
    done = _run_script(script, *args)
    return done.stdout.splitlines()[-1]


@pytest.mark.parametrize("command", ["diff", "show"])
def test_a_one_pair_diff_or_show_imports_neither_typing_nor_unidecode(command: str) -> None:
    """Estonian text folds through the table (unidecode, which imports `typing`, is left for other scripts), and
    the modules on the path name TYPE_CHECKING themselves: neither is imported by a one-pair diff or a show."""

    script = (
        "import sys\n"
        "from ajdiff.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, *(m for m in ('typing', 'unidecode') if m in sys.modules))\n"
    )
    assert _last_line(script, command, quiet=True).split() == (["1"] if command == "diff" else ["0"])


def test_the_build_compiled_everything_listed_as_re_and_compile_make_it() -> None:
    """What the install compiled ahead (ajdiff/prebuilt.py) is the list's: each pattern the very pattern `re`'s
    own compiler makes (same flags, code and groups: a pattern's `==` compares its code), each `__init__` the
    code `compile` makes of its source."""
    import re

    from ajdiff import prebuilt

    listed = prebuilt.read_list()
    patterns, inits, _ = prebuilt.load()
    assert len(patterns) > 50 and set(patterns) == {(e[1], e[2]) for e in listed if e[0] == "pattern"}
    assert len(inits) > 20 and set(inits) == {e[1] for e in listed if e[0] == "init"}
    for (pattern, flags), ready in patterns.items():
        fresh = re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
        assert ready == fresh and ready.groupindex == fresh.groupindex and ready.groups == fresh.groups, pattern
    for source, code in inits.items():
        assert code == compile(source, "<string>", "exec"), source


def test_what_another_interpreter_compiled_or_a_damaged_file_is_not_used(tmp_path: Path) -> None:
    """A file made by another interpreter (its stamp differs) or cut short is read as none: `re` compiles."""
    import marshal

    from ajdiff import prebuilt

    made = tmp_path / "prebuilt.marshal"
    source = "def __init__(self, a):\n    self.a = a\n"
    prebuilt.write(made, [("pattern", r"(?P<n>\d+)\.", 0), ("pattern", rb"\xc3[\x80-\xbf]", 2), ("init", source)])
    patterns, inits, vocabulary = prebuilt.load(made)
    assert patterns[(r"(?P<n>\d+)\.", 0)].match("12.").group("n") == "12" and len(patterns) == 2 and vocabulary is None
    scope: dict[str, object] = {}
    exec(inits[source], scope)
    assert scope["__init__"].__code__.co_varnames == ("self", "a")  # type: ignore[attr-defined]
    stamp, *tables = marshal.loads(made.read_bytes())
    made.write_bytes(marshal.dumps((stamp.replace("|", "+", 1), *tables)))
    assert prebuilt.load(made) == ({}, {}, None)
    made.write_bytes(marshal.dumps((stamp, *tables))[:-9])
    assert prebuilt.load(made) == ({}, {}, None) and prebuilt.load(tmp_path / "missing") == ({}, {}, None)


def test_the_list_holds_what_the_start_up_commands_compile() -> None:
    """`tools/update_prebuilt.py --check` runs the start-up commands and finds nothing compiled the list lacks."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "tools/update_prebuilt.py", "--check"], cwd=root, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


@pytest.mark.parametrize("command", ["diff", "show"])
def test_a_one_pair_diff_or_show_compiles_no_pattern_and_no_init(command: str) -> None:
    """The program loads what the build compiled before the command's modules import: a one-pair diff, or a
    show, then runs neither `re`'s compiler nor `compile` on a record's `__init__`."""

    script = (
        "import builtins, re, sys\n"
        "compiler = re._compiler\n"
        "real, made = compiler.compile, []\n"
        "compiler.compile = lambda p, flags=0: made.append(p) or real(p, flags)\n"
        "real_exec = builtins.exec\n"
        "builtins.exec = lambda code, *a: (made.append(code) if isinstance(code, str) else None) or real_exec(code, *a)\n"
        "from ajdiff.cli import entry\n"
        "before = len(made)\n"
        "code = entry()\n"
        "print(code, made[before:])\n"
    )
    assert _last_line(script, command) == ("1 []" if command == "diff" else "0 []")


def test_the_build_folded_the_vocabulary_as_the_package_folds_it() -> None:
    """The vocabulary the install made ahead is what `vocabulary.export()` makes now, of the files it was made
    from; the vocabulary and header index rebuilt from it equal the ones read from vocabulary.json."""
    from ajdiff import prebuilt
    from ajdiff.read import vocabulary

    made = prebuilt.load()[2]
    assert made is not None and made[0] == prebuilt.fingerprint()
    saved = dict(vocabulary.PREBUILT)  # an in-process run of the program may have loaded it
    try:
        vocabulary.PREBUILT.clear()
        vocabulary.vocabulary.cache_clear()
        vocabulary._header_index.cache_clear()
        assert made[1] == vocabulary.export()
        read, index = vocabulary.vocabulary(), vocabulary._header_index()
        vocabulary.PREBUILT.update(vocabulary=made[1][0], header_index=made[1][1])
        vocabulary.vocabulary.cache_clear()
        vocabulary._header_index.cache_clear()
        assert vocabulary.vocabulary() == read and vocabulary.vocabulary() is not read
        rebuilt = vocabulary._header_index()
        fields = ("rows", "guards", "by_length", "piece_bits", "piece_rows", "task_pieces")
        assert [getattr(rebuilt, f) for f in fields] == [getattr(index, f) for f in fields]
    finally:
        vocabulary.PREBUILT.clear()
        vocabulary.PREBUILT.update(saved)
        vocabulary.vocabulary.cache_clear()
        vocabulary._header_index.cache_clear()


def test_a_prebuilt_vocabulary_is_not_used_once_a_file_it_was_made_from_changed(tmp_path: Path) -> None:
    """The vocabulary is kept with a checksum of its files (vocabulary.json, the folding code): any other
    checksum, as after an edit of an editable install, leaves the program to read and fold it itself."""
    import shutil

    from ajdiff import prebuilt

    package = tmp_path / "ajdiff"
    for name in prebuilt.INPUTS:
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(prebuilt.PACKAGE / name, package / name)
    assert prebuilt.fingerprint(package) == prebuilt.fingerprint()
    with (package / "data" / "vocabulary.json").open("a", encoding="utf-8") as f:
        f.write(" ")
    assert prebuilt.fingerprint(package) != prebuilt.fingerprint()
    made = prebuilt.load()[2]
    assert made is not None
    stale = tmp_path / "stale.marshal"
    prebuilt.write(stale, [], (made[0] ^ 1, made[1]))
    script = (
        "import sys\n"
        "from ajdiff import prebuilt\n"
        "from ajdiff.read import vocabulary\n"
        "print(prebuilt.preload(prebuilt.Path(sys.argv[1])), len(vocabulary.PREBUILT), prebuilt.preload())\n"
    )
    done = _run_script(script, str(stale))
    used_stale, kept, used = done.stdout.split()
    assert (used_stale, kept) == ("0", "0") and int(used) > 100
