"""Rules that turn a tagger's words into people, places and organisations, and find people's posts.

A statistical tagger gets most names right but (1) cuts long organisation names at the first generic
noun (`重庆医科大学` | `附属` | `第二` | `医院`), (2) takes frequent words for names when the text is
odd (machine-reworded pages give `康健`, `周全`), and (3) does not know what a post is. The rules here
work on the tagger's words with general knowledge only: organisation and place endings, surnames,
post titles and a word-frequency list. None is fitted to an evaluation set.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.gazetteers import dictionary, gazetteers, longest_ending
from reader.core.ner_model import Token
from reader.core.ner_posts import posts_of
from reader.core.ner_validity import (
    STANDALONE_ORGS,
    consistent_people,
    event_name,
    is_surname_led,
    known_org,
    known_person,
    known_place,
    valid_org,
    valid_person,
    valid_place,
    weak_person,
)

# The rules' public names in one place: validity and posts live beside this module.
__all__ = [
    "Span",
    "consistent_people",
    "event_name",
    "known_org",
    "known_person",
    "known_place",
    "posts_of",
    "spans_from_tokens",
    "valid_org",
    "valid_person",
    "valid_place",
    "weak_person",
]


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


_TYPE = {"PER": "person", "LOC": "place", "ORG": "org"}
_ORG_INNER = frozenset({"ORG", "LOC", "n", "nz", "vn", "an", "m", "s", "j", "nt", "ns", "a"})
_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+|[一二三四五六七八九十百零〇\d]+)$")
_POST_MODIFIERS = ("原", "副", "前", "常务", "代理", "执行", "名誉", "总", "正")
_MAX_ORG_WORDS = 7
_MAX_ORG_CHARS = 32
# A tagged place that ends with one of these is a team or a body (喀麦隆队, 丹麦红十字会).
_TEAM_OR_BODY = frozenset("队委局厅部会社团院所校馆")
# Generic heads after a place name: the place is the name before them (北京地区 -> 北京).
# Weather words after a city in forecasts (北京晴, 纽约多云) are not part of the place either.
# Parts of an area named by a common noun after it (三峡库区, 长江流域, 燕山风景区) are the place too.
_PLACE_TAIL = re.compile(
    r"(?:地区|东部|西部|南部|北部|中部|大部|一带|境内|流域|沿岸|沿江|沿海|库区|山区|景区|风景区|干旱区|"
    r"人|晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|小雪|中雪|大雪|雨夹雪)$"
)
# Venues a reader goes to are places, whoever runs them: museums, libraries, halls, parks, markets, bases.
_VENUES = (
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
)
# A compass direction before 地区 or 一带 names a region (西北地区 -> 西北), though alone it is a direction.
_COMPASS = frozenset({"东北", "西北", "西南", "东南"})


# Word classes a long organisation name is made of, between its first name and its ending.
def _org_end(chunk: str, start: int, end: int, last: Token) -> int:
    """Where an organisation starting at `start` may end if it is to end at word `last`, or -1.

    Ends on an organisation ending inside the last word; a word such as 部长 or 院长 (a post) may
    end one character later, so `加拿大司法部长` gives `加拿大司法部`.
    """
    g = gazetteers()
    text = chunk[start:end]
    word = chunk[last.start : last.end]
    if word not in g.post_words:
        size = longest_ending(text, g.org_suffixes, g.max_org_suffix)
        # A one-character ending counts when the last word is the ending itself, a known ending
        # (医院, 党委) or a longer word built on it (医政处, 砂布厂); not in 干部, 来院, 全部.
        if size >= 2 or (size == 1 and (len(word) >= 3 or word in g.org_suffixes)):
            return end
    if text.endswith("长") and len(text) > 2 and len(word) >= 2 and word[-2] in "部局厅处司院所校":
        stem = word[:-2] if len(word) > 2 else chunk[start : last.start]
        plain = not stem.endswith(_POST_MODIFIERS) and not word.startswith(_POST_MODIFIERS)
        if stem and plain and not stem.endswith(word[-2]):
            return end - 1
    # A body and a post written as one word (台北 | 县委书记): the body ends where the post begins, when
    # the body's ending has two or more characters (县委, 内阁; 部长 is left alone) and the words before
    # are not a body already (重庆医科大学附属第二医院 | 党委书记 keeps the hospital; the post holds 党委).
    if longest_ending(chunk[start : last.start], g.org_suffixes, g.max_org_suffix):
        return -1
    for cut in range(len(word) - 1, 1, -1):
        if (
            word[cut:] in g.post_words
            and longest_ending(chunk[start : last.start + cut], g.org_suffixes, g.max_org_suffix) >= 2
        ):
            return last.start + cut
    return -1


def _org_reach(chunk: str, tokens: list[Token], i: int) -> tuple[int, int]:
    """The last word (index) and end offset of the longest organisation starting at word `i`, or (-1, -1).

    A two-character verb may sit inside a name (学生救亡协会, 希望中文学校) when plain nouns follow it
    to the first ending; a name after the verb (中国支持世界卫生组织) means two parties and a predicate."""
    tok = tokens[i]
    best_j, best_end = -1, -1
    j = i + 1
    verb = False
    ended = _org_end(chunk, tok.start, tok.end, tok) > 0  # 美国航空集团 | 结成: the name had ended
    endings = gazetteers().org_suffixes
    while j < len(tokens) and j - i <= _MAX_ORG_WORDS:
        word = tokens[j]
        if word.tag in ("v", "vn") and chunk[word.start : word.end] in endings:
            word = Token(word.start, word.end, "n")  # 组织 tagged as the verb "organise" ends 国家组织
        if word.end - tok.start > _MAX_ORG_CHARS:
            break
        open_verb = not verb and not ended and best_j < 0 and j + 1 < len(tokens)
        if word.tag == "v" and open_verb and word.end - word.start == 2:
            verb = True  # one verb, and only before any ending: 集团结成联盟 is a body and a predicate
        elif word.tag not in _ORG_INNER or (verb and word.tag in _NAMED_TAGS):
            break
        elif word.tag == "m" and not _ORDINAL.match(chunk[word.start : word.end]):
            break  # 加拿大两家大银行: a count is not part of a name, an ordinal (第二) is
        else:
            end = _org_end(chunk, tok.start, word.end, word)
            if end > 0 and not (verb and word.end - end > 0):
                best_j, best_end = j, end
        j += 1
    return best_j, best_end


_NAMED_TAGS = frozenset({"ORG", "LOC", "PER", "nt", "ns"})


def _merge_orgs(chunk: str, tokens: list[Token]) -> list[Token]:
    """Join an organisation or place with the words after it up to an organisation ending.

    A larger place written before a body named with its own place (河南省 | 长葛市职业中专) is where
    the body is, not part of its name: it stays a place."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.tag in ("ORG", "LOC"):
            best_j, best_end = _org_reach(chunk, tokens, i)
            while best_j > i + 1 and tok.tag == "LOC" and tokens[i + 1].tag == "LOC":
                out.append(tok)
                i += 1
                tok = tokens[i]
            if best_j > 0:
                out.append(Token(tok.start, best_end, "ORG", tok.score))
                last = tokens[best_j]
                if best_end < last.end:
                    out.append(Token(best_end, last.end, "n"))
                i = best_j + 1
                continue
            own = chunk[tok.start : tok.end]
            if tok.tag == "LOC" and len(own) >= 3 and own[-1] in _TEAM_OR_BODY:
                out.append(Token(tok.start, tok.end, "ORG", tok.score))
            elif tok.tag == "ORG" or _org_end(chunk, tok.start, tok.end, tok) < 0:
                out.append(tok)
            else:
                out.append(Token(tok.start, tok.end, "ORG", tok.score))
            i += 1
            continue
        out.append(tok)
        i += 1
    return out


def _trim_org(chunk: str, start: int, end: int) -> int:
    """Where an organisation really ends, or `start` to drop it.

    The tagger sometimes runs one word on (北大建校, 水利部派, 安理会决议) or takes a post with it
    (全国人大常委); a post with no organisation before it (国务委员) is not an organisation.
    """
    g = gazetteers()
    name = chunk[start:end]
    post = longest_ending(name, g.post_words, g.max_post)
    if post:
        head = name[:-post]
        if head in STANDALONE_ORGS or (len(head) >= 2 and longest_ending(head, g.org_suffixes, 6)):
            return end - post
        if not longest_ending(name, g.org_suffixes, g.max_org_suffix):
            return start
    if longest_ending(name, g.org_suffixes, g.max_org_suffix) or name in STANDALONE_ORGS:
        return end
    for cut in range(len(name) - 1, max(1, len(name) - 3), -1):
        head, tail = name[:cut], name[cut:]
        if (head in STANDALONE_ORGS or longest_ending(head, g.org_suffixes, 6)) and tail in dictionary():
            return start + cut
    return end


def _trim_person(chunk: str, start: int, end: int) -> tuple[int, int]:
    """程先生 -> 程, 老李 -> 李: forms of address are not part of the name."""
    g = gazetteers()
    name = chunk[start:end]
    for size in range(min(3, len(name) - 1), 0, -1):
        if name[-size:] in g.honorifics and is_surname_led(name[:-size]):
            return start, end - size
    if len(name) == 2 and name[0] in "老小" and name[1] in g.surnames:
        return start + 1, end
    return start, end


def _split_pairs(chunk: str, tok: Token) -> list[Span]:
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
    if len(text) == 2 and _pair(text, abbrev):
        return [
            Span("place", a, a + 1, tok.score, True, abbrev[text[0]]),
            Span("place", a + 1, b, tok.score, True, abbrev[text[1]]),
        ]
    return []


_REGIONS = frozenset("港澳台")


def _pair(text: str, abbrev: dict[str, str]) -> bool:
    """Two different abbreviations of the same kind (two countries, or two of 港澳台)."""
    if len(text) != 2 or text[0] == text[1] or not all(ch in abbrev for ch in text):
        return False
    return (text[0] in _REGIONS) == (text[1] in _REGIONS)


def _split_government(chunk: str, tok: Token) -> Span | None:
    """美国政府 -> the place 美国, 俄政府 -> 俄 shown as 俄罗斯: a government is named by its place."""
    text = chunk[tok.start : tok.end]
    abbrev = gazetteers().abbreviations
    if text.endswith("政府") and len(text) == 3 and text[0] in abbrev and text[0] not in _REGIONS:
        return Span("place", tok.start, tok.start + 1, tok.score, True, abbrev[text[0]])
    if text.endswith("政府") and len(text) > 3:
        stem = text[:-2]
        if valid_place(stem) and not longest_ending(stem, gazetteers().org_suffixes, 3):
            return Span("place", tok.start, tok.end - 2, tok.score, known_place(stem))
    return None


# The seat of a body named with its own county or city: 北京市 | 怀柔县民政局, 四川省 | 江油市第一中学.
_SEAT = re.compile(r"^(.{1,6}?(?:省|市|自治区))(.{1,5}?[县市区旗])(.{2,})$")
# A numbered session before a legislature or congress body: 第九届全国人大, 六届人大常委会.
_SESSION = re.compile(r"第?[一二三四五六七八九十]{1,3}届$")


def _split_seat(chunk: str, tok: Token) -> list[Token]:
    """A larger place written before a body that carries its own county or city name is where the body
    is, not part of its name: 北京市怀柔县民政局 gives the place 北京市 and the body 怀柔县民政局."""
    if tok.tag != "ORG":
        return [tok]
    name = chunk[tok.start : tok.end]
    m = _SEAT.match(name)
    if m is None or not known_place(m[1]) or not valid_place(m[2]):
        return [tok]
    if not longest_ending(m[3], gazetteers().org_suffixes, gazetteers().max_org_suffix):
        return [tok]
    cut = tok.start + m.end(1)
    return [Token(tok.start, cut, "LOC", tok.score), Token(cut, tok.end, "ORG", tok.score)]


def _with_session(chunk: str, tok: Token) -> Token:
    """A body's numbered session written before it belongs to the name (第九届 + 全国人大常委会)."""
    if tok.tag != "ORG":
        return tok
    m = _SESSION.search(chunk, max(0, tok.start - 5), tok.start)
    if m is None or m.end() != tok.start:
        return tok
    return Token(m.start(), tok.end, tok.tag, tok.score)


_JOINED = re.compile(r"同|与|和|及")


def _split_joined(chunk: str, tok: Token) -> list[Token]:
    """Two bodies the tagger took for one (中国队同日本队, 罗政府同国际货币基金组织): split at 同/与/和/及
    when the part after it is an organisation by its ending and the part before it is one too or a
    known place. A name with 和 inside (和平饭店, 中华人民共和国) is not split: its left part fails."""
    if tok.tag != "ORG":
        return [tok]
    g = gazetteers()
    name = chunk[tok.start : tok.end]
    for m in _JOINED.finditer(name, 2):
        left, right = name[: m.start()], name[m.end() :]
        if len(right) < 3 or not longest_ending(right, g.org_suffixes, g.max_org_suffix):
            continue
        left_org = longest_ending(left, g.org_suffixes, g.max_org_suffix) and len(left) >= 3
        if left_org or known_place(left):
            cut = tok.start + m.start()
            return [
                Token(tok.start, cut, "ORG" if left_org else "LOC", tok.score),
                Token(cut, cut + 1, "c"),
                Token(cut + 1, tok.end, "ORG", tok.score),
            ]
    return [tok]


def spans_from_tokens(chunk: str, tokens: Sequence[Token]) -> list[Span]:
    """People, places and organisations in one chunk of normalised text, from the tagger's words."""
    clean: list[Token] = []
    for tok in tokens:
        start, end = tok.start, tok.end
        if tok.tag in _TYPE:
            # Names start and end with a letter or digit: spaces, stray marks and U+FFFD stay outside.
            while start < end and not chunk[start].isalnum():
                start += 1
            while end > start and not chunk[end - 1].isalnum():
                end -= 1
            if start < end:
                clean.extend(_split_joined(chunk, Token(start, end, tok.tag, tok.score)))
        else:
            clean.append(tok if not chunk[start:end].isspace() else Token(start, end, "w"))
    out: list[Span] = []
    merged = (piece for tok in _merge_orgs(chunk, clean) for piece in _split_joined(chunk, tok))
    for tok in (piece for whole in merged for piece in _split_seat(chunk, _with_session(chunk, whole))):
        kind = _TYPE.get(tok.tag)
        if kind is None:
            continue
        if kind == "person":
            start, end = _trim_person(chunk, tok.start, tok.end)
            if valid_person(chunk, start, end):
                out.append(Span("person", start, end, tok.score, known_person(chunk[start:end])))
        elif kind == "place":
            pairs = _split_pairs(chunk, tok)
            if pairs:
                out.extend(pairs)
                continue
            out.extend(_place(chunk, tok))
        else:
            gov = _split_government(chunk, tok)
            end = _trim_org(chunk, tok.start, tok.end)
            name = chunk[tok.start : end]
            if gov is not None:
                out.append(gov)
            elif name in gazetteers().countries:
                # 法国 in 法国星期天报说: a country named alone is the place, the tagger's ORG notwithstanding.
                out.append(Span("place", tok.start, end, tok.score, True))
            elif end > tok.start and valid_org(name):
                kind = "place" if name.endswith(_VENUES) and len(name) > 3 else "org"
                out.append(Span(kind, tok.start, end, tok.score, known_org(name)))
    out.extend(_pattern_spans(chunk, out))
    return out


_COUNTRY_SIDE = re.compile(
    r"(?<![一二双各对多中美日俄英法德印韩朝越泰菲缅蒙苏欧非])([中美日俄英法德印韩朝越])(?=方(?![面向式法案针圆形便])|总统|总理|外长|政府)"
)
_CITY = re.compile(r"(?<=[在进来抵离赴返晋驻])([京沪])(?![剧城郊腔味片胡戏])")
_CITIES = {"京": "北京", "沪": "上海"}


def _place(chunk: str, tok: Token) -> list[Span]:
    """A tagged place without a generic tail (北京地区 -> 北京, 西北地区 -> 西北), if it is believable."""
    tok = _place_started_late(chunk, tok)
    end = tok.end
    tail = _PLACE_TAIL.search(chunk, tok.start, tok.end)
    if tail and tail.start() - tok.start >= 2:
        stem = chunk[tok.start : tail.start()]
        if stem in _COMPASS and tail.group() in ("地区", "一带"):
            return [Span("place", tok.start, tail.start(), tok.score, True)]
        if valid_place(stem):
            end = tail.start()
    name = chunk[tok.start : end]
    if not valid_place(name):
        return []
    return [Span("place", tok.start, end, tok.score, known_place(name) or _transliterated(name))]


def _place_started_late(chunk: str, tok: Token) -> Token:
    """The tagger sometimes starts a foreign or sea name a character or two late (沙尼亚 for 爱沙尼亚,
    中国 in 南中国海): when a dictionary place name of three or more characters starts just before the
    tagged word and runs into it, the place is that name (and its own ending, if it runs further)."""
    words = dictionary()
    for back in (1, 2):
        start = tok.start - back
        if start < 0:
            break
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


def _pattern_spans(chunk: str, found: list[Span]) -> list[Span]:
    """What the tagger leaves inside other words: a country named by its side (日方 -> 日本), Beijing
    or Shanghai by their one-character names (在京 -> 北京)."""
    extra: list[Span] = []

    def free(start: int, end: int) -> bool:
        return not any(s.start < end and start < s.end for s in found)

    abbrev = gazetteers().abbreviations
    for m in _COUNTRY_SIDE.finditer(chunk):
        if free(m.start(1), m.end(1)):
            extra.append(Span("place", m.start(1), m.end(1), 1.0, True, abbrev[m[1]]))
    for m in _CITY.finditer(chunk):
        if free(m.start(1), m.end(1)):
            extra.append(Span("place", m.start(1), m.end(1), 1.0, True, _CITIES[m[1]]))
    return extra
