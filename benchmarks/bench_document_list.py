"""Measure sorting the document list by title in pinyin order, and re-sorting, at library scale.

Builds a library of N documents (the same generator as bench_window.py: real paragraphs recombined,
written straight into the documents table) and times `DocumentTableModel.sort` on the title column:
the first sort computes every title's collation key, later sorts reuse them. Also times sorting by date
(SQL) and by note count for comparison, and deleting 100 documents. Asserts nothing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_document_list.py --docs 10000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def timed(action: object, repeat: int = 5) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bench_window import build
    from reader.store.library import Library
    from reader.ui.document_model import DocumentTableModel

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lib.sqlite"
        build(path, args.docs)
        with Library(path) as library:
            model = DocumentTableModel(library, app, sort_column=1)
            model.rowCount()
            asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
            first = timed(lambda: model.sort(0, asc), repeat=1)[0]
            titles_read = timed(library.titles)
            again = timed(lambda: model.sort(0, desc))
            by_date = timed(lambda: model.sort(1, asc))
            by_notes = timed(lambda: model.sort(6, desc))
            start = time.perf_counter()
            library.delete(library.ids()[:100])
            deleted = (time.perf_counter() - start) * 1000
        print(f"documents: {args.docs:,}")
        print(f"sort by title (pinyin), first (computes collation keys): {first:.0f} ms")
        print(f"sort by title (pinyin), again (keys cached): median {statistics.median(again):.0f} ms")
        print(f"  of which reading ids and titles: median {statistics.median(titles_read):.0f} ms")
        print(f"sort by date (SQL): median {statistics.median(by_date):.0f} ms")
        print(f"sort by note count: median {statistics.median(by_notes):.0f} ms")
        print(f"delete 100 documents (one transaction): {deleted:.0f} ms")


if __name__ == "__main__":
    main()
