"""Dates a document prints about itself, read the same way for every format that carries print (PDF, DOCX).

A report is often dated by month alone under its signature (`2026年1月`); the cleaning's date finder
asks for a day, so that line alone is read here, for each format's importer to take as the document's
date. A month alone inside a sentence is what the text talks about and never matches: the whole line
must be the date."""

from __future__ import annotations

import re

from reader.core.cleaning import metadata as md

_YEAR_MONTH_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月$")
"""A report dated by month alone under its signature (`2025年12月`)."""


def month_date(line: str) -> str | None:
    """`YYYY-MM` of a line that is a year and a month and nothing else, else None."""
    return md.parse_date(line) if _YEAR_MONTH_LINE.match(line.strip()) else None
