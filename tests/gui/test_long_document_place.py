"""The place in a long document survives a script switch and a reopening: Qt lays a long text out a part at
a time, and a scroll to a place past the part laid out was cut short at its end (paragraph 25 of 3,000,
whatever the place)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.script import Script
from reader.ui.main_window import MainWindow

PARAGRAPHS = 3000


def _long_document(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> int:
    body = "养老服务设施建设稳步推进，社区居家养老服务网络不断完善，服务质量持续提升。" * 2
    path = tmp_path / "long.txt"
    paragraphs = [f"{n}．第{n}项工作。{body}" for n in range(1, PARAGRAPHS + 1)]
    path.write_text("关于长篇报告阅读位置的测试\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.start_import([path])
    (doc_id,) = finished.args[0].imported
    window.select_document(doc_id)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return int(doc_id)


def _paragraph_at_top(window: MainWindow) -> int:
    offset = window.reading.visible_offset()
    line = window.reading.base_text[:offset].count("\n")
    text = window.reading.base_text.split("\n")[line]
    return int(text.split("．")[0]) if "．" in text[:6] else -1


def _at(window: MainWindow, number: int) -> int:
    return window.reading.base_text.index(f"\n{number}．") + 1


def test_a_script_switch_keeps_the_paragraph_at_the_top_of_a_long_document(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    _long_document(window, qtbot, tmp_path)
    window.view.restore_position(_at(window, 1500))
    qtbot.waitUntil(lambda: _paragraph_at_top(window) == 1500, timeout=10_000)
    for script in (Script.HANT, Script.HANS, Script.TW):
        window.view.set_script(script)
        qtbot.wait(300)
        qtbot.waitUntil(lambda: _paragraph_at_top(window) == 1500, timeout=10_000)


def test_a_long_document_reopens_at_the_place_left(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    doc_id = _long_document(window, qtbot, tmp_path)
    window.view.restore_position(_at(window, 2200))
    qtbot.waitUntil(lambda: _paragraph_at_top(window) == 2200, timeout=10_000)
    other = next(d for d in window.library.ids() if d != doc_id)
    window.select_document(other)
    window.select_document(doc_id)
    qtbot.waitUntil(lambda: _paragraph_at_top(window) == 2200, timeout=10_000)


def test_a_place_in_the_last_screen_does_not_hold_the_view(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """A place that cannot come to the top (it is in the last screen) is reached once the text is laid out
    to its end: it must not stand in for the reading position or move the view on a later resize."""
    _long_document(window, qtbot, tmp_path)
    window.view.restore_position(_at(window, PARAGRAPHS - 1))
    bar = window.reading.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() and bar.maximum() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: window.view._pending is None, timeout=10_000)
    assert window.view.reading_position() == window.view._past_break(window.reading.visible_offset())


def test_find_starts_from_the_place_being_read_and_leaves_the_hit_selected(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    _long_document(window, qtbot, tmp_path)
    window.view.restore_position(_at(window, 1500))
    qtbot.waitUntil(lambda: _paragraph_at_top(window) == 1500, timeout=10_000)
    window.finder.act_find.trigger()
    window.find_bar.edit.setText("项工作")
    window.find_bar.flush()
    assert window.find_bar.count.text() == f"1500 of {PARAGRAPHS}"
    window.find_bar.close_bar()
    selected = window.reading.selected_span()
    assert selected is not None and window.reading.base_text[selected[0] : selected[1]] == "项工作"
    assert selected[0] > _at(window, 1500)


def test_tab_leaves_the_document_list(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    opened = window.current
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    qtbot.keyClick(window.focusWidget() or window.table, Qt.Key.Key_Tab)
    assert window.current == opened
    assert not window.table.hasFocus()
