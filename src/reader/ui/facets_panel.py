"""Facets under the search box: sources, years, tags and collections of what the list shows, each a click
from a filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

LIMIT = 12  # per group: a facet list is a hint, the search box does the rest


def filter_term(group: str, value: str) -> str:
    """The query term that narrows the library to one facet value."""
    if group == "years":
        return f"date:{value}"
    key = {"sources": "source", "collections": "collection"}.get(group, "tag")
    return f'{key}:"{value}"' if " " in value or ":" in value else f"{key}:{value}"


class FacetsPanel(QTreeWidget):
    """Holds text only: the filter term of a value is worked out from its group and its text when it is
    clicked, so no item carries data of ours."""

    termChosen = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("facets")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self._titles = {
            "sources": self.tr("Sources"),
            "years": self.tr("Years"),
            "tags": self.tr("Tags"),
            "collections": self.tr("Collections"),
        }

    def show_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        expanded, shown = set(), set()
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None:
                shown.add(item.text(0))
                if item.isExpanded():
                    expanded.add(item.text(0))
        self.clear()
        for group in ("sources", "years", "tags", "collections"):
            values = facets.get(group, [])
            if not values:
                continue
            top = QTreeWidgetItem([self._titles[group], str(len(values))])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for value, count in values[:LIMIT]:
                child = QTreeWidgetItem([value, str(count)])
                child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                top.addChild(child)
            self.addTopLevelItem(top)
            # A group keeps how the user left it; one that was not shown (a first collection) opens.
            title = self._titles[group]
            top.setExpanded(not expanded or title in expanded or title not in shown)

    def _clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        parent = item.parent()
        if parent is None:
            return  # a group heading
        groups = {title: group for group, title in self._titles.items()}
        group = groups.get(parent.text(0))
        if group is not None:
            self.termChosen.emit(filter_term(group, item.text(0)))
