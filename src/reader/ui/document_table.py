"""The document list as a table: the title fills the free width, narrow columns sized from the font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from reader.settings import Settings
from reader.ui.document_model import DocumentTableModel
from reader.ui.snippet_delegate import SnippetDelegate

# Sample contents that size the narrow columns once, from the font: never by reading every row.
_COLUMN_SAMPLES = {
    "date": "2025-12-31",
    "source": "国家卫生健康委",
    "chars": "1,234,567",
    "script": "简",
    "imported": "2025-12-31",
    "annotations": "999",
    "read": "2025-12-31 23:59",
}


def document_table(model: DocumentTableModel, settings: Settings) -> QTableView:
    """The list of documents: the title fills the free width and elides in the middle, the other columns
    are as wide as their contents need; sorted by the remembered column."""
    table = QTableView()
    # Tab leaves the list for the next part of the window (arrows move in it): with Tab moving from cell to
    # cell, focus never left the list and every second Tab opened the next document.
    table.setTabKeyNavigation(False)
    table.setObjectName("documentList")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.setItemDelegateForColumn(DocumentTableModel.TITLE_COLUMN, SnippetDelegate(table))
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(24)
    size_columns(table)
    shown = set(settings.list_columns)
    for column, (key, _) in enumerate(model.COLUMNS):
        table.setColumnHidden(column, key != "title" and key not in shown)
    set_two_line_rows(table, False)
    order = Qt.SortOrder.DescendingOrder if settings.sort_descending else Qt.SortOrder.AscendingOrder
    header.setSortIndicator(settings.sort_column, order)
    table.setSortingEnabled(True)  # sorts once, by the remembered column
    return table


def size_columns(table: QTableView) -> None:
    """Title stretches; every other column is fixed at what its header or a typical value needs in the
    current font (ResizeToContents would read every row of a 100,000-row list on each change)."""
    header = table.horizontalHeader()
    bold = table.font()
    bold.setBold(True)  # unread rows are drawn in bold (DocumentTableModel): size for the wider face
    metrics = QFontMetrics(bold)
    header_metrics = QFontMetrics(header.font())
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    model = table.model()
    assert isinstance(model, DocumentTableModel)
    for column, (key, _) in enumerate(model.COLUMNS):
        if key == "title":
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        label = str(model.headerData(column, Qt.Orientation.Horizontal))
        # Room for the label, not for the sort arrow too: Qt elides the label of the one sorted column
        # rather than every narrow column carrying an arrow's width all the time.
        width = max(
            metrics.horizontalAdvance(_COLUMN_SAMPLES.get(key, "")) + 12,
            header_metrics.horizontalAdvance(label) + 4 * margin + 4,
        )
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)


def set_two_line_rows(table: QTableView, two: bool) -> None:
    """Rows hold the title alone, or the title over a search snippet."""
    line = QFontMetrics(table.font()).height()
    table.verticalHeader().setDefaultSectionSize(2 * line + 8 if two else line + 8)
