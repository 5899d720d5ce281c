"""Each document's place in the list sorted by title, kept so that 100,000 titles sort in one index scan.

Chinese titles sort by pinyin through a collator the window owns (Qt's, backed by ICU); the store has no
collator and never computes an order itself. The window ranks the titles, and the ranks are kept here:
one row per document, `rank` an integer whose order is the collation order of the titles (equal titles,
equal ranks; ties go by id), with gaps between neighbours so a new title is placed between two others
without renumbering the rest. `title` is the title the rank was given for, so new titles can be placed
without reading the documents table. The table, its index and its triggers are schema 12.

A rank is only ever as good as the title it was given for, and three rules keep them so:
- a trigger drops a document's rank when its title or file name changes (the shown title is the file
  name when there is no title), and the cascade drops it with the document, so a missing rank is the
  only way a rank can be out of date;
- every change of titles (and every deletion, after which an id may be used again) moves a counter,
  `title_changes`; ranks computed from titles read before the counter moved are not stored (`store`);
- the collator's identity is kept beside the ranks (`collation`): ranks made by another collator (a Qt or
  ICU upgrade) are all made again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reader.store.db import transaction

COLLATION_KEY = "title_collation"
CHANGES_KEY = "title_changes"

# Rows of (document id, shown title, rank) as the window computed them.
Ranked = Sequence[tuple[int, str, int]]

_SHOWN_TITLE = "coalesce(nullif(title, ''), filename, '')"


class TitleOrder:
    """The stored ranks over one connection: the window's (reading) or the writer's."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def collation(self) -> str | None:
        """Which collator made the stored ranks; None before any were stored."""
        row = self.conn.execute("SELECT value FROM library_meta WHERE key = ?", (COLLATION_KEY,)).fetchone()
        return None if row is None else str(row[0])

    def changes(self) -> int:
        """How many times titles changed or documents went: read before the titles that are ranked."""
        row = self.conn.execute("SELECT value FROM library_meta WHERE key = ?", (CHANGES_KEY,)).fetchone()
        try:
            return 0 if row is None else int(row[0])
        except (TypeError, ValueError):
            return 0

    def ids(self, descending: bool = False) -> list[int]:
        """Every ranked document in title order (equal titles by id), in one scan of the rank index."""
        direction = "DESC" if descending else "ASC"
        cursor = self.conn.cursor()
        cursor.row_factory = None
        order = f"ORDER BY rank {direction}, doc_id {direction}"
        return [r[0] for r in cursor.execute(f"SELECT doc_id FROM title_order INDEXED BY title_order_rank {order}")]

    def pairs(self) -> list[tuple[int, int]]:
        """(rank, document id) of every ranked document, for merging newly placed ones in."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return cursor.execute("SELECT rank, doc_id FROM title_order INDEXED BY title_order_rank").fetchall()

    def bounds(self) -> tuple[int, int] | None:
        """The lowest and highest stored rank; None when nothing is ranked."""
        row = self.conn.execute("SELECT min(rank), max(rank) FROM title_order").fetchone()
        return None if row is None or row[0] is None else (int(row[0]), int(row[1]))

    def at_or_after(self, rank: int) -> tuple[int, str] | None:
        """The first stored (rank, title) at `rank` or above: one step of placing a new title."""
        row = self.conn.execute(
            "SELECT rank, title FROM title_order INDEXED BY title_order_rank WHERE rank >= ? ORDER BY rank LIMIT 1",
            (rank,),
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def rank_before(self, rank: int) -> int | None:
        """The highest stored rank below `rank`, None when there is none."""
        row = self.conn.execute(
            "SELECT rank FROM title_order INDEXED BY title_order_rank WHERE rank < ? ORDER BY rank DESC LIMIT 1",
            (rank,),
        ).fetchone()
        return None if row is None else int(row[0])

    def unranked(self) -> list[tuple[int, str]]:
        """(id, shown title) of the documents without a rank: new ones and those whose title changed.

        Most of the time there are none, which two counts tell without looking at any row."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        documents, ranked = cursor.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM title_order)"
        ).fetchone()
        if documents == ranked:
            return []
        # Ids from the small cleaner index (reading `documents` itself would walk every text), titles
        # then for the few found.
        missing = [
            r[0]
            for r in cursor.execute(
                "SELECT id FROM documents INDEXED BY documents_cleaner "
                "WHERE NOT EXISTS (SELECT 1 FROM title_order WHERE title_order.doc_id = documents.id)"
            )
        ]
        found: list[tuple[int, str]] = []
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found += cursor.execute(f"SELECT id, {_SHOWN_TITLE} FROM documents WHERE id IN ({marks})", chunk).fetchall()
        return found

    def store(self, ranked: Ranked, collation: str, changes: int, *, replace: bool) -> int:
        """Keep ranks the window computed from titles read when the counter stood at `changes`.

        `replace` drops every stored rank first (a collation made afresh); otherwise the ranks join
        those stored, which must come from the same collator. Nothing is written when titles changed
        since they were read, or when another collator's ranks are kept (a rank computed then could
        belong to a title no longer shown); the next sort ranks again. Returns the rows written.
        """
        with transaction(self.conn):
            if self.changes() != changes or (not replace and self.collation() != collation):
                return 0
            if replace:
                self.conn.execute("DELETE FROM title_order")
                self.conn.execute(
                    "INSERT OR REPLACE INTO library_meta(key, value) VALUES (?, ?)", (COLLATION_KEY, collation)
                )
            # Only documents that still exist: one deleted since is gone, and its id may come back.
            written = self.conn.executemany(
                "INSERT OR REPLACE INTO title_order (doc_id, title, rank) SELECT id, ?, ? FROM documents WHERE id = ?",
                [(title, rank, doc_id) for doc_id, title, rank in ranked],
            ).rowcount
        return max(0, written)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that see the same library: between two of them the writer may store ranks, and
        a document would then be found both without a rank and with one."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")
