"""View ▸ Recently Read: the documents last read, newest first, each opening where it was left.

Filled each time it opens, from the reading positions (one indexed query and a page of summaries), so it
needs no refreshing of its own and never lists a document that has been deleted.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from reader.store.library import Library
from reader.ui.document_model import local_time

RECENT_COUNT = 15
_TITLE_CHARS = 40  # a long report title is elided in the middle, the date that follows stays readable


class RecentMenu(QMenu):
    documentChosen = Signal(int)

    def __init__(self, title: str, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("recentlyRead")
        self.library = library
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        """The entries as the library has them now (the menu is rebuilt each time it opens)."""
        self.clear()
        recent = self.library.positions.recent(RECENT_COUNT)
        summaries = self.library.summaries([doc_id for doc_id, _ in recent])
        for doc_id, read_at in recent:
            summary = summaries.get(doc_id)
            if summary is None:
                continue
            title = summary.title or summary.filename
            if len(title) > _TITLE_CHARS:
                half = _TITLE_CHARS // 2
                title = f"{title[:half]}…{title[-half + 1 :]}"
            # "&" would become a mnemonic; a doubled one is shown as itself.
            action = self.addAction(f"{title.replace('&', '&&')}\t{local_time(read_at)}")
            action.setToolTip(summary.title or summary.filename)
            action.triggered.connect(lambda _checked=False, d=doc_id: self.documentChosen.emit(d))
        if self.isEmpty():
            self.addAction(self.tr("No document read yet")).setEnabled(False)
