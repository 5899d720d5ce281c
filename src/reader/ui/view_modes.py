"""How the open document is viewed: its script, cleaned or original, and the user's line decisions.

A mixin of the main window, kept apart so that the window module stays about layout and wiring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMainWindow, QMenu

from reader.core.script import Script
from reader.ui.reading_view import foreground

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from reader.settings import Settings
    from reader.store.library import Document, Library
    from reader.ui.annotations_controller import AnnotationController
    from reader.ui.document_model import DocumentTableModel
    from reader.ui.reading_pane import ReadingPane
    from reader.ui.reading_view import ReadingView
    from reader.ui.removed_panel import RemovedPanel


class ViewModes(QMainWindow):
    settings: Settings
    library: Library
    current: Document | None
    reading: ReadingView
    pane: ReadingPane
    model: DocumentTableModel
    removed_panel: RemovedPanel
    annotations: AnnotationController
    script_actions: dict[Script, QAction]
    act_phrases: QAction
    act_original: QAction

    def show_document(self, doc_id: int) -> None:
        raise NotImplementedError

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
        doc_id = self.current.id if self.current is not None else None
        if this_document and doc_id is not None:
            self.settings.document_scripts[str(doc_id)] = script.value
        else:
            self.settings.script = script.value
            if doc_id is not None:
                self.settings.document_scripts.pop(str(doc_id), None)
        current = self.script_for(doc_id) if doc_id is not None else (script, self.settings.phrases)
        self._sync_script_actions(*current)
        self.reading.set_script(*current)
        self.on_script_changed()

    def clear_document_script(self) -> None:
        if self.current is not None:
            self.settings.document_scripts.pop(str(self.current.id), None)
            current = self.script_for(self.current.id)
            self._sync_script_actions(*current)
            self.reading.set_script(*current)
        self.on_script_changed()

    def set_phrases(self, phrases: bool) -> None:
        self.settings.phrases = phrases
        self.reading.set_script(self.reading.script, phrases)
        self.on_script_changed()

    def _sync_script_actions(self, script: Script, phrases: bool) -> None:
        self.script_actions[script].setChecked(True)
        self.act_phrases.setChecked(phrases)

    # -- cleaned and original ----------------------------------------------------------------------
    def on_script_changed(self) -> None:
        """Hook for panels that show text in the view's script."""

    def _original_toggled(self) -> None:
        self.set_original(self.act_original.isChecked())

    def _phrases_toggled(self) -> None:
        self.set_phrases(self.act_phrases.isChecked())

    def set_original(self, original: bool) -> None:
        self.act_original.setChecked(original)
        self.reading.set_original(original)
        self._draw_removed()
        self.annotations.refresh()

    def _line_spans(self) -> list[tuple[int, int]]:
        """Start and end offsets of each line of the original text, as the Original view shows it."""
        spans = []
        pos = 0
        for line in self.reading.base_text.split("\n"):
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans

    def _draw_removed(self) -> None:
        if self.current is None or not self.reading.original:
            self.reading.set_layer("removed", [])
            return
        spans = self._line_spans()
        grey = foreground("#9a9a9a")
        layer = [(*spans[r.line - 1], grey) for r in self.current.removed if 0 < r.line <= len(spans)]
        self.reading.set_layer("removed", layer)

    def show_original_line(self, line: int) -> None:
        """Show a removed line in place, greyed, in the Original view."""
        if not self.reading.original:
            self.set_original(True)
        spans = self._line_spans()
        if 0 < line <= len(spans):
            start, end = spans[line - 1]
            self.reading.scroll_to(max(0, spans[max(0, line - 4)][0]))
            self.reading.select_span(start, max(end, start + 1))

    def set_line_override(self, line: int, keep: bool | None) -> None:
        if self.current is None:
            return
        doc_id = self.current.id
        top = self.reading.visible_offset()
        self.library.set_line_override(doc_id, line, keep)
        self.show_document(doc_id)
        self.reading.scroll_to(top)
        self.model.reload()
        label = {
            True: self.tr("Line {0} restored"),
            False: self.tr("Line {0} removed"),
            None: self.tr("Line {0} reset"),
        }
        self.statusBar().showMessage(label[keep].format(line), 5000)

    def _pane_menu(self, point: Any) -> None:
        menu: QMenu = self.pane.createStandardContextMenu()
        if self.current is not None and self.reading.original:
            offset = self.reading.offset_at(point)
            line = self.reading.base_text.count("\n", 0, offset) + 1
            removed = {r.line for r in self.current.removed}
            menu.addSeparator()
            if line in removed:
                act = menu.addAction(self.tr("Keep Line {0} in the Cleaned Text").format(line))
                act.triggered.connect(lambda: self.set_line_override(line, True))
            else:
                act = menu.addAction(self.tr("Remove Line {0} from the Cleaned Text").format(line))
                act.triggered.connect(lambda: self.set_line_override(line, False))
            if line in self.current.overrides:
                act = menu.addAction(self.tr("Use the Cleaner's Decision for Line {0}").format(line))
                act.triggered.connect(lambda: self.set_line_override(line, None))
        self.extend_pane_menu(menu, point)
        menu.exec(self.pane.mapToGlobal(point))
        menu.deleteLater()

    def extend_pane_menu(self, menu: QMenu, point: Any) -> None:
        self.annotations.extend_menu(menu, self.reading.offset_at(point))
