"""Annotated notes as Markdown for note-taking apps (Obsidian, Logseq) and plain reading.

A single document becomes one note: YAML front matter (which both apps read as page properties),
a title heading, then each annotation in reading order. Several documents go in one file with one
section each; as only the first front matter of a file counts as properties, every section carries
its metadata in a fenced `yaml` block with the same keys instead, and `to_markdown_notes` gives one
note per document for writing into a vault.

Quoted report text is escaped so that `*`, `#`, `<` or `$` in a report never turn into markup; the
user's notes are Markdown already (the W3C export says so too) and are written as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from reader.core.annotations.model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.export.model import (
    ExportDocument,
    ExportLabels,
    Paragraphs,
    export_labels,
    localized_color,
    reading_order,
    tag_slug,
)
from reader.core.text.pages import page_of

__all__ = ["markdown_filename", "to_markdown", "to_markdown_notes", "yaml_quote"]


def _yaml_unprintable(code: int) -> bool:
    """Outside YAML's printable set, or a line separator / BOM that some parsers treat specially."""
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF
        or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)
    )


def yaml_quote(value: str) -> str:
    """A YAML double-quoted scalar that any YAML 1.1 or 1.2 parser reads back as exactly `value`.

    Titles carry colons, quotes, `#` and the odd control character from a bad decode; plain YAML
    scalars would break on them, so every string is quoted and non-printable characters escaped
    (JSON's escaping is not enough: it leaves U+2028 and C1 controls, which YAML rejects or folds).
    """
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif _yaml_unprintable(code):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _metadata_lines(doc: ExportDocument) -> list[str]:
    """Front-matter keys: what identifies the document, plus `path` to find the original file again."""
    return [
        f"title: {yaml_quote(doc.title)}",
        f"date: {yaml_quote(doc.date)}",
        f"author: {yaml_quote(doc.author)}",
        f"source: {yaml_quote(doc.source)}",
        f"document_id: {int(doc.id)}",
        f"path: {yaml_quote(doc.path)}",
    ]


# ASCII punctuation that starts markup somewhere in CommonMark, Obsidian (==, $, %%, [[) or Logseq.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~=$&%^{}!])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+])")


def _escape_line(line: str) -> str:
    """One line of report text shown literally: markup characters escaped, no list or code block."""
    line = line.lstrip(" \t")  # four leading spaces would make an indented code block
    line = _MD_SPECIAL.sub(r"\\\1", line)
    # "- ", "+ ", "1. " start lists and "---" a rule; a backslash before the punctuation keeps them text.
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", line)


def _heading_text(text: str, labels: ExportLabels) -> str:
    return _escape_line(" ".join(text.split())) or _escape_line(labels.untitled)


def _location(annotation: Annotation, paragraphs: Paragraphs, labels: ExportLabels) -> str:
    if annotation.orphan:
        return _escape_line(labels.not_found.format(annotation.start, annotation.end))
    where = labels.characters.format(annotation.start, annotation.end)
    return f"{paragraphs.label(annotation.start, annotation.end)}, {_escape_line(where)}"


def _annotation_block(
    annotation: Annotation, paragraphs: Paragraphs, colors: Sequence[HighlightColor], doc: ExportDocument
) -> str:
    color = localized_color(annotation.color, colors, doc)
    parts = [f"**{_escape_line(color.name)}** · {_location(annotation, paragraphs, export_labels(doc))}"]
    quote_lines = [f"> {_escape_line(line)}".rstrip() for line in annotation.quote.split("\n")]
    page = None if annotation.orphan else page_of(annotation.start, doc.pages)
    if page is not None:
        quote_lines[-1] += f" ({_escape_line(export_labels(doc).page.format(page))})"  # cited as printed
    parts.append("\n".join(quote_lines))
    note = annotation.note.strip("\n")
    if note.strip():
        parts.append(note)
    tags = [slug for slug in (tag_slug(t) for t in annotation.tags) if slug]
    if tags:
        parts.append(" ".join(f"#{t}" for t in tags))
    return "\n\n".join(parts)


def _document_body(doc: ExportDocument, colors: Sequence[HighlightColor]) -> str:
    paragraphs = Paragraphs(doc.text)
    annotations = reading_order(doc.annotations)
    if not annotations:
        return f"_{_escape_line(export_labels(doc).no_annotations)}_"
    return "\n\n".join(_annotation_block(a, paragraphs, colors, doc) for a in annotations)


def _single_note(doc: ExportDocument, colors: Sequence[HighlightColor]) -> str:
    front = "\n".join(["---", *_metadata_lines(doc), "---"])
    return f"{front}\n\n# {_heading_text(doc.title, export_labels(doc))}\n\n{_document_body(doc, colors)}\n"


def to_markdown(docs: Sequence[ExportDocument], colors: Sequence[HighlightColor] = DEFAULT_COLORS) -> str:
    """All documents' annotations as Markdown: a note with front matter for one document, sections for more."""
    if len(docs) == 1:
        return _single_note(docs[0], colors)
    sections = []
    for doc in docs:
        meta = "\n".join(["```yaml", *_metadata_lines(doc), "```"])
        heading = _heading_text(doc.title, export_labels(doc))
        sections.append(f"# {heading}\n\n{meta}\n\n{_document_body(doc, colors)}\n")
    return "\n".join(sections) if sections else f"_{_escape_line(export_labels(None).no_documents)}_\n"


_FILENAME_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f\x7f]+')


def markdown_filename(doc: ExportDocument, max_length: int = 80) -> str:
    """A note file name from the title that is valid on Windows, macOS and Linux and in an Obsidian link.

    `#`, `^`, `[`, `]` and `|` break wiki links, the others break file systems; an empty or reserved
    result falls back to the document id so a name always exists.
    """
    name = _FILENAME_UNSAFE.sub(" ", unicodedata.normalize("NFC", doc.title))
    name = " ".join(name.split()).strip(" .")[:max_length].strip(" .")
    reserved = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
    if not name or name.lower() in reserved:
        name = f"document-{doc.id}"
    return name + ".md"


def to_markdown_notes(
    docs: Sequence[ExportDocument], colors: Sequence[HighlightColor] = DEFAULT_COLORS
) -> dict[str, str]:
    """One note per document keyed by a unique file name, for exporting into an Obsidian or Logseq folder.

    Documents with the same title get their id appended, so notes never overwrite each other.
    """
    notes: dict[str, str] = {}
    for doc in docs:
        name = markdown_filename(doc)
        if name.lower() in {n.lower() for n in notes}:
            name = f"{name[:-3]} ({doc.id}).md"
        notes[name] = _single_note(doc, colors)
    return notes
