"""Every annotation in the library in one place: search by quote, note and tag, filter by colour and tag,
and open the document at the passage."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from reader.core.annotations.model import Annotation, HighlightColor, color_by_key
from reader.store.library import Library
from reader.ui.annotation_dialog import swatch
from reader.ui.annotations_panel import SwatchCache, short, when
from reader.ui.info_panel import counted
from reader.ui.list_models import ListTableModel


class BrowserRow(NamedTuple):
    annotation: Annotation
    title: str  # of its document
    color: HighlightColor


class AnnotationsBrowser(QDialog):
    openRequested = Signal(int, str)  # document id, annotation uuid

    def __init__(self, library: Library, colors: tuple[HighlightColor, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("All Annotations"))
        self.resize(900, 560)
        self.library = library
        self.colors = colors
        self._build_filters()
        self._build_table()
        self._lay_out()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.color_box.currentIndexChanged.connect(self.reload)
        self.tag_box.currentIndexChanged.connect(self.reload)
        self.reload()

    def _build_filters(self) -> None:
        """Search words, colour and tag: the three ways the list is narrowed."""
        self.search = QLineEdit()
        self.search.setObjectName("annotationSearch")
        self.search.setPlaceholderText(self.tr("Search quotes, notes and tags (either script)"))
        self.search.setClearButtonEnabled(True)
        self.color_box = QComboBox()
        self.color_box.setObjectName("annotationColor")
        self.color_box.addItem(self.tr("All colours"), "")
        for c in self.colors:
            self.color_box.addItem(swatch(c.hex), c.name, c.key)
        self.tag_box = QComboBox()
        self.tag_box.setObjectName("annotationTag")
        self.tag_box.addItem(self.tr("All tags"), "")
        for tag, count in self.library.annotations.tags():
            self.tag_box.addItem(f"#{tag} ({count})", tag)

    def _build_table(self) -> None:
        """The list of annotations; activating a row opens its passage."""
        self.count = QLabel()
        self._swatches = SwatchCache()
        self.model: ListTableModel[BrowserRow] = ListTableModel(
            lambda: (self.tr("Quote"), self.tr("Note"), self.tr("Tags"), self.tr("Document"), self.tr("Modified")),
            self._cell,
            self,
        )
        self.tree = QTreeView()
        self.tree.setObjectName("allAnnotations")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(3, 200)
        # `activated` comes with Return and with a double-click (a single click where the platform
        # activates on one), so the passage opens once per gesture.
        self.tree.activated.connect(self._open)

    def _lay_out(self) -> None:
        """Filters on top, the list, then the count and Close (which Return must not trigger)."""
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.color_box)
        filters.addWidget(self.tag_box)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeAnnotations")
        close.rejected.connect(self.reject)
        # Return opens the chosen passage (the list's `activated`); it must not also close the dialog.
        for button in close.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def reload(self) -> None:
        items = self.library.annotations.all(
            query=self.search.text().strip(),
            color=str(self.color_box.currentData()) or None,
            tag=str(self.tag_box.currentData()) or None,
        )
        titles = {s.id: s.title for s in self.library.summaries(sorted({a.doc_id for a in items})).values()}
        rows = [BrowserRow(a, titles.get(a.doc_id, ""), color_by_key(a.color, self.colors)) for a in items]
        self.model.set_rows(rows)
        self.count.setText(counted(self.tr("%n annotation(s)", "", len(rows)), len(rows)))

    def _cell(self, row: BrowserRow, column: int, role: int) -> Any:
        a = row.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return short(a.quote, 50) + (self.tr(" (orphan)") if a.orphan else "")
            return (None, short(a.note, 50), " ".join(f"#{t}" for t in a.tags), row.title, when(a.modified))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._swatches(row.color.hex)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return a.quote if column == 0 else a.note
        return None

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.openRequested.emit(row.annotation.doc_id, row.annotation.uuid)
