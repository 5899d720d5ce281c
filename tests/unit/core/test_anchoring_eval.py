"""Randomized evaluation of re-anchoring on the real Chinese seed documents.

Why: unit cases show that each rule works; this shows how often the rules together put an annotation
on the right words when documents change the way ours do (lines restored or removed, characters
re-cleaned, sentences repeated). Every character of the edited text remembers which original character
it came from, so the true place of the annotated passage is known exactly and each re-anchoring is
classified as correct, orphaned or wrong.

The generator is seeded, so a failure reproduces; `benchmarks/bench_anchoring.py` reuses it to print
the same counts with throughput.
"""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.core.annotations.anchoring import Anchor, Selector, anchor, describe

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
SENTENCE_ENDS = "。！？!?；;\n"

# (origin index in the original text or -1 for inserted material, whether the character was replaced)
Cell = tuple[str, int, bool]


def load_corpus() -> list[str]:
    """The seed documents, which carry the noise and repetition real reports have."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@dataclass
class Counts:
    """Outcome tallies. `target_*` is the set the design promises: quote survives, <= 10% changed."""

    trials: int = 0
    target_total: int = 0
    target_correct: int = 0
    target_orphaned: int = 0
    target_on_copy: int = 0
    survived: int = 0
    correct: int = 0
    orphaned: int = 0
    wrong: int = 0
    on_copy: int = 0  # placed on a copy that matches the selector at least as well as the true place
    gone: int = 0
    gone_orphaned: int = 0
    gone_relocated: int = 0  # the quote was deleted but an identical copy remained and was chosen
    gone_wrong: int = 0
    by_edit: dict[str, list[int]] = field(default_factory=dict)  # edit -> [trials, wrong, orphaned]

    @property
    def wrong_total(self) -> int:
        return self.wrong + self.gone_wrong

    @property
    def target_rate(self) -> float:
        """Correct share of the target set, all cases counted."""
        return self.target_correct / max(1, self.target_total)

    @property
    def distinguishable_target_rate(self) -> float:
        """Correct share of the target set without the cases the text cannot decide (see on_copy)."""
        return self.target_correct / max(1, self.target_total - self.target_on_copy)

    @property
    def wrong_rate(self) -> float:
        return self.wrong_total / max(1, self.trials)

    def summary(self) -> str:
        return (
            f"trials={self.trials} | target (survives, <=10% changed): {self.target_correct}/"
            f"{self.target_total} correct = {self.target_rate:.2%}, orphaned {self.target_orphaned}, "
            f"on an indistinguishable copy {self.target_on_copy} -> {self.distinguishable_target_rate:.2%} "
            "of the decidable | "
            f"survived: correct {self.correct}, orphaned {self.orphaned}, wrong {self.wrong} of "
            f"{self.survived}, on an indistinguishable copy {self.on_copy} | "
            f"deleted: orphaned {self.gone_orphaned}, on identical copy "
            f"{self.gone_relocated}, wrong {self.gone_wrong} of {self.gone} | "
            f"wrong overall {self.wrong_total} = {self.wrong_rate:.2%}"
        )


class _Trial:
    """One annotated passage in one document and the edits applied around it."""

    def __init__(self, rng: random.Random, text: str, start: int, end: int, pool: list[str]) -> None:
        self.rng = rng
        self.cells: list[Cell] = [(ch, i, False) for i, ch in enumerate(text)]
        self.start = start
        self.end = end
        self.pool = pool  # characters used for substitutions
        self.lines_from: list[str] = []

    # -- where things are now -------------------------------------------------------------
    def _quote_positions(self) -> list[int]:
        return [i for i, (_, o, _) in enumerate(self.cells) if self.start <= o < self.end]

    def _line_starts(self) -> list[int]:
        return [0] + [i + 1 for i, (ch, _, _) in enumerate(self.cells) if ch == "\n"]

    def _quote_region(self) -> tuple[int, int] | None:
        pos = self._quote_positions()
        return (pos[0], pos[-1] + 1) if pos else None

    def _boundary_away(self) -> int:
        """A line boundary not inside the quote's lines."""
        region = self._quote_region()
        starts = self._line_starts()
        if region is None:
            return self.rng.choice(starts)
        a, b = region
        outside = [s for s in starts if s <= a or s >= b]
        line_a = max((s for s in starts if s <= a), default=0)
        away = [s for s in outside if s <= line_a or s > b]
        return self.rng.choice(away or starts)

    def _new_cells(self, text: str) -> list[Cell]:
        return [(ch, -1, False) for ch in text]

    # -- edits ----------------------------------------------------------------------------
    def insert_line_away(self) -> None:
        at = self._boundary_away()
        self.cells[at:at] = self._new_cells(self.rng.choice(self.lines_from) + "\n")

    def insert_line_near(self) -> None:
        region = self._quote_region()
        if region is None:
            return self.insert_line_away()
        starts = self._line_starts()
        before = max(s for s in starts if s <= region[0])
        after = min((s for s in starts if s >= region[1]), default=len(self.cells))
        at = self.rng.choice((before, after))
        self.cells[at:at] = self._new_cells(self.rng.choice(self.lines_from) + "\n")

    def delete_line_away(self) -> None:
        region = self._quote_region()
        starts = self._line_starts()
        spans = list(zip(starts, [*starts[1:], len(self.cells)], strict=True))
        if region is not None:
            spans = [(a, b) for a, b in spans if b <= region[0] or a >= region[1]]
        if spans:
            a, b = self.rng.choice(spans)
            del self.cells[a:b]

    def delete_quote_lines(self) -> None:
        region = self._quote_region()
        if region is None:
            return
        starts = self._line_starts()
        a = max(s for s in starts if s <= region[0])
        b = min((s for s in starts if s >= region[1]), default=len(self.cells))
        del self.cells[a:b]

    def _substitute(self, positions: list[int], count: int) -> None:
        for i in self.rng.sample(positions, min(count, len(positions))):
            ch, origin, _ = self.cells[i]
            new = self.rng.choice(self.pool)
            while new == ch:
                new = self.rng.choice(self.pool)
            self.cells[i] = (new, origin, True)

    def change_near(self) -> None:
        region = self._quote_region()
        if region is None:
            return
        a, b = region
        near = [i for i in range(max(0, a - 32), min(len(self.cells), b + 32)) if not a <= i < b]
        self._substitute(near, self.rng.randint(1, 3))

    def change_inside(self) -> None:
        pos = self._quote_positions()
        if pos:
            self._substitute(pos, self.rng.randint(1, max(1, math.floor(0.1 * (self.end - self.start)))))

    def change_inside_heavily(self) -> None:
        pos = self._quote_positions()
        if pos:
            size = self.end - self.start
            self._substitute(pos, self.rng.randint(max(1, size // 10), max(1, size // 2)))

    def indel_inside(self) -> None:
        pos = self._quote_positions()
        if len(pos) < 2:
            return
        i = self.rng.choice(pos[1:])
        if self.rng.random() < 0.5:
            del self.cells[i]
        else:
            self.cells[i:i] = self._new_cells(self.rng.choice(self.pool))

    def duplicate_sentence(self) -> None:
        region = self._quote_region()
        if region is None:
            return
        a, b = region
        while a > 0 and self.cells[a - 1][0] not in SENTENCE_ENDS:
            a -= 1
        while b < len(self.cells) and self.cells[b - 1][0] not in SENTENCE_ENDS:
            b += 1
        copy = "".join(ch for ch, _, _ in self.cells[a:b])
        if not copy.endswith("\n"):
            copy += "\n"
        at = self._boundary_away()
        self.cells[at:at] = self._new_cells(copy)

    # -- outcome --------------------------------------------------------------------------
    def text(self) -> str:
        return "".join(ch for ch, _, _ in self.cells)

    def truth(self) -> tuple[int, int, int] | None:
        """(start, end, characters changed) of the passage now, or None when all of it is gone."""
        pos = self._quote_positions()
        if not pos:
            return None
        a, b = pos[0], pos[-1] + 1
        kept = {self.cells[i][1] for i in pos}
        deleted = (self.end - self.start) - len(kept)
        replaced = sum(1 for i in pos if self.cells[i][2])
        inserted = (b - a) - len(pos)
        return a, b, deleted + replaced + inserted


EDITS = {
    "insert_line_away": 5,
    "insert_line_near": 3,
    "delete_line_away": 4,
    "change_near": 4,
    "change_inside": 4,
    "indel_inside": 2,
    "duplicate_sentence": 3,
    "change_inside_heavily": 1,
    "delete_quote_lines": 1,
}


def _choose_span(rng: random.Random, text: str) -> tuple[int, int]:
    """A passage a reader might select: mostly inside one line, of varied length, not blank."""
    r = rng.random()
    size = (
        rng.randint(1, 4)
        if r < 0.1
        else rng.randint(5, 20)
        if r < 0.5
        else rng.randint(21, 80)
        if r < 0.9
        else rng.randint(81, 300)
    )
    for _ in range(50):
        start = rng.randrange(0, max(1, len(text) - size))
        end = min(len(text), start + size)
        quote = text[start:end]
        if quote.strip() and (size > 80 or "\n" not in quote.strip("\n") or rng.random() < 0.2):
            return start, end
    return start, end


def _similar(a: str, b: str) -> bool:
    return a == b or (len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= len(a) // 10)


def _levenshtein(a: str, b: str) -> int:
    """Plain dynamic-programming edit distance: the evaluation's own yardstick, independent of the
    bit-parallel code under test."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _selector_distance(text: str, start: int, end: int, stored: Selector) -> int:
    """Edits between the stored quote, prefix and suffix and those at text[start:end]."""
    here = describe(text, start, end)
    return (
        _levenshtein(stored.quote, here.quote)
        + _levenshtein(stored.prefix, here.prefix)
        + _levenshtein(stored.suffix, here.suffix)
    )


def _overlap_ok(found: Anchor, a: int, b: int) -> bool:
    inter = min(found.end, b) - max(found.start, a)
    union = max(found.end, b) - min(found.start, a)
    if inter <= 0:
        return False
    return inter / union >= 0.6 or (abs(found.start - a) <= 2 and abs(found.end - b) <= 2)


def run_evaluation(seed: int = 20240601, trials: int = 2000, *, with_old_text: bool = False) -> Counts:
    """Edit, re-anchor and classify `trials` annotated passages; deterministic for a given seed.

    `with_old_text` re-anchors as the library does, knowing the text the annotation was made on (the
    stored text before a re-import, a re-clean or a restored line); without it, only the selector counts,
    as for an annotation imported from another tool.
    """
    rng = random.Random(seed)
    docs = load_corpus()
    lines = [ln for d in docs for ln in d.splitlines() if ln.strip()]
    pool = sorted({ch for d in docs for ch in d if not ch.isspace()})
    kinds = list(EDITS)
    weights = list(EDITS.values())
    counts = Counts()
    for _ in range(trials):
        text = rng.choice(docs) if rng.random() < 0.8 else "\n".join(docs)
        start, end = _choose_span(rng, text)
        selector = describe(text, start, end)
        trial = _Trial(rng, text, start, end, pool)
        trial.lines_from = lines
        applied = rng.choices(kinds, weights, k=rng.randint(1, 4))
        for kind in applied:
            getattr(trial, kind)()
        new_text = trial.text()
        found = anchor(new_text, selector, old_text=text if with_old_text else None)
        truth = trial.truth()
        counts.trials += 1
        bad = False
        if truth is None:
            counts.gone += 1
            if found is None:
                counts.gone_orphaned += 1
            elif _similar(new_text[found.start : found.end], selector.quote):
                counts.gone_relocated += 1
            else:
                counts.gone_wrong += 1
                bad = True
        else:
            a, b, changed = truth
            counts.survived += 1
            target = changed <= 0.1 * len(selector.quote)
            counts.target_total += target
            if found is None:
                counts.orphaned += 1
                counts.target_orphaned += target
            elif _overlap_ok(found, a, b):
                counts.correct += 1
                counts.target_correct += target
            elif _selector_distance(new_text, found.start, found.end, selector) <= _selector_distance(
                new_text, a, b, selector
            ):
                # The edits left a copy that fits the stored quote and context at least as well as
                # the true place (a duplicated passage, then the original edited): the text cannot
                # tell them apart, so no selector-based method can; counted apart, not as correct.
                counts.on_copy += 1
                counts.target_on_copy += target
            else:
                counts.wrong += 1
                bad = True
        for kind in set(applied):
            row = counts.by_edit.setdefault(kind, [0, 0, 0])
            row[0] += 1
            row[1] += bad
            row[2] += found is None and truth is not None
    return counts


# The generator's seeds: each is 2000 independent trials, so together they show how much the rates
# move by chance (about half a point on the target set) rather than one lucky draw.
EVAL_SEEDS = (20240601, 7, 11)
TARGET_RATE = 0.99  # the target: placed correctly where the quote survives, <= 10% changed
WRONG_RATE = 0.005  # the limit on wrong placements, all trials counted


@functools.cache
def _evaluation(seed: int, with_old_text: bool = False) -> Counts:
    return run_evaluation(seed=seed, with_old_text=with_old_text)


@pytest.mark.parametrize("seed", EVAL_SEEDS)
def test_evaluation_meets_the_floor(seed: int) -> None:
    """What the code achieves on every seed, asserted so that a regression fails."""
    counts = _evaluation(seed)
    print(f"seed={seed}: {counts.summary()}")
    assert counts.target_total >= 1000
    assert counts.target_rate >= 0.985, counts.summary()
    assert counts.distinguishable_target_rate >= 0.995, counts.summary()
    assert counts.wrong_rate <= WRONG_RATE, counts.summary()


def test_the_library_meets_the_stated_target_on_every_seed() -> None:
    """The issue's target as stated, on the path the library takes (the old text is known): >= 99% placed
    correctly where the quote survives with at most 10% changed, wrong placements <= 0.5%, every seed."""
    for seed in EVAL_SEEDS:
        counts = _evaluation(seed, with_old_text=True)
        print(f"seed={seed}, with the old text: {counts.summary()}")
        assert counts.target_rate >= TARGET_RATE, f"seed={seed}: {counts.summary()}"
        assert counts.wrong_rate <= WRONG_RATE, f"seed={seed}: {counts.summary()}"
