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
    """Per source line (0-based index): authored structure, headings, front matter, linked characters."""

    authored: set[int] = field(default_factory=set)
    headings: set[int] = field(default_factory=set)
    verbatim: set[int] = field(default_factory=set)  # code blocks and raw HTML: shown as written
    tables: set[int] = field(default_factory=set)
    front_matter: set[int] = field(default_factory=set)
    link_chars: dict[int, int] = field(default_factory=dict)


def read_markdown(lines: list[str]) -> MarkdownLines:
    """What the parser says about each of `lines` (the document split as the cleaner splits it)."""
    out = MarkdownLines(front_matter=_front_matter(lines))
    body = ["" if i in out.front_matter else line for i, line in enumerate(lines)]
    for token in _PARSER.parse("\n".join(body)):
        if token.map is None:
            continue
        start, end = token.map
        if token.type in _AUTHORED:
            out.authored.update(range(start, end))
        if token.type == "heading_open":
            out.headings.update(range(start, end))
        if token.type in ("fence", "code_block", "html_block"):
            out.verbatim.update(range(start, end))
        if token.type == "table_open":
            out.tables.update(range(start, end))
        if token.type == "inline" and token.children:
            _count_links(token.children, start, out.link_chars)
            if any(child.type == "image" for child in token.children):
                out.authored.update(range(start, end))  # an image the author placed, with its caption
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


def _count_links(children: list[Token], first_line: int, link_chars: dict[int, int]) -> None:
    """Add the characters of link text to the source line they stand on (soft and hard breaks move on
    to the next line)."""
    line, depth = first_line, 0
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth = max(0, depth - 1)
        elif depth and child.type in ("text", "code_inline"):
            link_chars[line] = link_chars.get(line, 0) + cf.word_count(child.content)


# Block markers a line opens with: a heading's hashes, a quote's `>` (nested too). A list item's marker is
# kept: `- ` and `1. ` read as a list in plain text as well.
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_QUOTE_MARK = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_TABLE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def plain_lines(lines: list[str], parsed: MarkdownLines) -> dict[int, str]:
    """Each source line (0-based index) as plain text: the reading text of a Markdown file carries its
    words, not its syntax. A heading loses its hashes, a quote its `>`, emphasis its stars, a link and an
    image keep their text (the target stays in the original), a table row becomes its cells joined by tabs
    (as a Word table's rows read) and a table's rule row becomes empty. Code, raw HTML and front matter
    are shown as written. Lines whose plain text equals the line are left out."""
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if i in parsed.verbatim or i in parsed.front_matter or not line.strip():
            continue
        if i in parsed.tables:
            plain = _table_row(line)
        else:
            body = _QUOTE_MARK.sub("", line)
            if i in parsed.headings:
                body = _CLOSING_HASHES.sub("", _HEADING_MARK.sub("", body))
            mark = _LIST_MARK.match(body)
            head = mark.group() if mark else ""
            plain = head + _inline(body[len(head) :])
        if plain != line:
            out[i] = plain
    return out


def _table_row(line: str) -> str:
    """`| a | **b** |` -> `a<TAB>b`; the rule under the header row (`| --- | :-: |`) -> empty."""
    text = line.strip()
    if _TABLE_RULE.match(text):
        return ""
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return "\t".join(_inline(cell.strip().replace("\\|", "|")) for cell in _CELL_SPLIT.split(text))


def _inline(text: str) -> str:
    """The text of a line's inline Markdown (emphasis, links, images, code spans, escapes) without its
    syntax, as the parser reads it."""
    if not text.strip():
        return text
    tokens = _PARSER.parseInline(text)
    parts: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline", "text_special", "image"):
                parts.append(child.content)  # an image's content is its alt text
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return "".join(parts)
