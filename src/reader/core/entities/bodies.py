"""Repairs of tagged bodies, and what says a body is named: a government named by its place (美国政府),
a larger place before a body that has its own (北京市 | 怀柔县民政局), a numbered session before a
congress (第九届 | 全国人大), two bodies joined by 同/与/和 taken for one, a body within its province
(吉林 | 东丰县第五中学), the bodies every country has (挪威议会), periodicals named with their place
(香港《大公报》), and the endings only a named body carries (…出版社, …研究所).
"""

from __future__ import annotations

import re

from reader.core.entities.gazetteers import dictionary, gazetteers, longest_ending
from reader.core.entities.model import Token
from reader.core.entities.spans import REGIONS, UNIT_CHARS, Span
from reader.core.entities.validity import STANDALONE_ORGS, known_place, valid_place

# Levels and kinds of government written before 政府 (general usage: 中央政府, 联邦政府, 地方政府, 临时政府,
# 过渡政府, 自治政府): not the name of a place.
_GOVERNMENT_LEVELS = frozenset({"中央", "联邦", "地方", "临时", "过渡", "自治", "基层", "各级", "上级"})


# What may stand between a place and 政府 (江苏省人民政府, 阿富汗临时政府, 伊拉克过渡政府): general usage.
_GOVERNMENT_KINDS = ("人民", "临时", "过渡", "联邦", "自治", "联合", "地方")


def _named_place(stem: str) -> bool:
    """A place name of three or more characters, or a shorter one the lists or the dictionary know
    (曹县, 美国): not a level alone with a character before it (经省)."""
    g = gazetteers()
    found = dictionary().get(stem)
    return len(stem) >= 3 or stem in g.provinces or stem in g.countries or (found is not None and found[1] == "ns")


# A party committee and the government of one place written together (省委省政府, 市委市政府, 县委县政府:
# general usage of Chinese government reports), the unit's character repeated before 政府.
_COMMITTEE_AND_GOVERNMENT = re.compile(r"^(.{0,8}?([省市县区州旗]))委\2(?:人民)?政府$")


def split_government(chunk: str, tok: Token) -> Span | None:
    """美国政府 -> the place 美国, 俄政府 -> 俄 shown as 俄罗斯: a government is named by its place."""
    text = chunk[tok.start : tok.end]
    abbrev = gazetteers().abbreviations
    if text.endswith("政府") and len(text) == 3 and text[0] in abbrev and text[0] not in REGIONS:
        return Span("place", tok.start, tok.start + 1, tok.score, True, abbrev[text[0]])
    joint = _COMMITTEE_AND_GOVERNMENT.match(text)
    if joint is not None:
        # 南京市委市政府: the city's party committee and its government, named together as reports do;
        # the committee is the body, and the government's place is the same city. With no place
        # before them (县委县政府) the text does not say which county's.
        if len(joint[1]) < 3 or not _named_place(joint[1]):
            return None
        return Span("org", tok.start, tok.start + len(joint[1]) + 1, tok.score, True)
    if text.endswith("政府") and len(text) > 3:
        # 人民政府 is the formal name of a Chinese government of any level (江苏省人民政府), and a kind
        # of government may follow the place (阿富汗临时政府): the place is the name before them.
        stem = text[:-2]
        kind = next((k for k in _GOVERNMENT_KINDS if stem.endswith(k) and len(stem) > len(k)), "")
        stem = stem[: len(stem) - len(kind)]
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] in UNIT_CHARS:
            stem = stem[:-1]  # 桃源镇 | 镇政府: the town's own government
        if kind and not _named_place(stem):
            return None  # 县人民政府, 经 | 省人民政府: which province's or county's, the text does not say here
        if stem[-1] in "和与及同" and stem[:-1] in STANDALONE_ORGS:
            # 中共和政府: the party and the government, not a place called 中共和.
            return Span("org", tok.start, tok.start + len(stem) - 1, tok.score, True)
        if stem in _GOVERNMENT_LEVELS:
            return None  # 联邦政府, 中央政府: a level of government, no place
        if valid_place(stem) and not longest_ending(stem, gazetteers().org_suffixes, 3):
            return Span("place", tok.start, tok.start + len(stem), tok.score, known_place(stem))
    return None


# The seat of a body named with its own county or city: 北京市 | 怀柔县民政局, 四川省 | 江油市第一中学.
_SEAT = re.compile(r"^(.{1,6}?(?:省|市|自治区))(.{1,5}?[县市区旗])(.{2,})$")
# A numbered session before a legislature or congress body: 第九届全国人大, 六届人大常委会.
_SESSION = re.compile(r"第?[一二三四五六七八九十]{1,3}届$")


def split_seat(chunk: str, tok: Token) -> list[Token]:
    """A larger place written before a body that carries its own county or city name is where the body
    is, not part of its name: 北京市怀柔县民政局 gives the place 北京市 and the body 怀柔县民政局."""
    if tok.tag != "ORG":
        return [tok]
    name = chunk[tok.start : tok.end]
    m = _SEAT.match(name)
    if m is None or not known_place(m[1]) or not valid_place(m[2]) or _not_a_county(m[2], m[3]):
        return [tok]
    if not longest_ending(m[3], gazetteers().org_suffixes, gazetteers().max_org_suffix):
        return [tok]
    cut = tok.start + m.end(1)
    return [Token(tok.start, cut, "LOC", tok.score), Token(cut, tok.end, "ORG", tok.score)]


def _not_a_county(county: str, rest: str) -> bool:
    """The "county" of a seat is the body's own words (广东省 | 社会科学院区 | 域经济研究所): its stem holds a
    body's ending of two characters or more (学院, 学校), or its last character starts a common word with
    the next one (区 | 域, 市 | 场). A province's institutes are named with their province
    (广东省社会科学院), so nothing is cut."""
    g = gazetteers()
    stem = county[:-1]
    if any(longest_ending(stem[:i], g.org_suffixes, g.max_org_suffix) >= 2 for i in range(3, len(stem) + 1)):
        return True
    found = dictionary().get(county[-1] + rest[:1])
    return found is not None and found[0] >= _COMMON_WORD


# How often a word must be written in the dictionary's corpus to be a common word (as in `spans`).
_COMMON_WORD = 20


def with_session(chunk: str, tok: Token) -> Token:
    """A body's numbered session written before it belongs to the name (第九届 + 全国人大常委会)."""
    if tok.tag != "ORG":
        return tok
    m = _SESSION.search(chunk, max(0, tok.start - 5), tok.start)
    if m is None or m.end() != tok.start:
        return tok
    return Token(m.start(), tok.end, tok.tag, tok.score)


# 会同, 会商 and 会签 ("jointly with", "in consultation with") join two bodies as a verb: written after a
# body they are one word, so their 会 is no body's ending (市民政局 | 会同 | 市财政局). Tried before 同.
_JOINED = re.compile(r"会同|会商|会签|同|与|和|及")


def split_joined(chunk: str, tok: Token) -> list[Token]:
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
        verb = len(m.group()) == 2  # 会同: only between two bodies (湖南省会同县 is a county)
        if left_org or (known_place(left) and not verb and not _body_then_field(left)):
            cut = tok.start + m.start()
            return [
                Token(tok.start, cut, "ORG" if left_org else "LOC", tok.score),
                Token(cut, cut + len(m.group()), "v" if verb else "c"),
                Token(cut + len(m.group()), tok.end, "ORG", tok.score),
            ]
    return [tok]


def _body_then_field(left: str) -> bool:
    """The part before 与 is a body followed by a field (上海社会科学院城市 | 与人口发展研究所, 某大学经济 |
    与管理学院): a department named for two fields, not a place joined to a body, even where the field
    ends like a place (城市). Told by a body's ending of two or more characters inside it."""
    g = gazetteers()
    return any(longest_ending(left[:i], g.org_suffixes, g.max_org_suffix) >= 2 for i in range(3, len(left)))


def within_region(name: str) -> int:
    """Where a body named with its own county or city starts after the province written before it
    in its short form, or 0: 吉林 | 东丰县第五中学, 黑龙江省 | 阿城市委 (`split_seat` handles the
    long forms with a city or county: 北京市 | 怀柔县民政局).

    Only a province: a company after a country (美国英特尔公司) is written with its country as
    part of how it is known; and only an administrative name, which is a place whatever the model
    says (a dictionary place such as 燕京 also names breweries and hotels)."""
    g = gazetteers()
    for cut in range(2, min(len(name) - 3, 5) + 1):
        head, rest = name[:cut], name[cut:]
        if head not in g.provinces or any(head + rest[:k] in g.provinces for k in range(1, 6)):
            continue  # 黑龙江 | 省, 广西 | 壮族自治区: the province's longer form is tried next
        m = _COUNTY.match(rest)
        own_place = m is not None and valid_place(m[0]) and len(rest) > m.end()
        if own_place and longest_ending(rest, g.org_suffixes, g.max_org_suffix):
            return cut  # a body's ending after its own place (阿城市 | 委, 东丰县 | …中学)
        return 0
    return 0


# A county, city, district or banner named by a stem of one to four characters: 东丰县, 阿城市.
_COUNTY = re.compile(r"[^市县区旗省]{1,4}?[县市区旗]")


# Bodies every country has, named by the country: its teams, its legislature, its central bank, its
# red-cross society (general usage in international news: 丹麦男队, 挪威议会, 俄中央银行). Ministries are
# matched by shape instead (a field of two characters and 部: 外交部, 内政部, 农业部).
_NATIONAL_BODIES = frozenset(
    {"队", "男队", "女队", "国家队", "议会", "国会", "内阁", "中央银行", "红十字会", "议会党团", "外交部", "国防部"}
)
_MINISTRY = re.compile(r"[^部]{2}部$")
_TEAMS = frozenset({"队", "男队", "女队"})


# International bodies: the United Nations' agencies and councils and the international federations
# (联合国难民署, 联合国安全理事会, 国际游泳联合会, 国际刑警组织; general usage in news).
_INTERNATIONAL = re.compile(r"^(?:联合国|国际|世界).{1,8}(?:组织|联合会|理事会|委员会|署|基金会|红十字会|法院|联盟)$")


def national_body(name: str) -> bool:
    """A country (or its one-character abbreviation) and a body every country has: 匈牙利队, 斯里兰卡议会,
    英国内政部, 菲农业部; a province and its team (辽宁队); an international body (联合国难民署).
    The country is known apart from the model and the body is a kind, so the name is what the text
    says it is whatever the model's sureness."""
    g = gazetteers()
    if _INTERNATIONAL.match(name):
        return True
    for size in range(min(7, len(name) - 1), 0, -1):
        head, body = name[:size], name[size:]
        if head in g.provinces and body in _TEAMS:
            return True  # 辽宁队, 上海女队: a province's team
        country = head in g.countries or (size == 1 and head in g.abbreviations and head not in REGIONS)
        if not country:
            continue
        if body in _NATIONAL_BODIES:
            return True
        found = dictionary().get(body)
        return _MINISTRY.fullmatch(body) is not None and found is not None and found[1] in ("nt", "n")
    return False


# A periodical named with its place: 美国《时代》周刊, 香港《大公报》, 波兰《生活报》. The title ends in a
# periodical's head, or the kind of periodical follows the title (general usage in news).
_PERIODICAL = re.compile(
    r"《[^《》\n]{1,20}(?:报|刊|志|文摘)》(?:杂志|周刊|月刊|社)?|《[^《》\n]{1,20}》(?:杂志|周刊|月刊|报社|杂志社)"
)


def periodicals(chunk: str, found: list[Span]) -> list[Span]:
    """Places written right before the title of a periodical become the periodical, an organisation:
    the place says which paper (香港《大公报》), and a reader looks the paper up, not the city."""
    out: list[Span] = []
    for span in found:
        m = _PERIODICAL.match(chunk, span.end) if span.type == "place" and span.normalized is None else None
        out.append(Span("org", span.start, m.end(), 1.0, True) if m else span)
    return out


# Endings that only a named body of its kind carries (a factory, a publisher, a legislature, a
# committee, a club): with a name of two or more characters before them the phrase is one body, not a
# description (美国公司 is caught by `described.described_by_place` first). Kinds of body in general usage; chosen
# where the whole phrase is a body nearly always in news text, which 中心, 机构, 集团 and 银行 are not
# (北亚中心 "the North Asia centre" of a company, 政府机构, 贩毒集团), nor 公司 and 组织 in report text
# (合资公司, 经纪公司 describe; 上皮组织 is a tissue).
_BODY_ENDINGS = frozenset(
    {
        "委员会",
        "厂",
        "总厂",
        "分厂",
        "出版社",
        "通讯社",
        "报社",
        "杂志社",
        "剧团",
        "剧院",
        "议会",
        "国会",
        "立法会",
        "人大常委会",
        "议会党团",
        "联合会",
        "研究所",
        "研究会",
        "法院",
        "检察院",
        "俱乐部",
        "电视台",
    }
)


def body_by_ending(name: str) -> bool:
    """A name of two or more characters and an ending that only a named body carries (大连电风扇厂,
    中央编译出版社, 北大西洋议会, 宪法委员会)."""
    g = gazetteers()
    size = longest_ending(name, g.org_suffixes, g.max_org_suffix)
    return bool(size) and name[-size:] in _BODY_ENDINGS and len(name) - size >= 2
