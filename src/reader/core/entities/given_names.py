"""A Chinese name the tagger ended one character early: 罗豪 | 才主持, 于友 | 先会见.

Most Chinese names are a surname and a two-character given name. The tagger often stops a three-
character name after its second character when the third is also a common one-character word (才
"only then", 先 "first", 连 "even", 真 "truly"), and writes that character as a word of its own. What
separates 罗豪 | 才 | 主持 (the name 罗豪才) from 罗干 | 说 (the name 罗干, then "said") is the
character itself: 才, 先, 连, 真 end many personal names, 说, 在, 是 almost none. How often a character
ends a three-character personal name is read from the dictionary the rules already use (jieba's,
whose `nr` entries are personal names), so no list is kept here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

from reader.core.entities.gazetteers import dictionary, gazetteers
from reader.core.entities.model import Token
from reader.core.entities.spans import Span

# A character must end at least this many three-character personal names of the dictionary (a surname
# first) to be read as the end of a name. Characters that are mostly grammar stay far below it (说 5,
# 将 11, 还 1), characters used in given names far above (才 110, 先 85, 真 81, 连 50). Chosen on the
# development halves of MSRA and People's Daily 1998 (docs/decisions/entities.md, eleventh round).
_ENDS_NAMES = 15
# ... and end them often for how often it is written as a word of its own: 曾 ends 35 names but is
# written 29,107 times, nearly always as "once" (林海曾任, 赵平曾担任过), where 先 ends 85 in 25,558 and
# 真 81 in 19,988. One and a half names per thousand uses: a round floor between the adverbs that sit
# after a subject (曾 1.2, 率 1.0, 有 0.05) and the given-name characters (原 1.6, 才 2.0, 先 3.3).
_NAME_SHARE = 0.0015
# Dictionary word classes of characters that join words rather than end names: conjunctions,
# prepositions, particles (李培之 is lost to 之, but 和, 与, 的, 之 after a name are nearly always these).
_JOINING = ("c", "p", "u", "y", "e", "o", "w")
# A two-character "name" that is also a word written this often in the dictionary's corpus is as likely
# the word (周全 "thorough" in reworded text: 周全 | 先容): it is not lengthened (the floor of
# `entities._COMMON_WORD`).
_COMMON_WORD = 100


@cache
def _name_endings() -> Counter[str]:
    """How many three-character personal names of the dictionary end in each character."""
    surnames = gazetteers().surnames
    out: Counter[str] = Counter()
    for word, (_, pos) in dictionary().items():
        if len(word) == 3 and pos.startswith("nr") and word[0] in surnames:
            out[word[2]] += 1
    return out


def completed_names(chunk: str, tokens: Sequence[Token], found: list[Span]) -> list[Span]:
    """Two-character Chinese names followed by a one-character word that often ends names, as the
    three-character name: 罗豪 | 才 -> 罗豪才. Not when the tagger made the character part of a longer
    word (罗干 | 说道, 张伟 | 将军), nor when it joins words (和, 之, 在)."""
    people = [k for k, s in enumerate(found) if s.type == "person" and s.end - s.start == 2]
    if not people:
        return found
    single = {t.start for t in tokens if t.end - t.start == 1}
    # A one-character verb after the character: the character is the adverb before it (林海 | 曾 | 任
    # "once served as", 郎平 | 曾 | 找), not the end of a name.
    short_verbs = {t.start for t in tokens if t.end - t.start == 1 and t.tag.startswith("v")}
    surnames = gazetteers().surnames
    words = dictionary()
    endings = _name_endings()
    taken = {s.start for s in found}
    out = list(found)
    for k in people:
        span = out[k]
        end = span.end
        if end >= len(chunk) or end not in single or end in taken or chunk[span.start] not in surnames:
            continue
        if end + 1 in short_verbs:
            continue
        known = words.get(chunk[span.start : end])
        if known is not None and known[0] >= _COMMON_WORD:
            continue  # a common word taken for a name (周全 "thorough"): no evidence to build on
        ch = chunk[end]
        if not "\u4e00" <= ch <= "\u9fff" or endings[ch] < _ENDS_NAMES:
            continue
        entry = words.get(ch)
        if entry is not None and (entry[1].startswith(_JOINING) or endings[ch] < entry[0] * _NAME_SHARE):
            continue
        if not _named(chunk, chunk[span.start : end + 1], words):
            continue
        out[k] = Span("person", span.start, end + 1, span.score, span.confirmed, span.normalized)
    return out


def _named(chunk: str, name: str, words: dict[str, tuple[int, str]]) -> bool:
    """Whether the three characters are known to be a name: the dictionary lists them as a personal name
    (罗豪才, 于友先), or the text writes them again. The character's own statistics only say it *can* end a
    name; 张伟先发言, 王强才离开, 刘洋太忙 have the same shape as 罗豪才主持, and a name made up there would
    be shown, and merge every later mention of 张伟 under it."""
    known = words.get(name)
    if known is not None and known[1].startswith("nr"):
        return True
    first = chunk.find(name)
    return first >= 0 and chunk.find(name, first + 1) >= 0
