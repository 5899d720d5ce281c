"""Which printed page an offset of the cleaned text falls on.

Paged formats (PDF) give the code-point offsets in the cleaned text at which each page begins
(`Derived.pages`); an annotation, a search hit or the reading position is cited by the page holding it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def page_of(offset: int, pages: Sequence[int]) -> int | None:
    """The 1-based page holding `offset`, or None for a document without pages.

    `pages` are ascending page starts; an offset before the first start (a title reflowed ahead of it)
    counts as page 1, and one past the text's end as the last page, so every offset has a page.
    """
    if not pages:
        return None
    return max(1, bisect.bisect_right(pages, offset))


def page_start(page: int, pages: Sequence[int]) -> int:
    """The offset at which 1-based `page` begins, clamped to the pages there are (0 without pages)."""
    if not pages:
        return 0
    return pages[min(max(page, 1), len(pages)) - 1]
