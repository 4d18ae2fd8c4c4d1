"""The command line: `ajdiff show|diff|redline|tui|demo|completion|help`, one module per command.

This module is the entry point only: it builds the parser from the command modules (each has HELP,
DESCRIPTION, add_arguments(parser, name) and run(args) -> int) and turns every failure into one line.
Command modules import `ajdiff.cli.options`, never this module.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType


def _defer_import(name: str, *, taken_early: tuple[str, ...] = ()) -> None:
    """Put a stand-in for module `name` in sys.modules that imports it on the first use of one of its names (a
    module `__getattr__`, PEP 562), unless it is loaded already: an `import name` then costs a dictionary look-up.
    (importlib.util.LazyLoader would not do: `import name` itself asks its module for `__spec__` and loads it.)
    The functions in `taken_early`, which another module takes at its import but may never call, are handed out
    as callers of the real function that import the module on their first call."""
    if name in sys.modules:
        return
    stand_in = ModuleType(name, f"{name}, imported on first use")

    def load() -> ModuleType:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        module = importlib.import_module(name)
        stand_in.__dict__.update(module.__dict__)  # the next use finds its name without coming here
        return module

    def __getattr__(attr: str) -> object:
        if attr == "__path__":  # `from name import x` asks whether it is a package: these modules are not
            raise AttributeError(attr)
        if attr in taken_early and sys.modules.get(name) is stand_in:

            def call(*args: object, **kwargs: object) -> object:
                return getattr(load(), attr)(*args, **kwargs)

            return call
        return getattr(load(), attr)

    stand_in.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[name] = stand_in


# `dataclasses` imports `inspect` (with ast, dis, tokenize: a sixth of what a one-pair diff imports) for one call,
# the signature it writes as the docstring of a class that has none, and `copy` (with weakref) for `asdict`'s
# deep copies; a one-pair diff needs neither (the redline and the UI load them on their first use). The CLI's
# process is ajdiff's own, so it may defer those imports; a library user's process is left as it is. lxml.etree
# takes `getfullargspec` at its import, for parser targets (SAX-style callbacks) that ajdiff never gives it: a
# Word file's command would load inspect for nothing (a twentieth of `ajdiff redline`). argcomplete takes `copy` at its
# import, for completing an option's values part way, which a command's name never asks.
_defer_import("inspect", taken_early=("getfullargspec",))
_defer_import("copy", taken_early=("copy",))
# zipfile (a Word file's command) imports shutil, bz2 and lzma at its own import, for copying an extracted member and
# for the zip compression methods no office file uses: a twenty-fifth of what `ajdiff redline` imports.
_defer_import("shutil")
_defer_import("bz2")
_defer_import("lzma")
# lxml.etree imports gzip (and takes its GzipFile) at its import, to write compressed XML, which ajdiff never asks.
_defer_import("gzip", taken_early=("GzipFile",))

import argparse
import contextlib
import errno
import gc
import os
from collections.abc import Collection, Sequence

from ajdiff import __version__, i18n
from ajdiff.cli import options
from ajdiff.cli.console import is_terminal, make_streams_safe
from ajdiff.cli.options import EXIT_ERROR, EXIT_SAME, STDOUT, Parser
from ajdiff.errors import AjdiffError, OutputError, UsageError
from ajdiff.i18n import _
from ajdiff.words import word

COMMANDS: dict[str, str] = {
    "show": "ajdiff.cli.show",
    "diff": "ajdiff.cli.diff",
    "redline": "ajdiff.cli.redline",
    "tui": "ajdiff.cli.tui",
    "demo": "ajdiff.cli.tui",
    "completion": "ajdiff.cli.completion",
}
"""Each command and its module; a module whose layer is not installed is left out of the parser."""


def build_parser(only: str | None = None, *, arguments_of: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per task; with `only`, that command's alone (a run of one
    command parses nothing of the others: their modules and arguments cost every start some milliseconds); with
    `arguments_of`, every command, but only those named there with their arguments (the others by name and help)."""
    from ajdiff.cli.diff import EPILOG

    parser = Parser(
        prog="ajdiff",
        description=_(
            "Compare two versions of an Estonian job description (ametijuhend) section by section "
            "and show what really changed: duties, substitutes, language levels, experience, the post's group."
        ),
        epilog=_(EPILOG),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"ajdiff {__version__}", help=_("show the version and exit")
    )
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            continue
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue  # that layer is not installed in this build
        # The modules mark their words (N_); they are said here, in the language chosen by now.
        help_text = _(getattr(module, f"{name.upper()}_HELP", None) or module.HELP)
        description = getattr(module, f"{name.upper()}_DESCRIPTION", None) or getattr(module, "DESCRIPTION", None)
        epilog = getattr(module, f"{name.upper()}_EPILOG", None) or getattr(module, "EPILOG", None)
        cmd = sub.add_parser(
            name,
            help=help_text,
            description=_(description) if description else help_text,
            epilog=_(epilog) if epilog else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if arguments_of is None or name in arguments_of:
            module.add_arguments(cmd, name)
        cmd.set_defaults(run=module.run)
    sub.add_parser("help", help=_("show this help, or a command's: ajdiff help diff"))
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """`ajdiff OLD NEW` is shorthand for `ajdiff diff OLD NEW`; a mistyped command is said so."""
    for arg in argv:
        if arg in ("-h", "--help", "--version"):
            return argv
        if not arg.startswith("-") or arg == "-":
            if arg in COMMANDS or arg == "help":
                return argv
            # A bare word that is no file and close to a command is a typo ("shwo"); "diff.txt" is a file name.
            if arg is argv[0] and arg.isalpha() and not os.path.exists(arg):
                close = _nearest_command(arg)
                if close:
                    raise UsageError(arg, _("unknown command"), _("did you mean '{0}'?").format(close))
            return ["diff", *argv]
    return argv


def _refuse_extra(parser: argparse.ArgumentParser, argv: list[str], extra: list[str], command: str | None) -> None:
    """Say what argparse could not place: the unknown option itself (with the nearest known one), an option
    given before the command, or an argument too many; never argparse's whole list under the program's name."""
    option = next((a for a in extra if a.startswith("-") and a != "-"), None)
    at = argv.index(command) if command in argv else len(argv)
    if option is None:
        raise UsageError(
            extra[0],
            _("one argument too many"),
            _("see ajdiff {0} --help").format(command) if command else _("see ajdiff --help"),
        )
    if command is None or argv.index(option) < at:
        raise UsageError(
            option, _("unknown option before the command"), _("options go after the command; see ajdiff --help")
        )
    import difflib  # only on the error path

    sub = next(
        a.choices[command]
        for a in parser._actions
        if isinstance(a, argparse._SubParsersAction) and command in a.choices
    )
    known = [o for a in sub._actions for o in a.option_strings if o.startswith("--")]
    close = difflib.get_close_matches(option.split("=", 1)[0], known, n=1, cutoff=0.6)
    hint = (
        _("did you mean {0}? see ajdiff {1} --help").format(close[0], command)
        if close
        else _("see ajdiff {0} --help").format(command)
    )
    raise UsageError(option, _("unknown option of {0}").format(command), hint)


def _nearest_command(word: str) -> str | None:
    """The command a mistyped word most likely meant ('shwo' → 'show'), if any is close."""
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, (*COMMANDS, "help"), n=1, cutoff=0.6)
    return close[0] if close else None


def _help(parser: argparse.ArgumentParser, topic: list[str]) -> int:
    """`ajdiff help [COMMAND]`: the help of ajdiff or of one command, on stdout."""
    if not topic:
        parser.print_help(sys.stdout)
        return EXIT_SAME
    if topic[0] in ("-h", "--help"):  # `ajdiff help --help`: the help command's help is ajdiff's
        parser.print_help(sys.stdout)
        return EXIT_SAME
    if topic[0] not in COMMANDS:
        close = _nearest_command(topic[0])
        hint = _("did you mean '{0}'?").format(close) if close else _("see ajdiff --help")
        raise UsageError(topic[0], _("unknown command"), hint)
    parser.parse_args([topic[0], "--help"])  # prints and raises SystemExit(0)
    return EXIT_SAME  # pragma: no cover


def _commands_in(line: str | None) -> frozenset[str] | None:
    """The commands a shell's completion line may name, quoted or escaped (a superset: argparse enters one only
    where its word, unquoted, is that name); None (all of them) when the shell gave no line."""
    if line is None:
        return None
    unquoted = line.replace("\\", "").replace("'", "").replace('"', "")
    return frozenset(unquoted.split()) & COMMANDS.keys()


def _complete(parser: argparse.ArgumentParser) -> None:
    """Answer a shell's completion request (argcomplete sets _ARGCOMPLETE), then exit; else do nothing."""
    if "_ARGCOMPLETE" in os.environ:
        # argcomplete imports `subprocess` (with threading, signal, selectors, locale: a third of its imports) for
        # its file-name completer, which asks bash: a command or an option is completed without it. The process
        # exits once it has answered, so it defers that import to the completer's first use (a file name).
        _defer_import("subprocess")
        import argcomplete  # only for a completion request: never on the start-up path of a real run
        from argcomplete.packages import _argparse as completing

        # Its own copy of argparse says its (never shown) errors through gettext's global domain, whose first
        # word imports `locale` and searches the system for catalogues: it says them in ajdiff's language instead.
        completing.gettext = i18n.translation(i18n.current(), "argparse").gettext  # type: ignore[attr-defined]
        argcomplete.autocomplete(parser)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run a command and turn every failure into one line and exit status 2."""
    make_streams_safe()
    args_list = list(sys.argv[1:] if argv is None else argv)
    # The language is chosen once, before the parser says a word: every stream and the help follow it.
    lang = i18n.choose(i18n.flag_in(args_list))
    try:
        i18n.translation(lang)
    except OSError:
        # A source tree never built has no compiled catalogue: say so in the one language there is.
        print(
            f"ajdiff: {i18n.LOCALE_DIR / lang / 'LC_MESSAGES' / (i18n.DOMAIN + '.mo')}: the compiled catalogue is "
            "missing (install ajdiff with pip, which compiles it; or use --lang en)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    with i18n.speaking(lang):
        return _run(args_list)


def entry() -> int:
    """The program `ajdiff` (its console script and `python -m ajdiff`): `main`, then ready to exit."""
    # The cyclic collector scans the objects made so far each time some hundreds more are made: on the way to a
    # command's work, the modules, classes and functions being imported (none of them garbage), and once a command
    # that paused it gives it back, everything the command made, on the next few allocations (2% of `ajdiff
    # redline`). The program's own process runs without it, but for the terminal UI's session (cli/tui.py).
    gc.disable()
    code = main()
    # At exit Python collects cycles among every object still alive (its modules, classes and functions: a fifth
    # of a one-pair diff's time) to free memory the system takes back anyway. Frozen, they are not looked at.
    gc.freeze()
    return code


def console() -> None:
    """The installed program (its console script, `python -m ajdiff`): `entry`, then out of the process at once.

    What a command made (a batch's thousands of documents and their changes) would be freed object by object, and
    every module torn down, for the system to take the memory back anyway (3 % of a one-pair diff). By then
    every file is written and closed, every worker process joined, the terminal given back; only the standard
    streams wait in their buffers, and they are flushed here. Should that fail (a full disk, a closed pipe), the
    ordinary exit says so as it always did."""
    options.HELD = []  # the command's results stay here to the end, not freed on the way (`hold_to_exit`)
    code = entry()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


def _run(args_list: list[str]) -> int:
    """Run a command and turn every failure into one line and exit status 2."""
    lang = i18n.current()
    try:
        return _main(args_list)
    except SystemExit as exc:  # argparse's --help and --version exit 0
        return int(exc.code or 0)
    except AjdiffError as exc:
        print(exc.line(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"ajdiff: {word('cli.interrupted', lang)}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error worth a message.
        _stdout_to_devnull()
        return EXIT_SAME
    except OSError as exc:
        if not _stdout_fails(exc):
            return _internal_error(exc, lang)
        # The report could not be written (`> /dev/full`, a disk full): one line, as for -o.
        print(
            OutputError(
                STDOUT,
                _("cannot write: {0}").format(exc.strerror or exc),
                _("check the folder's free space and permissions"),
            ).line(),
            file=sys.stderr,
        )
        _stdout_to_devnull()  # the buffer still holds what failed: the flush at exit must not fail again
        return EXIT_ERROR
    except MemoryError:
        print(f"ajdiff: {word('cli.out_of_memory', lang)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one line, never a traceback, unless asked for
        return _internal_error(exc, lang)


def _internal_error(exc: Exception, lang: str) -> int:
    """A bug: one line, never a traceback, unless AJDIFF_DEBUG asks for it."""
    if os.environ.get("AJDIFF_DEBUG"):
        raise exc
    error = f"{type(exc).__name__}: {exc}"
    print(f"ajdiff: {word('cli.internal_error', lang, error=error)}", file=sys.stderr)
    return EXIT_ERROR


# What a write to a full or failing device says. Reading never lets an OSError out (the readers
# turn theirs into InputError, -o writes into OutputError): one that reaches `main` is standard output's.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _stdout_fails(exc: OSError) -> bool:
    """Whether the error is standard output failing to take the report."""
    return exc.errno in _WRITE_ERRNOS


def _stdout_to_devnull() -> None:
    """Point stdout at /dev/null so the flush at exit does not fail a second time (Python docs recipe)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


_READING = frozenset({"show", "diff", "redline", "tui", "demo"})
"""The commands that read documents, and so compile the patterns of the readers."""


def _main(args_list: list[str]) -> int:
    if "_ARGCOMPLETE" in os.environ or not args_list or args_list[0] == "help":
        # A completion request needs only the arguments of the command its line names: a command's name is
        # completed from the names and helps alone (all the commands' arguments were 8 % of answering it).
        completing = "_ARGCOMPLETE" in os.environ
        parser = build_parser(arguments_of=_commands_in(os.environ.get("COMP_LINE")) if completing else None)
        _complete(parser)
        if not args_list:
            parser.print_help(sys.stderr)
            return EXIT_ERROR
        if args_list[0] == "help":
            return _help(parser, args_list[1:])
    argv = _normalise_argv(args_list)
    if argv[0] in _READING:
        # Before the command's modules are imported: their patterns and records' code are then found compiled.
        from ajdiff import prebuilt

        prebuilt.preload()
    # A command first: only its parser is built; anything else (--help, --version, a stray option) gets all.
    parser = build_parser(only=argv[0] if argv[0] in COMMANDS else None)
    args, extra = parser.parse_known_args(argv)
    if extra:
        _refuse_extra(parser, argv, extra, getattr(args, "command", None))
    args.lang = getattr(args, "lang", None) or i18n.current()  # one language: the report's is the messages'
    if not getattr(args, "run", None):
        raise UsageError("ajdiff", _("no command given"), _("see ajdiff --help"))
    if args.command == "tui" and "-" in (getattr(args, "old", None), getattr(args, "new", None)):
        # Said before the terminal check: with a pipe on stdin that check would blame the wrong thing.
        raise UsageError(
            "-",
            _("the UI reads its keys from standard input, so no document can come from it"),
            _("save it to a file and give its name"),
        )
    if args.command in ("tui", "demo") and not (is_terminal(sys.stdin) and is_terminal(sys.stdout)):
        # Textual would start anyway, wait for keys that never come and write escape codes into a file.
        raise UsageError(
            args.command,
            _("needs a terminal (standard input and output are not one)"),
            _("use 'ajdiff diff' for a report you can redirect"),
        )
    if args.command in ("tui", "demo") and not is_terminal(sys.stderr):
        # Textual draws on standard error: redirected, the UI would run unseen and its escape codes fill the file.
        raise UsageError(args.command, _("draws on standard error, which is redirected"), _("run it without 2>"))
    return int(args.run(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
