"""Every write the user can cause, each a function of the writing `Library` returning an `Outcome`.

The window submits these to its `Writer`; the CLI calls them directly. Either way the logic is in one
place and says what it changed, so no caller refreshes by hand or by guesswork.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.app.changes import Changes, Outcome
from reader.core.annotations.model import DEFAULT_COLORS, Annotation, HighlightColor
from reader.core.importing import Prepared
from reader.store import deleting
from reader.store.collections import Collection, CollectionStore, norm
from reader.store.deleting import Deleted
from reader.store.entities import store_for
from reader.store.library import Library
from reader.store.ocr_pages import OcrPageStore
from reader.store.pending_imports import PendingImports

if TYPE_CHECKING:
    from reader.app.exporting import AnnotationImport
    from reader.core.entities import Mention

# Deriving (every format and the cleaner), extraction (the tagger) and exporting are imported where an
# operation needs them: the window names these operations before its first paint, and uses them later.

__all__ = [
    "add_document",
    "add_to_collection",
    "begin_import",
    "create_collection",
    "delete_annotation",
    "delete_collection",
    "delete_documents",
    "edit_metadata",
    "entities_for_query",
    "extract_entities",
    "finish_imports",
    "import_annotation_file",
    "import_file_done",
    "leave_imports",
    "mark_seeded",
    "put_annotation",
    "put_ocr_page",
    "rederive",
    "relocate_document",
    "remove_from_collection",
    "rename_collection",
    "retag_documents",
    "save_entities",
    "save_position",
    "set_document_tags",
    "set_line_override",
]


# -- documents -----------------------------------------------------------------------------------
def add_document(library: Library, prepared: Prepared) -> Outcome[tuple[str, int]]:
    """Store one prepared file: ("imported" | "updated" | "duplicate", id)."""
    from reader.app import deriving

    outcome, doc_id = deriving.add_prepared(library, prepared)
    if outcome == "imported":
        return Outcome((outcome, doc_id), Changes.of(added=[doc_id]))
    if outcome == "updated":
        return Outcome((outcome, doc_id), Changes.of(text=[doc_id], metadata=[doc_id], annotations=[doc_id]))
    return Outcome((outcome, doc_id))


def begin_import(library: Library, paths: Sequence[str], replaces: Sequence[int] = ()) -> Outcome[int]:
    """Note an import of `paths` as under way (its id); the unfinished imports it takes up again
    (`replaces`) are no longer noted. Nothing the window lists changes."""
    return Outcome(PendingImports(library.conn).begin(paths, replaces))


def finish_imports(library: Library, ids: Sequence[int]) -> Outcome[None]:
    """The imports ended, were cancelled or were discarded: no longer noted (their OCR'd pages go with the
    last one)."""
    PendingImports(library.conn).finish(ids)
    return Outcome(None)


def leave_imports(library: Library, ids: Sequence[int]) -> Outcome[None]:
    """The imports stopped without ending (the window is closing, Ctrl-C): their notes stay for a later
    resume, and this process no longer claims them, so another window may offer them at once. Nothing is
    written: the window calls it from the import's thread, where a file's mark may still be queued for
    the writer; a resume that comes first costs only that file's duplicate check."""
    PendingImports(library.conn).leave(ids)
    return Outcome(None)


def import_file_done(library: Library, import_id: int, path: str) -> Outcome[None]:
    """One file of a noted import is stored or skipped: an interrupted import taken up again skips it."""
    PendingImports(library.conn).file_done(import_id, path)
    return Outcome(None)


def put_ocr_page(library: Library, content: str, engine: str, page: int, result: str) -> Outcome[None]:
    """Keep one scanned page as OCR read it, so an interrupted import does not read it again."""
    OcrPageStore(library.conn).put(content, engine, page, result)
    return Outcome(None)


def mark_seeded(library: Library) -> Outcome[None]:
    """Remember that the sample library was offered, so deleting every sample does not bring it back."""
    library.set_meta("seeded", "1")
    return Outcome(None)


def rederive(library: Library, doc_id: int) -> Outcome[None]:
    """Clean a document again from its raw text (the cleaner improved, or its overrides changed)."""
    from reader.app import deriving

    found = deriving.rederive(library, doc_id)
    return Outcome(None, Changes.of(text=[doc_id], annotations=[doc_id]) if found else Changes())


def set_line_override(library: Library, doc_id: int, line: int, keep: bool | None) -> Outcome[None]:
    """Keep or remove one raw line whatever the cleaner thinks (None: the cleaner decides again)."""
    from reader.app import deriving

    deriving.set_line_override(library, doc_id, line, keep)
    return Outcome(None, Changes.of(text=[doc_id], annotations=[doc_id]))


def edit_metadata(library: Library, doc_id: int, values: Mapping[str, str | None]) -> Outcome[None]:
    library.set_metadata(doc_id, values)
    return Outcome(None, Changes.of(metadata=[doc_id]))


LOCATED_LIKENESS = 0.2
"""How alike (`text_likeness`) a located file's cleaned text must be to the document's for it to be taken
as the same report, moved and perhaps revised. Measured on the seed reports: two unrelated ones share
0.06-0.08 (the pairs of common words and officialese); a version with every third paragraph cut keeps
0.51-0.90, one cut to its first half 0.22-0.70. 0.2 keeps heavily revised versions and stays well clear
of another document."""


def relocate_document(library: Library, doc_id: int, path: str) -> Outcome[bool]:
    """The user located a document's moved file: record its new place, so that importing (reloading) it
    from there updates this document, its annotations carried over, instead of adding a second copy.
    Whether anything changed; KeyError when the document is gone; ValueError (a one-line reason) for a
    path that is no file, a file another document holds, or a file whose text is too unlike the
    document's to be it (importing it would replace the document's text and orphan its notes)."""
    import os
    from pathlib import Path

    from reader.core.importing import Unreadable, stored_path
    from reader.formats.prepare import prepare

    document = library.get(doc_id)
    if document is None:
        raise KeyError(f"no document {doc_id}")
    where = stored_path(os.path.realpath(path))
    if not os.path.isfile(where):
        raise ValueError(f"{path} is not a file that exists")
    holder = library.find_by_path(where)
    if holder is not None and holder != doc_id:
        raise ValueError(f"{path} is the file of another document ({holder})")
    try:
        located = prepare(Path(where))
    except (Unreadable, OSError) as exc:
        raise ValueError(f"{path} cannot be read: {exc}") from None
    if not isinstance(located, Prepared):
        raise ValueError(f"{path} cannot be read: {getattr(located, 'reason', 'not a document')}")
    other = library.find_by_hash(located.content_hash)
    if other is not None and other != doc_id:
        raise ValueError(f"{path} holds the text of another document ({other})")
    likeness = text_likeness(document.text, located.derived.text)
    if likeness < LOCATED_LIKENESS:
        raise ValueError(f"{path} does not look like this document (only {likeness:.0%} alike): not relocated")
    with library.transaction():
        changed = library.relocate(doc_id, where, os.path.basename(where))
    return Outcome(changed, Changes.of(metadata=[doc_id] if changed else []))


def text_likeness(a: str, b: str) -> float:
    """Jaccard share of the distinct pairs of adjacent letters (normal form, spaces and punctuation left
    out) of two texts: 1.0 for the same words, near 0 for unrelated ones; cheap and order-insensitive,
    so a moved paragraph or a reflowed line does not count as a difference."""
    from reader.core.text.normalise import normalise

    def pairs(text: str) -> set[str]:
        letters = "".join(ch for ch in normalise(text) if ch.isalnum())
        return {letters[i : i + 2] for i in range(len(letters) - 1)}

    left, right = pairs(a), pairs(b)
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


def delete_documents(library: Library, doc_ids: Iterable[int]) -> Outcome[list[Deleted]]:
    deleted = library.delete(doc_ids)
    return Outcome(deleted, Changes.of(deleted=[d.id for d in deleted]))


def save_position(library: Library, doc_id: int, offset: int) -> Outcome[bool]:
    """Where the reader is in a document; nothing any panel shows at once, so no changes."""
    return Outcome(library.positions.set(doc_id, offset))


# -- annotations ---------------------------------------------------------------------------------
def put_annotation(library: Library, annotation: Annotation) -> Outcome[None]:
    """Create or replace one annotation as given (undo of a deletion included)."""
    library.annotations.put(annotation)
    return Outcome(None, Changes.of(annotations=[annotation.doc_id]))


def delete_annotation(library: Library, uuid: str) -> Outcome[Annotation | None]:
    gone = library.annotations.delete(uuid)
    return Outcome(gone, Changes.of(annotations=[gone.doc_id] if gone is not None else []))


def import_annotation_file(
    library: Library, data: str | bytes, colors: Sequence[HighlightColor] = DEFAULT_COLORS
) -> Outcome[AnnotationImport]:
    """Bring annotations exported as W3C JSON back in (see `exporting.import_annotations`)."""
    from reader.app.exporting import import_annotations

    report = import_annotations(library, data, colors)
    docs = {a.doc_id for a in map(library.annotations.get, report.added) if a is not None}
    return Outcome(report, Changes.of(annotations=docs))


# -- entities ------------------------------------------------------------------------------------
def save_entities(library: Library, doc_id: int, mentions: Sequence[Mention], text: str) -> Outcome[None]:
    """Store mentions extracted (off the writer) from `text`; raises KeyError if the document went."""
    store_for(library).save(doc_id, mentions, text)
    return Outcome(None, Changes.of(entities=[doc_id]))


def extract_entities(library: Library, doc_id: int, *, force: bool = False) -> Outcome[bool]:
    """Extract and store in one step (the CLI's way): True if the extractor ran."""
    from reader.app import entities as extraction

    ran = extraction.update(library, doc_id, force=force)
    return Outcome(ran, Changes.of(entities=[doc_id] if ran else []))


@dataclass(frozen=True)
class NamesReady:
    """What `entities_for_query` did: the documents whose names it found, and how many still have none
    because the library was locked by another writer (the search then answers from the others)."""

    extracted: list[int]
    left: int = 0


def entities_for_query(
    library: Library, query: str, progress: Callable[[int, int], None] | None = None
) -> Outcome[NamesReady]:
    """Before an `entity:` search: extract the entities of every document still without them (a fresh
    import has none), so the search sees every document. Any other query does nothing. `progress(done,
    total)` follows a long first run (seconds per hundred documents). When another program holds the
    library's write lock (the window importing), nothing waits on it: the search answers from what is
    already extracted, and `left` says how many documents it could not cover.
    The window submits this to its writer and runs the search when it is done."""
    import sqlite3

    from reader.app import entities as extraction

    if not extraction.asks_for_entities(query):
        return Outcome(NamesReady([]))
    todo = store_for(library).pending()
    if todo and not _writable_now(library):
        return Outcome(NamesReady([], len(todo)))
    done: list[int] = []
    for number, doc_id in enumerate(todo, start=1):
        try:
            if extraction.update(library, doc_id):
                done.append(doc_id)
        except KeyError:
            continue  # deleted meanwhile
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            return Outcome(NamesReady(done, len(todo) - number + 1), Changes.of(entities=done))
        if progress is not None:
            progress(number, len(todo))
    return Outcome(NamesReady(done), Changes.of(entities=done))


def _writable_now(library: Library) -> bool:
    """Whether the write lock can be had within a moment (not the ten seconds a write waits)."""
    import sqlite3

    conn = library.conn
    if conn.in_transaction:
        return True  # the caller holds it
    waited = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 200")
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(waited)}")


# -- collections and document tags ---------------------------------------------------------------
def create_collection(library: Library, name: str) -> Outcome[Collection]:
    """A new, empty collection; ValueError (one line) if the name is empty or taken."""
    made = CollectionStore(library.conn).create(name)
    return Outcome(made, Changes.of(collections=True))


def rename_collection(library: Library, collection_id: int, name: str) -> Outcome[Collection]:
    """Its documents change what `collection:` finds them by, so they count as organised."""
    store = CollectionStore(library.conn)
    renamed = store.rename(collection_id, name)
    return Outcome(renamed, Changes.of(organised=store.members(collection_id), collections=True))


def delete_collection(library: Library, collection_id: int) -> Outcome[Collection]:
    """Remove a collection; its documents stay in the library."""
    gone, members = CollectionStore(library.conn).delete(collection_id)
    return Outcome(gone, Changes.of(organised=members, collections=True))


def add_to_collection(library: Library, collection_id: int, doc_ids: Iterable[int]) -> Outcome[list[int]]:
    """Put documents in a collection: the ids newly added (members and gone ids are skipped)."""
    added = CollectionStore(library.conn).add(collection_id, doc_ids)
    return Outcome(added, Changes.of(organised=added))


def remove_from_collection(library: Library, collection_id: int, doc_ids: Iterable[int]) -> Outcome[list[int]]:
    """Take documents out of a collection: the ids that were in it."""
    removed = CollectionStore(library.conn).remove(collection_id, doc_ids)
    return Outcome(removed, Changes.of(organised=removed))


def set_document_tags(library: Library, doc_id: int, tags: Sequence[str]) -> Outcome[bool]:
    """Replace a document's own tags: whether they changed. KeyError if the document is gone."""
    changed = CollectionStore(library.conn).set_tags(doc_id, tags)
    return Outcome(changed, Changes.of(organised=[doc_id] if changed else []))


# -- deleting with undo --------------------------------------------------------------------------
def delete_documents_keeping(
    library: Library, doc_ids: Iterable[int]
) -> Outcome[tuple[list[Deleted], deleting.Snapshot]]:
    """`delete_documents` for the window: every row that goes is kept (in memory, for the session), so
    `restore_documents` can bring the documents back until the window closes."""
    deleted, kept = deleting.delete_keeping(library.conn, doc_ids)
    return Outcome((deleted, kept), Changes.of(deleted=[d.id for d in deleted]))


def restore_documents(library: Library, kept: deleting.Snapshot) -> Outcome[deleting.Restored]:
    """Undo a deletion: the documents come back with the same ids, annotations, overrides, entities,
    files and collections, and are searchable again.

    A document whose file was imported again since cannot come back beside it (the library holds a file
    once), but the user's annotations must not go with it: they are put on the document now holding the
    same file, each re-anchored by its quote (an orphan there when its words are not found), in the same
    transaction, with the lines the user restored or removed, the metadata they edited, the tags and the
    collections (the holder's own decisions win). `Restored.holders` and `moved` say where they went,
    for the status line."""

    def adopt(document: deleting.DocumentRows, holder: int) -> tuple[int, int]:
        from reader.app.deriving import derive_again
        from reader.core.annotations.anchoring import Selector, anchor_many, same_words_only

        # The user's line decisions and metadata edits first, so the holder's text is the one the
        # annotations were made on (a note on a restored line finds its line), then tags and collections.
        if deleting.carry_over(library.conn, document, holder):
            derive_again(library, holder)
        library.reindex(holder)
        adopted = library.annotations.adopt(deleting.kept_rows(document, "annotations"), holder)
        if not adopted:
            return 0, 0
        old_text = deleting.kept_value(document, "text")
        text = library.text(holder)
        selectors = [Selector(a.start, a.end, a.quote, a.prefix, a.suffix) for a in adopted]
        found = anchor_many(text, selectors, old_text=old_text if isinstance(old_text, str) else None)
        placed, orphaned = library.annotations.place(adopted, same_words_only(text, selectors, found), text)
        return placed + orphaned, orphaned

    restored = deleting.restore(library.conn, kept, library.reindex, adopt)
    ids = restored.ids
    holders = sorted(set(restored.holders.values())) if restored.moved else []
    return Outcome(restored, Changes.of(added=ids, annotations=ids + holders, entities=ids, organised=ids))


def retag_documents(
    library: Library, doc_ids: Iterable[int], add: Sequence[str] = (), remove: Sequence[str] = ()
) -> Outcome[list[int]]:
    """Add and take away tags on several documents, keeping each one's other tags; gone ids are skipped.

    Returns the documents whose tags changed. Tags compare folded, so removing 衛生 removes 卫生.
    """
    store = CollectionStore(library.conn)
    gone = {norm(t) for t in remove}
    ids = list(dict.fromkeys(doc_ids))
    known = library.summaries(ids)
    changed: list[int] = []
    for doc_id in ids:
        if doc_id not in known:
            continue
        wanted = [t for t in [*store.tags(doc_id), *add] if norm(t) not in gone]
        if store.set_tags(doc_id, wanted):
            changed.append(doc_id)
    return Outcome(changed, Changes.of(organised=changed))
