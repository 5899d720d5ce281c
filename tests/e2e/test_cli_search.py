"""`reader search` as a script uses it."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import SEEDS, run  # shared helpers of the CLI tests


def test_search_json_and_cross_script(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    run("import", str(SEEDS), "--library", lib)
    simplified = json.loads(run("search", "医院", "--json", "--library", lib).stdout)
    traditional = json.loads(run("search", "醫院", "--json", "--library", lib).stdout)
    assert simplified and [r["id"] for r in simplified] == [r["id"] for r in traditional]
    for r in simplified:
        assert {"id", "title", "snippet", "hits"} <= r.keys()
        assert r["hits"] >= 1 and "[医院]" in r["snippet"]
    one_char = json.loads(run("search", "罗", "--json", "--limit", "1", "--library", lib).stdout)
    assert len(one_char) == 1
    hant = json.loads(run("search", "医院", "--json", "--script", "hant", "--library", lib).stdout)
    assert "[醫院]" in hant[0]["snippet"]


def test_annotation_notes_and_tags_are_searchable(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    run("import", str(SEEDS / "004_41a3f7201d4af7ee.txt"), "--library", lib)
    assert json.loads(run("search", "tag:待核实", "--json", "--library", lib).stdout) == []
    run("annotate", "1", "--quote", "罗勇", "--note", "独角兽笔记", "--tag", "待核实", "--library", lib)
    assert [r["id"] for r in json.loads(run("search", "tag:待核实", "--json", "--library", lib).stdout)] == [1]
    assert [r["id"] for r in json.loads(run("search", "独角兽", "--json", "--library", lib).stdout)] == [1]


def test_bad_query_exits_1_with_a_message(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    run("import", str(SEEDS / "004_41a3f7201d4af7ee.txt"), "--library", lib)
    result = run("search", '"unclosed', "--library", lib)
    assert result.returncode == 1
    assert result.stderr.startswith("reader: error: bad query:") and "Traceback" not in result.stderr
