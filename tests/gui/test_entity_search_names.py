"""An `entity:` search in the window first has the writer find the names of documents that have none yet
(a fresh import), so the document just imported is found by a name in it; the list shows it is busy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.app import operations as ops
from reader.store import search
from reader.ui.main_window import MainWindow

TEXT = (
    "国务院召开常务会议\n\n国务院总理李强主持召开国务院常务会议，研究部署防汛救灾工作。"
    "李强指出，要压实各方责任，确保人民群众生命财产安全。\n"
)


def test_an_entity_search_finds_a_document_whose_names_were_not_found_yet(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The background extraction stays off, so only the search can find the new document's names.
    monkeypatch.setattr(window.entities.scheduler, "start", lambda: None)
    monkeypatch.setattr(window.entities.scheduler, "request", lambda _doc_id: None)
    path = tmp_path / "会议.txt"
    path.write_text(TEXT, encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.start_import([path])
    (doc_id,) = finished.args[0].imported
    assert doc_id in window.entity_store.pending()
    window.search_box.edit.setText("entity:李强")
    window.search_box.flush()
    assert window.search.finding_names == "entity:李强"
    assert window.search_box.status.text() == "Finding names…"
    assert window.table.viewport().cursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.waitUntil(lambda: window.search.finding_names is None, timeout=120_000)
    assert doc_id not in window.entity_store.pending()
    assert [window.model.id_at(r) for r in range(window.model.rowCount())] == [doc_id]
    assert window.search_box.status.text() == "1 document"
    assert window.table.viewport().cursor().shape() != Qt.CursorShape.BusyCursor


def test_a_query_typed_while_names_are_found_wins(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window.entities.scheduler, "start", lambda: None)
    window.search_box.edit.setText("entity:李强")
    window.search_box.flush()
    window.search_box.edit.setText("寿阳县")
    window.search_box.flush()
    assert window.search.finding_names is None
    window.writes.flush()
    assert window.search_box.text() == "寿阳县"
    expected = search.matching_ids(window.library.conn, "寿阳县")
    assert expected and sorted(window.model.id_at(r) or 0 for r in range(window.model.rowCount())) == expected


def test_an_entity_search_runs_at_once_when_every_documents_names_are_known(window: MainWindow) -> None:
    window.writes.run(lambda lib: ops.entities_for_query(lib, "entity:李强"))
    assert not window.entity_store.pending()
    window.search_box.edit.setText("entity:李强")
    window.search_box.flush()
    assert window.search.finding_names is None
    assert window.search_box.status.text() != "Finding names…"
    assert window.search_box.status.isVisibleTo(window.search_box)
