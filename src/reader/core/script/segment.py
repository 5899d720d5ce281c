"""Word segmentation for the correction layer over OpenCC: jieba's dictionary, route and scores.

Segmentation uses jieba's prefix dictionary and its route by word frequency (the same as its
dictionary-only cut, without the HMM, which invents words exactly where OpenCC's choice should stand),
on a window of a few characters around each site only. Also here: jieba's function-word characters,
the clause window around a site, and batched conversion of many short pieces.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Callable
from functools import cache, lru_cache

__all__ = [
    "MARGIN",
    "clear_memos",
    "convert_many",
    "dictionary",
    "function_chars",
    "load_dictionary",
    "locative_chars",
    "score",
    "segment",
    "window",
    "word_score",
]

# Context on each side of a site handed to the segmenter: enough for jieba to see whole words
# (its dictionary's words rarely exceed six characters).
CONTEXT = 8

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

# Parts of speech (jieba's tags) of function words: conjunction, adverb, preposition, classifier.
# A function word standing alone does not compound with its neighbour, so an OpenCC phrase that joins
# it to the next word (敌军|并|发生 read as 并发 "complication", 451|家|俱乐部 read as 家俱) has cut
# through; its own conversion is the right one. Content words that stand alone (面, 干, 周) do begin
# and end OpenCC's compounds (酱|面 → 醬麪, 干|拌面 → 乾拌麪), and so do locatives (皇后, 这里: 后 and
# 里 are tagged f), which are left out.
_FUNCTION_TAGS = "cdpq"


def load_dictionary() -> None:
    """Load the segmenter's dictionary now (about a second), off the thread that will first need it."""
    dictionary()
    function_chars()
    locative_chars()


@cache
def dictionary() -> tuple[dict[str, int], float]:
    """jieba's prefix dictionary (word → frequency, prefixes with 0) and log of the total, loaded once."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _lock:
        jieba.initialize()
    return jieba.dt.FREQ, math.log(jieba.dt.total)


@cache
def function_chars() -> dict[str, str]:
    """Single characters jieba's dictionary tags as function words (see _FUNCTION_TAGS) → their tag."""
    import jieba

    with jieba.dt.get_dict_file() as f:
        raw = f.read().decode("utf-8")
    return dict(re.findall(rf"^(\S) \d+ ([{_FUNCTION_TAGS}])\r?$", raw, re.M))


@cache
def locative_chars() -> frozenset[str]:
    """Single characters jieba's dictionary tags as locatives (f: 上, 中, 下, 前, 后, 里 ...).

    A locative closes the noun phrase before it (会议|上, 军户|中) and begins no compound with the
    word after it, so an OpenCC phrase that joins it to that word (上签 → 上籤 in 会议上|签订) cuts
    through. They are not function words for the phrase guard: as the second character of a word they
    do end OpenCC's compounds (皇后, 这里).
    """
    import jieba

    with jieba.dt.get_dict_file() as f:
        raw = f.read().decode("utf-8")
    return frozenset(re.findall(r"^(\S) \d+ f\r?$", raw, re.M))


# Log-probability of each dictionary word met so far (a prefix that is no word: _PREFIX), filled as
# routes need them: one dictionary lookup per piece instead of a membership test, a second lookup and
# a logarithm. Derived from the dictionary alone; bounded by its size.
_LOGP: dict[str, float] = {}
_PREFIX = math.inf


@lru_cache(maxsize=8192)
def _route(text: str) -> tuple[tuple[float, ...], tuple[int, ...]]:
    """jieba's dictionary graph and most-probable route over `text`: (log-probability of the best
    segmentation of text[i:], end of its first word) for each i, as two tuples. Ties go to the longer
    word, as in jieba. Memoised: clauses recur between the guard's steps and between views of one
    document."""
    freq, log_total = dictionary()
    logp = _LOGP
    n = len(text)
    probs = [0.0] * (n + 1)
    ends = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        best_p = -math.inf
        best_i = k
        found = False
        i = k
        while i < n:
            frag = text[k : i + 1]
            lp = logp.get(frag)
            if lp is None:
                f = freq.get(frag)
                if f is None:
                    break
                lp = logp[frag] = math.log(f) - log_total if f else _PREFIX
            if lp != _PREFIX:
                found = True
                p = lp + probs[i + 1]
                if p > best_p or (p == best_p and i > best_i):
                    best_p = p
                    best_i = i
            i += 1
        if not found:
            # A character jieba does not know is a word of its own, with frequency 1.
            best_p = -log_total + probs[k + 1]
            best_i = k
        probs[k] = best_p
        ends[k] = best_i
    return tuple(probs), tuple(ends)


def clear_memos() -> None:
    """Forget the memoised routes and word probabilities (benchmarks measure a document's first view
    with this)."""
    _route.cache_clear()
    _LOGP.clear()


def score(text: str, start: int = 0) -> float:
    """Log-probability of the best segmentation of text[start:] under jieba's word frequencies.

    Read from the route over the whole of `text` (the route is computed from the right, so its value
    at `start` is exactly the score of the suffix on its own): a suffix costs no route of its own.
    """
    return _route(text)[0][start] if start < len(text) else 0.0


def word_score(word: str) -> float:
    """Log-probability of `word` as one word of jieba's dictionary; an unknown word counts as once seen."""
    freq, log_total = dictionary()
    return math.log(freq.get(word) or 1) - log_total


def segment(text: str) -> list[str]:
    """Words of a run of Han characters: jieba's dictionary graph and most-probable route, no HMM."""
    ends = _route(text)[1]
    n = len(text)
    words = []
    x = 0
    while x < n:
        y = ends[x] + 1
        words.append(text[x:y])
        x = y
    return words


def window(source: str, i: int, lo: int) -> tuple[int, int]:
    """A clause window around site i, within CONTEXT on each side and not before `lo`."""
    first = max(lo, i - CONTEXT)
    # The nearest stop character to the left, found by searching the reversed stretch.
    stop = _STOP_RE.search(source[first:i][::-1])
    start = i - stop.start() if stop else first
    right = _HAN_RUN_RE.match(source, i + 1, i + 1 + CONTEXT)
    end = right.end() if right else i + 1
    return start, end


def convert_many(convert: Callable[[str], str], pieces: list[str]) -> list[str]:
    """Each piece converted on its own, in one call (no OpenCC key holds a newline)."""
    if not pieces:
        return []
    outs = convert("\n".join(pieces)).split("\n")
    if len(outs) != len(pieces):
        outs = [convert(p) for p in pieces]
    return outs
