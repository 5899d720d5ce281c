"""Pages saved from one site into one folder are cleaned with what they share: the lines every page of
the source repeats go to Removed as boilerplate, at import and whenever a document is cleaned again,
while a page imported on its own keeps them (nothing else says they are furniture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import operations as ops
from reader.app.deriving import rederive_stale
from reader.app.importing import import_paths
from reader.store.library import Library
from sitepages import BANNER, FOOTER, SHARED, SLOGAN, body, write_site


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.sqlite")


def _removed(library: Library, doc_id: int) -> dict[str, str]:
    doc = library.get(doc_id)
    assert doc is not None
    return {r.text.strip(): r.reason for r in doc.removed}


def _page_number(library: Library, doc_id: int) -> int:
    doc = library.get(doc_id)
    assert doc is not None
    return int(doc.summary.filename.removeprefix("page").removesuffix(".html"))


def _assert_cleaned_as_source(library: Library, doc_id: int, k: int | None = None) -> None:
    k = _page_number(library, doc_id) if k is None else k
    removed = _removed(library, doc_id)
    assert {line: removed.get(line) for line in SHARED} == dict.fromkeys(SHARED, "boilerplate")
    text = library.text(doc_id)
    assert all(sentence in text for sentence in body(k))


def test_pages_of_one_folder_lose_the_lines_they_all_repeat(tmp_path: Path, library: Library) -> None:
    write_site(tmp_path / "site", range(3))
    report = import_paths(library, [tmp_path / "site"], workers=1)
    assert len(report.imported) == 3
    for doc_id in report.imported:
        _assert_cleaned_as_source(library, doc_id)


def test_a_page_alone_keeps_those_lines(tmp_path: Path, library: Library) -> None:
    """The control: the same page without its source has no evidence against the shared lines."""
    [path] = write_site(tmp_path / "alone", range(1))
    report = import_paths(library, [path], workers=1)
    removed = _removed(library, report.imported[0])
    assert not any(line in removed for line in SHARED)


def test_a_page_imported_later_is_cleaned_with_the_stored_pages_of_its_folder(tmp_path: Path, library: Library) -> None:
    write_site(tmp_path / "site", range(3))
    import_paths(library, [tmp_path / "site"], workers=1)
    [later] = write_site(tmp_path / "site", range(3, 4))
    report = import_paths(library, [later], workers=1)
    _assert_cleaned_as_source(library, report.imported[0])


def test_pages_stored_earlier_are_cleaned_again_when_a_later_import_gives_their_folder_hints(
    tmp_path: Path, library: Library
) -> None:
    """Two pages are too few to show what a site repeats; the third page shows it for all three."""
    write_site(tmp_path / "site", range(2))
    first = sorted(import_paths(library, [tmp_path / "site"], workers=1).imported)
    assert len(first) == 2
    assert all(SLOGAN not in _removed(library, doc_id) for doc_id in first)
    [third] = write_site(tmp_path / "site", range(2, 3))
    report = import_paths(library, [third], workers=1)
    assert sorted(report.updated) == first
    for doc_id in [*first, *report.imported]:
        _assert_cleaned_as_source(library, doc_id)


def test_cleaning_again_keeps_the_hints(tmp_path: Path, library: Library) -> None:
    """A line decision and a re-cleaning after a cleaner upgrade both read the folder's hints again."""
    write_site(tmp_path / "site", range(3))
    ids = sorted(import_paths(library, [tmp_path / "site"], workers=1).imported)
    doc = library.get(ids[0])
    assert doc is not None
    slogan_line = next(n for n, line in enumerate(doc.original.splitlines(), 1) if line.strip() == SLOGAN)
    ops.set_line_override(library, ids[0], slogan_line, True)
    removed = _removed(library, ids[0])
    assert SLOGAN not in removed and removed.get(BANNER) == removed.get(FOOTER) == "boilerplate"
    ops.rederive(library, ids[1])
    _assert_cleaned_as_source(library, ids[1])
    library.conn.execute("UPDATE documents SET cleaner_version = 0")
    assert sorted(rederive_stale(library)) == ids
    _assert_cleaned_as_source(library, ids[2])


def test_pages_prepared_in_worker_processes_are_cleaned_with_their_source(tmp_path: Path, library: Library) -> None:
    write_site(tmp_path / "site", range(8))
    report = import_paths(library, [tmp_path / "site"], workers=2)
    assert len(report.imported) == 8
    for doc_id in report.imported:
        _assert_cleaned_as_source(library, doc_id)
