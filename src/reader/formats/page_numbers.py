"""The forms a printed page number takes in Chinese documents (`— 3 —`, `- 3 -`, `第 3 页 共 10 页`, `3/10`,
`Page 3`): one pattern for every format that may carry the printed pages' numbers into its text (a PDF's
page furniture; an e-book or a Word file converted from print, where the number stands as a paragraph)."""

from __future__ import annotations

import re
import unicodedata

DASH = r"[—–\-－~～―]"
STRAY = r"[.·。，,、'’`]?"
"""One mark OCR may read from a speck beside a figure (`第2.页共6页`); the words around keep the form sure."""
STRONG = re.compile(
    rf"""^(?:
      {DASH}{{1,3}}\s*(?P<a>\d{{1,4}})\s*{DASH}{{1,3}}
    | (?:共\s*\d{{1,4}}\s*{STRAY}\s*[页頁]\s*[，,]?\s*)?
        第\s*{STRAY}\s*(?P<b>\d{{1,4}}|[一二三四五六七八九十百零〇]+)\s*{STRAY}\s*[页頁]
        (?:\s*[，,/.]?\s*共\s*{STRAY}\s*\d{{1,4}}\s*{STRAY}\s*[页頁])?
    | (?P<c>\d{{1,4}})\s*/\s*\d{{1,4}}
    | (?:page|p\.)\s*(?P<d>\d{{1,4}})(?:\s*(?:of|/)\s*\d{{1,4}})?
    )$""",
    re.X | re.I,
)
"""A page number in one of its printed forms; group a, b, c or d holds the number."""


def is_page_number(text: str, *, fractions: bool = True) -> bool:
    """Whether `text`, alone on its line, is a printed page number in one of its unmistakable forms (a
    bare number is not one: alone it may be a table's cell or a list's figure). `fractions=False` leaves
    out `3/10`, which alone in running text may be a date (2026/3) or a fraction."""
    match = STRONG.match(unicodedata.normalize("NFKC", text).strip())
    return match is not None and (fractions or match["c"] is None)
