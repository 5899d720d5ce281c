"""The people, places and bodies of the open document: the Entities tab, Who's Who, and their background worker.

Names are shown in the view's script; choosing one highlights it through the find controller's steps, and
filtering by one goes through the search box, where the reader sees it and Esc clears it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMainWindow

from reader.core.entities import Entity
from reader.core.script import Script, make_view
from reader.store.entities import EntityStore
from reader.store.library import Document, Library
from reader.ui.actions import make_action
from reader.ui.entities_panel import EntitiesPanel
from reader.ui.entity_worker import EntityScheduler
from reader.ui.find_controller import FindController
from reader.ui.reading_view import ReadingView, background
from reader.ui.search_controller import SearchController
from reader.ui.themes import ENTITY_MARK_COLOR
from reader.ui.view_controller import ViewController
from reader.ui.writes import Writes

ENTITY_COLOR = ENTITY_MARK_COLOR  # kept by name for callers; the colour is chosen in themes
SHOW_AFTER_MS = 1
"""Extracted entities are shown on a timer this long after they are read: a zero-delay call is a posted
event, handled in the same pass as the events before it, so a paint or a key press would not get in."""


class EntitiesController(QObject):
    """Shows stored entities at once and asks the worker for those not extracted yet."""

    def __init__(
        self,
        library: Library,
        writes: Writes,
        reading: ReadingView,
        view: ViewController,
        find: FindController,
        search: SearchController,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.reading = reading
        self.view = view
        self.find = find
        self.search = search
        self.window = window
        self.doc: Document | None = None
        self._closing = False
        self.store = EntityStore(library.conn)
        self.panel = EntitiesPanel()
        self.panel.entityActivated.connect(self.show_entity)
        self.panel.entityFilterRequested.connect(self.filter_by_entity)
        self.scheduler = EntityScheduler(writes.writer, self)
        self.scheduler.hold(800)  # let the window open before the model loads
        self.scheduler.extracted.connect(self._on_extracted)
        view.scriptChanged.connect(lambda: self.refresh(keep_highlight=True))
        self.act_whos_who = make_action(
            window, self.tr("&Who's Who…"), "Ctrl+Shift+W", self.show_whos_who, name="whosWho"
        )

    def show_document(self, doc: Document | None) -> None:
        self.doc = doc
        self.refresh()

    def refresh(self, *, keep_highlight: bool = False) -> None:
        if not keep_highlight:
            self.reading.set_layer("entity", [])
        if self.doc is None:
            self.panel.clear()
        elif self.store.is_pending(self.doc.id):
            self.panel.show_pending()
            self.scheduler.request(self.doc.id)
        else:
            self.panel.show_entities(self._in_view_script(self.store.entities(self.doc.id)))

    def _in_view_script(self, entities: list[Entity]) -> list[Entity]:
        """Names and posts as the reader reads them: in the script of the current view."""
        script, phrases = self.reading.script, self.reading.phrases
        if script == Script.ORIG:
            return entities

        def conv(text: str) -> str:
            return make_view(text, script, phrases).text

        return [
            replace(
                e,
                text=conv(e.text),
                posts=tuple(conv(p) for p in e.posts),
                variants=tuple(conv(v) for v in e.variants),
            )
            for e in entities
        ]

    def _on_extracted(self, doc_id: int) -> None:
        """The open document's entities are stored: read them in this turn and show them in the next.

        Reading them (the store's rows into entities, in the view's script) and filling the tab each took
        8-10 ms of the GUI thread for two scanned pages, one turn after the other at the end of an import;
        a timer between them lets a paint or a key press in."""
        # A result queued before the window closed may arrive after the library is closed.
        if self._closing or self.doc is None or self.doc.id != doc_id:
            return
        if self.store.is_pending(doc_id):  # changed again meanwhile: asks for another run
            self.refresh()
            return
        doc, view = self.doc, (self.reading.script, self.reading.phrases)
        entities = self._in_view_script(self.store.entities(doc_id))

        def show() -> None:
            # Shown only if nothing changed in between: another document or script has its own refresh.
            if not self._closing and self.doc is doc and (self.reading.script, self.reading.phrases) == view:
                self.reading.set_layer("entity", [])
                self.panel.show_entities(entities)

        QTimer.singleShot(SHOW_AFTER_MS, self, show)

    def show_entity(self, entity: Entity) -> None:
        if self.reading.original:  # spans are offsets in the cleaned text
            self.view.set_original(False)
        fmt = background(ENTITY_COLOR, alpha=140)
        self.reading.set_layer("entity", [(s, e, fmt) for s, e in entity.spans])
        self.find.set_steps(list(entity.spans))

    def clear_marks(self) -> None:
        """Take the mentions' marks off the text (the Entities tab was left: they belong to it)."""
        self.reading.set_layer("entity", [])

    def filter_by_entity(self, kind: str, normalized: str) -> None:
        self.search.set_query(f'entity:"{normalized}"')

    def show_whos_who(self) -> None:
        from reader.ui.whos_who import WhosWhoDialog  # loaded when first opened

        script, phrases = self.reading.script, self.reading.phrases
        convert = None if script == Script.ORIG else (lambda text: make_view(text, script, phrases).text)
        dialog = WhosWhoDialog(self.library, self.window, convert=convert)
        dialog.entityFilterRequested.connect(self.filter_by_entity)
        self.scheduler.idle.connect(dialog.reload)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def stop(self) -> None:
        """The window is closing: no more work, and results still queued are ignored."""
        self._closing = True
        self.scheduler.stop()
