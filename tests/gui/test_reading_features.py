"""Script switching, cleaned/original, the Removed tab and annotations, as a reader uses them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.app.importing import import_paths
from reader.core.script import Script
from reader.store.library import Library
from reader.ui.app import create_window
from reader.ui.main_window import MainWindow

# 𠗣 lies outside the BMP (two UTF-16 units); 软件/鼠标 change length in the Taiwan vocabulary view.
BODY = "".join(
    f"第{n}段：𠗣字在前，软件和鼠标都是常用词，國家卫生健康委员会在北京召开第{n}次会议，讨论医院发展。\n"
    for n in "一二三"
) + ("第二段：张宗久指出，千县工程要落地落实，软件系统要统一，各地代表踊跃发言。\n")


@pytest.fixture
def win(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "doc.txt"
    path.write_text(BODY, encoding="utf-8")
    lib_path = tmp_path / "lib.sqlite"
    with Library(lib_path) as lib:
        import_paths(lib, [path], workers=1)
        lib.set_meta("seeded", "1")
    w = create_window(lib_path, config_dir=tmp_path / "config")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    w.library.close()


def _highlighted_texts(win: MainWindow) -> list[str]:
    return [sel.cursor.selectedText() for sel in win.pane.extraSelections()]


def test_script_switch_keeps_annotation_and_selection_on_the_same_characters(win: MainWindow) -> None:
    doc = win.current
    assert doc is not None
    start = doc.text.index("张宗久")
    win.reading.select_span(start, start + 3)
    made = win.annotations.highlight("yellow")
    win.writes.flush()
    assert made is not None
    later = doc.text.index("软件系统")
    win.reading.select_span(later, later + 4)
    for script in (Script.HANS, Script.HANT, Script.TW, Script.HK, Script.ORIG):
        win.view.set_script(script)
        assert (
            win.pane.textCursor().selectedText()
            == win.reading.shown.text[  # type: ignore[union-attr]
                slice(*win.reading.shown.view.offsets.span_to_view(later, later + 4))  # type: ignore[union-attr]
            ]
        )
        assert win.reading.selected_span() == (later, later + 4)
        assert any(t in ("张宗久", "張宗久") for t in _highlighted_texts(win))
    win.view.set_script(Script.TW)
    win.view.set_phrases(True)
    assert "軟體" in win.pane.toPlainText()
    assert win.reading.selected_span() == (later, later + 4)
    assert win.pane.textCursor().selectedText() == "軟體系統"
    assert "張宗久" in _highlighted_texts(win)


def test_keyboard_shortcuts_switch_script_and_per_document_choice_is_remembered(win: MainWindow, qtbot: QtBot) -> None:
    win.pane.setFocus()
    qtbot.keyClick(win.pane, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert win.reading.script == Script.HANS
    assert "国家" in win.pane.toPlainText()
    qtbot.keyClick(win.pane, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.reading.script == Script.TW
    assert win.settings.script == "hans"
    doc_id = win.current.id  # type: ignore[union-attr]
    assert win.settings.document_scripts[str(doc_id)] == "tw"
    win.documents.show_document(doc_id)
    assert win.reading.script == Script.TW


def test_reading_position_survives_a_switch(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    paragraphs = [
        f"第{i}段：坐的士去买U盘，软件和鼠标是常用词，𠗣字也在其中，内容充实，句子完整。" * 3 for i in range(150)
    ]
    path.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    with Library(tmp_path / "lib.sqlite") as lib:
        import_paths(lib, [path], workers=1)
        lib.set_meta("seeded", "1")
    w = create_window(tmp_path / "lib.sqlite", config_dir=tmp_path / "cfg")
    qtbot.addWidget(w)
    w.resize(900, 500)
    w.show()
    doc = w.current
    assert doc is not None
    target = doc.text.index("第80段")
    w.reading.scroll_to(target)
    before = w.reading.visible_offset()
    assert abs(before - target) < 40
    for script in (Script.HANT, Script.TW):
        w.view.set_script(script)
        assert abs(w.reading.visible_offset() - before) < 40
    w.view.set_phrases(True)  # a length-changing view: everything before the target shifted
    assert w.reading.shown is not None and len(w.reading.shown.text) > len(doc.text)
    assert abs(w.reading.visible_offset() - before) < 40
    w.close()
    w.library.close()


def test_original_view_greys_removed_lines_and_restore_works(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path
) -> None:
    w = create_window(seeded_library, config_dir=tmp_path / "cfg", seed=False)
    qtbot.addWidget(w)
    w.show()
    doc_id = next(s.id for s in w.library.all_summaries() if s.filename.startswith("002"))
    w.select_document(doc_id)
    doc = w.current
    assert doc is not None and doc.removed
    assert w.view.removed_panel.model.rowCount() == len(doc.removed)
    target = next(r for r in doc.removed if r.reason == "related-links")
    w.view.show_original_line(target.line)
    assert w.reading.original and w.view.act_original.isChecked()
    assert w.pane.textCursor().selectedText().strip() == target.text.strip()
    assert w.reading.layer("removed")
    w.documents.set_line_override(target.line, True)
    w.writes.flush()
    restored = w.library.get(doc_id)
    assert restored is not None and target.text.strip() in restored.text
    w.documents.set_line_override(target.line, None)
    w.writes.flush()
    assert target.text.strip() not in (w.library.get(doc_id).text)  # type: ignore[union-attr]
    w.view.set_original(False)
    assert w.pane.toPlainText() == w.current.text  # type: ignore[union-attr]
    w.close()
    w.library.close()


def test_annotation_delete_and_undo(win: MainWindow) -> None:
    doc = win.current
    assert doc is not None
    start = doc.text.index("千县工程")
    win.reading.select_span(start, start + 4)
    made = win.annotations.highlight("green", note="重点")
    win.writes.flush()
    assert made is not None
    panel = win.annotations.panel
    assert panel.uuids() == [made.uuid]  # the Annotations tab lists the new highlight at once
    assert [a.uuid for a in win.library.annotations.for_document(doc.id)] == [made.uuid]
    panel.select(made.uuid)
    assert panel.current_uuid() == made.uuid and panel.delete_button.isEnabled()
    win.annotations.delete(made.uuid)
    win.writes.flush()
    assert win.library.annotations.for_document(doc.id) == []
    assert panel.uuids() == [] and panel.current_uuid() is None and not panel.delete_button.isEnabled()
    win.annotations.act_undo.trigger()
    win.writes.flush()
    (back,) = win.library.annotations.for_document(doc.id)
    assert back.uuid == made.uuid and back.note == "重点"
    assert panel.uuids() == [made.uuid]
    win.annotations.act_undo.trigger()  # undoes the highlight itself
    win.writes.flush()
    assert win.library.annotations.for_document(doc.id) == []
    win.annotations.act_redo.trigger()
    win.writes.flush()
    assert len(win.library.annotations.for_document(doc.id)) == 1


def test_highlight_every_occurrence_is_cross_script(win: MainWindow) -> None:
    doc = win.current
    assert doc is not None
    start = doc.text.index("软件")
    win.reading.select_span(start, start + 2)
    win.annotations.highlight_all()
    win.writes.flush()
    quotes = [a.quote for a in win.library.annotations.for_document(doc.id)]
    assert quotes.count("软件") == doc.text.count("软件") == 4
    panel = win.annotations.panel
    shown = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert sum("软件" in str(text) for text in shown) == 4


def test_annotations_follow_in_original_view(win: MainWindow) -> None:
    doc = win.current
    assert doc is not None
    start = doc.text.index("张宗久")
    win.reading.select_span(start, start + 3)
    win.annotations.highlight("red")
    win.writes.flush()
    win.view.set_original(True)
    assert "张宗久" in _highlighted_texts(win)
    win.reading.pane.moveCursor(QTextCursor.MoveOperation.Start)
    assert win.annotations.highlight("red") is None  # annotating happens on the cleaned text


def test_annotate_menu_has_shortcuts(win: MainWindow) -> None:
    names = {a.objectName(): a for m in win.menuBar().actions() if m.menu() for a in m.menu().actions()}
    assert names["highlight"].shortcut().toString() == "H"
    assert names["note"].shortcut().toString() == "N"
    assert "script_hans" in {a.objectName() for a in win.view.script_actions.values()}


def test_printing_uses_the_view_script(win: MainWindow) -> None:
    win.view.set_script(Script.TW)
    win.view.set_phrases(True)
    printable = win.exports.printable_document().toPlainText()
    assert "軟體" in printable and "软件" not in printable
    assert printable.startswith(win.reading.title_label.text())
    assert any(a.objectName() == "print" for m in win.menuBar().actions() if m.menu() for a in m.menu().actions())


def test_reload_from_file_updates_and_keeps_annotations(win: MainWindow, qtbot: QtBot) -> None:
    doc = win.current
    assert doc is not None
    start = doc.text.index("张宗久")
    win.reading.select_span(start, start + 3)
    made = win.annotations.highlight("red", note="人物")
    win.writes.flush()
    assert made is not None
    path = Path(doc.summary.path)
    path.write_text(
        "新加的导语，放在最前面，句子完整而且足够长。\n" + path.read_text(encoding="utf-8"), encoding="utf-8"
    )
    with qtbot.waitSignal(win.importFinished, timeout=30000) as blocker:
        win.documents.act_reload.trigger()
    assert blocker.args[0].updated == [doc.id]
    (moved,) = win.library.annotations.for_document(doc.id)
    text = win.library.get(doc.id).text  # type: ignore[union-attr]
    assert text[moved.start : moved.end] == "张宗久" and moved.start > start


def test_clicking_a_highlight_opens_its_note(win: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QPoint

    doc = win.current
    assert doc is not None
    start = doc.text.index("千县工程")
    win.reading.select_span(start, start + 4)
    made = win.annotations.highlight("green", note="点我")
    win.writes.flush()
    assert made is not None
    win.reading.select_span(0, 0)
    win.pane.moveCursor(QTextCursor.MoveOperation.Start)
    opened: list[str] = []
    monkeypatch.setattr(win.annotations, "edit", lambda uuid: opened.append(uuid))
    cursor = QTextCursor(win.pane.document())
    cursor.setPosition(win.reading.shown.to_qt_pos(start + 1))  # type: ignore[union-attr]
    rect = win.pane.cursorRect(cursor)
    qtbot.mouseClick(
        win.pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x() + 2, rect.center().y())
    )
    assert opened == [made.uuid]


def test_views_built_in_the_background_reach_the_cache_on_the_gui_thread(
    win: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker that prepares the other scripts' phrase views hands them over through a queued signal;
    only the GUI thread stores them, and only while the document they were built for is shown."""
    reading = win.reading
    doc = win.current
    assert doc is not None
    stored_on: list[str] = []
    remember = reading._remember

    def recording(key: object, shown: object) -> None:
        stored_on.append(threading.current_thread().name)
        remember(key, shown)  # type: ignore[arg-type]

    monkeypatch.setattr(reading, "_remember", recording)
    with qtbot.waitSignal(reading._delivery.ready, timeout=20000):
        reading.set_document(doc, Script.HANT, True)
    wanted = {(Script.HANS, True), (Script.TW, True), (Script.HK, True)}
    qtbot.waitUntil(lambda: wanted <= {(key[2], key[3]) for key in reading._views}, timeout=5000)
    assert stored_on and set(stored_on) == {threading.main_thread().name}


def test_views_for_a_document_no_longer_shown_are_dropped(win: MainWindow, qtbot: QtBot) -> None:
    reading = win.reading
    doc = win.current
    assert doc is not None
    delivered: list[int] = []
    # Queued slots run in the order they were connected: when this one runs, the view's has run.
    reading._delivery.ready.connect(lambda built: delivered.append(len(built)), Qt.ConnectionType.QueuedConnection)
    reading.set_document(doc, Script.HANT, True)
    reading.set_document(None, Script.HANT, True)  # closed before the worker is done
    qtbot.waitUntil(lambda: bool(delivered), timeout=20000)
    assert delivered == [3]
    prepared = {(key[2], key[3]) for key in reading._views}
    assert not prepared & {(Script.HANS, True), (Script.TW, True), (Script.HK, True)}


def test_removed_tab_restores_a_line_through_the_document(qtbot: QtBot, seeded_library: Path, tmp_path: Path) -> None:
    """The Removed tab belongs to the view; the line decision it asks for is written by the document's owner."""
    w = create_window(seeded_library, config_dir=tmp_path / "cfg", seed=False)
    qtbot.addWidget(w)
    w.show()
    doc_id = next(s.id for s in w.library.all_summaries() if s.filename.startswith("002"))
    w.select_document(doc_id)
    target = w.current.removed[0]  # type: ignore[union-attr]
    with qtbot.waitSignal(w.documents.documentChanged, timeout=2000) as shown:
        w.view.removed_panel.restoreRequested.emit(target.line)
        w.writes.flush()
    assert shown.args[0].id == doc_id and target.text.strip() in shown.args[0].text
    assert w.current is not None and w.current.overrides == {target.line: True}
    assert "Line" in w.statusBar().currentMessage()
    w.close()
    w.library.close()


def test_the_annotation_list_shows_each_quote_at_the_panels_usual_width(window: MainWindow, qtbot: QtBot) -> None:
    """At the side panel's usual width the quote had only its colour swatch: rows could not be told apart."""
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    tree = window.annotations.panel.tree
    header = tree.header()
    metrics = tree.fontMetrics()
    assert header.sectionSize(0) >= metrics.horizontalAdvance("中" * 3) + 16
