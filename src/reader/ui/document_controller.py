"""The document list and the open document: which one is shown, its metadata, its line decisions, its file.

Everything that follows the open document (annotations, entities, the find bar, the Info tab) listens to
`documentChanged`; whatever follows the library's contents listens to `libraryChanged`. Edits go to the
writer; the list and the pane follow from its `changed` signal (`on_changes`), whoever made the change.

Each document opens where the reader left it: the offset at the top of the pane is stored when another
document is opened, a few seconds after scrolling stops, and when the window closes (`save_position`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
)

from reader.app import operations as ops
from reader.app.changes import Changes, Outcome
from reader.app.reports import ImportReport
from reader.app.writer import WriterClosed
from reader.core.script import Script
from reader.core.text.textdiff import OffsetCarrier
from reader.settings import Settings
from reader.store.library import Document, Library
from reader.ui import file_dialogs
from reader.ui.actions import make_action
from reader.ui.document_deletion import DocumentDeletion
from reader.ui.document_model import DocumentTableModel
from reader.ui.document_table import document_table
from reader.ui.info_panel import counted, human_size
from reader.ui.metadata_dialog import MetadataDialog
from reader.ui.reading_view import ReadingView
from reader.ui.recent_menu import RecentMenu
from reader.ui.view_controller import ViewController
from reader.ui.writes import Writes

# How long scrolling must rest before the reading position is written.
POSITION_SAVE_MS = 2000


class DocumentController(QObject):
    """Owns the open document and the list it is chosen from; edits to a document go through here."""

    documentChanged = Signal(object)  # the Document now shown, or None
    libraryChanged = Signal()  # documents were added, changed or re-derived
    reimportRequested = Signal(list)  # paths to import again (Reload from File)
    documentRequested = Signal(int)  # open this document whatever the list's filter (Recently Read)
    listMenuRequested = Signal(object, list)  # (QMenu, ids): other controllers add their entries

    def __init__(
        self,
        library: Library,
        writes: Writes,
        settings: Settings,
        reading: ReadingView,
        view: ViewController,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.writes = writes
        self.settings = settings
        self.reading = reading
        self.view = view
        self.window = window
        self.current: Document | None = None
        self._closed = False
        self._selecting_only = False  # a row selected again after the list was re-read: nothing to open
        self.model = DocumentTableModel(
            library,
            window,
            sort_column=settings.sort_column,
            descending=settings.sort_descending,
            write_ranks=self._write_ranks,
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
        self.deletion = DocumentDeletion(library, writes, self, window)
        self.act_delete = self.deletion.act_delete
        self.act_open = make_action(window, self.tr("&Open"), None, self.open_current_row, name="openDocument")
        self.act_show_folder = make_action(
            window, self.tr("Show in &Folder"), None, self.show_in_folder, name="showInFolder"
        )
        self.act_copy_path = make_action(window, self.tr("Copy &Path"), None, self.copy_path, name="copyPath")
        self.recent_menu = RecentMenu(self.tr("Recently &Read"), library, window)
        self.recent_menu.documentChosen.connect(self.documentRequested)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.show_context_menu)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_column_menu)
        self._saved: tuple[int, int] | None = None  # (document, offset) last written, to skip rewriting it
        self._positions: dict[int, int] = {}  # positions handed to the writer in this session
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_SAVE_MS)
        self._position_timer.timeout.connect(self.save_position)
        reading.pane.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def _write_ranks(self, ranked: list[tuple[int, str, int]], collation: str, changes: int, replace: bool) -> None:
        """Store the title ranks a sort computed, so the next sort by title (in this session or the next)
        is an index scan. Best effort: when they cannot be written, the next sort computes them again."""
        if self._closed:
            return
        with suppress(WriterClosed):
            self.writes.submit(
                lambda library: Outcome(library.title_order.store(ranked, collation, changes, replace=replace)),
                notify=False,
                quiet=True,
            )

    # -- choosing and showing ----------------------------------------------------------------------
    def select(self, doc_id: int, *, open_it: bool = True) -> None:
        """Select the document's row (the first row when it is not listed) and open it; with `open_it`
        false only when it is listed, and only the row is selected (the list was re-read under it)."""
        row = self.model.row_of(doc_id)
        if row is None and not open_it:
            return
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is None:
            return
        # Not selectRow(): it reads the keyboard modifiers, so a held Ctrl would toggle instead of select.
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self._selecting_only = not open_it
        try:
            self.table.selectionModel().setCurrentIndex(index, flags)
        finally:
            self._selecting_only = False
        self.table.scrollTo(index)

    def open_first(self) -> None:
        """At start: the document read last, else the first in the list."""
        if self.model.rowCount() > 0:
            self.select(self.settings.last_document or (self.model.id_at(0) or 0))

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        if self._selecting_only:
            return
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return
        doc_id = self.model.id_at(rows[0].row())
        if doc_id is not None:
            self.show_document(doc_id)

    def show_document(self, doc_id: int) -> None:
        self.save_position()
        previous = self.current
        doc = self.library.get(doc_id)
        self.current = doc
        self.view.present(doc)
        if doc is not None:
            # What this window last sent to the writer wins: it may not be written yet.
            offset = self._positions.get(doc_id)
            if offset is None:
                offset = self.library.positions.get(doc_id)
            self._saved = (doc_id, offset)
            self.view.restore_position(offset)
            if previous is None or previous.id != doc_id:
                self._opened(doc_id, offset)
        self.documentChanged.emit(doc)
        if doc is not None:
            self.settings.last_document = doc_id

    # -- the reading position ----------------------------------------------------------------------
    def _opened(self, doc_id: int, offset: int) -> None:
        """Opening a document reads it: its Last read time is now (the same position written again
        refreshes the time), and the list stops showing it as unread."""
        if self._closed:
            return
        self.writes.submit(lambda library: ops.save_position(library, doc_id, offset), quiet=True)
        self._positions[doc_id] = offset
        self.model.mark_read(doc_id, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def _on_scrolled(self, _value: int) -> None:
        if self.current is not None and not self._closed:
            self._position_timer.start()

    def save_position(self) -> None:
        """Remember where the open document is read (a text offset, so it holds in every script view).

        Best effort: a library busy with another program or gone read-only must not interrupt reading,
        so a failed write only leaves the previous position in place, without a message.
        """
        self._position_timer.stop()
        if self.current is None or self._closed:
            return
        offset = self.view.reading_position()
        if offset is None or self._saved == (self.current.id, offset):
            return
        doc_id = self.current.id
        self.writes.submit(lambda library: ops.save_position(library, doc_id, offset), quiet=True)
        self._saved = (doc_id, offset)
        self._positions[doc_id] = offset

    @property
    def closed(self) -> bool:
        """The window is closing: nothing reads the library any more."""
        return self._closed

    def close(self) -> None:
        """The window is closing: write the position once more and stop writing after that."""
        self.save_position()
        self._closed = True
        self._position_timer.stop()

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
        documents = counted(self.tr("%n document(s)", "", count), count)
        self.library_label.setText(self.tr("{0} · {1} characters · library {2}").format(documents, f"{chars:,}", size))
        self.library_label.setToolTip(
            self.tr("{0}\nThe size is the space the library's data takes, recent changes included.").format(
                self.library.path
            )
        )

    # -- following the writer ----------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Bring the list and the open document in line with what a write changed."""
        if self._closed:
            return
        rows_changed = bool(changes.added or changes.deleted or changes.metadata or changes.text)
        current = self.current
        row = self.model.row_of(current.id) if current is not None else None
        if rows_changed:
            self.model.reload()
        elif changes.annotations:
            self.model.refresh_counts(changes.annotations)
        if current is not None and current.id in changes.deleted:
            self.current = None
            self.settings.last_document = 0
            self.view.present(None)
            self.documentChanged.emit(None)
            # The document that took its place in the list opens, as a file manager or calibre moves on.
            count = self.model.rowCount()
            following = self.model.id_at(min(row, count - 1)) if row is not None and count else None
            if following is not None:
                self.select(following)
        elif current is not None and current.id in changes.text | changes.metadata:
            old_base, top = self.reading.base_text, self.reading.visible_offset()
            if current.id in changes.text:
                self.save_position()  # the place in the text shown until now, to carry into the new one
                self._carry_position(current)
            self.show_document(current.id)
            new_base = self.reading.base_text
            self.reading.scroll_to(top if new_base == old_base else OffsetCarrier(old_base, new_base).carry(top))
        if rows_changed:
            self.libraryChanged.emit()

    def _carry_position(self, shown: Document) -> None:
        """The open document's text changed (a reload from its file, a line restored): carry its reading
        position through the change from the text shown to the new one, as its annotations are carried,
        so the reader stays on the same words when lines were added or removed above them."""
        fresh = self.library.get(shown.id)
        if fresh is None or fresh.text == shown.text:
            return
        offset = self._positions.get(shown.id)
        if offset is None:
            offset = self.library.positions.get(shown.id)
        if not offset:
            return
        doc_id, carried = shown.id, OffsetCarrier(shown.text, fresh.text).carry(offset)
        self._positions[doc_id] = carried
        # The pane still shows the old text: its place there is the one just carried, not one to save.
        self._saved = (doc_id, self.view.reading_position() or 0)
        if not self._closed:
            self.writes.submit(lambda library: ops.save_position(library, doc_id, carried), quiet=True)

    # -- changing documents ------------------------------------------------------------------------
    def edit_metadata(self) -> None:
        if self.current is None:
            return
        dialog = MetadataDialog(self.current.summary, self.current.detected, self.window)
        if dialog.exec():
            doc_id, values = self.current.id, dialog.changes()
            self.writes.run(lambda library: ops.edit_metadata(library, doc_id, values))
            self.select(doc_id)

    def set_line_override(self, line: int, keep: bool | None) -> None:
        """Re-cleaning takes a moment on a long report: the writer does it, and the pane follows."""
        if self.current is None:
            return
        doc_id = self.current.id
        label = {
            True: self.tr("Line {0} restored"),
            False: self.tr("Line {0} removed"),
            None: self.tr("Line {0} reset"),
        }[keep].format(line)
        self.writes.submit(
            lambda library: ops.set_line_override(library, doc_id, line, keep),
            lambda _none: self.window.statusBar().showMessage(label, 5000),
        )

    def reload_from_file(self) -> None:
        """Re-import the open document's file: a newer version updates it and keeps its annotations."""
        if self.current is None:
            return
        path = Path(self.current.summary.path)
        if not path.is_file():
            self.locate_and_reload(self.current.id, path)
            return
        self.reimportRequested.emit([path])

    def locate_and_reload(self, doc_id: int, missing: Path) -> None:
        """The document's file is gone (moved, renamed, an unplugged disk): offer to locate it. The new
        place is recorded on the writer first, so the import that follows updates this document, its
        annotations carried over, instead of adding a copy; a file refused (another document's, one too
        unlike this one) is one line in the status bar."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Reload from File"),
            self.tr("{0} is no longer there.").format(missing),
            parent=self.window,
        )
        box.setObjectName("fileMissing")
        box.setInformativeText(self.tr("If it was moved or renamed, locate it to reload the document from there."))
        locate = box.addButton(self.tr("Locate…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(locate)
        box.exec()
        if box.clickedButton() is not locate:
            return
        from reader.formats import dialog_patterns  # every format loads when first needed

        folder = next((p for p in missing.parents if p.is_dir()), Path.home())
        chosen = file_dialogs.open_file_name(
            self.window,
            self.tr("Locate {0}").format(missing.name),
            str(folder),
            self.tr("Documents ({0});;All files (*)").format(dialog_patterns()),
        )
        if not chosen:
            return
        self.writes.submit(
            lambda library: ops.relocate_document(library, doc_id, chosen),
            lambda _changed: self.reimportRequested.emit([Path(chosen)]),
        )

    def to_open(self, report: ImportReport, named: Sequence[Path] = ()) -> int | None:
        """The document an import opens: of those it touched, the one from the first file the reader named
        (`named`, in their order; a folder's files by name), not whichever finished first, which changed
        from one import of the same files to the next; the first touched when the files are not known. A
        file already in the library counts in its place too: when it was named first, its document opens.
        A background job (the sample library, a re-cleaning) opens one only when nothing is open, so it
        never takes the place of a document the reader imported or is reading.

        Each path is resolved once and looked up with its folders in a dict: a Ctrl+A of hundreds of
        files in the Import Files dialog is ranked at once, on this (the GUI) thread."""
        touched = report.imported or report.updated or [d for _, d in report.duplicates]
        if not touched or (report.background and self.current is not None):
            return None
        if not named:
            return touched[0]
        paths: dict[int, str] = {}
        summaries = self.library.summaries(report.imported + report.updated)
        for doc_id in report.imported + report.updated:
            paths.setdefault(doc_id, summaries[doc_id].path if doc_id in summaries else "")
        for path, doc_id in report.duplicates:  # where the reader named it, not where it was first read
            paths.setdefault(doc_id, path)
        if len(paths) == 1:
            return next(iter(paths))
        places = _named_places(named)
        return min(paths, key=lambda doc_id: _named_rank(paths[doc_id], places))

    def preparing(self, doc_id: int) -> Iterator[Callable[[], None]]:
        """Steps, each for its own turn of the event loop, that get the reading pane ready to show this
        document soon (`ReadingView.warmers`): its start laid out and drawn in the script view and face it
        will open in; none when it is gone, empty, or the window is closing.

        The document is read here, in the caller's turn, for the warming only: the opening reads it again
        (`show_document`), so what it shows is the library as it is then, whoever wrote to it meanwhile
        (the window's writer, the command line, another window) and whether or not this opening happens.

        The steps are handed out one at a time, each when its turn comes: the script view, the Original
        switch and the reading font are looked at again before each. When the reader changed one meanwhile
        (a script chosen, a zoom), the warming starts again from the first piece in what the opening will
        now show. It is bounded all the same: at most twice as many steps as the first warming had."""
        doc = None if self._closed else self.library.get(doc_id)
        if doc is None or not doc.text:
            return iter(())
        summary_script = doc.summary.script

        def chosen() -> tuple[Script, bool, bool, str]:
            script, phrases = self.view.script_for(doc_id)
            font = self.reading.pane.font_for(script, summary_script).toString()
            return script, phrases, self.view.original_for(doc_id), font

        def warmers(view: tuple[Script, bool, bool, str]) -> list[Callable[[], None]]:
            script, phrases, original, _font = view
            return self.reading.warmers(doc, script, phrases, original=original)

        view = chosen()
        built = warmers(view)

        def steps() -> Iterator[Callable[[], None]]:
            nonlocal view, built
            position = 0
            for _slot in range(2 * len(built)):
                if (now := chosen()) != view:
                    view, built, position = now, warmers(now), 0
                if position >= len(built):
                    return
                yield built[position]
                position += 1

        return steps()

    # -- the list's menus --------------------------------------------------------------------------
    def show_context_menu(self, pos: QPoint) -> None:
        """Right-click on a row: act on it (and on the rest of the selection when it is part of one)."""
        menu = self.context_menu(pos)
        if menu is None:
            return
        menu.exec(self.table.viewport().mapToGlobal(pos))
        for action in (
            self.act_open,
            self.act_reload,
            self.act_edit_metadata,
            self.act_show_folder,
            self.act_copy_path,
        ):
            action.setEnabled(True)
        menu.deleteLater()

    def context_menu(self, pos: QPoint) -> QMenu | None:
        """The list's menu for the row at `pos` (selected first, unless it is part of the selection)."""
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.select(self.model.id_at(index.row()) or 0)
        ids = self.selected_ids()
        if not ids:
            return None
        menu = QMenu(self.table)
        single = len(ids) == 1
        for action in (self.act_open, self.act_reload, self.act_edit_metadata):
            action.setEnabled(single)
            menu.addAction(action)
        menu.addSeparator()
        self.listMenuRequested.emit(menu, ids)  # tags, collections, export: their controllers' entries
        menu.addSeparator()
        has_file = single and self.current is not None and bool(self.current.summary.path)
        for action in (self.act_show_folder, self.act_copy_path):
            action.setEnabled(has_file)
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_delete)
        return menu

    def show_column_menu(self, pos: QPoint) -> None:
        """Right-click on the header: choose which columns the list shows (the title always)."""
        menu = QMenu(self.table)
        for column, (key, label) in enumerate(self.model.COLUMNS):
            if key == "title":
                continue
            action = menu.addAction(self.model.tr(label))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def set_column_shown(self, column: int, shown: bool) -> None:
        """Show or hide a column of the list, remembered in the settings (the title is always shown)."""
        key = self.model.COLUMNS[column][0]
        if key == "title":
            return
        self.table.setColumnHidden(column, not shown)
        self.settings.list_columns = [
            k for c, (k, _) in enumerate(self.model.COLUMNS) if k != "title" and not self.table.isColumnHidden(c)
        ]

    def open_current_row(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.show_document(ids[0])
            self.reading.pane.setFocus()

    def show_in_folder(self) -> None:
        if self.current is None or not self.current.summary.path:
            return
        folder = Path(self.current.summary.path).parent
        if not folder.is_dir():
            self.window.statusBar().showMessage(self.tr("{0} is no longer there.").format(folder), 5000)
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            # No file manager answers for folders (none installed, or no desktop): say so, and where it is.
            self.window.statusBar().showMessage(
                self.tr("Cannot show the folder: no program is set up to open folders. The file is in {0}").format(
                    folder
                ),
                10000,
            )

    def copy_path(self) -> None:
        if self.current is not None and self.current.summary.path:
            QGuiApplication.clipboard().setText(self.current.summary.path)
            self.window.statusBar().showMessage(self.tr("Path copied"), 3000)


UNNAMED = 1 << 62  # the rank of a file that was not named: after every named place


def _named_places(named: Sequence[Path]) -> dict[Path, int]:
    """Each named path, resolved once, with its place among `named` (the first place when named twice)."""
    places: dict[Path, int] = {}
    for place, name in enumerate(named):
        places.setdefault(name.resolve(), place)
    return places


def _named_rank(stored: str, places: dict[Path, int]) -> tuple[int, str]:
    """Where a stored file comes in the reader's order: the place of the file, or of the folder holding
    it, among the named paths (`_named_places`), then its path (a folder's files by name); files not named
    come last."""
    if not stored:
        return UNNAMED, stored
    path = Path(stored).resolve()
    found = [places[p] for p in (path, *path.parents) if p in places]
    if found:
        return min(found), str(path)
    return UNNAMED, stored
