"""What the reader does with the open document: its metadata, its entities, printing and notes in and out.

A layer of the main window, kept apart so that the window module stays about layout and wiring.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from reader.core.entities import Entity
from reader.core.export import ExportFormatError
from reader.core.script import Script, make_view
from reader.exporting import import_annotations
from reader.ui.export_dialog import ExportDialog
from reader.ui.finding import Finding
from reader.ui.metadata_dialog import MetadataDialog
from reader.ui.reading_view import background
from reader.ui.whos_who import WhosWhoDialog

if TYPE_CHECKING:
    from reader.store.entities import EntityStore
    from reader.ui.entities_panel import EntitiesPanel
    from reader.ui.entity_worker import EntityScheduler


class DocumentActions(Finding):
    table: QTableView
    entity_store: EntityStore
    entities_panel: EntitiesPanel
    entity_scheduler: EntityScheduler
    _closing: bool

    def edit_metadata(self) -> None:
        if self.current is None:
            return
        dialog = MetadataDialog(self.current.summary, self.current.detected, self)
        if dialog.exec():
            self.library.set_metadata(self.current.id, dialog.changes())
            doc_id = self.current.id
            self.model.reload()
            self.show_document(doc_id)
            self.select_document(doc_id)

    # -- entities ----------------------------------------------------------------------------------
    def _refresh_entities(self, *, keep_highlight: bool = False) -> None:
        if not keep_highlight:
            self.reading.set_layer("entity", [])
        if self.current is None:
            self.entities_panel.clear()
        elif self.entity_store.is_pending(self.current.id):
            self.entities_panel.show_pending()
            self.entity_scheduler.request(self.current.id)
        else:
            self.entities_panel.show_entities(self._in_view_script(self.entity_store.entities(self.current.id)))

    def _in_view_script(self, entities: list[Entity]) -> list[Entity]:
        """Names and posts as the reader reads them: in the script of the current view."""
        script, phrases = self.reading.script, self.reading.phrases
        if script == Script.ORIG:
            return entities

        def conv(text: str) -> str:
            return make_view(text, script, phrases).text

        return [replace(e, text=conv(e.text), posts=tuple(conv(p) for p in e.posts)) for e in entities]

    def on_script_changed(self) -> None:
        self._refresh_entities(keep_highlight=True)
        query = self.search_box.text()
        if query:  # snippets follow the view's script too
            self.model.set_snippets(lambda doc_id: self.snippet(doc_id, query))

    def _on_entities_extracted(self, doc_id: int) -> None:
        # A result queued before the window closed may arrive after the library is closed.
        if self._closing:
            return
        if self.current is not None and self.current.id == doc_id:
            self._refresh_entities()

    def show_entity(self, entity: Entity) -> None:
        if self.reading.original:  # spans are offsets in the cleaned text
            self.set_original(False)
        fmt = background("#90caf9", alpha=140)
        self.reading.set_layer("entity", [(s, e, fmt) for s, e in entity.spans])
        self.set_steps(list(entity.spans))

    def filter_by_entity(self, kind: str, normalized: str) -> None:
        """Through the search box, so the filter is visible and Esc clears it."""
        self.search_box.edit.setText(f'entity:"{normalized}"')
        self.search_box.flush()

    def show_whos_who(self) -> None:
        dialog = WhosWhoDialog(self.library, self)
        dialog.entityFilterRequested.connect(self.filter_by_entity)
        self.entity_scheduler.idle.connect(dialog.reload)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [d for r in rows if (d := self.model.id_at(r)) is not None]

    def export_dialog(self) -> None:
        dialog = ExportDialog(
            self.library,
            current=self.current.id if self.current else None,
            selected=self.selected_ids(),
            script=self.reading.script,
            phrases=self.reading.phrases,
            start_dir=self.settings.last_import_dir,
            parent=self,
        )
        if dialog.exec() and dialog.saved_to is not None:
            self.statusBar().showMessage(self.tr("Exported to {0}").format(dialog.saved_to), 8000)

    def print_document(self) -> None:
        """Print what the pane shows, in the script it shows it in, with the title on top."""
        if self.current is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.printable_document().print_(printer)

    def printable_document(self) -> QTextDocument:
        document = self.pane.document().clone(self)
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        title = QTextCharFormat()
        title.setFontPointSize(self.pane.font_size * 1.4)
        title.setFontWeight(QFont.Weight.Bold)
        cursor.insertText(self.reading.title_label.text() + "\n", title)
        return document

    def import_annotations_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Annotations"), self.settings.last_import_dir, self.tr("W3C JSON (*.json *.jsonld)")
        )
        if not path:
            return
        try:
            report = import_annotations(self.library, Path(path).read_bytes())
        except (OSError, ExportFormatError) as exc:
            QMessageBox.warning(self, self.tr("Import Annotations"), str(exc))
            return
        QMessageBox.information(self, self.tr("Import Annotations"), report.summary())
        if self.current is not None:
            self.annotations.refresh()
