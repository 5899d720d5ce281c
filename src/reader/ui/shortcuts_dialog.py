"""Help ▸ Keyboard Shortcuts: every shortcut the menus offer, grouped by menu, with a filter.

The list is read from the window's menu bar when the dialog opens, so it can never disagree with what
the keys actually do: an action added to a menu shows up here without anyone remembering to list it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

MENU_SEPARATOR = " ▸ "


@dataclass(frozen=True)
class ShortcutEntry:
    menu: str  # the top-level menu, e.g. "Edit"
    path: str  # the submenus below it, "" when the action sits in the menu itself
    text: str  # the action's label without mnemonics
    keys: tuple[str, ...]  # in the platform's notation (Ctrl+O, ⌘O)


def plain(text: str) -> str:
    """A menu label without its mnemonic ampersands ("&&" is a literal one)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _walk(menu: QMenu, top: str, path: tuple[str, ...], out: list[ShortcutEntry]) -> None:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _walk(submenu, top, (*path, plain(action.text())), out)
        elif not action.isSeparator() and action.shortcuts():
            keys = tuple(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            out.append(ShortcutEntry(top, MENU_SEPARATOR.join(path), plain(action.text()), keys))


def menu_shortcuts(window: QMainWindow) -> list[ShortcutEntry]:
    """Actions with a shortcut, in menu order, found by walking the menu bar and its submenus."""
    out: list[ShortcutEntry] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            _walk(menu, plain(action.text()), (), out)
    return out


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(560, 620)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("shortcutFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by action or key, e.g. “note” or “Ctrl+O”"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.set_filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutList")
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.entries = menu_shortcuts(window)
        groups: dict[str, QTreeWidgetItem] = {}
        # What the filter matches, per menu and row, kept here rather than as item data.
        self._matches: list[list[str]] = []
        position: dict[str, int] = {}
        for entry in self.entries:
            group = groups.get(entry.menu)
            if group is None:
                position[entry.menu] = len(self._matches)
                self._matches.append([])
                group = QTreeWidgetItem([entry.menu])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)
                groups[entry.menu] = group
                self.tree.addTopLevelItem(group)
            label = f"{entry.path}{MENU_SEPARATOR}{entry.text}" if entry.path else entry.text
            item = QTreeWidgetItem([label, ", ".join(entry.keys)])
            # Match the portable spelling too, so "ctrl+o" finds ⌘O on a Mac.
            portable = " ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText) for k in entry.keys)
            self._matches[position[entry.menu]].append(
                f"{label} {entry.menu} {' '.join(entry.keys)} {portable}".casefold()
            )
            group.addChild(item)
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.filter_edit.setFocus()

    def set_filter(self, text: str) -> None:
        """Hide actions whose label, menu or keys do not contain `text`; hide menus left empty."""
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            shown = 0
            for j in range(group.childCount()):
                child = group.child(j)
                if child is None:
                    continue
                match = not needle or needle in self._matches[i][j]
                child.setHidden(not match)
                shown += match
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        """(action, keys) of every row the filter leaves visible, for tests and accessibility checks."""
        rows: list[tuple[str, str]] = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None or group.isHidden():
                continue
            for j in range(group.childCount()):
                child = group.child(j)
                if child is not None and not child.isHidden():
                    rows.append((child.text(0), child.text(1)))
        return rows
