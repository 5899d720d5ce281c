"""The Original view is a choice the reader makes for one document: a click in the Removed tab shows the
line in the original of that document only, and the next document opens in its cleaned text, where
highlights are made. Search hits stay drawn when the view switches."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow


def _with_removed_lines(window: MainWindow) -> tuple[int, int]:
    """A document that has removed lines, and another one."""
    ids = window.library.ids()
    with_removed = next(d for d in ids if (doc := window.library.get(d)) is not None and doc.removed)
    other = next(d for d in ids if d != with_removed)
    return with_removed, other


def test_a_removed_line_clicked_shows_the_original_of_that_document_only(window: MainWindow, qtbot: QtBot) -> None:
    first, other = _with_removed_lines(window)
    window.select_document(first)
    doc = window.current
    assert doc is not None
    window.removed_panel.lineActivated.emit(doc.removed[0].line)
    assert window.reading.original and window.view.act_original.isChecked()
    window.select_document(other)
    assert window.current is not None and window.current.id == other
    assert not window.reading.original
    assert not window.view.act_original.isChecked()
    # Back to the first: the reader chose its original, so it comes back that way in this session.
    window.select_document(first)
    assert window.reading.original and window.view.act_original.isChecked()


def test_the_original_switched_off_stays_off_for_that_document(window: MainWindow) -> None:
    first, other = _with_removed_lines(window)
    window.select_document(first)
    window.view.act_original.trigger()
    assert window.reading.original
    window.view.act_original.trigger()
    window.select_document(other)
    window.select_document(first)
    assert not window.reading.original


def test_search_hits_stay_drawn_when_switching_to_the_original(window: MainWindow) -> None:
    window.search_box.edit.setText("医院")
    window.search_box.flush()
    doc = window.current
    assert doc is not None and window.reading.layer("search")
    window.view.act_original.trigger()
    assert window.reading.original
    hits = window.reading.layer("search")
    assert hits
    text = window.reading.base_text
    assert all(text[s:e] in ("医院", "醫院") for s, e, _ in hits)
    window.view.act_original.trigger()
    assert not window.reading.original
    hits = window.reading.layer("search")
    assert hits and all(window.reading.base_text[s:e] in ("医院", "醫院") for s, e, _ in hits)
