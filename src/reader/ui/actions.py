"""One way to make a window action, shared by the controllers that own the window's actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def make_action(parent: QObject, text: str, shortcut: Shortcut, slot: Callable[..., Any], *, name: str) -> QAction:
    """An action named for tests and the shortcuts list, with its key and what it does.

    `parent` is the window: an action lives as long as the window it appears in, whichever controller owns it.
    """
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action
