"""Imports under way, so that one interrupted by a quit or a crash can be finished later (schema 14).

An import notes its files when it starts, marks each file once it is stored (or skipped for good), and
removes the note when it ends or the user cancels it; quitting the window in the middle, or the process
dying, leaves the note, and the next start finds it with the files still to do. Taking it up again
reads only those: a batch of scans stopped at its twentieth file does not read the first nineteen again.
With the last note gone the OCR'd pages kept for unfinished imports go too (see `ocr_pages`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.store.db import transaction
from reader.store.ocr_pages import OcrPageStore


@dataclass(frozen=True)
class PendingImport:
    """An import that has not ended: its note's id, the files it had still to do (in the order it was
    given them), how many it had done, and when it started (UTC, ISO 8601)."""

    id: int
    paths: tuple[str, ...]
    done: int
    started_at: str


def _path_value(path: str) -> bytes:
    """A path as the file system's bytes: a file name that is not UTF-8 arrives with lone surrogates
    (surrogateescape), which SQLite text cannot hold, and resuming must open exactly that file."""
    return os.fsencode(path)


def _path_of(value: object) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else str(value)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PendingImports:
    """The notes of unfinished imports over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self) -> list[PendingImport]:
        """Every unfinished import, oldest first."""
        out = []
        for row in self.conn.execute("SELECT id, started_at FROM pending_imports ORDER BY id").fetchall():
            files = self._files(int(row[0]))
            left = tuple(path for path, done in files if not done)
            out.append(PendingImport(int(row[0]), left, len(files) - len(left), str(row[1])))
        return out

    def _files(self, import_id: int) -> list[tuple[str, bool]]:
        rows = self.conn.execute(
            "SELECT path, done, seq FROM pending_import_files WHERE import_id = ? ORDER BY seq", (import_id,)
        )
        return [(_path_of(r[0]), bool(r[1])) for r in rows]

    def begin(self, paths: Sequence[str], replaces: Iterable[int] = ()) -> int:
        """Note an import of `paths`; the notes in `replaces` (the unfinished imports it takes up again)
        go in the same transaction, so a resumed import is noted exactly once whenever it is stopped."""
        with transaction(self.conn):
            self._remove(replaces)
            cursor = self.conn.execute("INSERT INTO pending_imports (started_at) VALUES (?)", (_now(),))
            assert cursor.lastrowid is not None
            import_id = int(cursor.lastrowid)
            self.conn.executemany(
                "INSERT OR IGNORE INTO pending_import_files (import_id, path, seq) VALUES (?, ?, ?)",
                [(import_id, _path_value(path), seq) for seq, path in enumerate(paths)],
            )
        return import_id

    def file_done(self, import_id: int, path: str) -> None:
        """One file of the import is stored (or skipped for good): taking the import up again skips it."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE pending_import_files SET done = 1 WHERE import_id = ? AND path = ?",
                (import_id, _path_value(path)),
            )

    def finish(self, ids: Iterable[int]) -> None:
        """The imports ended, were cancelled or discarded: their notes go, and with the last note the kept
        OCR'd pages, in one transaction."""
        with transaction(self.conn):
            self._remove(ids)
            if self.conn.execute("SELECT 1 FROM pending_imports LIMIT 1").fetchone() is None:
                OcrPageStore(self.conn).clear()

    def _remove(self, ids: Iterable[int]) -> None:
        rows = [(i,) for i in ids]
        self.conn.executemany("DELETE FROM pending_import_files WHERE import_id = ?", rows)
        self.conn.executemany("DELETE FROM pending_imports WHERE id = ?", rows)
