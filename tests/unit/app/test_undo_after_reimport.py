"""Undo of a Delete after the file was imported again: what the user made of the document (a line
restored, an edited author, tags, a collection, the notes) goes onto the document now holding the file."""

from __future__ import annotations

from pathlib import Path

from reader.app import operations as ops
from reader.core.importing import Prepared
from reader.formats.prepare import prepare
from reader.store.collections import CollectionStore
from reader.store.library import Library

NOTICE = (
    "关于加强养老服务的通知\n\n各区民政局：\n\n为加强养老服务，现将有关事项通知如下。\n\n"
    "一、新建老年助餐点100个，改造家庭养老床位3000张。\n\n二、培训养老护理员5000人次。\n\n责任编辑：王明\n"
)


def _add(library: Library, path: Path) -> int:
    prepared = prepare(path)
    assert isinstance(prepared, Prepared)
    return ops.add_document(library, prepared).value[1]


def test_the_users_decisions_follow_the_notes_onto_the_reimported_file(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    source = tmp_path / "a.txt"
    source.write_text(NOTICE, encoding="utf-8")
    doc_id = _add(library, source)
    assert "王明" not in library.text(doc_id)  # the cleaner leaves the editor's line out
    doc = library.get(doc_id)
    assert doc is not None
    line = next(n for n, text in enumerate(doc.original.splitlines(), 1) if text.startswith("责任编辑"))
    ops.set_line_override(library, doc_id, line, True)
    text = library.text(doc_id)
    start = text.index("王明")
    note = library.annotations.build(doc_id, start, start + 2, note="编辑")
    ops.put_annotation(library, note)
    ops.edit_metadata(library, doc_id, {"author": "民政局"})
    ops.set_document_tags(library, doc_id, ["养老"])
    collection = ops.create_collection(library, "待读").value
    ops.add_to_collection(library, collection.id, [doc_id])

    kept = ops.delete_documents_keeping(library, [doc_id]).value[1]
    again = _add(library, source)
    restored = ops.restore_documents(library, kept).value
    assert restored.holders == {doc_id: again} and (restored.moved, restored.orphaned) == (1, 0)

    assert library.overrides(again) == {line: True}
    back = library.annotations.get(note.uuid)
    assert back is not None and not back.orphan and library.text(again)[back.start : back.end] == "王明"
    summary = library.summaries([again])[again]
    assert summary.author == "民政局"
    store = CollectionStore(library.conn)
    assert store.tags(again) == ["养老"]
    assert again in store.members(collection.id)
