"""One connection writes, on one thread, whatever the reader does in the window.

Every connection the application opens is made of a class that records the statements it executes;
after a session that imports, highlights, undoes, removes a line, edits metadata, reads, extracts
entities and deletes, exactly one connection has written, and only from the writer's thread.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.store import db
from reader.ui.app import create_window
from reader.ui.metadata_dialog import MetadataDialog

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP")


class Tracing(sqlite3.Connection):
    opened: ClassVar[list[Tracing]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.writes: list[str] = []
        self.threads: set[int] = set()
        Tracing.opened.append(self)
        self.set_trace_callback(self._trace)

    def _trace(self, sql: str) -> None:
        statement = sql.lstrip()
        if statement.startswith("--"):  # a statement run by a trigger or a virtual table, inside ours
            return
        word = statement.split(None, 1)[0].upper() if statement else ""
        if word in _WRITES or statement.upper().startswith("BEGIN IMMEDIATE"):
            self.writes.append(statement[:60])
            self.threads.add(threading.get_ident())


def test_a_whole_session_writes_through_one_connection(
    qtbot: QtBot, seeded_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Tracing.opened.clear()
    monkeypatch.setattr(db, "connection_class", Tracing)
    extra = tmp_path / "extra.txt"
    extra.write_text("补充材料\n\n第一段：县域医共体建设取得进展。\n\n第二段：基层医疗服务能力持续提升。\n", "utf-8")
    win = create_window(seeded_library, config_dir=tmp_path / "config", seed=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.importFinished, timeout=60_000):
        win.start_import([extra])
    doc = win.current
    assert doc is not None
    # Highlight with H, then undo it.
    win.reading.select_span(0, 4)
    win.reading.pane.setFocus()
    qtbot.keyClick(win.reading.pane, Qt.Key.Key_H)
    win.writes.flush()
    assert len(win.library.annotations.for_document(doc.id)) == 1
    qtbot.keyClick(win.reading.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.reading.pane, Qt.Key.Key_Escape)  # let Qt see the modifier released again
    win.writes.flush()
    assert win.library.annotations.for_document(doc.id) == []
    # Remove a line, edit the metadata, read a little, let the entities be extracted, delete.
    line = next(n for n, text in enumerate(doc.original.splitlines(), 1) if text.strip())
    win.documents.set_line_override(line, False)
    win.writes.flush()
    assert win.library.overrides(doc.id) == {line: False}
    monkeypatch.setattr(MetadataDialog, "exec", lambda self: 1)
    monkeypatch.setattr(MetadataDialog, "changes", lambda self: {"author": "审读人"})
    win.documents.act_edit_metadata.trigger()
    assert win.library.get(doc.id).summary.author == "审读人"  # type: ignore[union-attr]
    win.reading.scroll_to(len(win.current.text) // 2 if win.current else 0)
    win.documents.save_position()
    win.entities.scheduler.start()
    qtbot.waitUntil(lambda: not win.entities.store.pending(), timeout=120_000)
    win.documents.deletion.delete([doc.id])
    assert win.library.get(doc.id) is None
    win.close()
    win.library.close()

    writers = [c for c in Tracing.opened if c.writes]
    assert len(Tracing.opened) >= 3  # the window's, the import thread's and the entity thread's readers too
    assert len(writers) == 1, [c.writes[:3] for c in writers]
    (writer,) = writers
    assert len(writer.threads) == 1 and threading.get_ident() not in writer.threads
    kinds = {w.split(None, 2)[0].upper() + " " + w.split(None, 3)[2] for w in writer.writes if len(w.split()) > 2}
    assert any("annotations" in k for k in kinds) and any("entities" in k for k in kinds)
