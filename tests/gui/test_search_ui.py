"""Searching the library and the open document from the window, in either script."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from writing import write


def test_search_box_filters_the_list_cross_script(window: MainWindow, qtbot: QtBot) -> None:
    window.search.act_search.trigger()
    assert window.search_box.edit.hasFocus() or window.search_box.edit.isVisible()
    with qtbot.waitSignal(window.search_box.queryChanged, timeout=2000):  # debounced, not per key
        window.search_box.edit.setText("醫院")  # traditional query, simplified documents
    rows = window.model.rowCount()
    assert 0 < rows < 5
    assert window.search_box.status.text().startswith(str(rows))
    hits = window.reading.layer("search")
    assert hits
    text = window.reading.base_text
    assert all(text[s:e] in ("医院", "醫院") for s, e, _ in hits)
    assert window.reading.layer("current")  # scrolled to the first hit
    window.search_box.edit.clear()
    window.search_box.flush()
    assert window.model.rowCount() == 5


def test_bad_query_is_explained_not_raised(window: MainWindow) -> None:
    window.search_box.edit.setText('"千县')
    window.search_box.flush()
    assert window.search_box.status.isVisible() or window.search_box.status.text()
    assert "quote" in window.search_box.status.text()
    assert window.model.rowCount() == 5


def test_escape_clears_the_search(window: MainWindow, qtbot: QtBot) -> None:
    window.search_box.edit.setText("罗勇")
    window.search_box.flush()
    assert window.model.rowCount() == 1
    window.search_box.edit.setFocus()
    with qtbot.waitSignal(window.search_box.queryChanged, timeout=2000):
        qtbot.keyClick(window.search_box.edit, "\x1b")
    assert window.search_box.text() == ""
    assert window.model.rowCount() == 5


def test_find_in_document_counts_and_steps(window: MainWindow) -> None:
    doc_id = next(s.id for s in window.library.all_summaries() if s.filename.startswith("004"))
    window.select_document(doc_id)
    window.finder.act_find.trigger()
    window.find_bar.edit.setText("羅勇")  # traditional form of 罗勇
    window.find_bar.flush()
    text = window.reading.base_text
    total = text.count("罗勇")
    assert total > 1
    assert window.find_bar.count.text() == f"1 of {total}"
    first = window.reading.layer("current")[0][:2]
    window.finder.act_find_next.trigger()
    assert window.find_bar.count.text() == f"2 of {total}"
    assert window.reading.layer("current")[0][:2] != first
    window.finder.act_find_prev.trigger()
    window.finder.act_find_prev.trigger()
    assert window.find_bar.count.text() == f"{total} of {total}"
    window.find_bar.close_bar()
    assert not window.find_bar.isVisible()


def test_facets_count_and_filter(window: MainWindow) -> None:
    facets = window.facets
    groups = {facets.topLevelItem(i).text(0): facets.topLevelItem(i) for i in range(facets.topLevelItemCount())}  # type: ignore[union-attr]
    assert "Sources" in groups and "Years" in groups
    years = groups["Years"]
    counts = {years.child(i).text(0): int(years.child(i).text(1)) for i in range(years.childCount())}  # type: ignore[union-attr]
    assert sum(counts.values()) == sum(1 for s in window.library.all_summaries() if s.date)
    year, expected = next(iter(counts.items()))
    child = next(years.child(i) for i in range(years.childCount()) if years.child(i).text(0) == year)  # type: ignore[union-attr]
    facets.itemClicked.emit(child, 0)
    assert window.search_box.text() == f"date:{year}"
    assert window.model.rowCount() == expected


def test_results_show_a_snippet_with_the_hit_in_the_view_script(window: MainWindow) -> None:
    from reader.core.script import Script
    from reader.ui.document_model import DocumentTableModel

    title = DocumentTableModel.TITLE_COLUMN
    one_line = window.table.verticalHeader().defaultSectionSize()
    assert window.model.index(0, title).data(DocumentTableModel.SnippetRole) is None
    window.search_box.edit.setText("醫院")
    window.search_box.flush()
    # The snippet is drawn under the title, in a row twice as tall, not in a column of its own.
    assert window.table.verticalHeader().defaultSectionSize() > one_line * 1.5
    assert window.model.index(0, 1).data(DocumentTableModel.SnippetRole) is None
    text, spans = window.model.index(0, title).data(DocumentTableModel.SnippetRole)
    assert spans and all(text[s:e] == "医院" for s, e in spans)
    window.view.set_script(Script.HANT)
    text, spans = window.model.index(0, title).data(DocumentTableModel.SnippetRole)
    assert all(text[s:e] == "醫院" for s, e in spans)
    window.search_box.edit.clear()
    window.search_box.flush()
    assert window.model.index(0, title).data(DocumentTableModel.SnippetRole) is None
    assert window.table.verticalHeader().defaultSectionSize() == one_line


def test_best_matches_lead_until_the_reader_sorts(window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    window.search_box.edit.setText("医院")
    window.search_box.flush()
    titles = [window.library.get(window.model.id_at(r)).summary.title for r in range(window.model.rowCount())]  # type: ignore[union-attr]
    assert any("医院" in t for t in titles)
    assert "医院" in titles[0]  # a title hit ranks first
    assert window.current is not None and window.current.id == window.model.id_at(0)
    window.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    lengths = [window.library.get(window.model.id_at(r)).summary.chars for r in range(window.model.rowCount())]  # type: ignore[union-attr]
    assert lengths == sorted(lengths)


def test_opening_an_annotation_hidden_by_the_search_clears_it(window: MainWindow) -> None:
    doc_id = next(s.id for s in window.library.all_summaries() if s.filename.startswith("004"))
    text = window.library.get(doc_id).text  # type: ignore[union-attr]
    start = text.index("罗勇")
    made = write(window, lambda lib: lib.annotations.create(doc_id, start, start + 2))
    window.search.set_query("寿阳县")  # a search the annotated document does not match
    assert window.model.row_of(doc_id) is None
    window.annotations.open_at(doc_id, made.uuid)
    assert window.search_box.text() == "" and window.model.rowCount() == 5
    assert window.current is not None and window.current.id == doc_id
    assert window.reading.selected_span() == (start, start + 2)
