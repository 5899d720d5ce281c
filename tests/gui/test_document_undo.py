"""Deleting from the window is undoable until it closes: Ctrl+Z in the list brings the documents back
with their annotations, overrides, entities and files, under the same ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.app.entities import update_pending
from reader.ui.main_window import MainWindow
from writing import write


def test_ctrl_z_in_the_list_brings_deleted_documents_back(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, *_ = window.library.ids()
    note = write(window, lambda lib: lib.annotations.create(first, 0, 4, note="留着"))
    write(window, lambda lib: lib.set_override(first, 1, True))
    write(window, lambda lib: lib.keep_file(first, b"original bytes"))
    write(window, update_pending)
    entities = window.entity_store.mentions(first)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    window.documents.select(first)
    window.table.setFocus()
    window.table.selectionModel().select(
        window.model.index(window.model.row_of(second) or 0, 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
    )
    assert sorted(window.documents.selected_ids()) == sorted([first, second])
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "Undo" in asked[0] and "cannot be undone" not in asked[0]
    assert window.library.get(first) is None and window.model.row_of(second) is None
    assert "Ctrl+Z brings them back" in window.statusBar().currentMessage()
    assert window.annotations.act_undo.isEnabled()
    assert "Delete 2 documents" in window.annotations.act_undo.text()

    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)  # Qt would otherwise think Ctrl is still held

    assert window.model.row_of(first) is not None and window.model.row_of(second) is not None
    assert window.current is not None and window.current.id == first  # the first comes back open
    assert window.library.annotations.get(note.uuid) == note
    assert window.library.overrides(first) == {1: True}
    assert window.library.original_file(first) == b"original bytes"
    assert window.entity_store.mentions(first) == entities
    assert "Restored 2 documents" in window.statusBar().currentMessage()
    assert "5 documents" in window.library_label.text()
    # The search index holds them again.
    window.search_box.edit.setText("留着")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.model.id_at(0) == first)

    # Redo deletes them again, and undo once more brings them back again.
    window.annotations.act_redo.trigger()
    assert window.library.get(first) is None and window.library.get(second) is None
    window.annotations.act_undo.trigger()
    assert window.library.annotations.get(note.uuid) == note and window.library.get(second) is not None


def test_undo_follows_the_order_of_highlights_and_deletions(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.current
    assert doc is not None
    window.reading.select_span(0, 4)
    window.annotations.act_highlight.trigger()
    window.writes.flush()
    assert len(window.library.annotations.for_document(doc.id)) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.documents.act_delete.trigger()
    assert window.library.get(doc.id) is None
    window.annotations.act_undo.trigger()  # the deletion first: the document comes back highlighted
    assert len(window.library.annotations.for_document(doc.id)) == 1
    window.annotations.act_undo.trigger()  # then the highlight
    window.writes.flush()
    assert window.library.annotations.for_document(doc.id) == []


def test_undo_shows_the_document_even_when_the_search_hides_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.current
    assert doc is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.documents.act_delete.trigger()
    window.search_box.edit.setText("zzzz-nothing-matches")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.annotations.act_undo.trigger()
    assert window.current is not None and window.current.id == doc.id
    assert window.search_box.edit.text() == "" and window.model.row_of(doc.id) is not None


def test_a_document_brought_back_is_still_read(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = window.current
    assert doc is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.documents.act_delete.trigger()
    assert window.model.row_of(doc.id) is None
    window.annotations.act_undo.trigger()
    window.writes.flush()
    assert not window.model.is_unread(doc.id)
    assert window.library.positions.last_read(doc.id) is not None


def test_undo_after_the_file_was_imported_again_opens_the_holder_and_says_where_the_notes_went(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "通知.txt"
    path.write_text("关于做好防汛工作的通知\n\n各有关单位：请认真做好防汛准备工作，确保安全度汛。\n", encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.start_import([path])
    (gone,) = finished.args[0].imported
    text = window.library.get(gone).text  # type: ignore[union-attr]
    start = text.index("防汛准备")
    write(window, lambda lib: lib.annotations.create(gone, start, start + 4, note="要点"))
    window.select_document(gone)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.documents.act_delete.trigger()
    assert window.library.get(gone) is None
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.start_import([path])
    (holder,) = finished.args[0].imported
    window.select_document(next(d for d in window.library.ids() if d != holder))
    window.annotations.act_undo.trigger()
    message = window.statusBar().currentMessage()
    assert "could not come back" not in message
    assert "The file of 1 deleted document was imported again since · 1 annotation moved there" in message
    assert window.current is not None and window.current.id == holder
    assert [a.note for a in window.library.annotations.for_document(holder)] == ["要点"]
