"""Bringing files into the library: preparation in worker processes, every write by one writer.

Each document is written in its own transaction, so a batch that is cancelled or killed halfway leaves
whole documents or none. Progress and cancellation are plain callables, so the CLI and the window's worker
drive the same code.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.importing import Prepared, Skipped, discover, prepare
from reader.store.library import Library

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

# Below this many files the cost of starting processes outweighs the parallelism.
_PARALLEL_THRESHOLD = 8


@dataclass
class ImportReport:
    imported: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> str:
        parts = [f"{len(self.imported)} imported"]
        if self.updated:
            parts.append(f"{len(self.updated)} updated")
        parts.append(f"{len(self.duplicates)} already in the library")
        parts.append(f"{len(self.skipped)} skipped")
        text = ", ".join(parts)
        return text + (" (cancelled)" if self.cancelled else "")

    def as_json(self) -> dict[str, object]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "duplicates": [{"path": p, "id": i} for p, i in self.duplicates],
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "cancelled": self.cancelled,
        }


def _record(library: Library, result: Prepared | Skipped, report: ImportReport) -> None:
    if isinstance(result, Skipped):
        report.skipped.append(result)
        return
    outcome, doc_id = library.add(result)
    if outcome == "imported":
        report.imported.append(doc_id)
    elif outcome == "updated":
        report.updated.append(doc_id)
    else:
        report.duplicates.append((result.path, doc_id))


def import_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> ImportReport:
    files, skipped = discover(paths)
    report = ImportReport(skipped=list(skipped))
    total = len(files)
    if progress:
        progress(0, total, "")
    workers = workers if workers is not None else max(1, min(4, os.cpu_count() or 1))
    if total < _PARALLEL_THRESHOLD or workers <= 1:
        for done, path in enumerate(files, start=1):
            if cancelled and cancelled():
                report.cancelled = True
                break
            _record(library, prepare(path), report)
            if progress:
                progress(done, total, str(path))
        return report

    # spawn, not fork: the window's process has threads (Qt's among them) that fork would copy half-way.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: dict[Future[Prepared | Skipped], Path] = {}
        queue = list(reversed(files))
        done = 0
        while queue or pending:
            while queue and len(pending) < workers * 2 and not (cancelled and cancelled()):
                path = queue.pop()
                pending[pool.submit(prepare, path)] = path
            if cancelled and cancelled():
                report.cancelled = True
                for fut in pending:
                    fut.cancel()
                break
            finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in finished:
                path = pending.pop(fut)
                try:
                    result = fut.result()
                except Exception as exc:  # a crashed worker must not stop the batch
                    result = Skipped(str(path), f"could not be prepared ({type(exc).__name__})")
                _record(library, result, report)
                done += 1
                if progress:
                    progress(done, total, str(path))
    return report


def import_seeds_if_empty(library: Library, seeds: Path | None) -> ImportReport | None:
    """Give a new library the sample documents once, so the first window is never empty."""
    if seeds is None or library.count() > 0 or library.meta("seeded"):
        return None
    report = import_paths(library, [seeds], workers=1)
    library.set_meta("seeded", "1")
    return report
