"""Scanned pages as OCR read them, kept while an import that may need them is unfinished (schema 14).

A page is written as soon as it is read, so an import interrupted after page k of a 200-page scan (the
user quit, the machine went down) reads only the pages after k when it is started again. A page is keyed
by the file's bytes (SHA-256), the engine's version and its index; its `result` is the importer's own text
of the page, which the store keeps without reading it.

How long pages are kept: while any import is unfinished (`pending_imports`), and no longer; the last one
to end, be cancelled or be discarded clears the table (`pending_imports.finish`). Not dropped as each
document is stored: the note marks a file done in a write of its own after the document's, so a scan
stored just before a crash comes up again when the import is taken up; it is then found stored by its
bytes before it is read (`importing._stored_copy`), and a scan whose stored reading lacks a page is read
again, with its kept pages making that free. Nor kept after: the stored document's raw text holds every
page's reading, so re-deriving never needs them, and pages kept for files that may never be imported
again would only grow the library. So the table holds at most the pages of the files of unfinished
imports (a few KB a page).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from reader.store.db import transaction


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class OcrPageStore:
    """OCR'd pages over one connection: the import thread's reading one, or the writer's."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, content: str, engine: str, page: int) -> str | None:
        """The kept reading of one page, None when there is none."""
        row = self.conn.execute(
            "SELECT result FROM ocr_pages WHERE content = ? AND engine = ? AND page = ?", (content, engine, page)
        ).fetchone()
        return None if row is None else str(row[0])

    def put(self, content: str, engine: str, page: int, result: str) -> None:
        """Keep one page's reading (a page read again replaces what was kept), in its own transaction."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO ocr_pages (content, engine, page, result, read_at) VALUES (?, ?, ?, ?, ?)",
                (content, engine, page, result, _now()),
            )

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM ocr_pages").fetchone()[0])

    def clear(self) -> None:
        """Forget every page (inside the caller's transaction)."""
        self.conn.execute("DELETE FROM ocr_pages")
