"""How the open document is viewed: its script, cleaned or original, its size, and the removed lines.

The controller owns the View menu's actions and the Removed tab. It never writes to the library: a line the
reader keeps or removes is asked for with `lineOverrideRequested`, and whoever owns the document does it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.core.script import Script
from reader.settings import Settings
from reader.store.library import Document
from reader.ui.actions import make_action
from reader.ui.reading_view import ReadingView, foreground
from reader.ui.removed_panel import RemovedPanel

SHORT_NAMES = {Script.ORIG: "原", Script.HANS: "简", Script.HANT: "繁", Script.TW: "臺", Script.HK: "港"}


class ViewController(QObject):
    """Script, vocabulary, cleaned/original and zoom of the reading view, remembered in the settings."""

    scriptChanged = Signal()  # the view's script or vocabulary changed: text shown elsewhere follows
    originalChanged = Signal(bool)  # True: the text as imported; offsets in the view changed meaning
    lineOverrideRequested = Signal(int, object)  # 1-based line of the original; True keep, False remove, None reset
    paneMenuRequested = Signal(QMenu, int)  # the pane's context menu, at this offset: others add their entries

    def __init__(self, reading: ReadingView, settings: Settings, window: QMainWindow) -> None:
        super().__init__(window)
        self.reading = reading
        self.settings = settings
        self.window = window
        self.doc: Document | None = None
        self.removed_panel = RemovedPanel()
        self.removed_panel.lineActivated.connect(self.show_original_line)
        self.removed_panel.restoreRequested.connect(lambda line: self.lineOverrideRequested.emit(line, True))
        self.removed_panel.forgetRequested.connect(lambda line: self.lineOverrideRequested.emit(line, None))
        reading.pane.zoomChanged.connect(self._on_zoom)
        reading.pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        reading.pane.customContextMenuRequested.connect(self._pane_menu)
        self._build_zoom_actions()
        self._build_script_actions()

    # -- actions -----------------------------------------------------------------------------------
    def _build_zoom_actions(self) -> None:
        w, pane = self.window, self.reading.pane
        self.act_zoom_in = make_action(
            w, self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn, lambda: pane.zoom_by(1.0), name="zoomIn"
        )
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_zoom_out = make_action(
            w, self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut, lambda: pane.zoom_by(-1.0), name="zoomOut"
        )
        self.act_zoom_reset = make_action(w, self.tr("&Actual Size"), "Ctrl+0", self.reset_zoom, name="zoomReset")
        self.act_original = make_action(w, self.tr("Show &Original"), "Ctrl+U", self._original_toggled, name="original")
        self.act_original.setCheckable(True)
        self.act_original.setToolTip(self.tr("Toggle between the cleaned text and the text as imported (Ctrl+U)"))

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
        script, phrases = self.script_for(doc.id) if doc is not None else (self.reading.script, self.settings.phrases)
        self._sync_script_actions(script, phrases)
        self.reading.set_document(doc, script, phrases, original=self.act_original.isChecked())
        if doc is None:
            self.removed_panel.show_removed([], {})
            return
        self.removed_panel.show_removed(doc.removed, doc.overrides)
        self._draw_removed()

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
        self.reading.set_script(*current)
        self.scriptChanged.emit()

    def clear_document_script(self) -> None:
        if self.doc is not None:
            self.settings.document_scripts.pop(str(self.doc.id), None)
            current = self.script_for(self.doc.id)
            self._sync_script_actions(*current)
            self.reading.set_script(*current)
        self.scriptChanged.emit()

    def set_phrases(self, phrases: bool) -> None:
        self.settings.phrases = phrases
        self.reading.set_script(self.reading.script, phrases)
        self.scriptChanged.emit()

    def _sync_script_actions(self, script: Script, phrases: bool) -> None:
        self.script_actions[script].setChecked(True)
        self.act_phrases.setChecked(phrases)

    def _phrases_toggled(self) -> None:
        self.set_phrases(self.act_phrases.isChecked())

    # -- size --------------------------------------------------------------------------------------
    def _on_zoom(self, size: float) -> None:
        self.settings.font_size = size

    def reset_zoom(self) -> None:
        self.reading.pane.set_reading_font(self.settings.font_family, Settings().font_size)
        self.settings.font_size = self.reading.pane.font_size

    # -- cleaned and original ----------------------------------------------------------------------
    def _original_toggled(self) -> None:
        self.set_original(self.act_original.isChecked())

    def set_original(self, original: bool) -> None:
        self.act_original.setChecked(original)
        self.reading.set_original(original)
        self._draw_removed()
        self.originalChanged.emit(original)

    def _line_spans(self) -> list[tuple[int, int]]:
        """Start and end offsets of each line of the original text, as the Original view shows it."""
        spans = []
        pos = 0
        for line in self.reading.base_text.split("\n"):
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans

    def _draw_removed(self) -> None:
        if self.doc is None or not self.reading.original:
            self.reading.set_layer("removed", [])
            return
        spans = self._line_spans()
        grey = foreground("#9a9a9a")
        layer = [(*spans[r.line - 1], grey) for r in self.doc.removed if 0 < r.line <= len(spans)]
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

    def _pane_menu(self, point: QPoint) -> None:
        pane = self.reading.pane
        menu: QMenu = pane.createStandardContextMenu()
        if self.doc is not None and self.reading.original:
            offset = self.reading.offset_at(point)
            self._add_line_entries(menu, self.reading.base_text.count("\n", 0, offset) + 1, self.doc)
        self.paneMenuRequested.emit(menu, self.reading.offset_at(point))
        menu.exec(pane.mapToGlobal(point))
        menu.deleteLater()

    def _add_line_entries(self, menu: QMenu, line: int, doc: Document) -> None:
        def ask(keep: bool | None) -> Any:
            return lambda: self.lineOverrideRequested.emit(line, keep)

        menu.addSeparator()
        if line in {r.line for r in doc.removed}:
            menu.addAction(self.tr("Keep Line {0} in the Cleaned Text").format(line)).triggered.connect(ask(True))
        else:
            menu.addAction(self.tr("Remove Line {0} from the Cleaned Text").format(line)).triggered.connect(ask(False))
        if line in doc.overrides:
            menu.addAction(self.tr("Use the Cleaner's Decision for Line {0}").format(line)).triggered.connect(ask(None))
