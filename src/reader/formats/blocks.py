"""Documents that arrive already divided into blocks (DOCX, EPUB): stored as the blocks, cleaned by keeping them.

A word processor's or a book's blocks are content, not a scraped page's furniture: the web cleaner's
guesses (navigation, related links, repeated lines) would only lose text here. So the importer records
each block with its kind and the document's own metadata, the Original view shows one line per block,
and deriving keeps every block except those the format itself marks as furniture (a DOCX's headers and
footers, with the same reasons as a PDF's running heads) and those the user removes.

The raw text is JSON (`to_raw`), so that re-deriving needs neither the file nor the importer's parser.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from reader.core.cleaning import Cleaned, Removed
from reader.core.cleaning import metadata as md
from reader.core.derive import HEADINGS, Derived, from_cleaned
from reader.formats import page_numbers
from reader.formats.base import FormatError, ImportedText

RAW_VERSION = 1

FURNITURE_REASONS: Mapping[str, str] = {
    "header": "page-header",
    "footer": "page-footer",
    "contents": "contents",
    "page": "page-number",
}
"""Block kinds left out of the cleaned text, with the reason the Removed tab shows."""
TITLE_MAX_CHARS = 120
"""A heading longer than this is prose set large, not a title."""


@dataclass(frozen=True)
class Block:
    """One line of the document: kind is title, heading, paragraph, item, row, note, header, footer, page
    (a printed page's number) or contents (a line of a table of contents the document carries, left out of
    the text like furniture);
    level is a heading's outline level (1 = top), 0 for everything else."""

    kind: str
    text: str
    level: int = 0


@dataclass(frozen=True)
class BlockDocument:
    blocks: tuple[Block, ...]
    metadata: md.Metadata
    evidence: Mapping[str, str]


def single_lines(kind: str, text: str, level: int = 0) -> list[Block]:
    """Blocks for a text that may hold line breaks: one block per non-blank line, whitespace collapsed."""
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return [Block(kind, line, level) for line in lines if line]


def to_raw(document: BlockDocument) -> str:
    meta = document.metadata
    payload = {
        "version": RAW_VERSION,
        "metadata": {"title": meta.title, "author": meta.author, "date": meta.date, "source": meta.source},
        "evidence": dict(document.evidence),
        "blocks": [[b.kind, b.level, b.text] for b in document.blocks],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def from_raw(raw: str) -> BlockDocument:
    """The document `to_raw` stored; FormatError if the stored text is not one (never a traceback)."""
    try:
        payload = json.loads(raw)
        meta = payload["metadata"]
        blocks = tuple(Block(str(kind), str(text), int(level)) for kind, level, text in payload["blocks"])
        evidence = {str(k): str(v) for k, v in payload.get("evidence", {}).items()}
        metadata = md.Metadata(
            title=meta.get("title"), author=meta.get("author"), date=meta.get("date"), source=meta.get("source")
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FormatError(f"stored document is not a block document ({exc.__class__.__name__})") from None
    return BlockDocument(blocks=blocks, metadata=metadata, evidence=evidence)


def imported(raw: str, document: BlockDocument) -> ImportedText:
    original = "\n".join(block.text for block in document.blocks)
    return ImportedText(raw=raw, original=original, evidence=document.evidence)


def derive(imported: ImportedText, overrides: Mapping[int, bool] | None = None) -> Derived:
    """Keep every block but the format's furniture; the user's overrides (line of `original`) win."""
    document = from_raw(imported.raw)
    overrides = overrides or {}
    kept: list[str] = []
    marks: list[tuple[int, int]] = []  # (line of the cleaned text, level) of each heading kept
    removed: list[Removed] = []
    meta = document.metadata
    title = meta.title or first_heading(document.blocks)
    shown = _title_block(document.blocks, title)
    for number, block in enumerate(document.blocks, start=1):
        # The title paragraph is shown as the document's title; kept in the text it would be read twice.
        reason = "metadata" if number == shown else FURNITURE_REASONS.get(block.kind)
        if reason is None and block.kind == "paragraph" and page_numbers.is_page_number(block.text, fractions=False):
            reason = "page-number"  # a book or file converted from print keeps its printed page numbers
        decision = overrides.get(number)
        if decision is True:
            reason = None
        elif decision is False:
            reason = reason or "user"
        if reason is None:
            if block.kind in ("title", "heading"):
                marks.append((len(kept), block.level or 1))
            kept.append(block.text)
        else:
            removed.append(Removed(number, block.text, reason))
    cleaned = Cleaned("\n".join(kept), removed, md.Metadata(title, meta.date, meta.author, meta.source))
    return with_headings(from_cleaned(imported.original, cleaned), marks)


def with_headings(derived: Derived, marks: Sequence[tuple[int, int]]) -> Derived:
    """`derived` with its headings recorded in `extra` (nothing recorded when there are none)."""
    if not marks:
        return derived
    encoded = json.dumps([[line, level] for line, level in marks], separators=(",", ":"))
    return replace(derived, extra={**derived.extra, HEADINGS: encoded})


def headings(derived: Derived) -> list[tuple[int, int]]:
    """The (line, level) pairs `with_headings` recorded; empty for a text without them."""
    raw = derived.extra.get(HEADINGS)
    return [(int(line), int(level)) for line, level in json.loads(raw)] if raw else []


def _title_block(blocks: Sequence[Block], title: str | None) -> int | None:
    """The 1-based line of the block styled as the title when it says what the document's title says (a
    title paragraph that differs from the properties' title is content the author wrote, and stays)."""
    if not title:
        return None
    wanted = " ".join(title.split())
    for number, block in enumerate(blocks, start=1):
        if block.kind == "title":
            return number if block.text == wanted else None
    return None


NUMBERED_SECTION = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]{1,3}\s*[、．.]|[（(]\s*[一二三四五六七八九十百\d]{1,3}\s*[）)]"
    r"|\d{1,3}(?:\.\d{1,3})*\s*(?:[、．)）]|\.(?!\d))|第\s*[一二三四五六七八九十百\d]{1,4}\s*[章节節条條部分篇])"
)
"""The number of a section, item or article (一、 （一） 1. 1.2 第一章): a line opening with one is a part
of the document, never its title, and a date in it is what that part is about."""


def first_heading(blocks: Sequence[Block]) -> str | None:
    """The title block, else the highest heading that comes first and is not a numbered section (一、基本情况
    is a part of the document): what a reader would call the title."""
    candidates = [b for b in blocks if b.kind == "title"] or sorted(
        (b for b in blocks if b.kind == "heading" and not NUMBERED_SECTION.match(b.text)), key=lambda b: b.level
    )
    for block in candidates:
        if 0 < len(block.text) <= TITLE_MAX_CHARS:
            return block.text
    return None


def iso_date(value: str | None) -> str | None:
    """A metadata date ("2023-09-30T08:00:00Z", "2023-09", "2023年9月30日") as the ISO date the app stores."""
    if not value:
        return None
    value = value.strip()
    if len(value) >= 4 and value[:4].isdigit() and (len(value) == 4 or value[4] == "-"):
        head = value[:10]
        parts = head.split("-")
        if all(p.isdigit() for p in parts) and len(parts) >= 2:
            return "-".join(parts[:3])
    return md.parse_date(value)
