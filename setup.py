"""Put the sample documents and the application icons into the package when a wheel is built.

They live at the top of the repository (seeds/, resources/icons/), where tests, packaging and people find
them; a wheel holds only what is inside src/reader. This build step copies them to reader/data/seeds and
reader/data/icons in the wheel, where reader.paths looks when there is no checkout around the package.
An editable install needs no copy: reader.paths finds them in the checkout.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent

# folder inside reader/data → files from the repository, by glob relative to the repository root
BUNDLED: dict[str, tuple[str, ...]] = {
    "seeds": ("seeds/*.txt",),
    "icons": ("resources/icons/reader.svg", "resources/icons/hicolor/*/apps/*.png"),
}
SOURCES = {"seeds": ROOT / "seeds", "icons": ROOT / "resources" / "icons"}


class BuildPyWithData(build_py):
    """The standard build_py, then the repository's seeds and icons copied in as package data."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "reader" / "data"
        for folder, patterns in BUNDLED.items():
            files = [path for pattern in patterns for path in sorted(ROOT.glob(pattern))]
            if not files:
                raise SystemExit(f"setup.py: nothing matches {', '.join(patterns)}; the wheel would lack {folder}")
            for path in files:
                destination = target / folder / path.relative_to(SOURCES[folder])
                self.mkpath(str(destination.parent))
                self.copy_file(str(path), str(destination))


setup(cmdclass={"build_py": BuildPyWithData})
