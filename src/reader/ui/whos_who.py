"""Who's who: every person, organisation, place… across the library, with the posts each person holds.

A reader following a story across many reports wants the people first: who appears in how many
documents, and under which titles. The dialog only reads (the window's connection); entities still being
extracted by the background worker appear when `reload` runs again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.entities import TYPES
from reader.store.entities import EntityStore, LibraryEntity
from reader.ui.entities_panel import NeedleFilter, fold

if TYPE_CHECKING:
    from reader.store.library import Library

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_ROLE = Qt.ItemDataRole.UserRole + 3

COL_NAME, COL_TYPE, COL_DOCUMENTS, COL_MENTIONS, COL_POSTS = range(5)


class LibraryEntityModel(QAbstractTableModel):
    """A flat list of `LibraryEntity` rows; cheap enough to hold whole (one row per distinct entity).

    The entities stay in the Python list: `data()` hands Qt only strings and numbers, and the dialog
    finds an entity again by row (`entity_at`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LibraryEntity] = []
        self._matches: list[str] = []
        self._type_labels: dict[str, str] = {}

    def set_type_labels(self, labels: dict[str, str]) -> None:
        self._type_labels = dict(labels)

    def set_entities(self, rows: Sequence[LibraryEntity]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._matches = [fold(" ".join((e.text, e.normalized, *e.posts))) for e in self._rows]
        self.endResetModel()

    def entity_at(self, row: int) -> LibraryEntity | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                e.text,
                self._type_labels.get(e.type, e.type),
                str(e.documents),
                str(e.mentions),
                "；".join(e.posts),
            )[col]
        if role == SORT_ROLE:
            return (
                e.normalized,
                TYPES.index(e.type) if e.type in TYPES else 99,
                e.documents,
                e.mentions,
                len(e.posts),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join((e.text, *e.posts)) if e.posts else e.text
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_DOCUMENTS, COL_MENTIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == MATCH_ROLE:
            return self._matches[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Entity"), self.tr("Type"), self.tr("Documents"), self.tr("Mentions"), self.tr("Posts"))
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class _TextFilter(NeedleFilter):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(MATCH_ROLE, parent)
        self.setSortRole(SORT_ROLE)


class WhosWhoDialog(QDialog):
    entityFilterRequested = Signal(str, str)  # type, normalized

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whosWho")
        self.setWindowTitle(self.tr("Who's Who"))
        self.resize(760, 560)
        self._store = EntityStore(library.conn)

        self.type_box = QComboBox()
        self.type_box.setObjectName("entityType")
        self.type_box.addItem(self.tr("All kinds"), None)
        labels = self.type_labels()
        for kind in TYPES:
            self.type_box.addItem(labels[kind], kind)
        self.type_box.setCurrentIndex(1)  # people: what the dialog is named after
        self.type_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("whosWhoFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter"))
        self.filter_box.setClearButtonEnabled(True)

        self.model = LibraryEntityModel(self)
        self.model.set_type_labels(labels)
        self.proxy = _TextFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box.textChanged.connect(self.proxy.set_needle)

        self.table = QTableView()
        self.table.setObjectName("whosWhoTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DOCUMENTS, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col in (COL_TYPE, COL_DOCUMENTS, COL_MENTIONS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._double_clicked)
        # Return does what a double-click does (not `activated`, which a double-click also emits).
        self.act_documents = QAction(self.tr("Show &Documents Mentioning It"), self)
        self.act_documents.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.act_documents.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_documents.triggered.connect(lambda: self._double_clicked(self.table.currentIndex()))
        self.table.addAction(self.act_documents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.status = QLabel()
        self.status.setObjectName("whosWhoStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.type_box)
        top.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.reload()

    def type_labels(self) -> dict[str, str]:
        return {
            "person": self.tr("People"),
            "org": self.tr("Organisations"),
            "place": self.tr("Places"),
            "date": self.tr("Dates"),
            "figure": self.tr("Figures"),
            "term": self.tr("Terms"),
            "title": self.tr("Titles"),
        }

    def current_type(self) -> str | None:
        kind = self.type_box.currentData()
        return kind if isinstance(kind, str) else None

    def set_type(self, kind: str | None) -> None:
        index = self.type_box.findData(kind)
        self.type_box.setCurrentIndex(max(index, 0))

    def reload(self) -> None:
        """Read the index again: after the background worker has extracted more documents."""
        self.model.set_entities(self._store.library_index(self.current_type()))
        pending = self._store.unextracted_count()
        text = self.tr("{0} entities").format(f"{self.model.rowCount():,}")
        if pending:
            text += self.tr(" · {0} documents still being read").format(f"{pending:,}")
        self.status.setText(text)

    def entity_at(self, proxy_row: int) -> LibraryEntity | None:
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.entity_at(source.row()) if source.isValid() else None

    def _double_clicked(self, index: QModelIndex) -> None:
        entity = self.entity_at(index.row()) if index.isValid() else None
        if entity is not None:
            self.entityFilterRequested.emit(entity.type, entity.normalized)
