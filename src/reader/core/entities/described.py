"""A place that describes bodies rather than names one: 美国公司 "American companies", 法国一家出版社 "a
publisher in France". Such a span is a place and no organisation; kept apart from `spans` because the
count it reads (numerals, measure words, words a numeral starts) is a small grammar of its own.
"""

from __future__ import annotations

import re

from reader.core.entities.gazetteers import dictionary, gazetteers, longest_ending

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
