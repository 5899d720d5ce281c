"""Reading documents: the list's summaries, one document with its removed lines, and the small lookups
the importer and the views make. Plain functions over a connection; `Library` delegates to them."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.cleaning import Metadata, Removed

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
    # (line of `text`, 0-based; outline level, 1 the top) of each heading the importer marked.
    headings: tuple[tuple[int, int], ...] = ()

    @property
    def id(self) -> int:
        return self.summary.id


def summary_of(row: sqlite3.Row) -> DocumentSummary:
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


def storable(text: str) -> str:
    """Text SQLite can hold: a file name that is not UTF-8 arrives with lone surrogates (Python's
    surrogateescape), which cannot be encoded; its stray bytes are kept visibly as `\\xNN` instead.

    The same name always gives the same text, so finding a document by its path still works.
    """
    return _SURROGATE.sub(_byte_shown, text)


def _byte_shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def detected_of(raw: str | None) -> dict[str, str | None]:
    """What detection found, as stored; a damaged cell reads as nothing detected rather than an error."""
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {str(k): (v if isinstance(v, str) else None) for k, v in value.items()} if isinstance(value, dict) else {}


def headings_of(raw: str | None) -> tuple[tuple[int, int], ...]:
    """Stored headings; a damaged cell reads as a text without headings rather than an error."""
    if not raw:
        return ()
    try:
        return tuple((int(line), max(1, int(level))) for line, level in json.loads(raw))
    except (ValueError, TypeError):
        return ()


def pages_of(raw: str | None) -> tuple[int, ...]:
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


def metadata_of(summary: DocumentSummary) -> Metadata:
    return Metadata(
        title=summary.title or None,
        date=summary.date or None,
        author=summary.author or None,
        source=summary.source or None,
    )


def valid_id(doc_id: int) -> bool:
    """Whether `doc_id` can be a row id at all; SQLite would overflow on a larger one."""
    return 0 < doc_id <= INT64_MAX


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def total_chars(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(sum(chars), 0) FROM documents").fetchone()[0])


def file_size(conn: sqlite3.Connection, path: Path) -> int:
    """The size the library's data takes: pages in use times the page size, which counts what waits
    in the write-ahead log but not the log's own slack, so the figure neither jumps with every edit nor
    lags behind a large import."""
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        return int(pages) * int(size)
    except sqlite3.Error:
        try:
            return path.stat().st_size
        except OSError:
            return 0


def annotation_counts(conn: sqlite3.Connection, ids: Sequence[int] | None = None) -> dict[int, int]:
    """Annotations per document (documents without any are left out), in one query over the index."""
    if ids is None:
        rows = conn.execute("SELECT doc_id, count(*) FROM annotations GROUP BY doc_id")
        return {int(r[0]): int(r[1]) for r in rows}
    counts: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        query = f"SELECT doc_id, count(*) FROM annotations WHERE doc_id IN ({marks}) GROUP BY doc_id"
        counts.update({int(r[0]): int(r[1]) for r in conn.execute(query, chunk)})
    return counts


def titles(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Every document's id and shown title (the file name when it has none), for sorting in the list.

    Read from the title index, which holds (title, id): the table's rows put the long texts before
    the title, so a table scan would walk every text's overflow pages.
    """
    cursor = _plain(conn)
    found: list[tuple[int, str]] = cursor.execute(
        "SELECT id, title FROM documents INDEXED BY documents_title WHERE title > ''"
    ).fetchall()
    untitled = (
        "SELECT id, coalesce(filename, '') FROM documents WHERE id IN "
        "(SELECT id FROM documents WHERE title IS NULL UNION ALL SELECT id FROM documents WHERE title = '')"
    )
    found += cursor.execute(untitled).fetchall()
    return found


def _plain(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor giving tuples rather than `sqlite3.Row`s: for the list's 100,000-row reads, where making
    a Row per document costs more than the query."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor


def ids(conn: sqlite3.Connection, sort: str = "imported", descending: bool = False) -> list[int]:
    direction = "DESC" if descending else "ASC"
    if sort == "read":
        # When each was last read lives in its own table; never-read documents come first ascending
        # (SQLite sorts NULL lowest), last when the most recently read lead.
        sql = (
            "SELECT id FROM documents LEFT JOIN reading_positions ON reading_positions.doc_id = documents.id "
            f"ORDER BY reading_positions.read_at {direction}, id {direction}"
        )
        return [r[0] for r in _plain(conn).execute(sql)]
    order = SORT_KEYS.get(sort, "id")
    if order == "id":
        # In id order SQLite walks the table itself, and with it every row's text: read the ids from
        # the smallest index instead (a tenth of a second less at 100,000 documents) and sort them here.
        found = [r[0] for r in _plain(conn).execute("SELECT id FROM documents INDEXED BY documents_cleaner")]
        found.sort(reverse=descending)
        return found
    sql = f"SELECT id FROM documents ORDER BY {order} {direction}, id {direction}"
    return [r[0] for r in _plain(conn).execute(sql)]


def summaries(conn: sqlite3.Connection, doc_ids: Sequence[int]) -> dict[int, DocumentSummary]:
    result: dict[int, DocumentSummary] = {}
    for start in range(0, len(doc_ids), 500):
        chunk = list(doc_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT {LIST_COLUMNS} FROM documents WHERE id IN ({marks})", chunk):
            result[row["id"]] = summary_of(row)
    return result


def all_summaries(conn: sqlite3.Connection) -> list[DocumentSummary]:
    return [summary_of(r) for r in conn.execute(f"SELECT {LIST_COLUMNS} FROM documents ORDER BY id")]


def get(conn: sqlite3.Connection, doc_id: int) -> Document | None:
    if not valid_id(doc_id):
        return None
    row = conn.execute(
        f"SELECT {LIST_COLUMNS}, raw, original, text, detected, pages, headings FROM documents WHERE id = ?", (doc_id,)
    ).fetchone()
    if row is None:
        return None
    removed = [
        Removed(line=r["line"], text=r["text"], reason=r["reason"])
        for r in conn.execute("SELECT line, text, reason FROM removed_lines WHERE doc_id = ? ORDER BY line", (doc_id,))
    ]
    return Document(
        summary=summary_of(row),
        raw=row["raw"],
        original=row["original"] if row["original"] is not None else row["raw"],
        text=row["text"],
        removed=removed,
        overrides=overrides(conn, doc_id),
        detected=detected_of(row["detected"]),
        pages=pages_of(row["pages"]),
        headings=headings_of(row["headings"]),
    )


def text(conn: sqlite3.Connection, doc_id: int) -> str:
    """Just the cleaned text, for snippets and highlights that need nothing else."""
    if not valid_id(doc_id):
        return ""
    row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return "" if row is None else str(row[0])


def pages(conn: sqlite3.Connection, doc_id: int) -> tuple[int, ...]:
    """Where each printed page begins in the cleaned text; empty for a document without pages."""
    if not valid_id(doc_id):
        return ()
    row = conn.execute("SELECT pages FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return () if row is None else pages_of(row[0])


def overrides(conn: sqlite3.Connection, doc_id: int) -> dict[int, bool]:
    return {r[0]: bool(r[1]) for r in conn.execute("SELECT line, keep FROM line_overrides WHERE doc_id = ?", (doc_id,))}


def metadata_overrides(conn: sqlite3.Connection, doc_id: int) -> dict[str, str | None]:
    query = "SELECT field, value FROM metadata_overrides WHERE doc_id = ?"
    return {r[0]: r[1] for r in conn.execute(query, (doc_id,))}


def find_by_hash(conn: sqlite3.Connection, digest: str) -> int | None:
    row = conn.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
    return None if row is None else int(row[0])


def find_by_path(conn: sqlite3.Connection, path: str) -> int | None:
    query = "SELECT id FROM documents WHERE path = ? ORDER BY id LIMIT 1"
    row = conn.execute(query, (storable(path),)).fetchone()
    return None if row is None else int(row[0])


def stale(conn: sqlite3.Connection, cleaner_version: int) -> list[int]:
    """Documents cleaned by an older version of the cleaner, to be re-derived from their raw text."""
    query = "SELECT id FROM documents WHERE cleaner_version < ?"
    return [r[0] for r in conn.execute(query, (cleaner_version,))]


def has_stale(conn: sqlite3.Connection, cleaner_version: int) -> bool:
    query = "SELECT 1 FROM documents WHERE cleaner_version < ? LIMIT 1"
    return conn.execute(query, (cleaner_version,)).fetchone() is not None
