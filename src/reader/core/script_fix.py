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

# Anything that is not a Han character closes a segmentation window: no word crosses it.
_STOP_RE = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]")

# Context on each side of a diff site handed to the segmenter: enough for jieba to see whole words
# (its dictionary's words rarely exceed six characters).
_CONTEXT = 8

# Longest phrase we look for when locating OpenCC's match; OpenCC's entries that change a character
# against its default are short (more than 99 % have at most four characters).
_MAX_PHRASE = 6

# Strings are compared in chunks first: equal chunks (the vast majority) cost one C-level comparison.
_CHUNK = 64

_lock = threading.Lock()

# How much less probable (natural log) the segmentation implied by OpenCC's phrase must be than
# jieba's best before the word's own conversion wins.
# Chosen on the development half and OpenCC's own cases: OpenCC's 无线新闻|台 against jieba's
# 无线|新闻台 differ by 0.12, the wrong fix 埃|德里|安 (德裡) by 1.15; true cuts (卫生|发展, 一个|中,
# 被|发明) by 2 to 22.
MARGIN = 1.5


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
    the best segmentation of text[i:], end of its first word)."""
    freq, log_total = _dictionary()
    n = len(text)
    dag: list[list[int]] = []
    for k in range(n):
        ends = []
        i = k
        frag = text[k]
        while i < n and frag in freq:
            if freq[frag]:
                ends.append(i)
            i += 1
            frag = text[k : i + 1]
        dag.append(ends or [k])
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for idx in range(n - 1, -1, -1):
        route[idx] = max(
            (math.log(freq.get(text[idx : x + 1]) or 1) - log_total + route[x + 1][0], x) for x in dag[idx]
        )
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
    """Indices where two strings of equal length differ."""
    sites: list[int] = []
    n = len(a)
    for start in range(0, n, _CHUNK):
        end = start + _CHUNK
        if a[start:end] != b[start:end]:
            sites.extend(i for i in range(start, min(end, n)) if a[i] != b[i])
    return sites


def _window(source: str, i: int, lo: int) -> tuple[int, int]:
    """A clause window around site i, within _CONTEXT on each side and not before `lo`."""
    start = i
    while start > lo and i - start < _CONTEXT and not _STOP_RE.match(source[start - 1]):
        start -= 1
    end = i + 1
    n = len(source)
    while end < n and end - i <= _CONTEXT and not _STOP_RE.match(source[end]):
        end += 1
    return start, end


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
) -> str:
    """`converted` with OpenCC phrase matches that cut through a word of `source` undone.

    `converted` is OpenCC's output for `source`, `per_char` its character-by-character conversion
    (both the same length as `source`), `convert` the OpenCC conversion itself. `written`, when given,
    is the text as the author wrote it (`source` may be its simplified copy): a position where the two
    differ holds a character the author chose, and is never touched.
    """
    if not (len(source) == len(converted) == len(per_char)):
        return converted
    sites = diff_sites(converted, per_char)
    if written is not None and len(written) == len(source):
        sites = [i for i in sites if written[i] == source[i]]
    if not sites:
        return converted
    # 1. The word around each site, from a window segmented once for all sites it holds.
    bounds: dict[int, tuple[int, int]] = {}  # site -> word (start, end), words of 2+ characters only
    cuts: dict[int, frozenset[int]] = {}  # site -> positions strictly inside a word of its window
    windows: dict[int, tuple[int, int]] = {}  # site -> its segmentation window
    win_end = -1
    inner: frozenset[int] = frozenset()
    spans: list[tuple[int, int]] = []
    for i in sites:
        if i >= win_end:
            win_start, win_end = _window(source, i, max(win_end, 0))
            spans = []
            inside: set[int] = set()
            pos = win_start
            for word in segment(source[win_start:win_end]):
                spans.append((pos, pos + len(word)))
                inside.update(range(pos + 1, pos + len(word)))
                pos += len(word)
            inner = frozenset(inside)
        for start, end in spans:
            if start <= i < end:
                if end - start > 1:
                    bounds[i] = (start, end)
                    cuts[i] = inner
                    windows[i] = (win_start, win_end)
                break
    if not bounds:
        return converted
    # 2. Sites where the word on its own converts differently from OpenCC in context.
    keys = sorted(set(bounds.values()))
    word_out = dict(zip(keys, _convert_many(convert, [source[s:e] for s, e in keys]), strict=True))
    suspects: dict[int, str] = {}
    for i, (s, e) in bounds.items():
        out = word_out[(s, e)]
        if len(out) == e - s and out[i - s] != converted[i]:
            suspects[i] = out[i - s]
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
    out_chars = list(converted)
    changed = False
    for i, fix in suspects.items():
        phrase = matched.get(i)
        if phrase is None:
            continue
        a, b = phrase
        if not (a in cuts[i] or b in cuts[i]):
            continue
        # OpenCC's phrase implies word boundaries at a and b; believe jieba only when that reading is
        # far less probable than its own.
        ws, we = windows[i]
        text = source[ws:we]
        forced = _score(text[: a - ws]) + _score(text[a - ws : b - ws]) + _score(text[b - ws :])
        if _score(text) - forced > MARGIN:
            out_chars[i] = fix
            changed = True
    return "".join(out_chars) if changed else converted
