"""`ajdiff completion SHELL`: the shell completion script (argcomplete)."""

from __future__ import annotations

import argparse
import sys

from ajdiff.cli.options import EXIT_SAME
from ajdiff.i18n import N_, _

HELP = N_("print a shell completion script (bash, zsh, fish)")
DESCRIPTION = N_(
    "Print the completion script for a shell. Install it once, for example:\n"
    "  ajdiff completion bash > ~/.local/share/bash-completion/completions/ajdiff\n"
    "  ajdiff completion zsh > ~/.zfunc/_ajdiff      (with fpath+=~/.zfunc before compinit)\n"
    "  ajdiff completion fish > ~/.config/fish/completions/ajdiff.fish"
)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """The shell."""
    parser.add_argument("shell", choices=("bash", "zsh", "fish"), help=_("the shell"))


def run(args: argparse.Namespace) -> int:
    """Print the shell's completion script (completes commands, options and file names)."""
    from argcomplete.shell_integration import shellcode

    sys.stdout.write(shellcode(["ajdiff"], shell=args.shell))
    return EXIT_SAME
