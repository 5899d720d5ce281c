"""The library's schema as numbered migrations; the position in MIGRATIONS is the schema version.

Never edit a migration that has shipped: add a new one. Each runs inside a transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from reader.store.db import run_script


def _v1_documents(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            path TEXT,
            filename TEXT,
            kind TEXT NOT NULL DEFAULT 'text',
            encoding TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 0,
            raw TEXT NOT NULL,
            original TEXT,
            text TEXT NOT NULL,
            title TEXT,
            date TEXT,
            author TEXT,
            source TEXT,
            script TEXT,
            script_share REAL,
            chars INTEGER NOT NULL DEFAULT 0,
            detected TEXT,
            cleaner_version INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX documents_path ON documents(path);
        CREATE INDEX documents_title ON documents(title);
        CREATE INDEX documents_date ON documents(date);
        CREATE INDEX documents_source ON documents(source);
        CREATE INDEX documents_chars ON documents(chars);
        CREATE TABLE removed_lines (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (doc_id, line)
        );
        CREATE TABLE line_overrides (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            keep INTEGER NOT NULL,
            PRIMARY KEY (doc_id, line)
        );
        CREATE TABLE library_meta (
            key TEXT PRIMARY KEY,
            value TEXT
        );
        CREATE TABLE metadata_overrides (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            value TEXT,
            PRIMARY KEY (doc_id, field)
        );
        """,
    )


def _v2_annotations(conn: sqlite3.Connection) -> None:
    from reader.store import annotations

    annotations.migrate(conn)


def _v3_search(conn: sqlite3.Connection) -> None:
    from reader.store import search

    search.ensure_schema(conn)
    rows = conn.execute("SELECT id, title, text, author, source, date FROM documents").fetchall()
    for doc_id, title, text, author, source, date in rows:
        search.index_document(
            conn, doc_id, title=title or "", text=text or "", author=author or "", source=source or "", date=date or ""
        )


def _v4_entities(conn: sqlite3.Connection) -> None:
    from reader.store import entities

    entities.migrate(conn)


def _v5_cleaner_index(conn: sqlite3.Connection) -> None:
    # Opening a library asks which documents an older cleaner produced; without this it reads every row.
    conn.execute("CREATE INDEX documents_cleaner ON documents(cleaner_version)")


def _v6_entity_tiers(conn: sqlite3.Connection) -> None:
    # How sure the extractor is of a name ("main": shown; "low": folded away) and, for a part of a body
    # (a party group, a committee), the body's name. Written out here rather than calling the entity
    # store, so the migration stays what it was when it shipped however that module changes. Rows
    # stored before read as main with no parent until the new extractor version replaces them.
    run_script(
        conn,
        """
        ALTER TABLE entities ADD COLUMN tier TEXT NOT NULL DEFAULT 'main';
        ALTER TABLE entities ADD COLUMN parent TEXT
        """,
    )


def _v7_pages_and_positions(conn: sqlite3.Connection) -> None:
    # Where each printed page begins in the cleaned text (a JSON list of code-point offsets; NULL for a
    # document without pages), rewritten whenever the text is derived again. Documents stored before
    # have NULL until their next re-derivation. Reading positions live in their own small table: they
    # are written every few seconds while reading, and an UPDATE of `documents` would rewrite a row that
    # carries the whole text.
    run_script(
        conn,
        """
        ALTER TABLE documents ADD COLUMN pages TEXT;
        CREATE TABLE reading_positions (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            read_at TEXT NOT NULL
        );
        CREATE INDEX reading_positions_read_at ON reading_positions(read_at)
        """,
    )


def _v8_document_files(conn: sqlite3.Connection) -> None:
    # Each document's file as imported, byte for byte, in a table of its own (see store/files.py).
    # Documents stored before are "unchecked": their files are looked at after the upgrade, outside this
    # transaction, and kept if they still hold what was imported.
    run_script(
        conn,
        """
        CREATE TABLE document_files (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            data BLOB,
            state TEXT NOT NULL
        );
        INSERT INTO document_files (doc_id, data, state) SELECT id, NULL, 'unchecked' FROM documents
        """,
    )


def _v9_search_notes(conn: sqlite3.Connection) -> None:
    # Notes get their own full-text table, so an annotation change re-indexes notes and tags only. The
    # migration carries its own copy of the token scheme (search_migrate), so it stays what it was.
    from reader.store import search_migrate

    search_migrate.notes_to_own_table(conn)


def _v10_collections_and_tags(conn: sqlite3.Connection) -> None:
    # Organising documents: named collections (a document may be in many) and tags on a document itself
    # (annotation tags stay with their annotations). `norm` is the name as the search box folds it
    # (`core.query.fold`, stripped), so `collection:` and `tag:` compare folded forms and two collections
    # whose names differ only in script or case cannot both exist. Every row that names a document has
    # a `doc_id` column, so deleting a document clears it (store/deleting.py) as well as the cascade.
    run_script(
        conn,
        """
        CREATE TABLE collections (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            norm TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE collection_documents (
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            added_at TEXT NOT NULL,
            PRIMARY KEY (collection_id, doc_id)
        ) WITHOUT ROWID;
        CREATE INDEX collection_documents_doc ON collection_documents(doc_id);
        CREATE TABLE document_tags (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            norm TEXT NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (doc_id, norm)
        ) WITHOUT ROWID;
        CREATE INDEX document_tags_norm ON document_tags(norm, doc_id)
        """,
    )


def _v11_unchecked_files_index(conn: sqlite3.Connection) -> None:
    # Each start asks whether any document's file is still to be looked at (schema 8); without an index
    # that question reads every row of document_files (a quarter second at 100,000 documents).
    run_script(
        conn,
        "CREATE INDEX document_files_unchecked ON document_files (doc_id) WHERE state = 'unchecked'",
    )


def _v12_title_order(conn: sqlite3.Connection) -> None:
    # Each document's rank in the list sorted by title (pinyin), given by the window's collator and kept
    # so that a large library sorts by title in one index scan (store/title_order.py). A rank goes with
    # its document (cascade) and when the shown title changes (title, or the file name when untitled).
    # `title_changes` in library_meta (absent: none yet) counts such changes and deletions, so ranks
    # computed from titles read before one are not stored. Libraries upgraded start without ranks: the
    # first sort by title makes them.
    run_script(
        conn,
        """
        CREATE TABLE title_order (
            doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            rank INTEGER NOT NULL
        );
        CREATE INDEX title_order_rank ON title_order(rank, doc_id)
        """,
    )
    # Statements with `;` inside, so not through run_script.
    conn.execute(
        """
        CREATE TRIGGER title_order_retitled AFTER UPDATE OF title, filename ON documents
        WHEN NEW.title IS NOT OLD.title OR NEW.filename IS NOT OLD.filename
        BEGIN
            DELETE FROM title_order WHERE doc_id = NEW.id;
            INSERT INTO library_meta(key, value) VALUES ('title_changes', 1)
            ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
        END
        """
    )
    conn.execute(
        """
        CREATE TRIGGER title_order_deleted AFTER DELETE ON documents
        BEGIN
            INSERT INTO library_meta(key, value) VALUES ('title_changes', 1)
            ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
        END
        """
    )


def _v13_headings(conn: sqlite3.Connection) -> None:
    # The cleaned text's headings as the importer marked them (JSON [[line, level], ...], line 0-based in
    # the text, level 1 the top), so the reading pane sets them as headings. Empty for a text without them
    # and for documents stored before, until they are cleaned again.
    run_script(conn, "ALTER TABLE documents ADD COLUMN headings TEXT")


def _v14_ocr_pages_and_pending_imports(conn: sqlite3.Connection) -> None:
    # Scanned pages read by OCR, kept as each is read so that an import interrupted halfway (a cancel, a
    # quit, a crash) reads only the pages it had not read when it is started again: keyed by the file's
    # bytes (SHA-256), the OCR engine's version and the page's 0-based index; `result` is the importer's
    # own text of one page. And the imports under way with their files, each file marked once it is
    # stored (or skipped), each import removed when it ends or is cancelled, so a start that finds one
    # can offer to finish it with the files it had not done. See store/ocr_pages.py for how long pages
    # are kept.
    run_script(
        conn,
        """
        CREATE TABLE ocr_pages (
            content TEXT NOT NULL,
            engine TEXT NOT NULL,
            page INTEGER NOT NULL,
            result TEXT NOT NULL,
            read_at TEXT NOT NULL,
            PRIMARY KEY (content, engine, page)
        ) WITHOUT ROWID;
        CREATE TABLE pending_imports (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL
        );
        CREATE TABLE pending_import_files (
            import_id INTEGER NOT NULL REFERENCES pending_imports(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            seq INTEGER NOT NULL,
            done INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (import_id, path)
        ) WITHOUT ROWID
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_documents,
    _v2_annotations,
    _v3_search,
    _v4_entities,
    _v5_cleaner_index,
    _v6_entity_tiers,
    _v7_pages_and_positions,
    _v8_document_files,
    _v9_search_notes,
    _v10_collections_and_tags,
    _v11_unchecked_files_index,
    _v12_title_order,
    _v13_headings,
    _v14_ocr_pages_and_pending_imports,
]
