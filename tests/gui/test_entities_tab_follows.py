"""The Entities tab follows the open document: at once when it is the tab shown, right after the document is
drawn when another tab is in front, and never shows another document than the open one once it is seen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow


def test_behind_another_tab_it_follows_after_the_document_is_drawn(window: MainWindow, qtbot: QtBot) -> None:
    window.side.setCurrentWidget(window.annotations.panel)
    first, second = window.library.ids()[:2]
    window.select_document(first)
    qtbot.waitUntil(lambda: window.entities.doc is not None and window.entities.doc.id == first)
    window.select_document(second)
    assert window.current is not None and window.current.id == second
    assert window.entities.doc is not None and window.entities.doc.id == first  # not yet: after the paint
    qtbot.waitUntil(lambda: window.entities.doc is not None and window.entities.doc.id == second)


def test_shown_it_follows_at_once_and_catches_up_when_brought_forward(window: MainWindow, qtbot: QtBot) -> None:
    first, second, third = window.library.ids()[:3]
    window.side.setCurrentWidget(window.entities.panel)
    window.select_document(first)
    assert window.entities.doc is not None and window.entities.doc.id == first
    window.side.setCurrentWidget(window.info)
    window.select_document(second)
    window.select_document(third)
    window.side.setCurrentWidget(window.entities.panel)  # before the event loop ran: caught up on the spot
    assert window.entities.doc is not None and window.entities.doc.id == third
