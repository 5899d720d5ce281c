"""GUI-thread time of a highlight and of a line override on a 200,000-character report, before and after
the writer thread took the writes off the GUI thread.

"After" is the window as it is: the action submits its write to the writer thread and returns; when the
writer reports the change, the GUI redraws what changed. Its GUI time is the action's call plus that
redraw; the writer's time is shown beside it (the reader does not wait for it). "Before" is the same
work done the way the window did it until the writer existed: the write, the re-cleaning and the
re-indexing on the GUI thread, then the same redraw; it is run here, in the same process, on the
writer's connection while the writer thread is idle. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_writes.py [--chars 200000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def report_text(chars: int) -> str:
    """A long report whose every paragraph is different (the cleaner would fold repeated ones away):
    sentences of the seeds recombined at random, under numbered section heads."""
    import random
    import re

    sentences = [
        s
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for s in re.findall(r"[^。！？\n]{8,}[。！？]", path.read_text(encoding="utf-8"))
    ]
    rng = random.Random(11)
    out: list[str] = ["关于县域医疗卫生体系建设的调研报告", ""]
    size, section = 0, 0
    while size < chars:
        section += 1
        out += [f"{section}. 第{section}部分", ""]
        for _ in range(8):
            paragraph = "".join(rng.sample(sentences, 4))
            out += [paragraph, ""]
            size += len(paragraph)
    return "\n".join(out)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):7.1f} ms   max {max(values):7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from reader.app.deriving import set_line_override
    from reader.app.importing import import_paths
    from reader.core.annotations.model import Annotation
    from reader.store.library import Library
    from reader.ui.app import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="bench-writes-"))
    source = work / "report.txt"
    source.write_text(report_text(args.chars), encoding="utf-8")
    with Library(work / "lib.sqlite") as library:
        import_paths(library, [source], workers=1)
        library.set_meta("seeded", "1")
    window = create_window(work / "lib.sqlite", config_dir=work / "config", seed=False)
    window.show()
    app.processEvents()
    doc = window.current
    assert doc is not None
    writing = window.writer.library
    print(f"document: {len(doc.text):,} characters; {args.repeat} runs of each; 2-core machine figures vary")

    # -- highlight -----------------------------------------------------------------------------------
    after_gui, after_writer, before_gui = [], [], []
    step = max(1, len(doc.text) // (2 * args.repeat + 2))
    for n in range(args.repeat):
        start = (2 * n + 1) * step
        window.reading.select_span(start, start + 4)
        submit = timed(lambda: window.annotations.highlight("yellow"))
        after_writer.append(timed(window.writer.flush))
        after_gui.append(submit + timed(window.writes.deliver_pending))
        # Before: write and re-index on the GUI thread, then redraw.
        start += step
        made = window.library.annotations.build(doc.id, start, start + 4, color="blue")

        def old_highlight(made: Annotation = made) -> None:
            writing.annotations.put(made)
            writing.reindex(doc.id)  # every annotation change re-indexed the whole document
            window.annotations.refresh()

        before_gui.append(timed(old_highlight))
    print(f"highlight   before: GUI thread {summary(before_gui)}")
    print(f"highlight   after:  GUI thread {summary(after_gui)}   (writer thread {summary(after_writer)})")

    # -- line override -------------------------------------------------------------------------------
    lines = [n for n, text in enumerate(doc.original.splitlines(), 1) if text.strip()]
    after_gui, after_writer, after_redraw, before_gui = [], [], [], []
    for n in range(args.repeat):
        line = lines[(n * 7) % len(lines)]
        submit = timed(lambda line=line: window.documents.set_line_override(line, False))
        after_writer.append(timed(window.writer.flush))
        redraw = timed(window.writes.deliver_pending)
        after_redraw.append(redraw)
        after_gui.append(submit)

        def old_override(line: int = line) -> None:
            set_line_override(writing, doc.id, line, None)
            window.documents.show_document(doc.id)

        before_gui.append(timed(old_override))
    print(f"line override before: GUI thread {summary(before_gui)}  (re-clean + re-index + redraw)")
    print(f"line override after:  GUI thread {summary(after_gui)}  to submit; redraw of the new text")
    print(f"                      {summary(after_redraw)} when the writer reports")
    print(f"                      (writer thread {summary(after_writer)})")
    window.entities.stop()
    window.close()
    window.library.close()


if __name__ == "__main__":
    main()
