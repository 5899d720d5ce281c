"""Run-time hook used instead of PyInstaller's pyi_rth_pyside6 (Linux builds; see reader.spec).

The standard hook imports PySide6.QtCore at start-up, before any of our code runs, only to register an embedded
qt.conf; that loads shiboken, Qt Core and ICU and costs ~70 ms on every `reader --version` or `reader list`.
PySide6's own QtCore registers the same relocating qt.conf when it is first imported, so here we only point Qt at
the bundled plugins and leave loading Qt to the commands that need it (the window).
"""

import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")  # type: ignore[attr-defined]
