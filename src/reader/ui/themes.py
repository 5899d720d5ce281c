"""Light, dark and sepia: the window's palette, and the reading pane's tint.

"system" follows the desktop's colour scheme (Qt 6.5+ reports it through QStyleHints). A platform style
that draws dark by itself is left alone; otherwise a dark scheme uses the Fusion style with a dark
palette, since most styles ignore a dark palette or draw it badly. Sepia is a reading theme: the
chrome stays light and only the text pane is tinted, as in e-book readers.

Highlight colours are pastel and drawn with alpha over the page; `highlight_text_color` names the ink
that stays readable on them whatever the page colour is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("system", "light", "dark", "sepia")
_NATIVE_STYLE = "readerNativeStyle"  # app property: the style Qt picked before we changed it
_NATIVE_DARK = "readerNativeDark"  # app property: whether the desktop's own palette was dark

# Page and ink of each reading theme: (background, text, selection background, selection text).
_PANE_COLORS: dict[str, tuple[str, str, str, str]] = {
    "sepia": ("#f4ecd8", "#3b2f1e", "#c8a46a", "#1c1408"),
}
HIGHLIGHT_INK = "#1b1b1b"
# Marks that are not the reader's highlights, in hues none of the five highlight colours (yellow, blue,
# green, purple, red pastels) comes near: a neutral blue-grey for entity mentions, a saturated cyan for
# search hits, orange for the current find hit. Drawn under HIGHLIGHT_INK in every theme.
ENTITY_MARK_COLOR = "#b0bec5"
SEARCH_HIT_COLOR = "#4ff0ff"
CURRENT_HIT_COLOR = "#ff9800"


def dark_palette() -> QPalette:
    """A neutral dark palette with enough contrast for long reading (text ≈ 13:1 on base)."""
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#272727",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#3e3e3e",
        QPalette.ColorRole.Mid: "#303030",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#0d0d0d",
        QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#79b8ff",
        QPalette.ColorRole.LinkVisited: "#c3a6ff",
    }
    for role, value in colors.items():
        palette.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#404040"))
    return palette


def system_is_dark(app: QApplication) -> bool:
    """Whether the desktop asks for dark; when it does not say (Qt < 6.5, some X11 desktops), whether the
    palette it gave before we set ours was dark."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    _remember_native(app)
    return bool(app.property(_NATIVE_DARK))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _request_scheme(scheme: Qt.ColorScheme) -> None:
    """Ask the platform for a scheme (Qt 6.8+), so native dialogs and title bars match where supported."""
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)


def _remember_native(app: QApplication) -> str:
    """The platform's own style (and whether its palette was dark), recorded before the first change."""
    name = app.property(_NATIVE_STYLE)
    if not isinstance(name, str) or not name:
        name = app.style().name()
        app.setProperty(_NATIVE_STYLE, name)
        app.setProperty(_NATIVE_DARK, is_dark(app.palette()))
    return name


def _use_style(app: QApplication, name: str) -> None:
    available = [key.lower() for key in QStyleFactory.keys()]  # noqa: SIM118 - a static method, not a dict
    if app.style().name().lower() != name.lower() and name.lower() in available:
        app.setStyle(name)


def apply_theme(app: QApplication, theme: str) -> str:
    """Set the application's style and palette for `theme`; returns "light" or "dark", what was drawn.

    Unknown names behave as "system". The reading pane's tint is separate: see `reading_pane_style`.
    """
    native = _remember_native(app)
    if theme not in THEMES:
        theme = "system"
    if theme == "dark":
        _request_scheme(Qt.ColorScheme.Dark)
        dark = True
    elif theme == "system":
        _request_scheme(Qt.ColorScheme.Unknown)
        dark = system_is_dark(app)
    else:
        _request_scheme(Qt.ColorScheme.Light)
        dark = False
    if dark:
        _use_style(app, "Fusion")
        app.setPalette(dark_palette())
    else:
        _use_style(app, native)
        app.setPalette(app.style().standardPalette())
        if is_dark(app.palette()):  # a platform style that stays dark: Fusion draws light reliably
            _use_style(app, "Fusion")
            app.setPalette(app.style().standardPalette())
    # After the widgets have received their new palette (a posted event), not before.
    QTimer.singleShot(0, app, lambda: _refresh_palette_sheets(app))
    return "dark" if dark else "light"


def _refresh_palette_sheets(app: QApplication) -> None:
    """Set every widget's style sheet again so that it takes the new palette. A sheet resolves
    `palette(...)` once, when set; and a widget with any sheet keeps the palette it was polished with, even
    one that names no colour (the document title's font size kept it near-black on the dark theme's grey
    after a live switch)."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


def reading_pane_style(theme: str) -> str:
    """Style sheet for the reading pane (objectName "readingPane"); empty where the palette suffices."""
    colors = _PANE_COLORS.get(theme)
    if colors is None:
        return ""
    page, ink, selection, selected_ink = colors
    return (
        f"QTextEdit#readingPane {{ background-color: {page}; color: {ink}; "
        f"selection-background-color: {selection}; selection-color: {selected_ink}; }}"
    )


def highlight_text_color() -> QColor:
    """Ink for text under a highlight, entity mark or search hit: all are light tints in every theme."""
    return QColor(HIGHLIGHT_INK)
