"""Reload from File keeps the reader on the same words: lines added above the place read move it down with
the text (the offset is carried through the change as annotations are), and the stored position follows."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.ui.main_window import MainWindow

PARAGRAPHS = 120


def _text(inserted: int) -> str:
    body = "养老服务设施建设稳步推进，社区居家养老服务网络不断完善。"
    head = [f"新增第{n}段说明：本段为修订时加入的内容，用于检验阅读位置。" for n in range(inserted)]
    paragraphs = [f"{n}．第{n}项工作。{body}" for n in range(1, PARAGRAPHS + 1)]
    return "关于阅读位置的测试报告\n\n" + "\n\n".join(head + paragraphs) + "\n"


def _paragraph_at_top(window: MainWindow) -> int:
    offset = window.reading.visible_offset()
    text = window.reading.base_text
    line = text[offset : text.find("\n", offset)]
    return int(line.split("．")[0]) if "．" in line[:6] else -1


def test_reload_from_file_keeps_the_paragraph_read_when_lines_are_added_above(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(_text(0), encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.start_import([path])
    (doc_id,) = finished.args[0].imported
    window.select_document(doc_id)
    window.resize(1000, 700)
    qtbot.waitExposed(window)
    window.view.restore_position(window.reading.base_text.index("\n60．") + 1)
    qtbot.waitUntil(lambda: _paragraph_at_top(window) == 60, timeout=10_000)
    window.documents.save_position()
    path.write_text(_text(8), encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.documents.act_reload.trigger()
    assert finished.args[0].updated == [doc_id]
    qtbot.waitUntil(lambda: "新增第7段" in window.reading.base_text, timeout=10_000)
    qtbot.waitUntil(lambda: _paragraph_at_top(window) == 60, timeout=10_000)
    window.writes.flush()
    stored = window.library.positions.get(doc_id)
    assert stored is not None
    assert window.reading.base_text[stored:].startswith("60．")
