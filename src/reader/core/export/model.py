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

from reader.core.annotations.model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.script import Script, convert, detect_script

__all__ = [
    "ExportDocument",
    "ExportFormatError",
    "ExportLabels",
    "Paragraphs",
    "color_for",
    "export_labels",
    "export_script",
    "lang_tag",
    "localized_color",
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
    `script` is the view `text` is in ("hans", "hant", "tw", "hk"; "orig" or "" when it is the text
    as stored, whose script is then read from the text) and decides the script of the export's own
    words and the glyphs of a PDF. `language` is the interface language of the export's own words
    ("en", "zh_CN", "zh_TW"; "" is English). `pages` are the offsets in `text` at which each printed
    page begins (empty for a document without pages): annotations are cited by page.
    """

    id: int
    title: str
    date: str
    author: str
    source: str
    path: str
    text: str
    annotations: list[Annotation]
    script: str = ""
    language: str = ""
    pages: tuple[int, ...] = ()


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


def export_script(doc: ExportDocument) -> Script:
    """The script a document's export is written in: its view, or for the stored text the script the
    text is mostly written in (traditional gives HANT, anything else HANS)."""
    if doc.script and doc.script != Script.ORIG.value:
        return Script(doc.script)
    return Script.HANT if detect_script(doc.text).kind == "traditional" else Script.HANS


_TO_SCRIPT = {Script.HANS: "t2s", Script.HANT: "s2t", Script.TW: "s2tw", Script.HK: "s2hk"}
_LANG_TAGS = {Script.HANS: "zh-Hans", Script.HANT: "zh-Hant", Script.TW: "zh-Hant-TW", Script.HK: "zh-Hant-HK"}


def in_script(text: str, script: Script) -> str:
    """`text` written in `script` (OpenCC, character level); the original view keeps it as it is."""
    config = _TO_SCRIPT.get(script)
    return convert(text, config) if config and text else text


def lang_tag(doc: ExportDocument) -> str:
    """The BCP 47 tag of a document's export (`<html lang>`): zh-Hans, zh-Hant, zh-Hant-TW or zh-Hant-HK.

    Browsers pick regional glyphs from it, and the PDF writer picks the regional font from it.
    """
    return _LANG_TAGS[export_script(doc)]


@dataclass(frozen=True)
class ExportLabels:
    """The export's own words: headings, placeholders and where an annotation sits.

    They live here rather than in the Qt catalogues because exports are written by the Qt-free core
    (and the CLI); `export_labels` gives them in the interface language, in the export's script.
    """

    notes: str = "Notes"
    no_annotations: str = "No annotations."
    no_documents: str = "No documents."
    untitled: str = "Untitled"
    characters: str = "characters {0}–{1}"
    not_found: str = "not found in the current text (was characters {0}–{1})"
    documents: str = "Annotations ({0} documents)"
    page: str = "p. {0}"


_CHINESE_LABELS = ExportLabels(
    notes="批注",
    no_annotations="没有批注。",
    no_documents="没有文档。",
    untitled="无标题",
    characters="第 {0}–{1} 字",
    not_found="在当前文本中找不到(原为第 {0}–{1} 字)",
    documents="批注({0} 篇文档)",
    page="第 {0} 页",
)
"""Written once in simplified characters; `export_labels` converts them to the export's script."""


def export_labels(doc: ExportDocument | None) -> ExportLabels:
    """The labels for `doc`'s export: English for an English interface, else Chinese in `doc`'s script
    (a zh_TW interface exporting a simplified view gets simplified labels, and the other way round)."""
    if doc is None or not doc.language.startswith("zh"):
        return ExportLabels()
    script = export_script(doc)
    return ExportLabels(
        **{name: in_script(getattr(_CHINESE_LABELS, name), script) for name in ExportLabels.__dataclass_fields__}
    )


def localized_color(key: str, colors: Sequence[HighlightColor], doc: ExportDocument) -> HighlightColor:
    """The user's colour for `key`, its name written in the export's script (重点 → 重點 in 繁)."""
    color = color_for(key, colors)
    return HighlightColor(color.key, in_script(color.name, export_script(doc)), color.hex)
