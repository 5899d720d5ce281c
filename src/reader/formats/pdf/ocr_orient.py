"""Which way up a scanned page is: a page scanned upside down or turned a quarter is turned back before
its lines are read, so it reads as the same page scanned upright (`ocr.default_engine`).

A quarter turn shows in the detector's boxes at no cost: the lines of a turned page are boxes much taller
than wide (`quarter_turned`). Upside down cannot be seen in the boxes (a line is as wide either way), but
the recogniser reads an upside-down line as garbage it is unsure of: a page whose reading is doubtful
(`doubtful`) has a few of its longest lines read again turned a half, and is turned when those read
clearly surer (`flipped`). An upright page pays nothing but the sums over its own reading.

Nothing here calls a model; `ocr` reads the lines.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

LINE_RATIO = 3.0
"""A detected box whose long side is this many times its short side is a line of text (shorter boxes, a
page number or a single character, tell nothing of the page's direction)."""

MIN_TURNED_LINES = 2
"""A page is taken as turned a quarter only when at least this many of its lines stand upright."""

DOUBTFUL_PAGE = 0.8
"""A page whose lines the recogniser is on average less sure of than this (weighted by their length) may
be upside down, and a few of its lines are read turned a half. Upright print reads at 0.9 and above; an
upside-down page reads below 0.7 (docs/decisions/ocr-models.md, orientation)."""

SAMPLE = 4
"""Lines (the longest) read both ways to tell upright from upside down."""

FLIP_MARGIN = 0.15
"""The turned reading of the sample must be surer than the reading as it stands by this much (mean
confidence) for the page to be turned: a poor scan read both ways scores low both ways."""


def quarter_turned(boxes: Sequence[Any]) -> bool:
    """Whether the detector's line boxes (corners clockwise from the top left) stand upright: more of the
    page's lines are tall than wide, and at least `MIN_TURNED_LINES` are, so the page was turned a quarter."""
    tall = wide = 0
    for box in boxes:
        across = math.dist(box[0], box[1])
        down = math.dist(box[0], box[3])
        if down >= LINE_RATIO * max(across, 1.0):
            tall += 1
        elif across >= LINE_RATIO * max(down, 1.0):
            wide += 1
    return tall >= MIN_TURNED_LINES and tall > wide


def doubtful(readings: Sequence[tuple[str, float]]) -> bool:
    """Whether a page's reading (each line's text and confidence) is unsure enough on average, weighted by
    the lines' lengths, that the page may be upside down. A page with nothing read is not."""
    total = sum(len(text) for text, _ in readings)
    if total == 0:
        return False
    return sum(len(text) * score for text, score in readings) / total < DOUBTFUL_PAGE


def sample(lines: Sequence[Any]) -> list[int]:
    """The indices of the `SAMPLE` widest line images (height × width × ...), the ones that tell most."""
    return sorted(range(len(lines)), key=lambda i: -int(lines[i].shape[1]))[:SAMPLE]


def flipped(as_is: Sequence[float], turned: Sequence[float]) -> bool:
    """Whether the sample lines' confidences read turned a half (`turned`) are clearly higher than read as
    they stand (`as_is`), by `FLIP_MARGIN` on average."""
    if not as_is or not turned:
        return False
    return statistics.fmean(turned) >= statistics.fmean(as_is) + FLIP_MARGIN
