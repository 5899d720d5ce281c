"""How anchoring weighs candidate places for a quote: the cost model (edits in the quote and its
context, distance from where the passage was expected, copies that explain a shift) and the judgement
of whether the best candidate is believable. `anchoring` finds the candidates and asks this module
which one wins; the constants here are the tuning of that judgement, in one place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.annotations.approx_match import best_prefix_alignment, edit_distance, find_approximate
from reader.core.annotations.selectors import CONTEXT, Selector

# Share of a quote's characters that may be edited for an approximate match to count at all.
MAX_ERROR_RATE = 0.25
# Candidates are ranked by a cost in edits: the edits between the stored prefix + quote + suffix and
# the text there, plus a position penalty of _POSITION_WEIGHT edits per doubling of the distance
# (beyond _POSITION_SCALE characters) from where the passage is expected. Counting edits across the
# whole selector lets 64 intact context characters outweigh a 3-character quote copied elsewhere,
# while a quote edited in one place still beats an untouched copy far away; the logarithm makes
# distance a tie-breaker: reports repeat whole passages with their context (headlines,
# boilerplate, scripts), and then nearness is the only evidence left.
_POSITION_WEIGHT = 4.0
_POSITION_SCALE = 64.0
# For long quotes a doubling of the distance is worth this share of the quote's characters instead:
# the 10% of a 200-character sentence that a cleaner may change (20 edits) must not let an untouched
# copy of it 500 characters further away win; edits are weak evidence between near-identical copies.
_POSITION_WEIGHT_PER_CHAR = 0.05
# Any displacement at all costs this much more than none: text before the passage must have changed,
# whereas a copy of the passage landing exactly where the passage was would be a coincidence.
_DISPLACED = 6.0
# Characters of slack, per copy, when copies of the passage explain the shift of another occurrence:
# the stretch two copies share can run on by a few characters (both followed by a line break).
_COPY_TOLERANCE = 4
# Context edits by which an occurrence at the expected position must trail another for it to be taken
# for an inserted copy: its context breaks off into other text, not just a few characters corrected.
_BROKEN_CONTEXT = 8.0
# Candidates compared pairwise to see whether one is an inserted copy that pushed the other along.
_PAIRED = 6
# Extra characters read beyond a prefix/suffix so that a few inserted characters still align.
_CONTEXT_SLACK = 8
# Candidates scored in full: scoring costs two small alignments, so common quotes are shortlisted.
_SHORTLIST = 48
# Below this length an exact occurrence needs its context to be believed (的 occurs everywhere).
_SELF_EVIDENT_LEN = 8
# An occurrence sharing this many characters of immediate context is always shortlisted.
_NEAR_CONTEXT = 4
# How far from the expected position approximate occurrences are looked for first.
CONTEXT_RADIUS = 4096
# How far the stored context is looked for when the quote itself has changed too much to be found.
CONTEXT_SPAN_RADIUS = 1024


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    errors: int
    prefix_sim: float
    suffix_sim: float
    edits: int  # quote edits plus context edits
    residual: int  # characters of displacement from the expected position that nothing explains
    cost: float
    score: float

    @property
    def context(self) -> float:
        return (self.prefix_sim + self.suffix_sim) / 2.0


# Stands for the edge of the document. A stored prefix shorter than CONTEXT means the quote sat near
# the start (a short suffix: near the end); matching the edge too keeps that evidence.
_EDGE = "\uffff"


def _context_errors(text: str, pos: int, stored: str, before: bool) -> tuple[int, int, int]:
    """(edits, characters, consumed) between the stored prefix (before=True) or suffix and the text
    at `pos`; `consumed` is how many characters of the text the context spans.

    The alignment is pinned at `pos` and free at the far end, so a few characters inserted or
    deleted in the context cost only themselves.
    """
    if before:
        if text[max(0, pos - len(stored)) : pos] == stored and (len(stored) == CONTEXT or pos == len(stored)):
            return 0, len(stored), len(stored)
        lo = pos - len(stored) - _CONTEXT_SLACK
        window = text[max(0, lo) : pos][::-1] + (_EDGE if lo <= 0 else "")
        pattern = stored[::-1] + ("" if len(stored) >= CONTEXT else _EDGE)
    else:
        if text.startswith(stored, pos) and (len(stored) == CONTEXT or pos + len(stored) == len(text)):
            return 0, len(stored), len(stored)
        hi = pos + len(stored) + _CONTEXT_SLACK
        window = text[pos:hi] + (_EDGE if hi >= len(text) else "")
        pattern = stored + ("" if len(stored) >= CONTEXT else _EDGE)
    dist, length = best_prefix_alignment(pattern, window)
    return dist, len(pattern), length


def _shared_stretch(text: str, a: int, b: int, forward: bool) -> int:
    """How far text around a and text around b agree, going forward (or backward), allowing a few
    scattered substitutions (characters corrected in one copy). After a difference, agreement counts
    again only from a run of _NEAR_CONTEXT equal characters, so that chance equalities past the end
    of a copied stretch do not lengthen it."""
    n = len(text)
    agreed = 0
    misses: list[int] = []
    run = 0
    i = 0
    while True:
        x, y = (a + i, b + i) if forward else (a - 1 - i, b - 1 - i)
        if not (0 <= x < n and 0 <= y < n):
            return agreed
        if text[x] == text[y]:
            run += 1
            if not misses or run >= _NEAR_CONTEXT:
                agreed = i + 1
                # Skip quickly over long identical stretches.
                step = 64
                while step >= 8:
                    if forward:
                        same = (
                            x + 1 + step <= n
                            and y + 1 + step <= n
                            and text[x + 1 : x + 1 + step] == text[y + 1 : y + 1 + step]
                        )
                    else:
                        same = x - step >= 0 and y - step >= 0 and text[x - step : x] == text[y - step : y]
                    if same:
                        i += step
                        x, y = (x + step, y + step) if forward else (x - step, y - step)
                        agreed = i + 1
                    else:
                        step //= 2
        else:
            run = 0
            misses.append(i)
            if len(misses) > 2 and misses[-3] > i - 16:
                return agreed
        i += 1


class Scorer:
    """Scores candidate placements of one selector in one text."""

    def __init__(self, text: str, selector: Selector, expected: int, edges: bool = True) -> None:
        self.text = text
        self.selector = selector
        self.expected = expected
        self.bases = tuple(dict.fromkeys((expected, selector.start)))
        self.size = len(selector.quote)
        self.edges = edges  # whether a short prefix/suffix means the document's edge
        self.weight = max(_POSITION_WEIGHT, _POSITION_WEIGHT_PER_CHAR * self.size)

    def _context(self, pos: int, stored: str, before: bool) -> tuple[int, int, int]:
        if not self.edges and not stored:
            return 0, 0, 0
        return _context_errors(self.text, pos, stored, before)

    def position_cost(self, residual: int) -> float:
        if residual == 0:
            return 0.0
        return _DISPLACED + self.weight * math.log2(1.0 + residual / _POSITION_SCALE)

    def residual(self, start: int, prefix_start: int | None) -> int:
        """Displacement from the nearest expected position, of the quote or of its aligned prefix."""
        plen = len(self.selector.prefix)
        return min(
            min(abs(start - e), abs(prefix_start - (e - plen)) if prefix_start is not None else abs(start - e))
            for e in self.bases
        )

    def finish(self, c: Candidate, residual: int) -> Candidate:
        shift = math.log2(1.0 + residual / _POSITION_SCALE)
        chars = max(1, self.size + len(self.selector.prefix) + len(self.selector.suffix))
        score = max(0.0, 1.0 - c.edits / chars) * (0.9 + 0.1 / (1.0 + shift))
        cost = c.edits + self.position_cost(residual)
        return Candidate(c.start, c.end, c.errors, c.prefix_sim, c.suffix_sim, c.edits, residual, cost, score)

    def score(self, start: int, end: int, errors: int) -> Candidate:
        pe, plen, pspan = self._context(start, self.selector.prefix, True)
        se, slen, _ = self._context(end, self.selector.suffix, False)
        edits = errors + pe + se
        ps = max(0.0, 1.0 - pe / plen) if plen else 1.0
        ss = max(0.0, 1.0 - se / slen) if slen else 1.0
        # An indel or two in the prefix moves the quote but not where its prefix begins.
        aligned = start - pspan if 0 < pe <= 2 and abs(pspan - len(self.selector.prefix)) <= 2 else None
        raw = Candidate(start, end, errors, ps, ss, edits, 0, 0.0, 1.0)
        return self.finish(raw, self.residual(start, aligned))

    def explain(self, candidates: list[Candidate]) -> list[Candidate]:
        """Lower the displacement of an occurrence pushed along by inserted copies of the passage.

        When a sentence is copied elsewhere and the original then edited, the untouched copy matches
        the selector best; but if the copy sits before the original, the original has moved by
        exactly the copy's length, which no copy lands on by chance. Each plausible occurrence is
        tried as the original with every combination of the others before it as inserted copies.
        """
        k = max_errors(self.size)
        plausible = sorted((c for c in candidates if c.errors <= k), key=lambda c: c.edits)[:_PAIRED]
        if len(plausible) < 2:
            return candidates
        near = min(_NEAR_CONTEXT, len(self.selector.prefix)), min(_NEAR_CONTEXT, len(self.selector.suffix))
        # In document order, so that an occurrence explained in turn explains nothing further on:
        # a passage repeated twice in a row must not hand the second copy the first one's place.
        plausible.sort(key=lambda c: c.start)
        better: dict[tuple[int, int], Candidate] = {}
        for i, x in enumerate(plausible):
            if x.residual == 0:
                continue
            shifts = [(0, 0)]  # (characters of copies before x, how many copies)
            nearest = x.residual  # the explanation must put x nearer than the copies it blames
            for c in plausible[:i]:
                c = better.get((c.start, c.end), c)
                # An occurrence where the passage was expected is the original, not a copy, unless its
                # context breaks off where x's does not (a copy of the line pasted right above it);
                # and a copy more edited than x explains nothing.
                broken = c.edits - c.errors >= x.edits - x.errors + _BROKEN_CONTEXT
                if c.residual == 0 and not broken:
                    nearest = -1
                if c.end > x.start or c.errors > x.errors or (c.residual == 0 and not broken) or len(shifts) >= 8:
                    continue
                left = _shared_stretch(self.text, c.start, x.start, False)
                right = _shared_stretch(self.text, c.end, x.end, True)
                if left < near[0] or right < near[1]:
                    continue  # not copies of one passage: their immediate contexts differ
                length = left + (c.end - c.start) + right
                shifts += [(s + length, n + 1) for s, n in shifts]
                if not broken:
                    nearest = min(nearest, c.residual - _COPY_TOLERANCE - 1)
            # Each shared stretch can run on by a few characters (both copies followed by blank lines).
            if any(
                abs(x.start - s - e) <= min(_COPY_TOLERANCE * n, nearest) for s, n in shifts[1:] for e in self.bases
            ):
                better[(x.start, x.end)] = self.finish(x, 0)
        if not better:
            return candidates
        return [better.get((c.start, c.end), c) for c in candidates]

    def at_expected(self) -> list[tuple[int, int, int]]:
        """The quote read at the expected positions themselves, within the fuzzy budget."""
        k = max_errors(self.size)
        out: list[tuple[int, int, int]] = []
        for e in self.bases:
            if 0 <= e <= len(self.text):
                dist, length = best_prefix_alignment(self.selector.quote, self.text[e : e + self.size + k])
                if dist <= k:
                    out.append((e, e + length, dist))
        return out

    def shortlist(self, spans: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """Spans worth scoring in full: those whose immediate context already agrees, then the
        fewest errors, then the nearest to the expected position. Keeps common quotes cheap."""
        if len(spans) <= _SHORTLIST:
            return list(spans)
        text = self.text
        head = self.selector.prefix[-_NEAR_CONTEXT:]
        tail = self.selector.suffix[:_NEAR_CONTEXT]

        def rank(span: tuple[int, int, int]) -> tuple[int, int, int]:
            start, end, errors = span
            agree = int(bool(head) and text[max(0, start - len(head)) : start] == head)
            agree += int(bool(tail) and text.startswith(tail, end))
            return (-agree, errors, abs(start - self.expected))

        return sorted(spans, key=rank)[:_SHORTLIST]

    def context_span(self, radius: int) -> tuple[int, int, int] | None:
        """Where the stored prefix and suffix still stand together near the expected position,
        with the quote's edit count between them, even if that exceeds the fuzzy budget.

        This finds a passage edited in place beyond recognition by its own text (a 2-character
        quote with one character changed): such a place should outrank a copy of the quote
        elsewhere, and if what now stands there is too different the annotation is an orphan,
        not moved onto the copy.
        """
        prefix, suffix, size = self.selector.prefix, self.selector.suffix, self.size
        if len(prefix) < _NEAR_CONTEXT or len(suffix) < _NEAR_CONTEXT:
            return None
        text = self.text
        lo = max(0, self.expected - radius - len(prefix))
        hi = min(len(text), self.expected + size + radius + len(suffix))
        drift = max(2, max_errors(size))
        befores = find_approximate(prefix, text, max_errors(len(prefix)), lo, hi)
        afters = find_approximate(suffix, text, max_errors(len(suffix)), lo, hi)
        best: tuple[int, int, int] | None = None
        best_key = (0, 0)
        for p in befores:
            for q in afters:
                gap = q.start - p.end
                if size - drift <= gap <= size + drift:
                    errors = edit_distance(self.selector.quote, text[p.end : q.start])
                    key = (p.errors + q.errors + errors, abs(p.end - self.expected))
                    if best is None or key < best_key:
                        best, best_key = (p.end, q.start, errors), key
        return best


def reach_for(spare: float, weight: float) -> int:
    """The distance from the expected position at which the position penalty of a displaced
    candidate reaches `spare` edits."""
    exponent = max(0.0, spare - _DISPLACED) / weight
    if exponent > 40:
        return 1 << 40
    return int(_POSITION_SCALE * (2.0**exponent - 1.0)) + 1


def max_errors(size: int) -> int:
    return int(size * MAX_ERROR_RATE)


def believable(best: Candidate, size: int) -> bool:
    """Whether a best candidate is good enough to show rather than orphan the annotation.

    An exact quote of some length is its own evidence; a short one (a single common character)
    needs its context. An approximate quote needs context in proportion to how much it changed,
    because in repetitive reports a headline with a few characters changed occurs many times.
    A quote changed beyond the fuzzy budget is kept only where its whole context still stands.
    """
    if best.errors == 0:
        return size >= _SELF_EVIDENT_LEN or best.context >= 0.5
    quote_sim = 1.0 - best.errors / size
    if quote_sim >= 0.9:
        return best.context >= 0.25
    if quote_sim >= 1.0 - MAX_ERROR_RATE:
        return best.context >= 0.5
    return quote_sim >= 0.5 and min(best.prefix_sim, best.suffix_sim) >= 0.8


def misread(c: Candidate, candidates: Sequence[Candidate]) -> bool:
    return any(
        o.errors < c.errors and min(o.end, c.end) - max(o.start, c.start) > (c.end - c.start) // 2 for o in candidates
    )


def best_candidate(candidates: Sequence[Candidate]) -> Candidate | None:
    return min(candidates, key=lambda c: (c.cost, c.errors, c.residual), default=None)
