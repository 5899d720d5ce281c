"""Window shortcuts that a text box must not swallow.

A QLineEdit claims, before any shortcut, every key its platform binds to an edit: on X11 that includes
the Emacs-style Ctrl+E (end of line), Ctrl+U (delete the line) and Ctrl+K (delete to the end). So with
the library search box or the find bar focused, the window's Export (Ctrl+E), Original (Ctrl+U) and
Search (Ctrl+K) did nothing, and a reader who searched and then pressed Ctrl+E to export what they found
got no answer. A box built on `yields_to_window` lets a window action's key through instead; the keys a
reader edits text with everywhere (copy, cut, paste, undo, redo, select all, word moves and deletes) and
every key without Ctrl or Alt stay the box's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

# What a text box keeps even when a window action has the same key.
_EDITING = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.MoveToNextWord,
    QKeySequence.StandardKey.MoveToPreviousWord,
    QKeySequence.StandardKey.SelectNextWord,
    QKeySequence.StandardKey.SelectPreviousWord,
    QKeySequence.StandardKey.DeleteStartOfWord,
    QKeySequence.StandardKey.DeleteEndOfWord,
)
_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def window_action_for(widget: QWidget, event: QKeyEvent) -> QAction | None:
    """The enabled action of `widget`'s window whose shortcut is this key with Ctrl, Alt or Meta, unless
    the key is one a text box edits with; None otherwise."""
    if not event.modifiers() & _COMMAND or any(event.matches(key) for key in _EDITING):
        return None
    pressed = QKeySequence(event.keyCombination())
    for action in widget.window().findChildren(QAction):
        if action.isEnabled() and any(pressed == key for key in action.shortcuts()):
            return action
    return None


def yields_to_window(widget: QWidget, event: QEvent) -> bool:
    """For a text box's `event()`: True when `event` is the shortcut check of a key a window action has,
    which the box then leaves unclaimed so the action runs."""
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and window_action_for(widget, event) is not None
    )
