"""Measure how long the Entities tab takes to fill when a 10,000-character document is first opened.

Builds a temporary library holding one short document and one of 10,000 characters (recombined seed
text), starts the real window offscreen, waits until it is idle, opens the long document and times
until its entities are on screen (extraction in the background worker, storing, and the panel).
Runs the same several times with a new process each time (the model loads once per process) and
prints each figure, with `extract()` alone on the same text as the baseline. Asserts nothing.

    .venv/bin/python benchmarks/bench_entity_panel.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.app.importing import import_paths
from reader.store.library import Library
from reader.ui.app import create_window
folder = Path(sys.argv[1])
lib_path = folder / "lib.sqlite"
with Library(lib_path) as lib:
    import_paths(lib, [folder / "short.txt"], workers=1)
    lib.set_meta("seeded", "1")
w = create_window(lib_path, config_dir=folder / "cfg", seed=False)
w.show()
result = {}
def imported(report):
    # The reader imports a long report and opens it at once: its entities are not extracted yet.
    long_id = report.imported[0]
    result["long_id"] = long_id
    result["pending"] = w.entity_store.is_pending(long_id)
    result["t0"] = time.perf_counter()
    w.select_document(long_id)
def extracted(doc_id):
    if doc_id == result.get("long_id"):
        app.processEvents()
        result["panel_s"] = time.perf_counter() - result["t0"]
        result["entities"] = len(w.entities_panel._entities)
        app.quit()
def idle():
    if "t0" not in result:
        w.start_import([folder / "long.txt"])
w.importFinished.connect(imported)
w.entity_scheduler.extracted.connect(extracted)
w.entity_scheduler.idle.connect(lambda: QTimer.singleShot(500, idle))
QTimer.singleShot(60000, app.quit)
app.exec()
w.close()
print(json.dumps(result))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    sys.path.insert(0, str(ROOT / "src"))
    from reader.core.cleaning import clean_text
    from reader.core.entities import extract

    # The seed articles as the cleaner keeps them (a whole scraped page after another would be read as its
    # comment section), numbered so they are not dropped as repeats, until the cleaned text (what
    # extraction runs on) reaches 10,000 characters.
    articles = [clean_text(s).text for s in seeds]
    long_text, added = "", 0
    while len(clean_text(long_text).text) < 10_000:
        before = len(clean_text(long_text).text)
        copy, article = divmod(added, len(articles))
        long_text += "\n".join(
            f"{line}（{copy + 1}）" if len(line) > 30 else line for line in articles[article].splitlines()
        )
        long_text += "\n"
        added += 1
        if len(clean_text(long_text).text) <= before:
            raise SystemExit("the cleaner keeps no more of the document as it grows; the benchmark needs new text")
    cleaned = clean_text(long_text).text
    extract(cleaned)
    t = time.perf_counter()
    extract(cleaned)
    alone = time.perf_counter() - t
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "short.txt").write_text(seeds[2][:800], encoding="utf-8")
            (folder / "long.txt").write_text(long_text + f"\n{run}", encoding="utf-8")
            out = subprocess.run(
                [sys.executable, "-c", CHILD, tmp], capture_output=True, text=True, env=env, timeout=120
            )
            lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
            result = json.loads(lines[-1]) if lines else {}
            if "panel_s" not in result:
                print(out.stderr[-1500:])
                raise SystemExit(1)
            print(
                f"run {run + 1}: Entities tab filled {result['panel_s'] * 1000:.0f} ms after opening a "
                f"{len(cleaned):,}-character document ({result['entities']} entities;"
                f" pending when opened: {result['pending']})"
            )
    print(f"extract() alone on the same text, model loaded: {alone * 1000:.0f} ms")


if __name__ == "__main__":
    main()
