"""Edit ▸ Preferences: where the library lives, how text is shown, what the highlight colours mean.

The dialog edits the one `Settings` object it is given: Apply and OK write every field into it and emit
`applied()`; the window then re-applies fonts, theme and colours. Nothing here touches the window, so
the dialog can be tested (and reused) on its own. The library location and the interface language
are read at start-up only, and the dialog says so next to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.model import DEFAULT_COLORS
from reader.core.script import Script
from reader.settings import Settings, highlight_colors
from reader.ui import file_dialogs
from reader.ui.annotation_dialog import swatch
from reader.ui.i18n import LANGUAGES, QT_TRANSLATE_NOOP
from reader.ui.reading_pane import CJK_FAMILIES, MAX_SIZE, MIN_SIZE
from reader.ui.themes import THEMES

# Script names are shown in the script itself in every interface language, as on the toolbar.
SCRIPT_LABELS = {
    Script.ORIG: "原文",
    Script.HANS: "简体",
    Script.HANT: "繁體",
    Script.TW: "臺灣",
    Script.HK: "香港",
}
THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("PreferencesDialog", "Same as the system"),
    "light": QT_TRANSLATE_NOOP("PreferencesDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("PreferencesDialog", "Dark"),
    "sepia": QT_TRANSLATE_NOOP("PreferencesDialog", "Sepia (reading pane)"),
}


class PreferencesDialog(QDialog):
    applied = Signal()

    def __init__(self, settings: Settings, library_path: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self._library_path = library_path
        self._family = settings.font_family
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(), self.tr("General"))
        tabs.addTab(self._reading_tab(), self.tr("Reading"))
        tabs.addTab(self._colors_tab(), self.tr("Highlights"))
        self.tabs = tabs
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.clicked.connect(self._clicked)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        # Wide enough for a library path and the font note on one line each, never wider than the screen.
        screen = self.screen()
        room = screen.availableGeometry().width() - 40 if screen is not None else 560
        self.setMinimumWidth(min(560, room))

    # -- pages -------------------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.library_edit = QLineEdit(self.settings.library_path or str(self._library_path))
        self.library_edit.setObjectName("libraryPath")
        self.library_edit.setToolTip(self.library_edit.text())
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("browseLibrary")
        browse.clicked.connect(self._browse_library)
        row = QHBoxLayout()
        row.addWidget(self.library_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Library file"), row)
        form.addRow("", self._note(self.tr("A new location takes effect when reader restarts.")))

        self.language_box = QComboBox()
        self.language_box.setObjectName("language")
        self.language_box.addItem(self.tr("Same as the system"), "system")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self._select(self.language_box, self.settings.language)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow("", self._note(self.tr("The interface language changes when reader restarts.")))

        self.theme_box = QComboBox()
        self.theme_box.setObjectName("theme")
        for theme in THEMES:
            self.theme_box.addItem(self.tr(THEME_LABELS[theme]), theme)
        self._select(self.theme_box, self.settings.theme)
        form.addRow(self.tr("Theme"), self.theme_box)
        return page

    def _reading_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.script_box = QComboBox()
        self.script_box.setObjectName("defaultScript")
        for script, label in SCRIPT_LABELS.items():
            self.script_box.addItem(label, script.value)
        self._select(self.script_box, self.settings.script)
        form.addRow(self.tr("Show documents in"), self.script_box)
        self.phrases_box = QCheckBox(self.tr("Regional vocabulary (软件 → 軟體)"))
        self.phrases_box.setObjectName("phrases")
        self.phrases_box.setChecked(self.settings.phrases)
        form.addRow("", self.phrases_box)

        self.font_box = QFontComboBox()
        self.font_box.setObjectName("readingFont")
        self.font_box.setCurrentFont(QFont(self.settings.font_family or CJK_FAMILIES[0]))
        # Connected after the initial value: only a choice the user makes replaces the default fallback list.
        self.font_box.currentFontChanged.connect(self._font_chosen)
        default_font = QToolButton()
        default_font.setObjectName("defaultFont")
        default_font.setText(self.tr("Default"))
        default_font.setToolTip(self.tr("Use the first installed of the usual Chinese reading fonts"))
        default_font.clicked.connect(self._default_font)
        row = QHBoxLayout()
        row.addWidget(self.font_box, 1)
        row.addWidget(default_font)
        form.addRow(self.tr("Font"), row)
        self.font_note = self._note("")
        form.addRow("", self.font_note)
        self._update_font_note()

        self.size_box = QDoubleSpinBox()
        self.size_box.setObjectName("fontSize")
        self.size_box.setRange(MIN_SIZE, MAX_SIZE)
        self.size_box.setSingleStep(0.5)
        self.size_box.setDecimals(1)
        self.size_box.setSuffix(self.tr(" pt"))
        self.size_box.setValue(self.settings.font_size)
        form.addRow(self.tr("Size"), self.size_box)
        self.line_height_box = QDoubleSpinBox()
        self.line_height_box.setObjectName("lineHeight")
        self.line_height_box.setRange(1.0, 3.0)
        self.line_height_box.setSingleStep(0.05)
        self.line_height_box.setDecimals(2)
        self.line_height_box.setSuffix(" ×")
        self.line_height_box.setValue(self.settings.line_height)
        form.addRow(self.tr("Line height"), self.line_height_box)
        return page

    def _colors_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self._note(self.tr("Each colour keeps its meaning in notes you already made; rename it freely.")))
        self.color_buttons: dict[str, QToolButton] = {}
        self.color_names: dict[str, QLineEdit] = {}
        self._hex: dict[str, str] = {}
        for number, color in enumerate(highlight_colors(self.settings), start=1):
            button = QToolButton()
            button.setObjectName(f"colorButton_{color.key}")
            button.setToolTip(self.tr("Choose the colour (Alt+{0} highlights with it)").format(number))
            button.clicked.connect(lambda checked=False, key=color.key: self._choose_color(key))
            name = QLineEdit(color.name)
            name.setObjectName(f"colorName_{color.key}")
            name.setPlaceholderText(next(c.name for c in DEFAULT_COLORS if c.key == color.key))
            self.color_buttons[color.key] = button
            self.color_names[color.key] = name
            self._set_color(color.key, color.hex)
            row = QHBoxLayout()
            row.addWidget(button)
            row.addWidget(name, 1)
            form.addRow(f"{number}", row)
        reset = QPushButton(self.tr("Restore Default Colours"))
        reset.setObjectName("resetColors")
        reset.clicked.connect(self.reset_colors)
        form.addRow("", reset)
        return page

    # -- helpers -----------------------------------------------------------------------------------
    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(placeholder-text);")
        return label

    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        box.setCurrentIndex(max(0, box.findData(value)))

    def _browse_library(self) -> None:
        # A save dialog, not an open one: the user may name a new library as well as pick an existing one.
        path = file_dialogs.save_file_name(
            self,
            self.tr("Library File"),
            self.library_edit.text(),
            self.tr("reader library (*.sqlite *.db);;All files (*)"),
            confirm_overwrite=False,
        )
        if path:
            self.library_edit.setText(path)

    def _font_chosen(self, font: QFont) -> None:
        self._family = font.family()
        self._update_font_note()

    def _default_font(self) -> None:
        self._family = ""
        self._update_font_note()

    def _update_font_note(self) -> None:
        self.font_note.setText(
            self.tr("Default: the first installed of {0}").format(", ".join(CJK_FAMILIES[:3]) + "…")
            if not self._family
            else ""
        )
        self.font_note.setVisible(not self._family)

    def _set_color(self, key: str, hex_color: str) -> None:
        self._hex[key] = hex_color
        self.color_buttons[key].setIcon(swatch(hex_color, 20))
        self.color_buttons[key].setText(hex_color)

    def _choose_color(self, key: str) -> None:
        chosen = QColorDialog.getColor(QColor(self._hex[key]), self, self.tr("Highlight Colour"))
        if chosen.isValid():
            self._set_color(key, chosen.name())

    def reset_colors(self) -> None:
        for color in DEFAULT_COLORS:
            self._set_color(color.key, color.hex)
            self.color_names[color.key].setText(color.name)

    def font_family(self) -> str:
        """The chosen family; "" keeps the built-in list of Chinese reading fonts."""
        return self._family

    def set_font_family(self, family: str) -> None:
        self.font_box.setCurrentFont(QFont(family))
        self._family = family
        self._update_font_note()

    # -- writing back ------------------------------------------------------------------------------
    def apply(self) -> None:
        """Write every field into the settings object, then tell the window."""
        s = self.settings
        library = self.library_edit.text().strip()
        if library != (s.library_path or str(self._library_path)):
            s.library_path = library
        s.language = str(self.language_box.currentData())
        s.theme = str(self.theme_box.currentData())
        s.script = str(self.script_box.currentData())
        s.phrases = self.phrases_box.isChecked()
        s.font_family = self._family
        s.font_size = self.size_box.value()
        s.line_height = self.line_height_box.value()
        defaults = {c.key: c for c in DEFAULT_COLORS}
        # Only differences from the defaults are stored, so a later change of default reaches everyone else.
        s.color_names = {
            key: edit.text().strip()
            for key, edit in self.color_names.items()
            if edit.text().strip() and edit.text().strip() != defaults[key].name
        }
        s.color_hex = {key: value for key, value in self._hex.items() if value.lower() != defaults[key].hex.lower()}
        self.applied.emit()

    def _clicked(self, button: QAbstractButton) -> None:
        if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.ApplyRole:
            self.apply()

    def accept(self) -> None:
        self.apply()
        super().accept()
