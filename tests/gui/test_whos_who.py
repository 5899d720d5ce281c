"""The Who's Who dialog: the library's names on good evidence first, the less certain folded at the end,
a body's parts under the body, merged names in full."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.app.entities import update_pending
from reader.app.importing import import_paths
from reader.core.entities import Mention
from reader.store.entities import EntityStore, LibraryEntity
from reader.store.library import Library
from reader.ui.whos_who import COL_DOCUMENTS, COL_MENTIONS, COL_NAME, COL_POSTS, COL_TYPE, WhosWhoDialog


@pytest.fixture
def reading_library(seeded_library: Path) -> Iterator[Library]:
    """The window's own (reading) connection to the seeded library."""
    with Library(seeded_library) as lib:
        yield lib


def test_whos_who_lists_people_and_requests_documents(
    qtbot: QtBot, qtmodeltester: ModelTester, reading_library: Library
) -> None:
    store = EntityStore(reading_library.conn)
    update_pending(reading_library)
    dialog = WhosWhoDialog(reading_library)
    qtbot.addWidget(dialog)
    dialog.show()
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)
    assert dialog.current_type() == "person"
    shown = [dialog.proxy.index(r, 0) for r in range(dialog.proxy.rowCount())]
    people = [i for i in shown if dialog.entity_at(i) is not None]
    assert len(people) > 5
    assert all(e.type == "person" and e.tier == "main" for e in map(dialog.entity_at, people) if e)
    docs = [int(i.siblingAtColumn(COL_DOCUMENTS).data()) for i in people]
    assert docs == sorted(docs, reverse=True)
    assert "documents still being read" not in dialog.status.text()

    dialog.set_type(None)
    assert dialog.proxy.rowCount() > len(shown)
    dialog.set_type("person")
    dialog.filter_box.setText("罗勇")
    assert dialog.proxy.rowCount() >= 1
    first = dialog.proxy.index(0, 0)
    entity = dialog.entity_at(first)
    assert entity is not None and "罗勇" in entity.normalized and entity.posts
    rect = dialog.tree.visualRect(first)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(dialog.entityFilterRequested, timeout=2000) as blocker:
        qtbot.mouseDClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["person", entity.normalized]
    assert store.documents_mentioning("person", entity.normalized)


# Two documents: the first writes 中美 (中 → 中国) and a party group of a body, the second 中国 in full and
# the body; two names only ever found on weak evidence.
BODY = "长沙市卫健委"
DOC_A = "中美两国领导人举行会谈。长沙市卫健委党组召开会议。惠利来了。\n"
DOC_B = "中国和法国签署协议。长沙市卫健委发布通知。双城下雪。\n"


@pytest.fixture
def tiered_library(tmp_path: Path) -> Iterator[Library]:
    (tmp_path / "a.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DOC_B, encoding="utf-8")
    with Library(tmp_path / "lib.sqlite") as lib:
        a, b = sorted(import_paths(lib, [tmp_path / "a.txt", tmp_path / "b.txt"], workers=1).imported)
        texts = {}
        for doc_id in (a, b):
            doc = lib.get(doc_id)
            assert doc is not None
            texts[doc_id] = doc.text

        def at(doc_id: int, name: str) -> tuple[int, int]:
            start = texts[doc_id].index(name)
            return start, start + len(name)

        store = EntityStore(lib.conn)
        pair, _ = at(a, "中美")
        store.save(
            a,
            [
                Mention("place", "中", "中国", pair, pair + 1),
                Mention("place", "美", "美国", pair + 1, pair + 2),
                Mention(
                    "org", "长沙市卫健委党组", "长沙市卫健委党组", *at(a, "长沙市卫健委党组"), parent="长沙市卫健委"
                ),
                Mention("person", "惠利", "惠利", *at(a, "惠利"), tier="low"),
            ],
            texts[a],
        )
        store.save(
            b,
            [
                Mention("place", "中国", "中国", *at(b, "中国")),
                Mention("place", "法国", "法国", *at(b, "法国")),
                Mention("org", "长沙市卫健委", "长沙市卫健委", *at(b, "长沙市卫健委")),
                Mention("place", "双城", "双城", *at(b, "双城"), tier="low"),
            ],
            texts[b],
        )
        yield lib


@pytest.fixture
def dialog(qtbot: QtBot, tiered_library: Library) -> WhosWhoDialog:
    widget = WhosWhoDialog(tiered_library)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_type(None)
    return widget


def _top(dialog: WhosWhoDialog) -> list[QModelIndex]:
    return [dialog.proxy.index(r, 0) for r in range(dialog.proxy.rowCount())]


def _named(dialog: WhosWhoDialog, normalized: str) -> LibraryEntity:
    return next(e for e in dialog.visible_entities() if e.normalized == normalized)


def test_less_certain_names_wait_folded_at_the_end(dialog: WhosWhoDialog) -> None:
    top = _top(dialog)
    heading = top[-1]
    assert dialog.entity_at(heading) is None and heading.data() == "Less certain (2)"
    assert not dialog.tree.isExpanded(heading)
    assert all(dialog.entity_at(i) is not None and dialog.entity_at(i).tier == "main" for i in top[:-1])  # type: ignore[union-attr]
    folded = {dialog.entity_at(dialog.proxy.index(r, 0, heading)) for r in range(dialog.proxy.rowCount(heading))}
    assert {e.normalized for e in folded if e} == {"惠利", "双城"}
    assert dialog.status.text() == "5 entities · 2 less certain"
    # Whichever column is sorted, either way, the heading stays last.
    for column in (COL_NAME, COL_TYPE, COL_DOCUMENTS, COL_MENTIONS, COL_POSTS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            dialog.tree.sortByColumn(column, order)
            assert dialog.entity_at(_top(dialog)[-1]) is None, (column, order)


def test_double_clicking_the_heading_opens_it(qtbot: QtBot, dialog: WhosWhoDialog) -> None:
    heading = _top(dialog)[-1]
    dialog.tree.scrollTo(heading)
    rect = dialog.tree.visualRect(heading)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.assertNotEmitted(dialog.entityFilterRequested):
        qtbot.mouseDClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.tree.isExpanded(heading)


def test_merged_names_meet_across_documents_in_full(dialog: WhosWhoDialog) -> None:
    china = _named(dialog, "中国")
    assert (china.text, china.documents, china.variants) == ("中国", 2, ("中",))
    assert _named(dialog, "美国").text == "美国"  # written only as 美: shown under the full name
    index = next(i for i in _top(dialog) if dialog.entity_at(i) == china)
    assert "Also written: 中" in index.data(Qt.ItemDataRole.ToolTipRole)
    dialog.filter_box.setText("中")
    assert china in dialog.visible_entities()


def test_a_part_sits_under_its_body(qtmodeltester: ModelTester, dialog: WhosWhoDialog) -> None:
    body = next(i for i in _top(dialog) if (e := dialog.entity_at(i)) and e.normalized == "长沙市卫健委")
    (part,) = [dialog.proxy.index(r, 0, body) for r in range(dialog.proxy.rowCount(body))]
    assert part.data() == "长沙市卫健委党组" and dialog.tree.isExpanded(body)
    assert "Part of: 长沙市卫健委" in part.data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)
    dialog.filter_box.setText("惠利")  # the filter looks inside the folded group and opens it
    (heading,) = _top(dialog)
    assert dialog.tree.isExpanded(heading)
    assert [e.normalized for e in dialog.visible_entities()] == ["惠利"]
    qtmodeltester.check(dialog.proxy)
