"""The user's annotations through a changed file, an undone deletion and a second library: never moved
onto words they did not quote, never lost, and a later edit never dropped for an older copy."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from reader.app import operations as ops
from reader.app.exporting import export_documents, import_annotations
from reader.core.export import export_text
from reader.formats.prepare import prepare
from reader.store.library import Library

REPORT = (
    "珠三角数字经济发展研究报告\n\n"
    "一、总体情况\n\n"
    "2025年，全市研发投入强度为4.2%，高于全国平均水平。\n\n"
    "二、人口结构\n\n"
    "全港約有一百八十萬名長者合資格使用醫療券，另有31.6%的家庭仅为8.9%。\n"
)


def _add(library: Library, path: Path, text: str) -> int:
    path.write_text(text, encoding="utf-8")
    outcome, doc_id = ops.add_document(library, prepare(path)).value
    assert outcome in {"imported", "updated"}
    return doc_id


def _highlight(library: Library, doc_id: int, quote: str, note: str = "") -> str:
    text = library.text(doc_id)
    start = text.index(quote)
    annotation = library.annotations.build(doc_id, start, start + len(quote), note=note)
    ops.put_annotation(library, annotation)
    return annotation.uuid


def test_a_passage_whose_words_were_edited_is_orphaned_not_moved(tmp_path: Path) -> None:
    """A revised figure in the file: the highlight on the old figure is an orphan keeping its quote,
    while a highlight on unchanged words moves with the inserted paragraph."""
    library = Library(tmp_path / "lib.sqlite")
    source = tmp_path / "report.txt"
    doc_id = _add(library, source, REPORT)
    figure = _highlight(library, doc_id, "研发投入强度为4.2%", "核对")
    people = _highlight(library, doc_id, "一百八十萬名", "核对人数")
    kept = _highlight(library, doc_id, "31.6%")
    revised = REPORT.replace("4.2%", "4.5%").replace("一百八十萬名", "二百萬名")
    revised = revised.replace("一、总体情况\n\n", "一、总体情况\n\n本报告于2026年修订，新增一段说明。\n\n")
    assert _add(library, source, revised) == doc_id  # the same path: the document is updated

    text = library.text(doc_id)
    for uuid, quote in ((figure, "研发投入强度为4.2%"), (people, "一百八十萬名")):
        placed = library.annotations.get(uuid)
        assert placed is not None and placed.quote == quote and placed.orphan
    moved = library.annotations.get(kept)
    assert moved is not None and not moved.orphan and text[moved.start : moved.end] == "31.6%"
    # Every placed annotation holds the words it quotes.
    for a in library.annotations.for_document(doc_id):
        assert a.orphan or text[a.start : a.end] == a.quote


def test_undo_of_a_delete_after_the_file_came_back_keeps_the_notes(tmp_path: Path) -> None:
    """The file was imported again before Undo: the deleted document cannot come back beside it, so its
    annotations go onto the document now holding the same file, re-anchored (orphans when not found)."""
    library = Library(tmp_path / "lib.sqlite")
    source = tmp_path / "report.txt"
    doc_id = _add(library, source, REPORT)
    note = _highlight(library, doc_id, "研发投入强度为4.2%", "配建标准")
    (_deleted, kept) = ops.delete_documents_keeping(library, [doc_id]).value
    assert library.annotations.get(note) is None
    again = _add(library, source, REPORT)
    assert again != doc_id

    outcome = ops.restore_documents(library, kept)
    restored = outcome.value
    assert restored.ids == [] and restored.skipped == [doc_id]
    assert restored.holders == {doc_id: again} and (restored.moved, restored.orphaned) == (1, 0)
    back = library.annotations.get(note)
    assert back is not None and back.doc_id == again and not back.orphan and back.note == "配建标准"
    assert library.text(again)[back.start : back.end] == "研发投入强度为4.2%"
    assert again in outcome.changes.annotations


def _export_json(library: Library, doc_id: int) -> str:
    return export_text(export_documents(library, [doc_id]), "json")


def test_a_newer_version_of_an_imported_annotation_replaces_the_older(tmp_path: Path) -> None:
    first = Library(tmp_path / "one.sqlite")
    second = Library(tmp_path / "two.sqlite")
    doc_one = _add(first, tmp_path / "a.txt", REPORT)
    _add(second, tmp_path / "b.txt", REPORT)
    uuid = _highlight(first, doc_one, "研发投入强度为4.2%", "旧")
    report = import_annotations(second, _export_json(first, doc_one))
    assert report.added == [uuid]
    # Edited since in the first library: a later `modified`.
    stored = first.annotations.get(uuid)
    assert stored is not None
    first.annotations.put(replace(stored, note="新", tags=("臺灣", "待查"), modified="2099-01-01T00:00:00Z"))
    newer = _export_json(first, doc_one)

    report = import_annotations(second, newer)
    assert report.updated == [uuid] and report.added == [] and report.duplicates == []
    assert "1 updated" in report.summary()
    got = second.annotations.get(uuid)
    assert got is not None and got.note == "新" and got.tags == ("臺灣", "待查") and not got.orphan
    # The same version again, or an older one, changes nothing.
    report = import_annotations(second, newer)
    assert report.duplicates == [uuid] and report.updated == []
    older = newer.replace("2099-01-01T00:00:00Z", "2001-01-01T00:00:00Z")
    assert older != newer and json.loads(older)
    report = import_annotations(second, older)
    assert report.duplicates == [uuid]
    still = second.annotations.get(uuid)
    assert still is not None and still.note == "新"


def test_a_moved_file_is_followed_and_its_next_change_updates_the_same_document(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    first = tmp_path / "report.txt"
    doc_id = _add(library, first, REPORT)
    note = _highlight(library, doc_id, "31.6%")
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    first.rename(moved)
    assert ops.add_document(library, prepare(moved)).value == ("duplicate", doc_id)
    summary = library.summaries([doc_id])[doc_id]
    assert summary.path == str(moved)
    assert _add(library, moved, REPORT + "\n补充一段新的内容。\n") == doc_id  # updated, not a second copy
    assert library.ids() == [doc_id]
    kept = library.annotations.get(note)
    assert kept is not None and kept.doc_id == doc_id and not kept.orphan


def test_a_copy_elsewhere_does_not_take_the_document_from_its_file(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    first = tmp_path / "report.txt"
    doc_id = _add(library, first, REPORT)
    copy = tmp_path / "copy.txt"
    copy.write_text(REPORT, encoding="utf-8")
    assert ops.add_document(library, prepare(copy)).value == ("duplicate", doc_id)
    assert library.summaries([doc_id])[doc_id].path == str(first)


def test_an_html_page_saved_again_with_a_revised_figure_orphans_its_highlight(tmp_path: Path) -> None:
    page = (
        "<html><head><meta charset='utf-8'><title>港府推出長者醫療券新安排</title></head><body><article>"
        "<h1>港府推出長者醫療券新安排</h1>{lead}<p>全港約有一百八十萬名長者合資格使用醫療券，"
        "當局表示會檢討金額。</p><p>醫療券可用於基層醫療服務，另有31.6%的長者已登記。</p></article></body></html>"
    )
    library = Library(tmp_path / "lib.sqlite")
    source = tmp_path / "blog.html"
    doc_id = _add(library, source, page.format(lead=""))
    people = _highlight(library, doc_id, "一百八十萬名", "核对人数")
    share = _highlight(library, doc_id, "31.6%")
    revised = page.format(lead="<p>本文於三月九日更新，加入最新數字。</p>").replace("一百八十萬名", "二百萬名")
    assert _add(library, source, revised) == doc_id
    text = library.text(doc_id)
    orphan = library.annotations.get(people)
    assert orphan is not None and orphan.orphan and orphan.quote == "一百八十萬名"
    placed = library.annotations.get(share)
    assert placed is not None and not placed.orphan and text[placed.start : placed.end] == "31.6%"


def test_a_located_file_that_changed_meanwhile_updates_its_document(tmp_path: Path) -> None:
    """Reload of a moved file: the user points at it, and its new content updates the same document."""
    library = Library(tmp_path / "lib.sqlite")
    first = tmp_path / "report.txt"
    doc_id = _add(library, first, REPORT)
    note = _highlight(library, doc_id, "31.6%")
    moved = tmp_path / "moved.txt"
    first.rename(moved)
    moved.write_text(REPORT + "\n补充一段。\n", encoding="utf-8")
    assert ops.relocate_document(library, doc_id, str(moved)).value is True
    assert _add(library, moved, moved.read_text(encoding="utf-8")) == doc_id
    assert library.ids() == [doc_id]
    kept = library.annotations.get(note)
    assert kept is not None and not kept.orphan
