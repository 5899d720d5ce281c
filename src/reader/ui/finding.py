"""Finding things: the library search box, find in document, and stepping through hits with F3.

A mixin of the main window. Whatever was asked for last (a library query, a find, an entity) fills one
list of spans in the stored text; F3 and Shift+F3 step through it in every script view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.query import QueryError
from reader.core.script import Script, make_view
from reader.store import search
from reader.ui.reading_view import background
from reader.ui.view_modes import ViewModes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from reader.ui.facets_panel import FacetsPanel
    from reader.ui.find_bar import FindBar
    from reader.ui.search_box import SearchBox

SEARCH_COLOR = "#ffd54f"
RANKED = 200  # how many of the best matches lead the list
CURRENT_COLOR = "#ff9800"


class Finding(ViewModes):
    search_box: SearchBox
    facets: FacetsPanel
    table: QTableView
    find_bar: FindBar
    _steps: list[tuple[int, int]]
    _step: int

    # -- library search ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.edit.setFocus()
        self.search_box.edit.selectAll()

    def add_search_term(self, term: str) -> None:
        """Narrow the current search by one more term (a facet click)."""
        current = self.search_box.text()
        if term not in current.split():
            self.search_box.edit.setText(f"{current} {term}".strip())
        self.search_box.flush()

    def refresh_facets(self, query: str | None) -> None:
        try:
            self.facets.show_facets(search.facets(self.library.conn, query or None))
        except QueryError:
            return

    def run_library_search(self, query: str) -> None:
        if not query:
            self.model.set_snippets(None)
            self.table.setColumnHidden(self.model.MATCH_COLUMN, True)
            self.model.set_filter(None)
            self.search_box.show_result(None)
            self._show_search_hits()
            self.refresh_facets(None)
            self.update_status()
            return
        try:
            ids = search.matching_ids(self.library.conn, query)
        except QueryError as exc:
            self.search_box.show_result(None, str(exc))
            return
        self.refresh_facets(query)
        current = self.current.id if self.current is not None else None
        # Best matches first (title hits, more and denser hits); the rest in the list's order.
        ranked = [hit.id for hit in search.search(self.library.conn, query, limit=RANKED)]
        self.model.set_filter(set(ids), ranked)
        self.model.set_snippets(lambda doc_id: self.snippet(doc_id, query))
        self.table.setColumnHidden(self.model.MATCH_COLUMN, False)
        self.search_box.show_result(len(ids))
        if ids:
            self.select_document(self.model.id_at(0) or ids[0])  # the best match opens
        if current == self.model.id_at(0):
            self._show_search_hits()

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

    def _show_search_hits(self) -> None:
        """Highlight every hit of the library query in the open document and go to the first."""
        query = self.search_box.text()
        spans: list[tuple[int, int]] = []
        if query and self.current is not None:
            try:
                spans = search.hit_spans(self.reading.base_text, query)
            except QueryError:
                spans = []
        fmt = background(SEARCH_COLOR, alpha=200)
        self.reading.set_layer("search", [(s, e, fmt) for s, e in spans])
        if spans and not self.find_bar.isVisible():
            self.set_steps(spans)
        elif not spans and not self.find_bar.isVisible():
            self.set_steps([])

    # -- find in document --------------------------------------------------------------------------
    def open_find(self) -> None:
        selected = self.reading.selected_span()
        text = self.reading.base_text[selected[0] : selected[1]] if selected else ""
        self.find_bar.open_bar(text if "\n" not in text else "")
        self.find_in_document(self.find_bar.edit.text())

    def find_in_document(self, text: str) -> None:
        spans: list[tuple[int, int]] = []
        if text.strip() and self.current is not None:
            try:
                spans = search.hit_spans(self.reading.base_text, f'"{text}"' if '"' not in text else text)
            except QueryError:
                spans = []
        fmt = background(SEARCH_COLOR, alpha=200)
        self.reading.set_layer("search", [(s, e, fmt) for s, e in spans])
        self.set_steps(spans)

    def close_find(self) -> None:
        self._show_search_hits()
        self.pane.setFocus()

    # -- stepping ----------------------------------------------------------------------------------
    def set_steps(self, spans: list[tuple[int, int]]) -> None:
        self._steps = sorted(spans)
        self._step = -1
        self.reading.set_layer("current", [])
        if self._steps:
            self.step(1)
        else:
            self.find_bar.show_count(0, 0)

    def step(self, delta: int) -> None:
        if not self._steps:
            return
        self._step = (self._step + delta) % len(self._steps)
        start, end = self._steps[self._step]
        self.reading.set_layer("current", [(start, end, background(CURRENT_COLOR))])
        self.reading.scroll_to(start, top=False)
        self.find_bar.show_count(self._step, len(self._steps))
        self.statusBar().showMessage(self.tr("{0} of {1}").format(self._step + 1, len(self._steps)), 3000)

    def update_status(self) -> None:
        raise NotImplementedError

    def select_document(self, doc_id: int) -> None:
        raise NotImplementedError
