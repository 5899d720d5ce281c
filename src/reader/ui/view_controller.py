"""How the open document is viewed: its script, cleaned or original, its size, the removed lines, and
where in it the reader is (the page of the reading position, Go to Page, a remembered position restored).

The controller owns the View menu's actions, the Removed tab, the status bar's page label and the page
as printed (a PDF's kept file drawn page by page in place of the text, `PageView`). It never
writes to the library: a line the reader keeps or removes is asked for with `lineOverrideRequested`, and
whoever owns the document does it (the reading position is stored by the document controller).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QTextCursor
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu

from reader.core.script import Script
from reader.core.text.pages import page_of, page_start
from reader.settings import Settings
from reader.store.library import Document, Library
from reader.ui.actions import make_action
from reader.ui.goto_page import GoToPageDialog
from reader.ui.line_decisions import LineDecisions
from reader.ui.page_printed import PagePrinted
from reader.ui.reading_view import ReadingView

SHORT_NAMES = {Script.ORIG: "原", Script.HANS: "简", Script.HANT: "繁", Script.TW: "臺", Script.HK: "港"}


class ViewController(QObject):
    """Script, vocabulary, cleaned/original and zoom of the reading view, remembered in the settings."""

    scriptChanged = Signal()  # the view's script or vocabulary changed: text shown elsewhere follows
    originalChanged = Signal(bool)  # True: the text as imported; offsets in the view changed meaning
    lineOverrideRequested = Signal(int, object)  # 1-based line of the original; True keep, False remove, None reset
    paneMenuRequested = Signal(QMenu, int)  # the pane's context menu, at this offset: others add their entries

    def __init__(
        self, reading: ReadingView, settings: Settings, window: QMainWindow, *, library: Library | None = None
    ) -> None:
        """`library` is read for the kept files of PDFs (the page as printed); without it the window's
        own `library` is used, and without either no page can be drawn."""
        super().__init__(window)
        self.reading = reading
        self.settings = settings
        self.window = window
        found = library if library is not None else getattr(window, "library", None)
        self.library: Library | None = found if isinstance(found, Library) else None
        self.doc: Document | None = None
        # Called before a view in another script is built here: the window makes it wait for a warm-up of
        # the converters still running, rather than load the same tables beside it (`ScriptWarmup`).
        self.before_convert: Callable[[], None] = lambda: None
        # Documents the reader switched to the Original view in this session. The switch belongs to the
        # document: another one opens in its cleaned text (where highlights are made) unless the reader
        # chose Original for that one too.
        self._original_docs: set[int] = set()
        self.lines = LineDecisions(self, reading)
        self.removed_panel = self.lines.panel
        reading.pane.zoomChanged.connect(self._on_zoom)
        reading.pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        reading.pane.customContextMenuRequested.connect(self.lines.pane_menu)
        self._build_zoom_actions()
        self._build_script_actions()
        self._build_page_actions()
        self.printed = PagePrinted(self, reading, window)
        self.page_view = self.printed.page_view
        self.act_page_view = self.printed.act
        # A remembered position waits here until the pane has its size: before the window is shown its
        # layout (and so the place of every line) is not final. Any other scroll drops it.
        self._pending: int | None = None
        self._applying = False
        # The page Go to Page chose, shown until the reader scrolls: the last page of a document often
        # cannot reach the top of the pane, yet the reader asked for it and is looking at it.
        self._chosen_page: int | None = None
        self.page_label = QLabel()
        self.page_label.setObjectName("pagePosition")
        self.page_label.hide()
        self._page_timer = QTimer(self)
        self._page_timer.setSingleShot(True)
        self._page_timer.setInterval(60)
        self._page_timer.timeout.connect(self.update_page)
        bar = reading.pane.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range)

    # -- actions -----------------------------------------------------------------------------------
    def _build_zoom_actions(self) -> None:
        w = self.window
        self.act_zoom_in = make_action(
            w, self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(1), name="zoomIn"
        )
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_zoom_out = make_action(
            w, self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(-1), name="zoomOut"
        )
        self.act_zoom_reset = make_action(w, self.tr("&Actual Size"), "Ctrl+0", self.reset_zoom, name="zoomReset")
        self.act_original = make_action(w, self.tr("Show &Original"), "Ctrl+U", self._original_toggled, name="original")
        self.act_original.setCheckable(True)
        self.act_original.setToolTip(self.tr("Toggle between the cleaned text and the text as imported (Ctrl+U)"))

    def _build_page_actions(self) -> None:
        self.act_goto_page = make_action(self.window, self.tr("&Go to Page…"), "Ctrl+G", self.ask_page, name="goToPage")
        self.act_goto_page.setToolTip(self.tr("Go to a page of a paged document such as a PDF (Ctrl+G)"))
        self.act_goto_page.setEnabled(False)

    def _script_labels(self) -> dict[Script, str]:
        return {
            Script.ORIG: self.tr("原文 Original"),
            Script.HANS: self.tr("简体 Simplified"),
            Script.HANT: self.tr("繁體 Traditional"),
            Script.TW: self.tr("臺灣 Taiwan"),
            Script.HK: self.tr("香港 Hong Kong"),
        }

    def _build_script_actions(self) -> None:
        w = self.window
        labels = self._script_labels()
        self.script_group = QActionGroup(self)
        self.script_actions: dict[Script, QAction] = {}
        self.document_script_actions: dict[Script, QAction] = {}
        for number, script in enumerate(Script, start=1):
            action = make_action(
                w,
                labels[script],
                f"Ctrl+{number}",
                lambda _c=False, s=script: self.set_script(s),
                name=f"script_{script}",
            )
            action.setCheckable(True)
            action.setIconText(SHORT_NAMES[script])
            action.setToolTip(
                self.tr("{0} (Ctrl+{1}); Ctrl+Shift+{1} for this document only").format(labels[script], number)
            )
            self.script_group.addAction(action)
            self.script_actions[script] = action
            self.document_script_actions[script] = make_action(
                w,
                labels[script],
                f"Ctrl+Shift+{number}",
                lambda _c=False, s=script: self.set_script(s, this_document=True),
                name=f"doc_script_{script}",
            )
        self.act_phrases = make_action(
            w, self.tr("Regional &Vocabulary"), "Ctrl+7", self._phrases_toggled, name="phrases"
        )
        self.act_phrases.setCheckable(True)
        self.act_phrases.setToolTip(self.tr("Convert words too (软件 → 軟體); positions are mapped back exactly"))
        self.act_doc_default = make_action(
            w, self.tr("Use Default Script for This Document"), None, self.clear_document_script, name="docDefault"
        )

    # -- the document shown ------------------------------------------------------------------------
    def present(self, doc: Document | None) -> None:
        """Show `doc` in its script, cleaned or original as the reader last chose, with its removed lines."""
        self.doc = doc
        self._pending = None
        self._chosen_page = None
        script, phrases = self.script_for(doc.id) if doc is not None else (self.reading.script, self.settings.phrases)
        self._sync_script_actions(script, phrases)
        original = doc is not None and self.original_for(doc.id)
        self.act_original.setChecked(original)
        if doc is not None and script != Script.ORIG:
            self.before_convert()
        self.reading.set_document(doc, script, phrases, original=original)
        self.printed.present(doc)
        self.update_page()
        self.lines.present(doc)

    def original_for(self, doc_id: int) -> bool:
        """Whether this document opens in the Original view: only when the reader chose it for this one."""
        return doc_id in self._original_docs

    # -- where the reader is -----------------------------------------------------------------------
    @property
    def pages(self) -> tuple[int, ...]:
        """Page starts of the open document in the text shown; none in the Original view, whose offsets
        are those of the text as imported, not of the cleaned text the pages are counted in."""
        if self.doc is None or self.reading.original:
            return ()
        return self.doc.pages

    def reading_position(self) -> int | None:
        """Offset in the cleaned text of the top of the pane (or of the position still waiting to be
        shown); None when there is no document or the Original view is shown."""
        if self.doc is None or self.reading.original:
            return None
        if self.page_shown:
            return self.printed.position(self.doc.pages)
        if self._pending is not None:
            return self._pending
        return self._past_break(self.reading.visible_offset())

    def _past_break(self, offset: int) -> int:
        """The pane's top pixels may fall in the spacing above a paragraph, where Qt names the line break
        ending the paragraph before; the place read is the paragraph below it. Without this a saved
        position would come back a line higher each time."""
        text = self.reading.base_text
        return offset + 1 if 0 <= offset < len(text) and text[offset] == "\n" else offset

    def restore_position(self, offset: int) -> None:
        """Show the cleaned text from `offset` on: its line at the top of the pane, kept there while the
        pane is still being sized (at start-up), until the reader or another jump scrolls elsewhere."""
        if self.doc is None or self.reading.original or offset <= 0:
            return
        self._pending = target = min(offset, len(self.doc.text))
        # The caret goes there too: keys then read on from the place, and the pane's first show, which
        # brings the caret into view, does not scroll back to the start.
        if self.reading.shown is not None:
            cursor = QTextCursor(self.reading.pane.document())
            cursor.setPosition(self.reading.shown.to_qt_pos(self._pending))
            self._applying = True
            try:
                self.reading.pane.setTextCursor(cursor)
            finally:
                self._applying = False
        self._apply_pending()
        if self.page_shown:
            self.printed.follow(target, page_of(target, self.doc.pages) or 1)
        self.update_page()

    def show_offset(self, offset: int) -> bool:
        """Bring the line holding `offset` (not only its paragraph) to the top of the pane; False when the
        scroll bar's range does not reach it yet (Qt lays a long text out a part at a time, and the range
        grows as it does)."""
        shown = self.reading.shown
        if shown is None:
            return True
        pane = self.reading.pane
        pos = shown.to_qt_pos(self._past_break(max(0, min(offset, len(self.reading.base_text)))))
        document = pane.document()
        block = document.findBlock(pos)
        y = document.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        if layout is not None:
            line = layout.lineForTextPosition(pos - block.position())
            if line.isValid():
                y += line.y()
        bar = pane.verticalScrollBar()
        self._applying = True
        try:
            bar.setValue(round(y))
        finally:
            self._applying = False
        if bar.value() >= round(y) or bar.value() < bar.maximum():
            return True
        # Short of it at the range's end: reached all the same once the last paragraph is laid out (the
        # place is in the last screen, which cannot come to the top).
        last = document.lastBlock().layout()
        return last is not None and last.lineCount() > 0

    def _apply_pending(self) -> None:
        """Show the waiting position; it keeps waiting, re-applied as the scroll range changes, until the
        pane is shown at its size and its range reaches the place."""
        if self._pending is None:
            return
        reached = self.show_offset(self._pending)
        if reached and self.reading.pane.isVisible() and self.reading.pane.viewport().height() > 1:
            self._pending = None

    def _keeping_place(self, switch: Callable[[], None]) -> None:
        """Switch the view with `switch`, then keep the line that was at the top there while the new text
        is laid out (a switch lays the whole text out anew)."""
        top = self.reading_position() if not self.page_shown else None
        self.before_convert()
        switch()
        if top:
            self._pending = top
            self._apply_pending()

    def _on_scrolled(self, _value: int) -> None:
        if not self._applying:
            self._pending = None
            self._chosen_page = None
        self._page_timer.start()

    def _on_range(self, _minimum: int, _maximum: int) -> None:
        self._apply_pending()

    def current_page(self) -> int | None:
        """The page shown at the top of the pane: the one the top line ends on, so a page that begins
        within that line (a paragraph running over a page break) counts as reached."""
        pages = self.pages
        if not pages:
            return None
        if self.page_shown:
            return self.page_view.page
        if self._chosen_page is not None:
            return self._chosen_page
        if self._pending is not None:
            return page_of(self._pending, pages)
        viewport = self.reading.pane.viewport()
        if self.reading.pane.verticalScrollBar().value() == 0:
            return 1
        return page_of(self._past_break(self.reading.offset_at(QPoint(max(0, viewport.width() - 4), 4))), pages)

    def update_page(self) -> None:
        """The status bar's "p. 3 / 10" and Go to Page follow the open document and the scroll."""
        pages = self.pages
        self.act_goto_page.setEnabled(bool(pages))
        page = self.current_page()
        if page is None:
            self.page_label.hide()
            self.page_label.clear()
            return
        self.page_label.setText(self.tr("p. {0} / {1}").format(page, len(pages)))
        if self.page_shown:
            tip = self.tr("Page {0} of {1} shown as printed (Ctrl+G: Go to Page)")
        else:
            tip = self.tr("Page {0} of {1} at the top of the text (Ctrl+G: Go to Page)")
        self.page_label.setToolTip(tip.format(page, len(pages)))
        self.page_label.show()

    def ask_page(self) -> GoToPageDialog | None:
        """Open Go to Page for a paged document; the chosen page is shown when the dialog is accepted."""
        pages = self.pages
        if not pages:
            return None
        dialog = GoToPageDialog(self.current_page() or 1, len(pages), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.intValueSelected.connect(self.go_to_page)
        dialog.open()
        return dialog

    def go_to_page(self, page: int) -> None:
        """Scroll so that `page` (1-based) begins at the top of the pane."""
        pages = self.pages
        if not pages:
            return
        if self.page_shown:
            self.page_view.show_page(min(max(page, 1), len(pages)))
            return
        self._pending = None
        self._chosen_page = min(max(page, 1), len(pages))
        self.show_offset(page_start(page, pages))
        self.update_page()

    # -- script views ------------------------------------------------------------------------------
    def script_for(self, doc_id: int) -> tuple[Script, bool]:
        """The document's own choice if the user made one, else the global default."""
        chosen = self.settings.document_scripts.get(str(doc_id), self.settings.script)
        try:
            script = Script(chosen)
        except ValueError:
            script = Script.ORIG
        return script, self.settings.phrases

    def set_script(self, script: Script, *, this_document: bool = False) -> None:
        doc_id = self.doc.id if self.doc is not None else None
        if this_document and doc_id is not None:
            self.settings.document_scripts[str(doc_id)] = script.value
        else:
            self.settings.script = script.value
            if doc_id is not None:
                self.settings.document_scripts.pop(str(doc_id), None)
        current = self.script_for(doc_id) if doc_id is not None else (script, self.settings.phrases)
        self._sync_script_actions(*current)
        self._keeping_place(lambda: self.reading.set_script(*current))
        self.scriptChanged.emit()

    def clear_document_script(self) -> None:
        if self.doc is not None:
            self.settings.document_scripts.pop(str(self.doc.id), None)
            current = self.script_for(self.doc.id)
            self._sync_script_actions(*current)
            self._keeping_place(lambda: self.reading.set_script(*current))
        self.scriptChanged.emit()

    def set_phrases(self, phrases: bool) -> None:
        self.settings.phrases = phrases
        self._keeping_place(lambda: self.reading.set_script(self.reading.script, phrases))
        self.scriptChanged.emit()

    def _sync_script_actions(self, script: Script, phrases: bool) -> None:
        self.script_actions[script].setChecked(True)
        self.act_phrases.setChecked(phrases)

    def _phrases_toggled(self) -> None:
        self.set_phrases(self.act_phrases.isChecked())

    # -- size --------------------------------------------------------------------------------------
    def zoom_by(self, steps: int) -> None:
        """Zoom In and Zoom Out: the page as printed when it is shown, else the text."""
        if self.page_shown:
            self.page_view.zoom_by(steps)
        else:
            self.reading.pane.zoom_by(float(steps))

    def _on_zoom(self, size: float) -> None:
        self.settings.font_size = size

    def reset_zoom(self) -> None:
        if self.page_shown:
            self.page_view.set_zoom(1.0)
            return
        self.reading.pane.set_reading_font(self.settings.font_family, Settings().font_size)
        self.settings.font_size = self.reading.pane.font_size

    # -- cleaned and original ----------------------------------------------------------------------
    def _original_toggled(self) -> None:
        self.set_original(self.act_original.isChecked())

    def set_original(self, original: bool) -> None:
        if original and self.page_shown:
            self.set_page_view(False)
        elif original:
            self.act_page_view.setChecked(False)  # the two views take the text's place in turn
        self.act_original.setChecked(original)
        if self.doc is not None:
            (self._original_docs.add if original else self._original_docs.discard)(self.doc.id)
        self._pending = None
        self._chosen_page = None
        self.reading.set_original(original)
        self.lines.draw_removed()
        self.update_page()
        self.originalChanged.emit(original)

    def show_original_line(self, line: int) -> None:
        """Show a removed line in place, greyed, in the Original view (the Removed tab's double-click)."""
        self.lines.show_line(line)

    # -- the page as printed (`PagePrinted`) --------------------------------------------------------
    @property
    def page_shown(self) -> bool:
        """Whether the page as printed is shown in place of the text."""
        return self.printed.shown

    def set_page_view(self, on: bool) -> None:
        self.printed.set_shown(on)
