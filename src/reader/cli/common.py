"""What every `reader` subcommand shares: the user-error type, opening the library, safe output.

Each group of subcommands lives in its own module of this package and registers itself with
`register(subparsers, parents)`, so the command stays one program without one huge file.

Everything printed for a person goes through `terminal_safe`: titles, quotes and file names come from
documents nobody vetted, and an escape sequence in a report's first line must not retitle, clear or
recolour the user's terminal. JSON output is left alone; JSON escapes control characters itself.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from reader import paths

if TYPE_CHECKING:
    from reader.store.library import Library

SCRIPTS = ("orig", "hans", "hant", "tw", "hk")
"""The script views a command can print in: as stored, then the converter's targets."""
INT64_MAX = 2**63 - 1
"""SQLite's largest integer: an id or count past it cannot name anything stored."""

# Terminal escape sequences as whole units (CSI, OSC/DCS/APC strings, two-character escapes), so that no
# parameter debris is left behind, then every other control character one by one.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|(?:\x1b[\]P^_X]|[\x90\x9d\x9e\x9f\x98])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC, DCS…: titles, links
    r"|\x1b[ -/]*[0-~]?"  # any other escape
)
# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what the terminal shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_AND_LINES = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class UserError(Exception):
    """Something the user can fix; printed as one line."""


def _surrogate_shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    # A byte that was not UTF-8 in a file name (surrogateescape) is shown as the byte it was.
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def terminal_safe(text: str, *, lines: bool = False) -> str:
    """`text` without escape sequences or control characters; `lines=True` keeps line breaks and tabs."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = (_CONTROL if lines else _CONTROL_AND_LINES).sub("", text.replace("\r\n", "\n") if lines else text)
    return _SURROGATE.sub(_surrogate_shown, text)


def say(text: str = "", *, file: IO[str] | None = None) -> None:
    """Print one line for a person (stdout unless `file`), made safe for the terminal."""
    print(terminal_safe(text), file=file if file is not None else sys.stdout)


def not_text(value: str) -> bool:
    """True when a command-line argument held bytes that are not UTF-8 (Python keeps them as surrogates)."""
    return _SURROGATE.search(value) is not None


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
        from reader.app.deriving import rederive_stale

        rederive_stale(library)  # the cleaner improved since some documents were imported
    return library


def document_id(value: int) -> int | None:
    """The id if it could name a stored document; None for negative ids and ids past SQLite's integers."""
    return value if 0 < value <= INT64_MAX else None


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; otherwise a UserError saying why.

    The file is opened without blocking and checked before anything is read, so a FIFO cannot hang the
    command and `/dev/zero` (or a symlink to it) cannot fill the memory; at most `limit` + 1 bytes are read
    even when the file grows meanwhile.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise UserError(f"{path} is {kind}; give a regular file")
        if info.st_size > limit:
            raise UserError(f"{path} is too large ({_megabytes(info.st_size)}; the limit is {_megabytes(limit)})")
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise UserError(f"{path} is too large (more than {_megabytes(limit)})")
    return data


def read_stdin(limit: int) -> bytes:
    """Standard input, at most `limit` bytes: `< /dev/zero` ends in an error instead of eating memory."""
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise UserError(f"standard input is too large (more than {_megabytes(limit)})")
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


def speaks_utf8(stream: IO[str]) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


def print_json(value: object) -> None:
    # JSON readers expect UTF-8; where the output speaks another encoding (a Latin-1 terminal), every
    # non-ASCII character is written as a \u escape so that nothing is lost or replaced.
    text = json.dumps(value, ensure_ascii=not speaks_utf8(sys.stdout), indent=2)
    # A file name that is not UTF-8 reaches us as lone surrogates, which no UTF-8 stream can carry;
    # in JSON they are written as \u escapes, which `json.loads` turns back into the same string.
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")
