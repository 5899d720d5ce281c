"""Imports under way, so that one interrupted by a quit or a crash can be offered again (schema 14).

An import notes its files when it starts and removes the note when it ends or the user cancels it;
quitting the window in the middle, or the process dying, leaves the note, and the next start finds it.
With the last note gone the OCR'd pages kept for unfinished imports go too (see `ocr_pages`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.store.db import transaction
from reader.store.ocr_pages import OcrPageStore


@dataclass(frozen=True)
class PendingImport:
    """An import that has not ended: its note's id, its files (as given to the import loop) and when it
    started (UTC, ISO 8601)."""

    id: int
    paths: tuple[str, ...]
    started_at: str


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PendingImports:
    """The notes of unfinished imports over one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self) -> list[PendingImport]:
        """Every unfinished import, oldest first; a note whose paths cannot be read counts no files."""
        out = []
        for row in self.conn.execute("SELECT id, paths, started_at FROM pending_imports ORDER BY id"):
            try:
                paths = json.loads(row[1])
                found = tuple(str(p) for p in paths) if isinstance(paths, list) else ()
            except ValueError:
                found = ()
            out.append(PendingImport(int(row[0]), found, str(row[2])))
        return out

    def begin(self, paths: Sequence[str], replaces: Iterable[int] = ()) -> int:
        """Note an import of `paths`; the notes in `replaces` (the unfinished imports it takes up again)
        go in the same transaction, so a resumed import is noted exactly once whenever it is stopped."""
        with transaction(self.conn):
            self._remove(replaces)
            cursor = self.conn.execute(
                "INSERT INTO pending_imports (paths, started_at) VALUES (?, ?)",
                (json.dumps(list(paths), ensure_ascii=False), _now()),
            )
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def finish(self, ids: Iterable[int]) -> None:
        """The imports ended, were cancelled or discarded: their notes go, and with the last note the kept
        OCR'd pages, in one transaction."""
        with transaction(self.conn):
            self._remove(ids)
            if self.conn.execute("SELECT 1 FROM pending_imports LIMIT 1").fetchone() is None:
                OcrPageStore(self.conn).clear()

    def _remove(self, ids: Iterable[int]) -> None:
        self.conn.executemany("DELETE FROM pending_imports WHERE id = ?", [(i,) for i in ids])
