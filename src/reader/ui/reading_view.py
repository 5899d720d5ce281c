"""The reading column: title, metadata line, notices and the text, drawn in the chosen script.

Highlights come in named layers of stored code-point spans; this widget alone maps them to what Qt
draws, so every layer lands on the same characters in every script view.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextEdit, QVBoxLayout, QWidget

from reader.core.script import Script, vocabulary_applies
from reader.core.text.display import DisplayText, display
from reader.store.library import Document
from reader.ui.reading_pane import WARM_CHARS, ReadingPane
from reader.ui.themes import HIGHLIGHT_INK

Span = tuple[int, int, QTextCharFormat]

# Layers are drawn in this order; later ones paint over earlier ones.
LAYER_ORDER = ("removed", "entity", "annotation", "search", "current")


def background(color: str, *, alpha: int = 255) -> QTextCharFormat:
    """A highlight that stays readable in every theme: on a dark page it is opaque with dark ink."""
    fmt = QTextCharFormat()
    qcolor = QColor(color)
    if QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128:
        fmt.setForeground(QColor(HIGHLIGHT_INK))
    else:
        qcolor.setAlpha(alpha)
    fmt.setBackground(qcolor)
    return fmt


def foreground(color: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    return fmt


ViewKey = tuple[int, int, Script, bool]


class _ViewDelivery(QObject):
    """Carries views built on a worker thread to the GUI thread.

    The connection to the reading view is queued, so the receiving slot always runs in the GUI thread:
    only that thread reads or writes the view cache. The emitter has no Qt parent; the reading view and
    any running worker each hold it, so it cannot be deleted under a worker that is emitting when the
    window closes. Once the reading view is gone Qt has already cut the connection, and a late result
    goes nowhere.
    """

    ready = Signal(object)  # list[tuple[ViewKey, DisplayText]]


class ReadingView(QWidget):
    viewChanged = Signal()

    def __init__(
        self,
        parent: Any = None,
        *,
        family: str = "",
        size: float = 15.0,
        line_height: float = 1.75,
        measure_em: int = 38,
    ) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setObjectName("documentTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label = QLabel()
        self.meta_label.setObjectName("documentMeta")
        self.notice = QLabel()
        self.notice.setObjectName("scriptNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.pane = ReadingPane(family=family, size=size, line_height=line_height, measure_em=measure_em)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.pane, 1)
        self.title_label.setStyleSheet("font-size: 20px; font-weight: 600; padding: 4px 24px 0 24px;")
        self.meta_label.setStyleSheet("color: palette(placeholder-text); padding: 0 24px 6px 24px;")
        self.notice.setStyleSheet(
            "background: #fff4ce; color: #5c4400; border-radius: 4px; padding: 6px 10px; margin: 0 24px 6px 24px;"
        )
        self.doc: Document | None = None
        self.script = Script.ORIG
        self.phrases = False
        self.original = False
        self.shown: DisplayText | None = None
        self._layers: dict[str, list[Span]] = {}
        self._views: dict[ViewKey, DisplayText] = {}  # touched by the GUI thread only
        self._delivery = _ViewDelivery()
        self._delivery.ready.connect(self._views_ready, Qt.ConnectionType.QueuedConnection)

    # -- what is shown -----------------------------------------------------------------------------
    @property
    def base_text(self) -> str:
        """The stored text the current mode shows: cleaned, or the original as imported."""
        if self.doc is None:
            return ""
        return self.doc.original.replace("\r\n", "\n").replace("\r", "\n") if self.original else self.doc.text

    def set_document(self, doc: Document | None, script: Script, phrases: bool, *, original: bool = False) -> None:
        self.doc = doc
        self.script = script
        self.phrases = phrases and doc is not None and vocabulary_applies(script, doc.summary.script)
        self.original = original
        self._layers.clear()
        if doc is None:
            self.title_label.clear()
            self.meta_label.clear()
            self.notice.hide()
            self.shown = None
            self.pane.set_plain("")
            return
        s = doc.summary
        self.pane.set_view_script(script, s.script, text_follows=True)
        self.title_label.setText(self._convert(s.title))
        self.meta_label.setText("  ·  ".join(x for x in (s.date.replace("T", " "), s.source, s.author) if x))
        if s.script == "mixed":
            self.notice.setText(
                self.tr(
                    "This document mixes simplified and traditional characters ({0:.0%} script-specific), "
                    "which is often a sign of machine-reworded text."
                ).format(s.script_share)
            )
            self.notice.show()
        else:
            self.notice.hide()
        self._render()
        self.pane.moveCursor(QTextCursor.MoveOperation.Start)
        if phrases:
            self._prepare_other_views(self.base_text)

    def warmers(
        self, doc: Document, script: Script, phrases: bool, *, original: bool = False
    ) -> list[Callable[[], None]]:
        """Steps, one per turn of the event loop, that lay out and draw the start of `doc` off screen as
        `set_document` with these arguments will show it: its text in that script view, in the face of
        that view's region (`ReadingPane.glyph_warmers`). Only the start is converted (a few thousand
        characters), so this costs little more than the warming itself."""
        # Cut before the line ends are made one character: "\r\n" at most halves the length.
        text = doc.original[: 2 * WARM_CHARS].replace("\r\n", "\n").replace("\r", "\n") if original else doc.text
        text = text[:WARM_CHARS]
        if script != Script.ORIG:
            text = display(text, script, phrases and vocabulary_applies(script, doc.summary.script)).text
        headings = () if original else doc.headings
        return self.pane.glyph_warmers(text, headings, script=script, text_script=doc.summary.script)

    def convert(self, text: str) -> str:
        """A piece of text (a name, a removed line) in the script the document is shown in."""
        return self._convert(text)

    def _convert(self, text: str) -> str:
        return display(text, self.script, self.phrases).text if self.script != Script.ORIG else text

    def _display(self, text: str) -> DisplayText:
        """The view of `text` in the current script, remembered for the last few switches.

        Readers flip between two or three scripts; converting again each time would repeat the most
        expensive step (a phrase view's offset map takes about 100 ms for 200,000 characters).
        """
        key = (hash(text), len(text), self.script, self.phrases)
        shown = self._views.get(key)
        if shown is None or shown.source != text:
            shown = display(text, self.script, self.phrases)
            self._remember(key, shown)
        return shown

    def _remember(self, key: ViewKey, shown: DisplayText) -> None:
        self._views[key] = shown
        while len(self._views) > 6:
            self._views.pop(next(iter(self._views)))

    def _prepare_other_views(self, text: str) -> None:
        """With regional vocabulary on, build the other scripts' views in the background: each needs an
        offset map (about 100 ms for 200,000 characters) that would otherwise delay the switch.

        The worker only computes; its results reach the cache through a queued signal, handled on the
        GUI thread (`_views_ready`), which keeps them only if they are views of the text still shown.
        The worker never touches this widget, so closing the document or the window while it runs is safe.
        """
        wanted = [
            ((hash(text), len(text), script, True), script)
            for script in (Script.HANS, Script.TW, Script.HK)
            if script != self.script and (hash(text), len(text), script, True) not in self._views
        ]
        if not wanted:
            return
        delivery = self._delivery

        def work() -> None:
            built = [(key, display(text, script, True)) for key, script in wanted]
            delivery.ready.emit(built)

        threading.Thread(target=work, name="prepare-views", daemon=True).start()

    def _views_ready(self, built: list[tuple[ViewKey, DisplayText]]) -> None:
        """Keep the views the worker built, if the document they were built for is still shown."""
        current = self.base_text
        for key, shown in built:
            if shown.source == current and key not in self._views:
                self._remember(key, shown)

    def _render(self) -> None:
        self.shown = self._display(self.base_text)
        # Headings are lines of the cleaned text: the Original view shows other lines.
        headings = () if self.original or self.doc is None else self.doc.headings
        self.pane.set_plain(self.shown.text, headings)
        self._draw()
        self.viewChanged.emit()

    def set_script(self, script: Script, phrases: bool) -> None:
        """Switch script keeping the paragraph at the top and the selection where they were."""
        if (script, phrases) == (self.script, self.phrases) or self.doc is None:
            self.script, self.phrases = script, phrases
            return
        phrases = phrases and vocabulary_applies(script, self.doc.summary.script)
        if (script, phrases) == (self.script, self.phrases):
            return
        top = self.visible_offset()
        selection = self.selected_span()
        self.script, self.phrases = script, phrases
        self.pane.set_view_script(script, self.doc.summary.script, text_follows=True)
        self.title_label.setText(self._convert(self.doc.summary.title))
        self._render()
        if selection is not None:
            self.select_span(*selection)
        self.scroll_to(top)

    @property
    def font_family(self) -> str:
        """The font family the text is drawn in, as Qt resolved it: the view's regional face (Noto Serif
        CJK TC for 繁 and 臺) or the fallback used where that face is not installed."""
        return self.pane.font_family_in_use

    def set_original(self, original: bool) -> None:
        if original == self.original or self.doc is None:
            self.original = original
            return
        self.original = original
        self._layers.clear()
        self._render()

    # -- positions ---------------------------------------------------------------------------------
    def visible_offset(self) -> int:
        """Stored offset of the first character at the top of the pane."""
        if self.shown is None or self.pane.verticalScrollBar().value() == 0:
            return 0  # at the top: no need to lay the document out to know it
        cursor = self.pane.cursorForPosition(QPoint(4, 4))
        return self.shown.from_qt_pos(cursor.position())

    def scroll_to(self, offset: int, *, top: bool = True) -> None:
        """Bring the paragraph holding `offset` to the top of the pane."""
        if self.shown is None:
            return
        pos = self.shown.to_qt_pos(offset)
        block = self.pane.document().findBlock(pos)
        bar = self.pane.verticalScrollBar()
        if top and block.blockNumber() == 0:
            bar.setValue(0)
        elif top:
            y = self.pane.document().documentLayout().blockBoundingRect(block).top()
            bar.setValue(int(y))
        else:
            cursor = QTextCursor(self.pane.document())
            cursor.setPosition(pos)
            self.pane.setTextCursor(cursor)
            self.pane.ensureCursorVisible()

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.pane.textCursor()
        if self.shown is None or not cursor.hasSelection():
            return None
        return self.shown.from_qt(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        if self.shown is None:
            return
        qs, qe = self.shown.to_qt(start, end)
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(qs)
        cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
        self.pane.setTextCursor(cursor)

    def offset_at(self, point: QPoint) -> int:
        if self.shown is None:
            return 0
        return self.shown.from_qt_pos(self.pane.cursorForPosition(point).position())

    # -- highlight layers --------------------------------------------------------------------------
    def set_layer(self, name: str, spans: list[Span]) -> None:
        self._layers[name] = spans
        self._draw()

    def layer(self, name: str) -> list[Span]:
        return list(self._layers.get(name, []))

    def _draw(self) -> None:
        if self.shown is None:
            self.pane.setExtraSelections([])
            return
        selections: list[QTextEdit.ExtraSelection] = []
        document = self.pane.document()
        for name in LAYER_ORDER:
            for start, end, fmt in self._layers.get(name, []):
                qs, qe = self.shown.to_qt(start, end)
                if qe <= qs:
                    continue
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(qs)
                cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
        self.pane.setExtraSelections(selections)
