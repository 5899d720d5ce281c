"""Opening, upgrading and refusing library files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.store import schema
from reader.store.db import LibraryError, open_library, user_version


def test_new_library_is_wal_and_current(tmp_path: Path) -> None:
    conn = open_library(tmp_path / "lib.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert user_version(conn) == len(schema.MIGRATIONS)
    conn.close()


def test_upgrade_takes_a_copy_first(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    first = schema.MIGRATIONS[:1]
    open_library(path, migrations=first).close()

    def add_table(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE extra (x INTEGER)")

    conn = open_library(path, migrations=[*first, add_table])
    assert user_version(conn) == 2
    conn.close()
    backups = list(tmp_path.glob("lib.sqlite.v1-*.bak"))
    assert len(backups) == 1
    assert user_version(sqlite3.connect(backups[0])) == 1


def test_failed_migration_rolls_back(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    first = schema.MIGRATIONS[:1]
    open_library(path, migrations=first).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x INTEGER)")
        conn.execute("THIS IS NOT SQL")

    with pytest.raises(LibraryError):
        open_library(path, migrations=[*first, broken])
    conn = sqlite3.connect(path)
    assert user_version(conn) == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0


def test_garbage_file_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    path.write_bytes(b"this is certainly not a database" * 100)
    with pytest.raises(LibraryError, match="not a reader library or is damaged"):
        open_library(path)
    assert path.read_bytes().startswith(b"this is certainly")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(LibraryError, match="newer version"):
        open_library(path)


def test_locked_library_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    open_library(path).close()
    other = sqlite3.connect(path, timeout=0.1)
    other.execute("PRAGMA journal_mode = DELETE")
    other.execute("PRAGMA user_version = 0")  # forces a migration attempt
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryError, match=r"locked|cannot use|damaged"):
            import reader.store.db as db

            original = db._connect

            def quick(p: Path, *, readonly: bool = False) -> sqlite3.Connection:
                conn = original(p, readonly=readonly)
                conn.execute("PRAGMA busy_timeout = 100")
                return conn

            db._connect = quick  # type: ignore[assignment]
            try:
                open_library(path)
            finally:
                db._connect = original  # type: ignore[assignment]
    finally:
        other.rollback()
        other.close()


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="folder"):
        open_library(tmp_path)
