"""The Entities tab: who and what the open document mentions, grouped by kind, most mentioned first.

Only names found on good evidence are shown at first; the others of each kind wait, folded, under
"Less certain", so a reader can trust the first screen and still find the rest. A part of a body (its
party group, a committee) sits under the body when both are listed; a name shows in full, with the
other forms merged into it (王书 for 王书平, 中 for 中国) in its tooltip.

The panel only shows and reports: a click asks the window to highlight every mention (`entityActivated`),
a double-click asks it to narrow the document list to documents mentioning the entity
(`entityFilterRequested`). Keeping the reading pane and the document list out of this widget lets the
same panel serve any view that has spans to highlight.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.core.entities import TYPES, Entity
from reader.core.text.normalise import normalise
from reader.ui.list_models import Node, TreeModel

Index = QModelIndex | QPersistentModelIndex

MATCH_ROLE = Qt.ItemDataRole.UserRole + 2  # what the filter box matches: text, normalised form, posts
LOW = "low"  # the tier of names found on weak evidence (`reader.core.entities.Mention.tier`)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def fold(text: str) -> str:
    """The form the filter compares: one script, NFKC, case-folded, so 醫 finds 医 and ＡＩ finds ai."""
    try:
        return normalise(text).casefold()
    except UnicodeError:  # lone surrogates cannot go through OpenCC
        return text.casefold()


def next_span(spans: Sequence[tuple[int, int]], offset: int, *, backwards: bool = False) -> tuple[int, int] | None:
    """The mention after (or before) `offset`, wrapping around: what F3 and Shift+F3 step to.

    `spans` must be sorted by start, as `Entity.spans` is.
    """
    if not spans:
        return None
    starts = [s for s, _ in spans]
    if backwards:
        i = bisect.bisect_left(starts, offset) - 1
        return spans[i] if i >= 0 else spans[-1]
    i = bisect.bisect_right(starts, offset)
    return spans[i] if i < len(spans) else spans[0]


class NeedleFilter(QSortFilterProxyModel):
    """Keeps the rows whose match text (in `match_role`) contains the folded filter text, so a filter
    typed in either script finds names in both."""

    def __init__(self, match_role: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._match_role = match_role

    def needle(self) -> str:
        return self._needle

    def set_needle(self, text: str) -> None:
        needle = fold(text.strip())
        if needle == self._needle:
            return
        if hasattr(self, "endFilterChange"):  # Qt 6.10+: the non-deprecated way
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._needle = needle
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in str(index.data(self._match_role) or "")


class EntityFilterModel(NeedleFilter):
    """Entity rows matching the filter; a group stays while any of its entities does (recursive
    filtering), and a group's own name never matches."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(MATCH_ROLE, parent)
        self.setRecursiveFilteringEnabled(True)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.needle() and not source_parent.isValid():
            return False  # a group: shown only through its children
        return super().filterAcceptsRow(source_row, source_parent)


class Heading(NamedTuple):
    """A kind of entity as the tree shows it, or its folded "less certain" part: its translated name
    and how many entities it holds."""

    kind: str
    label: str
    size: int  # how many entities it holds (parts nested under their body included)
    low: bool = False  # the folded group of names found on weak evidence


class EntityRow(NamedTuple):
    """An entity with what its row shows, computed once when the list is set."""

    entity: Entity
    match: str
    tooltip: str


class EntityTreeModel(TreeModel[Heading, EntityRow]):
    """Kinds as headings, entities under them, a body's parts under the body, the less certain names
    in a heading of their own; three columns (name, mentions, details)."""

    def __init__(self, headers: Any, parent: Any = None) -> None:
        super().__init__(headers, _heading_cell, _entity_cell, parent, selectable_heads=True)

    def entity_at(self, index: Index) -> Entity | None:
        row = self.row_at(index)
        return None if row is None else row.entity


class Nestable(Protocol):
    """What nesting needs of an entity: its name and the name of the body it is a part of."""

    @property
    def normalized(self) -> str: ...

    @property
    def parent(self) -> str | None: ...


E = TypeVar("E", bound=Nestable)
N = TypeVar("N")


def nest_parts(entities: Sequence[E], node: Callable[[E, list[N]], N]) -> list[N]:
    """`entities` as tree nodes (`node(entity, children)`), each part under its body when the body is
    among them (长沙市卫健委党组 under 长沙市卫健委), keeping the given order at every level.

    A body is found by its normalised name within the same list only, so a part never moves into
    another kind or tier; a chain of parts nests as deep as it goes, and a loop is cut."""
    by_name: dict[str, E] = {e.normalized: e for e in entities}
    up: dict[str, str] = {}
    for e in entities:
        body, seen = e.parent, {e.normalized}
        while body is not None and body in by_name and body not in seen:
            seen.add(body)
            body = by_name[body].parent
        if e.parent is not None and e.parent in by_name and body != e.normalized:  # not on a loop
            up[e.normalized] = e.parent
    under: dict[str | None, list[E]] = {}
    for e in entities:
        under.setdefault(up.get(e.normalized), []).append(e)

    def build(body: str | None) -> list[N]:
        return [node(e, build(e.normalized)) for e in under.get(body, [])]

    return build(None)


def _heading_cell(head: Heading, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return (head.label, str(head.size), "")[column]
    if role == Qt.ItemDataRole.FontRole and column == 0:
        font = QFont()
        if head.low:
            font.setItalic(True)
        else:
            font.setBold(True)
        return font
    if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
        return _RIGHT
    return None


def _entity_cell(row: EntityRow, column: int, role: int) -> Any:
    entity = row.entity
    if role == Qt.ItemDataRole.DisplayRole:
        if column == 0:
            return entity.text
        if column == 1:
            return str(entity.count)
        return "；".join(entity.posts) if entity.posts else (entity.value or "")
    if role == Qt.ItemDataRole.ToolTipRole:
        return row.tooltip
    if role == MATCH_ROLE and column == 0:
        return row.match
    if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
        return _RIGHT
    return None


class EntitiesPanel(QWidget):
    entityActivated = Signal(object)  # Entity: highlight all its spans
    entityFilterRequested = Signal(str, str)  # type, normalized: show documents mentioning it

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names_width = 120  # the longest name shown, in pixels (`show_entities`)
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("entityFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_changed)

        self.model = EntityTreeModel(lambda: (self.tr("Entity"), self.tr("Count"), self.tr("Details")), self)
        self.proxy = EntityFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.tree = QTreeView()
        self.tree.setObjectName("entityTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setExpandsOnDoubleClick(False)  # double-click on an entity filters the document list
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        # The counts take what the names leave (the last section stretches). Sized to their contents, the
        # header measured every row again at each change of the tree: most of the time a document's
        # names took to show.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.tree.fontMetrics().horizontalAdvance("00000") + 12)
        self.tree.clicked.connect(self._clicked)
        self.tree.doubleClicked.connect(self._double_clicked)

        # Keyboard first: Return highlights, Ctrl+Return filters; both are in the context menu too.
        self.act_highlight = QAction(self.tr("&Highlight in Text"), self)
        self.act_highlight.setObjectName("entityHighlight")
        self.act_highlight.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.act_highlight.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_highlight.triggered.connect(lambda: self._emit_activated(self.tree.currentIndex()))
        self.act_documents = QAction(self.tr("Show &Documents Mentioning It"), self)
        self.act_documents.setObjectName("entityDocuments")
        self.act_documents.setShortcut(QKeySequence("Ctrl+Return"))
        self.act_documents.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_documents.triggered.connect(lambda: self._double_clicked(self.tree.currentIndex()))
        self.act_copy = QAction(self.tr("&Copy"), self)
        self.act_copy.setShortcut(QKeySequence.StandardKey.Copy)
        self.act_copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_copy.triggered.connect(self._copy)
        for action in (self.act_highlight, self.act_documents, self.act_copy):
            self.tree.addAction(action)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.message = QLabel()
        self.message.setObjectName("entityMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        self._entities: list[Entity] = []

    # -- what is shown -----------------------------------------------------------------------------
    def group_label(self, kind: str) -> str:
        labels = {
            "person": self.tr("People"),
            "org": self.tr("Organisations"),
            "place": self.tr("Places"),
            "date": self.tr("Dates"),
            "figure": self.tr("Figures"),
            "term": self.tr("Terms"),
            "title": self.tr("Titles"),
        }
        return labels.get(kind, kind)

    def show_entities(self, entities: Sequence[Entity]) -> None:
        """Replace what is shown; kinds in a fixed order, entities most mentioned first, the names of
        each kind found on weak evidence folded under "Less certain"."""
        self._entities = list(entities)
        nodes: list[Node[Heading, EntityRow]] = []
        for kind in TYPES:
            group = sorted(
                (e for e in entities if e.type == kind),
                key=lambda e: (-e.count, e.spans[0][0] if e.spans else 0, e.normalized),
            )
            if not group:
                continue
            sure = [e for e in group if e.tier != LOW]
            unsure = [e for e in group if e.tier == LOW]
            children = self._nodes(sure)
            if unsure:
                folded = Heading(kind, self.tr("Less certain"), len(unsure), low=True)
                children.append(Node(head=folded, children=self._nodes(unsure)))
            nodes.append(Node(head=Heading(kind, self.group_label(kind), len(sure)), children=children))
        self.model.set_nodes(nodes)
        self._expand()
        # The names' column as wide as its longest name (or heading), measured here from the strings: the
        # view's own `resizeColumnToContents` asks the model for every row again. Long quoted terms must not
        # push the counts out of sight.
        metrics = self.tree.fontMetrics()
        labels = [self.group_label(kind) for kind in TYPES] + [self.tr("Less certain")]
        longest = max((metrics.horizontalAdvance(text) for text in [*labels, *(e.text for e in entities)]), default=0)
        self._names_width = longest + 3 * self.tree.indentation() + 2 * metrics.averageCharWidth()
        self._fit_names()
        if entities:
            self.message.hide()
        else:
            self._say(self.tr("No entities found in this document."))

    def _fit_names(self) -> None:
        """The names' column at its longest name, but never past 60 % of the panel, so the counts stay in
        sight; fitted again when the panel is shown or resized (it may be filled while its tab is hidden)."""
        widest = max(120, int(self.tree.viewport().width() * 0.6))
        self.tree.setColumnWidth(0, min(self._names_width, widest))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_names()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_names()

    def _nodes(self, entities: Sequence[Entity]) -> list[Node[Heading, EntityRow]]:
        return nest_parts(entities, lambda e, children: Node(row=self._row(e), children=children))

    def _expand(self) -> None:
        """Everything open except the less certain names, unless a filter is looking for something. Opened
        node by node: `expandAll` and then `collapse` of each less certain group laid the whole tree out at
        every call (some 100 ms of the window's thread for 200 names, on every document shown)."""
        if self.proxy.needle():
            self.tree.expandAll()
            return
        for index in self.model.opened(lambda head: not head.low):
            self.tree.expand(self.proxy.mapFromSource(index))
        for index, head in self.model.heads():  # folded again when a filter that opened them is cleared
            shown = self.proxy.mapFromSource(index)
            if head.low and self.tree.isExpanded(shown):
                self.tree.collapse(shown)

    def _row(self, entity: Entity) -> EntityRow:
        tip_lines = [entity.text]
        if entity.normalized != entity.text:
            tip_lines.append(entity.normalized)
        if entity.variants:
            tip_lines.append(self.tr("Also written: {0}").format("、".join(entity.variants)))
        if entity.parent:
            tip_lines.append(self.tr("Part of: {0}").format(entity.parent))
        tip_lines.extend(entity.posts)
        if entity.value:
            tip_lines.append(entity.value)
        if entity.tier == LOW:
            tip_lines.append(self.tr("Less certain: found on weak evidence"))
        tip_lines.append(self.tr("{0} mentions · click to highlight, double-click for documents").format(entity.count))
        match = fold(" ".join((entity.text, entity.normalized, *entity.variants, *entity.posts)))
        return EntityRow(entity, match, "\n".join(tip_lines))

    def show_pending(self) -> None:
        """The document's entities are being extracted; the window calls `show_entities` when ready."""
        self._clear_rows()
        self._say(self.tr("Finding people, places and organisations…"))

    def clear(self) -> None:
        self._clear_rows()
        self.message.hide()

    def entities(self) -> list[Entity]:
        return list(self._entities)

    def visible_entities(self) -> list[Entity]:
        """Entities that pass the filter, in display order, folded ones included (for tests and
        keyboard stepping)."""
        out: list[Entity] = []

        def walk(parent: QModelIndex) -> None:
            for r in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(r, 0, parent)
                entity = self._entity_at(index)
                if entity is not None:
                    out.append(entity)
                walk(index)

        walk(QModelIndex())
        return out

    def index_of(self, entity: Entity) -> QModelIndex:
        """The proxy index of an entity's row, or an invalid index when it is filtered out."""
        return self.proxy.mapFromSource(self.model.index_of(lambda row: row.entity == entity))

    def _clear_rows(self) -> None:
        self._entities = []
        self.model.set_nodes([])

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- user actions ------------------------------------------------------------------------------
    def _filter_changed(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._expand()

    def _entity_at(self, index: QModelIndex) -> Entity | None:
        if not index.isValid():
            return None
        return self.model.entity_at(self.proxy.mapToSource(index))

    def _emit_activated(self, index: QModelIndex) -> None:
        entity = self._entity_at(index)
        if entity is not None:
            self.entityActivated.emit(entity)

    def _clicked(self, index: QModelIndex) -> None:
        self._emit_activated(index)

    def _double_clicked(self, index: QModelIndex) -> None:
        entity = self._entity_at(index)
        if entity is not None:
            self.entityFilterRequested.emit(entity.type, entity.normalized)
        elif index.isValid():  # a group heading: double-click folds it, as trees usually do
            first = index.siblingAtColumn(0)
            self.tree.setExpanded(first, not self.tree.isExpanded(first))

    def _copy(self) -> None:
        entity = self._entity_at(self.tree.currentIndex())
        if entity is not None:
            QGuiApplication.clipboard().setText(entity.text)
