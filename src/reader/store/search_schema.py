"""The search index's tables, and the one place that says which format they are in.

Two contentless FTS5 tables with the same token scheme (`search_tokens`):

* `search_fts`, one row per document: title, body, author and source. Its third column, `notes`, is
  kept in the table but always empty since format 2: notes moved to their own table so an annotation
  change does not re-tokenise the body, and an empty column costs nothing while dropping it would
  have meant rebuilding every library's index.
* `search_notes_fts`, one row per document that has notes: the notes of its annotations. A
  contentless row can only be replaced whole, so keeping notes apart is what lets `index_annotations`
  touch a few hundred tokens instead of the whole document.

Each FTS row's folded text is kept beside it (`search_packed`, `search_notes`) because deleting from
a contentless table needs the tokens that were inserted.
"""

from __future__ import annotations

import sqlite3

__all__ = [
    "COLUMNS",
    "FILTER_COLUMNS",
    "FORMAT",
    "NOTES_WEIGHT",
    "TEXT_COLUMNS",
    "WEIGHTS",
    "ensure_schema",
]

FORMAT = "2"
"""Version of the index layout and token format. 1 → 2: notes moved out of `search_fts` (see
`search_migrate.notes_to_own_table`); any other change means re-indexing every document."""

# Column order of search_fts and the bm25 weight of each: plain terms search title and body (and the
# notes table); author and source only serve filters and must not move the ranking; notes is retired.
COLUMNS = ("title", "body", "notes", "author", "source")
WEIGHTS = (20.0, 1.0, 0.0, 0.0, 0.0)
NOTES_WEIGHT = 4.0
"""bm25 weight of a notes hit, added to the document's title/body score (format 1 weighted the notes
column 4 within the same row)."""

TEXT_COLUMNS = "{title body}"
FILTER_COLUMNS = {"title": "{title}", "source": "{source}", "author": "{author}"}

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_docs (
    doc_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    source_key TEXT NOT NULL,
    date_key TEXT,
    length INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS search_packed (doc_id INTEGER PRIMARY KEY, packed BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS search_docs_date ON search_docs (date_key);
CREATE INDEX IF NOT EXISTS search_docs_source ON search_docs (source_key, source);
CREATE TABLE IF NOT EXISTS search_tags (
    norm TEXT NOT NULL, doc_id INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (norm, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_tags_doc ON search_tags (doc_id);
CREATE TABLE IF NOT EXISTS search_entities (
    norm TEXT NOT NULL, doc_id INTEGER NOT NULL, PRIMARY KEY (norm, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS search_entities_doc ON search_entities (doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
    {", ".join(COLUMNS)}, content='', tokenize='ascii', prefix='1'
);
CREATE TABLE IF NOT EXISTS search_notes (doc_id INTEGER PRIMARY KEY, notes TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS search_notes_fts USING fts5(
    notes, content='', tokenize='ascii', prefix='1'
);
INSERT OR IGNORE INTO search_meta (key, value) VALUES ('format', '{FORMAT}');
"""


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the search tables if missing. Idempotent; runs inside the caller's migration.

    A library whose index is in another format is refused rather than half-used: format 1 is brought
    forward by `search_migrate.notes_to_own_table`, which the schema's migrations run.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    row = conn.execute("SELECT value FROM search_meta WHERE key = 'format'").fetchone()
    if row is not None and row[0] != FORMAT:
        raise RuntimeError(f"search index format {row[0]} is not {FORMAT}: the library needs re-indexing")
    for statement in _SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)
