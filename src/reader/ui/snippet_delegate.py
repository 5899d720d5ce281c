"""Draws a search snippet with its hits highlighted, inside one table cell."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.document_model import DocumentTableModel

HIT_STYLE = "background-color:#ffd54f;color:#1b1b1b;"


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
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        snippet: Any = index.data(DocumentTableModel.SnippetRole)
        if not snippet:
            super().paint(painter, option, index)
            return
        text, spans = snippet
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(snippet_html(text, spans))
        painter.save()
        painter.translate(
            option.rect.left(), option.rect.top() + max(0, (option.rect.height() - document.size().height()) / 2)
        )
        painter.setClipRect(0, 0, option.rect.width(), option.rect.height())
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText))
        document.documentLayout().draw(painter, context)
        painter.restore()
