"""Collections and tags in the window: the sidebar, dragging documents onto a collection, filtering by a
click, the Tags dialog, the list's context-menu entries; every write through the one writer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from reader.app import operations as ops
from reader.store import search
from reader.store.collections import CollectionStore
from reader.ui.collections_panel import ALL_DOCUMENTS
from reader.ui.document_model import DOCUMENT_IDS_MIME
from reader.ui.main_window import MainWindow
from reader.ui.organise_controller import split_tags


def store(window: MainWindow) -> CollectionStore:
    return CollectionStore(window.library.conn)


def make_collection(window: MainWindow, name: str) -> int:
    made = window.writes.run(lambda lib: ops.create_collection(lib, name))
    return made.id


def select_rows(window: MainWindow, rows: list[int]) -> list[int]:
    selection = window.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(window.model.index(row, 0), flags)
    return window.documents.selected_ids()


def row_texts(window: MainWindow) -> list[tuple[str, str]]:
    panel = window.organise.panel
    items = [panel.topLevelItem(i) for i in range(panel.topLevelItemCount())]
    return [(item.text(0), item.text(1)) for item in items if item is not None]


def facet_values(window: MainWindow, group: str) -> list[tuple[str, str]]:
    facets = window.facets
    for i in range(facets.topLevelItemCount()):
        top = facets.topLevelItem(i)
        if top is not None and top.text(0) == group:
            children = [top.child(j) for j in range(top.childCount())]
            return [(c.text(0), c.text(1)) for c in children if c is not None]
    return []


def test_new_collection_appears_in_the_sidebar_with_its_count(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    total = window.library.count()
    assert row_texts(window) == [("All documents", str(total))]
    assert window.organise.panel.isVisible()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("县级医院", True))
    window.organise.act_new_collection.trigger()
    qtbot.waitUntil(lambda: ("县级医院", "0") in row_texts(window))
    assert [c.name for c in store(window).all()] == ["县级医院"]


def test_dropping_dragged_documents_onto_a_collection_adds_them(window: MainWindow, qtbot: QtBot) -> None:
    target = make_collection(window, "政策")
    qtbot.waitUntil(lambda: window.organise.panel.item_for(target) is not None)
    ids = select_rows(window, [0, 2])
    assert len(ids) == 2
    # What the list puts in a drag: one entry per row although each row has several cells.
    rows = window.table.selectionModel().selectedIndexes()
    assert len(rows) > 2
    mime = window.model.mimeData(rows)
    assert window.model.flags(rows[0]) & Qt.ItemFlag.ItemIsDragEnabled
    assert window.table.dragEnabled()
    panel = window.organise.panel
    item = panel.item_for(target)
    assert item is not None
    point = panel.visualItemRect(item).center()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, mods)
    QApplication.sendEvent(panel.viewport(), enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, actions, mime, buttons, mods)
    QApplication.sendEvent(panel.viewport(), move)
    assert move.isAccepted()
    drop = QDropEvent(point.toPointF(), actions, mime, buttons, mods)
    QApplication.sendEvent(panel.viewport(), drop)
    qtbot.waitUntil(lambda: store(window).members(target) == sorted(ids))
    qtbot.waitUntil(lambda: ("政策", "2") in row_texts(window))
    assert "Added 2 documents to 政策" in window.statusBar().currentMessage()


def test_a_drop_on_all_documents_or_of_other_data_is_refused(window: MainWindow, qtbot: QtBot) -> None:
    target = make_collection(window, "x")
    qtbot.waitUntil(lambda: window.organise.panel.item_for(target) is not None)
    panel = window.organise.panel
    everything = panel.item_for(ALL_DOCUMENTS)
    assert everything is not None
    mime = window.model.mimeData([window.model.index(0, 0)])
    point = panel.visualItemRect(everything).center()
    actions = Qt.DropAction.CopyAction
    move = QDragMoveEvent(point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel.viewport(), move)
    assert not move.isAccepted()
    mime.setData(DOCUMENT_IDS_MIME, b"not json")
    item = panel.item_for(target)
    assert item is not None
    enter = QDragEnterEvent(
        panel.visualItemRect(item).center(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(panel.viewport(), enter)
    assert not enter.isAccepted()


def test_clicking_a_collection_filters_the_list_through_the_search_box(window: MainWindow, qtbot: QtBot) -> None:
    ids = sorted(window.library.ids())
    target = make_collection(window, "县级 医院")
    window.writes.run(lambda lib: ops.add_to_collection(lib, target, ids[1:3]))
    panel = window.organise.panel
    qtbot.waitUntil(lambda: ("县级 医院", "2") in row_texts(window))
    item = panel.item_for(target)
    assert item is not None
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(item).center())
    assert window.search_box.text() == 'collection:"县级 医院"'
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert sorted(window.model.id_at(r) or 0 for r in range(2)) == ids[1:3]
    assert facet_values(window, "Collections") == [("县级 医院", "2")]
    # Taking a document out while the list shows the collection re-runs the filter.
    window.writes.run(lambda lib: ops.remove_from_collection(lib, target, [ids[1]]))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    everything = panel.item_for(ALL_DOCUMENTS)
    assert everything is not None
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(everything).center())
    assert window.search_box.text() == ""
    qtbot.waitUntil(lambda: window.model.rowCount() == len(ids))


def test_tags_dialog_edits_the_selected_documents_tags(window: MainWindow, qtbot: QtBot) -> None:
    ids = select_rows(window, [0, 1])
    window.writes.run(lambda lib: ops.set_document_tags(lib, ids[0], ["卫生", "旧"]))
    window.writes.run(lambda lib: ops.set_document_tags(lib, ids[1], ["卫生"]))
    assert window.organise.act_tags.isEnabled()
    window.organise.act_tags.trigger()
    dialog = window.organise.tags_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.edit.text() == "卫生"  # what both carry; 旧 is only on the first
    dialog.edit.setText("政策，重点")
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: store(window).tags(ids[1]) == ["政策", "重点"])
    assert store(window).tags(ids[0]) == ["政策", "旧", "重点"]
    assert search.matching_ids(window.library.conn, "tag:重点") == sorted(ids)
    qtbot.waitUntil(lambda: ("重点", "2") in facet_values(window, "Tags"))
    assert "Tags changed on 2 documents" in window.statusBar().currentMessage()


def test_list_context_menu_entries_act_on_the_given_ids(window: MainWindow, qtbot: QtBot) -> None:
    target = make_collection(window, "甲")
    ids = sorted(window.library.ids())[:2]
    menu = QMenu(window)
    window.organise.extend_list_menu(menu, ids)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Tags…", "Add to Collection"]
    submenu = menu.actions()[1].menu()
    assert isinstance(submenu, QMenu)
    entries = {a.text(): a for a in submenu.actions()}
    assert "甲" in entries and "New Collection…" in entries
    entries["甲"].trigger()
    qtbot.waitUntil(lambda: store(window).members(target) == ids)
    again = QMenu(window)
    window.organise.extend_list_menu(again, ids)
    remove = next(a for a in again.actions() if a.text() == "Remove from Collection").menu()
    assert isinstance(remove, QMenu)
    remove.actions()[0].trigger()
    qtbot.waitUntil(lambda: store(window).members(target) == [])


def test_document_menu_holds_the_actions(window: MainWindow) -> None:
    menus = [m for m in window.menuBar().findChildren(QMenu) if window.organise.act_tags in m.actions()]
    assert menus and window.organise.act_add_to_collection in menus[0].actions()
    select_rows(window, [])
    assert not window.organise.act_tags.isEnabled() and not window.organise.act_add_to_collection.isEnabled()


def test_rename_and_delete_from_the_sidebar_menu(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = make_collection(window, "旧名")
    panel = window.organise.panel
    qtbot.waitUntil(lambda: panel.item_for(target) is not None)
    item = panel.item_for(target)
    assert item is not None
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(item).center())
    assert window.search_box.text() == 'collection:"旧名"'
    menu = panel.context_menu(item)
    assert [a.text() for a in menu.actions() if a.text()] == [
        "New Collection…",
        "Rename Collection…",
        "Delete Collection…",
    ]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新名", True))
    next(a for a in menu.actions() if a.text() == "Rename Collection…").trigger()
    qtbot.waitUntil(lambda: ("新名", "0") in row_texts(window))
    assert window.search_box.text() == 'collection:"新名"'  # the filter follows the name
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", confirm)
    item = panel.item_for(target)
    assert item is not None
    next(a for a in panel.context_menu(item).actions() if a.text() == "Delete Collection…").trigger()
    qtbot.waitUntil(lambda: store(window).all() == [])
    assert "新名" in asked[0] and "stay in the library" in asked[0]
    qtbot.waitUntil(lambda: window.search_box.text() == "")
    assert row_texts(window) == [("All documents", str(window.library.count()))]
    assert window.library.count() == 5


def test_a_duplicate_name_is_one_line_in_the_status_bar(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_collection(window, "重复")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("重複", True))
    window.organise.act_new_collection.trigger()
    qtbot.waitUntil(lambda: "already exists" in window.statusBar().currentMessage())
    assert len(store(window).all()) == 1


def test_split_tags() -> None:
    assert split_tags("卫生, 政策，重点、 衛生;;x\n") == ["卫生", "政策", "重点", "x"]
    assert split_tags("  ") == []


def test_the_sidebar_lists_collections_in_pinyin_order(window: MainWindow, qtbot: QtBot) -> None:
    for name in ("政策文件", "待读", "县级医院", "第10期", "第2期"):
        make_collection(window, name)
    expected = ["All documents", "待读", "第2期", "第10期", "县级医院", "政策文件"]
    qtbot.waitUntil(lambda: [t for t, _ in row_texts(window)] == expected)


def facet_groups(window: MainWindow) -> dict[str, bool]:
    """Each facet group's title and whether it is open."""
    items = [window.facets.topLevelItem(i) for i in range(window.facets.topLevelItemCount())]
    return {item.text(0): item.isExpanded() for item in items if item is not None}


def test_a_facet_group_that_appears_opens(window: MainWindow, qtbot: QtBot) -> None:
    facets = window.facets
    items = [facets.topLevelItem(i) for i in range(facets.topLevelItemCount())]
    years = next(item for item in items if item is not None and item.text(0) == "Years")
    years.setExpanded(False)  # the user folded one group away
    target = make_collection(window, "甲")
    window.writes.run(lambda lib: ops.add_to_collection(lib, target, window.library.ids()[:1]))
    qtbot.waitUntil(lambda: facet_values(window, "Collections") == [("甲", "1")])
    groups = facet_groups(window)
    assert groups["Collections"] and not groups["Years"]
