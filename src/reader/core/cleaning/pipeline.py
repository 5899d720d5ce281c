"""The cleaning pipeline: a page's lines measured, its article selected, every other line given a reason.

What the package's `clean_text`, `clean_markdown`, `clean_html` and `html_to_blocks` run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from reader.core.cleaning import Cleaned, Removed, html_extract
from reader.core.cleaning import features as cf
from reader.core.cleaning import structure as cs
from reader.core.cleaning.contents import keep_contents
from reader.core.cleaning.edges import keep_attached_files, keep_closing_date
from reader.core.cleaning.lists import mark_dated_lists, mark_ranked_lists, mark_record_feeds
from reader.core.cleaning.main import has_chrome, is_prose, select_main
from reader.core.cleaning.meta import MetaResult, scan_metadata
from reader.core.cleaning.metadata import is_signature, parse_date, trailing_byline
from reader.core.cleaning.paragraphs import paragraphs
from reader.core.cleaning.passes import (
    cut_replies,
    drop_repeats,
    is_question,
    keep_drawings,
    link_list,
    mark_banners,
    mark_injections,
    mark_tables,
    trim_list_edges,
)
from reader.core.cleaning.source import SourceHints, mark_repeated


def _split_lines(raw: str) -> list[str]:
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def clean_text(raw: str, overrides: Mapping[int, bool] | None = None, hints: SourceHints | None = None) -> Cleaned:
    """Clean a plain-text dump of a page (one line per text block)."""
    lines = [cf.measure(i + 1, line) for i, line in enumerate(_split_lines(raw))]
    return _clean(lines, None, overrides, hints)


_TITLE_REASONS = ("metadata", "duplicate-title")
# Reasons a line earns by its shape or its place (a run of short items, outside the main run, after the
# article); in Markdown only a line of links may go for them.
_SHAPE_REASONS = frozenset(("navigation", "related-links", "comments"))
_NESTED_ITEM = re.compile(r"^(?: {2})+(?:[-*+]|\d{1,9}[.)]) ")
_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")


CITED_WORDS = 12  # a link's text this long reads as a sentence or a citation, not a menu item


def _cited(text: str) -> bool:
    """A line that is one link whose text is written (clause marks, or many words)."""
    targets = _LINK_TARGET.findall(text)
    if len(targets) != 1:
        return False
    shown = cf.measure(0, _LINK_TARGET.sub("]", text))
    return shown.clause_punct >= 1 or shown.words >= CITED_WORDS


def clean_markdown(raw: str, overrides: Mapping[int, bool] | None = None, hints: SourceHints | None = None) -> Cleaned:
    """Clean a Markdown file: its lines, with what a Markdown parser says about each (authored
    structure, front matter, linked characters) as evidence. Link targets do not count as text."""
    from reader.core.cleaning.markdown import front_fields, plain_lines, read_markdown  # loads with the first file

    split = _split_lines(raw)
    parsed = read_markdown(split)
    plain = plain_lines(split, parsed)
    lines = []
    for i, text in enumerate(split):
        line = cf.measure(i + 1, text)
        line.authored = i in parsed.authored
        line.heading = i in parsed.headings
        line.code = i in parsed.verbatim
        line.soft_continued = i in parsed.soft_continued and i not in parsed.headings
        line.link_chars = parsed.link_chars.get(i, 0)
        if line.link_chars:
            line.words = cf.word_count(_LINK_TARGET.sub("]", line.text))
            if not link_list(line) or _cited(line.text):
                # A reference inside the author's sentence, or one link whose text is a clause or a
                # citation (`[《…》，某某出版社，2025年版](…)`): the writer's, not a row of links.
                line.link_chars = 0
        line.written = not line.link_chars and i in parsed.inline_text and i not in parsed.tables
        if i in parsed.front_matter:
            line.preset = "metadata"
        lines.append(line)
    cleaned = _clean(lines, None, overrides, hints, {i + 1: text for i, text in plain.items()})
    return _with_front_matter(cleaned, front_fields(split, parsed))


def _with_front_matter(cleaned: Cleaned, fields: Mapping[str, str]) -> Cleaned:
    """The note's front matter fills the metadata fields its lines did not give (`source: 自行整理`)."""
    meta = cleaned.metadata
    date = meta.date or (parse_date(fields["date"]) if "date" in fields else None)
    filled = replace(
        meta,
        title=meta.title or fields.get("title"),
        date=date,
        author=meta.author or fields.get("author"),
        source=meta.source or fields.get("source"),
    )
    return cleaned if filled == meta else replace(cleaned, metadata=filled)


def html_to_blocks(html: str) -> str:
    """The block rendering of a page that clean_html's line numbers refer to."""
    return html_extract.html_to_blocks(html)


def clean_html(html: str, overrides: Mapping[int, bool] | None = None, hints: SourceHints | None = None) -> Cleaned:
    """Clean an HTML page: render it to blocks, then clean those with the markup as extra evidence."""
    root = html_extract.parse(html)
    if root is None:
        return clean_text(html_to_blocks(html), overrides, hints)
    blocks = html_extract.render_blocks(root)
    lines: list[cf.Line] = []
    for i, block in enumerate(blocks):
        line = cf.measure(i + 1, block.text)
        line.link_chars = block.link_chars
        line.chrome = block.chrome
        line.heading = block.heading
        line.content_hint = block.content_hint
        line.chrome_inner = block.chrome_inner
        line.ad_inner = block.ad_inner
        line.player_inner = block.player_inner
        line.boxes = block.boxes
        line.tag = block.tag
        line.element = block.path[-1] if block.path else 0
        lines.append(line)
    return _clean(lines, html_extract.page_facts(root), overrides, hints)


# A labelled line naming people or a place in words (`拍摄：王小明`, `主持人：小林`): a field the writer filled
# in. A player labels codes and times (`错误代码：QVS.4100`, `时长：01:45`), never words without a digit.
_LABELLED = re.compile(r"^[^\s：:，,。；;]{1,6}[：:]\s*[\u4e00-\u9fff][^\d]*$")
_FULL_STOP = ("。", "！", "？", "!", "?", "”", "」", "』")


def _writers_line(line: cf.Line) -> bool:
    """Whether a line inside a media box is the writer's rather than the player's: a heading, an item, a
    sentence closed by a full stop (a caption, a programme's summary), a labelled field (拍摄：…, 主持人：…).
    A player prints controls and loading notes (点击播放, 视频加载中，请稍候…), none of these."""
    return bool(
        line.heading or line.structure or is_prose(line) or line.text.endswith(_FULL_STOP) or _LABELLED.match(line.text)
    )


# ---------------------------------------------------------------------------------------------
# The pipeline


def _clean(
    all_lines: list[cf.Line],
    facts: html_extract.PageFacts | None,
    overrides: Mapping[int, bool] | None,
    hints: SourceHints | None = None,
    plain: Mapping[int, str] | None = None,
) -> Cleaned:
    """`plain`: the reading text of lines (by number) whose source carries markup (Markdown syntax); the
    lines are judged as written and shown as their plain text."""
    hints = hints or SourceHints()
    lines = [line for line in all_lines if line.text]
    for line in lines:
        line.reason = line.preset or (None if line.authored else cf.context_free_reason(line))
        if line.reason is None and line.link_chars and not line.authored and link_list(line):
            # A heading numbered as a report's section (`<h2><a href="#s1">一、总体要求</a></h2>`, linked to
            # itself or from a contents box) is the document's own part, whatever links it.
            if not (line.heading and cs.is_section_number(line.text)):
                line.reason = "navigation"
        elif line.reason is None and line.ad_inner and not (line.heading or line.structure or is_prose(line)):
            # A short line in a box the page names an advertisement (`<div class="inline-ad">`), even
            # between two paragraphs: the markup says what it is, the shape that it is no paragraph.
            line.reason = "spam"
        elif line.reason is None and line.player_inner and not _writers_line(line):
            line.reason = "boilerplate"  # a media player's own text: 视频加载中，请稍候… 点击播放
    mark_repeated(lines, hints.repeated_lines)  # the same line in many documents of the source
    keep_drawings(lines)
    mark_banners(lines)
    mark_tables(lines)
    mark_injections(lines)
    mark_dated_lists(lines)
    mark_record_feeds(lines)
    mark_ranked_lists(lines)
    keep_contents(lines)
    asks = is_question(lines, None)
    meta = scan_metadata(lines, facts, hints.site_names)
    question = asks or is_question([], meta.metadata.title)
    furnished = has_chrome(lines)
    if furnished:
        select_main(lines)
    keep_closing_date(lines)
    keep_attached_files(lines)
    cut_replies(lines, question)
    drop_repeats(lines)
    trim_list_edges(lines, furnished)
    meta = _trailing_author(lines, meta)
    under_head = _under_removed_head(lines)
    for k, line in enumerate(lines):
        if line.authored and line.reason is not None and not (line.heading and line.reason in _TITLE_REASONS):
            line.reason = None  # Markdown structure is the author's; only the title heading leaves the text
        elif line.written and line.reason in _SHAPE_REASONS and not (k in under_head or _menu_row(line.text)):
            # A paragraph the author wrote, with no link in it, is not a menu or a list of headlines for
            # being short or standing in a run of short lines: a Markdown note is written, not scraped. A
            # page clipped to Markdown still carries its menus as rows of items between bars, and its
            # related headlines and comments under a head the cleaner removed (相关阅读：, 网友评论).
            line.reason = None
    if overrides:
        for line in lines:
            decision = overrides.get(line.number)
            if decision is True:
                line.reason = None
            elif decision is False:
                line.reason = line.reason or "user"
    for line in lines:
        if plain and line.reason is None and line.number in plain:
            # Code is shown as written, its indent and inner spaces too; other lines lose the spaces
            # the syntax left at their ends.
            shown = plain[line.number]
            if line.authored and line.raw.rstrip() == shown:
                line.text = shown
            elif line.authored and _NESTED_ITEM.match(shown):
                line.text = shown.rstrip()  # a nested list item keeps its indent under its parent
            else:
                line.text = shown.strip()
    # A kept line whose plain text is empty (a table's rule row, a setext underline) is syntax only: the
    # row break or the heading shows it. It leaves the text with its reason, as every removed line does.
    for line in lines:
        if line.reason is None and not line.text and plain and line.number in plain:
            line.reason = "markup"
    text = "\n".join(paragraphs([line for line in lines if line.reason is None and line.text], lines))
    removed = [Removed(line.number, line.raw, line.reason) for line in lines if line.reason is not None]
    return Cleaned(text=text, removed=removed, metadata=meta.metadata)


_MENU_BAR = re.compile(r"\s*[|｜]\s*")
MENU_ITEM_CHARS = 8  # the longest item of a menu row (首页 | 新闻 | 政务 | 联系我们)
MENU_ROW_ITEMS = 3


def _menu_row(text: str) -> bool:
    """A row of short items between bars with no sentence mark: a site's text menu."""
    items = _MENU_BAR.split(text.strip())
    return (
        len(items) >= MENU_ROW_ITEMS
        and all(0 < len(item) <= MENU_ITEM_CHARS for item in items)
        and not cf.OPEN_ENDING.search(text)
        and not any(mark in text for mark in "。，；！？")
    )


def _under_removed_head(lines: list[cf.Line]) -> set[int]:
    """Indices of the lines removed for their shape that stand under a head the cleaner removed: going up
    from such a line over other lines removed for their shape and over stamps (metadata), the first other
    line met is removed too (`相关阅读：`, `网友评论`). Under a kept line (a lead ending on a colon) or at the
    top of the document, a run of short lines is the writer's own list."""
    under: set[int] = set()
    head_removed = False
    for k, line in enumerate(lines):
        if line.reason in _SHAPE_REASONS:
            if head_removed:
                under.add(k)
        elif line.reason == "metadata":
            continue
        else:
            head_removed = line.reason is not None
    return under


def _trailing_author(lines: list[cf.Line], meta: MetaResult) -> MetaResult:
    """A signature (unit and name) right after the last paragraph names the author; so does a name in
    parentheses closing the last paragraph. The signature stays in the text: it is part of what the
    writer wrote, the metadata only reads it."""
    if meta.metadata.author is not None:
        return meta
    kept = [i for i, line in enumerate(lines) if line.reason is None]
    if not kept:
        return meta
    last = lines[kept[-1]]
    if last.words <= 16 and not last.clause_punct and is_signature(last.text) and len(kept) >= 2:
        before = lines[kept[-2]]
        if before.ends_sentence:
            return meta.with_author(last.text)
    name = trailing_byline(last.text)
    return meta.with_author(name) if name else meta
