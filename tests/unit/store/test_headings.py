"""The headings an importer marks are stored with the document (schema 13), follow re-cleaning, and a
library from before reads as documents without headings until they are cleaned again."""

from __future__ import annotations

from pathlib import Path

from reader.app.deriving import rederive
from reader.app.importing import import_paths
from reader.store import schema
from reader.store.db import open_library
from reader.store.documents_query import headings_of
from reader.store.library import Library

PDFS = Path(__file__).resolve().parents[2] / "data" / "pdf"


def test_a_pdfs_headings_are_stored_and_survive_cleaning_again(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite") as library:
        [doc_id] = import_paths(library, [PDFS / "report_sc.pdf"], workers=1).imported
        doc = library.get(doc_id)
        assert doc is not None and doc.headings
        lines = doc.text.split("\n")
        assert all(0 <= line < len(lines) and level >= 1 for line, level in doc.headings)
        assert any(lines[line].startswith("一、") for line, _ in doc.headings)
        rederive(library, doc_id)
        again = library.get(doc_id)
        assert again is not None and again.headings == doc.headings


def test_a_text_file_has_no_headings(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("一、总体要求\n这是一段正文，说明了文件的目的和适用范围。\n", encoding="utf-8")
    with Library(tmp_path / "lib.sqlite") as library:
        [doc_id] = import_paths(library, [text], workers=1).imported
        doc = library.get(doc_id)
        assert doc is not None and doc.headings == ()


def test_a_library_from_schema_12_opens_with_documents_without_headings(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    open_library(path, migrations=schema.MIGRATIONS[:12]).close()
    with Library(path) as library:
        assert "headings" in {row[1] for row in library.conn.execute("PRAGMA table_info(documents)")}


def test_a_damaged_headings_cell_reads_as_none() -> None:
    assert headings_of(None) == () and headings_of("") == ()
    assert headings_of("not json") == () and headings_of('[["a", 1]]') == ()
    assert headings_of("[[3, 0], [5, 2]]") == ((3, 1), (5, 2))
