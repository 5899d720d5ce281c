"""The window's door to the one writer: operations go in from any thread, changes come out on the GUI.

`submit` queues an operation and returns at once; when it has run, `changed` carries what it changed to
every controller (each refreshes what concerns it), and the optional `done` callback gets its value, both
on the GUI thread. `run` waits for the operation and delivers its changes before it returns: for the
few places where the next line needs the result. A failure becomes `failed` with one line for the status
bar, never a traceback and never a write half made (each operation is one transaction).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot

from reader.app.writer import Operation, Writer
from reader.store.db import LibraryError, explain

T = TypeVar("T")


class Writes(QObject):
    changed = Signal(object)  # Changes
    failed = Signal(str)  # one line
    _deliver = Signal(object)  # a callable to run on the GUI thread

    def __init__(self, writer: Writer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self._deliver.connect(self._run_here, Qt.ConnectionType.QueuedConnection)
        writer.add_listener(lambda changes: self._deliver.emit(partial(self.changed.emit, changes)))

    def submit(
        self,
        operation: Operation[T],
        done: Callable[[T], None] | None = None,
        *,
        notify: bool = True,
        quiet: bool = False,
    ) -> Future[T]:
        """Queue an operation; `quiet` drops a failure without a message (best-effort writes such as
        the reading position)."""
        future = self.writer.submit(operation, notify=notify)
        future.add_done_callback(lambda f: self._deliver.emit(partial(self._finish, f, done, quiet)))
        return future

    def run(self, operation: Operation[T]) -> T:
        """Run now and wait; the controllers have seen its changes when this returns."""
        future = self.writer.submit(operation)
        try:
            return future.result()
        finally:
            self.deliver_pending()

    def flush(self) -> None:
        """Wait for everything submitted so far and deliver its changes (closing, tests, benchmarks)."""
        self.writer.flush()
        self.deliver_pending()

    def deliver_pending(self) -> None:
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall.value)

    @Slot(object)
    def _run_here(self, call: Callable[[], None]) -> None:
        call()

    def _finish(self, future: Future[Any], done: Callable[[Any], None] | None, quiet: bool) -> None:
        exc = future.exception()
        if exc is not None:
            if not quiet:
                self.failed.emit(describe(exc, self.writer))
        elif done is not None:
            done(future.result())


def describe(exc: BaseException, writer: Writer) -> str:
    """One line for a failed write, in the words the CLI uses for the same failure."""
    if isinstance(exc, sqlite3.Error):
        return explain(writer.path, exc)
    if isinstance(exc, (LibraryError, ValueError, KeyError)):
        return str(exc).strip("'\"")
    return f"{type(exc).__name__}: {exc}"
