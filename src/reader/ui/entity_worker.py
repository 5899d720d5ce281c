"""Entity extraction in the background: one thread reading on its own connection, the open document first.

Extraction takes a fraction of a second per report, which is too long for the GUI thread and too short to
show a progress dialog. So a worker walks the pending documents in id order; when the reader opens a
document whose entities are not ready, `prioritise` puts it at the head of the queue. The worker only
reads and computes: each document's mentions are stored by the one writer, whose `changed` signal tells
the panels.
"""

from __future__ import annotations

import threading
import time
from collections import deque

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from reader.app import operations as ops
from reader.app.entities import pending_mentions
from reader.app.writer import Writer
from reader.store.db import LibraryError
from reader.store.entities import EntityStore
from reader.store.library import Library


class EntityWorker(QObject):
    """Runs in a QThread: `run` returns when nothing is pending or when cancelled."""

    extracted = Signal(int)  # this document's stored entities are now current
    failed = Signal(int, str)  # document id (-1: the library itself), one-line message
    finished = Signal()

    def __init__(self, writer: Writer, first: tuple[int, ...] = ()) -> None:
        super().__init__()
        self._writer = writer
        self._lock = threading.Lock()
        self._priority: deque[int] = deque(first)
        self._closed = False
        self._cancel = threading.Event()

    # Called from the GUI thread while `run` loops in the worker thread, hence the lock instead of slots
    # (a queued slot would wait for the loop to end).
    def prioritise(self, doc_id: int) -> bool:
        """Extract this document next. False if the worker has already stopped taking work."""
        with self._lock:
            if self._closed:
                return False
            if doc_id in self._priority:
                self._priority.remove(doc_id)
            self._priority.appendleft(doc_id)
            return True

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _next(self, queue: deque[int], tried: set[int]) -> tuple[int, bool] | None:
        with self._lock:
            if self._priority:
                return self._priority.popleft(), True
        while queue:
            doc_id = queue.popleft()
            if doc_id not in tried:
                return doc_id, False
        return None

    @Slot()
    def run(self) -> None:
        try:
            with Library(self._writer.path, readonly=True) as library:
                self._loop(EntityStore(library.conn))
        except LibraryError as exc:
            self.failed.emit(-1, str(exc))
        except Exception as exc:  # never let a worker die silently
            self.failed.emit(-1, f"{type(exc).__name__}: {exc}")
        finally:
            with self._lock:
                self._closed = True
            self.finished.emit()

    def _update(self, store: EntityStore, doc_id: int) -> bool:
        found = pending_mentions(store, doc_id)
        if found is None:
            return False
        mentions, text = found
        self._writer.run(lambda library: ops.save_entities(library, doc_id, mentions, text))
        return True

    def _loop(self, store: EntityStore) -> None:
        queue: deque[int] = deque(store.pending())
        tried: set[int] = set()
        while not self._cancel.is_set():
            step = self._next(queue, tried)
            if step is None:
                # Documents may have been imported or re-cleaned meanwhile: look once more, but never
                # retry one this run already tried (a document that fails must not loop forever).
                queue.extend(i for i in store.pending() if i not in tried)
                with self._lock:
                    if not queue and not self._priority:
                        self._closed = True
                        return
                continue
            doc_id, requested = step
            tried.add(doc_id)
            try:
                ran = self._update(store, doc_id)
            except KeyError:  # deleted meanwhile
                continue
            except Exception as exc:  # one bad document must not stop the others
                self.failed.emit(doc_id, f"{type(exc).__name__}: {exc}")
                continue
            if ran or requested:
                self.extracted.emit(doc_id)


class EntityScheduler(QObject):
    """Owns at most one worker thread; restarts it when work arrives after it stopped.

    The window calls `start()` after imports and re-cleaning, `request(doc_id)` when it shows a document
    whose entities are pending, and `stop()` before it closes.
    """

    extracted = Signal(int)
    failed = Signal(int, str)
    idle = Signal()  # nothing is pending (as far as the last run could see)

    def __init__(self, writer: Writer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._thread: QThread | None = None
        self._worker: EntityWorker | None = None
        self._again = False
        self._waiting: list[int] = []
        self._stopped = False
        self._held_until = 0.0
        self._resume_pending = False

    def is_running(self) -> bool:
        return self._worker is not None

    def hold(self, milliseconds: int) -> None:
        """Start no work for a moment (while the window opens: loading the model would compete with it)."""
        self._held_until = time.monotonic() + milliseconds / 1000

    def start(self) -> None:
        """Extract whatever is pending; if a run is under way, look again when it ends."""
        remaining = self._held_until - time.monotonic()
        if remaining > 0:
            if not self._resume_pending:
                self._resume_pending = True
                QTimer.singleShot(int(remaining * 1000) + 1, self._resume)
            return
        self._stopped = False
        if self._worker is not None:
            self._again = True
            return
        first = tuple(self._waiting)
        self._waiting.clear()
        self._again = False
        thread = QThread(self)
        thread.setObjectName("entityWorker")
        worker = EntityWorker(self._writer, first)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.extracted.connect(self.extracted)
        worker.failed.connect(self.failed)
        worker.finished.connect(self._on_worker_finished)
        self._thread, self._worker = thread, worker
        # Low priority: the reader's scrolling and typing come before the backlog.
        thread.start(QThread.Priority.LowPriority)

    def _resume(self) -> None:
        self._resume_pending = False
        if not self._stopped:
            self.start()

    def request(self, doc_id: int) -> None:
        """Extract this document before any other."""
        if self._worker is not None and self._worker.prioritise(doc_id):
            return
        if doc_id in self._waiting:
            self._waiting.remove(doc_id)
        self._waiting.insert(0, doc_id)
        self.start()

    def stop(self) -> None:
        """Cancel and wait for the document in hand to finish; call before the window closes.

        The wait has no time limit: a thread destroyed while running would take the process down, and
        extraction cannot be interrupted inside one document (about a second for a long report).
        """
        self._stopped = True
        self._again = False
        self._waiting.clear()
        if self._worker is not None:
            self._worker.cancel()
        self._release()

    def _release(self) -> None:
        # Hold the worker until its thread has stopped: dropping the last Python reference deletes the
        # QObject at once, and deleting it while its run() is still going in the thread crashes.
        thread, worker = self._thread, self._worker
        self._thread = None
        self._worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()

    @Slot()
    def _on_worker_finished(self) -> None:
        if self.sender() is not self._worker:  # a run `stop` already let go of
            return
        self._release()
        if self._stopped:
            return
        if self._again or self._waiting:
            self.start()
        else:
            self.idle.emit()
