"""Deleting documents: every row that belongs to them goes, in one transaction; nothing else moves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.app.deriving import set_line_override
from reader.app.entities import update_pending
from reader.app.importing import import_paths
from reader.store import search
from reader.store.library import Library

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite")
    import_paths(lib, [SEEDS], workers=1)
    yield lib  # type: ignore[misc]
    lib.close()


def rows_per_table(conn: sqlite3.Connection, doc_id: int) -> dict[str, int]:
    """How many rows each table with a doc_id column holds for one document."""
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    ]
    counts: dict[str, int] = {}
    for table in tables:
        columns = {c[1] for c in conn.execute(f'PRAGMA table_info("{table}")')}
        if "doc_id" in columns:
            counts[table] = conn.execute(f'SELECT count(*) FROM "{table}" WHERE doc_id = ?', (doc_id,)).fetchone()[0]
    counts["documents"] = conn.execute("SELECT count(*) FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    return counts


def fill(lib: Library, doc_id: int) -> None:
    """Give a document a row in every kind of table: annotations, overrides, entities, the index."""
    lib.annotations.create(doc_id, 0, 4, note="笔记一", tags=["要点"])
    lib.annotations.create(doc_id, 10, 14)
    lib.set_metadata(doc_id, {"author": "某某"})
    set_line_override(lib, doc_id, 0, True)
    update_pending(lib)


def test_delete_removes_every_row_of_the_document(library: Library) -> None:
    first, second, *_ = library.ids()
    fill(library, first)
    fill(library, second)
    before = rows_per_table(library.conn, first)
    assert {t for t, n in before.items() if n} >= {
        "documents",
        "annotations",
        "metadata_overrides",
        "line_overrides",
        "removed_lines",
        "entities",
        "entity_state",
        "search_docs",
        "search_packed",
        "search_tags",
    }
    untouched = rows_per_table(library.conn, second)

    deleted = library.delete([first])

    assert [(d.id, d.annotations) for d in deleted] == [(first, 2)]
    assert deleted[0].title
    assert all(n == 0 for n in rows_per_table(library.conn, first).values())
    assert rows_per_table(library.conn, second) == untouched
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert library.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # The full-text rows went too: a word of the deleted document finds only what is left.
    assert first not in search.matching_ids(library.conn, "笔记一")
    assert second in search.matching_ids(library.conn, "笔记一")
    assert library.get(first) is None
    assert library.count() == 4


def test_delete_skips_unknown_ids_and_duplicates(library: Library) -> None:
    ids = library.ids()
    deleted = library.delete([ids[0], ids[0], 999_999, -1])
    assert [d.id for d in deleted] == [ids[0]]
    assert library.ids() == ids[1:]


def test_delete_is_all_or_nothing(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = library.ids()
    calls: list[int] = []

    def fail_on_second(conn: sqlite3.Connection, doc_id: int) -> None:
        calls.append(doc_id)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(search, "remove_document", fail_on_second)
    with pytest.raises(sqlite3.OperationalError):
        library.delete(ids[:2])
    assert library.ids() == ids


def test_annotation_counts_in_one_query(library: Library) -> None:
    first, second, third, *_ = library.ids()
    fill(library, first)
    library.annotations.create(second, 0, 2)
    assert library.annotation_counts() == {first: 2, second: 1}
    assert library.annotation_counts([second, third]) == {second: 1}


def test_file_size_counts_data_not_journal_slack(library: Library) -> None:
    """Writes waiting in the log count as soon as they are made; the log's own size never does."""
    before = library.file_size()
    for _ in range(20):
        fill(library, library.ids()[0])
    grown = library.file_size()
    assert grown > before
    wal = library.path.with_name(library.path.name + "-wal")
    assert grown < library.path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert library.file_size() == library.path.stat().st_size == grown
