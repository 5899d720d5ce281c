"""Measure sorting the document list by title in pinyin order, and re-sorting, at library scale.

Builds a library of N documents (the same generator as bench_window.py: real paragraphs recombined,
written straight into the documents table) and times `DocumentTableModel.sort` on the title column:
the first sort ever collates every title and stores the ranks in the library; a later session's first
sort reads them; after an import, the new titles are placed among them. Each sort by title follows a
sort by date, since sorting again in the order already shown does nothing. Also times sorting by date
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

            def store(ranked: list[tuple[int, str, int]], collation: str, changes: int, replace: bool) -> None:
                library.title_order.store(ranked, collation, changes, replace=replace)

            asc, desc = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder

            def by_title(model: DocumentTableModel, order: Qt.SortOrder = asc) -> float:
                model.sort(1, asc)
                start = time.perf_counter()
                model.sort(0, order)
                return (time.perf_counter() - start) * 1000

            with library.transaction():
                library.conn.execute("DELETE FROM title_order")  # as after the upgrade: nothing ranked yet
            model = DocumentTableModel(library, app, sort_column=1, write_ranks=store)
            model.rowCount()
            first = by_title(model)
            later = DocumentTableModel(library, app, sort_column=1, write_ranks=store)
            later.rowCount()
            session = [by_title(later, order) for order in (asc, desc, asc, desc, asc)]
            titles_read = timed(library.titles)
            by_date = timed(lambda: (model.sort(0, asc), model.sort(1, asc)))
            by_notes = timed(lambda: (model.sort(0, asc), model.sort(6, desc)))
            build(path, args.docs + 100)  # an import of 100 documents
            later.reload()
            placed = by_title(later)
            start = time.perf_counter()
            library.delete(library.ids()[:100])
            deleted = (time.perf_counter() - start) * 1000
        print(f"documents: {args.docs:,}")
        print(f"sort by title (pinyin), first ever (collates every title, stores the ranks): {first:.0f} ms")
        print(f"sort by title, a later session (stored ranks): median {statistics.median(session):.0f} ms")
        print(f"  reading every title, for comparison: median {statistics.median(titles_read):.0f} ms")
        print(f"sort by title after 100 new documents (placed among the ranks): {placed:.0f} ms")
        print(f"sort by title then by date (SQL): median {statistics.median(by_date):.0f} ms")
        print(f"sort by title then by note count: median {statistics.median(by_notes):.0f} ms")
        print(f"delete 100 documents (one transaction): {deleted:.0f} ms")


if __name__ == "__main__":
    main()
