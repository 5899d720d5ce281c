"""Which document an import of several files opens: the first file the reader named, whatever finished first."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.reports import ImportReport
from reader.ui.main_window import MainWindow

NOTICE = "关于{0}的通知\n\n各有关单位：\n\n为做好{0}工作，现将有关事项通知如下。请各单位认真贯彻落实，按时报送材料。\n"


def _write(folder: Path, name: str, topic: str, repeat: int = 1) -> Path:
    path = folder / name
    path.write_text(NOTICE.format(topic) * repeat, encoding="utf-8")
    return path


def test_the_first_named_file_opens_whichever_finished_first(window: MainWindow, tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", "甲项")
    b = _write(tmp_path, "b.txt", "乙项")
    from reader.app.importing import import_paths
    from reader.store.library import Library

    with Library(window.library.path) as lib:
        report = import_paths(lib, [a, b], workers=1)
    id_a, id_b = sorted(report.imported)
    finished_first = ImportReport(imported=[id_b, id_a])  # b.txt's import ended first
    assert window.documents.to_open(finished_first, [a, b]) == id_a
    assert window.documents.to_open(finished_first, [b, a]) == id_b
    # A folder's files come in the folder's place, by name.
    assert window.documents.to_open(finished_first, [tmp_path]) == id_a
    assert window.documents.to_open(finished_first, [b, tmp_path]) == id_b


def test_an_import_of_several_files_opens_the_first_one_named(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """The first named file is the longest, so with workers in parallel it is seldom the first done."""
    named = [
        _write(tmp_path, "z_long.txt", "长项", repeat=300),
        _write(tmp_path, "a_short.txt", "短项"),
        _write(tmp_path, "m_short.txt", "中项"),
    ]
    with qtbot.waitSignal(window.importFinished, timeout=60_000) as finished:
        window.start_import(named)
    report = finished.args[0]
    assert len(report.imported) == 3
    qtbot.waitUntil(lambda: window.current is not None and window.current.id in report.imported, timeout=10_000)
    assert window.current is not None
    assert Path(window.current.summary.path).name == "z_long.txt"
    assert window.documents.selected_ids() == [window.current.id]


def test_a_duplicate_named_first_opens_its_document_rather_than_a_new_file(window: MainWindow, tmp_path: Path) -> None:
    from reader.app.importing import import_paths
    from reader.store.library import Library

    again = _write(tmp_path, "again.txt", "旧项")
    with Library(window.library.path) as lib:
        (held,) = import_paths(lib, [again], workers=1).imported
        fresh = [_write(tmp_path, f"new{n}.txt", f"新项{n}") for n in range(2)]
        report = import_paths(lib, [again, *fresh], workers=1)
    assert [d for _, d in report.duplicates] == [held]
    assert len(report.imported) == 2
    assert window.documents.to_open(report, [again, *fresh]) == held
    opened = window.documents.to_open(report, [fresh[1], again, fresh[0]])
    assert opened is not None and Path(window.library.summaries([opened])[opened].path) == fresh[1]


def test_ranking_many_named_files_resolves_each_path_a_bounded_number_of_times(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking used to resolve every named path for every document (n² resolves, seconds on the GUI thread
    for a few hundred files): each is resolved once now, with the documents' own paths."""
    from reader.app.importing import import_paths
    from reader.store.library import Library

    count = 40
    named = [_write(tmp_path, f"f{n:03}.txt", f"第{n}项") for n in range(count)]
    with Library(window.library.path) as lib:
        report = import_paths(lib, named, workers=1)
    assert len(report.imported) == count
    finished = ImportReport(imported=list(reversed(report.imported)))
    calls = 0
    resolve = Path.resolve

    def counting(self: Path, strict: bool = False) -> Path:
        nonlocal calls
        calls += 1
        return resolve(self, strict)

    monkeypatch.setattr(Path, "resolve", counting)
    opened = window.documents.to_open(finished, named)
    monkeypatch.undo()
    assert opened is not None
    assert Path(window.library.summaries([opened])[opened].path).name == "f000.txt"
    assert calls <= 2 * count
