"""The window while a scanned PDF is read: how long its event loop stalls, and OCR pages per second.

Starts the real window offscreen on a temporary library (every per-user path redirected to a temporary
folder, as the tests do), imports a scanned PDF through the window's own import path (its background import
thread), and meanwhile runs a 5 ms precise timer in the window's event loop, recording when each tick
arrives. A gap between two ticks much longer than 5 ms is a stall: the window could not repaint or take a
key press for that long. The goal is a longest gap under 50 ms while OCR runs.

The OCR engine is loaded first, with the timer running (`load_max_gap_ms`: what the first scan of a session
costs the window), then the import is timed (`max_gap_ms`, `p99_gap_ms`, `pages_per_s`). The probe keeps
running after the import's report, while the window opens the new document and its entities are found on
the entity thread, until that thread is idle (`after_max_gap_ms`, at most `SETTLE_S`); `end_max_gap_ms` is
the longest gap from the last page read to then: what the end of an import costs the window.

    PYTHONPATH=src .venv/bin/python benchmarks/ocr_window.py [--pages 3] [--pdf FILE]

With no PDF, a scan of `pages` A4 pages of Chinese prose is made by tests/unit/formats/pdf/pdf_scans.py.
Figures depend on the machine's load (the window and OCR share the cores): run it on a quiet machine, and
read CPU seconds per page next to the wall-clock rate. `measure` is called by benchmarks/bench_formats.py.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if not os.environ.get("PYTHONPATH"):  # PYTHONPATH may name another tree's src, to compare two versions
    sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "unit" / "formats" / "pdf"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 5
"""The probe timer's interval: a key press or a repaint waits at most about this long on an idle loop."""
TIMEOUT_S = 600.0
"""An import that takes longer than this is reported as not finished instead of hanging the benchmark."""
IDLE_S = 2.0
"""Seconds the loop is probed with nothing running, for a baseline of the machine's own stalls."""
PREWARM_DELAY_S = 2.0
"""A little longer than the window waits before warming its converters (`reader.ui.app.create_window`)."""
WORST = 5
"""How many of the longest gaps are reported with the time at which they ended."""
SETTLE_S = 10.0
"""The longest the loop is probed after the import's report, waiting for the entity thread to be idle."""
SETTLE_QUIET_S = 0.5
"""After the entity thread is idle, the loop is probed this much longer (its results reach the window)."""
"""How many of the longest gaps are reported with the time at which they ended."""
REDIRECTED = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "READER_LIBRARY")


def make_pdf(folder: Path, pages: int, seed: int = 15, script: str = "simplified") -> Path:
    """A scanned PDF of `pages` dense pages (about 650 characters each, as bench_ocr.py makes them: public
    simplified- or traditional-Chinese paragraphs, skew, noise, JPEG), written into `folder`."""
    import random

    from pdf_scans import make_scan

    from bench_ocr import pages_of, simplified_paragraphs, traditional_paragraphs

    rng = random.Random(seed)
    pool = traditional_paragraphs() if script == "traditional" else simplified_paragraphs()
    path = folder / "scan.pdf"
    path.write_bytes(make_scan(pages_of(pool, pages, rng), seed=seed).data)
    return path


@contextmanager
def _temporary_home() -> Iterator[Path]:
    """Every per-user location pointed at a temporary folder for the duration, then put back."""
    saved = {key: os.environ.get(key) for key in REDIRECTED}
    with tempfile.TemporaryDirectory(prefix="ocr-window-") as folder:
        home = Path(folder)
        os.environ["HOME"] = str(home)
        for key, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
            os.environ[key] = str(home / sub)
        os.environ.pop("READER_LIBRARY", None)
        try:
            yield home
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


class _Probe:
    """Arrival times of a precise timer's ticks in the event loop, for the gaps between them."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> list[float]:
        """Gaps between ticks in milliseconds (the last one up to now)."""
        self.timer.stop()
        self.ticks.append(time.perf_counter())
        return [(b - a) * 1000.0 for a, b in zip(self.ticks, self.ticks[1:], strict=False)]


def _wait(app: Any, done: Callable[[], bool], timeout: float) -> bool:
    """Run the event loop, as the application does (`exec`, sleeping when there is nothing to do), until
    `done()` or `timeout` seconds; whether it was done. Asked every 20 ms by a timer of its own."""
    from PySide6.QtCore import QEventLoop, QTimer

    end = time.perf_counter() + timeout
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(20)
    check.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > end else None)
    if not done():
        check.start()
        loop.exec()
        check.stop()
    return done()


def _p99(gaps: list[float]) -> float:
    return statistics.quantiles(gaps, n=100)[98] if len(gaps) >= 2 else (gaps[0] if gaps else 0.0)


def measure(pdf_path: Path | None = None, pages: int = 3, script: str = "simplified") -> dict[str, float]:
    """Stalls of the window's event loop while it imports a scanned PDF, and the import's pages per second.

    Returns `pages`, `seconds` (import, wall), `pages_per_s`, `cpu_s_per_page` (this process, all threads),
    `max_gap_ms`, `p99_gap_ms`, `median_gap_ms` and `ticks` during the import, `load_s` and
    `load_max_gap_ms` for loading the OCR engine, `imported` (1 when the document was stored),
    `after_s`, `after_max_gap_ms` and `after_p99_gap_ms` for the window settling after the import's report
    (the document opened, its entities found), and `end_max_gap_ms` from the last page read to the end.
    """
    from PySide6.QtWidgets import QApplication

    from reader.formats.pdf import ocr

    app = QApplication.instance() or QApplication([])
    with _temporary_home() as home:
        path = pdf_path if pdf_path is not None else make_pdf(home, pages, script=script)
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(path.read_bytes())
        count = len(doc)
        doc.close()

        from reader.ui.app import create_window

        window = create_window(home / "library.sqlite", config_dir=home / "config", seed=False)
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        probe = _Probe()
        out: dict[str, float] = {"pages": float(count)}

        # The window warms its script converters on a thread 1.5 s after it starts (jieba and OpenCC loading
        # hold the GIL for long stretches): that is the window's start, not OCR, so it is let finish first.
        _wait(app, lambda: False, PREWARM_DELAY_S)
        _wait(app, lambda: not any(t.name.startswith("prewarm") for t in threading.enumerate()), TIMEOUT_S)
        # The loop with nothing to do, as a baseline: on a loaded machine it stalls too.
        probe.start()
        _wait(app, lambda: False, IDLE_S)
        gaps = probe.stop()
        out["idle_max_gap_ms"], out["idle_p99_gap_ms"] = max(gaps), _p99(gaps)

        # The engine as the first scan of a session loads it: on a thread, the window's loop running.
        loaded = threading.Event()

        def load() -> None:
            ocr.default_engine()
            loaded.set()

        threading.Thread(target=load, daemon=True).start()
        start = time.perf_counter()
        probe.start()
        _wait(app, loaded.is_set, TIMEOUT_S)
        gaps = probe.stop()
        out["load_s"] = time.perf_counter() - start
        out["load_max_gap_ms"] = max(gaps)

        reports: list[Any] = []
        window.importFinished.connect(reports.append)
        idle: list[bool] = []
        window.entities.scheduler.idle.connect(lambda: idle.append(True))
        spans: list[tuple[float, float]] = []
        # Each drawn page is read by `ocr.read_image` (on the import's reading thread, page after page), so its
        # spans are the pages' OCR; the next page's detection runs on beside them.
        read_image = ocr.read_image

        def timed_page(*args: Any, **kwargs: Any) -> Any:
            begun = time.perf_counter()
            try:
                return read_image(*args, **kwargs)
            finally:
                spans.append((begun, time.perf_counter()))

        ocr.read_image = timed_page
        collections: list[tuple[float, float, int, str]] = []  # (ended, ms, generation, thread)
        began: dict[int, float] = {}

        def on_gc(phase: str, info: dict[str, int]) -> None:
            ident = threading.get_ident()
            if phase == "start":
                began[ident] = time.perf_counter()
            elif ident in began:
                ended = time.perf_counter()
                name = threading.current_thread().name
                collections.append((ended, (ended - began.pop(ident)) * 1000.0, info["generation"], name))

        gc.callbacks.append(on_gc)
        start, cpu = time.perf_counter(), time.process_time()
        try:
            probe.start()
            window.start_import([path])
            finished = _wait(app, lambda: bool(reports), TIMEOUT_S)
            reported = time.perf_counter()
            seconds, cpu = reported - start, time.process_time() - cpu
            # The window settles: it opens the new document and the entity thread reads it.
            idle.clear()
            _wait(app, lambda: bool(idle), SETTLE_S)
            _wait(app, lambda: False, SETTLE_QUIET_S)
            gaps = probe.stop()
        finally:
            ocr.read_image = read_image
            gc.callbacks.remove(on_gc)
        settle = [g for t, g in zip(probe.ticks[1:], gaps, strict=False) if t > reported]
        gaps = gaps[: len(gaps) - len(settle)]
        out.update(
            after_s=time.perf_counter() - reported,
            after_max_gap_ms=max(settle, default=0.0),
            after_p99_gap_ms=_p99(settle),
        )
        out.update(
            seconds=seconds,
            pages_per_s=count / seconds if finished else 0.0,
            cpu_s_per_page=cpu / max(count, 1),
            max_gap_ms=max(gaps),
            p99_gap_ms=_p99(gaps),
            median_gap_ms=statistics.median(gaps),
            ticks=float(len(gaps)),
            imported=float(bool(finished and reports[0].imported)),
        )
        if spans:  # the gaps while pages were being read by OCR, apart from the rest of the import
            ocr_gaps = [g for t, g in zip(probe.ticks[1:], gaps, strict=False) if spans[0][0] <= t <= spans[-1][1]]
            out["ocr_seconds"] = spans[-1][1] - spans[0][0]
            out["ocr_max_gap_ms"] = max(ocr_gaps, default=0.0)
            out["ocr_p99_gap_ms"] = _p99(ocr_gaps)
            out["end_max_gap_ms"] = max(
                (g for t, g in zip(probe.ticks[1:], gaps + settle, strict=False) if t > spans[-1][1]), default=0.0
            )
        # Garbage collection holds the GIL: a long one on any thread is a stall of the window.
        out["gc_count"] = float(len(collections))
        out["gc_total_ms"] = sum(ms for _, ms, _, _ in collections)
        out["gc_max_ms"] = max((ms for _, ms, _, _ in collections), default=0.0)
        for ended, ms, generation, name in sorted(collections, key=lambda c: -c[1])[:3]:
            print(f"  gc gen {generation} on {name}: {ms:.0f} ms, ended at {ended - start:.1f} s", file=sys.stderr)
        worst = sorted(zip(gaps + settle, probe.ticks[1:], strict=False), reverse=True)[:WORST]
        for rank, (gap, at) in enumerate(worst, start=1):
            out[f"gap{rank}_ms"], out[f"gap{rank}_at_s"] = gap, at - start
        for number, (begun, ended) in enumerate(spans, start=1):
            out[f"page{number}_start_s"], out[f"page{number}_end_s"] = begun - start, ended - start
        window.close()
        window.library.close()
        app.processEvents()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=3, help="pages of the generated scan")
    parser.add_argument("--pdf", type=Path, help="a scanned PDF to import instead of a generated one")
    parser.add_argument(
        "--script", choices=("simplified", "traditional"), default="simplified", help="script of the generated scan"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = measure(args.pdf, args.pages, args.script)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"OCR engine load: {result['load_s']:.2f} s, longest event-loop gap {result['load_max_gap_ms']:.0f} ms")
    print(
        f"import of {result['pages']:.0f} scanned pages: {result['seconds']:.1f} s, "
        f"{result['pages_per_s']:.2f} pages/s, {result['cpu_s_per_page']:.1f} CPU-s/page"
        + ("" if result["imported"] else " (NOT IMPORTED)")
    )
    print(
        f"idle loop first ({IDLE_S:.0f} s): max gap {result['idle_max_gap_ms']:.0f} ms, "
        f"p99 {result['idle_p99_gap_ms']:.1f} ms"
    )
    print(
        f"event-loop gaps meanwhile ({TICK_MS} ms timer, {result['ticks']:.0f} ticks): "
        f"max {result['max_gap_ms']:.0f} ms, "
        f"p99 {result['p99_gap_ms']:.1f} ms, median {result['median_gap_ms']:.1f} ms"
    )

    if "ocr_seconds" in result:
        print(
            f"while pages were read by OCR ({result['ocr_seconds']:.1f} s): max gap {result['ocr_max_gap_ms']:.0f} ms, "
            f"p99 {result['ocr_p99_gap_ms']:.1f} ms"
        )
    pages = [
        f"{result[f'page{n}_start_s']:.1f}-{result[f'page{n}_end_s']:.1f}"
        for n in range(1, int(result["pages"]) + 1)
        if f"page{n}_start_s" in result
    ]
    worst = [
        f"{result[f'gap{n}_ms']:.0f} ms at {result[f'gap{n}_at_s']:.1f} s"
        for n in range(1, WORST + 1)
        if f"gap{n}_ms" in result
    ]
    print(
        f"after the report, until the entity thread is idle ({result['after_s']:.1f} s): "
        f"max gap {result['after_max_gap_ms']:.0f} ms, p99 {result['after_p99_gap_ms']:.1f} ms"
    )
    if "end_max_gap_ms" in result:
        print(f"from the last page read to the end: max gap {result['end_max_gap_ms']:.0f} ms")
    print("OCR of each page (s from the import's start): " + ", ".join(pages))
    print("longest gaps: " + ", ".join(worst))


if __name__ == "__main__":
    main()
