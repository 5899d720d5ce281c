"""Editing a document's metadata: the user's word beats the cleaner's guess, and survives re-cleaning."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from reader.core.cleaning.metadata import parse_date
from reader.store.library import METADATA_FIELDS, DocumentSummary


class MetadataDialog(QDialog):
    def __init__(self, summary: DocumentSummary, detected: dict[str, str | None], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Metadata"))
        self.setMinimumWidth(520)
        self._summary = summary
        layout = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        names = {
            "title": self.tr("Title"),
            "date": self.tr("Date"),
            "author": self.tr("Author"),
            "source": self.tr("Source"),
        }
        for field in METADATA_FIELDS:
            edit = QLineEdit(getattr(summary, field) or "")
            edit.setObjectName(f"meta_{field}")
            guess = detected.get(field)
            edit.setPlaceholderText(guess or "")
            if guess:
                edit.setToolTip(self.tr("Detected: {0}").format(guess))
            layout.addRow(names[field], edit)
            self.edits[field] = edit
        self.hint = QLabel(self.tr("Dates: 2023-09-27, 2023年9月27日 or 2023-09-27 14:30"))
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addRow("", self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _accept(self) -> None:
        raw = self.edits["date"].text().strip()
        if raw and parse_date(raw) is None:
            self.hint.setText(self.tr("“{0}” is not a date reader understands.").format(raw))
            self.hint.setStyleSheet("color: #c0392b;")
            return
        self.accept()

    def changes(self) -> dict[str, str | None]:
        result: dict[str, str | None] = {}
        for field, edit in self.edits.items():
            value = edit.text().strip() or None
            if field == "date" and value:
                value = parse_date(value) or value
            if value != (getattr(self._summary, field) or None):
                result[field] = value
        return result
