"""The page as printed: a PDF's kept file drawn page by page in place of its text (View ▸ Page as Printed).

The view controller owns where the reader is; this object owns the page view, its action and the place
the text was when the page view opened, so that leaving it on that same page returns exactly there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QVBoxLayout

from reader.core.text.pages import page_start
from reader.store.files import KEPT
from reader.store.library import Document
from reader.ui.actions import make_action
from reader.ui.page_view import PageView
from reader.ui.reading_view import ReadingView

if TYPE_CHECKING:
    from reader.ui.view_controller import ViewController


class PagePrinted(QObject):
    """The page view in the reading column, its action (Ctrl+Shift+P) and its way in and out."""

    def __init__(self, view: ViewController, reading: ReadingView, window: QMainWindow) -> None:
        super().__init__(view)
        self.view = view
        self.reading = reading
        self.act = make_action(window, self.tr("&Page as Printed"), "Ctrl+Shift+P", self._toggled, name="pageAsPrinted")
        self.act.setCheckable(True)
        self.act.setEnabled(False)
        self.act.setToolTip(self.tr("Show the page of a PDF as printed instead of its text (Ctrl+Shift+P)"))
        # The key works wherever the focus is, whether or not a menu shows the action.
        window.addAction(self.act)
        self.page_view = PageView()
        self.page_view.hide()
        self.page_view.pageChanged.connect(lambda _page: view.update_page())
        cast(QVBoxLayout, reading.layout()).addWidget(self.page_view, 1)
        # Where the text was when the page view opened: leaving it on that same page returns exactly there.
        self._entry: tuple[int | None, int] | None = None

    @property
    def shown(self) -> bool:
        """Whether the page as printed is shown in place of the text."""
        return self.page_view.isVisibleTo(self.reading)

    def position(self, pages: tuple[int, ...]) -> int:
        """The reading position while a page is shown: where the text was if the page was not turned,
        else the start of the page shown."""
        entry_offset, entry_page = self._entry or (None, 0)
        if self.page_view.page == entry_page and entry_offset is not None:
            return entry_offset
        return page_start(self.page_view.page, pages)

    def follow(self, offset: int, page: int) -> None:
        """The text moved to `offset` (on `page`) while the page view is shown: show that page."""
        self._entry = (offset, page)
        self.page_view.show_page(page)

    @staticmethod
    def is_pdf(doc: Document | None) -> bool:
        return doc is not None and doc.summary.kind == "pdf" and bool(doc.pages)

    def _toggled(self) -> None:
        self.set_shown(self.act.isChecked())

    def set_shown(self, on: bool) -> None:
        """Show the page as printed at the page of the reading position, or go back to the text at the
        page that was shown (exactly where the text was, when the reader did not turn the page)."""
        doc = self.view.doc
        if on and not self.is_pdf(doc):
            return  # nothing to draw; the action is disabled here and keeps the reader's choice
        if on == self.shown:
            self.act.setChecked(on)
            return
        if on:
            assert doc is not None
            if self.reading.original:
                self.view.set_original(False)
            offset = self.view.reading_position()
            page = self.view.current_page() or 1
            self.act.setChecked(True)
            self._entry = (offset, page)
            self._load(doc)
            self.reading.pane.hide()
            self.page_view.show()
            self.page_view.show_page(page)
            self.page_view.setFocus()
        else:
            page = self.page_view.page
            entry_offset, entry_page = self._entry or (None, 0)
            self.act.setChecked(False)
            self.page_view.hide()
            self.page_view.clear()
            self.reading.pane.show()
            self._entry = None
            if page == entry_page and entry_offset is not None:
                self.view.restore_position(entry_offset)
            elif doc is not None and doc.pages:
                self.view.go_to_page(page)
            self.reading.pane.setFocus()
        self.view.update_page()

    def _load(self, doc: Document) -> None:
        """Give the page view the document's kept file, or the one line saying why there is none."""
        state = self.view.library.file_state(doc.id) if self.view.library is not None else None
        data = self.view.library.original_file(doc.id) if self.view.library is not None and state == KEPT else None
        if data is None:
            self.page_view.show_message(
                self.tr("The file of this document was not kept when it was imported, so its pages cannot be shown.")
            )
            return
        self.page_view.set_file(data, len(doc.pages))

    def present(self, doc: Document | None) -> None:
        """A PDF opened while the page view is on shows its page (at its reading position once restored);
        any other document shows its text, and the view comes back with the next PDF."""
        pdf = self.is_pdf(doc)
        self.act.setEnabled(pdf)
        if not self.act.isChecked():
            return
        if not pdf or doc is None:
            self.page_view.hide()
            self.page_view.clear()
            self.reading.pane.show()
            self._entry = None
            return
        self._load(doc)
        self.reading.pane.hide()
        self.page_view.show()
        self._entry = (None, 1)
        self.page_view.show_page(1)
