"""A three-character Chinese name the tagger ended a character early (周志 | 才), against a two-character
name followed by an ordinary word (吴明 | 说).

Why: the tagger writes a third given-name character that is also a one-character word (才, 先, 连) as a
word of its own, and the panel then shows a name no one has. The rule reads how often the character ends
personal names in the dictionary; grammar words (说, 在, 和) almost never do. The sentences are written
for these tests; none is copied from an evaluation set. Tokens are given by hand, so the tests do not
depend on the model's choices.
"""

from __future__ import annotations

from reader.core.entities.model import Token
from reader.core.entities.rules import spans_from_tokens


def _people(chunk: str, tokens: list[Token]) -> list[str]:
    return [chunk[s.start : s.end] for s in spans_from_tokens(chunk, tokens) if s.type == "person"]


def test_a_name_ended_before_a_character_that_ends_names_is_the_longer_name_the_text_writes_again() -> None:
    chunk = "厂长周志才宣布开工，周志才说"
    tokens = [Token(0, 2, "n"), Token(2, 4, "PER", 0.9), Token(4, 5, "d"), Token(5, 7, "v"), Token(7, 9, "v")]
    tokens += [Token(9, 10, "w"), Token(10, 13, "PER", 0.9), Token(13, 14, "v")]
    assert _people(chunk, tokens) == ["周志才", "周志才"]


def test_first_as_the_end_of_a_name_the_dictionary_knows() -> None:
    chunk = "署长于友先会见了客人"
    tokens = [Token(0, 2, "n"), Token(2, 4, "PER", 0.9), Token(4, 5, "d"), Token(5, 7, "v"), Token(7, 8, "u")]
    tokens.append(Token(8, 10, "n"))
    assert _people(chunk, tokens) == ["于友先"]


def test_a_name_written_once_and_unknown_is_not_made_longer() -> None:
    # 张伟 | 先 | 发言 "Zhang Wei spoke first" has the shape of 于友 | 先 | 会见: only a dictionary entry or
    # the text writing the three characters again tells a name from a name and an adverb.
    for chunk in ("张伟先发言", "王强才离开"):
        tokens = [Token(0, 2, "PER", 0.9), Token(2, 3, "d"), Token(3, 5, "v")]
        assert _people(chunk, tokens) == [chunk[:2]]


def test_said_after_a_two_character_name_is_not_part_of_it() -> None:
    chunk = "厂长吴明说开工了"
    tokens = [Token(0, 2, "n"), Token(2, 4, "PER", 0.9), Token(4, 5, "v"), Token(5, 7, "v"), Token(7, 8, "u")]
    assert _people(chunk, tokens) == ["吴明"]


def test_a_conjunction_after_a_name_is_not_part_of_it() -> None:
    chunk = "吴明和周志才开会"
    tokens = [Token(0, 2, "PER", 0.9), Token(2, 3, "c"), Token(3, 6, "PER", 0.9), Token(6, 8, "v")]
    assert _people(chunk, tokens) == ["吴明", "周志才"]


def test_a_character_the_tagger_joined_to_the_next_word_stays_there() -> None:
    # 才能 "ability" is one word: the name ends before it.
    chunk = "吴明才能出众"
    tokens = [Token(0, 2, "PER", 0.9), Token(2, 4, "n"), Token(4, 6, "a")]
    assert _people(chunk, tokens) == ["吴明"]


def test_a_common_word_taken_for_a_name_is_not_lengthened() -> None:
    # 周全 "thorough" is a frequent word: the tagger's name is no evidence for a longer one.
    chunk = "考虑周全才好办事"
    tokens = [Token(0, 2, "v"), Token(2, 4, "PER", 0.6), Token(4, 5, "d"), Token(5, 6, "a"), Token(6, 8, "v")]
    assert "周全才" not in _people(chunk, tokens)


def test_once_after_a_name_is_the_adverb() -> None:
    # 曾 ends some names but is written far more often as "once": the share of its uses that end a name
    # is too small to lengthen the name.
    chunk = "吴明曾担任厂长"
    tokens = [Token(0, 2, "PER", 0.9), Token(2, 3, "d"), Token(3, 5, "v"), Token(5, 7, "n")]
    assert _people(chunk, tokens) == ["吴明"]


def test_an_adverb_before_a_one_character_verb_is_not_part_of_the_name() -> None:
    # 才 ends many names, but 才 | 有 "only then had" is the adverb before its verb.
    chunk = "吴明才有时间"
    tokens = [Token(0, 2, "PER", 0.9), Token(2, 3, "d"), Token(3, 4, "v"), Token(4, 6, "n")]
    assert _people(chunk, tokens) == ["吴明"]
