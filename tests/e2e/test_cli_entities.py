"""`reader entities` as a user runs it: a subprocess on a temporary library holding the seed documents."""

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
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        input=stdin,
        timeout=180,
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[int]]:
    lib = str(tmp_path_factory.mktemp("cli_entities") / "lib.sqlite")
    result = run("--library", lib, "import", str(SEEDS), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    return lib, sorted(report["imported"])


def _show_text(lib: str, doc_id: int) -> str:
    result = run("--library", lib, "show", str(doc_id), "--json")
    assert result.returncode == 0, result.stderr
    return str(json.loads(result.stdout)["text"])


def test_document_entities_json(seeded: tuple[str, list[int]]) -> None:
    lib, ids = seeded
    doc_id = ids[0]
    result = run("--library", lib, "entities", str(doc_id), "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert items, "a seed report mentions people and places"
    text = _show_text(lib, doc_id)
    kinds = {"person", "org", "place", "date", "figure", "term", "title"}
    for item in items:
        assert item["type"] in kinds
        assert {"text", "normalized", "count", "spans"} <= item.keys()
        assert item["count"] == len(item["spans"])
        for start, end in item["spans"]:
            assert 0 <= start < end <= len(text)
        start, end = item["spans"][0]
        assert text[start:end] == item["text"] or item["type"] == "person"  # a name may span a line wrap
        if item["type"] == "person":
            assert isinstance(item["posts"], list)
    people = [i for i in items if i["type"] == "person"]
    assert any(p["posts"] for p in people)


def test_document_entities_text_and_type_filter(seeded: tuple[str, list[int]]) -> None:
    lib, ids = seeded
    result = run("--library", lib, "entities", str(ids[1]), "--type", "person")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("people (")
    assert not any(line.startswith(("places", "dates")) for line in lines)


def test_library_index(seeded: tuple[str, list[int]]) -> None:
    lib, _ = seeded
    result = run("--library", lib, "entities", "--all", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress when stderr is not a terminal
    index = json.loads(result.stdout)
    assert {"type", "text", "normalized", "documents", "mentions"} <= index[0].keys()
    counts = [i["documents"] for i in index]
    assert counts == sorted(counts, reverse=True)
    assert max(counts) >= 2  # something is mentioned in more than one seed
    people = run("--library", lib, "entities", "--all", "--type", "person", "--json")
    assert people.returncode == 0, people.stderr
    rows = json.loads(people.stdout)
    assert rows and all(r["type"] == "person" and isinstance(r["posts"], list) for r in rows)
    assert any(r["posts"] for r in rows)


def test_stdin_jsonl_needs_no_library(tmp_path: Path) -> None:
    lines = [
        "国家卫生健康委医政医管局原局长张宗久出席会议。",
        "",
        "會議於2023年10月13日在北京舉行，𠗣150余人参加。",
    ]
    missing = tmp_path / "nowhere" / "lib.sqlite"
    result = run("--library", str(missing), "entities", "--stdin", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert len(out) == len(lines)
    assert not missing.exists()
    for line, row in zip(lines, out, strict=True):
        found = json.loads(row)
        for m in found:
            assert set(m) == {"type", "text", "start", "end"}
            assert line[m["start"] : m["end"]] == m["text"]
    first = json.loads(out[0])
    at = lines[0].index("张宗久")
    assert {"type": "person", "text": "张宗久", "start": at, "end": at + 3} in first
    assert json.loads(out[1]) == []
    assert any(m["type"] == "date" for m in json.loads(out[2]))


def test_user_errors_are_one_line(seeded: tuple[str, list[int]], tmp_path: Path) -> None:
    lib, ids = seeded
    for args in (
        ("--library", lib, "entities", "99999"),
        ("--library", lib, "entities"),
        ("--library", lib, "entities", "--all", str(ids[0])),
        ("--library", lib, "entities", "--stdin"),
        ("--library", str(tmp_path / "none.sqlite"), "entities", "1"),
    ):
        result = run(*args)
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.startswith("reader: error: ")
        assert result.stderr.count("\n") == 1
    usage = run("--library", lib, "entities", "--type", "weather", "--all")
    assert usage.returncode == 2
