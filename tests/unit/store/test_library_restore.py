"""Deleting with undo: the rows kept before a deletion bring the documents back exactly, same ids."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_library_delete import fill, rows_per_table

from reader.app.importing import import_paths
from reader.store import deleting, search
from reader.store.library import Library

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite")
    import_paths(lib, [SEEDS], workers=1)
    yield lib  # type: ignore[misc]
    lib.close()


def every_row(conn: sqlite3.Connection, doc_id: int) -> dict[str, list[tuple[object, ...]]]:
    """Each table's rows for one document, sorted, the derived search tables included."""
    tables = list(rows_per_table(conn, doc_id))
    found: dict[str, list[tuple[object, ...]]] = {}
    for table in tables:
        key = "id" if table == "documents" else "doc_id"
        found[table] = sorted(map(tuple, conn.execute(f'SELECT * FROM "{table}" WHERE {key} = ?', (doc_id,))), key=repr)
    return found


def test_snapshot_then_restore_brings_every_row_back(library: Library) -> None:
    first, second, third, *_ = library.ids()
    fill(library, first)
    fill(library, second)  # two documents with entities: each is re-indexed in the same transaction
    library.positions.set(first, 42)
    library.keep_file(first, b"the file as imported")
    before = {doc_id: every_row(library.conn, doc_id) for doc_id in (first, second)}
    untouched = every_row(library.conn, third)

    deleted, kept = deleting.delete_keeping(library.conn, [first, 999_999, second])

    assert [d.id for d in deleted] == [first, second] and kept.ids == [first, second]
    assert library.get(first) is None
    restored = deleting.restore(library.conn, kept, library.reindex)
    assert restored.ids == [first, second] and restored.skipped == []
    # Every row is back, the search rows rebuilt to what they were.
    assert {doc_id: every_row(library.conn, doc_id) for doc_id in (first, second)} == before
    assert every_row(library.conn, third) == untouched
    assert library.original_file(first) == b"the file as imported"
    assert library.positions.get(first) == 42
    assert first in search.matching_ids(library.conn, "笔记一")  # the notes are searchable again
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert library.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # The FTS rows are consistent: deleting again removes them cleanly.
    library.delete([first])
    assert first not in search.matching_ids(library.conn, "笔记一")


def test_snapshot_leaves_out_the_search_index_and_unknown_ids(library: Library) -> None:
    first = library.ids()[0]
    kept = deleting.snapshot(library.conn, [first, first, -3, 123_456])
    assert kept.ids == [first]
    tables = [t.table for t in kept.documents[0].tables]
    assert tables[0] == "documents" and not any(t.startswith("search_") for t in tables)
    assert library.get(first) is not None  # a snapshot only reads


def test_restore_skips_a_document_whose_file_came_back_since(library: Library) -> None:
    first, second, *_ = library.ids()
    _, kept = deleting.delete_keeping(library.conn, [first, second])
    # The same file imported again after the deletion takes the content hash (under a new id).
    import_paths(library, [SEEDS], workers=1)
    again = set(library.ids())
    restored = deleting.restore(library.conn, kept, library.reindex)
    assert sorted(restored.skipped) == sorted([first, second]) and restored.ids == []
    assert set(library.ids()) == again


def test_restore_is_all_or_nothing(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, *_ = library.ids()
    _, kept = deleting.delete_keeping(library.conn, [first, second])
    calls: list[int] = []

    def fail_on_second(doc_id: int) -> None:
        calls.append(doc_id)
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        library.reindex(doc_id)

    with pytest.raises(sqlite3.OperationalError):
        deleting.restore(library.conn, kept, fail_on_second)
    assert library.get(first) is None and library.get(second) is None


def test_a_new_document_never_takes_a_deleted_documents_id(library: Library, tmp_path: Path) -> None:
    newest = max(library.ids())
    deleted, kept = deleting.delete_keeping(library.conn, [newest])
    assert [d.id for d in deleted] == [newest]
    left = set(library.ids())
    fresh = tmp_path / "新的报告.txt"
    fresh.write_text("关于开展春季植树活动的通知\n\n各单位：请于三月底前完成植树任务。\n", encoding="utf-8")
    import_paths(library, [fresh], workers=1)
    (added,) = set(library.ids()) - left
    assert added > newest  # SQLite alone would have given it `newest`
    # So the deletion can still be undone after the import, with its own id.
    restored = deleting.restore(library.conn, kept, library.reindex)
    assert restored.ids == [newest] and restored.skipped == []
    assert library.get(added) is not None and library.get(newest) is not None


def test_the_id_floor_never_goes_down(library: Library, tmp_path: Path) -> None:
    """Deleting an old document after a newer one keeps the newer id out of reach (the floor is a
    number: as text, the last deletion's id would win)."""
    first, *_, newest = sorted(library.ids())
    library.delete([newest])
    library.delete([first])
    left = set(library.ids())
    fresh = tmp_path / "另一份报告.txt"
    fresh.write_text("关于做好秋季防火工作的通知\n\n各单位：请做好防火检查。\n", encoding="utf-8")
    import_paths(library, [fresh], workers=1)
    (added,) = set(library.ids()) - left
    assert added > newest
