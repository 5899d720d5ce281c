"""Markdown: the file's lines, judged with what a Markdown parser says about each.

Headings, lists, quotes, tables, code and rules are the author's structure and are never removed; front
matter is metadata; a row of links in a saved page is still a menu (`core.cleaning.clean_markdown`,
markdown-it-py underneath). The cleaned text, which annotations and search count in, carries the words
without the syntax (headings without hashes, links as their text, table rows as cells joined by tabs); the
Original view shows the file as written, marks included, and removed lines keep their source line numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reader.core.cleaning import SourceHints, clean_markdown
from reader.core.derive import Derived, from_cleaned
from reader.formats.base import ImportedText
from reader.formats.text import TextImporter


@dataclass(frozen=True)
class MarkdownImporter(TextImporter):
    """Read like text (any encoding); cleaned with the parser's view of each line."""

    def derive(
        self, imported: ImportedText, overrides: Mapping[int, bool] | None = None, *, hints: SourceHints | None = None
    ) -> Derived:
        return from_cleaned(imported.original, clean_markdown(imported.original, overrides, hints))


IMPORTER = MarkdownImporter(name="markdown", label="Markdown", suffixes=frozenset({".md"}))
