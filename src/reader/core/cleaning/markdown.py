"""Markdown read with a Markdown parser (markdown-it-py, CommonMark plus tables): what each source line is.

A Markdown file is written, not scraped: its headings, list items, quotes, tables and code blocks are the
author's structure and are never removed for their shape or their place (a code line is not "script", a
table row is not a "site list"). Front matter (a leading `---` block of `key: value` lines) is the note's
metadata. A paragraph line made mostly of links carries its linked characters, the same evidence an HTML
page gives, so a row of links in a saved page still reads as a menu; a link inside a sentence is the
author's reference and is not evidence of furniture.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.cleaning import features as cf

_PARSER = MarkdownIt("commonmark").enable("table")
_FRONT_KEY = re.compile(r"^[\w-]+\s*:")
FRONT_MATTER_MAX = 40  # lines a front matter block may span
# Block tokens whose source lines are the author's structure, kept whatever they look like.
_AUTHORED = frozenset(
    ("heading_open", "list_item_open", "blockquote_open", "table_open", "fence", "code_block", "html_block", "hr")
)


@dataclass
class MarkdownLines:
    """Per source line (0-based index): authored structure, headings, front matter, linked characters, and
    the plain text of the inline content standing on it."""

    authored: set[int] = field(default_factory=set)
    headings: set[int] = field(default_factory=set)
    verbatim: set[int] = field(default_factory=set)  # code blocks and raw HTML: shown as written
    tables: set[int] = field(default_factory=set)
    front_matter: set[int] = field(default_factory=set)
    link_chars: dict[int, int] = field(default_factory=dict)
    inline_text: dict[int, str] = field(default_factory=dict)  # a table row: its cells joined by tabs
    item_starts: set[int] = field(default_factory=set)  # the line a list item opens on, marker and all
    item_depth: dict[int, int] = field(default_factory=dict)  # an item's line: lists it stands in (1 = top)
    underlines: set[int] = field(default_factory=set)  # syntax only: a setext underline, a rule, a fence
    html_text: dict[int, str] = field(default_factory=dict)  # a raw HTML block's line: its text, tags left out
    # Lines that go on the paragraph of the line above after a soft break: the writer wrapped a paragraph
    # in the source, which CommonMark reads as one paragraph (a hard break, two spaces or `\`, ends a line).
    soft_continued: set[int] = field(default_factory=set)


def read_markdown(lines: list[str]) -> MarkdownLines:
    """What the parser says about each of `lines` (the document split as the cleaner splits it). One parse
    gives everything: the plain text of each line is read from the inline tokens of its whole block, so
    emphasis or a link that runs over a soft line break loses its syntax on both lines."""
    out = MarkdownLines(front_matter=_front_matter(lines))
    body = ["" if i in out.front_matter else line for i, line in enumerate(lines)]
    cells: dict[int, list[str]] = {}
    in_cell = False
    depth = 0  # lists open around the token
    for token in _PARSER.parse("\n".join(body)):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        if kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        if token.map is None:
            continue
        start, end = token.map
        if kind in _AUTHORED:
            out.authored.update(range(start, end))
        if kind == "heading_open":
            out.headings.update(range(start, end))
            if token.markup in ("=", "-"):
                out.underlines.add(end - 1)
        elif kind in ("fence", "code_block"):
            out.verbatim.update(range(start, end))
            if kind == "fence":
                # The fences are syntax; the code between them is shown as written.
                out.underlines.add(start)
                if end - 1 > start and lines[end - 1].strip().startswith(token.markup):
                    out.underlines.add(end - 1)
        elif kind == "html_block":
            for i in range(start, end):
                out.html_text[i] = _html_text(body[i])
        elif kind == "hr":
            out.underlines.add(start)
        elif kind == "table_open":
            out.tables.update(range(start, end))
        elif kind == "list_item_open":
            out.item_starts.add(start)
            out.item_depth[start] = depth
        elif kind == "inline" and token.children:
            soft: set[int] = set()
            pieces = _walk_inline(token.children, start, out.link_chars, soft)
            if len(pieces) != end - start and not in_cell:
                continue  # a break inside a code span or raw HTML: the lines are shown as written
            if not any(child.type == "image" for child in token.children):
                out.soft_continued |= soft  # an image and the text under it read as a picture and a caption
            if in_cell:
                cells.setdefault(start, []).append(pieces[0])
            else:
                for k, piece in enumerate(pieces):
                    out.inline_text[start + k] = piece
            if any(child.type == "image" for child in token.children):
                out.authored.update(range(start, end))  # an image the author placed, with its caption
        elif kind == "inline" and in_cell:
            cells.setdefault(start, []).append("")  # an empty cell keeps its place in the row
    for row, texts in cells.items():
        out.inline_text[row] = "\t".join(texts)
    return out


def _walk_inline(
    children: list[Token], first_line: int, link_chars: dict[int, int], soft_continued: set[int]
) -> list[str]:
    """The plain text of an inline block, one piece per source line (soft and hard breaks move on to the
    next line): text, code spans, escapes and an image's alt text, without the syntax around them.

    The characters of link text are added to the line they stand on when links make most of the block:
    a block of links (a menu saved as Markdown) is evidence of furniture, line by line; a link inside the
    author's paragraph is a reference, even when a soft break leaves its text alone on a line."""
    pieces: list[list[str]] = [[]]
    linked: dict[int, int] = {}
    line, depth, words = first_line, 0, 0
    opened: list[bool] = []  # the links open here, each True when its text counts as link text
    note = False  # right after a link opens: its text may be a footnote mark (`^1`)
    for child in children:
        kind = child.type
        if kind != "link_open":
            was_note, note = note, False
        else:
            was_note = False
        if kind in ("softbreak", "hardbreak"):
            line += 1
            pieces.append([])
            if kind == "softbreak":
                soft_continued.add(line)
        elif kind in ("text", "code_inline", "text_special", "image"):
            content = child.content
            if was_note and kind == "text" and content.startswith("^"):
                content = f"[{content[1:]}]"  # a footnote mark CommonMark read as a link to its definition
            pieces[-1].append(content)  # an image's content is its alt text
            if kind != "image":
                n = cf.word_count(child.content)
                words += n
                if depth:
                    linked[line] = linked.get(line, 0) + n
        elif kind == "link_open":
            # A bare address the author wrote (<https://…>) is a reference, not a menu's link text.
            opened.append(child.markup != "autolink")
            depth += opened[-1]
            note = True
        elif kind == "link_close" and opened:
            depth -= opened.pop()
    if 2 * sum(linked.values()) > words:
        for at, n in linked.items():
            link_chars[at] = link_chars.get(at, 0) + n
    return [_notes_and_wiki_links("".join(piece)) for piece in pieces]


# Two extensions of Markdown that CommonMark leaves as text: a footnote mark `[^1]` (shown `[1]`, as a
# printed note mark reads) and a wiki link `[[page]]` / `[[page|shown words]]` (shown as its words).
_FOOTNOTE_MARK = re.compile(r"\[\^([^\]\s]{1,20})\]")
_WIKI_LINK = re.compile(r"\[\[([^\]|\n]{1,200})(?:\|([^\]\n]{1,200}))?\]\]")
_FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^([^\]\s]{1,20})\]:\s*")
_TAG = re.compile(r"<[^>]*>")


def _notes_and_wiki_links(text: str) -> str:
    if "[" not in text:
        return text
    text = _FOOTNOTE_MARK.sub(r"[\1]", _FOOTNOTE_DEF.sub(r"[\1] ", text, count=1))
    return _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), text)


def _html_text(line: str) -> str:
    """The words of a raw HTML line, its tags left out (`<div align="center">图2 …</div>` reads `图2 …`)."""
    return html.unescape(_TAG.sub("", line)).strip()


_FRONT_FIELD = re.compile(r"^([A-Za-z_-]+)\s*:\s*(.*?)\s*$")
FRONT_KEYS = {"title": "title", "date": "date", "author": "author", "authors": "author", "source": "source"}


def front_fields(lines: list[str], parsed: MarkdownLines) -> dict[str, str]:
    """The front matter's `title:`, `date:`, `author:` and `source:` values (quotes taken off), by the
    metadata field each fills; a list value (`[a, b]`) or an empty one is left out."""
    out: dict[str, str] = {}
    for i in sorted(parsed.front_matter):
        m = _FRONT_FIELD.match(lines[i])
        if m is None or m.group(1).lower() not in FRONT_KEYS:
            continue
        value = m.group(2).strip("'\" ")
        if value and not value.startswith("["):
            out.setdefault(FRONT_KEYS[m.group(1).lower()], value)
    return out


def _front_matter(lines: list[str]) -> set[int]:
    """A leading `---` ... `---` block whose lines are `key: value` (or list items under a key)."""
    if not lines or lines[0].strip() != "---":
        return set()
    for end in range(1, min(len(lines), FRONT_MATTER_MAX)):
        if lines[end].strip() in ("---", "..."):
            inner = [line for line in lines[1:end] if line.strip()]
            if inner and _FRONT_KEY.match(inner[0].strip()):
                return set(range(end + 1))
            return set()
    return set()


ITEM_INDENT = "  "
# Block markers a line opens with: a quote's `>` (nested too), a list item's marker.
_QUOTE_MARK = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")


def plain_lines(lines: list[str], parsed: MarkdownLines) -> dict[int, str]:
    """Each source line (0-based index) as plain text: the reading text of a Markdown file carries its
    words, not its syntax. A heading loses its hashes (a setext heading its underline), a quote its `>`,
    emphasis its stars, a link and an image keep their text (the target stays in the original), a table
    row becomes its cells joined by tabs (as a Word table's rows read); a table's rule row and a setext
    underline become empty (syntax only). A list item keeps its marker: `- ` and `1. ` read as a list in
    plain text too. Code and raw HTML are shown as written, spaces and indent included; front matter too.
    Lines whose plain text equals the line as measured (spaces collapsed) are left out. No line is parsed
    again: the text comes from the tokens of the one parse (`read_markdown`)."""
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if i in parsed.front_matter or not line.strip():
            continue
        if i in parsed.verbatim and i not in parsed.underlines:
            plain = line.rstrip()
            if plain != cf.normalise_space(line):
                out[i] = plain  # the cleaner's measure collapses spaces: code keeps its indent and spacing
            continue
        elif i in parsed.tables or i in parsed.underlines:
            plain = parsed.inline_text.get(i, "")
        elif i in parsed.html_text:
            plain = parsed.html_text[i]
        elif i in parsed.inline_text:
            plain = parsed.inline_text[i]
            if i in parsed.item_starts:
                mark = _LIST_MARK.match(_QUOTE_MARK.sub("", line))
                plain = (mark.group().strip() + " " if mark else "") + plain
                # A nested item keeps its place under its parent: two spaces a level, as the list reads.
                plain = ITEM_INDENT * (parsed.item_depth.get(i, 1) - 1) + plain
        elif (note := _FOOTNOTE_DEF.match(line)) is not None:
            # A footnote's text (`[^1]: 数据来源…`, a link definition to CommonMark): its mark as in the text.
            plain = f"[{note.group(1)}] " + _notes_and_wiki_links(line[note.end() :].strip())
        else:
            continue  # an empty item: as written
        if plain != cf.normalise_space(line):
            # Compared with the line as the cleaner measures it (spaces collapsed, ends stripped): a nested
            # item written two spaces a level (`  - 子项目`) reads exactly as its plain text, which the
            # measured line has lost the indent of.
            out[i] = plain
    return out
