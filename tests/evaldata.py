"""Where the public evaluation data lives, and a clean skip when a clone has none beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def eval_path(*parts: str) -> Path:
    """Path into the public evaluation data, or skip the test when this clone has none beside it."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not available at {path} (only present beside a development checkout)")
    return path
