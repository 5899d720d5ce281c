"""Every per-user location in one place, so tests (and users) can redirect all of them at once."""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "reader"
LIBRARY_ENV = "READER_LIBRARY"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_library() -> Path:
    """The library used when --library names none: READER_LIBRARY, else the one chosen in Preferences,
    else library.sqlite in the user data folder. The window and the command line agree on it."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    from reader.settings import load, settings_path

    chosen = load(settings_path(config_dir())).library_path
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / "library.sqlite"


def _checkout_root() -> Path | None:
    """The repository around the package when running from a source checkout (editable install, tests)."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "src" / "reader").is_dir() else None


def _package_data(name: str) -> Path | None:
    """A folder of the installed package's data (reader/data/<name>), as a real path.

    A wheel (or the frozen app) carries the seeds and icons there; importlib.resources finds them wherever
    the package was installed."""
    folder = resources.files("reader").joinpath("data", name)
    if isinstance(folder, Path):
        return folder
    beside = Path(__file__).resolve().parent / "data" / name  # a loader whose resources are not paths
    return beside if beside.is_dir() else None


def _first(candidates: list[Path | None], wanted: Callable[[Path], bool]) -> Path | None:
    return next((c for c in candidates if c is not None and wanted(c)), None)


def seeds_dir() -> Path | None:
    """The sample documents: seeds/ in a checkout, else reader/data/seeds inside the installed package."""
    root = _checkout_root()
    return _first(
        [root / "seeds" if root else None, _package_data("seeds")],
        lambda folder: folder.is_dir() and any(folder.glob("*.txt")),
    )


def icons_dir() -> Path | None:
    """The application icons: resources/icons in a checkout, else reader/data/icons inside the package."""
    root = _checkout_root()
    return _first(
        [root / "resources" / "icons" if root else None, _package_data("icons")],
        lambda folder: (folder / "reader.svg").is_file(),
    )
