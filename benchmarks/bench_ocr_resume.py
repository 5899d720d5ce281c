"""Resuming an interrupted scan import: what a page kept in the library saves, and what it costs.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_ocr_resume.py [--pages N] [--stop-after K] [--seed S]

A scan of N pages (tests/unit/formats/pdf/pdf_scans.py: the generator's own sentences at 12 pt, 150 dpi,
skewed and noisy, no text layer) is imported into a new library four ways, each timed in wall-clock and
processor seconds (all threads of this process):
- whole: one uninterrupted import, no page kept (`import_paths`, as before pages were kept);
- kept: the same import keeping each page as it is read (`import_resumably`: one write per page);
- stopped: an import whose process "dies" while reading page K+1 (pages 1..K kept);
- resumed: the import taken up again after that, OCR reading pages K+1..N only.
It checks that the resumed library stores exactly the text and raw layout of the whole import, and prints
the bytes kept per page. The OCR engine is loaded once, before any timing. Nothing is asserted on time.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit" / "formats" / "pdf"))

from pdf_scans import make_scan, paragraphs  # noqa: E402

from reader.app.importing import import_paths  # noqa: E402
from reader.app.resuming import import_resumably, unfinished  # noqa: E402
from reader.formats.pdf import ocr  # noqa: E402
from reader.store.library import Library  # noqa: E402

T = TypeVar("T")


class Killed(BaseException):
    """The process going down in the middle of a page."""


def timed(label: str, work: Callable[[], T]) -> T:
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        return work()
    finally:
        print(f"{label:<10} wall {time.perf_counter() - wall:7.2f} s   cpu {time.process_time() - cpu:7.2f} s")


def stored(path: Path) -> list[tuple[str, str]]:
    with Library(path) as library:
        docs = [library.get(i) for i in library.ids()]
        return [(d.raw, d.text) for d in docs if d is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--stop-after", type=int, default=6)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    engine = ocr.default_engine()
    if isinstance(engine, str):
        sys.exit(f"no OCR engine: {engine}")
    scan = make_scan([paragraphs(seed=k, count=4) for k in range(args.pages)], seed=args.seed)
    print(f"{args.pages} scanned pages, stopped after {args.stop_after}; load average {os.getloadavg()[0]:.2f}")

    class Dies:
        """The real engine, which "dies" on the page after `stop_after`."""

        def __init__(self) -> None:
            self.read = 0

        def __call__(self, image: Any) -> Any:
            if self.read == args.stop_after:
                raise Killed
            self.read += 1
            return engine(image)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan.pdf"
        path.write_bytes(scan.data)
        with Library(Path(tmp) / "whole.sqlite") as library:
            timed("whole", lambda: import_paths(library, [path], workers=1))
        with Library(Path(tmp) / "kept.sqlite") as library:
            timed("kept", lambda: import_resumably(library, [path], workers=1))
        resumed = Path(tmp) / "resumed.sqlite"
        ocr.default_engine = lambda: Dies()  # type: ignore[assignment]
        library = Library(resumed)
        with contextlib.suppress(Killed):
            timed("stopped", lambda: import_resumably(library, [path], workers=1))
        kept = library.conn.execute("SELECT count(*), sum(length(CAST(result AS BLOB))) FROM ocr_pages").fetchone()
        library.close()
        ocr.default_engine = lambda: engine  # type: ignore[assignment]
        with Library(resumed) as library:
            [pending] = unfinished(library)
            timed("resumed", lambda: import_resumably(library, [Path(p) for p in pending.paths], resumes=[pending.id]))
        print(f"pages kept when stopped: {kept[0]}, {kept[1] / max(kept[0], 1):,.0f} bytes a page")
        same = stored(resumed) == stored(Path(tmp) / "whole.sqlite")
        print(f"resumed library stores the same text and layout as the whole import: {same}")


if __name__ == "__main__":
    main()
