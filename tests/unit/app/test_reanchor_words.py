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


def test_the_same_file_cleaned_again_keeps_a_highlight_over_a_line_the_user_removed(tmp_path: Path) -> None:
    """Removing a line inside a highlight changes what is shown, not what the author wrote: the
    highlight stays on the rest of its passage (only a changed file can orphan it for its words)."""
    source = tmp_path / "note.txt"
    source.write_text("前言\n\n甲乙丙丁戊己庚辛\n\n网页导航\n\n壬癸子丑寅卯辰巳\n\n结束。\n", encoding="utf-8")
    library = Library(tmp_path / "lib.sqlite")
    doc_id = ops.add_document(library, prepare(source)).value[1]  # type: ignore[arg-type]
    old = library.text(doc_id)
    start, end = old.index("甲乙丙"), old.index("辰巳") + 2
    annotation = library.annotations.build(doc_id, start, end)
    ops.put_annotation(library, annotation)
    doc = library.get(doc_id)
    assert doc is not None
    line = next(n for n, text in enumerate(doc.original.splitlines(), 1) if text == "网页导航")
    ops.set_line_override(library, doc_id, line, False)
    new = library.text(doc_id)
    assert "网页导航" not in new
    placed = library.annotations.get(annotation.uuid)
    assert placed is not None and not placed.orphan
    assert new[placed.start : placed.end].startswith("甲乙丙") and new[placed.start : placed.end].endswith("辰巳")
