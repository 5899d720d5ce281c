"""File ▸ Export…: pick what, in which format and script, see the first lines, then save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from reader.core.annotation_model import DEFAULT_COLORS
from reader.core.export import EXPORT_FORMATS, export_format
from reader.core.script import Script
from reader.exporting import export_documents, write_export
from reader.store.library import Library

PREVIEW_LINES = 40


class ExportDialog(QDialog):
    def __init__(
        self,
        library: Library,
        *,
        current: int | None,
        selected: list[int],
        script: Script,
        phrases: bool = False,
        start_dir: str = "",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Notes"))
        self.resize(720, 560)
        self.library = library
        self._current = current
        self._selected = selected
        self._start_dir = start_dir
        self.saved_to: Path | None = None
        self.format_box = QComboBox()
        self.format_box.setObjectName("exportFormat")
        labels = self.format_labels()
        for fmt in EXPORT_FORMATS:
            self.format_box.addItem(labels.get(fmt.key, fmt.label), fmt.key)
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("exportScope")
        if current is not None:
            self.scope_box.addItem(self.tr("This document"), "current")
        if len(selected) > 1:
            self.scope_box.addItem(self.tr("Selected documents ({0})").format(len(selected)), "selected")
        self.scope_box.addItem(self.tr("All documents"), "all")
        self.scope_box.addItem(self.tr("Annotated documents only"), "annotated")
        self.script_box = QComboBox()
        self.script_box.setObjectName("exportScript")
        for s, label in zip(Script, ("原文", "简体", "繁體", "臺灣", "香港"), strict=True):
            self.script_box.addItem(label, s.value)
        self.script_box.setCurrentIndex(list(Script).index(script))
        self.phrases = QCheckBox(self.tr("Regional vocabulary (软件 → 軟體)"))
        self.phrases.setChecked(phrases)
        self.convert_notes = QCheckBox(self.tr("Convert my notes to this script too"))
        self.notes_folder = QCheckBox(self.tr("Markdown: one note per document in a folder (Obsidian, Logseq)"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("only annotations whose quote, note or tag contains…"))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("exportPreview")
        self.preview.setReadOnly(True)
        self.preview.setFont(QFont("monospace"))
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Documents"), self.scope_box)
        form.addRow(self.tr("Script"), self.script_box)
        form.addRow("", self.phrases)
        form.addRow("", self.convert_notes)
        form.addRow("", self.notes_folder)
        form.addRow(self.tr("Filter"), self.filter_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        for box in (self.format_box, self.scope_box, self.script_box):
            box.currentIndexChanged.connect(self.update_preview)
        self.convert_notes.toggled.connect(self.update_preview)
        self.phrases.toggled.connect(self.update_preview)
        self.filter_edit.textChanged.connect(self.update_preview)
        self.update_preview()

    def format_labels(self) -> dict[str, str]:
        """The translated name of each export format, by key; a format added to the registry without one
        here shows its registry label until it is translated."""
        return {
            "md": self.tr("Markdown (Obsidian, Logseq)"),
            "html": self.tr("HTML page (self-contained)"),
            "pdf": self.tr("PDF"),
            "json": self.tr("W3C Web Annotation JSON-LD"),
            "csv": self.tr("CSV spreadsheet (UTF-8 with BOM)"),
        }

    def ids(self) -> list[int]:
        scope = self.scope_box.currentData()
        if scope == "current" and self._current is not None:
            return [self._current]
        if scope == "selected":
            return list(self._selected)
        if scope == "annotated":
            counts = self.library.annotations.count_by_document()
            return [i for i in self.library.ids() if counts.get(i)]
        return self.library.ids()

    def documents(self) -> Any:
        return export_documents(
            self.library,
            self.ids(),
            script=str(self.script_box.currentData()),
            phrases=self.phrases.isChecked(),
            convert_notes=self.convert_notes.isChecked(),
            query=self.filter_edit.text().strip(),
        )

    def update_preview(self) -> None:
        chosen = export_format(str(self.format_box.currentData()))
        docs = self.documents()
        text = chosen.render(docs[:3], DEFAULT_COLORS)
        lines = text.splitlines()[:PREVIEW_LINES]
        note = self.tr("(PDF is this HTML, printed)\n") if chosen.needs_qt else ""
        count = sum(len(d.annotations) for d in docs)
        header = self.tr("{0} documents, {1} annotations").format(len(docs), count)
        self.preview.setPlainText(f"{header}\n{note}\n" + "\n".join(lines))

    def save(self) -> None:
        chosen = export_format(str(self.format_box.currentData()))
        start = self._start_dir or str(Path.home())
        if chosen.render_notes is not None and self.notes_folder.isChecked():
            path = QFileDialog.getExistingDirectory(self, self.tr("Export Notes to Folder"), start)
        else:
            suggested = str(Path(start) / f"notes{chosen.extension}")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Notes"), suggested)
        if not path:
            return
        try:
            write_export(self.documents(), chosen.key, Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export"), self.tr("Cannot write {0}: {1}").format(path, exc))
            return
        self.saved_to = Path(path)
        self.accept()
