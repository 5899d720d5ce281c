"""Deleting documents from the window, with undo until it closes.

The confirmation names what goes (the title, or how many documents, and how many annotations); the rows
that went are kept for the session, so Edit ▸ Undo brings the same documents back with their ids,
annotations, line decisions, entities and files. The deletion itself is an operation on the writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import QMainWindow, QMessageBox

from reader.app import operations as ops
from reader.store.deleting import Snapshot
from reader.store.library import Library
from reader.ui.actions import make_action
from reader.ui.info_panel import counted
from reader.ui.writes import Writes

if TYPE_CHECKING:
    from reader.ui.document_controller import DocumentController


class _Deletion(QUndoCommand):
    """Documents deleted from the window: undo puts them back from the rows kept when they went.

    Pushed after the deletion is done (the confirmation and the status message belong to it), so the
    first `redo` only marks it done; a later redo deletes again and keeps the rows afresh (the reading
    position or the entities may have been written in between).
    """

    def __init__(self, ctl: DocumentDeletion, text: str, kept: Snapshot) -> None:
        super().__init__(text)
        self.ctl, self.kept = ctl, kept
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        kept = self.ctl.delete(self.kept.ids)
        if kept is not None:
            self.kept = kept

    def undo(self) -> None:
        self.ctl.restore(self.kept)


class DocumentDeletion(QObject):
    """Document ▸ Delete (Del in the list) and its undo."""

    undoable = Signal(object)  # a QUndoCommand already done (a deletion), for the window's undo stack

    def __init__(self, library: Library, writes: Writes, documents: DocumentController, window: QMainWindow) -> None:
        super().__init__(window)
        self.library = library
        self.writes = writes
        self.documents = documents
        self.window = window
        self.act_delete = make_action(
            window, self.tr("&Delete…"), QKeySequence.StandardKey.Delete, self.delete_selected, name="deleteDocuments"
        )
        self.act_delete.setToolTip(self.tr("Delete the selected documents and their annotations from the library"))
        # Del deletes documents only while the list has the focus: elsewhere it edits text or annotations.
        self.act_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        documents.table.addAction(self.act_delete)

    def delete_selected(self) -> None:
        """Ask, naming what goes (the title, or how many documents, and how many annotations), then delete."""
        ids = self.documents.selected_ids()
        if not ids:
            return
        notes = sum(self.library.annotation_counts(ids).values())
        if len(ids) == 1:
            summary = self.library.summaries(ids).get(ids[0])
            title = (summary.title or summary.filename) if summary is not None else str(ids[0])
            question = self.tr("Delete “{0}”?").format(title)
        else:
            question = counted(self.tr("Delete %n document(s)?", "", len(ids)), len(ids))
        detail = counted(
            self.tr("%n annotation(s) will be deleted with it.", "", notes)
            if len(ids) == 1
            else self.tr("%n annotation(s) will be deleted with them.", "", notes),
            notes,
        )
        detail += "\n" + self.tr(
            "Edit ▸ Undo brings them back until reader closes. The original files are not touched."
        )
        answer = QMessageBox.question(
            self.window,
            self.tr("Delete Documents"),
            f"{question}\n\n{detail}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_undoably(ids)

    def delete_undoably(self, ids: list[int]) -> None:
        """Delete, and offer the deletion to the window's undo stack (Edit ▸ Undo, Ctrl+Z)."""
        kept = self.delete(ids)
        if kept is not None and kept.documents:
            count = len(kept.documents)
            self.undoable.emit(_Deletion(self, counted(self.tr("Delete %n document(s)", "", count), count), kept))

    def delete(self, ids: list[int]) -> Snapshot | None:
        """Delete without asking (the confirmation is `delete_selected`'s); the list and the pane follow.

        Returns the rows that went, kept for the session so `restore` can bring them back (None when
        nothing was deleted)."""
        first_row = min((r for i in ids if (r := self.documents.model.row_of(i)) is not None), default=0)
        deleted, kept = self.writes.run(lambda library: ops.delete_documents_keeping(library, ids))
        if not deleted:
            return None
        # The keyboard carries on from where the deleted rows were, without opening anything.
        row = min(first_row, self.documents.model.rowCount() - 1)
        if row >= 0:
            self.documents.table.selectionModel().setCurrentIndex(
                self.documents.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        notes = sum(d.annotations for d in deleted)
        self.window.statusBar().showMessage(
            counted(self.tr("Deleted %n document(s)", "", len(deleted)), len(deleted))
            + " · "
            + counted(self.tr("%n annotation(s)", "", notes), notes)
            + " · "
            + self.tr("Ctrl+Z brings them back"),
            8000,
        )
        return kept

    def restore(self, kept: Snapshot) -> None:
        """Undo of a deletion: the documents come back as they were and the first of them opens. One whose
        file was imported again since stays gone: its annotations went to the document that holds the file
        now (the holder), which opens instead, and the status line says how many went there."""
        restored = self.writes.run(lambda library: ops.restore_documents(library, kept))
        holders = [restored.holders[d] for d in restored.skipped if d in restored.holders]
        lost = [d for d in restored.skipped if d not in restored.holders]
        shown = restored.ids[0] if restored.ids else (holders[0] if holders else None)
        if shown is not None:
            if self.documents.model.row_of(shown) is not None:
                self.documents.select(shown)
            else:
                self.documents.documentRequested.emit(shown)  # the search hides it: the window clears the search
        parts = []
        if restored.ids or not holders:
            parts.append(counted(self.tr("Restored %n document(s)", "", len(restored.ids)), len(restored.ids)))
        if holders:
            again = counted(
                self.tr("the file of %n deleted document(s) was imported again since", "", len(holders)), len(holders)
            )
            moved = counted(self.tr("%n annotation(s) moved there", "", restored.moved), restored.moved)
            if restored.orphaned:
                moved += " " + self.tr("(orphans: {0})").format(restored.orphaned)
            parts.append(again + " · " + moved if restored.moved else again)
        if lost:
            parts.append(
                counted(
                    self.tr("%n document(s) could not come back: the same file was imported again", "", len(lost)),
                    len(lost),
                )
            )
        message = " · ".join(parts)
        message = message[:1].upper() + message[1:]
        self.window.statusBar().showMessage(message, 8000)
