"""A damaged Word document or EPUB is read with its repair, and the Info tab says what was repaired, so the
reader knows the text may lack what the damaged part held."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

import packagegen as gen
from reader.ui.main_window import MainWindow


def test_the_info_tab_names_the_repaired_part(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(gen.make_docx(**{"word/styles.xml": "\x00 not xml"}))
    whole = tmp_path / "whole.epub"
    whole.write_bytes(gen.make_epub())
    with qtbot.waitSignal(window.importFinished, timeout=60000):
        window.start_import([damaged])
    assert window.current is not None and window.current.summary.filename == "damaged.docx"
    assert gen.DOCX_BODY_TEXT[0] in window.pane.toPlainText()
    assert window.info.value("Repairs") == "word/styles.xml could not be read and was left out"
    with qtbot.waitSignal(window.importFinished, timeout=60000):
        window.start_import([whole])
    assert window.current is not None and window.current.summary.filename == "whole.epub"
    assert window.info.value("Repairs") == "—"  # nothing was damaged
