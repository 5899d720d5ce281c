"""The main window: document list │ reading pane │ side panel, with every action in a menu.

The window only assembles. Each controller gets what it works on (the library it reads, the writes it
submits, the settings, the reading view, the window to parent its dialogs) and owns its actions; the
window lays out the widgets, puts the actions in menus and the toolbar, and connects the controllers'
signals to one another. Controllers refresh from `writes.changed`, which says what each write changed.
See docs/architecture.md for the picture.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFontMetrics,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSizePolicy,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader import paths
from reader.app.reports import ImportReport
from reader.app.writer import Writer
from reader.core.script import Script
from reader.settings import Settings, highlight_colors, save_changes, settings_path
from reader.store.library import Document, Library
from reader.ui.actions import make_action
from reader.ui.annotations_controller import AnnotationController
from reader.ui.document_controller import DocumentController
from reader.ui.entities_controller import EntitiesController
from reader.ui.export_controller import ExportController
from reader.ui.facets_panel import FacetsPanel
from reader.ui.find_bar import FindBar
from reader.ui.find_controller import FindController
from reader.ui.import_controller import ImportController
from reader.ui.info_panel import InfoPanel
from reader.ui.organise_controller import OrganiseController
from reader.ui.outside_changes import OutsideChanges
from reader.ui.reading_splitter import ReadingSplitter
from reader.ui.reading_view import ReadingView
from reader.ui.search_box import SearchBox
from reader.ui.search_controller import SearchController
from reader.ui.tab_follower import TabFollower
from reader.ui.themes import apply_theme, reading_pane_style
from reader.ui.view_controller import ViewController
from reader.ui.window_menus import build_menus, build_toolbar
from reader.ui.workers import ImportJob
from reader.ui.writes import Writes

# The reading pane keeps at least this many characters a line when the window is small: the side panel
# and the list shrink to their minimums first (ReadingSplitter), and the side panel can be collapsed
# (F9). Below that, the pane's hard minimum (a third fewer) keeps a narrow window possible.
READING_MIN_CHARS = 30
READING_HARD_MIN_CHARS = 20
READING_MIN_CAP = 760
SIDE_PANEL_WIDTH = 300  # what the side panel opens at when it was collapsed from the start
LIST_WIDTH = 320  # the document list's first width
# The list never gets narrower than what shows this many characters of a title beside its other columns:
# at 160 pixels a title kept two characters ("关…知") and documents could not be told apart.
LIST_MIN_TITLE_CHARS = 7
LIST_MIN_CAP = 320  # however many columns the reader turned on
LIST_MIN_ROWS = 6  # rows the list keeps when the window is short; the facets give way first
# After an import, the entity thread starts this long after the new document opened: past its first paint.
ENTITIES_AFTER_OPEN_MS = 300
TURN_MS = 1  # `_in_turns`: a timer's shortest wait, so that each step is a turn of its own
# How long a thread running Python keeps the interpreter lock when another asks for it, while the window is
# open (CPython's default is 5 ms). The GUI thread asks for it again at every return from Qt into Python (a
# slot, a model's data, a paint of our own), so with the OCR, import or entity thread busy in Python each
# such return could wait 5 ms, and opening a document (dozens of returns) took two to four times its CPU
# time. The setting is the process's: the window sets it when it opens and puts back what it found when it
# closes, so that a process that goes on without a window (a test run, a script) is not left with it.
SWITCH_INTERVAL_S = 0.001


class MainWindow(QMainWindow):
    documentShown = Signal(int)
    # ImportReport, once the list shows what the import brought and its document is open (unless the reader
    # opened another meanwhile, or it was deleted, or a later import's document takes its place)
    importFinished = Signal(object)

    def __init__(
        self, library: Library, settings: Settings, *, config_dir: Path | None = None, writer: Writer | None = None
    ) -> None:
        """`library` is what the window reads; `writer` owns the only connection that writes (made here
        when the caller has none: the window then owns it and closes it with itself)."""
        super().__init__()
        self._switch_interval = sys.getswitchinterval()  # put back when the window closes
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._opening: object | None = None  # the import whose document is being opened (`_on_import_finished`)
        self.library = library
        self.writer = writer if writer is not None else Writer(library.path)
        self.writes = Writes(self.writer, self)
        self.settings = settings
        # The settings as last read or written: on saving, only what this window changed since is written
        # over the file, so a second window's choices saved meanwhile are kept (`save_changes`).
        self._settings_base = copy.deepcopy(settings)
        self._config_dir = config_dir if config_dir is not None else paths.config_dir()
        self.setWindowTitle("reader")
        self.setAcceptDrops(True)
        self._fit_to_screen(1280, 820)
        self._build_widgets()
        self._build_controllers()
        self._connect_controllers()
        self._lay_out()
        self._build_window_actions()
        build_menus(self)
        self.toolbar = build_toolbar(self)
        self._restore_state()
        self.documents.update_status()
        self.search.refresh_facets()
        self.documents.open_first()
        self.entities.scheduler.start()
        self.imports.offer_unfinished()  # an import a quit or a crash interrupted: Resume or Discard

    # -- assembly ----------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        settings = self.settings
        self.reading = ReadingView(
            family=settings.font_family,
            size=settings.font_size,
            line_height=settings.line_height,
            measure_em=settings.measure_em,
        )
        self.pane = self.reading.pane
        self.pane.setStyleSheet(reading_pane_style(settings.theme))
        self.search_box = SearchBox()
        self.facets = FacetsPanel()
        self.facets.setMaximumHeight(180)
        self.find_bar = FindBar()
        self.info = InfoPanel()

    def _build_controllers(self) -> None:
        library, writes, settings, reading = self.library, self.writes, self.settings, self.reading
        self.view = ViewController(reading, settings, self)
        self.documents = DocumentController(library, writes, settings, reading, self.view, self)
        self.finder = FindController(reading, self.find_bar, self)
        self.search = SearchController(library, self.search_box, self.facets, reading, self.documents, self)
        self.annotations = AnnotationController(library, writes, settings, reading, self.documents, self.view, self)
        self.entities = EntitiesController(library, writes, reading, self.view, self.finder, self.search, self)
        self.exports = ExportController(library, writes, settings, reading, self.documents, self)
        self.imports = ImportController(self.writer, settings, self, library)
        self.organise = OrganiseController(library, writes, self.documents, self.search, self)
        # The widgets the window lays out, and what code outside the window reaches for.
        self.model = self.documents.model
        self.table = self.documents.table
        self.library_label = self.documents.library_label
        self.removed_panel = self.view.removed_panel
        self.entities_panel = self.entities.panel
        self.entity_store = self.entities.store
        self.entity_scheduler = self.entities.scheduler

    def _connect_controllers(self) -> None:
        documents = self.documents
        documents.documentChanged.connect(self.info.show_document)
        documents.documentChanged.connect(lambda _doc: self.entities_follower.document_changed())
        documents.documentChanged.connect(self.finder.show_document)
        documents.documentChanged.connect(self._on_document_changed)
        documents.libraryChanged.connect(self.search.refresh_facets)
        documents.reimportRequested.connect(self.imports.start_import)
        self.info.editRequested.connect(documents.edit_metadata)
        self.reading.viewChanged.connect(lambda: self.info.show_font(self.reading.font_family))
        self.reading.viewChanged.connect(self._keep_reading_width)
        self.view.scriptChanged.connect(self.search.on_script_changed)
        self.search.queryApplied.connect(self.finder.set_library_query)
        self.view.originalChanged.connect(lambda _original: self.finder.redraw_hits())
        documents.libraryChanged.connect(self.search.refresh_results)
        self.annotations.documentRequested.connect(self._reveal)
        documents.documentRequested.connect(self._reveal)
        self.exports.annotationsImported.connect(self.annotations.refresh)
        self.imports.importFinished.connect(self._on_import_finished)
        documents.listMenuRequested.connect(self.organise.extend_list_menu)
        documents.listMenuRequested.connect(lambda menu, _ids: menu.addAction(self.exports.act_export))
        self.writes.changed.connect(documents.on_changes)
        self.writes.changed.connect(self.annotations.on_changes)
        # One undo history for the window: a deletion and a highlight undo in the order they were made.
        documents.deletion.undoable.connect(lambda command: self.annotations.undo_stack.push(command))
        self.writes.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        # Writes from other processes (the command line, a second window) reach the window the same way.
        self.outside = OutsideChanges(self.library, self.writes, self)

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 0)
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.facets)
        left_layout.addWidget(self.organise.panel)
        # In a short window the facets and collections shrink to a few rows before the list does: the list
        # keeps LIST_MIN_ROWS rows (at the window's minimum height it showed two and a half).
        self.table.setMinimumHeight(LIST_MIN_ROWS * self.table.verticalHeader().defaultSectionSize() + 32)
        row = self.fontMetrics().height() + 6
        self.facets.setMinimumHeight(3 * row)
        self.organise.panel.setMinimumHeight(2 * row)
        self.facets.setSizePolicy(self.facets.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Ignored)
        left_layout.setStretch(left_layout.indexOf(self.table), 4)
        left_layout.setStretch(left_layout.indexOf(self.facets), 1)
        reading_layout = self.reading.layout()
        assert isinstance(reading_layout, QVBoxLayout)
        reading_layout.insertWidget(3, self.find_bar)
        reading_layout.insertWidget(0, self.imports.unfinished_bar)
        self.side = QTabWidget()
        self.side.setObjectName("sidePanel")
        self.side.addTab(self.annotations.panel, self.tr("Annotations"))
        self.side.addTab(self.entities.panel, self.tr("Entities"))
        self.side.addTab(self.info, self.tr("Info"))
        self.side.addTab(self.view.removed_panel, self.tr("Removed"))
        self.side.setCurrentIndex(0)
        # All four tabs stay in view: at its first width the panel shows their whole names, narrower they
        # elide rather than hide "Removed" behind scroll arrows.
        self.side.setUsesScrollButtons(False)
        self.side.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.side.currentChanged.connect(self._on_side_tab_changed)
        # The Entities tab follows the open document without holding up its opening when behind another.
        self.entities_follower = TabFollower(
            self.side, self.entities.panel, lambda: self.entities.show_document(self.documents.current), self
        )
        self.splitter = ReadingSplitter(lambda: self._reading_width(READING_MIN_CHARS))
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reading)
        self.splitter.addWidget(self.side)
        # The reading pane takes most of what the window gains or loses; the side columns can shrink
        # to a usable minimum (and collapse when dragged shut), so a small window still reads well.
        left.setMinimumWidth(self._list_min_width())
        frame = 2 * self.side.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        self.side.setMinimumWidth(max(180, self.side.tabBar().minimumSizeHint().width() + frame))
        self._keep_reading_width()
        for index, stretch in enumerate((1, 4, 1)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setCollapsible(1, False)
        self._side_width = self._side_panel_width()
        self.splitter.keep[2] = self._side_panel_width
        self.splitter.setSizes([LIST_WIDTH, 660, self._side_width])
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._sync_side_panel_action())
        self.setCentralWidget(self.splitter)
        self.statusBar().addPermanentWidget(self.view.page_label)
        self.statusBar().addPermanentWidget(self.library_label)

    # -- the window's own actions, menus and toolbar -----------------------------------------------
    def _build_window_actions(self) -> None:
        self.act_quit = make_action(self, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, name="quit")
        self.act_about = make_action(self, self.tr("&About reader"), None, self.show_about, name="about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_preferences = make_action(
            self, self.tr("&Preferences…"), "Ctrl+,", self.show_preferences, name="preferences"
        )
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_shortcuts = make_action(
            self, self.tr("&Keyboard Shortcuts"), "F1", self.show_shortcuts, name="shortcuts"
        )
        self.act_side_panel = make_action(
            self, self.tr("Side &Panel"), "F9", self.set_side_panel_shown, name="sidePanel"
        )
        self.act_side_panel.setCheckable(True)
        self.act_side_panel.setChecked(True)
        self.act_side_panel.setToolTip(self.tr("Show or hide the Annotations, Entities, Info and Removed tabs (F9)"))

    # -- the side panel and the reading pane's width ------------------------------------------------
    def _fit_to_screen(self, width: int, height: int) -> None:
        """The first size, no larger than the screen's free area (a saved geometry replaces it later)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, free.width()), min(height, free.height())
        self.resize(width, height)

    def set_side_panel_shown(self, shown: bool) -> None:
        """Collapse the side panel into the reading pane, or open it again at the width it had. Collapsed
        rather than hidden, so the splitter's saved state remembers it across sessions."""
        sizes = self.splitter.sizes()
        if shown == (sizes[2] > 0):
            self._sync_side_panel_action()
            return
        if shown:
            # Room comes from the reading pane down to its comfortable width, then from the list down to its
            # minimum, then from the reading pane again (the side panel's own minimum).
            left = self.splitter.widget(0)
            assert left is not None
            width = max(self._side_width, self.side.minimumWidth())
            from_reading = min(width, max(0, sizes[1] - self._reading_width(READING_MIN_CHARS)))
            from_left = min(width - from_reading, max(0, sizes[0] - left.minimumWidth()))
            extra = max(0, self.side.minimumWidth() - from_reading - from_left)
            extra = min(extra, max(0, sizes[1] - from_reading - self.reading.minimumWidth()))
            sizes = [sizes[0] - from_left, sizes[1] - from_reading - extra, from_reading + from_left + extra]
        else:
            # The reading pane takes the room up to its measure (wider only adds margins), the list the rest.
            self._side_width = sizes[2]
            to_reading = max(0, min(sizes[2], self._reading_width(self.settings.measure_em) - sizes[1]))
            sizes = [sizes[0] + sizes[2] - to_reading, sizes[1] + to_reading, 0]
        self.splitter.setSizes(sizes)
        self._sync_side_panel_action()

    def _sync_side_panel_action(self) -> None:
        """The View menu's check follows the panel, also when it was dragged shut or open."""
        side = self.splitter.sizes()[2]
        if side > 0:
            self._side_width = side
        self.act_side_panel.setChecked(side > 0)

    def _side_panel_width(self) -> int:
        """The side panel's first width: SIDE_PANEL_WIDTH, or what its four tab names need if more (they
        are longer in some languages)."""
        bar = self.side.tabBar()
        tabs = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        return max(SIDE_PANEL_WIDTH, tabs + 2 * self.side.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth))

    def _list_min_width(self) -> int:
        """The left column's minimum: LIST_MIN_TITLE_CHARS characters of a bold title, the list's other
        shown columns, its scroll bar and frame (capped at LIST_MIN_CAP)."""
        bold = self.table.font()
        bold.setBold(True)
        title = LIST_MIN_TITLE_CHARS * QFontMetrics(bold).horizontalAdvance("中") + 12
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(c) for c in range(header.count()) if c != 0 and not self.table.isColumnHidden(c)
        )
        scroll = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return min(LIST_MIN_CAP, title + others + scroll + 2 * self.table.frameWidth() + 8)

    def _keep_reading_width(self) -> None:
        """The reading pane's hard minimum and comfortable width follow the reading font and zoom."""
        self.reading.setMinimumWidth(min(READING_MIN_CAP, self._reading_width(READING_HARD_MIN_CHARS)))
        self.splitter.make_room()

    def _reading_width(self, chars: int) -> int:
        """The pane width that shows `chars` characters of the reading font a line, with the pane's
        margins and scroll bar."""
        text = chars * QFontMetrics(self.pane.font()).horizontalAdvance("中")
        margins = 2 * int(self.pane.document().documentMargin()) + 2 * self.pane.frameWidth()
        return text + margins + self.pane.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    # -- between controllers -----------------------------------------------------------------------
    def _on_side_tab_changed(self, index: int) -> None:
        if self.side.widget(index) is not self.entities.panel:
            self.entities.clear_marks()

    def _on_document_changed(self, doc: Document | None) -> None:
        if doc is not None:
            self.documentShown.emit(doc.id)

    def _on_import_finished(self, report: ImportReport) -> None:
        """Open the import's first document over several turns of the event loop, so that the list's
        refresh, the new characters' first layout, their first paint and the document's opening are not
        one stall (about 5, 18, 12 and 15-25 ms of the GUI thread; together they stopped the window for
        70-140 ms). The new documents' entities are looked for a moment later: the entity thread's Python,
        beside the GUI thread's, makes each of the GUI's returns into Python wait for the interpreter
        lock, which stretched that work two- to fourfold.

        The reader may act between those turns: a document they open, or the imported one deleted, is
        left as they made it (`_imported`); a later import's report takes the place of this one's."""
        doc_id = self.documents.to_open(report, self.imports.named(report))
        shown = self._shown_id()
        if report.background and self._opening is not None:
            # A document the reader asked for is being opened: a background job (the sample library on a
            # first start with a file) never takes its place; it only announces itself.
            doc_id, opening = None, self._opening
        else:
            opening = self._opening = object()

        # One turn reads the document; its warming steps and the opening follow, a turn each.
        def read() -> Iterator[Callable[[], None]]:
            return iter(()) if doc_id is None else self.documents.preparing(doc_id)

        def open_it() -> None:
            mine = self._opening is opening
            self._imported(report, doc_id if mine else None, shown)
            if mine and doc_id is not None:
                self._opening = None

        self._in_turns([lambda: self._in_turns(chain(read(), [open_it]))])

    def _in_turns(self, steps: Iterable[Callable[[], None]]) -> None:
        """Run `steps` one per turn of the event loop, on a timer: a zero-delay call is a posted event, and
        posted events queued meanwhile are handled in the same pass, so input, paints and the window's
        timers would not get in between; a timer lets them. Each step is taken from `steps` in its own turn,
        just before it runs, so a step may depend on what the reader did since the previous one. Once the
        window is closing, no further step runs (the close may come in between two: it is one of the events
        they let in)."""
        pending = iter(steps)

        def step() -> None:
            if self.documents.closed:
                return
            now = next(pending, None)
            if now is not None:
                now()
                QTimer.singleShot(TURN_MS, self, step)

        if not self.documents.closed:
            QTimer.singleShot(TURN_MS, self, step)

    def _imported(self, report: ImportReport, doc_id: int | None, shown: int | None) -> None:
        """The last turn: open `doc_id` unless it is gone from the list or the reader opened another
        document since the report arrived (`shown` was open then), look for entities, announce the import."""
        # Held before the opening: with the Entities tab in front, showing the document asks for its
        # entities at once, which would start the entity thread within this turn.
        self.entities.scheduler.hold(ENTITIES_AFTER_OPEN_MS)
        if doc_id is not None and self.model.row_of(doc_id) is not None and self._shown_id() == shown:
            self.documents.select(doc_id)
        self.entities.scheduler.start()
        self.importFinished.emit(report)

    def _shown_id(self) -> int | None:
        return None if self.documents.current is None else self.documents.current.id

    def _reveal(self, doc_id: int) -> None:
        """Open a document even if the current search hides it from the list."""
        self.search.clear()
        self.documents.select(doc_id)

    # -- for callers outside the window (the app, tests, benchmarks) -------------------------------
    @property
    def current(self) -> Document | None:
        return self.documents.current

    def select_document(self, doc_id: int) -> None:
        self.documents.select(doc_id)

    def set_script(self, script: Script, *, this_document: bool = False) -> None:
        self.view.set_script(script, this_document=this_document)

    def start_import(self, paths_: list[Path], *, seeds: bool = False, reclean: bool = False) -> ImportJob:
        return self.imports.start_import(paths_, seeds=seeds, reclean=reclean)

    def _refresh_entities(self) -> None:
        """Kept for tests that redraw the Entities tab after storing entities themselves."""
        self.entities_follower.catch_up()
        self.entities.refresh()

    # -- dialogs -----------------------------------------------------------------------------------
    def show_about(self) -> None:
        from reader.ui.about_dialog import AboutDialog  # dialogs load when first opened

        dialog = AboutDialog(
            self.library.path, settings_path(self._config_dir), self, data_size=self.library.file_size()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_shortcuts(self) -> None:
        from reader.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_preferences(self) -> None:
        from reader.ui.preferences_dialog import PreferencesDialog

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
        self.documents.show_again()
        self.save_settings()

    def save_settings(self) -> None:
        """Write the settings this window changed, leaving those another window saved meanwhile."""
        self._settings_base = save_changes(self.settings, self._settings_base, settings_path(self._config_dir))

    # -- window state and events -------------------------------------------------------------------
    def _restore_state(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))
        # The panes' widths are given once the splitter has the window's width: given to a splitter still at
        # its first, unshown size, they were scaled by the stretch factors when the window came up (the list
        # saved at 318 pixels came back at 249).
        self._lay_out_now()
        if self.settings.splitter_state:
            self.splitter.restoreState(QByteArray.fromBase64(self.settings.splitter_state.encode()))
        else:
            self.splitter.setSizes(
                [LIST_WIDTH, self.splitter.width() - LIST_WIDTH - self._side_width, self._side_width]
            )
        self._sync_side_panel_action()

    def _lay_out_now(self) -> None:
        """Give the central widget its place in the window now, before the window is shown."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            layout.setGeometry(self.rect())

    def save_state(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode()
        self.settings.splitter_state = bytes(self.splitter.saveState().toBase64().data()).decode()
        header = self.table.horizontalHeader()
        self.settings.sort_column = header.sortIndicatorSection() if header.isSortIndicatorShown() else 0
        self.settings.sort_descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        self.save_settings()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.entities_follower.window_shown()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if ImportController.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.imports.drop(event.mimeData()):
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.outside.stop()
        self.entities_follower.close()
        self.imports.cancel_all()
        self.entities.stop()
        # Debounce timers may still fire after the library is closed: silence the widgets that own them.
        for widget in (self.search_box, self.find_bar):
            widget.blockSignals(True)
        self.documents.close()  # the reading position, before the library goes
        self.writes.flush()
        self.writer.close()
        self.save_state()
        sys.setswitchinterval(self._switch_interval)
        super().closeEvent(event)
