"""A window that fits 1024×680: the side panel collapses (View ▸ Side Panel, F9, remembered) and the
reading pane keeps about 30 characters a line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from reader.ui.main_window import READING_MIN_CHARS, MainWindow


def _chars_a_line(window: MainWindow) -> float:
    pane = window.pane
    return pane.viewport().width() / QFontMetrics(pane.font()).horizontalAdvance("中")


def test_side_panel_collapses_and_comes_back(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1280, 820)
    qtbot.waitUntil(lambda: window.splitter.sizes()[2] > 0)
    action = window.act_side_panel
    assert action.isChecked() and action.shortcut().toString() == "F9"
    reading_before = window.splitter.sizes()[1]
    action.trigger()
    assert window.splitter.sizes()[2] == 0 and not action.isChecked()
    assert window.splitter.sizes()[1] > reading_before  # the reading pane takes the room
    action.trigger()
    assert window.splitter.sizes()[2] >= window.side.minimumWidth() and action.isChecked()


def test_a_collapsed_side_panel_stays_collapsed_next_time(
    window: MainWindow, qtbot: QtBot, seeded_library: Path, tmp_path: Path
) -> None:
    from reader.ui.app import create_window

    window.set_side_panel_shown(False)
    window.close()
    window.library.close()
    again = create_window(seeded_library, config_dir=tmp_path / "config")
    qtbot.addWidget(again)
    try:
        again.show()
        qtbot.waitExposed(again)
        assert again.splitter.sizes()[2] == 0 and not again.act_side_panel.isChecked()
    finally:
        again.close()
        again.library.close()


def test_dragging_the_panel_shut_unchecks_the_menu_entry(window: MainWindow, qtbot: QtBot) -> None:
    sizes = window.splitter.sizes()
    window.splitter.moveSplitter(window.splitter.width(), 2)  # as dragging the handle to the right edge
    assert window.splitter.sizes()[2] == 0, sizes
    assert not window.act_side_panel.isChecked()


def test_reading_pane_keeps_thirty_characters_at_1024(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1024, 680)
    qtbot.waitUntil(lambda: window.width() <= 1024)
    assert window.splitter.sizes()[2] > 0  # the side panel still fits
    assert _chars_a_line(window) >= READING_MIN_CHARS - 1
    window.set_side_panel_shown(False)
    window.set_side_panel_shown(True)  # opening it again takes room from the list, not below the minimum
    assert _chars_a_line(window) >= READING_MIN_CHARS - 1 and window.splitter.sizes()[2] > 0


def test_half_a_wide_screen_still_holds_the_window(window: MainWindow, qtbot: QtBot) -> None:
    """The 30 characters are kept by taking room from the panes beside the text, not by a hard minimum
    that would stop the window from being narrower than about 1000 pixels."""
    assert window.minimumSizeHint().width() <= 960
    window.resize(960, 680)
    qtbot.waitUntil(lambda: window.width() <= 960)
    left, reading, side = window.splitter.sizes()
    assert side > 0 and left >= 160
    assert reading >= window.reading.minimumWidth()
