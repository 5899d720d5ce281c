"""Notes and pages out of the window (export, print) and notes back in (W3C JSON).

Printing prints what the pane shows, in its script; exporting asks the export dialog, which reads the
export registry. Imported annotations are announced with `annotationsImported`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QKeySequence, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reader.app import operations as ops
from reader.settings import Settings
from reader.store.library import Library
from reader.ui import file_dialogs
from reader.ui.actions import make_action
from reader.ui.document_controller import DocumentController
from reader.ui.i18n import resolve_language
from reader.ui.reading_view import ReadingView
from reader.ui.writes import Writes


class ExportController(QObject):
    """The File menu's export, print and annotation import."""

    annotationsImported = Signal()

    def __init__(
        self,
        library: Library,
        writes: Writes,
        settings: Settings,
        reading: ReadingView,
        documents: DocumentController,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.writes = writes
        self.settings = settings
        self.reading = reading
        self.documents = documents
        self.window = window
        self.act_export = make_action(window, self.tr("&Export Notes…"), "Ctrl+E", self.export_dialog, name="export")
        self.act_import_annotations = make_action(
            window, self.tr("Import &Annotations…"), None, self.import_annotations_dialog, name="importAnnotations"
        )
        self.act_print = make_action(
            window, self.tr("&Print…"), QKeySequence.StandardKey.Print, self.print_document, name="print"
        )

    def export_dialog(self) -> None:
        from reader.ui.export_dialog import ExportDialog  # the exporters and the PDF engine load when asked

        current = self.documents.current
        dialog = ExportDialog(
            self.library,
            current=current.id if current else None,
            selected=self.documents.selected_ids(),
            script=self.reading.script,
            phrases=self.reading.phrases,
            start_dir=self.settings.last_export_dir,
            language=resolve_language(self.settings.language),
            choices=stored_choices(self.settings.export_choices),
            parent=self.window,
        )
        if dialog.exec() and dialog.saved_to is not None:
            self.settings.export_choices = choices_to_store(dialog.choices())
            saved = dialog.saved_to
            self.settings.last_export_dir = str(saved if saved.is_dir() else saved.parent)
            self.window.statusBar().showMessage(self.tr("Exported to {0}").format(dialog.saved_to), 8000)

    def print_document(self) -> None:
        """Print what the pane shows, in the script it shows it in, with the title on top."""
        if self.documents.current is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.printable_document().print_(printer)

    def printable_document(self) -> QTextDocument:
        pane = self.reading.pane
        document = pane.document().clone(self)
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        title = QTextCharFormat()
        title.setFontPointSize(pane.font_size * 1.4)
        title.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(self.reading.title_label.text() + "\n", title)
        return document

    def import_annotations_dialog(self) -> None:
        path = file_dialogs.open_file_name(
            self.window,
            self.tr("Import Annotations"),
            self.settings.last_import_dir,
            self.tr("W3C JSON (*.json *.jsonld)"),
        )
        if not path:
            return
        from reader.core.export import ExportFormatError

        try:
            data = Path(path).read_bytes()
            report = self.writes.run(lambda library: ops.import_annotation_file(library, data))
        except (OSError, ExportFormatError) as exc:
            QMessageBox.warning(self.window, self.tr("Import Annotations"), str(exc))
            return
        QMessageBox.information(self.window, self.tr("Import Annotations"), report.summary())
        self.annotationsImported.emit()


def choices_to_store(choices: dict[str, Any]) -> dict[str, str]:
    """The export dialog's choices as the settings keep them: strings, switches as "true"/"false"."""
    stored: dict[str, str] = {}
    for key, value in choices.items():
        if isinstance(value, bool):
            stored[key] = "true" if value else "false"
        elif isinstance(value, str):
            stored[key] = value
    return stored


def stored_choices(stored: dict[str, str]) -> dict[str, Any]:
    """The choices kept in the settings as the export dialog takes them (`choices_to_store` undone)."""
    return {key: {"true": True, "false": False}.get(value, value) for key, value in stored.items()}
