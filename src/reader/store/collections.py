"""Collections of documents and tags on documents: plain rows (migration 10).

A collection is a name; a document may be in any number of them. A document's tags are its own,
apart from the tags of its annotations (the search index holds those). Names and tags are compared in
the folded form the search box uses (`core.query.fold`, stripped), kept beside them as `norm`, so
`collection:` and `tag:` find them however they were typed, and "Health" and "health" are one name.

Each write is one transaction of its own; a name the user has to change raises `ValueError` with a
one-line message, an id that names nothing raises `KeyError`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.core.query import clean, fold
from reader.store.db import transaction

__all__ = ["MAX_NAME_LENGTH", "Collection", "CollectionStore", "norm"]

MAX_NAME_LENGTH = 200
"""Longer names or tags are a paste by mistake; they would not fit a sidebar or a query anyway."""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def norm(name: str) -> str:
    """The folded form a name or tag is matched by (the same as a query's folded value)."""
    return fold(name).strip()


def _checked(name: str, what: str) -> str:
    """`name` stripped, or ValueError in words for `what` ("a collection name", "a tag")."""
    text = clean(name).strip()
    if not text:
        raise ValueError(f"{what} cannot be empty")
    if len(text) > MAX_NAME_LENGTH:
        raise ValueError(f"{what} has at most {MAX_NAME_LENGTH} characters")
    if "\n" in text or "\r" in text:
        raise ValueError(f"{what} is one line")
    return text


@dataclass(frozen=True)
class Collection:
    """One collection and how many documents are in it."""

    id: int
    name: str
    count: int = 0

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "documents": self.count}


class CollectionStore:
    """Collections and document tags over one connection (the writer's, or a reading one)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- reading -----------------------------------------------------------------------------------
    def all(self) -> list[Collection]:
        """Every collection with its document count, by name in folded order."""
        rows = self.conn.execute(
            "SELECT c.id, c.name, count(cd.doc_id) FROM collections c "
            "LEFT JOIN collection_documents cd ON cd.collection_id = c.id GROUP BY c.id ORDER BY c.norm, c.id"
        )
        return [Collection(int(i), str(n), int(k)) for i, n, k in rows]

    def get(self, collection_id: int) -> Collection | None:
        row = self.conn.execute(
            "SELECT c.id, c.name, (SELECT count(*) FROM collection_documents WHERE collection_id = c.id) "
            "FROM collections c WHERE c.id = ?",
            (collection_id,),
        ).fetchone()
        return None if row is None else Collection(int(row[0]), str(row[1]), int(row[2]))

    def find(self, name: str) -> Collection | None:
        """The collection called `name` (folded comparison), or None."""
        row = self.conn.execute("SELECT id FROM collections WHERE norm = ?", (norm(name),)).fetchone()
        return None if row is None else self.get(int(row[0]))

    def members(self, collection_id: int) -> list[int]:
        """Ids of the documents in a collection, ascending."""
        rows = self.conn.execute(
            "SELECT doc_id FROM collection_documents WHERE collection_id = ? ORDER BY doc_id", (collection_id,)
        )
        return [int(r[0]) for r in rows]

    def of_document(self, doc_id: int) -> list[Collection]:
        """The collections a document is in, by name."""
        rows = self.conn.execute(
            "SELECT c.id FROM collection_documents cd JOIN collections c ON c.id = cd.collection_id "
            "WHERE cd.doc_id = ? ORDER BY c.norm",
            (doc_id,),
        )
        return [c for c in (self.get(int(r[0])) for r in rows.fetchall()) if c is not None]

    def holding(self, doc_ids: Iterable[int]) -> list[Collection]:
        """The collections that hold at least one of these documents, by name."""
        ids = json.dumps(sorted(set(doc_ids)))
        rows = self.conn.execute(
            "SELECT DISTINCT collection_id FROM collection_documents WHERE doc_id IN (SELECT value FROM json_each(?))",
            (ids,),
        ).fetchall()
        found = [c for c in (self.get(int(r[0])) for r in rows) if c is not None]
        return sorted(found, key=lambda c: (norm(c.name), c.id))

    def common_tags(self, doc_ids: Iterable[int]) -> list[str]:
        """The tags every one of these documents carries (in the first document's spelling)."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return []
        shared = {norm(t): t for t in self.tags(ids[0])}
        for doc_id in ids[1:]:
            shared = {n: t for n, t in shared.items() if n in {norm(x) for x in self.tags(doc_id)}}
        return list(shared.values())

    def tags(self, doc_id: int) -> list[str]:
        """A document's own tags, in folded order."""
        rows = self.conn.execute("SELECT tag FROM document_tags WHERE doc_id = ? ORDER BY norm", (doc_id,))
        return [str(r[0]) for r in rows]

    def all_tags(self) -> list[tuple[str, int]]:
        """Every document tag with how many documents carry it, most used first."""
        rows = self.conn.execute(
            "SELECT min(tag), count(*) AS n FROM document_tags GROUP BY norm ORDER BY n DESC, norm"
        )
        return [(str(t), int(n)) for t, n in rows]

    # -- writing -----------------------------------------------------------------------------------
    def create(self, name: str) -> Collection:
        """A new, empty collection. ValueError if the name is empty or already taken."""
        text = _checked(name, "a collection name")
        with transaction(self.conn):
            self._refuse_taken(text, None)
            cur = self.conn.execute(
                "INSERT INTO collections (name, norm, created_at) VALUES (?, ?, ?)", (text, norm(text), _now())
            )
            new_id = int(cur.lastrowid or 0)
        return Collection(new_id, text, 0)

    def rename(self, collection_id: int, name: str) -> Collection:
        text = _checked(name, "a collection name")
        with transaction(self.conn):
            self._require(collection_id)
            self._refuse_taken(text, collection_id)
            self.conn.execute(
                "UPDATE collections SET name = ?, norm = ? WHERE id = ?", (text, norm(text), collection_id)
            )
        found = self.get(collection_id)
        assert found is not None
        return found

    def delete(self, collection_id: int) -> tuple[Collection, list[int]]:
        """Remove a collection (never its documents): what it was and the documents that were in it."""
        with transaction(self.conn):
            gone = self._require(collection_id)
            members = self.members(collection_id)
            self.conn.execute("DELETE FROM collection_documents WHERE collection_id = ?", (collection_id,))
            self.conn.execute("DELETE FROM collections WHERE id = ?", (collection_id,))
        return gone, members

    def add(self, collection_id: int, doc_ids: Iterable[int]) -> list[int]:
        """Put documents in a collection; returns those newly added (gone ids and members are skipped)."""
        added: list[int] = []
        with transaction(self.conn):
            self._require(collection_id)
            for doc_id in dict.fromkeys(doc_ids):
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO collection_documents (collection_id, doc_id, added_at) "
                    "SELECT ?, id, ? FROM documents WHERE id = ?",
                    (collection_id, _now(), doc_id),
                )
                if cur.rowcount > 0:
                    added.append(doc_id)
        return added

    def remove(self, collection_id: int, doc_ids: Iterable[int]) -> list[int]:
        """Take documents out of a collection; returns those that were in it."""
        removed: list[int] = []
        with transaction(self.conn):
            self._require(collection_id)
            for doc_id in dict.fromkeys(doc_ids):
                cur = self.conn.execute(
                    "DELETE FROM collection_documents WHERE collection_id = ? AND doc_id = ?", (collection_id, doc_id)
                )
                if cur.rowcount > 0:
                    removed.append(doc_id)
        return removed

    def set_tags(self, doc_id: int, tags: Sequence[str]) -> bool:
        """Replace a document's tags (blank ones dropped, one per folded form, the first spelling kept).

        Returns whether anything changed; KeyError if the document does not exist.
        """
        wanted: dict[str, str] = {}
        for tag in tags:
            if clean(tag).strip():
                text = _checked(tag, "a tag")
                wanted.setdefault(norm(text), text)
        with transaction(self.conn):
            if self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
                raise KeyError(f"no document with id {doc_id}")
            rows = self.conn.execute("SELECT norm, tag FROM document_tags WHERE doc_id = ?", (doc_id,))
            if dict(rows.fetchall()) == wanted:
                return False
            self.conn.execute("DELETE FROM document_tags WHERE doc_id = ?", (doc_id,))
            self.conn.executemany(
                "INSERT INTO document_tags (doc_id, norm, tag) VALUES (?, ?, ?)",
                [(doc_id, n, t) for n, t in wanted.items()],
            )
        return True

    def _require(self, collection_id: int) -> Collection:
        found = self.get(collection_id)
        if found is None:
            raise KeyError(f"no collection with id {collection_id}")
        return found

    def _refuse_taken(self, name: str, allowed: int | None) -> None:
        row = self.conn.execute("SELECT id, name FROM collections WHERE norm = ?", (norm(name),)).fetchone()
        if row is not None and int(row[0]) != allowed:
            raise ValueError(f"a collection called {row[1]} already exists")
