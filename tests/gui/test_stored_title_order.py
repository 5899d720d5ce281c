"""The list sorted by title from ranks stored in the library: a later session sorts without collating, new
and retitled documents are placed among the stored ranks, and the order is always the one a fresh pinyin
collation gives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.app.changes import Outcome
from reader.store.library import Library
from reader.ui.document_model import DocumentTableModel
from reader.ui.main_window import MainWindow

TITLES = ["长治市", "阿坝州", "北京市", "重庆市", "中山市", "第10期", "第2期", "Zeta", "alpha", "澳门", "安徽", "长沙"]
TITLE = DocumentTableModel.TITLE_COLUMN


def add(library: Library, title: str) -> int:
    with library.transaction():
        cursor = library.conn.execute(
            "INSERT INTO documents (content_hash, path, filename, encoding, raw, text, title, imported_at, "
            "updated_at) VALUES (?, '/p', 'f.txt', 'utf-8', 'x', 'x', ?, '2026-01-01T00:00:00Z', "
            "'2026-01-01T00:00:00Z')",
            (f"{title}-{library.count()}", title),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


class Recorder:
    """Stores ranks as the window's writer does (on a connection of its own), and remembers each call."""

    def __init__(self, library: Library) -> None:
        self.path = library.path
        self.calls: list[tuple[int, bool]] = []  # (rows, replace)

    def __call__(self, ranked: list[tuple[int, str, int]], collation: str, changes: int, replace: bool) -> None:
        self.calls.append((len(ranked), replace))
        with Library(self.path) as writer:
            writer.title_order.store(ranked, collation, changes, replace=replace)


def fresh_order(library: Library, descending: bool = False) -> list[int]:
    """What collating every title afresh gives, with nothing stored."""
    return DocumentTableModel(library).pinyin_order(library.titles(), descending)


def sorted_ids(model: DocumentTableModel, descending: bool = False) -> list[int]:
    model.sort(1)  # another column first, so the title sort below is done again
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(TITLE, order)
    return [d for r in range(model.rowCount()) if (d := model.id_at(r)) is not None]


def test_a_later_session_sorts_by_the_stored_ranks_without_collating(tmp_path: Path, qtbot: QtBot) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        for title in TITLES:
            add(library, title)
        first = Recorder(library)
        model = DocumentTableModel(library, write_ranks=first)
        assert sorted_ids(model) == fresh_order(library)
        assert first.calls == [(len(TITLES), True)]  # every title ranked once, stored
        later = DocumentTableModel(library, write_ranks=Recorder(library))
        for descending in (False, True):
            assert sorted_ids(later, descending) == fresh_order(library, descending)
        assert later._collated == []  # nothing was collated: the order came from the library


def test_new_and_retitled_documents_are_placed_among_the_stored_ranks(tmp_path: Path, qtbot: QtBot) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        ids = [add(library, title) for title in TITLES]
        writer = Recorder(library)
        model = DocumentTableModel(library, write_ranks=writer)
        sorted_ids(model)
        for title in ["北海市", "阿坝州", "第3期", "Beta", "长治市卫生"]:  # one equal to a stored title
            add(library, title)
        library.set_metadata(ids[0], {"title": "重庆市江北区"})
        model.reload()
        assert sorted_ids(model) == fresh_order(library)
        assert writer.calls[1:] == [(6, False)]  # only the six without a rank, joined to the rest
        assert library.title_order.unranked() == []
        again = DocumentTableModel(library)
        for descending in (False, True):
            assert sorted_ids(again, descending) == fresh_order(library, descending)


def test_ranks_from_another_collator_are_made_again(tmp_path: Path, qtbot: QtBot) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        ids = [add(library, title) for title in TITLES]
        # Ranks in code-point order, as another collator might have left them.
        wrong = sorted(zip(ids, TITLES, strict=True), key=lambda pair: pair[1])
        library.title_order.store(
            [(doc_id, title, rank) for rank, (doc_id, title) in enumerate(wrong)], "older", 0, replace=True
        )
        writer = Recorder(library)
        model = DocumentTableModel(library, write_ranks=writer)
        assert sorted_ids(model) == fresh_order(library)
        assert writer.calls == [(len(TITLES), True)]
        assert library.title_order.collation() == DocumentTableModel.COLLATION


def test_the_window_stores_ranks_and_keeps_pinyin_order_after_an_edit(window: MainWindow, qtbot: QtBot) -> None:
    header = window.table.horizontalHeader()
    window.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    window.writes.flush()
    assert header.sortIndicatorSection() == TITLE
    assert window.library.title_order.unranked() == []  # the writer stored a rank for every document
    doc_id = window.library.ids()[0]
    window.writes.run(lambda lib: Outcome(lib.set_metadata(doc_id, {"title": "阿坝州"})))
    window.writes.flush()
    window.model.reload()
    shown = [window.model.index(r, TITLE).data() for r in range(window.model.rowCount())]
    assert shown[0] == "阿坝州"
    window.writes.flush()
    assert window.library.title_order.unranked() == []
