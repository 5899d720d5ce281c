"""Deleting documents with everything stored about them, in one transaction; and, for the window's undo,
keeping every row that went so the same documents can come back (same ids, annotations, files).

A snapshot holds the rows themselves, not a description of them: whatever table a later version adds
with a `doc_id` column is kept and restored without this module knowing it. The search index is not
kept but rebuilt on restore (its tables are derived, and FTS5 rows cannot be copied back as rows).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from reader.store import search
from reader.store.db import transaction
from reader.store.derived_writing import ID_FLOOR
from reader.store.documents_query import valid_id


@dataclass(frozen=True)
class Deleted:
    """A document `Library.delete` removed: enough to tell the user what went."""

    id: int
    title: str
    annotations: int

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "annotations": self.annotations}


@dataclass(frozen=True)
class TableRows:
    """The rows one table held for one document, with the column names they were read under."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class DocumentRows:
    """Everything stored about one document: its `documents` row first, then each table's rows."""

    id: int
    title: str
    tables: tuple[TableRows, ...] = field(repr=False)


@dataclass(frozen=True)
class Snapshot:
    """Rows of documents about to be deleted, enough to put them back exactly (see `restore`)."""

    documents: tuple[DocumentRows, ...] = ()

    @property
    def ids(self) -> list[int]:
        return [d.id for d in self.documents]


@dataclass(frozen=True)
class Restored:
    """What `restore` brought back, and what it could not (the id or the file was taken since).

    `holders` maps a skipped document to the document that now holds the same file (imported again
    since): the deleted document's annotations belong there, and the operations layer carries them over
    (`moved`, `orphaned`: how many annotations were put there, and how many of those as orphans).
    """

    ids: list[int]
    skipped: list[int]
    holders: dict[int, int] = field(default_factory=dict)
    moved: int = 0
    orphaned: int = 0


def delete_documents(conn: sqlite3.Connection, doc_ids: Iterable[int]) -> list[Deleted]:
    """Remove documents and everything stored about them, all in one transaction; returns what went
    (ids that name no document are skipped).

    Every table with a `doc_id` column is cleared explicitly rather than trusting `ON DELETE CASCADE`,
    so a table added later, or one without a foreign key (the search index), is never left holding
    rows of a document that is gone.
    """
    with transaction(conn):
        return _delete(conn, list(dict.fromkeys(doc_ids)))


def delete_keeping(conn: sqlite3.Connection, doc_ids: Iterable[int]) -> tuple[list[Deleted], Snapshot]:
    """`delete_documents`, having first read every row that goes, in the same transaction (so nothing
    can change between the snapshot and the deletion)."""
    ids = list(dict.fromkeys(doc_ids))
    with transaction(conn):
        kept = snapshot(conn, ids)
        return _delete(conn, ids), kept


def _delete(conn: sqlite3.Connection, ids: list[int]) -> list[Deleted]:
    deleted: list[Deleted] = []
    tables = tables_with_doc_id(conn)
    for doc_id in ids:
        if valid_id(doc_id):
            gone = _delete_one(conn, doc_id, tables)
            if gone is not None:
                deleted.append(gone)
    return deleted


def snapshot(conn: sqlite3.Connection, doc_ids: Sequence[int]) -> Snapshot:
    """Every row of these documents: the `documents` row and the rows of each table with a `doc_id`
    column, the search index excepted (`restore` rebuilds it). Ids that name no document are left out."""
    tables = [t for t in tables_with_doc_id(conn) if not t.startswith("search_")]
    kept: list[DocumentRows] = []
    for doc_id in dict.fromkeys(doc_ids):
        if not valid_id(doc_id):
            continue
        own = _rows(conn, "documents", "id", doc_id)
        if not own.rows:
            continue
        names = dict(zip(own.columns, own.rows[0], strict=True))
        title = str(names.get("title") or names.get("filename") or "")
        others = tuple(rows for table in tables if (rows := _rows(conn, table, "doc_id", doc_id)).rows)
        kept.append(DocumentRows(id=doc_id, title=title, tables=(own, *others)))
    return Snapshot(tuple(kept))


def _rows(conn: sqlite3.Connection, table: str, key: str, doc_id: int) -> TableRows:
    cursor = conn.execute(f'SELECT * FROM "{table}" WHERE "{key}" = ?', (doc_id,))
    rows = tuple(tuple(r) for r in cursor.fetchall())
    columns = tuple(d[0] for d in cursor.description)
    return TableRows(table, columns, rows)


def restore(
    conn: sqlite3.Connection,
    kept: Snapshot,
    reindex: Callable[[int], None],
    adopt: Callable[[DocumentRows, int], tuple[int, int]] | None = None,
) -> Restored:
    """Put deleted documents back with every row they had, in one transaction, then `reindex` each
    (the library's search indexing, inside this transaction).

    A document whose id or file (content hash) was taken since by a new import is skipped whole, and
    said so, with the document now holding its file (`Restored.holders`); `adopt(kept document, holder)`
    then carries what the user made on it to that document, in this same transaction, and returns
    (annotations put there, of which orphans); a row that points at something deleted since (a
    collection) is left out rather than failing the rest.
    """
    restored: list[int] = []
    skipped: list[int] = []
    holders: dict[int, int] = {}
    moved = orphaned = 0
    with transaction(conn):
        for document in kept.documents:
            # One savepoint per document: releasing it makes FTS5 write out what it holds pending, and
            # until then SQLite refuses to (re)register a function on the connection, which indexing the
            # next document's entity names does.
            conn.execute("SAVEPOINT restore_document")
            if _restore_one(conn, document):
                reindex(document.id)
                restored.append(document.id)
            else:
                conn.execute("ROLLBACK TO restore_document")
                skipped.append(document.id)
                holder = _holder(conn, document)
                if holder is not None:
                    holders[document.id] = holder
                    if adopt is not None:
                        put, orphans = adopt(document, holder)
                        moved += put
                        orphaned += orphans
            conn.execute("RELEASE restore_document")
    return Restored(restored, skipped, holders, moved, orphaned)


CARRIED = ("line_overrides", "metadata_overrides", "document_tags", "collection_documents")
"""What the user decided about a deleted document that a document now holding its file takes over on Undo
(with the annotations): restored or removed lines, edited metadata, tags, collections."""


def carry_over(conn: sqlite3.Connection, document: DocumentRows, holder: int) -> bool:
    """Give `holder` (the document that now holds a deleted one's file) the deleted one's line decisions,
    metadata edits, tags and collections, where the holder has none of its own for the same line, field,
    tag or collection (what the user did on it since wins). Runs inside the caller's transaction; whether
    a line decision or a metadata edit was taken (the holder is then to be derived again)."""
    rederive = False
    for rows in document.tables[1:]:
        if rows.table not in CARRIED:
            continue
        columns = ", ".join(f'"{c}"' for c in rows.columns)
        marks = ", ".join("?" * len(rows.columns))
        at = rows.columns.index("doc_id")
        for row in rows.rows:
            moved = (*row[:at], holder, *row[at + 1 :])
            try:
                cursor = conn.execute(f'INSERT OR IGNORE INTO "{rows.table}" ({columns}) VALUES ({marks})', moved)
            except sqlite3.IntegrityError:
                continue  # a collection deleted since
            if cursor.rowcount > 0 and rows.table in ("line_overrides", "metadata_overrides"):
                rederive = True
    return rederive


def _holder(conn: sqlite3.Connection, document: DocumentRows) -> int | None:
    """The document that now holds the deleted one's file (same content hash), if any."""
    digest = kept_value(document, "content_hash")
    if not isinstance(digest, str):
        return None
    row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
    return None if row is None else int(row[0])


def kept_value(document: DocumentRows, column: str) -> object:
    """One column of a kept document's own `documents` row (None when the row has no such column)."""
    own = document.tables[0]
    return dict(zip(own.columns, own.rows[0], strict=True)).get(column)


def kept_rows(document: DocumentRows, table: str) -> list[dict[str, object]]:
    """The kept rows of one table for a document, each as {column: value}."""
    return [
        dict(zip(rows.columns, row, strict=True))
        for rows in document.tables[1:]
        if rows.table == table
        for row in rows.rows
    ]


def _restore_one(conn: sqlite3.Connection, document: DocumentRows) -> bool:
    own, *others = document.tables
    try:
        _insert(conn, own, own.rows[0])
    except sqlite3.IntegrityError:
        return False  # the id or the same file was imported again since
    for table in others:
        for row in table.rows:
            try:
                _insert(conn, table, row)
            except sqlite3.IntegrityError:
                continue  # it names a row deleted since (a collection); the document comes back without it
    return True


def _insert(conn: sqlite3.Connection, table: TableRows, row: tuple[object, ...]) -> None:
    columns = ", ".join(f'"{c}"' for c in table.columns)
    marks = ", ".join("?" * len(table.columns))
    conn.execute(f'INSERT INTO "{table.table}" ({columns}) VALUES ({marks})', row)


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
    conn.execute(
        """INSERT INTO library_meta (key, value) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))""",
        (ID_FLOOR, doc_id),
    )
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
