"""The one writer: operations run in order on its thread, changes reach listeners, failures reach callers."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from reader.app.changes import Changes, Outcome
from reader.app.writer import Writer, WriterClosed
from reader.store.db import LibraryError
from reader.store.library import Library


def test_operations_run_in_order_on_one_thread(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    with Writer(tmp_path / "lib.sqlite") as writer:
        futures = [writer.submit(lambda _lib, n=n: Outcome(seen.append((n, threading.get_ident())))) for n in range(20)]
        for future in futures:
            future.result(timeout=10)
    assert [n for n, _ in seen] == list(range(20))
    threads = {t for _, t in seen}
    assert len(threads) == 1 and threads != {threading.get_ident()}


def test_listeners_get_changes_unless_told_not_to(tmp_path: Path) -> None:
    heard: list[Changes] = []
    with Writer(tmp_path / "lib.sqlite") as writer:
        writer.add_listener(heard.append)
        writer.run(lambda _lib: Outcome(1, Changes.of(annotations=[3])))
        writer.run(lambda _lib: Outcome(2, Changes.of(added=[4])), notify=False)
        writer.run(lambda _lib: Outcome(3))  # nothing changed: nobody is told
        writer.notify(Changes.of(deleted=[5]))
        writer.flush()
    assert heard == [Changes.of(annotations=[3]), Changes.of(deleted=[5])]


def test_a_failing_operation_raises_to_its_caller_and_the_writer_goes_on(tmp_path: Path) -> None:
    def broken(_lib: Library) -> Outcome[None]:
        raise ValueError("no such thing")

    with Writer(tmp_path / "lib.sqlite") as writer:
        with pytest.raises(ValueError, match="no such thing"):
            writer.run(broken)
        assert writer.run(lambda lib: Outcome(lib.count())) == 0


def test_the_library_cannot_be_used_is_reported_by_the_constructor(tmp_path: Path) -> None:
    (tmp_path / "folder.sqlite").mkdir()
    with pytest.raises(LibraryError, match="is a folder"):
        Writer(tmp_path / "folder.sqlite")


def test_closed_writer_refuses_work_and_ran_what_was_queued(tmp_path: Path) -> None:
    writer = Writer(tmp_path / "lib.sqlite")
    future = writer.submit(lambda lib: Outcome(lib.set_meta("k", "v")))
    writer.close()
    assert future.done() and future.exception() is None
    with pytest.raises(WriterClosed):
        writer.submit(lambda _lib: Outcome(None))
    with Library(tmp_path / "lib.sqlite") as again:
        assert again.meta("k") == "v"


def test_inline_writer_runs_in_the_callers_thread(tmp_path: Path) -> None:
    with Writer(tmp_path / "lib.sqlite", threaded=False) as writer:
        assert writer.run(lambda _lib: Outcome(threading.get_ident())) == threading.get_ident()


def test_reading_library_cannot_write(tmp_path: Path) -> None:
    with Writer(tmp_path / "lib.sqlite") as writer, Library(writer.path, readonly=True) as reading:
        assert reading.count() == 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reading.set_meta("k", "v")


def test_reading_library_needs_an_existing_upgraded_file(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="not a library file"):
        Library(tmp_path / "missing.sqlite", readonly=True)
