"""Taking notes out of the library and bringing them back, shared by `reader export` and File ▸ Export.

Exports are built in the script the reader chose: the text goes through the same character-level view
as the reading pane and annotation offsets go through its offset map, so a highlight lands on the same
characters in the export as on screen. Notes stay as the user wrote them unless asked otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.core.anchoring import Selector, anchor, describe
from reader.core.annotation_model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.export import ExportDocument, export_text, parse_w3c_json, to_html, to_markdown_notes
from reader.core.normalise import normalise
from reader.core.script import Script, make_view
from reader.store.library import Library


def export_documents(
    library: Library,
    ids: Sequence[int],
    *,
    script: Script | str = Script.ORIG,
    phrases: bool = False,
    convert_notes: bool = False,
    query: str = "",
    color: str | None = None,
    tag: str | None = None,
) -> list[ExportDocument]:
    """The documents (and the annotations matching the filter) ready for an exporter."""
    script = Script(script)
    wanted = None
    if query or color or tag:
        wanted = {a.uuid for a in library.annotations.all(query=query, color=color, tag=tag)}
    docs: list[ExportDocument] = []
    for doc_id in ids:
        doc = library.get(doc_id)
        if doc is None:
            continue
        annotations = [a for a in library.annotations.for_document(doc_id) if wanted is None or a.uuid in wanted]
        if wanted is not None and not annotations:
            continue
        view = make_view(doc.text, script, phrases)

        def conv(text: str) -> str:
            return make_view(text, script, phrases).text if script != Script.ORIG else text

        shown: list[Annotation] = []
        for a in annotations:
            start, end = view.offsets.span_to_view(a.start, a.end) if not a.orphan else (a.start, a.end)
            shown.append(
                replace(
                    a,
                    start=start,
                    end=end,
                    quote=conv(a.quote),
                    prefix=conv(a.prefix),
                    suffix=conv(a.suffix),
                    note=conv(a.note) if convert_notes else a.note,
                )
            )
        s = doc.summary
        docs.append(
            ExportDocument(
                id=s.id,
                title=conv(s.title),
                date=s.date,
                author=conv(s.author),
                source=conv(s.source),
                path=s.path,
                text=view.text,
                annotations=shown,
            )
        )
    return docs


def write_export(
    docs: Sequence[ExportDocument], fmt: str, path: Path, colors: Sequence[HighlightColor] = DEFAULT_COLORS
) -> list[Path]:
    """Write the export and return the files written. Markdown into a folder gives one note per
    document, each with its own front matter, as Obsidian and Logseq expect; otherwise one file.
    PDF goes through Qt's PDF writer with the CJK font embedded."""
    if fmt == "md" and path.is_dir():
        written = []
        for name, note in to_markdown_notes(docs, colors).items():
            target = path / name
            target.write_text(note, encoding="utf-8", newline="")
            written.append(target)
        return written
    if fmt == "pdf":
        from reader.pdf_export import write_pdf

        write_pdf(to_html(docs, colors), path)
        return [path]
    text = export_text(docs, fmt, colors)
    path.write_text(text, encoding="utf-8", newline="")
    return [path]


@dataclass
class AnnotationImport:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.added)} annotations added ({len(self.orphaned)} as orphans), "
            f"{len(self.duplicates)} already present, {len(self.skipped)} skipped"
        )


def import_annotations(
    library: Library, data: str | bytes, colors: Sequence[HighlightColor] = DEFAULT_COLORS
) -> AnnotationImport:
    """Read the project's W3C JSON back: match each annotation's document, re-anchor by quote, never double."""
    items = parse_w3c_json(data, tuple(colors))
    report = AnnotationImport()
    summaries = library.all_summaries()
    by_id = {s.id: s for s in summaries}
    by_title: dict[str, list[int]] = {}
    for s in summaries:
        by_title.setdefault(normalise(s.title), []).append(s.id)
    texts: dict[int, str] = {}

    def text_of(doc_id: int) -> str:
        if doc_id not in texts:
            doc = library.get(doc_id)
            texts[doc_id] = doc.text if doc is not None else ""
        return texts[doc_id]

    for item in items:
        if library.annotations.get(item.uuid) is not None:
            report.duplicates.append(item.uuid)
            continue
        candidates: list[int] = []
        title_key = normalise(item.document_title) if item.document_title else ""
        if item.document_id in by_id and (not title_key or normalise(by_id[item.document_id].title) == title_key):
            candidates.append(item.document_id)
        candidates += [i for i in by_title.get(title_key, []) if i not in candidates]
        if not candidates and item.quote:
            needle = normalise(item.quote)
            candidates = [s.id for s in summaries if needle in normalise(text_of(s.id))][:1]
        if not candidates:
            report.skipped.append((item.uuid, "no document in this library matches it"))
            continue
        doc_id = candidates[0]
        text = text_of(doc_id)
        start = item.start if item.start is not None else 0
        end = item.end if item.end is not None else start + len(item.quote)
        # Anchor on the normal form (same length as the text), so a quote exported in another script
        # still finds its passage; the stored selector is then rebuilt from this library's own text.
        selector = Selector(start, end, normalise(item.quote), normalise(item.prefix), normalise(item.suffix))
        found = anchor(normalise(text), selector) if item.quote else None
        here = describe(text, found.start, found.end) if found else None
        made = Annotation(
            uuid=item.uuid,
            doc_id=doc_id,
            start=here.start if here else start,
            end=here.end if here else end,
            quote=here.quote if here else item.quote,
            prefix=here.prefix if here else item.prefix,
            suffix=here.suffix if here else item.suffix,
            color=item.color,
            note=item.note,
            tags=item.tags,
            created=item.created,
            modified=item.modified,
            orphan=found is None,
        )
        library.annotations.put(made)
        report.added.append(item.uuid)
        if found is None:
            report.orphaned.append(item.uuid)
    return report
