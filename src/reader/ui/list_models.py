"""Thin item models over plain Python lists, for the side panels and dialogs.

Qt keeps nothing of ours: each model holds its rows in a Python list and answers `data()` with strings,
numbers, fonts and icons computed from the row at that position. No Python object is ever stored in a Qt
item or handed to Qt as item data, so nothing Python-owned lives (or dies) on the C++ side, and a row is
found again by its position in the list, never by asking Qt for what it holds.

Two shapes cover every panel: `ListTableModel` (flat rows) and `TreeModel` (headings and rows at any
depth: the Annotations tab's orphans heading, an organisation's parts nested under it).
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
class Node(Generic[H, T]):
    """One entry of a `TreeModel`: a heading (`head`) or a row (`row`), with the entries under it."""

    head: H | None = None
    row: T | None = None
    children: list[Node[H, T]] = field(default_factory=list)


class TreeModel(QAbstractItemModel, Generic[H, T]):
    """Any depth: headings and rows, each with entries under it (a row can hold rows: a body's parts).

    The tree is flattened when it is set into plain lists indexed by a node number; an index's internal
    id is that number, so Qt holds integers only and a node is found again by position, never by asking
    Qt for an object. `head_cell` and `row_cell` say what headings and rows show.
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
        self._columns = len(headers())
        self._selectable_heads = selectable_heads
        self._clear()

    def _clear(self) -> None:
        self._top: list[int] = []
        self._up: list[int] = []  # the parent's node number, -1 at the top level
        self._position: list[int] = []  # the row under the parent
        self._heads: list[H | None] = []
        self._rows: list[T | None] = []
        self._children: list[list[int]] = []

    # -- our interface -----------------------------------------------------------------------------
    def set_nodes(self, nodes: Sequence[Node[H, T]]) -> None:
        self.beginResetModel()
        self._clear()
        self._top = self._add(nodes, -1)
        self.endResetModel()

    def _add(self, nodes: Sequence[Node[H, T]], up: int) -> list[int]:
        numbers: list[int] = []
        for position, node in enumerate(nodes):
            number = len(self._up)
            self._up.append(up)
            self._position.append(position)
            self._heads.append(node.head)
            self._rows.append(node.row if node.head is None else None)
            self._children.append([])
            self._children[number] = self._add(node.children, number)
            numbers.append(number)
        return numbers

    def row_at(self, index: Index) -> T | None:
        """The row shown at `index` (an index of this model), None for a heading."""
        number = self._number(index)
        return None if number is None else self._rows[number]

    def head_at(self, index: Index) -> H | None:
        """The heading shown at `index`, None for a row."""
        number = self._number(index)
        return None if number is None else self._heads[number]

    def rows(self) -> list[T]:
        """Every row, depth first: the order a fully expanded view shows them in."""
        return [row for row in self._rows if row is not None]

    def heads(self) -> list[tuple[QModelIndex, H]]:
        """Every heading with its index (column 0), depth first."""
        return [(self._index_of_number(n), head) for n, head in enumerate(self._heads) if head is not None]

    def opened(self, keep: Callable[[H], bool]) -> list[QModelIndex]:
        """The indexes of every node with entries under it, depth first, except headings `keep` refuses and
        everything under them: what a view shows open, expanded one by one (a view's `expandAll` then
        `collapse` of a few lays the whole tree out again at each call)."""
        out: list[QModelIndex] = []

        def visit(numbers: list[int]) -> None:
            for number in numbers:
                head = self._heads[number]
                if head is not None and not keep(head):
                    continue
                if self._children[number]:
                    out.append(self._index_of_number(number))
                    visit(self._children[number])

        visit(self._top)
        return out

    def index_of(self, predicate: Callable[[T], bool]) -> QModelIndex:
        """The first index (column 0, depth first) whose row satisfies `predicate`, or an invalid index."""
        for number, row in enumerate(self._rows):
            if row is not None and predicate(row):
                return self._index_of_number(number)
        return QModelIndex()

    def _number(self, index: Index) -> int | None:
        if not index.isValid():
            return None
        number = int(index.internalId())
        return number if 0 <= number < len(self._up) else None

    def _index_of_number(self, number: int, column: int = 0) -> QModelIndex:
        return self.createIndex(self._position[number], column, number)

    def _child_numbers(self, parent: Index) -> list[int]:
        if not parent.isValid():
            return self._top
        number = self._number(parent)
        if number is None or parent.column() != 0:
            return []
        return self._children[number]

    # -- Qt interface ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than by `hasIndex`, which calls back into rowCount and columnCount:
        # views and the filter proxy ask for thousands of indexes each time a panel is filled.
        children = self._child_numbers(parent)
        if not (0 <= row < len(children) and 0 <= column < self._columns):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        number = self._number(child)
        if number is None or self._up[number] < 0:
            return QModelIndex()
        return self._index_of_number(self._up[number])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._child_numbers(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self._columns

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        number = self._number(index)
        if number is None:
            return None
        head = self._heads[number]
        if head is not None:
            return self._head_cell(head, index.column(), role)
        row = self._rows[number]
        return None if row is None else self._row_cell(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self._headers()
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        number = self._number(index)
        if number is None:
            return Qt.ItemFlag.NoItemFlags
        if self._heads[number] is not None and not self._selectable_heads:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._children[number]:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags
