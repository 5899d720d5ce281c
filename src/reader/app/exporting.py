"""Taking notes out of the library and bringing them back, shared by `reader export` and File ▸ Export.

Exports are built in the script the reader chose: the text goes through the same character-level view
as the reading pane and annotation offsets go through its offset map, so a highlight lands on the same
characters in the export as on screen. Notes stay as the user wrote them unless asked otherwise.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from reader.app.note_folder import Note, NotesWritten, write_note_folder
from reader.core.annotations.anchoring import Selector, anchor, describe, on_its_words
from reader.core.annotations.model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.export import ExportDocument, ImportedAnnotation, export_format
from reader.core.export.w3c import read_w3c_json
from reader.core.script import Script, make_view, vocabulary_applies
from reader.core.text.normalise import normalise
from reader.store.library import Document, DocumentSummary, Library


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
    language: str = "",
) -> list[ExportDocument]:
    """The documents (and the annotations matching the filter) ready for an exporter.

    `language` is the interface language of the export's own words ("en", "zh_CN", "zh_TW"; empty for
    English); the script of those words and the PDF's glyphs follow `script`."""
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
        docs.append(_export_document(doc, annotations, script, phrases, convert_notes, language))
    return docs


def _export_document(
    doc: Document,
    annotations: Sequence[Annotation],
    script: Script,
    phrases: bool,
    convert_notes: bool,
    language: str,
) -> ExportDocument:
    """One document in the chosen script, its annotations moved to the offsets of that view."""
    phrases = phrases and vocabulary_applies(script, doc.summary.script)
    view = make_view(doc.text, script, phrases)

    def conv(text: str) -> str:
        return make_view(text, script, phrases).text if script != Script.ORIG else text

    shown: list[Annotation] = []
    for a in annotations:
        start, end = view.offsets.span_to_view(a.start, a.end) if not a.orphan else (a.start, a.end)
        note = conv(a.note) if convert_notes else a.note
        quote, prefix, suffix = conv(a.quote), conv(a.prefix), conv(a.suffix)
        shown.append(replace(a, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix, note=note))
    s = doc.summary
    return ExportDocument(
        id=s.id,
        title=conv(s.title),
        date=s.date,
        author=conv(s.author),
        source=conv(s.source),
        path=s.path,
        text=view.text,
        annotations=shown,
        script=script.value,
        language=language,
        pages=tuple(view.offsets.to_view(p) for p in doc.pages),
    )


def write_export(
    docs: Sequence[ExportDocument],
    fmt: str,
    path: Path,
    colors: Sequence[HighlightColor] = DEFAULT_COLORS,
    *,
    print_pdf: Callable[[str, Path], None] | None = None,
    overwrite: bool = False,
) -> NotesWritten:
    """Write the export and say what was written; ValueError for an unknown format.

    A format that writes notes (Markdown) gives, into a folder, one note per document, each with its own
    front matter, as Obsidian and Logseq expect; notes the user changed since the last export are kept
    (unless `overwrite`) and files no export wrote are left alone, both listed in the answer so the
    caller can warn (`NotesWritten.warning`). Otherwise one file. A format that needs Qt (PDF) is its
    HTML printed by `print_pdf(html, path)`: the caller passes Qt's printer (`reader.ui.pdf_export.
    write_pdf`), which this layer, below the window, cannot import.
    """
    chosen = export_format(fmt)
    if chosen.render_notes is not None and path.is_dir():
        return write_notes(docs, fmt, path, colors, overwrite=overwrite)
    text = chosen.render(docs, colors)
    if chosen.needs_qt:
        if print_pdf is None:
            raise ValueError(f"the {chosen.key} export needs a printer, and none was given")
        printer = print_pdf
        write_atomically(path, lambda temporary: printer(text, temporary))
        return NotesWritten([path])
    write_atomically(path, _text_writer(text))
    return NotesWritten([path])


def write_notes(
    docs: Sequence[ExportDocument],
    fmt: str,
    folder: Path,
    colors: Sequence[HighlightColor] = DEFAULT_COLORS,
    *,
    overwrite: bool = False,
) -> NotesWritten:
    """One note per document into `folder` (which must exist), each under the name its document had
    there last time, keeping every note the user changed since the last export unless `overwrite` and
    every file no export wrote (see `reader.app.note_folder`); ValueError for a format that does not
    write notes."""
    chosen = export_format(fmt)
    render = chosen.render_notes
    if render is None:
        raise ValueError(f"the {chosen.key} export writes one file, not a folder of notes")
    notes = [Note(doc.id, name, text) for doc in docs for name, text in render([doc], colors).items()]
    return write_note_folder(
        notes, folder, lambda target, text: write_atomically(target, _text_writer(text)), overwrite=overwrite
    )


def _text_writer(text: str) -> Callable[[Path], None]:
    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                os.fsync(handle.fileno())

    return write


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write a file so that it is either the old one or the complete new one, never a truncated mix.

    The content goes to a temporary file beside the target (same folder, so same file system) which
    then replaces it in one rename; if writing fails (a full disk), the temporary file is removed and
    the old export is untouched. A target that exists but is not a regular file (`/dev/stdout`, a pipe)
    is written directly: replacing a device would be wrong. A symlink is followed, so the file it points
    to is replaced and the link stays. The new file keeps the old one's permissions.
    """
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        write(path)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part" + target.suffix, dir=target.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        write(temporary)
        os.chmod(temporary, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask, read without changing it (os.umask would, for a moment, for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


@dataclass
class AnnotationImport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.added)} annotations added ({len(self.orphaned)} as orphans), "
            + (f"{len(self.updated)} updated to a newer version, " if self.updated else "")
            + f"{len(self.duplicates)} already present, {len(self.skipped)} skipped"
        )


def import_annotations(
    library: Library, data: str | bytes, colors: Sequence[HighlightColor] = DEFAULT_COLORS
) -> AnnotationImport:
    """Read the project's W3C JSON back: match each annotation's document, re-anchor by quote, never double.

    One bad annotation never stops the rest: items the file cannot give, and items the library cannot
    hold, are listed in `skipped` with their reason while every other item goes in.
    """
    read = read_w3c_json(data, tuple(colors))
    items = read.items
    report = AnnotationImport(skipped=[(s.label, s.reason) for s in read.skipped])
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
        try:
            _import_one(library, item, report, by_id, by_title, summaries, text_of)
        except (ValueError, OverflowError) as exc:
            # One annotation that cannot be stored (offsets past SQLite's integers, text with lone
            # surrogates) is listed and skipped; the others still go in.
            report.skipped.append((item.uuid, f"cannot be stored: {exc}"))
    return report


def _import_one(
    library: Library,
    item: ImportedAnnotation,
    report: AnnotationImport,
    by_id: dict[int, DocumentSummary],
    by_title: dict[str, list[int]],
    summaries: list[DocumentSummary],
    text_of: Callable[[int], str],
) -> None:
    """Match one read annotation to a document, anchor it and store it, recording the outcome.

    An annotation already here is replaced only by a newer version of itself (its `modified` later than
    the stored one): notes passed back and forth between two libraries keep their latest edit, and an
    older or equal copy never undoes one. The newer version stays on the document the annotation is on.
    """
    existing = library.annotations.get(item.uuid)
    if existing is not None and not _later(item.modified, existing.modified):
        report.duplicates.append(item.uuid)
        return
    candidates: list[int] = []
    if existing is not None and existing.doc_id in by_id:
        candidates.append(existing.doc_id)
    title_key = normalise(item.document_title) if item.document_title else ""
    if (
        item.document_id in by_id
        and item.document_id not in candidates
        and (not title_key or normalise(by_id[item.document_id].title) == title_key)
    ):
        candidates.append(item.document_id)
    candidates += [i for i in by_title.get(title_key, []) if i not in candidates]
    if not candidates and item.quote:
        needle = normalise(item.quote)
        candidates = [s.id for s in summaries if needle in normalise(text_of(s.id))][:1]
    if not candidates:
        report.skipped.append((item.uuid, "no document in this library matches it"))
        return
    doc_id = candidates[0]
    text = text_of(doc_id)
    start = item.start if item.start is not None else 0
    end = item.end if item.end is not None else start + len(item.quote)
    # Anchor on the normal form (same length as the text), so a quote exported in another script
    # still finds its passage; the stored selector is then rebuilt from this library's own text.
    selector = Selector(start, end, normalise(item.quote), normalise(item.prefix), normalise(item.suffix))
    found = anchor(normalise(text), selector) if item.quote else None
    if not on_its_words(normalise(text), selector, found):
        found = None  # the words it quoted are not there: an orphan, never a highlight on other words
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
    (report.updated if existing is not None else report.added).append(item.uuid)
    if found is None:
        report.orphaned.append(item.uuid)


def _later(modified: str, than: str) -> bool:
    """Whether timestamp `modified` is strictly later than `than` (ISO 8601; an unreadable one is not)."""

    def parse(stamp: str) -> datetime | None:
        try:
            moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)

    new, old = parse(modified), parse(than)
    if new is None:
        return False
    return old is None or new > old
