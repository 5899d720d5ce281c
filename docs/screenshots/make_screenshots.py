"""Screenshots of the real window in each theme, to check by eye that highlights stay readable.

Run under a display (Xvfb is enough), from the project root:
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/make_screenshots.py
Writes docs/screenshots/theme-<name>.png. The library is a temporary copy of the seeds, so nothing of
the user's is touched; each shot shows annotations in all five colours, an entity's marks and find hits.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reader.app.importing import import_paths
from reader.core.annotations.model import DEFAULT_COLORS
from reader.store.library import Library
from reader.ui.app import create_window
from reader.ui.entity_worker import store_for
from reader.ui.themes import THEMES

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
WIDTH = 1100  # scaled down: enough to judge contrast, small enough for the repository


def wait_for(condition: object, ms: int = 15000) -> None:
    timer = QElapsedTimer()
    timer.start()
    while not condition() and timer.elapsed() < ms:  # type: ignore[operator]
        QTest.qWait(50)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        library_path = Path(tmp) / "lib.sqlite"
        with Library(library_path) as lib:
            import_paths(lib, [ROOT / "seeds"], workers=1)
            lib.set_meta("seeded", "1")
            store = store_for(lib)
            for pending in store.pending():  # entities now, so the shot need not wait for the worker
                store.update(pending)
            doc_id = lib.ids()[0]
            text = lib.get(doc_id).text  # type: ignore[union-attr]
            start = text.find("\n") + 1
            for i, color in enumerate(DEFAULT_COLORS):
                s = start + i * 12
                lib.annotations.create(doc_id, s, s + 8, color=color.key)
        window = create_window(library_path, config_dir=Path(tmp) / "config", seed=False)
        window.resize(1360, 820)
        window.show()
        window.select_document(doc_id)
        wait_for(lambda: bool(window.entities_panel.entities()))
        for theme in THEMES:
            window.settings.theme = theme
            window.apply_preferences()  # as the Preferences dialog does: palette, pane and highlights
            entities = window.entities_panel.entities()
            if entities:
                # The entity mentioned earliest after the highlights, so both show in one screen.
                later = [e for e in entities if e.spans and e.spans[0][0] > start + 60] or entities
                window.show_entity(min(later, key=lambda e: e.spans[0][0] if e.spans else 0))
                window.reading.scroll_to(0)
            QTest.qWait(300)
            shot = window.grab().toImage().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
            # 256 colours are plenty for a UI shot and keep each file small.
            small = shot.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
            path = OUT / f"theme-{theme}.png"
            small.save(str(path), "PNG")
            print(path)
        window.close()
        window.library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
