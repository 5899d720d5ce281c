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
The stored position is evidence too: an occurrence exactly where the passage was expected (read there
directly, within the fuzzy budget) needs no edit before it, and an occurrence displaced by exactly
the length of copies of the passage inserted before it is where the original was pushed; any other
displacement costs extra (`_DISPLACED`), so such an occurrence beats a copy that merely lies near.
A passage that cannot be placed with enough confidence is an orphan (None): showing a highlight on
the wrong words is worse than asking the user to re-attach it.

Everything here is pure Python and Qt-free; offsets are code points, as everywhere in the core.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.approx_match import best_prefix_alignment, edit_distance, find_approximate
from reader.core.textdiff import OffsetCarrier

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


class _Scorer:
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

    def finish(self, c: _Candidate, residual: int) -> _Candidate:
        shift = math.log2(1.0 + residual / _POSITION_SCALE)
        chars = max(1, self.size + len(self.selector.prefix) + len(self.selector.suffix))
        score = max(0.0, 1.0 - c.edits / chars) * (0.9 + 0.1 / (1.0 + shift))
        cost = c.edits + self.position_cost(residual)
        return _Candidate(c.start, c.end, c.errors, c.prefix_sim, c.suffix_sim, c.edits, residual, cost, score)

    def score(self, start: int, end: int, errors: int) -> _Candidate:
        pe, plen, pspan = self._context(start, self.selector.prefix, True)
        se, slen, _ = self._context(end, self.selector.suffix, False)
        edits = errors + pe + se
        ps = max(0.0, 1.0 - pe / plen) if plen else 1.0
        ss = max(0.0, 1.0 - se / slen) if slen else 1.0
        # An indel or two in the prefix moves the quote but not where its prefix begins.
        aligned = start - pspan if 0 < pe <= 2 and abs(pspan - len(self.selector.prefix)) <= 2 else None
        raw = _Candidate(start, end, errors, ps, ss, edits, 0, 0.0, 1.0)
        return self.finish(raw, self.residual(start, aligned))

    def explain(self, candidates: list[_Candidate]) -> list[_Candidate]:
        """Lower the displacement of an occurrence pushed along by inserted copies of the passage.

        When a sentence is copied elsewhere and the original then edited, the untouched copy matches
        the selector best; but if the copy sits before the original, the original has moved by
        exactly the copy's length, which no copy lands on by chance. Each plausible occurrence is
        tried as the original with every combination of the others before it as inserted copies.
        """
        k = _max_errors(self.size)
        plausible = sorted((c for c in candidates if c.errors <= k), key=lambda c: c.edits)[:_PAIRED]
        if len(plausible) < 2:
            return candidates
        near = min(_NEAR_CONTEXT, len(self.selector.prefix)), min(_NEAR_CONTEXT, len(self.selector.suffix))
        # In document order, so that an occurrence explained in turn explains nothing further on:
        # a passage repeated twice in a row must not hand the second copy the first one's place.
        plausible.sort(key=lambda c: c.start)
        better: dict[tuple[int, int], _Candidate] = {}
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
        k = _max_errors(self.size)
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


def _reach(spare: float, weight: float) -> int:
    """The distance from the expected position at which the position penalty of a displaced
    candidate reaches `spare` edits."""
    exponent = max(0.0, spare - _DISPLACED) / weight
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


def _misread(c: _Candidate, candidates: Sequence[_Candidate]) -> bool:
    return any(
        o.errors < c.errors and min(o.end, c.end) - max(o.start, c.start) > (c.end - c.start) // 2 for o in candidates
    )


def _to_anchor(best: _Candidate) -> Anchor:
    return Anchor(best.start, best.end, best.errors == 0, min(1.0, max(0.0, best.score)))


def _best(candidates: Sequence[_Candidate]) -> _Candidate | None:
    return min(candidates, key=lambda c: (c.cost, c.errors, c.residual), default=None)


def _intact(text: str, pos: int, stored: str, before: bool, edges: bool) -> bool:
    """Whether the stored prefix (before=True) or suffix stands unchanged at `pos`, a short one
    against the document's edge (as _context_errors counts it)."""
    if not stored and not edges:
        return True
    if before:
        return text[max(0, pos - len(stored)) : pos] == stored and (len(stored) == CONTEXT or pos == len(stored))
    return text.startswith(stored, pos) and (len(stored) == CONTEXT or pos + len(stored) == len(text))


def _anchor_quote(text: str, selector: Selector, expected: int, edges: bool = True) -> Anchor | None:
    quote = selector.quote
    size = len(quote)

    # 1. Where it was, or where its neighbours moved to: a few string comparisons each.
    for pos in (expected, selector.start) if expected != selector.start else (expected,):
        if (
            0 <= pos <= len(text) - size
            and text.startswith(quote, pos)
            and _intact(text, pos, selector.prefix, True, edges)
            and _intact(text, pos + size, selector.suffix, False, edges)
        ):
            return Anchor(pos, pos + size, True, 1.0)

    scorer = _Scorer(text, selector, expected, edges)
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
    # edited original with its context intact beats an unedited copy somewhere else. The quote read
    # at the expected position itself comes first: one alignment, and the strongest evidence.
    k = _max_errors(size)
    placed: list[_Candidate] = []
    if k > 0:
        placed = [scorer.score(*span) for span in scorer.at_expected() if span[2] > 0]
        candidates.extend(placed)
    best = _best(candidates)
    # Branch and bound: a displaced candidate with an edit costs 1 + _DISPLACED plus its position
    # penalty, so it can only beat the best so far within a computable distance of the expected
    # position. Nearby first: a good candidate there bounds how far the rest must be searched.
    # When the best is itself displaced, an edited original pushed along by a copy of itself may be
    # nearby (see _Scorer.explain), so the nearby search covers _CONTEXT_RADIUS whatever the bound.
    reach = len(text) if best is None else _reach(best.cost - 1.0, scorer.weight)
    first = min(reach, _CONTEXT_RADIUS)
    if best is not None and (best.residual > 0 or best.context < 0.9):
        first = _CONTEXT_RADIUS
    searched = 0
    for radius in (first, reach):
        if radius <= searched:
            continue
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
            reach = min(reach, max(searched, _reach(best.cost - 1.0, scorer.weight)))
    if placed:
        # A reading forced to start at the expected position is a misreading of any occurrence
        # found overlapping it with fewer edits (the quote shifted by a character or two).
        candidates = [c for c in candidates if c not in placed or not _misread(c, candidates)]
    candidates = scorer.explain(candidates)
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


def anchor(text: str, selector: Selector, old_text: str | None = None) -> Anchor | None:
    """Where `selector` belongs in `text` now, or None when the passage cannot be found (an orphan).

    With `old_text` (the text the selector was made on), the stored position is first carried through a
    diff of the two texts, so a duplicated sentence elsewhere cannot outbid the edited original.
    """
    expected = OffsetCarrier(old_text, text).carry(selector.start) if old_text is not None else selector.start
    return _anchor(text, selector, expected)


def anchor_many(text: str, selectors: Sequence[Selector], old_text: str | None = None) -> list[Anchor | None]:
    """Re-anchor a document's annotations, in the order given.

    Edits usually shift whole stretches of text by the same amount, so selectors are visited in
    document order and each is first looked for where the shift of its predecessor puts it: after a
    line is inserted near the top, every later annotation is confirmed with one comparison. With
    `old_text`, each stored position is carried through a diff of the two texts instead.
    """
    results: list[Anchor | None] = [None] * len(selectors)
    carrier = OffsetCarrier(old_text, text) if selectors and old_text is not None and old_text != text else None
    shift = 0
    for i in sorted(range(len(selectors)), key=lambda i: selectors[i].start):
        sel = selectors[i]
        expected = carrier.carry(sel.start) if carrier is not None else sel.start + shift
        found = _anchor(text, sel, expected)
        results[i] = found
        if found is not None:
            shift = found.start - sel.start
    return results
