"""Entity extraction: who, which organisations and places, when, how much, which programmes and texts.

`extract` runs on `normalise(text)`, so 醫院 and 医院 give one entity, and because normalising keeps
the length, every span is a code-point span in the input: `text[m.start:m.end]` is what the reader
highlights. People, places and organisations come from a tagger (LAC via ONNX, see `ner_model`)
corrected by general rules (`ner_rules`); dates, figures, quoted terms and titles come from patterns
(`ner_patterns`). `aggregate` folds mentions into the entity list a side panel shows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.ner_model import tagger
from reader.core.ner_patterns import find_all, parse_doc_date
from reader.core.ner_rules import consistent_people, posts_of, spans_from_tokens
from reader.core.normalise import normalise

TYPES = ("person", "org", "place", "date", "figure", "term", "title")


@dataclass(frozen=True)
class Mention:
    """One occurrence. `text` is the input's own characters; `normalized` the simplified form."""

    type: str  # "person" | "org" | "place" | "date" | "figure" | "term" | "title"
    text: str
    normalized: str
    start: int
    end: int
    posts: tuple[str, ...] = ()  # for persons, e.g. "国家卫生健康委医政医管局原局长" (normalised)
    value: str | None = None  # ISO date for dates; ">150 人", "258000000 元" for figures
    post_spans: tuple[tuple[int, int], ...] = ()  # where each post is written, for highlighting


@dataclass(frozen=True)
class Entity:
    """All mentions of one thing: grouped by type and normalised form."""

    type: str
    text: str
    normalized: str
    count: int
    spans: tuple[tuple[int, int], ...]
    posts: tuple[str, ...]
    value: str | None = None


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


def _join_broken_names(norm: str, named: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """王书 + line break + 平: a name cut by a line break (pages saved with hard wraps) is joined when
    the joined form is a name found elsewhere in the document; the span then covers the break."""
    full = {norm[s:e] for t, s, e in named if t == "person"}
    out: list[tuple[str, int, int]] = []
    for kind, start, end in named:
        if kind == "person" and end < len(norm) and norm[end] in "\r\n":
            rest = end
            while rest < len(norm) and norm[rest] in "\r\n \t":
                rest += 1
            for size in (1, 2):
                joined = norm[start:end] + norm[rest : rest + size]
                if rest + size <= len(norm) and joined in full:
                    end = rest + size
                    break
        out.append((kind, start, end))
    return out


def extract(text: str, *, doc_date: str | None = None) -> list[Mention]:
    """Every mention in `text`, sorted by position. `doc_date` (ISO) resolves dates without a year."""
    if not text:
        return []
    # Lone surrogates (from text decoded with surrogateescape) cannot be encoded for OpenCC; a
    # same-length stand-in keeps every offset valid.
    norm = normalise(_SURROGATE.sub("\ufffd", text))
    chunks = _chunks(norm)
    tagged = tagger().tag([c for _, c in chunks]) if chunks else []
    named: list[tuple[str, int, int]] = []
    for (offset, chunk), tokens in zip(chunks, tagged, strict=True):
        for span in spans_from_tokens(chunk, tokens):
            named.append((span.type, offset + span.start, offset + span.end))
    named = _join_broken_names(norm, named)
    people = [(s, e) for t, s, e in named if t == "person"]
    bodies = [(s, e) for t, s, e in named if t != "person"]
    ends = {e for _, e in people}
    found_posts = {(s, e): tuple(posts_of(norm, s, e, ends, bodies)) for s, e in people}
    counts = Counter(norm[s:e] for s, e in people)
    drop = consistent_people(norm, counts, {norm[s:e] for (s, e), p in found_posts.items() if p})
    mentions: list[Mention] = []
    for kind, start, end in named:
        posts: tuple[str, ...] = ()
        post_spans: tuple[tuple[int, int], ...] = ()
        if kind == "person":
            if norm[start:end] in drop:
                continue
            post_spans = found_posts[(start, end)]
            posts = tuple(norm[s:e] for s, e in post_spans)
        shown = norm[start:end] if kind != "person" else "".join(norm[start:end].split())
        mentions.append(Mention(kind, text[start:end], shown, start, end, posts, None, post_spans))
    for found in find_all(norm, parse_doc_date(doc_date)):
        mentions.append(
            Mention(
                found.type,
                text[found.start : found.end],
                found.normalized,
                found.start,
                found.end,
                value=found.value,
            )
        )
    mentions.sort(key=lambda m: (m.start, -m.end, TYPES.index(m.type)))
    return mentions


def aggregate(mentions: Sequence[Mention]) -> list[Entity]:
    """Group mentions by (type, normalised form): most mentioned first, then first seen.

    The display text is the form written most often; posts are the union in order of appearance.
    """
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        groups.setdefault((m.type, m.normalized), []).append(m)
    out: list[tuple[int, int, Entity]] = []
    for (kind, norm), group in groups.items():
        group.sort(key=lambda m: m.start)
        posts: dict[str, None] = {}
        for m in group:
            for p in m.posts:
                posts.setdefault(p, None)
        shown = Counter(m.text for m in group).most_common(1)[0][0]
        values = Counter(m.value for m in group if m.value is not None)
        entity = Entity(
            kind,
            shown,
            norm,
            len(group),
            tuple((m.start, m.end) for m in group),
            tuple(posts),
            values.most_common(1)[0][0] if values else None,
        )
        out.append((-len(group), group[0].start, entity))
    out.sort(key=lambda item: (item[0], item[1]))
    return [entity for _, _, entity in out]
