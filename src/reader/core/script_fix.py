"""A correction layer over OpenCC's character views towards traditional (s2t, s2tw, s2hk).

OpenCC converts by greedy longest-match over its phrase dictionary, and a phrase may straddle two
words: in 卫生发展 the phrase 生发 (生髮, "grow hair") wins over 发展, giving 衛生髮展. We keep OpenCC's
output everywhere except where it differs from the plain character-by-character conversion (about
0.6 % of the characters of real text), and there only when two independent witnesses agree that the
phrase cut through a word:

1. the word jieba's dictionary finds around the site (two or more characters), converted on its own
   by OpenCC, gives a different character there; and
2. the shortest stretch of text that makes OpenCC give its character there (the phrase it matched)
   starts or ends strictly inside a word.

The second test is what keeps OpenCC's long entries that span several whole words (歌手丁当 → 丁噹,
无线新闻 → 無綫, 虾仁面 → 麪): they begin and end on word boundaries, so they stand. Every
replacement is one character for one character, so the length and every stored offset is unchanged.

Segmentation uses jieba's prefix dictionary and its route by word frequency (the same as its
dictionary-only cut, without the HMM, which invents words exactly where OpenCC's choice should stand),
on a window of a few characters around each site only.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Callable
from functools import cache

__all__ = ["diff_sites", "guard_phrases", "segment"]

# Context on each side of a diff site handed to the segmenter: enough for jieba to see whole words
# (its dictionary's words rarely exceed six characters).
_CONTEXT = 8

# Longest phrase we look for when locating OpenCC's match; OpenCC's entries that change a character
# against its default are short (more than 99 % have at most four characters).
_MAX_PHRASE = 6

# First stretch compared after each difference (it doubles while equal).
_CHUNK = 64

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
_HAN_RUN_RE = re.compile(f"[{_HAN}]*")
# Anything that is not a Han character closes a segmentation window: no word crosses it.
_STOP_RE = re.compile(f"[^{_HAN}]")

_lock = threading.Lock()

# How much less probable (natural log) the segmentation implied by OpenCC's phrase must be than
# jieba's best before the word's own conversion wins.
# Chosen on the development half and OpenCC's own cases: OpenCC's 无线新闻|台 against jieba's
# 无线|新闻台 differ by 0.12, the wrong fix 埃|德里|安 (德裡) by 1.15; true cuts (卫生|发展, 一个|中,
# 被|发明) by 2 to 22.
MARGIN = 1.5


def load_dictionary() -> None:
    """Load the segmenter's dictionary now (about a second), off the thread that will first need it."""
    _dictionary()


@cache
def _dictionary() -> tuple[dict[str, int], float]:
    """jieba's prefix dictionary (word → frequency, prefixes with 0) and log of the total, loaded once."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _lock:
        jieba.initialize()
    return jieba.dt.FREQ, math.log(jieba.dt.total)


def _route(text: str) -> list[tuple[float, int]]:
    """jieba's dictionary graph and most-probable route over `text`: route[i] = (log-probability of
    the best segmentation of text[i:], end of its first word). Ties go to the longer word, as in jieba."""
    freq, log_total = _dictionary()
    n = len(text)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for k in range(n - 1, -1, -1):
        best = (-math.inf, k)
        found = False
        i = k
        frag = text[k]
        while frag in freq:
            f = freq[frag]
            if f:
                found = True
                cand = (math.log(f) - log_total + route[i + 1][0], i)
                if cand > best:
                    best = cand
            i += 1
            if i >= n:
                break
            frag = text[k : i + 1]
        if not found:
            # A character jieba does not know is a word of its own, with frequency 1.
            best = (-log_total + route[k + 1][0], k)
        route[k] = best
    return route


def _score(text: str) -> float:
    """Log-probability of the best segmentation of `text` under jieba's word frequencies."""
    return _route(text)[0][0] if text else 0.0


def segment(text: str) -> list[str]:
    """Words of a run of Han characters: jieba's dictionary graph and most-probable route, no HMM."""
    route = _route(text)
    n = len(text)
    words = []
    x = 0
    while x < n:
        y = route[x][1] + 1
        words.append(text[x:y])
        x = y
    return words


def diff_sites(a: str, b: str) -> list[int]:
    """Indices where two strings of equal length differ.

    Equal stretches cost C-level slice comparisons only: from each difference the next is found by
    comparing stretches of doubling length, then halving the first unequal one (sites are about
    160 characters apart in real text, so this beats fixed chunks).
    """
    sites: list[int] = []
    n = len(a)
    i = 0
    while i < n:
        step = _CHUNK
        while i < n and a[i : i + step] == b[i : i + step]:
            i += step
            step *= 2
        if i >= n:
            break
        lo, hi = i, min(n, i + step)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a[lo:mid] == b[lo:mid]:
                lo = mid
            else:
                hi = mid
        sites.append(lo)
        i = lo + 1
    return sites


def _window(source: str, i: int, lo: int) -> tuple[int, int]:
    """A clause window around site i, within _CONTEXT on each side and not before `lo`."""
    first = max(lo, i - _CONTEXT)
    # The nearest stop character to the left, found by searching the reversed stretch.
    stop = _STOP_RE.search(source[first:i][::-1])
    start = i - stop.start() if stop else first
    right = _HAN_RUN_RE.match(source, i + 1, i + 1 + _CONTEXT)
    end = right.end() if right else i + 1
    return start, end


def _dictionary_words(source: str, i: int, window: tuple[int, int], freq: dict[str, int]) -> list[tuple[int, int]]:
    """Every word of jieba's dictionary (two characters or more) inside `window` that covers position i.

    The word jieba's route picks around i is one of them, so if none converts differently at i, the
    site cannot be a word-boundary fault and needs no segmentation at all.
    """
    ws, we = window
    words = []
    for a in range(ws, i + 1):
        # jieba's dictionary holds every prefix of its words: one lookup rules out a start whose
        # stretch up to the site begins no word.
        b = i + 1
        frag = source[a:b]
        while frag in freq:
            if b - a > 1 and freq[frag]:
                words.append((a, b))
            if b >= we:
                break
            b += 1
            frag = source[a:b]
    return words


def _convert_many(convert: Callable[[str], str], pieces: list[str]) -> list[str]:
    """Each piece converted on its own, in one call (no OpenCC key holds a newline)."""
    if not pieces:
        return []
    outs = convert("\n".join(pieces)).split("\n")
    if len(outs) != len(pieces):
        outs = [convert(p) for p in pieces]
    return outs


def guard_phrases(
    source: str,
    converted: str,
    per_char: str,
    convert: Callable[[str], str],
    written: str | None = None,
    sites: list[int] | None = None,
) -> str:
    """`converted` with OpenCC phrase matches that cut through a word of `source` undone.

    `converted` is OpenCC's output for `source`, `per_char` its character-by-character conversion
    (both the same length as `source`), `convert` the OpenCC conversion itself. `written`, when given,
    is the text as the author wrote it (`source` may be its simplified copy): a position where the two
    differ holds a character the author chose, and is never touched. `sites`, when the caller already
    has them, are the positions where `converted` and `per_char` differ.
    """
    if not (len(source) == len(converted) == len(per_char)):
        return converted
    if sites is None:
        sites = diff_sites(converted, per_char)
    if written is not None and len(written) == len(source):
        sites = [i for i in sites if written[i] == source[i]]
    if not sites:
        return converted
    # 0. The segmentation window of each site; consecutive sites share one, as a clause is cut once.
    windows: dict[int, tuple[int, int]] = {}
    current = (-1, -1)
    for i in sites:
        if i >= current[1]:
            current = _window(source, i, max(current[1], 0))
        windows[i] = current
    # 1. Cheap necessary condition: some dictionary word around the site converts differently there on
    # its own. Most sites are phrases OpenCC matched on a whole word (头发, 发展) and stop here.
    freq = _dictionary()[0]
    around = {i: _dictionary_words(source, i, windows[i], freq) for i in sites}
    keys = {w for words in around.values() for w in words}
    strings = list({source[a:b] for a, b in keys})
    by_string = dict(zip(strings, _convert_many(convert, strings), strict=True))
    word_out = {(a, b): by_string[source[a:b]] for a, b in keys}

    def differs(i: int, word: tuple[int, int]) -> bool:
        out = word_out[word]
        return len(out) == word[1] - word[0] and out[i - word[0]] != converted[i]

    survivors = [i for i in sites if any(differs(i, w) for w in around[i])]
    if not survivors:
        return converted
    # 2. The word jieba's route picks around each surviving site, one segmentation per window; the site
    # stays a suspect when that word converts differently on its own.
    segmented: dict[tuple[int, int], tuple[list[tuple[int, int]], frozenset[int]]] = {}
    suspects: dict[int, str] = {}
    for i in survivors:
        win = windows[i]
        if win not in segmented:
            spans = []
            inside: set[int] = set()
            pos = win[0]
            for word in segment(source[win[0] : win[1]]):
                spans.append((pos, pos + len(word)))
                inside.update(range(pos + 1, pos + len(word)))
                pos += len(word)
            segmented[win] = (spans, frozenset(inside))
        for start, end in segmented[win][0]:
            if start <= i < end:
                if end - start > 1 and differs(i, (start, end)):
                    suspects[i] = word_out[(start, end)][i - start]
                break
    if not suspects:
        return converted
    # 3. The phrase OpenCC matched: the shortest stretch around the site (inside its clause) that
    # gives OpenCC's character there. Override only when it starts or ends inside a word.
    candidates: list[tuple[int, int, int]] = []
    for i in suspects:
        lo, hi = _window(source, i, 0)
        for length in range(2, _MAX_PHRASE + 1):
            for a in range(max(lo, i - length + 1), min(i, hi - length) + 1):
                candidates.append((i, a, a + length))
    outs = _convert_many(convert, [source[a:b] for _, a, b in candidates])
    matched: dict[int, tuple[int, int]] = {}
    for (i, a, b), out in zip(candidates, outs, strict=True):
        if i not in matched and len(out) == b - a and out[i - a] == converted[i]:
            matched[i] = (a, b)
    fixes: list[tuple[int, str]] = []
    for i, fix in suspects.items():
        phrase = matched.get(i)
        if phrase is None:
            continue
        a, b = phrase
        cuts = segmented[windows[i]][1]
        if not (a in cuts or b in cuts):
            continue
        # OpenCC's phrase implies word boundaries at a and b; believe jieba only when that reading is
        # far less probable than its own.
        ws, we = windows[i]
        text = source[ws:we]
        forced = _score(text[: a - ws]) + _score(text[a - ws : b - ws]) + _score(text[b - ws :])
        if _score(text) - forced > MARGIN:
            fixes.append((i, fix))
    if not fixes:
        return converted
    parts = []
    pos = 0
    for i, fix in sorted(fixes):
        parts.append(converted[pos:i])
        parts.append(fix)
        pos = i + 1
    parts.append(converted[pos:])
    return "".join(parts)
