"""OCR'd lines as fragments of a page: straightened, sized and cleaned, so that running heads, page
numbers, columns and reflow are found by the same code as for a text layer (`layout`, `reflow`).

Split out of `ocr` (which reads the page); nothing here calls a recogniser.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections.abc import Sequence

from reader.formats.pdf.model import Fragment

Quad = Sequence[Sequence[float]]
"""Four corner points (x, y) in image pixels, clockwise from the top left, as the detector gives them."""

MIN_SCORE = 0.5
"""Lines the recogniser is less sure of than this are dropped as noise (specks, stamps, bleed-through)."""
LINE_EM = 1.1
"""Height of a detected line box in ems of its print: used to give OCR'd text a font size, so indentation
and gaps are measured in ems as for a text layer."""
SIZE_STEP = 0.5
"""OCR'd sizes are rounded to this many points, so the lines of one body size count as one size."""

SAME_PRINT = 0.2
"""Line boxes within this share of the page's typical height are taken to be the same print size."""

SAME_PITCH = 0.12
"""Lines whose width per character is within this share of the page's typical one are the same print."""

PITCH_SIZE_UNITS = 6
"""A line this many ems long or more is long enough for its width per character to tell its print size (a
box's padding is then a small share of its width)."""


def to_fragments(
    found: Sequence[tuple[Quad, str, float]], scale: float, center: tuple[float, float] = (0.0, 0.0)
) -> list[Fragment]:
    """Detected lines as fragments in points, straightened: the page's skew (the median slope of the long
        lines) is rotated out, so a line's box is as high as its print and lines of one column share a left
        edge; sizes are rounded so one body size counts as one. `scale` is pixels per point; the page is turned
    about `center` (pixels), its middle, so lines near the edges stay near them."""
    lines = [(box, _clean(text), score) for box, text, score in found if text.strip() and score >= MIN_SCORE]
    if not lines:
        return []
    angle = _skew([box for box, _, _ in lines])
    cos, sin = math.cos(-angle), math.sin(-angle)
    cx, cy = center
    boxes: list[tuple[float, float, float, float]] = []
    for box, _, _ in lines:
        points = [
            (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos)
            for x, y in ((float(p[0]), float(p[1])) for p in box)
        ]
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        boxes.append((min(xs) / scale, max(xs) / scale, min(ys) / scale, max(ys) / scale))
    # Detected boxes of one print vary (descenders; 「」 and ； reach higher and lower than ideographs), and a
    # size change ends a paragraph: a line is the page's typical print when its character pitch is near the
    # typical one, or its height is and its pitch does not show it clearly smaller.
    typical = statistics.median(bottom - top for _, _, top, bottom in boxes)
    pitches = {i: (x1 - x0) / units for i, (x0, x1, _, _) in enumerate(boxes) if (units := _units(lines[i][1])) >= 4}
    pitch = statistics.median(pitches.values()) if pitches else 0.0
    # Justified lines are spaced out to the measure, never squeezed, so the body's natural pitch is nearer
    # the narrow end of the page's pitches: a line is in smaller print only when it is clearly narrower
    # than most lines (the lower quartile), not merely narrower than a spaced-out line.
    narrow = statistics.quantiles(pitches.values(), n=4)[0] if len(pitches) >= 2 else pitch
    out: list[Fragment] = []
    for i, ((x0, x1, top, bottom), (_, text, score)) in enumerate(zip(boxes, lines, strict=True)):
        high = bottom - top
        same_pitch = i in pitches and abs(pitches[i] - pitch) <= SAME_PITCH * pitch
        if same_pitch:
            high = typical
        elif abs(high - typical) <= SAME_PRINT * typical:
            # A box's height follows the characters' ascenders and punctuation, so a footnote in smaller
            # print can have the body's height; a long line's width per character (Chinese is set on a
            # square em) tells the smaller print apart where the height cannot.
            high = typical * _smaller_print(text, x1 - x0, narrow)
        size = max(SIZE_STEP, round(high / LINE_EM / SIZE_STEP) * SIZE_STEP)
        out.append(Fragment(text, x0, x1, top, bottom, size, conf=round(score, 3)))
    return out


def _smaller_print(text: str, width: float, pitch: float) -> float:
    """A line's print size against the body's when its width per character shows it clearly smaller (a
    footnote, a source line), else 1. The recogniser reads full-width digits and punctuation as half-width
    ones and Latin letters are proportional, so a line's ems are known only to be at most its count with
    narrow characters as half an em: its print is smaller only when even the pitch from that count is
    clearly smaller than `pitch`. Larger print is left to the box height: a line spaced out to the measure
    has a wide pitch in the body's print."""
    units = _units(text)
    if pitch <= 0 or units < PITCH_SIZE_UNITS:
        return 1.0
    most = width / units / pitch
    return most if most < 1 - SAME_PITCH else 1.0


def _units(text: str) -> float:
    """A line's width in ems as set: a wide (CJK, full-width) character is one, any other half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


_DASHED_NUMBER = re.compile(r"^[一—–\-－]{1,3}\s*(\d{1,4})\s*[一—–\-－]{1,3}$")
_DIGIT_GAP = re.compile(r"(?<=\d) (?=\d)")
_NUMERAL_ZERO = re.compile(r"(?<=[一二三四五六七八九十〇])[OoΟ○０0](?=[一二三四五六七八九十〇年])")
# A year of the Republic of China era written digit by digit (民國一一五年): its 一 is one stroke, the same
# as a dash, and the recogniser reads it as one. After the era's name a dash inside the year is no range.
_ERA_YEAR = re.compile(r"(?<=民國|民国)([〇一二三四五六七八九]?)[—–－\-]([〇一二三四五六七八九]{1,2})(?=\s*年)")


def _clean(text: str) -> str:
    """What the recogniser gets wrong in a regular way: the dashes around a page number read as 一 (the
    same stroke), a space put between the digits of one number (2 008, 1 7日), and the zero of a number
    in Chinese numerals read as a letter O or a circle (二O二四年), the 一 of an era year read as a dash
    (民國一—五年)."""
    text = _NUMERAL_ZERO.sub("〇", _DIGIT_GAP.sub("", text.strip()))
    text = _ERA_YEAR.sub(lambda m: f"{m.group(1)}一{m.group(2)}", text)
    dashed = _DASHED_NUMBER.match(text)
    return f"— {dashed.group(1)} —" if dashed else text


def _skew(boxes: Sequence[Quad]) -> float:
    """The page's rotation in radians, from the top edges of lines much wider than high (0 when none are)."""
    slopes = []
    for box in boxes:
        (x0, y0), (x1, y1) = (float(box[0][0]), float(box[0][1])), (float(box[1][0]), float(box[1][1]))
        high = math.dist(box[0], box[3])
        if x1 - x0 > 3 * max(high, 1.0):
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    return statistics.median(slopes) if slopes else 0.0
