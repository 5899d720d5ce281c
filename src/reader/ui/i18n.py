"""Which language the interface speaks: the user's choice, else the desktop's, else English.

The source strings are English; `reader_<lang>.qm` files compiled from resources/translations hold the
rest. Qt's own catalogue (qtbase) is loaded beside ours so that standard buttons and dialogs
(OK, Cancel, the file dialog) speak the same language as the rest of the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# What the preferences offer, with each language's name in itself (a user who cannot read the current
# interface must still find their own language).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "zh_CN": "简体中文",
    "zh_TW": "繁體中文",
}
SYSTEM = "system"
FALLBACK = "en"
_TRANSLATOR_NAME = "readerTranslator"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for lupdate under `context` where it is defined; `tr()` translates it where it is shown.

    PySide6's own QT_TRANSLATE_NOOP is typed as returning `object`, which would spread casts through
    every table of labels.
    """
    return text


def translations_dir() -> Path:
    """The compiled catalogues, shipped as package data beside the code."""
    return Path(__file__).resolve().parent.parent / "data" / "translations"


def language_for_locale(locale: QLocale) -> str:
    """The catalogue that suits a locale: Traditional for Taiwan, Hong Kong, Macau or Hant, Simplified
    for other Chinese, English otherwise."""
    if locale.language() != QLocale.Language.Chinese:
        return FALLBACK
    traditional_places = (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)
    if locale.script() == QLocale.Script.TraditionalHanScript or locale.territory() in traditional_places:
        return "zh_TW"
    return "zh_CN"


def system_language() -> str:
    """The first of the desktop's preferred languages we have a catalogue for (English if none)."""
    for name in QLocale.system().uiLanguages():
        locale = QLocale(name)
        if locale.language() == QLocale.Language.Chinese:
            return language_for_locale(locale)
        if locale.language() == QLocale.Language.English:
            return FALLBACK
    return FALLBACK


def resolve_language(language: str) -> str:
    """The catalogue to load for a preference value; unknown values behave as "system"."""
    return language if language in LANGUAGES else system_language()


def install_translator(app: QCoreApplication, language: str) -> str:
    """Install reader's and Qt's catalogues for `language` ("system", "en", "zh_CN" or "zh_TW").

    Calling it again replaces the catalogues installed before, so it can follow a changed preference.
    Returns the language chosen. Widgets built earlier keep their text: the window is rebuilt on restart.
    """
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    chosen = resolve_language(language)
    catalogues = [(translations_dir(), f"reader_{chosen}")]
    if chosen != FALLBACK:
        catalogues.append((Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{chosen}"))
    for folder, name in catalogues:
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR_NAME)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
        else:  # Qt's catalogue may be missing from a slim build; ours falls back to the English source
            translator.deleteLater()
    return chosen
