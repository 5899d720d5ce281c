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
can be started again and reads only what it had not read. For that, files of the formats read page by
page (`registry.PAGED`: PDFs, whose scans OCR reads) are always read here, in the importing process,
where the page cache and the one writer are; a batch's other files go to the worker processes, whose
results are stored between the pages of the scan read here. OCR spreads a page's lines over threads of
its own, so reading one scan at a time here loses little of the parallelism of worker processes.

A file of a paged format whose bytes are those of a document already stored (its kept file) is reported
as that document's duplicate without being read: reading it would cost its OCR only to find the same
text. A document whose reading was incomplete (a page the engine could not read) does not count: the
file is read again, as before, and its text decides.

Pages of one source are cleaned together: a prepared page waits, with the others of its folder, until
the folder's files are prepared (or `_SOURCE_BATCH` of them are), then the lines they and the stored
documents of that folder repeat are given to the cleaner as `SourceHints` before they are stored. Files
whose cleaning has no use for hints (PDF, DOCX, EPUB) are stored as soon as they are prepared.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from reader.app.deriving import add_prepared, moved_away, rederive, source_folder, source_members
from reader.app.import_processes import CtrlC, sigint_blocked, stop_now, worker_init
from reader.app.reports import ImportReport
from reader.core.cleaning import SourceHints, source_hints
from reader.core.importing import Prepared, Skipped, Unreadable, discover, printable_path, read_limited, stored_path
from reader.core.text import decoding
from reader.formats.base import SNIFF_BYTES, PageCache
from reader.formats.prepare import prepare, prepare_data
from reader.formats.registry import HINTED, PAGED, SUPPORTED_SUFFIXES, evidence_of, importer_for, importer_named
from reader.store import files as stored_files
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


@dataclass(frozen=True)
class AlreadyStored:
    """A file found to be a stored document's file byte for byte, before reading it: reported as that
    document's duplicate, as storing its reading would have found. `path` as a document records it."""

    path: str
    doc_id: int


Result = Prepared | Skipped | AlreadyStored


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

    def take(self, path: Path, result: Result) -> None:
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

    def _record(self, path: Path, result: Result) -> None:
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


def _record(add: Add, result: Result, report: ImportReport) -> None:
    if isinstance(result, Skipped):
        report.skipped.append(result)
        return
    if isinstance(result, AlreadyStored):
        report.duplicates.append((result.path, result.doc_id))
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
    ctrl_c = CtrlC()

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
    ctrl_c: CtrlC,
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
        _Batch(sources, files, progress, stop_requested, ctrl_c, workers, steps, pages).run()
    sources.flush()  # what a cancelled import had prepared is stored too, as before
    return report


def _read_here(
    path: Path,
    library: Library | None,
    *,
    cancelled: Cancelled | None = None,
    progress: Callable[[int, int], None] | None = None,
    pages: PageCache | None = None,
) -> Result:
    """`prepare` in this process, but a file of a paged format that a stored document holds byte for byte
    is not read (`AlreadyStored`): its reading (a scan's OCR) would only find that document again."""
    try:
        data = read_limited(path, decoding.MAX_BYTES)
    except Unreadable as exc:
        return Skipped(printable_path(path), str(exc))
    if library is not None:
        known = _stored_copy(library, path, data)
        if known is not None:
            return known
    return prepare_data(path, data, cancelled=cancelled, progress=progress, pages=pages)


def _stored_copy(library: Library, path: Path, data: bytes) -> AlreadyStored | None:
    """The stored document whose kept file is `data`, when `data` is of a paged format and that document's
    reading was whole (no page left unread: `ocr_notes`); reading the file again then gives the same text,
    so the document is what storing it would find. Only paged formats are looked up: the others read in
    milliseconds, and their text decides as always. None also when the library cannot be asked."""
    importer = importer_for(printable_path(path.name), data[:SNIFF_BYTES])
    if importer is None or importer.name not in PAGED:
        return None
    try:
        for doc_id in stored_files.kept_copies(library.conn, data, importer.name):
            source = library.source_of(doc_id)
            if source is not None and not evidence_of(source[0], importer.name).get("ocr_notes"):
                here = stored_path(os.path.realpath(path))
                if _moved_here(library, doc_id, here):
                    return None  # read and stored as usual, so the document follows its file
                return AlreadyStored(here, doc_id)
    except sqlite3.Error:
        pass  # read it: slower, not wrong
    return None


def _moved_here(library: Library, doc_id: int, here: str) -> bool:
    """Whether the document's recorded file is gone and `here` is where it went (a moved file)."""
    summary = library.summaries([doc_id]).get(doc_id)
    return summary is not None and summary.path != here and moved_away(summary.path)


def _import_here(
    sources: _Sources,
    files: list[Path],
    progress: Progress | None,
    stop_requested: Cancelled,
    ctrl_c: CtrlC,
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
                result = _read_here(path, sources.library, cancelled=stop_requested, progress=within, pages=pages)
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


def _paged(path: Path) -> bool:
    """Whether the importer that will read `path` reads page by page (`PAGED`), by its first bytes as the
    registry chooses; a file that cannot be opened is not (its worker says why)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return False
    importer = importer_for(printable_path(path.name), head)
    return importer is not None and importer.name in PAGED


class _Batch:
    """A batch read in worker processes, a few files ahead, but for the files of paged formats, read here
    one after the other (so each scanned page is kept, and a stored scan found before it is read); every
    result is stored here as it comes in, and between a scan's pages the workers' results are stored and
    the workers given more, so they are not kept waiting while a long scan is read."""

    def __init__(
        self,
        sources: _Sources,
        files: list[Path],
        progress: Progress | None,
        stop_requested: Cancelled,
        ctrl_c: CtrlC,
        workers: int,
        steps: Steps | None,
        pages: PageCache | None,
    ) -> None:
        self.sources, self.files, self.progress, self.stop_requested = sources, files, progress, stop_requested
        self.ctrl_c, self.workers, self.steps, self.pages = ctrl_c, workers, steps, pages
        self.queue = deque(files)
        self.here: deque[Path] = deque()  # files of paged formats met in `queue`, to read in this process
        self.pending: dict[Future[Prepared | Skipped], Path] = {}
        self.done = 0
        # spawn, not fork: the window's process has threads (Qt's among them) that fork would copy half-way.
        # Processes start at the first file given to a worker: a batch of scans alone starts none.
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=worker_init,
            initargs=(os.getpid(),),
        )

    def run(self) -> None:
        finished_cleanly = False
        try:
            while self.queue or self.pending or self.here:
                self._feed()
                if self.stop_requested():
                    break
                if self.here:
                    if not self._read_one_here(self.here.popleft()):
                        break  # stopped within the file: what the read gave back is not the file
                else:
                    self._collect(_POLL_SECONDS)
                if self.stop_requested() and (self.queue or self.pending or self.here):
                    break
            else:
                finished_cleanly = True
        finally:
            if finished_cleanly:
                self.pool.shutdown(wait=True)
            else:
                self.sources.report.cancelled = True
                stop_now(self.pool)

    def _feed(self) -> None:
        """Give the workers files until a few wait for each; files of paged formats are set aside for here."""
        while self.queue and len(self.pending) < self.workers * 2 and not self.stop_requested():
            path = self.queue.popleft()
            if _paged(path):
                self.here.append(path)
                continue
            with sigint_blocked():  # a worker started here inherits the mask: no Ctrl-C before its setup
                self.pending[self.pool.submit(prepare, path)] = path

    def _collect(self, timeout: float) -> None:
        """Store what the workers have finished, waiting up to `timeout` for the first."""
        finished, _ = wait(self.pending, timeout=timeout, return_when=FIRST_COMPLETED)
        for fut in finished:
            path = self.pending.pop(fut)
            try:
                result: Result = fut.result()
            except Exception as exc:  # a crashed worker must not stop the batch
                result = Skipped(str(path), f"could not be prepared ({type(exc).__name__})")
            self._take(path, result)
            if self.stop_requested():
                return

    def _take(self, path: Path, result: Result) -> None:
        self.sources.take(path, result)
        self.done += 1
        if self.progress:
            self.progress(self.done, len(self.files), str(path))

    def _read_one_here(self, path: Path) -> bool:
        """Read one file of a paged format here and store it, False when the import was stopped first;
        between its pages, store the workers' results and feed them (Ctrl-C is only noted meanwhile: a
        document is being written)."""

        def between_pages(step: int, steps: int) -> None:
            with self.ctrl_c.holds():
                if not self.stop_requested():
                    self._collect(0)
                    self._feed()
            if self.steps is not None:
                self.steps(str(path), step, steps)

        try:
            with self.ctrl_c.abandons():  # reading is pure computation: a large scan need not be waited for
                result = _read_here(
                    path, self.sources.library, cancelled=self.stop_requested, progress=between_pages, pages=self.pages
                )
        except KeyboardInterrupt:
            if not self.ctrl_c.pressed.is_set():
                raise
            return False
        if self.stop_requested():
            return False
        self._take(path, result)
        return True


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
