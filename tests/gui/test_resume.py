"""Each document opens where the reader left it: after switching documents, in another script view, and
after the window was closed and opened again on the same library."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.script import Script
from reader.ui.main_window import MainWindow


def _open(window: MainWindow, qtbot: QtBot, doc_id: int) -> None:
    window.select_document(doc_id)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == doc_id, timeout=5000)


def _scroll_to_middle(window: MainWindow, qtbot: QtBot) -> int:
    bar = window.pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200, timeout=5000)
    bar.setValue(bar.maximum() // 2)
    offset = window.reading.visible_offset()
    assert 0 < offset < len(window.reading.base_text)
    return offset


def _two_documents(window: MainWindow) -> tuple[int, int]:
    ids = sorted(window.library.ids())
    assert len(ids) >= 2
    return ids[0], ids[1]


def test_switching_documents_comes_back_to_the_same_place(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1000, 600)
    a, b = _two_documents(window)
    _open(window, qtbot, a)
    offset = _scroll_to_middle(window, qtbot)
    _open(window, qtbot, b)
    assert window.reading.visible_offset() == 0  # B was never read: it opens at its start
    _open(window, qtbot, a)
    qtbot.waitUntil(lambda: window.reading.visible_offset() == offset, timeout=5000)
    assert window.library.positions.get(a) == offset


def test_the_position_is_saved_while_scrolling_without_switching(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1000, 600)
    a, _ = _two_documents(window)
    _open(window, qtbot, a)
    offset = _scroll_to_middle(window, qtbot)
    # Written once scrolling rests, with no document switch or close to trigger it.
    qtbot.waitUntil(lambda: window.library.positions.get(a) == offset, timeout=10000)


def test_the_position_holds_in_another_script_view(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1000, 600)
    a, b = _two_documents(window)
    _open(window, qtbot, a)
    middle = _scroll_to_middle(window, qtbot)
    window.set_script(Script.HANT)
    # The switch keeps the paragraph that was at the top; the view's offsets are the stored text's.
    offset = window.reading.visible_offset()
    assert window.reading.base_text.rfind("\n", 0, middle) < offset <= middle
    _open(window, qtbot, b)
    _open(window, qtbot, a)
    assert window.reading.script == Script.HANT
    qtbot.waitUntil(lambda: window.reading.visible_offset() == offset, timeout=5000)
    window.set_script(Script.ORIG)
    qtbot.waitUntil(lambda: window.reading.visible_offset() == offset, timeout=5000)


def test_the_position_survives_closing_the_window(
    window: MainWindow, qtbot: QtBot, seeded_library: Path, tmp_path: Path
) -> None:
    from reader.ui.app import create_window

    window.resize(1000, 600)
    a, b = _two_documents(window)
    _open(window, qtbot, b)
    _open(window, qtbot, a)
    offset = _scroll_to_middle(window, qtbot)
    size = window.size()
    window.close()  # at once: the debounced write has not happened, closing writes it
    window.library.close()

    again = create_window(seeded_library, config_dir=tmp_path / "config")
    qtbot.addWidget(again)
    again.resize(size)
    again.show()
    try:
        qtbot.waitUntil(lambda: again.current is not None and again.current.id == a, timeout=5000)
        qtbot.waitUntil(lambda: again.reading.visible_offset() == offset, timeout=5000)
        assert again.library.positions.get(b) == 0  # B opened at its start and was left there
    finally:
        again.close()
        again.library.close()


def test_a_position_at_a_paragraph_start_does_not_creep_upwards(window: MainWindow, qtbot: QtBot) -> None:
    """The top of the pane can lie in the spacing above a paragraph; saving and restoring that place
    again and again must not move it a line higher each time."""
    window.resize(1000, 600)
    a, b = _two_documents(window)
    _open(window, qtbot, a)
    text = window.reading.base_text
    start = text.index("\n", len(text) // 2) + 1  # a paragraph in the middle
    window.view.restore_position(start)
    for _ in range(3):
        _open(window, qtbot, b)
        _open(window, qtbot, a)
        assert window.view.reading_position() == start
        assert window.library.positions.get(a) == start
