"""The end of an import, spread over turns of the event loop so that the window never stops for long."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reader.app.reports import ImportReport
from reader.ui.app import SWITCH_INTERVAL_S
from reader.ui.main_window import MainWindow


def test_the_window_asks_for_the_interpreter_lock_to_be_handed_over_quickly(window: MainWindow) -> None:
    assert sys.getswitchinterval() == SWITCH_INTERVAL_S


def test_steps_run_in_order_each_on_its_own_turn(window: MainWindow, qtbot: QtBot) -> None:
    """What a step leaves queued (a paint, a key press, here a zero-delay call) runs before the next step."""
    order: list[str] = []

    def first() -> None:
        order.append("first")
        QTimer.singleShot(0, lambda: order.append("queued by first"))

    window._in_turns([first, lambda: order.append("second")])
    assert order == []  # nothing runs within the call
    qtbot.waitUntil(lambda: len(order) == 3, timeout=5000)
    assert order == ["first", "queued by first", "second"]


def test_an_import_report_opens_its_document_before_it_is_announced(window: MainWindow, qtbot: QtBot) -> None:
    shown = window.current
    assert shown is not None
    other = next(s.id for s in window.library.all_summaries() if s.id != shown.id)
    with qtbot.waitSignal(window.importFinished, timeout=5000) as announced:
        window.imports.importFinished.emit(ImportReport(imported=[other]))
        assert window.current is not None and window.current.id == shown.id  # not within the report's turn
    assert announced.args[0].imported == [other]
    assert window.current is not None and window.current.id == other
    assert window.pane.toPlainText()  # its text is shown


def test_a_background_report_leaves_the_open_document_open(window: MainWindow, qtbot: QtBot) -> None:
    shown = window.current
    assert shown is not None
    other = next(s.id for s in window.library.all_summaries() if s.id != shown.id)
    with qtbot.waitSignal(window.importFinished, timeout=5000):
        window.imports.importFinished.emit(ImportReport(imported=[other], background=True))
    assert window.current is not None and window.current.id == shown.id


def test_warming_the_glyphs_of_a_text_leaves_the_pane_as_it_was(window: MainWindow) -> None:
    before = window.pane.toPlainText()
    document = window.pane.document()
    for step in window.pane.glyph_warmers("國務院關於進一步加強和改進工作的意見 𠗣 " * 200):
        step()
    assert window.pane.toPlainText() == before
    assert window.pane.document() is document
