"""What an annotation is, independent of where it is stored or shown.

The position is a W3C TextPositionSelector (code-point start/end in the document's cleaned text) and the
quote with 32 characters of prefix and suffix a TextQuoteSelector, so an annotation can be placed again
after the text changes, and exported to tools that speak the Web Annotation Data Model.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HighlightColor:
    key: str  # stable identifier stored with each annotation
    name: str  # the meaning the user gave it
    hex: str  # "#rrggbb"


DEFAULT_COLORS: tuple[HighlightColor, ...] = (
    HighlightColor("yellow", "重点", "#ffe066"),
    HighlightColor("blue", "疑问", "#9ecbff"),
    HighlightColor("green", "数据", "#a6e3a1"),
    HighlightColor("purple", "引用", "#d7b8ff"),
    HighlightColor("red", "待查", "#ff9e9e"),
)


@dataclass(frozen=True)
class Annotation:
    uuid: str
    doc_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str = "yellow"
    note: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    created: str = ""  # ISO 8601 UTC, e.g. 2026-11-23T10:00:00Z
    modified: str = ""
    orphan: bool = False


def color_by_key(key: str, colors: tuple[HighlightColor, ...] = DEFAULT_COLORS) -> HighlightColor:
    for color in colors:
        if color.key == key:
            return color
    return colors[0]


def find_color(given: str, colors: tuple[HighlightColor, ...] = DEFAULT_COLORS) -> HighlightColor | None:
    """The colour named by `given`: its key (yellow) or the meaning shown for it (重点, typed in either
    script: 重點), so every command that takes a colour takes the same words; None for any other word."""
    from reader.core.text.normalise import normalise

    wanted = given.strip()
    folded = normalise(wanted).casefold()
    for color in colors:
        if wanted.casefold() == color.key.casefold() or folded == normalise(color.name).casefold():
            return color
    return None
