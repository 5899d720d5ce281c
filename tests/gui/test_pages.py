"""Pages of a PDF in the window: the status bar names the page at the top of the text, View ▸ Go to Page
(Ctrl+G) asks for one and scrolls to where it begins; documents without pages have neither."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.goto_page import GoToPageDialog
from reader.ui.main_window import MainWindow

PDFS = Path(__file__).resolve().parents[2] / "tests" / "data" / "pdf"
EXPECTED = json.loads((PDFS / "report_sc.expected.json").read_text(encoding="utf-8"))


def _open_pdf(window: MainWindow, qtbot: QtBot) -> int:
    with qtbot.waitSignal(window.importFinished, timeout=60000) as finished:
        window.start_import([PDFS / "report_sc.pdf"])
    doc_id = int(finished.args[0].imported[0])
    window.select_document(doc_id)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == doc_id, timeout=5000)
    return doc_id


def _go_to(window: MainWindow, qtbot: QtBot, page: int) -> None:
    """Press Ctrl+G in the reading pane, choose the page in the dialog, accept it."""
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), GoToPageDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, GoToPageDialog)
    assert (dialog.intMinimum(), dialog.intMaximum()) == (1, len(EXPECTED["pages"]))
    dialog.setIntValue(page)
    dialog.accept()
    # The Ctrl release went to the pane while the dialog blocked it; release it again, or the next
    # test's clicks would arrive with Ctrl held.
    qtbot.keyRelease(window.pane, Qt.Key.Key_Control)


def test_the_status_bar_shows_the_page_and_go_to_page_scrolls_there(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(900, 560)
    _open_pdf(window, qtbot)
    label = window.view.page_label
    assert label.isVisible() and label.text() == "p. 1 / 3"
    assert window.view.act_goto_page.isEnabled()
    assert window.findChild(type(window.view.act_goto_page), "goToPage") is window.view.act_goto_page

    starts = EXPECTED["pages"]
    _go_to(window, qtbot, 2)
    qtbot.waitUntil(lambda: label.text() == "p. 2 / 3", timeout=5000)
    # The line holding page 2's first character is the top line of the pane.
    top = window.reading.visible_offset()
    assert top <= starts[1] < starts[2]
    assert window.reading.base_text.rfind("\n", 0, starts[1]) < top

    _go_to(window, qtbot, 3)
    qtbot.waitUntil(lambda: label.text() == "p. 3 / 3", timeout=5000)
    assert window.reading.visible_offset() > starts[1]

    # Scrolling back to the start shows page 1 again.
    window.pane.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: label.text() == "p. 1 / 3", timeout=5000)


def test_the_original_view_and_unpaged_documents_have_no_pages(window: MainWindow, qtbot: QtBot) -> None:
    doc_id = _open_pdf(window, qtbot)
    window.view.set_original(True)
    assert not window.view.page_label.isVisible() and not window.view.act_goto_page.isEnabled()
    window.view.set_original(False)
    assert window.view.page_label.isVisible() and window.view.act_goto_page.isEnabled()

    text_doc = next(i for i in window.library.ids() if i != doc_id)
    window.select_document(text_doc)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == text_doc, timeout=5000)
    assert not window.view.page_label.isVisible()
    assert not window.view.act_goto_page.isEnabled()
    assert window.view.ask_page() is None  # Ctrl+G does nothing here


def test_a_pdf_reopens_at_its_page(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(900, 560)
    doc_id = _open_pdf(window, qtbot)
    _go_to(window, qtbot, 3)
    qtbot.waitUntil(lambda: window.view.page_label.text() == "p. 3 / 3", timeout=5000)
    before = window.reading.visible_offset()
    assert before <= EXPECTED["pages"][2]  # the top line holds page 3's first character
    other = next(i for i in window.library.ids() if i != doc_id)
    window.select_document(other)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == other, timeout=5000)
    window.select_document(doc_id)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == doc_id, timeout=5000)
    qtbot.waitUntil(lambda: window.reading.visible_offset() == before, timeout=5000)
    assert window.view.page_label.text() == "p. 3 / 3"
