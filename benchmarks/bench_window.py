"""Measure the window at scale: start-up to first paint, memory, opening documents, sorting the list by
title (pinyin), resuming a document at its remembered position, switching scripts.

Builds (once, cached in a temporary folder) a library of N documents written straight into the
documents table from recombined real paragraphs, then starts the real window offscreen in a fresh
process and prints figures. The baseline for the script switch is OpenCC's own conversion of the same
text, measured in the same run. Asserts nothing.

What is measured, and why so:
- The window starts as an installed copy does: from compiled bytecode (an install compiles it; a copy run
  from source writes it on its first start). The child is given a bytecode folder of its own in the
  cache, filled once before the first run, because a shell with PYTHONDONTWRITEBYTECODE set would
  otherwise make every start compile the whole package, a second that no reader ever waits for.
- The library is kept current with the cleaner (its texts are not derived from files): otherwise, after
  each change of the cleaner's version, every start would re-clean 100,000 documents in the background.
- Each start has fresh settings, as a new reader's: the list sorted by title (the default), the first
  document open. A start reusing the last run's settings would measure whatever that run sorted by last.
- Sorting by title "cold" is the first title sort of a session (nothing kept in memory, the ranks stored
  in the library read); "collated afresh" is what a library without stored ranks pays once (after an
  upgrade, or when the collator changed), shown for reference. The first run after the library is built
  pays that collation at first paint too (it says so); figures are from the second run on.
- Opening a document at its remembered position is timed from the click on its row (the list already
  showing the row: moving the list to a far row is the scroll figure) until it is drawn at its place.
- Opening a document is timed until it is drawn at its place; work the window leaves for after that
  (the Entities tab when another tab is shown) then runs before the next document is opened, timed
  apart as "settled", so it is neither hidden nor allowed to pile up.

The machine's load changes every figure: run it when nothing else runs, twice, and read the second.

    .venv/bin/python benchmarks/bench_window.py --docs 10000
    .venv/bin/python benchmarks/bench_window.py --docs 100000
    .venv/bin/python benchmarks/bench_window.py --switch long_report.txt   # script switches only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def paragraphs() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt"))
    files += sorted((ROOT.parent / "shared" / "eval" / "web_zh" / "cleaned").glob("*"))
    out: list[str] = []
    for path in files:
        out += [
            line.strip()
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
            if len(line.strip()) > 20
        ]
    return out


def build(path: Path, count: int) -> None:
    from reader.core.derive import CLEANER_VERSION
    from reader.store.library import Library

    rng = random.Random(7)
    paras = paragraphs()
    with Library(path) as lib:
        # The texts are recombined paragraphs, not derived from files: a newer cleaner has nothing to
        # do on them, and a library it found stale would be re-cleaned in the background of every run.
        lib.conn.execute("UPDATE documents SET cleaner_version = ? WHERE cleaner_version < ?", (CLEANER_VERSION,) * 2)
        if lib.count() >= count:
            return
        rows = []
        for i in range(lib.count(), count):
            body = "\n".join(rng.choice(paras) for _ in range(rng.randint(3, 12)))
            title = rng.choice(paras)[:30]
            digest = hashlib.sha256(f"{i}{body}".encode()).hexdigest()
            rows.append(
                (
                    digest,
                    f"/bench/{i}.txt",
                    f"{i}.txt",
                    "utf-8",
                    len(body.encode()),
                    body,
                    body,
                    title,
                    f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
                    rng.choice(["新华网", "人民网", "健康報", "澎湃新闻"]),
                    "simplified",
                    0.2,
                    len(body),
                    CLEANER_VERSION,
                )
            )
        lib.conn.execute("BEGIN")
        lib.conn.executemany(
            """INSERT INTO documents (content_hash, path, filename, encoding, size, raw, text, title, date, source,
               script, script_share, chars, cleaner_version, imported_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,
               ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')""",
            rows,
        )
        lib.conn.execute("INSERT OR REPLACE INTO library_meta(key, value) VALUES ('seeded', '1')")
        lib.conn.execute("COMMIT")


CHILD = r"""
import json, os, random, resource, sys, time
t0 = time.perf_counter()
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.ui.app import create_window
from reader.core.script import Script
lib, cfg = Path(sys.argv[1]), Path(sys.argv[2])
w = create_window(lib, config_dir=cfg, seed=False)
# Entity extraction is a backlog over every document, run in the background: kept off for the whole run
# (opening a document whose entities are pending would start it again), so it competes with no figure.
w.entity_scheduler.stop()
w.entity_scheduler.start = lambda: None
w.resize(1400, 860)
w.show()
app.processEvents()
w.grab()  # forces a full paint of every visible widget
first_paint = time.perf_counter() - t0
from reader.core.text.display import prewarm
prewarm()  # what the window does in the background 1.5 s after it is shown: done here before the rest
model = w.model
rows = model.rowCount()
rng = random.Random(3)
def settle():  # run what the window left for after the paint (posted events, zero timers): its time
    t = time.perf_counter()
    for _ in range(3):
        app.processEvents()
    return time.perf_counter() - t
scroll, opens, settled = [], [], []
for _ in range(30):
    row = rng.randrange(rows)
    t = time.perf_counter()
    w.table.scrollTo(model.index(row, 0))
    w.table.viewport().repaint()
    scroll.append(time.perf_counter() - t)
    t = time.perf_counter()
    w.select_document(model.id_at(row))
    w.pane.viewport().repaint()
    opens.append(time.perf_counter() - t)
    settled.append(settle())
# sorting the list by title in pinyin order: cold (the first title sort of a session: nothing kept in
# memory, the stored ranks read) and warm, each after sorting by another column
w.writes.flush()  # the ranks the start computed, if it had to, are stored
date_column = next(c for c, (k, _) in enumerate(model.COLUMNS) if k == "date")
def forget():  # every collation key, rank and title the model keeps in memory
    model._sort_keys.clear()
    model._collated.clear()
    model._rank.clear()
    model._titles = None
sorts = {}
for label, clear in (("cold", True), ("warm", False), ("warm again", False)):
    w.table.sortByColumn(date_column, Qt.SortOrder.AscendingOrder)
    if clear:
        forget()
    t = time.perf_counter()
    w.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    w.table.viewport().repaint()
    sorts[label] = (time.perf_counter() - t) * 1000
# what a library without stored ranks pays once: every title collated (the ranks are not written again)
w.table.sortByColumn(date_column, Qt.SortOrder.AscendingOrder)
forget()
writer, model._write_ranks, model.COLLATION = model._write_ranks, None, "none"
t = time.perf_counter()
w.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
w.table.viewport().repaint()
sorts["collated afresh"] = (time.perf_counter() - t) * 1000
model._write_ranks = writer
del model.COLLATION
t = time.perf_counter()
w.table.sortByColumn(date_column, Qt.SortOrder.AscendingOrder)
w.table.viewport().repaint()
sorts["date (SQL)"] = (time.perf_counter() - t) * 1000
# opening a document at its remembered position (the middle of its text), written beforehand
from reader.app.changes import Outcome
picks = list(dict.fromkeys(model.id_at(rng.randrange(rows)) for _ in range(40)))[:30]
middles = {d: len(w.library.text(d)) // 2 for d in picks}
for d, offset in middles.items():
    w.writes.run(lambda lib, d=d, offset=offset: Outcome(lib.positions.set(d, offset)))
w.select_document(model.id_at(0) if model.id_at(0) not in middles else model.id_at(1))
settle()
resumed, resume_settled, landed = [], [], 0
for d in picks:
    # the reader clicks the document's row: the list is already where the row is (scrolling the list
    # there is the "scroll" figure above), the open is from the click to the text drawn at its place
    w.table.scrollTo(model.index(model.row_of(d), 0))
    w.table.viewport().repaint()
    settle()
    t = time.perf_counter()
    w.select_document(d)
    w.pane.viewport().repaint()
    resumed.append(time.perf_counter() - t)
    # the paragraph holding the offset is at the top: within one paragraph of it
    landed += abs(w.reading.visible_offset() - middles[d]) < 400
    resume_settled.append(settle())
w.writes.flush()
# a 200,000-character document, switched through every view (conversion plus redraw)
paras = [p for p in open(sys.argv[3], encoding="utf-8").read().split("\n") if p]
text = ""
while len(text) < 200_000:
    text += paras[len(text) % len(paras)] + "\n"
text = text[:200_000]
from reader.store.library import Document
doc = w.library.get(model.id_at(0))
big = Document(summary=doc.summary, raw=text, original=text, text=text, removed=[])
w.reading.set_document(big, Script.ORIG, False)
w.pane.viewport().repaint()  # the document is on screen before the reader switches
app.processEvents()
switch = {}
for script, phrases in [(Script.HANS, False), (Script.HANT, False), (Script.TW, False), (Script.HK, False),
                        (Script.TW, True), (Script.ORIG, False)]:
    t = time.perf_counter()
    w.reading.set_script(script, phrases)
    w.pane.viewport().repaint()
    switch[f"{script.value}{'+phrases' if phrases else ''}"] = time.perf_counter() - t
# the same in the middle of the document, after the reader has been reading there for a moment
w.reading.scroll_to(len(text) // 2)
for _ in range(50):
    app.processEvents()
for script, phrases in [(Script.HANS, False), (Script.HANT, False), (Script.TW, True), (Script.ORIG, False)]:
    t = time.perf_counter()
    w.reading.set_script(script, phrases)
    w.pane.viewport().repaint()
    switch[f"{script.value}{'+phrases' if phrases else ''} (mid, again)"] = time.perf_counter() - t
    for _ in range(20):
        app.processEvents()
# regional vocabulary on: the document opens in 臺灣 with phrases; the other views are prepared meanwhile
w.reading.set_document(big, Script.TW, True)
w.pane.viewport().repaint()
for _ in range(40):  # the reader starts reading (half a second)
    app.processEvents()
    time.sleep(0.0125)
for script in (Script.HANS, Script.HK):
    t = time.perf_counter()
    w.reading.set_script(script, True)
    w.pane.viewport().repaint()
    switch[f"{script.value}+phrases (prepared)"] = time.perf_counter() - t
import opencc
conv = opencc.OpenCC("s2t.json")
t = time.perf_counter(); conv.convert(text); opencc_s2t = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def pct(values, p):
    values = sorted(values); return values[min(len(values) - 1, int(p * len(values)))]
print(json.dumps({"rows": rows, "first_paint_s": first_paint, "rss_mb": rss,
                  "scroll_p95_ms": pct(scroll, 0.95) * 1000, "open_p50_ms": pct(opens, 0.5) * 1000,
                  "open_p95_ms": pct(opens, 0.95) * 1000, "sort_ms": sorts,
                  "resume_p50_ms": pct(resumed, 0.5) * 1000, "resume_p95_ms": pct(resumed, 0.95) * 1000,
                  "settled_p50_ms": pct(settled + resume_settled, 0.5) * 1000,
                  "settled_p95_ms": pct(settled + resume_settled, 0.95) * 1000,
                  "resume_landed": f"{landed}/{len(picks)}", "switch_ms": {k: v * 1000 for k, v in switch.items()},
                  "opencc_s2t_ms": opencc_s2t * 1000}), flush=True)
w.close()
"""


def measure_switch(path: Path, idle: float = 0.5) -> None:
    """The script switch as the reader makes it (View ▸ script for this document, through the window's
    controller, which keeps the place), on the stored document imported from `path`, with regional
    vocabulary on, from the middle of the text: each view twice, the first time including what a first
    use loads, then again. Wall and CPU time of the switch and its repaint, then of what it left for the
    following turns (settle), and the load average, since the machine may be shared.

    `idle` is how long the reader reads before the first switch, the window's event loop running: what
    the window warms in the background after start-up is done by then or not. CPU is given twice: the
    GUI thread's own (what the reader waits for) and the whole process's (background threads too)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from reader.app.importing import import_paths
    from reader.core.script import Script
    from reader.store.library import Library
    from reader.ui.app import create_window

    folder = Path(tempfile.mkdtemp(prefix="reader-bench-switch-"))
    with Library(folder / "lib.sqlite") as library:
        report = import_paths(library, [path], workers=1)
        library.set_meta("seeded", "1")
    window = create_window(folder / "lib.sqlite", config_dir=folder / "config")
    window.resize(1280, 820)
    window.show()
    window.select_document(report.imported[0])
    window.view.set_phrases(True)
    for _ in range(50):
        app.processEvents()
    chars = len(window.reading.base_text)
    window.reading.scroll_to(chars // 2)
    until = time.perf_counter() + idle
    while time.perf_counter() < until:  # the reader reads there a while: the window warms meanwhile
        app.processEvents()
        time.sleep(0.01)
    print(
        f"Script switch of {path.name} ({chars:,} characters), regional vocabulary on, from the middle,"
        f" after {idle:g} s of reading:"
    )
    for round_ in ("first", "again"):
        for script in (Script.HANT, Script.TW, Script.HANS, Script.HK, Script.HANS):
            wall, cpu, gui = time.perf_counter(), time.process_time(), time.thread_time()
            window.set_script(script, this_document=True)
            window.pane.viewport().repaint()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            gui = time.thread_time() - gui
            settle = time.perf_counter()
            for _ in range(30):
                app.processEvents()
            settle = time.perf_counter() - settle
            print(
                f"  {round_:<6} {script.value:<5} wall {wall * 1000:7.1f} ms  gui cpu {gui * 1000:7.1f} ms"
                f"  process cpu {cpu * 1000:7.1f} ms"
                f"  settle {settle * 1000:6.1f} ms  top at {window.reading.visible_offset():,}"
            )
    print(f"  load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    window.close()
    window.library.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, action="append", help="library sizes (default 1000 and 10000)")
    parser.add_argument("--switch", type=Path, help="only time script switches of this file, through the window")
    parser.add_argument(
        "--idle", type=float, default=0.5, help="with --switch: seconds read before the first switch (default 0.5)"
    )
    args = parser.parse_args()
    if args.switch:
        measure_switch(args.switch, args.idle)
        return
    sizes = args.docs or [1000, 10000]
    cache = Path(tempfile.gettempdir()) / "reader-bench-window"
    cache.mkdir(exist_ok=True)
    sample = cache / "paragraphs.txt"
    sample.write_text("\n".join(paragraphs()), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache / "bytecode")
    # Compile what the window imports, once, so that no start below is the one paying for it.
    subprocess.run([sys.executable, "-c", "import reader.ui.app"], env=env, check=True, capture_output=True)
    print(f"{'docs':>8} {'first paint':>12} {'RSS':>8} {'scroll p95':>11} {'open p50/p95':>14}")
    result = {}
    for n in sizes:
        path = cache / f"lib-{n}.sqlite"
        t = time.perf_counter()
        build(path, n)
        built = time.perf_counter() - t
        config = cache / f"cfg-{n}"
        shutil.rmtree(config, ignore_errors=True)  # a new reader's settings: the list sorted by title
        with sqlite3.connect(path) as conn:
            has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'title_order'").fetchone()
            ranked = conn.execute("SELECT count(*) FROM title_order").fetchone()[0] if has_table else 0
        if ranked < n:
            print(f"  (titles not ranked yet: this start collates {n - ranked:,} of them and stores their ranks)")
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(config), str(sample)],
            capture_output=True,
            text=True,
            env=env,
            timeout=1800,
        )
        lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
        if not lines:
            print(out.stderr[-2000:])
            raise SystemExit(1)
        result = json.loads(lines[-1])
        print(
            f"{result['rows']:>8} {result['first_paint_s']:>10.2f} s {result['rss_mb']:>6.0f} MB"
            f" {result['scroll_p95_ms']:>8.1f} ms {result['open_p50_ms']:>6.1f}/{result['open_p95_ms']:.1f} ms"
            f"   (library built in {built:.0f} s)"
        )
    print("\nSorting the list, last library (each after sorting by another column):")
    for name, ms in result["sort_ms"].items():
        print(f"  {name:<16} {ms:7.1f} ms")
    print(
        f"Opening a document at its remembered position: p50 {result['resume_p50_ms']:.1f} ms,"
        f" p95 {result['resume_p95_ms']:.1f} ms; at the position: {result['resume_landed']}"
    )
    print(
        f"Then settled (what waits for after the paint, e.g. a hidden Entities tab): p50"
        f" {result['settled_p50_ms']:.1f} ms, p95 {result['settled_p95_ms']:.1f} ms"
    )
    print("\nScript switch of a 200,000-character document (conversion + redraw), last library:")
    for name, ms in result["switch_ms"].items():
        print(f"  {name:<12} {ms:7.1f} ms   ({ms / result['opencc_s2t_ms']:.1f}x OpenCC's bare s2t of the text)")
    print(f"  OpenCC s2t alone: {result['opencc_s2t_ms']:.1f} ms")


if __name__ == "__main__":
    main()
