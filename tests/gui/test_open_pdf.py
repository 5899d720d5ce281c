"""A text PDF opened in the window: the reflowed text in the reading pane, the page furniture in the Removed
tab with its reason, restorable; an encrypted PDF asks for its password and opens with it."""

from __future__ import annotations

import json
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from reader.app.reports import ImportReport
from reader.core.cleaning import reason_label
from reader.ui.main_window import MainWindow
from reader.ui.removed_panel import RemovedRow

PDFS = Path(__file__).resolve().parents[2] / "tests" / "data" / "pdf"


def _import(window: MainWindow, qtbot: QtBot, path: Path) -> ImportReport:
    with qtbot.waitSignal(window.importFinished, timeout=60000) as finished:
        window.start_import([path])
    report = finished.args[0]
    assert isinstance(report, ImportReport)
    return report


def _rows(window: MainWindow) -> list[RemovedRow]:
    model = window.removed_panel.model
    rows = [model.row_at(i) for i in range(model.rowCount())]
    return [row for row in rows if row is not None]


def test_a_pdf_opens_reflowed_with_its_page_furniture_in_the_removed_tab(window: MainWindow, qtbot: QtBot) -> None:
    expected = json.loads((PDFS / "report_sc.expected.json").read_text(encoding="utf-8"))
    report = _import(window, qtbot, PDFS / "report_sc.pdf")
    assert len(report.imported) == 1 and not report.skipped
    doc_id = report.imported[0]
    window.select_document(doc_id)
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == doc_id, timeout=5000)

    text = "\n".join(expected["paragraphs"][1:])  # the printed title is shown as the title, above the text
    qtbot.waitUntil(lambda: window.pane.toPlainText() == text, timeout=5000)
    assert "— 2 —" not in window.pane.toPlainText()

    rows = _rows(window)
    numbers = [row for row in rows if row.text == "— 2 —"]
    assert len(numbers) == 1 and numbers[0].reason == reason_label("page-number") == "Page number"
    shown = {(row.text, row.reason) for row in rows}
    assert ("某某研究院 · 基层治理研究报告", "Page header") in shown
    assert ("内部资料 注意保存", "Page footer") in shown

    # Restoring the page number from the Removed tab puts it back into the text as its own line.
    panel = window.removed_panel
    panel.tree.setCurrentIndex(panel.model.index(rows.index(numbers[0]), 0))
    with qtbot.waitSignal(window.documents.documentChanged, timeout=5000):
        qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "— 2 —" in window.pane.toPlainText().split("\n"), timeout=5000)
    assert "— 2 —" not in [row.text for row in _rows(window)]


def _password_dialog(window: MainWindow, qtbot: QtBot) -> QInputDialog:
    """The prompt on screen (an earlier one, answered, may still wait for deletion)."""

    def shown() -> list[QInputDialog]:
        found = window.findChildren(QInputDialog, "pdfPassword")
        return [d for d in found if shiboken6.isValid(d) and d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10000)
    return shown()[0]


def _type_password(window: MainWindow, qtbot: QtBot, password: str) -> None:
    dialog = _password_dialog(window, qtbot)
    field = dialog.findChild(QLineEdit)
    assert field is not None and field.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(field, password)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)


def test_an_encrypted_pdf_asks_for_its_password_and_opens_with_it(window: MainWindow, qtbot: QtBot) -> None:
    before = window.model.rowCount()
    report = _import(window, qtbot, PDFS / "encrypted.pdf")
    assert not report.imported and len(report.skipped) == 1
    assert report.skipped[0].reason == "PDF is encrypted with a password" and report.skipped[0].needs_password
    assert window.findChild(QMessageBox, "importReport") is None  # the prompt says it; no second box

    _type_password(window, qtbot, "not the password")
    again = _password_dialog(window, qtbot)
    assert "not right" in again.labelText()  # asked again, saying why
    with qtbot.waitSignal(window.importFinished, timeout=60000) as finished:
        _type_password(window, qtbot, "secret")
    unlocked = finished.args[0]
    assert isinstance(unlocked, ImportReport) and len(unlocked.imported) == 1 and not unlocked.skipped
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=10000)
    expected = json.loads((PDFS / "bare_numbers.expected.json").read_text(encoding="utf-8"))
    window.select_document(unlocked.imported[0])
    qtbot.waitUntil(lambda: expected["paragraphs"][1] in window.pane.toPlainText(), timeout=10000)


def test_cancelling_the_password_prompt_leaves_the_file_out(window: MainWindow, qtbot: QtBot) -> None:
    before = window.model.rowCount()
    _import(window, qtbot, PDFS / "encrypted.pdf")
    dialog = _password_dialog(window, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=5000)
    qtbot.wait(200)
    assert not _visible_prompt(window)
    assert window.model.rowCount() == before


def _visible_prompt(window: MainWindow) -> bool:
    return any(d.isVisible() for d in window.findChildren(QInputDialog, "pdfPassword"))


def test_a_pdfs_headings_are_set_as_headings_in_the_cleaned_view(window: MainWindow, qtbot: QtBot) -> None:
    report = _import(window, qtbot, PDFS / "report_sc.pdf")
    doc_id = report.imported[0]
    doc = window.library.get(doc_id)
    assert doc is not None and doc.headings, "the importer marks the report's numbered headings"
    window.select_document(doc_id)
    qtbot.waitUntil(lambda: window.pane.toPlainText() == doc.text, timeout=10000)
    lines = doc.text.split("\n")
    document = window.pane.document()
    marked = dict(doc.headings)
    for line, level in doc.headings:
        block = document.findBlockByNumber(line)
        assert block.text() == lines[line] and block.blockFormat().headingLevel() == level
        assert block.begin().fragment().charFormat().fontWeight() == QFont.Weight.Bold  # the text's own format
    body = next(n for n in range(len(lines)) if n not in marked and lines[n])
    assert document.findBlockByNumber(body).blockFormat().headingLevel() == 0
    assert "一、" in "".join(lines[line] for line in marked)  # a numbered section heading among them
    window.reading.set_original(True)  # the Original view's lines are others: nothing set as a heading
    original = window.pane.document()
    assert all(original.findBlockByNumber(n).blockFormat().headingLevel() == 0 for n in range(original.blockCount()))
