"""A document deleted while the list is filtered by a search leaves the list and its count at once,
whoever deleted it (the window, the command line); one imported meanwhile that matches joins it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.app.importing import import_paths
from reader.app.operations import delete_documents
from reader.store.library import Library
from reader.ui.main_window import MainWindow


def _search(window: MainWindow, query: str) -> None:
    window.search_box.edit.setText(query)
    window.search_box.flush()


def test_a_document_deleted_by_another_process_leaves_the_filtered_list(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: window.outside.ready, timeout=5000)
    _search(window, "罗勇")
    assert window.model.rowCount() == 1
    doc = window.current
    assert doc is not None
    with Library(window.library.path) as other:  # as `reader delete` does, on its own connection
        delete_documents(other, [doc.id])
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
    assert window.current is None
    assert window.reading.doc is None and window.reading.title_label.text() == ""  # the pane emptied
    assert window.search_box.status.text().startswith("0")
    assert window.model.id_at(0) is None


def test_a_document_deleted_in_the_window_leaves_the_filtered_list(window: MainWindow) -> None:
    _search(window, "医院")
    before = window.model.rowCount()
    assert before >= 2
    doc = window.current
    assert doc is not None
    window.writes.run(lambda library: delete_documents(library, [doc.id]))
    assert window.model.rowCount() == before - 1
    assert window.model.row_of(doc.id) is None
    assert window.search_box.status.text().startswith(str(before - 1))
    # The document that took its place opened, and its row is the one selected.
    assert window.current is not None and window.current.id != doc.id
    assert window.documents.selected_ids() == [window.current.id]


def test_a_matching_document_imported_meanwhile_joins_the_filtered_list(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: window.outside.ready, timeout=5000)
    _search(window, "罗勇")
    assert window.model.rowCount() == 1
    opened = window.current
    note = tmp_path / "会见.txt"
    note.write_text("罗勇会见来访客人\n\n双方就合作事项交换了意见。\n", encoding="utf-8")
    with Library(window.library.path) as other:
        import_paths(other, [note], workers=1)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    assert window.search_box.status.text().startswith("2")
    assert window.current is not None and opened is not None and window.current.id == opened.id
