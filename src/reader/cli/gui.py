"""`reader gui` (and `reader FILE...`): the window, started from the same command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.cli.common import UserError, library_path


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from reader.ui.app import run
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise UserError(f"the window cannot start: {exc}") from exc
    files = [Path(f).expanduser() for f in getattr(args, "files", [])]
    return run(library_path(args), explicit=bool(getattr(args, "library", None)), files=files)


def register(sub: Any, parents: Sequence[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("gui", parents=parents, help="open the window (the default); FILEs are imported and shown")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.set_defaults(func=cmd_gui)
