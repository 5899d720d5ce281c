"""Documents in and out of the library: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.app.deriving import rederive, set_line_override
from reader.app.importing import import_paths, import_seeds_if_empty
from reader.core.importing import Prepared, Skipped
from reader.formats.prepare import prepare
from reader.store.library import Library, storable

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite")
    yield lib  # type: ignore[misc]
    lib.close()


def test_import_seeds_keeps_raw_text_exactly(library: Library) -> None:
    report = import_paths(library, [SEEDS], workers=1)
    assert len(report.imported) == 5
    assert not report.skipped
    for doc_id in report.imported:
        doc = library.get(doc_id)
        assert doc is not None
        original = Path(doc.summary.path).read_bytes().decode("utf-8")
        assert doc.raw == original
        assert doc.summary.encoding == "utf-8"
        assert doc.summary.filename.endswith(".txt")
        assert doc.summary.chars == len(doc.text) > 0
        assert doc.summary.title


def test_same_content_twice_is_one_document(library: Library, tmp_path: Path) -> None:
    text = "同一篇文章的内容。\n第二段。\n"
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_bytes(text.encode("gb18030"))
    first = import_paths(library, [a], workers=1)
    second = import_paths(library, [b, a], workers=1)
    assert len(first.imported) == 1
    assert second.imported == []
    assert len(second.duplicates) == 2
    assert library.count() == 1


def test_changed_file_at_same_path_updates_its_document(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("第一版的文字。\n", encoding="utf-8")
    (doc_id,) = import_paths(library, [path], workers=1).imported
    path.write_text("第二版的文字，多了一些内容。\n", encoding="utf-8")
    report = import_paths(library, [path], workers=1)
    assert report.updated == [doc_id]
    doc = library.get(doc_id)
    assert doc is not None and "第二版" in doc.raw
    assert library.count() == 1


def test_bad_files_are_skipped_with_reasons_and_the_batch_goes_on(library: Library, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "good.txt").write_text("一篇好文章。\n", encoding="utf-8")
    (tmp_path / "ignored.xyz").write_bytes(b"%PDF")
    (tmp_path / "cut.pdf").write_bytes(b"%PDF")
    report = import_paths(library, [tmp_path, tmp_path / "missing.txt"], workers=1)
    assert len(report.imported) == 1
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "contains no text"
    assert "PNG" in reasons["image.txt"]
    assert reasons["missing.txt"] == "no such file or folder"
    assert "PDF" in reasons["cut.pdf"]  # a supported suffix whose content is broken says why
    assert "ignored.xyz" not in reasons  # folders only contribute supported files
    assert "1 imported" in report.summary() and "5 skipped" in report.summary()


def test_parallel_import_matches_serial(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(10):
        (folder / f"{i:02}.txt").write_text(f"第{i}篇文章，内容各不相同。{'正文' * i}\n", encoding="utf-8")
    with Library(tmp_path / "lib.sqlite") as lib:
        report = import_paths(lib, [folder], workers=2)
        assert len(report.imported) == 10
        assert sorted(s.filename for s in lib.all_summaries()) == [f"{i:02}.txt" for i in range(10)]


def test_cancel_stops_between_documents(library: Library, tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"文章{i}。\n", encoding="utf-8")
    done: list[int] = []
    report = import_paths(
        library,
        [tmp_path],
        workers=1,
        progress=lambda d, t, c: done.append(d),
        cancelled=lambda: len(done) >= 3,
    )
    assert report.cancelled
    assert library.count() == 2


def test_seeds_only_once(library: Library) -> None:
    assert import_seeds_if_empty(library, SEEDS) is not None
    library.delete(library.ids())
    assert import_seeds_if_empty(library, SEEDS) is None
    assert library.count() == 0


def test_prepare_reports_unreadable(tmp_path: Path) -> None:
    result = prepare(tmp_path / "nope.txt")
    assert isinstance(result, Skipped)
    path = tmp_path / "ok.txt"
    path.write_bytes("繁體中文的內容。".encode("big5"))
    result = prepare(path)
    assert isinstance(result, Prepared)
    assert result.encoding.startswith("big5")


def test_overrides_and_metadata_edits_survive_rederive(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("标题\n正文第一段，内容充实，句子完整。\n正文第二段，同样完整的句子。\n", encoding="utf-8")
    (doc_id,) = import_paths(library, [path], workers=1).imported
    library.set_metadata(doc_id, {"author": "张三"})
    set_line_override(library, doc_id, 2, False)
    doc = library.get(doc_id)
    assert doc is not None
    assert "正文第一段" not in doc.text
    assert doc.summary.author == "张三"
    rederive(library, doc_id)
    doc = library.get(doc_id)
    assert doc is not None
    assert "正文第一段" not in doc.text
    assert doc.summary.author == "张三"


def test_library_is_plain_sqlite(library: Library) -> None:
    import_paths(library, [SEEDS], workers=1)
    conn = sqlite3.connect(library.path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "removed_lines", "line_overrides", "metadata_overrides"} <= tables
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 5


@pytest.mark.parametrize("doc_id", [0, -1, 2**63, 2**64, -(2**63) - 1])
def test_ids_no_row_can_have_find_nothing(tmp_path: Path, doc_id: int) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        assert library.get(doc_id) is None
        assert library.text(doc_id) == ""


def test_names_that_are_not_utf8_are_stored_with_their_bytes_shown() -> None:
    name = os.fsdecode(b"/r/\xb1\xa8\xb8\xe6.txt")
    assert storable(name) == "/r/\\xb1\\xa8\\xb8\\xe6.txt"
    assert storable("/r/报告.txt") == "/r/报告.txt"
    storable(name).encode("utf-8")
