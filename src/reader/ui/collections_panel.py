"""The collections sidebar: All documents, then each collection with how many documents it holds.

A click narrows the document list to a collection through the search box (`collection:"name"`), so
the filter is visible, combines with the rest of the search syntax and clears with Esc. Documents
dragged from the list (`DOCUMENT_IDS_MIME`, see `document_model`) are dropped onto a collection. The
panel only shows and asks: writes go through the controller that owns it (`organise_controller`).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCollator, QLocale, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem

from reader.store.collections import Collection
from reader.ui.document_model import DOCUMENT_IDS_MIME

__all__ = ["ALL_DOCUMENTS", "DOCUMENT_IDS_MIME", "CollectionsPanel", "collection_term", "dropped_ids"]

ALL_DOCUMENTS = -1
"""The id the "All documents" item carries (collections have positive ids)."""

_ID = Qt.ItemDataRole.UserRole


def collection_term(name: str) -> str:
    """The query that shows one collection: quoted, so any name (spaces, colons) is one value."""
    if '"' in name and "”" not in name:
        return f"collection:“{name}”"
    return f'collection:"{name}"'


def dropped_ids(mime: QMimeData) -> list[int]:
    """The document ids a drag carries; [] for anything else (a file, text, a broken payload)."""
    if not mime.hasFormat(DOCUMENT_IDS_MIME):
        return []
    try:
        values = json.loads(bytes(mime.data(DOCUMENT_IDS_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool) and v > 0]


class CollectionsPanel(QTreeWidget):
    """Shows collections; says what the user chose, asked for or dropped, and writes nothing itself."""

    queryChosen = Signal(str)  # the query to put in the search box ("" for All documents)
    newRequested = Signal()
    renameRequested = Signal(int)  # collection id
    deleteRequested = Signal(int)  # collection id
    documentsDropped = Signal(int, list)  # collection id, document ids

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("collections")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setIndentation(12)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu_at)
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)
        self._names: dict[int, str] = {}
        # Names in the order a Chinese reader expects (pinyin), as the document list sorts titles.
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)

    # -- showing -----------------------------------------------------------------------------------
    def show_collections(self, total: int, collections: list[Collection]) -> None:
        """Rebuild from the store's rows, keeping the selected item selected."""
        current = self.currentItem()
        selected = current.data(0, _ID) if current is not None else None
        self.clear()
        self._names = {c.id: c.name for c in collections}
        everything = self._item(self.tr("All documents"), total, ALL_DOCUMENTS)
        self.addTopLevelItem(everything)
        for c in sorted(collections, key=lambda c: self._collator.sortKey(c.name)):
            self.addTopLevelItem(self._item(c.name, c.count, c.id))
        self.updateGeometry()  # the height follows the number of rows
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None and item.data(0, _ID) == selected:
                self.setCurrentItem(item)

    def sizeHint(self) -> QSize:
        """As tall as its rows, up to about eight: the document list above keeps the height."""
        rows = max(2, min(self.topLevelItemCount(), 8))
        row = self.sizeHintForRow(0) if self.topLevelItemCount() else self.fontMetrics().height() + 6
        frame = 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), rows * max(row, 1) + frame + 4)

    def _item(self, text: str, count: int, ident: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, f"{count:,}"])
        item.setData(0, _ID, ident)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(0, text)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if ident != ALL_DOCUMENTS:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        item.setFlags(flags)
        return item

    def item_for(self, collection_id: int) -> QTreeWidgetItem | None:
        """The row of a collection (ALL_DOCUMENTS for the first row), for tests and for selection."""
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None and item.data(0, _ID) == collection_id:
                return item
        return None

    def name_of(self, collection_id: int) -> str | None:
        return self._names.get(collection_id)

    # -- choosing ----------------------------------------------------------------------------------
    def _chosen(self, item: QTreeWidgetItem, column: int = 0) -> None:
        ident = int(item.data(0, _ID))
        if ident == ALL_DOCUMENTS:
            self.queryChosen.emit("")
        elif ident in self._names:
            self.queryChosen.emit(collection_term(self._names[ident]))

    def _menu_at(self, pos: QPoint) -> None:
        menu = self.context_menu(self.itemAt(pos))
        menu.exec(self.viewport().mapToGlobal(pos))

    def context_menu(self, item: QTreeWidgetItem | None) -> QMenu:
        """New, and for a collection Rename and Delete (built apart from showing it, for tests)."""
        menu = QMenu(self)
        menu.addAction(self.tr("New Collection…"), self.newRequested.emit)
        ident = int(item.data(0, _ID)) if item is not None else ALL_DOCUMENTS
        if ident != ALL_DOCUMENTS:
            menu.addSeparator()
            menu.addAction(self.tr("Rename Collection…"), lambda: self.renameRequested.emit(ident))
            menu.addAction(self.tr("Delete Collection…"), lambda: self.deleteRequested.emit(ident))
        return menu

    # -- dropping ----------------------------------------------------------------------------------
    def _target(self, pos: QPoint) -> int | None:
        item = self.itemAt(pos)
        if item is None:
            return None
        ident = int(item.data(0, _ID))
        return ident if ident in self._names else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_ids(event.mimeData()) and self._target(event.position().toPoint()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = dropped_ids(event.mimeData())
        target = self._target(event.position().toPoint())
        if not ids or target is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.documentsDropped.emit(target, ids)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
