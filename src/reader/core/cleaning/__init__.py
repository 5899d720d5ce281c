"""Cleaned reading: the article a scraped page contains, with a reason for every line left out.

Scraped Chinese pages carry menus, breadcrumbs, forum footers, injected gambling spam, lists of
unrelated headlines and scripts around (and sometimes inside) the article. The cleaner decides line by
line from general features (length, punctuation, character classes, separators, repetition, the
neighbouring lines, markup evidence when the input was HTML) plus lexicons of generic boilerplate and
spam vocabulary, never from strings of particular documents. It never rewrites the text: the cleaned
text is made of input lines, with whitespace normalised and fragments of one paragraph rejoined, so a
user can always see what was dropped and put it back (`overrides`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.core.cleaning.metadata import Metadata

if TYPE_CHECKING:
    from reader.core.cleaning.pipeline import clean_html, clean_markdown, clean_text, html_to_blocks
    from reader.core.cleaning.source import SourceHints, source_hints

__all__ = [
    "Cleaned",
    "Metadata",
    "Removed",
    "SourceHints",
    "clean_html",
    "clean_markdown",
    "clean_text",
    "html_to_blocks",
    "reason_label",
    "source_hints",
]

REASON_LABELS: dict[str, str] = {
    "navigation": "Navigation, menu or breadcrumb",
    "spam": "Injected spam or advertising",
    "related-links": "List of related or unrelated links",
    "script": "JavaScript or CSS",
    "boilerplate": "Site footer, comment form or counter",
    "metadata": "Title, date, author or source line",
    "image": "Image placeholder or file name",
    "duplicate-title": "Title repeated in the body",
    "comments": "Comments, replies or further posts after the article",
    "duplicate": "Paragraph repeated from earlier in the page",
    "punctuation": "Punctuation or symbols only",
    "blank": "Blank line",
    "user": "Removed by you",
    "page-header": "Page header",
    "page-footer": "Page footer",
    "page-number": "Page number",
    "markup": "Markup only (a table's rule row, a heading underline)",
    "contents": "Table of contents",
}


def reason_label(code: str) -> str:
    """Human wording for a reason code; unknown codes are shown as they are rather than hidden."""
    return REASON_LABELS.get(code, code)


@dataclass(frozen=True, slots=True)  # slots: a page makes thousands, and a frozen class sets each field by call
class Removed:
    """A non-blank input line that is not in the cleaned text, and why."""

    line: int  # 1-based line number in the input (or in the block rendering of an HTML page)
    text: str  # the line as in the input
    reason: str  # stable code, see reason_label()


@dataclass(frozen=True)
class Cleaned:
    text: str  # paragraphs separated by "\n"
    removed: list[Removed]
    metadata: Metadata


# The cleaning pipeline (its features, lexicons and HTML parser) is loaded by its first use, so that what
# only stores or shows cleaned documents (the library, the window before its first paint) does not load it.
_LAZY = {
    "clean_text": "pipeline",
    "clean_markdown": "pipeline",
    "clean_html": "pipeline",
    "html_to_blocks": "pipeline",
    "SourceHints": "source",
    "source_hints": "source",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
