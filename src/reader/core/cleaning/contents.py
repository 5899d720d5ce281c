"""A table of contents that is the page: a long list of chapters numbered in sequence.

The index page of a serial (a novel, a manual, a course) is a list of linked chapter titles under a
blurb. Every other clue says menu: the lines are short, unpunctuated and linked. What no menu has is
numbering that runs without a gap over dozens of items (`1.第1章 …`, `2.第2章 …`, or `第1章 …`,
`第2章 …`), and on such a page the list outweighs any prose. Then the list is the document, and
its links are the contents' own, not evidence of furniture. A short numbered list (a ranking of ten
headlines) or a chapter list beside a chapter's text (a sidebar) stays furniture.
"""

from __future__ import annotations

import itertools
import re

from reader.core.cleaning import features as cf

# The ordinal an item opens with: `12.`/`12、`, maybe before `第12章`, or `第12章` (节 回 卷 篇 集) alone, maybe
# after its number run into it (`12第12章`).
_ORDINAL = re.compile(r"^(?:(\d{1,5})\s*[.、．]\s*|\d{1,5}(?=第))?(?:第\s*(\d{1,5})\s*[章节節回卷篇集])?")
CONTENTS_MIN = 30  # items numbered in order that make a table of contents, not a ranked list
CONTENTS_ITEM_WORDS = 40  # a chapter title; longer is a paragraph
CONTENTS_STEP = 20  # a serial's index skips numbers (chapters withdrawn, renumbered), never runs backwards
CONTENTS_IN_ORDER = 0.9  # share of steps from one number to the next that rise (a few are misprints)
CONTENTS_UNNUMBERED = 2  # items in a row whose number is misprinted (弟12章, 12第12章) that a list carries
# Reasons a chapter title may have been given for its links or its shortness; any other flag breaks the list.
_LIST_REASONS = (None, "navigation", "related-links")


def _item(line: cf.Line) -> bool:
    return line.reason in _LIST_REASONS and 0 < line.words <= CONTENTS_ITEM_WORDS


def _ordinal(line: cf.Line) -> int | None:
    head = line.text[:1]
    if not (head.isdecimal() or head == "第"):
        return None  # every ordinal opens with a digit or 第: most lines are answered without the pattern
    m = _ORDINAL.match(line.text)
    if m is None or not (m.group(1) or m.group(2)):
        return None
    return int(m.group(2) or m.group(1))


def _blocks(lines: list[cf.Line]) -> list[tuple[int, int, list[int]]]:
    """Blocks of adjacent items, from a numbered item to a numbered item, with at most
    CONTENTS_UNNUMBERED items in a row whose number cannot be read; each with its numbers in order."""
    blocks: list[tuple[int, int, list[int]]] = []
    lo, last, numbers, gap = -1, -1, [], 0
    for i, line in enumerate([*lines, None]):
        item = line is not None and _item(line)
        n = _ordinal(line) if line is not None and item else None
        if n is not None:
            if lo < 0:
                lo = i
            last, gap = i, 0
            numbers.append(n)
            continue
        if item and lo >= 0 and gap < CONTENTS_UNNUMBERED:
            gap += 1
            continue
        if lo >= 0:
            blocks.append((lo, last + 1, numbers))
        lo, last, numbers, gap = -1, -1, [], 0
    return blocks


def _in_order(numbers: list[int]) -> bool:
    """Numbers that rise from item to item (by up to CONTENTS_STEP), but for a few misprints."""
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    rising = sum(1 for d in steps if 0 < d <= CONTENTS_STEP)
    return len(numbers) >= CONTENTS_MIN and rising >= CONTENTS_IN_ORDER * len(steps)


def keep_contents(lines: list[cf.Line]) -> None:
    """Give a table of contents back to the text: a list of CONTENTS_MIN or more items numbered in
    order, on a page where it holds more characters than all the prose outside it. Its items become
    report structure without link evidence, so the article grows over them from the blurb."""
    for lo, hi, numbers in _blocks(lines):
        if not _in_order(numbers):
            continue
        listed = sum(line.words for line in lines[lo:hi])
        prose = sum(
            line.words
            for i, line in enumerate(lines)
            if not lo <= i < hi and line.reason is None and line.clause_punct >= 2 and line.ends_sentence
        )
        if listed <= prose:
            continue
        for line in lines[lo:hi]:
            line.reason = None
            line.link_chars = 0
            line.structure = True
