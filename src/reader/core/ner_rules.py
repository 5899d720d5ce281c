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
# Word classes a long organisation name is made of, between its first name and its ending.
_ORG_INNER = frozenset({"ORG", "LOC", "n", "nz", "vn", "an", "m", "s", "j", "nt", "ns", "a"})
_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+|[一二三四五六七八九十百零〇\d]+)$")
_POST_MODIFIERS = ("原", "副", "前", "常务", "代理", "执行", "名誉", "总", "正")
_MAX_ORG_WORDS = 7
_MAX_ORG_CHARS = 32
_NUMERALS = frozenset("一二三四五六七八九十百千万两几各全本该每此其某诸")
# Words that only say which level of government or kind of body, not which one (县医院, 省委).
_LEVELS = frozenset(
    re.findall(
        r"\S+",
        "国家 省 市 县 区 乡 镇 村 自治区 本 该 各 我 我院 地方 当地 县级 市级 省级 基层 人民 中心 公立 城市 "
        "县域 附属 上级 大 小 这些",
    )
)
_ADMIN = frozenset("省市县区州旗")
_DIRECTION_TAIL = re.compile(r"(?:东|西|南|北|中|大)部$")
_ADMIN_ENDINGS = frozenset({"省", "市", "县", "自治县", "自治州", "自治区"})
# Bodies known by their generic-looking name alone.
_STANDALONE_ORGS = frozenset({"政协", "人大", "国务院", "中共", "人大常委会", "全国人大", "全国政协", "中央军委"})
_ORG_BLOCK_AFTER = frozenset("委局厅办署")
# A tagged place that ends with one of these is a team or a body (喀麦隆队, 丹麦红十字会).
_TEAM_OR_BODY = frozenset("队委局厅部会社团院所校馆")
# Generic heads after a place name: the place is the name before them (北京地区 -> 北京).
# Weather words after a city in forecasts (北京晴, 纽约多云) are not part of the place either.
_PLACE_TAIL = re.compile(
    r"(?:地区|东部|西部|南部|北部|中部|大部|一带|境内|人|晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|小雪|中雪|大雪|雨夹雪)$"
)
_TRANSLIT_SEP = frozenset("·•‧-")
_NOT_IN_LONG_NAMES = frozenset("委局厅办署县市省区院部处")
_NOT_NAMES = frozenset({"v", "vn", "a", "ad", "d", "c", "p", "u", "m", "r", "q", "f", "t"})
# A numbered party congress (十九大, 党的二十大, 十八届三中全会) is an event, like a festival: never an
# organisation, whatever the tagger says. The body is the party (中共); the congress is when it met.
_CONGRESS = re.compile(
    r"^(?:党的|中共)?(?:第?[一二三四五六七八九十]+届)?(?:[一二三四五六七八九十]+大|[一二三四五六七八九十]+中全会|全会)$"
)
# Numbering inside a building or an estate (三单元, 5号楼, 7栋, 502室, 二期): an address line, not a place.
_BUILDING_UNIT = re.compile(
    r"^[\d一二三四五六七八九十百零〇两A-Za-z]+(?:号楼|号院|单元|栋|幢|座|层|楼|室|号|期|排|组|门|户|弄|区)$"
)
# A form of address or nickname written where a given name would be (刘老根, 王老五, 张三): the given name
# starts with 老 or is only numbers, so it is not a registered name but a nickname or a placeholder.
_NICKNAME_GIVEN = re.compile(r"^(?:老.|[老大小阿]?[一二三四五六七八九十]+)$")


def weak_person(name: str) -> bool:
    """A "person" a reader cannot look up: one character (金 of 金医生, 王 of 王老师: the surname
    alone), an anonymised name (李某, 王某某, 某甲), or a nickname or placeholder (刘老根, 张三).
    Such a mention is kept, folded into the low tier, never shown first."""
    if len(name) < 2 or "某" in name:
        return True
    g = gazetteers()
    surname = 2 if name[:2] in g.compound_surnames else 1 if name[:1] in g.surnames else 0
    return bool(surname) and bool(_NICKNAME_GIVEN.match(name[surname:]))


def event_name(name: str) -> bool:
    """A festival, holiday, solar term or numbered congress: a time, never a name (新春, 二十大)."""
    return name in gazetteers().events or bool(_CONGRESS.match(name))


def _is_surname_led(name: str) -> bool:
    g = gazetteers()
    return name[:2] in g.compound_surnames or name[:1] in g.surnames


def consistent_people(text: str, people: dict[str, int], with_posts: set[str]) -> set[str]:
    """Names to drop: dictionary words written at least twice as often as they were tagged a person.

    A real name is tagged nearly everywhere it is written; a word the tagger took for a name in one
    odd sentence (周全 in "周全先容", 晋升 in reworded text) is written elsewhere as a plain word.
    A name given a post somewhere is kept.
    """
    drop: set[str] = set()
    words = dictionary()
    for name, tagged in people.items():
        if name in words and name not in with_posts and text.count(name) >= 2 * tagged:
            drop.add(name)
    return drop


def valid_person(chunk: str, start: int, end: int) -> bool:
    """Keep a person only if it looks like one: a surname first and at most three characters (four
    with a compound surname), or a transliterated foreign name that is not a function word; never the
    head of an organisation abbreviation (康健委). Frequent words the tagger takes for names in odd
    text (周全, 晋升) are caught per document by `consistent_people`."""
    name = chunk[start:end]
    g = gazetteers()
    if not name or name in g.generic or not all(ch.isalpha() or ch in _TRANSLIT_SEP for ch in name):
        return False
    if event_name(name):
        return False
    if any(ch in _TRANSLIT_SEP for ch in name):
        return len(name) >= 3
    if end < len(chunk) and chunk[end] in _ORG_BLOCK_AFTER:
        after = chunk[end : end + g.max_post]
        if not any(after.startswith(w) for w in g.post_words):
            return False
    if _is_surname_led(name):
        compound = name[:2] in g.compound_surnames
        if len(name) <= (4 if compound else 3):
            return True
        # Longer: a transliterated name that happens to start with a surname (穆巴拉克), unless it
        # runs into an organisation or place word (康健委果).
        return not any(ch in _NOT_IN_LONG_NAMES for ch in name)
    # No Chinese surname: a foreign name is at least two characters and not a function word.
    found = dictionary().get(name)
    return len(name) >= 2 and not (found is not None and found[1] in _NOT_NAMES and found[0] >= 20)


def valid_place(name: str) -> bool:
    """Reject generic words, numbered or pronoun "places" (千县, 各省), numbering inside a building
    (三单元, 5号楼), festivals (新春) and a verb stem before an administrative ending (补齐县 from
    补齐县医院)."""
    g = gazetteers()
    if len(name) < 2:
        return False  # a bare character is shown only as part of a pair, by its full name (_split_pairs)
    if name in g.generic or not all(ch.isalpha() or ch in _TRANSLIT_SEP for ch in name):
        return False
    if name in g.provinces or name in g.countries:
        return True
    if event_name(name) or _BUILDING_UNIT.match(name):
        return False  # 新春, 三单元: a time and a door number, not places
    found = dictionary().get(name)
    if found is not None and found[1] == "ns":
        return True
    size = longest_ending(name, g.place_suffixes, 5)
    if size:
        stem = name[:-size]
        if not stem or (len(stem) == 1 and stem in _NUMERALS):
            return False
        stem_entry = dictionary().get(stem)
        if stem_entry is not None and stem_entry[1][:1] in ("v", "a", "d", "c", "p", "u", "m", "r"):
            return False
    return True


def valid_org(name: str) -> bool:
    """An organisation needs a name before its ending: 县医院, 省委 or 市卫健委 alone are generic; a
    festival or a numbered congress (新春, 十九大) is not a body at all."""
    g = gazetteers()
    if len(name) < 2 or name in g.generic or event_name(name):
        return False  # 新春, 二十大: a festival or a congress is a time, not a body
    if not any(ch.isalpha() for ch in name):
        return False
    if _DIRECTION_TAIL.search(name):
        return False  # 华南西部, 巴南部: a part of a region, not a body
    if name in _STANDALONE_ORGS:
        return True
    if len(name) > 3 and name[2] in _ADMIN:
        head = dictionary().get(name[:2])
        if head is not None and head[1][:1] in ("v", "a", "d"):
            return False  # 补齐县病院, 巩固县医院: a verb before 县 is not a county name
    size = longest_ending(name, g.org_suffixes, g.max_org_suffix)
    stem = name[:-size] if size else name
    return not (size and (not stem or stem in _LEVELS))


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


def _merge_orgs(chunk: str, tokens: list[Token]) -> list[Token]:
    """Join an organisation or place with the words after it up to an organisation ending."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.tag in ("ORG", "LOC"):
            best_j, best_end = -1, -1
            j = i + 1
            while j < len(tokens) and j - i <= _MAX_ORG_WORDS and tokens[j].tag in _ORG_INNER:
                if tokens[j].end - tok.start > _MAX_ORG_CHARS:
                    break
                if tokens[j].tag == "m" and not _ORDINAL.match(chunk[tokens[j].start : tokens[j].end]):
                    break  # 加拿大两家大银行: a count is not part of a name, an ordinal (第二) is
                end = _org_end(chunk, tok.start, tokens[j].end, tokens[j])
                if end > 0:
                    best_j, best_end = j, end
                j += 1
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
        if head in _STANDALONE_ORGS or (len(head) >= 2 and longest_ending(head, g.org_suffixes, 6)):
            return end - post
        if not longest_ending(name, g.org_suffixes, g.max_org_suffix):
            return start
    if longest_ending(name, g.org_suffixes, g.max_org_suffix) or name in _STANDALONE_ORGS:
        return end
    for cut in range(len(name) - 1, max(1, len(name) - 3), -1):
        head, tail = name[:cut], name[cut:]
        if (head in _STANDALONE_ORGS or longest_ending(head, g.org_suffixes, 6)) and tail in dictionary():
            return start + cut
    return end


def _trim_person(chunk: str, start: int, end: int) -> tuple[int, int]:
    """程先生 -> 程, 老李 -> 李: forms of address are not part of the name."""
    g = gazetteers()
    name = chunk[start:end]
    for size in range(min(3, len(name) - 1), 0, -1):
        if name[-size:] in g.honorifics and _is_surname_led(name[:-size]):
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
    """美国政府 -> the place 美国: a government is named by its place."""
    text = chunk[tok.start : tok.end]
    if text.endswith("政府") and len(text) > 3:
        stem = text[:-2]
        if valid_place(stem) and not longest_ending(stem, gazetteers().org_suffixes, 3):
            return Span("place", tok.start, tok.end - 2, tok.score, known_place(stem))
    return None


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
    for tok in (piece for merged in _merge_orgs(chunk, clean) for piece in _split_joined(chunk, merged)):
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
            end = tok.end
            tail = _PLACE_TAIL.search(chunk, tok.start, tok.end)
            if tail and tail.start() - tok.start >= 2 and valid_place(chunk[tok.start : tail.start()]):
                end = tail.start()
            name = chunk[tok.start : end]
            if valid_place(name):
                out.append(Span("place", tok.start, end, tok.score, known_place(name)))
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
                out.append(Span("org", tok.start, end, tok.score, known_org(name)))
    out.extend(_pattern_spans(chunk, out))
    return out


def known_place(name: str) -> bool:
    """Evidence apart from the model: a provincial name, a country, a dictionary place name, or a name made of a
    stem and an administrative ending (奉节县, 曹县) or a geographic one after two or more characters
    (燕塞湖; not 同县 or 大河: `valid_place` has already refused numerals, pronouns and verbs)."""
    g = gazetteers()
    if name in g.provinces or name in g.countries:
        return True
    found = dictionary().get(name)
    if found is not None and found[1] == "ns":
        return True
    size = longest_ending(name, g.place_suffixes, 5)
    if size and name[-size:] in _ADMIN_ENDINGS:
        return len(name) - size >= 1  # 曹县, 沛县: counties and cities with one-character names
    return bool(size) and len(name) - size >= 2


def known_org(name: str) -> bool:
    """Evidence apart from the model: a body known by its name alone (政协), or an organisation
    ending of two or more characters (医院, 委员会, 有限公司) after a name; a one-character ending
    (局, 部, 会) counts when the name is at least four characters long (水利部 is not enough: the
    tagger's word may have run on past a real name)."""
    g = gazetteers()
    if name in _STANDALONE_ORGS:
        return True
    size = longest_ending(name, g.org_suffixes, g.max_org_suffix)
    if size == 1 and len(name) >= 3 and known_place(name[:-1]):
        return True  # a place and a one-character ending: 挪威队, 长沙县委
    return size >= 2 or (size == 1 and len(name) >= 4)


def known_person(name: str) -> bool:
    """Evidence apart from the model: a full Chinese name (a surname and a two-character given name,
    four characters with a compound surname) that is not a dictionary word; a name of three or more
    characters that the dictionary knows as a person's; or a transliterated name, written with its
    separator dot (阿尤布·汗) or only in characters that write foreign names by sound (普里马科夫)."""
    if any(ch in _TRANSLIT_SEP for ch in name):
        return len(name) >= 3
    g = gazetteers()
    if len(name) >= 3 and all(ch in g.transliteration for ch in name):
        return True  # written by sound throughout: 普里马科夫
    found = dictionary().get(name)
    if found is not None and len(name) >= 3:
        return found[1].startswith("nr")  # a well-known person in the dictionary (季羡林)
    compound = name[:2] in g.compound_surnames
    size = 4 if compound else 3
    return len(name) == size and (compound or name[:1] in g.surnames) and found is None


# A one-character country abbreviation that stands for the country's side or government (日方, 俄总理,
# 美政府) and 京/沪 after a verb of place (在京, 抵京, 来沪): the referent is the country or city, shown
# by its full name. Not 华 (访华: also 华人, 华语) nor 日 in 抗日: a bare character is shown only
# where the full name is certain.
_COUNTRY_SIDE = re.compile(
    r"(?<![一二双各对多中美日俄英法德印韩朝越泰菲缅蒙苏欧非])([中美日俄英法德印韩朝越])(?=方(?![面向式法案针圆形便])|总统|总理|外长|政府)"
)
_CITY = re.compile(r"(?<=[在进来抵离赴返晋驻])([京沪])(?![剧城郊腔味片胡戏])")
_CITIES = {"京": "北京", "沪": "上海"}


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


_POST_SEP = "、,，"
_BOUNDARY = re.compile(r"[。！？；;:：!?\n\r()（）“”\"《》【】\[\]|]")
_JOIN = re.compile(r"(?:以及|与|和|及|同|跟)")
_LEAD = re.compile(r"^(?:由|是|为|和|与|及|以及|并|在|据|请|邀请|特邀|原任|现任|曾任|担任|任|系|会上|随后|其中|包括)+")


def posts_of(
    text: str,
    start: int,
    end: int,
    name_ends: frozenset[int] | set[int] = frozenset(),
    bodies: Sequence[tuple[int, int]] = (),
    name_starts: frozenset[int] | set[int] = frozenset(),
) -> list[tuple[int, int]]:
    """Spans of the posts the text gives a person at text[start:end].

    Before the name: the phrases back to the clause boundary, separated by 、 or commas, each ending
    with a post title (`国家卫生健康委医政医管局原局长、清华大学医院管理研究院常务副院长张宗久`).
    After the name: a post title right after it (`黄二丹研究员`), or a list of posts after a space
    (`罗勇 重庆医科大学第一附属医院党委副书记、院长`). `bodies` are organisation and place spans: a
    post that contains one starts there, so `会议由长沙市卫健委党组书记` gives `长沙市卫健委党组书记`.
    """
    g = gazetteers()
    posts: list[tuple[int, int]] = []
    # Before the name.
    pos = start
    floor = max(0, start - 120)
    while pos > floor:
        seg_start = pos
        while seg_start > floor and text[seg_start - 1] not in _POST_SEP and not _BOUNDARY.match(text[seg_start - 1]):
            seg_start -= 1
            if seg_start in name_ends:
                break
        segment = text[seg_start:pos]
        stripped = segment.strip()
        if not stripped or not longest_ending(stripped, g.post_words, g.max_post):
            break
        lead = _LEAD.match(stripped)
        offset = seg_start + (len(segment) - len(segment.lstrip())) + (lead.end() if lead else 0)
        post_end = seg_start + len(segment.rstrip())
        inside = [(b, e) for b, e in bodies if offset <= b < post_end and e <= post_end]
        if inside:
            offset = min(b for b, _ in inside)
            # 莫斯科与俄罗斯总统普京: a body joined to the post by 与/和 is a second party, not the
            # post's body; the post starts after the conjunction.
            ends = {b: e for b, e in inside}
            while offset in ends:
                join = _JOIN.match(text, ends[offset])
                if join is None:
                    break
                offset = join.end()
        if post_end - offset >= 2:
            posts.append((offset, post_end))
        if seg_start <= floor or seg_start in name_ends or _BOUNDARY.match(text[seg_start - 1]):
            break
        pos = seg_start - 1
    posts.reverse()
    # Right after the name.
    after = text[end : end + g.max_post]
    for size in range(min(g.max_post, len(after)), 1, -1):
        if after[:size] in g.post_words:
            posts.append((end, end + size))
            break
    else:
        posts.extend(_posts_after(text, end, name_starts))
    return posts


# After a name: a list of posts after a space (罗勇 重庆医科大学…副书记、院长), in brackets (张三（县委书记）),
# as an apposition between commas (张三，县委书记，…), or after a verb of appointment (周全同志任县委书记).
_AFTER_SPACE = re.compile(r"[ \t\u3000]+([^。！？；;:：!?\n\r,，]{2,60})")
_AFTER_BRACKET = re.compile(r"[（(]([^（()）\n\r]{2,60})[）)]")
_AFTER_COMMA = re.compile(r"[，,]([^。！？；;:：!?\n\r,，（(]{2,40})(?=[，,。；;\n\r]|$)")
_AFTER_VERB = re.compile(
    r"(?:同志|先生|女士)?(?:现任|担任|出任|兼任|升任|调任|任|系|是)([^。！？；;:：!?\n\r,，、（()）]{2,40})"
)


def _posts_after(text: str, end: int, name_starts: frozenset[int] | set[int]) -> list[tuple[int, int]]:
    g = gazetteers()
    window = text[end : end + 100]
    for pattern in (_AFTER_SPACE, _AFTER_BRACKET, _AFTER_COMMA):
        m = pattern.match(window)
        if not m:
            continue
        stop = end + m.end(1)
        if pattern is _AFTER_COMMA and stop in name_starts:
            continue  # 张三，县委书记李四: the post belongs to the name after it
        parts = re.split(r"[、，,]", m[1].rstrip())
        if all(p and longest_ending(p.strip(), g.post_words, g.max_post) for p in parts):
            out: list[tuple[int, int]] = []
            pos = end + m.start(1)
            for p in parts:
                out.append((pos, pos + len(p.rstrip())))
                pos += len(p) + 1
            return out
    m = _AFTER_VERB.match(window)
    if m:
        phrase = m[1]
        size = 0
        for cut in range(len(phrase), 1, -1):  # the longest stretch that ends with a post
            if longest_ending(phrase[:cut], g.post_words, g.max_post):
                size = cut
                break
        if size:
            return [(end + m.start(1), end + m.start(1) + size)]
    return []
