"""How close a cleaned text is to a hand-made gold text: character 4-gram shingle F1.

Gold texts differ from any extractor's output in line breaks, indentation and punctuation width, none
of which a reader cares about, so shingles are taken over word characters only (letters, digits, CJK)
after everything else is dropped. Shingles are counted as a multiset: a paragraph kept twice is not
free. Across documents the overlaps and sizes are summed (micro average) so a long page weighs more
than a two-line stub, which is what a reader skimming a library experiences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE = 4


def word_chars(text: str) -> str:
    """The letters, digits and ideographs of `text`, in order: what shingles are built from."""
    return "".join([ch for ch in text if ch.isalnum()])


def shingles(text: str, size: int = SHINGLE) -> Counter[str]:
    """Multiset of `size`-character shingles over the word characters of `text`.

    A text shorter than one shingle still counts as one shingle, so that a one-word gold is not
    invisible to the score.
    """
    chars = word_chars(text)
    if not chars:
        return Counter()
    if len(chars) < size:
        return Counter([chars])
    return Counter(chars[i : i + size] for i in range(len(chars) - size + 1))


@dataclass(frozen=True)
class Score:
    """Micro-averaged shingle precision, recall and F1 with the counts behind them."""

    overlap: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.overlap / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.overlap / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.overlap + other.overlap, self.predicted + other.predicted, self.gold + other.gold)


def score(predicted: str, gold: str) -> Score:
    """Shingle overlap of one cleaned text against its gold."""
    p, g = shingles(predicted), shingles(gold)
    overlap = sum((p & g).values())
    return Score(overlap, sum(p.values()), sum(g.values()))


def score_many(pairs: Iterable[tuple[str, str]]) -> Score:
    """Micro average over (predicted, gold) pairs: counts summed before dividing."""
    total = Score(0, 0, 0)
    for predicted, gold in pairs:
        total = total + score(predicted, gold)
    return total
