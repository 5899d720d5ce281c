"""One open library file: the object the UI and the CLI hold.

`Library` composes the focused modules beside it (reading in `documents_query`, writing what is derived
in `derived_writing`, deleting in `deleting`, the search index in `search`) and keeps the public methods
callers use, each a short delegation, so the responsibilities live in one place each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from reader.core.derive import CLEANER_VERSION, Derived
from reader.core.importing import Prepared
from reader.core.text.untitled import fallback_title
from reader.store import documents_query as query
from reader.store import files, search
from reader.store.annotations import AnnotationStore
from reader.store.db import open_library, transaction
from reader.store.deleting import Deleted, delete_documents
from reader.store.derived_writing import Reanchor, insert_raw, store_derived, update_raw
from reader.store.documents_query import (
    INT64_MAX,
    LIST_COLUMNS,
    METADATA_FIELDS,
    SORT_KEYS,
    Document,
    DocumentSummary,
    metadata_of,
    storable,
)
from reader.store.positions import PositionStore
from reader.store.title_order import TitleOrder

__all__ = [
    "INT64_MAX",
    "LIST_COLUMNS",
    "METADATA_FIELDS",
    "SORT_KEYS",
    "Deleted",
    "Document",
    "DocumentSummary",
    "Library",
    "fallback_title",
    "metadata_of",
    "storable",
]


class Library:
    """One open library file.

    A `readonly` library reads beside the one writer (the window's panels read on the GUI thread while
    the writer thread writes); every write method then fails, so a write that bypasses the writer is
    caught at once instead of becoming a second writer.
    """

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.conn = open_library(self.path, readonly=readonly)
        self.annotations = AnnotationStore(self.conn, on_change=self.reindex_annotations)
        self.positions = PositionStore(self.conn)
        self.title_order = TitleOrder(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------------------
    def count(self) -> int:
        return query.count(self.conn)

    def total_chars(self) -> int:
        return query.total_chars(self.conn)

    def file_size(self) -> int:
        """The size the library's data takes (see `documents_query.file_size`)."""
        return query.file_size(self.conn, self.path)

    def annotation_counts(self, ids: Sequence[int] | None = None) -> dict[int, int]:
        """Annotations per document (documents without any are left out)."""
        return query.annotation_counts(self.conn, ids)

    def titles(self) -> list[tuple[int, str]]:
        """Every document's id and shown title, for sorting in the list."""
        return query.titles(self.conn)

    def ids(self, sort: str = "imported", descending: bool = False) -> list[int]:
        return query.ids(self.conn, sort, descending)

    def summaries(self, ids: Sequence[int]) -> dict[int, DocumentSummary]:
        return query.summaries(self.conn, ids)

    def all_summaries(self) -> list[DocumentSummary]:
        return query.all_summaries(self.conn)

    def get(self, doc_id: int) -> Document | None:
        return query.get(self.conn, doc_id)

    def text(self, doc_id: int) -> str:
        """Just the cleaned text, for snippets and highlights that need nothing else."""
        return query.text(self.conn, doc_id)

    def pages(self, doc_id: int) -> tuple[int, ...]:
        """Where each printed page begins in the cleaned text; empty for a document without pages."""
        return query.pages(self.conn, doc_id)

    def overrides(self, doc_id: int) -> dict[int, bool]:
        return query.overrides(self.conn, doc_id)

    def metadata_overrides(self, doc_id: int) -> dict[str, str | None]:
        return query.metadata_overrides(self.conn, doc_id)

    def find_by_hash(self, digest: str) -> int | None:
        return query.find_by_hash(self.conn, digest)

    def find_by_path(self, path: str) -> int | None:
        return query.find_by_path(self.conn, path)

    def original_file(self, doc_id: int) -> bytes | None:
        """The document's file byte for byte as imported; None when it was not kept (see `files`)."""
        return files.original_file(self.conn, doc_id)

    def file_state(self, doc_id: int) -> str | None:
        return files.state(self.conn, doc_id)

    def unchecked_files(self, limit: int = 1000) -> list[files.Unchecked]:
        """Documents of a library made before files were kept, whose files are yet to be looked at."""
        return files.unchecked(self.conn, limit)

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM library_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def stale(self) -> list[int]:
        """Documents cleaned by an older version of the cleaner, to be re-derived from their raw text."""
        return query.stale(self.conn, CLEANER_VERSION)

    def has_stale(self) -> bool:
        return query.has_stale(self.conn, CLEANER_VERSION)

    # -- writing -----------------------------------------------------------------------------------
    def set_meta(self, key: str, value: str) -> None:
        with transaction(self.conn):
            self.conn.execute("INSERT OR REPLACE INTO library_meta(key, value) VALUES (?, ?)", (key, value))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing write made of several calls below (they open no transaction themselves)."""
        with transaction(self.conn):
            yield

    def insert_file(self, prepared: Prepared) -> int:
        """A new document holding the file as read; its derived columns are written by `write_derived`."""
        return insert_raw(self.conn, prepared)

    def replace_file(self, doc_id: int, prepared: Prepared, derived: Derived) -> None:
        """A document's file changed at the same path: its id, and what hangs on it, stay."""
        update_raw(self.conn, doc_id, prepared, derived)

    def relocate(self, doc_id: int, path: str, filename: str) -> bool:
        """Record that a document's file now lives at `path` (it was moved); whether anything changed.
        Runs inside the caller's transaction. Whether the old place is gone is the caller's to know.

        A path belongs to one document: another document recorded at `path` had its file replaced by
        this one, so it no longer has a file there (its path is cleared); otherwise the next change of
        the file would update whichever of the two comes first."""
        self.conn.execute("UPDATE documents SET path = NULL WHERE path = ? AND id != ?", (storable(path), doc_id))
        cursor = self.conn.execute(
            "UPDATE documents SET path = ?, filename = ? WHERE id = ? AND (path IS NOT ? OR filename IS NOT ?)",
            (storable(path), storable(filename), doc_id, storable(path), storable(filename)),
        )
        return cursor.rowcount > 0

    def source_of(self, doc_id: int) -> tuple[str, str, str] | None:
        """(raw text, importer name, file name) that the document's text is derived from."""
        row = self.conn.execute("SELECT raw, kind, filename FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else (str(row["raw"]), str(row["kind"]), str(row["filename"] or ""))

    def write_derived(self, doc_id: int, derived: Derived, filename: str, reanchor: Reanchor) -> None:
        """Store what was derived from the document's file; `reanchor(doc_id, new text, old text)` moves
        the annotations (the operations layer decides where), then the search index follows."""
        store_derived(self.conn, doc_id, derived, filename, reanchor, self.reindex)

    def set_override(self, doc_id: int, line: int, keep: bool | None) -> None:
        """Record the user's decision on one raw line (None forgets it); the caller derives again."""
        if keep is None:
            self.conn.execute("DELETE FROM line_overrides WHERE doc_id = ? AND line = ?", (doc_id, line))
        else:
            self.conn.execute(
                "INSERT OR REPLACE INTO line_overrides (doc_id, line, keep) VALUES (?, ?, ?)",
                (doc_id, line, int(keep)),
            )

    def keep_file(self, doc_id: int, data: bytes | None) -> None:
        """Record a document's file as imported (None: it was gone or had changed)."""
        with transaction(self.conn):
            files.keep(self.conn, doc_id, data)

    def set_metadata(self, doc_id: int, values: Mapping[str, str | None]) -> None:
        with transaction(self.conn):
            for key, value in values.items():
                if key not in METADATA_FIELDS:
                    raise ValueError(f"unknown metadata field {key!r}")
                self.conn.execute(
                    "INSERT OR REPLACE INTO metadata_overrides (doc_id, field, value) VALUES (?, ?, ?)",
                    (doc_id, key, value),
                )
                self.conn.execute(f"UPDATE documents SET {key} = ? WHERE id = ?", (value, doc_id))
            self.reindex(doc_id)

    def delete(self, doc_ids: Iterable[int]) -> list[Deleted]:
        """Remove documents and everything stored about them in one transaction (see `deleting`)."""
        return delete_documents(self.conn, doc_ids)

    def reindex(self, doc_id: int) -> None:
        """Bring the search index in line with the document, its notes and tags (inside the caller's
        transaction when there is one)."""
        row = self.conn.execute(
            "SELECT title, text, author, source, date FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            search.remove_document(self.conn, doc_id)
            return
        notes, tags = self._notes_and_tags(doc_id)
        search.index_document(
            self.conn,
            doc_id,
            title=row["title"] or "",
            text=row["text"] or "",
            author=row["author"] or "",
            source=row["source"] or "",
            date=row["date"] or "",
            notes="\n".join(notes),
            tags=tags,
            entities=self.entity_names(doc_id),
        )

    def reindex_annotations(self, doc_id: int) -> None:
        """Bring the index of a document's notes and tags in line with its annotations, without touching
        the index of its text (a highlight on a long report costs a query, not a re-tokenisation)."""
        notes, tags = self._notes_and_tags(doc_id)
        search.index_annotations(self.conn, doc_id, "\n".join(notes), tags)

    def _notes_and_tags(self, doc_id: int) -> tuple[list[str], list[str]]:
        notes: list[str] = []
        tags: list[str] = []
        for a in self.annotations.for_document(doc_id):
            if a.note:
                notes.append(a.note)
            tags.extend(t for t in a.tags if t not in tags)
        return notes, tags

    def entity_names(self, doc_id: int) -> list[str]:
        """Names the `entity:` search filter matches; empty until entities are extracted."""
        from reader.store.entities import EntityStore

        return EntityStore(self.conn).names(doc_id)
