"""Scans in batches large enough for worker processes are read in the importing process, so their pages are
kept and an interrupted batch resumes within its scan; and a scan the library already holds byte for byte
is found a duplicate before OCR reads it, with the report that storing its reading would have given."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.app import importing
from reader.app.importing import import_paths
from reader.app.resuming import import_resumably, unfinished
from reader.formats.pdf import ocr
from reader.store.library import Library
from reader.store.ocr_pages import OcrPageStore

pytest.importorskip("PIL", reason="scans are generated with Pillow (installed with the OCR engine)")
from shaded_scans import ByShade, killed_import, shaded_scan

TEXTS = 8  # with the scan, enough files for the worker processes (importing._PARALLEL_THRESHOLD)


def _batch(folder: Path, pages: int = 5) -> Path:
    """A folder of `TEXTS` notes and one scan of `pages` pages; the scan's path."""
    folder.mkdir()
    assert TEXTS + 1 >= importing._PARALLEL_THRESHOLD
    for n in range(TEXTS):
        (folder / f"{n}.txt").write_text(f"第{n}份通知的正文，内容各不相同。\n" * 3, encoding="utf-8")
    scan = folder / "report.pdf"
    scan.write_bytes(shaded_scan(pages))
    return scan


def _scan_stored(path: Path) -> list[tuple[str, str, tuple[int, ...]]]:
    with Library(path) as library:
        docs = [library.get(i) for i in library.ids()]
        return [(d.raw, d.text, d.pages) for d in docs if d is not None and d.summary.kind == "pdf"]


def test_a_batch_stopped_within_its_scan_resumes_at_the_page_it_stopped_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "batch"
    _batch(folder)
    whole = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: whole)
    with Library(tmp_path / "whole.sqlite") as library:
        report = import_resumably(library, [folder], workers=2)
        assert len(report.imported) == TEXTS + 1 and whole.read == [0, 1, 2, 3, 4]

    path = tmp_path / "lib.sqlite"
    dying = killed_import(path, [folder], monkeypatch, die_on=2, workers=2)
    assert dying.read == [0, 1, 2]  # read here (a worker process would not see this engine)

    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    with Library(path) as library:
        [pending] = unfinished(library)
        assert str(folder / "report.pdf") in pending.paths
        assert OcrPageStore(library.conn).count() == 2
        report = import_resumably(library, [Path(p) for p in pending.paths], resumes=[pending.id], workers=2)
        assert not report.cancelled and not report.skipped
        assert library.count() == TEXTS + 1
        assert engine.read == [2, 3, 4]  # pages 1 and 2 took no OCR
        assert unfinished(library) == [] and OcrPageStore(library.conn).count() == 0
    assert _scan_stored(path) == _scan_stored(tmp_path / "whole.sqlite")


def test_a_scan_in_a_batch_reports_its_pages_and_the_batch_each_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = _batch(tmp_path / "batch", pages=3)
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    steps: list[tuple[str, int, int]] = []
    files: list[tuple[int, int, str]] = []
    done: list[Path] = []
    with Library(tmp_path / "lib.sqlite") as library:
        report = import_paths(
            library,
            [tmp_path / "batch"],
            workers=2,
            steps=lambda name, step, of: steps.append((name, step, of)),
            progress=lambda n, total, name: files.append((n, total, name)),
            file_done=done.append,
        )
    assert len(report.imported) == TEXTS + 1 and not report.cancelled
    assert steps == [(str(scan), 1, 3), (str(scan), 2, 3), (str(scan), 3, 3)]
    assert [n for n, _, _ in files] == list(range(TEXTS + 2))  # 0 (found), then one per file
    assert sorted(name for _, _, name in files[1:]) == sorted(str(p) for p in (tmp_path / "batch").iterdir())
    assert sorted(done) == sorted((tmp_path / "batch").iterdir())


def test_a_batch_cancelled_within_its_scan_stores_no_part_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = _batch(tmp_path / "batch")
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    with Library(tmp_path / "lib.sqlite") as library:
        report = import_paths(library, [tmp_path / "batch"], workers=2, cancelled=lambda: len(engine.read) >= 2)
        assert report.cancelled
        assert len(engine.read) == 2  # stopped before the third page
        assert all(library.get(i).summary.path != str(scan) for i in library.ids())  # type: ignore[union-attr]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_stored_scan_imported_again_is_a_duplicate_found_without_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    scan = _batch(tmp_path / "batch")
    copy = tmp_path / "elsewhere" / "copy of report.pdf"
    copy.parent.mkdir()
    shutil.copyfile(scan, copy)
    engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: engine)
    with Library(tmp_path / "lib.sqlite") as library:
        import_paths(library, [scan])
        assert engine.read == [0, 1, 2, 3, 4]
        paths = [tmp_path / "batch", copy] if workers > 1 else [scan, copy]
        early = import_paths(library, paths, workers=workers)
        assert engine.read == [0, 1, 2, 3, 4]  # neither the same file nor its copy was read again

    # What storing their readings finds, when the bytes are not looked at first: the same report.
    late_engine = ByShade()
    monkeypatch.setattr(ocr, "default_engine", lambda: late_engine)
    monkeypatch.setattr(importing, "_stored_copy", lambda *args: None)
    with Library(tmp_path / "late.sqlite") as library:
        import_paths(library, [scan])
        late = import_paths(library, paths, workers=workers)
        assert late_engine.read == [0, 1, 2, 3, 4] * 3
    assert sorted(early.duplicates) == sorted(late.duplicates)
    assert sorted(p for p, _ in early.duplicates) == sorted([str(scan), str(copy)])
    assert sorted(early.imported) == sorted(late.imported)  # the notes of the batch, if any


def test_a_stored_scan_with_a_page_left_unread_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its stored text lacks a page a new reading may give: the text decides, as before (here an update)."""
    scan = tmp_path / "report.pdf"
    scan.write_bytes(shaded_scan(3))
    monkeypatch.setattr(ocr, "default_engine", lambda: ByShade(fail_on=1))
    with Library(tmp_path / "lib.sqlite") as library:
        [doc_id] = import_paths(library, [scan]).imported
        engine = ByShade()
        monkeypatch.setattr(ocr, "default_engine", lambda: engine)
        report = import_paths(library, [scan])
        assert engine.read == [0, 1, 2]
        assert report.updated == [doc_id] and not report.duplicates
