"""Drive the real window hard, as a reader would over a long session; run by tests/e2e/test_window_soak.py.

Usage: python soak_window.py WORKDIR [--switches 300]

WORKDIR receives the library and the settings; the caller points HOME and the XDG folders there too, so
nothing outside it is touched. The script builds a library of the seeds and a generated report of
200,000 characters, then for every document: opens it, switches scripts with the real shortcuts
(Ctrl+1…5, Ctrl+Shift+1…5, Ctrl+7), toggles Cleaned/Original (Ctrl+U), opens every side tab, makes a
highlight with its key (H) and deletes it from the Annotations tab with the Delete key.

It prints `none-refs start N`, `none-refs end N` and a summary line, and exits 0 when it got through.
A crash (for instance CPython freeing None) ends it with a signal instead, which is what the caller
checks: run in-process, such an abort would take the whole test session with it.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.app.importing import import_paths
from reader.core.script import Script
from reader.store.library import Library

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
REPORT_CHARS = 200_000

_PARAGRAPHS = (
    "国家卫生健康委员会副主任{n}日在北京主持召开会议，张宗久指出，千县工程要落地落实，县医院的软件系统要统一。",
    "山西省寿阳县人民医院院长罗勇介绍，医院与北京协和医院建立协作关系，鼠标一点即可预约远程会诊。",
    "2023年9月{d}日，香港特别行政区政府卫生署与广东省卫生健康委员会签署合作备忘录，涉及资金{n}亿元。",
    "世界卫生组织驻华代表处发布报告称，第{n}季度全国基层医疗卫生机构诊疗人次同比增长百分之{d}。",
)


def write_report(path: Path) -> Path:
    """A long report of ordinary prose with people, places, organisations, dates and figures in it."""
    parts: list[str] = ["关于推进县级医院综合能力提升工作的长篇报告\n\n"]
    size = len(parts[0])
    for n in itertools.count(1):
        template = _PARAGRAPHS[n % len(_PARAGRAPHS)]
        paragraph = template.format(n=n, d=n % 28 + 1) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph)
        if size >= REPORT_CHARS:
            break
    path.write_text("".join(parts), encoding="utf-8")
    return path


def build_library(workdir: Path) -> Path:
    library_path = workdir / "library.sqlite"
    report = write_report(workdir / "long_report.txt")
    with Library(library_path) as library:
        import_paths(library, [SEEDS, report], workers=1)
        library.set_meta("seeded", "1")
    return library_path


def wait_for(condition: Callable[[], bool], seconds: float) -> None:
    """Let the event loop run until `condition` holds or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QTest.qWait(20)


def none_refs() -> int:
    gc.collect()
    return sys.getrefcount(None)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--switches", type=int, default=300)
    parser.add_argument("--verbose", action="store_true", help="time each step on stderr")
    args = parser.parse_args()
    workdir: Path = args.workdir
    library_path = build_library(workdir)
    print(f"soak: library built in {time.process_time():.1f} s of CPU", file=sys.stderr, flush=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from reader.ui.app import create_window

    window = create_window(library_path, config_dir=workdir / "config", seed=False)
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWait(200)
    ids = [s.id for s in window.library.all_summaries()]
    if len(ids) < 6:
        print(f"soak: expected the seeds and the report, found {len(ids)} documents", file=sys.stderr)
        return 3

    print(f"none-refs start {none_refs()}", flush=True)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    digit_keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
    presses = [(key, ctrl) for key in digit_keys] + [(key, ctrl | shift) for key in digit_keys]
    presses.append((Qt.Key.Key_7, ctrl))  # regional vocabulary on and off
    # The long report gets enough switches to visit every script, vocabulary on and off (each costs a
    # conversion of 200,000 characters); the seeds share the rest.
    long_id = max(ids, key=lambda i: window.library.get(i).summary.chars)  # type: ignore[union-attr]
    long_share = min(len(presses) + 1, args.switches)
    seed_share = -(-(args.switches - long_share) // (len(ids) - 1))
    switches = highlights = deleted = entity_lists = 0
    cycle = itertools.cycle(presses)
    started = time.monotonic()

    def mark(what: str) -> None:
        if args.verbose:
            print(f"{time.monotonic() - started:7.2f} s  {what}", file=sys.stderr, flush=True)

    for doc_id in ids:
        mark(f"open {doc_id}")
        window.select_document(doc_id)
        # Wait for this document's entities (extracted by the background worker) so that script switches
        # redraw a full Entities tab, the path of the crash reports.
        wait_for(lambda: bool(window.entities_panel.entities()), 40.0)
        entity_lists += bool(window.entities_panel.entities())
        mark("entities shown")
        for _ in range(long_share if doc_id == long_id else seed_share):
            if switches >= args.switches:
                break
            key, modifiers = next(cycle)
            QTest.keyClick(window.reading.pane, key, modifiers)
            switches += 1
        mark("scripts switched")
        for _ in range(2):
            QTest.keyClick(window.reading.pane, Qt.Key.Key_U, ctrl)  # Original, then Cleaned again
        for tab in range(window.side.count()):
            window.side.setCurrentIndex(tab)
            QTest.qWait(1)
        # Highlight the first few characters with the H key, then delete it from the Annotations tab.
        if window.current is not None and not window.reading.original:
            window.reading.select_span(0, min(4, len(window.current.text)))
            before = len(window.library.annotations.for_document(doc_id))
            window.reading.pane.setFocus()
            QTest.keyClick(window.reading.pane, Qt.Key.Key_H)
            window.writes.flush()  # the writer saves it; the panel redraws from its report
            made = [a.uuid for a in window.library.annotations.for_document(doc_id)]
            if len(made) > before:
                highlights += 1
                panel = window.annotations.panel
                window.side.setCurrentWidget(panel)
                panel.select(made[-1])
                panel.tree.setFocus()
                QTest.keyClick(panel.tree, Qt.Key.Key_Delete)
                window.writes.flush()
                deleted += len(window.library.annotations.for_document(doc_id)) == before
        QTest.qWait(5)
    final_script = window.reading.script
    print(f"none-refs end {none_refs()}", flush=True)
    print(
        f"soak: documents={len(ids)} switches={switches} entity_lists={entity_lists} "
        f"highlights={highlights} deleted={deleted} script={Script(final_script).name}",
        flush=True,
    )
    window.close()
    window.library.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
