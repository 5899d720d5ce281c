"""Finding the metadata lines of a document: title, dates, bylines, sources.

Metadata sits in the header (before the first paragraph of prose) and sometimes in the footer, as
`label: value` on one line, as a label line followed by a value line, or unlabelled (a bare date line,
a signature). Lines found here leave the body with reason "metadata"; repeats of the title leave with
"duplicate-title".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from reader.core import cleaning_features as cf
from reader.core import cleaning_structure as cs
from reader.core import lexicons as lx
from reader.core import metadata as md
from reader.core.html_extract import PageFacts

HEADER_LIMIT = 30  # lines searched for a title before the first paragraph
_NOISE = ("spam", "script")
_AWAY = ("navigation", "related-links", "boilerplate", "comments")


@dataclass(frozen=True)
class MetaResult:
    metadata: md.Metadata

    def with_author(self, author: str) -> MetaResult:
        return MetaResult(replace(self.metadata, author=author))


def _first_content(lines: list[cf.Line]) -> int:
    for i, line in enumerate(lines):
        if line.reason is None and line.words >= 30 and line.clause_punct >= 1 and line.link_density < 0.3:
            return i
    return len(lines)


def _residual_words(text: str) -> int:
    """Words left on a line once dates, times and `label:` prefixes are taken out."""
    span = md.date_span(text)
    if span:
        text = text[: span[0]] + " " + text[span[1] :]
    text = re.sub(rf"(?:{lx.LABEL_DATE}|{lx.LABEL_SOURCE}|{lx.LABEL_AUTHOR}|{lx.LABEL_OTHER})\s*[:：]?", " ", text)
    text = re.sub(r"星期.|周.|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|[上下]午", " ", text)
    return cf.word_count(text)


def scan_metadata(
    lines: list[cf.Line], facts: PageFacts | None, site_names: frozenset[str] = frozenset()
) -> MetaResult:
    """Read title, date, author and source, marking the lines that only carry them. `site_names` are
    names seen repeated across documents of the same source (stripped from titles)."""
    first_content = _first_content(lines)
    fields: dict[str, list[tuple[int, str]]] = {"title": [], "date": [], "author": [], "source": []}
    plain_dates: list[tuple[int, str]] = []

    for i, line in enumerate(lines):
        if line.reason in _NOISE:
            continue
        text = line.text
        # A label alone on its line: the value is the next line.
        if lx.LABEL_ONLY.match(text) and i + 1 < len(lines):
            kind = md.label_kind(text.rstrip(":： "))
            value_line = lines[i + 1]
            line.reason = "metadata"
            if kind != "other" and value_line.reason not in _NOISE and value_line.words <= 60:
                value_line.reason = "metadata"
                fields[kind].append((i + 1, value_line.text))
            continue
        if line.words > 60 or (line.ends_sentence and line.words > 30):
            continue
        if md.starts_with_label(text) or len(md.labelled_fields(text)) >= 2:
            for kind, value in md.labelled_fields(text):
                if kind in fields and value:
                    fields[kind].append((i, value))
            line.reason = "metadata"
            continue
        if md.date_span(text) and _residual_words(text) <= 12 and not text.endswith("。") and not line.structure:
            plain_dates.append((i, text))
            # A date that closes a notice is given back by the cleaner when it stands right after the text.
            if line.reason is None:
                line.reason = "metadata"

    title, title_at = _title(lines, fields, facts, first_content, site_names)
    # Date: a labelled one first, then a bare date line in the header nearest the title (a date in a
    # menu, an archive list or a sidebar link is further away or flagged), then anywhere.
    date = None
    for _, value in fields["date"]:
        date = md.parse_date(value)
        if date:
            break
    if date is None:
        usable = [
            d for d in plain_dates if lines[d[0]].reason not in _AWAY and lines[d[0]].link_density < 0.3
        ] or plain_dates
        header_dates = [d for d in usable if d[0] < first_content] or usable
        if title_at is not None:
            header_dates = sorted(header_dates, key=lambda d: abs(d[0] - title_at))
        for _, value in header_dates:
            date = md.parse_date(value)
            if date:
                break
    if date is None and facts:
        for value in facts.dates:
            date = md.parse_date(value.replace("T", " "))
            if date:
                break

    source = _source(lines, fields, facts)
    author = next((v for _, v in fields["author"] if v), None)
    if author is None and facts and facts.authors:
        author = facts.authors[0]
    if author is not None:
        author = author.split(" 来源")[0].strip() or None

    # The site name printed alone at the top is a masthead, not body text.
    if source:
        for line in lines[: max(first_content, 1)]:
            if line.text == source and line.reason is None:
                line.reason = "metadata"

    meta = md.Metadata(title=title, date=date, author=author, source=source)
    return MetaResult(meta)


def _source(lines: list[cf.Line], fields: dict[str, list[tuple[int, str]]], facts: PageFacts | None) -> str | None:
    for _, value in fields["source"]:
        value = re.split(r"\s+(?:作者|記者|记者|编辑|編輯|时间|時間|发布)", value)[0].strip()
        if value:
            return value
    for line in lines[:HEADER_LIMIT]:
        m = lx.BREADCRUMB_LEAD.search(line.text)
        if m:
            root = lx.BREADCRUMB_SEP.split(line.text[m.end() :].strip())[0].strip()
            if root and not lx.NAV_ITEM_LINE.match(root):
                return root
    if facts and facts.site_name:
        return facts.site_name
    return None


def _breadcrumb_leaves(lines: list[cf.Line]) -> set[str]:
    leaves = set()
    for line in lines[:HEADER_LIMIT]:
        if line.reason == "navigation":
            parts = [p for p in lx.BREADCRUMB_SEP.split(line.text) if p]
            if len(parts) >= 2:
                leaves.add(parts[-1].strip())
    return leaves


def _title(
    lines: list[cf.Line],
    fields: dict[str, list[tuple[int, str]]],
    facts: PageFacts | None,
    first_content: int,
    site_names: frozenset[str] = frozenset(),
) -> tuple[str | None, int | None]:
    """The title and the index of the line it was read from (None when it came from the page head)."""
    # A labelled title wins over any guess from the layout.
    chosen = fields["title"][0][0] if fields["title"] else _score_title(lines, facts, first_content)
    if chosen is None:
        if facts and facts.titles:
            return md.strip_site_suffix(facts.titles[0], site_names) or None, None
        return None, None
    line = lines[chosen]
    line.reason = "metadata"
    title = md.strip_site_suffix(cs.strip_markdown_heading(line.text), site_names)
    for j, other in enumerate(lines):
        if other is line or other.words > 80:
            continue
        if other.text == line.text or md.strip_site_suffix(other.text) == title:
            other.reason = "duplicate-title"
        elif j < chosen and other.reason is None and _menu_path_to(other.text, title):
            other.reason = "navigation"
    return title, chosen


def _menu_path_to(text: str, title: str) -> bool:
    """`首页标题  新闻资讯  <title>`: above the title, a row of short items ending in the title itself is
    the menu path to the page, whatever the item words are."""
    if not text.endswith(title) or text == title:
        return False
    parts = text[: -len(title)].split()
    return 1 <= len(parts) <= 6 and all(len(p) <= 8 for p in parts)


def _score_title(lines: list[cf.Line], facts: PageFacts | None, first_content: int) -> int | None:
    leaves = _breadcrumb_leaves(lines)
    page = "\n".join(line.text for line in lines)
    texts = Counter(line.text for line in lines)
    page_titles = [md.strip_site_suffix(t) for t in facts.titles] if facts else []
    best: tuple[float, int] | None = None
    seen_candidate = False
    limit = min(first_content, HEADER_LIMIT)
    for i in range(limit):
        line = lines[i]
        if line.reason is not None or not (2 <= line.words <= 60) or line.text.endswith("。"):
            continue
        if line.text in leaves:
            line.reason = "navigation"  # the section name that closes the breadcrumb
            continue
        stripped = md.strip_site_suffix(cs.strip_markdown_heading(line.text))
        score = 0.0
        if cs.is_markdown_heading(line.text) and line.text.startswith("# "):
            score += 3  # a Markdown document names its title with one #
        elif line.structure:
            score -= 3  # a numbered section heading is not the document's title
        if not seen_candidate:
            score += 1
            seen_candidate = True
        # Repeated elsewhere on the page (as a line, or inside one when long enough to be distinctive):
        # one search over the whole page instead of a comparison per line.
        needle = stripped if len(stripped) >= 8 else line.text
        if (texts[line.text] > 1) if len(needle) < 8 else (page.count(needle) > 1):
            score += 3
        for page_title in page_titles:
            if stripped == page_title:
                score += 6
                break
            if len(stripped) >= 6 and (stripped in page_title or page_title in stripped):
                score += 4
                break
        if line.heading:
            score += 2
        following = lines[i + 1 : i + 4]
        if any(md.date_span(f.text) or f.reason == "metadata" for f in following):
            score += 2
        if line.words < 6:
            score -= 2
        if line.words < 3 or cf.OPEN_ENDING.search(line.text) or cf.CONTINUES.match(line.text):
            score -= 3  # a button label or a sentence fragment is not a title
        if line.link_density > 0.5:
            score -= 3
        if best is None or score > best[0]:
            best = (score, i)
    if best is None or best[0] < 1:
        return None
    return best[1]
