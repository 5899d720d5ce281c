"""The page as printed: what drawing one page costs, and what showing a page already drawn costs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_page_view.py [--rounds N]

For each PDF fixture and zoom (1×, 2×, 4× of 96 dpi) it prints the median ms to draw a page into a `QImage`
(what the worker thread does), then the median ms for the page view to show a page from its cache (what the
GUI thread does when a page is turned back to). Drawing above ~100 ms is why it runs off the GUI thread.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reader.formats.pdf.render import PrintedPages
from reader.ui.page_view import SCREEN_DPI, PageView

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "pdf"
NAMES = ["report_sc", "two_column", "bare_numbers"]


def draw_ms(pages: PrintedPages, dpi: float, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        for index in range(pages.count):
            start = time.perf_counter()
            bitmap = pages.render(index, dpi)
            QImage(bitmap.data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32).copy()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cache_hit_ms(app: QApplication, data: bytes, count: int, rounds: int) -> float:
    view = PageView()
    view.resize(900, 700)
    view.show()
    view.set_file(data, count)
    for page in range(1, count + 1):  # draw every page once
        view.show_page(page)
        while not view.cached(page):
            app.processEvents()
    times = []
    for _ in range(rounds):
        for page in range(1, count + 1):
            start = time.perf_counter()
            view.show_page(page)
            times.append((time.perf_counter() - start) * 1000)
    view.shutdown()
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    print(f"{'file':<14}{'1x ms':>8}{'2x ms':>8}{'4x ms':>8}{'cache hit ms':>14}")
    for name in NAMES:
        data = (DATA / f"{name}.pdf").read_bytes()
        pages = PrintedPages(data)
        row = [draw_ms(pages, SCREEN_DPI * zoom, args.rounds) for zoom in (1, 2, 4)]
        count = pages.count
        pages.close()
        hit = cache_hit_ms(app, data, count, args.rounds)
        print(f"{name:<14}{row[0]:>8.1f}{row[1]:>8.1f}{row[2]:>8.1f}{hit:>14.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
