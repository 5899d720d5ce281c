"""What extraction gives: a mention of a name, date or figure where it is written, and the entity a
side panel lists for all mentions of one referent (`aggregate`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.text.normalise import normalise

TYPES = ("person", "org", "place", "date", "figure", "term", "title")


@dataclass(frozen=True)
class Mention:
    """One occurrence. `text` is the input's own characters; `normalized` the simplified form."""

    type: str  # "person" | "org" | "place" | "date" | "figure" | "term" | "title"
    text: str
    normalized: str
    start: int
    end: int
    posts: tuple[str, ...] = ()  # for persons, e.g. "国家卫生健康委医政医管局原局长", as written
    value: str | None = None  # ISO date for dates; ">150 人", "258000000 元" for figures
    post_spans: tuple[tuple[int, int], ...] = ()  # where each post is written, for highlighting
    # "main": shown; "low": found on weak evidence only (the model unsure, no rule agreeing, written
    # once), to be folded away by a viewer. Dates, figures, terms and titles are always "main".
    tier: str = "main"
    # For a part of a body (a party group, a committee), the body it belongs to, normalised:
    # 长沙市卫健委党组 -> 长沙市卫健委. None otherwise.
    parent: str | None = None


@dataclass(frozen=True)
class Entity:
    """All mentions of one thing: grouped by type and normalised form.

    `normalized` is the name the referent goes by in this document (the full form of a truncated
    name, the full name of an abbreviation); `variants` are the other forms written for it."""

    type: str
    text: str
    normalized: str
    count: int
    spans: tuple[tuple[int, int], ...]
    posts: tuple[str, ...]
    value: str | None = None
    tier: str = "main"  # "main" when any mention is; "low" otherwise
    variants: tuple[str, ...] = ()  # other written forms merged into this entity (韩璐 for 韩璐璘)
    parent: str | None = None  # the body this one is a part of (see Mention.parent)


# Kinds whose names can be written in part or as an abbreviation: their shown name is a full form.
NAMED = frozenset({"person", "place", "org"})


def _plain(written: str) -> str:
    """A written form as it compares with a normalised name: simplified, folded, no line breaks."""
    return "".join(normalise(written).split())


_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


def one_line(written: str) -> str:
    """A written form as a list shows it: a line break the text wrapped inside a name or date (2019 and
    年 on two lines) is no part of what the reader sees as its name."""
    return _LINE_BREAK.sub("", written)


def aggregate(mentions: Sequence[Mention]) -> list[Entity]:
    """Group mentions by (type, normalised form): most mentioned first, then first seen.

    The display text is the form written most often among the mentions that write the name out in
    full (so 中国 is shown for a document that writes 中美 and 中国, never a bare 中; the normalised name
    when no mention writes it out); posts are the union in order of appearance.
    """
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        groups.setdefault((m.type, m.normalized), []).append(m)
    out: list[tuple[int, int, Entity]] = []
    for (kind, norm), group in groups.items():
        group.sort(key=lambda m: m.start)
        posts: dict[str, str] = {}  # by normalised form: one post written in both scripts is one post
        for m in group:
            for p in m.posts:
                posts.setdefault(_plain(p), p)
        written = Counter(m.text for m in group)
        full = [(n, t) for t, n in written.items() if kind not in NAMED or _plain(t) == norm]
        shown = one_line(max(full, key=lambda item: item[0])[1]) if full else norm
        values = Counter(m.value for m in group if m.value is not None)
        forms = (_plain(m.text) for m in group) if kind in NAMED else ()
        variants = tuple(dict.fromkeys(f for f in forms if f != norm))
        parents = Counter(m.parent for m in group if m.parent)
        entity = Entity(
            kind,
            shown,
            norm,
            len(group),
            tuple((m.start, m.end) for m in group),
            tuple(posts.values()),
            values.most_common(1)[0][0] if values else None,
            "main" if any(m.tier == "main" for m in group) else "low",
            variants,
            parents.most_common(1)[0][0] if parents else None,
        )
        out.append((-len(group), group[0].start, entity))
    out.sort(key=lambda item: (item[0], item[1]))
    return [entity for _, _, entity in out]
