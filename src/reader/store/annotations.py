"""The user's annotations: saved the moment they change, re-anchored when the text changes, never deleted
by the program.

Every change is one transaction. When a document's cleaned text changes, each annotation is placed again
from its quote, prefix and suffix; one that cannot be placed is kept as an orphan with its quote and
note, for the user to re-attach.
"""

from __future__ import annotations

import json
import sqlite3
import uuid as uuidlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from reader.core.annotations.model import Annotation
from reader.core.annotations.selectors import Anchor, describe
from reader.store.db import run_script, transaction

COLUMNS = "uuid, doc_id, start, end, quote, prefix, suffix, color, note, tags, created, modified, orphan"
INT64_MAX = 2**63 - 1


def migrate(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE annotations (
            uuid TEXT PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT 'yellow',
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            orphan INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX annotations_doc ON annotations(doc_id, start);
        """,
    )


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _row(row: sqlite3.Row | Mapping[str, Any]) -> Annotation:
    return Annotation(
        uuid=str(row["uuid"]),
        doc_id=int(row["doc_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        quote=str(row["quote"]),
        prefix=str(row["prefix"]),
        suffix=str(row["suffix"]),
        color=str(row["color"]),
        note=str(row["note"]),
        tags=read_tags(row["tags"]),
        created=str(row["created"]),
        modified=str(row["modified"]),
        orphan=bool(row["orphan"]),
    )


def read_tags(raw: str | None) -> tuple[str, ...]:
    """The tags stored as a JSON list. A cell that is not one (damaged, or typed by hand in another
    tool) is read as its words split at commas and semicolons, so the tags stay visible and are written
    back as a proper list the next time the annotation is saved, instead of making it unreadable."""
    if not raw:
        return ()
    try:
        value = json.loads(raw)
    except ValueError:
        return clean_tags(raw.replace(";", ",").split(","))
    if isinstance(value, list):
        return clean_tags(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
    return clean_tags([value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)])


def _values(annotation: Annotation) -> tuple[object, ...]:
    """An annotation's row, in the order of `COLUMNS`."""
    return (
        annotation.uuid,
        annotation.doc_id,
        annotation.start,
        annotation.end,
        annotation.quote,
        annotation.prefix,
        annotation.suffix,
        annotation.color,
        annotation.note,
        json.dumps(list(annotation.tags), ensure_ascii=False),
        annotation.created,
        annotation.modified,
        int(annotation.orphan),
    )


def check_storable(annotation: Annotation) -> None:
    """ValueError when SQLite cannot hold the annotation as it is (offsets past 64-bit integers, text
    with lone surrogates from a malformed import), so the caller can skip it with that reason."""
    if not (0 <= annotation.start <= INT64_MAX and 0 <= annotation.end <= INT64_MAX):
        raise ValueError(f"its offsets {annotation.start}-{annotation.end} are out of range")
    if not 0 < annotation.doc_id <= INT64_MAX:
        raise ValueError(f"its document id {annotation.doc_id} is out of range")
    texts = (
        annotation.uuid,
        annotation.quote,
        annotation.prefix,
        annotation.suffix,
        annotation.color,
        annotation.note,
        annotation.created,
        annotation.modified,
        *annotation.tags,
    )
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("its text is not valid Unicode (a lone surrogate)") from None


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for tag in tags:
        tag = tag.strip().lstrip("#").strip()
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


class AnnotationStore:
    def __init__(self, conn: sqlite3.Connection, on_change: Callable[[int], None] | None = None) -> None:
        self.conn = conn
        # Called with the document id inside the transaction of every change (the search index of
        # notes and tags follows the annotations).
        self._on_change = on_change

    def _text(self, doc_id: int) -> str:
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(f"no document with id {doc_id}")
        return str(row[0])

    def create(
        self,
        doc_id: int,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
        uuid: str | None = None,
    ) -> Annotation:
        """Make and save a new annotation on the document's cleaned text."""
        annotation = self.build(doc_id, start, end, color=color, note=note, tags=tags, uuid=uuid)
        self.put(annotation)
        return annotation

    def build(
        self,
        doc_id: int,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        note: str = "",
        tags: Iterable[str] = (),
        uuid: str | None = None,
        text: str | None = None,
    ) -> Annotation:
        """An annotation for the span, not yet saved (the window saves it through an undoable command).

        `text` is the document's cleaned text when the caller has it in hand (the window has the open
        document), saving a read of the whole text per highlight."""
        text = self._text(doc_id) if text is None else text
        if not 0 <= start < end <= len(text):
            raise ValueError(f"the span {start}-{end} is outside the text (0-{len(text)})")
        selector = describe(text, start, end)
        stamp = now()
        annotation = Annotation(
            uuid=uuid or str(uuidlib.uuid4()),
            doc_id=doc_id,
            start=start,
            end=end,
            quote=selector.quote,
            prefix=selector.prefix,
            suffix=selector.suffix,
            color=color,
            note=note,
            tags=clean_tags(tags),
            created=stamp,
            modified=stamp,
        )
        return annotation

    def put(self, annotation: Annotation) -> None:
        """Insert or replace one annotation as given (also used to undo a deletion).

        ValueError (before anything is written) when the annotation cannot be stored; see `check_storable`.
        """
        check_storable(annotation)
        with transaction(self.conn):
            self.conn.execute(
                f"INSERT OR REPLACE INTO annotations ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _values(annotation),
            )
            if self._on_change is not None:
                self._on_change(annotation.doc_id)

    def adopt(self, rows: Sequence[Mapping[str, object]], doc_id: int) -> list[Annotation]:
        """Insert kept annotation rows (a deleted document's) on document `doc_id`, inside the caller's
        transaction, at their old offsets until `place` puts them where they belong; an annotation
        already in the library (same uuid) is left as it is. Returns those inserted."""
        adopted: list[Annotation] = []
        for row in rows:
            annotation = replace(_row(row), doc_id=doc_id)
            if self.get(annotation.uuid) is not None:
                continue
            self.conn.execute(
                f"INSERT INTO annotations ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _values(annotation),
            )
            adopted.append(annotation)
        if adopted and self._on_change is not None:
            self._on_change(doc_id)
        return adopted

    def orphans(self) -> set[str]:
        """The uuids of every annotation kept as an orphan (its passage not found in the current text)."""
        return {str(r[0]) for r in self.conn.execute("SELECT uuid FROM annotations WHERE orphan = 1")}

    def get(self, uuid: str) -> Annotation | None:
        row = self.conn.execute(f"SELECT {COLUMNS} FROM annotations WHERE uuid = ?", (uuid,)).fetchone()
        return None if row is None else _row(row)

    def update(
        self,
        uuid: str,
        *,
        color: str | None = None,
        note: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Annotation:
        current = self.get(uuid)
        if current is None:
            raise KeyError(f"no annotation {uuid}")
        changed = replace(
            current,
            color=current.color if color is None else color,
            note=current.note if note is None else note,
            tags=current.tags if tags is None else clean_tags(tags),
            modified=now(),
        )
        self.put(changed)
        return changed

    def reattach(self, uuid: str, start: int, end: int) -> Annotation:
        """Give an orphan (or any annotation) a new place chosen by the user."""
        changed = self.relocated(uuid, start, end)
        self.put(changed)
        return changed

    def relocated(self, uuid: str, start: int, end: int) -> Annotation:
        """The annotation as it would be at a new place, not saved (the window saves it undoably)."""
        current = self.get(uuid)
        if current is None:
            raise KeyError(f"no annotation {uuid}")
        text = self._text(current.doc_id)
        selector = describe(text, start, end)
        return replace(
            current,
            start=start,
            end=end,
            quote=selector.quote,
            prefix=selector.prefix,
            suffix=selector.suffix,
            orphan=False,
            modified=now(),
        )

    def delete(self, uuid: str) -> Annotation | None:
        """Remove one annotation and return it, so the caller can offer undo."""
        current = self.get(uuid)
        if current is not None:
            with transaction(self.conn):
                self.conn.execute("DELETE FROM annotations WHERE uuid = ?", (uuid,))
                if self._on_change is not None:
                    self._on_change(current.doc_id)
        return current

    def for_document(self, doc_id: int) -> list[Annotation]:
        """In reading order; orphans last."""
        rows = self.conn.execute(
            f"SELECT {COLUMNS} FROM annotations WHERE doc_id = ? ORDER BY orphan, start, end, created", (doc_id,)
        )
        return [_row(r) for r in rows]

    def count_by_document(self) -> dict[int, int]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT doc_id, count(*) FROM annotations GROUP BY doc_id")}

    def all(self, *, query: str = "", color: str | None = None, tag: str | None = None) -> list[Annotation]:
        """Library-wide, searchable by quote, note and tag; newest first."""
        sql = f"SELECT {COLUMNS} FROM annotations"
        where: list[str] = []
        params: list[object] = []
        if color:
            where.append("color = ?")
            params.append(color)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY modified DESC"
        result = [_row(r) for r in self.conn.execute(sql, params)]
        from reader.core.text.normalise import normalise

        if tag:
            # In either script, as the library search's `tag:` finds them (臺灣 for a tag 台湾).
            wanted = normalise(tag.strip().lstrip("#").strip())
            result = [a for a in result if any(normalise(t) == wanted for t in a.tags)]
        if query:
            needle = normalise(query.strip())
            result = [
                a
                for a in result
                if needle in normalise(a.quote)
                or needle in normalise(a.note)
                or any(needle in normalise(t) for t in a.tags)
            ]
        return result

    def tags(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for (raw,) in self.conn.execute("SELECT tags FROM annotations"):
            for tag in read_tags(raw):
                counts[tag] = counts.get(tag, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def place(
        self, annotations: Sequence[Annotation], anchors: Sequence[Anchor | None], text: str | None = None
    ) -> tuple[int, int]:
        """Store where each annotation now lies (None: it could not be placed and is kept as an
        orphan); returns (placed, orphaned). Runs inside the caller's transaction: the text change and
        the new places must land together. Where they lie is the operations layer's to find.

        With the new `text`, an annotation placed on the same words with only their markup changed (a
        rebased anchor) takes the text now shown as its quote and context, so exports read what the reader
        sees; any other placement keeps the quote the user selected."""
        placed = orphaned = 0
        for annotation, found in zip(annotations, anchors, strict=True):
            if found is None:
                orphaned += 1
                if not annotation.orphan:
                    self.conn.execute("UPDATE annotations SET orphan = 1 WHERE uuid = ?", (annotation.uuid,))
                continue
            placed += 1
            if text is not None and found.rebased and found.end <= len(text):
                now = describe(text, found.start, found.end)
                if (now.quote, now.prefix, now.suffix) != (annotation.quote, annotation.prefix, annotation.suffix):
                    self.conn.execute(
                        "UPDATE annotations SET quote = ?, prefix = ?, suffix = ? WHERE uuid = ?",
                        (now.quote, now.prefix, now.suffix, annotation.uuid),
                    )
            if (found.start, found.end, annotation.orphan) != (annotation.start, annotation.end, False):
                self.conn.execute(
                    "UPDATE annotations SET start = ?, end = ?, orphan = 0 WHERE uuid = ?",
                    (found.start, found.end, annotation.uuid),
                )
        return placed, orphaned
