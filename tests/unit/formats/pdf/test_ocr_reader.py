"""How a recogniser's session reads a line (`ocr.line_reader`): the width each kind of image is given, the
padding of short lines only, and characters placed in the line's own pixels whatever the squeeze; and that
the engine reads the strips of doubtful spans at `STRIP_SQUEEZE`, unpadded."""

from __future__ import annotations

import math
import types
from typing import Any

import numpy
import pytest

from reader.formats.pdf import ocr

STEP = 8
"""Input columns a time step of the stand-in's output covers (the PP-OCRv6 graphs' downsampling)."""
KEYS = ["blank", "甲", "乙"]


class Session:
    """Stands in for an onnxruntime session of a recogniser: keeps the shape of every input, and reads
    class 1 at the step nearest the input's `at` share of its width and class 2 at its last step."""

    def __init__(self, at: float = 0.25) -> None:
        self.at = at
        self.shapes: list[tuple[int, ...]] = []

    def get_inputs(self) -> list[Any]:
        return [types.SimpleNamespace(name="x")]

    def run(self, _names: object, feed: dict[str, Any]) -> list[Any]:
        batch = feed["x"]
        self.shapes.append(batch.shape)
        steps = batch.shape[3] // STEP
        probs = numpy.zeros((1, steps, len(KEYS)), dtype=numpy.float32)
        probs[0, :, 0] = 1.0
        probs[0, int(self.at * steps), :] = (0.0, 1.0, 0.0)
        probs[0, steps - 1, :] = (0.0, 0.0, 1.0)
        return [probs]


def line(height: int, width: int) -> Any:
    return numpy.full((height, width, 3), 200, dtype=numpy.uint8)


def test_a_strip_is_squeezed_and_never_padded_and_a_short_line_is_padded() -> None:
    session = Session()
    strips = ocr.line_reader(session, KEYS, 0.6, pad=False)
    lines = ocr.line_reader(session, KEYS, ocr.ACCURATE.squeeze)
    strips(line(30, 100))
    lines(line(30, 100))
    lines(line(30, 600))
    narrow = math.ceil(0.6 * ocr.REC_HEIGHT * 100 / 30)  # never narrower than the scale asks
    padded = math.ceil(ocr.MIN_REC_RATIO * ocr.REC_HEIGHT)
    wide = math.ceil(ocr.ACCURATE.squeeze * ocr.REC_HEIGHT * 600 / 30)
    assert [shape[3] for shape in session.shapes] == [narrow, padded, wide]
    assert all(shape[:3] == (1, 3, ocr.REC_HEIGHT) for shape in session.shapes)


@pytest.mark.parametrize("squeeze", [1.0, 0.75, 0.6])
def test_characters_are_placed_in_the_lines_own_pixels_whatever_the_squeeze(squeeze: float) -> None:
    reading = ocr.line_reader(Session(at=0.25), KEYS, squeeze, pad=False)(line(40, 800))
    assert reading.text == "甲乙"
    first, last = reading.glyphs
    assert first.x == pytest.approx(200, abs=800 / (squeeze * ocr.REC_HEIGHT * 800 / 40 / STEP))
    assert 800 - 2 * 800 / (squeeze * ocr.REC_HEIGHT * 800 / 40 / STEP) <= last.x <= 800


def test_the_engine_reads_strips_at_the_strip_width_and_whole_lines_at_the_accurate_width(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[tuple[float, bool]] = []
    real = ocr.line_reader

    def recorded(session: Any, keys: Any, squeeze: float, pad: bool = True) -> Any:
        made.append((squeeze, pad))
        return real(session, keys, squeeze, pad)

    monkeypatch.setattr(ocr, "line_reader", recorded)
    engine = ocr.default_engine.__wrapped__()  # a fresh load, not the process's cached engine
    if isinstance(engine, str):
        pytest.skip(engine)
    assert sorted(made) == sorted([(ocr.FAST.squeeze, True), (ocr.ACCURATE.squeeze, True), (ocr.STRIP_SQUEEZE, False)])
