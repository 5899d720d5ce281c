"""Every window in these tests opens a temporary library and temporary settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.app.importing import import_paths
from reader.store.library import Library
from reader.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeded_library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    with Library(path) as lib:
        import_paths(lib, [SEEDS], workers=1)
        lib.set_meta("seeded", "1")
    return path


@pytest.fixture
def window(qtbot: QtBot, seeded_library: Path, tmp_path: Path) -> Iterator[MainWindow]:
    from reader.ui.app import create_window

    win = create_window(seeded_library, config_dir=tmp_path / "config")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.library.close()
