"""Annotations carried onto a text whose markup the cleaner dropped: they stay on their words and take
them as their quote, so exports and the next re-anchoring read what the reader sees."""

from __future__ import annotations

from pathlib import Path

from reader.app import operations as ops
from reader.app.deriving import reanchor
from reader.formats.prepare import prepare
from reader.store.library import Library

NOTE = (
    "项目周报\n\n## 一、代码示例\n\n本周完成了数据清洗模块的重构，测试全部通过。\n\n"
    "| **加粗** | 普通单元格 |\n\n下周继续推进。\n"
)


def test_annotations_stay_on_their_words_when_the_markup_goes(tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text(NOTE, encoding="utf-8")
    library = Library(tmp_path / "lib.sqlite")
    prepared = prepare(source)
    doc_id = ops.add_document(library, prepared).value[1]  # type: ignore[arg-type]
    old = library.text(doc_id)
    quotes = ["## 一、代码示例", "| **加粗** | 普通单元格 |", "数据清洗模块"]
    made = []
    for quote in quotes:
        start = old.index(quote)
        annotation = library.annotations.build(doc_id, start, start + len(quote))
        ops.put_annotation(library, annotation)
        made.append(annotation.uuid)
    new = old.replace("## ", "").replace("| **加粗** | 普通单元格 |", "加粗\t普通单元格")
    with library.transaction():
        assert reanchor(library, doc_id, new, old) == (3, 0)
    placed = [library.annotations.get(uuid) for uuid in made]
    assert [(a.quote, new[a.start : a.end], a.orphan) for a in placed if a is not None] == [
        ("一、代码示例", "一、代码示例", False),
        ("加粗\t普通单元格", "加粗\t普通单元格", False),
        ("数据清洗模块", "数据清洗模块", False),
    ]


def test_a_passage_whose_words_changed_is_an_orphan_with_the_quote_the_user_selected(tmp_path: Path) -> None:
    """Only a passage whose words are all still there is placed; one whose words were edited (a revised
    figure) is kept as an orphan with what the user selected, never a highlight on what it now says."""
    source = tmp_path / "note.txt"
    source.write_text("前言\n\n今年全市新建养老服务设施一百二十处，超额完成任务。\n\n结束。\n", encoding="utf-8")
    library = Library(tmp_path / "lib.sqlite")
    doc_id = ops.add_document(library, prepare(source)).value[1]  # type: ignore[arg-type]
    old = library.text(doc_id)
    quote = "今年全市新建养老服务设施一百二十处，超额完成任务。"
    start = old.index(quote)
    annotation = library.annotations.build(doc_id, start, start + len(quote))
    ops.put_annotation(library, annotation)
    new = old.replace("一百二十处", "一百二十三处")
    with library.transaction():
        assert reanchor(library, doc_id, new, old) == (0, 1)
    placed = library.annotations.get(annotation.uuid)
    assert placed is not None and placed.quote == quote and placed.orphan
