"""Where the sample documents and icons are found when running from this checkout."""

from __future__ import annotations

from pathlib import Path

from reader import paths

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_its_own_seeds_and_icons() -> None:
    # The checkout's folders, not stale copies under src/reader/data left by a build.
    assert paths.seeds_dir() == ROOT / "seeds"
    assert paths.icons_dir() == ROOT / "resources" / "icons"
    assert len(list((ROOT / "seeds").glob("*.txt"))) == 5
