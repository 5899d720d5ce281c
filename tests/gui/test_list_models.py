"""Every thin model of the side panels and dialogs passes Qt's model tester, filled as a user sees it.

The Entities tab and Who's Who are checked beside their own tests; here the models built on the same
shared classes (`reader.ui.list_models`): the Annotations tab (headings and rows side by side), the
annotations browser and the Removed tab (flat tables), and the tree model itself at several depths.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.core.annotations.model import DEFAULT_COLORS
from reader.core.cleaning import Removed
from reader.store.library import Library
from reader.ui.annotations_browser import AnnotationsBrowser
from reader.ui.annotations_panel import AnnotationsPanel
from reader.ui.list_models import Node, TreeModel
from reader.ui.removed_panel import RemovedPanel


@pytest.fixture
def library(seeded_library: Path) -> Iterator[Library]:
    with Library(seeded_library) as lib:
        yield lib


def _annotate(lib: Library) -> int:
    summary = next(iter(lib.all_summaries()))
    doc = lib.get(summary.id)
    assert doc is not None
    for n, start in enumerate((0, 20, 40)):
        lib.annotations.create(summary.id, start, start + 8, note=f"note {n}", tags=("tag",) if n else ())
    return summary.id


def test_annotations_tab_model(qtbot: QtBot, qtmodeltester: ModelTester, library: Library) -> None:
    doc_id = _annotate(library)
    panel = AnnotationsPanel()
    qtbot.addWidget(panel)
    annotations = library.annotations.for_document(doc_id)
    orphaned = [*annotations[:2], replace(annotations[2], orphan=True)]
    panel.show_annotations(orphaned, DEFAULT_COLORS)
    assert panel.model.rowCount() == 3  # two placed, one heading holding the orphan
    assert panel.model.rowCount(panel.model.index(2, 0)) == 1
    qtmodeltester.check(panel.model)
    panel.show_annotations([], DEFAULT_COLORS)
    qtmodeltester.check(panel.model)


def test_annotations_browser_model(qtbot: QtBot, qtmodeltester: ModelTester, library: Library) -> None:
    _annotate(library)
    browser = AnnotationsBrowser(library, DEFAULT_COLORS)
    qtbot.addWidget(browser)
    assert browser.model.rowCount() == 3
    qtmodeltester.check(browser.model)
    browser.tag_box.setCurrentIndex(browser.tag_box.findData("tag"))
    assert browser.model.rowCount() == 2
    qtmodeltester.check(browser.model)


def test_removed_tab_model(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    panel = RemovedPanel()
    qtbot.addWidget(panel)
    removed = [Removed(3, "首页 > 新闻", "nav"), Removed(9, "版权所有", "footer"), Removed(12, "相关阅读", "links")]
    panel.show_removed(removed, {9: False})
    assert panel.row_count() == 3
    qtmodeltester.check(panel.model)
    panel.show_removed([], {})
    qtmodeltester.check(panel.model)


def _cell(value: Any, column: int, role: int) -> Any:
    return f"{value}:{column}" if role == Qt.ItemDataRole.DisplayRole else None


def test_tree_model_at_any_depth(qtmodeltester: ModelTester) -> None:
    model: TreeModel[str, str] = TreeModel(lambda: ("a", "b"), _cell, _cell)
    model.set_nodes(
        [
            Node(row="r1", children=[Node(row="r1.1", children=[Node(row="r1.1.1")]), Node(row="r1.2")]),
            Node(head="h", children=[Node(row="r2", children=[Node(row="r2.1")])]),
            Node(head="empty"),
        ]
    )
    qtmodeltester.check(model)
    deep = model.index_of(lambda row: row == "r1.1.1")
    assert deep.data() == "r1.1.1:0"
    assert deep.parent().data() == "r1.1:0" and deep.parent().parent().data() == "r1:0"
    assert not deep.parent().parent().parent().isValid()
    assert model.rows() == ["r1", "r1.1", "r1.1.1", "r1.2", "r2", "r2.1"]
    assert [head for _, head in model.heads()] == ["h", "empty"]
    head = model.index(1, 0)
    assert model.head_at(head) == "h" and model.row_at(head) is None
    assert model.row_at(model.index(0, 0, head)) == "r2"
    assert not model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsSelectable  # headings are not rows
    assert model.flags(deep) & Qt.ItemFlag.ItemNeverHasChildren
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemNeverHasChildren
    model.set_nodes([])
    assert model.rowCount() == 0 and not model.index_of(lambda row: True).isValid()
    assert model.row_at(QModelIndex()) is None
    qtmodeltester.check(model)
