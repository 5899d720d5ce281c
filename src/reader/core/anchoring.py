"""Keep annotations attached to their passage when a document's text changes.

An annotation remembers where it was (code-point `start`/`end` in the cleaned text, the W3C
TextPositionSelector) and what it was (the exact `quote` with up to 32 characters of `prefix` and
`suffix`, the W3C TextQuoteSelector). The text under it is not fixed: the user restores or removes a
line, the cleaner improves, a file is imported again. Offsets alone would then point at the wrong
words, and the quote alone is ambiguous in reports that repeat their headlines, so re-anchoring uses
both, in order of cost and certainty:

1. the quote still sits at its stored offset (or where its neighbours moved to) with its context;
2. the quote occurs exactly elsewhere: the prefix, suffix and distance choose among occurrences;
3. the quote occurs only approximately (at most a quarter of its characters edited): candidates from
   a bit-parallel search (`approx_match`) are scored on quote similarity, prefix, suffix and distance
   from the expected position, as the Hypothesis annotator does.

An exact occurrence with poor context does not win automatically: when a sentence has been copied
elsewhere and the original edited, the edited original with its context intact is the better place.
A passage that cannot be placed with enough confidence is an orphan (None): showing a highlight on
the wrong words is worse than asking the user to re-attach it.

Everything here is pure Python and Qt-free; offsets are code points, as everywhere in the core.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.approx_match import best_prefix_alignment, edit_distance, find_approximate

__all__ = ["CONTEXT", "Anchor", "Selector", "anchor", "anchor_many", "describe"]

CONTEXT = 32
"""Characters of prefix and suffix stored with a quote (the Hypothesis client uses the same)."""

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
# Extra characters read beyond a prefix/suffix so that a few inserted characters still align.
_CONTEXT_SLACK = 8
# Candidates scored in full: scoring costs two small alignments, so common quotes are shortlisted.
_SHORTLIST = 48
# Below this length an exact occurrence needs its context to be believed (的 occurs everywhere).
_SELF_EVIDENT_LEN = 8
# An occurrence sharing this many characters of immediate context is always shortlisted.
_NEAR_CONTEXT = 4
# How far from the expected position approximate occurrences are looked for first.
_CONTEXT_RADIUS = 4096
# How far the stored context is looked for when the quote itself has changed too much to be found.
_CONTEXT_SPAN_RADIUS = 1024


@dataclass(frozen=True)
class Selector:
    """Where an annotation was and what it said: W3C TextPositionSelector + TextQuoteSelector."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Anchor:
    """Where a selector lands in the current text; `exact` when the quote matched character for character.

    `score` in [0, 1] combines quote, prefix and suffix similarity and distance from the expected
    position; 1.0 means the quote and its whole context are unchanged.
    """

    start: int
    end: int
    exact: bool
    score: float


def describe(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    """The selector that records text[start:end] so that it can be found again after edits."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is outside a text of {len(text)} characters")
    if context < 0:
        raise ValueError("context must not be negative")
    return Selector(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    errors: int
    prefix_sim: float
    suffix_sim: float
    cost: float
    score: float

    @property
    def context(self) -> float:
        return (self.prefix_sim + self.suffix_sim) / 2.0


# Stands for the edge of the document. A stored prefix shorter than CONTEXT means the quote sat near
# the start (a short suffix: near the end); matching the edge too keeps that evidence.
_EDGE = "\uffff"


def _context_errors(text: str, pos: int, stored: str, before: bool) -> tuple[int, int]:
    """(edits, characters) between the stored prefix (before=True) or suffix and the text at `pos`.

    The alignment is pinned at `pos` and free at the far end, so a few characters inserted or
    deleted in the context cost only themselves.
    """
    if before:
        if text[max(0, pos - len(stored)) : pos] == stored and (len(stored) == CONTEXT or pos == len(stored)):
            return 0, len(stored)
        lo = pos - len(stored) - _CONTEXT_SLACK
        window = text[max(0, lo) : pos][::-1] + (_EDGE if lo <= 0 else "")
        pattern = stored[::-1] + ("" if len(stored) >= CONTEXT else _EDGE)
    else:
        if text.startswith(stored, pos) and (len(stored) == CONTEXT or pos + len(stored) == len(text)):
            return 0, len(stored)
        hi = pos + len(stored) + _CONTEXT_SLACK
        window = text[pos:hi] + (_EDGE if hi >= len(text) else "")
        pattern = stored + ("" if len(stored) >= CONTEXT else _EDGE)
    dist, _ = best_prefix_alignment(pattern, window)
    return dist, len(pattern)


class _Scorer:
    """Scores candidate placements of one selector in one text."""

    def __init__(self, text: str, selector: Selector, expected: int, edges: bool = True) -> None:
        self.text = text
        self.selector = selector
        self.expected = expected
        self.size = len(selector.quote)
        self.edges = edges  # whether a short prefix/suffix means the document's edge

    def _context(self, pos: int, stored: str, before: bool) -> tuple[int, int]:
        if not self.edges and not stored:
            return 0, 0
        return _context_errors(self.text, pos, stored, before)

    def score(self, start: int, end: int, errors: int) -> _Candidate:
        pe, plen = self._context(start, self.selector.prefix, True)
        se, slen = self._context(end, self.selector.suffix, False)
        edits = errors + pe + se
        chars = max(1, self.size + plen + slen)
        shift = math.log2(1.0 + abs(start - self.expected) / _POSITION_SCALE)
        cost = edits + _POSITION_WEIGHT * shift
        # Reported score: share of the selector matched, lowered slightly by distance.
        score = max(0.0, 1.0 - edits / chars) * (0.9 + 0.1 / (1.0 + shift))
        ps = 1.0 - pe / plen if plen else 1.0
        ss = 1.0 - se / slen if slen else 1.0
        return _Candidate(start, end, errors, ps, ss, cost, score)

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
        drift = max(2, _max_errors(size))
        befores = find_approximate(prefix, text, _max_errors(len(prefix)), lo, hi)
        afters = find_approximate(suffix, text, _max_errors(len(suffix)), lo, hi)
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


def _reach(spare: float) -> int:
    """The distance from the expected position at which the position penalty reaches `spare` edits."""
    exponent = max(0.0, spare) / _POSITION_WEIGHT
    if exponent > 40:
        return 1 << 40
    return int(_POSITION_SCALE * (2.0**exponent - 1.0)) + 1


def _max_errors(size: int) -> int:
    return int(size * MAX_ERROR_RATE)


def _believable(best: _Candidate, size: int) -> bool:
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


def _to_anchor(best: _Candidate) -> Anchor:
    return Anchor(best.start, best.end, best.errors == 0, min(1.0, max(0.0, best.score)))


def _best(candidates: Sequence[_Candidate]) -> _Candidate | None:
    return min(candidates, key=lambda c: (c.cost, c.errors), default=None)


def _anchor_quote(text: str, selector: Selector, expected: int, edges: bool = True) -> Anchor | None:
    quote = selector.quote
    size = len(quote)
    scorer = _Scorer(text, selector, expected, edges)

    # 1. Where it was, or where its neighbours moved to: one comparison each.
    for pos in dict.fromkeys((expected, selector.start)):
        if 0 <= pos <= len(text) - size and text.startswith(quote, pos):
            hit = scorer.score(pos, pos + size, 0)
            if hit.prefix_sim == 1.0 and hit.suffix_sim == 1.0:
                return _to_anchor(hit)

    # 2. Every exact occurrence; context and distance choose.
    exact: list[tuple[int, int, int]] = []
    pos = text.find(quote)
    while pos != -1:
        exact.append((pos, pos + size, 0))
        pos = text.find(quote, pos + 1)
    candidates = [scorer.score(*span) for span in scorer.shortlist(exact)]
    best = _best(candidates)
    if best is not None and best.cost < 1.0:
        return _to_anchor(best)  # anything with an edit costs at least 1: nothing can beat this

    # 3. Approximate occurrences: also consulted when the exact ones have poor context, because an
    # edited original with its context intact beats an unedited copy somewhere else.
    # Branch and bound: a candidate with an edit costs 1 plus its position penalty, so it can only
    # beat the best exact occurrence within a computable distance of the expected position.
    # Nearby first: a good candidate there bounds how far the rest of the text must be searched.
    reach = len(text) if best is None else _reach(best.cost - 1.0)
    k = _max_errors(size)
    searched = 0
    for radius in (min(reach, _CONTEXT_RADIUS), reach):
        if radius <= searched:
            break
        if k > 0:
            lo = max(0, expected - radius - k)
            hi = min(len(text), expected + size + radius + k)
            found = find_approximate(quote, text, k, lo, hi)
            fuzzy = [(m.start, m.end, m.errors) for m in found if m.errors > 0]
            candidates.extend(scorer.score(*span) for span in scorer.shortlist(fuzzy))
        best = _best(candidates)
        if not searched and (best is None or best.context < 0.9):
            # 4. The place its context marks, in case the quote changed too much to be found itself.
            span = scorer.context_span(min(radius, _CONTEXT_SPAN_RADIUS))
            if span is not None:
                candidates.append(scorer.score(*span))
        searched = radius
        best = _best(candidates)
        if best is not None:
            reach = min(reach, _reach(best.cost - 1.0))
    best = _best(candidates)
    if best is None or not _believable(best, size):
        return None
    return _to_anchor(best)


def _anchor_point(text: str, selector: Selector, expected: int) -> Anchor | None:
    """An empty selector marks a point between its prefix and suffix: find those instead."""
    prefix, suffix = selector.prefix, selector.suffix
    if not prefix and not suffix:
        pos = expected if 0 <= expected <= len(text) else selector.start
        return Anchor(pos, pos, True, 1.0) if 0 <= pos <= len(text) else None
    joined = Selector(
        start=selector.start - len(prefix),
        end=selector.start + len(suffix),
        quote=prefix + suffix,
        prefix="",
        suffix="",
    )
    found = _anchor_quote(text, joined, expected - len(prefix), edges=False)
    if found is None:
        return None
    point = min(found.start + len(prefix), found.end)
    return Anchor(point, point, found.exact, found.score)


def _anchor(text: str, selector: Selector, expected: int) -> Anchor | None:
    if not selector.quote:
        return _anchor_point(text, selector, expected)
    return _anchor_quote(text, selector, expected)


def anchor(text: str, selector: Selector) -> Anchor | None:
    """Where `selector` belongs in `text` now, or None when the passage cannot be found (an orphan)."""
    return _anchor(text, selector, selector.start)


def anchor_many(text: str, selectors: Sequence[Selector]) -> list[Anchor | None]:
    """Re-anchor a document's annotations, in the order given.

    Edits usually shift whole stretches of text by the same amount, so selectors are visited in
    document order and each is first looked for where the shift of its predecessor puts it: after a
    line is inserted near the top, every later annotation is confirmed with one comparison.
    """
    results: list[Anchor | None] = [None] * len(selectors)
    shift = 0
    for i in sorted(range(len(selectors)), key=lambda i: selectors[i].start):
        sel = selectors[i]
        found = _anchor(text, sel, sel.start + shift)
        results[i] = found
        if found is not None:
            shift = found.start - sel.start
    return results
