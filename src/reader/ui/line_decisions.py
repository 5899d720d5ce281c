"""The cleaner's line decisions where the reader sees them: the Removed tab, the removed lines greyed in the
Original view, and the pane's menu entries that keep, remove or reset one line.

A decision is asked for through the view controller's `lineOverrideRequested`; the document controller
hands it to the writer, and the document comes back re-cleaned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu

from reader.store.library import Document
from reader.ui.reading_view import ReadingView, foreground
from reader.ui.removed_panel import RemovedPanel

if TYPE_CHECKING:
    from reader.ui.view_controller import ViewController


class LineDecisions(QObject):
    """Owns the Removed tab and the line entries of the pane's menu for the view controller."""

    def __init__(self, view: ViewController, reading: ReadingView) -> None:
        super().__init__(view)
        self.view = view
        self.reading = reading
        self.panel = RemovedPanel()
        self._shown: int | None = None  # the document whose removed lines the panel lists
        self.panel.lineActivated.connect(self.show_line)
        self.panel.restoreRequested.connect(lambda line: view.lineOverrideRequested.emit(line, True))
        self.panel.forgetRequested.connect(lambda line: view.lineOverrideRequested.emit(line, None))
        # The removed lines are read in the view's script, as the pane is.
        view.scriptChanged.connect(lambda: self.present(view.doc))

    def present(self, doc: Document | None) -> None:
        same = doc is not None and doc.id == self._shown
        self._shown = doc.id if doc is not None else None
        if doc is None:
            self.panel.show_removed([], {})
            return
        self.panel.show_removed(doc.removed, doc.overrides, self.reading.convert, same_document=same)
        self.draw_removed()

    def _line_spans(self) -> list[tuple[int, int]]:
        """Start and end offsets of each line of the original text, as the Original view shows it."""
        spans = []
        pos = 0
        for line in self.reading.base_text.split("\n"):
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans

    def draw_removed(self) -> None:
        if self.view.doc is None or not self.reading.original:
            self.reading.set_layer("removed", [])
            return
        spans = self._line_spans()
        grey = foreground("#9a9a9a")
        layer = [(*spans[r.line - 1], grey) for r in self.view.doc.removed if 0 < r.line <= len(spans)]
        self.reading.set_layer("removed", layer)

    def show_line(self, line: int) -> None:
        """Show a removed line in place, greyed, in the Original view."""
        if not self.reading.original:
            self.view.set_original(True)
        spans = self._line_spans()
        if 0 < line <= len(spans):
            start, end = spans[line - 1]
            self.reading.scroll_to(max(0, spans[max(0, line - 4)][0]))
            self.reading.select_span(start, max(end, start + 1))

    def pane_menu(self, point: QPoint) -> None:
        pane = self.reading.pane
        menu: QMenu = pane.createStandardContextMenu()
        if self.view.doc is not None and self.reading.original:
            offset = self.reading.offset_at(point)
            self._add_line_entries(menu, self.reading.base_text.count("\n", 0, offset) + 1, self.view.doc)
        self.view.paneMenuRequested.emit(menu, self.reading.offset_at(point))
        menu.exec(pane.mapToGlobal(point))
        menu.deleteLater()

    def _add_line_entries(self, menu: QMenu, line: int, doc: Document) -> None:
        def ask(keep: bool | None) -> Any:
            return lambda: self.view.lineOverrideRequested.emit(line, keep)

        menu.addSeparator()
        if line in {r.line for r in doc.removed}:
            menu.addAction(self.tr("Keep Line {0} in the Cleaned Text").format(line)).triggered.connect(ask(True))
        else:
            menu.addAction(self.tr("Remove Line {0} from the Cleaned Text").format(line)).triggered.connect(ask(False))
        if line in doc.overrides:
            menu.addAction(self.tr("Use the Cleaner's Decision for Line {0}").format(line)).triggered.connect(ask(None))
