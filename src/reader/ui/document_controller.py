"""The document list and the open document: which one is shown, its metadata, its line decisions, its file.

Everything that follows the open document (annotations, entities, the find bar, the Info tab) listens to
`documentChanged`; whatever follows the library's contents listens to `libraryChanged`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QMessageBox, QTableView

from reader.settings import Settings
from reader.store.importer import ImportReport
from reader.store.library import Document, Library
from reader.ui.actions import make_action
from reader.ui.document_model import DocumentTableModel
from reader.ui.info_panel import human_size
from reader.ui.metadata_dialog import MetadataDialog
from reader.ui.reading_view import ReadingView
from reader.ui.snippet_delegate import SnippetDelegate
from reader.ui.view_controller import ViewController


def document_table(model: DocumentTableModel, settings: Settings) -> QTableView:
    """The list of documents: title first and widest, sorted by the remembered column."""
    table = QTableView()
    table.setObjectName("documentList")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    # Fixed widths: sizing a column to its contents would read every row of a 100,000-row list.
    # Site names can be long; the title is what tells documents apart, so it gets the room.
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col, width in ((1, 82), (2, 96), (3, 64), (4, 44)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(col, width)
    match = DocumentTableModel.MATCH_COLUMN
    table.setItemDelegateForColumn(match, SnippetDelegate(table))
    header.resizeSection(match, 260)
    table.setColumnHidden(match, True)  # shown while a search is active
    order = Qt.SortOrder.DescendingOrder if settings.sort_descending else Qt.SortOrder.AscendingOrder
    header.setSortIndicator(settings.sort_column, order)
    table.setSortingEnabled(True)  # sorts once, by the remembered column
    return table


class DocumentController(QObject):
    """Owns the open document and the list it is chosen from; edits to a document go through here."""

    documentChanged = Signal(object)  # the Document now shown, or None
    libraryChanged = Signal()  # documents were added, changed or re-derived
    reimportRequested = Signal(list)  # paths to import again (Reload from File)

    def __init__(
        self, library: Library, settings: Settings, reading: ReadingView, view: ViewController, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self.library = library
        self.settings = settings
        self.reading = reading
        self.view = view
        self.window = window
        self.current: Document | None = None
        self.model = DocumentTableModel(
            library, window, sort_column=settings.sort_column, descending=settings.sort_descending
        )
        self.table = document_table(self.model, settings)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.library_label = QLabel()
        self.library_label.setObjectName("librarySize")
        self.libraryChanged.connect(self.update_status)
        view.lineOverrideRequested.connect(self.set_line_override)
        self.act_edit_metadata = make_action(
            window, self.tr("Edit &Metadata…"), "Ctrl+I", self.edit_metadata, name="editMeta"
        )
        self.act_reload = make_action(
            window, self.tr("&Reload from File"), "Ctrl+Shift+R", self.reload_from_file, name="reloadFromFile"
        )
        self.act_reload.setToolTip(self.tr("Import the file again if it changed; annotations move with the text"))

    # -- choosing and showing ----------------------------------------------------------------------
    def select(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is None:
            return
        # Not selectRow(): it reads the keyboard modifiers, so a held Ctrl would toggle instead of select.
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def open_first(self) -> None:
        """At start: the document read last, else the first in the list."""
        if self.model.rowCount() > 0:
            self.select(self.settings.last_document or (self.model.id_at(0) or 0))

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return
        doc_id = self.model.id_at(rows[0].row())
        if doc_id is not None:
            self.show_document(doc_id)

    def show_document(self, doc_id: int) -> None:
        doc = self.library.get(doc_id)
        self.current = doc
        self.view.present(doc)
        self.documentChanged.emit(doc)
        if doc is not None:
            self.settings.last_document = doc_id

    def show_again(self) -> None:
        """Read the open document again from the library (after an edit, or new settings)."""
        if self.current is not None:
            self.show_document(self.current.id)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [d for r in rows if (d := self.model.id_at(r)) is not None]

    def update_status(self) -> None:
        """The library's size, kept in a permanent label so passing messages never hide it."""
        count = self.library.count()
        chars = self.library.total_chars()
        size = human_size(self.library.file_size())
        self.library_label.setText(
            self.tr("{0} documents · {1} characters · library {2}").format(f"{count:,}", f"{chars:,}", size)
        )
        self.library_label.setToolTip(str(self.library.path))

    # -- changing documents ------------------------------------------------------------------------
    def edit_metadata(self) -> None:
        if self.current is None:
            return
        dialog = MetadataDialog(self.current.summary, self.current.detected, self.window)
        if dialog.exec():
            self.library.set_metadata(self.current.id, dialog.changes())
            doc_id = self.current.id
            self.model.reload()
            self.show_document(doc_id)
            self.select(doc_id)
            self.libraryChanged.emit()

    def set_line_override(self, line: int, keep: bool | None) -> None:
        if self.current is None:
            return
        doc_id = self.current.id
        top = self.reading.visible_offset()
        self.library.set_line_override(doc_id, line, keep)
        self.show_document(doc_id)
        self.reading.scroll_to(top)
        self.model.reload()
        label = {
            True: self.tr("Line {0} restored"),
            False: self.tr("Line {0} removed"),
            None: self.tr("Line {0} reset"),
        }
        self.window.statusBar().showMessage(label[keep].format(line), 5000)

    def reload_from_file(self) -> None:
        """Re-import the open document's file: a newer version updates it and keeps its annotations."""
        if self.current is None:
            return
        path = Path(self.current.summary.path)
        if not path.is_file():
            QMessageBox.information(
                self.window, self.tr("Reload from File"), self.tr("{0} is no longer there.").format(path)
            )
            return
        self.reimportRequested.emit([path])

    def on_import_finished(self, report: ImportReport) -> None:
        """New or updated documents: list them, and open the first one the import touched."""
        self.model.reload()
        self.libraryChanged.emit()
        touched = report.imported or report.updated or [d for _, d in report.duplicates]
        if touched:
            self.select(touched[0])
