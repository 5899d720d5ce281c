"""An import stopped halfway through a scan (the process dies after page k) is taken up again: OCR reads
only the pages after k, and the library ends up with exactly what an uninterrupted import stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.app import operations
from reader.app.resuming import import_resumably, unfinished
from reader.formats.pdf import ocr
from reader.store.library import Library
from reader.store.ocr_pages import OcrPageStore
from reader.store.pending_imports import PendingImports

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from shaded_scans import ByShade, killed_import, shaded_scan


def _stored(path: Path) -> list[tuple[str, str, str, tuple[int, ...], str]]:
    """What the library holds of each document: raw, cleaned text, original, pages, title."""
    with Library(path) as library:
        docs = [library.get(i) for i in library.ids()]
        return [(d.raw, d.text, d.original, d.pages, d.summary.title) for d in docs if d is not None]


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = tmp_path / "scans" / "report.pdf"
    path.parent.mkdir()
    path.write_bytes(shaded_scan(5))
    return path


def test_a_scan_interrupted_after_two_pages_resumes_at_the_third(
    scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole_engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: whole_engine)
    with Library(tmp_path / "whole.sqlite") as whole:
        report = import_resumably(whole, [scan])
        assert len(report.imported) == 1 and whole_engine.read == [0, 1, 2, 3, 4]
        assert unfinished(whole) == [] and OcrPageStore(whole.conn).count() == 0  # nothing left behind

    path = tmp_path / "lib.sqlite"
    dying = killed_import(path, [scan], monkeypatch, die_on=2)
    assert dying.read == [0, 1, 2]

    # The next start: the import is noted, with the two pages read before page 3 went wrong.
    resumed_engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: resumed_engine)
    with Library(path) as library:
        assert library.count() == 0
        pending = unfinished(library)
        assert [noted.paths for noted in pending] == [(str(scan),)]
        assert OcrPageStore(library.conn).count() == 2
        report = import_resumably(library, [Path(p) for p in pending[0].paths], resumes=[pending[0].id])
        assert len(report.imported) == 1 and not report.cancelled
        assert resumed_engine.read == [2, 3, 4]  # pages 1 and 2 took no OCR
        assert unfinished(library) == [] and OcrPageStore(library.conn).count() == 0
    assert _stored(path) == _stored(tmp_path / "whole.sqlite")
    texts = [paragraph for k in range(5) for paragraph in resumed_engine.text_of(k)]
    assert _stored(path)[0][1].split("\n") == texts


def test_a_resumed_batch_finds_its_stored_scans_without_reading_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    first, second = folder / "a.pdf", folder / "b.pdf"
    first.write_bytes(shaded_scan(2))
    second.write_bytes(shaded_scan(4))
    path = tmp_path / "lib.sqlite"
    # a.pdf (pages 0-1) is read and stored; b.pdf dies on its third page
    killed_import(path, [folder], monkeypatch, die_on=2, workers=1)

    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    with Library(path) as library:
        assert library.count() == 1
        [pending] = unfinished(library)
        assert pending.paths == (str(second),) and pending.done == 1  # a.pdf is stored: not to be read again
        report = import_resumably(library, [Path(p) for p in pending.paths], resumes=[pending.id])
        assert len(report.imported) == 1 and not report.duplicates
        assert engine.read == [2, 3]
        assert unfinished(library) == []


def test_a_scan_stored_but_not_yet_marked_done_is_found_stored_without_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The mark is a write of its own after the document's: a crash between the two leaves a stored file
    listed as still to do; its pages, kept until the import ends, make finding it stored free."""
    folder = tmp_path / "scans"
    folder.mkdir()
    first, second = folder / "a.pdf", folder / "b.pdf"
    first.write_bytes(shaded_scan(2))
    second.write_bytes(shaded_scan(4))
    monkeypatch.setattr(operations, "import_file_done", lambda *args, **kwargs: None)  # the marks are lost
    path = tmp_path / "lib.sqlite"
    killed_import(path, [folder], monkeypatch, die_on=2, workers=1)
    monkeypatch.undo()

    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    with Library(path) as library:
        [pending] = unfinished(library)
        assert sorted(pending.paths) == [str(first), str(second)]
        report = import_resumably(library, [Path(p) for p in pending.paths], resumes=[pending.id])
        assert len(report.duplicates) == 1 and len(report.imported) == 1
        assert engine.read == [2, 3]  # a.pdf was found stored without a page of OCR
        assert unfinished(library) == []


def test_a_later_import_of_other_files_leaves_the_unfinished_one_noted(
    scan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite"
    killed_import(path, [scan], monkeypatch, die_on=1)
    note = tmp_path / "note.txt"
    note.write_text("一段与扫描无关的文字，单独导入。\n", encoding="utf-8")
    with Library(path) as library:
        assert len(import_resumably(library, [note]).imported) == 1
        assert [n.paths for n in unfinished(library)] == [(str(scan),)]
        assert OcrPageStore(library.conn).count() == 1  # still kept for the unfinished import


def test_files_prepared_in_worker_processes_are_marked_done_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(9):  # enough files for the worker processes
        (folder / f"{n}.txt").write_text(f"第{n}份通知的正文，内容各不相同。\n" * 3, encoding="utf-8")
    monkeypatch.setattr(operations, "finish_imports", lambda *args, **kwargs: None)  # the end goes unrecorded
    with Library(tmp_path / "lib.sqlite") as library:
        report = import_resumably(library, [folder], workers=2)
        assert len(report.imported) == 9
        [pending] = PendingImports(library.conn).all()  # still claimed by this process, so not `unfinished`
        assert pending.paths == () and pending.done == 9
