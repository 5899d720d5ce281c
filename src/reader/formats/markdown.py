"""Markdown, read as the text it is: headings, lists and emphasis marks stay visible in the Original view.

A Markdown parser that turns headings and lists into blocks (and drops the marks from the cleaned text)
replaces this module without touching anything else; documents keep the name "markdown" meanwhile, so
they can be re-derived by that parser when it comes.
"""

from __future__ import annotations

from reader.formats.text import TextImporter

IMPORTER = TextImporter(name="markdown", label="Markdown", suffixes=frozenset({".md"}))
