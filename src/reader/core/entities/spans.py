"""Spans from single tagged names, and the repairs that fix where a tagged place starts and ends.

The tagger's words are right far more often than not; where they are wrong, they are wrong in a few
recurring shapes, each repaired here by general knowledge: a pair of one-character abbreviations
(中美), a generic tail after a place (北京地区), a place started late (沙尼亚 for 爱沙尼亚), and the
one-character country and city names the tagger leaves inside words (日方, 在京). The repairs of
bodies (a government named by its place, a body's seat, two bodies joined) are in `bodies`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.core.entities.gazetteers import dictionary, gazetteers
from reader.core.entities.model import Token
from reader.core.entities.validity import known_place, valid_place


@dataclass(frozen=True)
class Span:
    """A named entity in chunk coordinates: type is "person", "place" or "org".

    `score` is the model's sureness of the word (1.0 for spans a rule built on its own); `confirmed`
    says a rule agrees independently of the model (a known place, an organisation ending, a name
    built from the words after it); `normalized` is set when the written form is an abbreviation
    that is shown under its full name (中 in 中美 -> 中国).
    """

    type: str
    start: int
    end: int
    score: float = 1.0
    confirmed: bool = False
    normalized: str | None = None


# Generic heads after a place name: the place is the name before them (北京地区 -> 北京).
# Weather words after a city in forecasts (北京晴, 纽约多云) are not part of the place either.
# Parts of an area named by a common noun after it (三峡库区, 长江流域, 燕山风景区) are the place too.
_PLACE_TAIL = re.compile(
    r"(?:地区|东部|西部|南部|北部|中部|大部|一带|境内|流域|沿岸|沿江|沿海|库区|山区|景区|风景区|干旱区|"
    r"人|晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|小雪|中雪|大雪|雨夹雪)$"
)
# Venues a reader goes to are places, whoever runs them: museums, libraries, halls, parks, markets, bases.
VENUES = (
    "博物馆",
    "纪念馆",
    "图书馆",
    "展览馆",
    "美术馆",
    "科技馆",
    "商场",
    "商城",
    "购物中心",
    "公园",
    "广场",
    "基地",
    "书店",
    # Buildings and grounds named by their kind (general usage: 工人体育场, 人民大会堂, 首都国际机场, the
    # space centres 肯尼迪航天中心, 约翰逊太空中心 as sites).
    "体育馆",
    "体育场",
    "机场",
    "车站",
    "大剧院",
    "大厦",
    "大会堂",
    "展览中心",
    "航天中心",
    "太空中心",
)
# A compass direction before 地区 or 一带 names a region (西北地区 -> 西北), though alone it is a direction.
_COMPASS = frozenset({"东北", "西北", "西南", "东南"})


def split_pairs(chunk: str, tok: Token) -> list[Span]:
    """中美 -> 中国, 美国: one-character abbreviations written as a pair are two places, each shown by
    its full name (`normalized`) and highlighted on its own character. A lone character the tagger
    took for a place (华 in 访华, 日 in 抗日) is not a pair and is not kept.

    Also a one-character place token next to another abbreviation of the same kind (中 | 美)."""
    abbrev = gazetteers().abbreviations
    a, b = tok.start, tok.end
    if b - a == 1:
        # Widen to the pair the tagger cut in two.
        if a > 0 and _pair(chunk[a - 1 : b], abbrev):
            a -= 1
        elif b < len(chunk) and _pair(chunk[a : b + 1], abbrev):
            b += 1
        else:
            return []
        return [Span("place", tok.start, tok.end, tok.score, True, abbrev[chunk[tok.start]])]
    text = chunk[a:b]
    if len(text) == 3 and is_parties(chunk, a, b):
        # 中英日 | 三边: three parties of a relation tagged as one word, each shown by its full name; the
        # relation after them is the evidence (as in `pattern_spans`), not the tagger's score for the word.
        return [Span("place", k, k + 1, 1.0, True, abbrev[chunk[k]]) for k in range(a, b)]
    pair = _pair_of_places(text, chunk, b) if len(text) == 2 else None
    if pair is not None and text in gazetteers().region_pairs and _landform_after(chunk, b):
        return []  # 青藏 | 高原: the plateau is one place named on the pair (`place` keeps it whole)
    if pair is not None:
        return [Span("place", a, a + 1, tok.score, True, pair[0]), Span("place", a + 1, b, tok.score, True, pair[1])]
    return []


REGIONS = frozenset("港澳台")


def _landform_after(chunk: str, end: int) -> bool:
    """A place ending of two characters (平原, 高原, 盆地) right after `end`: the name goes on."""
    ending = chunk[end : end + 2]
    return len(ending) == 2 and ending != "地区" and ending in gazetteers().place_suffixes


def _pair_of_places(name: str, chunk: str, end: int) -> tuple[str, str] | None:
    """The full names of a two-character name made of two short names (港台, 黄淮), or None.

    A listed compound (`ner_region_pairs.txt`) counts only where the text goes on as about a region or
    a relation (黄淮地区, 江淮一带, 印巴两国, 江淮、黄淮地区): 江淮 is also a carmaker's name."""
    g = gazetteers()
    if name in g.region_pairs:
        return g.region_pairs[name] if _region_follows(chunk, end) else None
    if _pair(name, g.abbreviations):
        return g.abbreviations[name[0]], g.abbreviations[name[1]]
    return None


def _pair(text: str, abbrev: dict[str, str]) -> bool:
    """Two different abbreviations of the same kind: two countries (中美), or two parts of China, a
    province or one of 港澳台 (港澳, 京津, 粤港)."""
    if len(text) != 2 or text[0] == text[1] or not all(ch in abbrev for ch in text):
        return False
    return _domestic(text[0], abbrev) == _domestic(text[1], abbrev)


def _domestic(ch: str, abbrev: dict[str, str]) -> bool:
    return ch in REGIONS or abbrev[ch] in gazetteers().provinces


_COUNTRY_SIDE = re.compile(
    r"(?<![一二双各对多中美日俄英法德印韩朝越泰菲缅蒙苏欧非])([中美日俄英法德印韩朝越])(?=方(?![面向式法案针圆形便])|总统|总理|外长|政府)"
)
_CITY = re.compile(r"(?<=[在进来抵离赴返晋驻])([京沪])(?![剧城郊腔味片胡戏])")
_CITIES = {"京": "北京", "沪": "上海"}


# How often a word must be written in the dictionary's corpus to count as a common word: its rare
# entries are phrases (赴美国 3, 梦游美国) that must not hide the place in them; 最惠国 is written 128 times.
_COMMON_WORD = 20


def _end_of_a_word(chunk: str, start: int, end: int) -> bool:
    """The tagged place is the end of a common word that starts one or two characters before it
    (最 | 惠国 of 最惠国 "most favoured nation"): a word of the language, not a name (a name the
    dictionary knows, as 许银川 or 和恒山 in a list, does not count, nor a rare entry: 赴美国)."""
    words = dictionary()
    for back in (1, 2):
        found = words.get(chunk[max(0, start - back) : end]) if start >= back else None
        if (
            found is not None
            and found[0] >= _COMMON_WORD
            and end - start + back >= 3
            and not found[1].startswith(("nr", "ns", "nt", "nz"))
        ):
            return True
    return False


# Units of rural and township government whose character begins the words for their people and
# offices (村干部, 村民, 乡政府, 镇党委): written after the unit's own name they double (三桥村村民).
UNIT_CHARS = frozenset("村乡镇")


def _into_a_word(chunk: str, start: int, end: int) -> bool:
    """A two-character tagged place the dictionary does not know whose last character starts a common
    word with the text after it (对华加 | 征: 华加 is no place, 加征 "levy in addition" is the verb): the
    tagger ran a one-character name into the verb after it, and no place of two characters is left."""
    name = chunk[start:end]
    if end - start != 2 or name in dictionary() or known_place(name):
        return False
    found = dictionary().get(chunk[end - 1 : end + 1])
    return found is not None and found[0] >= _COMMON_WORD and not found[1].startswith(("nr", "ns", "nt", "nz"))


# Prepositions of place and time that the tagger sometimes takes into the place after them (自 | 民国,
# 从 | 台湾): general Chinese grammar.
_PREPOSITIONS = frozenset("自从由至于在向往到赴经对")


def _without_preposition(chunk: str, tok: Token) -> Token:
    """A tagged place that starts with a preposition, when the rest is a word of its own and the whole is
    not (自民国 -> 民国, in 自民国106年起 "from the 106th year of the Republic"): the preposition is
    no part of the name. Names that start with such a character are written whole in the dictionary
    (自贡, 于都, 从化) or do not leave a word behind (向阳市: 阳市 is none), so they stay."""
    name = chunk[tok.start : tok.end]
    if len(name) < 3 or name[0] not in _PREPOSITIONS or name in dictionary():
        return tok
    g = gazetteers()
    if name in g.provinces or name in g.countries or name[1:] not in dictionary():
        return tok
    return Token(tok.start + 1, tok.end, tok.tag, tok.score)


def place(chunk: str, tok: Token) -> list[Span]:
    """A tagged place without a generic tail (北京地区 -> 北京, 西北地区 -> 西北), if it is believable."""
    if _end_of_a_word(chunk, tok.start, tok.end) or _into_a_word(chunk, tok.start, tok.end):
        return []
    tok = _place_started_late(chunk, _without_preposition(chunk, tok))
    end = tok.end
    tail = _PLACE_TAIL.search(chunk, tok.start, tok.end)
    if tail and tail.start() - tok.start >= 2:
        stem = chunk[tok.start : tail.start()]
        if stem in _COMPASS and tail.group() in ("地区", "一带"):
            return [Span("place", tok.start, tail.start(), tok.score, True)]
        if valid_place(stem):
            end = tail.start()
    name = chunk[tok.start : end]
    if name.endswith(_PEOPLE_OF) and name[:-1] in gazetteers().countries:
        end -= 1
        name = name[:-1]
    if len(name) >= 3 and name[-1] == name[-2] and name[-1] in UNIT_CHARS:
        # 红星村 | 村干部, 柳林镇 | 镇政府: the doubled unit starts the next word (its cadres, its office).
        end -= 1
        name = name[:-1]
    if not valid_place(name):
        return []
    if (
        len(name) == 2
        and (end == tok.end or chunk[end : end + 2] in ("地区", "一带"))
        and not _landform_after(chunk, end)
    ):
        pair = _pair_of_places(name, chunk, end)
        if pair is not None:
            # 港台 of 港台地区, 黄淮 of 黄淮地区: two places, each by its full name (see `split_pairs`);
            # a landform named on the pair (江汉平原, 青藏高原) is one place.
            a = tok.start
            return [
                Span("place", a, a + 1, tok.score, True, pair[0]),
                Span("place", a + 1, end, tok.score, True, pair[1]),
            ]
    cut = _within(name)
    if cut:
        return [
            Span("place", tok.start, tok.start + cut, tok.score, True),
            Span("place", tok.start + cut, end, tok.score, True),
        ]
    return [Span("place", tok.start, end, tok.score, known_place(name) or _transliterated(name))]


# The forms of state a country's formal name ends with (爱沙尼亚共和国, 荷兰王国, 大公国): general usage
# in the names of states (中华人民共和国, 大不列颠及北爱尔兰联合王国).
_STATE_FORMS = frozenset({"共和国", "王国", "联合王国", "公国", "大公国", "合众国", "联邦", "酋长国", "苏丹国"})
# An ethnic group named after its country (阿尔巴尼亚族, 塞尔维亚族): the text speaks of the people, the
# place is the country's name before 族.
_PEOPLE_OF = "族"


def _within(name: str) -> int:
    """Where a place written after the larger place it lies in starts (印度 | 卡纳塔克邦, 江苏 | 南京), or 0.

    Both parts must be places on evidence apart from the model: the first a country or a province, the
    second a known place; a name the dictionary knows whole stays whole, and so do 北京市 (a bare ending
    after the name) and 四川盆地 (a generic feature)."""
    g = gazetteers()
    if name in dictionary() or name in g.countries:
        return 0  # 印度尼西亚 is one country, not 印度 and 尼西亚
    for cut in range(2, len(name) - 1):
        head, rest = name[:cut], name[cut:]
        if rest in _STATE_FORMS:
            return 0  # 爱沙尼亚共和国: a country's formal name, not the country and a place called 共和国
        if rest.endswith("自治区"):
            return 0  # 广西壮族自治区: an autonomous region is the province's own full name
        if (head in g.countries or head in g.provinces) and valid_place(rest) and known_place(rest):
            return cut
    return 0


def _place_started_late(chunk: str, tok: Token) -> Token:
    """The tagger sometimes starts a foreign or sea name a character or two late (沙尼亚 for 爱沙尼亚,
    中国 in 南中国海): when a dictionary place name of three or more characters starts just before the
    tagged word and runs into it, the place is that name (and its own ending, if it runs further)."""
    words = dictionary()
    for back in (1, 2):
        start = tok.start - back
        if start < 0:
            break
        before = words.get(chunk[start : tok.start])
        if back == 2 and before is not None and before[1] == "ns":
            break  # 英国 | 伦敦: the word before is a place of its own, and the tagged word starts on time
        for size in range(min(8, len(chunk) - start), back + 1, -1):
            word = chunk[start : start + size]
            found = words.get(word)
            if size >= 3 and found is not None and found[1] == "ns":
                return Token(start, max(tok.end, start + size), tok.tag, tok.score)
    return tok


def _transliterated(name: str) -> bool:
    """A foreign place name written by sound throughout (three or more characters of the
    transliteration table, as 卡萨布兰卡): evidence apart from the tagger, as for people."""
    return len(name) >= 3 and all(ch in gazetteers().transliteration for ch in name)


# Words that follow the parties of a bilateral or trilateral relation (中日两国, 美中关系, 中日韩峰会,
# 《中日联合声明》): after two or three one-character abbreviations they say the characters are
# countries (or provinces: 湘赣边界), whatever the tagger made of them. Common Chinese diplomatic
# usage, not taken from any evaluation set.
_RELATION = (
    "两国|三国|两军|两党|两地|三地|双方|三方|关系|友好|建交|合作|联合|经贸|贸易|边境|边界|睦邻|首脑|元首|"
    "领导人|会谈|峰会|对话|谈判|和谈|冲突|战争|争端|合资|之间|和平|外交|双边|三边|多边"
)


# What follows a region named by two short names (黄淮地区, 江淮一带) or the parties of a relation.
_REGION_CONTEXT = re.compile(f"(?:地区|一带|流域|大部|[东南西北中]部|等地|两大洲|以[东南西北]|{_RELATION})")


def _region_follows(chunk: str, end: int) -> bool:
    """A region word or a relation after a listed compound, or after a list of listed compounds
    (江淮、黄淮地区). An enumeration mark alone says nothing: 江淮、奇瑞、吉利 lists carmakers, and a
    list of districts (江岸、硚口等区) is not of regions; each later item must be a listed compound too."""
    pairs = gazetteers().region_pairs
    while chunk[end : end + 1] == "、" and chunk[end + 1 : end + 3] in pairs:
        end += 3
    return _REGION_CONTEXT.match(chunk, end) is not None


def short_names_run(chunk: str, start: int, end: int) -> bool:
    """A run of one-character short names of countries or provinces (苏浙沪三地, 京津冀, 京沪两地) that the
    tagger took for a person: the parties of a region or a relation, never one person's name. Three or
    more different short names are such a run wherever they stand; two only before a region word or a
    relation (两地, 地区, 合作), since a given name may be two of them (鲁豫)."""
    name = chunk[start:end]
    abbrev = gazetteers().abbreviations
    if len(set(name)) != len(name) or not all(ch in abbrev for ch in name):
        return False
    return len(name) >= 3 or (_pair(name, abbrev) and _REGION_CONTEXT.match(chunk, end) is not None)


@cache
def _relation_pattern() -> re.Pattern[str]:
    chars = "".join(sorted(gazetteers().abbreviations))
    return re.compile(f"(?<![{chars}])([{chars}]{{2,3}})(?={_RELATION})")


_LANGUAGES = re.compile(r"语|文(?!化|明|物|件)")


@cache
def _listed_pattern() -> re.Pattern[str]:
    chars = "".join(sorted(gazetteers().abbreviations))
    return re.compile(f"[{chars}](?:、[{chars}])+")


# What says a list of one-character short names is a list of countries or provinces: a count of them or
# a word for all of them after it (日、韩两国, 英、法等国, 中、美、俄、英、法五个常任理事国 has 中 in it).
_COUNT_OF_PLACES = re.compile("(?:[两三四五六七八九十]个?(?:国|省|地|方)|等国|各国|等地|等省|诸国)")


def _listed_short_names(chunk: str) -> list[int]:
    """Offsets of one-character short names written as an enumeration (中、英、法; 赣、粤、闽、湘).

    An enumeration lists things of one kind, so short names of one kind (`_pair`, all different)
    between enumeration commas are places as a pair is; the first must not end a word with the
    character before it (其中、…), nor the last start one with the character after it (…、美国). The
    whole list must be short names: 德、智、体、美 (the aims of education) and a list of operas by their
    regions' names go on with other characters. The list must also say it names places: a count or
    a word for all of them after it (日、韩两国, 英、法等国), or 中 or a province among them (中、美、俄; 赣、粤、
    闽); 德、法并举 lists virtue and law. Not for languages (英、德、法三种语言, 外国语(英、俄、日)):
    the characters name tongues there, not places."""
    if "、" not in chunk:
        return []
    abbrev = gazetteers().abbreviations
    words = dictionary()
    out: list[int] = []
    for m in _listed_pattern().finditer(chunk):
        a, b = m.span()
        if a > 0 and chunk[a - 1 : a + 1] in words:
            continue
        if (
            chunk[b - 1 : b + 1] in words
            or _LANGUAGES.search(chunk, max(0, a - 6), a)
            or _LANGUAGES.search(chunk, b, b + 8)
        ):
            continue
        if chunk[a - 1 : a] == "、" or chunk[b : b + 1] == "、":
            continue  # the list goes on with other things (德、智、体、美; 豫、淮、婺、粤): not a list of places
        run = chunk[a:b:2]
        if not (_COUNT_OF_PLACES.match(chunk, b) or "中" in run or any(_domestic(ch, abbrev) for ch in run)):
            continue  # 德、法并举: two characters in a list are words until the text says they are places
        if all(_pair(x + y, abbrev) for i, x in enumerate(run) for y in run[i + 1 :]):
            out.extend(range(a, b, 2))
    return out


def _parties(chunk: str) -> list[tuple[int, int]]:
    """Runs of two or three abbreviations written as the parties of a relation (中日两国 -> 中, 日).

    A run whose first character ends a word with the character before it (其中 | 美 in 其中美国) starts
    one character later; every pair in the run must be a pair by `_pair` (same kind, all different)."""
    abbrev = gazetteers().abbreviations
    words = dictionary()
    out: list[tuple[int, int]] = []
    for m in _relation_pattern().finditer(chunk):
        a, b = m.span(1)
        if a > 0 and chunk[a - 1 : a + 1] in words:
            a += 1
        run = chunk[a:b]
        if len(run) >= 2 and all(_pair(x + y, abbrev) for i, x in enumerate(run) for y in run[i + 1 :]):
            out.append((a, b))
    return out


def is_parties(chunk: str, start: int, end: int) -> bool:
    """True when chunk[start:end] is a run of abbreviations written as the parties of a relation."""
    return (start, end) in _parties(chunk)


def pattern_spans(chunk: str, found: list[Span]) -> list[Span]:
    """What the tagger leaves inside other words: a country named by its side (日方 -> 日本), Beijing
    or Shanghai by their one-character names (在京 -> 北京), the parties of a relation (中日两国)."""
    extra: list[Span] = []

    def free(start: int, end: int) -> bool:
        return not any(s.start < end and start < s.end for s in found)

    abbrev = gazetteers().abbreviations
    for a, b in _parties(chunk):
        for k in range(a, b):
            if free(k, k + 1):
                extra.append(Span("place", k, k + 1, 1.0, True, abbrev[chunk[k]]))
    for k in _listed_short_names(chunk):
        if free(k, k + 1):
            extra.append(Span("place", k, k + 1, 1.0, True, abbrev[chunk[k]]))
    for m in _COUNTRY_SIDE.finditer(chunk):
        if free(m.start(1), m.end(1)):
            extra.append(Span("place", m.start(1), m.end(1), 1.0, True, abbrev[m[1]]))
    for m in _CITY.finditer(chunk):
        if free(m.start(1), m.end(1)):
            extra.append(Span("place", m.start(1), m.end(1), 1.0, True, _CITIES[m[1]]))
    return extra
