"""A country named in full is shown however unsure the model is of the word.

Why: the tagger's sureness drops for a country in an unusual sentence (a country before a person's
kind, a country at the start of a headline), and the place was then folded into the low tier, though
the name itself says what it is. Other places still need the model's sureness. Sentences written for
these tests; spans given by hand so the model's scores do not matter.
"""

from __future__ import annotations

from reader.core.entities import _named_mentions
from reader.core.entities.spans import Span


def _tiers(text: str, spans: list[Span]) -> dict[str, str]:
    return {m.normalized: m.tier for m in _named_mentions(text, text, spans)}


def test_an_unsure_country_is_shown() -> None:
    text = "他们在格鲁吉亚住了三年。"
    assert _tiers(text, [Span("place", 3, 7, 0.2, True)]) == {"格鲁吉亚": "main"}


def test_a_country_read_from_a_pair_is_shown() -> None:
    text = "中印边界谈判继续进行。"
    spans = [Span("place", 0, 1, 0.3, True, "中国"), Span("place", 1, 2, 0.3, True, "印度")]
    assert _tiers(text, spans) == {"中国": "main", "印度": "main"}


def test_an_unsure_town_still_needs_the_model() -> None:
    text = "他们在黑石镇住了三年。"
    assert _tiers(text, [Span("place", 3, 6, 0.2, True)]) == {"黑石镇": "low"}
