"""The bar that offers to finish an import a quit or a crash interrupted: Resume or Discard.

A bar across the top of the reading pane rather than a dialog: the window is usable at once, and the
offer waits until the reader answers it. It takes the keyboard focus when it appears (Enter resumes),
its buttons have mnemonics (Alt+R, Alt+I: Alt+D opens the Document menu) and Escape puts it away until
the next start without deciding.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reader.ui.info_panel import counted


class UnfinishedImportsBar(QFrame):
    """Says how many files an interrupted import had still to import and asks what to do with it."""

    resumeRequested = Signal()
    discardRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unfinishedImports")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setObjectName("resumeImport")
        self.resume_button.setToolTip(self.tr("Import the rest; pages already read by OCR are not read again"))
        self.resume_button.setDefault(True)
        self.discard_button = QPushButton(self.tr("D&iscard"))
        self.discard_button.setObjectName("discardImport")
        self.discard_button.setToolTip(self.tr("Forget the unfinished import and the pages it had read"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.discard_button)
        self.resume_button.clicked.connect(self._resume)
        self.discard_button.clicked.connect(self._discard)
        self.hide()

    def offer(self, files: int) -> None:
        """Show the bar for an import with `files` files still to import and give Resume the focus."""
        self.label.setText(counted(self.tr("An import did not finish: %n file(s) still to import.", "", files), files))
        self.show()
        self.resume_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _resume(self) -> None:
        self.hide()
        self.resumeRequested.emit()

    def _discard(self) -> None:
        self.hide()
        self.discardRequested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter resumes (the default button), Escape puts the bar away and leaves the import noted."""
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._resume()
            return
        super().keyPressEvent(event)
