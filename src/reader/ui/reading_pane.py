"""The reading pane: Chinese text set for reading for hours.

A CJK font for the script view on show (TC faces for 繁/臺, HK for 港, SC for 简; see `reader.ui.fonts`),
generous line height and paragraph spacing, and a measure of about 38 em kept by centring the text
column, however wide the window is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QImage,
    QPainter,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit

from reader.core.script import Script
from reader.ui.fonts import region_for, regional_font

CJK_FAMILIES = [
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Songti SC",
    "PingFang SC",
    "Microsoft YaHei",
    "SimSun",
    "WenQuanYi Micro Hei",
]

# `glyph_warmers` prepare this many characters: a screenful and more, in a moment's work,
WARM_CHARS = 4000
# about this many a turn (a piece's first layout took 7-8 ms of CPU a 1,000 characters, at load 4).
WARM_STEP = 1000
MIN_SIZE = 9.0
MAX_SIZE = 40.0
# A heading's size against the reading size, by outline level (deeper levels use the last).
HEADING_SCALE = (1.35, 1.2, 1.1, 1.0)


"""The simplified-Chinese faces, in the order the preferences name as the default."""


def reading_font(family: str, size: float, script: Script | str = Script.HANS, text_script: str = "") -> QFont:
    """The reading font for a script view: `family` (the preference, "" for the default) in the view's
    regional build first, then the installed faces of that region."""
    return regional_font(script, size, family=family, text_script=text_script)


Piece = tuple[str, tuple[tuple[int, int], ...]]
"""Some lines of a text, and the (line, level) of the headings among them."""


def line_pieces(text: str, headings: Sequence[tuple[int, int]], size: int) -> list[Piece]:
    """`text` cut at line ends into pieces of about `size` characters, each with the headings among its
    lines, numbered from the piece's first line.

    A line longer than `size` (a long paragraph: a scanned page's often is one) is cut every `size`
    characters, each part a line of its own, so that no piece is much longer than `size`: the pieces are
    laid out to be thrown away, and a character is shaped and drawn alike wherever its line ends. The parts
    of a heading are each marked as it is."""
    levels = dict(headings)
    pieces: list[Piece] = []
    lines: list[str] = []
    marked: list[tuple[int, int]] = []
    length = 0
    for number, line in enumerate(text.split("\n")):
        for part in [line[start : start + size] for start in range(0, len(line), size)] or [""]:
            if number in levels:
                marked.append((len(lines), levels[number]))
            lines.append(part)
            length += len(part) + 1
            if length >= size:
                pieces.append(("\n".join(lines), tuple(marked)))
                lines, marked, length = [], [], 0
    if lines and (length > len(lines) or not pieces):  # something left that is not only empty lines
        pieces.append(("\n".join(lines), tuple(marked)))
    return pieces


class ReadingPane(QTextEdit):
    zoomChanged = Signal(float)

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
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("readingPane")
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self._family = family
        self._size = size
        self._line_height = line_height
        self._measure_em = measure_em
        self._script: Script = Script.HANS
        self._text_script = ""
        self.document().setDocumentMargin(24)
        self._owned: QTextDocument | None = None
        self._font_follows = False  # a new region's face waits for the next text (`set_view_script`)
        self._headings: tuple[tuple[int, int], ...] = ()
        self._apply_font()

    @property
    def font_size(self) -> float:
        return self._size

    def set_reading_font(self, family: str, size: float) -> None:
        self._family = family
        self._size = max(MIN_SIZE, min(MAX_SIZE, size))
        self._apply_font()
        self._format_blocks()

    def set_view_script(self, script: Script, text_script: str = "", *, text_follows: bool = False) -> None:
        """Draw in the faces of `script`'s region; `text_script` (the document's detected script) decides
        for the original-text view. The font changes only when the region does.

        With `text_follows`, the caller shows a new text next (`set_plain`), which is built in the new face:
        the text on screen is not given it first. Given it, the whole of a long text shown was laid out again
        in the new face and its blocks formatted while the view held it, only to be thrown away (about
        0.3 s of a 188,000-character document's script switch into another region, measured)."""
        old = region_for(self._script, self._text_script)
        self._script, self._text_script = Script(script), text_script
        if region_for(self._script, self._text_script) == old:
            return
        if text_follows:
            self._font_follows = True
            return
        self._apply_font()
        self._format_blocks()

    @property
    def font_family_in_use(self) -> str:
        """The family Qt actually draws the text with (the first installed one of the font's list)."""
        return QFontInfo(self.document().defaultFont()).family()

    def set_line_height(self, line_height: float) -> None:
        self._line_height = line_height
        self._format_blocks()

    def zoom_by(self, step: float) -> None:
        self.set_reading_font(self._family, self._size + step)
        self.zoomChanged.emit(self._size)

    def set_plain(self, text: str, headings: Sequence[tuple[int, int]] = ()) -> None:
        """Show `text`, one paragraph per line, keeping characters exactly (offsets depend on it); the
        lines in `headings` ((line, level), as the importer marked them) are set as headings.

        The document is built and formatted detached from the view and then swapped in: formatting
        blocks of a document the view is laying out costs about 50 times more (115 ms against 2 ms
        for 200,000 characters), which would make every script switch visibly slow.
        """
        document = QTextDocument(self)
        document.setDefaultFont(self.font_for(self._script, self._text_script))
        document.setDocumentMargin(self.document().documentMargin())
        document.setPlainText(text)
        self._headings = tuple(headings)
        self._format_blocks(document)
        old = self.document()
        self.setDocument(document)
        if old is self._owned:
            old.deleteLater()
        self._owned = document
        if self._font_follows:  # the face of a new region (`set_view_script`), given once the new text is in
            self._font_follows = False
            self._apply_font()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def glyph_warmers(
        self,
        text: str,
        headings: Sequence[tuple[int, int]] = (),
        *,
        script: Script | str | None = None,
        text_script: str = "",
    ) -> list[Callable[[], None]]:
        """Steps, to run on separate turns of the event loop, that lay out and draw the start of `text` off
        screen as `set_plain` would show it, so that showing it next is quick: a document's first layout and
        paint in a session shape and rasterise each character it is the first to use in that face (measured
        for two scanned pages: 18 + 12 ms of the GUI thread the first time, 5 + 4 ms after). Done before, a
        piece at a time, that work is not part of the stall of opening it.

        Qt keeps those caches per face, size and weight, so the warming is done in the font the document
        will open in (`script` and `text_script` as `set_view_script` will be given them; the pane's current
        font when `script` is None), with its headings bold and larger as `set_plain` sets them: a
        traditional document opened after simplified ones is drawn in the TC face, and warming it in the SC
        face saved nothing (30 + 30 ms of first use measured in the TC face after the same text was warmed
        in the SC one). The text is laid out in pieces of about `WARM_STEP` characters, a turn each (the
        whole of it in one turn took 30 ms of CPU for four scanned pages); the first screen is drawn after
        the first piece."""
        width = max(200, self.viewport().width())
        height = max(200, self.viewport().height())
        font = self.document().defaultFont() if script is None else self.font_for(script, text_script)
        margin = self.document().documentMargin()
        pieces = line_pieces(text[:WARM_CHARS], headings, WARM_STEP)
        documents = [QTextDocument() for _ in pieces]

        def lay_out(document: QTextDocument, piece: str, near: tuple[tuple[int, int], ...]) -> Callable[[], None]:
            def step() -> None:
                document.setDefaultFont(font)
                document.setDocumentMargin(margin)
                document.setPlainText(piece)
                self._format_blocks(document, near)
                document.setTextWidth(width)
                document.size()  # lays the text out

            return step

        def draw() -> None:
            image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            painter = QPainter(image)
            try:
                documents[0].drawContents(painter, QRectF(0, 0, width, height))
            finally:
                painter.end()

        steps = [lay_out(document, *piece) for document, piece in zip(documents, pieces, strict=True)]
        return [*steps[:1], draw, *steps[1:]] if steps else []

    def font_for(self, script: Script | str, text_script: str = "") -> QFont:
        """The font the pane draws a document in when its view is `script` (and the document's detected
        script is `text_script`), at the reader's family and size."""
        return reading_font(self._family, self._size, script, text_script)

    def _apply_font(self) -> None:
        font = self.font_for(self._script, self._text_script)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._update_margins()

    def _format_blocks(
        self, document: QTextDocument | None = None, headings: Sequence[tuple[int, int]] | None = None
    ) -> None:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(self._line_height * 100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(self._size * 0.9)
        target = document if document is not None else self.document()
        cursor = QTextCursor(target)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(fmt)
        self._format_headings(target, self._headings if headings is None else headings)

    def _format_headings(self, document: QTextDocument, headings: Sequence[tuple[int, int]]) -> None:
        """Headings in bold, larger by level, with room above; sized from the reading size, so set again
        whenever it changes. Only characters' looks change: the text and its offsets stay as they are."""
        for line, level in headings:
            block = document.findBlockByNumber(line)
            if not block.isValid():
                continue
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            char = QTextCharFormat()
            char.setFontWeight(QFont.Weight.Bold)
            char.setFontPointSize(self._size * HEADING_SCALE[min(level, len(HEADING_SCALE)) - 1])
            cursor.mergeCharFormat(char)
            block_format = QTextBlockFormat()
            block_format.setHeadingLevel(level)
            block_format.setTopMargin(self._size * 0.6)
            cursor.mergeBlockFormat(block_format)

    def _update_margins(self) -> None:
        em = self.fontMetrics().horizontalAdvance("中")
        measure = em * self._measure_em
        side = max(0, (self.width() - measure) // 2)
        self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_margins()
        super().resizeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0 if event.angleDelta().y() > 0 else -1.0)
            event.accept()
            return
        super().wheelEvent(event)
