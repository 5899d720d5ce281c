"""Entity extraction: who, which organisations and places, when, how much, which programmes and texts.

`extract` runs on `normalise(text)`, so 醫院 and 医院 give one entity, and because normalising keeps
the length, every span is a code-point span in the input: `text[m.start:m.end]` is what the reader
highlights. People, places and organisations come from a tagger (LAC via ONNX, see `ner_model`)
corrected by general rules (`ner_rules`); dates, figures, quoted terms and titles come from patterns
(`ner_patterns`). `aggregate` folds mentions into the entity list a side panel shows (`mentions`);
which names are shown and which folded away is decided in `tiers`.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from reader.core.entities.bodies import body_by_ending, national_body
from reader.core.entities.context import forecast
from reader.core.entities.gazetteers import dictionary, longest_ending
from reader.core.entities.gazetteers import gazetteers as _gazetteers
from reader.core.entities.mentions import TYPES, Entity, Mention, aggregate, one_line
from reader.core.entities.merge import canonical_names, extend_repeated, parent_of
from reader.core.entities.model import tagger
from reader.core.entities.patterns import find_all, parse_doc_date
from reader.core.entities.rules import Span, consistent_people, posts_of, spans_from_tokens
from reader.core.entities.tiers import (
    _BODY_SURE,
    MODEL_SURE,
    _common_word,
    _listed,
    _never_main,
    _repetitions,
    _tier,
    _word_of_text,
)
from reader.core.text.normalise import normalise

__all__ = ["MODEL_SURE", "TYPES", "Entity", "Mention", "aggregate", "extract", "one_line"]

_T = TypeVar("_T")

# Sentence ends and line breaks bound a chunk; long chunks are cut again at clause marks so the tagger
# (a recurrent network) sees sentence-sized input, which is what it was trained on.
_SENTENCE = re.compile(r"[^\n\r。！？!?]*[。！？!?]?")
_CLAUSE = re.compile(r"[^，；,;]*[，；,;]?")
_MAX_CHUNK = 160
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _chunks(norm: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _SENTENCE.finditer(norm):
        sent = m.group()
        if not sent or not _HAS_CJK.search(sent):
            continue
        if len(sent) <= _MAX_CHUNK:
            out.append((m.start(), sent))
            continue
        start, buf = m.start(), ""
        for c in _CLAUSE.finditer(sent):
            piece = c.group()
            if buf and len(buf) + len(piece) > _MAX_CHUNK:
                out.append((start, buf))
                start, buf = start + len(buf), ""
            buf += piece
            while len(buf) > _MAX_CHUNK:
                out.append((start, buf[:_MAX_CHUNK]))
                start, buf = start + _MAX_CHUNK, buf[_MAX_CHUNK:]
        if buf:
            out.append((start, buf))
    return out


# The tagger's tags of ordinary words (nouns, verbs, adjectives, adverbs and their kinds): not names, and
# not the proper nouns and new words (nz, nw) that are often named after a person (雷锋精神).
_WORD_TAGS = frozenset({"n", "v", "vn", "vd", "a", "ad", "an", "d", "f", "s", "r", "m", "q", "p", "c", "u", "xc"})


def _named_spans(norm: str, meanwhile: Callable[[], _T]) -> tuple[list[Span], _T, str]:
    """People, places and organisations in document coordinates, from the tagger and the rules, the
    result of `meanwhile` (work that does not need the tagger), run while the model tags, and the
    document's compound words (see `_compounds`)."""
    chunks = _chunks(norm)
    per_chunk: list[list[Span]] = [[] for _ in chunks]
    words: list[str] = []
    other: tuple[_T] | None = None
    # The rules run on each batch as soon as it is tagged, while the model tags the next ones on its
    # own thread (see `LacTagger.tag_batches`): the pass then takes about as long as the model call.
    with closing(tagger().tag_batches([c for _, c in chunks])) as batches:
        for batch in batches:
            for i, tokens in batch:
                offset, chunk = chunks[i]
                per_chunk[i] = [
                    Span(s.type, offset + s.start, offset + s.end, s.score, s.confirmed, s.normalized)
                    for s in spans_from_tokens(chunk, tokens)
                ]
                words.extend(chunk[t.start : t.end] for t in tokens if t.end - t.start > 2 and t.tag in _WORD_TAGS)
            if other is None:  # the next batches are submitted: the model is busy for a while
                other = (meanwhile(),)
    if other is None:
        other = (meanwhile(),)
    return [span for spans in per_chunk for span in spans], other[0], "\n".join(words)


# Short quotations and titles: a name written as the whole of one is a nickname or a work's title.
_QUOTED = re.compile(r"[“「『《\"]([^“”「」『』《》\"\n]{2,6})[”」』》\"]")


def _quoted(norm: str) -> frozenset[str]:
    return frozenset(m[1] for m in _QUOTED.finditer(norm))


def _person_name(norm: str, span: Span) -> str:
    return "".join(norm[span.start : span.end].split())


def extract(text: str, *, doc_date: str | None = None) -> list[Mention]:
    """Every mention in `text`, sorted by position. `doc_date` (ISO) resolves dates without a year."""
    if not text:
        return []
    # Lone surrogates (from text decoded with surrogateescape) cannot be encoded for OpenCC; a
    # same-length stand-in keeps every offset valid.
    norm = normalise(_SURROGATE.sub("\ufffd", text))
    named, patterns, compounds = _named_spans(norm, lambda: find_all(norm, parse_doc_date(doc_date)))
    mentions = _named_mentions(text, norm, _lengthen_people(norm, named), compounds)
    mentions = _outside_dates(mentions, [(f.start, f.end) for f in patterns if f.type == "date"])
    mentions = _no_fragments_of_terms(norm, mentions, sorted((f.start, f.end) for f in patterns if f.type == "term"))
    for found in patterns:
        mentions.append(
            Mention(
                found.type, text[found.start : found.end], found.normalized, found.start, found.end, value=found.value
            )
        )
    mentions.sort(key=lambda m: (m.start, -m.end, TYPES.index(m.type)))
    return mentions


def _outside_dates(mentions: list[Mention], dated: list[tuple[int, int]]) -> list[Mention]:
    """Names written inside a date are part of it: 中华民国 of 中华民国一一四年十一月二十日 is the era the
    year is counted in, not a place the text speaks of. `dated` spans do not overlap (one scan)."""
    if not dated:
        return mentions
    dated.sort()
    starts = [s for s, _ in dated]

    def inside(m: Mention) -> bool:
        i = bisect_right(starts, m.start) - 1
        return i >= 0 and dated[i][1] >= m.end

    return [m for m in mentions if not inside(m)]


def _no_fragments_of_terms(norm: str, mentions: list[Mention], terms: list[tuple[int, int]]) -> list[Mention]:
    """An organisation the tagger cut out of a quoted name (浙里康 of “浙里康养”) is a piece of that name,
    which the text gives whole as a term: dropped unless it is a body on evidence of its own (an
    organisation's ending, or the name written outside quotation marks too). Places inside a quoted
    name (杭州 of “杭州城市大脑”) are places the name is about and stay."""
    if not terms:
        return mentions
    starts = [s for s, _ in terms]

    def within(start: int, end: int) -> tuple[int, int] | None:
        i = bisect_right(starts, start) - 1
        return terms[i] if i >= 0 and terms[i][1] >= end else None

    g = _gazetteers()
    out: list[Mention] = []
    for m in mentions:
        term = within(m.start, m.end) if m.type == "org" else None
        if (
            term is not None
            and term != (m.start, m.end)
            and not longest_ending(m.normalized, g.org_suffixes, g.max_org_suffix)
            and not _whole_word_head(norm, m, term)
            and all(within(f.start(), f.end()) for f in re.finditer(re.escape(norm[m.start : m.end]), norm))
        ):
            continue
        out.append(m)
    return out


def _whole_word_head(norm: str, m: Mention, term: tuple[int, int]) -> bool:
    """A body the dictionary knows, at the head of a quoted name and not cut through a word there (腾讯 of
    “腾讯公益”): the name is that body's, and the body is one the text speaks of."""
    name = norm[m.start : m.end]
    return m.start == term[0] and name in dictionary() and norm[m.end - 1 : m.end + 1] not in dictionary()


def _lengthen_people(norm: str, named: list[Span]) -> list[Span]:
    """A two-character name always written with the same rare character after it is that longer name."""
    longer = extend_repeated(norm, {_person_name(norm, s) for s in named if s.type == "person"})
    if not longer:
        return named
    return [
        Span(s.type, s.start, s.end + 1, s.score, s.confirmed, s.normalized)
        if s.type == "person" and _person_name(norm, s) in longer and norm[s.end : s.end + 1] != ""
        else s
        for s in named
    ]


@dataclass(frozen=True)
class _People:
    """What the document says about its people: posts per mention, names to drop, full names."""

    posts: dict[tuple[int, int], tuple[tuple[int, int], ...]]
    drop: set[str]
    full_name: dict[str, str]
    addressed: frozenset[str]  # names written with a form of address after them (彭真同志)


def _people(norm: str, named: list[Span]) -> _People:
    """Posts for every person mention, words taken for names to drop, and each name's full form."""
    people = [s for s in named if s.type == "person"]
    bodies = sorted((s.start, s.end) for s in named if s.type != "person")
    ends = {s.end for s in people}
    starts = {s.start for s in people}
    posts = {(s.start, s.end): tuple(posts_of(norm, s.start, s.end, ends, bodies, starts)) for s in people}
    counts = Counter(_person_name(norm, s) for s in people)
    address = _address_pattern()
    credited = _credited(norm)
    addressed = frozenset(
        _person_name(norm, s) for s in people if address.match(norm, s.end) or _inside(credited, s.start)
    )
    with_posts = {_person_name(norm, s) for s in people if posts[(s.start, s.end)]}
    drop = consistent_people(norm, counts, with_posts | addressed)
    full_name = canonical_names({name: n for name, n in counts.items() if name not in drop})
    return _People(posts, drop, full_name, addressed)


# The roles a report or an article credits people with before a colon (执笔：…, 记者：…, 联系人：…): the
# names listed after one are people's, as after a form of address. General usage of Chinese bylines and
# report credits.
_CREDIT = re.compile(
    r"(?:执笔|撰稿|撰文|作者|记者|编辑|责任编辑|责编|摄影|通讯员|审核|审校|校对|主编|起草人|负责人|联系人)[:：]"
)
_CREDIT_END = re.compile(r"[\n\r。；;]")
_CREDIT_SPAN = 40


def _credited(norm: str) -> list[tuple[int, int]]:
    """Where names credited by a role are listed (the text after 执笔：, up to the line's or sentence's
    end or the next role: 负责人：周海旺 执笔：…), in order."""
    labels = [m.span() for m in _CREDIT.finditer(norm)]
    out: list[tuple[int, int]] = []
    for k, (_, start) in enumerate(labels):
        end = min(start + _CREDIT_SPAN, labels[k + 1][0] if k + 1 < len(labels) else len(norm))
        stop = _CREDIT_END.search(norm, start, end)
        out.append((start, stop.start() if stop else end))
    return out


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """`at` lies in one of `spans` (sorted, not overlapping)."""
    i = bisect_right(spans, (at, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


@cache
def _address_pattern() -> re.Pattern[str]:
    """Forms of address of two or more characters (同志, 先生, 博士): written right after a name they
    say it is a person's. One-character ones (老, 总) also end ordinary words, so they are left out."""
    words = sorted((w for w in _gazetteers().honorifics if len(w) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _named_mentions(text: str, norm: str, named: list[Span], compounds: str = "") -> list[Mention]:
    """People, places and organisations as mentions, each with its shown name, posts, tier and parent.

    `compounds` holds the longer words the tagger cut in the document that are not names of people,
    one a line: a two-character "name" written inside one of them (康养 in 康养产业) is a word of the
    text (see `_word_of_text`)."""
    people = _people(norm, named)
    shown: list[tuple[Span, str]] = []
    unresolved: set[int] = set()  # bodies named by their kind alone with no named body of that kind before
    kinds = _gazetteers().kind_bodies
    countries = _gazetteers().countries
    for span in named:
        if span.type == "person":
            name = _person_name(norm, span)
            if name not in people.drop:
                shown.append((span, people.full_name.get(name, name)))
            continue
        name = span.normalized or norm[span.start : span.end]
        if span.type == "org" and name in kinds:
            earlier = _named_of_kind(name, shown)
            if earlier is None:
                unresolved.add(span.start)
            else:
                name = earlier
        shown.append((span, name))
    repeated = _repetitions(norm, shown)
    quoted = _quoted(norm)
    mentions: list[Mention] = []
    blocked: set[int] = set()
    for span, name in shown:
        word = span.type == "person" and _word_of_text(name, compounds)
        if _never_main(span, name, quoted) or (span.type == "person" and _common_word(name)) or word:
            blocked.add(len(mentions))
        post_spans = people.posts[(span.start, span.end)] if span.type == "person" else ()
        # A post as the text writes it (市長 in a traditional document): the reader quotes it as written.
        posts = tuple(one_line(text[s:e]) for s, e in post_spans)
        # A body with a post title right after it (外交部 | 长, 县委 | 书记, 中央银行 | 行长) is one a
        # person holds office in: evidence as good as a person's post is for the person.
        holds_office = span.type == "org" and _post_follows(norm, span.end)
        # A news dateline (本报新德里4月27日电) names the place a report is filed from.
        holds_office = holds_office or (span.type == "place" and _DATELINE.match(norm, span.end) is not None)
        holds_office = holds_office or (span.type == "place" and forecast(norm, span.start, span.end))
        # A country's team, legislature or ministry (匈牙利队, 挪威议会, 英国内政部): named by its kind.
        holds_office = holds_office or (span.type == "org" and national_body(name))
        strong = span.type == "org" and span.confirmed and span.score >= _BODY_SURE and body_by_ending(name)
        # A country or continent by its name (美国, 格鲁吉亚; 中 of 中印 read as 中国): the name is the
        # evidence, however unsure the model is of the word around it.
        strong = strong or (span.type == "place" and name in countries)
        holds_office = holds_office or strong
        tier = _tier(
            span,
            name,
            1 if word else repeated[(span.type, name)],
            bool(posts) or holds_office,
            quoted,
            people.addressed,
        )
        if span.type == "org" and span.start in unresolved:
            tier = "low"  # 市委 with no named 市委 before it: which city's committee, the text does not say
        mentions.append(
            Mention(
                span.type,
                text[span.start : span.end],
                name,
                span.start,
                span.end,
                posts,
                None,
                post_spans,
                tier,
                parent_of(name) if span.type == "org" else None,
            )
        )
    return _listed(norm, mentions, blocked)


def _named_of_kind(kind: str, shown: Sequence[tuple[Span, str]]) -> str | None:
    """The named body of this kind the document wrote last before a bare kind body (长沙市委 before 市委),
    or None.

    A body named by its kind alone (市委, 国会) refers back to the one the text is about; without a named
    body of that kind before it, a reader cannot tell which body it is, and across documents 市委 would
    join every city's committee into one row."""
    for span, name in reversed(shown):
        if span.type == "org" and len(name) > len(kind) and name.endswith(kind):
            return name
    return None


# The date and 电 or 讯 after the place of a news dateline: 新华社仰光4月22日电, 本报北京5月3日讯.
_DATELINE = re.compile(r"(?:[0-9０-９一二三四五六七八九十]{1,2}月)?[0-9０-９一二三四五六七八九十]{1,3}日(?:电|讯)")
# Modifiers between a body and a post (外交部副部长, 市委原书记): the post still follows the body.
_POST_MODIFIER = re.compile(r"(?:原|副|前|常务|代理|执行|名誉|第一)?")


def _post_follows(norm: str, end: int) -> bool:
    """A post title written right after `end` (after a modifier such as 副 or 原), or the 长 of the
    head's title run into the body (外交部长, 局长 after 卫生局)."""
    g = _gazetteers()
    at = _POST_MODIFIER.match(norm, end)
    pos = at.end() if at else end
    after = norm[pos : pos + g.max_post]
    if norm[end - 1 : end + 1] in g.post_words:
        return True
    return any(after[:size] in g.post_words for size in range(min(g.max_post, len(after)), 1, -1))
