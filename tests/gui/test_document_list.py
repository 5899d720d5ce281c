"""The document list as a reader uses it: titles that fill the width, pinyin order, the snippet under
the title, a context menu, and deleting documents with everything attached to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reader.store.library import Library
from reader.ui.document_model import DocumentTableModel
from reader.ui.info_panel import human_size
from reader.ui.main_window import MainWindow
from reader.ui.window_menus import toolbar_label
from writing import write


def column(key: str) -> int:
    return next(i for i, (k, _) in enumerate(DocumentTableModel.COLUMNS) if k == key)


def test_title_fills_the_free_width_and_elides_in_the_middle(window: MainWindow) -> None:
    window.resize(1024, 680)
    window.show()
    # At 1024 pixels the reading pane keeps 30 characters a line; the list is roomy once the side panel
    # is collapsed (F9), as a reader of a small screen does.
    window.set_side_panel_shown(False)
    table = window.table
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    shown = [c for c in range(window.model.columnCount()) if not table.isColumnHidden(c)]
    others = sum(header.sectionSize(c) for c in shown if c != 0)
    # The title gets what the other visible columns leave, and that is most of the list.
    assert header.sectionSize(0) >= table.viewport().width() - others - 2
    assert header.sectionSize(0) > table.viewport().width() / 2
    # Narrow columns are sized from the font once, wide enough for their values.
    date = table.fontMetrics().horizontalAdvance("2025-12-31")
    assert header.sectionSize(column("date")) >= date


def test_titles_sort_by_pinyin(window: MainWindow, qtbot: QtBot) -> None:
    titles = ["长治市", "阿坝州", "北京市", "重庆市", "中山市"]
    for doc_id, title in zip(window.library.ids(), titles, strict=True):
        write(window, lambda lib, doc_id=doc_id, title=title: lib.set_metadata(doc_id, {"title": title}))
    window.model.reload()  # as the window does after an edit
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    assert shown[:3] == ["阿坝州", "北京市", "重庆市"]  # a, b, c: not code-point order (北 < 长 < 重 < 阿)
    assert shown[-1] == "中山市"
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert window.model.index(0, 0).data() == "中山市"


def test_annotation_count_and_date_added_columns(window: MainWindow) -> None:
    doc_id = window.library.ids()[0]
    write(window, lambda lib: lib.annotations.create(doc_id, 0, 2))
    write(window, lambda lib: lib.annotations.create(doc_id, 3, 5))
    window.model.reload()
    row = window.model.row_of(doc_id)
    assert row is not None
    assert window.model.index(row, column("annotations")).data() == "2"
    added = window.model.index(row, column("imported")).data()
    assert len(added) == 10 and added[4] == "-"
    window.table.sortByColumn(column("annotations"), Qt.SortOrder.DescendingOrder)
    assert window.model.id_at(0) == doc_id


def test_delete_through_the_menu_names_the_title_and_notes(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.current
    assert doc is not None
    write(window, lambda lib: lib.annotations.create(doc.id, 0, 2))
    asked: list[str] = []

    def accept(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", accept)
    before = window.model.rowCount()
    row = window.model.row_of(doc.id)
    assert row is not None
    following = window.model.id_at(min(row + 1, before - 1)) if row + 1 < before else window.model.id_at(row - 1)
    with qtbot.waitSignal(window.documents.documentChanged) as shown:
        window.documents.act_delete.trigger()
    assert shown.args == [None]  # its document is gone from the pane
    # ... and the document that took its place in the list opens, not an empty pane
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == following, timeout=5000)
    assert doc.summary.title in asked[0] and "1 annotation " in asked[0]
    assert window.model.rowCount() == before - 1 and window.model.row_of(doc.id) is None
    assert window.library.get(doc.id) is None
    assert "4 documents" in window.library_label.text()
    action = window.documents.act_delete
    assert action in next(m for m in window.menuBar().findChildren(QMenu) if action in m.actions()).actions()


def test_cancelled_deletion_keeps_the_document(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = window.current
    assert doc is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    window.documents.act_delete.trigger()
    assert window.library.get(doc.id) is not None and window.current is not None


def test_delete_key_in_the_list_deletes_several(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
    )
    window.table.setFocus()
    window.table.selectAll()
    ids = window.documents.selected_ids()
    assert len(ids) == 5
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    assert "5 documents" in asked[0]
    assert window.model.rowCount() == 0 and window.library.count() == 0


def test_context_menu_offers_the_list_actions(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    rect = window.table.visualRect(window.model.index(1, 0))
    menu = window.documents.context_menu(rect.center())
    assert menu is not None
    seen = [
        a.objectName() or (a.menu().objectName() if a.menu() else "") for a in menu.actions() if not a.isSeparator()
    ]
    assert seen == [
        "openDocument",
        "reloadFromFile",
        "editMeta",
        "listTags",
        "listAddToCollection",
        "export",
        "showInFolder",
        "copyPath",
        "deleteDocuments",
    ]
    assert window.current is not None and window.current.id == window.model.id_at(1)  # the row clicked


def test_copy_path(window: MainWindow) -> None:
    assert window.current is not None
    window.documents.act_copy_path.trigger()
    assert QApplication.clipboard().text() == window.current.summary.path


def test_toolbar_labels_have_no_mnemonics(window: MainWindow) -> None:
    assert toolbar_label("导入文件(&I)…") == "导入文件"
    assert toolbar_label("&Zoom In") == "Zoom In"
    for action in window.toolbar.actions():
        assert "&" not in action.iconText() and "(" not in action.iconText()


def test_entity_marks_clear_when_the_entities_tab_is_left(window: MainWindow) -> None:
    window.side.setCurrentWidget(window.entities.panel)
    window.reading.set_layer("entity", [(0, 2, window.reading.pane.currentCharFormat())])
    window.side.setCurrentWidget(window.info)
    assert window.reading.layer("entity") == []


def test_reading_pane_keeps_most_of_a_small_window(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.resize(1024, 680)
    qtbot.waitUntil(lambda: window.width() <= 1024)
    left, reading, side = window.splitter.sizes()
    assert reading > left and reading > side
    assert reading >= 320


def test_status_bar_shows_the_library_size(window: MainWindow, seeded_library: Path) -> None:
    with Library(seeded_library) as other:
        size = human_size(other.file_size())
    window.documents.update_status()
    assert window.documents.library_label.text().endswith(f"library {size}")


def test_a_background_import_does_not_take_the_place_of_the_open_document(window: MainWindow) -> None:
    from reader.app.reports import ImportReport

    first, other = window.model.id_at(0), window.model.id_at(1)
    assert first is not None and other is not None
    window.select_document(first)
    assert window.documents.to_open(ImportReport(imported=[other], background=True)) is None  # the sample library
    assert window.documents.to_open(ImportReport(imported=[other])) == other  # files the reader chose
    window.documents.current = None  # nothing open: a background job opens what it brought
    assert window.documents.to_open(ImportReport(imported=[other], background=True)) == other
