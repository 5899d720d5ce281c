"""Organising documents in the window: the collections sidebar, "Tags…" and "Add to Collection".

Every write is an operation submitted to the window's writer (`writes`); the sidebar, the facets and a
search that filters by collection or tag follow from `writes.changed`, whoever made the change (the
CLI on the same file is seen at the next change). The document list's context menu gets the same
entries through `extend_list_menu`, acting on the ids it was opened for.
"""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.app import operations as ops
from reader.app.changes import Changes
from reader.core.query import QueryError, parse
from reader.store.collections import Collection, CollectionStore, norm
from reader.store.library import Library
from reader.ui.actions import make_action
from reader.ui.collections_panel import CollectionsPanel, collection_term
from reader.ui.document_controller import DocumentController
from reader.ui.info_panel import counted
from reader.ui.search_controller import SearchController
from reader.ui.writes import Writes

__all__ = ["OrganiseController", "TagsDialog", "split_tags"]

_SEPARATORS = re.compile(r"[,，、;；\n]")


def split_tags(text: str) -> list[str]:
    """Tags as typed: separated by commas (either width), 、 or semicolons; blanks dropped, once each."""
    tags: dict[str, str] = {}
    for part in _SEPARATORS.split(text):
        tag = part.strip()
        if tag:
            tags.setdefault(norm(tag), tag)
    return list(tags.values())


class TagsDialog(QDialog):
    """One line of tags for one or several documents: what all of them carry is shown to be edited."""

    def __init__(self, count: int, tags: list[str], known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        self.setWindowTitle(self.tr("Tags"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(counted(self.tr("Tags of %n document(s):", "", count), count)))
        self.edit = QLineEdit(", ".join(tags))
        self.edit.setObjectName("tagsEdit")
        self.edit.setMinimumWidth(320)
        layout.addWidget(self.edit)
        hint = self.tr("Separate tags with commas.")
        if known:
            hint += " " + self.tr("In use: %1").replace("%1", ", ".join(known[:12]))
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setEnabled(False)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def tags(self) -> list[str]:
        return split_tags(self.edit.text())


class OrganiseController(QObject):
    """Owns the collections sidebar and the actions that tag documents and put them in collections."""

    def __init__(
        self,
        library: Library,
        writes: Writes,
        documents: DocumentController,
        search: SearchController,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.writes = writes
        self.documents = documents
        self.search = search
        self.window = window
        self.store = CollectionStore(library.conn)
        self.tags_dialog: TagsDialog | None = None
        self.panel = CollectionsPanel()
        self.panel.queryChosen.connect(self.search.set_query)
        self.panel.newRequested.connect(lambda: self.new_collection([]))
        self.panel.renameRequested.connect(self.rename_collection)
        self.panel.deleteRequested.connect(self.delete_collection)
        self.panel.documentsDropped.connect(self.add_to_collection)
        # Rows of the list are dragged onto the sidebar (the model supplies their ids).
        table = documents.table
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)

        self.act_tags = make_action(window, self.tr("&Tags…"), None, self.edit_selected_tags, name="editTags")
        self.act_tags.setToolTip(self.tr("Edit the tags of the selected documents"))
        self.collection_menu = QMenu(self.tr("Add to &Collection"), window)
        self.collection_menu.aboutToShow.connect(
            lambda: self._fill_collection_menu(self.collection_menu, self.documents.selected_ids())
        )
        self.act_add_to_collection: QAction = self.collection_menu.menuAction()
        self.act_add_to_collection.setObjectName("addToCollection")
        self.act_add_to_collection.setToolTip(self.tr("Put the selected documents in a collection"))
        self.act_new_collection = make_action(
            window, self.tr("&New Collection…"), None, lambda: self.new_collection([]), name="newCollection"
        )
        table.selectionModel().selectionChanged.connect(self.update_actions)
        self.update_actions()
        writes.changed.connect(self.on_changes)
        self.refresh()

    # -- showing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.panel.show_collections(self.library.count(), self.store.all())

    def update_actions(self) -> None:
        chosen = bool(self.documents.selected_ids())
        self.act_tags.setEnabled(chosen)
        self.act_add_to_collection.setEnabled(chosen)

    def on_changes(self, changes: Changes) -> None:
        """Counts follow every change of membership; facets and a collection or tag search re-run, also
        when annotations changed: their tags are tags of the document (the Tags facet, `tag:`). The search's
        results are refreshed in place: nothing is opened and the reading place stays, since the change is
        usually the reader's own highlight or note in the document they are reading."""
        if changes.organised or changes.collections or changes.added or changes.deleted:
            self.refresh()
            self.update_actions()
        if changes.organised or changes.collections or changes.annotations:
            query = self.search.search_box.text()
            if query and _filters_by_organisation(query):
                self.search.refresh_results()
            self.search.refresh_facets()

    def extend_list_menu(self, menu: QMenu, ids: list[int]) -> None:
        """Add "Tags…" and "Add to Collection" (and "Remove from Collection") acting on `ids`."""
        tags = menu.addAction(self.tr("Tags…"), lambda: self.edit_tags(ids))
        tags.setObjectName("listTags")
        tags.setEnabled(bool(ids))
        add = menu.addMenu(self.tr("Add to Collection"))
        add.setObjectName("listAddToCollection")
        add.setEnabled(bool(ids))
        self._fill_collection_menu(add, ids)
        holding = self.store.holding(ids) if ids else []
        if holding:
            remove = menu.addMenu(self.tr("Remove from Collection"))
            remove.setObjectName("listRemoveFromCollection")
            for c in holding:
                remove.addAction(c.name, partial(self.remove_from_collection, c.id, ids))

    def _fill_collection_menu(self, menu: QMenu, ids: list[int]) -> None:
        menu.clear()
        collections = self.store.all()
        for c in collections:
            action = menu.addAction(c.name, partial(self.add_to_collection, c.id, ids))
            action.setData(c.id)
        if collections:
            menu.addSeparator()
        menu.addAction(self.tr("New Collection…"), lambda: self.new_collection(ids))

    # -- tags --------------------------------------------------------------------------------------
    def edit_selected_tags(self) -> None:
        self.edit_tags(self.documents.selected_ids())

    def edit_tags(self, ids: list[int]) -> None:
        """Open the tags dialog for these documents; what they all carry can be edited or removed."""
        if not ids:
            return
        common = self.store.common_tags(ids)
        known = [t for t, _ in self.store.all_tags()]
        dialog = TagsDialog(len(ids), common, known, self.window)
        dialog.accepted.connect(lambda: self._retag(ids, common, dialog.tags()))
        dialog.finished.connect(dialog.deleteLater)
        self.tags_dialog = dialog
        dialog.open()

    def _retag(self, ids: list[int], before: list[str], after: list[str]) -> None:
        kept = {norm(t) for t in after}
        removed = [t for t in before if norm(t) not in kept]
        self.writes.submit(partial(ops.retag_documents, doc_ids=ids, add=after, remove=removed), self._retagged)

    def _retagged(self, changed: list[int]) -> None:
        n = len(changed)
        self._say(counted(self.tr("Tags changed on %n document(s)", "", n), n))

    # -- collections -------------------------------------------------------------------------------
    def new_collection(self, ids: list[int]) -> None:
        """Ask for a name, create the collection, and put `ids` in it."""
        name, ok = QInputDialog.getText(self.window, self.tr("New Collection"), self.tr("Name:"))
        if ok and name.strip():
            self.writes.submit(partial(ops.create_collection, name=name), partial(self._created, ids))

    def _created(self, ids: list[int], made: Collection) -> None:
        if ids:
            self.add_to_collection(made.id, ids)
        else:
            self._say(self.tr("Created collection %1").replace("%1", made.name))

    def rename_collection(self, collection_id: int) -> None:
        old = self.store.get(collection_id)
        if old is None:
            return
        name, ok = QInputDialog.getText(
            self.window, self.tr("Rename Collection"), self.tr("Name:"), QLineEdit.EchoMode.Normal, old.name
        )
        if ok and name.strip() and name.strip() != old.name:
            done = partial(self._renamed, old)
            self.writes.submit(partial(ops.rename_collection, collection_id=collection_id, name=name), done)

    def _renamed(self, old: Collection, new: Collection) -> None:
        if self.search.search_box.text() == collection_term(old.name):
            self.search.set_query(collection_term(new.name))  # the sidebar's filter follows the name

    def delete_collection(self, collection_id: int) -> None:
        """Remove a collection after asking; its documents stay in the library."""
        found = self.store.get(collection_id)
        if found is None:
            return
        question = self.tr("Delete the collection “%1”? Its documents stay in the library.").replace("%1", found.name)
        answer = QMessageBox.question(
            self.window,
            self.tr("Delete Collection"),
            question,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Ok:
            self.writes.submit(partial(ops.delete_collection, collection_id=collection_id), self._deleted)

    def _deleted(self, gone: Collection) -> None:
        if self.search.search_box.text() == collection_term(gone.name):
            self.search.clear()
        self._say(self.tr("Deleted collection %1").replace("%1", gone.name))

    def add_to_collection(self, collection_id: int, ids: list[int]) -> None:
        name = self._name(collection_id)
        self.writes.submit(
            partial(ops.add_to_collection, collection_id=collection_id, doc_ids=ids), partial(self._added, name)
        )

    def _added(self, name: str, added: list[int]) -> None:
        n = len(added)
        self._say(counted(self.tr("Added %n document(s) to %1", "", n), n).replace("%1", name))

    def remove_from_collection(self, collection_id: int, ids: list[int]) -> None:
        name = self._name(collection_id)
        done = partial(self._removed, name)
        self.writes.submit(partial(ops.remove_from_collection, collection_id=collection_id, doc_ids=ids), done)

    def _removed(self, name: str, removed: list[int]) -> None:
        n = len(removed)
        self._say(counted(self.tr("Removed %n document(s) from %1", "", n), n).replace("%1", name))

    def _name(self, collection_id: int) -> str:
        found = self.store.get(collection_id)
        return found.name if found is not None else ""

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 5000)


def _filters_by_organisation(query: str) -> bool:
    """Whether a query's matches depend on collections or tags (so a change there re-runs it)."""
    try:
        return any(c.field in ("collection", "tag") for c in parse(query).clauses)
    except QueryError:
        return False
