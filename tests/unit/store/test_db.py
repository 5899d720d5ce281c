"""Opening, upgrading and refusing library files."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from reader.store import schema
from reader.store.db import LibraryError, explain, open_library, transaction, user_version


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


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match=r"another program's database .*contacts"):
        open_library(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["a?b.sqlite", "c#d.sqlite", "e%20f.sqlite", "g h.sqlite"])
def test_uri_characters_in_the_name_open_that_very_file(tmp_path: Path, name: str) -> None:
    open_library(tmp_path / name).close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [name]


def test_a_pipe_is_not_a_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    os.mkfifo(path)
    with pytest.raises(LibraryError, match="not a library file"):
        open_library(path)


def test_a_failed_commit_or_statement_is_not_hidden_by_the_rollback(tmp_path: Path) -> None:
    """After some errors SQLite rolls back by itself; the error the caller sees must still be the first."""
    conn = open_library(tmp_path / "lib.sqlite")
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):
        conn.execute("INSERT INTO library_meta (key, value) VALUES ('k', 'v')")
        conn.execute("ROLLBACK")  # what SQLite does on its own after a full disk or an I/O error
        conn.execute("INSERT INTO documents (id) VALUES (NULL)")
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM library_meta").fetchone()[0] == 0
    conn.close()


def test_invalid_utf8_in_a_cell_reads_with_replacement_characters(tmp_path: Path) -> None:
    conn = open_library(tmp_path / "lib.sqlite")
    conn.execute("INSERT INTO library_meta (key, value) VALUES ('k', CAST(X'E4BDFF41' AS TEXT))")
    assert (
        conn.execute("SELECT value FROM library_meta").fetchone()[0] == "\ufffd\ufffdA"
    )  # the cut sequence, then the bad byte
    conn.close()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        ("SQLITE_BUSY", "locked by another program"),
        ("SQLITE_FULL", "disk holding the library .* is full"),
        ("SQLITE_IOERR_WRITE", "disk may be full"),
        ("SQLITE_CORRUPT", "damaged .*recover"),
        ("SQLITE_READONLY", "permissions"),
    ],
)
def test_every_failure_is_explained_in_one_line(error: str, words: str) -> None:
    exc = sqlite3.OperationalError("something went wrong")
    exc.sqlite_errorname = error
    message = explain(Path("/x/lib.sqlite"), exc)
    assert "\n" not in message
    assert re.search(words, message)
