"""The main window: document list │ reading pane │ side panel, with every action in a menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader import paths
from reader.core.script import Script
from reader.settings import Settings, highlight_colors, save, settings_path
from reader.store.entities import EntityStore
from reader.store.library import Document, Library
from reader.ui.about_dialog import AboutDialog
from reader.ui.annotations_controller import AnnotationController
from reader.ui.document_model import DocumentTableModel
from reader.ui.entities_panel import EntitiesPanel
from reader.ui.entity_worker import EntityScheduler
from reader.ui.facets_panel import FacetsPanel
from reader.ui.find_bar import FindBar
from reader.ui.import_actions import ImportActions
from reader.ui.info_panel import InfoPanel, human_size
from reader.ui.preferences_dialog import PreferencesDialog
from reader.ui.reading_view import ReadingView
from reader.ui.removed_panel import RemovedPanel
from reader.ui.search_box import SearchBox
from reader.ui.shortcuts_dialog import ShortcutsDialog
from reader.ui.snippet_delegate import SnippetDelegate
from reader.ui.themes import apply_theme, reading_pane_style
from reader.ui.workers import ImportJob


class MainWindow(ImportActions):
    documentShown = Signal(int)

    def __init__(self, library: Library, settings: Settings, *, config_dir: Path | None = None) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self._config_dir = config_dir if config_dir is not None else paths.config_dir()
        self._jobs: list[ImportJob] = []
        self._closing = False
        self.current: Document | None = None
        self.setWindowTitle("reader")
        self.setAcceptDrops(True)
        self.resize(1280, 820)

        self.model = DocumentTableModel(
            library, self, sort_column=settings.sort_column, descending=settings.sort_descending
        )
        self.table = QTableView()
        self.table.setObjectName("documentList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Fixed widths: sizing a column to its contents would read every row of a 100,000-row list.
        # Site names can be long; the title is what tells documents apart, so it gets the room.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 82), (2, 96), (3, 64), (4, 44)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        match = DocumentTableModel.MATCH_COLUMN
        self.table.setItemDelegateForColumn(match, SnippetDelegate(self.table))
        header.resizeSection(match, 260)
        self.table.setColumnHidden(match, True)  # shown while a search is active
        order = Qt.SortOrder.DescendingOrder if settings.sort_descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(settings.sort_column, order)
        self.table.setSortingEnabled(True)  # sorts once, by the remembered column
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.reading = ReadingView(
            family=settings.font_family,
            size=settings.font_size,
            line_height=settings.line_height,
            measure_em=settings.measure_em,
        )
        self.pane = self.reading.pane
        self.pane.zoomChanged.connect(self._on_zoom)
        self.pane.setStyleSheet(reading_pane_style(settings.theme))
        self.pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pane.customContextMenuRequested.connect(self._pane_menu)

        self.search_box = SearchBox()
        self.search_box.queryChanged.connect(self.run_library_search)
        self.search_box.edit.returnPressed.connect(self.search_box.flush)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 0)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.table, 1)
        self.facets = FacetsPanel()
        self.facets.termChosen.connect(self.add_search_term)
        self.facets.setMaximumHeight(180)
        left_layout.addWidget(self.facets)
        self.find_bar = FindBar()
        self.find_bar.textChanged.connect(self.find_in_document)
        self.find_bar.nextRequested.connect(lambda: self.step(1))
        self.find_bar.previousRequested.connect(lambda: self.step(-1))
        self.find_bar.closed.connect(self.close_find)
        reading_layout = self.reading.layout()
        assert isinstance(reading_layout, QVBoxLayout)
        reading_layout.insertWidget(3, self.find_bar)
        self._steps = []
        self._step = -1

        self.info = InfoPanel()
        self.side = QTabWidget()
        self.side.setObjectName("sidePanel")
        self.removed_panel = RemovedPanel()
        self.removed_panel.lineActivated.connect(self.show_original_line)
        self.removed_panel.restoreRequested.connect(lambda line: self.set_line_override(line, True))
        self.removed_panel.forgetRequested.connect(lambda line: self.set_line_override(line, None))
        self.info.editRequested.connect(self.edit_metadata)
        self.side.addTab(self.info, self.tr("Info"))
        self.side.addTab(self.removed_panel, self.tr("Removed"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reading)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([400, 640, 340])
        self.setCentralWidget(self.splitter)

        self.entity_store = EntityStore(self.library.conn)
        self.entities_panel = EntitiesPanel()
        self.entities_panel.entityActivated.connect(self.show_entity)
        self.entities_panel.entityFilterRequested.connect(self.filter_by_entity)
        self.side.insertTab(0, self.entities_panel, self.tr("Entities"))
        self.entity_scheduler = EntityScheduler(self.library.path, self)
        self.entity_scheduler.hold(800)  # let the window open before the model loads
        self.entity_scheduler.extracted.connect(self._on_entities_extracted)
        self.importFinished.connect(lambda _r: self.entity_scheduler.start())
        self.annotations = AnnotationController(self)
        self.side.insertTab(0, self.annotations.panel, self.tr("Annotations"))
        self.side.setCurrentIndex(0)
        self.library_label = QLabel()
        self.library_label.setObjectName("librarySize")
        self.statusBar().addPermanentWidget(self.library_label)
        self._build_actions()
        self._restore_state()
        self.update_status()
        self.refresh_facets(self.search_box.text())
        if self.model.rowCount() > 0:
            self.select_document(self.settings.last_document or (self.model.id_at(0) or 0))
        self.entity_scheduler.start()

    # -- actions -----------------------------------------------------------------------------------
    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: Any, *, name: str
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_import_files = self._action(
            self.tr("&Import Files…"),
            QKeySequence.StandardKey.Open,
            self.import_files_dialog,
            name="importFiles",
        )
        self.act_import_folder = self._action(
            self.tr("Import &Folder…"), "Ctrl+Shift+O", self.import_folder_dialog, name="importFolder"
        )
        self.act_export = self._action(self.tr("&Export Notes…"), "Ctrl+E", self.export_dialog, name="export")
        self.act_import_annotations = self._action(
            self.tr("Import &Annotations…"), None, self.import_annotations_dialog, name="importAnnotations"
        )
        self.act_search = self._action(self.tr("&Search Library"), "Ctrl+K", self.focus_search, name="search")
        self.act_search.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])
        self.act_find = self._action(
            self.tr("&Find in Document…"), QKeySequence.StandardKey.Find, self.open_find, name="find"
        )
        self.act_find_next = self._action(self.tr("Find &Next"), "F3", lambda: self.step(1), name="findNext")
        self.act_find_prev = self._action(self.tr("Find &Previous"), "Shift+F3", lambda: self.step(-1), name="findPrev")
        self.act_print = self._action(
            self.tr("&Print…"), QKeySequence.StandardKey.Print, self.print_document, name="print"
        )
        self.act_quit = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, name="quit")
        self.act_zoom_in = self._action(
            self.tr("Zoom &In"),
            QKeySequence.StandardKey.ZoomIn,
            lambda: self.pane.zoom_by(1.0),
            name="zoomIn",
        )
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_zoom_out = self._action(
            self.tr("Zoom &Out"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: self.pane.zoom_by(-1.0),
            name="zoomOut",
        )
        self.act_zoom_reset = self._action(self.tr("&Actual Size"), "Ctrl+0", self._reset_zoom, name="zoomReset")
        self.act_about = self._action(self.tr("&About reader"), None, self.show_about, name="about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_preferences = self._action(
            self.tr("&Preferences…"), "Ctrl+,", self.show_preferences, name="preferences"
        )
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_shortcuts = self._action(self.tr("&Keyboard Shortcuts"), "F1", self.show_shortcuts, name="shortcuts")
        self.act_original = self._action(
            self.tr("Show &Original"),
            "Ctrl+U",
            self._original_toggled,
            name="original",
        )
        self.act_original.setCheckable(True)
        self.act_original.setToolTip(self.tr("Toggle between the cleaned text and the text as imported (Ctrl+U)"))
        self.script_group = QActionGroup(self)
        self.script_actions: dict[Script, QAction] = {}
        labels = {
            Script.ORIG: self.tr("原文 Original"),
            Script.HANS: self.tr("简体 Simplified"),
            Script.HANT: self.tr("繁體 Traditional"),
            Script.TW: self.tr("臺灣 Taiwan"),
            Script.HK: self.tr("香港 Hong Kong"),
        }
        short = {Script.ORIG: "原", Script.HANS: "简", Script.HANT: "繁", Script.TW: "臺", Script.HK: "港"}
        for number, script in enumerate(Script, start=1):
            action = self._action(
                labels[script],
                f"Ctrl+{number}",
                lambda checked=False, s=script: self.set_script(s),
                name=f"script_{script}",
            )
            action.setCheckable(True)
            action.setIconText(short[script])
            action.setToolTip(
                self.tr("{0} (Ctrl+{1}); Ctrl+Shift+{1} for this document only").format(labels[script], number)
            )
            self.script_group.addAction(action)
            self.script_actions[script] = action
            doc_action = self._action(
                labels[script],
                f"Ctrl+Shift+{number}",
                lambda checked=False, s=script: self.set_script(s, this_document=True),
                name=f"doc_script_{script}",
            )
            self.addAction(doc_action)
            setattr(self, f"act_doc_script_{script}", doc_action)
        self.act_phrases = self._action(
            self.tr("Regional &Vocabulary"),
            "Ctrl+7",
            self._phrases_toggled,
            name="phrases",
        )
        self.act_phrases.setCheckable(True)
        self.act_phrases.setToolTip(self.tr("Convert words too (软件 → 軟體); positions are mapped back exactly"))
        self.act_doc_default = self._action(
            self.tr("Use Default Script for This Document"), None, self.clear_document_script, name="docDefault"
        )
        self.act_edit_metadata = self._action(self.tr("Edit &Metadata…"), "Ctrl+I", self.edit_metadata, name="editMeta")

        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.act_import_files)
        menu.addAction(self.act_import_folder)
        menu.addAction(self.act_import_annotations)
        menu.addSeparator()
        menu.addAction(self.act_export)
        menu.addAction(self.act_print)
        menu.addSeparator()
        menu.addAction(self.act_quit)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addAction(self.act_zoom_in)
        self.view_menu.addAction(self.act_zoom_out)
        self.view_menu.addAction(self.act_zoom_reset)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.act_original)
        script_menu = self.view_menu.addMenu(self.tr("&Script"))
        for action in self.script_actions.values():
            script_menu.addAction(action)
        script_menu.addSeparator()
        doc_menu = script_menu.addMenu(self.tr("For This &Document Only"))
        for script in Script:
            doc_menu.addAction(getattr(self, f"act_doc_script_{script}"))
        doc_menu.addAction(self.act_doc_default)
        script_menu.addAction(self.act_phrases)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.menuBar().insertMenu(self.view_menu.menuAction(), edit_menu)
        annotate_menu = self.menuBar().addMenu(self.tr("&Annotate"))
        self.annotations.install_menus(edit_menu, annotate_menu)
        edit_menu.addSeparator()
        for action in (self.act_search, self.act_find, self.act_find_next, self.act_find_prev):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_preferences)
        document_menu = self.menuBar().addMenu(self.tr("&Document"))
        document_menu.addAction(self.act_edit_metadata)
        self.act_reload = self._action(
            self.tr("&Reload from File"), "Ctrl+Shift+R", self.reload_from_file, name="reloadFromFile"
        )
        self.act_reload.setToolTip(self.tr("Import the file again if it changed; annotations move with the text"))
        document_menu.addAction(self.act_reload)
        self.act_whos_who = self._action(self.tr("&Who's Who…"), "Ctrl+Shift+W", self.show_whos_who, name="whosWho")
        document_menu.addAction(self.act_whos_who)
        self.document_menu = document_menu
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_shortcuts)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.act_import_files)
        toolbar.addSeparator()
        toolbar.addAction(self.annotations.act_highlight)
        toolbar.addAction(self.annotations.act_note)
        toolbar.addSeparator()
        toolbar.addAction(self.act_original)
        toolbar.addSeparator()
        for action in self.script_actions.values():
            toolbar.addAction(action)
        toolbar.addAction(self.act_phrases)
        toolbar.addSeparator()
        toolbar.addAction(self.act_zoom_out)
        toolbar.addAction(self.act_zoom_in)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    # -- documents ---------------------------------------------------------------------------------
    def select_document(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is None:
            return
        # Not selectRow(): it reads the keyboard modifiers, so a held Ctrl would toggle instead of select.
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            return
        doc_id = self.model.id_at(rows[0].row())
        if doc_id is not None:
            self.show_document(doc_id)

    def show_document(self, doc_id: int) -> None:
        doc = self.library.get(doc_id)
        self.current = doc
        self.info.show_document(doc)
        script, phrases = self.script_for(doc_id)
        self._sync_script_actions(script, phrases)
        self.reading.set_document(doc, script, phrases, original=self.act_original.isChecked())
        if doc is None:
            self.removed_panel.show_removed([], {})
            self.annotations.refresh()
            self._refresh_entities()
            return
        self.removed_panel.show_removed(doc.removed, doc.overrides)
        self._draw_removed()
        self.annotations.refresh()
        self._refresh_entities()
        if self.find_bar.isVisible():
            self.find_in_document(self.find_bar.edit.text())
        else:
            self._show_search_hits()
        self.settings.last_document = doc_id
        self.documentShown.emit(doc_id)

    def current_text(self) -> str:
        return self.pane.toPlainText()

    # -- misc --------------------------------------------------------------------------------------
    def update_status(self) -> None:
        """The library's size, kept in a permanent label so passing messages never hide it."""
        count = self.library.count()
        chars = self.library.total_chars()
        size = human_size(self.library.file_size())
        self.library_label.setText(
            self.tr("{0} documents · {1} characters · library {2}").format(f"{count:,}", f"{chars:,}", size)
        )
        self.library_label.setToolTip(str(self.library.path))

    def _on_zoom(self, size: float) -> None:
        self.settings.font_size = size

    def _reset_zoom(self) -> None:
        self.pane.set_reading_font(self.settings.font_family, Settings().font_size)
        self.settings.font_size = self.pane.font_size

    def show_about(self) -> None:
        dialog = AboutDialog(self.library.path, settings_path(self._config_dir), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self.library.path, self)
        dialog.applied.connect(self.apply_preferences)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def apply_preferences(self) -> None:
        """Bring theme, fonts, colours and the default script in line with the settings, then save them."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme)
        self.pane.setStyleSheet(reading_pane_style(self.settings.theme))
        self.pane.set_reading_font(self.settings.font_family, self.settings.font_size)
        self.pane.set_line_height(self.settings.line_height)
        self.annotations.set_colors(highlight_colors(self.settings))
        if self.current is not None:
            self.show_document(self.current.id)
        save(self.settings, settings_path(self._config_dir))

    def _restore_state(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))
        if self.settings.splitter_state:
            self.splitter.restoreState(QByteArray.fromBase64(self.settings.splitter_state.encode()))

    def save_state(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode()
        self.settings.splitter_state = bytes(self.splitter.saveState().toBase64().data()).decode()
        header = self.table.horizontalHeader()
        self.settings.sort_column = header.sortIndicatorSection() if header.isSortIndicatorShown() else 0
        self.settings.sort_descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        save(self.settings, settings_path(self._config_dir))

    def closeEvent(self, event: QCloseEvent) -> None:
        for job in list(self._jobs):
            job.cancel()
            job.worker_thread.quit()
            job.worker_thread.wait(5000)
        self._closing = True
        # Debounce timers may still fire after the library is closed: silence the widgets that own them.
        for widget in (self.search_box, self.find_bar):
            widget.blockSignals(True)
        self.entity_scheduler.stop()
        self.save_state()
        super().closeEvent(event)
