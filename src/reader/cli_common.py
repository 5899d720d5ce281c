"""What every `reader` subcommand shares: the user-error type, opening the library, JSON output.

Subcommands for separate capabilities live in their own `cli_*.py` modules and register themselves with
`register(subparsers, parents)`, so the command stays one program without one huge file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths

if TYPE_CHECKING:
    from reader.store.library import Library


class UserError(Exception):
    """Something the user can fix; printed as one line."""


def library_path(args: argparse.Namespace) -> Path:
    given = getattr(args, "library", None)
    return Path(given).expanduser() if given else paths.default_library()


def open_library(args: argparse.Namespace, *, must_exist: bool = False) -> Library:
    from reader.store.db import LibraryError
    from reader.store.library import Library

    path = library_path(args)
    if must_exist and not path.exists():
        raise UserError(f"no library at {path} (import something first, or pass --library)")
    try:
        library = Library(path)
    except LibraryError as exc:
        raise UserError(str(exc)) from exc
    if library.has_stale():
        library.rederive_stale()  # the cleaner improved since some documents were imported
    return library


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
