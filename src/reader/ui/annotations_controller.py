"""Making, editing and removing annotations from the window, each change saved at once and undoable.

Widgets never write to the library themselves: they ask this controller, which pushes each change as a
QUndoCommand (so Ctrl+Z undoes whatever was done last); the command hands the write to the writer, and
the panel and the pane redraw when the writer reports the change (`on_changes`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu, QMessageBox

from reader.app import operations as ops
from reader.app.changes import Changes
from reader.core.annotations.anchoring import Selector, anchor
from reader.core.annotations.model import Annotation, HighlightColor, color_by_key
from reader.core.text.normalise import normalise
from reader.settings import highlight_colors
from reader.store.annotations import now
from reader.ui.annotation_dialog import AnnotationDialog, swatch
from reader.ui.annotations_browser import AnnotationsBrowser
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.reading_view import background

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from reader.settings import Settings
    from reader.store.library import Library
    from reader.ui.document_controller import DocumentController
    from reader.ui.reading_view import ReadingView
    from reader.ui.view_controller import ViewController
    from reader.ui.writes import Writes


class _Put(QUndoCommand):
    """Replace `before` by `after` in the library (either may be None: creation or deletion)."""

    def __init__(
        self,
        ctl: AnnotationController,
        text: str,
        before: Annotation | None,
        after: Annotation | None,
        parent: QUndoCommand | None = None,
    ) -> None:
        super().__init__(text, parent)
        self.ctl, self.before, self.after = ctl, before, after

    def _apply(self, old: Annotation | None, new: Annotation | None) -> None:
        writes = self.ctl.writes
        if new is None and old is not None:
            uuid = old.uuid
            writes.submit(lambda library: ops.delete_annotation(library, uuid))
        elif new is not None:
            writes.submit(lambda library: ops.put_annotation(library, new))

    def redo(self) -> None:
        self._apply(self.before, self.after)

    def undo(self) -> None:
        self._apply(self.after, self.before)


class AnnotationController(QObject):
    changed = Signal()
    documentRequested = Signal(int)  # open this document, whatever the list's filter (handled at once)

    def __init__(
        self,
        library: Library,
        writes: Writes,
        settings: Settings,
        reading: ReadingView,
        documents: DocumentController,
        view: ViewController,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.library = library
        self.writes = writes
        self.settings = settings
        self.reading = reading
        self.documents = documents
        self.view = view
        self.window = window
        self.colors: tuple[HighlightColor, ...] = tuple(highlight_colors(settings))
        self.undo_stack = QUndoStack(self)
        self.panel = AnnotationsPanel()
        self.panel.activated.connect(self.jump_to)
        self.panel.editRequested.connect(self.edit)
        self.panel.deleteRequested.connect(self.delete)
        self.panel.reattachRequested.connect(self.reattach)
        self.annotations: list[Annotation] = []
        self._placed: dict[str, tuple[int, int]] = {}
        self._build_actions()
        reading.pane.viewport().installEventFilter(self)
        documents.documentChanged.connect(lambda _doc: self.refresh())
        view.originalChanged.connect(lambda _original: self.refresh())
        view.paneMenuRequested.connect(self.extend_menu)

    # -- actions -----------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.window
        self.act_highlight = QAction(self.tr("&Highlight"), w)
        self.act_highlight.setObjectName("highlight")
        self.act_highlight.setShortcut(QKeySequence("H"))
        self.act_highlight.setToolTip(self.tr("Highlight the selection with the last colour (H)"))
        self.act_highlight.triggered.connect(lambda: self.highlight(self.last_color()))
        self.act_note = QAction(self.tr("Highlight with &Note…"), w)
        self.act_note.setObjectName("note")
        self.act_note.setShortcut(QKeySequence("N"))
        self.act_note.triggered.connect(self.highlight_with_note)
        self.act_all = QAction(self.tr("Highlight Every &Occurrence"), w)
        self.act_all.setObjectName("highlightAll")
        self.act_all.setShortcut(QKeySequence("Shift+H"))
        self.act_all.triggered.connect(self.highlight_all)
        self.color_actions: list[QAction] = []
        for number, color in enumerate(self.colors, start=1):
            action = QAction(swatch(color.hex), self.tr("Highlight as “{0}”").format(color.name), w)
            action.setObjectName(f"highlight_{color.key}")
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda checked=False, key=color.key: self.highlight(key))
            self.color_actions.append(action)
        self.act_browser = QAction(self.tr("&All Annotations…"), w)
        self.act_browser.setObjectName("allAnnotations")
        self.act_browser.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.act_browser.triggered.connect(self.open_browser)
        self.act_undo = self.undo_stack.createUndoAction(w, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_stack.createRedoAction(w, self.tr("&Redo"))
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.act_highlight, self.act_note, self.act_all, *self.color_actions):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def set_colors(self, colors: tuple[HighlightColor, ...] | list[HighlightColor]) -> None:
        """The user renamed or recoloured highlights: relabel the actions and redraw."""
        self.colors = tuple(colors)
        for action, color in zip(self.color_actions, self.colors, strict=False):
            action.setIcon(swatch(color.hex))
            action.setText(self.tr("Highlight as “{0}”").format(color.name))
        self.refresh()

    def install_menus(self, edit_menu: QMenu, annotate_menu: QMenu) -> None:
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        annotate_menu.addAction(self.act_highlight)
        annotate_menu.addAction(self.act_note)
        annotate_menu.addAction(self.act_all)
        colors = annotate_menu.addMenu(self.tr("Highlight &Colour"))
        for action in self.color_actions:
            colors.addAction(action)
        annotate_menu.addSeparator()
        annotate_menu.addAction(self.act_browser)

    def extend_menu(self, menu: QMenu, offset: int) -> None:
        """Annotation entries for the reading pane's context menu."""
        menu.addSeparator()
        if self.reading.selected_span() is not None:
            menu.addAction(self.act_highlight)
            menu.addAction(self.act_note)
            menu.addAction(self.act_all)
            sub = menu.addMenu(self.tr("Highlight Colour"))
            for action in self.color_actions:
                sub.addAction(action)
        hit = self.annotation_at(offset)
        if hit is not None:
            menu.addAction(self.tr("Edit Note…"), lambda: self.edit(hit.uuid))
            menu.addAction(self.tr("Delete Highlight"), lambda: self.delete(hit.uuid))

    def last_color(self) -> str:
        key = self.settings.last_color
        return key if any(c.key == key for c in self.colors) else self.colors[0].key

    # -- drawing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        doc = self.documents.current
        if doc is None:
            self.annotations = []
            self._placed = {}
            self.reading.set_layer("annotation", [])
            self.panel.show_annotations([], self.colors)
            return
        self.annotations = self.library.annotations.for_document(doc.id)
        self._placed = self._place(self.annotations)
        layer = []
        for a in self.annotations:
            span = self._placed.get(a.uuid)
            if span is not None:
                layer.append((span[0], span[1], background(color_by_key(a.color, self.colors).hex, alpha=170)))
        self.reading.set_layer("annotation", layer)
        self.panel.show_annotations(self.annotations, self.colors)
        self.changed.emit()

    def _place(self, annotations: list[Annotation]) -> dict[str, tuple[int, int]]:
        """Where each annotation lies in the text on screen: stored offsets, or found again in the original."""
        reading = self.reading
        placed: dict[str, tuple[int, int]] = {}
        for a in annotations:
            if a.orphan:
                continue
            if not reading.original:
                placed[a.uuid] = (a.start, a.end)
                continue
            found = anchor(reading.base_text, Selector(a.start, a.end, a.quote, a.prefix, a.suffix))
            if found is not None:
                placed[a.uuid] = (found.start, found.end)
        return placed

    def annotation_at(self, offset: int) -> Annotation | None:
        for a in self.annotations:
            span = self._placed.get(a.uuid)
            if span is not None and span[0] <= offset < span[1]:
                return a
        return None

    # -- operations --------------------------------------------------------------------------------
    def _selection(self) -> tuple[int, int] | None:
        reading = self.reading
        span = reading.selected_span()
        if self.documents.current is None or span is None or span[1] <= span[0]:
            self.window.statusBar().showMessage(self.tr("Select some text first"), 4000)
            return None
        if reading.original:
            self.window.statusBar().showMessage(self.tr("Annotations are made on the cleaned text (Ctrl+U)"), 5000)
            return None
        return span

    def highlight(self, color: str, note: str = "", tags: tuple[str, ...] = ()) -> Annotation | None:
        span = self._selection()
        doc = self.documents.current
        if span is None or doc is None:
            return None
        self.settings.last_color = color
        made = self.library.annotations.build(
            doc.id, span[0], span[1], color=color, note=note, tags=tags, text=doc.text
        )
        self.undo_stack.push(_Put(self, self.tr("Highlight"), None, made))
        return made

    def highlight_with_note(self) -> None:
        span = self._selection()
        doc = self.documents.current
        if span is None or doc is None:
            return
        dialog = AnnotationDialog(doc.text[span[0] : span[1]], self.colors, color=self.last_color(), parent=self.window)
        if dialog.exec():
            self.highlight(dialog.color(), dialog.note(), tuple(dialog.tags()))

    def highlight_all(self) -> None:
        span = self._selection()
        doc = self.documents.current
        if span is None or doc is None:
            return
        needle = normalise(doc.text[span[0] : span[1]])
        haystack = normalise(doc.text)
        taken = {(a.start, a.end) for a in self.annotations}
        spans = []
        pos = haystack.find(needle) if needle else -1
        while pos >= 0:
            if (pos, pos + len(needle)) not in taken:
                spans.append((pos, pos + len(needle)))
            pos = haystack.find(needle, pos + len(needle))
        count = len(spans)
        if spans:
            color = self.last_color()
            store = self.library.annotations
            self.undo_stack.beginMacro(self.tr("Highlight every occurrence"))
            for start, end in spans:
                self.undo_stack.push(
                    _Put(self, self.tr("Highlight"), None, store.build(doc.id, start, end, color=color, text=doc.text))
                )
            self.undo_stack.endMacro()
        self.window.statusBar().showMessage(self.tr("{0} passages highlighted").format(count), 5000)

    def edit(self, uuid: str) -> None:
        current = self.library.annotations.get(uuid)
        if current is None:
            return
        dialog = AnnotationDialog(
            current.quote, self.colors, color=current.color, note=current.note, tags=current.tags, parent=self.window
        )
        if dialog.exec():
            from reader.store.annotations import clean_tags

            changed = replace(
                current, color=dialog.color(), note=dialog.note(), tags=clean_tags(dialog.tags()), modified=now()
            )
            if changed != current:
                self.undo_stack.push(_Put(self, self.tr("Edit note"), current, changed))

    def delete(self, uuid: str) -> None:
        current = self.library.annotations.get(uuid)
        if current is not None:
            self.undo_stack.push(_Put(self, self.tr("Delete highlight"), current, None))
            self.window.statusBar().showMessage(self.tr("Highlight deleted — Ctrl+Z brings it back"), 6000)

    def reattach(self, uuid: str) -> None:
        span = self._selection()
        current = self.library.annotations.get(uuid)
        if span is None or current is None:
            if current is not None and span is None:
                QMessageBox.information(self.window, self.tr("Re-attach"), self.tr("Select the passage first."))
            return
        moved = self.library.annotations.relocated(uuid, span[0], span[1])
        self.undo_stack.push(_Put(self, self.tr("Re-attach note"), current, moved))

    def on_changes(self, changes: Changes) -> None:
        """Redraw when the open document's annotations changed (here, by an undo, or by an import)."""
        doc = self.documents.current
        if doc is not None and doc.id in changes.annotations and doc.id not in changes.text | changes.metadata:
            self.refresh()  # a changed text re-shows the document, which redraws already

    def open_browser(self) -> AnnotationsBrowser:
        browser = AnnotationsBrowser(self.library, self.colors, self.window)
        browser.openRequested.connect(self.open_at)
        browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        browser.show()
        return browser

    def open_at(self, doc_id: int, uuid: str) -> None:
        """Open a document at one of its annotations (from the library-wide list)."""
        if self.documents.current is None or self.documents.current.id != doc_id:
            self.documentRequested.emit(doc_id)
        if self.reading.original:
            self.view.set_original(False)
        self.panel.select(uuid)
        self.jump_to(uuid)

    def jump_to(self, uuid: str) -> None:
        span = self._placed.get(uuid)
        if span is not None:
            self.reading.scroll_to(span[0], top=False)
            self.reading.select_span(*span)

    # -- clicking a highlight opens its note -------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.reading.selected_span() is None
        ):
            return False
        hit = self.annotation_at(self.reading.offset_at(event.position().toPoint()))
        if hit is None:
            return False
        self.panel.select(hit.uuid)
        self.edit(hit.uuid)
        return True
