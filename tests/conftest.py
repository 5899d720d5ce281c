"""Fixtures shared by every test: paths never reach the user's real library or settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from evaldata import eval_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Timing varies on shared machines; property tests judge results, benchmarks judge speed.
hypothesis_settings.register_profile("reader", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("reader")

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
