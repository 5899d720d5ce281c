"""One window per library: a later `reader --library LIB FILE` hands the file to the window open on LIB,
which imports and shows it, instead of opening a second window on the same library."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.ui.app import receive_files
from reader.ui.handoff import FileHandoff, hand_over, server_name
from reader.ui.main_window import MainWindow


def _hand_over_from_another_thread(library: Path, files: list[Path], qtbot: QtBot) -> bool:
    """The later start blocks on its socket; the window's event loop must run meanwhile to answer."""
    result: list[bool] = []
    thread = threading.Thread(target=lambda: result.append(hand_over(library, files)))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    return result[0]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform has no stacking
def test_a_file_opened_on_a_library_already_open_goes_to_its_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    library = Path(window.library.path)
    handoff = FileHandoff(library, lambda files: receive_files(window, files), window)
    assert handoff.listening
    report = tmp_path / "新 通知.txt"
    report.write_text("关于做好春季防火工作的通知\n\n各单位要落实防火责任。\n", encoding="utf-8")
    before = window.model.rowCount()
    with qtbot.waitSignal(window.importFinished, timeout=30_000):
        assert _hand_over_from_another_thread(library, [report], qtbot)
    assert window.model.rowCount() == before + 1
    assert window.current is not None and window.current.summary.title.startswith("关于做好春季防火工作")
    handoff.close()


def test_no_window_on_the_library_means_a_window_of_its_own(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    library = Path(window.library.path)
    handoff = FileHandoff(library, lambda files: receive_files(window, files), window)
    other = tmp_path / "其他 文库" / "lib.sqlite"
    assert server_name(other) != server_name(library)
    assert not _hand_over_from_another_thread(other, [], qtbot)
    handoff.close()
    assert not _hand_over_from_another_thread(library, [], qtbot)  # the window closed: nobody listens


def test_two_windows_keep_each_others_settings_on_quit(
    window: MainWindow, qtbot: QtBot, seeded_library: Path, tmp_path: Path
) -> None:
    """Two windows sharing the settings file (two libraries, or a second window started anyhow): each
    writes on quit only what it changed, so the one quitting last does not undo the other's choices."""
    from reader.core.script import Script
    from reader.settings import load, settings_path
    from reader.ui.app import create_window

    second = create_window(seeded_library, config_dir=tmp_path / "config")
    qtbot.addWidget(second)
    window.set_script(Script.TW)
    second.settings.last_color = "blue"
    window.close()
    second.close()
    second.library.close()
    stored = load(settings_path(tmp_path / "config"))
    assert stored.script == "tw" and stored.last_color == "blue"
