"""What every export format shares: the document handed to an exporter, reading order, places, colours.

The exporters (`export_markdown`, `export_html`, `export_csv`, `w3c`) are pure functions from a list of
`ExportDocument` to text, so the CLI, the window and tests call them the same way and nothing here
touches the store or Qt. The caller has already chosen the script view: `text` and every quote arrive
in it, and offsets are code points into `text`, as everywhere in the core.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.annotation_model import DEFAULT_COLORS, Annotation, HighlightColor

__all__ = [
    "ExportDocument",
    "ExportFormatError",
    "Paragraphs",
    "color_for",
    "reading_order",
    "safe_hex",
    "tag_slug",
]


class ExportFormatError(ValueError):
    """An import file is not what we can read; the message is meant for the user, in one line."""


@dataclass(frozen=True)
class ExportDocument:
    """One document as it should appear in an export, already in the script the user chose.

    `text` is the cleaned text (the same length as the stored text for character-level script views,
    so annotation offsets hold); `annotations` may come in any order, exporters sort them.
    """

    id: int
    title: str
    date: str
    author: str
    source: str
    path: str
    text: str
    annotations: list[Annotation]


def reading_order(annotations: Iterable[Annotation]) -> list[Annotation]:
    """Placed annotations by position, then orphans (their offsets mean nothing in the current text).

    Ties break on end, creation time and uuid so that the same library always exports the same
    bytes, which keeps exports diffable and tests stable.
    """
    placed = sorted((a for a in annotations if not a.orphan), key=lambda a: (a.start, a.end, a.created, a.uuid))
    orphans = sorted((a for a in annotations if a.orphan), key=lambda a: (a.created, a.uuid))
    return placed + orphans


class Paragraphs:
    """Paragraph numbers for offsets: a paragraph is a non-empty line of the cleaned text.

    Cleaning writes one paragraph per line, so a 1-based line number among non-empty lines is what a
    reader would count on the page ("¶3"); blank lines are not counted.
    """

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                self._starts.append(pos)
            pos += len(line) + 1

    def number(self, offset: int) -> int:
        """1-based paragraph holding `offset` (0 for text before the first paragraph or an empty text)."""
        return bisect.bisect_right(self._starts, offset)

    def label(self, start: int, end: int) -> str:
        """The paragraph label shown with a passage: ¶3, or ¶3–4 when it runs over a paragraph break."""
        first, last = self.number(start), self.number(max(start, end - 1))
        return f"¶{first}" if first == last else f"¶{first}–{last}"


def color_for(key: str, colors: Sequence[HighlightColor]) -> HighlightColor:
    """The user's colour for a stored key; unknown keys fall back to the first colour, as the UI does."""
    palette = tuple(colors) or DEFAULT_COLORS
    for color in palette:
        if color.key == key:
            return color
    return palette[0]


_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def safe_hex(color: HighlightColor) -> str:
    """The colour's hex if it is exactly `#rrggbb`, else a neutral yellow.

    Colours come from user settings and end up inside CSS; accepting only this shape means a
    hand-edited settings file cannot inject style rules into an exported page.
    """
    return color.hex.lower() if _HEX.fullmatch(color.hex) else "#ffe066"


_TAG_UNSAFE = re.compile(r"[^\w/-]+")


def tag_slug(tag: str) -> str:
    """A tag in the form Obsidian and Logseq both read as one `#tag`.

    Both stop a tag at whitespace and most punctuation, and Obsidian ignores all-digit tags, so runs of
    anything but letters, digits, `_`, `-` and `/` (Obsidian's nesting) become one `_`, and an
    all-digit tag gets a leading `_`. CJK characters are word characters and stay as they are.
    """
    slug = _TAG_UNSAFE.sub("_", tag.strip()).strip("_")
    if not slug:
        return ""
    if slug.isdigit():
        slug = "_" + slug
    return slug
