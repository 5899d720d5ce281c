"""An annotation written while a `tag:` or `collection:` search is on refreshes the results and facets but
leaves the reader in the document they are annotating, at the place they are reading."""

from __future__ import annotations

import uuid

from pytestqt.qtbot import QtBot

from reader.app import operations as ops
from reader.core.annotations.model import Annotation
from reader.ui.main_window import MainWindow


def _facet(window: MainWindow, group: str) -> list[tuple[str, str]]:
    facets = window.facets
    for i in range(facets.topLevelItemCount()):
        top = facets.topLevelItem(i)
        if top is not None and top.text(0) == group:
            children = [top.child(j) for j in range(top.childCount())]
            return [(c.text(0), c.text(1)) for c in children if c is not None]
    return []


def test_highlighting_under_a_tag_search_keeps_the_open_document_and_place(window: MainWindow, qtbot: QtBot) -> None:
    ids = sorted(window.library.ids())
    first, second = ids[0], ids[1]
    for doc_id in (first, second):
        window.writes.run(lambda lib, d=doc_id: ops.set_document_tags(lib, d, ["重点"]))  # type: ignore[misc]
    window.resize(1000, 700)
    qtbot.waitExposed(window)
    window.search.set_query("tag:重点")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    # The reader opens the match that is not the best one, and reads further down.
    other = second if window.model.id_at(0) == first else first
    window.select_document(other)
    qtbot.waitUntil(lambda: window.documents.current is not None and window.documents.current.id == other)
    text = window.reading.base_text
    place = text.index("\n", len(text) // 2) + 1
    window.view.restore_position(place)
    qtbot.waitUntil(lambda: window.reading.visible_offset() > 0)
    read = window.reading.visible_offset()
    start = place
    end = min(len(text), start + 2)
    note = Annotation(
        uuid=str(uuid.uuid4()),
        doc_id=other,
        start=start,
        end=end,
        quote=text[start:end],
        prefix="",
        suffix="",
        tags=("新标签",),
    )
    window.writes.run(lambda lib: ops.put_annotation(lib, note))
    # The facets know the annotation's tag; the search still lists both documents.
    qtbot.waitUntil(lambda: ("新标签", "1") in _facet(window, "Tags"))
    assert window.model.rowCount() == 2
    assert window.search_box.text() == "tag:重点"
    current = window.documents.current
    assert current is not None and current.id == other
    assert window.reading.visible_offset() == read
    window.writes.run(lambda lib: ops.delete_annotation(lib, note.uuid))
    qtbot.waitUntil(lambda: ("新标签", "1") not in _facet(window, "Tags"))
    current = window.documents.current
    assert current is not None and current.id == other
    assert window.reading.visible_offset() == read
