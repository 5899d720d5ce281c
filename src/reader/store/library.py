"""One open library file: the object the UI and the CLI hold.

`Library` composes the focused modules beside it (reading in `documents_query`, writing what is derived
in `derived_writing`, deleting in `deleting`, the search index in `search`) and keeps the public methods
callers use, each a short delegation, so the responsibilities live in one place each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from reader.core.derive import CLEANER_VERSION, Derived
from reader.core.importing import Prepared
from reader.formats.registry import derive_raw
from reader.store import documents_query as query
from reader.store import files, search
from reader.store.annotations import AnnotationStore
from reader.store.db import open_library, transaction
from reader.store.deleting import Deleted, delete_documents
from reader.store.derived_writing import fallback_title, insert_raw, store_derived, update_raw
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
        self.annotations = AnnotationStore(self.conn, on_change=self.reindex)
        self.positions = PositionStore(self.conn)

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

    def add(self, prepared: Prepared) -> tuple[str, int]:
        """Store a prepared file: ("imported", id), ("duplicate", id) or ("updated", id).

        The same content is never stored twice; a file already imported from the same path whose
        content changed updates that document, so what the user attached to it stays attached.
        """
        with transaction(self.conn):
            existing = self.find_by_hash(prepared.content_hash)
            if existing is not None:
                return "duplicate", existing
            same_path = self.find_by_path(prepared.path)
            if same_path is not None:
                derived = derive_raw(prepared.raw, prepared.kind, self.overrides(same_path))
                update_raw(self.conn, same_path, prepared, derived)
                self._store_derived(same_path, derived, prepared.filename)
                return "updated", same_path
            doc_id = insert_raw(self.conn, prepared)
            self._store_derived(doc_id, prepared.derived, prepared.filename)
            return "imported", doc_id

    def _store_derived(self, doc_id: int, derived: Derived, filename: str) -> None:
        store_derived(self.conn, doc_id, derived, filename, self._reanchor, self.reindex)

    def _reanchor(self, doc_id: int, text: str, old_text: str | None) -> None:
        self.annotations.reanchor(doc_id, text, old_text=old_text)

    def rederive(self, doc_id: int) -> None:
        """Recompute a document's cleaned text from its raw text, honouring overrides."""
        with transaction(self.conn):
            row = self.conn.execute("SELECT raw, kind, filename FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return
            derived = derive_raw(row["raw"], row["kind"], self.overrides(doc_id))
            self._store_derived(doc_id, derived, row["filename"] or "")

    def rederive_stale(
        self, progress: Callable[[int, int, str], None] | None = None, cancelled: Callable[[], bool] | None = None
    ) -> list[int]:
        """Re-clean every stale document (user overrides and annotations carried over); returns their ids."""
        ids = self.stale()
        done: list[int] = []
        for number, doc_id in enumerate(ids, start=1):
            if cancelled and cancelled():
                break
            self.rederive(doc_id)
            done.append(doc_id)
            if progress:
                progress(number, len(ids), "")
        return done

    def keep_file(self, doc_id: int, data: bytes | None) -> None:
        """Record a document's file as imported (None: it was gone or had changed)."""
        with transaction(self.conn):
            files.keep(self.conn, doc_id, data)

    def set_line_override(self, doc_id: int, line: int, keep: bool | None) -> None:
        """Keep or remove one raw line whatever the cleaner thinks; None forgets the user's decision."""
        with transaction(self.conn):
            if keep is None:
                self.conn.execute("DELETE FROM line_overrides WHERE doc_id = ? AND line = ?", (doc_id, line))
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO line_overrides (doc_id, line, keep) VALUES (?, ?, ?)",
                    (doc_id, line, int(keep)),
                )
        self.rederive(doc_id)

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
        notes: list[str] = []
        tags: list[str] = []
        for a in self.annotations.for_document(doc_id):
            if a.note:
                notes.append(a.note)
            tags.extend(t for t in a.tags if t not in tags)
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

    def entity_names(self, doc_id: int) -> list[str]:
        """Names the `entity:` search filter matches; empty until entities are extracted."""
        from reader.store.entities import EntityStore

        return EntityStore(self.conn).names(doc_id)
