"""Reading and writing documents in the library file.

A `Library` owns one connection. The window keeps one for reading and hands writes to a single worker
thread that owns another, so there is one writer; every write is one transaction.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reader.core.cleaning import Metadata, Removed
from reader.core.derive import CLEANER_VERSION, Derived
from reader.core.importing import Prepared
from reader.formats.registry import derive_raw
from reader.store import search
from reader.store.annotations import AnnotationStore
from reader.store.db import open_library, transaction
from reader.store.positions import PositionStore

METADATA_FIELDS = ("title", "date", "author", "source")
INT64_MAX = 2**63 - 1
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Sort keys the document list offers, mapped to SQL that never depends on user input.
SORT_KEYS: dict[str, str] = {
    "title": "title",
    "date": "date",
    "source": "source",
    "chars": "chars",
    "script": "script",
    "imported": "id",
}

LIST_COLUMNS = (
    "id, title, date, author, source, path, filename, kind, encoding, size, chars, script, script_share, "
    "imported_at, updated_at"
)


@dataclass(frozen=True)
class DocumentSummary:
    """What the document list and `reader list` show: no texts, so a page of rows stays small."""

    id: int
    title: str
    date: str
    author: str
    source: str
    path: str
    filename: str
    kind: str
    encoding: str
    size: int
    chars: int
    script: str
    script_share: float
    imported_at: str
    updated_at: str

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date or None,
            "author": self.author or None,
            "source": self.source or None,
            "path": self.path or None,
            "filename": self.filename or None,
            "chars": self.chars,
            "script": self.script or None,
            "encoding": self.encoding,
            "imported_at": self.imported_at,
        }


@dataclass(frozen=True)
class Deleted:
    """A document `Library.delete` removed: enough to tell the user what went."""

    id: int
    title: str
    annotations: int

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "annotations": self.annotations}


@dataclass(frozen=True)
class Document:
    summary: DocumentSummary
    raw: str
    original: str
    text: str
    removed: list[Removed]
    overrides: dict[int, bool] = field(default_factory=dict)
    detected: dict[str, str | None] = field(default_factory=dict)
    # Code-point offsets in `text` at which each printed page begins; empty for a document without pages.
    pages: tuple[int, ...] = ()

    @property
    def id(self) -> int:
        return self.summary.id


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _summary(row: sqlite3.Row) -> DocumentSummary:
    return DocumentSummary(
        id=row["id"],
        title=row["title"] or "",
        date=row["date"] or "",
        author=row["author"] or "",
        source=row["source"] or "",
        path=row["path"] or "",
        filename=row["filename"] or "",
        kind=row["kind"],
        encoding=row["encoding"],
        size=row["size"],
        chars=row["chars"],
        script=row["script"] or "",
        script_share=row["script_share"] or 0.0,
        imported_at=row["imported_at"],
        updated_at=row["updated_at"],
    )


def _shown_original(raw: str, derived: Derived) -> str | None:
    """What the Original view shows, stored only when it is not the raw text itself (plain text is
    both; an HTML page shows its blocks), so a text document is not kept twice."""
    return None if derived.original == raw else derived.original


def storable(text: str) -> str:
    """Text SQLite can hold: a file name that is not UTF-8 arrives with lone surrogates (Python's
    surrogateescape), which cannot be encoded; its stray bytes are kept visibly as `\\xNN` instead.

    The same name always gives the same text, so finding a document by its path still works.
    """
    return _SURROGATE.sub(_byte_shown, text)


def _byte_shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def _detected(raw: str | None) -> dict[str, str | None]:
    """What detection found, as stored; a damaged cell reads as nothing detected rather than an error."""
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {str(k): (v if isinstance(v, str) else None) for k, v in value.items()} if isinstance(value, dict) else {}


def _pages(raw: str | None) -> tuple[int, ...]:
    """Stored page starts; a damaged cell reads as a document without pages rather than an error."""
    if not raw:
        return ()
    try:
        value = json.loads(raw)
    except ValueError:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return ()
    return tuple(sorted(v for v in value if v >= 0))


def _pages_cell(pages: Sequence[int]) -> str | None:
    return json.dumps(list(pages)) if pages else None


def fallback_title(filename: str, text: str) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:80] if first else Path(filename).stem


class Library:
    """One open library file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.conn = open_library(self.path)
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
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def total_chars(self) -> int:
        return int(self.conn.execute("SELECT coalesce(sum(chars), 0) FROM documents").fetchone()[0])

    def file_size(self) -> int:
        """The size the library's data takes: pages in use times the page size, which counts what waits
        in the write-ahead log but not the log's own slack, so the figure neither jumps with every edit nor
        lags behind a large import."""
        try:
            pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
            size = self.conn.execute("PRAGMA page_size").fetchone()[0]
            return int(pages) * int(size)
        except sqlite3.Error:
            try:
                return self.path.stat().st_size
            except OSError:
                return 0

    def annotation_counts(self, ids: Sequence[int] | None = None) -> dict[int, int]:
        """Annotations per document (documents without any are left out), in one query over the index."""
        if ids is None:
            rows = self.conn.execute("SELECT doc_id, count(*) FROM annotations GROUP BY doc_id")
            return {int(r[0]): int(r[1]) for r in rows}
        counts: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            query = f"SELECT doc_id, count(*) FROM annotations WHERE doc_id IN ({marks}) GROUP BY doc_id"
            counts.update({int(r[0]): int(r[1]) for r in self.conn.execute(query, chunk)})
        return counts

    def titles(self) -> list[tuple[int, str]]:
        """Every document's id and shown title (the file name when it has none), for sorting in the list.

        Read from the title index, which holds (title, id): the table's rows put the long texts before
        the title, so a table scan would walk every text's overflow pages.
        """
        rows = self.conn.execute("SELECT id, title FROM documents INDEXED BY documents_title WHERE title > ''")
        titles = [(int(r[0]), str(r[1])) for r in rows]
        untitled = (
            "SELECT id, coalesce(filename, '') FROM documents WHERE id IN "
            "(SELECT id FROM documents WHERE title IS NULL UNION ALL SELECT id FROM documents WHERE title = '')"
        )
        titles += [(int(r[0]), str(r[1])) for r in self.conn.execute(untitled)]
        return titles

    def ids(self, sort: str = "imported", descending: bool = False) -> list[int]:
        order = SORT_KEYS.get(sort, "id")
        direction = "DESC" if descending else "ASC"
        sql = f"SELECT id FROM documents ORDER BY {order} {direction}, id {direction}"
        return [r[0] for r in self.conn.execute(sql)]

    def summaries(self, ids: Sequence[int]) -> dict[int, DocumentSummary]:
        result: dict[int, DocumentSummary] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT {LIST_COLUMNS} FROM documents WHERE id IN ({marks})", chunk):
                result[row["id"]] = _summary(row)
        return result

    def all_summaries(self) -> list[DocumentSummary]:
        return [_summary(r) for r in self.conn.execute(f"SELECT {LIST_COLUMNS} FROM documents ORDER BY id")]

    def get(self, doc_id: int) -> Document | None:
        if not 0 < doc_id <= INT64_MAX:  # cannot be a row id; SQLite would overflow on it
            return None
        row = self.conn.execute(
            f"SELECT {LIST_COLUMNS}, raw, original, text, detected, pages FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        removed = [
            Removed(line=r["line"], text=r["text"], reason=r["reason"])
            for r in self.conn.execute(
                "SELECT line, text, reason FROM removed_lines WHERE doc_id = ? ORDER BY line", (doc_id,)
            )
        ]
        return Document(
            summary=_summary(row),
            raw=row["raw"],
            original=row["original"] if row["original"] is not None else row["raw"],
            text=row["text"],
            removed=removed,
            overrides=self.overrides(doc_id),
            detected=_detected(row["detected"]),
            pages=_pages(row["pages"]),
        )

    def text(self, doc_id: int) -> str:
        """Just the cleaned text, for snippets and highlights that need nothing else."""
        if not 0 < doc_id <= INT64_MAX:
            return ""
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return "" if row is None else str(row[0])

    def pages(self, doc_id: int) -> tuple[int, ...]:
        """Where each printed page begins in the cleaned text; empty for a document without pages."""
        if not 0 < doc_id <= INT64_MAX:
            return ()
        row = self.conn.execute("SELECT pages FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return () if row is None else _pages(row[0])

    def overrides(self, doc_id: int) -> dict[int, bool]:
        return {
            r[0]: bool(r[1])
            for r in self.conn.execute("SELECT line, keep FROM line_overrides WHERE doc_id = ?", (doc_id,))
        }

    def metadata_overrides(self, doc_id: int) -> dict[str, str | None]:
        return {
            r[0]: r[1]
            for r in self.conn.execute("SELECT field, value FROM metadata_overrides WHERE doc_id = ?", (doc_id,))
        }

    def find_by_hash(self, digest: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
        return None if row is None else int(row[0])

    def find_by_path(self, path: str) -> int | None:
        query = "SELECT id FROM documents WHERE path = ? ORDER BY id LIMIT 1"
        row = self.conn.execute(query, (storable(path),)).fetchone()
        return None if row is None else int(row[0])

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM library_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

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
                self._update_raw(same_path, prepared)
                return "updated", same_path
            now = _now()
            cur = self.conn.execute(
                """INSERT INTO documents (content_hash, path, filename, kind, encoding, size, raw, original, text,
                    chars, cleaner_version, imported_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0, ?, ?)""",
                (
                    prepared.content_hash,
                    storable(prepared.path),
                    storable(prepared.filename),
                    prepared.kind,
                    prepared.encoding,
                    prepared.size,
                    prepared.raw,
                    _shown_original(prepared.raw, prepared.derived),
                    now,
                    now,
                ),
            )
            doc_id = int(cur.lastrowid or 0)
            self._store_derived(doc_id, prepared.derived, prepared.filename)
            return "imported", doc_id

    def _update_raw(self, doc_id: int, prepared: Prepared) -> None:
        derived = derive_raw(prepared.raw, prepared.kind, self.overrides(doc_id))
        self.conn.execute(
            """UPDATE documents SET content_hash = ?, filename = ?, kind = ?, encoding = ?, size = ?, raw = ?,
               original = ?, updated_at = ? WHERE id = ?""",
            (
                prepared.content_hash,
                storable(prepared.filename),
                prepared.kind,
                prepared.encoding,
                prepared.size,
                prepared.raw,
                _shown_original(prepared.raw, derived),
                _now(),
                doc_id,
            ),
        )
        self._store_derived(doc_id, derived, prepared.filename)

    def _store_derived(self, doc_id: int, derived: Derived, filename: str) -> None:
        """Write everything computed from the raw text; the user's metadata edits win over detection."""
        detected = {
            "title": derived.metadata.title,
            "date": derived.metadata.date,
            "author": derived.metadata.author,
            "source": derived.metadata.source,
        }
        effective = dict(detected)
        effective.update(self.metadata_overrides(doc_id))
        previous = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        old_text = str(previous[0]) if previous is not None and previous[0] else None
        title = storable(effective["title"] or fallback_title(filename, derived.text))
        self.conn.execute(
            """UPDATE documents SET text = ?, title = ?, date = ?, author = ?, source = ?, script = ?,
               script_share = ?, chars = ?, detected = ?, cleaner_version = ?, pages = ? WHERE id = ?""",
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
                _pages_cell(derived.pages),
                doc_id,
            ),
        )
        self.annotations.reanchor(doc_id, derived.text, old_text=old_text)
        self.reindex(doc_id)
        self.conn.execute("DELETE FROM removed_lines WHERE doc_id = ?", (doc_id,))
        self.conn.executemany(
            "INSERT INTO removed_lines (doc_id, line, text, reason) VALUES (?, ?, ?, ?)",
            [(doc_id, r.line, r.text, r.reason) for r in derived.removed],
        )

    def rederive(self, doc_id: int) -> None:
        """Recompute a document's cleaned text from its raw text, honouring overrides."""
        with transaction(self.conn):
            row = self.conn.execute("SELECT raw, kind, filename FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return
            derived = derive_raw(row["raw"], row["kind"], self.overrides(doc_id))
            self._store_derived(doc_id, derived, row["filename"] or "")

    def stale(self) -> list[int]:
        """Documents cleaned by an older version of the cleaner, to be re-derived from their raw text."""
        return [
            r[0] for r in self.conn.execute("SELECT id FROM documents WHERE cleaner_version < ?", (CLEANER_VERSION,))
        ]

    def has_stale(self) -> bool:
        query = "SELECT 1 FROM documents WHERE cleaner_version < ? LIMIT 1"
        return self.conn.execute(query, (CLEANER_VERSION,)).fetchone() is not None

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
        """Remove documents and everything stored about them, all in one transaction; returns what went
        (ids that name no document are skipped).

        Every table with a `doc_id` column is cleared explicitly rather than trusting `ON DELETE CASCADE`,
        so a table added later, or one without a foreign key (the search index), is never left holding
        rows of a document that is gone.
        """
        deleted: list[Deleted] = []
        with transaction(self.conn):
            tables = self._tables_with_doc_id()
            for doc_id in dict.fromkeys(doc_ids):
                if not 0 < doc_id <= INT64_MAX:
                    continue
                row = self.conn.execute(
                    "SELECT id, coalesce(nullif(title, ''), filename, '') FROM documents WHERE id = ?", (doc_id,)
                ).fetchone()
                if row is None:
                    continue
                notes = self.conn.execute("SELECT count(*) FROM annotations WHERE doc_id = ?", (doc_id,)).fetchone()
                search.remove_document(self.conn, doc_id)  # the full-text rows first: it reads search_packed
                for table in tables:
                    self.conn.execute(f'DELETE FROM "{table}" WHERE doc_id = ?', (doc_id,))
                self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
                deleted.append(Deleted(id=doc_id, title=str(row[1]), annotations=int(notes[0])))
        return deleted

    def _tables_with_doc_id(self) -> list[str]:
        """Ordinary tables that hold rows per document (virtual full-text tables are cleared by `search`)."""
        names = [
            r[0]
            for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        return [
            name
            for name in names
            if any(col[1] == "doc_id" for col in self.conn.execute("SELECT * FROM pragma_table_info(?)", (name,)))
        ]

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


def metadata_of(summary: DocumentSummary) -> Metadata:
    return Metadata(
        title=summary.title or None,
        date=summary.date or None,
        author=summary.author or None,
        source=summary.source or None,
    )
