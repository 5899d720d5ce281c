"""Writing the search index: whole documents, and the annotation-only fast path.

`index_document` replaces everything the index holds about a document: it re-tokenises the old
text to delete it, then folds and tokenises the new one, so its cost grows with the document.
`index_annotations` replaces only what annotations feed (the notes table row and the tags), so a
highlight or a note edit costs the same on a short memo and on a 200,000-character report, and
next to nothing when the notes and tags did not change (`benchmarks/bench_reindex.py`).
All functions write in the caller's transaction.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Sequence

from reader.core.query import clean, date_key, fold
from reader.store.search_schema import COLUMNS
from reader.store.search_tokens import bigrams

__all__ = ["index_annotations", "index_document", "optimise", "remove_document", "unpack"]

_INSERT = f"INSERT INTO search_fts (rowid, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"
_DELETE = f"INSERT INTO search_fts (search_fts, rowid, {', '.join(COLUMNS)}) VALUES ('delete', ?, ?, ?, ?, ?, ?)"


def index_document(
    conn: sqlite3.Connection,
    doc_id: int,
    *,
    title: str,
    text: str,
    author: str = "",
    source: str = "",
    date: str = "",
    notes: str = "",
    tags: Sequence[str] = (),
    entities: Sequence[str] = (),
) -> None:
    """Index (or re-index) one document, replacing any previous entry for `doc_id`."""
    remove_document(conn, doc_id)
    # The retired notes column stays empty: notes go to their own table (see search_schema).
    fields = [fold(title), fold(text), "", fold(author), fold(source)]
    conn.execute(_INSERT, (doc_id, *map(bigrams, fields)))
    conn.execute(
        "INSERT INTO search_docs (doc_id, title, source, source_key, date_key, length) VALUES (?, ?, ?, ?, ?, ?)",
        (doc_id, clean(title), clean(source), fields[4].strip(), date_key(date), len(text)),
    )
    conn.execute("INSERT INTO search_packed (doc_id, packed) VALUES (?, ?)", (doc_id, pack(fields)))
    _insert_notes(conn, doc_id, fold(notes))
    conn.executemany("INSERT INTO search_tags (norm, doc_id, tag) VALUES (?, ?, ?)", _tag_rows(doc_id, tags))
    conn.executemany(
        "INSERT OR IGNORE INTO search_entities (norm, doc_id) VALUES (?, ?)",
        [(fold(e).strip(), doc_id) for e in entities if e.strip()],
    )


def index_annotations(conn: sqlite3.Connection, doc_id: int, notes: str, tags: Sequence[str]) -> bool:
    """Bring the index in line with a document's annotations without touching its title or body.

    `notes` and `tags` mean what they mean to `index_document`: all of the document's notes as one
    text, all of its tags. Returns whether anything was written: False when both are what the index
    already holds (two small reads), and False for a document that is not indexed, which this
    function does not index (that takes `index_document`).
    """
    if conn.execute("SELECT 1 FROM search_docs WHERE doc_id = ?", (doc_id,)).fetchone() is None:
        return False
    changed = _replace_notes(conn, doc_id, fold(notes))
    return _replace_tags(conn, doc_id, tags) or changed


def remove_document(conn: sqlite3.Connection, doc_id: int) -> None:
    """Drop a document from the index; a no-op when it is not indexed."""
    _delete_notes(conn, doc_id)
    row = conn.execute("SELECT packed FROM search_packed WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return
    conn.execute(_DELETE, (doc_id, *map(bigrams, unpack(row[0]))))
    for table in ("search_docs", "search_packed", "search_tags", "search_entities"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


def optimise(conn: sqlite3.Connection) -> None:
    """Merge the index into one segment: worth it after a large import, queries read fewer pages."""
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO search_notes_fts (search_notes_fts) VALUES ('optimize')")


def pack(fields: list[str]) -> bytes:
    """The folded fields of a search_fts row, in column order, as stored in search_packed."""
    return zlib.compress(json.dumps(fields, ensure_ascii=False).encode("utf-16-le"), 6)


def unpack(packed: bytes) -> list[str]:
    """The inverse of `pack`."""
    fields: list[str] = json.loads(zlib.decompress(packed).decode("utf-16-le"))
    return fields


def _insert_notes(conn: sqlite3.Connection, doc_id: int, folded: str) -> None:
    if folded:
        conn.execute("INSERT INTO search_notes (doc_id, notes) VALUES (?, ?)", (doc_id, folded))
        conn.execute("INSERT INTO search_notes_fts (rowid, notes) VALUES (?, ?)", (doc_id, bigrams(folded)))


def _delete_notes(conn: sqlite3.Connection, doc_id: int) -> str:
    """Remove the document's notes rows; returns the folded notes they held ('' for none)."""
    row = conn.execute("SELECT notes FROM search_notes WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return ""
    conn.execute(
        "INSERT INTO search_notes_fts (search_notes_fts, rowid, notes) VALUES ('delete', ?, ?)",
        (doc_id, bigrams(row[0])),
    )
    conn.execute("DELETE FROM search_notes WHERE doc_id = ?", (doc_id,))
    return str(row[0])


def _replace_notes(conn: sqlite3.Connection, doc_id: int, folded: str) -> bool:
    row = conn.execute("SELECT notes FROM search_notes WHERE doc_id = ?", (doc_id,)).fetchone()
    if (row[0] if row else "") == folded:
        return False
    _delete_notes(conn, doc_id)
    _insert_notes(conn, doc_id, folded)
    return True


def _tag_rows(doc_id: int, tags: Sequence[str]) -> list[tuple[str, int, str]]:
    """One row per distinct folded tag; the first spelling given is the one shown in facets."""
    rows: dict[str, tuple[str, int, str]] = {}
    for tag in tags:
        if tag.strip():
            norm = fold(tag).strip()
            rows.setdefault(norm, (norm, doc_id, clean(tag.strip())))
    return list(rows.values())


def _replace_tags(conn: sqlite3.Connection, doc_id: int, tags: Sequence[str]) -> bool:
    wanted = _tag_rows(doc_id, tags)
    rows = conn.execute("SELECT norm, doc_id, tag FROM search_tags WHERE doc_id = ?", (doc_id,))
    held = [tuple(row) for row in rows]  # plain tuples: sqlite3.Row cannot be ordered
    if sorted(held) == sorted(wanted):
        return False
    conn.execute("DELETE FROM search_tags WHERE doc_id = ?", (doc_id,))
    conn.executemany("INSERT INTO search_tags (norm, doc_id, tag) VALUES (?, ?, ?)", wanted)
    return True
