"""Running one `reader` command: parse, check, dispatch, and turn every failure into one line.

Exit codes: 0 ok, 1 a user error (one line on stderr, no traceback), 2 bad usage, 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence

from reader.cli.common import UserError, library_path, say, speaks_utf8
from reader.cli.gui import cmd_gui
from reader.cli.parser import build_parser, check_numbers, check_text_arguments, files_mean_gui


def explain_database_error(args: argparse.Namespace, exc: sqlite3.Error) -> str:
    from reader.store.db import explain

    return explain(library_path(args), exc)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    commands = set(getattr(parser, "commands", ()))
    args = parser.parse_args(files_mean_gui(list(sys.argv[1:] if argv is None else argv), commands))
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_gui)
    for stream in (sys.stdout, sys.stderr):
        # A terminal in a legacy encoding cannot show Chinese; a "?" beats a crash halfway through a list.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not speaks_utf8(stream):
            reconfigure(errors="replace")
    code = _run(func, args)
    if argv is None:  # the program's own run (`reader`, `python -m reader.cli`), not a call from Python
        from reader.app.exiting import leave

        code = leave(code)
    return code


def _run(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """The command's exit code; whatever goes wrong is said in one line on stderr, never a traceback."""
    try:
        check_text_arguments(args)
        check_numbers(args)
        return int(func(args))
    except UserError as exc:
        say(f"reader: error: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        # The library failed underneath (locked, full disk, damaged): the open transaction was rolled
        # back, so the message says what happened and what to do, never a traceback.
        say(f"reader: error: {explain_database_error(args, exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        say("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Whoever read our output went away (`reader list | head`); stop quietly, and keep Python from
        # complaining about the unflushable stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except MemoryError:
        say("reader: error: not enough memory for this input", file=sys.stderr)
        return 1
    except Exception as exc:
        # A bug, not the user's fault; still one line. READER_DEBUG=1 shows the traceback for a report.
        if os.environ.get("READER_DEBUG"):
            raise
        say(
            f"reader: internal error: {type(exc).__name__}: {exc} (please report; READER_DEBUG=1 shows details)",
            file=sys.stderr,
        )
        return 1
