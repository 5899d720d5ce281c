"""Each document's file exactly as it was imported, kept beside the text decoded from it.

The decoded text cannot give the file back (a damaged byte was replaced, a PDF is not its text), so
the bytes are kept too, in their own table: a documents row is rewritten on every edit, and a large
blob in it would be rewritten with it. `state` says what the row holds: "kept" (the bytes), "missing"
(the file was gone or had changed when a library made before this table was upgraded), "unchecked"
(such a library's documents until their files are looked at).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

KEPT, MISSING, UNCHECKED = "kept", "missing", "unchecked"


@dataclass(frozen=True)
class Unchecked:
    """A document stored before files were kept: where its file was, and the hash of what it held."""

    doc_id: int
    path: str
    content_hash: str


def keep(conn: sqlite3.Connection, doc_id: int, data: bytes | None) -> None:
    """Record a document's file (None: it could not be kept); inside the caller's transaction."""
    conn.execute(
        "INSERT OR REPLACE INTO document_files (doc_id, data, state) VALUES (?, ?, ?)",
        (doc_id, data, KEPT if data is not None else MISSING),
    )


def original_file(conn: sqlite3.Connection, doc_id: int) -> bytes | None:
    """The file as imported, or None when it was not kept."""
    row = conn.execute("SELECT data FROM document_files WHERE doc_id = ? AND state = ?", (doc_id, KEPT)).fetchone()
    return None if row is None else bytes(row[0])


def state(conn: sqlite3.Connection, doc_id: int) -> str | None:
    row = conn.execute("SELECT state FROM document_files WHERE doc_id = ?", (doc_id,)).fetchone()
    return None if row is None else str(row[0])


def unchecked(conn: sqlite3.Connection, limit: int = 1000) -> list[Unchecked]:
    rows = conn.execute(
        # The state is written into the statement, not bound: only then can SQLite use the partial index
        # of unchecked files (schema 11) instead of reading every row.
        f"""SELECT d.id, coalesce(d.path, ''), d.content_hash FROM document_files f JOIN documents d ON d.id = f.doc_id
           WHERE f.state = '{UNCHECKED}' ORDER BY f.doc_id LIMIT ?""",
        (limit,),
    )
    return [Unchecked(int(r[0]), str(r[1]), str(r[2])) for r in rows]


def kept_copies(conn: sqlite3.Connection, data: bytes, kind: str) -> list[int]:
    """The documents of importer `kind` whose kept file is exactly `data`, oldest first.

    Documents store their file's size, so only the few of that size are compared byte for byte: the
    scan reads one row of `documents` per document (its first columns, never its text) and fetches
    the kept bytes of a size match only."""
    rows = conn.execute(
        f"""SELECT d.id FROM documents d JOIN document_files f ON f.doc_id = d.id
           WHERE d.size = ? AND d.kind = ? AND f.state = '{KEPT}' AND f.data = ? ORDER BY d.id""",
        (len(data), kind, data),
    )
    return [int(r[0]) for r in rows]
