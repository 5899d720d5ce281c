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

A character jieba tags as a function word and segments alone (并 in 敌军|并|发生) is also a suspect: an
OpenCC phrase that joins it to the next word (并发, "complication") has cut through, and the character's
own conversion (並) is right. Segmentation is `reader.core.script.segment`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.core.script.opencc import code_points
from reader.core.script.segment import (
    MARGIN,
    convert_many,
    dictionary,
    function_chars,
    load_dictionary,
    score,
    segment,
    window,
    word_score,
)

if TYPE_CHECKING:
    pass

__all__ = ["diff_sites", "guard_phrases", "load_dictionary", "segment"]

# Longest phrase we look for when locating OpenCC's match; OpenCC's entries that change a character
# against its default are short (more than 99 % have at most four characters).
_MAX_PHRASE = 6

# First stretch compared after each difference by `_diff_by_slices` (it doubles while equal), and the
# length below which strings are compared that way rather than as arrays.
_CHUNK = 64
_SHORT_DIFF = 512

# Numerals after which a character is read as a measure word.
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几零〇")

Span = tuple[int, int]


def diff_sites(a: str, b: str) -> list[int]:
    """Indices where two strings of equal length differ.

    One comparison of the two strings' code-point arrays (`code_points`) at C speed: about ten times
    faster over a document than comparing slices of doubling length from each difference, which short
    strings (mixed lines, words) still use, the arrays' fixed cost being the larger there.
    """
    import numpy as np

    if a == b:
        return []
    if len(a) < _SHORT_DIFF:
        return _diff_by_slices(a, b)
    n = min(len(a), len(b))
    sites: list[int] = np.flatnonzero(code_points(a[:n]) != code_points(b[:n])).tolist()
    # Unequal lengths (no caller passes them): what `a` has beyond `b` differs.
    return sites + list(range(n, len(a)))


def _diff_by_slices(a: str, b: str) -> list[int]:
    """`diff_sites` by comparing slices: from each difference the next is found by comparing stretches
    of doubling length, then halving the first unequal one."""
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


def _dictionary_words(source: str, i: int, win: Span, freq: dict[str, int]) -> list[Span]:
    """Every word of jieba's dictionary (two characters or more) inside `window` that covers position i.

    The word jieba's route picks around i is one of them, so if none converts differently at i, the
    site cannot be a word-boundary fault and needs no segmentation at all.
    """
    ws, we = win
    words = []
    end = i + 1
    get = freq.get
    for a in range(ws, end):
        # jieba's dictionary holds every prefix of its words (frequency 0): one lookup rules out a
        # start whose stretch up to the site begins no word.
        b = end
        f = get(source[a:b])
        while f is not None:
            if f and b - a > 1:
                words.append((a, b))
            if b >= we:
                break
            b += 1
            f = get(source[a:b])
    return words


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
    guard = _Guard(source, converted, per_char, convert)
    survivors = guard.survivors(sites)
    suspects = guard.suspects(survivors) if survivors else {}
    fixes = guard.confirmed(suspects) if suspects else []
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


class _Guard:
    """The three tests of the module docstring over one text, sharing windows, conversions and cuts."""

    def __init__(self, source: str, converted: str, per_char: str, convert: Callable[[str], str]) -> None:
        self.source = source
        self.converted = converted
        self.per_char = per_char
        self.convert = convert
        self.windows: dict[int, Span] = {}
        self.word_out: dict[Span, str] = {}
        self.segmented: dict[Span, tuple[list[Span], frozenset[int]]] = {}
        self.alone: set[int] = set()

    def differs(self, i: int, word: Span) -> bool:
        """Whether `word` converted on its own gives another character than the view at i."""
        out = self.word_out[word]
        return len(out) == word[1] - word[0] and out[i - word[0]] != self.converted[i]

    def survivors(self, sites: list[int]) -> list[int]:
        """Sites some dictionary word around which converts differently there on its own, or holding a
        function word. Most sites are phrases OpenCC matched on a whole word (头发, 发展) and stop here."""
        source = self.source
        # The segmentation window of each site; consecutive sites share one, as a clause is cut once.
        current = (-1, -1)
        for i in sites:
            if i >= current[1]:
                current = window(source, i, max(current[1], 0))
            self.windows[i] = current
        freq = dictionary()[0]
        around = [(i, _dictionary_words(source, i, self.windows[i], freq)) for i in sites]
        strings = list({source[a:b] for _, words in around for a, b in words})
        by_string = dict(zip(strings, convert_many(self.convert, strings), strict=True))
        singles = function_chars()
        converted = self.converted
        word_out = self.word_out
        kept = []
        for i, words in around:
            keep = source[i] in singles
            ch = converted[i]
            for a, b in words:
                out = word_out[(a, b)] = by_string[source[a:b]]
                keep = keep or (len(out) == b - a and out[i - a] != ch)
            if keep:
                kept.append(i)
        return kept

    def _segment(self, win: Span) -> tuple[list[Span], frozenset[int]]:
        """Word spans of a window and the positions strictly inside a word (cuts), once per window."""
        if win not in self.segmented:
            spans = []
            inside: set[int] = set()
            pos = win[0]
            for word in segment(self.source[win[0] : win[1]]):
                spans.append((pos, pos + len(word)))
                inside.update(range(pos + 1, pos + len(word)))
                pos += len(word)
            self.segmented[win] = (spans, frozenset(inside))
        return self.segmented[win]

    def suspects(self, survivors: list[int]) -> dict[int, str]:
        """Site → the character of the word jieba's route picks around it, where that word converts
        differently on its own (or is a function word alone, whose own conversion is its default)."""
        suspects: dict[int, str] = {}
        singles = function_chars()
        for i in survivors:
            for start, end in self._segment(self.windows[i])[0]:
                if start <= i < end:
                    if end - start > 1 and (start, end) in self.word_out and self.differs(i, (start, end)):
                        suspects[i] = self.word_out[(start, end)][i - start]
                    elif end - start == 1 and self.source[i] in singles and not self._measure_word(i, singles):
                        suspects[i] = self.per_char[i]
                        self.alone.add(i)
                    break
        return suspects

    def _measure_word(self, i: int, singles: dict[str, str]) -> bool:
        """Whether a function word alone follows a numeral, where it is a measure word instead (第一|只:
        只 "only" is read as the classifier 隻 after 一, as OpenCC's phrase 一只 has it). Classifiers
        themselves (家 in 十|家|俱乐部) keep their own reading."""
        return singles[self.source[i]] != "q" and i > 0 and self.source[i - 1] in _NUMERALS

    def _matched(self, suspects: dict[int, str]) -> dict[int, Span]:
        """The phrase OpenCC matched at each suspect: the shortest stretch around it (inside its clause)
        that gives OpenCC's character there."""
        candidates: list[tuple[int, int, int]] = []
        for i in suspects:
            lo, hi = window(self.source, i, 0)
            for length in range(2, _MAX_PHRASE + 1):
                for a in range(max(lo, i - length + 1), min(i, hi - length) + 1):
                    candidates.append((i, a, a + length))
        outs = convert_many(self.convert, [self.source[a:b] for _, a, b in candidates])
        matched: dict[int, Span] = {}
        for (i, a, b), out in zip(candidates, outs, strict=True):
            if i not in matched and len(out) == b - a and out[i - a] == self.converted[i]:
                matched[i] = (a, b)
        return matched

    def confirmed(self, suspects: dict[int, str]) -> list[tuple[int, str]]:
        """Suspects whose matched phrase starts or ends inside a word (or joins a function word standing
        alone to its neighbours), and whose segmentation as a word is far less probable than jieba's own
        (`MARGIN`)."""
        matched = self._matched(suspects)
        fixes: list[tuple[int, str]] = []
        for i, fix in suspects.items():
            phrase = matched.get(i)
            if phrase is None:
                continue
            a, b = phrase
            ws, we = self.windows[i]
            cuts = self._segment((ws, we))[1]
            text = self.source[ws:we]
            if a in cuts or b in cuts:
                inner = score(text[a - ws : b - ws])
            elif function_chars().get(self.source[i]) == "c" and i in self.alone and a == i:
                # A conjunction alone joined whole to the words after it (并|为 read as 并为, "merge
                # into"): a conjunction begins no compound, so the phrase is weighed as the one word
                # OpenCC makes of it. (A phrase ending in it may be a verb jieba lacks: 整并 "merge".)
                inner = word_score(text[a - ws : b - ws])
            else:
                continue
            forced = score(text[: a - ws]) + inner + score(text, b - ws)
            if score(text) - forced > MARGIN:
                fixes.append((i, fix))
        return fixes
