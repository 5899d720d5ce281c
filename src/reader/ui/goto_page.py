"""Go to Page: a small dialog asking for a page number of the open paged document.

Window-modal and opened with `open()`, never `exec()`, so tests and the event loop go on while it is up;
the chosen page arrives through `QInputDialog.intValueSelected`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QWidget


class GoToPageDialog(QInputDialog):
    """Asks for a page in 1..count, starting at the page of the reading position."""

    def __init__(self, current: int, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goToPageDialog")
        self.setWindowTitle(self.tr("Go to Page"))
        self.setInputMode(QInputDialog.InputMode.IntInput)
        self.setLabelText(self.tr("Page (1–{0}):").format(count))
        self.setIntRange(1, max(1, count))
        self.setIntStep(1)
        self.setIntValue(min(max(current, 1), max(1, count)))
        self.setWindowModality(Qt.WindowModality.WindowModal)
