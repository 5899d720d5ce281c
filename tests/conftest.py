"""Fixtures shared by every test: paths never reach the user's real library or settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evaldata import eval_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

__all__ = ["eval_path"]


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every per-user location at a temporary folder so no test touches a real library."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("READER_LIBRARY", raising=False)
