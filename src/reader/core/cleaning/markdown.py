"""Markdown read with a Markdown parser (markdown-it-py, CommonMark plus tables): what each source line is.

A Markdown file is written, not scraped: its headings, list items, quotes, tables and code blocks are the
author's structure and are never removed for their shape or their place (a code line is not "script", a
table row is not a "site list"). Front matter (a leading `---` block of `key: value` lines) is the note's
metadata. A paragraph line made mostly of links carries its linked characters, the same evidence an HTML
page gives, so a row of links in a saved page still reads as a menu; a link inside a sentence is the
author's reference and is not evidence of furniture.
"""

from __future__ import annotations

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
    underlines: set[int] = field(default_factory=set)  # a setext heading's `===` or `---` line
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
    for token in _PARSER.parse("\n".join(body)):
        kind = token.type
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
        elif kind in ("fence", "code_block", "html_block"):
            out.verbatim.update(range(start, end))
        elif kind == "table_open":
            out.tables.update(range(start, end))
        elif kind == "list_item_open":
            out.item_starts.add(start)
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
    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            line += 1
            pieces.append([])
            if kind == "softbreak":
                soft_continued.add(line)
        elif kind in ("text", "code_inline", "text_special", "image"):
            pieces[-1].append(child.content)  # an image's content is its alt text
            if kind != "image":
                n = cf.word_count(child.content)
                words += n
                if depth:
                    linked[line] = linked.get(line, 0) + n
        elif kind == "link_open":
            # A bare address the author wrote (<https://…>) is a reference, not a menu's link text.
            opened.append(child.markup != "autolink")
            depth += opened[-1]
        elif kind == "link_close" and opened:
            depth -= opened.pop()
    if 2 * sum(linked.values()) > words:
        for at, n in linked.items():
            link_chars[at] = link_chars.get(at, 0) + n
    return ["".join(piece) for piece in pieces]


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
    Lines whose plain text equals the line are left out. No line is parsed again: the text comes from the
    tokens of the one parse (`read_markdown`)."""
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if i in parsed.front_matter or not line.strip():
            continue
        if i in parsed.verbatim:
            plain = line.rstrip()
            if plain != cf.normalise_space(line):
                out[i] = plain  # the cleaner's measure collapses spaces: code keeps its indent and spacing
            continue
        elif i in parsed.tables or i in parsed.underlines:
            plain = parsed.inline_text.get(i, "")
        elif i in parsed.inline_text:
            plain = parsed.inline_text[i]
            if i in parsed.item_starts:
                mark = _LIST_MARK.match(_QUOTE_MARK.sub("", line))
                plain = (mark.group().strip() + " " if mark else "") + plain
        else:
            continue  # a thematic break, an empty item: as written
        if plain != line:
            out[i] = plain
    return out
