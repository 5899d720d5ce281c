"""A batch of text files and a few scans, imported in one go: where a batch's scans are read, and what it costs.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_import_batch_scans.py [--texts N] [--scans K] [--pages P]

A folder of N text files (runs of lines of the sample documents in seeds/) and K generated scans of P pages each
(tests/unit/formats/pdf/pdf_scans.py: 150 dpi, skewed and noisy, no text layer) is imported into a new
library by `import_paths` with two worker processes, as the window and the CLI do on a 2-core machine.
It prints wall-clock seconds, processor seconds of this process and of its worker processes, and the load
average before and after, so a run on a busy machine can be read. Run it with PYTHONPATH pointing at
another tree's `src` to compare two versions of the import loop on the same files. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit" / "formats" / "pdf"))

from pdf_scans import make_scan, paragraphs  # noqa: E402

from reader.app.importing import import_paths  # noqa: E402
from reader.store.library import Library  # noqa: E402


def texts(count: int) -> list[str]:
    """`count` different texts: runs of 10-60 lines of the sample documents (the importer's own files)."""
    lines = [line for p in sorted((ROOT / "seeds").glob("*.txt")) for line in p.read_text("utf-8").splitlines()]
    rng = random.Random(11)
    out = []
    for n in range(count):
        start = rng.randrange(len(lines))
        out.append("\n".join(lines[start : start + rng.randint(10, 60)]) + f"\n{n}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=200)
    parser.add_argument("--scans", type=int, default=3)
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        folder.mkdir()
        for n, text in enumerate(texts(args.texts)):
            (folder / f"{n:04d}.txt").write_text(text, encoding="utf-8")
        for k in range(args.scans):
            scan = make_scan([paragraphs(seed=100 * k + p, count=4) for p in range(args.pages)], seed=k)
            (folder / f"scan{k}.pdf").write_bytes(scan.data)
        load = os.getloadavg()[0]
        before = os.times()
        with Library(Path(tmp) / "lib.sqlite") as library:
            report = import_paths(library, [folder], workers=args.workers)
        after = os.times()
        here = after.user + after.system - before.user - before.system
        workers = after.children_user + after.children_system - before.children_user - before.children_system
        print(
            f"{args.texts} texts + {args.scans} scans x {args.pages} pages: {report.summary()}; "
            f"wall {after.elapsed - before.elapsed:.1f} s, cpu here {here:.1f} s, cpu workers {workers:.1f} s, "
            f"load {load:.2f} -> {os.getloadavg()[0]:.2f}"
        )
        print(f"import loop: {sys.modules[import_paths.__module__].__file__}")


if __name__ == "__main__":
    main()
