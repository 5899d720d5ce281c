"""The window's import cleans a folder's earlier pages again when a later page shows what the site
repeats: the earlier documents come back as updated, their shared lines in the Removed tab."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.app.reports import ImportReport
from reader.ui.main_window import MainWindow
from sitepages import SHARED, SLOGAN, write_site


def _import(window: MainWindow, qtbot: QtBot, paths: list[Path]) -> ImportReport:
    with qtbot.waitSignal(window.importFinished, timeout=60000) as finished:
        window.start_import(paths)
    report = finished.args[0]
    assert isinstance(report, ImportReport)
    return report


def _removed(window: MainWindow, doc_id: int) -> dict[str, str]:
    doc = window.library.get(doc_id)
    assert doc is not None
    return {r.text.strip(): r.reason for r in doc.removed}


def test_a_later_page_of_a_folder_cleans_the_earlier_ones_again(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    first = sorted(_import(window, qtbot, write_site(tmp_path / "site", range(2))).imported)
    assert len(first) == 2 and all(SLOGAN not in _removed(window, d) for d in first)
    report = _import(window, qtbot, write_site(tmp_path / "site", range(2, 3)))
    assert sorted(report.updated) == first and len(report.imported) == 1
    for doc_id in [*first, *report.imported]:
        removed = _removed(window, doc_id)
        assert {line: removed.get(line) for line in SHARED} == dict.fromkeys(SHARED, "boilerplate")
