"""Reading history in the list: a Last read column, unread documents in bold, View ▸ Recently Read."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow
from writing import write


def _column(window: MainWindow, key: str) -> int:
    return next(c for c, (k, _) in enumerate(window.model.COLUMNS) if k == key)


def _bold(window: MainWindow, doc_id: int) -> bool:
    row = window.model.row_of(doc_id)
    assert row is not None
    font = window.model.index(row, 0).data(Qt.ItemDataRole.FontRole)
    return font is not None and font.bold()


def test_opening_a_document_marks_it_read_and_dates_it(window: MainWindow, qtbot: QtBot) -> None:
    read = _column(window, "read")
    assert window.table.isColumnHidden(read)  # optional, like Added and Notes
    window.documents.set_column_shown(read, True)
    assert "read" in window.settings.list_columns and not window.table.isColumnHidden(read)
    assert window.model.headerData(read, Qt.Orientation.Horizontal) == "Last read"
    opened = window.current
    assert opened is not None and not _bold(window, opened.id)  # the window opened it at start
    other = next(d for d in window.library.ids() if d != opened.id)
    assert _bold(window, other) and window.model.index(window.model.row_of(other) or 0, read).data() == ""

    window.select_document(other)
    window.writes.flush()

    assert not _bold(window, other)
    shown = window.model.index(window.model.row_of(other) or 0, read).data()
    assert shown == datetime.now().astimezone().strftime("%Y-%m-%d %H:%M") or shown[:10] == str(datetime.now().date())
    assert window.library.positions.last_read(other) is not None  # written, not only drawn


def test_sorting_by_last_read(window: MainWindow) -> None:
    first, second, third, *_ = window.library.ids()
    write(window, lambda lib: lib.conn.execute("DELETE FROM reading_positions"))
    for doc_id, when in ((first, "2026-01-02T00:00:00Z"), (third, "2026-03-04T00:00:00Z")):
        write(
            window,
            lambda lib, d=doc_id, w=when: lib.conn.execute(
                "INSERT INTO reading_positions (doc_id, position, read_at) VALUES (?, 0, ?)", (d, w)
            ),
        )
    window.table.sortByColumn(_column(window, "read"), Qt.SortOrder.DescendingOrder)
    order = [window.model.id_at(r) for r in range(window.model.rowCount())]
    assert order[:2] == [third, first]  # most recently read first, never read last
    assert second in order[2:]
    window.table.sortByColumn(_column(window, "read"), Qt.SortOrder.AscendingOrder)
    order = [window.model.id_at(r) for r in range(window.model.rowCount())]
    assert order[-2:] == [first, third]


def test_recently_read_opens_a_document_even_when_the_search_hides_it(window: MainWindow, qtbot: QtBot) -> None:
    menu = window.documents.recent_menu
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert menu.menuAction() in view_menu.actions()
    ids = window.library.ids()
    for doc_id in ids[:3]:
        window.select_document(doc_id)
    window.writes.flush()
    menu.fill()
    entries = [a for a in menu.actions() if a.isEnabled()]
    titles = [window.library.summaries([d])[d].title for d in ids[:3]]
    assert [a.text().split("\t")[0][:6] for a in entries] == [t[:6] for t in reversed(titles)]  # newest first
    window.search_box.edit.setText("zzzz-nothing-matches")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    entries[-1].trigger()  # the oldest of the three
    assert window.current is not None and window.current.id == ids[0]
    assert window.search_box.edit.text() == ""


def test_recently_read_says_when_nothing_was_read(window: MainWindow) -> None:
    write(window, lambda lib: lib.conn.execute("DELETE FROM reading_positions"))
    window.documents.recent_menu.fill()
    (entry,) = window.documents.recent_menu.actions()
    assert not entry.isEnabled() and entry.text() == "No document read yet"
