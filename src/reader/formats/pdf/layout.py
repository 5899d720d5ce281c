"""Reading order of a page: columns found by an empty vertical gutter, lines by baseline, and what each
line is (body, heading, table row, footnote).

A gutter is a vertical band in the middle of the text that (almost) no fragment crosses, with enough
column-wide lines on both sides; a table's cell gaps are gutters too, but its cells are short, so they do
not pass. Fragments that do cross the gutter (a title over both columns) cut the page into bands, each read
left column first.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Mapping

from reader.formats.pdf.furniture import rows
from reader.formats.pdf.model import Fragment, Line

MIN_GUTTER = 8.0
"""Narrowest gutter in points (about two-thirds of a character of body text)."""

_PROBES = 2000
"""Most positions `_gutter` tests for a gap between columns (a page is some 600 points wide)."""

_NUMBERED = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节部分篇条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d{1,2}[.、．]\s*\D|\d{1,2}(?:\.\d{1,2})+\s*\D|[A-Z]\.\s)"
)
_SENTENCE_END = tuple("。；;：:，,！？!?")
NOTE_MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳¹²³⁴⁵⁶⁷⁸⁹⁰"
"""Footnote marks a sentence can end with (`。①`): the sentence is still closed."""
_CLOSED = ("。", "！", "？", "；", "!", "?", ".", ":", "：", "”", "」")
_SUPERSCRIPT_NUMBER = "[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]*"
_FOOTNOTE_MARK = re.compile(
    rf"^(?:[①-⑳⑴-⒇]|{_SUPERSCRIPT_NUMBER}|\[\d+\]|［\d+］|\d+\s|[注註]\s*[\d一二三四五六七八九十]*[:：]?|\*)"
)
_NAMED_NOTE = re.compile(r"^([注註])\s*([\d一二三四五六七八九十]{1,3})\s*[:：]")
"""A note named in words (`註一：`, `注1：`), cited in the text by its name (`（註一）`)."""


def page_lines(page: int, fragments: list[Fragment]) -> list[Line]:
    """The page's body fragments as lines in reading order, each with its column number."""
    gutters = _three_columns(fragments)
    if gutters is None:
        gutter = _gutter(fragments)
        gutters = [] if gutter is None else [gutter]
    if not gutters:
        return [Line(page, row.fragments) for row in rows(fragments)]
    out: list[Line] = []
    band: list[Fragment] = []
    middles = [(g0 + g1) / 2 for g0, g1 in gutters]

    def flush() -> None:
        for column in range(len(gutters) + 1):
            side = [f for f in band if sum(1 for m in middles if (f.x0 + f.x1) / 2 >= m) == column]
            out.extend(Line(page, row.fragments, column=column) for row in rows(side))
        band.clear()

    for fragment in sorted(fragments, key=lambda f: (f.top, f.x0)):
        if any(fragment.x0 < g0 - 1 and fragment.x1 > g1 + 1 for g0, g1 in gutters):
            flush()
            out.append(Line(page, (fragment,), column=-1))
        else:
            band.append(fragment)
    flush()
    return out


THIRD_SHARE = 0.2
"""Each of three columns is at least this share of the text's width (a narrow label column is no column)."""


def _three_columns(fragments: list[Fragment]) -> list[tuple[float, float]] | None:
    """The two gutters of a page set in three columns, or None.

    Gutters are the widest bands no fragment (or hardly one: a title over the columns) crosses; the three
    columns they leave must each be a column of prose, with lines alone on their baseline within the
    column that fill most of its width, so a table's cell gaps are not taken for gutters."""
    if len(fragments) < 12:
        return None
    left, right = min(f.x0 for f in fragments), max(f.x1 for f in fragments)
    width = right - left
    step = max(1.0, width / _PROBES)
    count = int(width / step)
    xs = [left + k * step for k in range(1, count)]
    # Fragments crossing each probe, by a running sum over where fragments begin and end: one pass over
    # the fragments and one over the probes (probing every fragment at every probe cost a fifth of a text
    # PDF's reading time).
    delta = [0] * (count + 2)
    for f in fragments:
        first = max(1, math.floor((f.x0 - left) / step) + 1)  # the first probe strictly right of x0
        last = min(count - 1, math.ceil((f.x1 - left) / step) - 1)  # the last probe strictly left of x1
        if first <= last:
            delta[first] += 1
            delta[last + 1] -= 1
    crossing = list(itertools.accumulate(delta))
    allowed = max(1, len(fragments) // 20)
    runs: list[tuple[float, float]] = []
    start: float | None = None
    for k, x in enumerate([*xs, right], start=1):
        clear = x < right and crossing[k] <= allowed
        if clear:
            start = x if start is None else start
        elif start is not None:
            if x - start >= MIN_GUTTER and start - left >= THIRD_SHARE * width and right - x >= THIRD_SHARE * width:
                runs.append((start, x))
            start = None
    if len(runs) != 2:
        return None
    (a0, a1), (b0, b1) = runs
    if b0 - a1 < THIRD_SHARE * width:
        return None
    for lo, hi in ((left, a0), (a1, b0), (b1, right)):
        inside = [f for f in fragments if f.x0 >= lo - 1 and f.x1 <= hi + 1]
        lone = _lone_widths(inside)
        if len(lone) < 4 or statistics.median(lone) < 0.5 * (hi - lo):
            return None
    return [(a0, a1), (b0, b1)]


def _gutter(fragments: list[Fragment]) -> tuple[float, float] | None:
    """The gap between two columns of prose, or None.

    First the band the fewest fragments cross anywhere on the page; when that is no gutter, the band the
    fewest cross where text stands on both sides of it (`_crossing_beside`): lines set over both columns
    above or below them (a title and byline, a footnote at the foot) no longer narrow it to a sliver."""
    if len(fragments) < 8:
        return None
    left, right = min(f.x0 for f in fragments), max(f.x1 for f in fragments)
    width = right - left
    # One probe a point across the middle half; never more than _PROBES, whatever the coordinates say.
    step = max(1.0, 0.5 * width / _PROBES)
    xs = [left + 0.25 * width + k * step for k in range(int(0.5 * width / step) + 1)]
    crossing = [sum(1 for f in fragments if f.x0 < x < f.x1) for x in xs]
    if min(crossing) > len(fragments) // SPANNING_SHARE:
        return None  # most lines cross the middle: one column (spared the second count, a text PDF's pages)
    found = _widest_band(fragments, xs, step, crossing)
    if found is None:
        found = _widest_band(fragments, xs, step, _crossing_beside(fragments, xs), aligned=True)
    return found


SPANNING_SHARE = 4
"""A page where more than one fragment in this many crosses every point of the middle is set in one
column (a two-column page's lines over both columns are a title, a byline and a footnote or two)."""


def _widest_band(
    fragments: list[Fragment], xs: list[float], step: float, crossing: list[int], *, aligned: bool = False
) -> tuple[float, float] | None:
    """The widest band of probes the fewest fragments cross, when it is a gutter between two columns of
    prose. `aligned` asks also that the lines on each side start at that side's left edge, as a column's
    do (a contents page's leader dots start wherever its entries end: no column)."""
    left, right = min(f.x0 for f in fragments), max(f.x1 for f in fragments)
    fewest = min(crossing)
    if fewest > max(1, len(fragments) // 10):
        return None
    best: tuple[float, float] | None = None
    start: float | None = None
    for x, count in zip([*xs, xs[-1] + step], [*crossing, fewest + 1], strict=True):
        if count == fewest:
            start = x if start is None else start
        elif start is not None:
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
            start = None
    if best is None or best[1] - best[0] < MIN_GUTTER:
        return None
    g0, g1 = best
    lefts = _lone_widths([f for f in fragments if f.x1 <= g0 + 1])
    rights = _lone_widths([f for f in fragments if f.x0 >= g1 - 1])
    if len(lefts) < 4 or len(rights) < 4:
        return None
    if statistics.median(lefts) < 0.5 * (g0 - left) or statistics.median(rights) < 0.5 * (right - g1):
        return None  # short pieces on a side: table cells or a list of labels, not a column of prose
    if aligned and not (_flush(fragments, left, g0 + 1) and _flush(fragments, g1 - 1, right)):
        return None
    return g0, g1


FLUSH_SHARE = 0.6
"""Share of a column's lines that start at its left edge (within a first-line indent and a bit)."""


def _flush(fragments: list[Fragment], lo: float, hi: float) -> bool:
    """Whether most fragments alone on their baseline between `lo` and `hi` start at the side's left edge."""
    side = [row.fragments[0] for row in rows([f for f in fragments if f.x0 >= lo and f.x1 <= hi])]
    if not side:
        return False
    edge = min(f.x0 for f in side)
    flush = sum(1 for f in side if f.x0 - edge <= 2.5 * max(f.size, 1.0))
    return flush >= FLUSH_SHARE * len(side)


def _crossing_beside(fragments: list[Fragment], xs: list[float]) -> list[int]:
    """How many fragments cross each of `xs` at the height where text stands on both sides of it.

    A gutter runs down the page between two blocks of text side by side; a title and byline above them
    and a footnote below them cross it but do not close it (counted, a one-page report's title, byline and
    note outnumbered the few crossings a gutter is allowed and the page was read across its columns).
    Where no text stands on both sides over a few lines' height, every crossing counts: no gutter."""
    n = len(fragments)
    by_end = sorted(fragments, key=lambda f: f.x1)
    by_start = sorted(fragments, key=lambda f: f.x0)
    ends = [f.x1 for f in by_end]
    starts = [f.x0 for f in by_start]
    left_top = list(itertools.accumulate((f.top for f in by_end), min))
    left_bottom = list(itertools.accumulate((f.bottom for f in by_end), max))
    right_top = list(itertools.accumulate((f.top for f in reversed(by_start)), min))[::-1]
    right_bottom = list(itertools.accumulate((f.bottom for f in reversed(by_start)), max))[::-1]
    tall = SIDE_BY_SIDE_LINES * statistics.median(f.bottom - f.top for f in fragments)
    out: list[int] = []
    for x in xs:
        i, j = bisect.bisect_right(ends, x), bisect.bisect_left(starts, x)
        lo, hi = -math.inf, math.inf
        if i > 0 and j < n:
            top, bottom = max(left_top[i - 1], right_top[j]), min(left_bottom[i - 1], right_bottom[j])
            if bottom - top >= tall:
                lo, hi = top, bottom
        out.append(sum(1 for f in fragments if f.x0 < x < f.x1 and f.bottom > lo and f.top < hi))
    return out


SIDE_BY_SIDE_LINES = 4
"""Text on both sides of a gutter stands side by side over at least this many lines' height."""


def _lone_widths(side: list[Fragment]) -> list[float]:
    """Widths of the fragments alone on their baseline on one side of a gap: a column's lines of prose.
    A table inside a column puts several short cells on each baseline; counted, they outnumbered the
    column's lines and the page was read across both columns line by line."""
    return [row.fragments[0].x1 - row.fragments[0].x0 for row in rows(side) if len(row.fragments) == 1]


def body_size(lines: list[Line]) -> float:
    """The font size most characters are set in."""
    counts: Counter[float] = Counter()
    for line in lines:
        for fragment in line.fragments:
            counts[round(fragment.size, 1)] += len(fragment.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def classify(
    lines: list[Line],
    size: float,
    column_width: float,
    columns: Mapping[tuple[int, int], tuple[float, float]] | None = None,
) -> list[Line]:
    """Each line's kind: footnotes (small print below a page's last body line), table rows (several cells
    on one baseline), headings (larger, or bold, or numbered and short without closing punctuation).

    `columns` gives the left and right edge of each page's columns: a numbered line is measured against
    its own column, and one that runs to the column's right edge with the next line going on at the left
    edge is a paragraph's first line (`（一）指导思想。坚持以人` / `民为中心…`), not a heading."""
    columns = columns or {}
    out: list[Line] = []
    last_body: dict[tuple[int, int], float] = {}  # per page and column
    for line in lines:
        if line.size >= 0.95 * size:
            key = (line.page, line.column)
            last_body[key] = max(last_body.get(key, 0.0), line.bottom)
    foot = _foot_notes(lines)
    prev: Line | None = None
    for index, line in enumerate(lines):
        kind = "body"
        text = line.text
        edges = columns.get((line.page, line.column))
        width = edges[1] - edges[0] if edges else column_width
        opens = (
            prev is None
            or prev.kind != "body"
            or prev.text.rstrip(NOTE_MARKS).endswith(_CLOSED)
            or _stops_short(prev, line, edges)
        )
        noted = line.size < 0.9 * size and is_footnote_start(line.fragments[0].text)
        if len(line.fragments) > 1 and _in_table(lines, index) and not noted:
            kind = "table"  # a table in small print at a column's foot is no footnote
        elif (
            line.size < 0.9 * size and line.bottom > last_body.get((line.page, line.column), 0.0) + 2
        ) or index in foot:
            kind = "footnote"
        elif len(line.fragments) > 1:
            kind = "table"
        elif line.size >= 1.08 * size or (
            opens
            and (line.fragments[0].bold or _NUMBERED.match(text))
            and len(text) <= 40
            and not text.endswith(_SENTENCE_END)
            and line.x1 - line.x0 < 0.8 * width
            and not (edges and _runs_on(line, lines[index + 1] if index + 1 < len(lines) else None, edges))
        ):
            kind = "heading"
        prev = Line(line.page, line.fragments, kind, line.column)
        out.append(prev)
    return out


FOOT_GAP_EM = 1.2
"""A page's notes stand apart from its text by more than a line's gap: this many ems at least."""


def _foot_notes(lines: list[Line]) -> set[int]:
    """Indices of the lines of a page's notes when they are set in the text's own size (as OCR measures
    every line by its height): the block of lines at the page's foot, run together below a gap, whose
    first line opens with a note's mark (`③`, `¹`, `[1]`, `註一：`). Read as text, such a note was
    spliced into the paragraph running over the page (`显著。事件` / `③…` / `研究图显示`)."""
    out: set[int] = set()
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    for indices in by_page.values():
        ordered = sorted(indices, key=lambda i: lines[i].top)
        block = [ordered[-1]]
        for i in reversed(ordered[:-1]):
            below = lines[block[0]]
            if below.top - lines[i].bottom >= FOOT_GAP_EM * max(below.size, 1.0):
                break
            block.insert(0, i)
        else:
            continue  # the whole page is one run of lines: no note set apart at its foot
        starts = [k for k, i in enumerate(block) if footnote_marker(lines[i].text)]
        if starts and len(block) < len(ordered):
            out.update(block[starts[0] :] if starts[0] == 0 else [])
    return out


def _stops_short(prev: Line, line: Line, edges: tuple[float, float] | None) -> bool:
    """Whether `prev`, just above `line`, is set in another type or, in the same column, stops well short
    of the column's right edge: it ended its paragraph (a figure's caption, a paragraph's last line), so
    a numbered line below opens a section of its own (`图1 …零售额（亿元）` / `（三）提升乡村数字治理水平`
    were one paragraph)."""
    if abs(prev.size - line.size) > 0.1 * max(line.size, 1.0):
        return True  # set in another type (a caption in small print above a heading): not one paragraph
    if edges is None or (prev.page, prev.column) != (line.page, line.column):
        return False
    em = max(prev.size, 1.0)
    centred = prev.x0 - edges[0] > SHORT_EM * em and edges[1] - prev.x1 > em  # a caption set in the middle
    return centred or edges[1] - prev.x1 > SHORT_EM * em


SHORT_EM = 4.0
"""A line ending more than this many ems before its column's edge ended its paragraph."""


def _in_table(lines: list[Line], index: int) -> bool:
    """Whether the line at `index`, of several cells, has a neighbour of several cells in its column: rows
    of a table come in runs, a footnote's mark and text split into two pieces stand alone."""
    line = lines[index]
    for near in (index - 1, index + 1):
        if 0 <= near < len(lines):
            other = lines[near]
            if (other.page, other.column) == (line.page, line.column) and len(other.fragments) > 1:
                return True
    return False


RUN_ON_EM = 1.5
"""A line ending within this many ems of its column's right edge was cut by the edge, not ended."""


def _runs_on(line: Line, following: Line | None, edges: tuple[float, float]) -> bool:
    """Whether `line` fills its column and `following` goes on below it at the column's left edge in the
    same type: the line is the first of a paragraph, whatever marker it opens with."""
    if following is None or (following.page, following.column) != (line.page, line.column):
        return False
    em = max(line.size, 1.0)
    left, right = edges
    return (
        right - line.x1 < RUN_ON_EM * em
        and abs(following.size - line.size) <= 0.05 * em
        and following.x0 - left < 0.8 * em
        and 0 <= following.top - line.bottom < 1.5 * em
    )


def is_footnote_start(text: str) -> bool:
    """Whether a footnote line opens a new note (①, [1], 1 , 注) rather than continuing one."""
    return bool(_FOOTNOTE_MARK.match(text))


def footnote_marker(text: str) -> str | None:
    """The reference mark a footnote opens with (①, [1]), or its name (註一 of `註一：…`), to find the
    paragraph that cites it."""
    match = re.match(rf"^(?:[①-⑳⑴-⒇]|{_SUPERSCRIPT_NUMBER}|\[\d+\]|［\d+］)", text)
    if match:
        return match.group()
    named = _NAMED_NOTE.match(text)
    return named.group(1) + named.group(2) if named else None
