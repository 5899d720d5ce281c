"""Page furniture: running heads, running footers and page numbers, found by where they are and how often.

Only rows at a page's top or bottom edge are candidates, read from the edge inwards and stopping at the
first row that is not furniture, so a line of prose is never removed for its words. A candidate is a page
number when it has a page-number form (`— 3 —`, `- 3 -`, `第 3 页 共 10 页`, `3/10`, `Page 3`); a bare number
or roman numeral also needs the numbers to follow the pages (number − page index the same on most pages).
A bare number on the top row with the page's running head right below it is the page number printed in
the head's corner when it is the page's own place in the file, though no other page shows one.
It is a running head or footer when the same text, digits ignored, stands at the same height on many pages
whose text differs: pages printed twice (a form, a notice copied into one file) repeat every line, and
repetition among copies says nothing about furniture.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from reader.formats import page_numbers
from reader.formats.pdf.model import Fragment, PageBox, pitch

EDGE_ROWS = 3
"""Rows examined from each edge: a head, a rule of small print and a number at most."""
REPEAT_SHARE = 0.3
"""Share of pages a running head must appear on (alternating odd/even heads appear on half)."""

_DASH = page_numbers.DASH
_STRONG = page_numbers.STRONG
_NOTE_FIGURE = re.compile("[\u2460-\u24ff\u00b9\u00b2\u00b3\u2070-\u2079]")
"""A circled or raised figure (①, ¹) is a note's mark, however NFKC reads it (as 1)."""
_BARE = re.compile(r"^(?:(?P<n>\d{1,4})|(?P<r>[ivxlc]{1,7}))$", re.I)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_LOOSE_DASHES = re.compile(rf"^(?:{_DASH}|\s)+|(?:{_DASH}|\s)+$")


@dataclass(frozen=True)
class Row:
    """Fragments of one page sharing a baseline, left to right."""

    fragments: tuple[Fragment, ...]

    @property
    def top(self) -> float:
        return min(f.top for f in self.fragments)

    @property
    def bottom(self) -> float:
        return max(f.bottom for f in self.fragments)


def rows(fragments: tuple[Fragment, ...] | list[Fragment]) -> list[Row]:
    """Fragments grouped by baseline (bottoms within 0.4 em), top to bottom."""
    out: list[list[Fragment]] = []
    for fragment in sorted(fragments, key=lambda f: (f.bottom, f.x0)):
        if out and abs(fragment.bottom - out[-1][0].bottom) < 0.4 * max(fragment.size, out[-1][0].size, 1.0):
            out[-1].append(fragment)
        else:
            out.append([fragment])
    return [Row(tuple(sorted(group, key=lambda f: f.x0))) for group in out]


def _key(text: str) -> str:
    """Text compared across pages: width-folded, digits as #, no spaces (so `第 3 页` matches `第 12 页`)."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", folded))


def _roman(text: str) -> int | None:
    values = [_ROMAN.get(ch) for ch in text.lower()]
    if None in values:
        return None
    total = 0
    for i, value in enumerate(values):
        assert value is not None
        following = values[i + 1] if i + 1 < len(values) else None
        total += -value if following is not None and following > value else value
    return total


@dataclass(frozen=True)
class _Candidate:
    page: int
    band: str  # "top" or "bottom"
    fragment: Fragment
    key: str
    y: float  # distance from the band's edge
    row: int = 0  # 0 for the row nearest the edge
    ocr: bool = False  # read from a scan: its text may differ by a misread character from page to page
    pieces: int = 1  # pieces of its row: a footer's text and number are two, a table's row has more


def find(pages: tuple[PageBox, ...]) -> dict[tuple[int, Fragment], str]:
    """Furniture fragments of each page, keyed by (page index, fragment), with their reason."""
    candidates: list[_Candidate] = []
    for page in pages:
        page_rows = rows(page.fragments)
        for band, edge in (("top", page_rows[:EDGE_ROWS]), ("bottom", page_rows[::-1][:EDGE_ROWS])):
            for depth, row in enumerate(edge):
                for fragment in row.fragments:
                    y = fragment.top if band == "top" else page.height - fragment.bottom
                    key = _key(fragment.text)
                    pieces = len(row.fragments)
                    candidates.append(_Candidate(page.index, band, fragment, key, y, depth, page.ocr, pieces))
    repeated = _repeated(candidates, len(pages), _page_texts(pages))
    repeated |= _alternating(candidates, repeated)
    if len(pages) == 1:
        repeated |= _lone_head(pages[0])
    elif len(pages) <= LONE_HEAD_PAGES:
        for page in pages[1:]:  # the first page carries the title where the others carry the head
            repeated |= _lone_head(page, spanning_only=True)
        repeated |= _paired_heads(pages)
    repeated |= _title_heads(pages)
    numbers = _numbers(candidates, len(pages))
    numbers |= _over_heads(candidates, repeated)
    found: dict[tuple[int, Fragment], str] = {}
    for page in pages:
        page_rows = rows(page.fragments)
        for band, edge in (("top", page_rows), ("bottom", page_rows[::-1])):
            for row in edge[:EDGE_ROWS]:
                reasons = {}
                for fragment in row.fragments:
                    if (page.index, fragment) in numbers:
                        reasons[fragment] = "page-number"
                    elif (page.index, band, fragment) in repeated:
                        reasons[fragment] = "page-header" if band == "top" else "page-footer"
                if not reasons:
                    break
                found.update({(page.index, fragment): reason for fragment, reason in reasons.items()})
                if len(reasons) < len(row.fragments):
                    break
    return found


def _page_texts(pages: tuple[PageBox, ...]) -> dict[int, str]:
    """Each page's whole text as compared across pages (digits ignored): equal for copies of one page."""
    return {
        page.index: "\n".join(_key(f.text) for f in sorted(page.fragments, key=lambda f: (f.top, f.x0)))
        for page in pages
    }


def _repeated(candidates: list[_Candidate], page_count: int, texts: dict[int, str]) -> set[tuple[int, str, Fragment]]:
    """Candidates whose text (digits ignored) stands at about the same height on enough pages, counted as
    different pages only when their texts differ (copies of one page count once)."""
    if page_count < 2:
        return set()
    need = max(2, math.ceil(REPEAT_SHARE * page_count))
    by_key: dict[tuple[str, str], list[_Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.key.strip("#"):
            by_key[(candidate.band, candidate.key)].append(candidate)
    out: set[tuple[int, str, Fragment]] = set()
    for group in by_key.values():
        for candidate in group:
            tolerance = max(4.0, candidate.fragment.size)
            pages = {texts[other.page] for other in group if abs(other.y - candidate.y) <= tolerance}
            if len(pages) >= need:
                out.add((candidate.page, candidate.band, candidate.fragment))
    scanned = [c for c in candidates if c.ocr and OCR_SIMILAR_MIN <= len(c.key.strip("#")) <= OCR_SIMILAR_MAX]
    for candidate in scanned:
        if (candidate.page, candidate.band, candidate.fragment) in out:
            continue
        tolerance = max(4.0, candidate.fragment.size)
        pages = {
            texts[other.page]
            for other in scanned
            if other.band == candidate.band
            and abs(other.y - candidate.y) <= tolerance
            and _similar(other.key, candidate.key)
        }
        if len(pages) >= need:
            out.add((candidate.page, candidate.band, candidate.fragment))
    return out


OCR_SIMILAR_MIN = 4
"""Characters a scanned line needs for its text to be compared loosely (a short one must match exactly)."""
OCR_SIMILAR_MAX = 30
"""Longer than this is a line of text (a full line holds 35 to 45 characters), never compared loosely:
the lines of one text share many character pairs, and a loose match must not take prose for a heading."""
OCR_SIMILAR = 0.8
"""Share of character pairs two scanned lines must share to be the same running head read twice."""


def _similar(a: str, b: str) -> bool:
    """The same text read twice by OCR: most character pairs shared (a misread or dropped character costs
    two pairs of the dozen a running head has)."""
    if a == b:
        return True
    pa = Counter(a[i : i + 2] for i in range(len(a) - 1))
    pb = Counter(b[i : i + 2] for i in range(len(b) - 1))
    shared = sum((pa & pb).values())
    return 2 * shared >= OCR_SIMILAR * (sum(pa.values()) + sum(pb.values()))


ALTERNATE_MAX_CHARS = 40
"""Longer than this at a page's edge is a line of text, not a running head."""


def _alternating(
    candidates: list[_Candidate], repeated: set[tuple[int, str, Fragment]]
) -> set[tuple[int, str, Fragment]]:
    """Running heads that alternate between odd and even pages (a report's title on one side, its issuing
    body or chapter on the other): too few pages carry each text for repetition to show it, so on a page
    without a running head in that band, the outermost line set at the same height and in the same size
    as the running heads found on the other pages is one too. A page's first line of text is set in the
    body's size and further in from the edge, so it is not taken."""
    found = [c for c in candidates if (c.page, c.band, c.fragment) in repeated]
    if not found:
        return set()
    has_head = {(c.page, c.band) for c in found}
    # Rows between a line and the edge that hold something other than a number: a page number printed in
    # the corner beyond the head (`2` above `资料汇编 · 内部参考`) does not make the head a page's second line.
    worded = {(c.page, c.band, c.row) for c in candidates if _number_value(c.fragment.text) is None}
    out: set[tuple[int, str, Fragment]] = set()
    for candidate in candidates:
        fragment = candidate.fragment
        if (candidate.page, candidate.band) in has_head:
            continue
        if any((candidate.page, candidate.band, row) in worded for row in range(candidate.row)):
            continue
        if candidate.row and _number_value(fragment.text) is not None:
            continue
        if len(fragment.text) > ALTERNATE_MAX_CHARS or not candidate.key.strip("#"):
            continue
        tolerance = max(4.0, fragment.size)
        if any(
            head.band == candidate.band
            and abs(head.y - candidate.y) <= tolerance
            and _same_print(head.fragment, fragment)
            for head in found
        ):
            out.add((candidate.page, candidate.band, fragment))
    return out


LONE_HEAD_PAGES = 2
"""Documents this short are read for a head page by page: with two pages, a head printed from the second
page on stands on one page only."""
LONE_HEAD_TOP = 0.1
"""A one-page document's running head stands within this share of the page's height from its top."""
LONE_HEAD_PRINT = 0.88
"""...and is set at most this share of the body's size (by size and, where it can be told, by pitch)."""


def _lone_head(page: PageBox, *, spanning_only: bool = False) -> set[tuple[int, str, Fragment]]:
    """The running head of a page no repetition can show it on (a one-page document; the second page of
    two, whose first carries the title instead): a short line on the page's top row, near the top edge, in
    print clearly smaller than the body's, with at least a line's height of paper between it and the text.
    A title is set larger, and the first line of text in the body's size, so neither is taken. A head in
    pieces (`报告名称` at the left margin, `2025年第4期` at the right) runs from margin to margin; on the
    second page of two only such a head is taken, since a small caption opening that page (`表2 …` above
    its table) is alone on its row or stops short of the right margin."""
    page_rows = rows(page.fragments)
    if len(page_rows) < 4:
        return set()
    head = page_rows[0].fragments
    others = [f for row in page_rows[1:] for f in row.fragments]
    if len(head) > 1 or spanning_only:
        left, right = min(f.x0 for f in others), max(f.x1 for f in others)
        em = statistics.median(f.size for f in others)
        spans = len(head) > 1 and head[0].x0 - left < 2 * em and right - head[-1].x1 < 2 * em
        if not spans:
            return set()
    size = statistics.median(f.size for f in others)
    pitches = [p for f in others if (p := pitch(f))]
    height = statistics.median(f.bottom - f.top for f in others)
    if sum(len(f.text) for f in head) > ALTERNATE_MAX_CHARS or page_rows[0].top > LONE_HEAD_TOP * page.height:
        return set()
    if any(f.size > LONE_HEAD_PRINT * size for f in head):
        return set()
    if pitches and any((own := pitch(f)) and own > LONE_HEAD_PRINT * statistics.median(pitches) for f in head):
        return set()
    if page_rows[1].top - page_rows[0].bottom < height:
        return set()
    return {(page.index, "top", f) for f in head}


def _paired_heads(pages: tuple[PageBox, ...]) -> set[tuple[int, str, Fragment]]:
    """Running heads of a short document whose pages each carry a different one (the report's title on the
    right-hand page, its series on the left-hand one): no text repeats, but every page opens with a lone
    head (`_lone_head`), all at the same height and in the same print. A first page that opens with its
    title instead has no such line, and nothing is taken."""
    heads = [_lone_head(page) for page in pages]
    if not all(heads):
        return set()
    firsts = [min(head, key=lambda h: h[2].x0)[2] for head in heads]
    same = all(abs(f.top - firsts[0].top) <= max(4.0, f.size) and _same_print(f, firsts[0]) for f in firsts[1:])
    return set().union(*heads) if same else set()


TITLE_PRINT = 1.2
"""The first page's title is set at least this much larger than the page's usual print."""


def _title_heads(pages: tuple[PageBox, ...]) -> set[tuple[int, str, Fragment]]:
    """Running heads that repeat the document's title: the top row of a later page, near its top edge, in
    print smaller than the title on the first page, with a piece reading as that title. A head repeated on
    many pages is found by repetition; this finds it where it stands on few (a short report)."""
    if len(pages) < 2 or not pages[0].fragments:
        return set()
    first = pages[0].fragments
    title = max(first, key=lambda f: f.size)
    key = _key(title.text)
    if len(key) < 4 or title.size < TITLE_PRINT * statistics.median(f.size for f in first):
        return set()
    out: set[tuple[int, str, Fragment]] = set()
    for page in pages[1:]:
        page_rows = rows(page.fragments)
        if not page_rows:
            continue
        top = page_rows[0]
        if top.top > LONE_HEAD_TOP * page.height or sum(len(f.text) for f in top.fragments) > ALTERNATE_MAX_CHARS:
            continue
        if any(f.size >= title.size for f in top.fragments) or not any(_key(f.text) == key for f in top.fragments):
            continue
        rest = [f for row in page_rows[1:] for f in row.fragments]
        if rest and any(f.size > LONE_HEAD_PRINT * statistics.median(g.size for g in rest) for f in top.fragments):
            continue  # set as large as the text or larger: the title repeated as a heading, not a head
        out |= {(page.index, "top", f) for f in top.fragments}
    return out


def _same_print(a: Fragment, b: Fragment) -> bool:
    """Set in the same size, by size or by character pitch: on a scan either can mislead (sizes are
    guessed from line-box heights, which brackets and descenders stretch; a character OCR drops widens
    the pitch), but a line of body text differs from a running head in both."""
    pa, pb = pitch(a), pitch(b)
    if pa and pb and abs(pa - pb) <= 0.15 * max(pa, pb):
        return True
    return abs(a.size - b.size) <= 0.15 * max(a.size, b.size)


def _numbers(candidates: list[_Candidate], page_count: int) -> set[tuple[int, Fragment]]:
    """Page numbers: strong forms as they are; bare numbers when they follow the page order.

    A bare number may keep part of its dashes ("1-", "— 2"): a scan's OCR drops or misreads them. The
    strong forms' numbers count towards the page order too, so a number whose dashes were lost on one
    page is known by the pages that kept them."""
    out: set[tuple[int, Fragment]] = set()
    bare: list[tuple[_Candidate, int]] = []
    numbered: list[tuple[_Candidate, int]] = []  # every candidate with a number, strong or bare
    for candidate in candidates:
        text = unicodedata.normalize("NFKC", candidate.fragment.text).strip()
        strong = _STRONG.match(text)
        if strong:
            out.add((candidate.page, candidate.fragment))
            digits = next((g for g in strong.groups() if g and g.isdigit()), None)
            if digits:
                numbered.append((candidate, int(digits)))
            continue
        match = _BARE.match(_LOOSE_DASHES.sub("", text))
        if match and not _NOTE_FIGURE.search(candidate.fragment.text):
            value = int(match["n"]) if match["n"] else _roman(match["r"])
            if value is not None:
                bare.append((candidate, value))
                numbered.append((candidate, value))
    pages = {candidate.page for candidate, _ in numbered}
    shifts = Counter((c.band, value - c.page) for c, value in numbered)
    for candidate, value in bare:
        agreeing = shifts[(candidate.band, value - candidate.page)]
        # A one-page document's bare number counts alone on its row: in a table's last row it is a cell (a
        # total, 合计 23), and losing it would lose data; a footer's number beside its text stays text.
        alone_on_one_page = page_count == 1 and candidate.pieces == 1
        if (agreeing >= 2 and agreeing >= 0.5 * len(pages)) or alone_on_one_page or _own_ordinal(candidate, value):
            out.add((candidate.page, candidate.fragment))
    return out


def _number_value(text: str) -> int | None:
    """The number a page-number-shaped text shows (any strong form, or a bare number or roman numeral
    with or without its dashes; 0 for a page written in Chinese numerals, 第三页), else None."""
    text = unicodedata.normalize("NFKC", text).strip()
    strong = _STRONG.match(text)
    if strong:
        digits = next((g for g in strong.groups() if g and g.isdigit()), None)
        return int(digits) if digits else 0
    match = _BARE.match(_LOOSE_DASHES.sub("", text))
    if not match:
        return None
    return int(match["n"]) if match["n"] else _roman(match["r"])


def _over_heads(candidates: list[_Candidate], heads: set[tuple[int, str, Fragment]]) -> set[tuple[int, Fragment]]:
    """A bare number on a page's top row, above that page's running head, that is the page's own place in
    the file: a page number printed in the head's corner, even where OCR missed it on every other page (a
    small digit in a scan's corner is often lost). Nothing of the text stands above a running head, so a
    section's number opening a page is never taken for it."""
    under = {(c.page, c.band) for c in candidates if c.row == 1 and (c.page, c.band, c.fragment) in heads}
    return {
        (c.page, c.fragment)
        for c in candidates
        if c.band == "top"
        and c.row == 0
        and (c.page, "top") in under
        and len(c.fragment.text.strip()) <= 8
        and _number_value(c.fragment.text) == c.page + 1
    }


def _own_ordinal(candidate: _Candidate, value: int) -> bool:
    """A bare number on a page's last row that is the page's own place in the file: a page number even
    where no other page shows one (OCR misses faint or stamped numbers on most pages of a scan). Not at
    the top, where a section's bare number can open a page."""
    return (
        candidate.band == "bottom"
        and candidate.row == 0
        and value == candidate.page + 1
        and len(candidate.fragment.text.strip()) <= 8
    )
