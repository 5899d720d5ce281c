"""Lists of other pages told by their shape in plain text: ranked boxes and dated headlines.

Dated headlines: three or more adjacent lines each a headline with its time or its date (a rolling-news
box, related stories each closing with the day).

Ranked boxes: a portal's boxes of the most read headlines, numbered 1, 2, 3 ...

A news page often carries several boxes of ranked headlines (热门排行, 24 小时点击), each item its rank and
a linked headline. Rendered as text the rank is glued to the headline (`1城南体育公园下月开放`, `2专题｜…`)
or set off by a space, with no separator that would make it a report's numbered item (`1、`, `1.`). Without
their links such items read as headlines with commas, and a few boxes of them outweigh a one-paragraph
article. What tells them is the numbering itself: items ranked from 1 in a row, none ending a statement,
either glued to their rank or in boxes that restart the count one after another. A report's numbered
items carry a separator (report structure) and are never touched here.
"""

from __future__ import annotations

import itertools
import re

from reader.core.cleaning import features as cf
from reader.core.cleaning import structure as cs

RANK_MIN = 5  # items ranked 1, 2, 3 ... in a row that make a box of headlines
RANK_ITEM_WORDS = 40  # a headline; longer is a paragraph
_STATEMENT = re.compile(r"[。.][”’」』）)\"']*$")  # a headline may ask or exclaim; it does not state and stop
_GLUED = re.compile(r"^\d{1,3}[^\s\d.、．,，:：)）%％]")


def _rank_runs(lines: list[cf.Line]) -> list[tuple[int, int]]:
    """Spans of lines whose k-th line opens with the number k (from 1), each a short line that is not
    report structure and does not end a statement (a headline may ask: `2报名人数创新高，为何增加名额？`)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        n, j = 1, i
        while j < len(lines) and _ranked(lines[j], n):
            n, j = n + 1, j + 1
        if j - i >= RANK_MIN:
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _ranked(line: cf.Line, n: int) -> bool:
    rank = str(n)
    return (
        line.text.startswith(rank)
        and len(line.text) > len(rank)
        and line.reason in (None, "navigation", "related-links")
        and not line.structure
        and not _STATEMENT.search(line.text[-4:])
        and 0 < line.words <= RANK_ITEM_WORDS
    )


def mark_ranked_lists(lines: list[cf.Line]) -> None:
    """Boxes of ranked headlines go as related links before the article is chosen: a run of RANK_MIN or
    more items numbered from 1 when most of them glue the rank to the headline, or when another such run
    starts right after it (boxes of a portal's rankings side by side)."""
    runs = _rank_runs(lines)
    for k, (lo, hi) in enumerate(runs):
        glued = sum(1 for line in lines[lo:hi] if _GLUED.match(line.text))
        restarts = (k + 1 < len(runs) and runs[k + 1][0] == hi) or (k > 0 and runs[k - 1][1] == lo)
        if restarts or 2 * glued > hi - lo:
            for line in lines[lo:hi]:
                if line.reason is None:
                    line.reason = "related-links"


DATED_LIST = 3  # adjacent stamped lines that make a list of dated headlines


def mark_dated_lists(lines: list[cf.Line]) -> None:
    """Three or more adjacent lines each a headline with its time or its date (a rolling-news box, a list
    of latest posts, related stories each closing with the day) are a list of other pages: no post
    header stands right under another, a post's text separates them. They go as related links before
    the article is chosen."""
    run: list[cf.Line] = []
    for line in [*lines, None]:
        if line is not None and line.reason is None and not line.ends_sentence and _dated(line):
            run.append(line)
            continue
        if len(run) >= DATED_LIST:
            for item in run:
                item.reason = "related-links"
        run = []


# A headline closing with the day it was posted (`…新片开拍2024-04-24`, `… 2024/4/24`): a list's item.
_DATE_AFTER = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\)?$")
DATED_HEADLINE_WORDS = (6, 60)  # words before the date: a headline's, not a date alone or a paragraph


def _dated(line: cf.Line) -> bool:
    """A time-stamped line, or a headline that closes with its date."""
    if cf.is_stamp_line(line):
        return True
    if not line.text[-1:].isdigit() and not line.text.endswith(("日", ")")):
        return False
    m = _DATE_AFTER.search(line.text[-16:])
    if m is None:
        return False
    head = line.text[: len(line.text) - len(m.group())].rstrip(" (（")
    return DATED_HEADLINE_WORDS[0] <= cf.word_count(head) <= DATED_HEADLINE_WORDS[1] and not head.endswith("。")


# A date alone on its line, in figures, with at most a clock time and a count after it: the stamp of one
# record in a feed of other posts (`05-23 821`: the day and the views; `2024-2-23`; `5-16`). An article's
# own dates are written in its sentences or with words around them (`发布时间：…`, `2024年5月1日 星期三`).
_RECORD_STAMP = re.compile(
    r"^(?:(?:19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\d[\d.,]*[万千kKwW]?\+?)?$"
)
# ASCII figures only: a feed prints its stamps as a program writes them; full-width figures (０５-２３) are
# typed by a writer, and a line of them is left to the rules for dates.
_FIGURES = frozenset("0123456789")
RECORD_STAMPS = 4  # stamps in a row, each within RECORD_GAP lines of the last, that make a feed
RECORD_GAP = 6  # lines from one stamp to the next: a record is a headline, a name, a stamp, a summary
RECORD_HEAD_WORDS = 40
RECORD_STRONG = 2  # gaps between stamps that show a record's shape on their own, in a feed
RECORD_HEAD_LINES = 2  # short lines between two stamps of a record without links or counts: headline, writer
_COUNTED = re.compile(r"\d\s+\d[\d.,]*[万千kKwW]?\+?$")  # a stamp's day followed by a count of views


def _record_stamp(line: cf.Line) -> bool:
    return line.words <= 20 and not line.clause_punct and _RECORD_STAMP.match(line.text) is not None


def mark_record_feeds(lines: list[cf.Line]) -> None:
    """A feed of other posts laid out as records (a headline, its writer, a stamp of bare figures, a
    summary) repeats the stamp every few lines: four or more stamps, each within RECORD_GAP lines of the
    one before, with a headline and at most one paragraph between each two, make the stretch from the
    first record's head to the last record's end a list of other pages, when RECORD_STRONG of the gaps
    show a record's shape on their own (`_record`). A diary or a chronicle whose entries are dated alone on
    a line writes one line at most above each entry (the weather, the event), and is left to the other
    rules; so is the office and date that sign a text (`_mark_records`). The records' heads and tails
    reach as far before the first stamp and after the last as the typical stamp-to-stamp distance, never
    past a second paragraph."""
    # Most lines open with no figure: they are passed over without a call.
    stamps = [i for i, line in enumerate(lines) if line.text[:1] in _FIGURES and _record_stamp(line)]
    k = 0
    while k < len(stamps):
        j = k
        strong = 0
        while j + 1 < len(stamps) and (shape := _record(lines, stamps[j], stamps[j + 1])):
            strong += shape == 2
            j += 1
        if j - k + 1 >= RECORD_STAMPS and strong >= RECORD_STRONG:
            _mark_records(lines, stamps[k : j + 1])
        k = j + 1


def _record(lines: list[cf.Line], a: int, b: int) -> int:
    """Whether the lines between two stamps are one record's: within RECORD_GAP lines, a headline (a short
    line with no clause mark) and at most one paragraph (1); 2 when they show a record's shape on their own:
    a headline and its writer (two short lines), a linked line or a count after the stamp (`05-23 821`).
    One short line alone (a diary's weather, a chronicle's event) is no record unless the feed around it
    shows the shape (RECORD_STRONG)."""
    if b - a > RECORD_GAP:
        return 0
    between = lines[a + 1 : b]
    prose = sum(1 for line in between if _main_prose(line))
    heads = sum(1 for line in between if _record_head(line))
    if prose > 1 or not heads:
        return 0
    evidence = any(line.link_chars for line in between) or _COUNTED.search(lines[b].text) is not None
    return 2 if heads >= RECORD_HEAD_LINES or evidence else 1


def _record_head(line: cf.Line) -> bool:
    return 0 < line.words <= RECORD_HEAD_WORDS and not line.clause_punct and not line.structure


def _mark_records(lines: list[cf.Line], stamps: list[int]) -> None:
    """Mark the records around `stamps`. A record's head is the run of headline lines right above its
    stamp (the head of the second record shows how long); its tail is the rest of the distance to the
    next stamp. The first record's head and the last record's tail are taken to that measure."""
    head = 0
    while head < stamps[1] - stamps[0] - 1 and _record_head(lines[stamps[1] - 1 - head]):
        head += 1
    gaps = sorted(b - a for a, b in itertools.pairwise(stamps))
    tail = gaps[len(gaps) // 2] - 1 - head
    lo, hi = stamps[0], stamps[-1] + 1
    while lo > 0 and stamps[0] - lo < head and _record_head(lines[lo - 1]):
        lo -= 1
    prose = 0
    while hi < len(lines) and hi - stamps[-1] <= tail and not _record_stamp(lines[hi]):
        if any(cs.is_sign_date(line.text) for line in lines[hi : hi + 2]):
            break  # the office and the date that sign the text close it: they are no record's tail
        prose += _main_prose(lines[hi])
        if prose > 1:
            break
        hi += 1
    for line in lines[lo:hi]:
        if line.reason is None:
            line.reason = "related-links"


def _main_prose(line: cf.Line) -> bool:
    """A finished paragraph: a record of a feed holds one at most (its summary)."""
    return line.clause_punct >= 2 and line.ends_sentence and line.words >= 20
