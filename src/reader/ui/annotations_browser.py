"""Every annotation in the library in one place: search by quote, note and tag, filter by colour and tag,
and open the document at the passage."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reader.core.annotation_model import HighlightColor, color_by_key
from reader.store.library import Library
from reader.ui.annotation_dialog import swatch
from reader.ui.annotations_panel import short


class AnnotationsBrowser(QDialog):
    openRequested = Signal(int, str)  # document id, annotation uuid

    def __init__(self, library: Library, colors: tuple[HighlightColor, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("All Annotations"))
        self.resize(900, 560)
        self.library = library
        self.colors = colors
        self.search = QLineEdit()
        self.search.setObjectName("annotationSearch")
        self.search.setPlaceholderText(self.tr("Search quotes, notes and tags (either script)"))
        self.search.setClearButtonEnabled(True)
        self.color_box = QComboBox()
        self.color_box.setObjectName("annotationColor")
        self.color_box.addItem(self.tr("All colours"), "")
        for c in colors:
            self.color_box.addItem(swatch(c.hex), c.name, c.key)
        self.tag_box = QComboBox()
        self.tag_box.setObjectName("annotationTag")
        self.tag_box.addItem(self.tr("All tags"), "")
        for tag, count in library.annotations.tags():
            self.tag_box.addItem(f"#{tag} ({count})", tag)
        self.count = QLabel()
        self.tree = QTreeWidget()
        self.tree.setObjectName("allAnnotations")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(
            [self.tr("Quote"), self.tr("Note"), self.tr("Tags"), self.tr("Document"), self.tr("Modified")]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.color_box)
        filters.addWidget(self.tag_box)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.color_box.currentIndexChanged.connect(self.reload)
        self.tag_box.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        items = self.library.annotations.all(
            query=self.search.text().strip(),
            color=str(self.color_box.currentData()) or None,
            tag=str(self.tag_box.currentData()) or None,
        )
        titles = {s.id: s.title for s in self.library.summaries(sorted({a.doc_id for a in items})).values()}
        self.tree.clear()
        rows = []
        for a in items:
            color = color_by_key(a.color, self.colors)
            quote = short(a.quote, 50) + (self.tr(" (orphan)") if a.orphan else "")
            row = QTreeWidgetItem(
                [
                    quote,
                    short(a.note, 50),
                    " ".join(f"#{t}" for t in a.tags),
                    titles.get(a.doc_id, ""),
                    a.modified.replace("T", " ").rstrip("Z")[:16],
                ]
            )
            row.setIcon(0, swatch(color.hex))
            row.setToolTip(0, a.quote)
            row.setToolTip(1, a.note)
            row.setData(0, Qt.ItemDataRole.UserRole, (a.doc_id, a.uuid))
            rows.append(row)
        self.tree.addTopLevelItems(rows)
        self.count.setText(self.tr("{0} annotations").format(len(rows)))

    def _open(self, item: QTreeWidgetItem, column: int = 0) -> None:
        doc_id, uuid = item.data(0, Qt.ItemDataRole.UserRole)
        self.openRequested.emit(int(doc_id), str(uuid))
