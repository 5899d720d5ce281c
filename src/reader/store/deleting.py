"""Deleting documents with everything stored about them, in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from reader.store import search
from reader.store.db import transaction
from reader.store.documents_query import valid_id


@dataclass(frozen=True)
class Deleted:
    """A document `Library.delete` removed: enough to tell the user what went."""

    id: int
    title: str
    annotations: int

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "annotations": self.annotations}


def delete_documents(conn: sqlite3.Connection, doc_ids: Iterable[int]) -> list[Deleted]:
    """Remove documents and everything stored about them, all in one transaction; returns what went
    (ids that name no document are skipped).

    Every table with a `doc_id` column is cleared explicitly rather than trusting `ON DELETE CASCADE`,
    so a table added later, or one without a foreign key (the search index), is never left holding
    rows of a document that is gone.
    """
    deleted: list[Deleted] = []
    with transaction(conn):
        tables = tables_with_doc_id(conn)
        for doc_id in dict.fromkeys(doc_ids):
            if valid_id(doc_id):
                gone = _delete_one(conn, doc_id, tables)
                if gone is not None:
                    deleted.append(gone)
    return deleted


def _delete_one(conn: sqlite3.Connection, doc_id: int, tables: list[str]) -> Deleted | None:
    row = conn.execute(
        "SELECT id, coalesce(nullif(title, ''), filename, '') FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        return None
    notes = conn.execute("SELECT count(*) FROM annotations WHERE doc_id = ?", (doc_id,)).fetchone()
    search.remove_document(conn, doc_id)  # the full-text rows first: it reads search_packed
    for table in tables:
        conn.execute(f'DELETE FROM "{table}" WHERE doc_id = ?', (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    return Deleted(id=doc_id, title=str(row[1]), annotations=int(notes[0]))


def tables_with_doc_id(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables that hold rows per document (virtual full-text tables are cleared by `search`)."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return [
        name
        for name in names
        if any(col[1] == "doc_id" for col in conn.execute("SELECT * FROM pragma_table_info(?)", (name,)))
    ]
