"""Find in document (Ctrl+F): count, next and previous, in either script."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.window_keys import yields_to_window


class _FindEdit(QLineEdit):
    escaped = Signal()
    previous = Signal()

    def event(self, event: QEvent) -> bool:
        if yields_to_window(self, event):
            event.ignore()  # unclaimed: the window's action for this key runs
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previous.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    textChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.edit = _FindEdit()
        self.edit.setObjectName("findInDocument")
        self.edit.setPlaceholderText(self.tr("Find in document (either script)"))
        self.count = QLabel()
        self.count.setObjectName("findCount")
        prev_button = QToolButton()
        prev_button.setText("▲")
        prev_button.setToolTip(self.tr("Previous (Shift+F3)"))
        next_button = QToolButton()
        next_button.setText("▼")
        next_button.setToolTip(self.tr("Next (F3)"))
        close_button = QToolButton()
        close_button.setText("✕")
        close_button.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 2, 24, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(prev_button)
        layout.addWidget(next_button)
        layout.addWidget(close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(lambda: self.textChanged.emit(self.edit.text()))
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self.nextRequested)
        self.edit.previous.connect(self.previousRequested)
        self.edit.escaped.connect(self.close_bar)
        prev_button.clicked.connect(self.previousRequested)
        next_button.clicked.connect(self.nextRequested)
        close_button.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self, text: str = "") -> None:
        if text:
            self.edit.setText(text)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def flush(self) -> None:
        self._timer.stop()
        self.textChanged.emit(self.edit.text())

    def show_count(self, index: int, total: int) -> None:
        if not self.edit.text():
            self.count.clear()
        elif total == 0:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(self.tr("{0} of {1}").format(index + 1, total))
