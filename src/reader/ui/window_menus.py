"""The main window's menus and toolbar: where every controller's actions are put for the reader to reach.

Kept apart from the window's assembly so that adding an entry is one line here. The texts stay in the
"MainWindow" translation context they always had.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QToolBar

from reader.core.script import Script

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def toolbar_label(text: str) -> str:
    """A menu text as a toolbar button shows it: no mnemonic, neither "&Import" nor the CJK "导入(&I)"
    form, and no trailing ellipsis."""
    text = re.sub(r"\s*[(（]&[^)）]+[)）]", "", text)
    text = re.sub(r"&(.)", r"\1", text)
    return text.rstrip("…").rstrip(".").strip()


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addActions([window.imports.act_import_files, window.imports.act_import_folder])
    file_menu.addAction(window.exports.act_import_annotations)
    file_menu.addSeparator()
    file_menu.addActions([window.exports.act_export, window.exports.act_print])
    file_menu.addSeparator()
    file_menu.addAction(window.act_quit)
    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    annotate_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Annotate"))
    window.annotations.install_menus(edit_menu, annotate_menu)
    edit_menu.addSeparator()
    finder = window.finder
    edit_menu.addActions([window.search.act_search, finder.act_find, finder.act_find_next, finder.act_find_prev])
    edit_menu.addSeparator()
    edit_menu.addAction(window.act_preferences)
    _fill_view_menu(window, view_menu)
    document_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Document"))
    document_menu.addActions([window.documents.act_edit_metadata, window.documents.act_reload])
    document_menu.addSeparator()
    document_menu.addActions([window.organise.act_tags, window.organise.act_add_to_collection])
    document_menu.addAction(window.organise.act_new_collection)
    document_menu.addSeparator()
    document_menu.addActions([window.documents.act_show_folder, window.documents.act_copy_path])
    document_menu.addSeparator()
    document_menu.addAction(window.documents.act_delete)
    document_menu.addSeparator()
    document_menu.addAction(window.entities.act_whos_who)
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addAction(window.act_shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(window.act_about)


def _fill_view_menu(window: MainWindow, menu: QMenu) -> None:
    view = window.view
    menu.addActions([view.act_zoom_in, view.act_zoom_out, view.act_zoom_reset])
    menu.addSeparator()
    menu.addAction(view.act_goto_page)
    menu.addSeparator()
    menu.addAction(view.act_original)
    menu.addAction(view.act_page_view)
    menu.addAction(window.act_side_panel)
    menu.addMenu(window.documents.recent_menu)
    menu.addSeparator()
    script_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Script"))
    script_menu.addActions(list(view.script_actions.values()))
    script_menu.addSeparator()
    doc_menu = script_menu.addMenu(QCoreApplication.translate("MainWindow", "For This &Document Only"))
    doc_menu.addActions([view.document_script_actions[script] for script in Script])
    doc_menu.addAction(view.act_doc_default)
    script_menu.addAction(view.act_phrases)
    window.addActions(list(view.document_script_actions.values()))  # their keys work wherever the focus is


def build_toolbar(window: MainWindow) -> QToolBar:
    view = window.view
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.addAction(window.imports.act_import_files)
    toolbar.addSeparator()
    toolbar.addActions([window.annotations.act_highlight, window.annotations.act_note])
    toolbar.addSeparator()
    toolbar.addAction(view.act_original)
    toolbar.addSeparator()
    toolbar.addActions([*view.script_actions.values(), view.act_phrases])
    toolbar.addSeparator()
    toolbar.addActions([view.act_zoom_out, view.act_zoom_in])
    scripts = set(view.script_actions.values())
    for action in toolbar.actions():
        if not action.isSeparator():
            label = toolbar_label(action.text())
            # A script's button shows its own name only ("简体", not "简体 Simplified"; the tooltip
            # says the rest), so the toolbar fits a 1024-pixel window.
            action.setIconText(label.split()[0] if action in scripts and label.split() else label)
    window.addToolBar(toolbar)
    return toolbar
