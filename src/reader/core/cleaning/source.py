"""Evidence from the other documents of one source: lines that recur across many of them are furniture.

A site prints the same menu, slogan, sidebar heading and copyright footer on every page, and the same
site name after every title; an author's own text does not recur word for word across articles. The
caller (the library, which knows which documents share a site or an import folder) computes
`SourceHints` once per source with `source_hints` and passes them to the cleaner, which treats them as
evidence about a line, never as the only word on the writer's text: sentences, report structure
(numbered headings, notice fields, the addressee), closing dates and the signature above them stay
even when every document of the source has them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.cleaning import features as cf
from reader.core.cleaning import structure as cs

MIN_DOCS = 3  # a line must recur in at least this many distinct documents of the source ...
MIN_SHARE = 0.3  # ... and in at least this share of them
MAX_LINE = 200  # characters: longer lines are paragraphs, never counted
HEAD_LINES = 5  # lines at the top of a text where a title with its site name stands
_TAIL = re.compile(r"\s*(?:[|｜_]|\s[-–—]\s)\s*(?P<tail>[^|｜_]{2,20})$")


@dataclass(frozen=True)
class SourceHints:
    """What other documents of the same source (site, folder) say about this one's furniture: lines
    that recur across many of them (menus, footers, slogans) and names that recur as title suffixes.
    The caller collects these (`source_hints`); the cleaner treats them as evidence, never as the only
    word on prose."""

    repeated_lines: frozenset[str] = frozenset()
    site_names: frozenset[str] = frozenset()

    def bears_on(self, text: str) -> bool:
        """Whether cleaning `text` with these hints can differ from cleaning it without: one of its lines
        is a repeated line, or a site name occurs in it. Lets a caller skip a second cleaning."""
        if self.site_names and any(name in text for name in self.site_names):
            return True
        return bool(self.repeated_lines) and any(
            cf.normalise_space(line) in self.repeated_lines for line in text.splitlines()
        )


def source_hints(
    texts: Iterable[str], titles: Iterable[str] = (), min_docs: int = MIN_DOCS, min_share: float = MIN_SHARE
) -> SourceHints:
    """The hints for one source from the texts of its documents (for a web page, the block rendering
    the cleaner reads, one block a line) and, where known, their page titles (`<title>`, `og:title`).

    A line counts once per document, and versions of one document (most of their sentences shared,
    or identical) count as one, so a page imported twice or a draft and its revision are not
    evidence. A line is repeated when it is in at least `min_docs` documents and `min_share` of them;
    lines that are the writer's text whatever their recurrence (sentences, report structure, closing
    dates) are left out. A site name is a title tail after `|`, `_` or a spaced dash that recurs the
    same way."""
    groups = _version_groups(list(dict.fromkeys(texts)))
    need = max(min_docs, math.ceil(min_share * len(groups)))
    if len(groups) < need:
        return SourceHints()
    lines: Counter[str] = Counter()
    tails: Counter[str] = Counter()
    for group in groups:
        own = {cf.normalise_space(line) for text in group for line in text.splitlines()}
        lines.update(line for line in own if line and len(line) <= MAX_LINE)
        tails.update(set().union(*(_tails(_head(text)) for text in group)))
    for title in titles:
        tails.update(_tails([cf.normalise_space(title)]))
    repeated = frozenset(line for line, n in lines.items() if n >= need and not writers_text(cf.measure(0, line)))
    return SourceHints(repeated_lines=repeated, site_names=frozenset(t for t, n in tails.items() if n >= need))


VERSION_SHARE = 0.5  # sentences a document shares with an earlier one to be a version of it


def _version_groups(docs: Sequence[str]) -> list[list[str]]:
    """Documents grouped with the earlier document whose sentences they mostly share (one pass over
    an index of sentences, not a comparison of every pair)."""
    groups: list[list[str]] = []
    owner: dict[str, int] = {}
    for text in docs:
        sentences = {s for s in (cf.normalise_space(x) for x in text.splitlines()) if cf.word_count(s) >= 20}
        votes = Counter(owner[s] for s in sentences if s in owner)
        best = votes.most_common(1)
        if best and best[0][1] >= VERSION_SHARE * len(sentences):
            group = best[0][0]
            groups[group].append(text)
        else:
            group = len(groups)
            groups.append([text])
        for sentence in sentences:
            owner.setdefault(sentence, group)
    return groups


def _head(text: str) -> list[str]:
    head = []
    for line in text.splitlines():
        line = cf.normalise_space(line)
        if line:
            head.append(line)
            if len(head) == HEAD_LINES:
                break
    return head


def _tails(candidates: Sequence[str]) -> set[str]:
    """The site-name tails of title-like lines, once per document."""
    out = set()
    for line in candidates:
        m = _TAIL.search(line)
        if m and m.start() > 0:
            out.add(m.group("tail").strip())
    return out


def writers_text(line: cf.Line) -> bool:
    """Lines no recurrence makes furniture: a sentence, report structure, a closing date."""
    return line.ends_sentence or line.structure or cs.is_sign_date(line.text)


def mark_repeated(lines: Sequence[cf.Line], repeated: frozenset[str]) -> None:
    """Lines the source repeats in many documents go as boilerplate, except the writer's text and the
    signature right above a closing date (an office signs every notice it issues). When repeated
    lines would make up most of a document, the documents are versions of one text, not pages of
    one site: the hints are not used."""
    if not repeated:
        return
    hits = [
        i
        for i, line in enumerate(lines)
        if line.reason is None
        and line.text in repeated
        and not writers_text(line)
        and not (i + 1 < len(lines) and cs.is_sign_date(lines[i + 1].text))
    ]
    if 2 * sum(line.words for line in lines if line.text in repeated) > sum(line.words for line in lines):
        return
    for i in hits:
        lines[i].reason = "boilerplate"
