"""Writing a document's rows: the raw file as imported, and everything derived from it (cleaned text,
metadata, removed lines). Annotations are re-anchored and the search index refreshed through the
callbacks the caller passes, so this module does not own those stores."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from reader.core.derive import HEADINGS, Derived
from reader.core.importing import Prepared
from reader.core.text.untitled import fallback_title
from reader.store import files
from reader.store.documents_query import metadata_overrides, storable

ID_FLOOR = "deleted_document_id"
"""library_meta key: the highest id of a deleted document; new documents are numbered above it."""

# (doc_id, new text, previous text or None): moves what is attached to the text onto the new text.
Reanchor = Callable[[int, str, str | None], None]


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def shown_original(raw: str, derived: Derived) -> str | None:
    """What the Original view shows, stored only when it is not the raw text itself (plain text is
    both; an HTML page shows its blocks), so a text document is not kept twice."""
    return None if derived.original == raw else derived.original


def pages_cell(pages: Sequence[int]) -> str | None:
    return json.dumps(list(pages)) if pages else None


def insert_raw(conn: sqlite3.Connection, prepared: Prepared) -> int:
    """A new documents row holding the file as imported; its derived columns are filled afterwards.

    Its id is one no document of this library ever had (`ID_FLOOR`): SQLite would give a new row the id
    of the newest document deleted, and a window still showing that document, an undo of its deletion
    or a script holding its id would then reach the new one."""
    stamp = now()
    cur = conn.execute(
        """INSERT INTO documents (id, content_hash, path, filename, kind, encoding, size, raw, original, text,
            chars, cleaner_version, imported_at, updated_at)
           VALUES (max((SELECT coalesce(max(id), 0) FROM documents),
                       (SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM library_meta WHERE key = ?)) + 1,
                   ?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0, ?, ?)""",
        (
            ID_FLOOR,
            prepared.content_hash,
            storable(prepared.path),
            storable(prepared.filename),
            prepared.kind,
            prepared.encoding,
            prepared.size,
            prepared.raw,
            shown_original(prepared.raw, prepared.derived),
            stamp,
            stamp,
        ),
    )
    doc_id = int(cur.lastrowid or 0)
    files.keep(conn, doc_id, prepared.data or None)
    return doc_id


def update_raw(conn: sqlite3.Connection, doc_id: int, prepared: Prepared, derived: Derived) -> None:
    """Replace a document's file as imported (same path, new content); the id and what hangs on it stay."""
    conn.execute(
        """UPDATE documents SET content_hash = ?, filename = ?, kind = ?, encoding = ?, size = ?, raw = ?,
           original = ?, updated_at = ? WHERE id = ?""",
        (
            prepared.content_hash,
            storable(prepared.filename),
            prepared.kind,
            prepared.encoding,
            prepared.size,
            prepared.raw,
            shown_original(prepared.raw, derived),
            now(),
            doc_id,
        ),
    )
    files.keep(conn, doc_id, prepared.data or None)


def store_derived(
    conn: sqlite3.Connection,
    doc_id: int,
    derived: Derived,
    filename: str,
    reanchor: Reanchor,
    reindex: Callable[[int], None],
) -> None:
    """Write everything computed from the raw text; the user's metadata edits win over detection."""
    detected = {
        "title": derived.metadata.title,
        "date": derived.metadata.date,
        "author": derived.metadata.author,
        "source": derived.metadata.source,
    }
    effective = dict(detected)
    effective.update(metadata_overrides(conn, doc_id))
    previous = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    old_text = str(previous[0]) if previous is not None and previous[0] else None
    title = storable(effective["title"] or fallback_title(filename, derived.text))
    conn.execute(
        """UPDATE documents SET text = ?, title = ?, date = ?, author = ?, source = ?, script = ?,
           script_share = ?, chars = ?, detected = ?, cleaner_version = ?, pages = ?, headings = ?
           WHERE id = ?""",
        (
            derived.text,
            title,
            effective["date"],
            effective["author"],
            effective["source"],
            derived.script,
            derived.script_share,
            len(derived.text),
            json.dumps(detected, ensure_ascii=False),
            derived.cleaner_version,
            pages_cell(derived.pages),
            derived.extra.get(HEADINGS) or None,
            doc_id,
        ),
    )
    reanchor(doc_id, derived.text, old_text)
    reindex(doc_id)
    _store_removed_lines(conn, doc_id, derived)


def _store_removed_lines(conn: sqlite3.Connection, doc_id: int, derived: Derived) -> None:
    conn.execute("DELETE FROM removed_lines WHERE doc_id = ?", (doc_id,))
    conn.executemany(
        "INSERT INTO removed_lines (doc_id, line, text, reason) VALUES (?, ?, ?, ?)",
        [(doc_id, r.line, r.text, r.reason) for r in derived.removed],
    )
