"""Approximate string matching for re-anchoring annotations: Myers' bit-parallel edit distance.

Why this module exists: when a document's text changes, an annotation's quote may survive only
approximately (a character corrected by an improved cleaner, a word re-converted between scripts).
Finding every place where the quote occurs with at most `k` edits is the classic approximate string
matching problem. Myers' algorithm (J. ACM 46(3), 1999, in Hyyrö's formulation) keeps one column of
the edit-distance matrix as bit vectors, so each text character costs a handful of integer operations
whatever the quote length. Python's unbounded ints serve as the bit vectors, so quotes of any length
need no blocking.

A pure-Python loop over 200,000 characters still costs a noticeable fraction of a second, so the
search first narrows the text with the pigeonhole principle: if the quote is cut into `k + 1` pieces,
any occurrence with at most `k` edits contains at least one piece unchanged, and `str.find` (C speed)
locates those pieces. Only short windows around them are scanned bit by bit.

Offsets are code points throughout: Python strings index code points, so characters outside the
Basic Multilingual Plane (𠗣) are one position each, like every other character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Pieces shorter than this match almost everywhere in Chinese text, making the filter useless.
_MIN_PIECE = 2
# Above this share of the text, scanning every character is cheaper than managing windows.
_MAX_WINDOW_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Match:
    """An approximate occurrence of a pattern: text[start:end] is within `errors` edits of it."""

    start: int
    end: int
    errors: int


def _masks(pattern: str) -> dict[str, int]:
    """Bit i of masks[c] is set when pattern[i] == c (Myers' `Peq` table)."""
    masks: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    return masks


def _scan_ends(masks: dict[str, int], m: int, text: str, lo: int, hi: int, k: int) -> list[tuple[int, int]]:
    """(end, distance) for every end in (lo, hi] where some substring ending there is within k edits.

    The top row of the matrix is zero (an occurrence may start anywhere), which is why no carry is
    shifted into the horizontal delta.
    """
    full = (1 << m) - 1
    high = 1 << (m - 1)
    pv = full
    mv = 0
    score = m
    out: list[tuple[int, int]] = []
    get = masks.get
    pos = lo
    for ch in text[lo:hi]:
        pos += 1
        eq = get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        if score <= k:
            out.append((pos, score))
    return out


def best_prefix_alignment(pattern: str, text: str, max_len: int | None = None) -> tuple[int, int]:
    """The length j (<= max_len) minimising edit_distance(pattern, text[:j]), and that distance.

    This answers "how well does the text *starting here* spell the pattern, allowing the match to
    end anywhere": used to find where an occurrence starts (run on reversed strings) and to compare
    a stored prefix or suffix with the text around a candidate. Ties go to the length closest to
    len(pattern), which keeps boundaries where the annotation had them. Returns (distance, length).
    """
    m = len(pattern)
    limit = len(text) if max_len is None else min(max_len, len(text))
    if m == 0:
        return 0, 0
    masks = _masks(pattern)
    full = (1 << m) - 1
    high = 1 << (m - 1)
    pv = full
    mv = 0
    score = m
    best = (m, 0)  # matching the empty prefix of the text costs m deletions
    best_gap = m
    get = masks.get
    for j, ch in enumerate(text[:limit], 1):
        eq = get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        # The top row grows by one per character: the occurrence must begin at text[0].
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        gap = abs(j - m)
        if score < best[0] or (score == best[0] and gap < best_gap):
            best = (score, j)
            best_gap = gap
    return best


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two whole strings, bit-parallel over the shorter one.

    The column step repeats the one in `best_prefix_alignment` on purpose: it is the innermost loop of
    re-anchoring, and a shared helper would add a Python call per character.
    """
    if len(a) > len(b):
        a, b = b, a
    m = len(a)
    if m == 0:
        return len(b)
    masks = _masks(a)
    full = (1 << m) - 1
    high = 1 << (m - 1)
    pv = full
    mv = 0
    score = m
    get = masks.get
    for ch in b:
        eq = get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
    return score


def _windows(pattern: str, text: str, k: int, lo: int, hi: int) -> list[tuple[int, int]] | None:
    """Merged text windows that can hold an occurrence with at most k edits, or None to scan all."""
    m = len(pattern)
    parts = k + 1
    if m // parts < _MIN_PIECE:
        return None
    budget = int((hi - lo) * _MAX_WINDOW_SHARE)
    raw: list[tuple[int, int]] = []
    span = m + 2 * k
    for i in range(parts):
        a = i * m // parts
        piece = pattern[a : (i + 1) * m // parts]
        pos = text.find(piece, lo, hi)
        while pos != -1:
            raw.append((max(lo, pos - a - k), min(hi, pos - a - k + span)))
            if len(raw) * span > 4 * budget + 4 * span:
                return None  # the pieces are common: the filter would not pay for itself
            pos = text.find(piece, pos + 1, hi)
    raw.sort()
    merged: list[tuple[int, int]] = []
    total = 0
    for a, b in raw:
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                total += b - merged[-1][1]
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
            total += b - a
    if total > budget:
        return None
    return merged


def _local_minima(ends: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The best ends of each run of consecutive ends (one approximate occurrence per run).

    Every end reaching the run's minimum is kept: "句子" against "句孑，" is one edit ending after
    句 (delete 子) or after 孑 (substitute), and only the context can tell which is right.
    """
    runs: list[list[tuple[int, int]]] = []
    prev = -2
    for end, dist in ends:
        if end == prev + 1 and runs:
            runs[-1].append((end, dist))
        else:
            runs.append([(end, dist)])
        prev = end
    out: list[tuple[int, int]] = []
    for run in runs:
        low = min(dist for _, dist in run)
        out.extend(item for item in run if item[1] == low)
    return out


def find_approximate(pattern: str, text: str, max_errors: int, lo: int = 0, hi: int | None = None) -> list[Match]:
    """Every occurrence of `pattern` in text[lo:hi] with at most `max_errors` edits, best end per run.

    Each occurrence's start is recovered by aligning the reversed pattern backwards from its end.
    Results are sorted by start; an occurrence may be reported with several equally good ends.
    """
    m = len(pattern)
    n = len(text)
    hi = n if hi is None else max(0, min(hi, n))
    lo = max(0, min(lo, hi))
    if m == 0 or max_errors < 0 or max_errors >= m:
        return []
    windows = _windows(pattern, text, max_errors, lo, hi)
    if windows is None:
        windows = [(lo, hi)]
    masks = _masks(pattern)
    ends: list[tuple[int, int]] = []
    for a, b in windows:
        ends.extend(_scan_ends(masks, m, text, a, b, max_errors))
    ends.sort()
    reversed_pattern = pattern[::-1]
    seen: set[tuple[int, int]] = set()
    found: list[Match] = []
    for end, _dist in _local_minima(ends):
        back_lo = max(lo, end - m - max_errors)
        dist, length = best_prefix_alignment(reversed_pattern, text[back_lo:end][::-1])
        start = end - length
        if dist <= max_errors and (start, end) not in seen:
            seen.add((start, end))
            found.append(Match(start, end, dist))
    found.sort(key=lambda mt: (mt.start, mt.errors))
    return found
