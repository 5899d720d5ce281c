"""From a file to a stored document, and again whenever its cleaning changes.

The store keeps rows; deciding what a document's text is (its format's importer, the user's line
decisions) and where its annotations land in a new text happens here, so the store never cleans and
never anchors. Each function writes in one transaction of the library it is given (the writer's).

A document is cleaned with what the other documents of its source say about its furniture
(`SourceHints`: lines a site prints on every page, the site name after every title). The source is the
folder the file was imported from: pages saved from one site land in one folder, and a folder of a
user's notes gives no hints because its notes share no lines.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from reader.core.annotations.anchoring import Selector, anchor_many, same_words_only
from reader.core.cleaning import SourceHints, source_hints
from reader.core.derive import Derived
from reader.core.importing import Prepared
from reader.core.text.textdiff import OffsetCarrier
from reader.formats.registry import HINTED, derive_raw
from reader.store.library import Library

Progress = Callable[[int, int, str], None]

MAX_SOURCE_DOCUMENTS = 200
"""Stored documents of a source read for its hints: repetition across 200 pages is settled evidence,
and the cost of a re-derivation stays bounded however large the folder."""


def source_folder(path: str) -> str:
    """The source of a document stored from `path`: its folder ("" for a document without a path)."""
    return os.path.dirname(path) if path else ""


def source_members(library: Library, folder: str, limit: int | None = MAX_SOURCE_DOCUMENTS) -> list[tuple[int, str]]:
    """(id, shown original) of the stored documents of one source whose cleaning reads hints (for a
    page the original is its block rendering), the earliest `limit` of them (all when None)."""
    if not folder:
        return []
    members = sorted(s.id for s in library.all_summaries() if s.kind in HINTED and source_folder(s.path) == folder)
    out = []
    for doc_id in members[:limit]:
        doc = library.get(doc_id)
        if doc is not None:
            out.append((doc_id, doc.original))
    return out


def source_texts(library: Library, folder: str) -> list[str]:
    """The shown originals of the stored documents of one source (`source_members`)."""
    return [text for _, text in source_members(library, folder)]


def hints_for(library: Library, folder: str, extra: Iterable[str] = ()) -> SourceHints:
    """The hints of one source: its stored documents plus `extra` texts not stored yet (a batch being
    imported); documents stored twice or in two versions count once (`source_hints`)."""
    return source_hints([*source_texts(library, folder), *extra])


def _hints_of(library: Library, path: str, kind: str, extra: Iterable[str] = ()) -> SourceHints | None:
    folder = source_folder(path)
    return hints_for(library, folder, extra) if folder and kind in HINTED else None


def add_prepared(library: Library, prepared: Prepared) -> tuple[str, int]:
    """Store a prepared file: ("imported", id), ("duplicate", id) or ("updated", id).

    The same content is never stored twice; a file already imported from the same path whose content
    changed updates that document, so what the user attached to it stays attached. The same content
    found at a new path while the document's recorded file is gone is that file, moved: the document
    now points there, so Reload and the next change of the file update it instead of making a copy.
    """
    with library.transaction():
        existing = library.find_by_hash(prepared.content_hash)
        if existing is not None:
            _follow_move(library, existing, prepared)
            return "duplicate", existing
        same_path = library.find_by_path(prepared.path)
        if same_path is not None:
            hints = _hints_of(library, prepared.path, prepared.kind, [prepared.derived.original])
            derived = derive_raw(prepared.raw, prepared.kind, library.overrides(same_path), hints)
            library.replace_file(same_path, prepared, derived)
            write_derived(library, same_path, derived, prepared.filename, file_changed=True)
            return "updated", same_path
        doc_id = library.insert_file(prepared)
        write_derived(library, doc_id, prepared.derived, prepared.filename)
        return "imported", doc_id


def _follow_move(library: Library, doc_id: int, prepared: Prepared) -> None:
    """Point the document at `prepared.path` when its recorded file is no longer where it was."""
    summary = library.summaries([doc_id]).get(doc_id)
    if summary is None or not prepared.path or summary.path == prepared.path:
        return
    if moved_away(summary.path):
        library.relocate(doc_id, prepared.path, prepared.filename)


def moved_away(recorded: str) -> bool:
    """Whether a document's recorded file was moved or renamed: it is gone from a folder that is still
    there. A file whose folder is gone too is on a disk that is not plugged in (or a share not mounted)
    as often as moved: then a copy found elsewhere does not take the document over, or the next change
    of the original, once the disk is back, would make a second document beside the first."""
    if not recorded or os.path.lexists(recorded):
        return False  # no file recorded, or both copies exist: the recorded one stays the document's file
    return os.path.isdir(os.path.dirname(recorded))


def write_derived(
    library: Library, doc_id: int, derived: Derived, filename: str, *, file_changed: bool = False
) -> None:
    """Store a derivation and carry the document's annotations onto its new text (caller's transaction).

    `file_changed` says the author's file changed (a re-import); otherwise the same file was cleaned again
    (a cleaner upgrade, a line the user restored or removed) and every word under a highlight is still the
    author's: a placement the diff found is kept even where the cleaner now leaves junk out of it."""

    def carry(_doc_id: int, text: str, old_text: str | None) -> None:
        reanchor(library, doc_id, text, old_text, check_words=file_changed)
        if old_text is not None and old_text != text:
            # The reading position follows the words it was on, as the highlights do, so the next opening
            # (in a window, after a re-import from the command line) lands where the reader left off.
            library.positions.move(doc_id, OffsetCarrier(old_text, text).carry)

    library.write_derived(doc_id, derived, filename, carry)


def reanchor(
    library: Library, doc_id: int, text: str, old_text: str | None, *, check_words: bool = True
) -> tuple[int, int]:
    """Place every annotation of a document in its new text; (placed, orphaned).

    The text the positions were stored against, when there is one, lets a diff carry them over exactly,
    so look-alike copies elsewhere in the document cannot mislead; the rest are found by quote and
    context, and one that cannot be found is kept as an orphan, never deleted. A passage whose words were
    edited (a revised figure) is an orphan too, never a highlight moved onto words the user did not select;
    that check is for a changed file only (`check_words`): the same file cleaned again has the same words.
    """
    annotations = library.annotations.for_document(doc_id)
    selectors = [Selector(a.start, a.end, a.quote, a.prefix, a.suffix) for a in annotations]
    found = anchor_many(text, selectors, old_text=old_text)
    if check_words:
        found = same_words_only(text, selectors, found)
    return library.annotations.place(annotations, found, text)


def rederive(library: Library, doc_id: int, hints: SourceHints | None = None) -> bool:
    """Clean a document again from its stored raw text, honouring the user's line decisions, with the
    hints of its source (computed here unless the caller has them); False if the document does not exist."""
    with library.transaction():
        return _derive_again(library, doc_id, hints)


def set_line_override(library: Library, doc_id: int, line: int, keep: bool | None) -> None:
    """Keep or remove one raw line whatever the cleaner thinks; None forgets the user's decision."""
    with library.transaction():
        library.set_override(doc_id, line, keep)
        _derive_again(library, doc_id)


def derive_again(library: Library, doc_id: int) -> bool:
    """`rederive` inside the caller's transaction (an Undo that gives a document another's line decisions)."""
    return _derive_again(library, doc_id)


def _derive_again(library: Library, doc_id: int, hints: SourceHints | None = None) -> bool:
    source = library.source_of(doc_id)
    if source is None:
        return False
    raw, kind, filename = source
    if hints is None:
        summary = library.summaries([doc_id]).get(doc_id)
        hints = _hints_of(library, summary.path, kind) if summary is not None else None
    write_derived(library, doc_id, derive_raw(raw, kind, library.overrides(doc_id), hints), filename)
    return True


def source_of_document(library: Library, doc_id: int) -> str:
    """The source folder of a stored document ("" when it has none or does not exist)."""
    summary = library.summaries([doc_id]).get(doc_id)
    return source_folder(summary.path) if summary is not None and summary.kind in HINTED else ""


def rederive_stale(
    library: Library, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> list[int]:
    """Re-clean every document an older cleaner produced (line decisions and annotations carried over)."""
    ids = library.stale()
    done: list[int] = []
    known: dict[str, SourceHints] = {}  # one source's hints serve all its documents
    for number, doc_id in enumerate(ids, start=1):
        if cancelled is not None and cancelled():
            break
        folder = source_of_document(library, doc_id)
        if folder and folder not in known:
            known[folder] = hints_for(library, folder)
        rederive(library, doc_id, known.get(folder, SourceHints()))
        done.append(doc_id)
        if progress is not None:
            progress(number, len(ids), "")
    return done
