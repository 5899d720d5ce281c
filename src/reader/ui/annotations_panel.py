"""The Annotations tab: the open document's annotations in reading order, orphans apart.

The list is a thin model over the annotations themselves (`AnnotationRow`); the tree asks it for text,
tooltips and colour swatches, and a row is found again by its position, never by data stored in Qt.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.model import Annotation, HighlightColor, color_by_key
from reader.ui.annotation_dialog import swatch
from reader.ui.info_panel import counted
from reader.ui.list_models import Node, TreeModel


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def when(modified: str) -> str:
    """An ISO time as the lists show it: date and minutes, no T or Z."""
    return modified.replace("T", " ").rstrip("Z")[:16]


class SwatchCache:
    """One icon per colour, made on first use: `data()` is asked for decorations on every repaint."""

    def __init__(self) -> None:
        self._icons: dict[str, QIcon] = {}

    def __call__(self, hex_color: str) -> QIcon:
        icon = self._icons.get(hex_color)
        if icon is None:
            icon = self._icons[hex_color] = swatch(hex_color)
        return icon


class AnnotationRow(NamedTuple):
    annotation: Annotation
    color: HighlightColor


class AnnotationTreeModel(TreeModel[str, AnnotationRow]):
    """Placed annotations at the top level in reading order, then one heading holding the orphans."""

    def __init__(self, headers: Any, parent: Any = None) -> None:
        self._swatches = SwatchCache()
        super().__init__(headers, _heading_cell, self._row_cell, parent)

    def _row_cell(self, row: AnnotationRow, column: int, role: int) -> Any:
        a = row.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            # The side panel is narrow: the day is enough there, the minute is in the tooltip.
            return (short(a.quote, 40), short(a.note, 40), " ".join(f"#{t}" for t in a.tags), when(a.modified)[:10])[
                column
            ]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._swatches(row.color.hex)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return f"{row.color.name}\n{a.quote}"
            if column == 1:
                return a.note
            if column == 3:
                return when(a.modified)
        return None

    def uuid_at(self, index: QModelIndex) -> str | None:
        row = self.row_at(index)
        return None if row is None else row.annotation.uuid


def _heading_cell(head: str, column: int, role: int) -> Any:
    return head if role == Qt.ItemDataRole.DisplayRole and column == 0 else None


class AnnotationsPanel(QWidget):
    activated = Signal(str)  # uuid
    editRequested = Signal(str)
    deleteRequested = Signal(str)
    reattachRequested = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.model = AnnotationTreeModel(
            lambda: (self.tr("Quote"), self.tr("Note"), self.tr("Tags"), self.tr("Time")), self
        )
        self.tree = QTreeView()
        self.tree.setObjectName("annotationList")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(lambda index: self._emit(self.activated, index))
        self.tree.activated.connect(lambda index: self._emit(self.editRequested, index))
        self.tree.selectionModel().currentChanged.connect(lambda cur, prev: self._update_buttons())
        # The quote and the note share the width the panel has; tags and time get widths from the font once
        # (sizing them to their contents would read every row on each change, and squeezed the quote to a
        # word; a fixed width for the note left the quote only its colour at the panel's usual width).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        metrics = self.tree.fontMetrics()
        for column, sample in ((2, "#标签"), (3, "2026-12-31")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested, self.tree.currentIndex()))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteAnnotation")
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested, self.tree.currentIndex()))
        self.reattach_button = QPushButton(self.tr("Re-attach to Selection"))
        self.reattach_button.setToolTip(self.tr("Select text in the reading pane, then attach this orphan to it"))
        self.reattach_button.clicked.connect(lambda: self._emit(self.reattachRequested, self.tree.currentIndex()))
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.tree)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self._emit(self.deleteRequested, self.tree.currentIndex()))
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.delete_button, self.reattach_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._orphans: set[str] = set()
        self._update_buttons()

    def show_annotations(self, annotations: list[Annotation], colors: tuple[HighlightColor, ...]) -> None:
        current = self.current_uuid()
        placed = [a for a in annotations if not a.orphan]
        orphans = [a for a in annotations if a.orphan]
        self._orphans = {a.uuid for a in orphans}
        entries: list[Node[str, AnnotationRow]] = [
            Node(row=AnnotationRow(a, color_by_key(a.color, colors)))
            for a in sorted(placed, key=lambda a: (a.start, a.end))
        ]
        if orphans:
            heading = self.tr("Orphans ({0}): their text is gone").format(len(orphans))
            rows = [Node[str, AnnotationRow](row=AnnotationRow(a, color_by_key(a.color, colors))) for a in orphans]
            entries.append(Node(head=heading, children=rows))
        self.model.set_nodes(entries)
        if orphans:
            heading_index = self.model.index(len(entries) - 1, 0)
            self.tree.setFirstColumnSpanned(heading_index.row(), QModelIndex(), True)
            self.tree.setExpanded(heading_index, True)
        self.summary.setText(
            counted(self.tr("%n annotation(s)", "", len(placed)), len(placed))
            + (counted(self.tr(", %n orphan(s)", "", len(orphans)), len(orphans)) if orphans else "")
        )
        if current:
            self.select(current)
        self._update_buttons()

    def current_uuid(self) -> str | None:
        return self.model.uuid_at(self.tree.currentIndex())

    def uuids(self) -> list[str]:
        """Every annotation listed, in the order shown (placed first, then orphans)."""
        return [row.annotation.uuid for row in self.model.rows()]

    def select(self, uuid: str) -> None:
        index = self.model.index_of(lambda row: row.annotation.uuid == uuid)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    def _emit(self, signal: Any, index: QModelIndex) -> None:
        uuid = self.model.uuid_at(index)
        if uuid:
            signal.emit(uuid)

    def _update_buttons(self) -> None:
        uuid = self.current_uuid()
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(uuid is not None)
        orphan = uuid is not None and uuid in self._orphans
        self.reattach_button.setEnabled(orphan)
        self.reattach_button.setVisible(orphan)  # only then is it of use, and it needs the room
