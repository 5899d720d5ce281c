"""Each document's file is kept byte for byte, and a library from before keeps what it still can."""

from __future__ import annotations

from pathlib import Path

from reader.app.importing import import_paths
from reader.app.original_files import check_original_files
from reader.core.importing import content_hash
from reader.store import schema
from reader.store.db import open_library
from reader.store.library import Library


def test_a_file_with_a_damaged_byte_is_given_back_exactly(tmp_path: Path) -> None:
    data = "县域医共体建设报告\n\n第一段正文。\n".encode() + b"\xff\xfe" + "第二段正文。\n".encode()
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    with Library(tmp_path / "lib.sqlite") as library:
        report = import_paths(library, [path], workers=1)
        (doc_id,) = report.imported
        assert library.original_file(doc_id) == data and library.file_state(doc_id) == "kept"
        path.write_bytes(data + "补充一段。\n".encode())  # the same path, new content: updated in place
        updated = import_paths(library, [path], workers=1)
        assert updated.updated == [doc_id] and library.original_file(doc_id) == path.read_bytes()
        library.delete([doc_id])
        assert library.conn.execute("SELECT count(*) FROM document_files").fetchone()[0] == 0


def _old_library(path: Path, documents: dict[str, str]) -> None:
    """A library as version 7 wrote it: no files kept. `documents` maps a file path to its text."""
    conn = open_library(path, migrations=schema.MIGRATIONS[:7])
    for file, text in documents.items():
        conn.execute(
            "INSERT INTO documents (content_hash, path, kind, encoding, raw, text, imported_at, updated_at) "
            "VALUES (?, ?, 'text', 'utf-8', ?, ?, '2024-01-01', '2024-01-01')",
            (content_hash(text), file, text, text),
        )
    conn.close()


def test_an_upgraded_library_keeps_the_files_that_still_match(tmp_path: Path) -> None:
    same, changed, gone = tmp_path / "same.txt", tmp_path / "changed.txt", tmp_path / "gone.txt"
    same.write_text("原样的文件。\n", encoding="utf-8")
    changed.write_text("改过的文件。\n", encoding="utf-8")
    _old_library(
        tmp_path / "old.sqlite",
        {str(same): "原样的文件。\n", str(changed): "导入时的文字。\n", str(gone): "已经不在的文件。\n"},
    )
    with Library(tmp_path / "old.sqlite") as library:
        assert [u.doc_id for u in library.unchecked_files()] == [1, 2, 3]
        looked = check_original_files(library, library.keep_file)
        assert looked == 3 and library.unchecked_files() == []
        assert library.original_file(1) == same.read_bytes() and library.file_state(1) == "kept"
        assert library.original_file(2) is None and library.file_state(2) == "missing"
        assert library.original_file(3) is None and library.file_state(3) == "missing"


def test_checking_stops_when_cancelled(tmp_path: Path) -> None:
    files = {}
    for n in range(3):
        file = tmp_path / f"{n}.txt"
        file.write_text(f"第{n}份。\n", encoding="utf-8")
        files[str(file)] = f"第{n}份。\n"
    _old_library(tmp_path / "old.sqlite", files)
    with Library(tmp_path / "old.sqlite") as library:
        kept: list[int] = []

        def keep(doc_id: int, data: bytes | None) -> None:
            kept.append(doc_id)
            library.keep_file(doc_id, data)

        assert check_original_files(library, keep, cancelled=lambda: len(kept) >= 2) == 2
        assert [u.doc_id for u in library.unchecked_files()] == [3]
