"""OCR'd pages and notes of unfinished imports (schema 14): the upgrade, the round trip, and the rule that
pages are kept exactly while an import is unfinished."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.store import schema
from reader.store.db import open_library, user_version
from reader.store.library import Library
from reader.store.ocr_pages import OcrPageStore
from reader.store.pending_imports import PendingImports


def _add_document(conn: sqlite3.Connection) -> int:
    cursor = conn.execute(
        "INSERT INTO documents (content_hash, path, filename, encoding, raw, text, title, imported_at, updated_at) "
        "VALUES ('h', '/p/a.txt', 'a.txt', 'utf-8', '正文', '正文', '标题', '2026-01-01T00:00:00Z', "
        "'2026-01-01T00:00:00Z')"
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def test_upgrade_from_schema_13_keeps_documents_and_adds_empty_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = open_library(path, migrations=schema.MIGRATIONS[:13])
    doc = _add_document(conn)
    assert user_version(conn) == 13
    conn.close()
    with Library(path) as library:
        assert user_version(library.conn) == 14
        assert library.ids() == [doc] and library.text(doc) == "正文"
        assert OcrPageStore(library.conn).count() == 0
        assert PendingImports(library.conn).all() == []
    assert list(tmp_path.glob("old.sqlite.v13-*.bak"))  # the copy taken before the upgrade


def test_a_page_reads_back_as_it_was_kept_and_is_replaced_when_read_again(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        pages = OcrPageStore(library.conn)
        assert pages.get("abc", "engine 1", 0) is None
        pages.put("abc", "engine 1", 0, '{"f":["第一页"]}')
        pages.put("abc", "engine 1", 1, '{"f":["第二页"]}')
        assert pages.get("abc", "engine 1", 0) == '{"f":["第一页"]}'
        assert pages.get("abc", "engine 2", 0) is None  # another engine: not the same reading
        assert pages.get("abd", "engine 1", 0) is None  # another file
        pages.put("abc", "engine 1", 0, '{"f":["重读"]}')
        assert pages.get("abc", "engine 1", 0) == '{"f":["重读"]}' and pages.count() == 2


def test_pages_are_kept_while_any_import_is_unfinished_and_go_with_the_last(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        notes, pages = PendingImports(library.conn), OcrPageStore(library.conn)
        first = notes.begin(["/scans/a.pdf", "/scans/b.pdf"])
        second = notes.begin(["/scans/c.pdf"])
        pages.put("a", "e", 0, "x")
        found = notes.all()
        assert [(n.id, n.paths, n.done) for n in found] == [
            (first, ("/scans/a.pdf", "/scans/b.pdf"), 0),
            (second, ("/scans/c.pdf",), 0),
        ]
        assert all(n.started_at.endswith("Z") for n in found)
        notes.finish([first])
        assert pages.count() == 1  # the second import may still need them
        notes.finish([second])
        assert notes.all() == [] and pages.count() == 0


def test_a_resumed_import_replaces_the_notes_it_takes_up_in_one_step(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        notes, pages = PendingImports(library.conn), OcrPageStore(library.conn)
        old = [notes.begin(["/a.pdf"]), notes.begin(["/b.pdf"])]
        pages.put("a", "e", 3, "x")
        new = notes.begin(["/a.pdf", "/b.pdf"], replaces=old)
        assert [n.id for n in notes.all()] == [new]
        assert pages.count() == 1  # taking an import up again keeps what it had read


def test_the_reading_connection_cannot_write_pages_or_notes(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    Library(path).close()
    with Library(path, readonly=True) as reading:
        with pytest.raises(sqlite3.OperationalError):
            OcrPageStore(reading.conn).put("a", "e", 0, "x")
        with pytest.raises(sqlite3.OperationalError):
            PendingImports(reading.conn).begin(["/a.pdf"])


def test_files_done_are_no_longer_listed_and_the_order_is_kept(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        notes = PendingImports(library.conn)
        noted = notes.begin(["/z.pdf", "/a.pdf", "/m.txt", "/a.pdf"])  # a file given twice is one file
        notes.file_done(noted, "/a.pdf")
        notes.file_done(noted, "/not-in-the-import.txt")
        [found] = notes.all()
        assert found.paths == ("/z.pdf", "/m.txt") and found.done == 1


def test_a_finished_note_leaves_no_rows_of_its_files(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        notes = PendingImports(library.conn)
        notes.finish([notes.begin(["/a.pdf", "/b.pdf"])])
        assert library.conn.execute("SELECT count(*) FROM pending_import_files").fetchone()[0] == 0


def test_a_file_name_that_is_not_utf8_is_noted_and_given_back_exactly(tmp_path: Path) -> None:
    """A GBK file name arrives as lone surrogates (surrogateescape); resuming must open that very file."""
    name = str(tmp_path / "报告.txt".encode("gbk").decode("utf-8", "surrogateescape"))
    with Library(tmp_path / "lib.sqlite") as library:
        notes = PendingImports(library.conn)
        import_id = notes.begin([name, "/p/b.txt"])
        notes.file_done(import_id, "/p/b.txt")
        [pending] = notes.all()
        assert pending.paths == (name,)
        notes.file_done(import_id, name)
        assert notes.all()[0].paths == ()
