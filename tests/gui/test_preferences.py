"""Preferences, themes, keyboard help and About: each opens, and what the user changes lands in Settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from reader.core.annotations.model import DEFAULT_COLORS
from reader.settings import Settings
from reader.ui.about_dialog import AboutDialog
from reader.ui.main_window import MainWindow
from reader.ui.preferences_dialog import PreferencesDialog
from reader.ui.shortcuts_dialog import ShortcutsDialog, menu_shortcuts, plain
from reader.ui.themes import apply_theme, is_dark, reading_pane_style


# -- preferences -----------------------------------------------------------------------------------
@pytest.fixture
def prefs(qtbot: QtBot, tmp_path: Path) -> PreferencesDialog:
    dialog = PreferencesDialog(Settings(), tmp_path / "lib.sqlite")
    qtbot.addWidget(dialog)
    return dialog


def test_preferences_show_current_settings(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(theme="dark", language="zh_CN", script="tw", phrases=True, font_size=20.0, line_height=2.0)
    dialog = PreferencesDialog(settings, tmp_path / "lib.sqlite")
    qtbot.addWidget(dialog)
    assert dialog.theme_box.currentData() == "dark"
    assert dialog.language_box.currentData() == "zh_CN"
    assert dialog.script_box.currentData() == "tw"
    assert dialog.phrases_box.isChecked()
    assert dialog.size_box.value() == 20.0
    assert dialog.line_height_box.value() == 2.0
    assert dialog.library_edit.text() == str(tmp_path / "lib.sqlite")
    assert [dialog.script_box.itemText(i) for i in range(5)] == ["原文", "简体", "繁體", "臺灣", "香港"]


def test_unchanged_preferences_change_nothing(qtbot: QtBot, prefs: PreferencesDialog) -> None:
    with qtbot.waitSignal(prefs.applied):
        prefs.apply()
    assert prefs.settings == Settings()


def test_changes_land_in_settings(qtbot: QtBot, prefs: PreferencesDialog, tmp_path: Path) -> None:
    prefs.library_edit.setText(str(tmp_path / "other.sqlite"))
    prefs.language_box.setCurrentIndex(prefs.language_box.findData("zh_TW"))
    prefs.theme_box.setCurrentIndex(prefs.theme_box.findData("sepia"))
    prefs.script_box.setCurrentIndex(prefs.script_box.findData("hans"))
    prefs.phrases_box.setChecked(True)
    prefs.set_font_family("DejaVu Sans")
    prefs.size_box.setValue(19.5)
    prefs.line_height_box.setValue(1.5)
    prefs.color_names["yellow"].setText("要点")
    prefs._set_color("blue", "#3366ff")
    with qtbot.waitSignal(prefs.applied):
        prefs.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    s = prefs.settings
    assert s.library_path == str(tmp_path / "other.sqlite")
    assert (s.language, s.theme, s.script, s.phrases) == ("zh_TW", "sepia", "hans", True)
    assert (s.font_family, s.font_size, s.line_height) == ("DejaVu Sans", 19.5, 1.5)
    assert s.color_names == {"yellow": "要点"}
    assert s.color_hex == {"blue": "#3366ff"}
    assert prefs.isVisible() is False or prefs.result() == 0  # Apply does not close


def test_default_font_and_colours_can_be_restored(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(font_family="DejaVu Sans", color_names={"red": "错"}, color_hex={"red": "#000000"})
    dialog = PreferencesDialog(settings, tmp_path / "lib.sqlite")
    qtbot.addWidget(dialog)
    assert dialog.color_names["red"].text() == "错"
    dialog.findChild(type(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)), "resetColors").click()
    dialog._default_font()
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()
    assert settings.font_family == ""
    assert settings.color_names == {} and settings.color_hex == {}
    assert dialog.color_names["red"].text() == DEFAULT_COLORS[4].name


def test_cancel_leaves_settings_alone(qtbot: QtBot, prefs: PreferencesDialog) -> None:
    prefs.theme_box.setCurrentIndex(prefs.theme_box.findData("dark"))
    with qtbot.assertNotEmitted(prefs.applied):
        prefs.reject()
    assert prefs.settings.theme == "system"


# -- themes ----------------------------------------------------------------------------------------
@pytest.fixture
def restore_theme(qapp: QApplication) -> Iterator[QApplication]:
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    apply_theme(qapp, "light")
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_theme_switch_changes_palette(restore_theme: QApplication) -> None:
    app = restore_theme
    assert apply_theme(app, "dark") == "dark"
    assert is_dark(app.palette())
    assert app.style().name().lower() == "fusion"
    assert apply_theme(app, "light") == "light"
    assert not is_dark(app.palette())
    assert apply_theme(app, "sepia") == "light"  # sepia tints only the reading pane
    assert apply_theme(app, "no-such-theme") in ("light", "dark")  # behaves as "system"


def test_reading_pane_style_only_for_sepia() -> None:
    assert "background-color" in reading_pane_style("sepia")
    assert "#readingPane" in reading_pane_style("sepia")
    for theme in ("system", "light", "dark"):
        assert reading_pane_style(theme) == ""


def test_dark_theme_on_a_real_window(qtbot: QtBot, window: MainWindow, restore_theme: QApplication) -> None:
    apply_theme(restore_theme, "dark")
    # Widgets hear of a new application palette through a posted event.
    qtbot.waitUntil(lambda: window.pane.palette().color(QPalette.ColorRole.Base).lightness() < 80)
    assert window.pane.palette().color(QPalette.ColorRole.Text).lightness() > 180


# -- keyboard help ---------------------------------------------------------------------------------
def test_shortcuts_dialog_lists_menu_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = dialog.visible_rows()
    assert ("Import Files…", "Ctrl+O") in rows
    assert any(keys == "Ctrl+1" for _, keys in rows)
    menus = {e.menu for e in menu_shortcuts(window)}
    assert {"File", "Edit", "View"} <= menus
    # Submenus are walked: the per-document script actions live in View ▸ Script ▸ For This Document Only.
    assert any("Ctrl+Shift+1" in keys for _, keys in rows)


def test_shortcuts_dialog_filters(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.filter_edit.setText("ctrl+o")
    rows = dialog.visible_rows()
    assert ("Import Files…", "Ctrl+O") in rows
    assert all("ctrl+o" in f"{label} {keys}".casefold() for label, keys in rows)
    dialog.filter_edit.setText("no such action at all")
    assert dialog.visible_rows() == []
    dialog.filter_edit.clear()
    assert len(dialog.visible_rows()) == len(dialog.entries)


def test_plain_removes_mnemonics() -> None:
    assert plain("&File") == "File"
    assert plain("Save && &Quit") == "Save & Quit"
    assert plain("文件(&F)") == "文件(F)"


# -- about -----------------------------------------------------------------------------------------
def test_about_shows_library_and_settings_paths(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    settings_file = tmp_path / "config" / "settings.json"
    dialog = AboutDialog(window.library.path, settings_file, window)
    qtbot.addWidget(dialog)
    assert dialog.shown_paths() == (str(window.library.path), str(settings_file))
    assert str(window.library.path) in dialog.library_label.text()
    assert dialog.size_label.text().endswith(("KB", "MB"))
    names = [dialog.components.topLevelItem(i).text(0) for i in range(dialog.components.topLevelItemCount())]
    assert "OpenCC" in names and "PySide6 / Qt" in names
    licences = {dialog.components.topLevelItem(i).text(2) for i in range(dialog.components.topLevelItemCount())}
    assert {"LGPL-3.0", "Apache-2.0", "MIT"} <= licences
