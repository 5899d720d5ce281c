"""Every user-visible string goes through Qt's translation system, and Simplified Chinese has them all.

The scan reads the UI source as a syntax tree: a string literal with letters handed straight to a
widget's text setter, a menu, a message box or a widget constructor is text that no catalogue can
translate. Run resources/translations/update.sh after changing strings, then translate what it adds.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.ui.i18n import install_translator, language_for_locale, resolve_language, translations_dir
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "reader" / "ui"
TS_DIR = ROOT / "resources" / "translations"

# Methods whose positional string arguments are shown to the user.
TEXT_METHODS = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setWindowTitle",
    "setPlaceholderText",
    "setTitle",
    "setLabelText",
    "setSuffix",
    "setPrefix",
    "setIconText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTabText",
    "setItemText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "setDetailedText",
    "setInformativeText",
    "showMessage",
    "addMenu",
    "addAction",
    "addTab",
    "insertTab",
    "addItem",
    "addRow",
    "addButton",
}
# Constructors whose string arguments are labels.
TEXT_CLASSES = {
    "QAction",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QMenu",
    "QToolBar",
    "QDockWidget",
    "QProgressDialog",
    "QMessageBox",
    "QTreeWidgetItem",
    "QListWidgetItem",
    "QStandardItem",
    "QCommandLinkButton",
}
# Static helpers of QMessageBox, QFileDialog and QInputDialog: every string argument is a title, text or filter.
STATIC_OWNERS = {"QMessageBox", "QFileDialog", "QInputDialog", "QColorDialog", "QFontDialog", "file_dialogs"}

# (file, literal): deliberate exceptions. Keep this short and say why.
ALLOWED = {
    ("app.py", "reader"),  # the product's name, the same in every language
    ("main_window.py", "reader"),  # the window title: the product's name
    ("about_dialog.py", "<h2>reader "),  # the product's name as a heading (the version follows)
    ("about_dialog.py", "</h2>"),
    ("error_hook.py", "reader"),  # the message box's title: the product's name
    ("entities_controller.py", 'entity:"'),  # search-query syntax, typed by users in every language
}
# Item views take (text, data) or (icon, text, data): only the text is shown.
DATA_METHODS = {"addItem", "insertItem"}
_LETTER = re.compile(r"[^\W\d_]")


def _literal_parts(node: ast.expr) -> Iterator[tuple[int, str]]:
    """String constants that would reach the screen as they are, with their line numbers."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.lineno, node.value
    elif isinstance(node, ast.JoinedStr):
        for value in node.values:
            yield from _literal_parts(value)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _literal_parts(element)
    elif isinstance(node, ast.BinOp):
        yield from _literal_parts(node.left)
        yield from _literal_parts(node.right)


def _is_sink(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in TEXT_CLASSES
    if isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id in STATIC_OWNERS:
            return True
        return func.attr in TEXT_METHODS
    return False


def _is_text(node: ast.expr) -> bool:
    """A literal, or a call to tr()/translate(): something that is text rather than an icon."""
    if isinstance(node, ast.Constant | ast.JoinedStr):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        # self.tr("…"), QCoreApplication.translate(…), and either one followed by .format(…)
        return node.func.attr in ("tr", "translate") or _is_text(node.func.value)
    return False


def _text_args(call: ast.Call) -> list[ast.expr]:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in DATA_METHODS and call.args:
        first = 1 if func.attr == "insertItem" else 0
        if len(call.args) > first + 1 and not _is_text(call.args[first]):
            first += 1  # (icon, text, data)
        return call.args[first : first + 1]
    return list(call.args)


def untranslated(path: Path) -> list[str]:
    problems = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _is_sink(node):
            continue
        for arg in _text_args(node):
            for line, text in _literal_parts(arg):
                if _LETTER.search(text) and (path.name, text) not in ALLOWED:
                    problems.append(f"{path.name}:{line}: {text!r}")
    return problems


def test_scan_finds_a_bare_literal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label.setText('Hello')\nlabel.setText(self.tr('Fine'))\nQAction('Open', self)\nbox.addItem('▲')\n"
        "QMessageBox.warning(self, self.tr('Title'), f'Cannot {x}')\n",
        encoding="utf-8",
    )
    assert untranslated(sample) == ["sample.py:1: 'Hello'", "sample.py:3: 'Open'", "sample.py:5: 'Cannot '"]


def test_every_visible_string_in_the_ui_is_translatable() -> None:
    problems = [p for path in sorted(UI.glob("*.py")) for p in untranslated(path)]
    assert not problems, "wrap these in self.tr() or QCoreApplication.translate():\n" + "\n".join(problems)


# -- the catalogues --------------------------------------------------------------------------------
def _messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(TS_DIR / f"reader_{lang}.ts")
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out.append((name, message.findtext("source") or "", translation))
    return out


def _source_strings() -> set[tuple[str, str]]:
    """(context, text) of every literal tr()/translate()/QT_TRANSLATE_NOOP() in the UI, as lupdate sees them."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                args = [
                    a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in child.args
                ]
                if name == "tr" and args and args[0] is not None:
                    found.add((cls, args[0]))
                elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and None not in args[:2]:
                    found.add((str(args[0]), str(args[1])))
            visit(child, cls)

    for path in UI.glob("*.py"):
        visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def _translated(translation: ET.Element) -> str:
    """The text of a translation; for a counted message (%n) its plural forms, one per line."""
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return "\n".join(forms) if forms else (translation.text or "")


def test_simplified_chinese_catalogue_is_complete_and_current() -> None:
    messages = _messages("zh_CN")
    unfinished = [f"{c}: {s!r}" for c, s, t in messages if t.get("type") or not _translated(t).strip()]
    assert not unfinished, "translate these in reader_zh_CN.ts:\n" + "\n".join(unfinished)
    known = {(c, s) for c, s, _ in messages}
    missing = sorted(_source_strings() - known)
    assert not missing, f"run resources/translations/update.sh; not in the catalogue: {missing}"


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_translations_keep_placeholders_and_mnemonics(lang: str) -> None:
    for context, source, translation in _messages(lang):
        text = _translated(translation)
        if not text.strip():
            continue
        assert sorted(re.findall(r"\{\d[^}]*\}", source)) == sorted(re.findall(r"\{\d[^}]*\}", text)), (
            context,
            source,
            text,
        )
        if re.search(r"&[^&\s]", source):
            assert re.search(r"&[^&\s]", text), (context, source, text)


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_compiled_catalogue_matches_the_ts_file(qapp: QApplication, lang: str) -> None:
    """The .qm shipped in the package is compiled from the current .ts (update.sh was run)."""
    translator = QTranslator()
    assert translator.load(f"reader_{lang}", str(translations_dir()))
    for context, source, translation in _messages(lang):
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if forms:  # Chinese has one plural form, used for every count
            assert translator.translate(context, source, None, 3) == forms[0], (context, source)
        elif translation.text:
            assert translator.translate(context, source) == translation.text, (context, source)


# -- choosing the language -------------------------------------------------------------------------
def test_language_choice(qapp: QApplication) -> None:
    assert language_for_locale(QLocale("zh_CN")) == "zh_CN"
    assert language_for_locale(QLocale("zh-Hant-HK")) == "zh_TW"
    assert language_for_locale(QLocale("zh_TW")) == "zh_TW"
    assert language_for_locale(QLocale("de_DE")) == "en"
    assert resolve_language("zh_TW") == "zh_TW"
    assert resolve_language("klingon") in ("en", "zh_CN", "zh_TW")  # unknown values follow the system


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[str]:
    chosen = install_translator(qapp, "zh_CN")
    yield chosen
    install_translator(qapp, "en")


def test_installing_twice_replaces_the_catalogue(qapp: QApplication, chinese: str) -> None:
    assert chinese == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    install_translator(qapp, "zh_TW")
    assert QCoreApplication.translate("MainWindow", "&File") == "檔案(&F)"
    install_translator(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_chinese_main_window(qtbot: QtBot, seeded_library: Path, tmp_path: Path, chinese: str) -> None:
    from reader.ui.app import create_window

    window: MainWindow = create_window(seeded_library, config_dir=tmp_path / "config", seed=False)
    qtbot.addWidget(window)
    try:
        titles = [a.text() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
        assert re.sub(r"\(&\w\)", "", titles[0]) == "文件"
        assert "帮助(&H)" in titles
        # Inherited (mixin) and model strings translate too: PySide looks up every class in the MRO.
        assert window.model.headerData(0, Qt.Orientation.Horizontal) == "标题"
    finally:
        window.close()
        window.library.close()


def test_a_contents_page_removed_by_an_importer_has_its_own_reason(
    qtbot: QtBot, qapp: QApplication, chinese: str
) -> None:
    """The importers remove a document's own table of contents with the code `contents`: the Removed tab
    names it in words, in the reader's language, not as the code."""
    from reader.core.cleaning import Removed
    from reader.ui.removed_panel import RemovedPanel

    panel = RemovedPanel()
    qtbot.addWidget(panel)
    panel.show_removed([Removed(2, "第一章 总则 ........ 1", "contents")], {})
    assert panel.model.index(0, 1).data() == "目录"
    install_translator(qapp, "en")
    panel.show_removed([Removed(2, "第一章 总则 ........ 1", "contents")], {})
    assert panel.model.index(0, 1).data() == "Table of contents"
