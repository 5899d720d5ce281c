"""What another process changed in the library: a cheap mark of each document, annotation set and the
library's organisation, compared between two moments.

The window writes through its own writer and hears of its changes from it; the command line or a second
window write from other processes, and nothing tells the window. SQLite's `data_version` does: it moves
whenever another connection commits, so a window can look now and then at almost no cost, and read these
marks only when it moved.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Marks:
    documents: dict[int, tuple[str, int, int, str, str]] = field(default_factory=dict)  # id -> what is shown
    annotations: dict[int, tuple[int, str]] = field(default_factory=dict)  # doc id -> (count, last modified)
    overrides: dict[int, tuple[int, str]] = field(default_factory=dict)  # doc id -> metadata edits
    organised: tuple[object, ...] = ()  # collections, their entries, document tags


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes whenever another connection has committed to the library."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def read_marks(conn: sqlite3.Connection) -> Marks:
    """The marks of every document (when it was stored, by which cleaner, its length, title and date: a
    re-cleaning or an edit may leave the time as it was), its metadata edits and annotations, and the
    library's organisation. It reads every document's row: called only when another process wrote."""
    documents = {
        int(i): (str(u), int(v), int(c), str(t or ""), str(d or ""))
        for i, u, v, c, t, d in conn.execute(
            "SELECT id, updated_at, cleaner_version, chars, title, date FROM documents"
        )
    }
    overrides = {
        int(d): (int(n), str(v or ""))
        for d, n, v in conn.execute(
            "SELECT doc_id, count(*), group_concat(field || '=' || coalesce(value, ''), '|')"
            " FROM metadata_overrides GROUP BY doc_id"
        )
    }
    annotations = {
        int(d): (int(n), str(m or ""))
        for d, n, m in conn.execute("SELECT doc_id, count(*), max(modified) FROM annotations GROUP BY doc_id")
    }
    organised = tuple(
        conn.execute(
            "SELECT (SELECT group_concat(id || ':' || name, '|') FROM collections),"
            " (SELECT count(*) || ':' || total(collection_id * 1000003 + doc_id) FROM collection_documents),"
            " (SELECT count(*) || ':' || total(doc_id) || ':' || group_concat(tag, '|') FROM document_tags)"
        ).fetchone()
    )
    return Marks(documents, annotations, overrides, organised)
