"""What an annotation stores to be found again (W3C TextPositionSelector + TextQuoteSelector) and
where it lands: the data both the anchoring search and its scoring speak in."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32
"""Characters of prefix and suffix stored with a quote (the Hypothesis client uses the same)."""


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
    position; 1.0 means the quote and its whole context are unchanged. `rebased` when the passage was
    placed on the same words with only markup or punctuation changed around them: its quote may then be
    rewritten to what the text now shows (no other placement may rewrite what the user selected).
    """

    start: int
    end: int
    exact: bool
    score: float
    rebased: bool = False


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
