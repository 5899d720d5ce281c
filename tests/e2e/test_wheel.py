"""The built wheel is the app a `pip install` gives: it must start on the sample library, with its icon.

The wheel is built from a copy of the source (so no stale build/ folder of the checkout leaks into it), its
file list is checked, and then reader.paths is imported from the unpacked wheel, away from any checkout, to
see that the seeds and icons resolve there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
ICONS = [
    "reader.svg",
    *sorted(
        str(p.relative_to(ROOT / "resources" / "icons"))
        for p in (ROOT / "resources" / "icons" / "hicolor").glob("*/apps/*.png")
    ),
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "build",
            "dist",
            "*.egg-info",
            "__pycache__",
            ".*_cache",
            ".hypothesis",
            "tests",
            "benchmarks",
            "docs",
        ),
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-qq",
            "--disable-pip-version-check",
            "-w",
            str(work / "out"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = (work / "out").glob("reader-*.whl")
    return built


def test_the_wheel_carries_the_seeds_the_icons_and_the_licence(wheel: Path) -> None:
    assert len(SEEDS) == 5 and len(ICONS) > 1
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"reader/data/seeds/{name}" for name in SEEDS} <= names
    assert {f"reader/data/icons/{name}" for name in ICONS} <= names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_the_wheel_metadata_has_an_spdx_licence_and_no_unused_dependency(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        headers = Parser().parsestr(archive.read(metadata).decode("utf-8"), headersonly=True)
    assert headers["License-Expression"] == "MIT"
    requires = " ".join(headers.get_all("Requires-Dist") or [])
    assert "PySide6" in requires and "sqlite-utils" not in requires


def test_an_installed_wheel_finds_its_seeds_and_icons_without_a_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"  # no pyproject.toml above it: nothing looks like a checkout
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import json, reader, reader.paths as p; s, i = p.seeds_dir(), p.icons_dir(); "
        "print(json.dumps({'package': reader.__file__, 'seeds': s and str(s), 'icons': i and str(i), "
        "'documents': sorted(x.name for x in s.glob('*.txt')) if s else [], "
        "'pngs': len(list(i.glob('hicolor/*/apps/*.png'))) if i else 0}))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert Path(found["package"]).is_relative_to(site)  # the unpacked wheel, not the editable checkout
    assert found["seeds"] == str(site / "reader" / "data" / "seeds")
    assert found["documents"] == SEEDS
    assert found["icons"] == str(site / "reader" / "data" / "icons")
    assert found["pngs"] == len(ICONS) - 1
