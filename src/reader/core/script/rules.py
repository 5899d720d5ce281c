"""Reported errors over OpenCC's views towards traditional that a phrase dictionary cannot express.

`data/script_exceptions.tsv` lists contexts where OpenCC's greedy matching is known to go wrong, each
row citing the public report or the dictionary that gives the right form. Applied where the simplified
context occurs, one character for one (views keep their length). `data/script_tw_words.tsv` lists
words Taiwan's standard writes otherwise than OpenCC-standard traditional, for the 臺灣 views; a word
applies only where the segmenter does not cut it (计划 is 計畫, but 设计|划分 keeps 劃). Names
and units (里, 范) are `reader.core.script.names`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files

from reader.core.script.corpus import uncut

__all__ = ["exception_edits", "tw_word_edits"]


@cache
def _table(name: str) -> tuple[tuple[str, str], ...]:
    rows = []
    raw = files("reader").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        simplified, traditional, _source = line.split("\t")
        if len(simplified) != len(traditional):
            raise ValueError(f"exception {simplified!r} → {traditional!r} does not keep the length")
        rows.append((simplified, traditional))
    return tuple(rows)


def exception_edits(source: str, to_region: Callable[[str], str]) -> dict[int, str]:
    """Position → right character for every reported context found in `source`.

    `to_region` takes OpenCC-standard traditional to the view's regional forms (identity for 繁體).
    """
    return _context_edits(source, _table("script_exceptions.tsv"), to_region)


def tw_word_edits(source: str, to_region: Callable[[str], str]) -> dict[int, str]:
    """Position → Taiwan's form for every word of `data/script_tw_words.tsv` found in `source`, where
    the segmenter does not cut it."""
    return _context_edits(source, _table("script_tw_words.tsv"), to_region, uncut)


def _context_edits(
    source: str,
    rows: tuple[tuple[str, str], ...],
    to_region: Callable[[str], str],
    keep: Callable[[str, int, int], bool] | None = None,
) -> dict[int, str]:
    edits: dict[int, str] = {}
    for simplified, traditional in rows:
        start = source.find(simplified)
        if start < 0:
            continue
        right = to_region(traditional)
        if len(right) != len(traditional):
            right = traditional
        while start >= 0:
            if keep is None or keep(source, start, start + len(simplified)):
                edits.update(enumerate(right, start))
            start = source.find(simplified, start + len(simplified))
    return edits
