"""The Annotations tab: the open document's annotations in reading order, orphans apart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.core.annotation_model import Annotation, HighlightColor, color_by_key
from reader.ui.annotation_dialog import swatch


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AnnotationsPanel(QWidget):
    activated = Signal(str)  # uuid
    editRequested = Signal(str)
    deleteRequested = Signal(str)
    reattachRequested = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setObjectName("annotationList")
        self.tree.setHeaderLabels([self.tr("Quote"), self.tr("Note"), self.tr("Tags"), self.tr("Time")])
        self.tree.setAlternatingRowColors(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(lambda item, col: self._emit(self.editRequested, item))
        self.tree.currentItemChanged.connect(lambda cur, prev: self._update_buttons())
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested, self.tree.currentItem()))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteAnnotation")
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested, self.tree.currentItem()))
        self.reattach_button = QPushButton(self.tr("Re-attach to Selection"))
        self.reattach_button.setToolTip(self.tr("Select text in the reading pane, then attach this orphan to it"))
        self.reattach_button.clicked.connect(lambda: self._emit(self.reattachRequested, self.tree.currentItem()))
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.tree)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self._emit(self.deleteRequested, self.tree.currentItem()))
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
        self.tree.clear()
        placed = [a for a in annotations if not a.orphan]
        orphans = [a for a in annotations if a.orphan]
        self._orphans = {a.uuid for a in orphans}
        for a in sorted(placed, key=lambda a: (a.start, a.end)):
            self.tree.addTopLevelItem(self._item(a, colors))
        if orphans:
            header = QTreeWidgetItem([self.tr("Orphans ({0}): their text is gone").format(len(orphans))])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setFirstColumnSpanned(True)
            for a in orphans:
                header.addChild(self._item(a, colors))
            self.tree.addTopLevelItem(header)
            header.setExpanded(True)
        self.summary.setText(
            self.tr("{0} annotations").format(len(placed))
            + (self.tr(", {0} orphans").format(len(orphans)) if orphans else "")
        )
        self.tree.resizeColumnToContents(3)
        if current:
            self.select(current)
        self._update_buttons()

    def _item(self, a: Annotation, colors: tuple[HighlightColor, ...]) -> QTreeWidgetItem:
        color = color_by_key(a.color, colors)
        item = QTreeWidgetItem(
            [
                short(a.quote, 40),
                short(a.note, 40),
                " ".join(f"#{t}" for t in a.tags),
                a.modified.replace("T", " ").rstrip("Z")[:16],
            ]
        )
        item.setIcon(0, swatch(color.hex))
        item.setData(0, Qt.ItemDataRole.UserRole, a.uuid)
        item.setToolTip(0, f"{color.name}\n{a.quote}")
        item.setToolTip(1, a.note)
        return item

    def current_uuid(self) -> str | None:
        item = self.tree.currentItem()
        value = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        return str(value) if value else None

    def select(self, uuid: str) -> None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == uuid:
                self.tree.setCurrentItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        result: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            result.append(top)
            result.extend(child for j in range(top.childCount()) if (child := top.child(j)) is not None)
        return result

    def _clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        self._emit(self.activated, item)

    def _emit(self, signal: Any, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        uuid = item.data(0, Qt.ItemDataRole.UserRole)
        if uuid:
            signal.emit(str(uuid))

    def _update_buttons(self) -> None:
        uuid = self.current_uuid()
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(uuid is not None)
        self.reattach_button.setEnabled(uuid is not None and uuid in self._orphans)
