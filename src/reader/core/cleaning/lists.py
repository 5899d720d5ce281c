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

import re

from reader.core.cleaning import features as cf

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
