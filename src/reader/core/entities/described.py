"""Phrases built on a name that describe bodies rather than name one: 美国公司 "American companies",
法国一家出版社 "a publisher in France" (a place and no organisation), 欧盟国家 "EU countries" (the body's
members), 中央政府 (a level of government), 银行界 (a sector). Kept apart from `spans` because what they
read (counts, measure words, the words a body's members and kinds are written with) is a small
grammar of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.entities.gazetteers import dictionary, gazetteers, longest_ending
from reader.core.entities.model import Token
from reader.core.entities.spans import Span
from reader.core.entities.validity import known_org

# Kinds of body a place's name before them describes rather than names: 美国公司 "American companies",
# 西藏部队 "the troops in Tibet", 非洲球队 "African teams" (general usage; a named body of this kind
# has a name of its own before the kind: 微软公司, 巴西足球队, 北京电视台). Banks and broadcasters are
# left out: 中国银行 and 北京电视台 are the names of single bodies.
_KINDS_OF_BODY = frozenset({"企业", "公司", "工厂", "厂商", "机构", "金融机构", "部队", "军队", "球队"})


def described_by_place(name: str) -> int:
    """Length of the place a body word follows when the two only describe (美国公司 -> 3), or 0.

    The place must be a country, a continent or a province (a larger area, where "its companies" is
    a class of bodies, not one); the rest is one generic kind of body with nothing between them."""
    g = gazetteers()
    for kind in _KINDS_OF_BODY:
        if name.endswith(kind) and len(name) > len(kind):
            head = name[: -len(kind)]
            if head in g.countries or head in g.provinces:
                return len(head)
    return _counted_place(name)


# A place, then a count or a determiner, then a body: 美国一民间机构 "a private body in America",
# 加拿大6大银行 "Canada's six big banks", 广东各级政府 describe unnamed bodies of the place. A count is
# a numeral and its measure word (一家, 两所, 几个, 数家, 多家, 6大, 一批); 各 "each" needs none; and 一
# "a" or 两 "two" may stand alone before a noun (一民营企业). Measure words of bodies in general grammar
# (现代汉语词典's classifiers); not 级 or 类, which after 一 rank a body (一级, 一类) rather than count it.
_COUNT = re.compile(r"各|([一二三四五六七八九十百千万两几数多0-9]+)([家个所批大些])?")
_BARE_COUNTS = frozenset("一两")


def _counted_place(name: str) -> int:
    """Length of the place before a count of bodies (美国一家出版社 -> 2), or 0.

    A numeral written without a measure word is often the start of a name's own word, not a count:
    数 in 数据 and 数字, 多 in 多式, 一 in 一汽, 一重, 一百, 一中院 (上海数据交易所, 中国一汽集团 and
    北京市一中院 are single bodies). So only 一 or 两 may stand alone, and only when it does not start a
    dictionary word with the characters after it; a name with an ending right after the number is a
    numbered unit (北京一总队, 河北一中学), not a count either."""
    g = gazetteers()
    words = dictionary()
    for size in range(2, min(5, len(name) - 2) + 1):
        head = name[:size]
        if head not in g.countries and head not in g.provinces:
            continue
        m = _COUNT.match(name, size)
        if m is None:
            continue
        numeral, measure = m[1], m[2]
        bare = numeral is not None and measure is None
        if bare and (numeral not in _BARE_COUNTS or _starts_word(words, name, size)):
            return 0
        rest = name[m.end() :]
        ending = longest_ending(rest, g.org_suffixes, g.max_org_suffix)
        ending = ending or max((len(kind) for kind in _KINDS_OF_BODY if rest.endswith(kind)), default=0)
        numbered = bare and any(rest.startswith(suffix) for suffix in g.org_suffixes)
        if ending and (len(rest) > ending or not bare) and not numbered:
            return size
        return 0
    return 0


def _starts_word(words: dict[str, tuple[int, str]], name: str, start: int) -> bool:
    """True when a dictionary word of two to four characters starts at `start` (一汽, 一百, 数据)."""
    return any(name[start : start + size] in words for size in range(2, min(4, len(name) - start) + 1))


# Words that, written right after a named body, speak of its members or parts as a class: 欧盟国家 "EU
# countries", 北约成员国 "NATO members", 联合国专门机构 "UN specialised agencies" (general usage; a body
# of its own named after another is written with a name of its own: 联合国开发计划署).
_MEMBERS = frozenset({"国家", "成员国", "各国", "机构"})


def of_a_body(word: str, between: Sequence[str]) -> bool:
    """`word`, written after a named body with only adjectives between (`between` holds the tagger's
    tags of the words between), is one of `_MEMBERS`: the phrase is the body's members or agencies
    (欧盟 | 国家, 联合国 | 专门 | 机构), so no longer name runs on."""
    return word in _MEMBERS and all(tag == "a" for tag in between)


# A government is named by its place (`split_government`); what else comes before 政府 is a level or a
# kind (中央政府, 特区政府, 联邦政府, 地方政府), which neither People's Daily nor MSRA labels as a name and
# a reader cannot look up, or a body the tagger ran on into a word (哥伦比亚大学 | 政府学).
GOVERNMENT = "政府"
# 界 after a kind of body names the sector (银行界, 新闻界, 企业界: general usage).
SECTOR = "界"


def government_left(chunk: str, tok: Token) -> list[Span]:
    """What a body tagged with 政府 at its end gives when no place names the government: the body
    before 政府 when it is one by a two-character ending (哥伦比亚大学 of 哥伦比亚大学政府学), else nothing."""
    g = gazetteers()
    stem = chunk[tok.start : tok.end - len(GOVERNMENT)]
    if len(stem) > 2 and longest_ending(stem, g.org_suffixes, g.max_org_suffix) >= 2:
        return [Span("org", tok.start, tok.start + len(stem), tok.score, known_org(stem))]
    return []
