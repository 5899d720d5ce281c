"""Opening the library file: WAL mode, numbered migrations, a copy taken before any upgrade.

The library must survive a crash and an upgrade. Each migration runs in its own transaction, and before
an existing library is upgraded the file is copied beside itself, so a failed upgrade never costs data.
A locked or damaged file is reported with a message, never a traceback.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path


class LibraryError(Exception):
    """The library file cannot be used; the message says why in one line."""


Migration = Callable[[sqlite3.Connection], None]


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}?mode=rwc"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
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
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def run_script(conn: sqlite3.Connection, sql: str) -> None:
    """Run DDL statements one by one: `executescript` would commit the migration's transaction."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


def backup_before_upgrade(path: Path, from_version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{from_version}-{stamp}.bak")
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def open_library(path: Path, *, migrations: list[Migration] | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and upgrade the library at `path`."""
    if migrations is None:
        from reader.store.schema import MIGRATIONS

        migrations = MIGRATIONS
    path = path.expanduser()
    if path.exists() and path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(f"cannot create the folder for the library {path}: {exc.strerror}") from exc
    existed = path.exists() and path.stat().st_size > 0
    try:
        conn = _connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        version = user_version(conn)
        # Reading the schema proves the file is a database; a full integrity check would read every
        # page (seconds for a large library), so damage deeper in is reported when it is met.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise LibraryError(_explain(path, exc)) from exc
    if version > len(migrations):
        conn.close()
        raise LibraryError(
            f"the library {path} was written by a newer version of reader (schema {version}); please upgrade"
        )
    if version < len(migrations):
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
    return conn


def _explain(path: Path, exc: sqlite3.DatabaseError) -> str:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return f"the library {path} is locked by another program; close it and try again"
    if "not a database" in message or "malformed" in message or "disk image" in message:
        return f"{path} is not a reader library or is damaged ({message})"
    if "readonly" in message or "unable to open" in message:
        return f"cannot open the library {path} for writing ({message})"
    return f"cannot use the library {path}: {message}"


def copy_library(path: Path, target: Path) -> None:
    shutil.copy2(path, target)
