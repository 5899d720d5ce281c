"""The window as a user meets it: a list, a reading pane, an Info tab, imports that never freeze it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from reader.settings import load, settings_path
from reader.store.library import Library
from reader.ui.app import create_window
from reader.ui.document_model import DocumentTableModel
from reader.ui.main_window import MainWindow

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_selecting_a_document_shows_its_text(window: MainWindow, qtbot: QtBot) -> None:
    model = window.model
    assert model.rowCount() == 5
    for row in range(model.rowCount()):
        doc_id = model.id_at(row)
        assert doc_id is not None
        with qtbot.waitSignal(window.documentShown, timeout=3000):
            window.table.selectRow(row)
            if window.current is not None and window.current.id == doc_id:
                window.documentShown.emit(doc_id)
        doc = window.library.get(doc_id)
        assert doc is not None
        assert window.pane.toPlainText() == doc.text
        assert window.info.value("Encoding") == "utf-8"
        assert window.info.value("File") == doc.summary.filename


def test_selection_and_copy_work(window: MainWindow) -> None:
    window.pane.selectAll()
    window.pane.copy()
    assert QGuiApplication.clipboard().text() == window.pane.toPlainText()


def test_zoom_changes_size_and_is_remembered(window: MainWindow, tmp_path: Path) -> None:
    before = window.pane.font_size
    window.view.act_zoom_in.trigger()
    window.view.act_zoom_in.trigger()
    assert window.pane.font_size == before + 2
    window.view.act_zoom_out.trigger()
    assert window.pane.font_size == before + 1
    window.close()
    assert load(settings_path(tmp_path / "config")).font_size == before + 1


def test_sorting_by_each_column(window: MainWindow) -> None:
    model = window.model
    for column in range(model.columnCount()):
        window.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        ascending = [model.id_at(r) for r in range(model.rowCount())]
        window.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        descending = [model.id_at(r) for r in range(model.rowCount())]
        assert sorted(ascending) == sorted(descending)  # type: ignore[type-var]
    window.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    lengths = [window.library.get(model.id_at(r) or 0).summary.chars for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert lengths == sorted(lengths)


def test_model_passes_qtmodeltester(window: MainWindow, qtmodeltester: object) -> None:
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]


def test_model_reload_and_filter(seeded_library: Path, qtmodeltester: object) -> None:
    with Library(seeded_library) as lib:
        model = DocumentTableModel(lib)
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        ids = lib.ids()
        model.set_filter({ids[0], ids[2]})
        assert model.rowCount() == 2
        model.set_filter(None)
        assert model.rowCount() == 5


def test_first_run_imports_the_sample_library(qtbot: QtBot, tmp_path: Path) -> None:
    win = create_window(tmp_path / "new.sqlite", config_dir=tmp_path / "config")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.importFinished, timeout=60000):
        win.show()
    assert win.model.rowCount() == 5
    assert win.pane.toPlainText()
    win.close()
    win.library.close()


def test_import_runs_in_background_and_window_stays_responsive(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    paragraph = (SEEDS / "004_41a3f7201d4af7ee.txt").read_text(encoding="utf-8")
    big.write_text("\n".join(f"第{i}节。{paragraph}" for i in range(400)), encoding="utf-8")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    with qtbot.waitSignal(window.importFinished, timeout=120000) as blocker:
        window.start_import([big])
    timer.stop()
    report = blocker.args[0] if blocker.args else None
    assert report is not None and len(report.imported) == 1
    assert window.model.rowCount() == 6
    # The event loop kept running while the import worked: the timer fired many times.
    assert len(ticks) >= 3


def test_drop_files_imports_them(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    doc = tmp_path / "dropped.txt"
    doc.write_text("拖放进来的文章，第一段内容完整。\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importFinished, timeout=30000):
        window.dropEvent(event)
    assert window.model.rowCount() == 6


def test_every_action_is_in_a_menu_with_shortcuts(window: MainWindow) -> None:
    in_menus = {a.objectName() for menu in window.menuBar().actions() if menu.menu() for a in menu.menu().actions()}
    for name in ("importFiles", "importFolder", "zoomIn", "zoomOut", "quit"):
        assert name in in_menus
    assert window.imports.act_import_files.shortcut().toString() == "Ctrl+O"


def test_status_bar_shows_library_size(window: MainWindow) -> None:
    assert "5 documents" in window.library_label.text()
    window.statusBar().showMessage("something passing", 1000)
    assert window.library_label.isVisible() and "5 documents" in window.library_label.text()


def test_state_is_remembered(qtbot: QtBot, seeded_library: Path, tmp_path: Path) -> None:
    config = tmp_path / "cfg"
    win = create_window(seeded_library, config_dir=config, seed=False)
    qtbot.addWidget(win)
    win.show()
    win.splitter.setSizes([200, 600, 300])
    win.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    win.close()
    win.library.close()
    settings = load(settings_path(config))
    assert settings.splitter_state and settings.window_geometry
    assert settings.sort_column == 3 and settings.sort_descending
    again = create_window(seeded_library, config_dir=config, seed=False)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sortIndicatorSection() == 3
    again.close()
    again.library.close()


def test_first_run_leaves_no_stale_status_message(qtbot: QtBot, tmp_path: Path) -> None:
    win = create_window(tmp_path / "new.sqlite", config_dir=tmp_path / "config")
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.importFinished, timeout=60000):
        win.show()
    assert win.statusBar().currentMessage() == ""
    win.close()
    win.library.close()
