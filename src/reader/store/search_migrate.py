"""Bringing an existing library's search index forward from format 1 to format 2.

Format 1 indexed each document's notes in the `notes` column of its `search_fts` row, so any note
change re-tokenised the whole document. Format 2 keeps that column empty and puts notes in
`search_notes` / `search_notes_fts` (see `search_schema`). Documents without notes are already in
format 2 (their row and folded copy are the same in both), so only documents with notes are
rewritten: their `search_fts` row is replaced by one without notes, their folded copy loses its notes
field, and their notes go to the new tables. Cost: one read of `search_packed`, plus about what
indexing costs for each document that has notes.

Written out here, token scheme and packing included, so that the migration stays what it was when it
shipped however the live index modules change.
"""

from __future__ import annotations

import json
import operator
import sqlite3
import zlib

__all__ = ["notes_to_own_table"]

_ESCAPE = {c: chr(0x10FF00 + c) for c in range(128) if not chr(c).isalnum()}
_END = "\U0010fffe"
_COLUMNS = "title, body, notes, author, source"


def _bigrams(folded: str) -> str:
    if not folded:
        return ""
    t = folded.translate(_ESCAPE)
    return " ".join(map(operator.add, t, t[1:] + _END))


def _unpack(packed: bytes) -> list[str]:
    fields: list[str] = json.loads(zlib.decompress(packed).decode("utf-16-le"))
    return fields


def _pack(fields: list[str]) -> bytes:
    return zlib.compress(json.dumps(fields, ensure_ascii=False).encode("utf-16-le"), 6)


def notes_to_own_table(conn: sqlite3.Connection) -> int:
    """Move a format-1 index to format 2, in the caller's transaction; returns the documents rewritten.

    A no-op (returning 0) on an index already in format 2 (a library created by this version) and on
    a database without a search index. Raises RuntimeError for any other format.
    """
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_meta'").fetchone() is None:
        return 0
    (fmt,) = conn.execute("SELECT value FROM search_meta WHERE key = 'format'").fetchone()
    if fmt == "2":
        return 0
    if fmt != "1":
        raise RuntimeError(f"search index format {fmt} cannot be migrated to 2: the library needs re-indexing")
    conn.execute("CREATE TABLE search_notes (doc_id INTEGER PRIMARY KEY, notes TEXT NOT NULL)")
    conn.execute("CREATE VIRTUAL TABLE search_notes_fts USING fts5(notes, content='', tokenize='ascii', prefix='1')")
    moved, last = 0, None
    while True:  # in batches: the folded copies of a large library do not fit in memory at once
        rows = conn.execute(
            "SELECT doc_id, packed FROM search_packed WHERE doc_id > coalesce(?, -1 << 62) ORDER BY doc_id LIMIT 500",
            (last,),
        ).fetchall()
        if not rows:
            break
        for doc_id, packed in rows:
            fields = _unpack(packed)
            if fields[2]:
                _move_notes(conn, int(doc_id), fields)
                moved += 1
        last = rows[-1][0]
    conn.execute("UPDATE search_meta SET value = '2' WHERE key = 'format'")
    return moved


def _move_notes(conn: sqlite3.Connection, doc_id: int, fields: list[str]) -> None:
    notes = fields[2]
    conn.execute(
        f"INSERT INTO search_fts (search_fts, rowid, {_COLUMNS}) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
        (doc_id, *map(_bigrams, fields)),
    )
    fields = [fields[0], fields[1], "", fields[3], fields[4]]
    conn.execute(
        f"INSERT INTO search_fts (rowid, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", (doc_id, *map(_bigrams, fields))
    )
    conn.execute("UPDATE search_packed SET packed = ? WHERE doc_id = ?", (_pack(fields), doc_id))
    conn.execute("INSERT INTO search_notes (doc_id, notes) VALUES (?, ?)", (doc_id, notes))
    conn.execute("INSERT INTO search_notes_fts (rowid, notes) VALUES (?, ?)", (doc_id, _bigrams(notes)))
