"""`reader collection` and `reader tag` as a user runs them: a real subprocess on a temporary library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run(lib: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", lib, *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        input="",
        timeout=120,
    )


def ok(lib: str, *args: str) -> str:
    result = run(lib, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def fails(lib: str, *args: str) -> str:
    """A failure is one line on stderr, no traceback, and a non-zero exit."""
    result = run(lib, *args)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("organise") / "lib.sqlite")
    assert run(path, "import", str(SEEDS)).returncode == 0
    return path


def test_collections_from_the_command_line(lib: str) -> None:
    ids = sorted(int(r["id"]) for r in json.loads(ok(lib, "list", "--json")))
    made = json.loads(ok(lib, "collection", "create", "县级医院", "--json"))
    assert made["name"] == "县级医院" and made["documents"] == 0
    assert "created collection 政策" in ok(lib, "collection", "create", "政策")
    added = json.loads(ok(lib, "collection", "add", "縣級醫院", str(ids[0]), str(ids[1]), "--json"))
    assert added["added"] == ids[:2] and added["documents"] == 2
    assert "added 0 documents to 县级医院 (it holds 2)" in ok(lib, "collection", "add", "县级医院", str(ids[0]))
    listed = json.loads(ok(lib, "collection", "list", "--json"))
    assert [(c["name"], c["documents"]) for c in listed] == [("县级医院", 2), ("政策", 0)]
    found = json.loads(ok(lib, "search", "collection:县级医院", "--json"))
    assert sorted(h["id"] for h in (found["hits"] if isinstance(found, dict) else found)) == ids[:2]
    assert "removed 1 document from 县级医院" in ok(lib, "collection", "remove", "县级医院", str(ids[1]))
    assert "renamed collection 政策 to 政策文件" in ok(lib, "collection", "rename", "政策", "政策文件")
    assert "its documents stay" in ok(lib, "collection", "delete", "政策文件")
    assert [c["name"] for c in json.loads(ok(lib, "collection", "list", "--json"))] == ["县级医院"]


def test_collection_errors_are_one_line(lib: str) -> None:
    ok(lib, "collection", "create", "重复")
    assert "already exists" in fails(lib, "collection", "create", "重複")
    assert "no collection called 无此" in fails(lib, "collection", "add", "无此", "1")
    assert "no document with id 999999" in fails(lib, "collection", "add", "重复", "999999")
    assert "a collection name cannot be empty" in fails(lib, "collection", "create", "  ")
    usage = run(lib, "collection", "add", "重复", "x")  # argparse: the usage line, then the error
    assert usage.returncode == 2 and "invalid int value" in usage.stderr and "Traceback" not in usage.stderr


def test_tags_from_the_command_line(lib: str) -> None:
    doc = int(json.loads(ok(lib, "list", "--json"))[0]["id"])
    assert "has no tags" in ok(lib, "tag", str(doc))
    assert json.loads(ok(lib, "tag", str(doc), "卫生", "政策", "--json")) == {"id": doc, "tags": ["卫生", "政策"]}
    assert ok(lib, "tag", str(doc), "法规").splitlines() == ["卫生", "政策", "法规"]  # one tag a line
    assert ok(lib, "tag", str(doc), "--remove", "衛生", "--remove", "法规").splitlines() == ["政策"]
    found = json.loads(ok(lib, "search", "tag:政策", "--json"))
    assert [h["id"] for h in (found["hits"] if isinstance(found, dict) else found)] == [doc]
    assert "no document with id 999999" in fails(lib, "tag", "999999", "x")
