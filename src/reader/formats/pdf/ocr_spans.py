"""Re-reading only the doubtful spans of a traditional page's lines.

The fast recogniser (`ocr.FAST`) reads a traditional page with most characters right; its errors sit at
characters it is unsure of, at simplified forms that have more than one traditional form, and where it
dropped a character. CTC gives each character's place in the line (the time steps it was read at), so
those characters, with one neighbour on each side as context, are cut out of the line image, the cuts
of one line put side by side with a blank between them, and only that strip is read by the accurate
recogniser (`ocr.ACCURATE`, whose time goes with the width it reads). Each span's accurate reading
replaces the fast one when its context characters read as the fast ones did (so the cut was where it was
meant to be); a line where that fails, or where doubtful spans cover most of it, is read whole by the
accurate recogniser. Measured in docs/decisions/ocr-models.md (fourth round).

Everything here works on plain readings and images (numpy arrays, height × width × 3): the recognisers
are given by the caller, so the grouping, cutting and splicing are tested without a model.
"""

from __future__ import annotations

import functools
import itertools
import statistics
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import numpy

DOUBTFUL = 0.95
"""A character the fast recogniser gives less than this confidence is re-read. On the dev scans 97 % of the
characters where its reading and the accurate one's differ were under it, against 13 % of all characters
(0.9: 92 % against 10 %, and a traditional CER 0.07-0.29 points above the accurate reading's)."""
CONTEXT = 1
"""Characters of context cut with a doubtful one on each side: the span's reading is checked on them."""
DROPPED = 1.5
"""A space between two characters' centres wider than this many times the line's pitch is where a
character was dropped (the characters on both sides are re-read)."""
LINE_END = 1.25
"""A first or last character's centre further than this many pitches from the line's edge means one was
dropped there (a centre sits at most 0.8 pitches from the box's edge otherwise)."""
MOST = 0.6
"""A line whose doubtful spans cover more than this share of its width is read whole by the accurate
recogniser: the cuts would save little and the checks fail more often on short pieces between them."""
JOIN_GAP = 0.5
"""Blank, in line heights, put between two spans of a line joined into one strip (read as nothing)."""
CENTRE_SHIFT = 0.0
"""Where a character's centre is taken, in time steps after the start of its steps' middle one. Half a
step (the step's own middle) clipped the left of a span's first character often enough to fail the
context check on 2-5 % of lines; cuts half a step further left failed on 1-2 % (dev scans)."""


@dataclass(frozen=True)
class Glyph:
    """One character of a reading: its text, the recogniser's confidence, and its centre in line pixels."""

    text: str
    conf: float
    x: float


@dataclass(frozen=True)
class Reading:
    """A line as read: its text, its confidence (mean over its characters, as the engine gives it) and,
    when the recogniser reports them, its characters' places."""

    text: str
    score: float
    glyphs: tuple[Glyph, ...] = ()


GlyphReader = Callable[[Any], Reading]
"""A recogniser that reports where each character was read: one image to a `Reading`."""


def decode(probs: Any, keys: Sequence[str], width: float) -> Reading:
    """A CTC output (time steps × classes, class 0 the blank) as a `Reading`: the same text and score as the
    engine's decoder gives (best class per step, repeats merged, blanks dropped; the score the mean of each
    character's first step's probability), with each character's confidence (its best step) and centre in
    pixels of an image `width` wide (the input, padding included, spans the steps evenly)."""
    best = probs.argmax(axis=1)
    steps = len(best)
    prob = probs[numpy.arange(steps), best]  # each step's best probability, without a second pass over the classes
    scale = width / max(steps, 1)
    glyphs: list[Glyph] = []
    firsts: list[float] = []
    t = 0
    while t < steps:
        end = t
        while end + 1 < steps and best[end + 1] == best[t]:
            end += 1
        if best[t] != 0:
            glyphs.append(Glyph(keys[best[t]], float(prob[t : end + 1].max()), ((t + end) / 2 + CENTRE_SHIFT) * scale))
            firsts.append(float(prob[t]))
        t = end + 1
    score = float(numpy.mean(firsts)) if firsts else 0.0
    return Reading("".join(g.text for g in glyphs), score, tuple(glyphs))


@functools.cache
def ambiguous_simplified() -> frozenset[str]:
    """Simplified-only characters with more than one traditional form (发: 發 髮; 台: 臺 颱 檯): the
    traditional-forms repair can turn any other back, but not these, so they are re-read. Derived from the
    script tables (`script_specific_chars`, OpenCC's t2s), no list of our own."""
    from reader.core.script.detect import script_specific_chars
    from reader.core.script.opencc import convert

    simplified, traditional = script_specific_chars()
    forms: dict[str, int] = {}
    for ch in traditional:
        turned = convert(ch, "t2s")
        forms[turned] = forms.get(turned, 0) + 1
    return frozenset(ch for ch in simplified if forms.get(ch, 0) >= 2)


def pitch(glyphs: Sequence[Glyph], height: float) -> float:
    """The line's typical distance between character centres (its height when too short to tell)."""
    if len(glyphs) < 3:
        return float(height)
    return max(1.0, statistics.median(b.x - a.x for a, b in itertools.pairwise(glyphs)))


def doubtful(glyphs: Sequence[Glyph], width: float, step: float, ambiguous: frozenset[str]) -> list[bool]:
    """Which characters are re-read: unsure ones (`DOUBTFUL`), ambiguous simplified forms, and the
    neighbours of a dropped character (`DROPPED`, `LINE_END`; `step` is the line's pitch)."""
    marks = [g.conf < DOUBTFUL or g.text in ambiguous for g in glyphs]
    for i in range(len(glyphs) - 1):
        if glyphs[i + 1].x - glyphs[i].x > DROPPED * step:
            marks[i] = marks[i + 1] = True
    if glyphs:
        marks[0] = marks[0] or glyphs[0].x > LINE_END * step
        marks[-1] = marks[-1] or width - glyphs[-1].x > LINE_END * step
    return marks


def spans(marks: Sequence[bool], context: int = CONTEXT) -> list[tuple[int, int]]:
    """Runs of characters to re-read, [start, end) in the reading: each marked one with `context`
    characters either side, runs that touch or overlap merged."""
    out: list[tuple[int, int]] = []
    for i, marked in enumerate(marks):
        if not marked:
            continue
        lo, hi = max(0, i - context), min(len(marks), i + context + 1)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def cuts(glyphs: Sequence[Glyph], runs: Sequence[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """Each run's columns in the line image: from midway between its first character and the one before
    (or the line's start) to midway between its last and the one after (or the line's end)."""
    out = []
    for lo, hi in runs:
        left = 0 if lo == 0 else round((glyphs[lo - 1].x + glyphs[lo].x) / 2)
        right = width if hi == len(glyphs) else round((glyphs[hi - 1].x + glyphs[hi].x) / 2)
        out.append((max(0, left), min(width, max(right, left + 1))))
    return out


@dataclass(frozen=True)
class Strip:
    """A line's doubtful spans cut out and joined into one image, and where each span lies in it."""

    image: Any
    bounds: tuple[tuple[int, int], ...]
    gap: int


def join(line: Any, columns: Sequence[tuple[int, int]]) -> Strip:
    """The columns of `line` side by side, a blank of `JOIN_GAP` line heights (the line's median colour,
    its paper) between two of them."""
    height = line.shape[0]
    gap = max(1, round(JOIN_GAP * height))
    paper = _paper(line)
    blank = numpy.empty((height, gap, line.shape[2]), dtype=line.dtype)
    blank[:] = paper
    pieces: list[Any] = []
    bounds: list[tuple[int, int]] = []
    x = 0
    for i, (left, right) in enumerate(columns):
        if i:
            pieces.append(blank)
            x += gap
        pieces.append(line[:, left:right])
        bounds.append((x, x + right - left))
        x += right - left
    return Strip(numpy.concatenate(pieces, axis=1), tuple(bounds), gap)


def _paper(line: Any) -> Any:
    """The line's median colour, channel by channel, as `numpy.median` gives it (the mean of the two middle
    values when there are two, cut to the image's type). An 8-bit line's is found from its histogram, a
    fifth of the time of the sort behind `numpy.median` (measured in docs/decisions/ocr-models.md, fifth
    round), with the same value."""
    pixels = line.reshape(-1, line.shape[2])
    if line.dtype != numpy.uint8 or not len(pixels):
        return numpy.median(pixels, axis=0).astype(line.dtype)
    count = len(pixels)
    middle = numpy.array([(count - 1) // 2, count // 2])
    out = []
    for channel in range(pixels.shape[1]):
        below = numpy.bincount(pixels[:, channel], minlength=256).cumsum()
        low, high = numpy.searchsorted(below, middle, side="right")
        out.append((int(low) + int(high)) // 2)
    return numpy.array(out, dtype=line.dtype)


def _width(text: str) -> str:
    """Width and compatibility forms folded: the accurate recogniser reads a comma cut from its line as a
    half-width one (it has lost the space around it), so where the two readings differ only so, the fast
    one, read on the whole line, is kept."""
    return unicodedata.normalize("NFKC", text)


def _fold(text: str) -> str:
    """Context characters as compared between the two readings: `_width`, and traditional forms as
    simplified ones (a sure character the fast recogniser could only read in its simplified form, 东 for
    東, is the same character)."""
    from reader.core.script.opencc import convert

    return convert(_width(text), "t2s")


def splice(fast: Reading, runs: Sequence[tuple[int, int]], strip: Strip, read: Reading) -> Reading | None:
    """The fast reading with each run replaced by the accurate reading of its piece of the strip, or None
    when a piece's context characters do not read as the fast ones did (the cut missed: read the line
    whole). A character of the accurate reading belongs to the piece its centre lies in (or the blank
    next to it); a replaced character keeps the fast one's form when the two differ only in width. The
    spliced line's confidence is the mean of its characters'."""
    pieces: list[list[Glyph]] = [[] for _ in runs]
    half = strip.gap / 2
    for glyph in read.glyphs:
        owner = next((i for i, (a, b) in enumerate(strip.bounds) if a - half <= glyph.x < b + half), None)
        if owner is None:
            return None
        pieces[owner].append(glyph)
    out = list(fast.glyphs)
    for (lo, hi), piece in reversed(list(zip(runs, pieces, strict=True))):
        piece = [g for g in piece if not g.text.isspace()]
        left = CONTEXT if lo > 0 else 0
        right = CONTEXT if hi < len(fast.glyphs) else 0
        if len(piece) < left + right:
            return None
        ours, read_context = out[lo : lo + left] + out[hi - right : hi], piece[:left] + piece[len(piece) - right :]
        if any(_fold(a.text) != _fold(b.text) for a, b in zip(ours, read_context, strict=True)):
            return None
        middle = piece[left : len(piece) - right]
        fast_middle = out[lo + left : hi - right]
        if len(middle) == len(fast_middle):
            middle = [f if _width(f.text) == _width(m.text) else m for m, f in zip(middle, fast_middle, strict=True)]
        out[lo + left : hi - right] = middle
    text = "".join(g.text for g in out)
    return Reading(text, statistics.fmean(g.conf for g in out) if out else 0.0, tuple(out))


@dataclass(frozen=True)
class Plan:
    """A traditional line's runs to re-read (start, end in its fast reading) and the strip they are read
    from; a line read whole is one run over all of it, its strip the line itself."""

    runs: tuple[tuple[int, int], ...]
    strip: Strip


def plan(line: Any, fast: Reading, ambiguous: frozenset[str]) -> Plan | None:
    """The re-reading a line needs after its fast reading, or None when it has nothing doubtful. A line
    the fast recogniser read nothing in, or whose doubtful spans cover more than `MOST` of it, is read whole
    (in the same pass as the strips, so the engine's threads are shared by all of them)."""
    width = line.shape[1]
    whole = Plan(((0, len(fast.glyphs)),), join(line, [(0, width)]))
    if not fast.glyphs:
        return whole
    step = pitch(fast.glyphs, line.shape[0])
    runs = spans(doubtful(fast.glyphs, width, step, ambiguous))
    if not runs:
        return None
    columns = cuts(fast.glyphs, runs, width)
    if sum(b - a for a, b in columns) > MOST * width:
        return whole
    return Plan(tuple(runs), join(line, columns))


_Out = TypeVar("_Out")


class Each(Protocol):
    """Reads items with a function (on the engine's threads), results in the items' order. An item is an
    image, or anything with an image's `shape` (the threads take the widest first, so they end together)."""

    def __call__(self, read: Callable[[Any], _Out], items: Sequence[Any], /) -> list[_Out]: ...


@dataclass(frozen=True)
class _Job:
    """One line's work in the page's single pass of `reread`: `index` of the line, and the `shape` of the
    image whose reading costs most in it (its strip, or the line when its fast reading is still to do), by
    which the engine's threads order their work."""

    index: int
    shape: tuple[int, ...]


def settle(line: Any, fast: Reading, planned: Plan | None, accurate: GlyphReader, strips: GlyphReader) -> Reading:
    """A line's reading once its doubtful spans are read again: the fast one when nothing is doubtful
    (`planned` is None), the spliced one when the spans' context checks, or else the accurate recogniser's
    reading of the whole line."""
    if planned is None:
        return fast
    spliced = splice(fast, planned.runs, planned.strip, strips(planned.strip.image))
    return accurate(line) if spliced is None else spliced


def reread(
    lines: Sequence[Any],
    known: Sequence[Reading],
    accurate: GlyphReader,
    strips: GlyphReader,
    each: Each,
    fast: GlyphReader | None = None,
) -> list[Reading]:
    """A traditional page's lines with their doubtful spans read again, in one pass of `each`: a line's
    fast reading (`known`, the first lines'; `fast` reads the lines after them), its strip (`strips` reads
    an image as it is) and, when the strip's splice fails its check, the whole line (`accurate` reads it as
    the engine does) are one job on one thread. A line's reading depends on that line alone, so it is the
    reading a pass for each step gave, without each step waiting for the slowest line of the one before
    (measured in docs/decisions/ocr-models.md, fifth round)."""
    if len(known) < len(lines) and fast is None:
        raise ValueError("lines without a fast reading need the fast recogniser")
    ambiguous = ambiguous_simplified()
    plans = {i: plan(lines[i], reading, ambiguous) for i, reading in enumerate(known)}
    jobs = [_Job(i, p.strip.image.shape) for i, p in plans.items() if p is not None]
    jobs += [_Job(i, lines[i].shape) for i in range(len(known), len(lines))]

    def finish(job: _Job) -> Reading:
        line = lines[job.index]
        if job.index < len(known):
            return settle(line, known[job.index], plans[job.index], accurate, strips)
        assert fast is not None  # checked above
        first = fast(line)
        return settle(line, first, plan(line, first, ambiguous), accurate, strips)

    out = list(known) + [Reading("", 0.0)] * (len(lines) - len(known))
    for job, reading in zip(jobs, each(finish, jobs), strict=True):
        out[job.index] = reading
    return out
