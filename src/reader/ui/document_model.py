"""The document list as a lazy table model over ids.

The model holds only the ordered ids; rows are fetched from the library a page at a time and kept in a
bounded cache, so a library of 100,000 documents opens as fast as one of ten.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.store.library import DocumentSummary, Library
from reader.ui.i18n import QT_TRANSLATE_NOOP

_PAGE = 200
_CACHE_LIMIT = 5000
_SCRIPT_LABELS = {"simplified": "简", "traditional": "繁", "mixed": "混", "none": "—"}

Index = QModelIndex | QPersistentModelIndex
Snippet = tuple[str, list[tuple[int, int]]]


class DocumentTableModel(QAbstractTableModel):
    COLUMNS: tuple[tuple[str, str], ...] = (
        ("title", QT_TRANSLATE_NOOP("DocumentTableModel", "Title")),
        ("date", QT_TRANSLATE_NOOP("DocumentTableModel", "Date")),
        ("source", QT_TRANSLATE_NOOP("DocumentTableModel", "Source")),
        ("chars", QT_TRANSLATE_NOOP("DocumentTableModel", "Length")),
        ("script", QT_TRANSLATE_NOOP("DocumentTableModel", "Script")),
        ("match", QT_TRANSLATE_NOOP("DocumentTableModel", "Match")),
    )
    MATCH_COLUMN = 5
    SnippetRole = Qt.ItemDataRole.UserRole + 1  # (text, [(start, end), ...]) for the match column

    def __init__(
        self, library: Library, parent: Any = None, *, sort_column: int = -1, descending: bool = False
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._ids: list[int] = []
        self._cache: OrderedDict[int, DocumentSummary] = OrderedDict()
        self._sort_key = self.COLUMNS[sort_column][0] if 0 <= sort_column < len(self.COLUMNS) else "imported"
        self._descending = descending
        self._filter: set[int] | None = None
        self._ranked: list[int] | None = None
        # Ids are loaded by the first sort() (the view calls it when sorting is enabled), not here,
        # so a large library is read once at start, not twice.
        self._loaded = False
        self._snippets: Callable[[int], Snippet | None] | None = None
        self._snippet_cache: OrderedDict[int, Snippet | None] = OrderedDict()

    # -- Qt interface ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not self._loaded:
            self._load_ids()
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("chars", "script"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if key == "match":
            return self._match_data(index.row(), role)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole):
            return None
        summary = self._summary_at(index.row())
        if summary is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{summary.title}\n{summary.filename}" if key == "title" else None
        if key == "title":
            return summary.title or summary.filename
        if key == "date":
            return summary.date[:10]
        if key == "source":
            return summary.source
        if key == "chars":
            return f"{summary.chars:,}"
        if key == "script":
            return _SCRIPT_LABELS.get(summary.script, summary.script)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.COLUMNS):
            return self.tr(self.COLUMNS[section][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._ranked = None  # the reader chose an order
        self._sort_key = self.COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in old]
        self._load_ids()
        positions = {doc_id: row for row, doc_id in enumerate(self._ids)}
        new = [
            self.index(positions[i], idx.column()) if i in positions else QModelIndex()
            for i, idx in zip(old_ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- our interface -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read ids after documents were added, changed or removed."""
        self.beginResetModel()
        self._cache.clear()
        self._load_ids()
        self.endResetModel()

    def set_filter(self, ids: set[int] | None, ranked: list[int] | None = None) -> None:
        """Show only these documents (None shows all). With `ranked` (best search results first) those
        lead and the rest follow in the list's sort order, until the reader sorts by a column."""
        self.beginResetModel()
        self._filter = ids
        self._ranked = ranked if ids is not None else None
        self._load_ids()
        self.endResetModel()

    def set_snippets(self, provider: Callable[[int], Snippet | None] | None) -> None:
        """Where the match column gets each row's snippet from (None while there is no search)."""
        self._snippets = provider
        self._snippet_cache.clear()
        if self._ids:
            column = self.MATCH_COLUMN
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def _match_data(self, row: int, role: int) -> Any:
        if self._snippets is None or role not in (Qt.ItemDataRole.DisplayRole, self.SnippetRole):
            return None
        doc_id = self._ids[row]
        if doc_id not in self._snippet_cache:
            self._snippet_cache[doc_id] = self._snippets(doc_id)  # only rows on screen are asked for
            while len(self._snippet_cache) > 2000:
                self._snippet_cache.popitem(last=False)
        snippet = self._snippet_cache[doc_id]
        if snippet is None:
            return None
        return snippet[0] if role == Qt.ItemDataRole.DisplayRole else snippet

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, doc_id: int) -> int | None:
        try:
            return self._ids.index(doc_id)
        except ValueError:
            return None

    def _load_ids(self) -> None:
        self._loaded = True
        ids = self._library.ids(self._sort_key, self._descending)
        if self._filter is not None:
            ids = [i for i in ids if i in self._filter]
            if self._ranked:
                first = [i for i in self._ranked if i in self._filter]
                leading = set(first)
                ids = first + [i for i in ids if i not in leading]
        self._ids = ids

    def _summary_at(self, row: int) -> DocumentSummary | None:
        doc_id = self._ids[row]
        summary = self._cache.get(doc_id)
        if summary is not None:
            self._cache.move_to_end(doc_id)
            return summary
        start = max(0, row - _PAGE // 4)
        page = [i for i in self._ids[start : start + _PAGE] if i not in self._cache]
        self._cache.update(self._library.summaries(page))
        while len(self._cache) > _CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(doc_id)
