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
            base = {"type", "text", "normalized", "start", "end", "tier", "parent"}
            extra = {"posts"} if m["type"] == "person" else {"value"} if m["type"] in ("date", "figure") else set()
            assert set(m) == base | extra
            assert line[m["start"] : m["end"]] == m["text"]
            assert m["tier"] == "main"  # the low tier is left out unless asked for
    first = json.loads(out[0])
    at = lines[0].index("张宗久")
    person = {"type": "person", "text": "张宗久", "normalized": "张宗久", "start": at, "end": at + 3}
    assert {**person, "tier": "main", "parent": None, "posts": ["国家卫生健康委医政医管局原局长"]} in first
    assert json.loads(out[1]) == []
    # A date carries its ISO value, a figure its amount: what a script could not work out from the text.
    third = json.loads(out[2])
    assert {"text": "2023年10月13日", "value": "2023-10-13"}.items() <= next(
        m for m in third if m["type"] == "date"
    ).items()
    assert any(m["type"] == "figure" and m["value"] for m in third)


# Lines of the kind a report holds, none copied from the extractor's word lists: odd names, an
# abbreviation, a part of a body.
STDIN_LINES = [
    "三单元的惠利同志去了双城，邕市的中提也来了。",
    "中美两国领导人在北京会晤，中日韩合作继续推进。",
    "长沙市卫健委党组召开会议，长沙市卫健委主任出席。",
    "韩璐璘出席会议。韩璐璘指出，汉江边的周家村今年丰收。",
]


def _stdin(*extra: str) -> list[list[dict[str, object]]]:
    result = run("entities", "--stdin", "--jsonl", *extra, stdin="\n".join(STDIN_LINES) + "\n")
    assert result.returncode == 0, result.stderr
    return [json.loads(row) for row in result.stdout.splitlines()]


def test_stdin_runs_the_whole_pass_tiers_merges_and_parents() -> None:
    shown, everything = _stdin(), _stdin("--all-tiers")
    assert len(shown) == len(everything) == len(STDIN_LINES)
    for main, both in zip(shown, everything, strict=True):
        assert main == [m for m in both if m["tier"] == "main"]  # the same pass, with the low tier left out
    assert any(m["tier"] == "low" for row in everything for m in row)
    # An abbreviation goes by the full name: 中美 → 中国, 美国; a bare character is only what is written.
    places = {(m["text"], m["normalized"]) for m in shown[1] if m["type"] == "place"}
    assert {("中", "中国"), ("美", "美国")} <= places
    assert not any(len(str(m["normalized"])) == 1 for row in shown for m in row if m["type"] in ("place", "org"))
    # A part of a body names its body.
    assert any(m["normalized"] == "长沙市卫健委党组" and m["parent"] == "长沙市卫健委" for m in shown[2])


def test_document_json_carries_tiers_and_all_tiers_adds_the_low_one(seeded: tuple[str, list[int]]) -> None:
    lib, ids = seeded
    for doc_id in ids:
        main = run("--library", lib, "entities", str(doc_id), "--json")
        both = run("--library", lib, "entities", str(doc_id), "--json", "--all-tiers")
        assert main.returncode == both.returncode == 0, main.stderr + both.stderr
        shown, everything = json.loads(main.stdout), json.loads(both.stdout)
        assert all(item["tier"] == "main" for item in shown)
        assert shown == [item for item in everything if item["tier"] == "main"]
        for item in everything:
            if item["type"] in ("person", "org", "place"):
                assert isinstance(item["variants"], list) and "parent" in item
                assert item["normalized"] not in item["variants"]
            else:
                assert "variants" not in item


def test_library_index_leaves_the_low_tier_out_by_default(seeded: tuple[str, list[int]]) -> None:
    lib, _ = seeded
    main = run("--library", lib, "entities", "--all", "--json")
    both = run("--library", lib, "entities", "--all", "--json", "--all-tiers")
    assert main.returncode == both.returncode == 0, main.stderr + both.stderr
    shown, everything = json.loads(main.stdout), json.loads(both.stdout)
    assert {r["tier"] for r in shown} == {"main"}
    assert shown == [r for r in everything if r["tier"] == "main"]
    assert len(everything) > len(shown)
    text = run("--library", lib, "entities", "--all", "--all-tiers")
    assert text.returncode == 0 and "less certain" in text.stdout


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
