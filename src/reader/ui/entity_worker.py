"""Entity extraction in the background: one thread reading on its own connection, the open document first.

Extraction takes a fraction of a second per report, which is too long for the GUI thread and too short to
show a progress dialog. So a worker walks the pending documents in id order; when the reader opens a
document whose entities are not ready, `prioritise` puts it at the head of the queue. The worker only
reads and computes: each document's mentions are stored by the one writer, whose `changed` signal tells
the panels.

Every run uses the same thread, a Python thread kept for the window's life: the tagger is loaded once per
thread (`reader.core.entities.model.tagger`, kept in a `threading.local`), and loading it takes 0.4-2.5 s
and holds the interpreter lock in pieces of up to 20-70 ms, so a thread per run stalled the window at the
end of every import. (A QThread would not do: each queued call into Python from it gets a new Python
thread state, so its thread-local tagger was lost between calls.) The first document a thread extracts
is preceded by a warm-up (`warm`): the model and its tables are loaded with the collector paused, and
what they left alive is frozen after it (`reader.core.heap`), so that neither the load nor later passes of
the collector hold the lock for long. (Warming when an import starts was tried: it took 1.3 CPU-s from
the OCR threads and 120 MB for the rest of the session, to have entities a second sooner.)
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from reader.app import operations as ops
from reader.app.entities import pending_mentions
from reader.app.writer import Writer
from reader.core import heap
from reader.store.db import LibraryError
from reader.store.entities import EntityStore
from reader.store.library import Library

# Warms the tagger and every table extraction loads on first use: a person with a post, a place, a body,
# a date and a party to a meeting (written for this purpose; its mentions are thrown away).
WARM_TEXT = "2024年3月5日，国务院总理王明在北京人民大会堂会见了联合国秘书长一行，双方签署了合作协议。"


_warmed = threading.local()


def warm() -> None:
    """Load the entity tagger and its tables on this thread, with the collector paused, then freeze
    them (`reader.core.heap`); once per thread (later calls return at once). A model that cannot load is
    left to the extraction that needs it, which reports it for its document."""
    if getattr(_warmed, "done", False):
        return
    _warmed.done = True
    from reader.core.entities import extract, gazetteers

    with heap.paused(), contextlib.suppress(Exception):
        extract(WARM_TEXT)
        # The word dictionary some rules read (350,000 lines) is built on first use: built later, outside
        # the pause, its garbage collections held the lock for 80-220 ms at the end of an import.
        gazetteers.dictionary()
        heap.settle("entities", young=False)


class EntityWorker(QObject):
    """One run over the pending documents, on the scheduler's entity thread (a Python thread): `run`
    returns when nothing is pending or when cancelled. Made and deleted on the GUI thread."""

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
        """Extract until nothing is pending or cancelled. Emits its signals from the thread it runs on: the
        listeners in the GUI thread get them queued."""
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
        if store.is_pending(doc_id):
            warm()  # the model, once per thread, before the first document that needs it
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
    """Owns the entity thread (made when first needed, kept until `stop`) and at most one run on it;
    starts another run when work arrives after one ended.

    The window calls `start()` after imports and re-cleaning, `request(doc_id)` when it shows a document
    whose entities are pending, and `stop()` before it closes.
    """

    extracted = Signal(int)
    failed = Signal(int, str)
    idle = Signal()  # nothing is pending (as far as the last run could see)

    def __init__(self, writer: Writer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._tasks: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
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

    def _submit(self, task: Callable[[], None]) -> None:
        """Queue `task` on the entity thread, starting the thread when it is the first."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="entity-worker", daemon=True)
            self._thread.start()
        self._tasks.put(task)

    def _serve(self) -> None:
        while True:
            task = self._tasks.get()
            if task is None:
                return
            task()
            # Let go of the run (and so of its worker) now rather than when the next run arrives.
            task = None

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
        worker = EntityWorker(self._writer, first)
        worker.extracted.connect(self.extracted)
        worker.failed.connect(self.failed)
        worker.finished.connect(self._on_worker_finished)
        self._worker = worker
        self._submit(worker.run)

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
        """Cancel, wait for the document in hand (or the model's loading) to finish and end the thread;
        call before the window closes.

        The wait has no time limit: extraction cannot be interrupted inside one document (about a second
        for a long report), and the library it reads must not close under it.
        """
        self._stopped = True
        self._again = False
        self._waiting.clear()
        worker, thread = self._worker, self._thread
        self._worker = None
        self._thread = None
        if worker is not None:
            worker.cancel()
        if thread is not None:
            self._tasks.put(None)
            thread.join()
            self._tasks = queue.SimpleQueue()
        if worker is not None:
            worker.deleteLater()

    @Slot()
    def _on_worker_finished(self) -> None:
        worker = self.sender()
        if worker is None or worker is not self._worker:  # a run `stop` already let go of
            return
        self._worker = None
        # Deleted by the GUI thread's event loop, where it was made: `deleteLater` hands the object to Qt,
        # so the entity thread letting go of the run's last reference does not delete it there.
        worker.deleteLater()
        if self._stopped:
            return
        if self._again or self._waiting:
            self.start()
        else:
            self.idle.emit()
