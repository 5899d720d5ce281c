"""Where the reader stopped in each document: a code-point offset into its cleaned text, and when.

An offset rather than a scroll value, so the place survives script views (which keep offsets), other
window sizes and fonts. Positions are written every few seconds while reading, so they live in their own
small table (migration 7) instead of the `documents` row that carries the whole text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from reader.store.db import transaction


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class PositionStore:
    """Reading positions over one connection (the caller's: the window's, or a test's)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, doc_id: int) -> int:
        """The remembered offset, 0 (the start) for a document never read or unknown."""
        row = self.conn.execute("SELECT position FROM reading_positions WHERE doc_id = ?", (doc_id,)).fetchone()
        return 0 if row is None else max(0, int(row[0]))

    def last_read(self, doc_id: int) -> str | None:
        """When the position was last saved (UTC, ISO 8601), None if never."""
        row = self.conn.execute("SELECT read_at FROM reading_positions WHERE doc_id = ?", (doc_id,)).fetchone()
        return None if row is None else str(row[0])

    def set(self, doc_id: int, offset: int) -> bool:
        """Remember `offset` for a document; False (nothing written) when the document is gone.

        Writing the same offset again only refreshes the time, so "last read" follows opening too.
        """
        with transaction(self.conn):
            exists = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if exists is None:
                return False
            self.conn.execute(
                "INSERT INTO reading_positions (doc_id, position, read_at) VALUES (?, ?, ?) "
                "ON CONFLICT(doc_id) DO UPDATE SET position = excluded.position, read_at = excluded.read_at",
                (doc_id, max(0, offset), _now()),
            )
        return True

    def move(self, doc_id: int, carry: Callable[[int], int]) -> None:
        """Move a remembered position onto a document's new text (caller's transaction), keeping when it
        was read: the text changed under the reader, who did not read it again."""
        row = self.conn.execute("SELECT position FROM reading_positions WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is not None and int(row[0]) > 0:
            moved = max(0, carry(int(row[0])))
            self.conn.execute("UPDATE reading_positions SET position = ? WHERE doc_id = ?", (moved, doc_id))

    def read_times(self) -> dict[int, str]:
        """When each document was last read (documents never read are absent): one scan of a table
        with a row per document read, for the list's Last read column and its unread marks."""
        return {int(r[0]): str(r[1]) for r in self.conn.execute("SELECT doc_id, read_at FROM reading_positions")}

    def recent(self, limit: int = 20) -> list[tuple[int, str]]:
        """Documents by when they were last read, newest first: (id, read_at)."""
        rows = self.conn.execute(
            "SELECT doc_id, read_at FROM reading_positions ORDER BY read_at DESC, doc_id DESC LIMIT ?", (limit,)
        )
        return [(int(r[0]), str(r[1])) for r in rows]
