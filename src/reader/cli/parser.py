"""The `reader` command line: the parser built from every command module, and the checks every
argument passes before a command runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from reader import __version__
from reader.cli import annotate, convert, delete, documents, entities, export, gui, organise, search
from reader.cli.common import INT64_MAX, UserError, document_id, not_text

# Command modules in the order `reader --help` lists them; each has `register(subparsers, parents)`.
# `gui` comes last and is added by `build_parser` itself, after the list of command names is taken.
COMMANDS = (documents, delete, convert, annotate, export, search, entities, organise)
# Arguments that name files: any bytes are fine there (the file system's, not ours). Every other text
# argument is stored or searched, so it must be UTF-8.
PATH_ARGUMENTS = frozenset({"library", "paths", "files", "file", "output"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="library file (default: $READER_LIBRARY or the user data folder)",
    )
    parents: list[_Parser] = [common]
    parser = _Parser(
        prog="reader",
        description="Read, clean, convert and annotate Chinese-language reports offline.",
        parents=parents,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub, parents)
    parser.commands = sub.choices  # type: ignore[attr-defined]
    gui.register(sub, parents)
    return parser


def files_mean_gui(argv: list[str], commands: set[str]) -> list[str]:
    """`reader FILE...` (how a desktop launcher opens files) means `reader gui FILE...`."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return [*argv[:i], "gui", *argv[i + 1 :]]
        if arg == "--library":
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        if arg in commands or not _looks_like_a_file(arg):
            return argv  # a subcommand, or a typo that argparse should report
        return [*argv[:i], "gui", *argv[i:]]
    return argv


def _looks_like_a_file(arg: str) -> bool:
    from reader.formats.registry import SUPPORTED_SUFFIXES

    path = Path(arg).expanduser()
    return path.exists() or path.suffix.lower() in SUPPORTED_SUFFIXES


def check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse text arguments that are not UTF-8 (a note, a tag, a query) before anything is stored."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and not_text(v) for v in values):
            shown = f"--{name.replace('_', '-')}" if name not in ("query",) else "the query"
            raise UserError(f"{shown} is not valid UTF-8 text")


def check_numbers(args: argparse.Namespace) -> None:
    """Numbers past SQLite's 64-bit integers name nothing; say so rather than overflow deeper down."""
    ident = getattr(args, "id", None)
    if isinstance(ident, int) and document_id(ident) is None:
        raise UserError(f"no document with id {ident}")
    for ident in getattr(args, "ids", None) or []:
        if document_id(ident) is None:
            raise UserError(f"no document with id {ident}")
    for name in ("start", "end"):
        value = getattr(args, name, None)
        if isinstance(value, int) and not -INT64_MAX <= value <= INT64_MAX:
            raise UserError("--start/--end must be offsets into the document's text")
