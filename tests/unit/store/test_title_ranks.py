"""Stored title ranks (schema 12): the upgrade, the triggers that drop a rank whose title changed, and the
guard that keeps ranks computed from titles read before a change out of the library."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.store import schema
from reader.store.db import open_library, user_version
from reader.store.library import Library

COLLATION = "test collation"


def add(conn: sqlite3.Connection, title: str | None, filename: str = "f.txt") -> int:
    """A document written straight into the table: only what ranking reads matters here."""
    cursor = conn.execute(
        "INSERT INTO documents (content_hash, path, filename, encoding, raw, text, title, imported_at, updated_at) "
        "VALUES (?, ?, ?, 'utf-8', 'x', 'x', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        (f"{title}-{filename}-{conn.execute('SELECT count(*) FROM documents').fetchone()[0]}", "/p", filename, title),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def test_upgrade_from_schema_11_keeps_documents_and_starts_without_ranks(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = open_library(path, migrations=schema.MIGRATIONS[:11])
    first = add(conn, "乙")
    conn.close()
    with Library(path) as library:
        assert user_version(library.conn) == len(schema.MIGRATIONS) >= 13
        assert library.ids() == [first]
        order = library.title_order
        assert order.collation() is None and order.changes() == 0
        assert order.unranked() == [(first, "乙")]
        assert order.ids() == []
    assert list(tmp_path.glob("old.sqlite.v11-*.bak"))  # the copy taken before the upgrade


def test_ranks_are_read_in_order_with_ties_by_id(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        a, b, c = add(library.conn, "甲"), add(library.conn, "乙"), add(library.conn, "甲")
        order = library.title_order
        assert order.store([(a, "甲", 10), (b, "乙", 20), (c, "甲", 10)], COLLATION, 0, replace=True) == 3
        assert order.collation() == COLLATION
        assert order.ids() == [a, c, b]
        assert order.ids(descending=True) == [b, c, a]
        assert order.unranked() == []
        assert order.bounds() == (10, 20)
        assert order.at_or_after(11) == (20, "乙") and order.at_or_after(21) is None
        assert order.rank_before(20) == 10 and order.rank_before(10) is None
        assert sorted(order.pairs()) == [(10, a), (10, c), (20, b)]


def test_a_changed_title_loses_its_rank_and_other_edits_keep_it(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        a, b = add(library.conn, "甲"), add(library.conn, None, "名.txt")
        order = library.title_order
        assert order.unranked() == [(a, "甲"), (b, "名.txt")]  # untitled: shown by its file name
        order.store([(a, "甲", 1), (b, "名.txt", 2)], COLLATION, 0, replace=True)
        library.conn.execute("UPDATE documents SET date = '2020-01-01', title = '甲' WHERE id = ?", (a,))
        assert order.unranked() == [] and order.changes() == 0
        library.set_metadata(a, {"title": "丙"})
        library.conn.execute("UPDATE documents SET filename = '另.txt' WHERE id = ?", (b,))
        assert order.unranked() == [(a, "丙"), (b, "另.txt")]
        assert order.changes() == 2


def test_ranks_read_before_a_change_are_not_stored(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        a, b = add(library.conn, "甲"), add(library.conn, "乙")
        order = library.title_order
        before = order.changes()
        library.conn.execute("UPDATE documents SET title = '丁' WHERE id = ?", (a,))
        assert order.store([(a, "甲", 1), (b, "乙", 2)], COLLATION, before, replace=True) == 0
        assert order.ids() == [] and order.collation() is None
        assert order.store([(a, "丁", 1), (b, "乙", 2)], COLLATION, order.changes(), replace=True) == 2


def test_placed_ranks_join_only_ranks_of_the_same_collation(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        a, b = add(library.conn, "甲"), add(library.conn, "乙")
        order = library.title_order
        order.store([(a, "甲", 4)], COLLATION, 0, replace=True)
        assert order.store([(b, "乙", 2)], "another collator", 0, replace=False) == 0
        assert order.store([(b, "乙", 2)], COLLATION, 0, replace=False) == 1
        assert order.ids() == [b, a]


def test_deleting_a_document_drops_its_rank_and_voids_pending_ranks(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        a, b = add(library.conn, "甲"), add(library.conn, "乙")
        order = library.title_order
        order.store([(a, "甲", 1), (b, "乙", 2)], COLLATION, 0, replace=True)
        before = order.changes()
        library.delete([a])
        assert order.ids() == [b] and order.changes() == before + 1
        # Ranks computed before the deletion (the id may be used again) are refused.
        assert order.store([(b, "乙", 5)], COLLATION, before, replace=False) == 0
        # And a rank for a document that no longer exists is never written.
        assert order.store([(a, "甲", 1)], COLLATION, order.changes(), replace=False) == 0
        assert order.pairs() == [(2, b)]


def test_documents_in_imported_order_either_way(tmp_path: Path) -> None:
    """Read from an index rather than the table, the ids still come in the order they were added."""
    with Library(tmp_path / "lib.sqlite") as library:
        added = [add(library.conn, title) for title in ("乙", "甲", None, "丙")]
        library.conn.execute("UPDATE documents SET cleaner_version = 5 WHERE id = ?", (added[0],))
        assert library.ids("imported") == added
        assert library.ids("imported", descending=True) == added[::-1]
