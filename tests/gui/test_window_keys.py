"""Window shortcuts reach the window while a text box of it has the keyboard focus.

On X11 a QLineEdit claims Ctrl+E, Ctrl+U and Ctrl+K as Emacs-style edits before any shortcut; the
offscreen platform of the tests binds the Windows keys, where it does not. So the first tests send the
shortcut check as Qt does and find it claimed already, as the X11 line edit leaves it, and the box must
hand it back; the others press the keys end to end.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _focus_search(window: MainWindow, qtbot: QtBot, text: str) -> None:
    edit = window.search_box.edit
    edit.setText(text)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setCursorPosition(0)


def _claimed(edit: QLineEdit, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> bool:
    """Whether the box keeps the key from the window's shortcuts, claimed beforehand as on X11."""
    check = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
    check.accept()
    edit.event(check)  # the box alone, as the first to be asked (Qt passes an unclaimed check up the parents)
    return check.isAccepted()


def test_the_search_box_leaves_the_window_keys_to_the_window(window: MainWindow, qtbot: QtBot) -> None:
    _focus_search(window, qtbot, "医院")
    for key in (Qt.Key.Key_E, Qt.Key.Key_U, Qt.Key.Key_K):
        assert not _claimed(window.search_box.edit, key), key
    # Keys no window action has, and the editing keys, stay the box's.
    assert _claimed(window.search_box.edit, Qt.Key.Key_C)
    assert _claimed(window.search_box.edit, Qt.Key.Key_V)
    assert _claimed(window.search_box.edit, Qt.Key.Key_Z)


def test_the_find_bar_leaves_the_window_keys_to_the_window(window: MainWindow, qtbot: QtBot) -> None:
    window.find_bar.open_bar("医院")
    qtbot.waitUntil(window.find_bar.edit.hasFocus)
    for key in (Qt.Key.Key_E, Qt.Key.Key_U, Qt.Key.Key_K):
        assert not _claimed(window.find_bar.edit, key), key


def test_ctrl_u_shows_the_original_while_the_search_box_has_focus(window: MainWindow, qtbot: QtBot) -> None:
    _focus_search(window, qtbot, "医院")
    assert not window.view.act_original.isChecked()
    qtbot.keyClick(window.search_box.edit, Qt.Key.Key_U, CTRL)
    assert window.view.act_original.isChecked()
    assert window.search_box.edit.text() == "医院"  # not deleted as a line


def test_ctrl_e_opens_the_export_dialog_while_the_search_box_has_focus(window: MainWindow, qtbot: QtBot) -> None:
    _focus_search(window, qtbot, "医院")
    opened: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            opened.append(type(dialog).__name__)
            dialog.reject()

    QTimer.singleShot(0, close_it)
    with qtbot.waitSignal(window.exports.act_export.triggered, timeout=5000):
        qtbot.keyClick(window.search_box.edit, Qt.Key.Key_E, CTRL)
    assert opened == ["ExportDialog"]
    assert window.search_box.edit.cursorPosition() == 0  # not moved to the end of the line


def test_ctrl_k_in_the_search_box_keeps_what_was_typed(window: MainWindow, qtbot: QtBot) -> None:
    _focus_search(window, qtbot, "医院 date:2023")
    with qtbot.waitSignal(window.search.act_search.triggered, timeout=5000):
        qtbot.keyClick(window.search_box.edit, Qt.Key.Key_K, CTRL)
    assert window.search_box.edit.text() == "医院 date:2023"


def test_editing_keys_stay_with_the_search_box(window: MainWindow, qtbot: QtBot) -> None:
    """Undo and select-all are the box's own, although the window has actions on the same keys."""
    _focus_search(window, qtbot, "")
    window.search_box.edit.insert("医院")
    qtbot.keyClick(window.search_box.edit, Qt.Key.Key_A, CTRL)
    assert window.search_box.edit.selectedText() == "医院"
    qtbot.keyClick(window.search_box.edit, Qt.Key.Key_Z, CTRL)
    assert window.search_box.edit.text() != "医院"


def test_ctrl_u_shows_the_original_while_the_find_bar_has_focus(window: MainWindow, qtbot: QtBot) -> None:
    window.find_bar.open_bar("医院")
    qtbot.waitUntil(window.find_bar.edit.hasFocus)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_U, CTRL)
    assert window.view.act_original.isChecked()
    assert window.find_bar.edit.text() == "医院"
