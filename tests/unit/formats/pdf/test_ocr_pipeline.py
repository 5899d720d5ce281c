"""Scanned pages read as a pipeline: the next page's lines are found while this page's are recognised, and
still every page is recognised, cached and counted in its order, and a cancel stops within a page.

The engine here is a stand-in in two stages (`ocr.StagedEngine`) that logs what it is asked; the pages are
all alike, so each detection hands its recognition a token saying which detection it was.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from reader.formats.base import PageKey
from reader.formats.pdf import analyse, ocr
from reader.formats.pdf.extract import extract

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from test_pdf_ocr import StandIn, _blank_scan, _paragraphs

WAIT = 30.0
"""Seconds a recognition waits for the next page's detection to start before giving up (a deadlock guard:
when the pipeline works the wait ends at once; nothing is asserted about time)."""


class Staged:
    """A `StandIn` split in two stages: `detect` gives a token (the how-many-th detection it was), and
    `recognise` reads the page as `StandIn` would, logging the token it was given. With `wait_ahead` (the
    document's page count), page n's recognition waits until page n+1's detection has started, and notes
    whether it did."""

    def __init__(self, wait_ahead: int = 0) -> None:
        self.inner = StandIn()
        self.log: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        self.running = 0  # detections under way at once (the detector must never run beside itself)
        self.most_running = 0
        self.detected: dict[int, threading.Event] = {}
        self.wait_ahead = wait_ahead
        self.overlapped: list[bool] = []

    def _event(self, number: int) -> threading.Event:
        with self.lock:
            return self.detected.setdefault(number, threading.Event())

    def detect(self, image: Any) -> list[Any]:
        with self.lock:
            self.running += 1
            self.most_running = max(self.most_running, self.running)
            number = sum(1 for kind, _ in self.log if kind == "detect") + 1
            self.log.append(("detect", number))
        self._event(number).set()
        with self.lock:
            self.running -= 1
            self.log.append(("detected", number))
        return [number]

    def recognise(self, image: Any, boxes: Any) -> list[tuple[list[list[float]], str, float]]:
        (number,) = boxes
        with self.lock:
            self.log.append(("recognise", number))
        if number < self.wait_ahead:
            self.overlapped.append(self._event(number + 1).wait(WAIT))
        return self.inner(image)

    def engine(self) -> ocr.StagedEngine:
        return ocr.StagedEngine(self.detect, self.recognise)


class Cache:
    def __init__(self) -> None:
        self.put_order: list[int] = []
        self.held: dict[PageKey, str] = {}

    def get(self, key: PageKey) -> str | None:
        return self.held.get(key)

    def put(self, key: PageKey, result: str) -> None:
        self.put_order.append(key.page)
        self.held[key] = result


def test_pages_are_recognised_cached_and_counted_in_order_with_detection_one_page_ahead() -> None:
    staged = Staged(wait_ahead=5)
    cache = Cache()
    seen: list[tuple[int, int]] = []
    layout = extract(_blank_scan(5), engine=staged.engine(), progress=lambda d, t: seen.append((d, t)), cache=cache)
    recognised = [number for kind, number in staged.log if kind == "recognise"]
    assert recognised == [1, 2, 3, 4, 5]  # each page recognised on its own detection, in page order
    assert staged.overlapped == [True, True, True, True]  # page n+1's lines found during page n
    assert staged.most_running == 1
    assert list(analyse(layout).paragraphs) == _paragraphs(5)
    assert cache.put_order == [0, 1, 2, 3, 4]
    assert seen == [(n, 5) for n in range(1, 6)]


def test_a_cancel_stops_the_pipeline_leaving_no_detection_running() -> None:
    staged = Staged()
    cache = Cache()
    seen: list[tuple[int, int]] = []
    with pytest.raises(ocr.OcrCancelled, match="page 3"):
        extract(
            _blank_scan(8),
            engine=staged.engine(),
            cancelled=lambda: sum(1 for kind, _ in staged.log if kind == "recognise") >= 2,
            progress=lambda d, t: seen.append((d, t)),
            cache=cache,
        )
    detections = [number for kind, number in staged.log if kind == "detect"]
    assert detections in ([1, 2], [1, 2, 3])  # at most the page in flight was detected past the cancel
    assert [number for kind, number in staged.log if kind == "detected"] == detections  # and it has ended
    assert [number for kind, number in staged.log if kind == "recognise"] == [1, 2]
    assert cache.put_order == [0, 1] and seen == [(1, 8), (2, 8)]


def test_a_resumed_scan_detects_and_recognises_only_the_pages_not_cached() -> None:
    cache = Cache()
    data = _blank_scan(4)
    first = Staged()
    with pytest.raises(ocr.OcrCancelled):
        extract(
            data,
            engine=first.engine(),
            cancelled=lambda: sum(1 for kind, _ in first.log if kind == "recognise") >= 2,
            cache=cache,
        )
    again = Staged()
    again.inner.calls = 2  # the stand-in prints page n by its count of pages read
    layout = extract(data, engine=again.engine(), cache=cache)
    assert [number for kind, number in again.log if kind == "recognise"] == [1, 2]
    assert cache.put_order == [0, 1, 2, 3]
    assert list(analyse(layout).paragraphs) == _paragraphs(4)


def test_a_failed_detection_gives_the_page_a_note_and_the_rest_is_read() -> None:
    staged = Staged()
    calls = {"n": 0}

    def detect(image: Any) -> list[Any]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise ValueError("detector failed")
        return staged.detect(image)

    cache = Cache()
    layout = extract(_blank_scan(3), engine=ocr.StagedEngine(detect, staged.recognise), cache=cache)
    assert [page.ocr for page in layout.pages] == [True, False, True]
    assert layout.pages[1].note == "page 2: OCR failed (ValueError)"
    assert cache.put_order == [0, 2]  # a failed page is not kept


def test_the_staged_engine_called_whole_gives_its_stages_result() -> None:
    staged = Staged()
    engine = staged.engine()
    lines = engine(_image())
    assert [kind for kind, _ in staged.log] == ["detect", "detected", "recognise"]
    assert [text for _, text, _ in lines] == [text for _, text, _ in StandIn()(_image())]


def _image() -> Any:
    import numpy

    return numpy.zeros((877, 620, 3), dtype=numpy.uint8)
