"""Brackets on scanned pages in one form: the full-width one Chinese text is printed with.

The OCR recogniser tells `(` from `（` by the glyph's width alone, and a bracket printed full-width with
little side bearing reads as the ASCII one, so one scan gives `(一)`, `(二）` and `（三）` for markers
printed alike, and a search for `（二）` misses two of them. A bracket pair on an OCR page with a CJK
character inside it or next to it is set full-width; pairs in Latin text (`(GDP 2.1)` in an English
sentence) are left as read. Text layers are left alone: their brackets are the ones the author typed.
"""

from __future__ import annotations

import dataclasses
import re

from reader.formats.pdf.model import Layout

PAIR_MAX = 30
"""Longest text between two brackets taken as one pair."""

_PAIR = re.compile(r"[(（]([^()（）]{0," + str(PAIR_MAX) + r"})[)）]")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60\U00020000-\U0003ffff]")


def full_width(text: str) -> str:
    """`text` with each bracket pair that has a CJK character inside or beside it set full-width."""
    if "(" not in text and ")" not in text:
        return text

    def fix(match: re.Match[str]) -> str:
        pair = match.group()
        if "(" not in pair and ")" not in pair:
            return pair
        start, end = match.span()
        beside = text[start - 1 : start] + text[end : end + 1]
        if _CJK.search(match.group(1)) or _CJK.search(beside):
            return f"（{match.group(1)}）"
        return pair

    return _PAIR.sub(fix, text)


def for_scans(layout: Layout) -> Layout:
    """The layout with the brackets of its OCR pages set by `full_width`; the same layout when no OCR page
    has an ASCII bracket."""
    if not any(page.ocr and any("(" in f.text or ")" in f.text for f in page.fragments) for page in layout.pages):
        return layout
    pages = tuple(
        dataclasses.replace(
            page,
            fragments=tuple(dataclasses.replace(f, text=full_width(f.text)) for f in page.fragments),
        )
        if page.ocr
        else page
        for page in layout.pages
    )
    return Layout(pages)
