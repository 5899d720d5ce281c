"""View ▸ Page as Printed (Ctrl+Shift+P): a PDF's kept file drawn page by page in place of its text, opened
at the page of the reading position, turned with Page Up/Down, zoomed with the Zoom actions and Ctrl+wheel,
and left at the page it shows; a file that is not kept, damaged or locked is one line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.app.changes import Outcome
from reader.store.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.page_view import SCREEN_DPI

PDFS = Path(__file__).resolve().parents[2] / "tests" / "data" / "pdf"
_FIXTURE = json.loads((PDFS / "report_sc.expected.json").read_text(encoding="utf-8"))
_CUT = len(_FIXTURE["paragraphs"][0]) + 1  # the printed title is the title, not a line of the text
EXPECTED = {"pages": [max(0, p - _CUT) for p in _FIXTURE["pages"]]}
A4_WIDTH_PT = 595.0


def _open_pdf(window: MainWindow, qtbot: QtBot) -> int:
    with qtbot.waitSignal(window.importFinished, timeout=60000) as finished:
        window.start_import([PDFS / "report_sc.pdf"])
    doc_id = int(finished.args[0].imported[0])
    _select(window, qtbot, doc_id)
    return doc_id


def _select(window: MainWindow, qtbot: QtBot, doc_id: int) -> None:
    window.select_document(doc_id)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == doc_id, timeout=5000)


def _toggle(window: MainWindow, qtbot: QtBot) -> None:
    """Press Ctrl+Shift+P where the focus is (the text, or the page)."""
    target = QApplication.focusWidget() or window.pane
    qtbot.keyClick(target, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _drawn_width(window: MainWindow) -> float:
    pixmap = window.view.page_view.image.pixmap()
    return pixmap.width() / pixmap.devicePixelRatio()


def _wait_drawn(window: MainWindow, qtbot: QtBot, page: int) -> None:
    view = window.view.page_view
    qtbot.waitUntil(lambda: view._shown is not None and view._shown == (page, view.dpi), timeout=10000)
    assert not view.image.pixmap().isNull()


def test_the_shortcut_shows_the_page_of_the_reading_position_and_returns_to_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(900, 600)
    _open_pdf(window, qtbot)
    view = window.view
    assert view.act_page_view.isEnabled() and not view.act_page_view.isChecked()
    assert window.findChild(type(view.act_page_view), "pageAsPrinted") is view.act_page_view
    view.go_to_page(2)
    qtbot.waitUntil(lambda: view.page_label.text() == "p. 2 / 3", timeout=5000)
    before = view.reading_position()

    window.pane.setFocus()
    _toggle(window, qtbot)
    assert view.act_page_view.isChecked()
    assert view.page_view.isVisible() and not window.pane.isVisible()
    assert view.page_view.page == 2
    _wait_drawn(window, qtbot, 2)
    # Zoom 1 is the printed size on a 96-dpi screen: an A4 page is 595 pt wide.
    assert abs(_drawn_width(window) - A4_WIDTH_PT * SCREEN_DPI / 72) <= 1
    assert view.page_label.text() == "p. 2 / 3"
    assert view.reading_position() == before  # the page was not turned: the place read is unchanged

    _toggle(window, qtbot)
    assert not view.act_page_view.isChecked()
    assert window.pane.isVisible() and not view.page_view.isVisible()
    qtbot.waitUntil(lambda: view.reading_position() == before, timeout=5000)
    assert view.page_label.text() == "p. 2 / 3"


def test_page_up_and_down_turn_pages_and_the_text_follows_the_page_shown(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(900, 600)
    _open_pdf(window, qtbot)
    view = window.view
    view.set_page_view(True)
    _wait_drawn(window, qtbot, 1)
    area = view.page_view.area
    assert area.hasFocus()

    qtbot.keyClick(area, Qt.Key.Key_PageDown)
    _wait_drawn(window, qtbot, 2)
    qtbot.keyClick(area, Qt.Key.Key_PageDown)
    _wait_drawn(window, qtbot, 3)
    qtbot.keyClick(area, Qt.Key.Key_PageDown)  # the last page stays
    assert view.page_view.page == 3
    assert view.page_label.text() == "p. 3 / 3"
    qtbot.keyClick(area, Qt.Key.Key_PageUp)
    assert view.page_view.page == 2
    assert view.page_view.cached(2)  # drawn before: shown from the cache at once
    assert view.page_view._shown == (2, view.page_view.dpi)
    qtbot.keyClick(area, Qt.Key.Key_PageDown)
    assert view.reading_position() == EXPECTED["pages"][2]  # saved as the start of the page shown

    view.set_page_view(False)
    qtbot.waitUntil(lambda: view.page_label.text() == "p. 3 / 3", timeout=5000)
    top = window.reading.visible_offset()
    # The line holding page 3's first character is at the top of the pane.
    assert EXPECTED["pages"][1] < top <= EXPECTED["pages"][2]


def test_zoom_actions_and_ctrl_wheel_zoom_the_page_not_the_text(window: MainWindow, qtbot: QtBot) -> None:
    _open_pdf(window, qtbot)
    view = window.view
    font_size = window.pane.font_size
    view.set_page_view(True)
    _wait_drawn(window, qtbot, 1)
    width = _drawn_width(window)

    view.act_zoom_in.trigger()
    assert view.page_view.zoom == 1.25
    _wait_drawn(window, qtbot, 1)
    assert abs(_drawn_width(window) - width * 1.25) <= 1

    viewport = view.page_view.area.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert view.page_view.zoom == 1.0
    assert view.page_view.cached(1)
    assert abs(_drawn_width(window) - width) <= 1  # back from the cache, no new drawing needed

    view.act_zoom_out.trigger()
    _wait_drawn(window, qtbot, 1)
    assert abs(_drawn_width(window) - width * 0.8) <= 1
    view.act_zoom_reset.trigger()
    assert view.page_view.zoom == 1.0
    assert window.pane.font_size == font_size  # the text kept its size throughout


def test_a_file_not_kept_damaged_or_locked_is_one_line(window: MainWindow, qtbot: QtBot) -> None:
    doc_id = _open_pdf(window, qtbot)
    view = window.view
    message = view.page_view.message
    other = next(i for i in window.library.ids() if i != doc_id)

    def keep(data: bytes | None) -> None:
        def write(library: Library) -> Outcome[None]:
            library.keep_file(doc_id, data)
            return Outcome(None)

        window.writes.run(write)
        _select(window, qtbot, other)  # the file is read again when the document is opened again
        _select(window, qtbot, doc_id)

    keep(None)  # an older library whose file was gone when it was upgraded
    view.set_page_view(True)
    assert message.isVisible() and not view.page_view.area.isVisible()
    assert (
        message.text() == "The file of this document was not kept when it was imported, so its pages cannot be shown."
    )

    keep((PDFS / "encrypted.pdf").read_bytes())
    qtbot.waitUntil(lambda: "password" in message.text() and message.isVisible(), timeout=10000)
    assert message.text() == "This PDF needs a password, so its pages cannot be shown as printed."

    keep(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    qtbot.waitUntil(lambda: message.text().startswith("This page cannot be shown as printed:"), timeout=10000)
    assert "\n" not in message.text() and "Traceback" not in message.text()

    # The text is one key away whatever the page view says.
    _toggle(window, qtbot)
    assert window.pane.isVisible() and not view.page_view.isVisible()


def test_only_pdfs_offer_it_and_the_original_view_takes_its_place(window: MainWindow, qtbot: QtBot) -> None:
    doc_id = _open_pdf(window, qtbot)
    view = window.view
    view.set_page_view(True)
    _wait_drawn(window, qtbot, 1)

    text_doc = next(i for i in window.library.ids() if i != doc_id)
    _select(window, qtbot, text_doc)
    assert not view.act_page_view.isEnabled()
    assert window.pane.isVisible() and not view.page_view.isVisible()
    view.set_page_view(True)  # nothing to draw for a text document
    assert not view.page_view.isVisible()

    _select(window, qtbot, doc_id)  # back on a PDF, the page view the reader chose comes back
    assert view.page_view.isVisible()
    _wait_drawn(window, qtbot, 1)

    view.set_original(True)
    assert not view.act_page_view.isChecked() and not view.page_view.isVisible()
    assert window.pane.isVisible() and view.reading.original
    view.set_page_view(True)
    assert not view.reading.original and not view.act_original.isChecked()
    assert view.page_view.isVisible()
