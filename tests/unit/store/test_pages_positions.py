"""Page starts and reading positions in the library: written with every derivation, kept per document,
gone with the document, and added to libraries made before they existed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.app.deriving import set_line_override
from reader.app.importing import import_paths
from reader.core.text.pages import page_of, page_start
from reader.store import schema
from reader.store.db import open_library
from reader.store.library import Library

ROOT = Path(__file__).resolve().parents[3]
PDFS = ROOT / "tests" / "data" / "pdf"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "lib.sqlite")
    yield lib  # type: ignore[misc]
    lib.close()


def _import(library: Library, path: Path) -> int:
    report = import_paths(library, [path], workers=1)
    assert len(report.imported) == 1, report.skipped
    return report.imported[0]


def test_page_of_counts_from_one_and_covers_every_offset() -> None:
    pages = (0, 10, 25)
    assert [page_of(o, pages) for o in (0, 9, 10, 24, 25, 1000)] == [1, 1, 2, 2, 3, 3]
    assert page_of(5, (3, 8)) == 1  # a title reflowed ahead of the first page start
    assert page_of(5, ()) is None
    assert [page_start(p, pages) for p in (0, 1, 2, 3, 4)] == [0, 0, 10, 25, 25]
    assert page_start(1, ()) == 0


def test_a_pdf_stores_its_page_starts_and_a_text_file_none(library: Library, tmp_path: Path) -> None:
    expected = json.loads((PDFS / "report_sc.expected.json").read_text(encoding="utf-8"))
    pdf = _import(library, PDFS / "report_sc.pdf")
    doc = library.get(pdf)
    assert doc is not None
    cut = len(expected["paragraphs"][0]) + 1  # the printed title is the title, not a line of the text
    assert doc.pages == tuple(max(0, p - cut) for p in expected["pages"]) == library.pages(pdf)
    assert all(0 <= p < len(doc.text) for p in doc.pages)

    text = tmp_path / "a.txt"
    text.write_text("没有页的文字。\n第二段。\n", encoding="utf-8")
    plain = _import(library, text)
    assert library.get(plain) is not None and library.get(plain).pages == ()  # type: ignore[union-attr]
    assert library.conn.execute("SELECT pages FROM documents WHERE id = ?", (plain,)).fetchone()[0] is None


def test_page_starts_follow_a_restored_line(library: Library) -> None:
    """Re-deriving (a line override) rewrites the page starts for the new text."""
    pdf = _import(library, PDFS / "report_sc.pdf")
    doc = library.get(pdf)
    assert doc is not None
    number = next(r for r in doc.removed if r.text == "— 2 —")
    set_line_override(library, pdf, number.line, True)
    after = library.get(pdf)
    assert after is not None and "— 2 —" in after.text
    assert len(after.pages) == len(doc.pages)
    assert after.pages[:1] == doc.pages[:1]
    assert after.pages[1:] != doc.pages[1:]  # the restored line lies before page 2 or 3 begins
    assert after.text.index("— 2 —") < after.pages[-1]


def test_reading_position_is_kept_per_document_and_across_opening(library: Library, tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("甲" * 500, encoding="utf-8")
    second.write_text("乙" * 500, encoding="utf-8")
    a, b = _import(library, first), _import(library, second)
    assert library.positions.get(a) == 0 and library.positions.last_read(a) is None
    assert library.positions.set(a, 321)
    assert library.positions.set(b, 12)
    assert library.positions.set(a, 250)  # the newest wins
    assert library.positions.get(a) == 250 and library.positions.get(b) == 12
    assert {doc for doc, _ in library.positions.recent()} == {a, b}
    assert library.positions.last_read(a) is not None
    assert not library.positions.set(9999, 5)  # no such document: nothing written
    library.close()
    with Library(tmp_path / "lib.sqlite") as again:
        assert again.positions.get(a) == 250


def test_deleting_a_document_forgets_its_position(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("一段文字。", encoding="utf-8")
    doc = _import(library, path)
    library.positions.set(doc, 3)
    library.delete([doc])
    count = library.conn.execute("SELECT count(*) FROM reading_positions").fetchone()[0]
    assert count == 0 and library.positions.get(doc) == 0


def test_a_library_from_before_pages_is_upgraded_and_keeps_its_documents(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    before = schema.MIGRATIONS[:6]
    conn = open_library(path, migrations=before)
    conn.execute(
        "INSERT INTO documents (content_hash, kind, encoding, raw, text, imported_at, updated_at) "
        "VALUES ('h', 'text', 'utf-8', '旧文字', '旧文字', '2024-01-01', '2024-01-01')"
    )
    conn.close()
    with Library(path) as lib:
        doc = lib.get(1)
        assert doc is not None and doc.text == "旧文字" and doc.pages == ()
        assert lib.positions.set(1, 2) and lib.positions.get(1) == 2


def test_damaged_page_cells_read_as_no_pages(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("一段文字。", encoding="utf-8")
    doc = _import(library, path)
    for cell in ("not json", '{"a": 1}', '[1, "x"]', "[true]"):
        library.conn.execute("UPDATE documents SET pages = ? WHERE id = ?", (cell, doc))
        assert library.pages(doc) == ()
