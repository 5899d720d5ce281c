"""The reading position follows its words when a document's text changes under it (a re-import from
the command line while no window has the document open), as the highlights do."""

from __future__ import annotations

from pathlib import Path

from reader.app import operations as ops
from reader.formats.prepare import prepare
from reader.store.library import Library

BODY = "".join(f"第{i}段：本段介绍第{i}项重点任务的进展情况和下一步安排。\n\n" for i in range(1, 30))


def test_a_reimport_moves_the_reading_position_onto_the_same_words(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text("工作报告\n\n" + BODY, encoding="utf-8")
    library = Library(tmp_path / "lib.sqlite")
    doc_id = ops.add_document(library, prepare(source)).value[1]  # type: ignore[arg-type]
    old = library.text(doc_id)
    library.positions.set(doc_id, old.index("第20段"))
    read_at = library.positions.last_read(doc_id)
    source.write_text("工作报告\n\n" + "新增的前言段落，说明本报告的修订情况。\n\n" * 5 + BODY, encoding="utf-8")
    ops.add_document(library, prepare(source))
    new = library.text(doc_id)
    assert new != old
    assert new[library.positions.get(doc_id) :].startswith("第20段")
    assert library.positions.last_read(doc_id) == read_at  # moved, not read again
    library.close()
