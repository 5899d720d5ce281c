"""Opening the library file: WAL mode, numbered migrations, a copy taken before any upgrade.

The library must survive a crash and an upgrade. Each migration runs in its own transaction, and before
an existing library is upgraded the file is copied beside itself, so a failed upgrade never costs data.
A locked or damaged file is reported with a message, never a traceback.
"""

from __future__ import annotations

import functools
import os
import shutil
import sqlite3
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path


class LibraryError(Exception):
    """The library file cannot be used; the message says why in one line."""


Migration = Callable[[sqlite3.Connection], None]

connection_class: type[sqlite3.Connection] = sqlite3.Connection
"""The class every library connection is made of; a test replaces it with one that records what each
connection executes, to prove that only one connection in the whole application writes."""

# A text cell whose bytes are not UTF-8 (a flipped bit, or a row written by another tool) reads with
# U+FFFD in place of the bad bytes instead of making its whole table unreadable.
_decode_text = functools.partial(str, encoding="utf-8", errors="replace")


def _uri(path: Path, mode: str) -> str:
    """A `file:` URI naming exactly `path`: `?`, `#` and `%` in a name would otherwise start the URI's
    query or fragment (opening another file), and a name that is not UTF-8 is passed as its bytes."""
    return f"file:{urllib.parse.quote(os.fsencode(path))}?mode={mode}"


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    # A reading connection still opens the file read-write: in WAL mode a reader maps the shared-memory
    # index, which `mode=ro` cannot create. `query_only` is what makes SQLite refuse any write on it.
    uri = _uri(path, "rw" if readonly else "rwc")
    conn = sqlite3.connect(
        uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10.0, factory=connection_class
    )
    conn.row_factory = sqlite3.Row
    conn.text_factory = _decode_text
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    if readonly:
        conn.execute("PRAGMA query_only = ON")
    return conn


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All-or-nothing: a crash or an exception inside leaves the library as it was."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite has already rolled back by itself after some failures (a full disk, an I/O error); a
        # second ROLLBACK would then raise and hide the error that says what happened.
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


def run_script(conn: sqlite3.Connection, sql: str) -> None:
    """Run DDL statements one by one: `executescript` would commit the migration's transaction."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


def backup_before_upgrade(path: Path, from_version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{from_version}-{stamp}.bak")
    src = sqlite3.connect(_uri(path, "ro"), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def open_library(
    path: Path, *, migrations: list[Migration] | None = None, readonly: bool = False
) -> sqlite3.Connection:
    """Open (creating if needed) and upgrade the library at `path`.

    `readonly` gives a connection that can only read (the window's, beside the one writer): it neither
    creates nor upgrades the file, so the writer must have opened it first.
    """
    if migrations is None:
        from reader.store.schema import MIGRATIONS

        migrations = MIGRATIONS
    path = path.expanduser()
    if readonly:
        return _open_for_reading(path, len(migrations))
    if path.exists() and path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file")
    if path.exists() and not path.is_file():
        raise LibraryError(f"{path} is not a library file (it is a device or a pipe); give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"cannot create the folder for the library {path}: {exc.strerror}") from exc
    existed = path.exists() and path.stat().st_size > 0
    try:
        conn = _connect(path)
        foreign = _foreign_tables(conn)
        if foreign:
            conn.close()
            raise LibraryError(
                f"{path} is not a reader library but another program's database (tables: {', '.join(foreign)}); "
                "it was left untouched: choose another file for the library"
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        version = user_version(conn)
        # Reading the schema proves the file is a database; a full integrity check would read every
        # page (seconds for a large library), so damage deeper in is reported when it is met.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(_explain(path, exc)) from exc
    _upgrade(conn, path, version, migrations, existed)
    return conn


def _upgrade(conn: sqlite3.Connection, path: Path, version: int, migrations: list[Migration], existed: bool) -> None:
    """Run the migrations the file lacks, each in its own transaction, after copying an existing library."""
    if version > len(migrations):
        conn.close()
        raise LibraryError(
            f"the library {path} was written by a newer version of reader (schema {version}); please upgrade"
        )
    if version == len(migrations):
        return
    if existed and version > 0:
        try:
            backup_before_upgrade(path, version)
        except (sqlite3.DatabaseError, OSError) as exc:
            conn.close()
            raise LibraryError(f"cannot copy the library before upgrading it: {exc}") from exc
    try:
        for number in range(version, len(migrations)):
            with transaction(conn):
                migrations[number](conn)
                conn.execute(f"PRAGMA user_version = {number + 1}")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise LibraryError(_explain(path, exc)) from exc


def _open_for_reading(path: Path, expected_version: int) -> sqlite3.Connection:
    if not path.is_file():
        raise LibraryError(f"{path} is not a library file")
    try:
        conn = _connect(path, readonly=True)
        version = user_version(conn)
    except sqlite3.DatabaseError as exc:
        raise LibraryError(_explain(path, exc)) from exc
    if version != expected_version:
        conn.close()
        raise LibraryError(
            f"the library {path} has schema {version}, not {expected_version}: open it for writing first"
        )
    return conn


def _foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of a database that is not a library (no `documents` table); empty for ours or a new file.

    Checked before anything is written (even switching to WAL rewrites the header), so another
    program's file given by mistake is refused byte for byte unchanged.
    """
    names = [str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    names = [n for n in names if not n.startswith("sqlite_")]
    if not names or "documents" in names:
        return []
    return sorted(names)[:5] + (["…"] if len(names) > 5 else [])


def _explain(path: Path, exc: sqlite3.Error) -> str:
    message = str(exc)
    if "not a database" in message:
        return f"{path} is not a reader library or is damaged ({message})"
    return explain(path, exc)


def explain(path: Path, exc: sqlite3.Error) -> str:
    """One line for a failure of the library file: what happened and what the user can do about it."""
    message = str(exc)
    code = str(getattr(exc, "sqlite_errorname", "") or "")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message or "busy" in message:
        return (
            f"the library {path} is locked by another program (a reader window, or a tool writing to it); "
            "close it or wait, then try again"
        )
    if code.startswith("SQLITE_FULL") or "full" in message:
        return f"the disk holding the library {path} is full; free some space and try again (nothing was saved)"
    if code.startswith("SQLITE_IOERR") or "disk I/O error" in message:
        return (
            f"cannot write to the library {path} ({message}): the disk may be full or failing; "
            "free some space or check the disk, then try again (nothing was saved)"
        )
    if code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in message or "not a database" in message:
        return (
            f"the library {path} is damaged ({message}); restore a copy (reader keeps .bak files beside it) "
            f"or rescue what is left with: sqlite3 {path} .recover"
        )
    if code.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN")) or "readonly" in message:
        return f"cannot write to the library {path} ({message}); check the file's permissions"
    return f"the library {path} failed: {message}"


def copy_library(path: Path, target: Path) -> None:
    shutil.copy2(path, target)
