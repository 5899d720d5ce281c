"""Thin item models over plain Python lists, for the side panels and dialogs.

Qt keeps nothing of ours: each model holds its rows in a Python list and answers `data()` with strings,
numbers, fonts and icons computed from the row at that position. No Python object is ever stored in a Qt
item or handed to Qt as item data, so nothing Python-owned lives (or dies) on the C++ side, and a row is
found again by its position in the list, never by asking Qt for what it holds.

Two shapes cover every panel: `ListTableModel` (flat rows) and `GroupedModel` (headings, each with rows
under it, or rows at the top level beside headings).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
H = TypeVar("H")

# A cell's data for one role: the row, its column and the role in; a str, int, QFont, QIcon … or None out.
CellData = Callable[[T, int, int], Any]
HeaderLabels = Callable[[], Sequence[str]]


class ListTableModel(QAbstractTableModel, Generic[T]):
    """Rows of a flat table, each a Python object kept in a list; `cell(row, column, role)` says what
    each cell shows. Headers come from a callable so they are translated by the owning widget."""

    def __init__(self, headers: HeaderLabels, cell: CellData[T], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._cell = cell
        self._rows: list[T] = []
        self._columns = len(headers())

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._cell(self._rows[index.row()], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._headers()
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass
class Group(Generic[H, T]):
    """A heading and the rows under it."""

    head: H
    rows: list[T] = field(default_factory=list)


@dataclass
class Leaf(Generic[T]):
    """A row at the top level, beside the headings."""

    row: T


class GroupedModel(QAbstractItemModel, Generic[H, T]):
    """Two levels: top-level entries (headings or single rows) and the rows under each heading.

    An index's internal id says where it lives: 0 for the top level, n+1 for a row under the n-th
    top-level entry. Ids are plain integers, so Qt holds no reference to anything of ours.
    """

    def __init__(
        self,
        headers: HeaderLabels,
        head_cell: CellData[H],
        row_cell: CellData[T],
        parent: Any = None,
        *,
        selectable_heads: bool = False,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._head_cell = head_cell
        self._row_cell = row_cell
        self._groups: list[Group[H, T] | Leaf[T]] = []
        self._columns = len(headers())
        self._selectable_heads = selectable_heads

    # -- our interface -----------------------------------------------------------------------------
    def set_groups(self, groups: Sequence[Group[H, T] | Leaf[T]]) -> None:
        self.beginResetModel()
        self._groups = [Group(g.head, list(g.rows)) if isinstance(g, Group) else g for g in groups]
        self.endResetModel()

    def groups(self) -> list[Group[H, T] | Leaf[T]]:
        return list(self._groups)

    def row_at(self, index: Index) -> T | None:
        """The row object shown at `index` (a model index of this model), None for a heading."""
        if not index.isValid():
            return None
        group_id = index.internalId()
        if group_id == 0:
            top = self._group(index.row())
            return top.row if isinstance(top, Leaf) else None
        group = self._group(group_id - 1)
        if not isinstance(group, Group) or not 0 <= index.row() < len(group.rows):
            return None
        return group.rows[index.row()]

    def head_at(self, index: Index) -> H | None:
        """The heading shown at `index`, None when it is a row."""
        if not index.isValid() or index.internalId() != 0:
            return None
        top = self._group(index.row())
        return top.head if isinstance(top, Group) else None

    def index_of(self, predicate: Callable[[T], bool]) -> QModelIndex:
        """The first index (column 0) whose row satisfies `predicate`, or an invalid index."""
        for g, group in enumerate(self._groups):
            if isinstance(group, Leaf):
                if predicate(group.row):
                    return self.index(g, 0)
                continue
            for r, row in enumerate(group.rows):
                if predicate(row):
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    def _group(self, g: int) -> Group[H, T] | Leaf[T] | None:
        return self._groups[g] if 0 <= g < len(self._groups) else None

    # -- Qt interface ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        group_id = child.internalId()
        if group_id == 0:
            return QModelIndex()
        return self.createIndex(group_id - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        group = self._group(parent.row())
        return len(group.rows) if isinstance(group, Group) else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self._columns

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        head = self.head_at(index)
        if head is not None:
            return self._head_cell(head, index.column(), role)
        row = self.row_at(index)
        return None if row is None else self._row_cell(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._headers()
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.head_at(index) is not None and not self._selectable_heads:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags
