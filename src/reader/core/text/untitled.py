"""A title for a document that prints none: neither the cleaner nor the importer found one.

The first line of the text is a title when it is short. A long one is a paragraph (an untitled scan, a
plain-text note that starts with its prose), and eighty characters of it cut mid-clause read as a broken
heading in the list and above the text. Then the file's name when it holds Chinese words: reports travel as
`关于……的通知.pdf`, named by a person, while Latin-only names are mostly made by scanners and browsers
(`scan0012`, `download (3)`). Then the first sentence, when it is short; else the paragraph's opening
clauses, cut at a clause mark and marked as cut.
"""

from __future__ import annotations

import re
from pathlib import Path

TITLE_MAX = 40
"""Longer than this is a paragraph, not a title (headings of Chinese reports run to about 30 characters)."""

_SENTENCE = re.compile(r"^.+?[。！？!?](?=\s|$|[^」』”’）)])")
_CLAUSE_MARKS = "，、；：,;:"
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


def fallback_title(filename: str, text: str) -> str:
    """The title shown for a document whose own title was not found."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    stem = Path(filename).stem
    if not first:
        return stem
    if len(first) <= TITLE_MAX:
        return first
    if len(_HAN.findall(stem)) >= 2:
        return stem
    sentence = _SENTENCE.match(first)
    if sentence and len(sentence.group(0)) <= TITLE_MAX:
        return sentence.group(0)
    return _opening(first)


def _opening(paragraph: str) -> str:
    """The paragraph's opening up to its last clause mark within `TITLE_MAX`, marked as cut."""
    head = paragraph[:TITLE_MAX]
    cut = max(head.rfind(mark) for mark in _CLAUSE_MARKS)
    if cut >= TITLE_MAX // 3:
        head = head[:cut]
    return head.rstrip(_CLAUSE_MARKS + " ") + "…"
