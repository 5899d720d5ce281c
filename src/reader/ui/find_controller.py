"""Finding in the open document and stepping through hits with F3.

Whatever was asked for last (the library query, a find, an entity) fills one list of spans in the stored
text; F3 and Shift+F3 step through it in every script view.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from reader.core.query import QueryError
from reader.store import search
from reader.store.library import Document
from reader.ui.actions import make_action
from reader.ui.find_bar import FindBar
from reader.ui.reading_view import ReadingView, background
from reader.ui.themes import SEARCH_HIT_COLOR

CURRENT_COLOR = "#ff9800"


class FindController(QObject):
    """The find bar, the library query's hits in the open document, and the step through them."""

    def __init__(self, reading: ReadingView, find_bar: FindBar, window: QMainWindow) -> None:
        super().__init__(window)
        self.reading = reading
        self.find_bar = find_bar
        self.window = window
        self.has_document = False
        self.library_query = ""
        self._steps: list[tuple[int, int]] = []
        self._step = -1
        find_bar.textChanged.connect(self.find_in_document)
        find_bar.nextRequested.connect(lambda: self.step(1))
        find_bar.previousRequested.connect(lambda: self.step(-1))
        find_bar.closed.connect(self.close_find)
        self.act_find = make_action(
            window, self.tr("&Find in Document…"), QKeySequence.StandardKey.Find, self.open_find, name="find"
        )
        self.act_find_next = make_action(window, self.tr("Find &Next"), "F3", lambda: self.step(1), name="findNext")
        self.act_find_prev = make_action(
            window, self.tr("Find &Previous"), "Shift+F3", lambda: self.step(-1), name="findPrev"
        )

    # -- what to look for --------------------------------------------------------------------------
    def show_document(self, doc: Document | None) -> None:
        """A document was opened: find again what was asked for last."""
        self.has_document = doc is not None
        if self.find_bar.isVisible():
            self.find_in_document(self.find_bar.edit.text())
        else:
            self.show_search_hits()

    def set_library_query(self, query: str) -> None:
        self.library_query = query
        self.show_search_hits()

    def show_search_hits(self) -> None:
        """Highlight every hit of the library query in the open document and go to the first."""
        spans: list[tuple[int, int]] = []
        if self.library_query and self.has_document:
            try:
                spans = search.hit_spans(self.reading.base_text, self.library_query)
            except QueryError:
                spans = []
        fmt = background(SEARCH_HIT_COLOR, alpha=200)
        self.reading.set_layer("search", [(s, e, fmt) for s, e in spans])
        if not self.find_bar.isVisible():
            self.set_steps(spans)

    def redraw_hits(self) -> None:
        """The pane switched between the cleaned and the original text: the offsets of the hits changed
        with it, so find them again in the text now shown (the find bar's text, else the library query),
        staying where the reader is rather than jumping to the first hit."""
        find = self.find_bar.isVisible()
        text = self.find_bar.edit.text() if find else self.library_query
        spans: list[tuple[int, int]] = []
        if text.strip() and self.has_document:
            query = f'"{text}"' if find and '"' not in text else text
            try:
                spans = search.hit_spans(self.reading.base_text, query)
            except QueryError:
                spans = []
        fmt = background(SEARCH_HIT_COLOR, alpha=200)
        self.reading.set_layer("search", [(s, e, fmt) for s, e in spans])
        self._steps = sorted(spans)
        top = self.reading.visible_offset()
        self._step = next((i for i, (start, _) in enumerate(self._steps) if start >= top), 0) - 1
        self.reading.set_layer("current", [])

    # -- find in document --------------------------------------------------------------------------
    def open_find(self) -> None:
        selected = self.reading.selected_span()
        text = self.reading.base_text[selected[0] : selected[1]] if selected else ""
        self.find_bar.open_bar(text if "\n" not in text else "")
        self.find_in_document(self.find_bar.edit.text())

    def find_in_document(self, text: str) -> None:
        spans: list[tuple[int, int]] = []
        if text.strip() and self.has_document:
            try:
                spans = search.hit_spans(self.reading.base_text, f'"{text}"' if '"' not in text else text)
            except QueryError:
                spans = []
        fmt = background(SEARCH_HIT_COLOR, alpha=200)
        self.reading.set_layer("search", [(s, e, fmt) for s, e in spans])
        # From the place being read on, as a browser or an e-reader searches: the first hit below the top
        # of the pane (the first of all when none is below).
        self.set_steps(spans, from_offset=self.reading.visible_offset())

    def close_find(self) -> None:
        """Close the find bar with the found text selected, so it can be highlighted or copied at once."""
        hit = self._steps[self._step] if 0 <= self._step < len(self._steps) else None
        self.show_search_hits()
        if hit is not None:  # back at the hit, whatever the library search's hits moved to
            self.reading.scroll_to(hit[0], top=False)
            self.reading.select_span(*hit)
        self.reading.pane.setFocus()

    # -- stepping ----------------------------------------------------------------------------------
    def set_steps(self, spans: list[tuple[int, int]], *, from_offset: int = 0) -> None:
        self._steps = sorted(spans)
        first = next((i for i, (start, _) in enumerate(self._steps) if start >= from_offset), 0)
        self._step = first - 1
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
        self.window.statusBar().showMessage(self.tr("{0} of {1}").format(self._step + 1, len(self._steps)), 3000)
