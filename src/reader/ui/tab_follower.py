"""A side-panel tab that follows the open document without holding up its opening when it is not shown.

Filling the Entities tab costs about as much as opening the document. When the tab is the one shown it
follows at once; behind another tab it follows a moment after the last document opened (a reader going
through documents quickly fills it once, for the one they stop at), and, at start, once the window has
painted. Bringing the tab forward catches up on the spot.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

BEHIND_MS = 150  # a tab behind another follows this long after the last document opened


class TabFollower(QObject):
    """Calls `follow()` when the open document changed and `panel` is, or comes, in front in `tabs`."""

    def __init__(self, tabs: QTabWidget, panel: QWidget, follow: Callable[[], None], window: QWidget) -> None:
        super().__init__(window)
        self._tabs, self._panel, self._follow, self._window = tabs, panel, follow, window
        self._stale = False  # the tab shows another document than the open one
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BEHIND_MS)
        self._timer.timeout.connect(self.catch_up)
        tabs.currentChanged.connect(self._on_tab_changed)

    def document_changed(self) -> None:
        self._stale = True
        if self._tabs.currentWidget() is self._panel:
            self.catch_up()
        elif self._window.isVisible():
            self._timer.start()  # restarted by each document opened meanwhile

    def window_shown(self) -> None:
        """The window is on screen: the document opened at start follows after the first paint."""
        if self._stale:
            self._timer.start()

    def catch_up(self) -> None:
        """Follow now if the open document is not the one the tab shows."""
        self._timer.stop()
        if self._stale and not self._closed:
            self._stale = False
            self._follow()

    def close(self) -> None:
        self._closed = True
        self._timer.stop()

    def _on_tab_changed(self, index: int) -> None:
        if self._tabs.widget(index) is self._panel:
            self.catch_up()
