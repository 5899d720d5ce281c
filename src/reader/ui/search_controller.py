"""Searching the library: the search box filters the document list, facets narrow it, snippets show the hits.

The controller tells others what is being searched for with `queryApplied`, so the open document can
highlight the same hits; it opens the best match through the document controller. An `entity:` query
first has the writer find the names of documents that have none yet (a fresh import), so it covers every
document; the list shows it is busy meanwhile.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QTableView

from reader.app import operations as ops
from reader.app.entities import asks_for_entities
from reader.core.query import QueryError
from reader.core.script import Script, make_view
from reader.store import search
from reader.store.entities import EntityStore
from reader.store.library import Library
from reader.ui.actions import make_action
from reader.ui.document_controller import DocumentController
from reader.ui.document_model import DocumentTableModel
from reader.ui.document_table import set_two_line_rows
from reader.ui.facets_panel import FacetsPanel
from reader.ui.info_panel import counted
from reader.ui.reading_view import ReadingView
from reader.ui.search_box import SearchBox

RANKED = 200  # how many of the best matches lead the list


class SearchController(QObject):
    """The library query: list filter, ranking, match snippets in the view's script, and facet counts."""

    queryApplied = Signal(str)  # the query now filtering the list ("" for none)

    def __init__(
        self,
        library: Library,
        search_box: SearchBox,
        facets: FacetsPanel,
        reading: ReadingView,
        documents: DocumentController,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.search_box = search_box
        self.facets = facets
        self.reading = reading
        self.documents = documents
        self.model: DocumentTableModel = documents.model
        self.table: QTableView = documents.table
        self.finding_names: str | None = None  # the entity: query waiting for the writer to find names
        search_box.queryChanged.connect(self.run_library_search)
        documents.writes.failed.connect(self._names_failed)
        search_box.edit.returnPressed.connect(search_box.flush)
        facets.termChosen.connect(self.add_search_term)
        self.act_search = make_action(window, self.tr("&Search Library"), "Ctrl+K", self.focus_search, name="search")
        self.act_search.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])

    def focus_search(self) -> None:
        self.search_box.edit.setFocus()
        self.search_box.edit.selectAll()

    def set_query(self, query: str) -> None:
        """Search for `query` now, through the box, so the filter is visible and Esc clears it."""
        self.search_box.edit.setText(query)
        self.search_box.flush()

    def clear(self) -> None:
        self.set_query("")

    def add_search_term(self, term: str) -> None:
        """Narrow the current search by one more term (a facet click)."""
        current = self.search_box.text()
        if term not in current.split():
            self.search_box.edit.setText(f"{current} {term}".strip())
        self.search_box.flush()

    def refresh_facets(self) -> None:
        try:
            self.facets.show_facets(search.facets(self.library.conn, self.search_box.text() or None))
        except QueryError:
            return

    def run_library_search(self, query: str) -> None:
        # Read-only here: when every document's names are known the search runs at once, with no writer trip.
        if query and asks_for_entities(query) and EntityStore(self.library.conn).pending(limit=1):
            self._find_names_then_search(query)
            return
        self._search(query)

    def _find_names_then_search(self, query: str) -> None:
        """Have the writer find the names of documents without any, then run `query`; meanwhile the list
        keeps what it showed, under a busy cursor, and the box says what is going on."""
        self.finding_names = query
        self.search_box.show_busy(self.tr("Finding names…"))
        self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)
        self.documents.writes.submit(
            lambda library: ops.entities_for_query(library, query), partial(self._names_found, query)
        )

    def _names_found(self, query: str, ready: ops.NamesReady) -> None:
        if self.finding_names != query:
            return  # another query was asked for meanwhile
        self._done_finding()
        if self.search_box.text() != query:
            return  # the reader typed on: that query runs by itself
        self._search(query)
        if ready.left:
            self.documents.window.statusBar().showMessage(
                counted(
                    self.tr("Names are not found yet in %n document(s): the search leaves them out", "", ready.left),
                    ready.left,
                ),
                10000,
            )

    def _names_failed(self, _message: str) -> None:
        """A write failed while names were being found (the message is in the status bar): search with the
        names already known rather than stay busy."""
        query = self.finding_names
        if query is None:
            return
        self._done_finding()
        if self.search_box.text() == query:
            self._search(query)

    def _done_finding(self) -> None:
        self.finding_names = None
        self.table.viewport().unsetCursor()

    def _search(self, query: str) -> None:
        if self.finding_names is not None:
            self._done_finding()  # a plain query replaces a waiting entity: one
        if not query:
            self.model.set_snippets(None)
            set_two_line_rows(self.table, False)
            self.model.set_filter(None)
            self.search_box.show_result(None)
            self.queryApplied.emit("")
            self.refresh_facets()
            return
        try:
            ids = search.matching_ids(self.library.conn, query)
        except QueryError as exc:
            self.search_box.show_result(None, str(exc))
            return
        self.refresh_facets()
        # Best matches first (title hits, more and denser hits); the rest in the list's order.
        ranked = [hit.id for hit in search.search(self.library.conn, query, limit=RANKED)]
        self.model.set_filter(set(ids), ranked)
        self.model.set_snippets(lambda doc_id: self.snippet(doc_id, query))
        set_two_line_rows(self.table, True)  # the snippet goes under each title
        self.search_box.show_result(len(ids))
        self.queryApplied.emit(query)
        if ids:
            self.documents.select(self.model.id_at(0) or ids[0])  # the best match opens

    def refresh_results(self) -> None:
        """Documents were added, changed or deleted (here, from the command line or another window):
        run the search again so the list and its count hold what matches now, without opening another
        document; the open one stays selected when it still matches."""
        query = self.search_box.text()
        if not query:
            return
        try:
            ids = search.matching_ids(self.library.conn, query)
            ranked = [hit.id for hit in search.search(self.library.conn, query, limit=RANKED)]
        except QueryError:
            return
        self.model.set_filter(set(ids), ranked)
        self.search_box.show_result(len(ids))
        current = self.documents.current
        if current is not None:
            self.documents.select(current.id, open_it=False)

    def on_script_changed(self) -> None:
        query = self.search_box.text()
        if query:  # snippets follow the view's script too
            self.model.set_snippets(lambda doc_id: self.snippet(doc_id, query))

    def snippet(self, doc_id: int, query: str, width: int = 18) -> tuple[str, list[tuple[int, int]]] | None:
        """Text around the first hit in `doc_id`, in the view's script, with the hits inside it."""
        text = self.library.text(doc_id)
        try:
            spans = search.hit_spans(text, query)
        except QueryError:
            return None
        if not spans:
            return None
        first = spans[0][0]
        start = max(0, first - width)
        end = min(len(text), first + 3 * width)
        piece = text[start:end].replace("\n", " ")
        if self.reading.script != Script.ORIG:
            piece = make_view(piece, self.reading.script).text  # character-level: same length
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        prefix = "…" if start > 0 else ""
        return prefix + piece + ("…" if end < len(text) else ""), [
            (s + len(prefix), e + len(prefix)) for s, e in inside
        ]
