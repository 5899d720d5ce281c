"""Writes another process makes to the open library (the command line, a second window) reach the window:
its list, its status bar and the open document's annotations follow without a restart."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.app.changes import Changes, Outcome
from reader.app.importing import import_paths
from reader.core.annotations.model import Annotation
from reader.store.library import Library
from reader.ui.main_window import MainWindow


def test_a_document_imported_by_another_process_appears_in_the_list(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: window.outside.ready, timeout=5000)
    before = window.model.rowCount()
    note = tmp_path / "通知.txt"
    note.write_text("关于开展安全检查的通知\n\n各单位要在月底前完成自查。\n", encoding="utf-8")
    with Library(window.library.path) as other:  # a connection of its own, as the command line has
        import_paths(other, [note], workers=1)
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=10_000)
    assert f"{before + 1} documents" in window.documents.library_label.text()


def test_the_windows_own_writes_are_not_announced_twice(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.outside.ready, timeout=5000)
    window.writes.flush()
    assert window.outside.check() is None


def test_an_annotation_added_by_another_process_reaches_the_open_document(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.outside.ready, timeout=5000)
    doc = window.current
    assert doc is not None
    shown = len(window.annotations.annotations)
    made = Annotation(
        uuid="11111111-2222-3333-4444-555555555555",
        doc_id=doc.id,
        start=0,
        end=4,
        quote=doc.text[:4],
        prefix="",
        suffix=doc.text[4:20],
        note="外部批注",
        created="2026-01-01T00:00:00Z",
        modified="2026-01-01T00:00:00Z",
    )
    with Library(window.library.path) as other:
        other.annotations.put(made)
    changes = window.outside.check()
    assert changes is not None and doc.id in changes.annotations
    assert len(window.annotations.annotations) == shown + 1


def test_a_title_edited_by_another_process_reaches_the_list(window: MainWindow, qtbot: QtBot) -> None:
    """An edit that leaves a document's stored time as it was (a metadata edit) is seen too."""
    qtbot.waitUntil(lambda: window.outside.ready, timeout=5000)
    doc_id = window.model.id_at(0)
    assert doc_id is not None
    with Library(window.library.path) as other:
        other.set_metadata(doc_id, {"title": "另一进程改过的标题"})
    changes = window.outside.check()
    assert changes is not None and doc_id in changes.metadata
    row = window.model.row_of(doc_id)
    assert row is not None and window.model.index(row, 0).data() == "另一进程改过的标题"


def test_an_outside_write_followed_by_one_of_the_windows_own_is_still_announced(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """The window's own writes must not hide another process's: both move a reading connection's version."""
    qtbot.waitUntil(lambda: window.outside.ready, timeout=5000)
    note = tmp_path / "外部.txt"
    note.write_text("关于开展消防演练的通知\n\n各单位要组织全员参加。\n", encoding="utf-8")
    with Library(window.library.path) as other:
        import_paths(other, [note], workers=1)
    doc = window.current
    assert doc is not None
    # A write of the window's own, announced as its writes are.
    window.writes.run(lambda lib: Outcome(lib.set_meta("reading", "on"), Changes.of(metadata=[doc.id])))
    changes = window.outside.check()
    assert changes is not None and len(changes.added) == 1
