"""Restore line in the Removed tab leaves the keyboard where the reader was: on the tab's button, with the
line that took the restored one's row current, never on the library's search box across the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow


def _restore_current(window: MainWindow, qtbot: QtBot) -> None:
    """Restore the current line and wait until the panel lists one line fewer (the writer's other news,
    such as entities found meanwhile, is not the restore's)."""
    panel = window.removed_panel
    rows = panel.row_count()
    panel.restore_button.click()
    qtbot.waitUntil(lambda: panel.row_count() == rows - 1, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)


def test_restore_line_keeps_the_focus_in_the_removed_tab(window: MainWindow, qtbot: QtBot) -> None:
    doc = next(d for i in window.library.ids() if (d := window.library.get(i)) is not None and len(d.removed) > 2)
    window.select_document(doc.id)
    window.side.setCurrentWidget(window.removed_panel)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.removed_panel
    panel.tree.setCurrentIndex(panel.model.index(0, 0))
    second = doc.removed[1].line
    panel.restore_button.setFocus()
    _restore_current(window, qtbot)
    assert window.library.get(doc.id).overrides.get(doc.removed[0].line) is True  # type: ignore[union-attr]
    assert QApplication.focusWidget() is panel.restore_button
    assert QApplication.focusWidget() is not window.search_box.edit
    assert panel.current_line() == second  # the next removed line took the row


def test_the_last_line_restored_leaves_the_focus_on_the_list(window: MainWindow, qtbot: QtBot) -> None:
    doc = next(d for i in window.library.ids() if (d := window.library.get(i)) is not None and d.removed)
    window.select_document(doc.id)
    window.side.setCurrentWidget(window.removed_panel)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.removed_panel
    for _ in range(len(doc.removed)):
        panel.tree.setCurrentIndex(panel.model.index(0, 0))
        panel.restore_button.setFocus()
        _restore_current(window, qtbot)
    assert panel.row_count() == 0
    assert QApplication.focusWidget() is panel.tree
