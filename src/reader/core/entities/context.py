"""Evidence from the words around a name: what the text itself says a name is.

The tagger judges a word from the characters near it; a reader also sees the shape of the sentence. A
post title after a body (外交部长, 县委书记), a news dateline (本报南特6月14日电), a weather forecast line
(21℃ 长春晴), a post only a person holds beside a foreign name (总统金大中), a separator dot inside a
foreign name (乌里奇·韦塞尔), 原 or a post between a place and a body (韩国原三美集团): each is a shape of
Chinese text in general, used here to repair or vouch for a name, never a listed string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from reader.core.entities.gazetteers import dictionary, gazetteers, longest_ending
from reader.core.entities.model import Token
from reader.core.entities.spans import Span
from reader.core.entities.validity import is_surname_led, known_place, valid_org, valid_place

# Separators inside a foreign name written in full: 乌里奇·韦塞尔, 耶尔姆—瓦伦 (a double-barrelled name).
_NAME_SEPARATORS = frozenset("·•‧—－-")


def join_dotted(chunk: str, tokens: list[Token]) -> list[Token]:
    """Two person names with only a name separator between them are one foreign name written in full
    (乌里奇 · 韦塞尔): the tagger cuts at the dot, and the dot is no word boundary of a name."""
    dotted = not _NAME_SEPARATORS.isdisjoint(chunk)
    if not dotted and not any(a.tag == b.tag == "PER" for a, b in pairwise(tokens)):
        return tokens
    out: list[Token] = []
    for tok in tokens:
        if tok.tag == "PER" and out:
            prev = out[-1]
            if prev.tag == "PER" and prev.end == tok.start and _sounded(chunk, prev, tok):
                # 伯奇 | 费尔, 斯卡尔 | 法罗: one foreign name the tagger cut in two, written by sound throughout.
                out[-1] = Token(prev.start, tok.end, "PER", min(prev.score, tok.score))
                continue
            gap = chunk[prev.end : tok.start]
            if len(gap) == 1 and gap in _NAME_SEPARATORS and prev.tag == "PER":
                out[-1] = Token(prev.start, tok.end, "PER", min(prev.score, tok.score))
                continue
            if len(out) >= 2 and prev.end - prev.start == 1 and chunk[prev.start] in _NAME_SEPARATORS:
                first = out[-2]
                if first.tag == "PER" and first.end == prev.start and prev.end == tok.start:
                    out[-2:] = [Token(first.start, tok.end, "PER", min(first.score, tok.score))]
                    continue
        out.append(tok)
    return out


def _sounded(chunk: str, first: Token, second: Token) -> bool:
    """Two adjacent person names that are one foreign name: both written only in characters that
    transliterate (`ner_transliteration_chars.txt`), one of them three characters or more (two
    Chinese names are never written without a mark between them, and rarely only in such characters)."""
    sounds = gazetteers().transliteration
    name = chunk[first.start : second.end]
    longest = max(first.end - first.start, second.end - second.start)
    return longest >= 3 and all(ch in sounds or ch in _NAME_SEPARATORS for ch in name)


# Bodies named by their field and a one-character kind of body (外交部, 卫生局, 民政厅, 组委会), which the
# tagger leaves as common nouns or writes into the head's post (外交部长 is 外交部 + 部长).
BODY_CHARS = re.compile(r"[部局厅署院委]")
_HEAD_OF_BODY = re.compile(r"(?<=[\u4e00-\u9fff]{2})([部局厅署院])长")
_FIELD_BODY = frozenset("部局厅署委")
# Word classes of a field (外交, 卫生, 民政, 邮电): nouns, nominal adjectives, abbreviations.
_FIELD_TAGS = ("n", "an", "vn", "j")
# A noun or a name right before the field word means a longer name whose start the tagger missed
# (乡 | 武装部, 专署 | 公安局, 经济 | 企划厅): that body is not guessed at.
_LONGER_NAME = frozenset({"n", "nz", "nw", "j", "ns", "nt", "s", "ORG", "LOC", "PER"})


# Words that qualify a post or an office, not a field (代理内政部长 "the acting minister of the
# interior", 常务副局长): general usage of Chinese titles.
POST_LEADS = frozenset({"代理", "常务", "执行", "名誉", "第一", "临时", "首任", "前任", "现任"})


def field_bodies(chunk: str, tokens: Sequence[Token], found: Sequence[Span]) -> list[Span]:
    """Bodies named by a field word and a one-character kind of body, where the tagger saw none.

    Two shapes, both written this way in general usage: the head's post run into the body
    (外交部长 -> 外交部, 国防 | 部长 -> 国防部, when the dictionary knows the body as a word), and a
    three-character noun of field + body (卫生局, 民政厅) where the dictionary knows the field with at least
    two kinds of body (民政厅 and 民政局; not 头顶部 "the crown of the head", 中餐厅 "a restaurant", 干部).
    Either only after a word that cannot start a longer name: after 乡 or 专署 the name is longer than
    what is seen."""
    words = dictionary()
    starts = {tok.start: k for k, tok in enumerate(tokens)}
    out: list[Span] = []

    def free(a: int, b: int) -> bool:
        return not any(s.start < b and a < s.end for s in (*found, *out))

    def after_boundary(k: int) -> bool:
        return k == 0 or tokens[k - 1].tag not in _LONGER_NAME

    def first_field(k: int) -> int:
        """Where the body starts: at word `k`, or at a field word written right before it that names the
        body too (医务 | 卫生局: 医务卫生局, a department named for two fields), or -1 after a longer name."""
        if after_boundary(k):
            return tokens[k].start
        prev = tokens[k - 1]
        stem = chunk[prev.start : prev.end]
        is_field = len(stem) == 2 and stem not in POST_LEADS and any(stem + kind in words for kind in "部局厅署委处")
        return prev.start if is_field and prev.end == tokens[k].start and after_boundary(k - 1) else -1

    def field(stem: str) -> bool:
        entry = words.get(stem)
        return entry is not None and entry[1].startswith(_FIELD_TAGS)

    for m in _HEAD_OF_BODY.finditer(chunk):
        a, b = m.start() - 2, m.start() + 1
        k = starts.get(a)
        body = chunk[a:b]
        if k is None:
            continue
        first = first_field(k)
        if first < 0 or not field(body[:2]) or body not in words or not free(first, b):
            continue
        out.append(Span("org", first, b, tokens[k].score, True))
    for k, tok in enumerate(tokens):
        if tok.end - tok.start != 3 or tok.tag not in ("n", "nz"):
            continue
        word = chunk[tok.start : tok.end]
        first = first_field(k)
        if word[2] not in _FIELD_BODY or not field(word[:2]) or first < 0:
            continue
        if sum(word[:2] + kind in words for kind in _FIELD_BODY) < 2:
            continue  # 头顶部, 中餐厅: a part or a hall; a field has several kinds of body (民政厅, 民政局)
        if word not in gazetteers().generic and free(first, tok.end):
            out.append(Span("org", first, tok.end, tok.score, True))
    return out


# Bodies named by their kind alone (国会, 内阁, 市委; `ner_kind_bodies.txt`), found by one pattern over the
# chunk so clauses without one cost a single scan.
_POST_LEAD = ("副", "原", "前", "常务", "代理")


@cache
def _kind_body_pattern() -> re.Pattern[str]:
    words = sorted(gazetteers().kind_bodies, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def kind_bodies(chunk: str, tokens: Sequence[Token], found: Sequence[Span]) -> list[Span]:
    """Bodies a text names by their kind alone (国会, 内阁, 市委), which the tagger leaves as common nouns.

    Only where the tagger wrote the body as a word of its own, between words that cannot be part of a
    longer name (团县委 and 苏州市委 are longer names, found from the name before them; 国会议员 is a
    word about members), not inside a name already found, and not before a post (市委书记, 县委副书记
    name a post, not the body)."""
    hits = [(m.start(), m.end()) for m in _kind_body_pattern().finditer(chunk)]
    if not hits:
        return []
    g = gazetteers()
    starts = {tok.start: k for k, tok in enumerate(tokens)}
    out: list[Span] = []
    for a, b in hits:
        k = starts.get(a)
        if k is None or tokens[k].end != b or (k > 0 and tokens[k - 1].tag in _LONGER_NAME):
            continue
        if k + 1 < len(tokens) and tokens[k + 1].tag in _LONGER_NAME:
            continue  # 国会议员团, 内阁会议: a noun after it makes a longer word, not the body
        if any(s.start < b and a < s.end for s in found):
            continue
        if _each_of_kind(chunk, a, g.kind_bodies):
            continue  # 各市委、县委, 有的县委: every body of the kind, not one body
        at = b
        for lead in _POST_LEAD:
            if chunk.startswith(lead, b):
                at = b + len(lead)
                break
        if any(chunk[at : at + size] in g.post_words for size in range(2, g.max_post + 1)):
            continue
        out.append(Span("org", a, b, tokens[k].score, True))
    return out


# Words before a kind of body that make it every body of the kind, or some of them (各市委, 有的县委).
_EACH = ("各", "有的", "每个", "一些")


def _each_of_kind(chunk: str, start: int, kinds: frozenset[str]) -> bool:
    """The kind body at `start` is after 各 or 有的, directly or as a later item of a list started by
    one (各市委、县委): the text speaks of all such bodies or some of them, not of one."""
    at = start
    while True:
        if chunk[:at].endswith(_EACH):
            return True
        if at == 0 or chunk[at - 1] != "、":
            return False
        before = next((k for k in kinds if chunk[: at - 1].endswith(k)), None)
        if before is None:
            return False
        at = at - 1 - len(before)


def place_then_former_body(chunk: str, tok: Token) -> list[Span]:
    """A place, then 原 ("former") or a post, then a body, taken for one name (齐齐哈尔市原市委,
    韩国原三美集团, 美国助理国防部): the place is where the body is, the body's name starts after the
    word in between. Not 原子 or 原料 (common words of their own): the dictionary decides."""
    g = gazetteers()
    name = chunk[tok.start : tok.end]
    words = dictionary()
    for cut in range(2, len(name) - 2):
        head, rest = name[:cut], name[cut:]
        if rest.startswith("原") and words.get(rest[:2], (0, ""))[0] < _COMMON:
            skip = 1
        else:
            skip = next((n for n in range(min(g.max_post, len(rest) - 2), 1, -1) if rest[:n] in g.post_words), 0)
        if not skip or not (valid_place(head) and known_place(head)):
            continue
        body = rest[skip:]
        if len(body) < 2 or not longest_ending(body, g.org_suffixes, g.max_org_suffix):
            continue
        at = tok.start + cut + skip
        where = Span("place", tok.start, tok.start + cut, tok.score, True)
        if valid_org(body):
            return [where, Span("org", at, tok.end, tok.score, True)]
        if body[0] in _LEVEL_BODY and head.endswith(body[0]):
            # 齐齐哈尔市原市委: the city's own committee, shown by its full name 齐齐哈尔市委.
            return [where, Span("org", at, tok.end, tok.score, True, head + body[1:])]
        return [where]
    return []


_LEVEL_BODY = frozenset("省市县区")
_COMMON = 100  # dictionary frequency from which a word starting with 原 is a word of its own (原子, 原料)


# A news dateline: the paper or agency, the place, the date, 电 or 讯 (本报南特6月14日电, 新华社仰光4月22日电).
_DATELINE_AFTER = re.compile(r"(?:[0-9一二三四五六七八九十]{1,2}月)?[0-9一二三四五六七八九十]{1,3}日(?:电|讯)")
_DATELINE_BEFORE = re.compile(r"(?:本报|社|网|台)(?:记者)?$")
# A city in a weather forecast: a temperature before it, the weather after it (or inside the word the
# tagger made: 卡拉奇晴).
_WEATHER = re.compile(r"(?:晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|小雪|中雪|大雪|雨夹雪)")
_WEATHER_END = re.compile(r"(?:晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|小雪|中雪|大雪|雨夹雪)$")


# Kinds of place that a news sentence writes right before a place's name (首都阿布贾, 旅游胜地帕塔亚,
# 南部城市哈斯科沃): general usage of Chinese news, the apposition of a kind and a name. A person is
# not written after these words.
_PLACE_KIND_BEFORE = re.compile(r"(?:首都|首府|城市|港口|港城|小镇|小城|胜地|省会|名城|古城)$")


def named_after_place_kind(text: str, start: int) -> bool:
    """The name at `start` follows a kind of place in apposition (首都 | 阿布贾): it names the place."""
    return _PLACE_KIND_BEFORE.search(text, max(0, start - 2), start) is not None


def dateline(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] is the place of a news dateline (本报南特6月14日电)."""
    return _DATELINE_AFTER.match(text, end) is not None and _DATELINE_BEFORE.search(text, 0, start) is not None


def forecast(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] is the city of a weather forecast line (21℃ 长春晴转多云)."""
    if "℃" not in text[max(0, start - 8) : start]:
        return False
    return _WEATHER.match(text, end) is not None or _WEATHER_END.search(text, start, end) is not None


def forecast_city(text: str, tok: Token) -> Token:
    """The city of a forecast line from its first character: the tagger sometimes starts it late and
    runs it into the weather (21℃ 开 | 罗晴 for 开罗晴). A forecast line writes the city right after
    the previous city's temperatures, so the name starts after the last mark or digit before it."""
    start = tok.start
    words = dictionary()
    while start > 0 and tok.start - start < _MAX_CITY and _CITY_CHAR.match(text, start - 1):
        if text[max(0, start - 2) : start] in words:
            break  # a word ends right before (明天 | 北京, 预计 | 上海): the name starts here
        start -= 1
    return Token(start, tok.end, tok.tag, tok.score) if start < tok.start else tok


# The longest stretch a forecast city is extended by (a city name is rarely over six characters).
_MAX_CITY = 4
_CITY_CHAR = re.compile(r"[\u3400-\u9fff]")


# Posts only a person holds, written right before or after a foreign name (韩国总统金大中, 布约亚总统).
_PERSON_POSTS = re.compile(r"(?:总统|总理|首相|国王|女王|教练|主教练|外长|部长|市长|州长|议长|主席|大使)")


def titled_foreigner(chunk: str, tok: Token) -> bool:
    """A name the tagger took for a place or body that is a person's: written by sound (only
    transliteration characters) or a person's name of three or more characters in the dictionary
    (金大中), no place or body the dictionary or the lists know, and a post
    that only a person holds written right before or after it."""
    g = gazetteers()
    name = chunk[tok.start : tok.end]
    found = dictionary().get(name)
    if found is not None and not found[1].startswith("nr"):
        return False  # a word or a place the dictionary knows (布拉格 is a city)
    sounded = all(ch in g.transliteration for ch in name) or (found is not None and len(name) >= 3)
    if len(name) < 2 or not sounded or known_place(name):
        return False
    if longest_ending(name, g.org_suffixes, g.max_org_suffix):
        return False
    before = _PERSON_POSTS.search(chunk, max(0, tok.start - 3), tok.start)
    after = _PERSON_POSTS.match(chunk, tok.end)
    return (before is not None and before.end() == tok.start) or after is not None


@cache
def _titled_sounded() -> re.Pattern[str]:
    sounds = "".join(sorted(gazetteers().transliteration))
    return re.compile(f"{_PERSON_POSTS.pattern}([{re.escape(sounds)}]{{3,8}})")


def titled_sounded_names(chunk: str, tokens: Sequence[Token], found: list[Span]) -> list[Span]:
    """A foreign name written by sound right after a post only a person holds (总理基里延科, 总理若斯潘):
    the standard way Chinese news introduces a foreign person (country, post, name). The tagger often
    runs the post into the name or tags the name as a function word; the post and the sound of the
    name say it is a person. The name ends where a word of the tagger ends (若斯潘 | 在), has three or
    more characters, all of `ner_transliteration_chars.txt`, and is no word, place or body the
    dictionary or the lists know. Places or people found inside it (塔尼亚 | 胡 of 内塔尼亚胡) are
    replaced by it."""
    if not _PERSON_POSTS.search(chunk):
        return found
    ends = {tok.end for tok in tokens}
    g = gazetteers()
    words = dictionary()
    out = found
    for m in _titled_sounded().finditer(chunk):
        a = m.start(1)
        b = next((e for e in range(m.end(1), a + 2, -1) if e in ends), -1)
        if b < 0:
            continue
        name = chunk[a:b]
        entry = words.get(name)
        if (entry is not None and not entry[1].startswith("nr")) or known_place(name):
            continue
        if longest_ending(name, g.org_suffixes, g.max_org_suffix):
            continue
        inside = [s for s in out if s.start < b and a < s.end]
        if any(s.type == "org" or s.start < a or s.end > b for s in inside):
            continue
        if any(s.type == "person" and s.start == a and s.end == b for s in inside):
            continue
        score = min((s.score for s in inside), default=1.0)
        out = [s for s in out if s not in inside] + [Span("person", a, b, score, True)]
    return out


# The tagger's tags of names and of function words (prepositions, adverbs, conjunctions, particles): a
# character it tags as another name is no syllable of this one (林丹 | 谢杏芳), nor one it tags as a
# function word after a name it is sure of (林海 | 曾任, 林丹 | 因伤, 马丽 | 比); sure as the person
# threshold of `MODEL_SURE` (0.80).
_NAMES = frozenset({"PER", "LOC", "ORG"})
_FUNCTION = frozenset({"p", "d", "c", "u"})
_SURE_OF_NAME = 0.80


def _sounded_to_the_end(
    span: Span, chunk: str, sounds: frozenset[str], tokens: dict[int, tuple[int, str]] | None = None
) -> Span:
    """A two-character person written by sound, followed by one more such character that starts no
    word with the next one (阿巴 | 查 for 阿巴查; not 巴克 | 海军), is the three-character name: the
    tagger ends foreign names a character early, and a foreign name of two syllables is rare.

    `tokens` (start -> end and tag of the tagger's words) says what the tagger made of that character:
    the start of a longer word, a function word or another name is not the name's last syllable."""
    name = chunk[span.start : span.end]
    after = chunk[span.end : span.end + 2]
    if span.type != "person" or len(name) != 2 or not after or after[0] not in sounds:
        return span
    word = tokens.get(span.end) if tokens is not None else None
    if word is not None and (word[0] - span.end > 1 or word[1] in _NAMES):
        return span
    if word is not None and word[1] in _FUNCTION and span.score >= _SURE_OF_NAME:
        return span  # the tagger sure of the name and of the word after it (林海 | 曾任; 亚罗 | 约 it was not)
    if not all(ch in sounds for ch in name) or after[1:] in sounds or after in dictionary():
        return span
    if span.start > 0 and chunk[span.start - 1 : span.end] in dictionary():
        return span  # 几 | 内亚比绍: the name is the end of a word before it
    return Span("person", span.start, span.end + 1, span.score, True)


def joined_sounded_people(found: list[Span], chunk: str, tokens: Sequence[Token] = ()) -> list[Span]:
    """A two-character person written by sound is extended by its last sound (`_sounded_to_the_end`),
    and two people the tagger found side by side, each written by sound, are one foreign name cut in
    two (伯奇 | 费尔 for 伯奇费尔, 马格坦 | 戈尔·圭尼贡多): Chinese text never writes two people's names
    against each other without a mark between them (、, 和, a space), while a foreign name written by
    sound is often longer than the tagger's words."""
    sounds = gazetteers().transliteration
    words = {t.start: (t.end, t.tag) for t in tokens} if tokens else None
    found = [_sounded_to_the_end(s, chunk, sounds, words) for s in found]
    people = sorted((s for s in found if s.type == "person"), key=lambda s: s.start)
    if len(people) < 2:
        return found
    joined: list[Span] = []
    drop: set[Span] = set()
    for left, right in pairwise(people):
        if left in drop or left.end != right.start:
            continue
        first, second = chunk[left.start : left.end], chunk[right.start : right.end]
        # Not when the second has a Chinese name's shape (a surname, then characters that are not all
        # sounds, no dot): 林丹 | 谢杏芳 are two people; 伯奇 | 费尔, 马格坦 | 戈尔·圭尼贡多 are one.
        chinese = is_surname_led(second) and "·" not in second and not all(ch in sounds for ch in second)
        if len(first) >= 2 and all(ch in sounds for ch in first) and second[0] in sounds and not chinese:
            drop.update((left, right))
            joined.append(Span("person", left.start, right.end, min(left.score, right.score), True))
    if not joined:
        return found
    return [s for s in found if s not in drop] + joined
