"""Defects a pass over the window found: facets that went stale, tabs and columns cut off, a list too small
to use, a title lost in the dark theme, panes that forgot their widths, two library sizes, an export
dialog that forgot its choices."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from reader.app import operations as ops
from reader.ui.main_window import MainWindow


def facet_values(window: MainWindow, group: str) -> list[str]:
    facets = window.facets
    for i in range(facets.topLevelItemCount()):
        top = facets.topLevelItem(i)
        if top is not None and top.text(0) == group:
            return [child.text(0) for j in range(top.childCount()) if (child := top.child(j)) is not None]
    return []


def test_the_tags_facet_follows_the_tags_of_annotations(window: MainWindow, qtbot: QtBot) -> None:
    assert window.current is not None
    assert facet_values(window, "Tags") == []
    window.reading.select_span(0, 4)
    made = window.annotations.highlight("yellow", note="看看", tags=("政策", "待查"))
    assert made is not None
    qtbot.waitUntil(lambda: sorted(facet_values(window, "Tags")) == ["待查", "政策"], timeout=5000)
    more = dataclasses.replace(made, tags=(*made.tags, "新标签"))
    window.writes.run(lambda library: ops.put_annotation(library, more))
    qtbot.waitUntil(lambda: "新标签" in facet_values(window, "Tags"), timeout=5000)
    window.writes.run(lambda library: ops.delete_annotation(library, made.uuid))
    qtbot.waitUntil(lambda: facet_values(window, "Tags") == [], timeout=5000)
