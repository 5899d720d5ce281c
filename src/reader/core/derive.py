"""What the app derives from a document: the cleaned text, its removed lines, metadata, script.

Derived data is recomputed whenever the cleaner improves or the user overrides a decision. Each format's
importer (`reader.formats`) decides how its text is cleaned; this module holds what they all return and
the steps they share, so no code here needs to know which formats exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.script import detect_script

if TYPE_CHECKING:  # the cleaner (and its HTML parser) loads with the first cleaning, not with the store
    from reader.core import cleaning

# Bump when the cleaner's output changes, so stored documents can be re-derived.
CLEANER_VERSION = 15  # 15: Markdown paragraphs kept, items under a colon lead, notice offices, bylines, ruby
# 14: HTML data tables as rows, ordered-list numbers, notice endings, Markdown syntax as markup
# 11: post openings, registration footer, single repeats kept, section headings, comma feeds
# 10: feed stamps, ranked boxes, headlines dated at the end, closing asked headlines
# 9: gaps inside the article kept, news feeds told from short articles, 。[4] ends
# 8: a serial's table of contents kept as content; the source before 责任编辑 cut clean
# 7: prose a clause a line without marks, menu-tab walls, datelines and leads kept
# 6: question pages keep answers, a thread its first post; field lines weigh half, tables kept
# 5: tables one cell a line, tables of fields, reference lists kept; source hints from the folder


HEADINGS = "headings"
"""Key in `Derived.extra` of the cleaned text's headings: JSON [[line, level], ...], line 0-based in the
cleaned text and level 1 for the top, set by the importers that know them (PDF, DOCX, EPUB)."""


@dataclass(frozen=True)
class Derived:
    text: str
    original: str
    removed: list[cleaning.Removed]
    metadata: cleaning.Metadata
    script: str
    script_share: float
    cleaner_version: int = CLEANER_VERSION
    extra: dict[str, str] = field(default_factory=dict)
    # Code-point offsets in `text` at which each page begins; empty for formats without pages.
    pages: tuple[int, ...] = ()


def from_cleaned(original: str, cleaned: cleaning.Cleaned, pages: tuple[int, ...] = ()) -> Derived:
    """The derived record of a cleaning result: adds what every format shares (the script detection)."""
    info = detect_script(cleaned.text)
    return Derived(
        text=cleaned.text,
        original=original,
        removed=list(cleaned.removed),
        metadata=cleaned.metadata,
        script=info.kind,
        script_share=info.share,
        pages=pages,
    )
