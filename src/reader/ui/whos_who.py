"""Who's who: every person, organisation, place… across the library, with the posts each person holds.

A reader following a story across many reports wants the people first: who appears in how many
documents, and under which titles. Names that no document found on good evidence wait, folded, under
"Less certain" at the end, so the first screen can be trusted; a body's parts sit under the body, and a
name shows in full with the other forms merged into it (王书 for 王书平, 中 for 中国) in its tooltip.

The dialog only reads (the window's connection); entities still being extracted by the background
worker appear when `reload` runs again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.entities import TYPES
from reader.store.entities import EntityStore, LibraryEntity
from reader.ui.entities_panel import LOW, NeedleFilter, fold, nest_parts
from reader.ui.list_models import Node, TreeModel

if TYPE_CHECKING:
    from reader.store.library import Library

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_ROLE = Qt.ItemDataRole.UserRole + 3
HEAD_ROLE = Qt.ItemDataRole.UserRole + 4  # True on the "less certain" heading, which sorts last

COL_NAME, COL_TYPE, COL_DOCUMENTS, COL_MENTIONS, COL_POSTS = range(5)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class WhoRow(NamedTuple):
    """A library entity with what its row shows, computed once when the list is set."""

    entity: LibraryEntity
    name: str  # in the reading view's script
    posts: str
    type_label: str
    match: str
    tooltip: str


class FoldedHeading(NamedTuple):
    """The heading the less certain names are folded under."""

    label: str


class LibraryEntityModel(TreeModel[FoldedHeading, WhoRow]):
    """Library entities found on good evidence at the top level, a body's parts under the body, and one
    heading at the end holding the less certain ones; five columns.

    The entities stay in Python lists: `data()` hands Qt only strings, numbers and fonts, and the dialog
    finds an entity again by its index (`entity_at`)."""

    def __init__(self, headers: Any, parent: Any = None) -> None:
        super().__init__(headers, _head_cell, _row_cell, parent)

    def entity_at(self, index: Index) -> LibraryEntity | None:
        row = self.row_at(index)
        return None if row is None else row.entity


def _head_cell(head: FoldedHeading, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole and column == COL_NAME:
        return head.label
    if role == Qt.ItemDataRole.FontRole and column == COL_NAME:
        font = QFont()
        font.setItalic(True)
        return font
    if role == HEAD_ROLE:
        return True
    return None


def _row_cell(row: WhoRow, column: int, role: int) -> Any:
    e = row.entity
    if role == Qt.ItemDataRole.DisplayRole:
        return (row.name, row.type_label, str(e.documents), str(e.mentions), row.posts)[column]
    if role == SORT_ROLE:
        return (
            e.normalized,
            TYPES.index(e.type) if e.type in TYPES else 99,
            e.documents,
            e.mentions,
            len(e.posts),
        )[column]
    if role == Qt.ItemDataRole.ToolTipRole:
        return row.tooltip
    if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DOCUMENTS, COL_MENTIONS):
        return _RIGHT
    if role == MATCH_ROLE and column == COL_NAME:
        return row.match
    return None


class _TextFilter(NeedleFilter):
    """Rows matching the filter (a heading stays while any name under it does) in the chosen order,
    with the "less certain" heading kept last whichever way a column is sorted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(MATCH_ROLE, parent)
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.needle() and self.sourceModel().index(source_row, 0, source_parent).data(HEAD_ROLE):
            return False  # the heading: shown only through the names under it
        return super().filterAcceptsRow(source_row, source_parent)

    def lessThan(self, source_left: Index, source_right: Index) -> bool:
        model = self.sourceModel()
        left_head = bool(model.index(source_left.row(), 0, source_left.parent()).data(HEAD_ROLE))
        right_head = bool(model.index(source_right.row(), 0, source_right.parent()).data(HEAD_ROLE))
        if left_head or right_head:
            # Qt shows a descending sort by reversing this answer; the heading must end up last in both.
            last_is_greatest = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return right_head if last_is_greatest else left_head
        return bool(super().lessThan(source_left, source_right))


class WhosWhoDialog(QDialog):
    entityFilterRequested = Signal(str, str)  # type, normalized

    def __init__(
        self, library: Library, parent: QWidget | None = None, *, convert: Callable[[str], str] | None = None
    ) -> None:
        """`convert` puts a name or post into the script the reader reads in (the view's), as the Entities
        tab shows them: names are stored as each document wrote them, so without it a 繁 view listed
        姚淑文 beside 王晓燕. None keeps them as written (the Original view)."""
        super().__init__(parent)
        self._convert = convert if convert is not None else (lambda text: text)
        self.setObjectName("whosWho")
        self.setWindowTitle(self.tr("Who's Who"))
        self.resize(760, 560)
        self._store = EntityStore(library.conn)

        self._build_filters()
        self._build_table()
        self._lay_out()
        self.reload()

    def _build_filters(self) -> None:
        """The kind of entity shown (people first) and the name filter."""
        self.type_box = QComboBox()
        self.type_box.setObjectName("entityType")
        self.type_box.addItem(self.tr("All kinds"), None)
        labels = self.type_labels()
        for kind in TYPES:
            self.type_box.addItem(labels[kind], kind)
        self.type_box.setCurrentIndex(1)  # people: what the dialog is named after
        self.type_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("whosWhoFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter"))
        self.filter_box.setClearButtonEnabled(True)
        self._labels = labels

    def _build_table(self) -> None:
        """The sortable, filtered list; a double-click or Return shows the documents naming the entity."""
        self.model = LibraryEntityModel(
            lambda: (self.tr("Entity"), self.tr("Type"), self.tr("Documents"), self.tr("Mentions"), self.tr("Posts")),
            self,
        )
        self.proxy = _TextFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box.textChanged.connect(self._filter_changed)

        self.tree = QTreeView()
        self.tree.setObjectName("whosWhoTree")
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(COL_DOCUMENTS, Qt.SortOrder.DescendingOrder)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.setExpandsOnDoubleClick(False)  # double-click on a name filters the document list
        header = self.tree.header()
        header.setStretchLastSection(True)
        for col in (COL_TYPE, COL_DOCUMENTS, COL_MENTIONS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.doubleClicked.connect(self._double_clicked)
        # Return does what a double-click does (not `activated`, which a double-click also emits).
        self.act_documents = QAction(self.tr("Show &Documents Mentioning It"), self)
        self.act_documents.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.act_documents.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_documents.triggered.connect(lambda: self._double_clicked(self.tree.currentIndex()))
        self.tree.addAction(self.act_documents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _lay_out(self) -> None:
        """Filters on top, the list, then the status line and Close."""
        self.status = QLabel()
        self.status.setObjectName("whosWhoStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.type_box)
        top.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

    def type_labels(self) -> dict[str, str]:
        return {
            "person": self.tr("People"),
            "org": self.tr("Organisations"),
            "place": self.tr("Places"),
            "date": self.tr("Dates"),
            "figure": self.tr("Figures"),
            "term": self.tr("Terms"),
            "title": self.tr("Titles"),
        }

    def current_type(self) -> str | None:
        kind = self.type_box.currentData()
        return kind if isinstance(kind, str) else None

    def set_type(self, kind: str | None) -> None:
        index = self.type_box.findData(kind)
        self.type_box.setCurrentIndex(max(index, 0))

    def reload(self) -> None:
        """Read the index again: after the background worker has extracted more documents."""
        index = self._store.library_index(self.current_type())
        sure = [e for e in index if e.tier != LOW]
        unsure = [e for e in index if e.tier == LOW]
        nodes = self._nodes(sure)
        if unsure:
            label = self.tr("Less certain ({0})").format(f"{len(unsure):,}")
            nodes.append(Node(head=FoldedHeading(label), children=self._nodes(unsure)))
        self.model.set_nodes(nodes)
        self._expand()
        # Names are short but long bodies are not: fit the names, short of hiding the counts and posts.
        self.tree.resizeColumnToContents(COL_NAME)
        widest = max(160, int(self.width() * 0.4))
        self.tree.setColumnWidth(COL_NAME, min(self.tree.columnWidth(COL_NAME), widest))
        pending = self._store.unextracted_count()
        text = self.tr("{0} entities").format(f"{len(sure):,}")
        if unsure:
            text += self.tr(" · {0} less certain").format(f"{len(unsure):,}")
        if pending:
            text += self.tr(" · {0} documents still being read").format(f"{pending:,}")
        self.status.setText(text)

    def _nodes(self, entities: Sequence[LibraryEntity]) -> list[Node[FoldedHeading, WhoRow]]:
        """Rows for `entities`, each kind's parts of bodies under their body."""
        nodes: list[Node[FoldedHeading, WhoRow]] = []
        for kind in dict.fromkeys(e.type for e in entities):
            nodes.extend(
                nest_parts(
                    [e for e in entities if e.type == kind],
                    lambda e, children: Node(row=self._row(e), children=children),
                )
            )
        return nodes

    def _row(self, e: LibraryEntity) -> WhoRow:
        conv = self._convert
        name, posts = conv(e.text), tuple(conv(p) for p in e.posts)
        tip = [name]
        if e.variants:
            tip.append(self.tr("Also written: {0}").format("、".join(conv(v) for v in e.variants)))
        if e.parent:
            tip.append(self.tr("Part of: {0}").format(conv(e.parent)))
        tip.extend(posts)
        if e.tier == LOW:
            tip.append(self.tr("Less certain: found on weak evidence"))
        match = fold(" ".join((e.text, name, e.normalized, *e.variants, *e.posts)))
        return WhoRow(e, name, "；".join(posts), self._labels.get(e.type, e.type), match, "\n".join(tip))

    def _expand(self) -> None:
        """Parts shown under their bodies; the less certain names stay folded unless a filter looks."""
        self.tree.expandAll()
        if self.proxy.needle():
            return
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if index.data(HEAD_ROLE):
                self.tree.collapse(index)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._expand()

    def visible_entities(self) -> list[LibraryEntity]:
        """Entities that pass the filter, in display order, folded ones included."""
        out: list[LibraryEntity] = []

        def walk(parent: QModelIndex) -> None:
            for r in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(r, 0, parent)
                entity = self.entity_at(index)
                if entity is not None:
                    out.append(entity)
                walk(index)

        walk(QModelIndex())
        return out

    def entity_at(self, index: QModelIndex) -> LibraryEntity | None:
        """The entity at a view (proxy) index; None for the heading."""
        return self.model.entity_at(self.proxy.mapToSource(index)) if index.isValid() else None

    def _double_clicked(self, index: QModelIndex) -> None:
        entity = self.entity_at(index)
        if entity is not None:
            self.entityFilterRequested.emit(entity.type, entity.normalized)
        elif index.isValid():  # the heading: double-click folds it, as trees usually do
            first = index.siblingAtColumn(0)
            self.tree.setExpanded(first, not self.tree.isExpanded(first))
