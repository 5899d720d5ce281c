"""The document list's columns are the user's: chosen on the header's menu, kept in the settings, shown
the same way in the next window."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.settings import load, settings_path
from reader.ui.main_window import MainWindow


def _column(window: MainWindow, key: str) -> int:
    return next(c for c, (k, _) in enumerate(window.model.COLUMNS) if k == key)


def test_chosen_columns_are_kept_for_the_next_window(
    window: MainWindow, qtbot: QtBot, seeded_library: Path, tmp_path: Path
) -> None:
    from reader.ui.app import create_window

    source, date = _column(window, "source"), _column(window, "date")
    assert window.table.isColumnHidden(source) and not window.table.isColumnHidden(date)  # the defaults
    window.documents.set_column_shown(source, True)
    window.documents.set_column_shown(date, False)
    window.documents.set_column_shown(_column(window, "title"), False)  # the title always stays
    assert window.settings.list_columns == ["source"]
    assert not window.table.isColumnHidden(_column(window, "title"))
    window.close()
    window.library.close()
    assert load(settings_path(tmp_path / "config")).list_columns == ["source"]

    again = create_window(seeded_library, config_dir=tmp_path / "config")
    qtbot.addWidget(again)
    try:
        assert not again.table.isColumnHidden(source)
        assert again.table.isColumnHidden(date)
    finally:
        again.close()
        again.library.close()


def test_a_hand_edited_column_list_keeps_only_names(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"list_columns": ["date", 3, None, "chars"]}), encoding="utf-8")
    assert load(path).list_columns == ["date", "chars"]
    path.write_text(json.dumps({"list_columns": "date"}), encoding="utf-8")
    assert load(path).list_columns == ["date"]  # not a list: the default
