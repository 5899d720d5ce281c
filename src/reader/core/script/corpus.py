"""Word forms Taiwanese text attests where the 臺灣 view writes another (one character for one).

What is left of OpenCC's errors on real Taiwanese text is mostly a choice between two standard forms
(巨額/鉅額, 搜集/蒐集, 燒毀/燒燬): no word boundary and no rule decides it, only usage does.
`data/script_tw_corpus.tsv` holds, for simplified words, the form public Taiwanese text writes in a clear
majority of their occurrences where the view wrote otherwise; it is derived, with counts and sources,
by `benchmarks/script_corpus.py`. The whole text is scanned once by one regular expression (a trie of
the words, longest match first) at C speed; Python runs only at its matches, where a match counts
only if it is made of whole words of the segmenter's route over its clause (`aligned`): 太合 (太閤, the
regent) is a row, but not inside 不太|合理.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from reader.core.script.segment import segment, window

__all__ = ["aligned", "corpus_edits", "corpus_forms", "uncut"]


@cache
def corpus_forms() -> dict[str, str]:
    """Simplified word → the form Taiwanese text writes, from data/script_tw_corpus.tsv."""
    forms: dict[str, str] = {}
    raw = files("reader").joinpath("data/script_tw_corpus.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        simplified, form = line.split("\t")[:2]
        if len(simplified) != len(form):
            raise ValueError(f"corpus form {form!r} does not keep the length of {simplified!r}")
        forms[simplified] = form
    return forms


def _trie_pattern(words: list[str]) -> str:
    """A regular expression matching any of `words`, longest first, as a trie: the engine follows one
    branch per character instead of trying every word in turn."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return walk(trie)


@cache
def _pattern() -> re.Pattern[str] | None:
    forms = corpus_forms()
    return re.compile(_trie_pattern(list(forms))) if forms else None


def corpus_edits(source: str) -> dict[int, str]:
    """Position → the attested form's character, for every word of the table in the simplified `source`.

    Matches do not overlap and the longer word wins at a position (the trie is greedy), so a longer
    row's form overrides a shorter word inside it. A match that cuts a word of its clause is skipped.
    """
    pattern = _pattern()
    if pattern is None:
        return {}
    forms = corpus_forms()
    edits: dict[int, str] = {}
    for match in pattern.finditer(source):
        if aligned(source, match.start(), match.end()):
            edits.update(enumerate(forms[match.group()], match.start()))
    return edits


def aligned(source: str, start: int, end: int) -> bool:
    """Whether source[start:end] begins and ends at word boundaries of the segmenter's route over the
    clause around it (a row may be several words: 都市|计划)."""
    ws = window(source, start, 0)[0]
    we = window(source, end - 1, 0)[1]
    pos = ws
    starts = False
    for word in segment(source[ws:we]):
        starts = starts or pos == start
        pos += len(word)
        if pos >= end:
            return starts and pos == end
    return False


def uncut(source: str, start: int, end: int) -> bool:
    """Whether the segmenter's route over the clause keeps source[start:end] whole: it lies inside one
    word (计划 in 五年计划) or is made of whole words (线性|回归), but no word crosses one of its edges
    (设计|划分 is not 计划)."""
    ws = window(source, start, 0)[0]
    we = window(source, end - 1, 0)[1]
    pos = ws
    for word in segment(source[ws:we]):
        a, pos = pos, pos + len(word)
        if a <= start and end <= pos:
            return True
        if a < start < pos or a < end < pos:
            return False
        if pos >= end:
            return True
    return True
