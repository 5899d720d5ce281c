"""Names, posts and removed lines are read in the view's script, as the pane is: in a 繁 view Who's Who
and the Removed tab show 羅勇 and 首頁, not the simplified forms the documents were stored in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.app.entities import update_pending
from reader.core.script import Script, make_view
from reader.ui.main_window import MainWindow
from reader.ui.whos_who import COL_NAME, COL_POSTS, WhosWhoDialog
from writing import write


def _hant(text: str) -> str:
    return make_view(text, Script.HANT).text


def test_whos_who_shows_names_and_posts_in_the_views_script(window: MainWindow, qtbot: QtBot) -> None:
    write(window, update_pending)
    window.set_script(Script.HANT)
    window.entities.act_whos_who.trigger()
    dialog = window.findChild(WhosWhoDialog)
    assert isinstance(dialog, WhosWhoDialog)
    qtbot.waitExposed(dialog)
    model = dialog.proxy
    changed = 0
    with_posts = 0
    for row in range(model.rowCount()):
        entity = dialog.entity_at(model.index(row, COL_NAME))
        if entity is None:
            continue
        name = model.index(row, COL_NAME).data(Qt.ItemDataRole.DisplayRole)
        assert name == _hant(entity.text)
        changed += name != entity.text
        posts = model.index(row, COL_POSTS).data(Qt.ItemDataRole.DisplayRole)
        assert posts == "；".join(_hant(p) for p in entity.posts)
        with_posts += any(_hant(p) != p for p in entity.posts)
    assert changed > 0 and with_posts > 0  # the seeds are simplified: the view changes some of them
    # A name typed as stored still finds its row.
    entity = dialog.entity_at(model.index(0, COL_NAME))
    assert entity is not None
    dialog.filter_box.setText(entity.text)
    assert dialog.proxy.rowCount() >= 1
    dialog.close()


def test_removed_lines_follow_the_views_script(window: MainWindow) -> None:
    doc = next(
        d
        for i in window.library.ids()
        if (d := window.library.get(i)) is not None and any(_hant(r.text) != r.text for r in d.removed)
    )
    window.select_document(doc.id)
    panel = window.removed_panel
    panel.tree.setCurrentIndex(panel.model.index(1, 0))
    stored = [r.text.strip() for r in doc.removed]
    shown = [panel.model.index(n, 2).data() for n in range(panel.row_count())]
    assert shown == stored  # the seeds read as stored in the Original script view
    window.set_script(Script.HANT)
    shown = [panel.model.index(n, 2).data() for n in range(panel.row_count())]
    assert shown == [_hant(t) for t in stored] and shown != stored
    assert panel.current_line() == doc.removed[1].line  # the line the reader was on stays current
    window.set_script(Script.ORIG)
    assert [panel.model.index(n, 2).data() for n in range(panel.row_count())] == stored
