"""Draws a title cell of the document list: the title elided in the middle, and while a search is
active the snippet around the first hit on a second line, hits marked, in the same row.

Keeping the snippet under the title (rather than in a column of its own) means it is always on screen,
however narrow the list is.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.document_model import DocumentTableModel
from reader.ui.themes import HIGHLIGHT_INK, SEARCH_HIT_COLOR

HIT_STYLE = f"background-color:{SEARCH_HIT_COLOR};color:{HIGHLIGHT_INK};"
PADDING = 4  # what the styles leave between a cell's edge and its text


def snippet_html(text: str, spans: list[tuple[int, int]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<span style="{HIT_STYLE}">{html.escape(text[start:end])}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


class SnippetDelegate(QStyledItemDelegate):
    """Title on the first line; the search snippet, when there is one, on the second."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        snippet: Any = index.data(DocumentTableModel.SnippetRole)
        if not snippet:
            super().paint(painter, option, index)
            return
        text, spans = snippet
        self.initStyleOption(option, index)
        title = option.text
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        line = option.fontMetrics.height()
        top = rect.top() + max(0, (rect.height() - 2 * line) // 2)
        painter.save()
        painter.setClipRect(rect)
        painter.setFont(option.font)
        painter.setPen(option.palette.color(role))
        width = rect.width() - 2 * PADDING
        shown = option.fontMetrics.elidedText(title, Qt.TextElideMode.ElideMiddle, max(0, width))
        painter.drawText(QRect(rect.left() + PADDING, top, width, line), int(Qt.AlignmentFlag.AlignVCenter), shown)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(snippet_html(text, spans))
        painter.translate(rect.left() + PADDING, top + line)
        painter.setClipRect(0, 0, width, line + 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()
