"""The window's splitter: list │ reading pane │ side panel, where the reading pane gives way last.

A hard minimum of 30 characters on the reading pane would make the window itself at least ~1000 pixels
wide (the list's and the side panel's minimums add to it), so half a 1920-pixel screen could not hold
it. Instead the pane has a small hard minimum and a *comfortable* width: whenever the splitter is laid
out, a pane narrower than that takes the difference from the side panel, then from the list, each down
to its own minimum. Large windows are left to the stretch factors.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class ReadingSplitter(QSplitter):
    def __init__(self, comfortable: Callable[[], int], parent: QWidget | None = None) -> None:
        """`comfortable()` is the reading pane's wanted width now (it follows the font and zoom)."""
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.comfortable = comfortable
        self.reading_index = 1
        # A width a pane gives up only after the other has given what it can (the side panel keeps the
        # width that shows its tab names while the list is wider than its minimum).
        self.keep: dict[int, Callable[[], int]] = {}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.make_room()

    def make_room(self) -> None:
        """Widen the reading pane to its comfortable width from the panes beside it (the side panel
        first, then the list; a width in `keep` is given up last), never below their minimums and never
        opening a collapsed one."""
        sizes = self.sizes()
        if len(sizes) <= self.reading_index:
            return
        short = self.comfortable() - sizes[self.reading_index]
        if short <= 0:
            return
        for soft in (True, False):
            for index in (2, 0):
                widget = self.widget(index)
                if short <= 0 or widget is None or index >= len(sizes) or sizes[index] == 0:
                    continue
                floor = widget.minimumWidth()
                if soft and index in self.keep:
                    floor = max(floor, self.keep[index]())
                give = max(0, min(short, sizes[index] - floor))
                sizes[index] -= give
                sizes[self.reading_index] += give
                short -= give
        self.setSizes(sizes)
