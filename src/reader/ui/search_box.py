"""The library search box above the document list: filters as you type, never blocks typing.

Typing restarts a short timer; the query runs when the user pauses, and a mistake in the query is
explained under the box instead of raising.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.ui.info_panel import counted
from reader.ui.window_keys import yields_to_window

DEBOUNCE_MS = 200


class SearchLineEdit(QLineEdit):
    escaped = Signal()

    def event(self, event: QEvent) -> bool:
        if yields_to_window(self, event):
            event.ignore()  # unclaimed: the window's action for this key runs (Ctrl+E exports, not End)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class SearchBox(QWidget):
    queryChanged = Signal(str)  # debounced; "" means no search

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.edit = SearchLineEdit()
        self.edit.setObjectName("librarySearch")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr('Search the library (Ctrl+K): 医院  "千县工程"  -广告  date:2023'))
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.escaped.connect(self._fire)

    def text(self) -> str:
        return self.edit.text().strip()

    def flush(self) -> None:
        """Run the pending query now (for Enter, and for tests)."""
        self._timer.stop()
        self._fire()

    def _fire(self) -> None:
        self.queryChanged.emit(self.text())

    def show_busy(self, text: str) -> None:
        """A search that waits for something first (names still to be found): say so where the count goes."""
        self.status.setText(text)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self.status.show()

    def show_result(self, count: int | None, error: str | None = None) -> None:
        if error:
            self.status.setText(error)
            self.status.setStyleSheet("color: #c0392b;")
            self.status.show()
        elif count is None:
            self.status.hide()
        else:
            self.status.setText(counted(self.tr("%n document(s)", "", count), count))
            self.status.setStyleSheet("color: palette(placeholder-text);")
            self.status.show()
