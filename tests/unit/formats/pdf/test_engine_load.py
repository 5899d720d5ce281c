"""The OCR engine's first load overlaps the drawing of the first scanned page, on a thread of its own.

The engine stands in for RapidOCR (`shaded_scans.ByShade`); its "load" is a function that waits for events
set by the page drawing, so the order of the two is seen without timing anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

import reader
from reader.formats.pdf import ocr
from reader.formats.pdf.extract import extract

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from shaded_scans import ByShade, shaded_scan

WAIT_S = 30.0
"""Long enough for any machine; a wait that runs out means the two did not overlap (the test then fails)."""


def test_the_engine_loads_on_another_thread_while_the_first_page_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = ByShade()
    drawing = threading.Event()
    seen: dict[str, object] = {}
    draw = ocr.render_page

    def render_page(page: Any, number: int) -> ocr.PageImage | ocr.PageOcr:
        if number == 1:
            drawing.set()
        return draw(page, number)

    def load() -> ocr.Engine | str:
        seen["thread"] = threading.current_thread().name
        seen["drawn first"] = drawing.wait(WAIT_S)  # the first page is drawn while the engine loads
        return engine

    monkeypatch.setattr(ocr, "render_page", render_page)
    monkeypatch.setattr(ocr, "default_engine", load)
    layout = extract(shaded_scan(2))
    assert seen == {"thread": "ocr-load", "drawn first": True}
    assert engine.read == [0, 1]
    assert all(page.ocr for page in layout.pages)


def test_a_cancel_before_the_first_page_does_not_wait_for_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    loaded = threading.Event()

    def load() -> ocr.Engine | str:
        release.wait(WAIT_S)
        loaded.set()
        return ByShade()

    monkeypatch.setattr(ocr, "default_engine", load)
    try:
        with pytest.raises(ocr.OcrCancelled):
            extract(shaded_scan(2), cancelled=lambda: True)
        assert not loaded.is_set()  # the cancel came back while the engine was still loading
    finally:
        release.set()
    assert loaded.wait(WAIT_S)  # and the load then finished on its own


def test_a_cancel_while_the_engine_loads_comes_back_without_waiting_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader cancels after the first page is drawn, while the engine is still loading: the cancel is
    seen during the load, not after it and the first page."""
    release = threading.Event()
    loaded = threading.Event()
    checks: list[bool] = []

    def load() -> ocr.Engine | str:
        release.wait(WAIT_S)
        loaded.set()
        return ByShade()

    def cancelled() -> bool:
        checks.append(bool(checks))  # not before the first page; pressed at once after that
        return checks[-1]

    monkeypatch.setattr(ocr, "default_engine", load)
    try:
        with pytest.raises(ocr.OcrCancelled):
            extract(shaded_scan(2), cancelled=cancelled)
        assert not loaded.is_set()  # seen while the engine was still loading
    finally:
        release.set()
    assert loaded.wait(WAIT_S)


EXIT_AFTER_CANCEL = textwrap.dedent(
    """
    import sys, threading, time
    from reader.app import exiting
    from reader.cli.run import main
    from reader.formats.pdf import ocr
    from reader.formats.pdf.extract import extract
    from shaded_scans import ByShade, shaded_scan

    def load():
        if sys.argv[1] == "hangs":  # a load reading from a stalled disk: it never ends
            threading.Event().wait()
        time.sleep(0.5)  # a slow first load: still running when the command ends
        print("engine loaded", flush=True)
        return ByShade()

    ocr.default_engine = load
    exiting.ENGINE_LOAD_WAIT_S = float(sys.argv[2])
    try:
        extract(shaded_scan(1), cancelled=lambda: True)
    except ocr.OcrCancelled:
        print("cancelled", flush=True)
    sys.argv = ["reader", "--library", sys.argv[3], "list"]  # a command, run as the program runs it
    sys.exit(main())
    """
)


def _exit_after_cancel(load: str, wait_s: float, library: Path) -> subprocess.CompletedProcess[str]:
    """A process that cancels a scan while the engine loads, runs a `reader` command and ends."""
    from reader.store.library import Library

    with Library(library):  # the command lists a library that exists: its run is what is watched
        pass
    tests = Path(__file__).parents[3]
    source = Path(reader.__file__).parents[1]  # the tree under test, not an installed copy
    path = os.pathsep.join(p for p in (str(source), str(tests), os.environ.get("PYTHONPATH", "")) if p)
    return subprocess.run(
        [sys.executable, "-c", EXIT_AFTER_CANCEL, load, str(wait_s), str(library)],
        cwd=tests,
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_process_that_ends_just_after_a_cancel_waits_for_the_load(tmp_path: Path) -> None:
    """Ending the process while the engine loads aborted it (OpenCV's and ONNX Runtime's set-up cut short
    by the interpreter's end): the exit waits for the load, and the process ends normally."""
    done = _exit_after_cancel("slow", 60.0, tmp_path / "lib.sqlite")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == ["cancelled", "engine loaded"]


def test_a_load_that_never_ends_does_not_keep_the_process_from_ending(tmp_path: Path) -> None:
    """The exit waited for the whole load, however long: a load stuck on a stalled disk kept the process
    (the window's, once closed) alive for ever. After its wait the process ends, with its code and its output,
    without aborting."""
    done = _exit_after_cancel("hangs", 0.2, tmp_path / "lib.sqlite")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[0] == "cancelled" and "engine loaded" not in done.stdout


def test_an_engine_that_cannot_load_is_each_pages_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "default_engine", lambda: ocr.INSTALL_HINT)
    layout = extract(shaded_scan(2))
    assert [page.note for page in layout.pages] == [ocr.INSTALL_HINT] * 2
