"""Every per-user location in one place, so tests (and users) can redirect all of them at once."""

from __future__ import annotations

import os
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


def seeds_dir() -> Path | None:
    """The sample documents: beside the source tree in a checkout, or bundled as package data."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "seeds", here.parent / "data" / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


def icons_dir() -> Path | None:
    """The application icons: resources/icons in a checkout, or bundled as package data."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "resources" / "icons", here.parent / "data" / "icons"):
        if (candidate / "reader.svg").is_file():
            return candidate
    return None
