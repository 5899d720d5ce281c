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

from reader.core.entities.bodies import (
    periodicals,
    split_government,
    split_joined,
    split_seat,
    with_session,
    within_region,
)
from reader.core.entities.context import (
    BODY_CHARS,
    POST_LEADS,
    dateline,
    field_bodies,
    forecast,
    forecast_city,
    join_dotted,
    joined_sounded_people,
    kind_bodies,
    named_after_place_kind,
    place_then_former_body,
    titled_foreigner,
    titled_sounded_names,
)
from reader.core.entities.described import GOVERNMENT, SECTOR, described_by_place, government_left, of_a_body
from reader.core.entities.gazetteers import dictionary, gazetteers, longest_ending
from reader.core.entities.given_names import completed_names
from reader.core.entities.model import Token
from reader.core.entities.posts import posts_of
from reader.core.entities.spans import (
    VENUES,
    Span,
    is_parties,
    pattern_spans,
    place,
    short_names_run,
    split_pairs,
)
from reader.core.entities.validity import (
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


_TYPE = {"PER": "person", "LOC": "place", "ORG": "org"}
_ORG_INNER = frozenset({"ORG", "LOC", "n", "nz", "vn", "an", "m", "s", "j", "nt", "ns", "a"})
_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+|[一二三四五六七八九十百零〇\d]+)$")
_POST_MODIFIERS = ("原", "副", "前", "常务", "代理", "执行", "名誉", "总", "正")
_MAX_ORG_WORDS = 7
_MAX_ORG_CHARS = 32
# A tagged place that ends with one of these is a team or a body (喀麦隆队, 丹麦红十字会).
_TEAM_OR_BODY = frozenset("队委局厅部会社团院所校馆")
_PART_OF_REGION = re.compile(r"(?:东|西|南|北|中|大)部$")


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
        # 组织 tagged as the verb "organise" ends 国家组织; not after a name that has ended (基金会 |
        # 组织实施), and a one-character verb is the modal 会 "will", not a body (潍坊会越来越好).
        verb_ending = word.end - word.start >= 2 and chunk[word.start : word.end] in endings
        if word.tag in ("v", "vn") and verb_ending and not ended and best_j < 0:
            word = Token(word.start, word.end, "n")
        if word.end - tok.start > _MAX_ORG_CHARS or word.start != tokens[j - 1].end:
            break  # too long, or a table's tab lies between the words
        open_verb = not verb and not ended and best_j < 0 and j + 1 < len(tokens)
        if word.tag == "v" and open_verb and word.end - word.start == 2:
            verb = True  # one verb, and only before any ending: 集团结成联盟 is a body and a predicate
        elif word.tag not in _ORG_INNER or (verb and word.tag in _NAMED_TAGS):
            break
        elif tok.tag == "ORG" and of_a_body(chunk[word.start : word.end], [t.tag for t in tokens[i + 1 : j]]):
            break  # 欧盟 | 国家, 联合国 | 专门机构: the body's member states or agencies, not a body's name
        elif word.tag == "m" and not _ORDINAL.match(chunk[word.start : word.end]):
            break  # 加拿大两家大银行: a count is not part of a name, an ordinal (第二) is
        else:
            end = _org_end(chunk, tok.start, word.end, word)
            if end > 0 and not (verb and word.end - end > 0):
                best_j, best_end = j, end
        j += 1
    return best_j, best_end


_NAMED_TAGS = frozenset({"ORG", "LOC", "PER", "nt", "ns"})
# The date of a news dateline, right before its 电 or 讯: 新华社北京6月23日电.
_DATELINE_DATE = re.compile(r"[0-9０-９一二三四五六七八九十]日$")
_ORG_OR_PLACE = frozenset({"ORG", "LOC"})
_SPACE = re.compile(r"\s")


def _merge_orgs(chunk: str, tokens: list[Token]) -> list[Token]:
    """Join an organisation or place with the words after it up to an organisation ending.

    A larger place written before a body named with its own place (河南省 | 长葛市职业中专) is where
    the body is, not part of its name: it stays a place."""
    if not any(tok.tag in _ORG_OR_PLACE for tok in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.tag in _ORG_OR_PLACE:
            best_j, best_end = _org_reach(chunk, tokens, i)
            while best_j > i + 1 and tok.tag == "LOC" and tokens[i + 1].tag == "LOC":
                out.append(tok)
                i += 1
                tok = tokens[i]
            if best_j > 0 and tokens[best_j].tag == "a" and _place_name(chunk[tok.start : tok.end]):
                # 北京 | 优质学校 "good schools in Beijing": an adjective and a kind of body after a place
                # describe the place's bodies, they name none; the place stays a place.
                out.append(Token(tok.start, tok.end, "LOC", tok.score))
                i += 1
                continue
            if best_j > 0:
                out.append(Token(tok.start, best_end, "ORG", tok.score))
                last = tokens[best_j]
                if best_end < last.end:
                    out.append(Token(best_end, last.end, "n"))
                i = best_j + 1
                continue
            own = chunk[tok.start : tok.end]
            if tok.tag == "LOC" and _PART_OF_REGION.search(own):
                out.append(tok)  # 华北大部, 非洲西部: a part of a region, not a ministry (部)
            elif tok.tag == "LOC" and len(own) >= 3 and own[-1] in _TEAM_OR_BODY:
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


# The kinds of body a field names (教育部, 卫生局, 民政厅, 保安署, 交通委, 人事处) and the words that join two
# fields in one body's name (劳工及福利局, 文化和旅游部, 教育与体育局): general usage in the names of
# government departments on the mainland, in Hong Kong and in Taiwan.
_FIELD_KINDS = "部局厅署委处"
_FIELD_JOIN = frozenset("及和与")


def _field(word: str) -> bool:
    """A field a government department is named for: the dictionary knows it with a kind of body after
    it (卫生 -> 卫生部, 劳工 -> 劳工局, 福利 -> 福利部; not 全国 or 食物)."""
    words = dictionary()
    if len(word) != 2 or not word.isalpha() or word in POST_LEADS:
        return False  # 代理 | 内政部: the acting minister's office, no field
    return any(word + kind in words for kind in _FIELD_KINDS)


def _joined_fields(chunk: str, found: list[Span]) -> list[Span]:
    """A department named by a field and its kind, when another field stands right before it, directly
    or joined by 及, 和 or 与, is one department named for both (卫生 | 福利部, 劳工及 | 福利局): the
    tagger or the field rule saw only the second field, and the truncated name is no body of its own."""
    if not any(s.type == "org" for s in found):
        return found
    taken = sorted((s.start, s.end) for s in found)
    out: list[Span] = []
    for span in found:
        name = chunk[span.start : span.end]
        start = span.start
        if span.type == "org" and len(name) <= 4 and name[-1] in _FIELD_KINDS and _field(name[:2]):
            joined = start >= 3 and chunk[start - 1] in _FIELD_JOIN
            first = start - 3 if joined else start - 2
            if first >= 0 and _field(chunk[first : first + 2]) and not _overlaps(taken, first, start):
                start = first
        if span.type == "org" and _whole_country(chunk, start) and not _overlaps(taken, start - 2, start):
            start -= 2  # 全印 | 安纳德拉维达进步联盟: the body of the whole country is named so
        out.append(span if start == span.start else Span(span.type, start, span.end, span.score, True))
    return out


def _whole_country(chunk: str, start: int) -> bool:
    """全 and a country's one-character short name right before a body (全美汽车工人联合会, 全俄…委员会,
    全印…联盟): "the All-America, All-Russia, All-India …", part of the body's name in general usage;
    the tagger leaves the two characters as an adjective and a verb."""
    if start < 2 or chunk[start - 2] != "全":
        return False
    g = gazetteers()
    return g.abbreviations.get(chunk[start - 1], "") in g.countries


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Some span of `spans` overlaps [start, end)."""
    return any(a < end and start < b for a, b in spans)


def _place_name(name: str) -> bool:
    """A country, a province or a place the dictionary knows: a name that is a place on its own."""
    g = gazetteers()
    found = dictionary().get(name)
    return name in g.countries or name in g.provinces or (found is not None and found[1] == "ns")


def _trim_org(chunk: str, start: int, end: int) -> int:
    """Where an organisation really ends, or `start` to drop it.

    The tagger sometimes runs one word on (北大建校, 水利部派, 安理会决议) or takes a post with it
    (全国人大常委); a post with no organisation before it (国务委员) is not an organisation.
    """
    g = gazetteers()
    name = chunk[start:end]
    if _party_member(chunk, name, end):
        return start  # 共产党人, 国民党员: a member of the party, not the party
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


# Words that start with 人 or 员 after a party's name without making a member of it (民进党人士 are people
# close to the party, 国民党人民 no word; 党员工 is the party's staff): general usage.
_NOT_MEMBER = ("人士", "人民", "员工")


def _party_member(chunk: str, name: str, end: int) -> bool:
    """The name is a party member's (共产党人, 国民党 | 员), not the party's: the span ends in 党人 or 党员,
    or in 党 with 人 or 员 right after it that does not start 人士, 人民 or 员工."""
    if name.endswith(("党人", "党员")):
        return not chunk.startswith(_NOT_MEMBER, end - 1)
    return name.endswith("党") and chunk[end : end + 1] in ("人", "员") and not chunk.startswith(_NOT_MEMBER, end)


def _trim_person(chunk: str, start: int, end: int) -> tuple[int, int]:
    """程先生 -> 程, 老李 -> 李: forms of address are not part of the name; nor is a leader's
    government (瓦杰帕伊政府 -> 瓦杰帕伊) or a post's 副 run into the name (…坚赞副 | 委员长)."""
    g = gazetteers()
    name = chunk[start:end]
    if name.endswith("政府") and len(name) >= 4:
        return start, end - 2
    if name.endswith(("副", "原")) and len(name) >= 3 and any(chunk.startswith(w, end) for w in g.post_words):
        return start, end - 1
    for size in range(min(3, len(name) - 1), 0, -1):
        if name[-size:] in g.honorifics and is_surname_led(name[:-size]):
            return start, end - size
    if len(name) == 2 and name[0] in "老小" and name[1] in g.surnames:
        return start + 1, end
    return start, end


def spans_from_tokens(chunk: str, tokens: Sequence[Token]) -> list[Span]:
    """People, places and organisations in one chunk of normalised text, from the tagger's words."""
    if not any(tok.tag in _TYPE for tok in tokens):
        # Most clauses name nobody: only the one-character patterns and bodies named by a field apply.
        found = field_bodies(chunk, tokens, []) if BODY_CHARS.search(chunk) else []
        found = _joined_fields(chunk, found + kind_bodies(chunk, tokens, found))
        return found + pattern_spans(chunk, found)
    spaced = _SPACE.search(chunk) is not None
    clean: list[Token] = []
    for tok in tokens:
        start, end = tok.start, tok.end
        if tok.tag in _TYPE:
            if chunk[start] in "电讯" and _DATELINE_DATE.search(chunk, 0, start):
                # 北京6月23日电 | 国务院: the dateline's 电 closes the dateline, it starts no name.
                if end - start <= 2:
                    clean.append(Token(start, end, "n"))
                    continue
                start += 1
            # Names start and end with a letter or digit: spaces, stray marks and U+FFFD stay outside.
            while start < end and not chunk[start].isalnum():
                start += 1
            while end > start and not chunk[end - 1].isalnum():
                end -= 1
            if "\t" in chunk[start:end]:
                # A tab separates the cells of a table (台北站 | 台大综合体育馆, Various Artists | Various
                # Artists): no name runs across one, and a tagger that read across cells is not trusted.
                clean.append(Token(tok.start, tok.end, "n"))
            elif start < end:
                clean.extend(split_joined(chunk, Token(start, end, tok.tag, tok.score)))
        elif spaced and chunk[start:end].isspace():
            clean.append(Token(start, end, "w"))
        else:
            clean.append(tok)
    out: list[Span] = []
    for whole in _merge_orgs(chunk, join_dotted(chunk, clean)):
        if whole.tag not in _TYPE:
            continue  # most words: no repair applies
        for part in split_joined(chunk, whole):
            for tok in split_seat(chunk, with_session(chunk, part)):
                out.extend(_typed_span(chunk, tok))
    if BODY_CHARS.search(chunk):
        out.extend(field_bodies(chunk, tokens, out))
    out.extend(kind_bodies(chunk, tokens, out))
    out = joined_sounded_people(titled_sounded_names(chunk, tokens, out), chunk, tokens)
    out = completed_names(chunk, tokens, out)
    out = _joined_fields(chunk, out)
    out.extend(pattern_spans(chunk, out))
    if "（" in chunk or "(" in chunk:
        out = _bracketed_form(chunk, out)
    return periodicals(chunk, out) if "《" in chunk else out


# A company's name with its group or its country in brackets before the kind of company: 亚宝药业（集团）
# 公司, 某某（中国）有限公司 (the registered form of Chinese company names; general usage).
_BRACKETED_FORM = re.compile(r"[（(][^（）()\n]{1,6}[）)](?:股份有限公司|有限责任公司|有限公司|公司)")


def _bracketed_form(chunk: str, found: list[Span]) -> list[Span]:
    """A body the tagger ended before a bracket, when the bracket and a kind of company follow it, is
    the company's whole registered name (山西亚宝药业 | （集团）公司); what was found inside the
    bracket is part of it."""
    whole: dict[int, Span] = {}  # index in `found` -> the body with its bracket
    inside: list[tuple[int, int]] = []  # what each bracket and kind of company cover
    for k, span in enumerate(found):
        m = _BRACKETED_FORM.match(chunk, span.end) if span.type == "org" else None
        if m is not None:
            whole[k] = Span("org", span.start, m.end(), span.score, True)
            inside.append((span.end, m.end()))
    if not whole:
        return found
    return [whole.get(k, s) for k, s in enumerate(found) if k in whole or not any(a <= s.start < b for a, b in inside)]


# A meeting, fair or games (西藏工作座谈会, 商务研讨会, 博览会) is an event, not a body, though it ends in
# 会; an ethnic group (维吾尔族) or a relation between parties (睦邻友好合作关系) is not a body either.
# Kinds of meeting in general usage (现代汉语词典; 运会 ends the games: 亚运会, 全运会, 奥运会); 大会 and
# 全会 are left out: 国际足联大会 names the body in session, numbered plenums are events already
# (`event_name`), and 论坛 also names standing bodies.
_MEETING = re.compile(
    r"(?:座谈会|研讨会|讨论会|报告会|洽谈会|博览会|展览会|展销会|交易会|订货会|运动会|联欢会|招待会|发布会|"
    r"见面会|推介会|表彰会|动员会|峰会|运会)$"
)
_PEOPLE = re.compile(r"(?:[^家]族|关系)$")
# The cadres of a place or unit (三桥村村干部, 县干部): people, not a body, though 部 ends bodies.
_CADRES = re.compile(r"[村乡镇县市区厂]?干部$")
# Chinese numerals, and measure words that follow a numeral in a count (一个, 两项, 几次; general
# grammar, 现代汉语词典's classifiers of people, things and events).
_NUMERALS = frozenset("一二三四五六七八九十两几")
_MEASURES = frozenset("个项次种位名批条件所座支届份套场轮")


def _chinese_shaped(chunk: str, tok: Token) -> bool:
    """A Chinese person's name (a surname, then a form of address or given-name characters none of which
    transliterate: 王先生, 李大爷, 刘备), not a foreign place written by sound (阿布贾, 帕塔亚)."""
    g = gazetteers()
    name = chunk[tok.start : tok.end]
    if not is_surname_led(name):
        return False
    titled = any(name.endswith(h) for h in g.honorifics)
    return titled or not any(ch in g.transliteration for ch in name[1:])


def _word_at(chunk: str, at: int) -> bool:
    """A dictionary word of two characters starts at `at` (界定, 界限, 界面)."""
    return chunk[at : at + 2] in dictionary()


def _leading_place(chunk: str, start: int, end: int, score: float) -> list[Span]:
    """The place a non-body name starts with (西藏 of 西藏工作座谈会), if it starts with a known one."""
    for size in range(min(6, end - start - 1), 1, -1):
        name = chunk[start : start + size]
        if valid_place(name) and known_place(name):
            return [Span("place", start, start + size, score, True)]
    return []


def _typed_span(chunk: str, tok: Token) -> list[Span]:
    """The span (or spans, for a pair of abbreviations) one repaired name gives, if it is believable."""
    kind = _TYPE.get(tok.tag)  # a conjunction split off two joined bodies is no name
    if kind is None:
        return []
    if kind != "place" and tok.end - tok.start == 2 and is_parties(chunk, tok.start, tok.end):
        return split_pairs(chunk, tok)  # 中坦合资, 中布两国: the parties of a relation, not a body or a person
    if kind != "person" and titled_foreigner(chunk, tok):
        kind = "person"  # 总统金大中, 教练福格茨: a post written beside the name says whose it is
    elif kind == "person" and dateline(chunk, tok.start, tok.end):
        return place(chunk, tok)  # 本报南特6月14日电: a dateline names the place a report is filed from
    elif kind == "person" and named_after_place_kind(chunk, tok.start) and not _chinese_shaped(chunk, tok):
        return place(chunk, tok)  # 首都阿布贾, 旅游胜地帕塔亚: a kind of place, then its name
    elif kind == "person" and forecast(chunk, tok.start, tok.end):
        return place(chunk, forecast_city(chunk, tok))  # 21℃ 卡拉奇晴: a city in a weather forecast
    if kind == "person":
        start, end = _trim_person(chunk, tok.start, tok.end)
        if short_names_run(chunk, start, end):
            return []  # 苏浙沪三地, 京津冀: the short names of the provinces of a region, no person
        if valid_person(chunk, start, end):
            return [Span("person", start, end, tok.score, known_person(chunk[start:end]))]
        return []
    if kind == "place":
        if forecast(chunk, tok.start, tok.end) and not known_place(chunk[tok.start : tok.end]):
            tok = forecast_city(chunk, tok)  # a known place the tagger found is where it starts
        return split_pairs(chunk, tok) or place(chunk, tok)
    gov = split_government(chunk, tok)
    if gov is not None:
        return [gov]
    if chunk.endswith(GOVERNMENT, tok.start, tok.end):
        return government_left(chunk, tok)
    former = place_then_former_body(chunk, tok)
    if former:
        return former
    end = _trim_org(chunk, tok.start, tok.end)
    if end < len(chunk) and chunk[end - 1] in _NUMERALS and chunk[end] in _MEASURES:
        # A name does not end inside a count (a numeral, then its measure word): the count is cut
        # off and what is left is judged as any name (公安部一 | 个 -> 公安部; 从一 | 个 -> 从, no body).
        while end > tok.start and chunk[end - 1] in _NUMERALS:
            end -= 1
    name = chunk[tok.start : end]
    if chunk.startswith(SECTOR, end) and not _word_at(chunk, end):
        # 美国银行 | 界 "American banking circles": a sector named by its kind of body, not one body;
        # not before a word that starts with 界 (联合国 | 界定, 世界卫生组织 | 界限).
        return _leading_place(chunk, tok.start, end, tok.score)
    if cadres := _CADRES.search(name):
        return _leading_place(chunk, tok.start, tok.start + cadres.start() + 1, tok.score)
    if _MEETING.search(name) or _PEOPLE.search(name):
        return _leading_place(chunk, tok.start, end, tok.score)
    if end > tok.start and (described := described_by_place(name)):
        # 美国公司, 西藏部队: a place and a kind of body it has, not one named body.
        return [Span("place", tok.start, tok.start + described, tok.score, True)]
    if name in gazetteers().countries:
        # 法国 in 法国星期天报说: a country named alone is the place, the tagger's ORG notwithstanding.
        return [Span("place", tok.start, end, tok.score, True)]
    if end > tok.start and valid_org(name):
        kind = "place" if name.endswith(VENUES) and len(name) > 3 else "org"
        cut = within_region(name)
        if cut and valid_org(name[cut:]):
            # 辽宁省 | 丹东铁路公安处党委: the larger place is where the body is, not part of its name.
            inner = name[cut:]
            return [
                Span("place", tok.start, tok.start + cut, tok.score, True),
                Span(kind, tok.start + cut, end, tok.score, known_org(inner)),
            ]
        return [Span(kind, tok.start, end, tok.score, known_org(name))]
    return []
