"""The Removed tab: every line the cleaner took out, why, and a way to put it back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.cleaning import Removed, reason_label
from reader.ui.i18n import QT_TRANSLATE_NOOP
from reader.ui.info_panel import counted
from reader.ui.list_models import ListTableModel

# The cleaner's reasons as the panel shows them, marked for translation; unknown codes fall back to
# the cleaner's own English label.
REASONS = {
    "navigation": QT_TRANSLATE_NOOP("RemovedPanel", "Navigation, menu or breadcrumb"),
    "spam": QT_TRANSLATE_NOOP("RemovedPanel", "Injected spam or advertising"),
    "related-links": QT_TRANSLATE_NOOP("RemovedPanel", "List of related or unrelated links"),
    "script": QT_TRANSLATE_NOOP("RemovedPanel", "JavaScript or CSS"),
    "boilerplate": QT_TRANSLATE_NOOP("RemovedPanel", "Site footer, comment form or counter"),
    "metadata": QT_TRANSLATE_NOOP("RemovedPanel", "Title, date, author or source line"),
    "image": QT_TRANSLATE_NOOP("RemovedPanel", "Image placeholder or file name"),
    "duplicate-title": QT_TRANSLATE_NOOP("RemovedPanel", "Title repeated in the body"),
    "comments": QT_TRANSLATE_NOOP("RemovedPanel", "Comments, replies or further posts after the article"),
    "duplicate": QT_TRANSLATE_NOOP("RemovedPanel", "Paragraph repeated from earlier in the page"),
    "punctuation": QT_TRANSLATE_NOOP("RemovedPanel", "Punctuation or symbols only"),
    "blank": QT_TRANSLATE_NOOP("RemovedPanel", "Blank line"),
    "user": QT_TRANSLATE_NOOP("RemovedPanel", "Removed by you"),
    "page-header": QT_TRANSLATE_NOOP("RemovedPanel", "Page header"),
    "page-footer": QT_TRANSLATE_NOOP("RemovedPanel", "Page footer"),
    "page-number": QT_TRANSLATE_NOOP("RemovedPanel", "Page number"),
    "contents": QT_TRANSLATE_NOOP("RemovedPanel", "Table of contents"),
    "markup": QT_TRANSLATE_NOOP("RemovedPanel", "Markup only (a table's rule row, a heading underline)"),
}


class RemovedRow(NamedTuple):
    line: int  # 1-based, in the original
    reason: str  # as shown, translated
    text: str


def _cell(row: RemovedRow, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return (str(row.line), row.reason, row.text.strip())[column]
    if role == Qt.ItemDataRole.ToolTipRole and column == 2:
        return row.text
    if role == Qt.ItemDataRole.ToolTipRole and column == 1:
        return row.reason
    return None


class RemovedPanel(QWidget):
    lineActivated = Signal(int)  # 1-based line in the original
    restoreRequested = Signal(int)
    forgetRequested = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model: ListTableModel[RemovedRow] = ListTableModel(
            lambda: (self.tr("Line"), self.tr("Reason"), self.tr("Text")), _cell, self
        )
        self.tree = QTreeView()
        self.tree.setObjectName("removedLines")
        self.tree.setModel(self.model)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.tree.selectionModel().currentChanged.connect(lambda cur, prev: self._update_buttons())
        # The removed text is what the reader judges, so it takes the free width; the line number fits its
        # digits and the reason gets a few words (elided, whole in the tooltip).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self._reason_width = self.fontMetrics().horizontalAdvance("Navigation, menu") + 16
        header.resizeSection(1, self._reason_width)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text elides instead
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.restore_button = QPushButton(self.tr("Restore line"))
        self.restore_button.setObjectName("restoreLine")
        self.restore_button.setToolTip(self.tr("Keep this line in the cleaned text from now on"))
        self.restore_button.clicked.connect(self._restore)
        self.forget_button = QPushButton(self.tr("Use cleaner's decision"))
        self.forget_button.clicked.connect(self._forget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.forget_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._overrides: dict[int, bool] = {}
        self._update_buttons()

    def show_removed(
        self,
        removed: list[Removed],
        overrides: dict[int, bool],
        convert: Callable[[str], str] | None = None,
        *,
        same_document: bool = False,
    ) -> None:
        """List the removed lines; `convert` shows their text in the reading view's script (a 繁 view
        reads 首頁 | 要聞, not the stored 首页 | 要闻), None as stored.

        With `same_document` (the list of the document shown, again: a line restored, a script switch)
        the current line stays current; a line that left the list (restored) gives its place to the one
        that took its row, as a file manager moves on after a deletion. The buttons keep the keyboard
        focus they had: disabled under it, Qt passed it on down the window to the library's search box."""
        current = self.current_line() if same_document else None
        current_row = self.tree.currentIndex().row() if same_document else -1
        focus = QApplication.focusWidget()
        focused = focus if same_document and focus is not None and self.isAncestorOf(focus) else None
        self._overrides = dict(overrides)
        rows = []
        for r in removed:
            reason = self.tr(REASONS[r.reason]) if r.reason in REASONS else reason_label(r.reason)
            if overrides.get(r.line) is False:
                reason = self.tr("removed by you")
            rows.append(RemovedRow(r.line, reason, convert(r.text) if convert is not None else r.text))
        self.model.set_rows(rows)
        at = next((n for n, row in enumerate(rows) if row.line == current), None)
        if at is None and current_row >= 0 and rows:
            at = min(current_row, len(rows) - 1)
        if at is not None:
            self.tree.setCurrentIndex(self.model.index(at, 0))
        # The reason is sized to its words but no wider than a few of them: fitted to the longest reason
        # ("Comments, replies or further posts…") it pushed the removed text past the panel's edge.
        self.tree.resizeColumnToContents(0)
        header = self.tree.header()
        header.resizeSection(1, min(self.tree.sizeHintForColumn(1), self._reason_width))
        kept = sum(1 for keep in overrides.values() if keep)
        text = counted(self.tr("%n line(s) removed", "", len(removed)), len(removed))
        if overrides:
            text += self.tr(" · {0} of your decisions ({1} restored)").format(len(overrides), kept)
        self.summary.setText(text)
        self._update_buttons()
        if focused is not None and not focused.isEnabled():
            self.tree.setFocus()  # nothing left to restore: the list, not a widget elsewhere in the window

    def current_line(self) -> int | None:
        row = self.model.row_at(self.tree.currentIndex().row())
        return None if row is None else row.line

    def row_count(self) -> int:
        return self.model.rowCount()

    def _clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.lineActivated.emit(row.line)

    def _restore(self) -> None:
        line = self.current_line()
        if line is not None:
            self.restoreRequested.emit(line)

    def _forget(self) -> None:
        line = self.current_line()
        if line is not None:
            self.forgetRequested.emit(line)

    def _update_buttons(self) -> None:
        line = self.current_line()
        self.restore_button.setEnabled(line is not None)
        self.forget_button.setEnabled(line is not None and line in self._overrides)
