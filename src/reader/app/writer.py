"""The one connection that writes, and the one thread that writes with it.

SQLite lets one writer in at a time; several connections that write wait on each other's locks, and a
long write on the GUI thread freezes the window. So every write in the window goes through a `Writer`:
a thread with a queue that owns the only writing `Library`. Anyone may submit an operation (the GUI
thread, the import thread, the entity thread); each runs alone, in order, and its `Changes` are passed
to the listeners. Readers keep their own read-only connections (WAL lets them read while it writes).

The CLI, which has one thread, makes a `Writer` with `threaded=False`: the same operations then run at
once in the caller's thread, on the same single connection.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TypeVar

from reader.app.changes import Changes, Outcome
from reader.store.library import Library

T = TypeVar("T")
Operation = Callable[[Library], Outcome[T]]
Listener = Callable[[Changes], None]


class WriterClosed(RuntimeError):
    """An operation was submitted after the writer closed (the window is going away)."""


class Writer:
    """Runs operations one at a time on the only writing connection."""

    def __init__(self, path: Path, *, threaded: bool = True) -> None:
        """Open (and upgrade) the library; raises LibraryError at once when it cannot be used.

        Threaded, the file is opened on the writer's own thread, so that every write to it, the
        upgrade included, happens on that one thread.
        """
        self._listeners: list[Listener] = []
        self._queue: queue.SimpleQueue[tuple[Callable[[Library], Outcome[object]], Future[object], bool] | None]
        self._queue = queue.SimpleQueue()
        self._closed = False
        self._lock = threading.RLock()  # an inline operation may submit another
        self._thread: threading.Thread | None = None
        if not threaded:
            self.library = Library(path)
        else:
            opened: Future[Library] = Future()
            self._thread = threading.Thread(target=self._loop, args=(Path(path), opened), name="library-writer")
            self._thread.daemon = True
            self._thread.start()
            self.library = opened.result()  # re-raises the LibraryError of a library that cannot be used
        self.path = self.library.path

    # -- listeners ---------------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        """Called with the changes of every operation that changed something, on the writer's thread."""
        self._listeners.append(listener)

    def _notify(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    # -- running operations ------------------------------------------------------------------------
    def submit(self, operation: Operation[T], *, notify: bool = True) -> Future[T]:
        """Queue an operation; the future holds its value (or its exception).

        `notify=False` keeps its changes from the listeners: a batch (an import) reports its changes
        once at the end instead of once per document.
        """
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise WriterClosed("the library is closed")
            if self._thread is None:
                self._execute(operation, future, notify)  # type: ignore[arg-type]
            else:
                self._queue.put((operation, future, notify))  # type: ignore[arg-type]
        return future

    def run(self, operation: Operation[T], *, notify: bool = True) -> T:
        """Run an operation and wait for its value (or raise its exception)."""
        if self._thread is not None and threading.current_thread() is self._thread:
            return operation(self.library).value  # already on the writer: an operation calling another
        return self.submit(operation, notify=notify).result()

    def notify(self, changes: Changes) -> Future[None]:
        """Pass changes made by a batch of `notify=False` operations to the listeners, in queue order."""
        return self.submit(lambda _library: Outcome(None, changes))

    def flush(self) -> None:
        """Wait until every operation submitted so far has run (nothing to wait for once closed)."""
        if self._thread is not None and not self._closed:
            self.submit(lambda _library: Outcome(None)).result()

    def _execute(self, operation: Operation[object], future: Future[object], notify: bool) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            outcome = operation(self.library)
        except BaseException as exc:  # handed to whoever waits on the future
            future.set_exception(exc)
            return
        if notify and outcome.changes:
            try:
                self._notify(outcome.changes)
            except Exception as exc:  # a listener's failure belongs to the caller, not to the writer
                future.set_exception(exc)
                return
        future.set_result(outcome.value)

    def _loop(self, path: Path, opened: Future[Library]) -> None:
        try:
            opened.set_result(Library(path))
        except BaseException as exc:
            opened.set_exception(exc)
            return
        while True:
            item = self._queue.get()
            if item is None:
                return
            self._execute(*item)

    # -- closing -----------------------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Run what is queued, stop the thread and close the connection."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
        self.library.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
