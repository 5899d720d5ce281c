"""Whether a name is believable as a person, place or organisation, from general knowledge only:
endings, surnames, administrative levels and a word-frequency list (no model, no evaluation set)."""

from __future__ import annotations

import re

from reader.core.entities.gazetteers import dictionary, gazetteers, longest_ending

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
# Words that refer to bodies without naming one (有关部门 "the departments concerned", 两国有关公司 "the
# companies concerned of the two countries"): general usage of official Chinese.
_SEATS = frozenset("省市县区乡镇村")
_REFERRING = re.compile(r"有关|相关|两国|各国|双方")
# Bodies known by their generic-looking name alone.
STANDALONE_ORGS = frozenset(
    {"政协", "人大", "国务院", "中共", "中共中央", "党中央", "团中央", "人大常委会", "全国人大", "全国政协", "中央军委"}
)
_ORG_BLOCK_AFTER = frozenset("委局厅办署")
_TRANSLIT_SEP = frozenset("·•‧-—－")
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


def is_surname_led(name: str) -> bool:
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
        found = words.get(name)
        if found is None or name in with_posts or found[1] == _FOREIGN_NAME:
            continue  # 约翰, 琼斯: the dictionary knows the word as a foreign person's name, never a plain word
        if text.count(name) >= 2 * tagged:
            drop.add(name)
    return drop


# The dictionary's class of transliterated personal names (约翰, 琼斯, 里奇); its class of Chinese
# names (nr) is not used: it also holds plain words (周全, 晋升).
_FOREIGN_NAME = "nrt"


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
    if is_surname_led(name):
        compound = name[:2] in g.compound_surnames
        if len(name) <= (4 if compound else 3):
            return True
        # Longer: a transliterated name that happens to start with a surname (穆巴拉克), unless it
        # runs into an organisation or place word (康健委果).
        return not any(ch in _NOT_IN_LONG_NAMES for ch in name)
    # No Chinese surname: a foreign name is at least two characters and not a function word.
    found = dictionary().get(name)
    return len(name) >= 2 and not (found is not None and found[1] in _NOT_NAMES and found[0] >= 20)


# A size, age or position, or a word pointing back, before a kind of place: 大城市, 中小城市, 小城镇,
# 老城区, 中心市区, 远郊县, 百强县; 同县, 本市, 邻省 (general grammar: a modifier and a common noun of
# place; a named place has a name before its ending, 龙岗区, 新市镇).
_KIND_OF_PLACE = re.compile(
    r"^(?:(?:大|中|小|中小|大中|大中小|老|中心|边远|偏远)(?:城市|城镇|城区|市区|郊区|县城|乡镇)"
    r"|(?:远郊|近郊|百强|贫困)(?:县|区|市|乡|镇|村)|(?:同|本|该|邻|外|各)(?:省|市|县|区|乡|镇|村))$"
)


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
    if _KIND_OF_PLACE.match(name):
        return False  # 大城市, 小城镇, 远郊县, 同县: a kind of place or "the same county", no name
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
    if _REFERRING.search(name):
        return False  # 有关公司, 两国相关部门: "the bodies concerned", not one named body
    if name.endswith("组织") and name[-3:-2] in _SEATS and known_place(name[:-2]):
        return False  # 栾城县 | 组织机关干部: after a county or city, 组织 is the verb "organise"
    if name in STANDALONE_ORGS:
        return True
    if len(name) > 3 and name[2] in _ADMIN:
        head = dictionary().get(name[:2])
        if head is not None and head[1][:1] in ("v", "a", "d"):
            return False  # 补齐县病院, 巩固县医院: a verb before 县 is not a county name
    size = longest_ending(name, g.org_suffixes, g.max_org_suffix)
    stem = name[:-size] if size else name
    return not (size and (not stem or stem in _LEVELS or _KIND_OF_PLACE.match(stem)))


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
    if name in STANDALONE_ORGS:
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
