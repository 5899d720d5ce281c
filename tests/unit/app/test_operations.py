"""Each operation does its write and says exactly what it changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import operations as ops
from reader.app.changes import Changes
from reader.app.exporting import export_documents
from reader.core.entities import Mention
from reader.core.export import export_text
from reader.formats.prepare import prepare
from reader.store.library import Library

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite")
    return lib


def _first_seed(library: Library) -> int:
    path = sorted(SEEDS.glob("*"))[0]
    prepared = prepare(path)
    assert not hasattr(prepared, "reason")
    outcome = ops.add_document(library, prepared)  # type: ignore[arg-type]
    assert outcome.value[0] == "imported" and outcome.changes == Changes.of(added=[outcome.value[1]])
    again = ops.add_document(library, prepared)  # type: ignore[arg-type]
    assert again.value == ("duplicate", outcome.value[1]) and not again.changes
    return outcome.value[1]


def test_document_operations(library: Library) -> None:
    doc_id = _first_seed(library)
    doc = library.get(doc_id)
    assert doc is not None
    kept = next(n for n, line in enumerate(doc.original.splitlines(), 1) if line.strip())
    out = ops.set_line_override(library, doc_id, kept, False)
    assert out.changes.text == {doc_id}
    assert library.overrides(doc_id) == {kept: False}
    out_meta = ops.edit_metadata(library, doc_id, {"author": "某人"})
    assert out_meta.changes == Changes.of(metadata=[doc_id])
    assert library.get(doc_id).summary.author == "某人"  # type: ignore[union-attr]
    assert ops.save_position(library, doc_id, 10).changes == Changes()
    gone = ops.delete_documents(library, [doc_id, 999])
    assert [d.id for d in gone.value] == [doc_id] and gone.changes == Changes.of(deleted=[doc_id])


def test_annotation_operations(library: Library) -> None:
    doc_id = _first_seed(library)
    made = library.annotations.build(doc_id, 0, 4, note="要点")
    assert ops.put_annotation(library, made).changes == Changes.of(annotations=[doc_id])
    assert library.annotations.get(made.uuid) == made
    deleted = ops.delete_annotation(library, made.uuid)
    assert deleted.value == made and deleted.changes == Changes.of(annotations=[doc_id])
    assert ops.delete_annotation(library, made.uuid).changes == Changes()


def test_annotations_imported_from_a_file_name_their_documents(library: Library) -> None:
    doc_id = _first_seed(library)
    made = library.annotations.build(doc_id, 5, 11, note="导出")
    ops.put_annotation(library, made)
    data = export_text(export_documents(library, [doc_id]), "json")
    ops.delete_annotation(library, made.uuid)
    out = ops.import_annotation_file(library, data)
    assert out.value.added == [made.uuid] and out.changes == Changes.of(annotations=[doc_id])
    again = ops.import_annotation_file(library, data)  # never twice
    assert again.value.duplicates == [made.uuid] and again.changes == Changes()


def test_entity_operations(library: Library) -> None:
    doc_id = _first_seed(library)
    text = library.text(doc_id)
    ran = ops.extract_entities(library, doc_id)
    assert ran.value is True and ran.changes == Changes.of(entities=[doc_id])
    assert ops.extract_entities(library, doc_id).changes == Changes()  # already current
    saved = ops.save_entities(library, doc_id, [Mention("place", text[:2], text[:2], 0, 2)], text)
    assert saved.changes == Changes.of(entities=[doc_id])
    with pytest.raises(KeyError):
        ops.save_entities(library, 999, [], "")


def test_delete_keeping_and_restore(library: Library) -> None:
    doc_id = _first_seed(library)
    note = library.annotations.create(doc_id, 0, 4, note="要点")
    gone = ops.delete_documents_keeping(library, [doc_id])
    deleted, kept = gone.value
    assert [d.annotations for d in deleted] == [1] and gone.changes == Changes.of(deleted=[doc_id])
    back = ops.restore_documents(library, kept)
    assert back.value.ids == [doc_id]
    assert back.changes == Changes.of(added=[doc_id], annotations=[doc_id], entities=[doc_id], organised=[doc_id])
    assert library.annotations.get(note.uuid) == note
    assert ops.restore_documents(library, kept).value.skipped == [doc_id]  # already back: nothing twice
