"""A document follows its moved file, but never onto a disk that is only unplugged, never onto a path
another document holds, and never onto a file that is not it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import operations as ops
from reader.core.importing import Prepared
from reader.formats.prepare import prepare
from reader.store.library import Library

REPORT = (
    "珠三角数字经济发展研究报告\n\n一、总体情况\n\n2025年，全市研发投入强度为4.2%，高于全国平均水平。\n\n"
    "二、人口结构\n\n全港約有一百八十萬名長者合資格使用醫療券，另有31.6%的家庭仅为8.9%。\n"
)
OTHER = "丙：完全无关的会议纪要\n\n会议时间：三月五日上午。出席人员：办公室全体同志。\n\n会议讨论了食堂菜单调整事宜。\n"


def _add(library: Library, path: Path, text: str | None = None) -> tuple[str, int]:
    if text is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    prepared = prepare(path)
    assert isinstance(prepared, Prepared)
    outcome, doc_id = ops.add_document(library, prepared).value
    return outcome, doc_id


def _path(library: Library, doc_id: int) -> str:
    summary = library.summaries([doc_id]).get(doc_id)
    assert summary is not None
    return summary.path


def test_a_copy_does_not_take_the_document_of_a_file_on_an_unplugged_disk(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    usb = tmp_path / "usb" / "r.txt"
    _, doc_id = _add(library, usb, REPORT)
    copy = tmp_path / "home" / "r_copy.txt"
    _add(library, copy, REPORT)
    (tmp_path / "usb").rename(tmp_path / "usb_unmounted")  # the disk's folder is gone with it
    assert _add(library, copy) == ("duplicate", doc_id)
    assert _path(library, doc_id) == str(usb)
    (tmp_path / "usb_unmounted").rename(tmp_path / "usb")
    assert _add(library, usb, REPORT + "\n补充一段。\n") == ("updated", doc_id)


def test_a_file_moved_onto_another_documents_path_takes_that_path_alone(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    x, y = tmp_path / "x.txt", tmp_path / "y.txt"
    _, first = _add(library, x, REPORT)
    _, second = _add(library, y, OTHER)
    y.replace(x)
    assert _add(library, x) == ("duplicate", second)
    assert (_path(library, first), _path(library, second)) == ("", str(x))
    assert _add(library, x, OTHER + "\n补充一段。\n") == ("updated", second)
    assert "研发投入强度为4.2%" in library.text(first)


def test_locating_a_file_refuses_what_cannot_be_the_document(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib.sqlite")
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    _, doc_id = _add(library, a, REPORT)
    _, other_id = _add(library, b, OTHER)
    c.write_text(OTHER.replace("丙", "丁").replace("三月", "四月"), encoding="utf-8")
    a.unlink()
    with pytest.raises(ValueError, match="not a file"):
        ops.relocate_document(library, doc_id, str(tmp_path / "nowhere.txt"))
    with pytest.raises(ValueError, match=f"another document \\({other_id}\\)"):
        ops.relocate_document(library, doc_id, str(b))
    with pytest.raises(ValueError, match="does not look like this document"):
        ops.relocate_document(library, doc_id, str(c))
    assert _path(library, doc_id) == str(a)
    revised = tmp_path / "moved" / "a.txt"
    revised.parent.mkdir()
    revised.write_text(REPORT.replace("4.2%", "4.5%"), encoding="utf-8")
    assert ops.relocate_document(library, doc_id, str(revised)).value is True
    assert _path(library, doc_id) == str(revised)
