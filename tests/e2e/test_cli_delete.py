"""`reader delete` as a user runs it: a real subprocess on a temporary library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        input=stdin if stdin is not None else "",
        timeout=120,
    )


@pytest.fixture
def lib(tmp_path: Path) -> str:
    path = str(tmp_path / "lib.sqlite")
    assert run("--library", path, "import", str(SEEDS)).returncode == 0
    return path


def listed(lib: str) -> list[dict[str, object]]:
    result = run("--library", lib, "list", "--json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_delete_prints_one_line_per_document(lib: str) -> None:
    before = listed(lib)
    first, second = int(str(before[0]["id"])), int(str(before[1]["id"]))
    annotated = run("--library", lib, "annotate", str(first), "--start", "0", "--end", "4", "--note", "看")
    assert annotated.returncode == 0, annotated.stderr
    result = run("--library", lib, "delete", str(first), str(second), "--yes")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"deleted {first} ") and "(1 annotation)" in lines[0]
    assert str(before[0]["title"]) in lines[0]
    assert lines[1].startswith(f"deleted {second} ") and "(0 annotations)" in lines[1]
    assert [r["id"] for r in listed(lib)] == [r["id"] for r in before[2:]]
    assert run("--library", lib, "show", str(first)).returncode == 1


def test_delete_json(lib: str) -> None:
    doc_id = int(str(listed(lib)[-1]["id"]))
    result = run("--library", lib, "delete", str(doc_id), "-y", "--json")
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)
    assert entry["id"] == doc_id and entry["annotations"] == 0 and entry["title"]


def test_unknown_id_deletes_nothing(lib: str) -> None:
    before = listed(lib)
    known = str(before[0]["id"])
    result = run("--library", lib, "delete", known, "4242", "--yes")
    assert result.returncode == 1
    assert result.stderr.strip() == "reader: error: no document with id 4242"
    assert result.stdout == ""
    assert listed(lib) == before


def test_without_a_terminal_yes_is_required(lib: str) -> None:
    before = listed(lib)
    result = run("--library", lib, "delete", str(before[0]["id"]), stdin="y\n")
    assert result.returncode == 1
    assert "--yes" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert listed(lib) == before


def test_usage_errors(lib: str) -> None:
    assert run("--library", lib, "delete").returncode == 2
    assert run("--library", lib, "delete", "abc", "--yes").returncode == 2
    missing = run("--library", str(Path(lib).with_name("none.sqlite")), "delete", "1", "--yes")
    assert missing.returncode == 1 and "no library" in missing.stderr
