"""Prose written a clause a line: blocks of unpunctuated lines that are the writer's text, not a menu.

A personal blog often sets a post with spaces and line breaks where punctuation would stand. Line by line
such text looks like a list of headlines; as a block it is told by how often its lines pause with a space
between ideographs, how long they are, and how few end a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.cleaning import features as cf

# `label：value`: a field's short label before a colon (`地址：…`, `发文机关：…`).
FIELD_LABEL = re.compile(r"(?:^|\s)[^\s：:，,。；;]{1,6}[：:]")
SPACED_RUN = 6  # consecutive lines of clause-sized text that make a block written without punctuation ...
SPACED_GAP_SHARE = 0.4  # ... when this share of them pause with a space between two ideographs ...
SPACED_MEAN_WORDS = 16.0  # ... their mean length is a clause's ...
SPACED_GAP_SHARE_MARKED = 0.2  # the same two, on a page whose markup shows its links
SPACED_MEAN_WORDS_MARKED = 12.0
SPACED_FINISHED_SHARE = 0.5  # ... and fewer than this share end a sentence (else they are ordinary prose)
SPACED_WEIGHT = 0.5  # a clause without marks carries half the evidence of punctuated prose
SPACED_LINE_WORDS = (6, 60)  # a clause on a line of its own: longer is a paragraph or headlines run together
# `headline_site`, `headline | column`, `headline - site`: a title and the name of where it is posted (a
# hyphen; the writer's dash — is punctuation of prose).
_TITLE_SEPARATOR = re.compile(r"\w\s*[_|｜]\s*\w|[\u3400-\u9fff]\s*[-–]\s*[\u3400-\u9fff]")
_SPACE_PAUSE = re.compile(r"[\u3400-\u9fff][\"”」』）)!！?？~～.]* [\"“「『（(]?[\u3400-\u9fff]")


def _clause_sized(line: cf.Line) -> bool:
    """A line that could be a clause of the writer's: no flag, no link, no chrome container, a clause's
    length, not a headline with its site's name after a separator, not a field (`地址：…`)."""
    return (
        line.reason is None
        and not line.link_chars
        and not (line.chrome and not line.content_hint)
        and SPACED_LINE_WORDS[0] <= line.words <= SPACED_LINE_WORDS[1]
        and not line.structure
        and not _TITLE_SEPARATOR.search(line.text)
        and not FIELD_LABEL.search(line.text)
    )


def _short_clause(line: cf.Line) -> bool:
    """A clause too short to count (今年4月, 我们的利益) that a block written a clause a line holds between
    longer ones: it neither breaks the block nor counts toward its shape."""
    return line.reason is None and not line.link_chars and 2 <= line.words < SPACED_LINE_WORDS[0] and not line.structure


def spaced_blocks(lines: Sequence[cf.Line]) -> list[bool]:
    """Lines of prose written with spaces and line breaks where punctuation would stand (a personal
    blog's verse-like layout, a clause a line, common on Taiwanese and forum pages): long runs of
    unlinked clause-sized lines, two in five or more of them pausing with a space between two ideographs,
    that mostly end no sentence. Judged on the block, never the line: one such line is as likely a
    headline, and a list of headlines is short, rarely pauses inside an item, and is linked on a page."""
    out = [False] * len(lines)
    # With markup, a list of headlines shows its links and is out already: an unlinked block then needs
    # less of the shape to be read as clauses.
    marked = any(line.link_chars for line in lines)
    gap_share, mean_words = (
        (SPACED_GAP_SHARE_MARKED, SPACED_MEAN_WORDS_MARKED) if marked else (SPACED_GAP_SHARE, SPACED_MEAN_WORDS)
    )
    sized = [_clause_sized(line) for line in lines]  # asked up to three times a line below: once is enough
    i = 0
    while i < len(lines):
        if not sized[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and (sized[j] or (_short_clause(lines[j]) and j + 1 < len(lines) and sized[j + 1])):
            j += 1
        block = [line for k, line in enumerate(lines[i:j], i) if sized[k]]
        if (
            len(block) >= SPACED_RUN
            and sum(1 for line in block if _SPACE_PAUSE.search(line.text)) >= gap_share * len(block)
            and sum(line.words for line in block) >= mean_words * len(block)
            and sum(1 for line in block if line.ends_sentence) < SPACED_FINISHED_SHARE * len(block)
        ):
            out[i:j] = [True] * (j - i)
        i = j
    return out
