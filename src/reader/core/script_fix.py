"""A correction layer over OpenCC's character views towards traditional (s2t, s2tw, s2hk).

OpenCC converts by greedy longest-match over its phrase dictionary, and a phrase may straddle two
words: in 卫生发展 the phrase 生发 (生髮, "grow hair") wins over 发展, giving 衛生髮展. We keep OpenCC's
output everywhere except where it differs from the plain character-by-character conversion (about
0.6 % of the characters of real text); only there do we segment the surrounding clause with jieba and
ask which reading a word-respecting conversion gives. A word of two or more characters is converted on
its own by OpenCC, so its own phrase entries (发展 → 發展) still apply; a phrase that cut through it
from outside no longer does. Every replacement is one character for one character, so the length and
therefore every stored offset is unchanged.

Only the diff sites are segmented, so the layer costs a fraction of OpenCC's own time on real text
(measured in benchmarks/bench_script.py).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator
from functools import cache

__all__ = ["guard_phrases"]

# Clause punctuation, whitespace and anything that is not a Han character closes a segmentation window:
# jieba does not join across them either.
_STOP_RE = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]")

# Context on each side of a diff site handed to the segmenter. OpenCC's phrases that change a
# character are at most a few characters long; eight on each side lets jieba see whole words.
_CONTEXT = 8

# Strings are compared in chunks first: equal chunks (the vast majority) cost one C-level comparison.
_CHUNK = 32

_lock = threading.Lock()


@cache
def _jieba_cut() -> Callable[[str], Iterator[str]]:
    """jieba's dictionary-only cut, loaded once (about 1-2 s, cached by jieba on disk afterwards)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _lock:
        jieba.initialize()

    def cut(text: str) -> Iterator[str]:
        # Dictionary-only: the HMM invents words for unknown stretches, which is exactly where we
        # want OpenCC's own choice to stand.
        words: Iterator[str] = jieba.cut(text, HMM=False)
        return words

    return cut


def diff_sites(a: str, b: str) -> list[int]:
    """Indices where two strings of equal length differ."""
    sites: list[int] = []
    n = len(a)
    for start in range(0, n, _CHUNK):
        end = start + _CHUNK
        if a[start:end] != b[start:end]:
            sites.extend(i for i in range(start, min(end, n)) if a[i] != b[i])
    return sites


def _windows(source: str, sites: list[int]) -> list[tuple[int, int]]:
    """Non-overlapping clause windows around the diff sites, each within _CONTEXT of a site."""
    windows: list[tuple[int, int]] = []
    n = len(source)
    for i in sites:
        if windows and i < windows[-1][1]:
            continue
        start = i
        while start > 0 and i - start < _CONTEXT and not _STOP_RE.match(source[start - 1]):
            start -= 1
        end = i + 1
        while end < n and end - i <= _CONTEXT and not _STOP_RE.match(source[end]):
            end += 1
        if windows and start < windows[-1][1]:
            start = windows[-1][1]
        windows.append((start, end))
    return windows


def guard_phrases(
    source: str,
    converted: str,
    per_char: str,
    convert: Callable[[str], str],
) -> str:
    """`converted` with phrase matches that cut through a word of `source` undone.

    `converted` is OpenCC's output for `source`, `per_char` its character-by-character conversion
    (both the same length as `source`), `convert` the OpenCC conversion itself. At each position where
    OpenCC's phrase choice differs from the character default, the word jieba finds there (if it has
    two or more characters) is converted on its own; where that disagrees with the phrase choice, the
    word's own conversion wins.
    """
    if not (len(source) == len(converted) == len(per_char)):
        return converted
    sites = diff_sites(converted, per_char)
    if not sites:
        return converted
    cut = _jieba_cut()
    windows = _windows(source, sites)
    # Words of two or more characters that hold a diff site, as (start, word).
    words: list[tuple[int, str]] = []
    site_iter = iter(sites)
    site = next(site_iter, None)
    for start, end in windows:
        pos = start
        for word in cut(source[start:end]):
            w_end = pos + len(word)
            while site is not None and site < pos:
                site = next(site_iter, None)
            if site is not None and site < w_end and len(word) > 1:
                words.append((pos, word))
            pos = w_end
    if not words:
        return converted
    sep = "\n"
    outs = convert(sep.join(w for _, w in words)).split(sep)
    if len(outs) != len(words):
        outs = [convert(w) for _, w in words]
    out = list(converted)
    changed = False
    for (pos, word), conv in zip(words, outs, strict=True):
        if len(conv) != len(word):
            continue
        for k, ch in enumerate(conv):
            i = pos + k
            if ch != out[i] and out[i] != per_char[i]:
                out[i] = ch
                changed = True
    return "".join(out) if changed else converted
