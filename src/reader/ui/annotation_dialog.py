"""Writing a note: colour, free text (Markdown welcome) and tags, in one small dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from reader.core.annotations.model import HighlightColor


def swatch(hex_color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(hex_color))
    return QIcon(pixmap)


def split_tags(text: str) -> list[str]:
    """Tags separated by commas, spaces or the Chinese enumeration comma, with or without '#'."""
    for sep in ("，", "、", ";", "；"):
        text = text.replace(sep, ",")
    return [t.strip().lstrip("#") for part in text.split(",") for t in part.split() if t.strip().lstrip("#")]


class AnnotationDialog(QDialog):
    def __init__(
        self,
        quote: str,
        colors: tuple[HighlightColor, ...],
        *,
        color: str,
        note: str = "",
        tags: tuple[str, ...] = (),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        self.setMinimumWidth(480)
        layout = QFormLayout(self)
        shown = quote if len(quote) <= 160 else quote[:157] + "…"
        quote_label = QLabel(f"“{shown}”")
        quote_label.setWordWrap(True)
        quote_label.setObjectName("noteQuote")
        layout.addRow(quote_label)
        self.color_box = QComboBox()
        self.color_box.setObjectName("noteColor")
        for c in colors:
            self.color_box.addItem(swatch(c.hex), c.name, c.key)
        index = self.color_box.findData(color)
        self.color_box.setCurrentIndex(max(0, index))
        layout.addRow(self.tr("Colour"), self.color_box)
        self.note_edit = QPlainTextEdit(note)
        self.note_edit.setObjectName("noteText")
        self.note_edit.setPlaceholderText(self.tr("Your note (plain text; Markdown is fine)"))
        self.note_edit.setTabChangesFocus(True)
        layout.addRow(self.tr("Note"), self.note_edit)
        self.tags_edit = QLineEdit(", ".join(tags))
        self.tags_edit.setObjectName("noteTags")
        self.tags_edit.setPlaceholderText(self.tr("tags, separated by commas"))
        layout.addRow(self.tr("Tags"), self.tags_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.note_edit.setFocus()

    def color(self) -> str:
        return str(self.color_box.currentData())

    def note(self) -> str:
        return self.note_edit.toPlainText().rstrip()

    def tags(self) -> list[str]:
        return split_tags(self.tags_edit.text())
