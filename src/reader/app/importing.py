"""Bringing files into the library: preparation in worker processes, every write by one writer.

Each document is written in its own transaction, so a batch that is cancelled or killed halfway leaves
whole documents or none. Progress and cancellation are plain callables, so the CLI and the window's worker
drive the same code.

Stopping is prompt and leaves nothing behind. Cancelling drops the queued files and ends the workers at
once: what they were preparing is pure computation that nobody will store. Workers ignore Ctrl-C (the
terminal sends it to the whole process group; the parent alone decides what it means) and end when their
parent dies, even by SIGKILL, so an interrupted import never leaves processes holding memory.

A scanned page read by OCR is kept as soon as it is read (`pages`, a `PageCache` over the library), and
the import notes its files when it starts (`started`), so an import stopped halfway by a quit or a crash
can be started again and reads only what it had not read. Pages are kept only for files read here, in
this process (a few files, or one worker): files prepared in worker processes are read whole or not at
all, and an interrupted batch starts each of them again.

Pages of one source are cleaned together: a prepared page waits, with the others of its folder, until
the folder's files are prepared (or `_SOURCE_BATCH` of them are), then the lines they and the stored
documents of that folder repeat are given to the cleaner as `SourceHints` before they are stored. Files
whose cleaning has no use for hints (PDF, DOCX, EPUB) are stored as soon as they are prepared.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import FrameType

from reader.app.deriving import add_prepared, rederive, source_folder, source_members
from reader.app.reports import ImportReport
from reader.core.cleaning import SourceHints, source_hints
from reader.core.importing import Prepared, Skipped, discover
from reader.formats.base import PageCache
from reader.formats.prepare import prepare
from reader.formats.registry import HINTED, SUPPORTED_SUFFIXES, importer_named
from reader.store.library import Library

Progress = Callable[[int, int, str], None]
# (file, steps done, steps) within one slow file: the pages of a scan read by OCR.
Steps = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]
# Stores one prepared file: ("imported" | "updated" | "duplicate", id). `Library.add` in the CLI; in the
# window, a call that hands the file to the one writer thread and waits for it.
Add = Callable[[Prepared], tuple[str, int]]
# Cleans a stored document again with its folder's new hints: `deriving.rederive` on the library in the
# CLI; in the window, a call that hands it to the writer thread.
Rederive = Callable[[int, SourceHints], object]
# Told the files an import will read, once they are found and before any is read (to note the import as
# under way: `operations.begin_import`).
Started = Callable[[list[Path]], None]
# Told each file (as `started` heard it) once it is stored or skipped for good (to mark it done in the
# note, so an interrupted import taken up again skips it: `operations.import_file_done`).
FileDone = Callable[[Path], None]

# Below this many files the cost of starting processes outweighs the parallelism.
_PARALLEL_THRESHOLD = 8
# How long the loop waits for a result before looking at the cancel flag again: well under the second
# within which a cancelled import must have stopped.
_POLL_SECONDS = 0.1
# How often a worker without PR_SET_PDEATHSIG checks that its parent is still there.
_PARENT_CHECK_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


# Prepared pages of one folder held back to be cleaned with their source's hints: enough for the
# repetition to show, few enough that memory stays small and a cancelled import stores them at once.
_SOURCE_BATCH = 32


class _Sources:
    """Holds prepared pages by source folder and stores them, cleaned with the folder's hints, when the
    folder is complete or `_SOURCE_BATCH` of them wait. `library` (read only here) gives the folder's
    documents already stored; without it a batch is its own evidence. When the batch changes the
    folder's hints, its stored documents that either hints bear on are cleaned again by `rederive`
    (when given) and reported as updated."""

    def __init__(
        self,
        add: Add,
        library: Library | None,
        report: ImportReport,
        files: list[Path],
        rederive: Rederive | None,
        file_done: FileDone | None = None,
    ) -> None:
        self.add, self.library, self.report, self.rederive = add, library, report, rederive
        self.file_done = file_done
        self.waiting: dict[str, list[tuple[Path, Prepared]]] = {}
        self.expected = Counter(source_folder(str(path)) for path in files)

    def take(self, path: Path, result: Prepared | Skipped) -> None:
        """One file done (prepared or skipped): store it now, or hold it with its folder."""
        folder = source_folder(str(path))
        self.expected[folder] -= 1
        if isinstance(result, Prepared) and result.kind in HINTED and source_folder(result.path):
            held = self.waiting.setdefault(folder, [])
            held.append((path, result))
            if len(held) >= _SOURCE_BATCH:
                self.flush(folder)
        else:
            self._record(path, result)
        if self.expected[folder] <= 0 and folder in self.waiting:
            self.flush(folder)

    def flush(self, folder: str | None = None) -> None:
        """Store the held pages of one folder (all folders when None), each cleaned again with the
        folder's hints when they bear on it."""
        for name in [folder] if folder is not None else list(self.waiting):
            held = self.waiting.pop(name, [])
            if not held:
                continue
            extra = [prepared.derived.original for _, prepared in held]
            stored = source_folder(held[0][1].path)  # the folder as the library records it (links resolved)
            members = source_members(self.library, stored) if self.library is not None else []
            hints = source_hints([*(text for _, text in members), *extra])
            for path, prepared in held:
                if hints.bears_on(prepared.derived.original):
                    importer = importer_named(prepared.kind)
                    prepared = replace(prepared, derived=importer.derive(importer.from_raw(prepared.raw), hints=hints))
                self._record(path, prepared)
            self._refresh(members, hints)

    def _record(self, path: Path, result: Prepared | Skipped) -> None:
        _record(self.add, result, self.report)
        if self.file_done is not None:
            self.file_done(path)

    def _refresh(self, members: list[tuple[int, str]], hints: SourceHints) -> None:
        """Clean again the folder's documents stored before this batch when its hints changed them."""
        if self.rederive is None or not members:
            return
        before = source_hints(text for _, text in members)
        if before == hints:
            return
        done = set(self.report.imported) | set(self.report.updated)
        for doc_id, text in members:
            if doc_id not in done and (hints.bears_on(text) or before.bears_on(text)):
                self.rederive(doc_id, hints)
                self.report.updated.append(doc_id)


def rederive_with(library: Library, doc_id: int, hints: SourceHints) -> None:
    """`Rederive` on a library this process writes to."""
    rederive(library, doc_id, hints)


def _record(add: Add, result: Prepared | Skipped, report: ImportReport) -> None:
    if isinstance(result, Skipped):
        report.skipped.append(result)
        return
    outcome, doc_id = add(result)
    if outcome == "imported":
        report.imported.append(doc_id)
    elif outcome == "updated":
        report.updated.append(doc_id)
    else:
        report.duplicates.append((result.path, doc_id))


class ImportInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped an import: the batch was wound down cleanly and `report` says what got in.

    It stays a KeyboardInterrupt so that Ctrl-C still stops the program around the import; a caller
    that wants to say what was imported before stopping catches this type.
    """

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.summary())
        self.report = report


def import_paths(
    library: Library | None,
    paths: Iterable[Path],
    *,
    add: Add | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
    rederive: Rederive | None = None,
    steps: Steps | None = None,
    pages: PageCache | None = None,
    started: Started | None = None,
    file_done: FileDone | None = None,
) -> ImportReport:
    """Import files and folders; stop between documents when `cancelled()` turns true or on Ctrl-C.

    `pages` keeps each scanned page as it is read and gives back those an interrupted import read;
    `started` hears the files found, before the first is read (not called when none is found), and
    `file_done` each of them once it is stored or skipped.

    Each prepared file is stored by `add` (by default `library.add`); stored documents of a folder whose
    hints the new files change are cleaned again by `rederive` (by default on `library` when it is the
    one written to; a caller that writes through `add` passes its own, or they wait for their next
    re-cleaning). A cancelled import returns its
    report with `cancelled=True`; Ctrl-C raises ImportInterrupted, carrying the same report. Either way
    only whole documents were written and no worker process is left running.
    """
    if add is None:
        if library is None:
            raise TypeError("import_paths needs a library or an `add`")
        add = partial(add_prepared, library)
        if rederive is None:
            rederive = partial(rederive_with, library)
    ctrl_c = _CtrlC()

    def stop_requested() -> bool:
        return ctrl_c.pressed.is_set() or bool(cancelled and cancelled())

    with ctrl_c.installed():
        report = _import(
            add, library, paths, progress, stop_requested, ctrl_c, workers, rederive, steps, pages, started, file_done
        )
    if ctrl_c.pressed.is_set():
        report.cancelled = True
        raise ImportInterrupted(report)
    return report


def _import(
    add: Add,
    library: Library | None,
    paths: Iterable[Path],
    progress: Progress | None,
    stop_requested: Cancelled,
    ctrl_c: _CtrlC,
    workers: int | None,
    rederive: Rederive | None,
    steps: Steps | None = None,
    pages: PageCache | None = None,
    started: Started | None = None,
    file_done: FileDone | None = None,
) -> ImportReport:
    try:
        with ctrl_c.abandons():  # walking a large tree writes nothing: Ctrl-C may end it at once
            files, skipped = discover(paths, SUPPORTED_SUFFIXES)
    except KeyboardInterrupt:
        if not ctrl_c.pressed.is_set():
            raise
        return ImportReport(cancelled=True)
    report = ImportReport(skipped=list(skipped))
    if started is not None and files:
        started(files)
    if progress:
        progress(0, len(files), "")
    workers = workers if workers is not None else max(1, min(4, os.cpu_count() or 1))
    sources = _Sources(add, library, report, files, rederive, file_done)
    if len(files) < _PARALLEL_THRESHOLD or workers <= 1:
        _import_here(sources, files, progress, stop_requested, ctrl_c, steps, pages)
    else:
        _import_in_workers(sources, files, progress, stop_requested, workers)
    sources.flush()  # what a cancelled import had prepared is stored too, as before
    return report


def _import_here(
    sources: _Sources,
    files: list[Path],
    progress: Progress | None,
    stop_requested: Cancelled,
    ctrl_c: _CtrlC,
    steps: Steps | None = None,
    pages: PageCache | None = None,
) -> None:
    """Prepare and write in this process, one file after the other (a few files, or one worker); a slow
    file's steps (a scan's pages) are reported by `steps`, and its pages kept in `pages`."""
    for done, path in enumerate(files, start=1):
        if stop_requested():
            sources.report.cancelled = True
            return
        try:
            with ctrl_c.abandons():  # preparing is pure computation: a large file need not be waited for
                within = partial(steps, str(path)) if steps else None
                # A scan stops within a page, and keeps the pages it read.
                result = prepare(path, cancelled=stop_requested, progress=within, pages=pages)
        except KeyboardInterrupt:
            if not ctrl_c.pressed.is_set():
                raise
            sources.report.cancelled = True
            return
        if stop_requested():  # what a cancelled read gave back is not the file
            sources.report.cancelled = True
            return
        sources.take(path, result)
        if progress:
            progress(done, len(files), str(path))


def _import_in_workers(
    sources: _Sources,
    files: list[Path],
    progress: Progress | None,
    stop_requested: Cancelled,
    workers: int,
) -> None:
    """Prepare in worker processes, a few files ahead; write here, as results come in."""
    # spawn, not fork: the window's process has threads (Qt's among them) that fork would copy half-way.
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_init,
        initargs=(os.getpid(),),
    )
    finished_cleanly = False
    try:
        pending: dict[Future[Prepared | Skipped], Path] = {}
        queue = list(reversed(files))
        done = 0
        while queue or pending:
            while queue and len(pending) < workers * 2 and not stop_requested():
                path = queue.pop()
                with _sigint_blocked():  # a worker started here inherits the mask: no Ctrl-C before its setup
                    pending[pool.submit(prepare, path)] = path
            if stop_requested():
                sources.report.cancelled = True
                break
            finished, _ = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            for fut in finished:
                path = pending.pop(fut)
                try:
                    result = fut.result()
                except Exception as exc:  # a crashed worker must not stop the batch
                    result = Skipped(str(path), f"could not be prepared ({type(exc).__name__})")
                sources.take(path, result)
                done += 1
                if progress:
                    progress(done, len(files), str(path))
                if stop_requested():
                    break
        finished_cleanly = not sources.report.cancelled
    finally:
        if finished_cleanly:
            pool.shutdown(wait=True)
        else:
            _stop_now(pool)


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Drop queued work and end the workers without waiting for the file each is preparing.

    `shutdown(wait=False, cancel_futures=True)` alone would let a worker finish a large file first, and the
    interpreter waits for it at exit. Preparing is pure computation, so ending it loses nothing. The
    executor's own thread notices the ended workers and reaps them.
    """
    # The executor keeps no public list of its processes; without them a busy worker cannot be stopped.
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


class _CtrlC:
    """Ctrl-C during an import: noted while documents are written, acted on at once while only computing.

    An exception raised in the middle of a write or inside the executor's bookkeeping is what made
    interrupted imports messy, so by default Ctrl-C only sets `pressed`, which the loop reads between
    documents. Inside `abandons()` (finding files, preparing one) nothing is written and waiting could take
    minutes on a large file, so there it raises KeyboardInterrupt as usual. Only Python's default handler
    is replaced, and only on the main thread (the only one Python runs signal handlers on).
    """

    def __init__(self) -> None:
        self.pressed = threading.Event()
        self._abandoning = False

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            yield
            return
        previous = signal.signal(signal.SIGINT, self._on_interrupt)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    @contextlib.contextmanager
    def abandons(self) -> Iterator[None]:
        self._abandoning = True
        try:
            yield
        finally:
            self._abandoning = False

    def _on_interrupt(self, signum: int, frame: FrameType | None) -> None:
        self.pressed.set()
        if self._abandoning:
            raise KeyboardInterrupt


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold SIGINT back from this thread; a process started meanwhile begins with it blocked.

    The executor starts workers from the submitting thread. Without this, Ctrl-C in the instant between a
    worker's start and its initializer would print a traceback from that worker. The parent loses nothing:
    a held-back signal is delivered when the mask is restored.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _worker_init(parent_pid: int) -> None:
    """Set up a worker process: leave Ctrl-C to the parent, and never outlive it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C held back since the start is discarded here
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if sys.platform.startswith("linux"):
        _ask_kernel_for_sigterm_on_parent_death()
    watcher = threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), name="parent-watch", daemon=True)
    watcher.start()
    if os.getppid() != parent_pid:  # the parent died before the kernel was asked to tell us
        os._exit(1)


def _ask_kernel_for_sigterm_on_parent_death() -> None:
    """PR_SET_PDEATHSIG: the kernel sends SIGTERM the moment the parent dies, however it died."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # an unusual libc: the watching thread still ends the worker


def _exit_when_orphaned(parent_pid: int) -> None:
    """Portable fallback: once the parent is gone the worker is re-parented, and it exits."""
    while os.getppid() == parent_pid:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


def import_seeds_if_empty(
    library: Library, seeds: Path | None, *, add: Add | None = None, mark_seeded: Callable[[], None] | None = None
) -> ImportReport | None:
    """Give a new library the sample documents once, so the first window is never empty.

    `library` is only read when `add` and `mark_seeded` do the writing (the window's writer thread)."""
    if seeds is None or library.count() > 0 or library.meta("seeded"):
        return None
    report = import_paths(library, [seeds], add=add, workers=1)
    if mark_seeded is not None:
        mark_seeded()
    else:
        library.set_meta("seeded", "1")
    return report
