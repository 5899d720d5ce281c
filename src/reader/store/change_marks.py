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
    documents: dict[int, str] = field(default_factory=dict)  # id -> updated_at
    annotations: dict[int, tuple[int, str]] = field(default_factory=dict)  # doc id -> (count, last modified)
    organised: tuple[int, int, int] = (0, 0, 0)  # collections, collection entries, document tags


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes whenever another connection has committed to the library."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def read_marks(conn: sqlite3.Connection) -> Marks:
    documents = {int(i): str(u) for i, u in conn.execute("SELECT id, updated_at FROM documents")}
    annotations = {
        int(d): (int(n), str(m or ""))
        for d, n, m in conn.execute("SELECT doc_id, count(*), max(modified) FROM annotations GROUP BY doc_id")
    }
    organised = conn.execute(
        "SELECT (SELECT count(*) FROM collections), (SELECT count(*) FROM collection_documents),"
        " (SELECT count(*) FROM document_tags)"
    ).fetchone()
    return Marks(documents, annotations, (int(organised[0]), int(organised[1]), int(organised[2])))
