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
   from the expected position, as the Hypothesis annotator does;
4. with the text the positions were stored against, where a diff of the two texts carries the passage,
   when only the markup or punctuation around the very same words changed (`_same_words`).

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

import re
from collections.abc import Sequence

from reader.core.annotations.approx_match import find_approximate
from reader.core.annotations.scoring import (
    CONTEXT_RADIUS,
    CONTEXT_SPAN_RADIUS,
    Candidate,
    Scorer,
    believable,
    best_candidate,
    max_errors,
    misread,
    reach_for,
)
from reader.core.annotations.selectors import CONTEXT, Anchor, Selector, describe
from reader.core.text.normalise import normalise
from reader.core.text.textdiff import OffsetCarrier

__all__ = [
    "CONTEXT",
    "Anchor",
    "OffsetCarrier",
    "Selector",
    "anchor",
    "anchor_many",
    "describe",
    "on_its_words",
    "same_words_only",
]


def _to_anchor(best: Candidate) -> Anchor:
    return Anchor(best.start, best.end, best.errors == 0, min(1.0, max(0.0, best.score)))


def _intact(text: str, pos: int, stored: str, before: bool, edges: bool) -> bool:
    """Whether the stored prefix (before=True) or suffix stands unchanged at `pos`, a short one
    against the document's edge (as _context_errors counts it)."""
    if not stored and not edges:
        return True
    if before:
        return text[max(0, pos - len(stored)) : pos] == stored and (len(stored) == CONTEXT or pos == len(stored))
    return text.startswith(stored, pos) and (len(stored) == CONTEXT or pos + len(stored) == len(text))


def _in_place(text: str, selector: Selector, expected: int, edges: bool) -> Anchor | None:
    """The quote unchanged with its context at the expected offset or at its stored one."""
    size = len(selector.quote)
    for pos in (expected, selector.start) if expected != selector.start else (expected,):
        if (
            0 <= pos <= len(text) - size
            and text.startswith(selector.quote, pos)
            and _intact(text, pos, selector.prefix, True, edges)
            and _intact(text, pos + size, selector.suffix, False, edges)
        ):
            return Anchor(pos, pos + size, True, 1.0)
    return None


def _exact_spans(text: str, quote: str) -> list[tuple[int, int, int]]:
    """Every exact occurrence of the quote as (start, end, errors=0)."""
    spans: list[tuple[int, int, int]] = []
    pos = text.find(quote)
    while pos != -1:
        spans.append((pos, pos + len(quote), 0))
        pos = text.find(quote, pos + 1)
    return spans


def _anchor_quote(text: str, selector: Selector, expected: int, edges: bool = True) -> Anchor | None:
    """Where a non-empty quote belongs, by the stages of the module's docstring, cheapest first."""
    # 1. Where it was, or where its neighbours moved to: a few string comparisons each.
    in_place = _in_place(text, selector, expected, edges)
    if in_place is not None:
        return in_place

    scorer = Scorer(text, selector, expected, edges)
    # 2. Every exact occurrence; context and distance choose.
    candidates = [scorer.score(*span) for span in scorer.shortlist(_exact_spans(text, selector.quote))]
    best = best_candidate(candidates)
    if best is not None and best.cost < 1.0:
        return _to_anchor(best)  # anything with an edit costs at least 1: nothing can beat this

    candidates = _with_approximate(text, selector, expected, scorer, candidates)
    best = best_candidate(candidates)
    if best is None or not believable(best, len(selector.quote)):
        return None
    return _to_anchor(best)


def _with_approximate(
    text: str, selector: Selector, expected: int, scorer: Scorer, candidates: list[Candidate]
) -> list[Candidate]:
    """The exact `candidates` joined by approximate ones (stages 3 and 4), misreadings dropped and the
    displaced ones explained, ready for the final choice.

    Approximate occurrences are also consulted when the exact ones have poor context, because an edited
    original with its context intact beats an unedited copy somewhere else. The quote read at the
    expected position itself comes first: one alignment, and the strongest evidence.
    """
    k = max_errors(len(selector.quote))
    placed: list[Candidate] = []
    if k > 0:
        placed = [scorer.score(*span) for span in scorer.at_expected() if span[2] > 0]
        candidates.extend(placed)
    _search_outwards(text, selector.quote, expected, k, scorer, candidates)
    if placed:
        # A reading forced to start at the expected position is a misreading of any occurrence
        # found overlapping it with fewer edits (the quote shifted by a character or two).
        candidates = [c for c in candidates if c not in placed or not misread(c, candidates)]
    return scorer.explain(candidates)


def _search_outwards(text: str, quote: str, expected: int, k: int, scorer: Scorer, candidates: list[Candidate]) -> None:
    """Add to `candidates` the approximate occurrences (at most `k` edits) that could still beat the best.

    Branch and bound: a displaced candidate with an edit costs 1 + _DISPLACED plus its position
    penalty, so it can only beat the best so far within a computable distance of the expected
    position. Nearby first: a good candidate there bounds how far the rest must be searched.
    When the best is itself displaced, an edited original pushed along by a copy of itself may be
    nearby (see Scorer.explain), so the nearby search covers CONTEXT_RADIUS whatever the bound.
    """
    size = len(quote)
    best = best_candidate(candidates)
    reach = len(text) if best is None else reach_for(best.cost - 1.0, scorer.weight)
    first = min(reach, CONTEXT_RADIUS)
    if best is not None and (best.residual > 0 or best.context < 0.9):
        first = CONTEXT_RADIUS
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
        best = best_candidate(candidates)
        if not searched and (best is None or best.context < 0.9):
            # 4. The place its context marks, in case the quote changed too much to be found itself.
            span = scorer.context_span(min(radius, CONTEXT_SPAN_RADIUS))
            if span is not None:
                candidates.append(scorer.score(*span))
        searched = radius
        best = best_candidate(candidates)
        if best is not None:
            reach = min(reach, max(searched, reach_for(best.cost - 1.0, scorer.weight)))


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


def _same_words(text: str, selector: Selector, start: int, end: int) -> Anchor | None:
    """The passage where the diff carried it, when only its markup changed around the same words.

    A better cleaner may drop what surrounded the words (the `## ` of a Markdown heading, a table row's
    pipes, emphasis stars): the quote then differs by more than the fuzzy budget, but the diff knows
    exactly where those words went. They are accepted there only when the words (letters, digits,
    ideographs) under the carried span are the quote's words, every one and in order: a sentence edited
    into another (同意 → 不同意, 甲方向乙方 → 乙方向甲方) is an orphan, not a highlight on what it now says."""
    if not selector.quote or end <= start:
        return None
    if len(_words(text[start:end])) < 2 or not _same_words_as(text[start:end], selector.quote):
        return None
    return Anchor(start, end, False, 1.0, rebased=True)


def anchor(text: str, selector: Selector, old_text: str | None = None) -> Anchor | None:
    """Where `selector` belongs in `text` now, or None when the passage cannot be found (an orphan).

    With `old_text` (the text the selector was made on), the stored position is first carried through a
    diff of the two texts, so a duplicated sentence elsewhere cannot outbid the edited original.
    """
    if old_text is None:
        return _anchor(text, selector, selector.start)
    carrier = OffsetCarrier(old_text, text)
    expected = carrier.carry(selector.start)
    found = _anchor(text, selector, expected)
    return found if found is not None else _same_words(text, selector, expected, carrier.carry(selector.end))


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
        if found is None and carrier is not None:
            found = _same_words(text, sel, expected, carrier.carry(sel.end))
        results[i] = found
        if found is not None:
            shift = found.start - sel.start
    return results


_RUBY = (
    frozenset("\u02ca\u02c7\u02cb\u02d9")
    | frozenset(chr(c) for c in range(0x3100, 0x3130))
    | frozenset(chr(c) for c in range(0x31A0, 0x31C0))
)
"""Bopomofo and its tone marks: reading aids the cleaner leaves out of a line, never the words quoted."""


def _words(text: str) -> str:
    """The letters, digits and ideographs of `text`, in order and in normal form (one script, half-width,
    case-folded): what a reader means by "the words". Re-saving a file with full-width digits (４.２%) or
    one character in the other script (體系) leaves the words as they were."""
    return "".join(ch for ch in normalise(text) if ch.isalnum() and ch not in _RUBY)


_DETACHED_DIGITS = re.compile(r"(?<![0-9.,%])[0-9]+(?![0-9.,%])")


def _quote_pattern(quote: str) -> re.Pattern[str]:
    """The quote's words, where a digit run that stands apart (a footnote mark after a word, a page
    number on a line of its own: digits with no figure around them) may be missing. That is the junk an
    improved cleaner removes; a revised figure (4.2 -> 4.5) or a changed word still differs."""
    text = "".join(ch for ch in normalise(quote) if ch not in _RUBY)
    parts: list[str] = []
    last = 0
    for m in _DETACHED_DIGITS.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not _apart(before) or not _apart(after):
            continue
        parts.append(re.escape(_alnum(text[last : m.start()])))
        parts.append(f"(?:{m.group()})?")
        last = m.end()
    parts.append(re.escape(_alnum(text[last:])))
    return re.compile("".join(parts))


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _apart(ch: str) -> bool:
    """Whether a digit run next to `ch` stands apart from any figure: an end of the quote, a line break or
    an ideograph (a unit such as 年 or 处 after a page number is told apart by the line break before it)."""
    return ch == "" or ch in "\n\r" or (ch > "\u2e80" and not ch.isdigit() and ch not in "年月日号號时時分秒万萬亿億")


def on_its_words(text: str, selector: Selector, found: Anchor | None) -> bool:
    """Whether a placement still covers the words the user selected.

    An approximate match is wanted for a changed line break, a dropped `## ` or a full-width comma; it is
    wrong when a word under it changed: a highlight on 研发投入强度为4.2% carried onto 4.5% (or 一百八十萬名
    onto 二百萬名) would mark a figure the user never quoted, and every export would cite a number the
    document no longer holds. Such a passage is an orphan (kept with its quote, flagged), not a highlight
    on what the text now says. Words are compared in normal form, so width and script do not count, and a
    detached digit run (footnote mark, page number) the cleaner now leaves out may be missing."""
    if found is None:
        return False
    if found.exact or not selector.quote:
        return True
    return _same_words_as(text[found.start : found.end], selector.quote)


def _same_words_as(placed: str, quote: str) -> bool:
    """Whether `placed` holds the words of `quote` (in normal form, a detached digit run possibly gone)."""
    words = _words(placed)
    return words == _words(quote) or _quote_pattern(quote).fullmatch(words) is not None


def same_words_only(text: str, selectors: Sequence[Selector], found: Sequence[Anchor | None]) -> list[Anchor | None]:
    """`found` with every placement whose words differ from its quote's turned into an orphan (None)."""
    return [a if on_its_words(text, s, a) else None for s, a in zip(selectors, found, strict=True)]
